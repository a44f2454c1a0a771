"""Pure public good alliances (BBV 1986, Olson-Zeckhauser 1966) against docs/models.md §a.1-a.2.

Expected values come from the worked examples of the papers docs/models.md cites, from
sympy derivations inside the tests, from brute-force enumeration of all contributor sets
and from numerical maximisation of each ally's utility; never from the code under test.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from games.alliance import public_good

HALF = sp.Rational(1, 2)


@dataclass(frozen=True)
class Case:
    incomes: tuple
    a: sp.Rational
    total: sp.Rational
    contributions: tuple
    contributors: tuple


CASES = [
    pytest.param(Case((10, 8, 2), HALF, 6, (4, 2, 0), (0, 1)), id="models-a2-corner-10-8-2"),
    pytest.param(Case((9, 9, 2), HALF, 6, (3, 3, 0), (0, 1)), id="models-a2-neutrality-9-9-2"),
    pytest.param(Case((2, 10, 8), HALF, 6, (0, 4, 2), (1, 2)), id="unsorted-input-order-kept"),
    pytest.param(
        Case((5,), HALF, sp.Rational(5, 2), (sp.Rational(5, 2),), (0,)),
        id="single-ally-standalone",
    ),
    # a = 1/3: k = 2; all three: G = (1/3)*12/(1/3 + 2) = 12/7, thresholds 24/7 < 4
    pytest.param(
        Case(
            (4, 4, 4), sp.Rational(1, 3), sp.Rational(12, 7), (sp.Rational(4, 7),) * 3, (0, 1, 2)
        ),
        id="symmetric-all-interior",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_worked_examples(case: Case) -> None:
    eq = public_good(case.incomes, a=case.a).equilibrium()
    assert eq.exact and eq.residual == 0 and eq.unique
    assert eq.total == case.total
    assert tuple(eq.contributions) == case.contributions
    assert eq.contributors == case.contributors


def test_models_example_fields() -> None:
    eq = public_good([10, 8, 2], a=HALF).equilibrium()
    assert tuple(eq.private_consumption) == (6, 6, 2)  # y_1 = y_2 = 6
    assert tuple(eq.burden_shares) == (sp.Rational(2, 5), sp.Rational(1, 4), 0)
    assert eq.leader == 0 and eq.leader_share == sp.Rational(2, 3)  # vs income share 1/2
    assert eq.contributor_names == ("ally 1", "ally 2")
    d = eq.to_dict()
    assert d["total"] == Fraction(6) and d["contributors"] == ["ally 1", "ally 2"]


def test_sympy_derivation_of_the_two_contributor_equilibrium() -> None:
    """Solve the two first-order conditions with sympy; ally 3's best response is 0."""
    g1, g2 = sp.symbols("g1 g2", positive=True)
    a, w = HALF, (10, 8, 2)
    G = g1 + g2
    focs = [sp.diff((1 - a) * sp.log(w[i] - g) + a * sp.log(G), g) for i, g in enumerate((g1, g2))]
    sol = sp.solve(focs, [g1, g2], dict=True)
    assert len(sol) == 1
    g_star = (sol[0][g1], sol[0][g2])
    total = sum(g_star)
    assert a * w[2] - (1 - a) * total <= 0  # ally 3 at its corner
    eq = public_good(w, a=a).equilibrium()
    assert tuple(eq.contributions) == (*g_star, 0)


def _brute_force(incomes, a):
    """Enumerate every contributor set; keep the self-consistent ones (exact)."""
    a = Fraction(a)
    k = (1 - a) / a
    found = []
    n = len(incomes)
    for m in range(1, n + 1):
        for c in itertools.combinations(range(n), m):
            total = a * sum(Fraction(incomes[i]) for i in c) / (a + m * (1 - a))
            inside = all(incomes[i] > k * total for i in c)
            outside = all(incomes[j] <= k * total for j in range(n) if j not in c)
            if inside and outside:
                found.append((c, total))
    return found


@given(
    st.lists(st.integers(1, 60), min_size=1, max_size=7),
    st.sampled_from([Fraction(1, 5), Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)]),
)
def test_matches_brute_force_enumeration_of_contributor_sets(incomes, a) -> None:
    sets = _brute_force(incomes, a)
    assert len(sets) == 1  # uniqueness (BBV)
    c, total = sets[0]
    eq = public_good(incomes, a=a).equilibrium()
    assert eq.total == total
    assert eq.contributors == c


@given(st.lists(st.floats(0.1, 100.0), min_size=2, max_size=6), st.floats(0.05, 0.95))
def test_each_contribution_maximises_own_utility(incomes, a) -> None:
    m = public_good(incomes, a=a)
    eq = m.equilibrium()
    g = np.asarray(eq.contributions, dtype=float)
    for i, w in enumerate(incomes):
        others = g.sum() - g[i]

        def neg_u(x, w=w, others=others):
            return -((1 - a) * np.log(w - x) + a * np.log(x + others + 1e-300))

        res = minimize_scalar(
            neg_u, bounds=(0.0, w * (1 - 1e-12)), method="bounded", options={"xatol": 1e-12}
        )
        best = min(-res.fun, -neg_u(0.0))
        assert -neg_u(g[i]) >= best - 1e-9 * (1 + abs(best))


@given(
    st.lists(st.integers(1, 50), min_size=2, max_size=6),
    st.data(),
)
def test_neutrality_property(incomes, data) -> None:
    """Any redistribution among contributors keeping the contributor set leaves G and
    their consumption unchanged (Warr 1983; BBV 1986)."""
    a = HALF
    eq = public_good(incomes, a=a).equilibrium()
    contributors = eq.contributors
    assume(len(contributors) >= 2)
    k = (1 - a) / a
    threshold = k * eq.total  # a contributor keeps contributing iff w > threshold
    slack = [sp.Rational(incomes[i]) - threshold for i in contributors]
    # random shares in (-slack_i, +inf) that sum to zero, as exact rationals
    raw = [data.draw(st.integers(-1000, 1000)) for _ in contributors]
    mean = sp.Rational(sum(raw), len(raw))
    t_c = [sp.Rational(r) - mean for r in raw]
    scale = (
        min((s / (-t)) for s, t in zip(slack, t_c, strict=True) if t < 0)
        if any(t < 0 for t in t_c)
        else 1
    )
    factor = sp.Rational(data.draw(st.integers(1, 99)), 100) * min(1, scale)
    transfers = [0] * len(incomes)
    for i, t in zip(contributors, t_c, strict=True):
        transfers[i] = t * factor
    r = public_good(incomes, a=a).redistribute(transfers)
    assert r.contributor_set_unchanged
    assert r.after.total == eq.total and r.total_change == 0
    for i in contributors:
        assert r.after.private_consumption[i] == eq.private_consumption[i]
    assert r.neutral and "neutral" in r.explanation


def test_redistribution_to_a_non_contributor_changes_total() -> None:
    # w = (10, 8, 2) -> (9, 8, 3): contributors {1, 2} lose 1, so G falls by a/(a+2(1-a)) = 1/3
    r = public_good([10, 8, 2], a=HALF).redistribute([-1, 0, 1])
    assert r.total_change == -sp.Rational(1, 3)
    assert not r.neutral and "non-contributors" in r.explanation


def test_redistribution_changing_the_contributor_set() -> None:
    # (3, 15, 2): only ally 2 contributes, G = a*15/(a + 1 - a) = 15/2
    r = public_good([10, 8, 2], a=HALF).redistribute([-7, 7, 0])
    assert r.after.total == sp.Rational(15, 2)
    assert not r.contributor_set_unchanged and "contributor set" in r.explanation


def test_crowding_out_sympy_two_contributors() -> None:
    """docs/models.md §a.2 (crowding out): with taxes T1, T2 and G_gov = T1 + T2 the total
    stays a(I1+I2)/(2-a)."""
    a, i1, i2, t1, t2, g1, g2 = sp.symbols("a I1 I2 T1 T2 g1 g2", positive=True)
    G = t1 + t2 + g1 + g2
    focs = [
        sp.diff((1 - a) * sp.log(i1 - t1 - g1) + a * sp.log(G), g1),
        sp.diff((1 - a) * sp.log(i2 - t2 - g2) + a * sp.log(G), g2),
    ]
    sol = sp.solve(focs, [g1, g2], dict=True)[0]
    total = sp.simplify(G.subs(sol))
    assert sp.simplify(total - a * (i1 + i2) / (2 - a)) == 0
    # numbers: w = (10, 8, 2), a = 1/2, taxes (2, 1, 0) <= gifts (4, 2, 0)
    gp = public_good([10, 8, 2], a=HALF).government_provision([2, 1, 0])
    assert gp.after.total == total.subs({a: HALF, i1: 10, i2: 8}) == 6
    assert gp.total_change == 0 and gp.crowding_out == 1
    assert tuple(gp.after.contributions) == (2, 1, 0)
    assert tuple(gp.burden_shares) == (sp.Rational(2, 5), sp.Rational(1, 4), 0)
    assert "complete crowding out" in gp.explanation


def test_tax_on_a_non_contributor_raises_the_total() -> None:
    # G = a(G_gov + W_C - T_C)/(a + 2(1-a)) = (1/2)(1 + 18)/(3/2) = 19/3
    gp = public_good([10, 8, 2], a=HALF).government_provision([0, 0, 1])
    assert gp.after.total == sp.Rational(19, 3)
    assert gp.crowding_out == sp.Rational(2, 3)
    assert "incomplete" in gp.explanation


@given(st.lists(st.floats(0.01, 1000.0), min_size=1, max_size=40), st.floats(0.02, 0.98))
def test_exploitation_burden_share_weakly_increasing_in_income(incomes, a) -> None:
    eq = public_good(incomes, a=a).equilibrium()
    order = np.argsort(incomes, kind="stable")
    shares = np.asarray(eq.burden_shares, dtype=float)[order]
    assert np.all(np.diff(shares) >= -1e-12)


def test_underprovision_samuelson_10_vs_nash_6() -> None:
    m = public_good([10, 8, 2], a=HALF)
    assert m.efficient().total == 10  # a*W
    assert tuple(m.efficient().contributions) == (5, 4, 1)
    u = m.underprovision()
    assert (u.nash_total, u.efficient_total, u.ratio, u.gap) == (6, 10, sp.Rational(3, 5), 4)


def test_samuelson_level_by_sympy() -> None:
    """Sum of MRS = 1 with y_i = w_i - g_i and sum y = W - G gives G* = a W."""
    a, G, W = sp.symbols("a G W", positive=True)
    mrs_sum = a / (1 - a) * (W - G) / G
    assert sp.solve(sp.Eq(mrs_sum, 1), G) == [a * W]


def test_free_riding_summary() -> None:
    s = public_good([10, 8, 2], a=HALF).free_riding()
    assert s.exploitation_index == pytest.approx((2 / 3) / (1 / 2))
    assert s.corner_share == pytest.approx(1 / 3)
    assert s.provision_ratio == pytest.approx(0.6) and s.gap == pytest.approx(4)
    assert s.rank_correlation == pytest.approx(1.0)
    assert "exploitation index" in str(s)


def test_equal_incomes_exploitation_undefined() -> None:
    s = public_good([3, 3], a=HALF).free_riding()
    assert s.exploitation_index is None and any("equal incomes" in n for n in s.notes)


def test_olson_zeckhauser_worked_example() -> None:
    # T_i = a*w_i = (5, 2, 1)
    m = public_good([10, 4, 2], a=HALF, utility="quasi-linear")
    eq = m.equilibrium()
    assert eq.total == 5 and tuple(eq.contributions) == (5, 0, 0)
    assert m.efficient().total == 8
    assert m.underprovision().ratio == sp.Rational(5, 8)


def test_olson_zeckhauser_ties_are_flagged() -> None:
    eq = public_good([6, 6, 1], a=HALF, utility="quasi-linear").equilibrium()
    assert eq.total == 3 and not eq.unique and eq.notes


def test_olson_zeckhauser_crowding_out_without_income_effects() -> None:
    gp = public_good([10, 4, 2], a=HALF, utility="quasi-linear").government_provision([1, 1, 1])
    assert gp.after.total == 5 and tuple(gp.after.contributions) == (2, 0, 0)


def test_exact_and_float_agree_for_many_allies() -> None:
    rng = np.random.default_rng(7)
    w = rng.integers(1, 1000, size=300)
    exact = public_good(w.tolist(), a=sp.Rational(1, 4)).equilibrium()
    flt = public_good(w.astype(float), a=0.25).equilibrium()
    assert float(exact.total) == pytest.approx(flt.total, rel=1e-12)
    assert exact.contributors == flt.contributors


@pytest.mark.parametrize(
    ("a", "draw"),
    [
        pytest.param(0.3, lambda rng: rng.lognormal(size=5_000), id="lognormal-few-pay"),
        pytest.param(0.99, lambda rng: rng.uniform(50, 100, size=3_000), id="uniform-many-pay"),
    ],
)
def test_thousands_of_allies_verified(a, draw) -> None:
    """Checked from first principles, not with the model's own residual or rule."""
    w = draw(np.random.default_rng(3))
    eq = public_good(w, a=a).equilibrium()
    g = np.asarray(eq.contributions, dtype=float)
    total = g.sum()
    # 1. each contribution is the Cobb-Douglas best response to the others' total:
    #    max over g_i of (1-a) log(w_i - g_i) + a log(g_i + G_-i) gives (docs/models.md §a.2)
    #    g_i = max(0, a w_i - (1-a) G_-i)
    others = total - g
    best = np.maximum(0.0, a * w - (1 - a) * others)
    assert np.all(g >= 0) and np.all(g < w)
    assert np.allclose(g, best, rtol=0, atol=1e-9 * total)
    # 2. the total from the closed form with a contributor set found here: try the m
    #    richest for every m, keep the self-consistent one (w_i > (1-a)/a G exactly for
    #    the m richest and for no one else)
    order = np.argsort(-w, kind="stable")
    ws = w[order]
    m = np.arange(1, len(w) + 1)
    totals = a * np.cumsum(ws) / (a + m * (1 - a))
    cut = (1 - a) / a * totals
    inside = ws > cut  # the m-th richest contributes
    outside = np.append(ws[1:] <= cut[:-1], True)  # the (m+1)-th does not
    (consistent,) = np.flatnonzero(inside & outside)  # exactly one (BBV uniqueness)
    n_c = consistent + 1
    w_c = ws[:n_c].sum()
    g_closed = a * w_c / (a + n_c * (1 - a))
    assert 1 < n_c < len(w)  # a real interior/corner mix
    assert total == pytest.approx(g_closed, rel=1e-12)
    assert float(eq.total) == pytest.approx(g_closed, rel=1e-12)
    assert set(eq.contributors) == set(order[:n_c].tolist())


def test_closed_forms_reproduce_the_example() -> None:
    cf = public_good().closed_forms
    a, wc, m = sp.symbols("a W_C m", positive=True)
    assert cf["total"].subs({a: HALF, wc: 18, m: 2}) == 6
    assert cf["samuelson"].subs({a: HALF, sp.Symbol("W", positive=True): 20}) == 10


def test_game_solves_to_the_same_equilibrium() -> None:
    eq = public_good([10, 8, 2], a=HALF).game.equilibrium()
    assert eq.strategies == {"ally 1": 4, "ally 2": 2, "ally 3": 0}


def test_best_response_and_payoffs() -> None:
    m = public_good([10, 8, 2], a=HALF)
    assert m.best_response(0, 2) == 4  # a*10 - (1-a)*2
    assert m.best_response(2, 10) == 0
    u = m.payoffs(np.array([[4.0, 2.0, 0.0]]))
    assert u[0, 0] == pytest.approx(np.log(6))


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        pytest.param({"incomes": [1, -2]}, ValueError, "incomes must be positive", id="negative"),
        pytest.param({"incomes": [1, float("nan")]}, ValueError, "finite", id="nan"),
        pytest.param({"incomes": "10 8"}, TypeError, "incomes", id="string"),
        pytest.param({"incomes": [[1, 2]]}, ValueError, "one-dimensional", id="ragged"),
        pytest.param({"incomes": []}, ValueError, "at least 1", id="empty"),
        pytest.param({"incomes": [sp.Symbol("w"), 1]}, ValueError, "unbound", id="symbol"),
        pytest.param({"a": 1}, ValueError, "a must be < 1", id="a-one"),
        pytest.param({"a": 0}, ValueError, "a must be > 0", id="a-zero"),
        pytest.param({"a": True}, TypeError, "bool", id="a-bool"),
        pytest.param({"utility": "cobb"}, ValueError, "utility must be one of", id="utility"),
        pytest.param({"players": ["x"]}, ValueError, "players", id="players"),
    ],
)
def test_bad_input(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        public_good(**kwargs)


def test_bad_policies() -> None:
    m = public_good([10, 8, 2])
    with pytest.raises(ValueError, match="sum to zero"):
        m.redistribute([1, 0, 0])
    with pytest.raises(ValueError, match="3 entries"):
        m.redistribute([1, -1])
    with pytest.raises(ValueError, match="positive"):
        m.redistribute([-10, 10, 0])
    with pytest.raises(ValueError, match="below income"):
        m.government_provision([10, 0, 0])
    with pytest.raises(ValueError, match="nonnegative"):
        m.government_provision([-1, 0, 0])
