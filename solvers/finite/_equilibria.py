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
=============================  =======  ==============================================  =====

Each method is the function of the same name in :mod:`solvers.finite`, and the result's
``method`` attribute is that name. (Games with free sympy parameters are solved by
:func:`solvers.finite.symbolic_equilibria`, called by ``NormalFormGame.equilibria``.)

The default is the method that cannot miss: vertex enumeration for two players (it lists
every extreme equilibrium, degenerate games included), the polynomial support method for
small games of three or more players, and otherwise pure equilibria only, with a
``RuntimeWarning`` and ``complete=False`` on the result.

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
from math import prod

import numpy as np

from solvers.finite._input import as_payoff_arrays
from solvers.finite._lemke_howson import lemke_howson, lemke_howson_all_labels
from solvers.finite._polynomial import polynomial_equilibria
from solvers.finite._pure import pure_equilibria
from solvers.finite._support import support_enumeration
from solvers.finite._vertex import vertex_enumeration
from solvers.result import Equilibria
from solvers.verify import DEFAULT_RTOL

__all__ = ["METHODS", "equilibria"]

#: method name -> (function of that name, players it accepts: 2, or None for any)
METHODS: dict[str, tuple[Callable[..., Equilibria], int | None]] = {
    "vertex_enumeration": (vertex_enumeration, 2),
    "support_enumeration": (support_enumeration, 2),
    "lemke_howson": (lemke_howson, 2),
    "lemke_howson_all_labels": (lemke_howson_all_labels, 2),
    "pure_equilibria": (pure_equilibria, None),
    "polynomial_equilibria": (polynomial_equilibria, None),
}

#: Largest number of pure profiles for which the polynomial method is the default
#: (integer 3x3x3 games take ~8 s, random-float 3x3x3 games minutes: beyond this size the
#: default is pure equilibria with a warning; ask for method="polynomial_equilibria").
POLYNOMIAL_DEFAULT_MAX_PROFILES = 12


def equilibria(
    payoffs: Sequence[np.ndarray],
    method: str | None = None,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
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
    floats, exacts = as_payoff_arrays(payoffs, exact=exact)
    arrays = exacts if exact else floats
    n_players = len(arrays)
    if method is None:
        if n_players == 2:
            method = "vertex_enumeration"
        elif prod(np.shape(payoffs[0])) <= POLYNOMIAL_DEFAULT_MAX_PROFILES:
            method = "polynomial_equilibria"
        else:
            result = _call("pure_equilibria", arrays, exact, rtol)
            warnings.warn(
                f"only pure equilibria are computed for this {n_players}-player game "
                f"(shape {np.shape(payoffs[0])}); mixed equilibria may exist",
                RuntimeWarning,
                stacklevel=2,
            )
            result.complete = False
            result.notes = (*result.notes, "pure equilibria only: mixed equilibria may exist")
            return result
    if method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}, got {method!r}")
    players = METHODS[method][1]
    if players is not None and players != n_players:
        raise ValueError(
            f"method {method!r} solves {players}-player games; this game has {n_players} "
            f"players (use 'pure_equilibria' or 'polynomial_equilibria')"
        )
    return _call(method, arrays, exact, rtol)


def _call(method: str, arrays: list[np.ndarray], exact: bool, rtol: float) -> Equilibria:
    solver, players = METHODS[method]  # every method takes exact= and rtol= by keyword
    if players == 2:
        return solver(arrays[0], arrays[1], exact=exact, rtol=rtol)
    return solver(arrays, exact=exact, rtol=rtol)
