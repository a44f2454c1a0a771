"""Nash equilibria one at a time, as they are found: :func:`iter_equilibria`.

The enumerations ``vertex_enumeration`` (float and exact), ``support_enumeration`` and
``pure_equilibria`` run in steps (:class:`solvers.finite._stream.Stream`); the method's
function collects every step, and :func:`iter_equilibria` yields each verified
equilibrium as soon as its step ends. Both run the same code, so they find the same
equilibria; only the order differs (the functions sort their result). Other methods
(``zero_sum_lp``, ``lemke_howson*``, ``polynomial_equilibria``, one-player games) run to
the end first and are then yielded.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._iterate import iter_equilibria
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
>>> first = next(iter_equilibria([A, B], exact=True))
>>> first.regret
Fraction(0, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from solvers.finite._equilibria import METHODS, _check_size, equilibria
from solvers.finite._input import as_game_arrays, as_payoff_arrays
from solvers.finite._pure import pure_stream
from solvers.finite._stream import Stream
from solvers.finite._support import support_stream
from solvers.finite._vertex import vertex_stream
from solvers.finite._zero_sum import is_zero_sum
from solvers.progress import ProgressArg
from solvers.result import Equilibrium
from solvers.verify import DEFAULT_RTOL

__all__ = ["STREAMING_METHODS", "iter_equilibria"]

#: Methods whose equilibria are yielded as they are found (the others: at the end).
STREAMING_METHODS: dict[str, Callable[..., Stream]] = {
    "vertex_enumeration": vertex_stream,
    "support_enumeration": support_stream,
    "pure_equilibria": pure_stream,
}


def iter_equilibria(
    payoffs: Sequence[np.ndarray],
    method: str | None = None,
    exact: bool = False,
    rtol: float = DEFAULT_RTOL,
    progress: ProgressArg = None,
) -> Iterator[Equilibrium]:
    """Yield the Nash equilibria of a game as they are found, each verified.

    Same arguments, default method and equilibria as :func:`solvers.finite.equilibria`;
    the set yielded equals ``set(equilibria(...))``, in the order found. Input is checked
    at the call (errors are raised before the first equilibrium is asked for).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player (or one matrix: a zero-sum game).
    method : str, optional
        One of :data:`solvers.finite.METHODS`; ``None`` picks the default of
        :func:`solvers.finite.equilibria`. ``vertex_enumeration``,
        ``support_enumeration`` and ``pure_equilibria`` stream; the others are yielded
        when they finish.
    exact : bool
        Exact rational arithmetic (zero regret).
    rtol : float
        Relative regret tolerance for float results.
    progress : bool, callable or None, default None (a bar only in a terminal)
        ``True``: a tqdm bar; a callable: ``progress(done, total)`` after each step of
        the enumeration (see :func:`solvers.progress.track`).

    Yields
    ------
    Equilibrium
        Each equilibrium once. Warnings that ``equilibria`` would issue (degenerate game,
        a possibly incomplete list) are issued when the iterator is exhausted.

    Raises
    ------
    ValueError
        Unknown method, wrong number of players, or a default enumeration too large
        (:class:`solvers.finite.EnumerationTooLargeError`).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])
    >>> steps = []
    >>> eqs = list(iter_equilibria([A, B], exact=True, progress=lambda d, t: steps.append(d)))
    >>> sorted(tuple(map(str, eq.strategies[0])) for eq in eqs)
    [('0', '1'), ('1', '0'), ('3/5', '2/5')]
    >>> steps[-1] == len(steps)            # the last step reported is the total
    True
    """
    arrays, one_matrix = as_game_arrays(payoffs)
    floats, exacts = as_payoff_arrays(arrays, exact=exact, min_players=1)
    values = exacts if exact and exacts is not None else floats
    n_players = len(values)
    if method is None and n_players == 2 and not (one_matrix or is_zero_sum(*values)):
        _check_size(floats[0].shape)
        method = "vertex_enumeration"
    if method in STREAMING_METHODS and n_players >= 2:
        players = METHODS[method][1]
        if players is not None and players != n_players:
            raise ValueError(
                f"method {method!r} solves {players}-player games; this game has "
                f"{n_players} players (use 'pure_equilibria' or 'polynomial_equilibria')"
            )
        make = STREAMING_METHODS[method]
        if players == 2:
            stream = make(values[0], values[1], exact=exact, rtol=rtol)
        else:
            stream = make(values, exact=exact, rtol=rtol)
        return stream.iterate(progress)
    if method is not None and method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}, got {method!r}")
    return _at_the_end(arrays, method, exact, rtol, progress)


def _at_the_end(arrays, method, exact, rtol, progress) -> Iterator[Equilibrium]:
    yield from equilibria(arrays, method=method, exact=exact, rtol=rtol, progress=progress)
