r"""Iterated elimination of strictly dominated strategies (pure and mixed dominators).

In a finite game with payoff arrays :math:`u_i`, a pure strategy :math:`s` of player *i*
is **strictly dominated** by a mixed strategy :math:`\sigma` of the same player when

.. math:: \sum_t \sigma_t\, u_i(t, s_{-i}) > u_i(s, s_{-i})
          \quad \text{for every profile } s_{-i} \text{ of the others' remaining strategies.}

A strictly dominated strategy is never played in a Nash equilibrium, so deleting it
loses no equilibrium and creates none; repeating until nothing is dominated gives the
same reduced game whatever the order of deletion (Gilboa, Kalai & Zemel 1990;
Osborne & Rubinstein 1994, ch. 4). Domination by a pure strategy is one broadcast
comparison per player. Domination by a mixture is a linear program (``scipy``'s HiGHS):
maximize :math:`\varepsilon` subject to
:math:`\sum_t \sigma_t u_i(t, \cdot) - u_i(s, \cdot) \ge \varepsilon`,
:math:`\sigma \ge 0`, :math:`\sum_t \sigma_t = 1`; *s* is dominated iff
:math:`\varepsilon^* > 0`. The dominating mixture the LP returns is checked afterwards,
in exact rational arithmetic when ``exact``.

Float payoffs are compared with the scale-aware tolerance of
:func:`solvers.verify.tolerance`: a strategy is eliminated only when the dominator beats
it by more than that tolerance everywhere, so near-ties are kept (never an equilibrium
lost through round-off) and rescaling all payoffs by a constant changes nothing.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._dominance import iterated_elimination
>>> A = np.array([[3, 0], [0, 3], [1, 1]])   # row 2 is dominated only by (1/2, 1/2, 0)
>>> B = np.array([[1, 0], [0, 1], [2, 2]])
>>> iterated_elimination([A, B], mixed=False).surviving
((0, 1, 2), (0, 1))
>>> result = iterated_elimination([A, B], exact=True)
>>> result.surviving
((0, 1), (0, 1))
>>> [str(p) for p in result.steps[0].dominator]
['1/2', '1/2', '0']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from scipy.optimize import linprog

from solvers._numbers import fmt as _fmt
from solvers.finite._input import as_payoff_arrays
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["DominanceResult", "EliminationStep", "iterated_elimination"]


@dataclass(frozen=True, eq=False)
class EliminationStep:
    """One deletion: ``player``'s pure ``strategy`` is strictly dominated by ``dominator``.

    Attributes
    ----------
    player : int
        Index of the player.
    strategy : int
        The deleted strategy (index in the original game).
    dominator : numpy.ndarray
        The dominating (mixed) strategy as a probability vector over the player's
        *original* strategies (one-hot for a pure dominator; ``Fraction`` entries when
        exact). It puts weight only on strategies still present at this step.
    margin : float or Fraction
        Smallest payoff advantage of ``dominator`` over ``strategy`` against the
        remaining profiles of the other players (positive).
    """

    player: int
    strategy: int
    dominator: np.ndarray
    margin: Any

    @property
    def by_mixture(self) -> bool:
        """Whether the dominator is a proper mixture (more than one pure strategy)."""
        return int(np.count_nonzero(self.dominator != 0)) > 1

    @property
    def dominating_strategy(self) -> int | None:
        """The dominating pure strategy, or ``None`` when the dominator is a mixture."""
        if self.by_mixture:
            return None
        return int(np.flatnonzero(self.dominator != 0)[0])

    def __repr__(self) -> str:
        if self.by_mixture:
            mix = ", ".join(f"{k}: {_fmt(p)}" for k, p in enumerate(self.dominator) if p != 0)
            by = f"mixture {{{mix}}}"
        else:
            by = f"strategy {self.dominating_strategy}"
        return (
            f"EliminationStep(player {self.player}: strategy {self.strategy} dominated by "
            f"{by}, margin {_fmt(self.margin)})"
        )


@dataclass(frozen=True, eq=False)
class DominanceResult:
    """Outcome of iterated elimination of strictly dominated strategies.

    Attributes
    ----------
    surviving : tuple of tuple of int
        For each player, the original indices of the strategies that survive.
    steps : tuple of EliminationStep
        The deletions in the order they were made.
    payoffs : tuple of numpy.ndarray
        The reduced game: each player's payoff array restricted to the survivors.
    exact : bool
        Whether comparisons (and the verification of mixed dominators) were exact.
    mixed : bool
        Whether domination by mixed strategies was considered (otherwise pure only).
    shape : tuple of int
        Number of strategies of each player in the original game.
    """

    surviving: tuple[tuple[int, ...], ...]
    steps: tuple[EliminationStep, ...]
    payoffs: tuple[np.ndarray, ...]
    exact: bool
    mixed: bool
    shape: tuple[int, ...]

    def expand(self, strategies: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Map a mixed profile of the reduced game to the original game (zeros elsewhere).

        Examples
        --------
        >>> import numpy as np
        >>> A = np.array([[3, 0], [5, 1]])          # prisoner's dilemma
        >>> r = iterated_elimination([A, A.T])
        >>> [s.tolist() for s in r.expand([np.array([1.0]), np.array([1.0])])]
        [[0.0, 1.0], [0.0, 1.0]]
        """
        sizes = [len(s) for s in self.surviving]
        if len(strategies) != len(sizes):
            raise ValueError(f"need one strategy per player ({len(sizes)}), got {len(strategies)}")
        out = []
        for i, s in enumerate(strategies):
            s = np.asarray(s)
            if s.shape != (sizes[i],):
                raise ValueError(
                    f"strategies[{i}] has shape {s.shape}; the reduced game gives player {i} "
                    f"{sizes[i]} strategies"
                )
            full = np.zeros(self.shape[i], dtype=s.dtype)
            if s.dtype == object:
                full[:] = Fraction(0)
            full[list(self.surviving[i])] = s
            out.append(full)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python summary: survivors and the steps (dominators as lists)."""
        return {
            "surviving": [list(s) for s in self.surviving],
            "steps": [
                {
                    "player": st.player,
                    "strategy": st.strategy,
                    "dominator": st.dominator.tolist(),
                    "by_mixture": st.by_mixture,
                    "margin": st.margin,
                }
                for st in self.steps
            ],
            "exact": self.exact,
            "mixed": self.mixed,
        }

    def __repr__(self) -> str:
        steps = "".join(f"\n  {st!r}" for st in self.steps)
        return (
            f"DominanceResult(surviving={self.surviving}, {len(self.steps)} step(s), "
            f"exact={self.exact}, mixed={self.mixed}){steps}"
        )


def _flat(u: np.ndarray, i: int) -> np.ndarray:
    """Player i's payoffs as a (own strategies, others' profiles) matrix."""
    u = np.moveaxis(u, i, 0)
    return u.reshape(u.shape[0], -1)


def _pure_dominated(U: np.ndarray, tol: float | None) -> np.ndarray:
    """``D[t, s]``: pure strategy t strictly dominates s (by more than ``tol``)."""
    diff = U[:, None, :] - U[None, :, :]
    if tol is None:
        return np.asarray((diff > 0).all(axis=-1), dtype=bool)
    return (diff > tol).all(axis=-1)


def _mixed_dominator(U: np.ndarray, s: int) -> tuple[np.ndarray, float] | None:
    """LP: the mixture over rows != s that beats row s by the largest margin (float)."""
    k, c = U.shape
    others = [t for t in range(k) if t != s]
    Uf = U.astype(float)
    span = float(Uf.max() - Uf.min()) or 1.0
    M = (Uf - Uf.min()) / span  # positive affine change: same dominations, better scaled
    # variables (sigma_t for t in others, eps); minimize -eps
    cost = np.zeros(len(others) + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-M[others].T, np.ones((c, 1))])  # eps - sigma @ M[:, col] <= -M[s, col]
    b_ub = -M[s]
    a_eq = np.hstack([np.ones((1, len(others))), np.zeros((1, 1))])
    bounds = [(0.0, 1.0)] * len(others) + [(-1.0, 1.0)]
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[1.0], bounds=bounds, method="highs")
    if res.status != 0:  # pragma: no cover - the LP is always feasible and bounded
        return None
    sigma = np.zeros(k)
    sigma[others] = np.clip(res.x[:-1], 0.0, None)
    sigma /= sigma.sum()
    return sigma, float(res.x[-1]) * span


def _exact_mixture(sigma: np.ndarray, U: np.ndarray, s: int) -> tuple[np.ndarray, Any] | None:
    """A rational mixture near ``sigma`` that strictly dominates row ``s`` exactly."""
    support = np.flatnonzero(sigma > 0)
    for bound in (10, 100, 10**4, 10**6, 10**9, None):
        probs = [
            Fraction(float(sigma[t]))
            if bound is None
            else Fraction(float(sigma[t])).limit_denominator(bound)
            for t in support
        ]
        probs[-1] = 1 - sum(probs[:-1], Fraction(0))
        if min(probs) < 0:
            continue
        mix = np.array([Fraction(0)] * len(sigma), dtype=object)
        mix[support] = probs
        gains = mix @ U - U[s]
        margin = min(gains)
        if margin > 0:
            return mix, margin
    return None


def iterated_elimination(
    payoffs: Sequence[np.ndarray],
    mixed: bool = True,
    exact: bool | None = None,
    rtol: float = DEFAULT_RTOL,
) -> DominanceResult:
    """Delete strictly dominated strategies until none is left, for any number of players.

    Each round first deletes, for each player in turn, every strategy strictly dominated
    by another *pure* strategy (recording an undominated dominator); when no pure
    domination is left and ``mixed`` is true, it looks for one strategy dominated by a
    *mixture* (linear program), deletes it, and starts again. The result does not depend
    on this order (strict dominance), only the list of steps does.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` is player *i*'s payoff array of shape ``(m_1, ..., m_n)``.
    mixed : bool
        Also delete strategies dominated only by mixed strategies (LP).
    exact : bool, optional
        Exact comparisons in ``Fraction`` arithmetic; mixed dominators found by the LP
        are rationalized and verified exactly (a mixture that cannot be confirmed is not
        used). Default: exact iff some array has ``object`` dtype.
    rtol : float
        Float mode: the dominator must win by more than ``rtol`` times the player's
        payoff range (see :func:`solvers.verify.tolerance`) against every profile.

    Returns
    -------
    DominanceResult

    Raises
    ------
    ValueError, TypeError
        Malformed payoffs (see :func:`solvers.finite._pure.pure_equilibria`).

    Examples
    --------
    Gibbons (1992), *A Primer in Game Theory*, Figure 1.1.1: Right is dominated by
    Middle; then Down by Up; then Left by Middle.

    >>> import numpy as np
    >>> A = np.array([[1, 1, 0], [0, 0, 2]]); B = np.array([[0, 2, 1], [3, 1, 0]])
    >>> r = iterated_elimination([A, B])
    >>> r.surviving
    ((0,), (1,))
    >>> [(st.player, st.strategy, st.dominating_strategy) for st in r.steps]
    [(1, 2, 1), (0, 1, 0), (1, 0, 1)]
    """
    raw = [np.asarray(u) for u in payoffs]
    if exact is None:
        exact = any(u.dtype == object for u in raw)
    floats, exacts = as_payoff_arrays(raw, exact=exact)
    if exact:
        assert exacts is not None  # as_payoff_arrays gives Fractions when exact
        arrays = exacts
    else:
        arrays = floats
    tols = tolerance(floats, rtol)
    n = len(arrays)
    alive = [list(range(m)) for m in arrays[0].shape]
    steps: list[EliminationStep] = []

    def sub(i: int) -> np.ndarray:
        return _flat(arrays[i][np.ix_(*alive)], i)

    changed = True
    while changed:
        changed = False
        for i in range(n):
            if len(alive[i]) < 2:
                continue
            U = sub(i)
            D = _pure_dominated(U, None if exact else tols[i])
            dominated = D.any(axis=0)
            if not dominated.any():
                continue
            undominated = np.flatnonzero(~dominated)
            for s in np.flatnonzero(dominated):
                t = undominated[np.argmax(D[undominated, s])]  # an undominated dominator
                gain = U[t] - U[s]
                steps.append(_step(i, alive[i], s, {t: 1}, min(gain), exact, arrays))
            alive[i] = [alive[i][k] for k in undominated]
            changed = True
        if changed or not mixed:
            continue
        for i in range(n):
            if len(alive[i]) < 3:
                continue
            U = sub(i)
            found = _first_mixed(U, None if exact else tols[i], exact)
            if found is not None:
                s, weights, margin = found
                steps.append(_step(i, alive[i], s, weights, margin, exact, arrays))
                del alive[i][s]
                changed = True
                break
    reduced = tuple(u[np.ix_(*alive)] for u in arrays)
    return DominanceResult(
        surviving=tuple(tuple(a) for a in alive),
        steps=tuple(steps),
        payoffs=reduced,
        exact=exact,
        mixed=mixed,
        shape=tuple(arrays[0].shape),
    )


def _first_mixed(U: np.ndarray, tol: float | None, exact: bool):
    """The first row dominated by a mixture of the others: (row, {row: weight}, margin)."""
    for s in range(U.shape[0]):
        found = _mixed_dominator(U, s)
        if found is None:
            continue
        sigma, eps = found
        if exact:
            if eps <= 0:
                continue
            confirmed = _exact_mixture(sigma, U, s)
            if confirmed is None:
                continue
            mix, margin = confirmed
            return s, {t: mix[t] for t in np.flatnonzero(mix != 0)}, margin
        assert tol is not None  # floats always come with a tolerance
        margin = float(np.min(sigma @ U - U[s]))  # verify the LP's mixture directly
        if eps > tol and margin > tol:
            return s, {t: sigma[t] for t in np.flatnonzero(sigma > 0)}, margin
    return None


def _step(i, alive_i, s, weights, margin, exact, arrays) -> EliminationStep:
    """An EliminationStep with the dominator expressed over player i's original strategies."""
    m = arrays[0].shape[i]
    if exact:
        dominator = np.array([Fraction(0)] * m, dtype=object)
        for t, w in weights.items():
            dominator[alive_i[t]] = Fraction(w)
    else:
        dominator = np.zeros(m)
        for t, w in weights.items():
            dominator[alive_i[t]] = float(w)
    return EliminationStep(
        player=i,
        strategy=int(alive_i[s]),
        dominator=dominator,
        margin=margin if exact else float(margin),
    )
