"""Shapley and Banzhaf values: the axioms as properties, and the definitions as oracles."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solvers.coalitional import (
    banzhaf_value,
    characteristic_vector,
    normalize,
    shapley_value,
    shapley_value_permutations,
)


@st.composite
def games(draw, min_n: int = 1, max_n: int = 5, lo: int = -20, hi: int = 20):
    n = draw(st.integers(min_n, max_n))
    vals = draw(st.lists(st.integers(lo, hi), min_size=1 << n, max_size=1 << n))
    vals[0] = 0
    return n, np.array(vals, dtype=np.int64)


def permute(v: np.ndarray, n: int, perm: list[int]) -> np.ndarray:
    """The game with player i renamed perm[i]."""
    out = np.zeros_like(v)
    for mask in range(1 << n):
        image = sum(1 << perm[i] for i in range(n) if mask >> i & 1)
        out[image] = v[mask]
    return out


@given(games())
def test_efficiency(game) -> None:
    n, v = game
    assert sum(shapley_value(v, n)) == v[-1]


@given(games(min_n=2), st.data())
def test_symmetry_covariance(game, data) -> None:
    """Renaming players renames the values (which gives the symmetry axiom)."""
    n, v = game
    perm = data.draw(st.permutations(range(n)))
    phi, psi = shapley_value(v, n), shapley_value(permute(v, n, perm), n)
    assert all(psi[perm[i]] == phi[i] for i in range(n))


@given(games(min_n=2), st.data())
def test_null_player_gets_zero(game, data) -> None:
    n, v = game
    i = data.draw(st.integers(0, n - 1))
    v = v.copy()
    for mask in range(1 << n):  # make i null: v(S + i) = v(S)
        if mask >> i & 1:
            v[mask] = v[mask ^ (1 << i)]
    assert shapley_value(v, n)[i] == 0
    assert banzhaf_value(v, n)[i] == 0


@given(games(min_n=1, max_n=4), st.data())
def test_additivity(game, data) -> None:
    n, v = game
    w = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=1 << n, max_size=1 << n)))
    w[0] = 0
    total = shapley_value(v + w, n)
    assert total == [a + b for a, b in zip(shapley_value(v, n), shapley_value(w, n), strict=True)]


@given(games(max_n=5))
def test_shapley_equals_the_permutation_definition(game) -> None:
    n, v = game
    assert shapley_value(v, n) == shapley_value_permutations(v, n)


@given(games(max_n=5))
def test_banzhaf_equals_the_marginal_definition(game) -> None:
    n, v = game
    expected = [
        F(sum(int(v[m | 1 << i] - v[m]) for m in range(1 << n) if not m >> i & 1), 2 ** (n - 1))
        for i in range(n)
    ]
    assert banzhaf_value(v, n) == expected


@given(games(max_n=6))
def test_float_and_exact_agree(game) -> None:
    n, v = game
    exact = shapley_value(v, n)
    approx = shapley_value(v.astype(float), n)
    assert approx == pytest.approx([float(x) for x in exact], abs=1e-9)
    assert banzhaf_value(v.astype(float), n) == pytest.approx(
        [float(x) for x in banzhaf_value(v, n)], abs=1e-9
    )


def shapley_by_definition(v: list[int], n: int) -> list[F]:
    """phi_i = sum over S without i of |S|! (n-|S|-1)! / n! (v(S+i) - v(S)), in integers."""
    fact = [math.factorial(k) for k in range(n + 1)]
    out = []
    for i in range(n):
        tot = 0
        for mask in range(1 << n):
            if not mask >> i & 1:
                s = bin(mask).count("1")
                tot += fact[s] * fact[n - 1 - s] * (v[mask | 1 << i] - v[mask])
        out.append(F(tot, fact[n]))
    return out


@given(st.integers(1, 8), st.sampled_from([10, 2**30, 2**45, 2**62, 2**80]), st.data())
def test_every_exact_route_matches_the_definition(n, scale, data) -> None:
    # small worths take the float64-exact route, ~2^45 the int64 route, ~2^80 Python ints
    vals = data.draw(st.lists(st.integers(-scale, scale), min_size=1 << n, max_size=1 << n))
    vals[0] = 0
    v = characteristic_vector(vals)
    expected = shapley_by_definition(vals, n)
    assert shapley_value(v, n) == expected
    approx = shapley_value(characteristic_vector(vals, exact=False), n)
    assert approx == pytest.approx([float(x) for x in expected], rel=1e-9, abs=1e-9 * scale)


@pytest.mark.parametrize(("n", "scale"), [(12, 1000), (13, 1000), (14, 2**40)])
def test_large_games_fold_route_matches_the_definition(n, scale) -> None:
    # n <= 12: dense weight matrix; n >= 13: the folded marginals (int64 and float64)
    rng = np.random.default_rng(n)
    vals = [0, *(int(x) for x in rng.integers(-scale, scale, (1 << n) - 1))]
    expected = shapley_by_definition(vals, n)
    assert shapley_value(characteristic_vector(vals), n) == expected
    approx = shapley_value(np.array(vals, dtype=float), n)
    assert approx == pytest.approx([float(x) for x in expected], rel=1e-9, abs=1e-6 * scale)


def test_fraction_games_are_exact() -> None:
    v = characteristic_vector([0, F(1, 3), F(1, 7), F(1, 2)])
    phi = shapley_value(v)
    # two players: phi_1 = v1 + (v12 - v1 - v2)/2
    assert phi == [
        F(1, 3) + (F(1, 2) - F(1, 3) - F(1, 7)) / 2,
        F(1, 7) + (F(1, 2) - F(1, 3) - F(1, 7)) / 2,
    ]


def test_huge_integers_stay_exact() -> None:
    n = 6
    big = 10**30
    v = characteristic_vector([big * bin(m).count("1") ** 2 for m in range(1 << n)])
    assert shapley_value(v) == [F(big * n**2, n)] * n


def test_unanimity_game_closed_form() -> None:
    """Unanimity game of T: Shapley 1/|T| on T; Banzhaf 1/2^(|T|-1) on T."""
    n, t = 7, (1, 3, 4)
    tmask = sum(1 << i for i in t)
    v = characteristic_vector([int(m & tmask == tmask) for m in range(1 << n)])
    assert shapley_value(v) == [F(1, 3) if i in t else 0 for i in range(n)]
    assert banzhaf_value(v) == [F(1, 4) if i in t else 0 for i in range(n)]
    assert normalize(banzhaf_value(v)) == [F(1, 3) if i in t else 0 for i in range(n)]


def test_normalize_refuses_zero_sum() -> None:
    with pytest.raises(ValueError, match="sum to 0"):
        normalize([F(0), F(0)])


def test_shapley_matches_coopgt_peer() -> None:
    coopgt = pytest.importorskip(
        "coopgt.shapley_value", reason="coopgt (bench extra) not installed"
    )
    rng = np.random.default_rng(3)
    n = 4
    v = rng.integers(0, 30, 1 << n)
    v[0] = 0
    cf = {
        tuple(i + 1 for i in c): int(v[sum(1 << i for i in c)])  # coopgt numbers from 1
        for r in range(n + 1)
        for c in itertools.combinations(range(n), r)
    }
    assert np.allclose(coopgt.calculate(cf, n), [float(x) for x in shapley_value(v)])


def test_shapley_matches_coopgame_peer() -> None:
    coopgame = pytest.importorskip("coopgame", reason="coopgame-py (bench extra) not installed")
    rng = np.random.default_rng(4)
    for n in (3, 5, 8):
        v = rng.integers(-5, 30, 1 << n)
        v[0] = 0
        peer = coopgame.shapley(coopgame.Game([float(x) for x in v[1:]]))
        peer = peer["values"] if isinstance(peer, dict) else peer
        assert np.allclose(peer, [float(x) for x in shapley_value(v)])
        assert math.isclose(sum(peer), float(v[-1]))
