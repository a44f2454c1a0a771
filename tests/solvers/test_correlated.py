"""Correlated equilibria by linear programming: textbook optima derived by hand, the
polytope's defining properties (Nash equilibria inside, convexity), exactness."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from games import catalog
from solvers.finite import (
    correlated_equilibrium,
    correlated_equilibrium_constraints,
    equilibria,
    is_correlated_equilibrium,
)

# Chicken (Aumann 1974's numbers): rows/columns (Swerve, Dare).
CHICKEN = np.array([[6, 2], [7, 0]])


def product(strategies) -> np.ndarray:
    out = np.array(F(1), dtype=object)
    for s in strategies:
        out = np.multiply.outer(out, np.asarray(s, dtype=object))
    return out


def test_chicken_welfare_optimum_derived_by_hand() -> None:
    # mu = (a, b, c, d) on (SS, SD, DS, DD). Incentive constraints: a <= 2b, c >= 2d and
    # symmetrically a <= 2c, b >= 2d. Welfare 12a + 9b + 9c: with d = 0 it is 9 + 3a and
    # a <= 2 min(b, c) <= b + c = 1 - a gives a <= 1/2, so the unique optimum is
    # (1/2, 1/4, 1/4, 0) with welfare 21/2 (any Nash equilibrium gives at most 9; Aumann's
    # (1/3, 1/3, 1/3, 0) gives 10).
    ce = correlated_equilibrium([CHICKEN, CHICKEN.T], objective="welfare")
    assert ce.exact and ce.verified and ce.regret == 0
    assert ce.distribution.tolist() == [[F(1, 2), F(1, 4)], [F(1, 4), F(0)]]
    assert ce.objective_value == F(21, 2)
    assert ce.payoffs == (F(21, 4), F(21, 4))
    assert [s.tolist() for s in ce.strategies] == [[F(3, 4), F(1, 4)]] * 2
    assert ce.to_dict()["distribution"] == {
        ("0", "0"): F(1, 2),
        ("0", "1"): F(1, 4),
        ("1", "0"): F(1, 4),
    }
    aumann = np.array([[F(1, 3), F(1, 3)], [F(1, 3), F(0)]], dtype=object)
    assert is_correlated_equilibrium([CHICKEN, CHICKEN.T], aumann)
    flt = correlated_equilibrium([CHICKEN * 1.0, CHICKEN.T * 1.0])
    assert not flt.exact and flt.verified
    assert flt.objective_value == pytest.approx(10.5, abs=1e-9)


def test_player_objective_and_profile_weights() -> None:
    # the best correlated equilibrium for the row player is its favourite pure equilibrium
    ce = correlated_equilibrium([CHICKEN, CHICKEN.T], objective=0)
    assert ce.support == ((1, 0),) and ce.payoffs == (7, 2)
    # minimizing the probability of the crash (Dare, Dare): weight -1 there, optimum 0
    w = np.array([[0, 0], [0, -1]])
    assert correlated_equilibrium([CHICKEN, CHICKEN.T], objective=w).objective_value == 0


def test_matching_pennies_has_only_the_uniform_correlated_equilibrium() -> None:
    # a 2x2 zero-sum game with a unique, completely mixed equilibrium: the correlated
    # equilibria are its product distribution only, whatever the objective
    A = np.array([[1, -1], [-1, 1]])
    for objective in ("welfare", 0, 1, np.array([[1, 0], [0, 0]])):
        ce = correlated_equilibrium([A, -A], objective=objective)
        assert ce.distribution.tolist() == [[F(1, 4)] * 2] * 2


def test_constraint_layout_matches_the_definition() -> None:
    u0 = np.arange(8).reshape(2, 2, 2)
    u1, u2 = (u0 * 3) % 5, (u0 * 7) % 4
    con = correlated_equilibrium_constraints([u0, u1, u2])
    assert con.shape == (2, 2, 2) and len(con.rows) == 6 and con.A.shape == (6, 8)
    assert not any(con.b)
    for row, (i, a, d) in zip(con.A, con.rows, strict=True):
        u = (u0, u1, u2)[i]
        for idx in np.ndindex(2, 2, 2):
            dev = list(idx)
            dev[i] = d
            expect = u[tuple(dev)] - u[idx] if idx[i] == a else 0
            assert row[np.ravel_multi_index(idx, (2, 2, 2))] == expect


def test_nash_equilibria_are_correlated_equilibria_and_mixtures_stay() -> None:
    mm = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=False)
    for eq in equilibria(mm):
        dist = product([np.asarray(s, dtype=float) for s in eq.strategies]).astype(float)
        assert is_correlated_equilibrium(mm, dist, rtol=1e-7)
    # Nau et al. (2004): the Nash segment's midpoint is a correlated equilibrium
    nau = catalog.load("nau-gomez-canovas-hansen2004-2x2x4").payoff_arrays(exact=True)
    mid = product([[F(1, 2)] * 2, [F(1, 2)] * 2, [F(1, 4)] * 4])
    assert is_correlated_equilibrium(nau, mid)
    # convexity: a mixture of two optimal correlated equilibria is one
    a = correlated_equilibrium(nau, objective=0).distribution
    b = correlated_equilibrium(nau, objective=2).distribution
    assert is_correlated_equilibrium(nau, a * F(1, 3) + b * F(2, 3))


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="objective"):
        correlated_equilibrium([CHICKEN, CHICKEN.T], objective="utility")
    with pytest.raises(ValueError, match="names no player"):
        correlated_equilibrium([CHICKEN, CHICKEN.T], objective=2)
    with pytest.raises(ValueError, match="shape"):
        correlated_equilibrium([CHICKEN, CHICKEN.T], objective=np.zeros(3))
    with pytest.raises(ValueError, match="distribution"):
        is_correlated_equilibrium([CHICKEN, CHICKEN.T], np.zeros(4))


small = st.integers(-4, 4)


@st.composite
def games(draw):
    n = draw(st.integers(2, 3))
    shape = tuple(draw(st.integers(1, 3)) for _ in range(n))
    return [
        np.array(
            draw(st.lists(small, min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
        ).reshape(shape)
        for _ in range(n)
    ]


@given(games(), st.integers(0, 2))
def test_optimum_is_feasible_exact_and_beats_every_pure_equilibrium(payoffs, which) -> None:
    objective = "welfare" if which == 2 or which >= len(payoffs) else which
    ce = correlated_equilibrium(payoffs, objective=objective)
    con = correlated_equilibrium_constraints(payoffs)
    mu = ce.distribution.reshape(-1)
    assert ce.exact and all(p >= 0 for p in mu) and sum(mu) == 1
    assert all(g <= 0 for g in con.A.dot(mu)) if con.rows else True
    assert is_correlated_equilibrium(payoffs, ce.distribution)
    c = sum(payoffs) if objective == "welfare" else payoffs[objective]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pure = equilibria(payoffs, method="pure_equilibria", exact=True)
    for eq in pure:
        assert ce.objective_value >= c[tuple(s[0] for s in eq.supports)]
    flt = correlated_equilibrium([u.astype(float) for u in payoffs], objective=objective)
    assert flt.verified
    assert flt.objective_value == pytest.approx(float(ce.objective_value), abs=1e-7)
