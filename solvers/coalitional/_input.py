"""Characteristic functions as vectors over the 2^n coalitions, in bitmask order.

Coalition ``S`` is the integer ``sum(1 << i for i in S)``: bit ``i`` is set iff player ``i``
belongs to ``S``. ``v[0]`` is the empty coalition and ``v[2**n - 1]`` the grand coalition.

A vector is *exact* when every entry is an ``int``, ``Fraction`` or sympy rational; it is
then kept as ``int64`` (integer games) or as an ``object`` array of ``Fraction``; otherwise
it is ``float64``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from numbers import Integral
from typing import Any

import numpy as np

from solvers._numbers import as_fraction

__all__ = [
    "MAX_PLAYERS",
    "characteristic_vector",
    "fraction_vector",
    "is_exact_number",
    "is_exact_vector",
    "popcounts",
]

#: Largest number of players whose 2^n coalitions are tabulated (2^24 floats = 128 MB).
MAX_PLAYERS = 24


def is_exact_number(value: Any) -> bool:
    """True for ints (Python or numpy), ``Fraction`` and sympy rationals."""
    if isinstance(value, bool):
        return True
    if isinstance(value, Integral | Fraction):
        return True
    return bool(getattr(value, "is_Rational", False))


def popcounts(n: int) -> np.ndarray:
    """``popcounts(n)[S]`` is ``|S|`` for every coalition ``S`` of ``n`` players."""
    pc = np.zeros(1 << n, dtype=np.int64)
    for i in range(n):
        pc[1 << i : 1 << (i + 1)] = pc[: 1 << i] + 1
    return pc


def _check_n(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, Integral) or n < 1:
        raise ValueError(f"the number of players must be a positive integer, got {n!r}")
    if n > MAX_PLAYERS:
        raise ValueError(
            f"{n} players: a characteristic function over all 2^{n} coalitions is too large "
            f"(limit {MAX_PLAYERS} players); for weighted voting games use "
            "WeightedVotingGame, whose indices need no table of coalitions"
        )


def is_exact_vector(v: np.ndarray) -> bool:
    """True for exact characteristic vectors (``int64`` or ``object`` of ``Fraction``)."""
    return v.dtype != np.float64


def fraction_vector(v: np.ndarray) -> list[Fraction]:
    """The entries of an exact vector as ``Fraction``."""
    if v.dtype == object:
        return list(v)
    return [Fraction(int(x)) for x in v.tolist()]


def _finish(values: list[Any] | np.ndarray, exact: bool | None) -> np.ndarray:
    arr = values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)
    arr = arr.ravel()
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int64)
    if arr.dtype.kind in "iu":
        out = arr.astype(np.int64) if exact in (None, True) else arr.astype(np.float64)
    elif arr.dtype.kind == "f" and not exact:
        out = arr.astype(np.float64)
    else:
        items = arr.tolist()
        for x in items:
            if isinstance(x, str) or not hasattr(x, "__float__"):
                raise TypeError(f"characteristic function values must be real numbers, got {x!r}")
        all_exact = all(is_exact_number(x) for x in items)
        if exact is None:
            exact = all_exact
        if not exact:
            out = np.array([float(x) for x in items], dtype=np.float64)
        else:
            if not all_exact and any(
                not is_exact_number(x) and not float(x).is_integer() for x in items
            ):
                raise ValueError(
                    "exact=True needs int, Fraction or sympy rational values; got a "
                    "non-integral float (pass Fraction('0.1') for decimals)"
                )
            fr = [as_fraction(x) for x in items]
            if all(f.denominator == 1 and abs(f.numerator) < 2**62 for f in fr):
                out = np.array([f.numerator for f in fr], dtype=np.int64)
            else:
                out = np.empty(len(fr), dtype=object)
                out[:] = fr
    if out.dtype == np.float64 and not np.all(np.isfinite(out)):
        raise ValueError("characteristic function values must be finite")
    if out[0] != 0:
        raise ValueError(f"v(empty coalition) must be 0, got {out[0]!r}")
    return out


def characteristic_vector(
    v: Callable[[frozenset[int]], Any] | Mapping[Any, Any] | Sequence[Any] | np.ndarray,
    n: int | None = None,
    exact: bool | None = None,
    names: Sequence[Any] | None = None,
) -> np.ndarray:
    """The characteristic function as a vector over the 2^n coalitions in bitmask order.

    Parameters
    ----------
    v : callable, mapping or sequence
        * a sequence of length 2^n: ``v[S]`` is the worth of the coalition with bitmask
          ``S`` (bit ``i`` set iff player ``i`` is in it);
        * a callable ``v(frozenset_of_players) -> number`` (players by index, or by the
          names in ``names`` when given); it is called once per coalition, the empty one
          included;
        * a mapping from coalitions (frozensets, sets or tuples of players, by index or
          name) to worths; coalitions it omits are worth 0.
    n : int, optional
        Number of players (needed for callables and mappings unless ``names`` is given).
    exact : bool, optional
        Keep exact rationals (default: when every value is an int or rational).
    names : sequence, optional
        Player names: keys of a mapping and arguments of a callable may use them.

    Returns
    -------
    numpy.ndarray
        ``int64`` or ``object`` array of ``Fraction`` (exact), or ``float64``; length 2^n,
        ``v[0] == 0``.

    Examples
    --------
    >>> characteristic_vector(lambda s: len(s) >= 2, n=2).tolist()
    [0, 0, 0, 1]
    >>> characteristic_vector({(0, 1): 1.5}, n=2).tolist()
    [0.0, 0.0, 0.0, 1.5]
    """
    if names is not None:
        names = tuple(names)
        if n is None:
            n = len(names)
        elif n != len(names):
            raise ValueError(f"n={n} but {len(names)} player names were given")
    if callable(v) and not isinstance(v, Mapping | np.ndarray):
        if n is None:
            raise ValueError("a callable characteristic function needs n (or player names)")
        _check_n(n)
        labels = names if names is not None else tuple(range(n))
        vals = [
            v(frozenset(labels[i] for i in range(n) if mask >> i & 1)) for mask in range(1 << n)
        ]
        return _finish(vals, exact)
    if isinstance(v, Mapping):
        if n is None:
            raise ValueError("a mapping characteristic function needs n (or player names)")
        _check_n(n)
        index = {name: i for i, name in enumerate(names)} if names is not None else {}
        vals = [0] * (1 << n)
        for key, worth in v.items():
            members = (key,) if not isinstance(key, Iterable) or isinstance(key, str) else key
            mask = 0
            for p in members:
                i = index.get(p, p)
                if isinstance(i, bool) or not isinstance(i, Integral) or not 0 <= int(i) < n:
                    raise ValueError(
                        f"coalition {key!r}: {p!r} is not a player (use indices 0..{n - 1}"
                        + (" or the player names)" if names is not None else ")")
                    )
                mask |= 1 << int(i)
            vals[mask] = worth
        return _finish(vals, exact)
    arr = np.asarray(v, dtype=object if not isinstance(v, np.ndarray) else None)
    if arr.ndim != 1:
        raise ValueError(f"a characteristic vector must be one-dimensional, got shape {arr.shape}")
    size = arr.size
    k = size.bit_length() - 1
    if size < 2 or size != 1 << k:
        raise ValueError(
            f"a characteristic vector has length 2^n (one entry per coalition in bitmask "
            f"order), got length {size}"
        )
    if n is not None and n != k:
        raise ValueError(f"n={n} but the vector has length {size} = 2^{k}")
    _check_n(k)
    return _finish(arr, exact)


_PREPARED = frozenset({np.dtype(np.int64), np.dtype(np.float64), np.dtype(object)})


def prepare(v: Any, n: int | None = None) -> tuple[np.ndarray, int]:
    """``(vector, n)`` from a vector already made by :func:`characteristic_vector` (checked
    cheaply) or from any input it accepts."""
    if type(v) is np.ndarray and v.ndim == 1 and v.dtype in _PREPARED:
        size = v.size
        if (
            size >= 2
            and size & (size - 1) == 0
            and (n is None or size == 1 << n)
            and (v.dtype.kind != "O" or all(isinstance(x, Fraction) for x in v[:4]))
        ):
            if v.item(0) != 0:
                raise ValueError(f"v(empty coalition) must be 0, got {v[0]!r}")
            return v, size.bit_length() - 1
    arr = characteristic_vector(v, n)
    return arr, arr.size.bit_length() - 1
