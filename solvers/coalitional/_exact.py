"""Exact rational linear algebra for certificates: solving equalities and deciding whether a
nonnegative solution exists (phase-one simplex with Bland's rule, in ``Fraction``)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

__all__ = ["nonnegative_solution", "rank", "solve"]

Row = list[Fraction]


def _rref(rows: list[Row]) -> tuple[list[Row], list[int]]:
    m = [list(r) for r in rows]
    pivots: list[int] = []
    r = 0
    ncols = len(m[0]) if m else 0
    for c in range(ncols):
        p = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        inv = 1 / m[r][c]
        m[r] = [x * inv for x in m[r]]
        for i in range(len(m)):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(m):
            break
    return m, pivots


def rank(rows: Sequence[Sequence[Fraction]]) -> int:
    """Rank of a rational matrix."""
    if not rows:
        return 0
    return len(_rref([[Fraction(x) for x in r] for r in rows])[1])


def solve(a: Sequence[Sequence[Fraction]], b: Sequence[Fraction]) -> list[Fraction] | None:
    """A solution of ``a x = b`` (free variables set to 0), or None if inconsistent."""
    ncols = len(a[0])
    m, pivots = _rref(
        [[Fraction(x) for x in r] + [Fraction(y)] for r, y in zip(a, b, strict=True)]
    )
    if ncols in pivots:
        return None
    x = [Fraction(0)] * ncols
    for row, c in zip(m, pivots, strict=False):
        x[c] = row[-1]
    return x


def nonnegative_solution(
    a: Sequence[Sequence[Fraction]], b: Sequence[Fraction]
) -> list[Fraction] | None:
    """A solution ``x >= 0`` of ``a x = b`` (exact phase-one simplex), or None if none."""
    m_rows = len(a)
    ncols = len(a[0]) if m_rows else 0
    rows: list[list[Fraction]] = []
    for r, y in zip(a, b, strict=True):
        r = [Fraction(x) for x in r]
        y = Fraction(y)
        if y < 0:
            r, y = [-x for x in r], -y
        rows.append(r + [Fraction(int(i == len(rows))) for i in range(m_rows)] + [y])
    basis = [ncols + i for i in range(m_rows)]
    total = ncols + m_rows
    while True:  # minimise the sum of artificials; Bland's rule cannot cycle
        art = [i for i in range(m_rows) if basis[i] >= ncols]
        enter = next(
            (
                j
                for j in range(total)
                if j not in basis and (j >= ncols) - sum(rows[i][j] for i in art) < 0
            ),
            None,
        )
        if enter is None:
            break
        ratios = [
            (rows[i][-1] / rows[i][enter], basis[i], i)
            for i in range(m_rows)
            if rows[i][enter] > 0
        ]
        _, _, leave = min(ratios)
        piv = rows[leave][enter]
        rows[leave] = [x / piv for x in rows[leave]]
        for i in range(m_rows):
            if i != leave and rows[i][enter] != 0:
                f = rows[i][enter]
                rows[i] = [p - f * q for p, q in zip(rows[i], rows[leave], strict=True)]
        basis[leave] = enter
    value = sum((rows[i][-1] for i in range(m_rows) if basis[i] >= ncols), Fraction(0))
    if value != 0:
        return None
    x = [Fraction(0)] * ncols
    for i, bv in enumerate(basis):
        if bv < ncols:
            x[bv] = rows[i][-1]
    return x
