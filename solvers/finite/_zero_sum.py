r"""Zero-sum two-player games by linear programming (von Neumann's minimax theorem).

In the game where the row player receives :math:`x^\top A y` and the column player its
negative, the row player's optimal (maximin) strategies and the value :math:`v` solve

.. math::
    \max_{x, v}\ v \quad\text{s.t.}\quad A^\top x \ge v \mathbf{1},\ \mathbf{1}^\top x = 1,
    \ x \ge 0,

and the column player's solve the dual, :math:`\min_{y, w} w` s.t. :math:`A y \le w
\mathbf{1}`. The Nash equilibria are exactly the pairs of optimal strategies, so the
equilibrium set is the product :math:`X^* \times Y^*` of two polytopes, and its extreme
points are the pairs of their vertices (von Neumann 1928; e.g. Maschler, Solan & Zamir,
*Game Theory*, 2013, ch. 5). A constant-sum game (:math:`A + B = c`) has the same
equilibria as :math:`(A, -A)`.

The LPs are solved by HiGHS (:func:`scipy.optimize.linprog`), in milliseconds even for
games far beyond the reach of enumeration. With exact (rational) payoffs the float
solution is confirmed exactly: the constraints it makes tight are solved in ``Fraction``
arithmetic and the resulting :math:`x, y` are checked to guarantee the same value
:math:`v` from both sides (which proves both optimal). With ``extreme_points=True`` the
vertices of :math:`X^*` and :math:`Y^*` are enumerated exactly by double description.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._zero_sum import zero_sum_lp
>>> A = np.array([[1, -1], [-1, 1]])                   # matching pennies
>>> eqs = zero_sum_lp(A, exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs[0].payoffs
([['1/2', '1/2'], ['1/2', '1/2']], (Fraction(0, 1), Fraction(0, 1)))
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from math import lcm
from typing import Any

import numpy as np
from scipy.optimize import linprog

from solvers.finite._double_description import extreme_rays
from solvers.finite._input import as_array, as_payoff_arrays
from solvers.finite._rational import solve_consistent
from solvers.finite._vertex import vertex_enumeration
from solvers.finite._vertex_exact import ExactBimatrix
from solvers.result import DegenerateGameWarning, Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["is_zero_sum", "zero_sum_lp"]

METHOD = "zero_sum_lp"


def is_zero_sum(A: np.ndarray, B: np.ndarray) -> bool:
    """Whether ``A + B`` is constant (zero-sum up to a constant: same equilibria).

    Examples
    --------
    >>> import numpy as np
    >>> is_zero_sum(np.array([[1, -1], [-1, 1]]), np.array([[-1, 1], [1, -1]]))
    True
    >>> is_zero_sum(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]))
    False
    """
    total = np.asarray(A) + np.asarray(B)
    first = total.flat[0]
    return bool(all(v == first for v in total.flat))


def _maximin(A: np.ndarray) -> tuple[np.ndarray, float]:
    """Row player's optimal strategy and the value, by HiGHS."""
    m, n = A.shape
    c = np.zeros(m + 1)
    c[-1] = -1.0  # maximize v
    A_ub = np.hstack([-A.T, np.ones((n, 1))])  # v - (A^T x)_j <= 0
    A_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    bounds = [(0, None)] * m + [(None, None)]
    res = linprog(
        c, A_ub=A_ub, b_ub=np.zeros(n), A_eq=A_eq, b_eq=[1.0], bounds=bounds, method="highs"
    )
    if res.status != 0:  # pragma: no cover - a finite matrix game always has a solution
        raise RuntimeError(f"HiGHS failed on the maximin LP: {res.message}")
    x = np.clip(res.x[:m], 0.0, None)
    return x / x.sum(), float(res.x[-1])


def _exact_optimal(A: np.ndarray, x: np.ndarray, v: float, scale: float) -> list | None:
    """Exact strategy x with ``A^T x >= w`` tight where the float one is, or ``None``.

    Solves x_i = 0 off the float support, (A^T x)_j = w on the columns the float solution
    makes (nearly) tight, sum x = 1 — first with every such constraint, then with a
    linearly independent subset taken in order of slack.
    """
    m, n = A.shape
    Af = A.astype(float)
    slack_cols = Af.T @ x - v
    tol = 1e-7 * max(scale, 1.0)
    eqs = []  # (slack, row, rhs) with unknowns (x_1..x_m, w)
    for i in range(m):
        if x[i] <= tol:
            eqs.append((x[i], [Fraction(int(r == i)) for r in range(m)] + [Fraction(0)], 0))
    for j in range(n):
        if slack_cols[j] <= tol:
            eqs.append((slack_cols[j], [Fraction(A[r, j]) for r in range(m)] + [Fraction(-1)], 0))
    total = ([Fraction(1)] * m + [Fraction(0)], 1)
    rows = [e[1] for e in eqs] + [total[0]]
    sol = solve_consistent(rows, [Fraction(e[2]) for e in eqs] + [Fraction(1)])
    if sol is None:
        eqs.sort(key=lambda e: abs(e[0]))
        chosen, chosen_rhs = [total[0]], [Fraction(1)]
        for _, row, rhs in eqs:
            trial = solve_consistent([*chosen, row], [*chosen_rhs, Fraction(rhs)])
            if trial is not None or _rank_grows(chosen, row):
                chosen.append(row)
                chosen_rhs.append(Fraction(rhs))
            if len(chosen) == m + 1:
                break
        sol = solve_consistent(chosen, chosen_rhs)
    if sol is None or min(sol[:m]) < 0:
        return None
    return sol


def _rank_grows(rows: list[list[Fraction]], row: list[Fraction]) -> bool:
    """Whether ``row`` is linearly independent of ``rows`` (exact)."""
    basis = [list(r) for r in rows]
    new = list(row)
    for b in _echelon(basis):
        lead = next(k for k, v in enumerate(b) if v != 0)
        if new[lead] != 0:
            f = new[lead] / b[lead]
            new = [a - f * c for a, c in zip(new, b, strict=True)]
    return any(v != 0 for v in new)


def _echelon(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    rows = [list(r) for r in rows]
    out: list[list[Fraction]] = []
    ncols = len(rows[0]) if rows else 0
    for col in range(ncols):
        pick = next((r for r in rows if r[col] != 0), None)
        if pick is None:
            continue
        rows.remove(pick)
        for k, r in enumerate(rows):
            if r[col] != 0:
                f = r[col] / pick[col]
                rows[k] = [a - f * b for a, b in zip(r, pick, strict=True)]
        out.append(pick)
    return out


def _optimal_vertices(
    A: np.ndarray, value: Fraction, other: list[Fraction]
) -> list[list[Fraction]]:
    """Vertices of ``X* = {x >= 0 : sum x = 1, A^T x >= value}`` (A exact, shape (m, n)).

    ``other`` is one optimal strategy of the opponent: by complementary slackness every
    x in X* is zero on the rows where ``A other < value`` and makes every column in the
    support of ``other`` tight, so those equations are imposed first (smaller cones).
    """
    m, n = A.shape
    keep = [
        i
        for i in range(m)
        if sum((Fraction(A[i, j]) * other[j] for j in range(n)), Fraction(0)) == value
    ]
    eq_rows, ge_rows = [], []
    for j in range(n):
        col = [Fraction(A[i, j]) - value for i in keep]  # (A_j - v) . x >= 0
        s = lcm(*(c.denominator for c in col))
        row = [int(c * s) for c in col]
        if other[j] > 0:
            eq_rows += [row, [-c for c in row]]
        else:
            ge_rows.append(row)
    rays, _ = extreme_rays(len(keep), eq_rows + ge_rows)
    out = []
    for r in rays:
        x = [Fraction(0)] * m
        for i, c in zip(keep, r, strict=True):
            x[i] = Fraction(c, sum(r))
        out.append(x)
    return sorted(out)


def zero_sum_lp(
    A: np.ndarray,
    B: np.ndarray | None = None,
    *,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    extreme_points: bool = True,
) -> Equilibria:
    """Equilibria of a zero-sum (or constant-sum) two-player game by linear programming.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Row player's payoffs; the column player receives ``-A``.
    B : array_like, shape (m, n), optional
        Column player's payoffs, if given: ``A + B`` must be constant.
    exact : bool
        Rational strategies with exactly zero regret (entries must be exact rationals).
    rtol : float
        Float mode: regret at most ``rtol`` times the payoff range.
    extreme_points : bool
        List every extreme equilibrium (pairs of vertices of the two optimal-strategy
        polytopes, found exactly by double description); ``False`` lists one optimal
        pair (HiGHS only, for very large games).

    Returns
    -------
    Equilibria
        ``complete`` is ``True`` when every extreme equilibrium is listed (with
        ``extreme_points=True``); otherwise one optimal pair is listed and a note says so.
        ``degenerate`` is ``True`` when the equilibrium set is known to be more than a
        point (a :class:`~solvers.result.DegenerateGameWarning` is then issued).

    Raises
    ------
    ValueError
        ``A + B`` is not constant, or bad shapes/entries.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])    # rock-paper-scissors
    >>> eqs = zero_sum_lp(A, exact=True)
    >>> len(eqs), [str(p) for p in eqs[0].strategies[1]], eqs.complete
    (1, ['1/3', '1/3', '1/3'], True)
    """
    A = as_array(A, "A")
    if A.ndim != 2:
        raise ValueError(f"A must be a 2-D payoff matrix, got shape {A.shape}")
    if B is None:
        B = -A
    B = as_array(B, "B")
    if B.shape != A.shape:
        raise ValueError(f"B has shape {B.shape} but A has shape {A.shape}; they must match")
    (Af, Bf), exacts = as_payoff_arrays([A, B], exact=exact)
    if exact:
        assert exacts is not None  # as_payoff_arrays gives Fractions when exact
        A, B = exacts
    if not is_zero_sum(A if exact else Af, B if exact else Bf):
        raise ValueError(
            "zero_sum_lp needs a zero-sum (or constant-sum) game: A + B must be constant; "
            "use vertex_enumeration for general two-player games"
        )
    m, n = Af.shape
    x, v = _maximin(Af)
    y, w = _maximin(-Af.T)  # the column player's maximin in (-A^T): w = -v
    notes: list[str] = []
    scale = float(np.ptp(Af)) or 1.0
    X: list[Any]  # optimal strategies: Fraction lists (exact) or float arrays
    Y: list[Any]
    if exact:
        xs = _exact_optimal(A, x, v, scale)
        ys = _exact_optimal(-A.T, y, w, scale)
        confirmed = (
            xs is not None
            and ys is not None
            and xs[-1] == -ys[-1]
            and min(
                sum((Fraction(A[i, j]) * xs[i] for i in range(m)), Fraction(0)) for j in range(n)
            )
            == xs[-1]
            and max(
                sum((Fraction(A[i, j]) * ys[j] for j in range(n)), Fraction(0)) for i in range(m)
            )
            == xs[-1]
        )
        if not confirmed:  # pragma: no cover - HiGHS returns a vertex; belt and braces
            return vertex_enumeration(A, B, exact=True)
        assert xs is not None and ys is not None  # confirmed above
        value = xs[-1]
        game = ExactBimatrix(A, B)
        if extreme_points:
            X = _optimal_vertices(A, value, ys[:n])
            Y = _optimal_vertices(-A.T, -value, xs[:m])
        else:
            X, Y = [xs[:m]], [ys[:n]]
        result = [game.equilibrium(a, b, METHOD) for a in X for b in Y]
    else:
        if extreme_points:
            Aq = np.array([[Fraction(float(c)) for c in row] for row in Af], dtype=object)
            exact_game = zero_sum_lp(Aq, exact=True, extreme_points=True)
            X = _unique([np.array(e.strategies[0], dtype=float) for e in exact_game])
            Y = _unique([np.array(e.strategies[1], dtype=float) for e in exact_game])
        else:
            X, Y = [x], [y]
        result = [Equilibrium.from_profile([Af, Bf], [a, b], METHOD) for a in X for b in Y]
        bad = [eq for eq in result if eq.regret > float(np.min(tolerance([Af, Bf], rtol)))]
        if bad:  # pragma: no cover - HiGHS solutions are accurate to ~1e-9
            notes.append(f"numerical trouble: {len(bad)} LP solution(s) failed the regret check")
            warnings.warn(notes[-1], RuntimeWarning, stacklevel=2)
            result = [eq for eq in result if eq not in bad]
    multiple = len(X) > 1 or len(Y) > 1
    complete = extreme_points
    if multiple:
        notes.append(
            f"the equilibrium set is the product of two polytopes with {len(X)} and {len(Y)} "
            "vertices (every pair is listed)"
        )
        warnings.warn(
            f"{m}x{n} zero-sum game with a set of equilibria: {len(X)} x {len(Y)} extreme "
            "points listed",
            DegenerateGameWarning,
            stacklevel=2,
        )
    elif not complete:
        notes.append(
            "one pair of optimal strategies is listed; the equilibrium set (a product of "
            "polytopes) may be larger: pass extreme_points=True for all its extreme points"
        )
    return Equilibria(
        result,
        method=METHOD,
        exact=exact,
        degenerate=multiple,
        complete=complete,
        tolerance=None if exact else rtol,
        notes=notes,
    )


def _unique(vectors: list[np.ndarray]) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for vec in vectors:
        if not any(np.allclose(vec, o, rtol=0, atol=1e-12) for o in out):
            out.append(vec)
    return out
