"""Input checking for the capital-flow models: one real number per parameter, exact if
possible.

Internal helpers of :mod:`games.capital` (empty ``__all__``). ``int``, ``Fraction`` and
sympy ``Rational`` inputs stay exact (sympy ``Rational``); floats become ``sympy.Float``
and switch a model to float arithmetic. Strings, booleans, non-finite values and
expressions with free symbols are refused with an error naming the parameter.

Examples
--------
>>> from fractions import Fraction
>>> number(Fraction(2, 5), "kappa", 0, low_open=False)
2/5
>>> number(-1, "kappa", 0, low_open=False)
Traceback (most recent call last):
...
ValueError: kappa must lie in [0, inf), got -1
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__: list[str] = []


def number(
    value: Any,
    name: str,
    low: Any = None,
    high: Any = None,
    *,
    low_open: bool = True,
    high_open: bool = True,
) -> sp.Expr:
    """``value`` as a sympy number within ``(low, high)`` (ends closed on request)."""
    if isinstance(value, bool | str) or value is None:
        raise TypeError(
            f"{name} must be a real number (int, float, Fraction or sympy Rational), got {value!r}"
        )
    if isinstance(value, sp.Basic):
        if value.free_symbols:
            names = ", ".join(sorted(str(s) for s in value.free_symbols))
            raise ValueError(
                f"{name} contains unbound symbols ({names}); substitute numbers first "
                "(the closed forms are available symbolically)"
            )
        out = value
        if out.is_real is not True or out.is_finite is not True:
            raise ValueError(f"{name} must be a finite real number, got {value!r}")
    elif isinstance(value, numbers.Integral):
        out = sp.Integer(int(value))
    elif isinstance(value, numbers.Rational):
        out = sp.Rational(int(value.numerator), int(value.denominator))
    elif isinstance(value, numbers.Real):
        v = float(value)
        if not math.isfinite(v):
            raise ValueError(f"{name} must be finite, got {value!r}")
        out = sp.Float(v)
    else:
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    lo_bad = low is not None and bool(out <= low if low_open else out < low)
    hi_bad = high is not None and bool(out >= high if high_open else out > high)
    if lo_bad or hi_bad:
        lo_s, hi_s = ("(" if low_open else "["), (")" if high_open else "]")
        lo_v = "-inf" if low is None else low
        hi_v = "inf" if high is None else high
        raise ValueError(f"{name} must lie in {lo_s}{lo_v}, {hi_v}{hi_s}, got {value!r}")
    return out


def is_exact(*values: Any) -> bool:
    """Whether every value is a sympy Rational (exact arithmetic)."""
    return all(sp.sympify(v).is_Rational for v in values)


def out(value: Any) -> Any:
    """Exact sympy numbers stay; sympy floats become Python floats."""
    value = sp.sympify(value)
    if value.free_symbols or not value.has(sp.Float):
        return value
    return float(value)


def plain(value: Any) -> Any:
    """A number as plain Python: ``Fraction`` when rational, ``float`` otherwise."""
    if isinstance(value, sp.Basic):
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return float(value)
    return value


def show(value: Any) -> str:
    """Readable text: exact numbers as they are, floats to 6 significant digits."""
    if isinstance(value, sp.Basic) and (value.is_Rational or not value.is_Number):
        return str(value)
    if isinstance(value, sp.Basic | float | int):
        return f"{float(value):.6g}"
    return str(value)


def taxes(values: Any, high: Any = None) -> np.ndarray:
    """A 1-D float array of taxes in ``[0, high]``; anything else is refused naming
    ``taus``."""
    what = "taxes >= 0" if high is None else f"taxes in [0, G] = [0, {high}]"
    message = f"taus must be a 1-D array of finite {what}, got {values!r}"
    raw = np.asarray(values)
    if raw.dtype.kind not in "biufO" or raw.ndim != 1:
        raise ValueError(message)
    try:
        t = raw.astype(float)
    except (TypeError, ValueError) as error:
        raise ValueError(message) from error
    if np.any(~np.isfinite(t)) or np.any(t < 0) or (high is not None and np.any(t > float(high))):
        raise ValueError(message)
    return t
