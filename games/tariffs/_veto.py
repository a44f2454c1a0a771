r"""The cooperative view (c.5): a veto hegemon and its allies.

The hegemon :math:`H` (player 0) and :math:`N` allies. A coalition wins (value 1) iff it
contains :math:`H` and at least :math:`m` allies (:math:`1 \le m \le N`):
:math:`v(S) = \mathbf 1[H \in S,\ |S \setminus \{H\}| \ge m]`. The Shapley (1953) value is

.. math:: \varphi_H = \frac{N - m + 1}{N + 1}, \qquad \varphi_{\text{ally}} = \frac{m}{N(N+1)}

(:math:`H` is pivotal when it arrives after at least :math:`m` allies; an ally is pivotal
when it arrives after :math:`H` and exactly :math:`m - 1` allies). For :math:`m < N` every
ally is dispensable, so the core is the single point where :math:`H` gets everything (the
"compelled" allies get nothing); for :math:`m = N` everyone is a veto player and the core
is the whole simplex.

The weighted variant (:func:`weighted_veto_game`) gives allies weights and a quota, with
:math:`H` still required. Both are built from :mod:`games.coalitional`: the game is the
vector-weighted voting game with two criteria, "hegemon present" (quota 1) and "ally
weight" (the quota), so the Shapley value (the Shapley-Shubik index of this simple game)
and the Banzhaf index come from generating functions in exact integers for any number of
allies (:meth:`VetoHegemonGame.voting_game`), and :attr:`VetoHegemonGame.game` is the
:class:`~games.coalitional.CoalitionalGame` for the core, the nucleolus and any other
solution (up to 24 players). Its characteristic function, as a vector over the
:math:`2^{N+1}` coalitions in *bitmask order*, has entry :math:`s` equal to the value of
the coalition containing player :math:`i` iff bit :math:`i` of :math:`s` is set
(:math:`H` is bit 0).

Examples
--------
>>> from games.tariffs import veto_hegemon
>>> g = veto_hegemon(N=4, m=2)
>>> g.shapley()
(3/5, 1/10, 1/10, 1/10, 1/10)
>>> g.core_point(), g.core_is_unique
((1, 0, 0, 0, 0), True)
>>> g.game.core().point
Allocation(hegemon: 1, ally 1: 0, ally 2: 0, ally 3: 0, ally 4: 0 | exact | core point)
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from games.coalitional import Allocation, CoalitionalGame, Core, VectorWeightedVotingGame
from games.tariffs._inputs import integer, number

__all__ = ["VetoHegemonGame", "veto_hegemon", "weighted_veto_game"]


def _fraction(value: Any, name: str) -> Fraction:
    """An exact weight or quota; non-integral floats are refused (the voting indices
    count coalitions by exact weight totals)."""
    if not isinstance(value, numbers.Number | sp.Basic) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number, got {value!r} (text is never parsed)")
    v = sp.sympify(value)
    if isinstance(v, sp.Float) and float(v).is_integer():
        v = sp.Integer(int(v))
    if not isinstance(v, sp.Rational):
        raise ValueError(
            f"{name} = {value} must be an integer or a rational (e.g. Fraction(1, 2)): "
            "the veto game compares exact weight totals"
        )
    return Fraction(int(v.p), int(v.q))


def _rationals(values: Sequence[Any]) -> tuple[sp.Rational, ...]:
    return tuple(sp.Rational(Fraction(x).numerator, Fraction(x).denominator) for x in values)


class VetoHegemonGame:
    """A simple game in which the hegemon (player 0) is a veto player.

    Build with :func:`veto_hegemon` (symmetric allies, threshold ``m``) or
    :func:`weighted_veto_game` (ally weights and a quota).

    Attributes
    ----------
    players : tuple of str
        ``("hegemon", "ally 1", ...)``.
    weights : tuple
        Ally weights (all 1 in the symmetric game).
    quota : number
        Total ally weight a winning coalition needs besides the hegemon.
    voting_game : games.coalitional.VectorWeightedVotingGame
        The game as a double quota: ``[[1, 0], [0, w_1], ...]`` against ``[1, quota]``.
    """

    def __init__(self, weights: Sequence[Any], quota: Any, symmetric: bool) -> None:
        self.weights = tuple(weights)
        self.quota = quota
        self.symmetric = symmetric
        self.players = ("hegemon", *(f"ally {i + 1}" for i in range(len(weights))))
        rows = [[1, 0]] + [[0, _fraction(w, f"weights[{i}]")] for i, w in enumerate(weights)]
        self.voting_game = VectorWeightedVotingGame(
            rows,
            [1, _fraction(quota, "quota")],
            players=self.players,
            criteria=("hegemon present", "ally weight"),
        )

    def __repr__(self) -> str:
        if self.symmetric:
            return f"VetoHegemonGame(N={self.n_allies}, m={self.quota})"
        return f"VetoHegemonGame(weights={self.weights}, quota={self.quota})"

    @property
    def n_allies(self) -> int:
        return len(self.weights)

    @property
    def n_players(self) -> int:
        return len(self.weights) + 1

    def value(self, coalition: Any) -> int:
        """``v(S)`` for a coalition given as an iterable of player indices or a bitmask.

        Examples
        --------
        >>> g = veto_hegemon(4, 2)
        >>> g.value({0, 1, 2}), g.value({1, 2, 3, 4}), g.value(0b00111)
        (1, 0, 1)
        """
        if isinstance(coalition, int | np.integer):
            mask = int(coalition)
            members = [i for i in range(self.n_players) if mask >> i & 1]
        else:
            members = list(coalition)
        return int(self.voting_game.is_winning(members))

    @property
    def game(self) -> CoalitionalGame:
        """The simple game as a :class:`~games.coalitional.CoalitionalGame` (at most 24
        players): core, nucleolus, least core, Shapley and Banzhaf values.

        Examples
        --------
        >>> veto_hegemon(4, 2).game.nucleolus()
        Allocation(hegemon: 1, ally 1: 0, ally 2: 0, ally 3: 0, ally 4: 0 | exact | nucleolus)
        """
        return self.voting_game.game

    def characteristic_vector(self) -> np.ndarray:
        """Values of all ``2**(N+1)`` coalitions in bitmask order (``int`` array)."""
        return np.asarray(self.game.v, dtype=int)

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Shapley value of the symmetric game in symbols ``N, m``."""
        n, m = sp.symbols("N m", positive=True, integer=True)
        return {"shapley_hegemon": (n - m + 1) / (n + 1), "shapley_ally": m / (n * (n + 1))}

    def shapley(self) -> tuple[sp.Rational, ...]:
        """Shapley value (exact): the Shapley-Shubik index of the voting game, by
        generating functions (any number of allies).

        Examples
        --------
        >>> veto_hegemon(N=100, m=50).shapley()[:2]
        (51/101, 1/202)
        """
        return _rationals(self.voting_game.shapley_shubik().values)

    def banzhaf(self, normalized: bool = True) -> tuple[sp.Rational, ...]:
        """Banzhaf index (exact): normalized to sum 1, or raw (swings / 2^N).

        Examples
        --------
        >>> veto_hegemon(N=4, m=2).banzhaf()         # H swings in 11 of 16 sets, allies 3
        (11/23, 3/23, 3/23, 3/23, 3/23)
        """
        return _rationals(self.voting_game.banzhaf(normalized=normalized).values)

    @property
    def veto_players(self) -> tuple[int, ...]:
        """Players in every winning coalition (the hegemon, and every ally that cannot be
        replaced: the other allies' weight falls short of the quota without it)."""
        total = sum(self.weights)
        allies = tuple(i + 1 for i, w in enumerate(self.weights) if total - w < self.quota)
        return (0, *allies)

    @property
    def core_is_unique(self) -> bool:
        """The core of a simple game is the set of imputations giving everything to the veto
        players; it is a single point iff the hegemon is the only veto player."""
        return self.veto_players == (0,)

    def core_point(self) -> tuple[sp.Rational, ...]:
        """A core point: the grand-coalition value shared equally among veto players."""
        veto = self.veto_players
        share = sp.Rational(1, len(veto))
        return tuple(share if i in veto else sp.Integer(0) for i in range(self.n_players))

    def core(self) -> Core:
        """The core as the least-core LP of :attr:`game` decides it (nonempty: the hegemon
        is a veto player); at most 24 players."""
        return self.game.core()

    def nucleolus(self) -> Allocation:
        """The nucleolus of :attr:`game` (exact; at most 24 players)."""
        return self.game.nucleolus()


def veto_hegemon(N: int = 4, m: int = 2) -> VetoHegemonGame:
    """The veto-hegemon game with ``N`` allies, ``m`` of whom must join the hegemon.

    Examples
    --------
    >>> veto_hegemon(3, 3).core_is_unique          # m = N: every ally is a veto player
    False
    """
    n = integer(N, "N", low=1)
    q = integer(m, "m", low=1)
    if q > n:
        raise ValueError(f"m must be at most N={n}, got {m}")
    return VetoHegemonGame((1,) * n, q, symmetric=True)


def weighted_veto_game(weights: Sequence[Any], quota: Any) -> VetoHegemonGame:
    """Allies with weights (trade shares, votes); winning needs the hegemon and ``quota``.

    Examples
    --------
    >>> g = weighted_veto_game([3, 2, 1], quota=3)
    >>> g.shapley()
    (7/12, 1/4, 1/12, 1/12)
    """
    ws = tuple(number(w, f"weights[{i}]", low=0, closed=True) for i, w in enumerate(weights))
    if not ws:
        raise ValueError("weights must list at least one ally")
    q = number(quota, "quota", low=0)
    if q > sum(ws):
        raise ValueError(f"quota {quota} exceeds the allies' total weight {sum(ws)}")
    return VetoHegemonGame(ws, q, symmetric=False)
