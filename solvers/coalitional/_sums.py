"""Per-size sums of a characteristic vector, the one pass both values are built from.

``M[i, s] = sum of v(S) over coalitions S of size s that contain player i`` and
``T[s] = sum of v(S) over coalitions of size s``. Exact vectors are scaled to integers by
the common denominator ``L`` and summed in ``int64`` when that cannot overflow (else in
Python integers); float vectors in ``float64``.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from solvers.coalitional._input import popcounts

__all__ = ["size_sums"]


@lru_cache(maxsize=8)
def _layout(n: int) -> tuple[np.ndarray, np.ndarray]:
    pc = popcounts(n)
    order = np.argsort(pc, kind="stable")
    starts = np.concatenate(([0], np.cumsum(np.bincount(pc, minlength=n + 1))[:-1]))
    return order, starts


def size_sums(v: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """``(M, T, L)``: per-size sums of ``L * v`` (``L = 1`` for floats)."""
    order, starts = _layout(n)
    if v.dtype == np.int64:
        denom = 1
        bound = int(np.abs(v).max()) << n
        arr = v if bound < 2**62 else v.astype(object)
    elif v.dtype == object:
        denom = math.lcm(*(x.denominator for x in v))
        ints = [x.numerator * (denom // x.denominator) for x in v]
        bound = max(abs(x) for x in ints) << n
        arr = np.array(ints, dtype=np.int64 if bound < 2**62 else object)
    else:
        denom, arr = 1, v
    vs = arr[order]
    m = np.empty((n, n + 1), dtype=vs.dtype)
    for i in range(n):
        x = np.where((order >> i) & 1 == 1, vs, vs.dtype.type(0) if vs.dtype != object else 0)
        m[i] = np.add.reduceat(x, starts)
    t = np.add.reduceat(vs, starts)
    return m, t, denom
