r"""A certified linear-programming screen: no equilibrium has exactly this support profile.

For a mixed profile :math:`\sigma` with supports :math:`S = (S_1, \dots, S_n)`, the product
:math:`\mu = \sigma_1 \otimes \dots \otimes \sigma_n` is a positive vector over the pure
profiles of :math:`S`. Player *i*'s indifference and best-response conditions are linear
in :math:`\sigma_{-i}`; multiplied by :math:`\sigma_i(a) > 0` for each :math:`a \in S_i`
they become linear in :math:`\mu`, one copy per own strategy *a* (the conditional
distribution of the others given :math:`s_i = a` is :math:`\sigma_{-i}` itself):

.. math::
    \sum_{s_{-i} \in S_{-i}} \mu(a, s_{-i}) \bigl(u_i(b, s_{-i}) - u_i(b_0, s_{-i})\bigr)
    \;\begin{cases} = 0 & b \in S_i \\ \le 0 & b \notin S_i \end{cases}
    \qquad (a \in S_i),

with :math:`b_0` the first strategy of :math:`S_i`. Relaxing the product to any
:math:`\mu \ge 1` (scaled) gives a linear feasibility problem (a reformulation-
linearization of the support system); if it is infeasible, no equilibrium has exactly
these supports. This is much stronger than asking, player by player, for some
distribution over :math:`S_{-i}` (Porter, Nudelman and Shoham's test): measured on random
6x6x5 and 5x5x5 games it rules out 98% of the (4, 4, 3) and 64-98% of the (4, 4, 4) and
(5, 4, 4) support systems of three players mixing, whose homotopy or subdivision costs
5-200 ms, at 2-4 ms each (HiGHS). With four or more players mixing it rarely excludes
anything (the relaxation loosens with each product).

Infeasibility is **certified**, not read off the LP solver's status: by Farkas' lemma it
holds when some combination :math:`c = A^\top w` of the constraints (:math:`w \ge 0` on
the inequalities) is positive in every coordinate, since then :math:`c^\top \mu > 0` for
every :math:`\mu \ge 1` while the constraints force :math:`c^\top \mu \le 0`. The LP
finds the combination with the largest least coordinate; it is accepted only when every
coordinate of :math:`A^\top w`, computed in floating point, exceeds a bound on the
rounding of the payoffs and of the product (:func:`certified_positive`). A failed
certificate only means the system is solved as before.

A **lifted** relaxation (:func:`lifted_constraints`, one level up the Sherali-Adams
hierarchy) multiplies every constraint once more, by each probability
:math:`\sigma_j(c)` of one player *j*: the products are linear in the variables
:math:`\xi(s_{-j}, \{b, c\}) = \sigma_{-j}(s_{-j}) \sigma_j(b) \sigma_j(c)`, one per
pure profile of the others' supports and unordered pair of *j*'s strategies (the first
relaxation is implied: sum a constraint's copies over *c*). Its LP is larger (about
:math:`(|S_j| + 1) / 2` times the variables, :math:`|S_j|` times the constraints) and much
stronger: on random 6x6x5 games it rules out 97% of the (5, 5, 4), 81% of the (5, 5, 5)
and 68% of the (6, 5, 4) support systems the first relaxation leaves, at 10-200 ms each
against 0.1-0.8 s for their homotopy. Every positive solution can be scaled so that all
variables are at least 1, so the same certificate applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from math import prod
from typing import Any

import numpy as np

from solvers._highs import discard_instance, highs_instance, import_highspy

__all__ = [
    "MAX_LIFTED_VARIABLES",
    "MAX_PROFILES",
    "MIN_RANGE",
    "certified_positive",
    "conditional_constraints",
    "lifted_constraints",
    "no_equilibrium_between",
    "no_equilibrium_with_support",
    "screens",
]

#: Support profiles with more pure profiles than this are not screened (the LP's size).
MAX_PROFILES = 4096
#: Lifted relaxations with more variables than this are not built (the LP's size).
MAX_LIFTED_VARIABLES = 1600
#: A player whose largest payoff (after her least is subtracted) is below this gets no
#: certificate: near float's subnormal range rounding is not small relative to it (the
#: caller rescales such payoffs by a power of two first).
MIN_RANGE = 2.0**-900
#: The purpose under which this module's HiGHS instances are kept (solvers._highs).
_PURPOSE = "conditional LP"
#: HiGHS options for these LPs: the primal simplex (``w = 0, t = 0`` is a feasible start)
#: without scaling (every entry is in [-1, 1]): about 2/3 of the dual simplex's time.
_OPTIONS = {"simplex_strategy": 4, "simplex_scale_strategy": 0}


def conditional_constraints(
    payoffs: Sequence[np.ndarray], support: tuple
) -> tuple[np.ndarray, int]:
    """The constraints of the conditional relaxation, one column each.

    Parameters
    ----------
    payoffs : sequence of numpy.ndarray
        Each player's payoffs as non-negative floats (her payoffs minus her least one).
    support : tuple of tuple of int
        The support profile.

    Returns
    -------
    A : numpy.ndarray
        Shape ``(N, J)``: ``N`` the pure profiles of the supports (C order), one column
        per constraint ``A[:, j] @ mu = 0`` (the first ``equalities`` columns) or
        ``<= 0`` (the others); each player's columns divided by her largest payoff (so
        every entry lies in [-1, 1]).
    equalities : int

    Examples
    --------
    Matching pennies, both players mixing: per player two own strategies times one
    indifference, no strategy outside the support.

    >>> import numpy as np
    >>> u = np.array([[2.0, 0.0], [0.0, 2.0]])
    >>> A, equalities = conditional_constraints([u, 2.0 - u], ((0, 1), (0, 1)))
    >>> A.shape, equalities
    ((4, 4), 4)
    >>> A[:, 0].tolist()  # player 0, own strategy 0: mu(0,0) (-1) + mu(0,1) (+1) = 0
    [-1.0, 1.0, 0.0, 0.0]
    """
    sizes = tuple(len(S) for S in support)
    shape = tuple(int(m) for m in np.shape(payoffs[0]))
    positions, J, equalities = _layout(sizes, shape)
    values = []
    for i, S in enumerate(support):
        m = shape[i]
        # the conditions: S_i's other strategies (equalities), the outside ones, then b_0
        conditions = [*S[1:], *(b for b in range(m) if b not in S), S[0]]
        index = [list(T) if k != i else conditions for k, T in enumerate(support)]
        top = float(payoffs[i].max())
        U = np.moveaxis(payoffs[i][np.ix_(*index)], i, 0).reshape(m, -1)
        U = U / (top if top > 0 else 1.0)
        rows = U[:-1] - U[-1]  # (condition, others' profile)
        # one copy per own strategy a (the columns of a condition, a after another)
        values.append(np.broadcast_to(rows[:, None, :], (m - 1, sizes[i], rows.shape[1])))
    N = prod(sizes)
    A = np.zeros(J * N)
    A[positions] = np.concatenate([v.ravel() for v in values])
    return A.reshape(J, N).T, equalities


@lru_cache(maxsize=256)
def _layout(sizes: tuple[int, ...], shape: tuple[int, ...]) -> tuple[np.ndarray, int, int]:
    """Where :func:`conditional_constraints` puts each player's values in the flat
    ``(J, N)`` transpose of its matrix (for supports of these sizes in a game of this
    shape): player by player, condition by condition (her support's other strategies,
    then the outside ones), own strategy by own strategy, the others' profiles in C
    order; with the number ``J`` of constraints and of equalities (every player's
    equalities come first)."""
    N = prod(sizes)
    grid = np.arange(N).reshape(sizes)
    equal = [m - 1 for m in sizes]
    below = [M - m for m, M in zip(sizes, shape, strict=True)]
    first_equal = np.cumsum([0] + [k * m for k, m in zip(equal, sizes, strict=True)])
    equalities = int(first_equal[-1])
    first_below = equalities + np.cumsum([0] + [k * m for k, m in zip(below, sizes, strict=True)])
    positions = []
    for i, m in enumerate(sizes):
        profiles = np.moveaxis(grid, i, 0).reshape(m, -1)  # (own a, others' profile)
        k = np.arange(shape[i] - 1)[:, None]
        own = np.arange(m)[None, :]
        column = np.where(
            k < equal[i], first_equal[i] + k * m + own, first_below[i] + (k - equal[i]) * m + own
        )  # (condition, own a)
        positions.append((column[:, :, None] * N + profiles[None, :, :]).ravel())
    return np.concatenate(positions), int(first_below[-1]), equalities


def lifted_constraints(
    payoffs: Sequence[np.ndarray], support: tuple, player: int
) -> tuple[np.ndarray, int]:
    r"""The conditional relaxation lifted by one player's probabilities.

    Each constraint of :func:`conditional_constraints` (a condition of some player,
    multiplied by one of her own probabilities) is multiplied once more, by each
    probability :math:`\sigma_j(c)` of player ``j = player``: it becomes linear in the
    products :math:`\xi(s_{-j}, \{b, c\}) = \sigma_{-j}(s_{-j}) \sigma_j(b)
    \sigma_j(c)`, one variable per pure profile of the others' supports and unordered
    pair ``b <= c`` of positions in :math:`S_j` (the symmetry of
    :math:`\sigma_j(b) \sigma_j(c)` built in). The first relaxation is implied: summing
    a constraint's copies over ``c`` gives it back for :math:`\mu = \sum_c \nu(\cdot, c)`.

    Parameters
    ----------
    payoffs : sequence of numpy.ndarray
        Each player's payoffs as non-negative floats (her payoffs minus her least one).
    support : tuple of tuple of int
        The support profile.
    player : int
        The player *j* whose probabilities multiply the constraints.

    Returns
    -------
    A : numpy.ndarray
        Shape ``(N / m * m (m + 1) / 2, J m)`` (``N`` pure profiles of the supports,
        ``m = |S_j|``, ``J`` constraints of the first relaxation), one column per
        constraint (constraint ``k`` times :math:`\sigma_j(c)` at ``k m + c``), entries
        in [-1, 1], each a single entry of the first relaxation's matrix.
    equalities : int
        The first ``equalities`` columns are equalities, the others ``<= 0``.

    Examples
    --------
    Matching pennies lifted by the first player: 2 strategies of the other times 3
    pairs; 4 equalities, each twice.

    >>> import numpy as np
    >>> u = np.array([[2.0, 0.0], [0.0, 2.0]])
    >>> A, equalities = lifted_constraints([u, 2.0 - u], ((0, 1), (0, 1)), 0)
    >>> A.shape, equalities
    ((6, 8), 8)
    """
    A, equal = conditional_constraints(payoffs, support)
    sizes = tuple(len(S) for S in support)
    N, m = prod(sizes), sizes[player]
    J = A.shape[1]
    # each pure profile s as (the others' part r, own position b)
    grid = np.moveaxis(np.arange(N).reshape(sizes), player, -1).reshape(-1, m)
    rest = np.empty(N, dtype=np.int64)
    own = np.empty(N, dtype=np.int64)
    rest[grid] = np.arange(grid.shape[0])[:, None]
    own[grid] = np.arange(m)[None, :]
    # the unordered pair {b, c}, b <= c, as an index in 0 .. m (m + 1) / 2 - 1
    pair = np.zeros((m, m), dtype=np.int64)
    b, c = np.triu_indices(m)
    pair[b, c] = pair[c, b] = np.arange(b.size)
    lifted = np.zeros((grid.shape[0] * b.size, J, m))
    for position in range(m):
        lifted[rest * b.size + pair[own, position], :, position] = A
    return lifted.reshape(lifted.shape[0], J * m), equal * m  # column k m + c


def certified_positive(A: np.ndarray, equalities: int, w: np.ndarray) -> bool:
    """Whether ``A @ w`` (``w >= 0`` enforced on the inequality columns) is provably
    positive in every coordinate for the exact payoffs behind the float matrix ``A``.

    Each entry of ``A`` is within ``8 eps`` of its exact value (two roundings of payoffs
    of at most 1 in magnitude, a division and a subtraction; normal floats, see
    :data:`MIN_RANGE`) and the product's rounding is
    at most ``J eps`` times the sum of ``|A_jk w_j|``; the bound used is twice their sum.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [1.0, 0.5]])
    >>> certified_positive(A, 1, np.array([1.0, 0.5]))  # (0.5, 1.25)
    True
    >>> certified_positive(A, 1, np.array([1.0, 1.0]))  # first coordinate 0
    False
    """
    w = np.array(w, dtype=float)
    w[equalities:] = np.maximum(w[equalities:], 0.0)
    if not np.all(np.isfinite(w)):
        return False
    J = A.shape[1]
    eps = np.finfo(float).eps
    c = A @ w
    bound = 2 * eps * ((J + 2) * (np.abs(A) @ np.abs(w)) + 8 * np.abs(w).sum()) + 1e-300
    return bool(np.all(c > bound))


def screens(payoffs: Sequence[np.ndarray], support: tuple) -> bool:
    """Whether :func:`no_equilibrium_with_support` builds an LP for this support at all:
    at most :data:`MAX_PROFILES` pure profiles, and finite payoffs whose ranges are not
    subnormal (see :data:`MIN_RANGE`). Exactly, its verdict subsumes the weaker test,
    player by player, of some distribution over the others' supports (the normalised
    slice of a feasible product at any own strategy is one); in floating point, on
    near-tie games, that test's own margin can decide where this certificate cannot.

    Examples
    --------
    >>> import numpy as np
    >>> u = np.array([[2.0, 0.0], [0.0, 2.0]])
    >>> screens([u, 2.0 - u], ((0, 1), (0, 1))), screens([u, u + np.inf], ((0,), (0,)))
    (True, False)
    """
    if prod(len(S) for S in support) > MAX_PROFILES:
        return False
    tops = [float(np.max(u)) for u in payoffs]
    # subnormal (or infinite) payoffs: no rounding bound to rely on
    return not any(not np.isfinite(top) or 0 < top < MIN_RANGE for top in tops)


def no_equilibrium_with_support(
    payoffs: Sequence[np.ndarray],
    support: tuple,
    lifted: bool = False,
    fast: bool = True,
    lifts: int = 1,
) -> bool:
    """Whether no Nash equilibrium has exactly these supports, by the conditional LP.

    ``True`` only with a certificate (see the module docstring); ``False`` means "not
    ruled out" (the support may or may not carry an equilibrium).

    Parameters
    ----------
    payoffs : sequence of numpy.ndarray
        Each player's payoffs as non-negative floats (her payoffs minus her least one).
    support : tuple of tuple of int
        The support profile.
    lifted : bool
        Use the lifted relaxation (:func:`lifted_constraints`, by the first player of
        largest support; stronger, larger) instead of the first one. A lift with more
        than :data:`MAX_LIFTED_VARIABLES` variables is not built (the next player's is
        tried, if ``lifts`` asks for it; else ``False``).
    fast : bool
        Solve the LP through ``highspy`` where it is installed (2-4 times faster per LP,
        but importing it takes about 0.15 s: callers with few LPs pass ``False`` for
        ``scipy.optimize.linprog``). Either way the certificate is checked the same.
    lifts : int
        With ``lifted``, how many players the relaxation is lifted by, one after another
        (the players by decreasing support size, ties in player order) until one
        lift certifies: each lift is a different relaxation (on a random 6x6x5 game the
        other players' lifts rule out 27 of the 49 three-mixing systems the first leaves,
        at 30-300 ms against 0.2-6 s of homotopy each).

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        If ``lifts`` is not a positive integer.

    Examples
    --------
    Matching pennies: its equilibrium mixes both strategies of both players; with only
    the first player mixing no profile is an equilibrium.

    >>> import numpy as np
    >>> u = np.array([[2.0, 0.0], [0.0, 2.0]])
    >>> no_equilibrium_with_support([u, 2.0 - u], ((0, 1), (0, 1)))
    False
    >>> no_equilibrium_with_support([u, 2.0 - u], ((0, 1), (0,)))
    True
    """
    if isinstance(lifts, bool) or not isinstance(lifts, int | np.integer) or lifts < 1:
        raise ValueError(f"lifts must be a positive number of players, got {lifts!r}")
    if not lifted:
        return _conditional_verdict(payoffs, support, fast) is True
    if not screens(payoffs, support):
        return False
    sizes = [len(S) for S in support]
    players = sorted(range(len(sizes)), key=lambda j: -sizes[j])  # stable: ties in order
    for player in players[:lifts]:
        if prod(sizes) * (sizes[player] + 1) // 2 > MAX_LIFTED_VARIABLES:
            continue  # too large a lift: the next player's, if asked
        if _certified(*lifted_constraints(payoffs, support, player), fast) is True:
            return True
    return False


def _conditional_verdict(payoffs: Sequence[np.ndarray], support: tuple, fast: bool) -> bool | None:
    """The first relaxation's verdict: ``True`` certified (no equilibrium), ``False`` its
    LP's optimum is zero (a feasible relaxation: nothing it implies rules the support
    out), ``None`` undecided (not built, the LP failed, or its positive optimum did not
    pass :func:`certified_positive`: near-ties, where a weaker test with a clearer
    margin may still decide)."""
    if not screens(payoffs, support):
        return None
    return _certified(*conditional_constraints(payoffs, support), fast)


def no_equilibrium_between(
    payoffs: Sequence[np.ndarray],
    support: tuple,
    dropped: Sequence[Sequence[int]],
    fast: bool = True,
) -> bool:
    r"""Whether no Nash equilibrium has supports between ``support`` without ``dropped``
    and ``support`` itself: :math:`S_i \setminus D_i \subseteq S'_i \subseteq S_i` for
    every player (:math:`2^{\sum |D_i|}` support profiles by one LP).

    For such an equilibrium, the product :math:`\mu` over the pure profiles of
    :math:`S` (zero where some :math:`s_i \notin S'_i`) satisfies each player's
    conditions multiplied by each own probability :math:`\sigma_i(a)`, :math:`a \in
    S_i`, with strategy :math:`b` as good as the others where :math:`b \in S_i
    \setminus D_i` or :math:`b = a` (both in the support where :math:`\sigma_i(a) >
    0`; zero otherwise), and no better elsewhere. That is :func:`conditional_constraints`
    of ``support`` with the equalities of strategies in :math:`D_i` (other than own
    :math:`a`) turned into inequalities; a combination positive at every profile of
    :math:`S` (:func:`certified_positive`) rules out every nonzero such :math:`\mu`.
    Measured on a random 6x6x5 game, with each mixing player's last strategy dropped
    (8 support profiles): certified for 82% of the supports the single LP rules out.

    Parameters
    ----------
    payoffs : sequence of numpy.ndarray
        Each player's payoffs as non-negative floats (her payoffs minus her least one).
    support : tuple of tuple of int
        The largest support profile :math:`S`.
    dropped : sequence of sequence of int
        Per player, strategies of her support that may be missing, never its first one.
    fast : bool
        As for :func:`no_equilibrium_with_support`.

    Returns
    -------
    bool
        ``True`` only with a certificate.

    Raises
    ------
    ValueError
        If ``dropped`` does not name, per player, strategies of her support other than
        its first.

    Examples
    --------
    The prisoner's dilemma: only (defect, defect) is an equilibrium, so no support
    between ((0,), (0,)) and ((0, 1), (0, 1)) without defection carries one, while the
    family that may drop cooperation contains (defect, defect).

    >>> import numpy as np
    >>> u = np.array([[3.0, 0.0], [5.0, 1.0]])
    >>> no_equilibrium_between([u, u.T.copy()], ((0, 1), (0, 1)), [(1,), (1,)])
    True
    >>> no_equilibrium_between([u, u.T.copy()], ((1, 0), (1, 0)), [(0,), (0,)])
    False
    """
    if len(dropped) != len(support) or any(
        not set(D) <= set(S[1:]) for S, D in zip(support, dropped, strict=True)
    ):
        raise ValueError(
            "dropped must list, per player, strategies of her support other than its "
            f"first, got {[list(D) for D in dropped]} for support {support}"
        )
    if not screens(payoffs, support):
        return False
    A, equalities = conditional_constraints(payoffs, support)
    loose = []
    first = 0
    for S, D in zip(support, dropped, strict=True):
        m = len(S)
        for b in set(D):
            c = S.index(b) - 1  # its equalities: one per own position a (none for a = b)
            loose += [first + c * m + a for a in range(m) if S[a] != b]
        first += (m - 1) * m
    if not loose:
        return _certified(A, equalities, fast) is True
    tight = np.setdiff1d(np.arange(equalities), loose)
    order = np.concatenate([tight, np.array(sorted(loose)), np.arange(equalities, A.shape[1])])
    return _certified(A[:, order], tight.size, fast) is True


def _certified(A: np.ndarray, equalities: int, fast: bool) -> bool | None:
    """Whether the LP finds a combination of the columns of ``A`` that
    :func:`certified_positive` accepts: ``True``; ``False`` where its optimum is zero
    (or there are no columns); ``None`` where it fails or its combination is refused."""
    if A.shape[1] == 0:
        return False
    x = _max_min_combination(A, equalities, fast)
    if x is None:
        return None
    if not x[-1] > 0:
        return False
    return True if certified_positive(A, equalities, x[:-1]) else None


def _max_min_combination(A: np.ndarray, equalities: int, fast: bool = True) -> np.ndarray | None:
    """The combination ``w`` of the constraint columns whose least coordinate ``t`` of
    ``A @ w`` is largest (normalised: ``sum(A @ w) <= 1``; ``w >= 0`` on the inequality
    columns), as ``(w, t)``, or None when the LP fails.

    The LP: variables ``(w, t)``, maximise ``t`` subject to ``A w >= t`` in each
    coordinate, ``sum(A w) <= 1`` and ``0 <= t <= 1`` (``w = 0, t = 0`` is always
    feasible). Solved by HiGHS: through ``highspy`` where it is installed and ``fast``
    (one instance
    per thread, primal simplex without presolve or scaling: about a third of the time of
    a ``linprog`` call on these LPs), else through :func:`scipy.optimize.linprog`.
    """
    N, J = A.shape
    matrix = np.zeros((N + 1, J + 1))
    matrix[:N, :J] = -A
    matrix[:N, J] = 1.0
    matrix[N, :J] = A.sum(axis=0)
    hp = import_highspy() if fast else False
    if hp:
        x = _solve_with_highspy(hp, matrix, equalities)
    else:
        from scipy.optimize import linprog

        bounds = [(None, None)] * equalities + [(0, None)] * (J - equalities) + [(0, 1)]
        cost = np.append(np.zeros(J), -1.0)
        try:
            fit = linprog(
                cost, A_ub=matrix, b_ub=np.append(np.zeros(N), 1.0), bounds=bounds, method="highs"
            )
        except ValueError:  # pragma: no cover - non-finite input: no certificate
            return None
        x = fit.x if fit.status == 0 else None
    return None if x is None else np.asarray(x, dtype=float)


def _solve_with_highspy(hp: Any, matrix: np.ndarray, equalities: int) -> np.ndarray | None:
    """The LP of :func:`_max_min_combination` (rows ``matrix @ (w, t) <= (0, ..., 0, 1)``)
    on this thread's HiGHS instance; its solution, or None unless optimal."""
    rows, cols = matrix.shape
    J = cols - 1
    inf = hp.kHighsInf
    col, row = np.nonzero(matrix.T)  # column-wise (CSC) order
    h = highs_instance(_PURPOSE, _OPTIONS)
    try:
        # the model as arrays (about 0.2 ms less than filling a HighsLp's fields)
        status = h.passModel(
            cols,
            rows,
            row.size,
            int(hp.MatrixFormat.kColwise),
            int(hp.ObjSense.kMinimize),
            0.0,
            np.append(np.zeros(J), -1.0),  # maximise t
            np.concatenate([np.full(equalities, -inf), np.zeros(J - equalities + 1)]),
            np.append(np.full(J, inf), 1.0),
            np.full(rows, -inf),
            np.append(np.zeros(rows - 1), 1.0),
            np.searchsorted(col, np.arange(cols)).astype(np.int32),
            row.astype(np.int32),
            matrix[row, col],
            np.zeros(cols, dtype=np.int32),  # continuous variables
        )
        # a warning (entries below HiGHS's small-value threshold, which it drops, as in
        # near-tie games) still solves: the certificate is checked on the true matrix
        if status == hp.HighsStatus.kError:  # pragma: no cover - a refused model
            return None
        h.run()
        if h.getModelStatus() != hp.HighsModelStatus.kOptimal:
            return None
        return np.array(h.getSolution().col_value, dtype=float)
    except Exception:  # pragma: no cover - a HiGHS failure: no certificate, fresh instance
        discard_instance(_PURPOSE)
        return None
