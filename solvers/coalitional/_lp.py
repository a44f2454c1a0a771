"""The coalition constraint matrix and the LP call (scipy's HiGHS) shared by the core,
the least core and the nucleolus."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import scipy.sparse as sps
from scipy.optimize import linprog

__all__ = ["coalition_matrix", "solve_lp"]


@lru_cache(maxsize=8)
def coalition_matrix(n: int) -> sps.csr_matrix:
    """Sparse 0/1 matrix: row ``S`` (``S = 1 .. 2^n - 2``) is the indicator of coalition S."""
    masks = np.arange(1, (1 << n) - 1)
    rows, cols = [], []
    for i in range(n):
        hit = np.nonzero((masks >> i) & 1)[0]
        rows.append(hit)
        cols.append(np.full(hit.size, i))
    r, c = np.concatenate(rows), np.concatenate(cols)
    return sps.csr_matrix((np.ones(r.size), (r, c)), shape=(masks.size, n))


def solve_lp(c, a_ub, b_ub, a_eq, b_eq, bounds):
    """``linprog`` with the dual simplex, no presolve (a vertex and its duals); raises on
    failure."""
    # presolve off: on degenerate coalition LPs HiGHS's presolve returned duals that are not
    # optimal (a wrong tight set in the nucleolus sequence); the raw dual simplex is exact
    res = linprog(
        c,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=b_eq,
        bounds=bounds,
        method="highs-ds",
        options={"presolve": False},
    )
    if res.status != 0:
        raise RuntimeError(f"HiGHS failed on a coalition LP: {res.message}")
    return res
