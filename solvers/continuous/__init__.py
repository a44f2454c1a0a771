r"""Best responses and Nash equilibria of continuous games with sympy payoffs.

Player :math:`i` chooses :math:`x_i \in [\ell_i, h_i]` to maximize :math:`u_i(x)`. Write
:math:`g_i = \partial u_i / \partial x_i`. At any equilibrium where payoffs are
differentiable, each player satisfies the KKT conditions of its one-dimensional problem:

.. math:: x_i = \ell_i,\; g_i \le 0 \quad\text{or}\quad \ell_i < x_i < h_i,\; g_i = 0
          \quad\text{or}\quad x_i = h_i,\; g_i \ge 0 .

They are necessary; with :math:`u_i` concave in :math:`x_i` they are also sufficient.

* **Exact** (:func:`solve_exact`): enumerate the *active set* (which bound binds for each
  player), solve the remaining first-order conditions with sympy (polynomial systems,
  after clearing denominators), keep the cases whose values lie within the bounds and
  whose multipliers have the right sign. Corners are never missed and nothing outside the
  bounds is returned (an unconstrained ``solve`` of the FOCs would give negative
  contributions for small allies). When every case is polynomial and solved completely,
  the list of KKT points is complete, so the equilibria found are all there are.
* **Numeric** (:func:`solve_numeric`): root finding on the natural map
  :math:`x - \Pi_{[\ell, h]}(x + g(x)) = 0` from several starts, polished by Newton's method
  on the active first-order system.
* **Verification** (:func:`verify_profile`), independent of how a profile was found:
  each player's strategy is compared with a *global* maximization of its payoff over its
  whole interval (exact critical points and bounds when possible, a dense grid refined by
  bounded Brent steps otherwise). A float profile passes when every regret is at most
  ``rtol`` times that player's payoff scale (the range of its payoff over its interval,
  infinite ends replaced by a window of width ``max(1, |x_i|)``), as in
  :mod:`solvers.verify`.
* **Uniqueness** is claimed only with a proof: the active-set enumeration was complete and
  found exactly one equilibrium, or the game is diagonally strictly concave with a
  constant Jacobian (Rosen 1965: :math:`J + J^T` negative definite).

Examples
--------
>>> import sympy as sp
>>> from solvers.continuous import ContinuousProblem, equilibria
>>> x, y = sp.symbols("x y")
>>> prob = ContinuousProblem((x, y), (-(x - y/2 - 1)**2, -(y - x/2 - 1)**2),
...                          ((0, 10), (0, 10)))
>>> eqs = equilibria(prob)
>>> eqs[0].strategies, eqs[0].exact, eqs.unique
({'player 0': 2, 'player 1': 2}, True, True)

The family also holds Stackelberg leadership (:func:`stackelberg`), aggregative games
solved through the aggregate (:func:`aggregative_equilibrium`,
:func:`symmetric_equilibrium`) and comparative statics (:func:`equilibrium_derivative`,
:func:`sweep`). One private module per concept: ``_problem`` (the game as sympy data),
``_domains``, ``_concavity``, ``_maximize`` (global maximization in one variable),
``_best_response``, ``_verify`` (regrets), ``_exact`` and ``_numeric`` (KKT points),
``_result``, ``_equilibria`` (the search that ties them together), ``_stackelberg``,
``_aggregative``, ``_statics`` and ``_regions`` (closed forms with free parameters, by
active set: :func:`equilibria_by_region`).
"""

from __future__ import annotations

from solvers.continuous._aggregative import (
    AggregativeEquilibrium,
    ReplacementFunction,
    SymmetricEquilibrium,
    aggregate_regrets,
    aggregative_equilibrium,
    replacement_function,
    symmetric_equilibrium,
)
from solvers.continuous._best_response import BestResponse, best_response
from solvers.continuous._concavity import concavity
from solvers.continuous._domains import domain_substitution
from solvers.continuous._equilibria import equilibria
from solvers.continuous._exact import solve_exact
from solvers.continuous._linear_aggregative import linear_aggregative_equilibrium
from solvers.continuous._maximize import exact_max_on_interval, maximize_1d
from solvers.continuous._numeric import best_response_iteration, solve_numeric
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._regions import (
    ContinuousRegion,
    ContinuousRegions,
    equilibria_by_region,
)
from solvers.continuous._result import (
    ContinuousEquilibria,
    ContinuousEquilibrium,
    MultipleEquilibriaWarning,
    NoEquilibriumFound,
)
from solvers.continuous._scalar import first_crossing, grid_maximum
from solvers.continuous._stackelberg import StackelbergEquilibrium, stackelberg
from solvers.continuous._statics import (
    StrictComplementarityWarning,
    SweepPlan,
    SweepResult,
    equilibrium_derivative,
    implicit_derivatives,
    sweep,
)
from solvers.continuous._verify import verify_profile

__all__ = [
    "AggregativeEquilibrium",
    "BestResponse",
    "ContinuousEquilibria",
    "ContinuousEquilibrium",
    "ContinuousProblem",
    "ContinuousRegion",
    "ContinuousRegions",
    "MultipleEquilibriaWarning",
    "NoEquilibriumFound",
    "ReplacementFunction",
    "StackelbergEquilibrium",
    "StrictComplementarityWarning",
    "SweepPlan",
    "SweepResult",
    "SymmetricEquilibrium",
    "aggregate_regrets",
    "aggregative_equilibrium",
    "best_response",
    "best_response_iteration",
    "concavity",
    "domain_substitution",
    "equilibria",
    "equilibria_by_region",
    "equilibrium_derivative",
    "exact_max_on_interval",
    "first_crossing",
    "grid_maximum",
    "implicit_derivatives",
    "linear_aggregative_equilibrium",
    "maximize_1d",
    "replacement_function",
    "solve_exact",
    "solve_numeric",
    "stackelberg",
    "sweep",
    "symmetric_equilibrium",
    "verify_profile",
]
