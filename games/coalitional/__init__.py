"""Cooperative games: who gets what, who holds power in a vote, which coalitions hold.

* :class:`CoalitionalGame` -- a transferable-utility game ``(N, v)``; ``v`` is a callable
  on frozensets of players, a mapping from coalitions to worths, or a vector of the 2^n
  worths in **bitmask order** (coalition S <-> the integer with bit i set iff player i is
  in S). Methods: ``shapley()``, ``banzhaf(normalized=False)``, ``core()``,
  ``core_point()``, ``in_core(x)``, ``least_core()``, ``nucleolus()``,
  ``prenucleolus()``; exact (``Fraction``) for integer and rational games.
* :class:`WeightedVotingGame` ``[q; w_1, ..., w_n]`` and
  :class:`VectorWeightedVotingGame` (several weights and quotas at once, like the EU
  Council's double majority): ``shapley_shubik()``, ``banzhaf(normalized=True)``,
  ``is_winning(S)`` and ``.game`` (the simple game as a :class:`CoalitionalGame`).
  Indices are computed by generating functions in exact integers (hundreds of players).
* :class:`CoalitionFormationGame` and :class:`SymmetricCoalitionFormation` -- one
  coalition facing singletons, with payoffs of members and outsiders (externalities);
  internal/external stability with an explicit tie rule ``join_if_indifferent``.

Results are :class:`~solvers.coalitional.Allocation` objects (values keyed by player,
``to_dict()``, ``exact``, ``method``).

Examples
--------
The veto-hegemon game: H and at least 2 of 4 allies are needed (Shapley value
``(N - m + 1)/(N + 1)`` for H); the core gives H everything.

>>> from games.coalitional import CoalitionalGame, WeightedVotingGame
>>> g = CoalitionalGame(["H", "A1", "A2", "A3", "A4"],
...                     lambda s: int("H" in s and len(s) >= 3))
>>> g.shapley()
Allocation(H: 3/5, A1: 1/10, A2: 1/10, A3: 1/10, A4: 1/10 | exact | shapley)
>>> g.core_point().to_dict()
{'H': 1, 'A1': 0, 'A2': 0, 'A3': 0, 'A4': 0}

Voting power is not proportional to weight:

>>> WeightedVotingGame([50, 49, 1], 51).shapley_shubik().to_dict()
{'0': Fraction(2, 3), '1': Fraction(1, 6), '2': Fraction(1, 6)}
"""

from games.coalitional._formation import (
    CoalitionFormationGame,
    CoalitionStability,
    SymmetricCoalitionFormation,
)
from games.coalitional._game import CoalitionalGame, Core
from games.coalitional._voting import VectorWeightedVotingGame, WeightedVotingGame
from solvers.coalitional import Allocation

__all__ = [
    "Allocation",
    "CoalitionFormationGame",
    "CoalitionStability",
    "CoalitionalGame",
    "Core",
    "SymmetricCoalitionFormation",
    "VectorWeightedVotingGame",
    "WeightedVotingGame",
]
