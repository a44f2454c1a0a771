r"""The leader commits first: sequential contributions to a public good (Varian 1994).

Stage 1: the leader :math:`L` commits to :math:`g_L`. Stage 2: the followers play the
Bergstrom-Blume-Varian Nash equilibrium taking :math:`g_L` as given, so the total is
:math:`G(g_L) = \max(g_L, \max_m a(g_L + W_m)/(a + m(1-a)))`, with :math:`W_m` the income
of the :math:`m` richest followers. The leader maximizes

.. math:: U(g_L) = (1-a)\log(w_L - g_L) + a \log G(g_L).

Where :math:`m` followers contribute, :math:`G` is affine in :math:`g_L` and :math:`U` is
strictly concave, with maximizer :math:`g_L = a w_L - (1-a) W_m`; the global optimum is
the best of these, each clipped to its regime. With two interior allies,
:math:`g_1^S = a w_1 - (1-a) w_2` and :math:`G^S = a(w_2 + g_1^S) = a^2(w_1+w_2)`
(docs/models.md §a.3).

Total provision never rises: for :math:`g > g_L^N` the followers give no more than in the
Nash equilibrium, so :math:`U(g) \le (1-a)\log(w_L-g) + a\log(g + F^N) \le U(g_L^N)`, the
last step being the leader's Nash best response. Hence :math:`g_L^S \le g_L^N` and
:math:`G^S \le G^N`: the burden shifts to the followers and security falls (strictly,
whenever the leader and a follower both contribute in the Nash equilibrium).

Examples
--------
>>> import sympy as sp
>>> from games.alliance import leader_commitment
>>> r = leader_commitment([10, 8], a=sp.Rational(1, 2)).equilibrium()
>>> tuple(r.sequential.contributions), r.sequential.total, r.simultaneous.total
((1, 7/2), 9/2, 6)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from games.alliance._inputs import HALF, as_scalar, as_vector, cast, labels, to_mode
from games.alliance._public_good import PublicGood, bbv_contributions, bbv_total
from games.alliance._results import (
    AllianceEquilibrium,
    EfficientProvision,
    FreeRidingSummary,
    Underprovision,
    make_equilibrium,
    summarize,
)
from games.continuous import SequentialGame
from solvers.result import EquilibriumResult, convert_number
from solvers.verify import DEFAULT_RTOL

__all__ = ["CommitmentEquilibrium", "LeaderCommitment", "leader_commitment"]

_GRID = 1025  # points of the independent check of the leader's optimum


@dataclass(frozen=True)
class CommitmentEquilibrium(EquilibriumResult):
    """The leader-commitment (Stackelberg) outcome next to the simultaneous Nash one.

    Attributes
    ----------
    sequential, simultaneous : AllianceEquilibrium
    leader : int
        Index of the committing ally.
    leader_contribution_change : number
        ``g_L^S - g_L^N`` (negative: the leader shifts the burden).
    followers_contribution_change : number
        Change in the followers' joint contribution (positive: they pick up part of it).
    total_change : number
        ``G^S - G^N`` (never positive: security falls).
    leader_utility_gain : float
        The leader's utility gain from committing first.

    Examples
    --------
    Returned by :meth:`LeaderCommitment.equilibrium`; two allies (10, 8), ``a = 1/2``:
    ``g_1^S = a w_1 - (1-a) w_2 = 1`` and ``G^S = a^2 (w_1 + w_2) = 9/2`` (docs/models.md §a.3).

    >>> r = leader_commitment([10, 8]).equilibrium()
    >>> r
    CommitmentEquilibrium(leader='ally 1', G: 6 -> 9/2, leader gives -3, followers +3/2)
    >>> r.total_change, r.leader_utility_gain > 0
    (-3/2, True)
    """

    sequential: AllianceEquilibrium
    simultaneous: AllianceEquilibrium
    leader: int
    leader_contribution_change: Any
    followers_contribution_change: Any
    total_change: Any
    leader_utility_gain: float

    # the shared result shape, from the sequential equilibrium
    @property
    def strategies(self) -> dict[str, Any]:
        return self.sequential.strategies

    @property
    def payoffs(self) -> dict[str, float] | None:
        return self.sequential.payoffs

    @property
    def exact(self) -> bool:
        return self.sequential.exact

    @property
    def method(self) -> str:
        return self.sequential.method

    regret = None  # residual checks, see ``sequential.residual``

    @property
    def verified(self) -> bool:
        return self.sequential.verified and self.simultaneous.verified

    def strategies_by_player(self) -> dict[str, Any]:
        return self.sequential.strategies

    def payoffs_by_player(self) -> dict[str, Any] | None:
        return self.sequential.payoffs

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """The sequential equilibrium's ``to_dict``, the simultaneous one and the changes."""
        out = self.sequential.to_dict(numbers)
        out.update(
            simultaneous=self.simultaneous.to_dict(numbers),
            leader_contribution_change=convert_number(self.leader_contribution_change, numbers),
            followers_contribution_change=convert_number(
                self.followers_contribution_change, numbers
            ),
            total_change=convert_number(self.total_change, numbers),
            leader_utility_gain=float(self.leader_utility_gain),
        )
        return out

    def __repr__(self) -> str:
        return (
            f"CommitmentEquilibrium(leader={self.sequential.players[self.leader]!r}, "
            f"G: {self.simultaneous.total} -> {self.sequential.total}, "
            f"leader gives {_signed(self.leader_contribution_change)}, followers "
            f"{_signed(self.followers_contribution_change)})"
        )


def _signed(value: Any) -> str:
    text = f"{float(value):.6g}" if isinstance(value, float | np.floating) else str(value)
    return text if text.startswith("-") else "+" + text


class LeaderCommitment:
    """Sequential contributions with a committing leader; build with :func:`leader_commitment`.

    Attributes
    ----------
    players, incomes, a, exact
    leader : int
    base : PublicGood
        The simultaneous-move model (same incomes and ``a``).

    Examples
    --------
    >>> m = leader_commitment([10, 8])
    >>> m
    LeaderCommitment(n=2, a=1/2, leader='ally 1')
    >>> m.followers_total(1)      # follower gives a w_2 - (1-a) g_1 = 7/2 (model arithmetic)
    Fraction(9, 2)
    >>> m.closed_forms["total"]
    a**2*w_1 + a**2*w_2
    >>> tuple(m.equilibrium().sequential.contributions)
    (1, 7/2)
    """

    def __init__(self, base: PublicGood, leader: int) -> None:
        self.base = base
        self.leader = leader
        self.players = base.players
        self.incomes = base.incomes
        self.a = base.a
        self.exact = base.exact
        self._followers = np.array([i for i in range(base.n) if i != leader])

    def __repr__(self) -> str:
        return (
            f"LeaderCommitment(n={self.base.n}, a={self.a}, leader={self.players[self.leader]!r})"
        )

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Two-ally closed forms (follower interior) and the regime-wise first-order rule."""
        a, w1, w2, wm = sp.symbols("a w_1 w_2 W_m", positive=True)
        g1 = a * w1 - (1 - a) * w2
        return {
            "follower_best_response": sp.Max(0, a * w2 - (1 - a) * sp.Symbol("g_1")),
            "leader_contribution": g1,
            "total": sp.expand(a * (w2 + g1)),
            "nash_total": a * (w1 + w2) / (2 - a),
            "leader_contribution_regime": a * w1 - (1 - a) * wm,
        }

    @property
    def game(self) -> SequentialGame:
        """The sequential game: the leader commits, then the followers play the stage game.

        Its generic solution (:func:`solvers.continuous.stackelberg`) gives the same
        contributions as :meth:`equilibrium` (tested).
        """
        return SequentialGame(self.base.game, self.leader)

    @property
    def stage_game(self):
        """The simultaneous stage game (the base public-good game)."""
        return self.base.game

    def followers_total(self, commitment: Any) -> Any:
        """Total provision when the leader commits ``commitment`` (model arithmetic)."""
        g, _ = as_scalar(commitment, "commitment", low=0, low_open=False)
        wf = self.base._w[self._followers]
        return bbv_total(wf, self.base._a, to_mode(g, self.exact))

    def leader_payoff(self, commitment: Any) -> np.ndarray:
        """The leader's utility as a function of its commitment (floats, vectorized)."""
        g = np.atleast_1d(np.asarray(commitment, dtype=float))
        a = float(self.base._a)
        wl = float(self.base._w[self.leader])
        wf = np.asarray(self.base._w[self._followers], dtype=float)
        totals = np.array([bbv_total(wf, a, x) for x in g])
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (1 - a) * np.log(wl - g) + a * np.log(totals)
        u = np.where((g >= 0) & (g < wl), u, np.nan)
        return u if np.ndim(commitment) else u[0]

    def _candidates(self) -> list[Any]:
        a, w = self.base._a, self.base._w
        wl = w[self.leader]
        wf = w[self._followers]
        ws = wf[np.argsort(-wf, kind="stable")]
        cum = [0 * wl]
        for x in ws:
            cum.append(cum[-1] + x)
        out = []
        for m in range(len(ws) + 1):
            scale = (a + m * (1 - a)) / (1 - a)
            lo = ws[m] * scale - cum[m] if m < len(ws) else None
            hi = ws[m - 1] * scale - cum[m] if m > 0 else None
            lo = 0 * wl if lo is None or lo < 0 else lo
            hi = wl if hi is None or hi > wl else hi
            if lo >= wl or lo > hi:
                continue
            foc = a * wl - (1 - a) * cum[m]
            out.append(min(max(foc, lo), hi))
        return out

    def _utility(self, g: Any, total: Any):
        a, wl = self.base._a, self.base._w[self.leader]
        if wl - g <= 0:
            return -mpmath.inf
        if self.exact:

            def mp(x):
                return mpmath.mpf(x.numerator) / x.denominator

            return (1 - mp(a)) * mpmath.log(mp(wl - g)) + mp(a) * mpmath.log(mp(total))
        return (1 - a) * np.log(wl - g) + a * np.log(total)

    @cached_property
    def _result(self) -> CommitmentEquilibrium:
        base, a = self.base, self.base._a
        wf = base._w[self._followers]
        scored = []
        with mpmath.workdps(60):  # exact mode: utilities compared at 60 digits
            for g in self._candidates():
                total = bbv_total(wf, a, g)
                scored.append((self._utility(g, total), g, total))
            best_u = max(s[0] for s in scored)
            close = 1e-40 if self.exact else 1e-12
            ties = {s[1] for s in scored if abs(s[0] - best_u) <= (abs(best_u) + 1) * close}
        _, g_lead, total = max(scored, key=lambda s: (s[0], -s[1]))
        g = np.empty(base.n, dtype=base._w.dtype)
        g[self._followers] = bbv_contributions(wf, a, total)
        g[self.leader] = g_lead
        residual, tol = self._check(g, g_lead)
        notes: tuple[str, ...] = ()
        if len(ties) > 1:
            notes = (
                "the leader is indifferent between several commitments; the smallest is shown",
            )
        seq = make_equilibrium(
            base.players,
            base._w,
            g,
            exact=self.exact,
            residual=residual,
            tolerance=tol,
            unique=len(ties) == 1,
            notes=notes,
            method="leader commits first (Varian 1994), followers Nash",
            payoff_function=base.payoffs,
        )
        nash = base.equilibrium()
        lead = self.leader
        u_seq = float(self._utility(g_lead, total))
        nash_g = to_mode(_frac(nash.contributions[lead]), self.exact)
        u_nash = float(self._utility(nash_g, to_mode(_frac(nash.total), self.exact)))
        return CommitmentEquilibrium(
            sequential=seq,
            simultaneous=nash,
            leader=lead,
            leader_contribution_change=seq.contributions[lead] - nash.contributions[lead],
            followers_contribution_change=(seq.total - seq.contributions[lead])
            - (nash.total - nash.contributions[lead]),
            total_change=seq.total - nash.total,
            leader_utility_gain=u_seq - u_nash,
        )

    def _check(self, g: np.ndarray, g_lead: Any) -> tuple[Any, float | None]:
        """Followers on their best responses; no grid commitment beats the leader's."""
        a, w = self.base._a, self.base._w
        total = sum(g, start=0 * g[0])
        gap = []
        for j in self._followers:
            br = a * w[j] - (1 - a) * (total - g[j])
            br = br if br > 0 else 0 * br
            gap.append(abs(g[j] - br))
        residual = max(gap) if self.exact else float(max(gap))
        tol = None if self.exact else DEFAULT_RTOL * float(np.max(w))
        if (residual != 0) if self.exact else (residual > tol):  # type: ignore[operator]
            raise RuntimeError(f"follower best-response check failed: residual {residual}")
        wl = float(w[self.leader])
        grid = np.linspace(0.0, wl, _GRID, endpoint=False)
        best = float(self.leader_payoff(float(g_lead)))
        worst_gap = float(np.nanmax(self.leader_payoff(grid))) - best
        if worst_gap > 1e-9 * max(1.0, abs(best)):
            raise RuntimeError(
                f"leader optimum check failed: a grid commitment does better by {worst_gap}"
            )
        return residual, tol

    def equilibrium(self) -> CommitmentEquilibrium:
        """The sequential equilibrium, with the simultaneous one and the changes."""
        return self._result

    def efficient(self) -> EfficientProvision:
        """Samuelson level (as for the simultaneous game)."""
        return self.base.efficient()

    def underprovision(self) -> Underprovision:
        """Sequential total over the Samuelson level."""
        total, eff = self._result.sequential.total, self.base.efficient().total
        return Underprovision(
            nash_total=total, efficient_total=eff, ratio=total / eff, gap=eff - total
        )

    def free_riding(self) -> FreeRidingSummary:
        """Free-riding summary of the sequential equilibrium."""
        seq = self._result.sequential
        return summarize(seq.incomes, seq.contributions, self.base.efficient().total, seq.notes)


def _frac(value: Any):
    from fractions import Fraction

    if hasattr(value, "p"):
        return Fraction(int(value.p), int(value.q))
    return value


def leader_commitment(
    incomes: Sequence[Any] | np.ndarray = (10, 8),
    a: Any = HALF,
    leader: int | None = None,
    players: Sequence[str] | None = None,
) -> LeaderCommitment:
    """The leader commits to its contribution first (Varian 1994), Cobb-Douglas BBV allies.

    Parameters
    ----------
    incomes : sequence of numbers, default (10, 8)
        At least two positive finite incomes.
    a : number, default 1/2
        ``0 < a < 1``, weight of security in ``(1-a) log(w_i - g_i) + a log G``.
    leader : int, optional
        Index of the ally that commits first (default: the richest).
    players : sequence of str, optional

    Returns
    -------
    LeaderCommitment
        ``.equilibrium()`` gives the sequential and simultaneous outcomes and the burden
        shift; ``.free_riding()``, ``.efficient()``, ``.closed_forms``, ``.game``.

    Examples
    --------
    >>> import sympy as sp
    >>> r = leader_commitment([10, 8, 2], a=sp.Rational(1, 2)).equilibrium()
    >>> r.leader_contribution_change, r.followers_contribution_change, r.total_change
    (-3, 3/2, -3/2)
    >>> r.sequential.leader_share      # the US share falls from 2/3
    2/9
    """
    w, w_exact = as_vector(incomes, "incomes", min_length=2)
    a_val, a_exact = as_scalar(a, "a", low=0, high=1)
    exact = w_exact and a_exact
    if leader is None:
        leader = int(np.argmax(np.asarray(w, dtype=float)))
    elif (
        isinstance(leader, bool)
        or not isinstance(leader, int | np.integer)
        or not (0 <= leader < len(w))
    ):
        raise ValueError(f"leader must be an ally index in 0..{len(w) - 1}, got {leader!r}")
    base = PublicGood(
        cast(w, exact), to_mode(a_val, exact), "cobb-douglas", labels(players, len(w)), exact
    )
    return LeaderCommitment(base, int(leader))
