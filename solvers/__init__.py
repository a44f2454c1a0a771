"""Algorithms that solve games given as plain arrays or sympy systems.

``solvers`` knows nothing about alliances or figures: payoff arrays (numpy, ``Fraction``
or sympy entries) go in, verified equilibria come out (see :mod:`solvers.result`).

Examples
--------
>>> import numpy as np
>>> from solvers import is_nash
>>> A = np.array([[3, 0], [5, 1]])
>>> is_nash([A, A.T], [np.array([0., 1.]), np.array([0., 1.])])
True
"""

from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, expected_payoffs, is_nash, payoff_scale, regret, tolerance

__all__ = [
    "DEFAULT_RTOL",
    "Equilibria",
    "Equilibrium",
    "expected_payoffs",
    "is_nash",
    "payoff_scale",
    "regret",
    "tolerance",
]
