"""Cooperative games: values, the core, the nucleolus, voting power and coalition stability.

A transferable-utility game on players ``0 .. n-1`` is a *characteristic vector* ``v`` of
length 2^n in **bitmask order**: coalition ``S`` is the integer with bit ``i`` set iff
player ``i`` is in ``S`` (``v[0]`` is the empty coalition, ``v[2**n - 1]`` the grand
coalition); :func:`characteristic_vector` builds one from a function, a mapping or a
sequence. Integer, ``Fraction`` and sympy-rational games are solved exactly (``Fraction``
results); float games in floats.

* values: :func:`shapley_value` (Shapley 1953; one vectorized pass over the 2^n
  coalitions), :func:`banzhaf_value` (raw; :func:`normalize` for the normalized index),
  :func:`shapley_value_permutations` (the plain definition, for checks);
* the core and the least core: :func:`in_core`, :func:`least_core` (one LP with scipy's
  HiGHS, certified exactly for rational games);
* :func:`nucleolus` (Schmeidler 1969; sequence of LPs, certified exactly by Kohlberg's
  criterion, :func:`kohlberg_check`), and the prenucleolus (``imputations=False``);
* voting power in (vector-)weighted voting games: :func:`voting_power` and
  :func:`swing_counts` (generating functions, exact integers, no table of coalitions);
* coalition formation with externalities: :func:`stable_coalitions` and
  :func:`stable_sizes` (internal/external stability with an explicit tie rule);
* :class:`Allocation` -- the result shape (values keyed by player, method, exact flag).

Examples
--------
>>> from solvers.coalitional import characteristic_vector, shapley_value, nucleolus
>>> v = characteristic_vector(lambda s: int(0 in s and len(s) >= 3), n=5)   # veto player 0
>>> shapley_value(v)
[Fraction(3, 5), Fraction(1, 10), Fraction(1, 10), Fraction(1, 10), Fraction(1, 10)]
>>> nucleolus(v)[0]                                   # the veto player takes everything
[Fraction(1, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1)]
"""

from solvers.coalitional._banzhaf import banzhaf_value, normalize
from solvers.coalitional._core import CoalitionalWarning, in_core, least_core
from solvers.coalitional._input import MAX_PLAYERS, characteristic_vector, popcounts
from solvers.coalitional._nucleolus import kohlberg_check, nucleolus
from solvers.coalitional._result import Allocation
from solvers.coalitional._shapley import shapley_value, shapley_value_permutations
from solvers.coalitional._stability import stable_coalitions, stable_sizes
from solvers.coalitional._voting import swing_counts, voting_power

__all__ = [
    "MAX_PLAYERS",
    "Allocation",
    "CoalitionalWarning",
    "banzhaf_value",
    "characteristic_vector",
    "in_core",
    "kohlberg_check",
    "least_core",
    "normalize",
    "nucleolus",
    "popcounts",
    "shapley_value",
    "shapley_value_permutations",
    "stable_coalitions",
    "stable_sizes",
    "swing_counts",
    "voting_power",
]
