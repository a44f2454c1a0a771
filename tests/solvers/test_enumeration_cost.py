"""The up-front estimate of the polynomial method's time, and the default it decides."""

from __future__ import annotations

import itertools
import warnings
from math import comb, prod

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import equilibria
from solvers.finite._enumeration_cost import (
    MAX_COUNTED_SUPPORT_PROFILES,
    enumeration_seconds,
    system_seconds,
)
from solvers.finite._equilibria import (
    POLYNOMIAL_DEFAULT_SECONDS,
    _polynomial_by_default,
    tie_share,
)
from solvers.finite._polynomial import support_profile_count
from solvers.verify import regret


def _per_game() -> float:
    """The estimate's per-game constant: a one-profile game has no system to solve."""
    return enumeration_seconds([np.zeros((1, 1, 1), dtype=int)] * 3)


def test_exact_mode_costs_more():
    rng = np.random.default_rng(1)
    u = [rng.integers(0, 100, size=(3, 3, 3)) for _ in range(3)]
    assert enumeration_seconds(u, exact=True) > enumeration_seconds(u)


def test_system_costs_grow_with_the_system():
    # balanced supports (no player's equations outnumber the others' unknowns), one
    # strategy more at a time: each system costs at least as much as the one before
    three = [(2, 2, 2), (3, 2, 2), (3, 3, 2), (3, 3, 3), (4, 3, 3), (4, 4, 3), (4, 4, 4)]
    three += [(5, 4, 4), (5, 5, 4), (5, 5, 5), (6, 5, 5), (6, 6, 5), (6, 6, 6), (7, 6, 6)]
    four = [(2, 2, 2, 2), (3, 2, 2, 2), (3, 3, 2, 2), (3, 3, 3, 2), (3, 3, 3, 3)]
    four += [(4, 3, 3, 3), (4, 4, 3, 3), (4, 4, 4, 3), (4, 4, 4, 4)]
    for patterns in (three, four):
        costs = [system_seconds(sizes) for sizes in patterns]
        assert all(b >= a for a, b in itertools.pairwise(costs))
    # the same unknowns cost more when more players mix (equations of higher degree)
    assert system_seconds((3, 3, 3, 3)) > system_seconds((4, 4, 3))  # 8 unknowns
    assert system_seconds((4, 3, 3, 3)) > system_seconds((4, 4, 4))  # 9 unknowns
    # an overdetermined system (player 0: 7 equations in 2 unknowns) is proved empty
    # quickly (balanced (4, 4, 4) systems are now mostly settled by the LPs, at 4 ms)
    assert system_seconds((8, 2, 2)) < system_seconds((5, 4, 4))


def test_system_seconds_refuses_sizes_below_one():
    with pytest.raises(ValueError, match="sizes must be support sizes"):
        system_seconds((2, 0, 2))
    with pytest.raises(ValueError, match="sizes must be support sizes"):
        system_seconds(())


def test_a_constant_game_counts_every_support_profile():
    # nothing is dominated: every support profile is counted, by its sizes
    shape = (2, 2, 3)
    expected = _per_game()
    for sizes in itertools.product(*[range(1, m + 1) for m in shape]):
        ways = prod(comb(m, k) for m, k in zip(shape, sizes, strict=True))
        expected += ways * system_seconds(sizes)
    u = [np.zeros(shape, dtype=int) for _ in shape]
    assert enumeration_seconds(u) == pytest.approx(expected)


def test_a_dominance_solvable_game_is_cheap_however_large():
    # every player has a strictly dominant strategy: one support profile survives
    rng = np.random.default_rng(3)
    shape = (6, 6, 5)
    u = [rng.integers(0, 10, size=shape) for _ in shape]
    for i, m in enumerate(shape):
        index: list = [slice(None)] * 3
        index[i] = m - 1
        u[i][tuple(index)] = 100
    assert enumeration_seconds(u) == pytest.approx(_per_game())  # nothing to solve


def test_too_many_support_profiles_are_not_counted():
    shape = (7, 7, 5)
    assert support_profile_count(shape) > MAX_COUNTED_SUPPORT_PROFILES
    u = [np.zeros(shape, dtype=int) for _ in shape]
    assert enumeration_seconds(u) == float("inf")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(2, 4), min_size=3, max_size=4),
    st.integers(0, 2**32 - 1),
    st.sampled_from([2, 100]),
)
def test_relabelling_strategies_and_players_keeps_the_estimate(shape, seed, top):
    # the estimate counts support profiles by size; relabelling permutes them
    rng = np.random.default_rng(seed)
    shape = tuple(shape)
    u = [rng.integers(0, top, size=shape) for _ in shape]
    before = enumeration_seconds(u)
    perms = [rng.permutation(m) for m in shape]
    relabelled = [v[np.ix_(*perms)] for v in u]
    order = rng.permutation(len(shape))
    reordered = [np.transpose(relabelled[i], order) for i in order]
    assert enumeration_seconds(reordered) == pytest.approx(before)


@pytest.mark.parametrize(
    ("shape", "by_default"),
    [
        ((3, 3, 3, 3), True),
        ((2,) * 7, True),
        ((4, 4, 4), True),
        ((5, 4, 3), True),
        ((4, 4, 5), True),
        ((8, 3, 3), True),
        ((6, 4, 4), True),
        ((16, 2, 2), True),  # 64 pure profiles: always
        ((7, 4, 4), True),
        ((4, 4, 4, 2), True),
        ((5, 5, 5), True),
        ((6, 6, 5), False),
        ((6, 6, 4), True),  # 29 s measured (estimate 59 s)
        ((4, 4, 3, 3), True),
        ((2,) * 8, False),  # more than seven players: never
    ],
)
def test_which_random_games_the_default_enumerates(shape, by_default):
    rng = np.random.default_rng(0)
    u = [rng.standard_normal(shape) for _ in shape]
    enumerate_, seconds = _polynomial_by_default(u)
    assert enumerate_ is by_default
    assert (seconds <= POLYNOMIAL_DEFAULT_SECONDS) is by_default  # 0.0: not estimated


def test_a_large_dominance_solvable_game_is_enumerated_by_default():
    # a 6x6x5 game (123,039 support profiles) where iterated strict dominance leaves one
    # profile: the default proves it is the only equilibrium instead of tracing branches
    rng = np.random.default_rng(4)
    shape = (6, 6, 5)
    u = [rng.standard_normal(shape) for _ in shape]
    for i in range(3):
        index: list = [slice(None)] * 3
        index[i] = 0
        u[i][tuple(index)] = 10.0  # strategy 0 strictly dominant for everyone
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "too large" warning
        eqs = equilibria(u)
    assert eqs.method == "polynomial_equilibria" and eqs.complete
    assert len(eqs) == 1
    assert [np.argmax(s) for s in eqs[0].strategies] == [0, 0, 0]
    assert max(regret(u, list(eqs[0].strategies))) == 0


def test_beyond_the_estimate_the_warning_names_it():
    rng = np.random.default_rng(5)
    u = [rng.standard_normal((6, 6, 5)) for _ in range(3)]
    with pytest.warns(RuntimeWarning, match=r"123,039 support profiles, an estimated [\d,]+ s"):
        eqs = equilibria(u)
    assert not eqs.complete and eqs.method == "path_following_equilibria"


def test_tie_shares():
    rng = np.random.default_rng(6)
    generic = [rng.standard_normal((4, 3, 3)) for _ in range(3)]
    assert tie_share(generic) == 0.0
    binary = [rng.integers(0, 2, size=(8, 3, 3)) for _ in range(3)]
    assert 0.4 < tie_share(binary) < 0.6  # two values: half the pairs tie
    constant = [np.zeros((2, 3, 2), dtype=int) for _ in range(3)]
    assert tie_share(constant) == 1.0


def test_a_game_with_many_ties_is_not_enumerated_on_the_estimate():
    # 0/1 payoffs: continua everywhere, exact algebra the estimate does not price (an
    # 8x3x3 game estimated at 0.7 s took 65 s); beyond the support-profile counts
    # (12,495 > 7,000) the default does not enumerate it
    rng = np.random.default_rng(1)
    u = [rng.integers(0, 2, size=(8, 3, 3)) for _ in range(3)]
    assert _polynomial_by_default(u) == (False, float("inf"))


def test_five_players_beyond_the_counts_are_not_enumerated_on_the_estimate():
    # 3x3x2x2x2x2: 3,969 support profiles (> 3,500); the estimate (about 30 s) was found
    # 7x low on such games, so the counts alone decide
    rng = np.random.default_rng(7)
    shape = (3, 3, 2, 2, 2, 2)
    u = [rng.random(shape) for _ in shape]
    assert support_profile_count(shape) == 3_969
    assert _polynomial_by_default(u)[0] is False


def test_within_the_counts_no_estimate_is_needed():
    rng = np.random.default_rng(8)
    u = [rng.integers(0, 2, size=(4, 4, 5)) for _ in range(3)]  # 6,975 support profiles
    assert _polynomial_by_default(u) == (True, 0.0)
