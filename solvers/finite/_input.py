"""Boundary checks for payoff arrays handed to the solvers (one place, clear messages)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from numbers import Number

import numpy as np

from solvers._numbers import as_fraction

__all__ = [
    "as_array",
    "as_bimatrix",
    "as_game_arrays",
    "as_payoff_arrays",
    "is_exact_array",
]


def is_exact_array(a: np.ndarray) -> bool:
    """Whether an array holds exact numbers (``object`` dtype)."""
    return np.asarray(a).dtype == object


def as_array(value, name: str) -> np.ndarray:
    """``numpy.asarray`` with a clear error for ragged nested lists."""
    try:
        return np.asarray(value)
    except ValueError:
        raise ValueError(
            f"{name} is ragged: every row must have one entry per strategy of the next player"
        ) from None


def _to_fraction_array(a: np.ndarray, name: str) -> np.ndarray:
    out = np.empty(a.shape, dtype=object)
    for idx, v in np.ndenumerate(a):
        if isinstance(v, bool | np.bool_) or (
            not isinstance(v, Number | Fraction)
            and not (hasattr(v, "is_Rational") and v.is_Rational)
        ):
            if hasattr(v, "free_symbols") and v.free_symbols:
                raise ValueError(
                    f"{name}{list(idx)} = {v} contains the unbound symbols "
                    f"{sorted(map(str, v.free_symbols))}; bind them with .subs() first"
                )
            raise TypeError(f"{name}{list(idx)} = {v!r} is not an exact rational number")
        if isinstance(v, float | np.floating) and not float(v).is_integer():
            out[idx] = Fraction(float(v))  # the float's exact binary value
        else:
            out[idx] = as_fraction(v)
    return out


def as_game_arrays(payoffs) -> tuple[list, bool]:
    """One payoff array per player, and whether the game was given as one matrix.

    A single 2-D matrix (a numpy array, or a list of at least two equal-length rows of
    numbers) is a zero-sum game, nashpy's ``Game(A)`` convention: the row player receives
    ``A`` and the column player ``-A``. A list holding one 1-D array is a one-player game
    (a decision problem). Anything else is returned as given (one array per player).

    Examples
    --------
    >>> arrays, one_matrix = as_game_arrays([[1, -1], [-1, 1]])
    >>> one_matrix, arrays[1].tolist()
    (True, [[-1, 1], [1, -1]])
    >>> as_game_arrays([[3, 1, 2]])[1]            # one player with three strategies
    False
    """
    if isinstance(payoffs, np.ndarray) and payoffs.ndim == 2:
        A = payoffs
    elif (
        isinstance(payoffs, list | tuple)
        and len(payoffs) >= 2
        and all(
            isinstance(row, list | tuple | np.ndarray)
            and np.ndim(row) == 1
            and all(not isinstance(v, list | tuple | np.ndarray) for v in row)
            for row in payoffs
        )
    ):
        A = as_array(payoffs, "payoffs")
        if A.ndim != 2:
            return list(payoffs), False
    else:
        return payoffs, False
    if A.dtype == object:
        return [A, np.array([[-v for v in row] for row in A], dtype=object)], True
    return [A, -A], True


def as_payoff_arrays(
    payoffs: Sequence[np.ndarray], exact: bool = False, min_players: int = 2
) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
    """Validate one payoff array per player; return float copies and, if exact, Fractions.

    Raises
    ------
    ValueError
        Fewer than two players, shapes that do not match the number of players or each
        other, empty strategy sets, NaN or infinite entries.
    TypeError
        Non-numeric or complex entries.
    """
    if isinstance(payoffs, str) or not (
        hasattr(payoffs, "__len__") and hasattr(payoffs, "__getitem__")
    ):
        hint = (
            ": for a game object call game.equilibria(), or pass game.payoffs"
            if hasattr(payoffs, "payoffs")
            else ""
        )
        raise TypeError(
            "payoffs must be a sequence of one payoff array per player, got "
            f"{type(payoffs).__name__}{hint}"
        )
    if len(payoffs) < min_players:
        raise ValueError(
            f"payoffs: need one array per player and at least {min_players} players, got "
            f"{len(payoffs)} (a single matrix is read as a zero-sum game)"
        )
    arrays = [as_array(u, f"payoffs[{i}]") for i, u in enumerate(payoffs)]
    shape = arrays[0].shape
    if len(shape) != len(arrays):
        raise ValueError(
            f"payoffs: {len(arrays)} players need arrays with {len(arrays)} axes "
            f"(one per player), got shape {shape}"
        )
    for i, u in enumerate(arrays):
        if u.shape != shape:
            raise ValueError(f"payoffs[{i}] has shape {u.shape}, payoffs[0] has shape {shape}")
    if min(shape) < 1:
        raise ValueError(f"payoffs: every player needs at least one strategy, shape is {shape}")
    floats = []
    for i, u in enumerate(arrays):
        if u.dtype == bool or (u.dtype == object and any(isinstance(v, bool) for v in u.flat)):
            raise TypeError(f"payoffs[{i}] contains booleans; payoffs must be numbers (1/0)")
        if np.iscomplexobj(u) and u.dtype != object:
            raise TypeError(
                f"payoffs[{i}] is a complex array ({u.dtype}); payoffs must be real numbers "
                "(pass .real if the imaginary parts are zero)"
            )
        if u.dtype == object:
            for idx, v in np.ndenumerate(u):
                if (
                    isinstance(v, complex | np.complexfloating)
                    or getattr(v, "is_extended_real", None) is False
                ):
                    raise TypeError(
                        f"payoffs[{i}]{list(idx)} = {v} is not a real number; payoffs must be real"
                    )
                if getattr(v, "free_symbols", None):
                    raise ValueError(
                        f"payoffs[{i}]{list(idx)} = {v} contains the unbound symbols "
                        f"{sorted(map(str, v.free_symbols))}; bind them with .subs() first"
                    )
        try:
            f = u.astype(float)
        except OverflowError:
            raise ValueError(
                f"payoffs[{i}] has entries beyond floating-point range (about 1.8e308); "
                "rescale the payoffs (equilibria are unchanged by a positive affine rescaling)"
            ) from None
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"payoffs[{i}] has non-numeric entries ({err}); bind symbols with .subs()"
            ) from None
        if not np.all(np.isfinite(f)):
            bad = tuple(int(k) for k in np.argwhere(~np.isfinite(f))[0])
            raise ValueError(f"payoffs[{i}]{list(bad)} is {f[bad]}: payoffs must be finite")
        floats.append(f)
    exacts = (
        [_to_fraction_array(u, f"payoffs[{i}]") for i, u in enumerate(arrays)] if exact else None
    )
    return floats, exacts


def as_bimatrix(
    A: np.ndarray, B: np.ndarray, exact: bool = False
) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
    """:func:`as_payoff_arrays` for a two-player game given as (A, B)."""
    A, B = as_array(A, "A"), as_array(B, "B")
    if A.ndim != 2:
        raise ValueError(f"A must be a 2-D payoff matrix, got shape {A.shape}")
    if B.shape != A.shape:
        raise ValueError(f"B has shape {B.shape} but A has shape {A.shape}; they must match")
    return as_payoff_arrays([A, B], exact=exact)
