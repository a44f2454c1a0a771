"""solvers.continuous: verification, 1-D maximization, concavity, exact and numeric solves.

Reference values: textbook closed forms (Cournot with exits, BBV contributor sets)
computed here independently of the solver.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.continuous import (
    ContinuousProblem,
    best_response,
    concavity,
    equilibria,
    maximize_1d,
    solve_exact,
    verify_profile,
)

R = sp.Rational


def cournot_problem(a, costs):
    n = len(costs)
    q = sp.symbols(f"q0:{n}")
    Q = sum(q)
    return ContinuousProblem(
        q, [(a - Q - c) * qi for qi, c in zip(q, costs, strict=True)], [(0, None)] * n
    )


def cournot_closed_form(a, costs):
    """Asymmetric Cournot with exit: the m cheapest firms produce (a + sum c)/(m+1) - c_i."""
    n = len(costs)
    order = sorted(range(n), key=lambda i: costs[i])
    for m in range(n, 0, -1):
        active = order[:m]
        Q = Fraction(m * a - sum(costs[i] for i in active), m + 1)
        q = [a - Q - costs[i] if i in active else 0 for i in range(n)]
        if all(q[i] > 0 for i in active) and all(a - Q - costs[i] <= 0 for i in order[m:]):
            return q
    return [0] * n


def bbv_problem(incomes, a):
    n = len(incomes)
    g = sp.symbols(f"g0:{n}")
    G = sum(g)
    return ContinuousProblem(
        g,
        [(1 - a) * sp.log(w - gi) + a * sp.log(G) for w, gi in zip(incomes, g, strict=True)],
        [(0, w) for w in incomes],
    )


def bbv_closed_form(incomes, a):
    order = sorted(range(len(incomes)), key=lambda i: -incomes[i])
    for m in range(len(incomes), 0, -1):
        C = order[:m]
        G = a * sum(incomes[i] for i in C) / (a + m * (1 - a))
        y = (1 - a) / a * G
        if all(incomes[i] > y for i in C) and all(incomes[i] <= y for i in order[m:]):
            return [incomes[i] - y if i in C else 0 for i in range(len(incomes))]
    raise AssertionError


# ------------------------------------------------------------------- maximize_1d
@pytest.mark.parametrize(
    ("f", "lo", "hi", "x_star"),
    [
        (lambda t: -((t - 0.3) ** 2), 0.0, 1.0, 0.3),
        (lambda t: -((t - 2.0) ** 2), 0.0, 1.0, 1.0),  # corner
        (lambda t: t**3 - 2 * t, -1.0, 1.0, -math.sqrt(2 / 3)),  # interior, non-concave
        (lambda t: -np.abs(t - 1e5), 0.0, math.inf, 1e5),  # far away on an infinite end
        (lambda t: np.log(t) - t / 7, 0.0, math.inf, 7.0),  # undefined at 0
    ],
    ids=["interior", "corner", "nonconcave", "far", "log"],
)
def test_maximize_1d_finds_global_maximum(f, lo, hi, x_star):
    x, _, scale = maximize_1d(f, lo, hi, hint=0.5 if math.isfinite(hi) else 1.0)
    assert x == pytest.approx(x_star, rel=1e-7, abs=1e-7)
    assert scale > 0


def test_maximize_1d_detects_unbounded():
    _, v, _ = maximize_1d(lambda t: t, 0.0, math.inf)
    assert v == math.inf


# ------------------------------------------------------------------ verification
def test_verify_profile_exact_and_float():
    x, y = sp.symbols("x y")
    p = ContinuousProblem((x, y), (-((x - y) ** 2), -((y - 1) ** 2)), ((0, 2), (0, 2)))
    regrets, tol, exact = verify_profile(p, [sp.Integer(1), sp.Integer(1)])
    assert exact and regrets == [0, 0] and tol is None
    regrets, tol, exact = verify_profile(p, [sp.Rational(1, 2), sp.Integer(1)])
    assert exact and regrets[0] == R(1, 4)
    regrets, tol, exact = verify_profile(p, [0.5, 1.0])
    assert not exact and regrets[0] == pytest.approx(0.25) and regrets[1] <= tol[1]


def test_verify_tolerance_scales_with_payoffs():
    x, y = sp.symbols("x y")
    for k in (1, 1e6):
        p = ContinuousProblem((x, y), (-k * (x - y) ** 2, -k * (y - 1) ** 2), ((0, 2), (0, 2)))
        regrets, tol, _ = verify_profile(p, [1.0 + 1e-6, 1.0])
        # regret k*1e-12 against tolerance 1e-9 * (payoff range 4k): passes for every k
        assert regrets[0] == pytest.approx(k * 1e-12, rel=1e-3)
        assert regrets[0] <= tol[0]


def test_verify_profile_rejects_bad_input():
    x, y, k = sp.symbols("x y k")
    p = ContinuousProblem((x, y), (-((x - y) ** 2), -((y - 1) ** 2)), ((0, 2), (0, 2)))
    with pytest.raises(ValueError, match="outside its bounds"):
        verify_profile(p, [3.0, 1.0])
    with pytest.raises(ValueError, match="not finite"):
        verify_profile(p, [np.nan, 1.0])
    with pytest.raises(ValueError, match="2 strategies"):
        verify_profile(p, [1.0])
    q = ContinuousProblem((x, y), (-((x - k) ** 2), -((y - 1) ** 2)), ((0, 2), (0, 2)), (k,))
    with pytest.raises(ValueError, match="unbound parameter"):
        verify_profile(q, [1.0, 1.0])


def test_nonconcave_kkt_point_is_rejected_by_verification():
    # u_A = x^3 - x on [-1, 2]: the KKT point x = 1/sqrt(3) is a local minimum... and
    # x = -1/sqrt(3) a local max worth 0.385, beaten by the corner x = 2 (worth 6)
    x, y = sp.symbols("x y")
    p = ContinuousProblem((x, y), (x**3 - x + 0 * y, -((y - x) ** 2)), ((-1, 2), (-1, 2)))
    eqs = equilibria(p)
    assert [e.profile for e in eqs] == [(2, 2)]
    assert any("not an equilibrium" in n for n in eqs.notes)


# --------------------------------------------------------------------- concavity
def test_concavity_statuses():
    x, y = sp.symbols("x y")
    p = ContinuousProblem((x, y), (sp.log(1 + x) - x * y, x**3 - y * x + y**2), ((0, 1), (0, 1)))
    assert concavity(p, 0) == ("strictly concave (proven)", True)
    status, flag = concavity(p, 1)
    assert flag is False and "not concave" in status
    q = ContinuousProblem((x, y), (-(x**4) + x * y, x * y), ((0, 1), (0, 1)))
    assert concavity(q, 1)[1] is True and "linear" in concavity(q, 1)[0]
    status, flag = concavity(q, 0)
    assert flag in (True, None)


def test_best_response_with_symbolic_parameters_and_bounds():
    x, y, w, a = sp.symbols("x y w a", positive=True)
    p = ContinuousProblem(
        (x, y),
        ((1 - a) * sp.log(w - x) + a * sp.log(x + y), -((y - 1) ** 2)),
        ((0, w), (0, 2)),
        (w, a),
        domains={a: sp.Interval.open(0, 1), w: sp.Interval.open(0, sp.oo)},
    )
    br = best_response(p, 0)
    assert br.concave is True
    # clip(a w - (1-a) y, 0, w) at a few points
    for vals in ({a: R(1, 2), w: 10, y: 2}, {a: R(1, 3), w: 3, y: 5}):
        expected = max(0, min(vals[w], vals[a] * vals[w] - (1 - vals[a]) * vals[y]))
        assert br.expr.subs(vals) == expected


# ------------------------------------------------------------------ exact solver
def test_solve_exact_refuses_floats_and_too_many_cases():
    with pytest.raises(ValueError, match="exact numbers"):
        solve_exact(cournot_problem(10.5, [1, 2]))
    with pytest.raises(ValueError, match="exceed the exact limit"):
        solve_exact(bbv_problem([R(1)] * 8, R(1, 2)))
    with pytest.raises(ValueError, match="method must be"):
        equilibria(cournot_problem(10, [1, 2]), method="magic")


def test_large_game_falls_back_to_numeric():
    incomes = [10, 9, 8, 7, 6, 5, 4, 3]
    eqs = equilibria(bbv_problem(incomes, R(1, 2)))
    assert len(eqs) == 1 and not eqs[0].exact
    np.testing.assert_allclose(
        eqs[0].profile, [float(v) for v in bbv_closed_form(incomes, 0.5)], atol=1e-9
    )
    assert any("exact method skipped" in n for n in eqs.notes)


def test_transcendental_game_solved_numerically():
    # FOC exp(x) = 2 + sin(y), exp(y) = 2 + sin(x): no closed form, unique by contraction
    x, y = sp.symbols("x y")
    p = ContinuousProblem(
        (x, y),
        (-sp.exp(x) + x * (2 + sp.sin(y)), -sp.exp(y) + y * (2 + sp.sin(x))),
        ((-5, 5), (-5, 5)),
    )
    eqs = equilibria(p)
    assert len(eqs) == 1 and not eqs[0].exact
    xs = eqs[0].profile
    assert math.exp(xs[0]) == pytest.approx(2 + math.sin(xs[1]), rel=1e-10)
    assert eqs[0].regret <= min(eqs[0].tolerance.values())


# ----------------------------------------------------------- property-based tests
small_rational = st.fractions(min_value=0, max_value=6, max_denominator=4)


@settings(max_examples=15)
@given(a=st.integers(6, 20), costs=st.lists(small_rational, min_size=2, max_size=3))
def test_cournot_random_costs_exact(a, costs):
    p = cournot_problem(a, [R(c.numerator, c.denominator) for c in costs])
    eqs = equilibria(p)
    assert len(eqs) == 1 and eqs.unique and eqs[0].exact
    expected = cournot_closed_form(Fraction(a), costs)
    assert [Fraction(int(v.p), int(v.q)) for v in eqs[0].profile] == expected
    regrets, _, exact = verify_profile(p, list(eqs[0].profile))
    assert exact and all(r == 0 for r in regrets)


@settings(max_examples=15)
@given(
    incomes=st.lists(st.floats(0.5, 50.0), min_size=2, max_size=4),
    a=st.floats(0.1, 0.9),
    seed=st.integers(0, 2**16),
)
def test_bbv_random_numeric_verified(incomes, a, seed):
    p = bbv_problem(incomes, a)
    eqs = equilibria(p, seed=seed)
    assert len(eqs) >= 1
    for eq in eqs:  # every returned equilibrium passes verification
        assert all(eq.regrets[k] <= eq.tolerance[k] for k in eq.regrets)
    np.testing.assert_allclose(
        eqs[0].profile, bbv_closed_form(incomes, a), rtol=1e-7, atol=1e-7 * max(incomes)
    )


@settings(max_examples=5)
@given(
    incomes=st.lists(st.integers(1, 30), min_size=2, max_size=3),
    a=st.sampled_from([R(1, 4), R(1, 2), R(2, 3)]),
)
def test_bbv_exact_matches_numeric(incomes, a):
    p = bbv_problem(incomes, a)
    exact = equilibria(p, method="exact")
    numeric = equilibria(p, method="numeric")
    assert len(exact) == 1 and exact.unique and exact[0].exact
    expected = bbv_closed_form([Fraction(w) for w in incomes], Fraction(a.p, a.q))
    assert [Fraction(int(v.p), int(v.q)) for v in exact[0].profile] == expected
    np.testing.assert_allclose(
        numeric[0].profile, [float(v) for v in expected], atol=1e-8 * max(incomes)
    )
