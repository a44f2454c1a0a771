"""Nash equilibria of finite games given as payoff arrays (any number of players).

:func:`equilibria` is the dispatcher: it picks the method that cannot miss and reports how
it knows. Each method is also a function of its own, under the same name as in the
dispatcher's table :data:`METHODS`:

================================  ===========================================================
function                          finds
================================  ===========================================================
:func:`vertex_enumeration`        every extreme equilibrium of a two-player game (default)
:func:`support_enumeration`       all equilibria of a nondegenerate two-player game
:func:`lemke_howson`              one equilibrium of a two-player game, from one label
:func:`lemke_howson_all_labels`   one equilibrium per initial label
:func:`pure_equilibria`           every pure equilibrium, any number of players
:func:`polynomial_equilibria`     all equilibria of small games of any number of players
:func:`zero_sum_lp`               every extreme equilibrium of a zero-sum game (default there)
:func:`symbolic_equilibria`       two-player games with sympy payoffs, solved symbolically
:func:`equilibria_by_region`      games with free parameters: regions and equilibria in each
================================  ===========================================================

:func:`iter_equilibria` yields the equilibria of the enumerations as they are found
(with ``progress=``), the same set as :func:`equilibria`.
:func:`random_game_experiment` solves many random games (on any executor) and tabulates
the equilibria found. :func:`iterated_elimination` removes strictly dominated strategies
(pure or mixed).
Regrets, tolerances and :func:`is_nash` are in :mod:`solvers.verify`.

Examples
--------
>>> import numpy as np
>>> from solvers.finite import equilibria
>>> A = np.array([[3, 0], [5, 1]])           # prisoner's dilemma
>>> eqs = equilibria([A, A.T], exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete, eqs.method
([['0', '1'], ['0', '1']], True, 'vertex_enumeration')
"""

from solvers.finite._components import (
    EquilibriumComponent,
    component_on_support,
    components_from_extreme_points,
    equilibrium_components,
)
from solvers.finite._correlated import (
    CorrelatedConstraints,
    CorrelatedEquilibrium,
    correlated_equilibrium,
    correlated_equilibrium_constraints,
    is_correlated_equilibrium,
)
from solvers.finite._dominance import DominanceResult, EliminationStep, iterated_elimination
from solvers.finite._equilibria import (
    METHODS,
    VERTEX_BOUND_LIMIT,
    EnumerationTooLargeError,
    equilibria,
)
from solvers.finite._experiments import (
    RandomGameExperiment,
    random_game,
    random_game_experiment,
)
from solvers.finite._iterate import STREAMING_METHODS, iter_equilibria
from solvers.finite._lemke_howson import lemke_howson, lemke_howson_all_labels
from solvers.finite._polynomial import polynomial_equilibria, support_profiles
from solvers.finite._pure import best_response_masks, pure_equilibria, pure_profiles
from solvers.finite._qre import (
    LogitPath,
    QuantalResponseEquilibrium,
    logit_qre,
    logit_qre_path,
    path_following_equilibrium,
)
from solvers.finite._regions import (
    Region,
    RegionMap,
    equilibria_by_region,
    piecewise_max,
    simplify_condition,
)
from solvers.finite._regions_space import (
    ParameterSpace,
    canonical_factors,
    normalize_assumptions,
    relation,
)
from solvers.finite._support import support_enumeration
from solvers.finite._symbolic import UndecidedConditionError, symbolic_equilibria
from solvers.finite._tracing import path_following_equilibria
from solvers.finite._vertex import is_degenerate, vertex_enumeration
from solvers.finite._zero_sum import is_zero_sum, zero_sum_lp

__all__ = [
    "METHODS",
    "STREAMING_METHODS",
    "VERTEX_BOUND_LIMIT",
    "CorrelatedConstraints",
    "CorrelatedEquilibrium",
    "DominanceResult",
    "EliminationStep",
    "EnumerationTooLargeError",
    "EquilibriumComponent",
    "LogitPath",
    "ParameterSpace",
    "QuantalResponseEquilibrium",
    "RandomGameExperiment",
    "Region",
    "RegionMap",
    "UndecidedConditionError",
    "best_response_masks",
    "canonical_factors",
    "component_on_support",
    "components_from_extreme_points",
    "correlated_equilibrium",
    "correlated_equilibrium_constraints",
    "equilibria",
    "equilibria_by_region",
    "equilibrium_components",
    "is_correlated_equilibrium",
    "is_degenerate",
    "is_zero_sum",
    "iter_equilibria",
    "iterated_elimination",
    "lemke_howson",
    "lemke_howson_all_labels",
    "logit_qre",
    "logit_qre_path",
    "normalize_assumptions",
    "path_following_equilibria",
    "path_following_equilibrium",
    "piecewise_max",
    "polynomial_equilibria",
    "pure_equilibria",
    "pure_profiles",
    "random_game",
    "random_game_experiment",
    "relation",
    "simplify_condition",
    "support_enumeration",
    "support_profiles",
    "symbolic_equilibria",
    "vertex_enumeration",
    "zero_sum_lp",
]
