r"""Exact extreme rays of a pointed cone by the double description method (integers only).

The cone is the nonnegative orthant of :math:`\mathbb{R}^D` cut by homogeneous inequalities,

.. math::
    C = \{r \in \mathbb{R}^D : r \ge 0,\ a_k \cdot r \ge 0 \ (k = 1, \dots, K)\},

with integer rows :math:`a_k`. Starting from the orthant (extreme rays: the unit vectors)
the inequalities are added one at a time; at each step a ray is kept when it satisfies the
new inequality, and every *adjacent* pair of rays on opposite sides gives a new ray on the
hyperplane (Motzkin, Raiffa, Thompson & Thrall 1953; Fukuda & Prodon 1996, "Double
description method revisited", LNCS 1120). Adjacency is decided combinatorially: two
extreme rays are adjacent exactly when no third ray is tight on every inequality both are
tight on (and they share at least :math:`D - 2` tight inequalities). Rays are primitive
integer vectors, so there is no rounding anywhere and degenerate cones (rays with more
tight inequalities than :math:`D - 1`) need no special care.

The cost grows with the number of extreme rays of the intermediate cones, not with the
number of bases (:math:`\binom{m+n}{m}` for a best-response polytope).

Examples
--------
>>> rays, tight = extreme_rays(2, [[1, -1]])      # {x >= 0, y >= 0, x >= y}
>>> sorted(map(tuple, rays))
[(1, 0), (1, 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from math import gcd

import numpy as np

__all__ = ["extreme_ray_steps", "extreme_rays"]

#: (candidate pair, ray) cells tested per numpy batch (bounds memory to ~20 MB).
_CELLS = 20_000_000


def _primitive(v: list[int]) -> list[int]:
    g = 0
    for c in v:
        g = gcd(g, c)
        if g == 1:
            return v
    return [c // g for c in v] if g > 1 else v


def _popcount(words: np.ndarray) -> np.ndarray:
    """Bits set per row of a (R, W) uint64 array."""
    as_bytes = np.ascontiguousarray(words).view(np.uint8)
    return np.unpackbits(as_bytes, axis=1).sum(axis=1, dtype=np.int64)


def extreme_rays(
    dim: int,
    rows: Sequence[Sequence[int]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[list[int]], list[int]]:
    """Extreme rays of ``{r >= 0 : a . r >= 0 for a in rows}`` in exact integer arithmetic.

    Parameters
    ----------
    dim : int
        Dimension ``D`` of the space.
    rows : sequence of sequence of int
        Integer inequality rows ``a`` (each of length ``dim``), meaning ``a . r >= 0``.
    progress : callable, optional
        Called as ``progress(k, n_rays)`` after the ``k``-th row is added.

    Returns
    -------
    rays : list of list of int
        Primitive integer extreme rays.
    tight : list of int
        For each ray, a bit mask of the inequalities it satisfies with equality: bit ``i``
        (``i < dim``) for ``r_i = 0``, bit ``dim + k`` for ``rows[k] . r = 0``.
    """
    steps = extreme_ray_steps(dim, rows)
    while True:
        try:
            k, n_rays = next(steps)
        except StopIteration as stop:
            rays, zeros = stop.value
            return rays, zeros
        if progress is not None:
            progress(k, n_rays)


def extreme_ray_steps(
    dim: int, rows: Sequence[Sequence[int]]
) -> Generator[tuple[int, int], None, tuple[list[list[int]], list[int]]]:
    """:func:`extreme_rays` one row at a time: yields ``(k, n_rays)`` after the ``k``-th
    row is added and returns ``(rays, tight)`` (use ``yield from``).

    Examples
    --------
    >>> steps = extreme_ray_steps(2, [[1, -1]])
    >>> next(steps)
    (1, 2)
    """
    n_cons = dim + len(rows)
    n_words = (n_cons + 63) // 64
    rays = [[int(i == j) for j in range(dim)] for i in range(dim)]
    full_orthant = (1 << dim) - 1
    zeros = [full_orthant ^ (1 << i) for i in range(dim)]
    for k, a in enumerate(rows):
        a = [int(v) for v in a]
        bit = 1 << (dim + k)
        values = [sum(c * r for c, r in zip(a, ray, strict=True)) for ray in rays]
        pos = [i for i, v in enumerate(values) if v > 0]
        neg = [i for i, v in enumerate(values) if v < 0]
        new_rays = [rays[i] for i, v in enumerate(values) if v >= 0]
        new_zeros = [zeros[i] | (bit if v == 0 else 0) for i, v in enumerate(values) if v >= 0]
        if pos and neg:
            pairs = _adjacent_pairs(zeros, pos, neg, dim, n_words)
            for p, q in pairs:
                vp, vq = values[p], -values[q]  # both positive
                # a . (vp r_q + vq r_p) = vp (-vq) + vq vp = 0
                ray = _primitive([vp * y + vq * x for x, y in zip(rays[p], rays[q], strict=True)])
                new_rays.append(ray)
                new_zeros.append((zeros[p] & zeros[q]) | bit)
        rays, zeros = new_rays, new_zeros
        yield k + 1, len(rays)
    return rays, zeros


def _as_words(masks: Sequence[int], n_words: int) -> np.ndarray:
    out = np.zeros((len(masks), n_words), dtype=np.uint64)
    lo = (1 << 64) - 1
    for i, m in enumerate(masks):
        for w in range(n_words):
            out[i, w] = (m >> (64 * w)) & lo
    return out


def _adjacent_pairs(
    zeros: list[int], pos: list[int], neg: list[int], dim: int, n_words: int
) -> list[tuple[int, int]]:
    """Pairs (p, q), p in ``pos``, q in ``neg``, of adjacent extreme rays."""
    Z = _as_words(zeros, n_words)
    pos_a, neg_a = np.array(pos), np.array(neg)
    pp, qq = np.meshgrid(pos_a, neg_a, indexing="ij")
    pp, qq = pp.ravel(), qq.ravel()
    found: list[tuple[int, int]] = []
    batch = max(1, _CELLS // max(1, len(zeros)))
    for s in range(0, len(pp), batch):
        p, q = pp[s : s + batch], qq[s : s + batch]
        common = Z[p] & Z[q]
        ok = _popcount(common) >= dim - 2
        p, q, common = p[ok], q[ok], common[ok]
        if not len(p):
            continue
        # rays r whose tight set contains the common one: adjacency iff only p and q do
        contains = np.ones((len(p), len(zeros)), dtype=bool)
        for w in range(n_words):
            cw = common[:, w][:, None]
            contains &= (Z[None, :, w] & cw) == cw
        adjacent = contains.sum(axis=1) == 2
        found.extend(zip(p[adjacent].tolist(), q[adjacent].tolist(), strict=True))
    return found
