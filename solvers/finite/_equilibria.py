"""One entry point for the Nash equilibria of a finite game given as payoff arrays.

=============================  =======  ==============================================  =====
method (= function name)       players  finds                                           exact
=============================  =======  ==============================================  =====
``vertex_enumeration``         2        every extreme equilibrium (default, 2 players)  yes
``support_enumeration``        2        all equilibria of nondegenerate games           yes
``lemke_howson``               2        one equilibrium (initial label 0)               yes
``lemke_howson_all_labels``    2        one equilibrium per initial label               yes
``pure_equilibria``            any      every pure equilibrium                          yes
``polynomial_equilibria``      any      all equilibria of small games (default, n > 2)  yes
``zero_sum_lp``                2        every extreme equilibrium of a zero-sum game    yes
                                        (default when ``A + B`` is constant)
``path_following_equilibrium`` any      one equilibrium, by logit-QRE tracing (games    yes
                                        too large to enumerate)
``path_following_equilibria``  any      several equilibria: logit branches traced from  yes
                                        several priors (default, n > 2, beyond the
                                        polynomial method's reach, with every pure one)
=============================  =======  ==============================================  =====

Each method is the function of the same name in :mod:`solvers.finite`, and the result's
``method`` attribute is that name. (Games with free sympy parameters are solved by
:func:`solvers.finite.symbolic_equilibria`, called by ``NormalFormGame.equilibria``.)

The default is the method that cannot miss: for two players, linear programming when the
game is zero-sum (given as one matrix, nashpy's ``Game(A)`` convention, or detected:
``A + B`` constant), else vertex enumeration (every extreme equilibrium, degenerate games
included) after a size check: when the upper bound theorem allows more than
:data:`VERTEX_BOUND_LIMIT` vertices per best-response polytope the default refuses with a
message naming the alternatives rather than exhausting memory. Games of three to seven
players with up to ``POLYNOMIAL_DEFAULT_MAX_PROFILES`` (64) pure profiles or up to
``POLYNOMIAL_DEFAULT_MAX_SUPPORTS`` (3,500; 7,000 for three players) support profiles
(3^4, 2^7, 4x4x4, 5x4x3, 4x4x5, 5x5x3), and games of three or four players with few
payoff ties whose complete enumeration is estimated at up to
``POLYNOMIAL_DEFAULT_SECONDS`` (60 s) from the support profiles that survive
conditional dominance (random 8x3x3, 6x4x4, 6x5x3, 5x5x4, 3x3x3x4, 6x6x3, 7x4x4,
4x4x4x2, 5x5x5 and 4x4x3x3 games), get the complete polynomial support method;
for larger ones the default lists every pure equilibrium and the
equilibria at the ends of ``DEFAULT_STARTS`` (16) logit branches traced from seeded
priors (``path_following_equilibria``), with a ``RuntimeWarning`` and ``complete=False``
on the result. A one-player game (a decision problem) gets its optimal pure strategies;
its optimal mixed strategies are their convex hull.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._equilibria import equilibria
>>> A = np.array([[3, 0], [5, 1]])           # prisoner's dilemma
>>> eqs = equilibria([A, A.T], exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete
([['0', '1'], ['0', '1']], True)
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from fractions import Fraction
from math import comb, prod

import numpy as np

from solvers.finite._duplicates import duplicate_classes, is_indifferent_game, reduce_by_classes
from solvers.finite._enumeration_cost import enumeration_seconds
from solvers.finite._input import as_game_arrays, as_payoff_arrays
from solvers.finite._lemke_howson import lemke_howson, lemke_howson_all_labels
from solvers.finite._polynomial import (
    _integer_arrays,
    polynomial_equilibria,
    support_profile_count,
)
from solvers.finite._pure import pure_equilibria
from solvers.finite._qre import path_following_equilibrium
from solvers.finite._support import support_enumeration
from solvers.finite._tracing import (
    DEFAULT_BRANCH_STEPS,
    DEFAULT_STARTS,
    path_following_equilibria,
)
from solvers.finite._vertex import vertex_enumeration
from solvers.finite._zero_sum import is_zero_sum, zero_sum_lp
from solvers.progress import ProgressArg, track
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL

__all__ = ["METHODS", "VERTEX_BOUND_LIMIT", "EnumerationTooLargeError", "equilibria"]

#: method name -> (function of that name, players it accepts: 2, or None for any)
METHODS: dict[str, tuple[Callable[..., Equilibria], int | None]] = {
    "vertex_enumeration": (vertex_enumeration, 2),
    "support_enumeration": (support_enumeration, 2),
    "lemke_howson": (lemke_howson, 2),
    "lemke_howson_all_labels": (lemke_howson_all_labels, 2),
    "pure_equilibria": (pure_equilibria, None),
    "polynomial_equilibria": (polynomial_equilibria, None),
    "zero_sum_lp": (zero_sum_lp, 2),
    "path_following_equilibrium": (path_following_equilibrium, None),
    "path_following_equilibria": (path_following_equilibria, None),
}

#: Largest upper-bound-theorem count of vertices of a best-response polytope for which the
#: default runs vertex enumeration (15x15: 3.4e5; 20x20: 4.0e7, refused).
VERTEX_BOUND_LIMIT = 10_000_000


class EnumerationTooLargeError(ValueError):
    """The default enumeration would need more memory than is reasonable; the message
    names the alternatives.

    Examples
    --------
    >>> issubclass(EnumerationTooLargeError, ValueError)
    True
    """


def vertex_bound(d: int, k: int) -> int:
    """McMullen's upper bound on the vertices of a ``d``-polytope with ``k`` facets.

    Examples
    --------
    >>> vertex_bound(2, 5), vertex_bound(10, 20)
    (5, 4004)
    """
    if d <= 1:
        return 2
    return comb(k - (d + 1) // 2, k - d) + comb(k - (d + 2) // 2, k - d)


#: The polynomial method (support enumeration with conditional-dominance and LP pruning,
#: each remaining system solved by certified subdivision, homotopy continuation or exact
#: Groebner bases) is the default for three to seven players when the game has at most
#: this many pure profiles ...
POLYNOMIAL_DEFAULT_MAX_PROFILES = 64
#: ... or at most this many support profiles (the product over players of ``2**m - 1``;
#: 3^4, 2^7, 4x4x4 and 5x4x3 qualify) ...
POLYNOMIAL_DEFAULT_MAX_SUPPORTS = 3_500
#: ... or, for three players (bilinear systems, cheaper per support), this many (4x4x5,
#: 5x5x3) ...
POLYNOMIAL_DEFAULT_MAX_SUPPORTS_3_PLAYERS = 7_000
#: ... or, for a game of three or four players with few payoff ties (see
#: :data:`POLYNOMIAL_DEFAULT_MAX_TIES`), when its estimated time
#: (:func:`solvers.finite._enumeration_cost.enumeration_seconds`: the support profiles
#: that survive conditional dominance, each costed by its route, unknowns, mixing players
#: and homotopy paths) is at most this many seconds, about a minute. Random games
#: (estimate / measured, float mode, seed 0): 8x3x3 (1.2 s / 0.4 s), 6x5x3 (5.7 s / 3.6
#: s), 6x4x4 (7.2 s / 5.3 s), 3x3x3x4 (7.2 s / 6.3 s), 5x5x4 (8.9 s / 8.2 s), 6x6x3 (19
#: s / 7 s), 7x4x4 (20 s / 15 s), 4x4x4x2 (24 s / 22 s), 5x5x5 (39 s / 43 s) and 4x4x3x3
#: (39 s / 42 s) qualified then; with the LP screens of sessions 16-17, 7x4x4 (12 s /
#: 11 s), 5x5x5 (16 s / 14 s), 7x5x4 (48 s estimated) and 6x6x4 (48 s / 28 s) qualify,
#: 6x6x5 (198 s / 170 s) does not.
#: Beyond, the default lists every pure equilibrium and those of logit branches from
#: several priors, with a warning; ask for method="polynomial_equilibria" to enumerate
#: anyway. The choice depends on the game only, never on the machine or its load: the
#: same game always gets the same method.
POLYNOMIAL_DEFAULT_SECONDS = 60.0
#: The estimate prices every system as that of a generic game; where payoffs tie often
#: (0/1 payoffs), systems with continua go to exact algebra and a game estimated at 0.7 s
#: took 65 s: beyond this share of tied pairs (:func:`tie_share`) only the support-profile
#: counts above decide. With five or more players the estimate was found 5-7x low on some
#: random games, and only the counts decide too.
POLYNOMIAL_DEFAULT_MAX_TIES = 0.02
#: Most players for which the polynomial method is the default.
POLYNOMIAL_DEFAULT_MAX_PLAYERS = 7


def tie_share(ints: Sequence[np.ndarray]) -> float:
    """The share of pairs of one player's strategies that pay her the same against a pure
    profile of the others (0 for a generic game; about 1/2 for 0/1 payoffs, 1/100 for
    payoffs drawn from 0..99).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, 0], [1, 2]])   # column 0 ties for the row player
    >>> tie_share([A, np.array([[0, 1], [2, 3]])])
    0.25
    """
    tied = pairs = 0
    for i, u in enumerate(ints):
        array = np.asarray(u)
        rows = np.moveaxis(array, i, 0).reshape(array.shape[i], -1)
        for s in range(rows.shape[0] - 1):
            tied += int(np.count_nonzero(rows[s + 1 :] == rows[s]))
        pairs += rows.shape[0] * (rows.shape[0] - 1) // 2 * rows.shape[1]
    return tied / pairs if pairs else 0.0


def _polynomial_by_default(
    payoffs: Sequence[np.ndarray], exact: bool = False
) -> tuple[bool, float]:
    """Whether the default method of a game with three or more players is the complete
    polynomial method (else pure equilibria and logit branches, flagged incomplete), and
    the estimated seconds it would take (``0.0`` when not estimated)."""
    if is_indifferent_game(payoffs):  # every profile: solved at once
        return True, 0.0
    classes = duplicate_classes(payoffs)  # the work is that of the game without them
    payoffs = reduce_by_classes(payoffs, classes)
    shape = np.shape(payoffs[0])
    if len(shape) > POLYNOMIAL_DEFAULT_MAX_PLAYERS:
        return False, float("inf")
    if prod(shape) <= POLYNOMIAL_DEFAULT_MAX_PROFILES:
        return True, 0.0
    count = support_profile_count(shape)
    three = len(shape) == 3
    if count <= (
        POLYNOMIAL_DEFAULT_MAX_SUPPORTS_3_PLAYERS if three else POLYNOMIAL_DEFAULT_MAX_SUPPORTS
    ):
        return True, 0.0
    if len(shape) > 4:
        return False, float("inf")
    _, exacts = as_payoff_arrays(list(payoffs), exact=True)
    assert exacts is not None  # exact=True gives Fractions
    ints = _integer_arrays(exacts)
    if tie_share(ints) > POLYNOMIAL_DEFAULT_MAX_TIES:
        return False, float("inf")
    seconds = enumeration_seconds(ints, exact=exact)
    return seconds <= POLYNOMIAL_DEFAULT_SECONDS, seconds


def equilibria(
    payoffs: Sequence[np.ndarray],
    method: str | None = None,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    progress: ProgressArg = None,
) -> Equilibria:
    """Nash equilibria of the game with one payoff array per player.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` has shape ``(m_1, ..., m_n)``; float arrays, or ``object``
        arrays of exact rationals when ``exact=True``.
    method : str, optional
        One of :data:`METHODS`; ``None`` picks the default described above.
    exact : bool
        Exact rational arithmetic (zero regret).
    rtol : float
        Relative regret tolerance for float results.
    progress : bool, callable or None, default None (a bar only in a terminal)
        Report progress (see :func:`solvers.progress.track`): step by step for the
        enumerations (``vertex_enumeration``, ``support_enumeration``,
        ``pure_equilibria``), as one step for the other methods.
        :func:`solvers.finite.iter_equilibria` also yields equilibria as they are found.

    Returns
    -------
    Equilibria

    Raises
    ------
    ValueError
        Unknown method, or a two-player method asked for a game with more players.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
    >>> eqs = equilibria([A, B], exact=True)
    >>> [[str(p) for p in eq.strategies[0]] for eq in eqs], eqs.method
    ([['0', '1'], ['3/5', '2/5'], ['1', '0']], 'vertex_enumeration')
    >>> equilibria([A, B], method="pure_equilibria").method
    'pure_equilibria'
    """
    payoffs, one_matrix = as_game_arrays(payoffs)
    floats, exacts = as_payoff_arrays(payoffs, exact=exact, min_players=1)
    if exact:
        assert exacts is not None  # as_payoff_arrays gives Fractions when exact
        arrays = exacts
    else:
        arrays = floats
    n_players = len(arrays)
    if n_players == 1:
        return _decision_problem(arrays[0], exact, rtol, method)
    if method is None:
        if n_players == 2 and (one_matrix or is_zero_sum(*arrays)):
            method = "zero_sum_lp"
        elif n_players == 2:
            _check_size(floats[0].shape)
            method = "vertex_enumeration"
        elif (decided := _polynomial_by_default(arrays, exact))[0]:
            method = "polynomial_equilibria"
        else:
            shape = np.shape(payoffs[0])
            estimate = (
                f", an estimated {decided[1]:,.0f} s of work" if decided[1] < float("inf") else ""
            )
            warnings.warn(
                f"this {n_players}-player game (shape {shape}) is too large to enumerate "
                f"every equilibrium by default ({support_profile_count(shape):,} support "
                f"profiles{estimate}; the default enumerates up to "
                f"{POLYNOMIAL_DEFAULT_MAX_SUPPORTS:,} support profiles, "
                f"{POLYNOMIAL_DEFAULT_MAX_SUPPORTS_3_PLAYERS:,} for three players, or, for "
                f"three or four players and payoffs with few ties, an estimated "
                f"{POLYNOMIAL_DEFAULT_SECONDS:g} s): "
                "listed are every pure equilibrium and those found by "
                f"{DEFAULT_STARTS} logit branches (method='path_following_equilibria'; "
                "complete=False, other mixed equilibria may exist); "
                "method='polynomial_equilibria' enumerates all of them (it may take hours), "
                "method='path_following_equilibrium' traces the principal branch only",
                RuntimeWarning,
                stacklevel=2,
            )
            return path_following_equilibria(
                arrays,
                exact=exact,
                rtol=rtol,
                progress=progress,
                include_pure=True,
                max_steps=DEFAULT_BRANCH_STEPS,
            )
    if method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}, got {method!r}")
    players = METHODS[method][1]
    if players is not None and players != n_players:
        raise ValueError(
            f"method {method!r} solves {players}-player games; this game has {n_players} "
            f"players (use 'pure_equilibria' or 'polynomial_equilibria')"
        )
    return _call(method, arrays, exact, rtol, progress)


#: Methods that report progress step by step (they take ``progress=``).
STEPWISE = (
    "vertex_enumeration",
    "support_enumeration",
    "pure_equilibria",
    "path_following_equilibrium",
    "path_following_equilibria",
)


def _call(
    method: str,
    arrays: list[np.ndarray],
    exact: bool,
    rtol: float,
    progress: ProgressArg = None,
) -> Equilibria:
    solver, players = METHODS[method]  # every method takes exact= and rtol= by keyword
    args = (arrays[0], arrays[1]) if players == 2 else (arrays,)
    if method in STEPWISE:
        return solver(*args, exact=exact, rtol=rtol, progress=progress)
    for _ in track([method], progress=progress, desc=method):  # one step
        result = solver(*args, exact=exact, rtol=rtol)
    return result


def _check_size(shape: tuple[int, ...]) -> None:
    """Refuse a vertex enumeration whose worst case would exhaust memory."""
    m, n = shape
    bound = max(vertex_bound(m, m + n), vertex_bound(n, m + n))
    if bound > VERTEX_BOUND_LIMIT:
        raise EnumerationTooLargeError(
            f"a {m}x{n} game may have up to {bound:,} vertices per best-response polytope "
            f"(upper bound theorem; the default enumerates up to {VERTEX_BOUND_LIMIT:,}). "
            "Alternatives: method='lemke_howson_all_labels' (one equilibrium per label, "
            "fast), method='support_enumeration', or method='vertex_enumeration' to "
            "enumerate anyway (time and memory grow with the number of vertices); "
            "zero-sum games are solved by linear programming ('zero_sum_lp')"
        )


def _decision_problem(u: np.ndarray, exact: bool, rtol: float, method: str | None) -> Equilibria:
    """The optimal pure strategies of a one-player game (their convex hull is the set of
    optimal mixed strategies)."""
    if method not in (None, "pure_equilibria"):
        raise ValueError(
            f"a one-player game (decision problem) is solved by its optimal strategies; "
            f"method {method!r} needs more players (use method=None)"
        )
    if u.ndim != 1:
        raise ValueError(f"payoffs[0] of a one-player game must be 1-D, got shape {u.shape}")
    best = max(u.tolist())
    if exact:
        optima = [k for k, v in enumerate(u) if v == best]
    else:
        tol = float(rtol * max(float(np.ptp(u)), np.finfo(float).tiny))
        optima = [k for k, v in enumerate(u) if v >= best - tol]
    result = []
    for k in optima:
        if exact:
            s = np.array([Fraction(int(i == k)) for i in range(len(u))], dtype=object)
        else:
            s = np.eye(len(u))[k]
        result.append(Equilibrium.from_profile([u], [s], "pure_equilibria", exact=exact))
    return Equilibria(
        result,
        method="pure_equilibria",
        exact=exact,
        degenerate=len(optima) > 1,
        complete=True,
        tolerance=None if exact else rtol,
        notes=(
            "one-player game (decision problem): the optimal pure strategies are listed; "
            "the optimal mixed strategies are their convex hull",
        ),
    )
