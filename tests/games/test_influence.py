"""Tests of the isoquant argument (games.influence*): expected values derived here with sympy.

Closed forms come from docs/models.md §(b) and d.5 and are re-derived independently inside
the tests; nothing is copied from the code's output.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from games.influence import (
    bayes_update,
    cobb_douglas,
    f1_frontier,
    f2_frontier,
    f3_frontier,
    isoquant_model,
    quasi_linear,
    trust_link,
)

R = sp.Rational
s_ = sp.Symbol("s", positive=True)
S_SYMBOL = cobb_douglas().S


# ------------------------------------------------------------------ F1 frontier


@pytest.mark.parametrize("k", [1, 2, 3, R(5, 2)], ids=lambda k: f"k={k}")
def test_f1_frontier_is_one_minus_s_to_the_k(k):
    f = f1_frontier(k=k)
    assert sp.simplify(f.expr.subs(f.S, s_) - (1 - s_**k)) == 0
    assert f.domain == (0, 1)
    grid = np.linspace(0, 1, 11)
    assert np.allclose(f(grid), 1 - grid ** float(k), atol=1e-14)


def test_f1_frontier_is_derived_from_the_veto_game():
    f = f1_frontier()
    # a veto player's Stay payoff is u - S: it prefers Hedge iff u < S
    u = sp.Symbol("u", positive=True)
    assert sp.simplify(f.game.stay_payoff - (u - f.S)) == 0
    assert "Stay" in f.game.strategies and "Hedge" in f.game.strategies


def test_default_points_match_the_table():
    m = isoquant_model()
    expected = {"A": (R(1, 5), R(24, 25)), "B": (R(1, 2), R(3, 4)), "C": (R(9, 10), R(19, 100))}
    for p in m.points:
        s, i = expected[p.label]
        assert (p.S, p.I) == (s, i)
        # V**5 = I**3 * S**2 exactly
        assert sp.simplify(p.V**5 - i**3 * s**2) == 0
    assert m.A.V**5 == R(13824, 390625)
    assert sp.simplify(m.B.V**5) == R(27, 256)
    assert sp.simplify(m.C.V**5) == R(555579, 100000000)
    assert m.B.v > m.A.v > m.C.v
    assert math.isclose(m.A.v, 0.5125954, abs_tol=1e-7)
    assert math.isclose(m.B.v, 0.6377123, abs_tol=1e-7)
    assert math.isclose(m.C.v, 0.3539559, abs_tol=1e-7)


def test_b_is_the_tangency():
    m = isoquant_model()
    # independent: frontier slope -2S and isoquant slope -(2/3) I / S at (1/2, 3/4)
    assert m.tangency.interior and m.tangency.exact
    assert math.isclose(m.tangency.frontier_slope, -1.0, rel_tol=1e-12)
    assert math.isclose(
        m.tangency.isoquant_slope, float(-R(2, 3) * R(3, 4) / R(1, 2)), rel_tol=1e-12
    )
    assert abs(m.tangency.foc_residual) < 1e-12


@pytest.mark.parametrize(
    ("alpha", "k"),
    [(R(3, 5), 2), (R(1, 2), 3), (R(4, 5), 2), (R(1, 3), R(3, 2))],
    ids=lambda v: str(v),
)
def test_f1_cobb_douglas_optimum_closed_form(alpha, k):
    m = isoquant_model(f1_frontier(k), cobb_douglas(alpha))
    # maximise alpha*log(1 - t) + (1-alpha)/k*log t in t = S**k
    t = sp.Symbol("t", positive=True)
    t_star = sp.solve(sp.diff(alpha * sp.log(1 - t) + (1 - alpha) / k * sp.log(t), t), t)[0]
    assert math.isclose(m.B.s ** float(k), float(t_star), rel_tol=1e-12)
    assert math.isclose(m.B.i, float(1 - t_star), rel_tol=1e-12)


def test_alpha_twelve_thirteenths_makes_a_the_optimum():
    m = isoquant_model(f1_frontier(2), cobb_douglas(R(12, 13)))
    assert m.B.S == R(1, 5) and m.B.I == R(24, 25)
    assert m.threshold.kind == "status-quo"


def test_overshoot_threshold_is_root_of_v_equals_va():
    m = isoquant_model()
    poly = sp.Poly((1 - s_**2) ** 3 * s_**2 - R(13824, 390625), s_)
    roots = [r for r in poly.real_roots() if R(1, 2) < r < 1]
    assert len(roots) == 1
    expected = float(roots[0].evalf(30))
    assert m.threshold.kind == "root"
    assert math.isclose(float(m.threshold.S), expected, rel_tol=1e-14)
    assert math.isclose(expected, 0.7833557118, abs_tol=1e-10)
    # beyond it the leader is worse off than at A, before it better
    assert m.value_along(expected + 1e-6) < m.A.v < m.value_along(expected - 1e-6)


# ------------------------------------------------------------------ F2 frontier


def test_f2_branches_and_fold():
    f = f2_frontier()
    p = sp.Symbol("p")
    roots = sp.solve(p**2 - p + s_, p)  # T = 1
    hi = max(roots, key=lambda r: r.subs(s_, R(1, 10)))
    lo = min(roots, key=lambda r: r.subs(s_, R(1, 10)))
    assert sp.simplify(f.expr.subs(f.S, s_) - hi) == 0
    assert sp.simplify(f.low_expr.subs(f.S, s_) - lo) == 0
    assert f.fold == R(1, 4)
    # the branches meet at the fold, at 1/2
    assert hi.subs(s_, f.fold) == lo.subs(s_, f.fold) == R(1, 2)
    assert f.equilibria(f.fold) == (R(1, 2), 0)
    assert f.equilibria(R(9, 100)) == (R(9, 10), R(1, 10), 0)
    assert f.equilibria(R(3, 10)) == (0,)
    # concave aligned branch: d2 pi_H / dS2 = -2/(T**2 (1 - 4S/T)**(3/2)) with T = 1
    d2 = sp.diff(f.expr, f.S, 2).subs(f.S, R(1, 10))
    assert sp.simplify(d2 - (-2 / (1 - R(4, 10)) ** R(3, 2))) == 0


@pytest.mark.parametrize("T", [R(1, 2), 1, R(10, 17), 3])
def test_f2_fold_is_quarter_of_tolerance(T):
    f = f2_frontier(T=T)
    assert f.fold == sp.Integer(1) * T / 4
    assert math.isclose(float(f(float(T) / 4 - 1e-13)), 0.5, abs_tol=1e-5)
    assert float(f(float(T) / 4 * 1.001)) == 0.0


@pytest.mark.parametrize("k", [1, 2, 3, R(1, 2)])
def test_f2_general_k_fold(k):
    f = f2_frontier(k=k)
    # S(pi) = pi*(1 - pi)**(1/k) peaks at pi = k/(k+1)
    p = sp.Symbol("p", positive=True)
    s_of_p = p * (1 - p) ** (1 / sp.Integer(1) / k)
    m = sp.Integer(1) * k / (k + 1)
    assert sp.simplify(sp.diff(s_of_p, p).subs(p, m)) == 0
    assert sp.simplify(f.fold - s_of_p.subs(p, m)) == 0
    if k == 2:
        assert sp.simplify(f.fold - 2 * sp.sqrt(3) / 9) == 0
    # the branches meet at the fold
    hi, lo = f._branches(float(f.fold) * (1 - 1e-9))
    assert abs(hi - lo) < 1e-3


@pytest.mark.parametrize(
    ("start", "limit"),
    [(1, 0.9), (0.2, 0.9), (0.11, 0.9), (0.09, 0.0), (0.05, 0.0)],
    ids=lambda v: str(v),
)
def test_f2_hysteresis_by_best_response_iteration(start, limit):
    f = f2_frontier()
    path = f.iterate(R(9, 100), start)
    assert math.isclose(path[-1], limit, abs_tol=1e-10)
    assert math.isclose(f.dynamic_limit(R(9, 100), start), limit, abs_tol=1e-12)
    # by hand: pi <- max(0, 1 - S/pi)
    x = float(start)
    for _ in range(400):
        x = max(0.0, 1 - 0.09 / x) if x > 0 else 0.0
    assert math.isclose(x, limit, abs_tol=1e-10)


def test_f2_cutting_back_does_not_restore_alignment():
    f = f2_frontier()
    up = np.linspace(0.02, 0.3, 30)
    down = np.linspace(0.3, 0.01, 30)
    states = f.hysteresis(np.concatenate([up, down]), start=1.0)
    assert np.all(states[:29][up[:29] <= 0.25] > 0.5)
    assert np.all(states[30:] == 0.0)
    # a coordinated critical mass just above pi_L re-aligns the bloc; just below it does not
    crit = f.tipping_threshold(R(9, 100))
    assert math.isclose(crit, 0.1, rel_tol=1e-12)
    assert math.isclose(f.dynamic_limit(0.09, crit + 1e-6), 0.9, rel_tol=1e-12)
    assert f.dynamic_limit(0.09, crit - 1e-6) == 0.0


def test_f2_selection_and_stability():
    f = f2_frontier()
    s = np.array([0.09, 0.3])
    assert np.allclose(f(s, "high"), [0.9, 0.0])
    assert np.allclose(f(s, "low"), [0.0, 0.0])
    assert np.allclose(f(s, "dynamic", start=0.05), [0.0, 0.0])
    assert np.allclose(f(s, "dynamic", start=0.5), [0.9, 0.0])
    assert f.stable(0.9, 0.09) and not f.stable(0.1, 0.09) and f.stable(0.0, 0.09)
    with pytest.raises(ValueError, match="select"):
        f(s, "middle")


def test_f2_quasi_linear_table():
    m = isoquant_model(f2_frontier(), quasi_linear(), S_A=R(49, 2500), S_C=R(3, 10))
    assert (m.A.S, m.A.I, m.A.V) == (R(49, 2500), R(49, 50), R(217, 200))
    assert (m.B.S, m.B.I, m.B.V) == (R(9, 100), R(9, 10), R(9, 8))
    assert m.C.I == 0 and sp.simplify(m.C.V - 3 * sp.sqrt(30) / 40) == 0
    # smooth threshold on the aligned branch, found here with nsolve
    eq = (1 + sp.sqrt(1 - 4 * s_)) / 2 + R(3, 4) * sp.sqrt(s_) - R(217, 200)
    root = sp.re(sp.nsolve(eq, s_, 0.17, prec=30))
    assert m.threshold.kind == "root"
    assert math.isclose(float(m.threshold.S), float(root), rel_tol=1e-14)
    assert math.isclose(float(root), 0.17774656, abs_tol=1e-8)


@pytest.mark.parametrize("c", [R(3, 4), R(1, 2), 1])
def test_f2_quasi_linear_optimum_closed_form(c):
    m = isoquant_model(f2_frontier(), quasi_linear(c=c), S_A=R(1, 100), S_C=R(3, 10))
    assert sp.simplify(m.B.S - c**2 / (4 * (1 + c**2))) == 0
    assert sp.simplify(m.B.I - (1 + 1 / sp.sqrt(1 + c**2)) / 2) == 0


def test_f2_cobb_douglas_variant():
    m = isoquant_model(f2_frontier(), cobb_douglas(R(1, 2)), S_A=R(9, 100), S_C=R(3, 10))
    a = R(1, 2)
    assert m.B.S == (1 - a) / (2 - a) ** 2 and m.B.I == 1 / (2 - a)
    assert sp.simplify(m.B.V - 2 * sp.sqrt(3) / 9) == 0
    assert sp.simplify(m.A.V - 9 * sp.sqrt(10) / 100) == 0
    # the aligned branch stays above V_A up to the fold; past it influence collapses
    assert m.threshold.kind == "fold" and m.threshold.S == R(1, 4)


def test_f2_withdrawal_corner():
    m = isoquant_model(f2_frontier(), quasi_linear(c=3), S_A=R(1, 50), S_C=R(3, 10))
    # V = 3*sqrt(1) = 3 at withdrawal beats the aligned branch (max < 1 + 3/2)
    assert (m.B.S, m.B.I) == (1, 0) and not m.tangency.interior
    assert m.threshold.S is None


# ------------------------------------------------------------------ F3 frontier


def test_f3_contribution_share():
    f = f3_frontier()
    assert sp.simplify(f.expr.subs(f.S, s_) - 2 * (8 - s_) / (16 - s_)) == 0
    assert f.at(4) == R(2, 3)
    assert sp.simplify(sp.diff(f.expr, f.S, 2).subs(f.S, s_) + 32 / (16 - s_) ** 3) == 0
    # the ally's best response y = 4 - x/2 with x = 8 - S
    y, x = sp.symbols("y x", nonnegative=True)
    br = sp.solve(sp.diff(sp.log(8 - y) + sp.log(x + y), y), y)[0]
    assert sp.simplify(br - (4 - x / 2)) == 0
    assert f.domain == (0, 8)


def test_f3_model_runs_and_verifies_tangency():
    m = isoquant_model(f3_frontier(), cobb_douglas(), S_A=1, S_C=7)
    assert abs(m.tangency.foc_residual) < 1e-12
    assert math.isclose(m.tangency.frontier_slope, m.tangency.isoquant_slope, rel_tol=1e-10)


# ------------------------------------------------------------------ trust link


def test_trust_link_example():
    assert bayes_update(R(9, 10), R(1, 10), R(4, 5)) == R(9, 17)
    assert bayes_update(Fraction(1, 2), Fraction(1, 2), Fraction(1, 2)) == R(1, 2)
    t = trust_link()
    assert (t.T_before, t.fold_before) == (1, R(1, 4))
    assert t.T_after == R(10, 9) * R(9, 17) and t.fold_after == R(5, 34)
    before, after = t.outcome(R(1, 5))
    assert math.isclose(before, (1 + math.sqrt(1 - 0.8)) / 2, rel_tol=1e-12)
    assert after == 0.0
    # a shift below the new fold survives the threat
    _, a = t.outcome(R(1, 10))
    assert a == pytest.approx((1 + math.sqrt(1 - 4 * 0.1 * 17 / 10)) / 2, rel=1e-12)
    assert t.newly_unsafe == (R(5, 34), R(1, 4))


def test_bayes_update_rejects_impossible_threat():
    with pytest.raises(ValueError, match="Bayes"):
        bayes_update(1, 0, R(1, 2))
    with pytest.raises(ValueError, match="mu"):
        bayes_update(R(3, 2), R(1, 2), R(1, 2))


# ------------------------------------------------------------------ comparative statics


def test_comparative_statics_f1_against_closed_form():
    m = isoquant_model()
    cs = m.comparative_statics()
    a, k = sp.symbols("a k", positive=True)
    sb = ((1 - a) / (1 - a + a * k)) ** (1 / k)
    at = {a: R(3, 5), k: 2}
    assert math.isclose(cs.optimum["alpha"], float(sp.diff(sb, a).subs(at)), rel_tol=1e-10)
    assert math.isclose(cs.optimum["k"], float(sp.diff(sb, k).subs(at)), rel_tol=1e-10)
    ib = 1 - sb**k
    assert math.isclose(
        cs.optimum_influence["alpha"], float(sp.diff(ib, a).subs(at)), rel_tol=1e-10
    )
    assert cs.optimum["alpha"] < 0 < cs.optimum["k"]  # MODELS b.2 signs
    assert cs.optimum["S_A"] == 0.0


def _threshold_f1(alpha, k, s_a):
    """S_bar recomputed here: root of V(S) = V_A beyond the optimum (nsolve)."""
    v = (1 - s_**k) ** alpha * s_ ** (1 - alpha)
    va = v.subs(s_, s_a)
    sb = ((1 - alpha) / (1 - alpha + alpha * k)) ** (1 / k)
    bracket = (sb + sp.Float(1e-3, 30), sp.Float(1, 30) - sp.Float(1e-9, 30))
    return float(sp.nsolve(v - va, s_, bracket, solver="bisect", prec=30))


@pytest.mark.parametrize("param", ["alpha", "k", "S_A"])
def test_comparative_statics_of_threshold(param):
    m = isoquant_model()
    d = m.comparative_statics().threshold[param]
    base = {"alpha": sp.Float(0.6, 30), "k": sp.Float(2, 30), "s_a": sp.Float(0.2, 30)}
    key = {"alpha": "alpha", "k": "k", "S_A": "s_a"}[param]
    h = sp.Float(1e-6, 30)
    up, dn = dict(base), dict(base)
    up[key] += h
    dn[key] -= h
    fd = (_threshold_f1(**up) - _threshold_f1(**dn)) / float(2 * h)
    assert math.isclose(d, fd, rel_tol=1e-6)


def test_comparative_statics_f2_quasi_linear():
    m = isoquant_model(f2_frontier(), quasi_linear(), S_A=R(49, 2500), S_C=R(3, 10))
    cs = m.comparative_statics()
    c, T, x = sp.symbols("c T x", positive=True)
    # FOC of pi_H(S) + c*sqrt(S), squared: 4*S = c**2*T**2*(1 - 4*S/T)
    sb = sp.solve(4 * x - c**2 * T**2 * (1 - 4 * x / T), x)[0]
    at = {c: R(3, 4), T: 1}
    assert math.isclose(cs.optimum["c"], float(sp.diff(sb, c).subs(at)), rel_tol=1e-10)
    assert math.isclose(cs.optimum["T"], float(sp.diff(sb, T).subs(at)), rel_tol=1e-10)
    assert set(cs.optimum) == {"T", "k", "c", "p", "S_A"}
    assert set(cs.threshold) == {"T", "k", "c", "p", "S_A"}


def test_comparative_statics_fold_threshold_moves_with_t():
    m = isoquant_model(f2_frontier(), cobb_douglas(R(1, 2)), S_A=R(9, 100), S_C=R(3, 10))
    assert m.comparative_statics().threshold["T"] == pytest.approx(0.25, rel=1e-12)


# ------------------------------------------------------------------ national interest


@pytest.mark.parametrize(
    ("interest", "level"),
    [
        (cobb_douglas(), R(1, 2)),
        (cobb_douglas(R(1, 3)), R(1, 2)),
        (quasi_linear(), R(3, 2)),
        (quasi_linear(2, R(1, 3)), R(5, 2)),
    ],
    ids=["cd-3/5", "cd-1/3", "ql", "ql-2-1/3"],
)
def test_isoquant_is_a_level_set(interest, level):
    curve = interest.isoquant(level)
    s = np.linspace(0.3, 1.0, 8)
    assert np.all(curve(s) >= 0)
    assert np.allclose(interest.value(curve(s), s), float(level), rtol=1e-12)


@pytest.mark.parametrize(
    "alpha",
    [R(7, 10), 0.7, R(13, 20), 0.65, R(9, 10), R(1, 7)],
    ids=["7/10", "0.7", "13/20", "0.65", "9/10", "1/7"],
)
def test_cobb_douglas_isoquant_closed_form_at_any_alpha(alpha):
    # V = I**a * S**(1 - a) = v  <=>  I = (v / S**(1 - a))**(1/a), derived by hand
    interest = cobb_douglas(alpha)
    a = sp.nsimplify(alpha)
    v = R(1, 2)
    expected = (v / S_SYMBOL ** (1 - a)) ** (1 / a)
    got = interest.isoquant_expr(v)
    for s in (R(1, 5), R(1, 2), R(9, 10)):
        assert math.isclose(
            float(got.subs(S_SYMBOL, s)), float(expected.subs(S_SYMBOL, s)), rel_tol=1e-12
        )


@settings(max_examples=30, deadline=None)
@given(alpha=st.floats(0.01, 0.99), level=st.floats(0.05, 2.0), k=st.floats(1.0, 5.0))
def test_property_isoquant_is_a_level_set_at_any_alpha(alpha, level, k):
    interest = cobb_douglas(alpha)
    s = np.linspace(0.05, 1.0, 7)
    curve = interest.isoquant(level)(s)
    assert np.all(np.isfinite(curve)) and np.all(curve >= 0)
    assert np.allclose(interest.value(curve, s), level, rtol=1e-9)
    # the isoquant through the model's points (F1 frontier with inertia k) passes
    # through them
    if 0.15 <= alpha <= 0.85:
        m = isoquant_model(f1_frontier(k), cobb_douglas(alpha))
        for point in (m.A, m.B):
            assert math.isclose(
                float(m.isoquant_through(point)(point.s)), point.i, rel_tol=1e-9, abs_tol=1e-12
            )


def test_numeric_inversion_where_no_closed_form():
    from dataclasses import replace

    # a V without a known closed form is inverted numerically (V increases in I)
    base = quasi_linear()
    general = base.I + base.I**3 + base.symbols["c"] * S_SYMBOL ** base.symbols["p"]
    odd = replace(base, name="cubic", general=general, ordinal_general=general)
    curve = odd.isoquant(2)
    s = np.linspace(0.1, 1.0, 5)
    i = curve(s)
    assert np.allclose(i + i**3 + 0.75 * np.sqrt(s), 2, rtol=1e-12)


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: f1_frontier(k=0), "k must lie"),
        (lambda: f1_frontier(k="2"), "k must be a real number"),
        (lambda: f1_frontier(k=float("nan")), "k must be finite"),
        (lambda: f1_frontier(k=True), "k must be a real number"),
        (lambda: f1_frontier(k=sp.Symbol("q")), "unbound symbols"),
        (lambda: cobb_douglas(alpha=1), "alpha must lie"),
        (lambda: quasi_linear(c=-1), "c must lie"),
        (lambda: f2_frontier(T=0), "T must lie"),
        (lambda: f3_frontier(a=R(1, 2), x0=9), "x0 must lie"),
        (lambda: isoquant_model(S_A=2), "S_A must lie"),
        (lambda: isoquant_model(S_C=0), "S_C must lie"),
        (lambda: isoquant_model(select="best"), "select must be one of"),
        (lambda: isoquant_model(frontier="F1"), "frontier must be a Frontier"),
        (lambda: f1_frontier()(np.array([-0.1])), "S must be >= 0"),
        (lambda: f1_frontier()(np.array([1.5])), "domain"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_bad_input_raises_clear_errors(build, match):
    with pytest.raises((ValueError, TypeError), match=match):
        build()


# ------------------------------------------------------------------ properties


@given(alpha=st.floats(0.15, 0.85), k=st.floats(1.0, 4.0))
def test_property_f1_optimum_is_global_and_threshold_is_a_root(alpha, k):
    m = isoquant_model(f1_frontier(k), cobb_douglas(alpha))
    grid = np.linspace(1e-3, 1 - 1e-3, 2001)
    assert m.B.v >= m.value_along(grid).max() - 1e-12
    assert abs(m.tangency.foc_residual) < 1e-8
    assert math.isclose(m.tangency.frontier_slope, m.tangency.isoquant_slope, rel_tol=1e-7)
    if m.threshold.kind == "root":
        assert math.isclose(float(m.value_along(float(m.threshold.S))), m.A.v, rel_tol=1e-10)


@given(s=st.floats(0.01, 0.22), start=st.floats(0.0, 1.0))
def test_property_dynamic_limit_matches_iteration(s, start):
    f = f2_frontier()
    crit = (1 - math.sqrt(1 - 4 * s)) / 2
    assume(abs(start - crit) > 1e-2)
    lim = f.dynamic_limit(s, start)
    path = f.iterate(s, start, tol=1e-14, max_iter=200_000)
    assert math.isclose(path[-1], lim, abs_tol=1e-9)
    assert lim == 0.0 if start < crit else math.isclose(lim, (1 + math.sqrt(1 - 4 * s)) / 2)


# ------------------------------------------------------------------ review fixes


@pytest.mark.parametrize(
    ("build", "match"),
    [
        # F1 (k = 2), alpha = 3/5: S_B**2 = (2/5)/(2/5 + 6/5) = 1/4, so S_B = 1/2
        (lambda: isoquant_model(S_C=R(2, 5)), r"S_C must exceed the optimum's S_B = 1/2\b"),
        (lambda: isoquant_model(S_C=R(1, 2)), r"S_C must exceed the optimum's S_B = 1/2\b"),
        (lambda: isoquant_model(S_C=0.3), r"S_C must exceed the optimum's S_B = 1/2\b.*got 0\.3"),
        # F2, V = I + (3/4) sqrt(S): S_B = c**2/(4*(1 + c**2)) = 9/100
        (
            lambda: isoquant_model(f2_frontier(), quasi_linear(), S_A=R(1, 100), S_C=R(1, 20)),
            r"S_C must exceed the optimum's S_B = 9/100",
        ),
        # alpha = 12/13: S_B**2 = (1/13)/(25/13), S_B = 1/5 < S_A = 3/10: S_A binds
        (
            lambda: isoquant_model(
                f1_frontier(2), cobb_douglas(R(12, 13)), S_A=R(3, 10), S_C=R(1, 4)
            ),
            r"S_C must exceed the status quo's S_A = 3/10",
        ),
    ],
    ids=["below-B", "at-B", "float-below-B", "F2-below-B", "below-A"],
)
def test_overshoot_c_must_lie_beyond_a_and_b(build, match):
    with pytest.raises(ValueError, match=match):
        build()


def test_overshoot_c_just_beyond_b_is_accepted():
    m = isoquant_model(S_C=R(51, 100))
    assert m.C.role == "overshoot" and m.C.I == 1 - R(51, 100) ** 2


def test_withdrawal_corner_has_no_overshoot_role():
    # the optimum is S_B = shift_limit = 1: no larger shift exists, C only needs S_C > S_A
    m = isoquant_model(f2_frontier(), quasi_linear(c=3), S_A=R(1, 50), S_C=R(3, 10))
    assert m.C.role == "short of withdrawal"
    with pytest.raises(ValueError, match="S_C must exceed the status quo's S_A = 1/50"):
        isoquant_model(f2_frontier(), quasi_linear(c=3), S_A=R(1, 50), S_C=R(1, 100))


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: f2_frontier(shift_limit=0.1), r"shift_limit must be at least the fold S\* = 1/4"),
        # T = 2: fold T/4 = 1/2
        (lambda: f2_frontier(T=2, shift_limit=R(2, 5)), r"shift_limit .* S\* = 1/2\b"),
        # k = 2: fold (2/3)*(1/3)**(1/2) = 2*sqrt(3)/9 ~ 0.3849
        (lambda: f2_frontier(k=2, shift_limit=R(3, 10)), r"shift_limit .* 0\.3849001795"),
        # the trust link's pre-threat frontier: T = (10/9)*(9/10) = 1, fold 1/4
        (lambda: trust_link(shift_limit=R(1, 5)), r"shift_limit .* S\* = 1/4"),
    ],
    ids=["k1", "T2", "k2", "trust-link"],
)
def test_shift_limit_below_the_fold_is_refused(build, match):
    with pytest.raises(ValueError, match=match):
        build()


def test_shift_limit_at_the_fold_is_accepted():
    f = f2_frontier(shift_limit=R(1, 4))
    assert f.shift_limit == f.fold == R(1, 4)


def test_hysteresis_holds_for_positive_shifts_only():
    f = f2_frontier()
    # pi_H(9/100) = (1 + sqrt(1 - 36/100))/2 = 9/10; 3/10 > 1/4 leaves only pi = 0
    up = f.hysteresis([R(9, 100), R(3, 10)])
    assert math.isclose(up[0], 0.9, rel_tol=1e-12) and up[1] == 0.0
    # from pi = 0 at S = 9/100: max(0, 1 - S/(T*0)) = 0, the bloc stays collapsed
    assert f.hysteresis([R(9, 100)], start=0.0).tolist() == [0.0]
    assert f.hysteresis([R(3, 10), R(9, 100)]).tolist() == [0.0, 0.0]
    # at S = 0: pi = 1 - 0 = 1 is the only equilibrium, alignment is restored
    assert f.equilibria(0) == (1,)
    assert f.hysteresis([R(3, 10), R(9, 100), 0]).tolist() == [0.0, 0.0, 1.0]
    assert f.hysteresis([R(3, 10), 0]).tolist() == [0.0, 1.0]


def test_f3_a_is_the_weight_on_private_consumption():
    # f3_frontier(a) = BBV public_good with security weight 1 - a: ally best response
    # y = (1 - a)*w - a*x; with a = 1/4, w = 8: y = 6 - x/4 (BBV a = 3/4: g = 6 - x/4)
    from games.alliance import public_good

    f = f3_frontier(a=R(1, 4))
    assert f.domain == (0, 24)  # x0 = (3/4)*8/(1/4) = 24
    # BBV Nash, incomes (16, 8), a = 3/4: G = (3/4)*24/(3/4 + 2/4) = 72/5,
    # g_US = 16 - (1/3)*72/5 = 56/5: US share 7/9 at S = 24 - 56/5
    eq = public_good([16, 8], a=R(3, 4)).equilibrium()
    assert eq.contributions[0] == R(56, 5) and eq.leader_share == R(7, 9)
    assert f.at(24 - R(56, 5)) == R(7, 9)
