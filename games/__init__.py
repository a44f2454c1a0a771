"""What a game is: generic game classes and the applied models built from them.

Games hold players, strategies, symbolic payoffs (sympy) and parameters, and call
:mod:`solvers` to solve themselves. Nothing here draws figures.

* generic classes: :class:`NormalFormGame` (:mod:`games.normal_form`), :class:`ContinuousGame`,
  :class:`AggregativeGame`, :class:`SymmetricGame`, :class:`SequentialGame`
  (:mod:`games.continuous`), :class:`CoalitionalGame`, :class:`WeightedVotingGame`,
  :class:`VectorWeightedVotingGame` (:mod:`games.coalitional`), :class:`BargainingProblem`
  (:mod:`games.bargaining`: Nash, Kalai-Smorodinsky, Rubinstein, threats and outside
  options), :class:`Parameter` (:mod:`games.parameters`);
* :mod:`games.catalog` -- classic and literature games (``classic`` is also importable
  from here);
* applied models, one subpackage per argument: :mod:`games.alliance` (burden sharing and
  free riding), :mod:`games.influence` (the influence / cost-savings isoquants),
  :mod:`games.hedging` (allies hedging against an unreliable patron), :mod:`games.tariffs`
  (tariff wars, coalition stability, the coalition of the compelled), :mod:`games.capital`
  (capital flows, the inflow tax and the currency accord).

Examples
--------
>>> from games import NormalFormGame
>>> g = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])   # prisoner's dilemma
>>> [eq.supports for eq in g.equilibria()]
[((1,), (1,))]
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("blocgames")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"


from games import bargaining, capital, catalog, tariffs
from games.bargaining import BargainingProblem
from games.catalog import classic
from games.coalitional import CoalitionalGame, VectorWeightedVotingGame, WeightedVotingGame
from games.continuous import AggregativeGame, ContinuousGame, SequentialGame, SymmetricGame
from games.normal_form import NormalFormGame
from games.parameters import Parameter

__all__ = [
    "AggregativeGame",
    "BargainingProblem",
    "CoalitionalGame",
    "ContinuousGame",
    "NormalFormGame",
    "Parameter",
    "SequentialGame",
    "SymmetricGame",
    "VectorWeightedVotingGame",
    "WeightedVotingGame",
    "__version__",
    "bargaining",
    "capital",
    "catalog",
    "classic",
    "tariffs",
]
