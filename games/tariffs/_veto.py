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
:math:`H` still required. Characteristic functions are exposed as vectors over the
:math:`2^{N+1}` coalitions in *bitmask order*: entry :math:`s` is the value of the
coalition containing player :math:`i` iff bit :math:`i` of :math:`s` is set (:math:`H` is
bit 0). Solution concepts of general coalitional games belong to a coalitional-games
family; here the closed forms above are given, and :meth:`VetoHegemonGame.shapley` for the
weighted variant enumerates coalitions (small games only).

Examples
--------
>>> from games.tariffs import veto_hegemon
>>> g = veto_hegemon(N=4, m=2)
>>> g.shapley()
(3/5, 1/10, 1/10, 1/10, 1/10)
>>> g.core_point(), g.core_is_unique
((1, 0, 0, 0, 0), True)
"""

from __future__ import annotations

from collections.abc import Sequence
from math import factorial
from typing import Any

import numpy as np
import sympy as sp

from games.tariffs._inputs import integer, number

__all__ = ["VetoHegemonGame", "veto_hegemon", "weighted_veto_game"]


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
    """

    def __init__(self, weights: Sequence[Any], quota: Any, symmetric: bool) -> None:
        self.weights = tuple(weights)
        self.quota = quota
        self.symmetric = symmetric
        self.players = ("hegemon", *(f"ally {i + 1}" for i in range(len(weights))))

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
        if 0 not in members:
            return 0
        total = sum(self.weights[i - 1] for i in members if i != 0)
        return int(bool(total >= self.quota))

    def characteristic_vector(self) -> np.ndarray:
        """Values of all ``2**(N+1)`` coalitions in bitmask order (``int`` array)."""
        n = self.n_players
        masks = np.arange(2**n)
        w = np.array([0, *self.weights], dtype=object)
        bits = (masks[:, None] >> np.arange(n)) & 1
        ally_weight = (bits * w).sum(axis=1)
        return ((bits[:, 0] == 1) & (ally_weight >= self.quota)).astype(int)

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Shapley value of the symmetric game in symbols ``N, m``."""
        n, m = sp.symbols("N m", positive=True, integer=True)
        return {"shapley_hegemon": (n - m + 1) / (n + 1), "shapley_ally": m / (n * (n + 1))}

    def shapley(self) -> tuple[sp.Rational, ...]:
        """Shapley value (exact): closed form for the symmetric game, coalition enumeration
        for the weighted variant (at most 16 players)."""
        if self.symmetric:
            n, m = self.n_allies, int(self.quota)
            ally = sp.Rational(m, n * (n + 1))
            return (sp.Rational(n - m + 1, n + 1),) + (ally,) * n
        n = self.n_players
        if n > 16:
            raise ValueError(f"enumeration is for at most 16 players, got {n}")
        v = self.characteristic_vector()
        phi = [sp.Integer(0)] * n
        fact = [factorial(k) for k in range(n + 1)]
        for mask in range(2**n):
            s = bin(mask).count("1")
            for i in range(n):
                if not mask >> i & 1:
                    gain = int(v[mask | 1 << i]) - int(v[mask])
                    if gain:
                        phi[i] += sp.Rational(fact[s] * fact[n - s - 1] * gain, fact[n])
        return tuple(phi)

    @property
    def veto_players(self) -> tuple[int, ...]:
        """Players in every winning coalition (the hegemon, and every ally that cannot be
        replaced)."""
        v = self.characteristic_vector()
        grand = 2**self.n_players - 1
        return tuple(i for i in range(self.n_players) if v[grand ^ (1 << i)] == 0)

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
