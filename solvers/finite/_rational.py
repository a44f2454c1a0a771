"""Exact rational linear algebra on ``Fraction`` matrices (Gauss-Jordan elimination).

Small and dependency-free: used to turn float-located vertices into exact rationals and
to verify them. Not for large systems.

Examples
--------
>>> from fractions import Fraction as F
>>> solve_consistent([[F(2), F(1)], [F(1), F(3)]], [F(1), F(2)])
[Fraction(1, 5), Fraction(3, 5)]
>>> solve_consistent([[F(1), F(1)], [F(2), F(2)]], [F(1), F(3)]) is None   # inconsistent
True
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

__all__ = ["solve_consistent"]


def solve_consistent(
    matrix: Sequence[Sequence[Fraction]], rhs: Sequence[Fraction]
) -> list[Fraction] | None:
    """Unique solution of a (possibly over-determined) consistent system, else ``None``.

    Returns ``None`` when the system is inconsistent or its solution is not unique.
    """
    rows = [[*r, b] for r, b in zip(matrix, rhs, strict=True)]
    if not rows:
        return None
    ncols = len(rows[0]) - 1
    pivot_row = 0
    pivots = []
    for col in range(ncols):
        pick = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        pivot = rows[pivot_row]
        inv = 1 / pivot[col]
        pivot[:] = [v * inv for v in pivot]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], pivot, strict=True)]
        pivots.append(col)
        pivot_row += 1
    if len(pivots) < ncols:
        return None
    if any(rows[r][-1] != 0 for r in range(pivot_row, len(rows))):
        return None
    return [rows[k][-1] for k in range(ncols)]
