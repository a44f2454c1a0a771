"""Parameter spaces, conditions and regions (solvers.finite.equilibria_by_region)."""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from solvers import DegenerateGameWarning
from solvers.finite import (
    equilibria,
    equilibria_by_region,
    piecewise_max,
    simplify_condition,
    symbolic_equilibria,
)
from solvers.finite._regions_space import ParameterSpace, normalize_assumptions

B, c, tau = sp.symbols("B c tau", positive=True)
x, y = sp.symbols("x y", positive=True)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param(B > c - tau, id="param-left"),
        pytest.param(c - tau < B, id="param-right"),
        pytest.param(B - c + tau > 0, id="difference"),
        pytest.param(c < B + tau, id="moved"),
        pytest.param(sp.And(B > c - tau, tau > 0), id="and"),
    ],
)
def test_assumptions_in_any_form(written):
    conditions = normalize_assumptions(written)
    assert (B - c + tau, frozenset({1})) in conditions


@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [
        pytest.param("B > c", TypeError, "string", id="string"),
        pytest.param(sp.Or(B > c, c > B), ValueError, "disjunction", id="or"),
        pytest.param(B + c, TypeError, "not a relation", id="expression"),
        pytest.param(B < -1, ValueError, "False", id="decided-false"),
    ],
)
def test_bad_assumptions(bad, error, match):
    with pytest.raises(error, match=match):
        normalize_assumptions(bad)


def test_empty_region_names_the_assumptions():
    with pytest.raises(ValueError, match=r"tau > c.*empty"):
        ParameterSpace([B, c, tau], [tau > c, c >= tau + B])


def test_equalities_give_exact_points():
    space = ParameterSpace([B, c, tau], [sp.Eq(tau, 2 * c), B + tau < 3])
    point = space.sample([])
    assert point[tau] == 2 * point[c] and point[B] + point[tau] < 3 and point[B] > 0


def test_nonlinear_conditions_by_exact_check():
    space = ParameterSpace([x, y], [x * y > 2, x < y])
    point = space.sample([])
    assert point[x] * point[y] > 2 and point[x] < point[y]


@settings(max_examples=40, deadline=None)
@given(
    a=st.integers(-5, 5),
    b=st.integers(-5, 5),
    k=st.integers(-5, 5),
)
def test_linear_feasibility_matches_theory(a, b, k):
    # a*x + b*y > k with x, y > 0 has a solution iff a > 0 or b > 0 or k < 0
    feasible = a > 0 or b > 0 or k < 0
    space = ParameterSpace([x, y])
    point = space.sample([(a * x + b * y - k, {1})])
    assert (point is not None) == feasible
    if point is not None:
        assert a * point[x] + b * point[y] > k and point[x] > 0 and point[y] > 0


def test_simplify_condition_and_piecewise_max():
    assert str(simplify_condition(c - tau < B)) == "tau > -B + c"
    assert simplify_condition(c - tau < B, [tau > c]) is True
    assert simplify_condition(sp.And(tau > c, tau > c - B)) == (tau > c)
    assert piecewise_max([-tau, -c], [tau >= c]) == -c
    pw = piecewise_max([-tau, -c])
    for point in ({tau: 1, c: 2}, {tau: 2, c: 1}, {tau: 1, c: 1}):
        assert pw.subs(point) == max(-point[tau], -point[c])


def test_symbolic_equilibria_take_assumptions_in_any_form():
    A = np.array([[B - c, -c], [-tau, -tau]], dtype=object)
    for written in ([c - tau < B, tau < c], [B > c - tau, c > tau]):
        eqs = symbolic_equilibria(A, A.T, assumptions=written)
        assert [eq.supports for eq in eqs] == [((0,), (0,)), ((1,), (1,)), ((0, 1), (0, 1))]


def _as_set(eqs):
    return {tuple(tuple(sp.Rational(str(p)) for p in s) for s in eq.strategies) for eq in eqs}


coef = st.integers(-3, 3)


@settings(max_examples=6, deadline=None)
@given(st.lists(st.tuples(coef, coef), min_size=8, max_size=8), st.integers(0, 2**32 - 1))
def test_two_by_two_regions_agree_with_the_numeric_solver(entries, seed):
    # payoffs a + b*x in one parameter x: every region's equilibria, at its sample point
    # and at random points, are those of the bound game
    assume(any(b for _, b in entries))
    t = sp.Symbol("t")
    vals = [a + b * t for a, b in entries]
    A = [[vals[0], vals[1]], [vals[2], vals[3]]]
    Bm = [[vals[4], vals[5]], [vals[6], vals[7]]]
    regions = equilibria_by_region([A, Bm])
    rng = np.random.default_rng(seed)
    points = [r.sample[t] for r in regions] + [
        sp.Rational(int(rng.integers(-40, 41)), int(rng.integers(1, 7))) for _ in range(4)
    ]
    for value in points:
        arrays = [
            np.array([[Fraction(str(e.subs(t, value))) for e in row] for row in M], dtype=object)
            for M in (A, Bm)
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DegenerateGameWarning)
            expected = _as_set(equilibria(arrays, exact=True))
        assert _as_set(regions.equilibria_at({t: value})) == expected, value


def test_locate_over_a_grid():
    p = sp.Symbol("p")
    regions = equilibria_by_region([[[p], [1 - p]], [[0], [0]]])
    grid = np.linspace(0, 1, 5)
    index = regions.locate({"p": grid})
    labels = [str(regions[i].condition) for i in index]
    assert labels == ["p < 1/2", "p < 1/2", "Eq(p, 1/2)", "p > 1/2", "p > 1/2"]


# ------------------------------------------------------------------ three players, mixed


@settings(max_examples=6, deadline=None)
@given(
    st.lists(st.integers(-9, 9), min_size=24, max_size=24),
    st.integers(0, 2),
    st.integers(0, 7),
)
def test_three_player_regions_agree_with_the_polynomial_solver(entries, who, cell):
    # a 2x2x2 game with one payoff entry replaced by a parameter x: in every region whose
    # equilibria are complete, the equilibria at its sample point are exactly those of the
    # bound game (polynomial_equilibria, exact); elsewhere the listed ones are equilibria
    from solvers import is_nash, polynomial_equilibria

    x = sp.Symbol("x")
    arrays = [
        np.array(entries[8 * i : 8 * i + 8], dtype=object).reshape(2, 2, 2) for i in range(3)
    ]
    arrays = [a.astype(object) for a in arrays]
    arrays[who][np.unravel_index(cell, (2, 2, 2))] = x
    arrays = [np.vectorize(sp.sympify, otypes=[object])(a) for a in arrays]
    regions = equilibria_by_region(arrays, mixed=True)
    for region in regions:
        point = region.sample
        bound = [
            np.vectorize(lambda v, point=point: sp.sympify(v).xreplace(point), otypes=[object])(a)
            for a in arrays
        ]
        listed = region.equilibria_at(point)
        for eq in listed:
            assert is_nash(bound, [np.array(s, dtype=object) for s in eq.strategies])
        if region.equilibria.complete:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # said by found.complete
                found = polynomial_equilibria(bound, exact=True)
            if found.complete:
                key = lambda eqs: sorted(tuple(tuple(p) for p in e.strategies) for e in eqs)  # noqa: E731
                assert key(listed) == key(found)
