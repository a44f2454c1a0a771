"""solvers.bargaining against textbook values and closed forms derived here with sympy."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction as F

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.bargaining import (
    curve_frontier,
    discount_factors,
    fixed_threat,
    kalai_smorodinsky,
    limit_weights,
    nash_product,
    nash_solution,
    outside_option_solution,
    polygon_frontier,
    rubinstein,
    rubinstein_limit,
    transferable_utility,
    variable_threat,
)

R = sp.Rational


# ----------------------------------------------------------------------------- Rubinstein
@pytest.mark.parametrize(
    ("d1", "d2", "share"),
    [
        pytest.param(F(9, 10), F(9, 10), R(10, 19), id="equal-patience-10/19"),
        pytest.param(F(9, 10), F(4, 5), R(5, 7), id="impatient-responder-5/7"),
        pytest.param(F(1, 2), F(1, 2), R(2, 3), id="half-2/3"),
        pytest.param(0, F(1, 2), R(1, 2), id="impatient-proposer"),
        pytest.param(F(1, 2), 0, 1, id="ultimatum-takes-all"),
    ],
)
def test_rubinstein_proposer_share(d1, d2, share) -> None:
    """Textbook: the first proposer gets (1 - delta2)/(1 - delta1 delta2)."""
    s = rubinstein(d1, d2)
    assert s.exact and s.payoffs == (share, 1 - share)


def test_rubinstein_symbolic_shares_solve_the_indifference_conditions() -> None:
    d1, d2, x, y = sp.symbols("delta1 delta2 x y", positive=True)
    # x = proposer 1's own share, y = what player 2 keeps when proposing
    sol = sp.solve([sp.Eq(1 - x, d2 * y), sp.Eq(1 - y, d1 * x)], [x, y], dict=True)[0]
    got = rubinstein(d1, d2).payoffs
    assert sp.simplify(got[0] - sol[x]) == 0
    assert sp.simplify(got[1] - (1 - sol[x])) == 0


def test_rubinstein_on_a_kinked_frontier_meets_both_indifference_conditions() -> None:
    fr = polygon_frontier([(0, 1), (F(1, 2), F(4, 5)), (1, 0)])
    s = rubinstein(F(9, 10), F(3, 4), fr, disagreement=(F(1, 10), 0))
    (x1, x2), (y1, y2) = s.details["proposals"]
    assert x2 == fr(x1) and y2 == fr(y1)
    assert x2 - 0 == F(3, 4) * (y2 - 0)
    assert y1 - R(1, 10) == R(9, 10) * (x1 - R(1, 10))


@pytest.mark.parametrize("rates", [(1, 2), (1, 1), (3, 1)], ids=["r=1,2", "r=1,1", "r=3,1"])
def test_rubinstein_converges_to_asymmetric_nash(rates) -> None:
    """BRW (1986): delta_i = exp(-r_i dt), dt -> 0 gives weights r_j/(r_1 + r_2)."""
    fr = polygon_frontier([(0, 1), (F(1, 2), F(4, 5)), (1, 0)])
    limit = nash_solution(fr, (0, 0), (rates[1], rates[0]))
    gaps = []
    for dt in (0.1, 0.01, 0.001):
        d = [float(v) for v in discount_factors(rates, dt)]
        s = rubinstein(d[0], d[1], fr)
        gaps.append(max(abs(a - float(b)) for a, b in zip(s.payoffs, limit.payoffs, strict=True)))
    assert gaps[2] < 0.01 and gaps[0] > gaps[1] > gaps[2]
    assert rubinstein_limit(rates, fr).payoffs == limit.payoffs


def test_limit_weights_are_relative_impatience_of_the_other() -> None:
    assert limit_weights((1, 3)) == (R(3, 4), R(1, 4))


# ----------------------------------------------------------------------------- Nash
@dataclass(frozen=True)
class LinearCase:
    a: object  # intercept: u2 = a - s u1
    s: object
    d: tuple
    w: tuple


def _nash_on_line(case: LinearCase) -> tuple:
    """Maximize w1 log(u - d1) + w2 log(a - s u - d2) with sympy (independent derivation)."""
    u = sp.Symbol("u")
    w1 = sp.Rational(case.w[0], case.w[0] + case.w[1])
    w2 = 1 - w1
    obj = w1 * sp.log(u - case.d[0]) + w2 * sp.log(case.a - case.s * u - case.d[1])
    (root,) = sp.solve(sp.diff(obj, u), u)
    return root, case.a - case.s * root


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(LinearCase(1, 1, (0, 0), (1, 1)), id="pie-half"),
        pytest.param(LinearCase(10, 1, (2, 4), (1, 1)), id="tu-with-threats"),
        pytest.param(LinearCase(10, 1, (2, 4), (3, 1)), id="tu-weighted-3:1"),
        pytest.param(LinearCase(1, R(1, 2), (0, 0), (1, 1)), id="slope-1/2"),
        pytest.param(LinearCase(6, 3, (R(1, 3), 1), (1, 2)), id="slope-3-weighted"),
    ],
)
def test_nash_on_a_linear_frontier(case: LinearCase) -> None:
    hi = sp.Rational(case.a) / case.s
    fr = polygon_frontier([(0, case.a), (hi, 0)])
    s = nash_solution(fr, case.d, case.w)
    assert s.exact
    assert s.payoffs == _nash_on_line(case)


def test_nash_on_a_symbolic_linear_frontier() -> None:
    u, J, k = sp.symbols("u J k", positive=True)
    s = nash_solution(curve_frontier(J - k * u, u, (0, J / k)))
    assert s.payoffs == (J / (2 * k), J / 2)


def test_nash_on_a_curved_frontier() -> None:
    """u2 = 1 - u1**2: maximize u(1 - u**2): u = 1/sqrt(3)."""
    u = sp.Symbol("u")
    s = nash_solution(curve_frontier(1 - u**2, u, (0, 1)))
    assert s.payoffs == (1 / sp.sqrt(3), R(2, 3))


def test_nash_on_a_curve_sympy_cannot_solve_falls_back_to_numbers() -> None:
    u = sp.Symbol("u")
    fr = curve_frontier(2 - sp.exp(u) + sp.cos(u) - 1, u, (0, sp.Rational(1, 2)))
    s = nash_solution(fr)
    grid = [k / 10000 * 0.5 for k in range(1, 10000)]
    f = sp.lambdify(u, fr.expr)
    best = max(grid, key=lambda x: x * f(x) if f(x) > 0 else -1)
    assert float(s.payoffs[0]) == pytest.approx(best, abs=1e-4)


@settings(max_examples=40, deadline=None)
@given(
    pts=st.lists(
        st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=2, max_size=8, unique=True
    ),
    w=st.tuples(st.integers(1, 5), st.integers(1, 5)),
)
def test_nash_maximizes_the_nash_product_on_any_polygon(pts, w) -> None:
    fr = polygon_frontier([*pts, (0, 0)])
    s = nash_solution(fr, (0, 0), w)
    assert s.exact
    if not s.agreement:
        assert fr.strictly_improvable((0, 0)) is False
        return
    u1, u2 = s.payoffs
    assert u2 == fr(u1)  # on the frontier
    best = float(nash_product(s.payoffs, (0, 0), w))
    for x, y in fr.vertices:
        assert float(nash_product((x, y), (0, 0), w)) <= best + 1e-12
    for (x0, y0), (x1, y1) in fr.segments:
        for t in (0.1, 0.3, 0.5, 0.7, 0.9):
            x, y = float(x0 + t * (x1 - x0)), float(y0 + t * (y1 - y0))
            if x > 0 and y > 0:
                wa, wb = w[0] / sum(w), w[1] / sum(w)
                assert x**wa * y**wb <= best + 1e-12


# ----------------------------------------------------------------------------- Kalai-Smorodinsky
@settings(max_examples=40, deadline=None)
@given(
    pts=st.lists(
        st.tuples(st.integers(1, 20), st.integers(1, 20)), min_size=1, max_size=8, unique=True
    ),
)
def test_kalai_smorodinsky_gives_equal_proportional_gains(pts) -> None:
    fr = polygon_frontier([*pts, (0, 0)])
    s = kalai_smorodinsky(fr)
    a1, a2 = s.details["ideal"]
    u1, u2 = s.payoffs
    assert a1 == max(p[0] for p in pts) and a2 == max(p[1] for p in pts)
    assert u1 * a2 == u2 * a1  # on the ray from 0 to the ideal point
    assert u2 == fr.upper(u1)  # on the frontier


def test_kalai_smorodinsky_differs_from_nash_on_an_asymmetric_set() -> None:
    """Frontier through (0, 1), (3/4, 3/4), (1, 0): KS on the diagonal, Nash at the kink."""
    fr = polygon_frontier([(0, 1), (R(3, 4), R(3, 4)), (1, 0), (0, 0)])
    assert kalai_smorodinsky(fr).payoffs == (R(3, 4), R(3, 4))
    fr2 = polygon_frontier([(0, 2), (1, 0)])  # ideal (1, 2): KS u2 = 2 u1 on 2 - 2u
    assert kalai_smorodinsky(fr2).payoffs == (R(1, 2), 1)


# ----------------------------------------------------------------------------- threats
def test_fixed_threat_formula() -> None:
    J, d1, d2, b = sp.symbols("J d1 d2 beta", positive=True)
    s = fixed_threat(J, (d1, d2), (b, 1 - b))
    assert sp.simplify(s.payoffs[0] - (d1 + b * (J - d1 - d2))) == 0
    assert sp.simplify(s.payoffs[0] + s.payoffs[1] - J) == 0
    assert not fixed_threat(1, (1, 1)).agreement


def _welfare(tau, gap=4, kappa=1):
    """Capital-flow accord (e.2): flow F, US and China welfare under an inflow tax."""
    flow = (gap - tau) / 2
    return (1 - kappa) * flow**2 / 2 + tau * flow, flow**2 / 2


def test_variable_threat_picks_the_optimal_threat_tax() -> None:
    """Nash (1953): the US threat maximizes W_U - W_C; with Gap = 4, kappa = 1 the optimum
    is Gap (2 + kappa)/(4 + kappa) = 12/5 (derived here: d/dtau [tau F - F**2/2] = 0)."""
    tau = sp.Symbol("tau")
    w_u, w_c = _welfare(tau)
    (opt,) = sp.solve(sp.diff(w_u - w_c, tau), tau)
    assert opt == R(12, 5)
    grid = [R(k, 5) for k in range(0, 21)]
    d1 = [[_welfare(t)[0]] for t in grid]
    d2 = [[_welfare(t)[1]] for t in grid]
    j = R(8, 3)  # accord surplus J_e = Gap**2/(2(2 + kappa))
    s = variable_threat((d1, d2), j)
    assert s.exact
    assert s.details["threats"][0][grid.index(opt)] == 1
    tp = _welfare(opt)
    assert s.payoffs == (tp[0] + (j - tp[0] - tp[1]) / 2, tp[1] + (j - tp[0] - tp[1]) / 2)


def test_variable_threat_with_mixed_threats_uses_the_zero_sum_value() -> None:
    """Threat game without a saddle point: M = (D1 - D2)/2 = [[1, -1], [-1, 1]], value 0."""
    d1 = [[1, -1], [-1, 1]]
    d2 = [[-1, 1], [1, -1]]
    s = variable_threat((d1, d2), 2)
    assert s.details["value"] == 0 and s.payoffs == (1, 1)
    assert s.details["threats"] == ((R(1, 2), R(1, 2)), (R(1, 2), R(1, 2)))


# ----------------------------------------------------------------------------- outside options
def test_threat_point_versus_outside_option_worked_example() -> None:
    """Accord example (Gap = 4, kappa = 1): status quo (0, 2), controls (2, 1/2), J = 8/3."""
    pie = transferable_utility(R(8, 3), lo=-10, hi=10)
    sq, controls = (0, 2), (2, R(1, 2))
    nbs = nash_solution(pie, sq)
    assert nbs.payoffs == (R(1, 3), R(7, 3))
    oo = outside_option_solution(pie, sq, controls)
    assert oo.payoffs == (2, R(2, 3)) and oo.details["binding"] == 0  # option binds
    tp = outside_option_solution(pie, sq, controls, disagreement="threat_point")
    gain = R(8, 3) - 2 - R(1, 2)
    assert tp.payoffs == (2 + gain / 2, R(1, 2) + gain / 2)


def test_an_outside_option_below_the_nash_share_is_irrelevant() -> None:
    pie = transferable_utility(1)
    assert outside_option_solution(pie, (0, 0), (R(2, 5), R(1, 5))).payoffs == (R(1, 2), R(1, 2))


def test_options_that_cannot_both_be_met_mean_no_agreement() -> None:
    s = outside_option_solution(transferable_utility(1), (0, 0), (R(3, 5), R(1, 2)))
    assert not s.agreement and s.payoffs == (R(3, 5), R(1, 2))


# ----------------------------------------------------------------------------- input checks
@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            lambda: nash_solution(transferable_utility(1), (1, 1)),
            "not feasible",
            id="infeasible-d",
        ),
        pytest.param(
            lambda: nash_solution(transferable_utility(1), (0, 0), (1, -1)),
            "weights must be positive",
            id="negative-weight",
        ),
        pytest.param(lambda: rubinstein(1, F(1, 2)), "discount factor", id="delta-one"),
        pytest.param(
            lambda: outside_option_solution(
                transferable_utility(1), (0, 0), (0, 0), disagreement="threat"
            ),
            "disagreement must be one of",
            id="bad-mode",
        ),
        pytest.param(lambda: polygon_frontier([]), "non-empty", id="no-points"),
        pytest.param(
            lambda: curve_frontier(sp.Symbol("u") ** 2, sp.Symbol("u"), (0, 1)),
            "decreasing",
            id="increasing-frontier",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_strings_are_never_parsed() -> None:
    with pytest.raises(TypeError, match="number"):
        nash_solution(transferable_utility(1), ("0", 0))


def test_float_inputs_give_float_outputs() -> None:
    s = nash_solution(transferable_utility(1.0), (0.1, 0.2))
    assert not s.exact and all(isinstance(v, float) for v in s.payoffs)
    assert s.payoffs[0] == pytest.approx(0.45) and s.payoffs[1] == pytest.approx(0.55)
    assert math.isclose(sum(s.payoffs), 1.0)


@pytest.mark.parametrize("kappa", [0, R(1, 2), 1, 3], ids=lambda k: f"kappa={k}")
def test_continuous_variable_threat_matches_the_optimal_threat_tax(kappa) -> None:
    """e.3: the US threat tax maximizes W_U - W_C; derived here by sympy for Gap = 4."""
    from solvers.bargaining import variable_threat_continuous

    tau = sp.Symbol("tau")
    w_u, w_c = _welfare(tau, gap=4, kappa=kappa)
    (opt,) = sp.solve(sp.diff(w_u - w_c, tau), tau)
    assert opt == 4 * (2 + R(kappa)) / (4 + R(kappa))  # Gap (2 + kappa)/(4 + kappa)
    j = R(16) / (2 * (2 + R(kappa)))
    s = variable_threat_continuous((w_u, w_c), (tau,), [(0, 4)], j)
    assert s.exact and s.details["threats"] == (opt,)
    d = (w_u.subs(tau, opt), w_c.subs(tau, opt))
    gain = j - d[0] - d[1]
    assert s.payoffs == (d[0] + gain / 2, d[1] + gain / 2)


@pytest.mark.parametrize("exponent", [10, 40, 45, 80])
def test_exact_gains_are_split_by_the_weights_however_small(exponent: int) -> None:
    # transferable utility u1 + u2 = 1 with a disagreement point 10^-exponent below it:
    # the weighted Nash solution gives each player its weight's share of the gain, exactly
    gain = F(1, 10**exponent)
    d = (F(1, 3), F(2, 3) - gain)
    s = nash_solution(transferable_utility(1), d, weights=(2, 1))
    assert s.exact
    assert s.gains == (
        sp.Rational(2, 3) * sp.Rational(gain),
        sp.Rational(1, 3) * sp.Rational(gain),
    )
    assert sum(s.payoffs) == 1
