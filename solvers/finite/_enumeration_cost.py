r"""How long the complete polynomial method would take on a game, estimated up front.

The method solves one polynomial system per support profile that survives conditional
dominance (:func:`solvers.finite._support_screen.undominated_supports`). What a system
costs depends on its number of unknowns :math:`K = \sum_i (|S_i| - 1)`, on how many
players mix (:math:`p`, the degree of its equations) and on its route
(:func:`solvers.finite._polynomial._numeric_route`): certified subdivision up to 7-10
unknowns, a table by :math:`K` and :math:`p`; homotopy continuation beyond, in proportion
to its number of paths (the multi-homogeneous Bézout number,
:func:`solvers.finite._homotopy.homotopy_paths`) times :math:`K p`; structurally
overdetermined systems (no paths) are proved empty quickly. The estimate counts the
surviving support profiles by their sizes, which takes a fraction of a second even for
6x6x5 (123,039 support profiles), and adds up the per-system costs, fitted to the time
spent in each route by size pattern on ten random float games of three and four players
(8x3x3 to 5x5x5 and 4x4x3x3; 2-core machine, one process); the homotopy's cost per
path refitted on eleven (8x3x3 to 6x6x4, normal payoffs, seed 0) when the parameter
homotopy halved it. Measured time over estimate then: 0.36 (6x6x3, 8x3x3) to 1.10
(5x5x5): 4x4x3x3 1.06, 4x4x4x2 0.91, 5x5x4 0.92, 7x4x4 0.73, 6x6x4 0.69 (75 s
against 108 s). Exact mode (``exact=True``) writes irrational equilibria down exactly:
times 1.7 (a random 6x4x4 integer game). Systems with three players mixing that the
conditional LP screens (:mod:`solvers.finite._conditional_lp`) cost the LP plus the
share it leaves times their solving cost; measured over estimate then (random normal
games, seed 0, one process): 5x5x5 0.99 (22.7 s), 7x5x4 1.08 (64 s), 6x6x4 0.63 (41 s),
6x6x5 0.89 (282 s). With the LP through ``highspy``, on balanced subdivision systems and
lifted on the homotopy's (session 17; the machine about 1.5 times slower that day):
5x5x5 0.90 (14.3 s), 6x6x4 0.58 (28 s), 6x6x5 0.86 (170 s), 7x4x4 0.92 (11.1 s). With
every mixing player's lift on the homotopy's systems, the lifted LP on the hard
subdivision systems and the subdivision's own LP-survival shares (session 18): 5x5x5
1.0 (15 s), 6x6x4 0.54 (25.7 s), 6x6x5 0.75 (140 s), 7x4x4 0.71 (8.7 s); with the
cubes' LPs (the LP cost times 0.45): 5x5x5 0.82 (9.8 s), 6x6x4 0.43 (17.3 s), 6x6x5
0.72 (117 s), 7x4x4 0.57 (6.0 s).

The estimate is deterministic (the same game always gets the same one, whatever the
machine), so the default method a game gets does not depend on load or hardware.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from math import prod

import numpy as np

from solvers.finite._homotopy import MAX_PATHS, homotopy_paths
from solvers.finite._polynomial import _numeric_route, conditional_lp_pays, lifted_lp_pays
from solvers.finite._support_screen import undominated_supports

__all__ = [
    "EXACT_FACTOR",
    "MAX_COUNTED_SUPPORT_PROFILES",
    "enumeration_seconds",
    "homotopy_paths",
    "system_seconds",
]

#: Seconds per support system with at most two players mixing, by unknowns (index) ...
_TWO_MIXING = (0.0, 1e-4, 1e-4, 1.5e-4, 1.5e-4, 2e-4, 2e-4, 7.5e-4, 7.5e-4)
#: ... and beyond 8 unknowns (the linear-programming screen settles most of them).
_TWO_MIXING_LARGE = 4.6e-3
#: Three players mixing, certified subdivision, by unknowns.
_THREE_SUBDIVISION = (0.0, 8e-5, 8e-5, 8e-5, 8e-5, 1.7e-4, 6.8e-4, 1.8e-3, 5.3e-3, 1.5e-2, 2.2e-2)
#: Four or more players mixing, certified subdivision, by unknowns.
_FOUR_SUBDIVISION = (0.0, 2.6e-4, 2.6e-4, 2.6e-4, 2.6e-4, 7.7e-4, 3.8e-3, 2.8e-2, 0.1)
#: Homotopy continuation: seconds per path, per unknown, per mixing player.
_PATH = 4e-5
#: A structurally overdetermined system (no paths), proved empty by subdivision.
_OVERDETERMINED = 5e-3
#: The conditional LP screen (three players mixing, see
#: :func:`solvers.finite._polynomial.conditional_lp_pays`): seconds per support system,
#: plus this much per pure profile of its supports (HiGHS through ``highspy``, the
#: ``fast`` extra; about twice as much through ``scipy.optimize.linprog``) ...
_LP = 6e-4
_LP_PER_PROFILE = 2e-5
#: ... times this share: most supports are ruled out with the others of their cube, by
#: one LP (:func:`solvers.finite._conditional_lp.no_equilibrium_between`) ...
_CUBE_SHARE = 0.45
#: ... and the share of systems it leaves to be solved, by unknowns (up to 8, 9, 10, 11,
#: 12+; measured on random 6x6x5, 6x6x4 and 5x5x5 games: 0-1% of (3, 3, 3), (4, 3, 3) and
#: (5, 3, 3), 0-2% of (4, 4, 3), 2-6% of (5, 4, 3), 2-16% of (4, 4, 4), 4-36% of
#: (5, 4, 4), 20-74% of (5, 5, 4) and 90-100% beyond).
_LP_SURVIVING = (0.05, 0.15, 0.4, 0.75, 1.0)
#: The lifted conditional LP (the homotopy's systems with three players mixing, where the
#: first LP leaves them): seconds per squared variable of its LP (``N (m + 1) / 2``, ``m``
#: the largest support: 10 ms for (4, 4, 4), 45 ms for (5, 5, 4), 200 ms for (6, 6, 5)) ...
_LIFTED_PER_VARIABLE_SQUARED = 5e-7
#: ... and the share of those it leaves, by unknowns (up to 10, 11, 12, 13, 14+; measured
#: on a random 6x6x5 game: none of (4, 4, 4) or (5, 4, 4), 3% of (5, 5, 4), 29% of
#: (6, 4, 4), 19% of (5, 5, 5), 32% of (6, 5, 4), 45% of (6, 5, 5)).
_LIFTED_SURVIVING = (0.05, 0.15, 0.3, 0.45, 0.8)
#: ... then the other two players' lifts are tried on what the first leaves, and leave
#: this share of it (a random 6x6x5 game: 22 of 49).
_OTHER_LIFTS_SURVIVING = 0.45
#: The subdivision's systems the first LP screens: the share it leaves, by unknowns (up
#: to 8, 9, 10+; random 6x6x5, 6x6x4, 5x5x5 and 7x4x4 games: 0.5-1.5% of (3, 3, 3),
#: (4, 3, 3) and (4, 4, 3), 2-6% of (5, 4, 3), 7-12% of (5, 5, 3)) ...
_LP_SURVIVING_SUBDIVISION = (0.015, 0.04, 0.09)
#: ... which are its hard ones: each costs this multiple of a system's average (10-155
#: ms, 5-10 times the table) ...
_HARD_SUBDIVISION = 7.0
#: ... unless the lifted LP screens them
#: (:func:`solvers.finite._polynomial.lifted_lp_pays`): it leaves this share (0-30%).
_LIFTED_SUBDIVISION_SURVIVING = 0.15
#: Per game (conversions, the screens, bookkeeping).
_PER_GAME = 0.34
#: Exact mode (irrational equilibria written down exactly) over float mode.
EXACT_FACTOR = 1.7

#: Beyond this many support profiles the surviving ones are not counted (the count
#: itself would take seconds and memory); the estimate is then infinite.
MAX_COUNTED_SUPPORT_PROFILES = 250_000


def system_seconds(sizes: Sequence[int]) -> float:
    """Estimated seconds to settle the system of one support profile (float mode).

    Parameters
    ----------
    sizes : sequence of int
        The support sizes :math:`|S_i|`, one per player (each at least 1).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a size is below 1.

    Examples
    --------
    >>> system_seconds((1, 1, 1))  # a pure profile: nothing to solve
    0.0
    >>> round(system_seconds((4, 4, 4)), 4)  # 9 unknowns, 56 paths; most go by LP
    0.0031
    >>> system_seconds((8, 2, 2))  # overdetermined: player 0's 7 equations, 2 unknowns
    0.005
    """
    sizes = tuple(int(m) for m in sizes)
    if not sizes or min(sizes) < 1:
        raise ValueError(f"sizes must be support sizes (each at least 1), got {list(sizes)}")
    dims = [m - 1 for m in sizes]
    unknowns, mixing = sum(dims), sum(d > 0 for d in dims)
    if unknowns == 0:
        return 0.0
    if mixing <= 2:
        return _TWO_MIXING[unknowns] if unknowns < len(_TWO_MIXING) else _TWO_MIXING_LARGE
    route = _numeric_route(tuple(tuple(range(m)) for m in sizes))
    if route == "subdivision":
        table = _THREE_SUBDIVISION if mixing == 3 else _FOUR_SUBDIVISION
        seconds = table[min(unknowns, len(table) - 1)]
    else:
        paths = homotopy_paths(sizes)
        if paths == 0:
            return _OVERDETERMINED
        seconds = (MAX_PATHS if paths is None else paths) * unknowns * mixing * _PATH
    if mixing == 3 and (route != "subdivision" or conditional_lp_pays(sizes)):
        variables = prod(sizes) * (max(sizes) + 1) // 2
        lifted = _LIFTED_PER_VARIABLE_SQUARED * variables**2
        if route == "subdivision":
            shares = _LP_SURVIVING_SUBDIVISION
            surviving = shares[min(max(unknowns - 8, 0), len(shares) - 1)]
            seconds *= _HARD_SUBDIVISION
            if lifted_lp_pays(sizes):
                seconds = lifted + _LIFTED_SUBDIVISION_SURVIVING * seconds
        else:
            surviving = _LP_SURVIVING[min(max(unknowns - 8, 0), len(_LP_SURVIVING) - 1)]
            left = _LIFTED_SURVIVING[min(max(unknowns - 10, 0), len(_LIFTED_SURVIVING) - 1)]
            # then the other two lifts (smaller supports: about as costly together)
            seconds = lifted * (1 + left) + left * _OTHER_LIFTS_SURVIVING * seconds
        lp = (_LP + _LP_PER_PROFILE * prod(sizes)) * _CUBE_SHARE
        return lp + surviving * seconds
    return seconds


def enumeration_seconds(ints: Sequence[np.ndarray], exact: bool = False) -> float:
    """Estimated seconds for :func:`solvers.finite.polynomial_equilibria` on this game.

    Parameters
    ----------
    ints : sequence of numpy.ndarray
        The players' payoff arrays as exactly comparable numbers (integers; for float
        payoffs, their exact values scaled to integers), one per player, all of one shape.
    exact : bool
        Whether the method runs in exact mode (:data:`EXACT_FACTOR` times longer).

    Returns
    -------
    float
        The sum, over the support profiles that survive conditional dominance, of
        :func:`system_seconds`, plus 0.34 s (times :data:`EXACT_FACTOR` in exact
        mode); ``inf`` when the game has more than :data:`MAX_COUNTED_SUPPORT_PROFILES`
        support profiles.

    Examples
    --------
    A random 3x3x3 game takes well under a second; a 6x6x5 one, minutes.

    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> small = [rng.integers(0, 100, size=(3, 3, 3)) for _ in range(3)]
    >>> enumeration_seconds(small) < 1
    True
    >>> large = [rng.integers(0, 100, size=(6, 6, 5)) for _ in range(3)]
    >>> enumeration_seconds(large) > 120
    True
    """
    shape = tuple(int(m) for m in np.shape(ints[0]))
    if prod(2**m - 1 for m in shape) > MAX_COUNTED_SUPPORT_PROFILES:
        return float("inf")
    counts = Counter(
        tuple(len(S) for S in support) for support in undominated_supports(ints, shape)
    )
    seconds = _PER_GAME + sum(n * system_seconds(sizes) for sizes, n in counts.items())
    return seconds * (EXACT_FACTOR if exact else 1.0)
