r"""Voting power in (vector-)weighted voting games by generating functions, exactly.

A vector-weighted game has weights :math:`w_{ij} \ge 0` (player i, criterion j) and quotas
:math:`q_j`; a coalition wins iff :math:`\sum_{i \in S} w_{ij} \ge q_j` for every j (one
criterion: an ordinary weighted game :math:`[q; w_1, \dots, w_n]`). A swing of player i is
a losing coalition :math:`S \not\ni i` that wins with i. The raw Banzhaf index is the
number of swings over :math:`2^{n-1}`; the Shapley-Shubik index weighs a swing of size
:math:`k` by :math:`k!(n-1-k)!/n!` (Shapley & Shubik 1954).

Algorithm (generating functions: Brams & Affuso 1976; Bilbao et al. 2000): the counts of
coalitions by size and weight are the coefficients of :math:`\prod_i (1 + y x^{w_i})`,
built by dynamic programming in :math:`O(n^2 W)` for total weight W (Banzhaf:
:math:`O(n W)`); the swings of each player then follow from orthant sums of that one
table (see :func:`swing_counts`). Counts are exact integers: ``int64`` for small games,
otherwise computed modulo several primes and reconstructed by the Chinese remainder
theorem. Weights must be nonnegative integers (scale rational weights first).
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache
from typing import Any, cast

import numpy as np

__all__ = ["swing_counts", "voting_power"]


@lru_cache(maxsize=8)
def _primes(count: int, bits: int) -> tuple[int, ...]:
    """The ``count`` largest primes below ``2**bits``."""
    out: list[int] = []
    p = (1 << bits) - 1
    while len(out) < count:
        if _is_prime(p):
            out.append(p)
        p -= 2
    return tuple(out)


def _is_prime(p: int) -> bool:
    """Deterministic Miller-Rabin for p < 3.3e24."""
    if p < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
    if p in small:
        return True
    if any(p % a == 0 for a in small):
        return False
    d, r = p - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for a in small:
        x = pow(a, d, p)
        if x in (1, p - 1):
            continue
        for _ in range(r - 1):
            x = x * x % p
            if x == p - 1:
                break
        else:
            return False
    return True


def swing_counts(
    weights: np.ndarray, quotas: np.ndarray, by_size: bool
) -> list[list[int]] | list[int]:
    """Exact swing counts: ``[i][k]`` swings of size k (``by_size``) or ``[i]`` in total.

    The swings of player i are the coalitions ``S`` without i whose weight ``t`` lies in
    the region ``R_i = {t >= q - w_i} minus {t >= q}``. Counting the coalitions without i
    is dividing the generating function by ``1 + y x^{w_i}``, i.e. the alternating series
    ``sum_j (-y x^{w_i})^j``; so the swings are an alternating sum of orthant counts
    ``G(q - j w_i)`` of the full table (``G`` = suffix sums): no table per player. With one
    criterion the table stops at the quota (prefix sums suffice).

    Examples
    --------
    >>> import numpy as np
    >>> swing_counts(np.array([[50], [49], [1]]), np.array([51]), by_size=False)
    [3, 1, 1]
    """
    n, m = weights.shape
    totals = [int(t) for t in weights.sum(axis=0)]
    if any(int(q) > t for q, t in zip(quotas, totals, strict=True)):  # nobody ever wins
        return [[0] * (n + 1) for _ in range(n)] if by_size else [0] * n
    if m == 1 and not by_size and 64 * (n // 64 + 1) * int(quotas[0]) <= 2**27:  # <= 16 MB
        return _banzhaf_swings(weights[:, 0].tolist(), int(quotas[0]))
    if m == 1:  # one criterion: coalitions of weight >= q are never needed one by one
        shape: tuple[int, ...] = (int(quotas[0]),)
    else:
        shape = tuple(t + 2 for t in totals)  # one zero slab past the total weight
    cells = math.prod(shape) * (n + 1 if by_size else 1)
    if n <= 40 and cells < 2**20:
        mods: list[int] = []
        bits = 0
    else:
        # residues < 2^bits: a suffix sum over the weight table and n + 1 signed window
        # counts must stay below 2^62
        bits = min(61, 61 - max(1, math.ceil(math.log2(math.prod(shape) + n + 2))))
        if bits < 24:
            raise ValueError(
                f"the weight table has {cells} cells, too many for exact counting; divide "
                "the weights and quotas by a common factor or round them"
            )
        mods = list(_primes(-(-(n - 1) // (bits - 1)), bits))  # product > 2^(n-1)
    lanes = max(1, len(mods))
    # table: axis 0 = coalition size (a single slot without sizes), axis 1 = modulus lane,
    # then one axis per weight criterion
    sizes = n + 1 if by_size else 1
    c = np.zeros((sizes, lanes, *shape), dtype=np.int64)
    c[(0, slice(None)) + (0,) * m] = 1
    modarr = np.array(mods, dtype=np.int64).reshape((-1,) + (1,) * m) if mods else None
    headroom = 61 - bits
    for i in range(n):
        wi = [int(x) for x in weights[i]]
        dst: tuple[Any, ...] = tuple(slice(wj, None) for wj in wi)
        src: tuple[Any, ...] = tuple(slice(0, max(shape[j] - wj, 0)) for j, wj in enumerate(wi))
        if by_size:  # sizes 0..i are filled before player i joins; go down, no overlap
            for k in range(i + 1, 0, -1):
                c[(k, slice(None), *dst)] += c[(k - 1, slice(None), *src)]
        else:
            c[(0, slice(None), *dst)] += c[(0, slice(None), *src)].copy()
        if modarr is not None and (i + 1) % headroom == 0:  # entries at most double per step
            np.remainder(c, modarr, out=c)
    if modarr is not None:
        np.remainder(c, modarr, out=c)
    if m == 1:
        # G(a) = total - P(a) with prefix sums P(a) = #{weight < a}; the totals cancel in
        # the differences below, so g = -P
        zero = np.zeros((*c.shape[:2], 1), dtype=np.int64)
        g = np.concatenate([zero, np.cumsum(c, axis=2)], axis=2)
        if modarr is not None:
            np.remainder(g, modarr, out=g)
        np.negative(g, out=g)
        shape = (shape[0] + 1,)
    else:
        g = c
        for j in range(m):  # suffix sums: g[t] = number of coalitions with weight >= t
            ax = 2 + j
            g = np.flip(np.cumsum(np.flip(g, ax), axis=ax), ax)
            if modarr is not None:
                np.remainder(g, modarr, out=g)
    k_dim = (n + 1,) if by_size else ()
    lane_mod = np.array(mods, dtype=np.int64)
    q = [int(x) for x in quotas]
    out: list = []
    for i in range(n):
        wi = [int(x) for x in weights[i]]
        if not any(wi):
            out.append(np.zeros((lanes, *k_dim), dtype=np.int64))  # a null player
            continue
        jmax = max(-(-q[j] // wi[j]) for j in range(m) if wi[j] > 0)
        if by_size:
            jmax = min(jmax, n)
        js = np.arange(jmax + 2)
        idx: tuple[Any, ...] = tuple(
            np.clip(np.maximum(q[j] - js * wi[j], 0), 0, shape[j] - 1) for j in range(m)
        )
        gv = np.moveaxis(g[(slice(None), slice(None), *idx)], 1, 0)  # (lanes, sizes, j)
        if not by_size:
            gv = gv[:, 0]
        win = gv[..., 1:] - gv[..., :-1]  # coalitions in R_i shifted by j w_i (|.| < p)
        if not by_size:
            swings = win[..., 0::2].sum(axis=-1) - win[..., 1::2].sum(axis=-1)
        else:  # the term j counts swings of size k + j: sum along anti-diagonals
            swings = win[:, :, 0].copy()
            for j in range(1, win.shape[-1]):
                if j % 2:
                    swings[:, j:] -= win[:, : n + 1 - j, j]
                else:
                    swings[:, j:] += win[:, : n + 1 - j, j]
        if modarr is not None:
            swings = np.remainder(swings, lane_mod.reshape((-1,) + (1,) * len(k_dim)))
        out.append(swings)
    if not mods:
        return [r[0].tolist() for r in out] if by_size else [int(r[0]) for r in out]
    prod = math.prod(mods)
    coef = [(prod // p) * pow(prod // p, -1, p) % prod for p in mods]

    def crt(vals: list[int]) -> int:
        return sum(v * cf for v, cf in zip(vals, coef, strict=True)) % prod

    result: list = []
    for r in out:
        res = r.tolist()
        if by_size:
            result.append([crt([res[p][k] for p in range(len(mods))]) for k in range(n + 1)])
        else:
            result.append(crt(res))
    return result


def _banzhaf_swings(weights: list[int], q: int) -> list[int]:
    """Exact swing counts of the weighted game ``[q; w]``.

    The coefficients below the quota of ``prod_i (1 + x^{w_i})`` are built in one Python
    integer with ``b`` bits per coefficient, ``b`` the multiple of 64 above n
    (Kronecker substitution: multiplying by ``1 + x^w`` is a shift and an add; the
    coefficients are below ``2^n``, so the slots never carry into each other). With
    ``P(a)`` the number of coalitions of weight below ``a``, the swings of a player of
    weight ``w`` are ``P(q) + 2 sum_{j >= 1} (-1)^j P(max(q - j w, 0))`` (dividing by
    ``1 + x^w``), one sum per distinct weight. For n <= 62 the coefficients are read as
    ``int64`` and summed by numpy: only additions and subtractions, which ``int64`` does
    exactly modulo 2^64, and every count is below 2^63; larger games sum Python integers.
    """
    n = len(weights)
    b = 64 * (n // 64 + 1)
    poly = 1
    mask = (1 << (b * q)) - 1
    for w in weights:
        poly = (poly + (poly << (b * w))) & mask
    raw = poly.to_bytes(b // 8 * q, "little")
    by_weight: dict[int, int] = {0: 0}  # a null player never swings
    if n <= 62:
        prefix = np.zeros(q + 1, dtype=np.int64)
        np.cumsum(np.frombuffer(raw, dtype="<i8"), out=prefix[1:])  # P(a), a = 0..q
        for w in set(weights) - {0}:
            j = np.arange(-(-q // w) + 1)  # q - j w > 0 for j below ceil(q / w)
            terms = prefix[np.maximum(q - j * w, 0)]
            terms[1::2] *= -2
            terms[2::2] *= 2
            by_weight[w] = int(terms.sum())  # array arithmetic only: exact modulo 2^64
        return [by_weight[w] for w in weights]
    step = b // 8
    pre = [0] * (q + 1)
    acc = 0
    for a in range(q):
        acc += int.from_bytes(raw[a * step : (a + 1) * step], "little")
        pre[a + 1] = acc
    for w in set(weights) - {0}:
        alt = sum(pre[q - j * w] for j in range(2, -(-q // w), 2)) - sum(
            pre[q - j * w] for j in range(1, -(-q // w), 2)
        )
        by_weight[w] = pre[q] + 2 * alt
    return [by_weight[w] for w in weights]


def voting_power(
    weights: np.ndarray, quotas: np.ndarray, index: str
) -> tuple[list[Fraction], list[int] | list[list[int]]]:
    """Exact Shapley-Shubik (``index="shapley_shubik"``) or raw Banzhaf
    (``index="banzhaf"``) values, with the swing counts they come from.

    Examples
    --------
    >>> import numpy as np
    >>> voting_power(np.array([[50], [49], [1]]), np.array([51]), "shapley_shubik")[0]
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    """
    weights = np.asarray(weights)
    quotas = np.atleast_1d(np.asarray(quotas))
    if weights.ndim == 1:
        weights = weights[:, None]
    if weights.ndim != 2 or weights.dtype.kind not in "iu" or np.any(weights < 0):
        raise ValueError(
            "weights must be an (n, criteria) array of nonnegative integers (scale rational "
            "weights to integers first)"
        )
    if quotas.shape != (weights.shape[1],) or quotas.dtype.kind not in "iu" or np.any(quotas < 1):
        raise ValueError("quotas must be one positive integer per criterion")
    if index not in ("banzhaf", "shapley_shubik"):
        raise ValueError(f"index must be 'banzhaf' or 'shapley_shubik', got {index!r}")
    weights, quotas = weights.astype(np.int64), quotas.astype(np.int64)
    n = weights.shape[0]
    if index == "banzhaf":
        totals = cast(list[int], swing_counts(weights, quotas, by_size=False))
        return [Fraction(int(s), 1 << (n - 1)) for s in totals], totals
    counts = cast(list[list[int]], swing_counts(weights, quotas, by_size=True))
    fact = [math.factorial(k) for k in range(n + 1)]
    vals = [
        Fraction(sum(int(row[k]) * fact[k] * fact[n - 1 - k] for k in range(n)), fact[n])
        for row in counts
    ]
    return vals, counts
