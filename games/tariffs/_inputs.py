"""Number handling shared by the tariff models (internal).

Inputs are ints, ``Fraction``, floats or sympy numbers; exact inputs keep the models
exact (sympy), a float switches the model to floats where it matters.

Examples
--------
>>> from games.tariffs._inputs import number
>>> number(0.5, "lam", low=0)
0.500000000000000
>>> number(-1, "lam", low=0)
Traceback (most recent call last):
...
ValueError: lam must be > 0, got -1
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import sympy as sp

__all__: list[str] = []


def number(
    value: Any, name: str, *, low: Any = None, high: Any = None, closed: bool = False
) -> sp.Expr:
    """A real number as sympy, checked against ``low < value < high`` (``<=`` if closed)."""
    if isinstance(value, sp.Basic):
        if value.free_symbols:
            return value
        v = value
    elif isinstance(value, bool | np.bool_ | str) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    elif isinstance(value, numbers.Integral):
        v = sp.Integer(int(value))
    elif isinstance(value, numbers.Rational):
        v = sp.Rational(int(value.numerator), int(value.denominator))
    else:
        if not np.isfinite(float(value)):
            raise ValueError(f"{name} must be finite, got {value!r}")
        v = sp.Float(float(value))
    if low is not None and (v < low if closed else v <= low):
        raise ValueError(f"{name} must be {'>=' if closed else '>'} {low}, got {value!r}")
    if high is not None and (v > high if closed else v >= high):
        raise ValueError(f"{name} must be {'<=' if closed else '<'} {high}, got {value!r}")
    return v


def integer(value: Any, name: str, *, low: int) -> int:
    """An int at least ``low``."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if int(value) < low:
        raise ValueError(f"{name} must be at least {low}, got {value!r}")
    return int(value)


def out(value: Any) -> Any:
    """Exact sympy numbers stay; sympy floats become Python floats."""
    value = sp.sympify(value)
    if value.free_symbols or not value.has(sp.Float):
        return value
    return float(value)
