"""Leader commitment (Varian 1994) against docs/models.md §a.3 and independent derivations."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games.alliance import leader_commitment

HALF = sp.Rational(1, 2)


def test_models_closed_form_two_allies() -> None:
    """g_1^S = a w_1 - (1-a) w_2, G^S = a (w_2 + g_1^S) (docs/models.md §a.3)."""
    a, w1, w2 = HALF, 10, 8
    g1 = a * w1 - (1 - a) * w2
    r = leader_commitment([w1, w2], a=a).equilibrium()
    assert r.sequential.contributions[0] == g1 == 1
    assert r.sequential.total == a * (w2 + g1) == sp.Rational(9, 2)
    assert r.simultaneous.total == 6
    assert r.total_change == -sp.Rational(3, 2)
    assert r.sequential.exact and r.sequential.residual == 0


def test_sympy_derivation_of_the_leader_optimum() -> None:
    """Substitute the follower's interior best response and maximise the leader's utility."""
    a, w1, w2, g1 = sp.symbols("a w1 w2 g1", positive=True)
    g2 = a * w2 - (1 - a) * g1
    u1 = (1 - a) * sp.log(w1 - g1) + a * sp.log(g1 + g2)
    sol = sp.solve(sp.diff(u1, g1), g1)
    assert len(sol) == 1
    g1_star = sol[0]
    total = sp.simplify((g1 + g2).subs(g1, g1_star))
    assert sp.simplify(total - a**2 * (w1 + w2)) == 0
    nash = a * (w1 + w2) / (2 - a)
    # G^S <= G^N  <=>  a (2 - a) <= 1  <=>  (1 - a)^2 >= 0
    assert sp.simplify(nash - total - a * (w1 + w2) * (1 - a) ** 2 / (2 - a)) == 0
    vals = {a: sp.Rational(2, 3), w1: 9, w2: 6}  # g1* = 4, follower 8/3: both interior
    r = leader_commitment([9, 6], a=sp.Rational(2, 3)).equilibrium()
    assert tuple(r.sequential.contributions) == (4, sp.Rational(8, 3))
    assert r.sequential.contributions[0] == g1_star.subs(vals)
    assert r.sequential.total == total.subs(vals)


def test_three_allies_burden_shift() -> None:
    r = leader_commitment([10, 8, 2], a=HALF).equilibrium()
    # followers' response to g_1 = 1: ally 2 gives 4 - 1/2 = 7/2, ally 3 stays at 0
    assert tuple(r.sequential.contributions) == (1, sp.Rational(7, 2), 0)
    assert r.leader_contribution_change == -3
    assert r.followers_contribution_change == sp.Rational(3, 2)
    assert r.sequential.leader_share == sp.Rational(2, 9)
    assert r.leader_utility_gain > 0


def _follower_total(w_followers, a, g_lead):
    """Followers' Nash total given the leader's commitment, by brute-force set search."""
    w = np.asarray(w_followers, dtype=float)
    k = (1 - a) / a
    best = g_lead
    n = len(w)
    for mask in range(1, 2**n):
        c = [i for i in range(n) if mask >> i & 1]
        m = len(c)
        total = a * (g_lead + w[c].sum()) / (a + m * (1 - a))
        if all(w[i] > k * total for i in c) and all(
            w[j] <= k * total for j in range(n) if j not in c
        ):
            return total
    return best


@given(
    st.lists(st.floats(0.5, 50.0), min_size=2, max_size=4), st.floats(0.1, 0.9), st.integers(0, 3)
)
def test_leadership_lowers_total_and_is_optimal(incomes, a, leader) -> None:
    leader = leader % len(incomes)
    r = leader_commitment(incomes, a=a, leader=leader).equilibrium()
    assert r.total_change <= 1e-9 * max(incomes)  # security never rises
    assert r.leader_contribution_change <= 1e-9 * max(incomes)
    assert r.leader_utility_gain >= -1e-9
    # independent check of the leader's choice on a fine grid
    wl = incomes[leader]
    others = [w for i, w in enumerate(incomes) if i != leader]
    grid = np.linspace(0, wl, 801, endpoint=False)
    u = [(1 - a) * np.log(wl - g) + a * np.log(_follower_total(others, a, g)) for g in grid]
    g_star = float(r.sequential.contributions[leader])
    u_star = (1 - a) * np.log(wl - g_star) + a * np.log(float(r.sequential.total))
    assert u_star >= max(u) - 1e-9
    assert float(r.sequential.total) == pytest.approx(_follower_total(others, a, g_star))


def test_generic_stackelberg_solver_agrees() -> None:
    m = leader_commitment([10, 8], a=HALF)
    s = m.game.equilibrium()  # the sequential game, solved by solvers.continuous
    r = m.equilibrium()
    assert s.verified and m.game.leader == m.players[0]
    assert [s.strategies[p] for p in m.players] == list(r.sequential.contributions)
    assert m.stage_game.stackelberg(leader=0).strategies == s.strategies


def test_leader_who_free_rides_entirely() -> None:
    # a small leader facing a rich follower commits to zero: g_1 = a w1 - (1-a) w2 < 0
    r = leader_commitment([2, 10], a=HALF, leader=0).equilibrium()
    assert r.sequential.contributions[0] == 0
    assert r.sequential.total == 5 and r.total_change == 0


def test_free_riding_and_underprovision() -> None:
    m = leader_commitment([10, 8], a=HALF)
    assert m.underprovision().ratio == sp.Rational(9, 2) / 9
    assert m.free_riding().nash_total == pytest.approx(4.5)
    assert "G: 6 -> 9/2" in repr(m.equilibrium())


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        pytest.param({"incomes": [5]}, "at least 2", id="one-ally"),
        pytest.param({"leader": 2}, "leader must be", id="leader-range"),
        pytest.param({"leader": True}, "leader must be", id="leader-bool"),
        pytest.param({"a": 1.5}, "a must be < 1", id="a"),
    ],
)
def test_bad_input(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        leader_commitment(**kwargs)
