"""Coalition formation with externalities: one coalition facing singletons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from games.coalitional._game import _player_names
from solvers.coalitional import stable_coalitions, stable_sizes

__all__ = ["CoalitionFormationGame", "CoalitionStability", "SymmetricCoalitionFormation"]


@dataclass(frozen=True)
class CoalitionStability:
    """A coalition with its internal and external stability."""

    members: tuple[str, ...]
    internal: bool
    external: bool

    @property
    def stable(self) -> bool:
        """Internally and externally stable."""
        return self.internal and self.external


class CoalitionFormationGame:
    """Players form one coalition; everybody else acts alone (a cartel / club game with
    externalities on outsiders; d'Aspremont et al. 1983, Carraro & Siniscalco 1993).

    Parameters
    ----------
    players : int or sequence of str
        Number of players or their names.
    member : callable
        ``member(S, i)`` -- payoff of member ``i`` when the coalition is ``S`` (a frozenset
        of player names).
    outsider : callable
        ``outsider(S, j)`` -- payoff of non-member ``j`` when the coalition is ``S`` (may be
        empty).

    Examples
    --------
    A hegemon H gives members a market worth 4 shared equally and taxes outsiders by 1.

    >>> def member(S, i): return 4 / len(S)
    >>> def outsider(S, j): return 1.0 if not S else 1.0 - ("H" in S)
    >>> g = CoalitionFormationGame(["H", "A", "B"], member, outsider)
    >>> [c.members for c in g.stable_coalitions()]
    [('H', 'A', 'B')]
    """

    def __init__(
        self,
        players: int | Sequence[Any],
        member: Callable[[frozenset[str], str], Any],
        outsider: Callable[[frozenset[str], str], Any],
    ) -> None:
        self.players, _ = _player_names(players)
        self.n = len(self.players)
        if not callable(member) or not callable(outsider):
            raise TypeError("member and outsider must be callables (coalition, player) -> payoff")
        self._member, self._outsider = member, outsider

    def _wrap(
        self, f: Callable[[frozenset[str], str], Any]
    ) -> Callable[[frozenset[int], int], Any]:
        names = self.players
        return lambda s, i: f(frozenset(names[k] for k in s), names[i])

    def stability(
        self, join_if_indifferent: bool | None = True, min_size: int = 1
    ) -> list[CoalitionStability]:
        """Every coalition with its stability (see :func:`solvers.coalitional.stable_coalitions`
        for the tie rule: ``True`` = indifferent members stay and indifferent outsiders join,
        ``False`` = indifferent players stay out, ``None`` = weak inequalities both ways)."""
        rows = stable_coalitions(
            self.n,
            self._wrap(self._member),
            self._wrap(self._outsider),
            join_if_indifferent,
            min_size,
        )
        return [
            CoalitionStability(tuple(self.players[i] for i in sorted(s)), a, b) for s, a, b in rows
        ]

    def stable_coalitions(
        self, join_if_indifferent: bool | None = True, min_size: int = 1
    ) -> list[CoalitionStability]:
        """All internally and externally stable coalitions."""
        return [c for c in self.stability(join_if_indifferent, min_size) if c.stable]


class SymmetricCoalitionFormation:
    """Symmetric coalition formation: payoffs depend only on the coalition size.

    Parameters
    ----------
    n : int
        Number of players.
    member : callable or sequence
        ``member(k)``: a member's payoff in a coalition of ``k`` (``k = 1 .. n``).
    outsider : callable or sequence
        ``outsider(k)``: a non-member's payoff when ``k`` players cooperate
        (``k = 0 .. n - 1``).

    Examples
    --------
    Barrett (1994): benefit ``b*Q``, cost ``c*q**2/2``; with b = c = 1 and N = 10 the
    unique stable size is 3 (an indifferent outsider joins); with weak inequalities
    on both sides 2 is stable as well.

    >>> from fractions import Fraction as F
    >>> pi_s = lambda k: F(2 * 10 + k**2 - 2 * k, 2)          # member, coalition of k
    >>> pi_n = lambda k: F(2 * 10 + 2 * k**2 - 2 * k - 1, 2)  # outsider, k cooperate
    >>> g = SymmetricCoalitionFormation(10, pi_s, pi_n)
    >>> g.stable_sizes(), g.stable_sizes(join_if_indifferent=None)
    ([3], [2, 3])
    """

    def __init__(
        self,
        n: int,
        member: Callable[[int], Any] | Sequence[Any],
        outsider: Callable[[int], Any] | Sequence[Any],
    ) -> None:
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be a positive integer, got {n!r}")
        self.n = n
        self.member, self.outsider = member, outsider

    def stable_sizes(
        self, join_if_indifferent: bool | None = True, min_size: int = 1
    ) -> list[int]:
        """The stable coalition sizes under the tie rule (see :class:`CoalitionFormationGame`)."""
        return stable_sizes(self.n, self.member, self.outsider, join_if_indifferent, min_size)
