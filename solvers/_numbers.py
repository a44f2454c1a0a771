r"""The one place that converts numbers (to ``Fraction``, plain Python or text) and decides
exact signs.

* :func:`as_fraction` -- int, ``Fraction``, sympy rational or integral float to ``Fraction``;
* :func:`plain` / :func:`fmt` -- numbers in results as plain Python, and their short display;
* :func:`sign` -- the exact sign of a closed sympy expression where sympy can decide it,
  by 60-digit evaluation otherwise, ``None`` when it stays undecidable;
  :func:`sign_or_numeric` always answers (a 100-digit evaluation decides the undecidable);
* :func:`real_value` -- the real value of an exact number with a negligible imaginary part;
* :func:`le` -- ``a <= b`` for numbers that may be infinite.

Examples
--------
>>> import numpy as np, sympy as sp
>>> from fractions import Fraction
>>> as_fraction(sp.Rational(2, 3)), as_fraction(4.0)
(Fraction(2, 3), Fraction(4, 1))
>>> plain(np.float64(0.5)), plain(sp.Rational(2, 3)), plain(sp.Integer(4)), plain(sp.sqrt(2))
(0.5, Fraction(2, 3), 4, 'sqrt(2)')
>>> fmt(2 / 3), fmt(Fraction(2, 3))
('0.666667', '2/3')
>>> sign(sp.sqrt(2) - sp.Rational(141, 100)), sign(sp.Symbol("x")), le(1, sp.oo)
(1, None, True)
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__ = [
    "NUMBER_FORMS",
    "as_fraction",
    "convert",
    "fmt",
    "le",
    "plain",
    "real_value",
    "sign",
    "sign_or_numeric",
]

#: The forms ``to_dict(numbers=...)`` offers for the numbers of a result.
NUMBER_FORMS = ("plain", "sympy", "str", "float")


def as_fraction(value: Any) -> Fraction:
    """Convert an int, ``Fraction``, sympy Rational or integral float to ``Fraction``."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    p, q = getattr(value, "p", None), getattr(value, "q", None)
    if p is not None and q is not None:  # sympy Rational / Integer
        return Fraction(int(p), int(q))
    if hasattr(value, "is_integer") and float(value).is_integer():
        return Fraction(int(value))
    return Fraction(value)


def plain(value: Any) -> Any:
    """A number as plain Python: ints/floats/``Fraction`` stay; sympy rationals become
    ``int`` or ``Fraction``; other sympy expressions become strings."""
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "free_symbols"):  # sympy
        if not value.free_symbols and value.is_Integer:
            return int(value)
        if not value.free_symbols and value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return str(value)
    return value


def convert(value: Any, numbers: str = "plain") -> Any:
    """A number in one of the :data:`NUMBER_FORMS`.

    ``"plain"``: :func:`plain` (ints, floats, ``Fraction``; irrational exact numbers as
    strings); ``"sympy"``: every number a sympy number (exact stays exact, floats become
    ``Float``); ``"str"``: its text; ``"float"``: a Python float.

    Examples
    --------
    >>> import sympy as sp
    >>> from fractions import Fraction
    >>> [convert(v, "sympy") for v in (Fraction(2, 3), 1 - sp.sqrt(3) / 6, 0.5)]
    [2/3, 1 - sqrt(3)/6, 0.500000000000000]
    >>> convert(Fraction(1, 4), "float"), convert(sp.Rational(1, 4), "str")
    (0.25, '1/4')
    """
    if numbers == "plain":
        return plain(value)
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, np.generic):
        value = value.item()
    if numbers == "sympy":
        if isinstance(value, Fraction):
            return sp.Rational(value.numerator, value.denominator)
        return sp.sympify(value)
    if numbers == "str":
        return str(value)
    if numbers == "float":
        free = getattr(value, "free_symbols", None)
        if free:
            names = ", ".join(sorted(str(x) for x in free))
            raise ValueError(
                f"numbers='float' needs numeric values, but this result is symbolic in "
                f"{names}: use numbers='sympy' or 'str', or substitute the symbols first"
            )
        return float(value)
    raise ValueError(f"numbers must be one of {NUMBER_FORMS}, got {numbers!r}")


def fmt(value: Any) -> str:
    """Short display: floats to 6 significant digits, exact numbers as they print."""
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return str(value)


def sign(expr: Any) -> int | None:
    """Exact sign of a closed numeric expression (0, 1, -1), or None if undecidable."""
    expr = sp.sympify(expr)
    if expr.free_symbols:
        return None
    if expr in (sp.oo,):
        return 1
    if expr in (-sp.oo,):
        return -1
    if expr.has(sp.zoo, sp.nan):
        return None
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    val = sp.N(expr, 60)
    if not val.is_real:
        re, im = val.as_real_imag()
        if abs(im) > 1e-40:
            return None
        val = re
    if abs(val) < 1e-45:
        simplified = sp.simplify(expr)
        if simplified.is_zero or simplified.equals(0):
            return 0
        return None
    return 1 if val > 0 else -1


def sign_or_numeric(value: Any) -> int:
    """Sign of a real constant: :func:`sign` where it decides, else the sign of a 100-digit
    evaluation of its real part (0 when that is below 1e-90)."""
    value = sp.nsimplify(value) if isinstance(value, float) else sp.sympify(value)
    decided = sign(value)
    if decided is not None:
        return decided
    approx = sp.re(sp.N(value, 100))
    if abs(approx) < sp.Float(10) ** -90:
        return 0
    return 1 if approx > 0 else -1


def real_value(v: sp.Expr) -> sp.Expr | None:
    """The real part of an exact number with a negligible imaginary part, else None."""
    if v.is_real:
        return v
    if v.is_real is False and not v.has(sp.CRootOf):
        val = sp.N(v, 60)
        if abs(sp.im(val)) > 1e-40:
            return None
    re, im = v.as_real_imag()
    if im == 0 or sign(im) == 0:
        return sp.nsimplify(re) if re.has(sp.I) else re
    return None


def le(a: Any, b: Any) -> bool | None:
    """``a <= b`` for numbers that may be infinite; None when undecidable."""
    if b == sp.oo or a == -sp.oo:
        return True
    if a == sp.oo or b == -sp.oo:
        return False
    s = sign(sp.sympify(a) - sp.sympify(b))
    return None if s is None else s <= 0
