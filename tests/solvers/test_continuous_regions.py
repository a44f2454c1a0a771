"""Closed-form equilibria of continuous games with free parameters, by active set.

Expected values are closed forms derived here or in docs/models.md (Cournot: textbook;
tariff war: docs/models.md §c.1; public good: docs/models.md §a.2, Bergstrom, Blume &
Varian 1986), and every region is checked at random points against the exact solver with
the parameters bound.
"""

from __future__ import annotations

import random

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from games.continuous import ContinuousGame
from solvers.continuous import (
    ContinuousProblem,
    ContinuousRegions,
    equilibria,
    equilibria_by_region,
)

R = sp.Rational


def _cournot():
    q1, q2, a, b, c = sp.symbols("q1 q2 a b c")
    price = a - b * (q1 + q2)
    prob = ContinuousProblem(
        (q1, q2), ((price - c) * q1, (price - c) * q2), ((0, None), (0, None)), (a, b, c)
    )
    return prob, (a, b, c)


def _random_points(regions: ContinuousRegions, rng: random.Random, k: int = 6):
    """Random rational points near each region's sample (kept when inside the region)."""
    for region in regions:
        pts = [region.sample]
        for _ in range(40):
            p = {
                s: v + R(rng.randint(-20, 20), rng.randint(1, 8)) for s, v in region.sample.items()
            }
            try:
                regions.at(p)
            except ValueError:
                continue
            if region.contains(p):
                pts.append(p)
            if len(pts) >= k:
                break
        yield region, pts


def _check_against_exact_solver(prob: ContinuousProblem, regions: ContinuousRegions, seed=0):
    rng = random.Random(seed)
    for region, pts in _random_points(regions, rng):
        for p in pts:
            eqs = equilibria(prob, p, method="exact")
            found = [tuple(e.strategies.values()) for e in eqs]
            closed = tuple(region.at(p).values())
            assert closed in found, (region, p, found)


def test_cournot_duopoly_by_region():
    # q_i = (a - c)/(3b) when a > c, 0 otherwise (b > 0)
    prob, (a, b, c) = _cournot()
    regions = equilibria_by_region(prob, assumptions=[b > 0])
    assert regions.complete and regions.unique and len(regions) == 2
    inner, corner = regions
    assert inner.active == {"player 0": "interior", "player 1": "interior"}
    assert inner.strategies["player 0"] == (a - c) / (3 * b)  # simplified, structurally
    assert sp.simplify(inner.condition.lhs - inner.condition.rhs) != 0
    assert inner.contains({"a": 5, "b": 1, "c": 2}) and not inner.contains(
        {"a": 2, "b": 1, "c": 2}
    )
    assert corner.strategies == {"player 0": 0, "player 1": 0}
    assert corner.contains({"a": 2, "b": 1, "c": 2})
    # payoffs in closed form: (a - c)^2 / (9b)
    assert sp.simplify(inner.payoffs["player 0"] - (a - c) ** 2 / (9 * b)) == 0
    q = regions.piecewise()["player 0"]
    assert q.subs({a: 7, b: 2, c: 1}) == 1 and q.subs({a: 1, b: 2, c: 7}) == 0
    assert all(r.verified for r in regions)
    _check_against_exact_solver(prob, regions)


def test_cournot_without_assumptions_says_what_it_does_not_cover():
    prob, (_a, _b, _c) = _cournot()
    regions = equilibria_by_region(prob)
    assert not regions.complete
    assert any("concave in its own strategy only where" in n for n in regions.notes)


def test_tariff_war_closed_form():
    # docs/models.md §c.1: t_H = lam A / (2 lam + 1), t_F = A / (lam + 2), for all lam, A > 0
    lam, A, tH, tF = sp.symbols("lambda A t_H t_F", positive=True)
    pf = lam * (A - tH) / (1 + lam)
    ph2 = (A - tF) / (1 + lam)
    m2 = lam * (A - tF) / (1 + lam)
    wh = pf**2 / (2 * lam) + tH * pf + lam * ph2**2 / 2
    wf = m2**2 / 2 + tF * m2 + pf**2 / 2
    prob = ContinuousProblem((tH, tF), (wh, wf), ((0, A), (0, A)), (lam, A), ("Home", "Foreign"))
    regions = equilibria_by_region(prob)
    assert regions.complete and regions.unique and len(regions) == 1
    (r,) = regions
    assert r.condition == sp.true
    assert sp.simplify(r.strategies["Home"] - lam * A / (2 * lam + 1)) == 0
    assert sp.simplify(r.strategies["Foreign"] - A / (lam + 2)) == 0
    _check_against_exact_solver(prob, regions)


def _bbv(a=None):
    a = R(1, 2) if a is None else a
    g1, g2, w1, w2 = sp.symbols("g1 g2 w1 w2", positive=True)

    def u(g, w):
        return (1 - a) * sp.log(w - g) + a * sp.log(g1 + g2)

    prob = ContinuousProblem((g1, g2), (u(g1, w1), u(g2, w2)), ((0, w1), (0, w2)), (w1, w2))
    return prob, (w1, w2)


def test_public_good_with_free_incomes():
    # docs/models.md §a.2 with a = 1/2: both give when each w_i > G = (w1 + w2)/3, i.e.
    # w1/2 < w2 < 2 w1, then g_i = w_i - G; otherwise the richer gives a w_i = w_i / 2
    prob, (w1, w2) = _bbv()
    regions = equilibria_by_region(prob)
    assert regions.complete and regions.unique and len(regions) == 3
    G = (w1 + w2) / 3
    both = regions.at({"w1": 10, "w2": 8})
    assert len(both) == 1
    assert sp.simplify(both[0].strategies["player 0"] - (w1 - G)) == 0
    assert sp.simplify(both[0].strategies["player 1"] - (w2 - G)) == 0
    assert regions.equilibria_at({"w1": 10, "w2": 2}) == [{"player 0": 5, "player 1": 0}]
    assert regions.equilibria_at({"w1": 10, "w2": 5}) == [{"player 0": 5, "player 1": 0}]
    assert regions.equilibria_at({"w1": 1, "w2": 8}) == [{"player 0": 0, "player 1": 4}]
    _check_against_exact_solver(prob, regions)


def test_public_good_with_a_free_income_from_the_game():
    # the worked example w = (10, w2) at a = 1/2: both give for 5 < w2 < 20
    g1, g2, w1, w2 = sp.symbols("g1 g2 w1 w2", positive=True)
    u = [R(1, 2) * sp.log(w - g) + R(1, 2) * sp.log(g1 + g2) for g, w in ((g1, w1), (g2, w2))]
    game = ContinuousGame(("US", "Ally"), (g1, g2), u, ((0, w1), (0, w2)), (w1, w2))
    regions = game.equilibria(w1=10)
    assert regions.parameters == (w2,)
    assert [str(r.condition) for r in regions] == ["(w2 > 5) & (w2 < 20)", "w2 <= 5", "w2 >= 20"]
    assert regions.equilibria_at({"w2": 8}) == [{"US": 4, "Ally": 2}]  # G = 6
    assert regions.equilibria_at({"w2": 40}) == [{"US": 0, "Ally": 20}]


def _linear_game(B, c, tau):
    x, y = sp.symbols("x y")
    # each player's marginal payoff is B + tau - c - x (resp. y): argmax B + tau - c on [0, 1]
    m = B + tau - c
    return ContinuousProblem(
        (x, y),
        (m * x - x**2 / 2 + x * y / 4 - x * y / 4, m * y - y**2 / 2),
        ((0, 1), (0, 1)),
        (B, c, tau),
    )


@pytest.mark.parametrize("form", ["greater", "less", "nonstrict", "and"])
def test_assumptions_in_any_form(form):
    B, c, tau = sp.symbols("B c tau", positive=True)
    assumption = {
        "greater": [B > c - tau],
        "less": [c - tau < B],
        "nonstrict": [B - c + tau >= 0, sp.Ne(B - c + tau, 0)],
        "and": sp.And(c - tau < B, tau > 0),
    }[form]
    regions = equilibria_by_region(_linear_game(B, c, tau), assumptions=assumption)
    assert regions.complete and regions.unique
    # under B > c - tau nobody sits at 0: interior where B + tau - c < 1, else 1
    assert {tuple(r.active.values()) for r in regions} == {
        ("interior", "interior"),
        ("upper", "upper"),
    }
    inner = next(r for r in regions if r.active["player 0"] == "interior")
    assert sp.expand(inner.strategies["player 0"] - (B + tau - c)) == 0
    assert inner.contains({"B": 1, "c": 1, "tau": R(1, 2)})
    assert not inner.contains({"B": 2, "c": 1, "tau": R(1, 2)})


def test_empty_assumptions_are_a_clear_error():
    B, c, tau = sp.symbols("B c tau", positive=True)
    with pytest.raises(ValueError, match="region is empty"):
        equilibria_by_region(_linear_game(B, c, tau), assumptions=[B > c, B < c])


def test_point_outside_the_assumptions_or_unknown_parameter():
    prob, (_a, b, _c) = _cournot()
    regions = equilibria_by_region(prob, assumptions=[b > 0])
    with pytest.raises(ValueError, match="outside the assumptions"):
        regions.at({"a": 1, "b": -1, "c": 0})
    with pytest.raises(ValueError, match="not a free parameter"):
        regions.at({"a": 1, "b": 1, "z": 0})


def test_no_closed_form_is_said_not_raised():
    # exp(x) - k x has no polynomial first-order condition: the interior case is reported
    x, k = sp.symbols("x k", positive=True)
    prob = ContinuousProblem((x,), (k * x - sp.exp(x),), ((0, 1),), (k,))
    regions = equilibria_by_region(prob)
    assert not regions.complete
    assert any("not polynomial" in n for n in regions.notes)
    # the corners are still solved: x = 0 where k <= 1, x = 1 where k >= e
    assert {r.active["player 0"] for r in regions} == {"lower", "upper"}
    assert regions.equilibria_at({"k": R(1, 2)}) == [{"player 0": 0}]
    assert regions.equilibria_at({"k": 3}) == [{"player 0": 1}]


def test_table_latex_and_dict():
    prob, (_a, b, _c) = _cournot()
    regions = equilibria_by_region(prob, assumptions=[b > 0])
    text = regions.table()
    assert "(a - c)/(3*b)" in text and "interior" in text
    assert r"\frac{a - c}{3 b}" in regions.latex()
    d = regions.to_dict()
    assert d["complete"] is True
    assert d["equilibria"][0]["strategies"]["player 0"] == "(a - c)/(3*b)"


@settings(max_examples=15, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(-3, 3),
    st.fractions(-5, 5, max_denominator=4),
)
def test_linear_quadratic_games_match_the_exact_solver(d, s, kv):
    # u_1 = -d x^2 + (k + s y) x, u_2 = -y^2 + (1 + x/2) y on [0, 2]^2, k free
    x, y, k = sp.symbols("x y k")
    prob = ContinuousProblem(
        (x, y),
        (-d * x**2 + (k + s * y) * x, -(y**2) + (1 + x / 2) * y),
        ((0, 2), (0, 2)),
        (k,),
    )
    regions = equilibria_by_region(prob)
    point = {k: R(kv.numerator, kv.denominator)}
    closed = sorted(tuple(v.values()) for v in regions.equilibria_at(point))
    exact = sorted(tuple(e.strategies.values()) for e in equilibria(prob, point, method="exact"))
    if regions.complete:
        assert closed == exact
    else:
        assert set(closed) <= set(exact)
