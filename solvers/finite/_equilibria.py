"""One entry point for the Nash equilibria of a finite game given as payoff arrays.

========================  ========  =============================================  ========
method                    players   finds                                          exact
========================  ========  =============================================  ========
``vertex_enumeration``    2         every extreme equilibrium (default, 2 players)   yes
``support_enumeration``   2         all equilibria of nondegenerate games            yes
``lemke_howson``          2         one equilibrium per initial label                yes
``pure``                  any       every pure equilibrium                           yes
``polynomial``            any       all equilibria of small games (default, n > 2)   yes
========================  ========  =============================================  ========

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

import importlib
import warnings
from collections.abc import Callable, Sequence
from math import prod

import numpy as np

from solvers.finite._input import as_payoff_arrays
from solvers.result import Equilibria
from solvers.verify import DEFAULT_RTOL

__all__ = ["METHODS", "equilibria"]

#: method name -> (module, function, players it accepts: 2 or None for any)
METHODS: dict[str, tuple[str, str, int | None]] = {
    "vertex_enumeration": ("solvers.finite._vertex", "vertex_enumeration", 2),
    "support_enumeration": ("solvers.finite._support", "support_enumeration", 2),
    "lemke_howson": ("solvers.finite._lemke_howson", "lemke_howson_all_labels", 2),
    "pure": ("solvers.finite._pure", "pure_equilibria", None),
    "polynomial": ("solvers.finite._polynomial", "polynomial_equilibria", None),
}

#: Largest number of pure profiles for which the polynomial method is the default
#: (integer 3x3x3 games take ~8 s, random-float 3x3x3 games minutes: beyond this size the
#: default is pure equilibria with a warning; ask for method="polynomial" explicitly).
POLYNOMIAL_DEFAULT_MAX_PROFILES = 12


def _load(method: str) -> Callable[..., Equilibria]:
    module, name, _ = METHODS[method]
    return getattr(importlib.import_module(module), name)


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
    >>> equilibria([A, B], method="pure").method
    'pure'
    """
    floats, exacts = as_payoff_arrays(payoffs, exact=exact)
    arrays = exacts if exact else floats
    n_players = len(arrays)
    if method is None:
        if n_players == 2:
            method = "vertex_enumeration"
        elif prod(np.shape(payoffs[0])) <= POLYNOMIAL_DEFAULT_MAX_PROFILES and _available(
            "polynomial"
        ):
            method = "polynomial"
        else:
            result = _call("pure", arrays, exact, rtol)
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
    players = METHODS[method][2]
    if players is not None and players != n_players:
        raise ValueError(
            f"method {method!r} solves {players}-player games; this game has {n_players} "
            f"players (use 'pure' or 'polynomial')"
        )
    return _call(method, arrays, exact, rtol)


def _call(method: str, arrays: list[np.ndarray], exact: bool, rtol: float) -> Equilibria:
    solver = _load(method)  # every method takes exact= and rtol= by keyword
    if METHODS[method][2] == 2:
        return solver(arrays[0], arrays[1], exact=exact, rtol=rtol)
    return solver(arrays, exact=exact, rtol=rtol)


def _available(method: str) -> bool:
    try:
        _load(method)
    except (ImportError, AttributeError):
        return False
    return True
