r"""Pure public good alliances: Bergstrom, Blume & Varian (1986) and Olson & Zeckhauser (1966).

Allies :math:`i = 1..n` with incomes :math:`w_i` choose defence contributions
:math:`g_i \ge 0`; deterrence :math:`G = \sum_j g_j` is a pure public good.

*Cobb-Douglas* (BBV 1986): :math:`u_i = (1-a)\log(w_i - g_i) + a \log G`, :math:`0<a<1`.
The best response is :math:`g_i = \max(0,\ a w_i - (1-a) G_{-i})` (strategic substitutes).
With contributor set :math:`C` (:math:`|C| = m`),

.. math:: G = \frac{a \sum_{i\in C} w_i}{a + m(1-a)}, \qquad
          g_i = w_i - \tfrac{1-a}{a} G \quad (i \in C),

and :math:`C = \{i : w_i > \tfrac{1-a}{a} G\}`: the :math:`m` richest. Writing :math:`G_m`
for the formula applied to the :math:`m` richest, :math:`G_m - G_{m-1}` has the sign of
:math:`w_{(m)} - \tfrac{1-a}{a} G_{m-1}`, so the equilibrium total is
:math:`G = \max_m G_m`: one sort and one cumulative sum solve the game for thousands of
allies (the aggregate, not the :math:`2^n` contributor sets). The equilibrium is unique
(BBV 1986). The Samuelson level is :math:`G^* = aW`, :math:`W = \sum_i w_i`, financed
without transfers by the Lindahl contributions :math:`a w_i`.

*Quasi-linear* (Olson & Zeckhauser 1966, with :math:`v = \log` and valuations
:math:`T_i = a w_i`): :math:`u_i = a w_i \log G - g_i`. The best response is
:math:`\max(0, a w_i - G_{-i})`, so only the ally with the largest :math:`T_i` contributes
and :math:`G = a \max_i w_i`, against the Samuelson level :math:`\sum_i T_i = aW`.

Neutrality (Warr 1983; BBV 1986): a redistribution among contributors that leaves the
contributor set unchanged leaves :math:`G` and every contributor's consumption unchanged;
government provision financed by lump-sum taxes on contributors, no larger than their
gifts, is crowded out one for one.

Examples
--------
>>> import sympy as sp
>>> from games.alliance import public_good
>>> eq = public_good([10, 8, 2], a=sp.Rational(1, 2)).equilibrium()
>>> eq.total, tuple(eq.contributions), eq.contributors, eq.leader_share
(6, (4, 2, 0), (0, 1), 2/3)
>>> public_good([10, 4, 2], a=sp.Rational(1, 2), utility="quasi-linear").equilibrium().total
5
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.alliance._inputs import (
    HALF,
    as_scalar,
    as_vector,
    cast,
    exact_out,
    labels,
    to_mode,
    vector_out,
)
from games.alliance._results import (
    AllianceEquilibrium,
    EfficientProvision,
    FreeRidingSummary,
    Underprovision,
    make_equilibrium,
    summarize,
)
from solvers.continuous import linear_aggregative_equilibrium
from solvers.verify import DEFAULT_RTOL

__all__ = [
    "GovernmentProvision",
    "PublicGood",
    "Redistribution",
    "bbv_contributions",
    "bbv_total",
    "public_good",
]

UTILITIES = ("cobb-douglas", "quasi-linear")

# Generic symbols of the closed forms.
A, W_I, G_OTHERS, W_C, M, W_ALL, G_SYM, W_MAX = sp.symbols(
    "a w_i G_{-i} W_C m W G w_max", positive=True
)


def bbv_total(w: np.ndarray, a: Any, g0: Any = 0) -> Any:
    """BBV equilibrium total with incomes ``w`` and exogenous provision ``g0 >= 0``.

    ``G = max(g0, max_m a (g0 + W_m) / (a + m (1 - a)))`` where ``W_m`` is the income of
    the ``m`` richest: one sort and one cumulative sum. Exact with ``Fraction`` inputs.

    Parameters
    ----------
    w : numpy.ndarray
        Incomes (``object`` array of ``Fraction`` for exact arithmetic, else float).
    a : number
        Weight of security, ``0 < a < 1``.
    g0 : number, default 0
        Provision outside the allies' choices (a committed leader, the government).

    Returns
    -------
    number
        The equilibrium total ``G`` (including ``g0``), in the arithmetic of ``w``.

    Examples
    --------
    Incomes (10, 8, 2), ``a = 1/2``: the two richest contribute and
    ``G = a (w_1 + w_2)/(a + 2(1-a)) = 6`` (docs/models.md §a.2).

    >>> import numpy as np
    >>> from fractions import Fraction
    >>> w = np.array([Fraction(10), Fraction(8), Fraction(2)], dtype=object)
    >>> bbv_total(w, Fraction(1, 2))
    Fraction(6, 1)
    >>> bbv_total(w, Fraction(1, 2), g0=Fraction(7))    # only ally 1 still gives: (7+10)/2
    Fraction(17, 2)
    """
    ws = w[np.argsort(-w, kind="stable")]
    m = np.arange(1, len(ws) + 1)
    totals = a * (g0 + np.cumsum(ws)) / (a + m * (1 - a))
    best = np.max(totals)
    return best if best > g0 else g0


def bbv_contributions(w: np.ndarray, a: Any, total: Any) -> np.ndarray:
    """Contributions ``max(0, w_i - (1-a)/a * total)`` at the equilibrium ``total``.

    Parameters
    ----------
    w : numpy.ndarray
        Incomes (``object`` array of ``Fraction`` for exact arithmetic, else float).
    a : number
        Weight of security, ``0 < a < 1``.
    total : number
        The equilibrium total, e.g. from :func:`bbv_total`.

    Returns
    -------
    numpy.ndarray
        Contributions in the arithmetic of ``w``.

    Examples
    --------
    >>> import numpy as np
    >>> w = np.array([10.0, 8.0, 2.0])
    >>> bbv_contributions(w, 0.5, bbv_total(w, 0.5))     # G = 6: (4, 2, 0)
    array([4., 2., 0.])
    """
    threshold = (1 - a) / a * total
    if w.dtype == object:
        return np.array(
            [wi - threshold if wi > threshold else Fraction(0) for wi in w], dtype=object
        )
    return np.maximum(w - threshold, 0.0)


def _best_responses(w: np.ndarray, g: np.ndarray, a: Any, g0: Any, utility: str):
    """Each ally's best response to the others' contributions (plus ``g0``)."""
    others = g0 + sum(g, start=0 * g[0]) - g
    raw = a * w - (1 - a) * others if utility == "cobb-douglas" else a * w - others
    if w.dtype == object:
        return np.array([max(Fraction(0), r) for r in raw], dtype=object)
    return np.maximum(raw, 0.0)


def _solve(w: np.ndarray, a: Any, g0: Any, utility: str) -> tuple[np.ndarray, bool, tuple]:
    """Contributions, uniqueness flag and notes of the Nash equilibrium."""
    if utility == "cobb-douglas":
        # g_i = max(0, w_i - (1-a)/a G): a linear aggregative game, solved exactly through
        # the aggregate by the generic solver (bbv_total is its closed form, tested equal)
        exact = w.dtype == object
        eq = linear_aggregative_equilibrium(
            list(w), (1 - a) / a, lower=0, upper=list(w), offset=g0, exact=exact
        )
        g = eq.strategies if exact else np.asarray(eq.strategies, dtype=float)
        return g, True, ()
    top = np.max(w)
    need = a * top - g0
    g = (
        np.zeros(len(w), dtype=w.dtype)
        if w.dtype != object
        else np.array([Fraction(0)] * len(w), dtype=object)
    )
    if need <= 0:
        return g, True, ()
    tied = np.flatnonzero(np.asarray(w == top, dtype=bool))
    for i in tied:
        g[i] = need / len(tied)
    if len(tied) == 1:
        return g, True, ()
    note = (
        f"{len(tied)} allies share the largest valuation: any split of {need} among "
        "them is an equilibrium (equal split shown)"
    )
    return g, False, (note,)


@dataclass(frozen=True)
class Redistribution:
    """Effect of an income redistribution on the equilibrium.

    Attributes
    ----------
    transfers : numpy.ndarray
    before, after : AllianceEquilibrium
    total_change : number
    contributor_set_unchanged : bool
    neutral : bool
        True when the total and the consumption of every ally that was and stays a
        contributor are unchanged.
    explanation : str
    model : PublicGood
        The model with the new incomes.

    Examples
    --------
    Returned by :meth:`PublicGood.redistribute`. A transfer between the two contributors
    is neutral (Warr 1983); one that lifts ally 3 off the corner is not:

    >>> m = public_good([10, 8, 2])
    >>> r = m.redistribute([-1, 1, 0])
    >>> r.neutral, r.total_change, tuple(r.after.contributions)
    (True, 0, (3, 3, 0))
    >>> r = m.redistribute([-4, 0, 4])
    >>> r.contributor_set_unchanged, r.total_change
    (False, -1)
    """

    transfers: np.ndarray
    before: AllianceEquilibrium
    after: AllianceEquilibrium
    total_change: Any
    contributor_set_unchanged: bool
    neutral: bool
    explanation: str
    model: PublicGood


@dataclass(frozen=True)
class GovernmentProvision:
    """Government provision financed by lump-sum taxes, and the private response.

    Attributes
    ----------
    taxes : numpy.ndarray
    public_provision : number
        ``sum(taxes)``, spent on the public good.
    before, after : AllianceEquilibrium
        ``after.contributions`` are the voluntary contributions out of after-tax income;
        ``after.total`` includes the public provision.
    total_change : number
    crowding_out : number
        Fall in voluntary contributions per unit of public provision (1 = complete).
    burden_shares : numpy.ndarray
        ``(tax + contribution) / pre-tax income`` after the policy.
    explanation : str

    Examples
    --------
    Returned by :meth:`PublicGood.government_provision`. Taxes on contributors no larger
    than their gifts are crowded out one for one (Warr 1983; BBV 1986):

    >>> p = public_good([10, 8, 2]).government_provision([1, 1, 0])
    >>> p.public_provision, p.crowding_out, p.total_change
    (2, 1, 0)
    >>> tuple(p.after.contributions), p.after.total
    ((3, 1, 0), 6)
    """

    taxes: np.ndarray
    public_provision: Any
    before: AllianceEquilibrium
    after: AllianceEquilibrium
    total_change: Any
    crowding_out: Any
    burden_shares: np.ndarray
    explanation: str


class PublicGood:
    """A pure-public-good alliance; build it with :func:`public_good`.

    Attributes
    ----------
    players : tuple of str
    incomes : numpy.ndarray
    a : number
        Weight of the public good (Cobb-Douglas) or valuation share (quasi-linear).
    utility : str
    exact : bool

    Examples
    --------
    >>> m = public_good([10, 8, 2])
    >>> m
    PublicGood(n=3, a=1/2, utility='cobb-douglas', exact)
    >>> m.best_response(0, 2)            # max(0, a w_1 - (1-a) G_-1) = 5 - 1
    4
    >>> m.closed_forms["total"]
    W_C*a/(a + m*(1 - a))
    >>> m.equilibrium().total, m.efficient().total    # Nash 6 vs Samuelson a W = 10
    (6, 10)
    """

    def __init__(
        self, incomes: np.ndarray, a: Any, utility: str, players: tuple[str, ...], exact: bool
    ) -> None:
        self._w = incomes
        self._a = a
        self.utility = utility
        self.players = players
        self.exact = exact
        self.incomes = vector_out(incomes, exact)
        self.a = exact_out(a, exact)

    @property
    def n(self) -> int:
        """Number of allies."""
        return len(self._w)

    def __repr__(self) -> str:
        kind = "exact" if self.exact else "float"
        return f"PublicGood(n={self.n}, a={self.a}, utility={self.utility!r}, {kind})"

    # ----------------------------------------------------------------- closed forms
    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """The model's closed forms in generic symbols (sympy).

        Symbols: ``a``, ``w_i``, ``G_{-i}`` (the others' provision), ``W_C`` and ``m``
        (income and size of the contributor set), ``W`` (total income), ``G``,
        ``w_max``.
        """
        k = (1 - A) / A
        if self.utility == "cobb-douglas":
            return {
                "utility": (1 - A) * sp.log(W_I - sp.Symbol("g_i")) + A * sp.log(G_SYM),
                "best_response": sp.Max(0, A * W_I - (1 - A) * G_OTHERS),
                "total": A * W_C / (A + M * (1 - A)),
                "contribution": W_I - k * G_SYM,
                "private_consumption": k * G_SYM,
                "contributor_condition": sp.StrictGreaterThan(W_I, k * G_SYM),
                "dG_dw_contributor": A / (A + M * (1 - A)),
                "samuelson": A * W_ALL,
                "lindahl_contribution": A * W_I,
            }
        return {
            "utility": A * W_I * sp.log(G_SYM) - sp.Symbol("g_i"),
            "best_response": sp.Max(0, A * W_I - G_OTHERS),
            "total": A * W_MAX,
            "samuelson": A * W_ALL,
            "lindahl_contribution": A * W_I,
        }

    @cached_property
    def game(self):
        """The model as a :class:`games.continuous.ContinuousGame` (see module notes)."""
        from games.alliance._game import public_good_game

        return public_good_game(self)

    # ----------------------------------------------------------------- payoffs
    def payoffs(self, contributions: Any) -> np.ndarray:
        """Utilities (floats) at ``contributions``; the last axis indexes allies.

        Vectorized: ``contributions`` may have shape ``(..., n)``; infeasible profiles
        (negative, or above income) give ``nan``.
        """
        g = np.asarray(contributions, dtype=float)
        if g.shape[-1:] != (self.n,):
            raise ValueError(f"contributions must have last axis {self.n}, got {g.shape}")
        w = np.asarray(self._w, dtype=float)
        a = float(self._a)
        total = g.sum(axis=-1, keepdims=True)
        ok = (g >= 0) & (g < w)
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.utility == "cobb-douglas":
                u = (1 - a) * np.log(w - g) + a * np.log(total)
            else:
                u = a * w * np.log(total) - g
        return np.where(ok, u, np.nan)

    def best_response(self, player: int, others: Any) -> Any:
        """Ally ``player``'s best response to the others' total ``others`` (vectorized)."""
        if not 0 <= player < self.n:
            raise ValueError(f"player must be in 0..{self.n - 1}, got {player}")
        w, a = self._w[player], self._a
        if self.exact and np.ndim(others) == 0:
            g, exact = as_scalar(others, "others", low=0, low_open=False)
            if exact:
                br = a * w - (1 - a) * g if self.utility == "cobb-douglas" else a * w - g
                return exact_out(max(Fraction(0), br), True)
        garr = np.asarray(others, dtype=float)
        wf, af = float(w), float(a)
        br = af * wf - (1 - af) * garr if self.utility == "cobb-douglas" else af * wf - garr
        return np.maximum(br, 0.0)

    # ----------------------------------------------------------------- solutions
    def _equilibrium(
        self, w: np.ndarray, g0: Any = 0, budget: np.ndarray | None = None, method: str = ""
    ) -> AllianceEquilibrium:
        """Solve and verify; ``w`` drives choices, ``budget`` (default ``w``) consumption.

        In the quasi-linear model taxes leave valuations ``a w_i`` unchanged, so ``w`` is
        the pre-tax income there and ``budget`` the after-tax income.
        """
        g, unique, notes = _solve(w, self._a, g0, self.utility)
        br = _best_responses(w, g, self._a, g0, self.utility)
        gap = np.abs(g - br)
        residual = max(gap) if self.exact else float(np.max(gap))
        tol = None if self.exact else DEFAULT_RTOL * float(np.max(w))
        if (residual != 0) if self.exact else (residual > tol):  # type: ignore[operator]
            raise RuntimeError(f"equilibrium check failed: best-response residual {residual}")
        name = method or (
            "linear_aggregative_equilibrium"
            if self.utility == "cobb-douglas"
            else "largest valuation (Olson-Zeckhauser)"
        )
        return make_equilibrium(
            self.players,
            w if budget is None else budget,
            g,
            public_provision=g0,
            exact=self.exact,
            residual=residual,
            tolerance=tol,
            method=name,
            unique=unique,
            notes=notes,
            payoff_function=self.payoffs if budget is None and g0 == 0 else None,
        )

    @cached_property
    def _nash(self) -> AllianceEquilibrium:
        return self._equilibrium(self._w)

    def equilibrium(self) -> AllianceEquilibrium:
        """The Nash equilibrium (unique; ties in the quasi-linear model are flagged)."""
        return self._nash

    def efficient(self) -> EfficientProvision:
        """The Samuelson level ``a W`` and its Lindahl financing ``a w_i``."""
        g = self._a * self._w
        return EfficientProvision(
            total=exact_out(sum(g, start=0 * g[0]), self.exact),
            contributions=vector_out(g, self.exact),
            burden_shares=vector_out(g / self._w, self.exact),
            rule="sum of marginal rates of substitution = 1: G* = a*W; Lindahl g_i = a*w_i",
            exact=self.exact,
        )

    def underprovision(self) -> Underprovision:
        """Nash total over the Samuelson level (and the gap)."""
        nash, eff = self._nash.total, self.efficient().total
        return Underprovision(
            nash_total=nash, efficient_total=eff, ratio=nash / eff, gap=eff - nash
        )

    def free_riding(self) -> FreeRidingSummary:
        """Exploitation index, share of allies at the corner, Nash/efficient gap."""
        eq = self._nash
        return summarize(eq.incomes, eq.contributions, self.efficient().total, eq.notes)

    # ----------------------------------------------------------------- policy
    def redistribute(self, transfers: Sequence[Any]) -> Redistribution:
        """Move income between allies (``transfers`` sum to zero) and re-solve.

        The result says whether the total changed and why: neutrality holds when the
        transfers stay among contributors and the contributor set is unchanged.
        """
        t, t_exact = as_vector(transfers, "transfers", positive=False, length=self.n)
        exact = self.exact and t_exact
        t = cast(t, exact)
        w = cast(self._w, exact)
        net = sum(t, start=0 * t[0])
        if (net != 0) if exact else abs(net) > DEFAULT_RTOL * float(np.sum(w)):
            raise ValueError(f"transfers must sum to zero (a redistribution), got sum {net}")
        new = w + t
        bad = np.flatnonzero(np.asarray(new <= 0, dtype=bool))
        if bad.size:
            raise ValueError(
                f"transfers leave ally {bad[0]} with income {new[bad[0]]} <= 0; "
                "incomes must stay positive"
            )
        model = PublicGood(new, to_mode(self._a, exact), self.utility, self.players, exact)
        before = (
            self._nash
            if exact == self.exact
            else PublicGood(
                w, to_mode(self._a, exact), self.utility, self.players, exact
            ).equilibrium()
        )
        after = model.equilibrium()
        same_set = before.contributors == after.contributors
        change = after.total - before.total
        stay = [i for i in before.contributors if i in after.contributors]
        tol = 0 if exact else 1e-9 * float(np.sum(w))
        same_y = all(
            abs(before.private_consumption[i] - after.private_consumption[i]) <= tol for i in stay
        )
        neutral = abs(change) <= tol and same_y
        text = _explain_transfer(self, before, t, same_set, change, tol)
        return Redistribution(
            transfers=vector_out(t, exact),
            before=before,
            after=after,
            total_change=change,
            contributor_set_unchanged=same_set,
            neutral=neutral,
            explanation=text,
            model=model,
        )

    def government_provision(self, taxes: Sequence[Any]) -> GovernmentProvision:
        """Provide ``sum(taxes)`` publicly, financed by lump-sum ``taxes`` (one per ally).

        Allies then contribute voluntarily out of after-tax income, taking the public
        provision as given. Taxes on contributors no larger than their gifts are crowded
        out one for one, leaving the total unchanged.
        """
        t, t_exact = as_vector(taxes, "taxes", positive=False, nonnegative=True, length=self.n)
        exact = self.exact and t_exact
        t = cast(t, exact)
        w = cast(self._w, exact)
        over = np.flatnonzero(np.asarray(t >= w, dtype=bool))
        if over.size:
            raise ValueError(
                f"taxes must be below income; ally {over[0]} is taxed "
                f"{t[over[0]]} out of {w[over[0]]}"
            )
        base = PublicGood(w, to_mode(self._a, exact), self.utility, self.players, exact)
        before = base.equilibrium()
        g0 = sum(t, start=0 * t[0])
        if self.utility == "quasi-linear":
            # No income effects: valuations a*w_i are unchanged by the taxes.
            after = base._equilibrium(w, g0, budget=w - t)
        else:
            after = base._equilibrium(w - t, g0)
        private_after = after.total - after.public_provision
        change = after.total - before.total
        g0_out = exact_out(g0, exact)
        crowd = (before.total - private_after) / g0_out if g0 > 0 else exact_out(0, exact)
        text = _explain_taxes(self, before, t, g0, change, exact)
        t_out, w_out = vector_out(t, exact), vector_out(w, exact)
        return GovernmentProvision(
            taxes=t_out,
            public_provision=g0_out,
            before=before,
            after=after,
            total_change=change,
            crowding_out=crowd,
            burden_shares=(t_out + after.contributions) / w_out,
            explanation=text,
        )


def _names(model: PublicGood, idx) -> str:
    return "{" + ", ".join(model.players[i] for i in idx) + "}"


def _explain_transfer(model, before, t, same_set, change, tol) -> str:
    contributors = set(before.contributors)
    outside = [i for i in range(model.n) if i not in contributors and t[i] != 0]
    if model.utility == "quasi-linear":
        if abs(change) <= tol:
            return (
                "unchanged: only the ally with the largest valuation contributes, "
                "G = a*max(w), and the largest income did not change"
            )
        return (
            f"changed by {change}: in the quasi-linear model only the largest valuation "
            "contributes (G = a*max(w)); the transfer changed the largest income"
        )
    if same_set and not outside:
        return (
            "neutral (Warr 1983; BBV 1986): the transfers stay among the contributors "
            f"{_names(model, before.contributors)} and the contributor set is unchanged, "
            "so each contributor changes its gift one for one with its transfer; "
            "G = a*W_C/(a + m(1-a)) depends only on the contributors' joint income W_C, "
            "which did not change, and every contributor keeps y = (1-a)/a*G"
        )
    if same_set:
        return (
            f"changed by {change}: income moved between contributors and "
            f"non-contributors {_names(model, outside)}, so the contributors' joint "
            "income W_C changed and G = a*W_C/(a + m(1-a)) moves by "
            "a/(a + m(1-a)) per unit of W_C"
        )
    return (
        f"changed by {change}: the transfers changed the contributor set, so "
        "neutrality does not apply (an ally was pushed to, or lifted off, the corner "
        "g_i = 0)"
        if abs(change) > tol
        else "unchanged total, but the contributor set changed (a borderline ally moved to "
        "or off the corner g_i = 0)"
    )


def _explain_taxes(model, before, t, g0, change, exact) -> str:
    if g0 == 0:
        return "no taxes: nothing changes"
    taxed = [i for i in range(model.n) if t[i] > 0]
    gifts = before.contributions
    zero = 0 if exact else 1e-9 * float(g0)
    if model.utility == "quasi-linear":
        if abs(change) <= zero:
            return (
                "complete crowding out: without income effects the largest-valuation ally "
                "cuts its contribution one for one, so G stays a*max(w)"
            )
        return (
            f"changed by {change}: public provision exceeds the largest valuation's own "
            "contribution, which cannot fall below zero"
        )
    within = all(i in before.contributors and t[i] <= gifts[i] for i in taxed)
    if within:
        return (
            "complete crowding out (Warr 1983; BBV 1986): every tax falls on a "
            "contributor and is no larger than its gift, so each taxed ally cuts its gift "
            "by exactly its tax; G = a*(G_gov + W_C - T_C)/(a + m(1-a)) with "
            "G_gov = T_C leaves the total unchanged"
        )
    return (
        f"changed by {change}: some taxes fall on non-contributors or exceed an ally's "
        "gift, so they finance provision the ally would not have made voluntarily "
        "(crowding out is incomplete)"
    )


def public_good(
    incomes: Sequence[Any] | np.ndarray = (10, 8, 2),
    a: Any = HALF,
    utility: str = "cobb-douglas",
    players: Sequence[str] | None = None,
) -> PublicGood:
    """A pure public good alliance (Bergstrom, Blume & Varian 1986; Olson & Zeckhauser 1966).

    Parameters
    ----------
    incomes : sequence of numbers, default (10, 8, 2)
        National incomes ``w_i > 0`` (finite). ``int``, ``Fraction`` or sympy ``Rational``
        entries (with a rational ``a``) make the model exact.
    a : number, default 1/2
        ``0 < a < 1``: weight of security in the Cobb-Douglas utility
        ``(1-a) log(w_i - g_i) + a log G``, or, for ``utility="quasi-linear"``, the
        valuation share in ``a w_i log G - g_i``.
    utility : {"cobb-douglas", "quasi-linear"}
    players : sequence of str, optional
        Names of the allies (default ``ally 1`` ... ``ally n``).

    Returns
    -------
    PublicGood
        With ``.equilibrium()``, ``.efficient()``, ``.underprovision()``,
        ``.redistribute(t)``, ``.government_provision(taxes)``, ``.free_riding()``,
        ``.closed_forms`` and ``.game``.

    Raises
    ------
    ValueError, TypeError
        For non-positive or non-finite incomes, ``a`` outside (0, 1), an unknown
        ``utility`` or bad ``players``.

    Examples
    --------
    >>> import sympy as sp
    >>> m = public_good([10, 8, 2], a=sp.Rational(1, 2))
    >>> eq = m.equilibrium()
    >>> eq.total, tuple(eq.private_consumption), tuple(eq.burden_shares)
    (6, (6, 6, 2), (2/5, 1/4, 0))
    >>> m.efficient().total, m.underprovision().ratio
    (10, 3/5)
    >>> m.redistribute([-1, 1, 0]).after.total     # Warr neutrality: (9, 9, 2)
    6
    """
    if utility not in UTILITIES:
        raise ValueError(f"utility must be one of {UTILITIES}, got {utility!r}")
    w, w_exact = as_vector(incomes, "incomes")
    a_val, a_exact = as_scalar(a, "a", low=0, high=1)
    exact = w_exact and a_exact
    return PublicGood(
        cast(w, exact), to_mode(a_val, exact), utility, labels(players, len(w)), exact
    )
