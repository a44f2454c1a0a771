r"""Exact vertex enumeration: every vertex of both best-response polytopes, in rationals.

The best-response polytopes of :mod:`solvers.finite._vertex`,
:math:`P = \{x \ge 0 : B^\top x \le 1\}` and :math:`Q = \{y \ge 0 : A y \le 1\}` (payoffs
shifted to be at least 1), are cones in one more coordinate,
:math:`\{(x, t) \ge 0 : t - B^\top x \ge 0\}`, whose extreme rays are the vertices. They are
found by the exact double description method (:mod:`solvers.finite._double_description`,
integer arithmetic after clearing denominators), their tight sets (labels) are read off
exactly, and pairs of vertices whose labels cover all strategies are the extreme equilibria.
No tolerance anywhere, degenerate games included; the cost grows with the number of
vertices, not with the :math:`\binom{m+n}{m}` bases.

:func:`exact_vertex_equilibria` is what
:func:`solvers.finite.vertex_enumeration` with ``exact=True`` falls back to when float
labels cannot be confirmed exactly (payoff differences below float resolution, spurious
ties). :func:`basis_vertex_equilibria` solves every basis instead; it is kept as an
independent check for small games.

Examples
--------
>>> import numpy as np
>>> from fractions import Fraction as F
>>> A = np.array([[F(10**10), F(0), F(0)], [F(0), F(10**10), F(1)]], dtype=object)
>>> B = np.array([[F(0), F(1), F(2)], [F(1), F(0), F(0)]], dtype=object)
>>> profiles, degenerate = exact_vertex_equilibria(A, B)
>>> [[str(p) for p in s] for s in profiles[0]], degenerate
([['1/3', '2/3'], ['1/10000000001', '0', '10000000000/10000000001']], False)
>>> basis_vertex_equilibria(A, B) == (profiles, degenerate)
True
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from fractions import Fraction
from itertools import combinations
from math import comb, lcm
from typing import Any

import numpy as np

from solvers.finite._double_description import extreme_ray_steps
from solvers.finite._rational import solve_consistent

__all__ = [
    "MATCH_CHUNKS",
    "MAX_BASES",
    "ExactBimatrix",
    "basis_vertex_equilibria",
    "exact_vertex_equilibria",
    "exact_vertex_steps",
]

#: Largest number of bases per polytope the exact enumeration will try (8x8: 12,870).
MAX_BASES = 20_000


def _shifted(U: np.ndarray) -> list[list[Fraction]]:
    """``U - min(U) + 1``: entries >= 1, same equilibria."""
    low = min(U.flat)
    return [[v - low + 1 for v in row] for row in U.tolist()]


def _vertices(M: list[list[Fraction]], d: int) -> dict[frozenset, list[Fraction]]:
    """Vertices of ``{z in R^d : z >= 0, M z <= 1}`` keyed by their exact tight sets.

    Constraint ``c < d`` is ``z_c >= 0``; constraint ``d + r`` is ``(M z)_r <= 1``.
    """
    k = len(M)
    rows = [[Fraction(int(c == i)) for i in range(d)] for c in range(d)] + [list(r) for r in M]
    rhs = [Fraction(0)] * d + [Fraction(1)] * k
    found: dict[frozenset, list[Fraction]] = {}
    for basis in combinations(range(d + k), d):
        z = solve_consistent([rows[c] for c in basis], [rhs[c] for c in basis])
        if z is None or any(v < 0 for v in z):
            continue
        values = [sum((a * b for a, b in zip(r, z, strict=True)), Fraction(0)) for r in M]
        if any(v > 1 for v in values):
            continue
        tight = frozenset(
            [c for c in range(d) if z[c] == 0] + [d + r for r in range(k) if values[r] == 1]
        )
        found.setdefault(tight, z)
    return found


def basis_vertex_equilibria(
    A: np.ndarray, B: np.ndarray
) -> tuple[list[tuple[list[Fraction], list[Fraction]]], bool]:
    """Every extreme equilibrium of (A, B) in exact arithmetic, and whether it is degenerate.

    Parameters
    ----------
    A, B : numpy.ndarray of Fraction, shape (m, n)

    Returns
    -------
    profiles : list of (x, y)
        Normalized strategies, sorted.
    degenerate : bool
        Whether some vertex has more tight inequalities than its dimension.

    Raises
    ------
    ValueError
        If a polytope has more than :data:`MAX_BASES` bases (the game is too large for the
        exact certificate; solve it in float mode).
    """
    m, n = A.shape
    bases = max(comb(m + n, m), comb(m + n, n))
    if bases > MAX_BASES:
        raise ValueError(
            f"exact vertex enumeration of a {m}x{n} game needs {bases:,} exact solves per "
            f"polytope (limit {MAX_BASES:,}); use exact=False, whose results are verified "
            "to a scale-aware tolerance"
        )
    A1, B1 = _shifted(A), _shifted(B)
    # P: x in R^m, x_i >= 0 (label i), (B^T x)_j <= 1 (label m + j)
    P = _vertices([[B1[i][j] for i in range(m)] for j in range(n)], m)
    # Q: y in R^n, y_j >= 0 (label m + j), (A y)_i <= 1 (label i): relabel to rows first
    Q = {
        frozenset((c + m) if c < n else (c - n) for c in tight): y
        for tight, y in _vertices(A1, n).items()
    }
    degenerate = any(len(t) > m for t in P) or any(len(t) > n for t in Q)
    everything = frozenset(range(m + n))
    profiles = set()
    for tx, x in P.items():
        if all(v == 0 for v in x):
            continue
        for ty, y in Q.items():
            if tx | ty == everything and any(v != 0 for v in y):
                sx, sy = sum(x), sum(y)
                profiles.add((tuple(v / sx for v in x), tuple(v / sy for v in y)))
    return [(list(x), list(y)) for x, y in sorted(profiles)], degenerate


def _integer_rows(M: list[list[Fraction]]) -> list[list[int]]:
    """Rows ``t - (M z)_r >= 0`` of the homogenized polytope, as integers (z first, t last)."""
    out = []
    for row in M:
        scale = lcm(*(v.denominator for v in row))
        out.append([-int(v * scale) for v in row] + [scale])
    return out


def _dd_vertex_steps(
    M: list[list[Fraction]], d: int
) -> Generator[list[Any], None, dict[int, list[int]]]:
    """Nonzero vertices of ``{z >= 0 : M z <= 1}`` keyed by their tight-set bit masks,
    one empty step per row of ``M`` (use ``yield from``; the vertices are returned, each
    as a positive integer multiple: only its normalization is used).

    Bit ``c < d`` is ``z_c = 0``; bit ``d + r`` is ``(M z)_r = 1``.
    """
    steps = extreme_ray_steps(d + 1, _integer_rows(M))
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            rays, tight = stop.value
            break
        yield []
    found: dict[int, list[int]] = {}
    for ray, mask in zip(rays, tight, strict=True):
        t = ray[d]
        if t == 0 or not any(ray[:d]):  # the origin (t > 0 always: entries of M are >= 1)
            continue
        # drop the bit of t >= 0 (never tight here) and shift the rows' bits down by one
        low = mask & ((1 << d) - 1)
        high = mask >> (d + 1)
        # the vertex is ray[:d] / t; kept as integers (t cancels when it is normalized)
        found[low | (high << d)] = ray[:d]
    return found


#: Steps of the matching stage of :func:`exact_vertex_steps`.
MATCH_CHUNKS = 8


def exact_vertex_steps(
    A: np.ndarray, B: np.ndarray, info: dict[str, Any]
) -> Iterator[list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]]:
    """:func:`exact_vertex_equilibria` in ``n + m + MATCH_CHUNKS`` steps, each giving the
    new (normalized, not yet seen) profiles; ``info["degenerate"]`` is set once both
    polytopes are known."""
    m, n = A.shape
    A1, B1 = _shifted(A), _shifted(B)
    # P: x in R^m; bit i: x_i = 0 (label i), bit m + j: (B^T x)_j = 1 (label m + j)
    P = yield from _dd_vertex_steps([[B1[i][j] for i in range(m)] for j in range(n)], m)
    # Q: y in R^n; bit j: y_j = 0 (label m + j), bit n + i: (A y)_i = 1 (label i)
    Q_raw = yield from _dd_vertex_steps(A1, n)
    low_n = (1 << n) - 1
    Q = {((mask & low_n) << m) | (mask >> n): y for mask, y in Q_raw.items()}
    info["degenerate"] = any(k.bit_count() > m for k in P) or any(k.bit_count() > n for k in Q)
    items = list(P.items())
    seen: set = set()
    for c in range(MATCH_CHUNKS):
        chunk = dict(items[c * len(items) // MATCH_CHUNKS : (c + 1) * len(items) // MATCH_CHUNKS])
        new = []
        for x, y in _matches(chunk, Q, m + n):
            sx, sy = sum(x), sum(y)
            key = (tuple(Fraction(v, sx) for v in x), tuple(Fraction(v, sy) for v in y))
            if key not in seen:
                seen.add(key)
                new.append(key)
        yield new


def exact_vertex_equilibria(
    A: np.ndarray, B: np.ndarray
) -> tuple[list[tuple[list[Fraction], list[Fraction]]], bool]:
    """Every extreme equilibrium of (A, B) by exact double description.

    Parameters
    ----------
    A, B : numpy.ndarray of Fraction, shape (m, n)

    Returns
    -------
    profiles : list of (x, y)
        Normalized strategies (lists of ``Fraction``), sorted.
    degenerate : bool
        Whether some nonzero vertex has more tight inequalities than its dimension.
    """
    info: dict[str, Any] = {}
    profiles = [p for step in exact_vertex_steps(A, B, info) for p in step]
    return [(list(x), list(y)) for x, y in sorted(profiles)], info["degenerate"]


def _matches(P: dict[int, list], Q: dict[int, list], n_labels: int):
    """Pairs (x, y) of vertices whose label masks cover all ``n_labels`` labels."""
    everything = (1 << n_labels) - 1
    px, qy = list(P.items()), list(Q.items())
    if n_labels <= 63 and px and qy:
        kx = np.array([k for k, _ in px], dtype=np.int64)
        ky = np.array([k for k, _ in qy], dtype=np.int64)
        want = np.int64(everything) & ~kx
        step = max(1, 4_000_000 // len(ky))
        for s in range(0, len(kx), step):
            w = want[s : s + step, None]
            for i, j in zip(*np.nonzero((ky[None, :] & w) == w), strict=True):
                yield px[s + i][1], qy[j][1]
        return
    for mask_x, x in px:
        need = everything & ~mask_x
        for mask_y, y in qy:
            if mask_y & need == need:
                yield x, y


class ExactBimatrix:
    """Exact payoffs and regret of profiles of one bimatrix game, in integer arithmetic.

    Equivalent to :meth:`solvers.result.Equilibrium.from_profile` with exact arrays, and
    much faster when many profiles of one game are checked: denominators are cleared once.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[F(3), F(0)], [F(0), F(2)]], dtype=object)
    >>> game = ExactBimatrix(A, A.T)
    >>> eq = game.equilibrium([F(2, 5), F(3, 5)], [F(2, 5), F(3, 5)], "example")
    >>> eq.payoffs, eq.regret
    ((Fraction(6, 5), Fraction(6, 5)), Fraction(0, 1))
    """

    def __init__(self, A: np.ndarray, B: np.ndarray) -> None:
        self.scales, self.ints = [], []
        for U in (A, B):
            scale = lcm(*(Fraction(v).denominator for v in U.flat))
            self.scales.append(scale)
            self.ints.append(
                np.array([[int(Fraction(v) * scale) for v in row] for row in U], dtype=object)
            )

    def equilibrium(self, x, y, method: str):
        """The :class:`~solvers.result.Equilibrium` at (x, y), regret computed afresh."""
        from solvers.result import Equilibrium

        dx = lcm(*(Fraction(v).denominator for v in x))
        dy = lcm(*(Fraction(v).denominator for v in y))
        xi = np.array([int(Fraction(v) * dx) for v in x], dtype=object)
        yi = np.array([int(Fraction(v) * dy) for v in y], dtype=object)
        row = self.ints[0].dot(yi)  # row player's pure payoffs times scale_A * dy
        col = xi.dot(self.ints[1])  # column player's pure payoffs times scale_B * dx
        pay = (
            Fraction(int(xi.dot(row)), self.scales[0] * dx * dy),
            Fraction(int(col.dot(yi)), self.scales[1] * dx * dy),
        )
        regret = max(
            Fraction(int(max(row)), self.scales[0] * dy) - pay[0],
            Fraction(int(max(col)), self.scales[1] * dx) - pay[1],
        )
        return Equilibrium(
            strategies=(np.array(list(x), dtype=object), np.array(list(y), dtype=object)),
            payoffs=pay,
            regret=regret,
            method=method,
            exact=True,
        )
