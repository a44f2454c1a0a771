"""Voting power by generating functions against the characteristic-function route,
closed forms for large games (the modular path), and powerindex."""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solvers.coalitional import (
    banzhaf_value,
    characteristic_vector,
    shapley_value,
    swing_counts,
    voting_power,
)


def simple_game(weights: np.ndarray, quotas: np.ndarray) -> np.ndarray:
    n = weights.shape[0]
    return characteristic_vector(
        [
            int(
                all(
                    sum(int(weights[i, j]) for i in range(n) if m >> i & 1) >= quotas[j]
                    for j in range(len(quotas))
                )
            )
            for m in range(1 << n)
        ]
    )


@st.composite
def weighted(draw, criteria: int = 1):
    n = draw(st.integers(1, 7))
    w = np.array(
        draw(
            st.lists(
                st.lists(st.integers(0, 9), min_size=criteria, max_size=criteria),
                min_size=n,
                max_size=n,
            )
        ),
        dtype=np.int64,
    )
    q = np.array([draw(st.integers(1, max(1, int(w[:, j].sum()) + 1))) for j in range(criteria)])
    return w, q


@given(weighted())
def test_weighted_indices_match_the_characteristic_route(game) -> None:
    w, q = game
    v = simple_game(w, q)
    assert voting_power(w, q, "shapley_shubik")[0] == shapley_value(v)
    assert voting_power(w, q, "banzhaf")[0] == banzhaf_value(v)


@given(weighted(criteria=2))
def test_vector_weighted_indices_match_the_characteristic_route(game) -> None:
    w, q = game
    v = simple_game(w, q)
    assert voting_power(w, q, "shapley_shubik")[0] == shapley_value(v)
    assert voting_power(w, q, "banzhaf")[0] == banzhaf_value(v)


@pytest.mark.parametrize("n", [45, 100, 201])
def test_symmetric_majority_closed_form(n: int) -> None:
    """One vote each, quota q: every player has C(n-1, q-1) swings, Shapley-Shubik 1/n
    (large n exercises the multi-modular path)."""
    q = n // 2 + 1
    w = np.ones((n, 1), dtype=np.int64)
    counts = swing_counts(w, np.array([q]), by_size=False)
    assert counts == [math.comb(n - 1, q - 1)] * n
    ss, by_size = voting_power(w, np.array([q]), "shapley_shubik")
    assert ss == [F(1, n)] * n
    assert by_size[0] == [math.comb(n - 1, q - 1) if k == q - 1 else 0 for k in range(n + 1)]


@given(st.integers(1, 70), st.integers(1, 5), st.data())
def test_equal_weights_swings_closed_form(n, w0, data) -> None:
    """Weights all w0, quota q: a player swings exactly the coalitions of the
    s = ceil(q / w0) - 1 others, C(n-1, s) of them (n <= 62 sums in int64, beyond in
    Python integers)."""
    q = data.draw(st.integers(1, n * w0))
    counts = swing_counts(np.full((n, 1), w0, dtype=np.int64), np.array([q]), by_size=False)
    assert counts == [math.comb(n - 1, -(-q // w0) - 1)] * n


@pytest.mark.parametrize("n", [30, 63, 100])
def test_one_heavy_player_closed_form(n: int) -> None:
    """[q; h, 1, ..., 1] with h = n // 2 and q = h + n // 4 + 1: the heavy player swings
    the sets of k light ones with q - h <= k < q, a light player the sets of q - 1 - h
    light others with the heavy one or q - 1 light others without it."""
    h = n // 2
    q = h + n // 4 + 1
    w = np.array([[h]] + [[1]] * (n - 1), dtype=np.int64)
    counts = swing_counts(w, np.array([q]), by_size=False)
    heavy = sum(math.comb(n - 1, k) for k in range(q - h, min(q, n)))
    light = math.comb(n - 2, q - 1 - h) + math.comb(n - 2, q - 1)
    assert counts == [heavy] + [light] * (n - 1)
    tot = 1 << (n - 1)
    assert voting_power(w, np.array([q]), "banzhaf")[0] == [F(heavy, tot)] + [F(light, tot)] * (
        n - 1
    )


def test_apex_game_closed_form() -> None:
    """Apex game [4; 3, 1, 1, 1]: the apex is pivotal unless it comes first (3 < 4, and
    the three small ones together only reach 3), so SS = 3/4; a small player is pivotal
    only right after the apex in second place: 1/4 * 1/3 = 1/12."""
    ss, _ = voting_power(np.array([[3], [1], [1], [1]]), np.array([4]), "shapley_shubik")
    assert ss == [F(3, 4), F(1, 12), F(1, 12), F(1, 12)]


def test_large_game_matches_powerindex() -> None:
    powerindex = pytest.importorskip("powerindex", reason="powerindex (bench extra) not installed")
    rng = np.random.default_rng(5)
    for n in (27, 70):
        w = rng.integers(1, 15, n)
        q = int(w.sum()) // 2 + 1
        g = powerindex.Game(q, [int(x) for x in w])
        g.calc_banzhaf()
        ours, _ = voting_power(w[:, None], np.array([q]), "banzhaf")
        total = sum(ours)
        assert np.allclose(g.banzhaf, [float(x / total) for x in ours], atol=1e-12)
        if n <= 50:  # powerindex's Shapley-Shubik overflows a float for larger n
            g.calc_shapley_shubik()
            ss, _ = voting_power(w[:, None], np.array([q]), "shapley_shubik")
            assert np.allclose(g.shapley_shubik, [float(x) for x in ss], atol=1e-12)


def test_zero_weight_player_is_null() -> None:
    ss, _ = voting_power(np.array([[0], [2], [1]]), np.array([2]), "shapley_shubik")
    assert ss == [0, F(1), 0]


@pytest.mark.parametrize(
    ("weights", "quotas", "match"),
    [
        pytest.param([[1], [-1]], [1], "nonnegative", id="negative"),
        pytest.param([[1.5], [1]], [1], "nonnegative integers", id="float"),
        pytest.param([[1], [1]], [0], "positive", id="zero-quota"),
        pytest.param([[1], [1]], [1, 2], "one positive integer per criterion", id="quota-count"),
    ],
)
def test_voting_power_refuses_bad_input(weights, quotas, match) -> None:
    with pytest.raises(ValueError, match=match):
        voting_power(np.array(weights), np.array(quotas), "banzhaf")
