r"""The nucleolus (Schmeidler 1969) and the prenucleolus.

The nucleolus lexicographically minimizes the vector of excesses
:math:`e(S, x) = v(S) - x(S)`, sorted in decreasing order, over the imputations
(:math:`x(N) = v(N)`, :math:`x_i \ge v(\{i\})`); the prenucleolus does so over all
preimputations.

Algorithm: the sequence of LPs of Maschler, Peleg & Shapley (1979) in floats (HiGHS dual
simplex): at each stage minimize the largest free excess, fix the coalitions with positive
dual weight at that level (they are tight at *every* optimum) together with every coalition
whose indicator is spanned by the fixed ones, and repeat until the fixed coalitions span
:math:`\mathbb{R}^n` (at most n stages; see Guajardo & Jornsten 2015 on why fixing every
tight coalition is wrong). For exact games the stage equations are re-solved in
``Fraction`` and the result is certified by Kohlberg's (1971) criterion: for every level
:math:`\alpha`, the coalitions with excess :math:`\ge \alpha`, together with singletons at
their individual worth (nucleolus only), form a balanced collection -- each test an exact
phase-one simplex. If the certificate fails (the dual thresholds 1e-9, 1e-7 and 1e-5 are
tried), the float answer is returned with ``exact=False`` and a warning. HiGHS runs
without presolve: with presolve, degenerate games (2 of ~400 random ones) got non-optimal
duals and a wrong tight set. Float games are not certified -- pass integer or
``Fraction`` worths when it matters.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any

import numpy as np

from solvers.coalitional._core import CoalitionalWarning, scale_tolerance
from solvers.coalitional._exact import nonnegative_solution, solve
from solvers.coalitional._input import fraction_vector, is_exact_vector, prepare
from solvers.coalitional._stages import HighsStages, LinprogStages, discard_instance, stage_lp

__all__ = ["kohlberg_check", "nucleolus"]


def nucleolus(
    v: Any,
    n: int | None = None,
    imputations: bool = True,
    exact: bool | None = None,
    backend: str | None = None,
) -> tuple[list[Any], bool, list[Any]]:
    """Nucleolus (``imputations=True``) or prenucleolus of the vector ``v``.

    Returns ``(x, exact, levels)`` with ``levels`` the excess value of each LP stage.
    ``backend`` picks the LP solver of the stages: ``"highs"`` (the ``highspy`` package,
    one model warm-started from stage to stage), ``"linprog"`` (scipy) or None (highspy
    when installed). Exact games are certified whichever solved the stages; if the
    certificate fails on highspy's stages, linprog's are tried before giving up.

    Examples
    --------
    >>> import numpy as np
    >>> v = np.array([0, 0, 0, 0, 0, 1, 1, 1])       # glove game: player 2 owns the left glove
    >>> nucleolus(v, 3)[0]
    [Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)]
    """
    v, n = prepare(v, n)
    if exact is None:
        exact = is_exact_vector(v)
    vf = v.astype(np.float64)
    singles = np.array([vf[1 << i] for i in range(n)])
    if imputations and singles.sum() > vf[-1] + scale_tolerance(v):
        raise ValueError(
            "the game has no imputations (the singletons are worth more than v(N)), so the "
            "nucleolus is undefined; use the prenucleolus (imputations=False)"
        )
    if n == 1:
        return ([fraction_vector(v)[-1]] if exact else [float(vf[-1])]), exact, []
    lower = singles if imputations else None
    x, stages = _float_sequence(vf, n, lower, backend=backend)
    if not exact:
        return [float(t) for t in x], False, [lvl for lvl, *_ in stages]
    fv = fraction_vector(v)
    tries: list[tuple[float | None, str | None]] = [
        (None, backend),
        (1e-7, backend),
        (1e-5, backend),
    ]
    if backend != "linprog":
        tries += [(1e-9, "linprog"), (1e-7, "linprog"), (1e-5, "linprog")]
    for dual_tol, which in tries:  # None: the sequence already computed (1e-9)
        if dual_tol is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", CoalitionalWarning)
                _, stages = _float_sequence(vf, n, lower, dual_tol, which)
        ex = _exact_from_stages(fv, n, stages)
        if ex is not None and kohlberg_check(fv, n, ex[0], imputations):
            return ex[0], True, ex[1]
    warnings.warn(
        "nucleolus: the exact certificate (Kohlberg's criterion) failed; returning the "
        "float solution",
        CoalitionalWarning,
        stacklevel=2,
    )
    return [float(t) for t in x], False, [lvl for lvl, *_ in stages]


def _float_sequence(
    vf: np.ndarray,
    n: int,
    singles: np.ndarray | None,
    dual_tol: float = 1e-9,
    backend: str | None = None,
) -> tuple[np.ndarray, list[tuple[float, list[int], list[int]]]]:
    lp = stage_lp(vf, n, singles, backend)
    if isinstance(lp, HighsStages):
        try:
            return _run_sequence(lp, vf, n, singles, dual_tol)
        except RuntimeError:  # HiGHS did not reach an optimum: scipy's linprog instead
            discard_instance()
            lp = stage_lp(vf, n, singles, "linprog")
    return _run_sequence(lp, vf, n, singles, dual_tol)


def _run_sequence(
    lp: LinprogStages, vf: np.ndarray, n: int, singles: np.ndarray | None, dual_tol: float
) -> tuple[np.ndarray, list[tuple[float, list[int], list[int]]]]:
    dense = lp.dense
    basis = np.ones((1, n)) / np.sqrt(n)  # orthonormal rows spanning fixed coalitions and N
    stages: list[tuple[float, list[int], list[int]]] = []
    x = None
    for _ in range(n + 1):
        idx = np.nonzero(lp.free)[0]
        if idx.size == 0:
            break
        x, eps, duals, col_duals = lp.solve()
        pos = idx[duals[idx] > dual_tol]
        if pos.size == 0:  # numerical fallback: the most dual weight
            pos = idx[[int(np.argmax(duals[idx]))]]
        at_bound: list[int] = []
        if singles is not None:
            at_bound = [i for i in range(n) if col_duals[i] > dual_tol and i not in lp.fixed_cols]
        stages.append((eps, [int(r + 1) for r in pos], at_bound))
        lp.fix_players(at_bound)
        lp.fix(pos, eps)
        # orthonormal basis of the fixed span, then drop spanned coalitions from the free set
        new = np.vstack([dense[pos], np.eye(n)[at_bound]]) if at_bound else dense[pos]
        basis = _extend_basis(basis, new)
        free = np.nonzero(lp.free)[0]
        rows = dense[free]
        # einsum, not BLAS: OpenBLAS threads stall for milliseconds on a busy machine
        resid = rows - np.einsum("ik,kj->ij", np.einsum("ij,kj->ik", rows, basis), basis)
        lp.drop(free[np.linalg.norm(resid, axis=1) <= 1e-9])
    if lp.free.any():
        warnings.warn(
            "nucleolus: the LP sequence stopped before the fixed coalitions spanned the "
            "allocation space; the float answer may be inexact",
            CoalitionalWarning,
            stacklevel=3,
        )
    assert x is not None  # n >= 2 (callers): at least one LP stage ran
    return x, stages


def _extend_basis(basis: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Orthonormal rows spanning ``basis`` and ``new`` (Gram-Schmidt, orthogonalized twice;
    a vector whose residual has norm <= 1e-10 adds nothing)."""
    rows = list(basis)
    for vec in new:
        r = np.asarray(vec, dtype=float)
        for _ in range(2):
            b = np.array(rows)
            r = r - (b @ r) @ b
        norm = float(np.sqrt(r @ r))
        if norm > 1e-10:
            rows.append(r / norm)
    return np.array(rows)


def _exact_from_stages(
    fv: list[Fraction], n: int, stages: list[tuple[float, list[int], list[int]]]
) -> tuple[list[Fraction], list[Fraction]] | None:
    k = len(stages)
    rows, rhs = [[Fraction(1)] * n + [Fraction(0)] * k], [fv[-1]]
    for s, (_, masks, at_bound) in enumerate(stages):
        for mask in masks:
            row = [Fraction(int(mask >> i & 1)) for i in range(n)] + [Fraction(0)] * k
            row[n + s] = Fraction(1)
            rows.append(row)
            rhs.append(fv[mask])
        for i in at_bound:
            rows.append([Fraction(int(j == i)) for j in range(n)] + [Fraction(0)] * k)
            rhs.append(fv[1 << i])
    sol = solve(rows, rhs)
    if sol is None:
        return None
    return sol[:n], sol[n:]


def kohlberg_check(fv: list[Fraction], n: int, x: list[Fraction], imputations: bool) -> bool:
    """Exact Kohlberg (1971) test that ``x`` is the (pre)nucleolus of the game ``fv``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> fv = [F(t) for t in (0, 0, 0, 1, 0, 1, 1, 1)]     # majority game
    >>> kohlberg_check(fv, 3, [F(1, 3)] * 3, True), kohlberg_check(fv, 3, [F(1), 0, 0], True)
    (True, False)
    """
    x = [Fraction(t) for t in x]
    if sum(x) != fv[-1]:
        return False
    i0: list[int] = []
    if imputations:
        if any(x[i] < fv[1 << i] for i in range(n)):
            return False
        i0 = [i for i in range(n) if x[i] == fv[1 << i]]
    # excesses in integers: everything times the common denominator
    scale = math.lcm(*(t.denominator for t in x), *(f.denominator for f in fv))
    xi = [int(t * scale) for t in x]
    sums = [0] * (1 << n)
    for mask in range(1, 1 << n):
        low = mask & -mask
        sums[mask] = sums[mask ^ low] + xi[low.bit_length() - 1]
    by_level: dict[int, list[int]] = {}
    for mask in range(1, (1 << n) - 1):
        by_level.setdefault(int(fv[mask] * scale) - sums[mask], []).append(mask)
    collection: list[int] = []
    echelon: dict[int, list[Fraction]] = {}  # pivot column -> reduced row of the span
    for level in sorted(by_level, reverse=True):
        collection += by_level[level]
        grew = False
        for m in by_level[level]:
            grew |= _extend_span(echelon, [Fraction(m >> i & 1) for i in range(n)])
        if not grew and len(collection) > len(by_level[level]):
            # every new coalition is spanned by the (balanced) collection before it, so
            # the collection stays balanced: shift a little weight onto the new ones
            continue
        vecs = [[Fraction(int(m >> i & 1)) for i in range(n)] for m in collection]
        # balanced with positive weights on the collection, nonnegative on I0 singletons:
        # weights 1 + mu (mu >= 0) on the collection, lam >= 0 on I0, scale s >= 0
        cols = vecs + [[Fraction(int(i == j)) for i in range(n)] for j in i0]
        cols.append([Fraction(-1)] * n)
        a = [list(r) for r in zip(*cols, strict=True)]
        b = [-sum((vec[i] for vec in vecs), Fraction(0)) for i in range(n)]
        if nonnegative_solution(a, b) is None:
            return False
        if len(echelon) == n:
            return True
    return True


def _extend_span(echelon: dict[int, list[Fraction]], vec: list[Fraction]) -> bool:
    """Add ``vec`` to the span kept in ``echelon`` (exactly); True if the rank grew."""
    r = list(vec)
    for col, row in echelon.items():
        if r[col] != 0:
            f = r[col]
            r = [a - f * b for a, b in zip(r, row, strict=True)]
    piv = next((j for j, a in enumerate(r) if a != 0), None)
    if piv is None:
        return False
    inv = 1 / r[piv]
    r = [a * inv for a in r]
    for col, row in echelon.items():  # keep the rows reduced in the new pivot column
        if row[piv] != 0:
            f = row[piv]
            echelon[col] = [a - f * b for a, b in zip(row, r, strict=True)]
    echelon[piv] = r
    return True
