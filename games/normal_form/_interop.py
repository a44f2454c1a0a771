r"""Moving games between blocgames and the libraries users come from.

Two layouts of payoffs are common, and they are easy to confuse:

* **one array per player** (blocgames, nashpy, Gambit's ``from_arrays``): ``payoffs[i]`` has
  shape :math:`(n_1, \dots, n_N)` and holds player *i*'s payoffs;
* **payoff profiles** (QuantEcon, many textbooks): one array of shape
  :math:`(n_1, \dots, n_N, N)` whose last axis lists every player's payoff at a profile.

:func:`from_payoff_profiles` / :func:`to_payoff_profiles` convert between them. QuantEcon
and pygambit objects are converted by :func:`quantecon_arrays` / :func:`gambit_arrays`
(their packages are imported only when an object of theirs is passed or asked for).

Floats coming back from a float-only library are read exactly when they are exact
fractions in disguise: :func:`simplest_fractions` maps every float that is the nearest
double to a fraction with denominator at most ``10**6`` (such as ``1/3`` or ``0.1``) to that
fraction, so exact games survive a round trip.

Examples
--------
>>> import numpy as np
>>> profiles = np.array([[[3, 2], [1, 1]], [[0, 0], [2, 3]]])   # QuantEcon's layout
>>> [u.tolist() for u in from_payoff_profiles(profiles)]
[[[3, 1], [0, 2]], [[2, 1], [0, 3]]]
>>> to_payoff_profiles(from_payoff_profiles(profiles)).tolist() == profiles.tolist()
True
>>> simplest_fractions(np.array([1 / 3, 0.1, np.pi]))
[Fraction(1, 3), Fraction(1, 10), None]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = [
    "MAX_DENOMINATOR",
    "from_payoff_profiles",
    "gambit_arrays",
    "quantecon_arrays",
    "recover_exact",
    "simplest_fractions",
    "to_payoff_profiles",
]

#: Largest denominator :func:`simplest_fractions` recovers from a float.
MAX_DENOMINATOR = 10**6


def simplest_fractions(values: np.ndarray) -> list[Fraction | None]:
    """Each float as the fraction (denominator at most :data:`MAX_DENOMINATOR`) whose nearest
    double it is, or ``None`` when there is none (a genuinely irrational-looking float)."""
    out: list[Fraction | None] = []
    for v in np.ravel(np.asarray(values, dtype=float)):
        if not np.isfinite(v):
            out.append(None)
            continue
        f = Fraction(float(v)).limit_denominator(MAX_DENOMINATOR)
        out.append(f if float(f) == float(v) else None)
    return out


def exact_if_simple(array: np.ndarray) -> np.ndarray:
    """An integer array as it is; a float array as ``Fraction`` entries when every entry is
    a simple fraction (:func:`simplest_fractions`), else unchanged."""
    arr = np.asarray(array)
    if arr.dtype.kind in "iub" or arr.dtype == object:
        return arr
    fracs = simplest_fractions(arr)
    if any(f is None for f in fracs):
        return arr
    return np.array(fracs, dtype=object).reshape(arr.shape)


def recover_exact(arrays: Sequence[Any], exact: bool | None) -> list[np.ndarray]:
    """Payoff arrays from a float-only library, read exactly where they should be.

    ``None``: integer arrays stay exact, and float arrays become ``Fraction`` arrays when
    *every* entry of *every* array is a simple fraction (:func:`simplest_fractions`), so a
    game is never half exact; ``True``: every float at its simplest fraction, or its exact
    binary value when there is none; ``False``: floats.
    """
    arrs = [np.asarray(a) for a in arrays]
    if exact is False:
        return [a.astype(float) for a in arrs]
    if exact is None:
        recovered = [exact_if_simple(a) for a in arrs]
        floats_left = any(a.dtype.kind == "f" for a in recovered)
        return arrs if floats_left else recovered
    out = []
    for a in arrs:
        if a.dtype.kind != "f":
            out.append(a)
            continue
        fracs = [
            f if f is not None else Fraction(float(v))
            for f, v in zip(simplest_fractions(a), np.ravel(a), strict=True)
        ]
        out.append(np.array(fracs, dtype=object).reshape(a.shape))
    return out


def from_payoff_profiles(profiles: Any) -> list[np.ndarray]:
    """One payoff array per player from a payoff-profile array of shape ``(n_1, ..., n_N, N)``.

    Raises
    ------
    ValueError
        When the last axis does not list one payoff per player (its length must equal the
        number of the other axes).
    """
    arr = np.asarray(profiles, dtype=object if _has_objects(profiles) else None)
    if arr.ndim < 2 or arr.shape[-1] != arr.ndim - 1:
        raise ValueError(
            "profiles must have shape (n_1, ..., n_N, N): one payoff per player on the last "
            f"axis; got shape {arr.shape}. For one array per player use NormalFormGame(payoffs)"
        )
    return [arr[..., i] for i in range(arr.shape[-1])]


def _has_objects(value: Any) -> bool:
    try:
        return np.asarray(value).dtype == object
    except (ValueError, TypeError):
        return True


def to_payoff_profiles(payoffs: Sequence[np.ndarray]) -> np.ndarray:
    """The payoff-profile array ``(n_1, ..., n_N, N)`` of one-array-per-player payoffs."""
    return np.stack([np.asarray(u) for u in payoffs], axis=-1)


def quantecon_arrays(game: Any) -> list[np.ndarray]:
    """One payoff array per player from a ``quantecon.game_theory.NormalFormGame``."""
    profile = getattr(game, "payoff_profile_array", None)
    if profile is None:
        raise TypeError(f"expected a quantecon NormalFormGame, got {type(game).__name__}")
    if getattr(game, "N", 2) == 1:
        raise ValueError("one-player QuantEcon games are decision problems, not games")
    return from_payoff_profiles(profile)


Labels = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]


def gambit_arrays(game: Any) -> tuple[list[np.ndarray], str, Labels]:
    """Exact payoff arrays (``Fraction``), title, player and strategy labels of a pygambit
    strategic game."""
    to_arrays = getattr(game, "to_arrays", None)
    if to_arrays is None:
        raise TypeError(f"expected a pygambit Game, got {type(game).__name__}")
    arrays = [np.vectorize(lambda r: Fraction(str(r)), otypes=[object])(a) for a in to_arrays()]
    players = tuple(str(p.label) for p in game.players)
    strategies = tuple(tuple(str(s.label) for s in p.strategies) for p in game.players)
    return arrays, str(game.title), (players, strategies)
