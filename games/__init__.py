"""What a game is: generic game classes and the applied models built from them.

Games hold players, strategies, symbolic payoffs (sympy) and parameters, and call
:mod:`solvers` to solve themselves. Nothing here draws figures.

Examples
--------
>>> from games import NormalFormGame
>>> g = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])   # prisoner's dilemma
>>> [eq.supports for eq in g.equilibria()]
[((1,), (1,))]
"""

from games.continuous import AggregativeGame, ContinuousGame, SymmetricGame
from games.normal_form import NormalFormGame
from games.parameters import Parameter

__all__ = ["AggregativeGame", "ContinuousGame", "NormalFormGame", "Parameter", "SymmetricGame"]
