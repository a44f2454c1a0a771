r"""Correlated equilibria of finite games (any number of players) by linear programming.

A correlated equilibrium (Aumann 1974, "Subjectivity and correlation in randomized
strategies", J. Math. Econ. 1) is a probability distribution :math:`\mu` over pure
profiles such that no player gains by deviating from a recommended strategy :math:`a` to
another :math:`a'`:

.. math::
    \sum_{s_{-i}} \mu(a, s_{-i})\,\bigl[u_i(a', s_{-i}) - u_i(a, s_{-i})\bigr] \le 0
    \qquad \text{for every player } i \text{ and } a \ne a'.

With :math:`\mu \ge 0` and :math:`\sum \mu = 1` these linear inequalities describe a
polytope (Nau, Gomez Canovas & Hansen 2004, IJGT 32) that contains every Nash equilibrium
(as the product distribution of its mixed strategies), so an optimal correlated
equilibrium for a linear objective is one LP. :func:`correlated_equilibrium_constraints`
gives the polytope, :func:`correlated_equilibrium` an optimal point (HiGHS in floats; for
rational payoffs the optimum is then made exact by an exact simplex in ``Fraction``
arithmetic started from the float optimal basis, and every incentive constraint is
checked exactly), :func:`is_correlated_equilibrium` checks a distribution.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._correlated import correlated_equilibrium
>>> A = np.array([[6, 2], [7, 0]])                       # chicken: Swerve, Dare
>>> ce = correlated_equilibrium([A, A.T], objective="welfare", exact=True)
>>> [[str(p) for p in row] for row in ce.distribution], ce.objective_value
([['1/2', '1/4'], ['1/4', '0']], Fraction(21, 2))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm, prod
from typing import Any, NamedTuple

import numpy as np
from scipy.optimize import linprog

from solvers._numbers import as_fraction, convert
from solvers._numbers import fmt as _fmt
from solvers.finite._input import as_game_arrays, as_payoff_arrays
from solvers.result import EquilibriumResult
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = [
    "CorrelatedConstraints",
    "CorrelatedEquilibrium",
    "correlated_equilibrium",
    "correlated_equilibrium_constraints",
    "is_correlated_equilibrium",
]

METHOD = "correlated_lp"

#: Largest ``rows * columns`` of the exact simplex tableau tried for ``exact=True``
#: (beyond it the float optimum is returned, verified by its tolerance, with a note).
EXACT_TABLEAU_LIMIT = 2_000_000


class CorrelatedConstraints(NamedTuple):
    r"""The incentive constraints of the correlated equilibrium polytope.

    The polytope is :math:`\{\mu \in \mathbb{R}^P : A\mu \le b,\ \mu \ge 0,\
    \mathbf{1}^\top\mu = 1\}`, where :math:`\mu` lists the probabilities of the pure
    profiles in C order (``numpy.ravel_multi_index(profile, shape)``; reshape with
    ``mu.reshape(shape)``).

    Attributes
    ----------
    A : numpy.ndarray
        Shape ``(R, P)``, ``R = sum_i m_i (m_i - 1)``: row ``(i, a, a')`` holds
        :math:`u_i(a', s_{-i}) - u_i(a, s_{-i})` in the columns of the profiles with
        :math:`s_i = a` and zero elsewhere (player *i*'s gain from playing ``a'`` when told
        ``a``). ``object`` array of ``Fraction`` when exact.
    b : numpy.ndarray
        Shape ``(R,)``, all zeros.
    rows : tuple of (int, int, int)
        ``(player, recommended, deviation)`` of each row.
    shape : tuple of int
        The game's shape ``(m_1, ..., m_n)``.
    """

    A: np.ndarray
    b: np.ndarray
    rows: tuple[tuple[int, int, int], ...]
    shape: tuple[int, ...]


def _arrays(payoffs: Sequence[Any], exact: bool | None) -> tuple[list[np.ndarray], bool]:
    payoffs, _ = as_game_arrays(payoffs)
    if exact is None:
        exact = all(np.asarray(u).dtype.kind in "iuO" for u in payoffs)
    floats, exacts = as_payoff_arrays(payoffs, exact=exact, min_players=1)
    if exact:
        assert exacts is not None
        return exacts, True
    return floats, False


def _incentive_rows(arrays: Sequence[np.ndarray]) -> CorrelatedConstraints:
    shape = tuple(arrays[0].shape)
    n = len(shape)
    exact = arrays[0].dtype == object
    size = prod(shape)
    rows: list[tuple[int, int, int]] = []
    blocks = []
    for i in range(n):
        u = np.asarray(arrays[i])
        for a in range(shape[i]):
            for d in range(shape[i]):
                if d == a:
                    continue
                row = np.zeros(shape, dtype=object if exact else float)
                if exact:
                    row[...] = Fraction(0)
                at_a = tuple(a if k == i else slice(None) for k in range(n))
                at_d = tuple(d if k == i else slice(None) for k in range(n))
                row[at_a] = u[at_d] - u[at_a]
                blocks.append(row.reshape(size))
                rows.append((i, a, d))
    dtype = object if exact else float
    A = np.array(blocks, dtype=dtype).reshape(len(rows), size)
    b = np.array([Fraction(0)] * len(rows), dtype=object) if exact else np.zeros(len(rows))
    return CorrelatedConstraints(A, b, tuple(rows), shape)


def correlated_equilibrium_constraints(
    payoffs: Sequence[Any], exact: bool | None = None
) -> CorrelatedConstraints:
    r"""The correlated equilibrium polytope's incentive constraints :math:`A\mu \le b`.

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player, each of shape ``(m_1, ..., m_n)`` (a single matrix
        is a zero-sum game).
    exact : bool, optional
        ``Fraction`` entries; default: exact when every payoff is an integer or exact
        number.

    Returns
    -------
    CorrelatedConstraints
        ``(A, b, rows, shape)``; see :class:`CorrelatedConstraints` for the layout (with
        :math:`\mu \ge 0,\ \sum\mu = 1`).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[6, 2], [7, 0]])
    >>> con = correlated_equilibrium_constraints([A, A.T])
    >>> con.rows
    ((0, 0, 1), (0, 1, 0), (1, 0, 1), (1, 1, 0))
    >>> [[str(v) for v in row] for row in con.A]
    [['1', '-2', '0', '0'], ['0', '0', '-1', '2'], ['1', '0', '-2', '0'], ['0', '-1', '0', '2']]
    """
    arrays, _ = _arrays(payoffs, exact)
    return _incentive_rows(arrays)


def _objective(arrays: Sequence[np.ndarray], objective: Any, exact: bool) -> np.ndarray:
    shape = tuple(arrays[0].shape)
    if isinstance(objective, str):
        if objective != "welfare":
            raise ValueError(
                f"objective must be 'welfare', a player index or an array of shape {shape} "
                f"(weights on profiles), got {objective!r}"
            )
        total = arrays[0]
        for u in arrays[1:]:
            total = total + u
        return np.asarray(total).reshape(-1)
    if isinstance(objective, int | np.integer) and not isinstance(objective, bool):
        if not 0 <= int(objective) < len(arrays):
            raise ValueError(
                f"objective={objective} names no player: use 0..{len(arrays) - 1} "
                "(or 'welfare', or an array of weights on profiles)"
            )
        return np.asarray(arrays[int(objective)]).reshape(-1)
    weights = np.asarray(objective)
    if weights.shape != shape:
        raise ValueError(
            f"objective: an array of weights on profiles must have the game's shape {shape}, "
            f"got shape {weights.shape} (or use 'welfare' or a player index)"
        )
    if exact:
        return np.array(
            [
                as_fraction(v) if not isinstance(v, float | np.floating) else Fraction(float(v))
                for v in weights.reshape(-1).tolist()
            ],
            dtype=object,
        )
    return np.asarray(weights, dtype=float).reshape(-1)


def _exact_simplex(
    c: Sequence[Fraction], A: Sequence[Sequence[Fraction]], b: Sequence[Fraction], hint: list[int]
) -> list[Fraction] | None:
    """Maximize ``c z`` s.t. ``A z = b``, ``z >= 0`` (``b >= 0``) exactly; Bland's rule.

    Starts from the basis of ``hint`` columns when it is primal feasible (the float
    optimum's basis: usually optimal at once), else from a phase-one artificial basis.
    Returns an optimal ``z``, or ``None`` if infeasible or unbounded.
    """
    m, n = len(A), len(c)
    T = [[*row, bi] for row, bi in zip(A, b, strict=True)]
    basis: list[int | None] = [None] * m

    def pivot(r: int, j: int, rows: list[list[Fraction]], obj: list[Fraction] | None) -> None:
        pr = rows[r]
        inv = 1 / pr[j]
        if inv != 1:
            pr[:] = [v * inv for v in pr]
        nz = [(k, v) for k, v in enumerate(pr) if v]
        for k, row in enumerate(rows):
            f = row[j]
            if k != r and f:
                for col, v in nz:
                    row[col] -= f * v
        if obj is not None and obj[j]:
            f = obj[j]
            for col, v in nz:
                obj[col] -= f * v
        basis[r] = j

    def run(rows: list[list[Fraction]], obj: list[Fraction], ncols: int) -> bool:
        # obj[j] holds the reduced cost of column j; obj[-1] minus the objective value
        while True:
            enter = next((j for j in range(ncols) if obj[j] > 0), None)
            if enter is None:
                return True
            best: tuple[Fraction, int, int] | None = None
            for r, row in enumerate(rows):
                if row[enter] > 0:
                    key = (row[-1] / row[enter], basis[r] or 0, r)
                    if best is None or key < best:
                        best = key
            if best is None:
                return False  # unbounded
            pivot(best[2], enter, rows, obj)

    def objective_row(rows: list[list[Fraction]], cost: Sequence[Fraction]) -> list[Fraction]:
        obj = [*cost, Fraction(0)]
        for r, row in enumerate(rows):
            j = basis[r]
            if j is not None and cost[j]:
                f = cost[j]
                obj = [x - f * y for x, y in zip(obj, row, strict=True)]
        return obj

    # warm start from the hint basis
    for j in hint:
        r = next((r for r in range(m) if basis[r] is None and T[r][j] != 0), None)
        if r is not None:
            pivot(r, j, T, None)
    for r in range(m):  # complete a degenerate basis with columns at level zero
        if basis[r] is None and T[r][-1] == 0:
            col = next((k for k in range(n - 1, -1, -1) if T[r][k] != 0), None)
            if col is not None:
                pivot(r, col, T, None)
    if all(j is not None for j in basis) and all(row[-1] >= 0 for row in T):
        obj = objective_row(T, c)
        if not run(T, obj, n):
            return None
    else:
        # phase one: artificial columns n..n+m-1 on the original rows
        T = [
            [*row[:n], *(Fraction(int(k == r)) for k in range(m)), row[-1]]
            for r, row in enumerate([[*r0, b0] for r0, b0 in zip(A, b, strict=True)])
        ]
        basis = [n + k for k in range(m)]
        cost1 = [Fraction(0)] * n + [Fraction(-1)] * m
        obj = objective_row(T, cost1)
        run(T, obj, n + m)
        if obj[-1] != 0:
            return None  # infeasible (phase-one optimum below zero)
        for r in range(m):
            j0 = basis[r]
            if j0 is not None and j0 >= n:
                col = next((k for k in range(n) if T[r][k] != 0), None)
                if col is not None:
                    pivot(r, col, T, None)
        keep = [r for r in range(m) if (basis[r] or 0) < n]
        T = [[*T[r][:n], T[r][-1]] for r in keep]
        basis = [basis[r] for r in keep]
        obj = objective_row(T, c)
        if not run(T, obj, n):
            return None
    z = [Fraction(0)] * n
    for r, jb in enumerate(basis):
        if jb is not None:
            z[jb] = T[r][-1]
    return z


@dataclass(frozen=True, eq=False)
class CorrelatedEquilibrium(EquilibriumResult):
    """A correlated equilibrium: a distribution over pure profiles and how it was checked.

    Attributes
    ----------
    distribution : numpy.ndarray
        Probability of each pure profile, shape ``(m_1, ..., m_n)`` (``object`` array of
        ``Fraction`` when exact).
    strategies : tuple of numpy.ndarray
        Each player's marginal distribution of recommendations.
    payoffs : tuple
        Each player's expected payoff under the distribution.
    regret : Fraction or float
        The largest gain any player gets from any deviation ``a -> a'`` (an incentive
        constraint's violation, 0 when every constraint holds).
    objective_value : Fraction or float
        The optimized objective at the distribution.
    method, exact, tolerance, players, strategy_labels, notes
        As for :class:`solvers.result.Equilibrium`.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[6, 2], [7, 0]])
    >>> ce = correlated_equilibrium([A, A.T], objective=0)     # best for player 0
    >>> ce.payoffs, ce.verified, ce.support
    ((Fraction(7, 1), Fraction(2, 1)), True, ((1, 0),))
    """

    distribution: np.ndarray
    strategies: tuple[np.ndarray, ...]
    payoffs: tuple[Any, ...]
    regret: Any
    objective_value: Any
    method: str = METHOD
    exact: bool = False
    tolerance: float | None = None
    players: tuple[str, ...] | None = None
    strategy_labels: tuple[tuple[str, ...], ...] | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def support(self) -> tuple[tuple[int, ...], ...]:
        """The pure profiles with positive probability, in C order."""
        return tuple(
            tuple(int(k) for k in idx)
            for idx, p in np.ndenumerate(self.distribution)
            if (p > 0 if self.exact else float(p) > 0.0)
        )

    def _names(self) -> tuple[str, ...]:
        return self.players or tuple(f"player {i}" for i in range(len(self.strategies)))

    def _labels(self, i: int) -> tuple[str, ...]:
        if self.strategy_labels is not None:
            return self.strategy_labels[i]
        return tuple(str(k) for k in range(len(self.strategies[i])))

    def strategies_by_player(self) -> dict[str, dict[str, Any]]:
        """Player name to {strategy label: marginal probability of that recommendation}."""
        return {
            name: dict(zip(self._labels(i), self.strategies[i], strict=True))
            for i, name in enumerate(self._names())
        }

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to expected payoff."""
        return dict(zip(self._names(), self.payoffs, strict=True))

    def with_labels(
        self, players: Sequence[str], strategy_labels: Sequence[Sequence[str]]
    ) -> CorrelatedEquilibrium:
        """A copy carrying player and strategy labels."""
        from dataclasses import replace

        return replace(
            self,
            players=tuple(players),
            strategy_labels=tuple(tuple(s) for s in strategy_labels),
        )

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form: the distribution as {profile labels: probability} (positive
        entries only), marginals, payoffs, regret and how it was computed."""
        names = self._names()
        return {
            "distribution": {
                tuple(self._labels(i)[k] for i, k in enumerate(idx)): convert(
                    self.distribution[idx], numbers
                )
                for idx in self.support
            },
            "strategies": {
                name: {lab: convert(p, numbers) for lab, p in s.items()}
                for name, s in self.strategies_by_player().items()
            },
            "payoffs": {n: convert(v, numbers) for n, v in zip(names, self.payoffs, strict=True)},
            "objective_value": convert(self.objective_value, numbers),
            "regret": convert(self.regret, numbers),
            "exact": self.exact,
            "verified": self.verified,
            "tolerance": self.tolerance,
            "method": self.method,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        parts = ", ".join(
            f"({', '.join(self._labels(i)[k] for i, k in enumerate(idx))}): "
            f"{_fmt(self.distribution[idx])}"
            for idx in self.support
        )
        pay = ", ".join(_fmt(v) for v in self.payoffs)
        kind = "exact" if self.exact else f"regret={_fmt(self.regret)}"
        return f"CorrelatedEquilibrium({{{parts}}} | payoffs=({pay}) | {kind} | {self.method})"


def _build(
    arrays: Sequence[np.ndarray],
    con: CorrelatedConstraints,
    mu: np.ndarray,
    c: np.ndarray,
    exact: bool,
    rtol: float,
    notes: Sequence[str] = (),
) -> CorrelatedEquilibrium:
    shape = con.shape
    n = len(shape)
    dist = mu.reshape(shape)
    marg = tuple(
        np.array(
            [sum(np.take(dist, a, axis=i).reshape(-1).tolist()) for a in range(shape[i])],
            dtype=object if exact else float,
        )
        for i in range(n)
    )
    pays = tuple(sum((np.asarray(u).reshape(-1) * mu).tolist()) for u in arrays)
    gains = con.A.dot(mu) if len(con.rows) else np.zeros(0)
    if exact:
        worst = max([Fraction(0), *gains.tolist()])
        value = sum((c * mu).tolist())
        tol = None
    else:
        worst = float(max([0.0, *np.asarray(gains, dtype=float).tolist()]))
        value = float(np.dot(c, mu))
        pays = tuple(float(v) for v in pays)
        tol = float(np.max(tolerance(arrays, rtol)))
    return CorrelatedEquilibrium(
        distribution=dist,
        strategies=marg,
        payoffs=pays,
        regret=worst,
        objective_value=value,
        exact=exact,
        tolerance=tol,
        notes=tuple(notes),
    )


def correlated_equilibrium(
    payoffs: Sequence[Any],
    objective: Any = "welfare",
    exact: bool | None = None,
    rtol: float = DEFAULT_RTOL,
) -> CorrelatedEquilibrium:
    r"""A correlated equilibrium maximizing a linear objective (any number of players).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player, each of shape ``(m_1, ..., m_n)``.
    objective : {"welfare"} or int or array_like
        ``"welfare"``: the sum of the players' expected payoffs; an int *i*: player
        *i*'s expected payoff; an array of the game's shape: weights on the pure profiles
        (maximize :math:`\sum_s w(s)\mu(s)`; negate it to minimize).
    exact : bool, optional
        Exact rational optimum (``Fraction``), every incentive constraint checked
        exactly. Default: exact when every payoff is an integer or exact number.
    rtol : float
        Relative tolerance of the float check of the incentive constraints (times each
        player's payoff range, :func:`solvers.verify.tolerance`).

    Returns
    -------
    CorrelatedEquilibrium
        An optimal vertex of the correlated equilibrium polytope.

    Notes
    -----
    The float LP is solved by HiGHS's dual simplex. With ``exact=True`` its optimal basis
    starts an exact simplex in ``Fraction`` arithmetic (Bland's rule), which certifies
    optimality (all reduced costs non-positive) or moves to the exact optimum; games
    whose tableau exceeds ``EXACT_TABLEAU_LIMIT`` (2,000,000) entries get the float optimum,
    ``exact=False`` and a note.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[6, 2], [7, 0]])                   # chicken
    >>> ce = correlated_equilibrium([A, A.T])            # welfare: 21/2 (> 10 at any NE)
    >>> ce.objective_value, ce.support, ce.regret
    (Fraction(21, 2), ((0, 0), (0, 1), (1, 0)), Fraction(0, 1))
    >>> round(correlated_equilibrium([A.astype(float), A.T.astype(float)]).objective_value, 9)
    10.5
    """
    arrays, exact = _arrays(payoffs, exact)
    con = _incentive_rows(arrays)
    c = _objective(arrays, objective, exact)
    floats = [np.asarray(u, dtype=float) for u in arrays]
    size = prod(con.shape)
    # float LP, each player's rows scaled by its payoff range
    scale = np.array([max(float(np.ptp(u)), 1e-300) for u in floats])
    A_f = (
        np.asarray(con.A, dtype=float)
        / np.array([scale[i] for i, _, _ in con.rows]).reshape(-1, 1)
        if con.rows
        else np.zeros((0, size))
    )
    c_f = np.asarray(c, dtype=float)
    c_scale = max(float(np.max(np.abs(c_f))), 1e-300)
    res = linprog(
        -c_f / c_scale,
        A_ub=A_f if len(con.rows) else None,
        b_ub=np.zeros(len(con.rows)) if len(con.rows) else None,
        A_eq=np.ones((1, size)),
        b_eq=np.ones(1),
        bounds=(0, None),
        method="highs-ds",
        options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10},
    )
    if res.status != 0:  # pragma: no cover - the polytope is never empty (Nash 1951)
        raise RuntimeError(f"the correlated equilibrium LP failed: {res.message}")
    mu_f = np.clip(res.x, 0.0, None)
    slack = -(A_f @ mu_f) if len(con.rows) else np.zeros(0)
    notes: list[str] = []
    if exact:
        R = len(con.rows)
        if (R + 1) * (size + R) <= EXACT_TABLEAU_LIMIT:
            mu = _exact_optimum(con, c, mu_f, slack)
            if mu is not None:
                return _build(arrays, con, mu, c, True, rtol)
            notes.append("exact simplex failed; float optimum returned")  # pragma: no cover
        else:
            notes.append(
                f"game too large for the exact simplex ({(R + 1) * (size + R):,} tableau "
                f"entries > {EXACT_TABLEAU_LIMIT:,}): float optimum, checked to tolerance"
            )
        arrays = floats
        c = c_f
    mu_f = _polish(np.asarray(con.A, dtype=float) if con.rows else np.zeros((0, size)), mu_f)
    return _build(arrays, con, mu_f, np.asarray(c, dtype=float), False, rtol, notes)


def _polish(A: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Re-solve the float optimum's active system by least squares (feasibility to
    rounding error rather than the LP solver's tolerance); keep it if no worse."""
    scale = max(float(np.max(np.abs(A))) if A.size else 1.0, 1e-300)
    support = mu > 1e-12
    gains = A @ mu
    tight = np.abs(gains) <= 1e-9 * scale
    M = np.vstack([A[tight][:, support], np.ones((1, int(support.sum())))])
    rhs = np.zeros(M.shape[0])
    rhs[-1] = 1.0
    sol, *_ = np.linalg.lstsq(M, rhs, rcond=None)
    cand = np.zeros_like(mu)
    cand[support] = np.clip(sol, 0.0, None)
    cand /= cand.sum()

    def violation(x: np.ndarray) -> float:
        return float(max(0.0, *(A @ x).tolist())) if A.size else 0.0

    return cand if violation(cand) <= violation(mu) else mu / mu.sum()


def _exact_optimum(
    con: CorrelatedConstraints, c: np.ndarray, mu_f: np.ndarray, slack: np.ndarray
) -> np.ndarray | None:
    """The exact optimum, warm-started from the float solution's basis."""
    R, P = len(con.rows), prod(con.shape)
    # standard form: [A I] (mu, s) = 0, 1.mu = 1; each row scaled to integers
    rows: list[list[Fraction]] = []
    for r in range(R):
        coeffs = con.A[r].tolist()
        den = lcm(*(v.denominator for v in coeffs)) if coeffs else 1
        rows.append([v * den for v in coeffs] + [Fraction(den if k == r else 0) for k in range(R)])
    rows.append([Fraction(1)] * P + [Fraction(0)] * R)
    rhs = [Fraction(0)] * R + [Fraction(1)]
    cost = [Fraction(v) for v in c.tolist()] + [Fraction(0)] * R
    values = np.concatenate([mu_f, slack])
    hint = [int(j) for j in np.argsort(-values) if values[j] > 1e-9]
    z = _exact_simplex(cost, rows, rhs, hint)
    if z is None:  # pragma: no cover - the polytope is never empty
        return None
    mu = np.array(z[:P], dtype=object)
    # independent check of the exact point
    if any(v < 0 for v in mu) or sum(mu) != 1:  # pragma: no cover
        return None
    if R and any(g > 0 for g in con.A.dot(mu)):  # pragma: no cover
        return None
    return mu


def is_correlated_equilibrium(
    payoffs: Sequence[Any], distribution: Any, rtol: float = DEFAULT_RTOL
) -> bool:
    """Whether ``distribution`` (an array of the game's shape) is a correlated equilibrium.

    Exact for exact payoffs and distribution (``Fraction``/int entries); otherwise each
    player's incentive constraints are checked to ``rtol`` times its payoff range.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[6, 2], [7, 0]])
    >>> third = np.array([[F(1, 3), F(1, 3)], [F(1, 3), F(0)]], dtype=object)
    >>> is_correlated_equilibrium([A, A.T], third)        # Aumann's example: welfare 10
    True
    >>> is_correlated_equilibrium([A, A.T], np.array([[1, 0], [0, 0]]))   # (Swerve, Swerve)
    False
    """
    dist = np.asarray(distribution)
    exact = dist.dtype.kind in "iuO" and all(np.asarray(u).dtype.kind in "iuO" for u in payoffs)
    arrays, exact = _arrays(payoffs, exact)
    shape = tuple(arrays[0].shape)
    if dist.shape != shape:
        raise ValueError(
            f"distribution has shape {dist.shape}; it needs the game's shape {shape} "
            "(one probability per pure profile)"
        )
    con = _incentive_rows(arrays)
    if exact:
        mu = np.array([Fraction(v) for v in dist.reshape(-1).tolist()], dtype=object)
        if any(v < 0 for v in mu) or sum(mu) != 1:
            raise ValueError("distribution is not a probability distribution (sum 1, >= 0)")
        return not len(con.rows) or all(g <= 0 for g in con.A.dot(mu))
    mu_f = dist.astype(float).reshape(-1)
    if np.any(mu_f < -rtol) or abs(float(mu_f.sum()) - 1.0) > max(rtol, 1e-12) * mu_f.size:
        raise ValueError("distribution is not a probability distribution (sum 1, >= 0)")
    tol = tolerance(arrays, rtol)
    gains = np.asarray(con.A, dtype=float) @ mu_f
    return all(g <= tol[i] for g, (i, _, _) in zip(gains.tolist(), con.rows, strict=True))
