"""Plain-Python conversion and short display of numbers in solver results (internal).

Examples
--------
>>> import numpy as np, sympy as sp
>>> from fractions import Fraction
>>> plain(np.float64(0.5)), plain(sp.Rational(2, 3)), plain(sp.Integer(4)), plain(sp.sqrt(2))
(0.5, Fraction(2, 3), 4, 'sqrt(2)')
>>> fmt(2 / 3), fmt(Fraction(2, 3))
('0.666667', '2/3')
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["fmt", "plain"]


def plain(value: Any) -> Any:
    """A number as plain Python: ints/floats/``Fraction`` stay; sympy rationals become
    ``int`` or ``Fraction``; other sympy expressions become strings."""
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "free_symbols"):  # sympy, without importing it
        if not value.free_symbols and value.is_Integer:
            return int(value)
        if not value.free_symbols and value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return str(value)
    return value


def fmt(value: Any) -> str:
    """Short display: floats to 6 significant digits, exact numbers as they print."""
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return str(value)
