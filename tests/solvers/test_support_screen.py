"""Conditional dominance over all support profiles at once (``_support_screen``)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite._polynomial import polynomial_equilibria, support_profiles
from solvers.finite._support_screen import player_supports, undominated_supports


def dominated_one_by_one(u, support) -> bool:
    """The definition, support profile by support profile: some ``s`` in ``S_i`` is
    weakly dominated (one strict inequality) by some strategy ``t`` of player ``i``
    against every pure profile of the others' supports."""
    for i, own in enumerate(support):
        m = u[i].shape[i]
        index = [list(S) if j != i else list(range(m)) for j, S in enumerate(support)]
        rows = np.moveaxis(u[i][np.ix_(*index)], i, 0).reshape(m, -1)
        for s in own:
            for t in range(m):
                if np.all(rows[t] >= rows[s]) and np.any(rows[t] > rows[s]):
                    return True
    return False


@st.composite
def small_games(draw):
    n = draw(st.integers(2, 4))
    shape = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    top = draw(st.sampled_from([1, 2, 99]))  # 0..1 and 0..2: many ties
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return [rng.integers(0, top + 1, size=shape) for _ in shape]


@settings(max_examples=60, deadline=None)
@given(small_games())
def test_matches_the_definition_profile_by_profile(u):
    shape = u[0].shape
    expected = [s for s in support_profiles(shape) if not dominated_one_by_one(u, s)]
    assert undominated_supports(u, shape) == expected


def test_prisoners_dilemma_and_matching_pennies():
    A = np.array([[3, 0], [5, 1]])
    assert undominated_supports([A, A.T], (2, 2)) == [((1,), (1,))]
    B = np.array([[1, -1], [-1, 1]])
    assert undominated_supports([B, -B], (2, 2)) == [((0, 1), (0, 1))]


def test_a_constant_game_keeps_every_support_profile():
    u = [np.zeros((2, 3, 2), dtype=int) for _ in range(3)]
    assert undominated_supports(u, (2, 3, 2)) == list(support_profiles((2, 3, 2)))


def test_exact_comparisons_on_big_integers():
    # payoffs beyond float precision: 2**60 + 1 > 2**60 must count as strictly better
    big = 2**60
    A = np.array([[big, big], [big + 1, big]], dtype=object)
    Z = np.zeros((2, 2), dtype=object)
    survivors = undominated_supports([A, Z], (2, 2))
    # against column 0, row 1 is better than row 0; against column 1 they tie
    assert ((0,), (0,)) not in survivors and ((0,), (0, 1)) not in survivors
    assert ((0,), (1,)) in survivors and ((1,), (0,)) in survivors


def test_player_supports_order():
    assert player_supports(3) == [(0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)]


@settings(max_examples=15, deadline=None)
@given(small_games())
def test_every_equilibrium_support_survives(u):
    """No equilibrium is lost to the screen: the exact supports of every equilibrium the
    complete method lists are among the survivors."""
    shape = u[0].shape
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eqs = polynomial_equilibria(u, exact=True, exact_budget=5)
    survivors = set(undominated_supports(u, shape))
    for eq in eqs:
        assert tuple(tuple(S) for S in eq.supports) in survivors


@pytest.mark.parametrize("shape", [(6, 6, 5), (2,) * 7])
def test_sizes_beyond_the_default(shape):
    rng = np.random.default_rng(7)
    u = [rng.integers(0, 100, size=shape) for _ in shape]
    survivors = undominated_supports(u, shape)
    # a generic game: each support profile appears once, all valid, in order
    assert len(set(survivors)) == len(survivors)
    for support in survivors[:: max(1, len(survivors) // 200)]:
        assert not dominated_one_by_one(u, support)
