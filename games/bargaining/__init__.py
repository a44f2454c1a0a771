r"""Bargaining problems: who gets what when two parties can agree or fall back.

:class:`BargainingProblem` is a feasible set of payoff pairs (a frontier function, a
polygon of outcomes, a game's payoff pairs, or transferable utility) with a disagreement
point; it solves itself under Nash (symmetric and weighted), Kalai-Smorodinsky,
Rubinstein alternating offers (and their fast-offer limit), fixed and variable threats
(transferable utility), and alternatives to agreement entered as a threat point or an
outside option. The algorithms are in :mod:`solvers.bargaining`.

Examples
--------
>>> from fractions import Fraction as F
>>> from games.bargaining import BargainingProblem
>>> p = BargainingProblem.from_points([(0, 1), (2, 0)])   # frontier u2 = 1 - u1/2
>>> p.nash().payoffs, p.kalai_smorodinsky().payoffs
((1, 1/2), (1, 1/2))
>>> p.rubinstein(F(9, 10), F(9, 10)).payoffs
(20/19, 9/19)
"""

from games.bargaining._problem import PROTOCOLS, BargainingProblem

__all__ = ["PROTOCOLS", "BargainingProblem"]
