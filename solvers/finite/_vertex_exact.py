r"""Exact vertex enumeration by bases: every vertex of both polytopes, in rationals.

Each vertex of :math:`P = \{x \ge 0 : B^\top x \le 1\}` solves some choice of *m* of its
*m + n* inequalities as equations, so solving every such choice exactly (``Fraction``
Gauss-Jordan), keeping the feasible solutions and reading their tight sets off exactly
lists every vertex, degenerate ones included, with no tolerance anywhere. Pairs of vertices
whose labels cover all strategies are the extreme equilibria (see :mod:`solvers.finite._vertex`).

It costs :math:`\binom{m+n}{m}` exact solves per polytope, so it is the certificate of
last resort: :func:`solvers.finite._vertex.vertex_enumeration` with ``exact=True`` uses the fast
float pass as a guide and falls back to this when the float labels cannot be confirmed
exactly (payoff differences below float resolution, spurious ties).

Examples
--------
>>> import numpy as np
>>> from fractions import Fraction as F
>>> A = np.array([[F(10**10), F(0), F(0)], [F(0), F(10**10), F(1)]], dtype=object)
>>> B = np.array([[F(0), F(1), F(2)], [F(1), F(0), F(0)]], dtype=object)
>>> profiles, degenerate = exact_vertex_equilibria(A, B)
>>> [[str(p) for p in s] for s in profiles[0]], degenerate
([['1/3', '2/3'], ['1/10000000001', '0', '10000000000/10000000001']], False)
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations
from math import comb

import numpy as np

from solvers.finite._rational import solve_consistent

__all__ = ["MAX_BASES", "exact_vertex_equilibria"]

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


def exact_vertex_equilibria(
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
