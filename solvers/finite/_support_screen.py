"""Support profiles that survive conditional dominance, all at once.

A mixed profile with supports exactly :math:`S = (S_1, \\dots, S_n)` gives every pure
profile of :math:`S_{-i}` positive probability, so a strategy :math:`s \\in S_i` cannot
be a best response when some strategy :math:`t` of player *i* does at least as well
against each of those profiles and strictly better against one (conditional dominance,
Porter, Nudelman and Shoham 2008, in the weak form this exact-support argument allows).

Whether :math:`s` is so dominated depends only on the others' supports, so for each
player the strategies that are not are computed once per profile of the others'
supports, by two matrix products (counts of the others' pure profiles where
:math:`t` does worse, and where it does better, than :math:`s`); a support profile
survives when every :math:`S_i` lies within its player's undominated strategies. Exact
comparisons on integer payoffs.

Examples
--------
>>> import numpy as np
>>> A = np.array([[3, 0], [5, 1]])            # prisoner's dilemma: row 1 dominates
>>> undominated_supports([A, A.T], (2, 2))
[((1,), (1,))]
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from math import prod

import numpy as np

__all__ = ["player_supports", "undominated_supports"]


def player_supports(m: int) -> list[tuple[int, ...]]:
    """One player's non-empty supports, by size, then lexicographically (the order of
    :func:`solvers.finite.support_profiles`).

    Examples
    --------
    >>> player_supports(3)
    [(0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)]
    """
    return [c for k in range(1, m + 1) for c in itertools.combinations(range(m), k)]


def _membership(m: int) -> np.ndarray:
    """``(2^m - 1, m)`` booleans: strategy ``s`` is in support ``k``."""
    out = np.zeros((2**m - 1, m), dtype=bool)
    for k, support in enumerate(player_supports(m)):
        out[k, list(support)] = True
    return out


def _dominated_by_context(u: np.ndarray, i: int, members: list[np.ndarray]) -> np.ndarray:
    """``(G, m_i)``: strategy ``s`` of player ``i`` is conditionally dominated given the
    ``g``-th profile of the others' supports (C order over the other players).

    For each pair ``(t, s)`` it counts the others' pure profiles within the supports
    where ``t`` does worse than ``s``, and where better: the indicator tensors contracted
    with each other player's support membership matrix in turn (never the full
    supports x pure profiles matrix)."""
    m = u.shape[i]
    rows = np.moveaxis(u, i, 0)  # (m, m_j for j != i)
    worse = np.stack([np.asarray(rows[t] < rows, dtype=bool) for t in range(m)])
    better = np.stack([np.asarray(rows[t] > rows, dtype=bool) for t in range(m)])
    # (m_j for j != i ..., 2 m m): indicator of t worse / better than s, per pure profile
    counts = np.concatenate(
        [worse.reshape(m * m, *rows.shape[1:]), better.reshape(m * m, *rows.shape[1:])]
    ).astype(np.float64)  # counts <= 2^53: exact in floats
    counts = np.moveaxis(counts, 0, -1)
    others = [member.astype(np.float64) for j, member in enumerate(members) if j != i]
    for pos, member in enumerate(others):  # pure strategies -> supports, one player at a time
        counts = np.moveaxis(np.tensordot(member, counts, axes=([1], [pos])), 0, pos)
    counts = counts.reshape(-1, 2, m, m)  # (G, worse/better, t, s)
    dominates = (counts[:, 0] == 0) & (counts[:, 1] > 0)
    return dominates.any(axis=1)  # by any t, per s


def undominated_supports(ints: Sequence[np.ndarray], shape: Sequence[int]) -> list[tuple]:
    """The support profiles, in the order of :func:`solvers.finite.support_profiles`, in
    which no strategy of any support is conditionally dominated given the others'.

    ``ints`` are the players' payoff arrays as exact integers (or any exactly comparable
    numbers). Work and memory grow with the number of support profiles,
    :math:`\\prod_i (2^{m_i} - 1)` (for each player, :math:`2 m_i^2` counts per profile of
    the others' supports).

    Examples
    --------
    Matching pennies: only the fully mixed profile survives (against each pure strategy
    of the other player one's own strategy is strictly better).

    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])
    >>> undominated_supports([A, -A], (2, 2))
    [((0, 1), (0, 1))]
    """
    shape = tuple(int(m) for m in shape)
    n = len(shape)
    members = [_membership(m) for m in shape]
    counts = [member.shape[0] for member in members]
    valid = np.ones(counts, dtype=bool)
    for i in range(n):
        dominated = _dominated_by_context(ints[i], i, members)  # (G, m_i)
        # support k of player i meets a dominated strategy, given context g: (K_i, G)
        clash = members[i].astype(np.float64) @ dominated.T.astype(np.float64) > 0
        others = [counts[j] for j in range(n) if j != i]
        valid &= ~np.moveaxis(clash.reshape(counts[i], *others), 0, i)
    lists = [player_supports(m) for m in shape]
    assert valid.size == prod(counts)
    return [
        tuple(lists[j][k] for j, k in enumerate(index))
        for index in zip(*np.nonzero(valid), strict=True)
    ]
