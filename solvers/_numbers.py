r"""The one place that converts numbers (to ``Fraction``, plain Python or text) and decides
exact signs.

* :func:`as_fraction` -- int, ``Fraction``, sympy rational or integral float to ``Fraction``;
* :func:`plain` / :func:`fmt` -- numbers in results as plain Python, and their short display;
* :func:`sign` -- the exact sign of a closed sympy expression where sympy can decide it,
  by 60-digit evaluation otherwise, ``None`` when it stays undecidable;
  :func:`sign_or_numeric` always answers (a 100-digit evaluation decides the undecidable);
* :func:`real_value` -- the real value of an exact number with a negligible imaginary part;
* :func:`to_float` -- a float of any number, fast for polynomials in one real algebraic
  number (the irrational equilibria of the polynomial method);
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

from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from math import gcd
from typing import Any

import numpy as np
import sympy as sp

__all__ = [
    "NUMBER_FORMS",
    "algebraic_sign",
    "as_fraction",
    "convert",
    "fmt",
    "le",
    "plain",
    "real_value",
    "sign",
    "sign_or_numeric",
    "to_float",
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


#: Most bisections of an algebraic number's isolating interval before the exact sign of a
#: polynomial in it is left to sympy (each halves the interval; 400 reach widths of 1e-120).
ROOT_BISECTIONS = 400


def _root_polynomial(expr: Any) -> tuple[sp.CRootOf, list[Fraction]] | None:
    """``(r, c)`` when ``expr`` is ``sum(c[k] * r**k)`` with rational ``c[k]`` and ``r`` one
    real ``CRootOf`` (how the polynomial method writes irrational equilibria), else ``None``."""
    root = None
    terms: dict[int, Fraction] = {}
    for term in sp.Add.make_args(expr):
        c, rest = term.as_coeff_Mul()
        if not c.is_Rational:
            return None
        if rest is sp.S.One:
            k, base = 0, None
        elif isinstance(rest, sp.CRootOf):
            k, base = 1, rest
        elif (
            rest.is_Pow
            and isinstance(rest.base, sp.CRootOf)
            and rest.exp.is_Integer
            and rest.exp > 0
        ):
            k, base = int(rest.exp), rest.base
        else:
            return None
        if base is not None:
            if root is None:
                root = base
            elif base != root:
                return None
        terms[k] = terms.get(k, Fraction(0)) + Fraction(int(c.p), int(c.q))
    if root is None:
        return None
    return root, [terms.get(k, Fraction(0)) for k in range(max(terms) + 1)]


@lru_cache(maxsize=1024)
def _root_bracket(poly: sp.PurePoly, index: int) -> tuple[tuple[int, ...], int, int, int] | None:
    """A ``CRootOf``'s polynomial ``f`` (integer coefficients, highest degree first) and a
    narrow interval ``[X1 / 2^k, X2 / 2^k]`` holding its ``index``-th real root and no
    other root: the float root (``numpy.roots``) plus and minus ``2^-48`` of its size (or
    ``2^-40``, ``2^-30``, ``2^-20``), accepted when it lies within sympy's isolating
    interval and ``f`` changes sign across it (exact integer arithmetic). ``None`` for a
    non-real root, a polynomial that is not squarefree (sympy's ``CRootOf`` keeps
    irreducible ones) or a root no float bracket catches."""
    if sp.gcd(poly, poly.diff()).degree() > 0:
        return None
    intervals = poly.intervals()
    if index >= len(intervals):
        return None
    (a, b), _ = intervals[index]
    a, b = Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q))
    f = tuple(int(c) for c in poly.all_coeffs())
    try:
        with np.errstate(all="ignore"):
            candidates = np.roots(np.array(f, dtype=float))
    except OverflowError:  # coefficients beyond the float range: left to sympy
        return None
    for x in candidates:
        if not np.isfinite(x) or not a - (b - a) <= x.real <= b + (b - a):
            continue
        for bits in (48, 40, 30, 20):
            delta = Fraction(abs(float(x.real)) or 1.0) / 2**bits
            lo, hi = Fraction(float(x.real)) - delta, Fraction(float(x.real)) + delta
            if not (a <= lo and hi <= b):
                continue
            k = max(lo.denominator, hi.denominator).bit_length() - 1  # dyadic: 2^k
            X1, X2 = (
                lo.numerator << (k - lo.denominator.bit_length() + 1),
                hi.numerator << (k - hi.denominator.bit_length() + 1),
            )
            if (_scaled_value(f, X1, k) < 0) != (_scaled_value(f, X2, k) < 0):
                return f, X1, X2, k
    return None


def _scaled_value(f: Sequence[int], X: int, k: int) -> int:
    """``f(X / 2^k) * 2^(k * degree)``, exactly (Horner in integers)."""
    value = 0
    for i, c in enumerate(f):
        value = value * X + (c << (k * i))
    return value


def _scaled_range(q: Sequence[int], X1: int, X2: int, k: int) -> tuple[int, int]:
    """Bounds of ``q(x) * 2^(k * degree)`` over ``x`` in ``[X1 / 2^k, X2 / 2^k]`` (interval
    Horner in integers)."""
    lo = hi = 0
    for i, c in enumerate(q):
        products = (lo * X1, lo * X2, hi * X1, hi * X2)
        shift = c << (k * i)
        lo, hi = min(products) + shift, max(products) + shift
    return lo, hi


def _algebraic_value(expr: Any, bits: int | None) -> Any:
    """For a polynomial ``q`` in one real ``CRootOf`` ``r``: the exact sign of ``q(r)``
    (``bits`` ``None``), or ``q(r)`` as a float, from bounds closer than ``2^-bits`` of
    its size. ``q(r) = 0`` exactly when ``r``'s polynomial divides ``q``; a non-zero
    value is separated from zero by bisecting a bracket of ``r`` in exact integer
    arithmetic (the sign is certain). ``None`` when ``expr`` is not of this form or the
    bisections run out."""
    parsed = _root_polynomial(expr)
    if parsed is None:
        return None
    root, c = parsed
    bracket = _root_bracket(root.poly, int(root.index))
    if bracket is None:
        return None
    f, X1, X2, k = bracket
    if _vanishes_at_root(c, f):
        return 0 if bits is None else 0.0
    denominator = 1
    for v in c:
        denominator = denominator * v.denominator // gcd(denominator, v.denominator)
    q = [int(v * denominator) for v in reversed(c)]  # integers, highest degree first
    negative_at_left = _scaled_value(f, X1, k) < 0  # the same at every left end below
    for _ in range(ROOT_BISECTIONS):
        lo, hi = _scaled_range(q, X1, X2, k)
        if bits is None and (lo > 0 or hi < 0):
            return 1 if lo > 0 else -1
        if bits is not None and (hi - lo) << bits <= max(abs(lo), abs(hi)):
            try:
                return (lo + hi) / (2 * denominator * (1 << (k * (len(q) - 1))))
            except OverflowError:  # beyond the float range: float() gives inf
                return None
        middle = X1 + X2
        X1, X2, k = X1 << 1, X2 << 1, k + 1
        if (_scaled_value(f, middle, k) < 0) == negative_at_left:
            X1 = middle
        else:
            X2 = middle
    return None


def _vanishes_at_root(c: list[Fraction], f: Sequence[int]) -> bool:
    """Whether ``f`` (integer coefficients, highest first) divides ``sum(c[k] t**k)``."""
    remainder = list(reversed(c))  # highest degree first
    while len(remainder) >= len(f):
        factor = remainder[0] / f[0]
        for k in range(len(f)):
            remainder[k] -= factor * f[k]
        remainder.pop(0)
    return all(v == 0 for v in remainder)


def algebraic_sign(value: Any) -> int | None:
    """The exact sign of a polynomial with rational coefficients in one real ``CRootOf``
    (how the polynomial method writes irrational equilibria), decided without sympy's
    assumptions (about 20 times faster than ``is_zero``); ``None`` for any other number.

    Examples
    --------
    >>> import sympy as sp
    >>> r = sp.CRootOf(sp.Symbol("t") ** 3 - 2, 0)       # 2 ** (1/3)
    >>> algebraic_sign(r**3 - 2), algebraic_sign(r - sp.Rational(126, 100)), algebraic_sign(r)
    (0, -1, 1)
    >>> algebraic_sign(sp.sqrt(2)) is None
    True
    """
    if not isinstance(value, sp.Basic) or value.is_Number:
        return None
    return _algebraic_value(value, None)


def to_float(value: Any) -> float:
    """A number as a float: exact rationals and floats directly, polynomials in one real
    ``CRootOf`` by exact bisection of its isolating interval (about 100 times faster than
    sympy's ``evalf`` on the polynomial method's equilibria), other sympy numbers by
    ``float()``.

    Examples
    --------
    >>> import sympy as sp
    >>> r = sp.CRootOf(sp.Symbol("t") ** 3 - 2, 0)
    >>> to_float(3 * r**2 - 1) == float(3 * sp.Integer(2) ** sp.Rational(2, 3) - 1)
    True
    >>> to_float(sp.Rational(1, 4)), to_float(Fraction(1, 3)) == 1 / 3
    (0.25, True)
    """
    if isinstance(value, sp.Basic) and not value.is_Number:
        approx = _algebraic_value(value, 60)
        if approx is not None:
            return approx
    return float(value)


def sign(expr: Any) -> int | None:
    """Exact sign of a closed numeric expression (0, 1, -1), or None if undecidable.

    Examples
    --------
    >>> import sympy as sp
    >>> r = sp.CRootOf(sp.Symbol("t") ** 3 - 2, 0)       # 2 ** (1/3)
    >>> sign(r**3 - 2), sign(r - sp.Rational(126, 100)), sign(sp.Rational(-1, 3))
    (0, -1, -1)
    """
    expr = sp.sympify(expr)
    if expr.free_symbols:
        return None
    if expr.is_Rational:
        return int(expr.p > 0) - int(expr.p < 0)
    algebraic = algebraic_sign(expr)
    if algebraic is not None:
        return algebraic
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
