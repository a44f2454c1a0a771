r"""Pure-strategy Nash equilibria of n-player normal-form games, all at once.

A pure profile :math:`s = (s_1, \dots, s_n)` is a Nash equilibrium iff every player's
strategy is a best response to the others':

.. math:: u_i(s) \ge \max_{t_i} u_i(t_i, s_{-i}) \quad \text{for every player } i.

With the payoff arrays :math:`u_i` of shape :math:`(m_1, \dots, m_n)` this is one
broadcast comparison per player, ``u_i >= u_i.max(axis=i, keepdims=True)``; the
equilibria are the entries where all *n* masks hold (``numpy.argwhere``). No Python loop
runs over profiles. Exact payoffs (``Fraction`` / sympy rationals in ``object`` arrays,
and integer arrays) are compared exactly; float payoffs with the scale-aware tolerance of
:func:`solvers.verify.tolerance` (``u_i >= max - tol_i``), so rescaling every payoff by a
positive constant never changes the answer.

Examples
--------
>>> import numpy as np
>>> from solvers.finite._pure import pure_equilibria
>>> A = np.array([[3, 0], [0, 2]]); B = np.array([[2, 0], [0, 3]])   # battle of the sexes
>>> [eq.supports for eq in pure_equilibria([A, B])]
[((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

import numpy as np

from solvers.finite._input import as_array, as_payoff_arrays
from solvers.finite._stream import Stream
from solvers.progress import ProgressArg
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["best_response_masks", "pure_equilibria", "pure_profiles"]

METHOD = "pure_equilibria"


def _prepare(
    payoffs: Sequence[np.ndarray], exact: bool | None
) -> tuple[list[np.ndarray], list[np.ndarray], bool]:
    """Validate; return (float arrays, arrays to compare, exact flag)."""
    if isinstance(payoffs, np.ndarray) and payoffs.dtype != object:
        payoffs = list(payoffs)  # a stacked (n, m_1, ..., m_n) array
    raw = (
        [as_array(u, f"payoffs[{i}]") for i, u in enumerate(payoffs)]
        if _is_sequence(payoffs)
        else None
    )
    if raw is None:
        raise TypeError(
            f"payoffs must be a sequence of one payoff array per player, got {type(payoffs)}"
        )
    any_object = any(u.dtype == object for u in raw)
    if exact is None:
        exact = any_object
    floats, exacts = as_payoff_arrays(raw, exact=exact)
    if exact:
        assert exacts is not None  # as_payoff_arrays gives Fractions when exact
        return floats, exacts, True
    if all(np.issubdtype(u.dtype, np.integer) for u in raw) and all(
        np.max(np.abs(f)) < 2**53 for f in floats
    ):
        # integers are compared exactly in numpy, without any tolerance
        return floats, [u.astype(np.int64) for u in raw], False
    return floats, floats, False


def _is_sequence(payoffs) -> bool:
    return isinstance(payoffs, Sequence | np.ndarray) and not isinstance(payoffs, str | bytes)


def best_response_masks(
    payoffs: Sequence[np.ndarray], tol: Sequence[float] | np.ndarray | None = None
) -> list[np.ndarray]:
    """For each player, the boolean mask of profiles where that player best-responds.

    Parameters
    ----------
    payoffs : sequence of numpy.ndarray
        Clean payoff arrays (already validated), one per player.
    tol : sequence of float, optional
        Per-player slack (``None``: exact comparison).

    Returns
    -------
    list of numpy.ndarray
        ``masks[i][s]`` is ``True`` iff ``s_i`` is a best response of player *i* to
        ``s_{-i}``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [5, 1]])            # prisoner's dilemma
    >>> [m.tolist() for m in best_response_masks([A, A.T])]
    [[[False, False], [True, True]], [[False, True], [False, True]]]
    """
    masks = []
    for i, u in enumerate(payoffs):
        best = u.max(axis=i, keepdims=True)
        if tol is None:
            mask = u >= best
        else:
            mask = u >= best - tol[i]
        masks.append(np.asarray(mask, dtype=bool))
    return masks


def pure_profiles(
    payoffs: Sequence[np.ndarray], rtol: float = DEFAULT_RTOL, exact: bool | None = None
) -> np.ndarray:
    """Index tuples of every pure Nash equilibrium, in lexicographic order.

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player, each of shape ``(m_1, ..., m_n)``.
    rtol : float
        Relative tolerance for float payoffs (times each player's payoff range).
    exact : bool, optional
        Compare exactly (payoffs converted to ``Fraction``). Default: exact when any
        array has ``object`` dtype; integer arrays are always compared exactly.

    Returns
    -------
    numpy.ndarray
        Integer array of shape ``(k, n)``: row ``r`` is the *r*-th equilibrium profile.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])          # matching pennies: no pure equilibrium
    >>> pure_profiles([A, -A]).shape
    (0, 2)
    >>> pure_profiles([np.eye(2), np.eye(2)]).tolist()   # pure coordination
    [[0, 0], [1, 1]]
    """
    floats, arrays, is_exact = _prepare(payoffs, exact)
    return _profiles(floats, arrays, is_exact, rtol)


def _profiles(floats, arrays, is_exact: bool, rtol: float) -> np.ndarray:
    exact_compare = is_exact or arrays[0].dtype.kind == "i"
    tol = None if exact_compare else tolerance(floats, rtol)
    masks = best_response_masks(arrays, tol)
    return np.argwhere(np.logical_and.reduce(masks)).astype(np.intp)


def pure_equilibria(
    payoffs: Sequence[np.ndarray],
    rtol: float = DEFAULT_RTOL,
    exact: bool | None = None,
    progress: ProgressArg = None,
) -> Equilibria:
    """Every pure-strategy Nash equilibrium of an n-player normal-form game.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` is player *i*'s payoff array of shape ``(m_1, ..., m_n)``: int,
        float, or ``object`` arrays of ``Fraction`` / sympy rationals.
    rtol : float
        Float payoffs: a strategy counts as a best response when it is within
        ``rtol`` times the player's payoff range of the best (see
        :func:`solvers.verify.tolerance`). Ignored when comparisons are exact.
    exact : bool, optional
        ``True``: exact arithmetic, strategies and payoffs as ``Fraction``.
        ``None`` (default): exact iff some array has ``object`` dtype.
    progress : bool, callable or None, default None (a bar only in a terminal)
        Report progress (see :func:`solvers.progress.track`), one step per pure
        equilibrium verified (the best-response masks are computed at once before).

    Returns
    -------
    Equilibria
        The pure equilibria in lexicographic order of their profiles, each verified by
        :meth:`Equilibrium.from_profile`; ``complete=True`` (this is the whole set of
        pure equilibria; mixed equilibria are not sought).

    Raises
    ------
    ValueError
        Fewer than two players, arrays whose shapes differ or do not have one axis per
        player, empty strategy sets, NaN or infinite payoffs.
    TypeError
        Non-numeric entries, or unbound sympy symbols.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[F(3), F(0)], [F(5), F(1)]], dtype=object)   # prisoner's dilemma
    >>> eqs = pure_equilibria([A, A.T])
    >>> eqs[0]
    Equilibrium(player 0: {1: 1}; player 1: {1: 1} | payoffs=(1, 1) | exact | pure_equilibria)
    >>> eqs.complete, eqs.exact
    (True, True)
    """
    return pure_stream(payoffs, rtol=rtol, exact=exact).run(progress)


def pure_stream(
    payoffs: Sequence[np.ndarray], rtol: float = DEFAULT_RTOL, exact: bool | None = None
) -> Stream:
    """:func:`pure_equilibria` as a :class:`~solvers.finite._stream.Stream`."""
    floats, arrays, is_exact = _prepare(payoffs, exact)
    profiles = _profiles(floats, arrays, is_exact, rtol)
    shape = floats[0].shape
    verify_with = arrays if is_exact else floats

    def steps() -> Iterator[list[Equilibrium]]:
        for profile in profiles:
            strategies = _one_hot(profile, shape, is_exact)
            yield [
                Equilibrium.from_profile(
                    verify_with, strategies, method=METHOD, exact=is_exact, rtol=rtol
                )
            ]

    def finish(found: list[Equilibrium]) -> Equilibria:
        return Equilibria(
            found,
            method=METHOD,
            exact=is_exact,
            degenerate=None,
            complete=True,
            tolerance=None if is_exact else rtol,
            notes=("pure-strategy equilibria only; mixed equilibria are not sought",),
        )

    return Stream(steps(), len(profiles), finish, METHOD)


def _one_hot(profile: np.ndarray, shape: tuple[int, ...], exact: bool) -> list[np.ndarray]:
    out = []
    for k, m in zip(profile, shape, strict=True):
        if exact:
            s = np.array([Fraction(0)] * m, dtype=object)
            s[k] = Fraction(1)
        else:
            s = np.zeros(m)
            s[k] = 1.0
        out.append(s)
    return out
