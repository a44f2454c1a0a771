r"""Two-player bargaining solutions on convex feasible sets, exact where the data are.

A bargaining problem is a convex, comprehensive feasible set :math:`S` (given by its Pareto
frontier, see :mod:`solvers.bargaining._frontier` via :func:`polygon_frontier`,
:func:`curve_frontier`, :func:`transferable_utility`) and a disagreement point :math:`d`.

==================================  =======================================================
function                            solution
==================================  =======================================================
:func:`nash_solution`               Nash (1950), symmetric or weighted (generalized)
:func:`kalai_smorodinsky`           Kalai & Smorodinsky (1975): proportional to the ideal
:func:`rubinstein`                  Rubinstein (1982) alternating offers, any frontier
:func:`rubinstein_limit`            its limit as offers speed up: weighted Nash with
                                    weights ``r_j/(r_1 + r_2)`` (BRW 1986)
:func:`fixed_threat`                transferable utility, fixed threat point
:func:`variable_threat`             Nash (1953) optimal threats (a zero-sum threat game)
:func:`variable_threat_continuous`  the same with continuous threat variables
:func:`outside_option_solution`     alternatives as ``"threat_point"`` or
                                    ``"outside_option"`` (BRW outside-option principle)
==================================  =======================================================

Every solution is a :class:`BargainingSolution` (payoffs, disagreement point, weights,
agreement flag, method, exactness, protocol details). Rational inputs give exact
(sympy) outputs; sympy frontiers with parameters give symbolic ones.

Examples
--------
>>> from fractions import Fraction as F
>>> from solvers.bargaining import nash_solution, rubinstein, transferable_utility
>>> pie = transferable_utility(1)
>>> nash_solution(pie).payoffs, rubinstein(F(9, 10), F(9, 10)).payoffs
((1/2, 1/2), (10/19, 9/19))
"""

from solvers.bargaining._frontier import (
    CurveFrontier,
    Frontier,
    PolygonFrontier,
    curve_frontier,
    polygon_frontier,
    transferable_utility,
)
from solvers.bargaining._kalai_smorodinsky import kalai_smorodinsky
from solvers.bargaining._nash import nash_product, nash_solution, normalize_weights
from solvers.bargaining._outside_option import DISAGREEMENT_MODES, outside_option_solution
from solvers.bargaining._result import BargainingSolution
from solvers.bargaining._rubinstein import (
    discount_factors,
    limit_weights,
    rubinstein,
    rubinstein_limit,
)
from solvers.bargaining._threats import fixed_threat, variable_threat, variable_threat_continuous

__all__ = [
    "DISAGREEMENT_MODES",
    "BargainingSolution",
    "CurveFrontier",
    "Frontier",
    "PolygonFrontier",
    "curve_frontier",
    "discount_factors",
    "fixed_threat",
    "kalai_smorodinsky",
    "limit_weights",
    "nash_product",
    "nash_solution",
    "normalize_weights",
    "outside_option_solution",
    "polygon_frontier",
    "rubinstein",
    "rubinstein_limit",
    "transferable_utility",
    "variable_threat",
    "variable_threat_continuous",
]
