"""Algorithms that solve games given as plain arrays or sympy systems.

``solvers`` knows nothing about alliances or figures: payoff arrays (numpy, ``Fraction``
or sympy entries) go in, verified equilibria come out (see :mod:`solvers.result`).
:func:`equilibria` picks the method that cannot miss; the methods are also available by
name (see :mod:`solvers.nash`).

Examples
--------
>>> import numpy as np
>>> from solvers import equilibria, is_nash
>>> A = np.array([[3, 0], [5, 1]])
>>> eqs = equilibria([A, A.T])
>>> eqs.method, is_nash([A, A.T], eqs[0].strategies)
('vertex_enumeration', True)
"""

from solvers.dominance import iterated_elimination
from solvers.nash import equilibria
from solvers.pivoting import lemke_howson, lemke_howson_all_labels
from solvers.polynomial import polynomial_equilibria
from solvers.pure import pure_equilibria
from solvers.result import DegenerateGameWarning, Equilibria, Equilibrium
from solvers.support import support_enumeration
from solvers.verify import DEFAULT_RTOL, expected_payoffs, is_nash, payoff_scale, regret, tolerance
from solvers.vertex import is_degenerate, vertex_enumeration

__all__ = [
    "DEFAULT_RTOL",
    "DegenerateGameWarning",
    "Equilibria",
    "Equilibrium",
    "equilibria",
    "expected_payoffs",
    "is_degenerate",
    "is_nash",
    "iterated_elimination",
    "lemke_howson",
    "lemke_howson_all_labels",
    "payoff_scale",
    "polynomial_equilibria",
    "pure_equilibria",
    "regret",
    "support_enumeration",
    "tolerance",
    "vertex_enumeration",
]
