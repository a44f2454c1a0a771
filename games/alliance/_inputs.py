"""Input checking and number handling shared by the alliance models.

Internal helpers of games.alliance; not part of the public API (hence the empty
``__all__``): the user-facing models are in :mod:`games.alliance`.

Every alliance model works in one of two arithmetic modes, chosen from its inputs:

* **exact**: every number is an ``int``, ``fractions.Fraction`` or sympy ``Rational``.
  Computation runs on ``Fraction`` (fast and exact) and results are returned as sympy
  ``Rational`` (so they print, compare and render to LaTeX like the closed forms);
* **float**: any float (or irrational sympy number) switches the whole model to
  ``numpy.float64``.

Bad input is rejected at the door with an error that names the argument and the fix.

Examples
--------
>>> from games.alliance._inputs import as_vector, as_scalar
>>> w, exact = as_vector([10, 8, 2], "incomes")
>>> exact, w.tolist()
(True, [Fraction(10, 1), Fraction(8, 1), Fraction(2, 1)])
>>> as_scalar(0.5, "a", low=0, high=1)
(0.5, False)
>>> as_vector([1.0, -2.0], "incomes")
Traceback (most recent call last):
...
ValueError: incomes must be positive; entry 1 is -2.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__: list[str] = []

#: Default taste weights (sympy rationals, so integer incomes give exact models).
HALF = sp.Rational(1, 2)
TENTH = sp.Rational(1, 10)


def _parse(value: Any, name: str) -> Fraction | float:
    """One real number as ``Fraction`` (exact) or ``float``; errors name ``name``."""
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be a number, got the bool {value!r}")
    if isinstance(value, int | np.integer):
        return Fraction(int(value))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float | np.floating):
        value = float(value)
    elif isinstance(value, sp.Basic):
        if value.free_symbols:
            names = ", ".join(sorted(str(s) for s in value.free_symbols))
            raise ValueError(
                f"{name} contains unbound symbols ({names}); substitute numbers first "
                "(the closed forms of the model are available symbolically)"
            )
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        if value.is_real is not True:
            raise ValueError(f"{name} must be a real number, got {value!r}")
        value = float(value)
    elif isinstance(value, str):
        raise TypeError(
            f"{name} must be a number, got the string {value!r} (strings are "
            "never parsed); pass an int, float, Fraction or sympy Rational"
        )
    else:
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def to_mode(value: Fraction | float, exact: bool) -> Fraction | float:
    """``value`` in the arithmetic of the mode (``Fraction`` if exact, else ``float``)."""
    return value if exact else float(value)


def as_scalar(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = True,
    high_open: bool = True,
) -> tuple[Fraction | float, bool]:
    """Parse one number and check ``low < value < high`` (ends open unless told).

    Returns the value (``Fraction`` or ``float``) and whether it is exact.
    """
    x = _parse(value, name)
    if low is not None and (x <= low if low_open else x < low):
        rel = ">" if low_open else ">="
        raise ValueError(f"{name} must be {rel} {low}, got {value}")
    if high is not None and (x >= high if high_open else x > high):
        rel = "<" if high_open else "<="
        raise ValueError(f"{name} must be {rel} {high}, got {value}")
    return x, isinstance(x, Fraction)


def as_vector(
    values: Any,
    name: str,
    *,
    positive: bool = True,
    nonnegative: bool = False,
    min_length: int = 1,
    length: int | None = None,
) -> tuple[np.ndarray, bool]:
    """Parse a one-dimensional sequence of real numbers.

    Returns ``(array, exact)``: an ``object`` array of ``Fraction`` when every entry is
    exact, else a ``float64`` array. ``positive`` requires entries > 0, ``nonnegative``
    entries >= 0 (set ``positive=False`` for sign-free vectors such as transfers).
    """
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise TypeError(
            f"{name} must be a one-dimensional sequence of numbers, got {type(values).__name__}"
        )
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        if values.ndim != 1:
            raise ValueError(f"{name} must be one-dimensional, got shape {values.shape}")
        array = values.astype(np.float64, copy=True)
        bad = np.flatnonzero(~np.isfinite(array))
        if bad.size:
            raise ValueError(f"{name} must be finite; entry {bad[0]} is {array[bad[0]]}")
        exact = False
    else:
        items = list(values)
        if any(np.ndim(v) != 0 for v in items):
            raise ValueError(f"{name} must be one-dimensional (a flat sequence of numbers)")
        parsed = [_parse(v, f"{name}[{i}]") for i, v in enumerate(items)]
        exact = all(isinstance(v, Fraction) for v in parsed)
        if exact:
            array = np.empty(len(parsed), dtype=object)
            array[:] = parsed
        else:
            array = np.array([float(v) for v in parsed], dtype=np.float64)
    if length is not None and array.shape[0] != length:
        raise ValueError(f"{name} must have {length} entries (one per ally), got {array.shape[0]}")
    if array.shape[0] < min_length:
        raise ValueError(f"{name} needs at least {min_length} entries, got {array.shape[0]}")
    if positive or nonnegative:
        bad_mask = (array <= 0) if positive else (array < 0)
        bad = np.flatnonzero(np.asarray(bad_mask, dtype=bool))
        if bad.size:
            kind = "positive" if positive else "nonnegative"
            raise ValueError(f"{name} must be {kind}; entry {bad[0]} is {array[bad[0]]}")
    return array, exact


def cast(array: np.ndarray, exact: bool) -> np.ndarray:
    """``array`` in the arithmetic of the mode."""
    if exact:
        return array
    return (
        np.asarray(array, dtype=np.float64)
        if array.dtype != object
        else np.array([float(v) for v in array], dtype=np.float64)
    )


def exact_out(value: Any, exact: bool) -> Any:
    """A scalar for the user: sympy ``Rational`` if exact, else ``float``."""
    if exact:
        f = Fraction(value)
        return sp.Rational(f.numerator, f.denominator)
    return float(value)


def vector_out(array: np.ndarray, exact: bool) -> np.ndarray:
    """An array for the user: ``object`` array of sympy ``Rational`` if exact, else floats."""
    if exact:
        out = np.empty(len(array), dtype=object)
        out[:] = [exact_out(v, True) for v in array]
        return out
    return np.asarray(array, dtype=np.float64)


def labels(players: Sequence[str] | None, n: int, name: str = "players") -> tuple[str, ...]:
    """Player names: ``players`` checked for length and type, or ``ally 1`` ... ``ally n``."""
    if players is None:
        return tuple(f"ally {i + 1}" for i in range(n))
    if isinstance(players, str):
        raise TypeError(f"{name} must be a sequence of names, not one string")
    names = tuple(players)
    if len(names) != n or not all(isinstance(p, str) for p in names):
        raise ValueError(f"{name} must be {n} strings (one per ally), got {players!r}")
    if len(set(names)) != n:
        raise ValueError(f"{name} must be distinct, got {players!r}")
    return names
