"""Exact two-player enumeration at every size: Blotto, payoffs near 1e12, heavy degeneracy.

Expected answers come from methods that share no code with the exact double description:
exact basis enumeration (every choice of tight constraints solved in rationals) on small
games, float vertex enumeration (qhull) and nashpy on the same games, and an exact regret
computed here in plain Python.
"""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import equilibria, vertex_enumeration
from solvers.finite._double_description import extreme_rays
from solvers.finite._vertex_exact import basis_vertex_equilibria, exact_vertex_equilibria
from solvers.result import DegenerateGameWarning


def fractions(M) -> np.ndarray:
    return np.array(
        [[F(int(v)) if not isinstance(v, F) else v for v in row] for row in M], dtype=object
    )


def exact_regret(A, B, x, y) -> F:
    """Largest gain from a pure deviation, in plain Python fractions."""
    m, n = len(A), len(A[0])
    row = [sum(A[i][j] * y[j] for j in range(n)) for i in range(m)]
    col = [sum(B[i][j] * x[i] for i in range(m)) for j in range(n)]
    return max(
        max(row) - sum(x[i] * row[i] for i in range(m)),
        max(col) - sum(y[j] * col[j] for j in range(n)),
    )


def profile_set(eqs) -> set:
    return {tuple(tuple(F(p) for p in s) for s in eq.strategies) for eq in eqs}


def float_match(exact_set: set, float_eqs, atol: float = 1e-6) -> bool:
    """Same number of profiles, each float one within ``atol`` of an exact one."""
    ex = np.array([[float(v) for s in p for v in s] for p in exact_set])
    fl = np.array([np.concatenate(eq.strategies) for eq in float_eqs])
    if len(ex) != len(fl):
        return False
    return bool(np.all(np.abs(fl[:, None, :] - ex[None, :, :]).max(2).min(1) <= atol))


def quietly(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        return fn(*args, **kw)


def blotto(troops: int, fields: int, values: list[list[F]]) -> tuple[np.ndarray, np.ndarray]:
    """Colonel Blotto: each player splits ``troops`` over ``fields``; a battlefield is worth
    ``values[player][k]`` to whoever sends more troops, half of it to each on a tie."""
    allocations = [
        a for a in itertools.product(range(troops + 1), repeat=fields) if sum(a) == troops
    ]

    def payoff(p, mine, theirs):
        return sum(
            (
                values[p][k]
                if mine[k] > theirs[k]
                else values[p][k] / 2
                if mine[k] == theirs[k]
                else F(0)
            )
            for k in range(fields)
        )

    A = [[payoff(0, a, b) for b in allocations] for a in allocations]
    B = [[payoff(1, b, a) for b in allocations] for a in allocations]
    return np.array(A, dtype=object), np.array(B, dtype=object)


# ---------------------------------------------------------------- double description


def test_double_description_square_pyramid() -> None:
    # cone over the unit square {0 <= x, y <= t}: rays (0,0,1), (1,0,1), (0,1,1), (1,1,1)
    rays, tight = extreme_rays(3, [[-1, 0, 1], [0, -1, 1]])
    assert sorted(map(tuple, rays)) == [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)]
    by_ray = dict(zip(map(tuple, rays), tight, strict=True))
    assert by_ray[(1, 1, 1)] == 0b11000  # both added rows tight, no coordinate zero


small_games = st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 3)).flatmap(
    lambda s: st.tuples(
        st.lists(
            st.lists(st.integers(0, s[2]), min_size=s[1], max_size=s[1]),
            min_size=s[0],
            max_size=s[0],
        ),
        st.lists(
            st.lists(st.integers(0, s[2]), min_size=s[1], max_size=s[1]),
            min_size=s[0],
            max_size=s[0],
        ),
        st.sampled_from([0, 10**12]),
    )
)


@settings(max_examples=60)
@given(small_games)
def test_double_description_equals_basis_enumeration(game) -> None:
    # few payoff values: ties, degenerate games and continua are drawn on purpose
    A, B, offset = game
    A = fractions([[v + offset for v in row] for row in A])
    B = fractions([[v + offset for v in row] for row in B])
    assert exact_vertex_equilibria(A, B) == basis_vertex_equilibria(A, B)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_heavily_degenerate_zero_one_game_matches_basis_enumeration(seed) -> None:
    rng = np.random.default_rng(seed)
    A, B = fractions(rng.integers(0, 2, (6, 7))), fractions(rng.integers(0, 2, (6, 7)))
    eqs = quietly(vertex_enumeration, A, B, exact=True)
    expected, degenerate = basis_vertex_equilibria(A, B)
    assert profile_set(eqs) == {(tuple(x), tuple(y)) for x, y in expected}
    assert eqs.complete and eqs.exact and eqs.degenerate == degenerate


# ---------------------------------------------------------------- the games


def test_blotto_10x10_exact_complete_and_agrees_with_float_and_nashpy() -> None:
    values = [[F(3, 10), F(1, 2), F(1, 5)], [F(2, 5), F(1, 4), F(7, 20)]]
    A, B = blotto(3, 3, values)
    assert A.shape == (10, 10)
    eqs = quietly(equilibria, [A, B], exact=True)
    assert eqs.method == "vertex_enumeration" and eqs.complete and eqs.exact
    assert len(eqs) > 0 and all(exact_regret(A, B, *eq.strategies) == 0 for eq in eqs)
    exact_set = profile_set(eqs)
    # qhull in floats: the same extreme equilibria
    assert float_match(exact_set, quietly(vertex_enumeration, A.astype(float), B.astype(float)))


@pytest.mark.parametrize("size", [8, 9, 10])
def test_payoffs_near_1e12_with_unit_differences(size) -> None:
    rng = np.random.default_rng(size)
    small_A, small_B = rng.integers(0, 10, (size, size)), rng.integers(0, 10, (size, size))
    A, B = fractions(10**12 + small_A), fractions(10**12 + small_B)
    eqs = quietly(equilibria, [A, B], exact=True)
    assert eqs.complete and eqs.exact and len(eqs) > 0
    assert all(exact_regret(A, B, *eq.strategies) == 0 for eq in eqs)
    # equilibria do not change under a common shift: float qhull on the small integers
    assert float_match(profile_set(eqs), quietly(vertex_enumeration, small_A * 1.0, small_B * 1.0))


def test_exact_mode_keeps_equilibria_confirmed_before_the_fallback() -> None:
    # a nondegenerate game whose payoff differences (1 in 1e17) are below float resolution:
    # the float pass cannot confirm its labels, the exact method must still list everything
    big = 10**17
    A = np.array([[F(big + 1), F(big)], [F(big), F(big + 1)]], dtype=object)
    B = np.array([[F(big), F(big + 1)], [F(big + 1), F(big)]], dtype=object)  # pennies
    eqs = equilibria([A, B], method="vertex_enumeration", exact=True)
    assert profile_set(eqs) == {((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))}
    assert eqs.complete
