"""Algorithms that solve games given as plain arrays or sympy systems.

``solvers`` knows nothing about alliances or figures: payoff arrays (numpy, ``Fraction``
or sympy entries) go in, verified equilibria come out (see :mod:`solvers.result`). One
subpackage per family of games:

* :mod:`solvers.finite` -- finite games (normal form): :func:`equilibria` picks the method
  that cannot miss; every method is also available by name;
* :mod:`solvers.continuous` -- games with continuous strategies (KKT enumeration, numeric
  roots, Stackelberg, aggregative games, comparative statics).

:mod:`solvers.verify` checks any profile (regret with a scale-aware tolerance), and
:mod:`solvers.result` is the result shape every solver returns.

Examples
--------
>>> import numpy as np
>>> from solvers import equilibria, is_nash
>>> A = np.array([[3, 0], [5, 1]])
>>> eqs = equilibria([A, A.T])
>>> eqs.method, is_nash([A, A.T], eqs[0].strategies)
('vertex_enumeration', True)
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("blocgames")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"


from solvers.finite import (
    METHODS,
    CorrelatedEquilibrium,
    EquilibriumComponent,
    QuantalResponseEquilibrium,
    correlated_equilibrium,
    correlated_equilibrium_constraints,
    equilibria,
    equilibria_by_region,
    equilibrium_components,
    is_degenerate,
    iter_equilibria,
    iterated_elimination,
    lemke_howson,
    lemke_howson_all_labels,
    logit_qre,
    logit_qre_path,
    path_following_equilibria,
    path_following_equilibrium,
    polynomial_equilibria,
    pure_equilibria,
    random_game_experiment,
    support_enumeration,
    symbolic_equilibria,
    vertex_enumeration,
    zero_sum_lp,
)
from solvers.result import DegenerateGameWarning, Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, expected_payoffs, is_nash, payoff_scale, regret, tolerance

__all__ = [
    "DEFAULT_RTOL",
    "METHODS",
    "CorrelatedEquilibrium",
    "DegenerateGameWarning",
    "Equilibria",
    "Equilibrium",
    "EquilibriumComponent",
    "QuantalResponseEquilibrium",
    "__version__",
    "correlated_equilibrium",
    "correlated_equilibrium_constraints",
    "equilibria",
    "equilibria_by_region",
    "equilibrium_components",
    "expected_payoffs",
    "is_degenerate",
    "is_nash",
    "iter_equilibria",
    "iterated_elimination",
    "lemke_howson",
    "lemke_howson_all_labels",
    "logit_qre",
    "logit_qre_path",
    "path_following_equilibria",
    "path_following_equilibrium",
    "payoff_scale",
    "polynomial_equilibria",
    "pure_equilibria",
    "random_game_experiment",
    "regret",
    "support_enumeration",
    "symbolic_equilibria",
    "tolerance",
    "vertex_enumeration",
    "zero_sum_lp",
]
