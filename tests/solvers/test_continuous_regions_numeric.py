"""Continuous games with free parameters at a point: closed forms where they exist, the
numeric solver where they do not (``ContinuousRegions.solve_at`` / ``equilibria_at``).

Expected values are derived here by hand, independently of the solvers:

* the *exponential* game :math:`u_i = (a + x_j/2) x_i - e^{x_i}` on :math:`[0, 2]^2`,
  :math:`a > 0`: :math:`u_i` is strictly concave in :math:`x_i` with best response
  :math:`\\mathrm{clip}(\\log(a + x_j/2), 0, 2)`, a contraction (slope below 1/2 where
  :math:`a > 1`), so the equilibrium is unique: :math:`(0, 0)` for :math:`a \\le 1`,
  :math:`(2, 2)` for :math:`a \\ge e^2 - 1`, and in between the symmetric root of the
  transcendental first-order condition :math:`e^x = a + x/2` (no closed form);
* Cournot duopoly, inverse demand :math:`a - b(q_1 + q_2)`, cost :math:`c`, :math:`b > 0`:
  :math:`q_i = (a - c)/(3b)` when :math:`a > c`, else 0 (textbook).
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from games.continuous import ContinuousGame
from solvers.continuous import (
    ContinuousEquilibria,
    ContinuousProblem,
    equilibria,
    equilibria_by_region,
)

R = sp.Rational
UPPER = math.exp(2) - 1  # a above which both sit at the upper bound 2
CLOSED = "closed form (active-set region)"


def _exp_game():
    x, y, a = sp.symbols("x y a", positive=True)
    payoffs = ((a + y / 2) * x - sp.exp(x), (a + x / 2) * y - sp.exp(y))
    return ContinuousProblem((x, y), payoffs, ((0, 2), (0, 2)), (a,)), a


@functools.cache
def _exp_regions():
    return equilibria_by_region(_exp_game()[0])


def _u(a: float, own: float, other: float) -> float:
    return (a + other / 2) * own - math.exp(own)


def _best_response(a: float, other: float) -> float:
    return min(2.0, max(0.0, math.log(a + other / 2)))


def _interior_root(a: float) -> float:
    """The symmetric root of e^x = a + x/2 on (0, 2), for 1 < a < e^2 - 1."""
    return brentq(lambda z: math.exp(z) - a - z / 2, 0.0, 2.0, xtol=1e-15)


def test_exp_game_regions_are_the_corners_only():
    prob, _a = _exp_game()
    regions = equilibria_by_region(prob)
    assert not regions.complete
    assert [str(r.condition) for r in regions] == ["a <= 1", "a >= -1 + exp(2)"]
    assert [r.strategies for r in regions] == [
        {"player 0": 0, "player 1": 0},
        {"player 0": 2, "player 1": 2},
    ]
    # every case with an interior player has a transcendental first-order condition
    assert set(regions.gaps) == {"II", "IL", "LI", "IU", "UI"}
    assert all("not polynomial" in why for why in regions.gaps.values())


@settings(max_examples=20, deadline=None)
@given(st.floats(1.001, UPPER - 0.001))
def test_exp_game_numeric_fallback_between_the_corners(a):
    regions = _exp_regions()
    assert regions.at({"a": a}) == []  # no closed form covers the point
    eqs = regions.solve_at({"a": a})
    assert isinstance(eqs, ContinuousEquilibria)
    assert len(eqs) == 1 and not eqs.exact
    (eq,) = eqs
    assert not eq.exact and eq.verified
    assert eq.active == {"player 0": "interior", "player 1": "interior"}
    assert any(n.startswith("case II has no closed form") for n in eq.notes)
    x, y = eq.strategies["player 0"], eq.strategies["player 1"]
    # the first-order conditions, to tolerance
    assert abs(a + y / 2 - math.exp(x)) < 1e-8
    assert abs(a + x / 2 - math.exp(y)) < 1e-8
    # the independently computed root
    root = _interior_root(a)
    assert x == pytest.approx(root, abs=1e-8) and y == pytest.approx(root, abs=1e-8)
    # regret against the analytic best response, below tolerance
    for own, other in ((x, y), (y, x)):
        br = _best_response(a, other)
        assert _u(a, br, other) - _u(a, own, other) <= 1e-9 * max(1.0, abs(_u(a, br, other)))
    # equilibria_at returns the same numbers
    assert regions.equilibria_at({"a": a}) == [eq.strategies]


@settings(max_examples=10, deadline=None)
@given(st.one_of(st.fractions(Fraction(1, 50), 1, max_denominator=50), st.integers(7, 30)))
def test_exp_game_closed_form_corners_agree_with_the_numeric_solver(a):
    prob, sym = _exp_game()
    regions = _exp_regions()
    value = R(a.numerator, a.denominator) if not isinstance(a, int) else sp.Integer(a)
    corner = 0 if value <= 1 else 2
    point = {"a": value}
    assert regions.equilibria_at(point) == [{"player 0": corner, "player 1": corner}]
    eqs = regions.solve_at(point)
    assert len(eqs) == 1 and eqs[0].method == CLOSED
    assert eqs[0].profile == pytest.approx((corner, corner))
    numeric = equilibria(prob, {sym: value}, method="numeric")
    assert [e.profile for e in numeric] == [pytest.approx((corner, corner), abs=1e-8)]


def _cournot():
    q1, q2, a, b, c = sp.symbols("q1 q2 a b c")
    price = a - b * (q1 + q2)
    prob = ContinuousProblem(
        (q1, q2), ((price - c) * q1, (price - c) * q2), ((0, None), (0, None)), (a, b, c)
    )
    return prob, (a, b, c)


positive = st.fractions(Fraction(1, 10), 10, max_denominator=20)


@settings(max_examples=20, deadline=None)
@given(positive, positive, positive)
def test_cournot_closed_form_agrees_with_the_numeric_solver(a, b, c):
    prob, (sa, sb, sc) = _cournot()
    regions = equilibria_by_region(prob, assumptions=[sb > 0])
    assert regions.complete
    point = {"a": R(a.numerator, a.denominator), "b": R(b.numerator, b.denominator)}
    point["c"] = R(c.numerator, c.denominator)
    expected = max(point["a"] - point["c"], 0) / (3 * point["b"])
    held = regions.at(point)
    assert len(held) == 1
    assert held[0].at(point) == {"player 0": expected, "player 1": expected}
    (eq,) = regions.solve_at(point)
    assert eq.exact and eq.method == CLOSED and eq.unique
    assert eq.strategies == {"player 0": expected, "player 1": expected}
    values = {sa: point["a"], sb: point["b"], sc: point["c"]}
    numeric = equilibria(prob, values, method="numeric")
    assert len(numeric) == 1
    assert numeric[0].profile == pytest.approx((float(expected),) * 2, abs=1e-7)


def test_cournot_outside_the_concave_region_is_solved_at_the_point():
    # without b > 0 the closed forms cover b >= 0 only; at b < 0 profit is convex and
    # unbounded in one's own quantity: no equilibrium, said without raising
    prob, _ = _cournot()
    regions = equilibria_by_region(prob)
    assert "concavity" in regions.gaps
    assert regions.solve_at({"a": 3, "b": -1, "c": 1}) == []
    (eq,) = regions.solve_at({"a": 3, "b": 1, "c": 1})
    assert eq.strategies == {"player 0": R(2, 3), "player 1": R(2, 3)}


def test_free_parameter_from_the_game_api():
    x, y, a = sp.symbols("x y a", positive=True)
    game = ContinuousGame(
        ("A", "B"),
        (x, y),
        ((a + y / 2) * x - sp.exp(x), (a + x / 2) * y - sp.exp(y)),
        ((0, 2), (0, 2)),
        (a,),
    )
    regions = game.equilibria()
    (eq,) = regions.solve_at({"a": 3})
    assert eq.strategies["A"] == pytest.approx(_interior_root(3.0), abs=1e-8)
    assert "case II has no closed form" in eq.notes[-1]
    assert regions.equilibria_at({"a": 10}) == [{"A": 2, "B": 2}]


def test_solve_at_checks_the_point():
    prob, (_a, b, _c) = _cournot()
    regions = equilibria_by_region(prob, assumptions=[b > 0])
    with pytest.raises(ValueError, match="outside the assumptions"):
        regions.solve_at({"a": 1, "b": -1, "c": 0})
    with pytest.raises(ValueError, match="no value for c"):
        regions.solve_at({"a": 1, "b": 1})


@pytest.mark.parametrize("a", [R(1, 5), R(1, 2), R(9, 10)])
def test_closed_form_and_numeric_equilibria_at_the_same_point(a):
    # strategic complements u_i = (a + 3 x_j) x_i - e^{x_i} on [0, 2]^2, 0 < a < 1: the
    # best response clip(log(a + 3 x_j), 0, 2) is increasing, so equilibria are symmetric
    # (no 2-cycles): (0, 0) (gradient a - 1 <= 0, closed form) and both roots of
    # e^x = a + 3x, one on each side of log 3 where e^x - 3x is smallest
    x, y, s = sp.symbols("x y a", positive=True)
    prob = ContinuousProblem(
        (x, y), ((s + 3 * y) * x - sp.exp(x), (s + 3 * x) * y - sp.exp(y)), ((0, 2), (0, 2)), (s,)
    )
    regions = equilibria_by_region(prob)
    eqs = regions.solve_at({"a": a})
    assert not eqs.complete and not eqs.unique
    fa = float(a)
    roots = [
        brentq(lambda z: math.exp(z) - 3 * z - fa, lo, hi, xtol=1e-15)
        for lo, hi in ((0.0, math.log(3)), (math.log(3), 2.0))
    ]
    assert eqs[0].method == CLOSED and eqs[0].profile == pytest.approx((0, 0))
    numeric = sorted(e.profile for e in eqs[1:])
    assert numeric == [pytest.approx((r, r), abs=1e-8) for r in roots]
    assert all(not e.exact and e.verified for e in eqs[1:])
    assert all("case II has no closed form (the first-order" in e.notes[-1] for e in eqs[1:])


incomes = st.fractions(Fraction(1, 2), 20, max_denominator=8)


@functools.cache
def _public_good():
    g1, g2, s1, s2 = sp.symbols("g1 g2 w1 w2", positive=True)
    half = R(1, 2)
    payoffs = [half * sp.log(w - g) + half * sp.log(g1 + g2) for g, w in ((g1, s1), (g2, s2))]
    prob = ContinuousProblem((g1, g2), payoffs, ((0, s1), (0, s2)), (s1, s2))
    return prob, (s1, s2), equilibria_by_region(prob)


@settings(max_examples=15, deadline=None)
@given(incomes, incomes)
def test_public_good_closed_forms_agree_with_the_numeric_solver(w1, w2):
    # docs/models.md §a.2 (Bergstrom, Blume & Varian 1986) at a = 1/2:
    # u_i = log(w_i - g_i)/2 + log(g_1 + g_2)/2 on [0, w_i]; both give w_i - (w1 + w2)/3
    # when w1/2 < w2 < 2 w1, otherwise only the richer gives half its income
    prob, (s1, s2), regions = _public_good()
    assert regions.complete and regions.unique and not regions.gaps
    p1, p2 = R(w1.numerator, w1.denominator), R(w2.numerator, w2.denominator)
    if p1 / 2 < p2 < 2 * p1:
        expected = (p1 - (p1 + p2) / 3, p2 - (p1 + p2) / 3)
    else:
        expected = (p1 / 2, 0) if p1 >= p2 else (0, p2 / 2)
    (closed,) = regions.equilibria_at({"w1": p1, "w2": p2})
    assert tuple(closed.values()) == expected
    (eq,) = regions.solve_at({"w1": p1, "w2": p2})
    assert eq.method == CLOSED and eq.unique
    numeric = equilibria(prob, {s1: p1, s2: p2}, method="numeric")
    assert len(numeric) == 1
    assert numeric[0].profile == pytest.approx(tuple(map(float, expected)), abs=1e-7)


def test_gaps_in_plain_form():
    d = _exp_regions().to_dict()
    assert d["complete"] is False and d["parameters"] == ["a"]
    assert set(d["gaps"]) == {"II", "IL", "LI", "IU", "UI"}
    assert len(d["equilibria"]) == 2
