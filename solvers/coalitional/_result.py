"""The result of a cooperative solution: one number per player, and how it was computed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from solvers._numbers import fmt, plain
from solvers.result import SolutionResult, convert_number

__all__ = ["Allocation"]


def _plain(x: Any) -> Any:
    x = plain(x)
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x.numerator)
    return x


@dataclass(frozen=True, eq=False)
class Allocation(SolutionResult):
    """A payoff (or power) vector keyed by player.

    Parameters
    ----------
    values : tuple
        One number per player: ``Fraction`` when exact, ``float`` otherwise.
    players : tuple of str
        Player names, in the order of ``values``.
    method : str
        The solution concept / algorithm (``"shapley"``, ``"nucleolus"``, ...).
    exact : bool
        Whether the values are exact rationals.
    info : dict
        Extra facts (e.g. ``epsilon`` for the least core, ``raw`` Banzhaf values).
    notes : tuple of str
        Caveats in words.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> a = Allocation((F(1, 2), F(1, 2)), ("A", "B"), "shapley", True)
    >>> a
    Allocation(A: 1/2, B: 1/2 | exact | shapley)
    >>> a["A"], a[1], a.to_dict()
    (Fraction(1, 2), Fraction(1, 2), {'A': Fraction(1, 2), 'B': Fraction(1, 2)})
    >>> a.to_dict(numbers="float")
    {'A': 0.5, 'B': 0.5}
    >>> print(a.latex())
    \\begin{aligned}\\text{A} &: \\frac{1}{2}\\\\ \\text{B} &: \\frac{1}{2}\\end{aligned}
    """

    values: tuple[Any, ...]
    players: tuple[str, ...]
    method: str
    exact: bool = False
    info: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def payoffs(self) -> tuple[Any, ...]:
        """The values, under the name every result uses."""
        return self.values

    def payoffs_by_player(self) -> dict[str, Any]:
        """``{player: value}`` as stored (``Fraction`` when exact)."""
        return dict(zip(self.players, self.values, strict=True))

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            try:
                return self.values[self.players.index(key)]
            except ValueError:
                raise KeyError(f"{key!r} is not a player; players are {self.players}") from None
        return self.values[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """``{player: value}``; ``numbers="plain"`` gives plain Python numbers (integral
        rationals as ``int``), the other :data:`solvers.result.NUMBER_FORMS` as named."""
        if numbers == "plain":
            return {p: _plain(x) for p, x in zip(self.players, self.values, strict=True)}
        return {
            p: convert_number(x, numbers) for p, x in zip(self.players, self.values, strict=True)
        }

    def to_array(self) -> np.ndarray:
        """The values as a ``float64`` array."""
        return np.array([float(x) for x in self.values])

    def __repr__(self) -> str:
        body = ", ".join(f"{p}: {fmt(x)}" for p, x in zip(self.players, self.values, strict=True))
        tags = ["exact" if self.exact else "float", self.method]
        extra = [f"{k}={fmt(v)}" for k, v in self.info.items() if not isinstance(v, tuple | dict)]
        return f"Allocation({body} | {' | '.join(tags + extra)})"
