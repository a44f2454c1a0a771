"""Equilibrium results: what was found, how, and how well it was checked.

Every solver in :mod:`solvers` returns an :class:`Equilibria` collection (a ``list`` of
:class:`Equilibrium`) that records the method, whether arithmetic was exact, whether the
game was found degenerate and whether the method is guaranteed to have found every
(extreme) equilibrium. Each :class:`Equilibrium` carries its own regret, computed
independently of the method that found it (see :mod:`solvers.verify`).

Examples
--------
>>> import numpy as np
>>> from solvers.result import Equilibrium
>>> A = np.array([[3, 0], [5, 1]]); B = A.T   # prisoner's dilemma
>>> eq = Equilibrium.from_profile([A, B], [np.array([0.0, 1.0]), np.array([0.0, 1.0])],
...                               method="example")
>>> eq.supports, eq.payoffs, float(eq.regret)
(((1,), (1,)), (1.0, 1.0), 0.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers._numbers import fmt as _fmt
from solvers._numbers import plain as _plain
from solvers.verify import expected_payoffs, regret

__all__ = ["DegenerateGameWarning", "Equilibria", "Equilibrium"]


class DegenerateGameWarning(UserWarning):
    """The game is degenerate: equilibria may form connected sets (all extreme points are
    still listed by vertex enumeration).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from solvers.finite._vertex import vertex_enumeration
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     eqs = vertex_enumeration(np.zeros((2, 2)), np.zeros((2, 2)))
    >>> caught[0].category.__name__, len(eqs)
    ('DegenerateGameWarning', 4)
    """


def _is_zero(value: Any) -> bool:
    """True when a probability is exactly zero (exact) or not positive (float)."""
    if isinstance(value, float | np.floating):
        return not value > 0.0
    is_zero = getattr(value, "is_zero", None)  # sympy
    if is_zero is not None:
        return bool(is_zero)
    return value == 0


@dataclass(frozen=True, eq=False)
class Equilibrium:
    """One Nash equilibrium: a mixed strategy per player and how it was checked.

    Parameters
    ----------
    strategies : tuple of numpy.ndarray
        One probability vector per player (``float64``; ``object`` arrays of
        ``Fraction`` or sympy expressions when exact or symbolic).
    payoffs : tuple
        Expected payoff of each player at the profile.
    regret : float, Fraction or sympy expression
        Largest gain any player could get by deviating to a pure strategy; zero for an
        exact equilibrium.
    method : str
        Name of the algorithm that found it.
    exact : bool
        Whether strategies, payoffs and regret are exact (rational or symbolic).
    players, strategy_labels : tuple of str, optional
        Labels used by ``repr`` and :meth:`to_dict`.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[F(1), F(-1)], [F(-1), F(1)]], dtype=object)   # matching pennies
    >>> half = np.array([F(1, 2), F(1, 2)], dtype=object)
    >>> eq = Equilibrium.from_profile([A, -A], [half, half], method="by hand", exact=True)
    >>> eq.with_labels(("Row", "Col"), (("H", "T"), ("H", "T")))
    Equilibrium(Row: {H: 1/2, T: 1/2}; Col: {H: 1/2, T: 1/2} | payoffs=(0, 0) | exact | by hand)
    >>> eq.to_dict()["regret"]
    Fraction(0, 1)
    """

    strategies: tuple[np.ndarray, ...]
    payoffs: tuple[Any, ...]
    regret: Any
    method: str
    exact: bool = False
    players: tuple[str, ...] | None = None
    strategy_labels: tuple[tuple[str, ...], ...] | None = None
    supports: tuple[tuple[int, ...], ...] = field(init=False)

    def __post_init__(self) -> None:
        supports = tuple(
            tuple(int(k) for k, p in enumerate(s) if not _is_zero(p)) for s in self.strategies
        )
        object.__setattr__(self, "supports", supports)

    @classmethod
    def from_profile(
        cls,
        payoffs: Sequence[np.ndarray],
        strategies: Sequence[np.ndarray],
        method: str,
        exact: bool = False,
        players: Sequence[str] | None = None,
        strategy_labels: Sequence[Sequence[str]] | None = None,
    ) -> Equilibrium:
        """Build an equilibrium from a profile, computing payoffs and regret afresh."""
        strategies = tuple(np.asarray(s) for s in strategies)
        pure_values = expected_payoffs(payoffs, strategies)
        values = tuple(_dot(v, s) for v, s in zip(pure_values, strategies, strict=True))
        player_regret = regret(payoffs, strategies)
        worst = max(player_regret) if exact else float(np.max(player_regret))
        return cls(
            strategies=strategies,
            payoffs=values if exact else tuple(float(v) for v in values),
            regret=worst,
            method=method,
            exact=exact,
            players=tuple(players) if players is not None else None,
            strategy_labels=(
                tuple(tuple(s) for s in strategy_labels) if strategy_labels is not None else None
            ),
        )

    def with_labels(
        self, players: Sequence[str], strategy_labels: Sequence[Sequence[str]]
    ) -> Equilibrium:
        """A copy carrying player and strategy labels."""
        return Equilibrium(
            strategies=self.strategies,
            payoffs=self.payoffs,
            regret=self.regret,
            method=self.method,
            exact=self.exact,
            players=tuple(players),
            strategy_labels=tuple(tuple(s) for s in strategy_labels),
        )

    def _player_names(self) -> tuple[str, ...]:
        if self.players is not None:
            return self.players
        return tuple(f"player {i}" for i in range(len(self.strategies)))

    def _labels(self, i: int) -> tuple[str, ...]:
        if self.strategy_labels is not None:
            return self.strategy_labels[i]
        return tuple(str(k) for k in range(len(self.strategies[i])))

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form: players to {strategy label: probability}, payoffs, regret.

        Exact numbers stay ``Fraction``; symbolic ones become strings.
        """
        names = self._player_names()
        return {
            "strategies": {
                name: {
                    lab: _plain(p)
                    for lab, p in zip(self._labels(i), self.strategies[i], strict=True)
                }
                for i, name in enumerate(names)
            },
            "payoffs": {name: _plain(v) for name, v in zip(names, self.payoffs, strict=True)},
            "supports": {
                name: [self._labels(i)[k] for k in self.supports[i]]
                for i, name in enumerate(names)
            },
            "regret": _plain(self.regret),
            "exact": self.exact,
            "method": self.method,
        }

    def __repr__(self) -> str:
        names = self._player_names()
        parts = []
        for i, name in enumerate(names):
            labs = self._labels(i)
            probs = ", ".join(
                f"{labs[k]}: {_fmt(self.strategies[i][k])}" for k in self.supports[i]
            )
            parts.append(f"{name}: {{{probs}}}")
        pay = ", ".join(_fmt(v) for v in self.payoffs)
        kind = "exact" if self.exact else f"regret={_fmt(self.regret)}"
        return f"Equilibrium({'; '.join(parts)} | payoffs=({pay}) | {kind} | {self.method})"


def _dot(values: np.ndarray, strategy: np.ndarray) -> Any:
    total = values[0] * strategy[0]
    for v, s in zip(values[1:], strategy[1:], strict=True):
        total = total + v * s
    return total


class Equilibria(list):
    """A list of :class:`Equilibrium` that records how it was computed.

    Attributes
    ----------
    method : str
        Algorithm used.
    exact : bool
        Whether arithmetic was exact.
    degenerate : bool or None
        Whether the game was detected to be degenerate (``None``: not examined).
    complete : bool
        Whether the method guarantees that every extreme equilibrium is in the list.
    tolerance : float or None
        Regret tolerance each float equilibrium was checked against.
    notes : tuple of str
        Warnings and caveats (degeneracy, incompleteness) in words.

    Examples
    --------
    >>> import numpy as np
    >>> from solvers.finite._vertex import vertex_enumeration
    >>> eqs = vertex_enumeration(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]))
    >>> len(eqs), eqs.method, eqs.degenerate, eqs.complete
    (1, 'vertex_enumeration', False, True)
    """

    def __init__(
        self,
        equilibria: Iterable[Equilibrium] = (),
        *,
        method: str,
        exact: bool = False,
        degenerate: bool | None = None,
        complete: bool = True,
        tolerance: float | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(equilibria)
        self.method = method
        self.exact = exact
        self.degenerate = degenerate
        self.complete = complete
        self.tolerance = tolerance
        self.notes = tuple(notes)

    def __repr__(self) -> str:
        head = (
            f"Equilibria({len(self)} found by {self.method}; exact={self.exact}, "
            f"degenerate={self.degenerate}, complete={self.complete})"
        )
        body = "".join(f"\n  {eq!r}" for eq in self)
        notes = "".join(f"\n  note: {n}" for n in self.notes)
        return head + body + notes
