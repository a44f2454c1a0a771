r"""Checking and normalising the input of :class:`~games.normal_form._game.NormalFormGame`.

Payoffs arrive as (nested) sequences, numpy arrays or sympy matrices; they become
``object`` arrays whose raggedness is reported by position. Each entry is classified as
``"exact"`` (int, ``Fraction``, sympy rational: kept as ``Fraction``), ``"float"`` (finite
floats) or ``"symbolic"`` (other finite real sympy expressions); strings, booleans, complex
and non-finite values are rejected, never parsed. Player and strategy labels must be
distinct strings of the right number.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp


def _nested_to_array(obj: Any, name: str) -> np.ndarray:
    """Turn a (possibly nested) sequence into an ``object`` array, naming any raggedness."""
    obj = _unwrap_matrices(obj)
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind in "USV":
            what = "strings" if obj.dtype.kind in "US" else "structured records"
            raise TypeError(f"{name} holds {what} ({obj.dtype}); payoffs must be numbers")
        return obj  # numeric dtypes are classified in bulk by _classify_array
    if isinstance(obj, str | bytes):
        raise TypeError(f"{name} = {obj!r} is a string; payoffs must be numbers")
    if not isinstance(obj, Sequence) and not _is_iterable_container(obj):
        return np.array(obj, dtype=object)  # a scalar (0-d)

    def shape_of(x: Any, path: str) -> tuple[int, ...]:
        if isinstance(x, np.ndarray):
            return x.shape
        if isinstance(x, str | bytes) or not (
            isinstance(x, Sequence) or _is_iterable_container(x)
        ):
            return ()
        items = list(x)
        if not items:
            return (0,)
        shapes = [shape_of(item, f"{path}[{k}]") for k, item in enumerate(items)]
        for k, s in enumerate(shapes[1:], start=1):
            if s != shapes[0]:
                raise ValueError(
                    f"ragged payoffs: {path}[{k}] has shape {s} but {path}[0] has shape "
                    f"{shapes[0]}; every row of a payoff array needs the same length"
                )
        return (len(items), *shapes[0])

    shape = shape_of(obj, name)
    out = np.empty(shape, dtype=object)
    if out.size:
        for idx in np.ndindex(*shape):
            x = obj
            for k in idx:
                x = x[k]
            out[idx] = x
    return out


def _unwrap_matrices(x: Any) -> Any:
    """sympy matrices to nested lists (``list(Matrix)`` would flatten them)."""
    if isinstance(x, sp.MatrixBase):
        return x.tolist()
    if isinstance(x, list | tuple):
        return [_unwrap_matrices(item) for item in x]
    return x


def _is_iterable_container(x: Any) -> bool:
    return isinstance(x, tuple | list | np.ndarray | sp.MatrixBase)


def _entry_kind(value: Any, where: str) -> tuple[str, Any]:
    """Classify and normalise one payoff: ('exact', Fraction), ('float', float) or
    ('symbolic', sympy.Expr). Raise for anything that is not a finite real number."""
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{where} = {value!r} is a boolean; payoffs must be numbers (use 1/0)")
    if isinstance(value, str | bytes):
        raise TypeError(
            f"{where} = {value!r} is a string; strings are never parsed as payoffs: pass a "
            "number or a sympy expression built from sympy.Symbol"
        )
    if isinstance(value, numbers.Rational):  # int, numpy int, Fraction
        return "exact", Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float | np.floating):
        as_float = float(value)  # a long double beyond the float range becomes inf
        if not math.isfinite(as_float):
            raise ValueError(
                f"{where} = {value}: payoffs must be finite floats (no NaN or inf, at most "
                "about 1.8e308 in magnitude)"
            )
        return "float", as_float
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr) or isinstance(value, sp.MatrixBase):
            raise TypeError(
                f"{where} = {value} is a {type(value).__name__}, not a sympy number or expression"
            )
        if value.is_Rational:
            return "exact", Fraction(int(value.p), int(value.q))
        if value.has(sp.nan, sp.oo, -sp.oo, sp.zoo):
            raise ValueError(f"{where} = {value}: payoffs must be finite (no nan, oo or zoo)")
        if value.is_Float:
            as_float = float(value)
            if not math.isfinite(as_float):
                raise ValueError(
                    f"{where} = {value} is beyond the float range (about 1.8e308); pass it "
                    "exactly (int, Fraction or sympy.Rational)"
                )
            return "float", as_float
        if not value.free_symbols:
            if value.is_real is False or value.is_finite is False:
                raise ValueError(f"{where} = {value} is not a finite real number")
            numeric = complex(value.evalf())
            if numeric.imag != 0 or not math.isfinite(numeric.real):
                raise ValueError(f"{where} = {value} is not a finite real number")
        return "symbolic", value
    if isinstance(value, numbers.Complex):
        raise TypeError(f"{where} = {value!r} is complex; payoffs must be real numbers")
    raise TypeError(
        f"{where} = {value!r} has type {type(value).__name__}; payoffs must be int, float, "
        "Fraction or sympy expressions"
    )


def _classify_array(u: np.ndarray, name: str) -> tuple[set[str], np.ndarray]:
    """Classify every entry of a payoff array (see :func:`_entry_kind`): the kinds found and
    a fresh ``object`` array (``float64`` for float arrays) of normalised entries.

    Whole ``float64`` / integer arrays and ``object`` arrays of ``Fraction`` (what the
    ``.nfg`` reader makes) take a bulk path; anything else is checked entry by entry.
    """
    if u.dtype.kind == "f" and u.dtype.itemsize <= 8 and u.size and bool(np.isfinite(u).all()):
        return {"float"}, u.astype(float)
    if u.dtype.kind in "iu" and u.size:
        out = np.empty(u.shape, dtype=object)
        out[...] = np.frompyfunc(lambda v: Fraction(int(v)), 1, 1)(u)
        return {"exact"}, out
    if u.dtype == object and u.size and all(type(v) is Fraction for v in u.flat):
        return {"exact"}, u.copy()
    kinds: set[str] = set()
    out = np.empty(u.shape, dtype=object)
    for idx, v in np.ndenumerate(u):
        kind, out[idx] = _entry_kind(v, f"{name}{list(idx)}")
        kinds.add(kind)
    return kinds, out


def _as_float_array(u: np.ndarray, name: str) -> np.ndarray:
    """``float64`` copy of a classified array; exact entries beyond the float range raise."""
    try:
        return u.astype(float)
    except OverflowError:
        for idx, v in np.ndenumerate(u):
            try:
                float(v)
            except OverflowError:
                shown = str(v) if len(str(v)) <= 40 else f"a number of {len(str(v))} digits"
                raise ValueError(
                    f"{name}{list(idx)} = {shown} is too large for a float game (the payoffs "
                    "mix floats with exact numbers beyond the float range, about 1.8e308): "
                    "pass every payoff exactly (int or Fraction) or rescale"
                ) from None
        raise


def _to_sympy(value: Any) -> sp.Expr:
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, float):
        return sp.Float(value)
    return value


def _fraction_from_float(value: float) -> Fraction:
    return Fraction(value)  # the float's exact binary value


def _check_labels(labels: Any, expected: int, what: str) -> tuple[str, ...]:
    if isinstance(labels, str):
        raise TypeError(
            f"{what} must be a sequence of {expected} strings, got the string {labels!r}"
        )
    labels = tuple(labels)
    if len(labels) != expected:
        raise ValueError(f"{what} has {len(labels)} labels but the game needs {expected}")
    for lab in labels:
        if not isinstance(lab, str):
            raise TypeError(f"{what} must contain strings, got {lab!r} ({type(lab).__name__})")
    dupes = sorted({lab for lab in labels if labels.count(lab) > 1})
    if dupes:
        raise ValueError(f"{what} has duplicate labels {dupes}; labels must be distinct")
    return labels


#: How NormalFormGame reads its payoffs, quoted by every layout error.
LAYOUT = (
    "NormalFormGame(payoffs) takes one payoff array per player, payoffs[i][s_1]...[s_n] "
    "being player i's payoff (e.g. NormalFormGame([A, B]) for a bimatrix game)"
)


def _whole_shape(payoffs: Any) -> tuple[int, ...] | None:
    """The shape of the whole payoffs input if it is a regular nested array, else None."""
    try:
        return _nested_to_array(payoffs, "payoffs").shape
    except (TypeError, ValueError):
        return None


def layout_hint(payoffs: Any, arrays: Sequence[np.ndarray]) -> str:
    """Why ``arrays`` (``payoffs`` split per player) is not a game, and the fix: the
    payoff-profile layout, a single matrix, a flat list, or the general rule."""
    whole = _whole_shape(payoffs)
    ndims = {u.ndim for u in arrays}
    if whole is not None and len(whole) >= 3 and whole[-1] == len(whole) - 1:
        players = whole[-1]
        return (
            f"payoffs has shape {whole}, the payoff-profile layout (n_1, ..., n_N, N) of "
            f"QuantEcon and many textbooks: a {'x'.join(map(str, whole[:-1]))} game of "
            f"{players} players with every player's payoff on the last axis. Read it with "
            "NormalFormGame.from_payoff_profiles(payoffs); " + LAYOUT
        )
    if whole is not None and len(whole) == 2 and ndims == {1}:
        return (
            f"payoffs is a single matrix (shape {whole}); {LAYOUT}: give every player's "
            "matrix (a zero-sum game: [A, -A]), or use NormalFormGame.from_bimatrix(A, B)"
        )
    if whole is not None and len(whole) == 1:
        return f"payoffs is a flat list of {whole[0]} numbers; {LAYOUT}"
    return LAYOUT


def looks_like_payoffs(value: Any) -> bool:
    """Whether ``value`` (passed as labels) is a nested sequence of numbers: a payoff
    matrix given where labels belong, as in nashpy's ``Game(A, B)``."""
    if isinstance(value, str | bytes) or not _is_iterable_container(value):
        return False
    items = list(value)
    if not items:
        return False
    first = items[0]
    if _is_iterable_container(first) and not isinstance(first, str):
        inner = list(first)
        return bool(inner) and all(
            isinstance(v, numbers.Number | sp.Expr) and not isinstance(v, bool) for v in inner
        )
    return False
