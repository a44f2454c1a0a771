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

The code lives in one module per concept, all re-exported here:
:mod:`solvers.continuous_problem` (the game as sympy data),
:mod:`solvers.continuous_signs` (exact signs), :mod:`solvers.continuous_concavity`,
:mod:`solvers.continuous_maximize` (global maximization in one variable),
:mod:`solvers.continuous_best_response`, :mod:`solvers.continuous_verify` (regrets),
:mod:`solvers.continuous_exact` and :mod:`solvers.continuous_numeric` (KKT points),
:mod:`solvers.continuous_result` (result types) and :mod:`solvers.continuous_equilibria`
(the search that ties them together).
"""

from __future__ import annotations

from solvers.continuous_best_response import BestResponse, best_response
from solvers.continuous_best_response import _cond_le as _cond_le
from solvers.continuous_best_response import _possible as _possible
from solvers.continuous_best_response import _stationary_points as _stationary_points
from solvers.continuous_concavity import _factor_sign as _factor_sign
from solvers.continuous_concavity import _nonpositive_where_defined as _nonpositive_where_defined
from solvers.continuous_concavity import _window as _window
from solvers.continuous_concavity import concavity
from solvers.continuous_equilibria import _active as _active
from solvers.continuous_equilibria import _build as _build
from solvers.continuous_equilibria import _rosen_unique as _rosen_unique
from solvers.continuous_equilibria import equilibria
from solvers.continuous_exact import MAX_BEZOUT as MAX_BEZOUT
from solvers.continuous_exact import MAX_CASES as MAX_CASES
from solvers.continuous_exact import _cases as _cases
from solvers.continuous_exact import _polynomial_system as _polynomial_system
from solvers.continuous_exact import _same_point as _same_point
from solvers.continuous_exact import solve_exact
from solvers.continuous_maximize import _real_roots as _real_roots
from solvers.continuous_maximize import exact_max_on_interval, maximize_1d
from solvers.continuous_numeric import _box as _box
from solvers.continuous_numeric import _damped_projection as _damped_projection
from solvers.continuous_numeric import _lambdified as _lambdified
from solvers.continuous_numeric import _polish as _polish
from solvers.continuous_numeric import best_response_iteration, solve_numeric
from solvers.continuous_problem import ContinuousProblem
from solvers.continuous_result import (
    ContinuousEquilibria,
    ContinuousEquilibrium,
    MultipleEquilibriaWarning,
    NoEquilibriumFound,
)
from solvers.continuous_result import _fmt as _fmt
from solvers.continuous_result import _plain as _plain
from solvers.continuous_signs import _le as _le
from solvers.continuous_signs import _real_value as _real_value
from solvers.continuous_signs import _sign as _sign
from solvers.continuous_signs import _symbol_with_domain as _symbol_with_domain
from solvers.continuous_signs import domain_substitution
from solvers.continuous_verify import _exact_own_max as _exact_own_max
from solvers.continuous_verify import _own_payoff_function as _own_payoff_function
from solvers.continuous_verify import verify_profile
from solvers.verify import DEFAULT_RTOL as DEFAULT_RTOL

# The ``name as name`` imports above keep every name that was importable from this module
# before it was split, private helpers included (solvers.aggregative,
# solvers.comparative_statics and solvers.stackelberg use some of them).
__all__ = [
    "BestResponse",
    "ContinuousEquilibria",
    "ContinuousEquilibrium",
    "ContinuousProblem",
    "MultipleEquilibriaWarning",
    "NoEquilibriumFound",
    "best_response",
    "best_response_iteration",
    "concavity",
    "domain_substitution",
    "equilibria",
    "exact_max_on_interval",
    "maximize_1d",
    "solve_exact",
    "solve_numeric",
    "verify_profile",
]
