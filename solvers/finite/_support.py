r"""Nash equilibria of a two-player game by support enumeration, batched over supports.

For supports :math:`I \subseteq` rows and :math:`J \subseteq` columns of equal size
*k*, an equilibrium with those supports solves the indifference systems

.. math::
    \sum_{j \in J} A_{ij} y_j = v \ (i \in I), \quad \sum_{j\in J} y_j = 1, \qquad
    \sum_{i \in I} B_{ij} x_i = u \ (j \in J), \quad \sum_{i\in I} x_i = 1,

with :math:`x, y > 0` on the supports and no better reply outside them. In a
nondegenerate game every equilibrium has supports of equal size and a unique solution,
so enumerating the :math:`\sum_k \binom{m}{k}\binom{n}{k}` pairs finds them all. All pairs
of one size are solved at once with one batched ``numpy.linalg.solve``.

In a **degenerate** game equilibria may have supports of unequal sizes or form
continua; this method then says so (``complete=False`` and a warning) — use
:func:`solvers.finite._vertex.vertex_enumeration`, which lists every extreme equilibrium.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._support import support_enumeration
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])
>>> [eq.strategies[1].tolist() for eq in support_enumeration(A, B)]
[[0.0, 1.0], [0.4, 0.6], [1.0, 0.0]]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations
from math import comb

import numpy as np

from solvers.finite._input import as_bimatrix
from solvers.finite._rational import solve_consistent
from solvers.finite._stream import Stream
from solvers.finite._vertex import is_degenerate
from solvers.progress import ProgressArg
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["support_enumeration"]

METHOD = "support_enumeration"
#: Largest number of support pairs solved in one batch (memory bound).
_BATCH = 200_000


def _indifference(U: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, ...]:
    """Batched systems for the mixture over ``cols`` making ``rows`` of ``U`` indifferent.

    Returns (matrices, determinants) with matrices of shape (P, k+1, k+1):
    ``[U[rows, cols], -1; 1, 0]`` so that the solution is (probabilities, value).
    """
    P, k = rows.shape
    M = np.zeros((P, k + 1, k + 1))
    M[:, :k, :k] = U[rows[:, :, None], cols[:, None, :]]
    M[:, :k, k] = -1.0
    M[:, k, :k] = 1.0
    return M, np.linalg.det(M)


def _solve(M: np.ndarray, ok: np.ndarray) -> np.ndarray:
    rhs = np.zeros(M.shape[:2])
    rhs[:, -1] = 1.0
    out = np.full(M.shape[:2], np.nan)
    if ok.any():
        try:
            out[ok] = np.linalg.solve(M[ok], rhs[ok][..., None])[..., 0]
        except np.linalg.LinAlgError:  # an exactly singular matrix in the batch: one by one
            for k in np.nonzero(ok)[0]:
                try:
                    out[k] = np.linalg.solve(M[k], rhs[k])
                except np.linalg.LinAlgError:
                    pass
    return out


def support_enumeration(
    A: np.ndarray,
    B: np.ndarray,
    *,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    progress: ProgressArg = None,
) -> Equilibria:
    """Equilibria of (A, B) with supports of equal size, solved in batches.

    Parameters
    ----------
    A, B : array_like, shape (m, n)
        Payoff matrices of the row and column player.
    exact : bool
        Rebuild each equilibrium in rational arithmetic and check zero regret.
    rtol : float
        Relative regret tolerance for float mode.
    progress : bool, callable or None, default None (a bar only in a terminal)
        Report progress (see :func:`solvers.progress.track`), one step per batch of
        support pairs (at least one per support size).

    Returns
    -------
    Equilibria
        ``complete`` is ``True`` when the game is nondegenerate
        (:func:`solvers.finite.is_degenerate`); otherwise a warning says what may be missed.
        :func:`solvers.finite.iter_equilibria` yields the same equilibria one by one.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])
    >>> support_enumeration(A, -A)[0].strategies[0].tolist()
    [0.5, 0.5]
    """
    return support_stream(A, B, exact=exact, rtol=rtol).run(progress)


def support_stream(
    A: np.ndarray, B: np.ndarray, *, exact: bool = False, rtol: float = DEFAULT_RTOL
) -> Stream:
    """:func:`support_enumeration` as a :class:`~solvers.finite._stream.Stream`."""
    (Af, Bf), exacts = as_bimatrix(A, B, exact=exact)
    m, n = Af.shape
    batches = [
        (k, start)
        for k in range(1, min(m, n) + 1)
        for start in range(0, comb(m, k) * comb(n, k), _BATCH)
    ]
    state = {"floats": 0, "unconfirmed": 0}

    def steps() -> Iterator[list[Equilibrium]]:
        tol = tolerance([Af, Bf], rtol)
        An = (Af - Af.min()) / max(float(np.ptp(Af)), 1e-300)
        Bn = (Bf - Bf.min()) / max(float(np.ptp(Bf)), 1e-300)
        seen: set = set()
        combos: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for k, start in batches:
            if k not in combos:
                combos = {
                    k: (
                        np.array(list(combinations(range(m), k))),
                        np.array(list(combinations(range(n), k))),
                    )
                }
            rows_all, cols_all = combos[k]
            p = np.arange(start, min(len(rows_all) * len(cols_all), start + _BATCH))
            rows, cols = rows_all[p // len(cols_all)], cols_all[p % len(cols_all)]
            My, dety = _indifference(An, rows, cols)
            Mx, detx = _indifference(Bn.T, cols, rows)
            # only exactly singular systems are skipped: ill-conditioned ones (von Stengel's
            # 6x6 game has a relative determinant of 4e-17) are solved, and every solution
            # is verified below, so a poor solve can only be rejected, never accepted
            ok = (dety != 0) & (detx != 0) & np.isfinite(dety) & np.isfinite(detx)
            y_sol, x_sol = _solve(My, ok), _solve(Mx, ok)
            x = np.zeros((len(p), m))
            y = np.zeros((len(p), n))
            np.put_along_axis(x, rows, x_sol[:, :k], axis=1)
            np.put_along_axis(y, cols, y_sol[:, :k], axis=1)
            keep = ok & np.all(x_sol[:, :k] > -1e-12, axis=1) & np.all(y_sol[:, :k] > -1e-12, 1)
            x, y = np.clip(x[keep], 0, None), np.clip(y[keep], 0, None)
            x /= x.sum(1, keepdims=True)
            y /= y.sum(1, keepdims=True)
            row_vals, col_vals = y @ Af.T, x @ Bf
            r_row = row_vals.max(1) - np.einsum("ki,ki->k", x, row_vals)
            r_col = col_vals.max(1) - np.einsum("kj,kj->k", y, col_vals)
            nash = (r_row <= tol[0]) & (r_col <= tol[1])
            keys = np.round(np.hstack([x, y]), 12)
            new = []
            for i in np.nonzero(nash)[0]:
                key = tuple(keys[i].tolist())
                if key in seen:
                    continue
                seen.add(key)
                state["floats"] += 1
                if exact:
                    eq = _exact(exacts, x[i], y[i])
                    if eq is None:
                        state["unconfirmed"] += 1
                        continue
                else:
                    eq = Equilibrium.from_profile([Af, Bf], [x[i], y[i]], METHOD, rtol=rtol)
                new.append(eq)
            yield new

    def finish(found: list[Equilibrium]) -> Equilibria:
        found = sorted(found, key=_key)
        # singular systems alone do not mean degeneracy (e.g. two identical rows that are
        # never best replies); in a nondegenerate game every equilibrium's system is regular
        degenerate = is_degenerate(Af, Bf)
        notes = []
        if degenerate:
            notes.append(
                "degenerate game: equilibria with unequal supports or continua may be missed "
                "by support enumeration; use vertex_enumeration for every extreme equilibrium"
            )
            warnings.warn(notes[-1], RuntimeWarning, stacklevel=4)
        if not degenerate and state["floats"] % 2 == 0:
            # a nondegenerate game has an odd number of equilibria (Shapley 1974)
            notes.append(
                f"numerical trouble: {state['floats']} equilibria found, but a nondegenerate "
                "game has an odd number; use vertex_enumeration"
            )
            warnings.warn(notes[-1], RuntimeWarning, stacklevel=4)
        if state["unconfirmed"]:
            notes.append("numerical trouble: some float equilibria could not be confirmed exactly")
        return Equilibria(
            found,
            method=METHOD,
            exact=exact,
            degenerate=degenerate,
            complete=not degenerate and len(notes) == 0,
            tolerance=None if exact else rtol,
            notes=notes,
        )

    return Stream(steps(), len(batches), finish, METHOD)


def _key(eq: Equilibrium) -> tuple:
    """Sort key: the profile rounded to 12 decimals (exact profiles: their floats)."""
    return tuple(np.round(np.array([float(v) for s in eq.strategies for v in s]), 12).tolist())


def _exact(exacts, x: np.ndarray, y: np.ndarray) -> Equilibrium | None:
    A, B = exacts
    rows, cols = np.nonzero(x > 0)[0], np.nonzero(y > 0)[0]
    ys = _exact_mixture(A, rows, cols)
    xs = _exact_mixture(B.T, cols, rows)
    if xs is None or ys is None:
        return None
    eq = Equilibrium.from_profile([A, B], [xs, ys], METHOD, exact=True)
    return eq if eq.regret == 0 else None


def _exact_mixture(U, rows, cols) -> np.ndarray | None:
    """Mixture over ``cols`` (exact) making every row in ``rows`` of ``U`` indifferent."""
    k = len(cols)
    matrix = [[U[i, j] for j in cols] + [Fraction(-1)] for i in rows]
    matrix.append([Fraction(1)] * k + [Fraction(0)])
    solution = solve_consistent(matrix, [Fraction(0)] * len(rows) + [Fraction(1)])
    if solution is None or min(solution[:k]) <= 0:
        return None
    out = np.array([Fraction(0)] * U.shape[1], dtype=object)
    out[cols] = solution[:k]
    return out
