"""games.hedging: the NPV rule and the real-option trigger (McDonald & Siegel 1986;
Dixit & Pindyck 1994), against derivations done here with sympy."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from games import hedging

R = sp.Rational
r, mu, sigma, K, x, A, b, xs = sp.symbols("r mu sigma K x A beta x_s", positive=True)


def test_npv_rule_worked_example() -> None:
    """lam_c = 1/4, L = 100, delta = 0.9, K = 100: hedge iff rho < 0.6."""
    rule = hedging.npv_rule()
    rho = sp.Symbol("rho")
    (star,) = sp.solve(R(1, 4) * 100 * (1 - rho) / (1 - R(9, 10)) - 100, rho)
    assert rule.threshold == star == R(3, 5)
    assert not rule.hedge(R(745, 1000))  # Leeds, Long & Mitchell (2000): 74.5% honoured
    assert rule.hedge(R(1, 2))  # coin-flip presidency
    assert rule.value(star) == 0


def _derive_trigger():
    """Solve value matching and smooth pasting for (A, x*) with F = A x**beta, here."""
    F = A * x**b
    vm = sp.Eq(F.subs(x, xs), xs / (r - mu) - K)
    sp_ = sp.Eq(sp.diff(F, x).subs(x, xs), 1 / (r - mu))
    # from smooth pasting A = xs**(1-beta)/(beta*(r-mu)); substitute in value matching
    a_sol = sp.solve(sp_, A)[0]
    x_sol = sp.solve(vm.subs(A, a_sol), xs)[0]
    return sp.simplify(x_sol), sp.simplify(a_sol.subs(xs, x_sol))


def test_trigger_solves_value_matching_and_smooth_pasting_symbolically() -> None:
    x_star, a_star = _derive_trigger()
    cf = hedging.RealOption.closed_forms()
    assert sp.simplify(cf["trigger"].subs(sp.Symbol("beta", positive=True), b) - x_star) == 0
    coeff = cf["coefficient"].subs(sp.Symbol("beta", positive=True), b)
    assert sp.simplify(coeff - a_star) == 0
    # and the code's F meets the hedged value with the same value and slope at x*
    F = cf["option_value"].subs(sp.Symbol("beta", positive=True), b)
    trig = cf["trigger"].subs(sp.Symbol("beta", positive=True), b)
    hedged = x / (r - mu) - K
    assert sp.simplify((F - hedged).subs(x, trig)) == 0
    assert sp.simplify(sp.diff(F - hedged, x).subs(x, trig)) == 0


def test_beta_is_the_root_above_one_and_F_solves_the_bellman_ode() -> None:
    vals = {r: R(1, 20), mu: R(1, 100), sigma: R(1, 5)}
    quad = sigma**2 / 2 * b * (b - 1) + mu * b - r
    roots = sp.solve(quad.subs(vals), b)
    big = max(roots, key=float)
    o = hedging.real_option()
    assert sp.simplify(o.beta - big) == 0 and float(o.beta) > 1
    # F = A x**beta solves (sigma^2/2) x^2 F'' + mu x F' - r F = 0
    F = A * x**b
    ode = sigma**2 / 2 * x**2 * sp.diff(F, x, 2) + mu * x * sp.diff(F, x) - r * F
    assert sp.simplify((ode / F).subs(vals).subs(b, o.beta)) == 0


def test_real_option_worked_example() -> None:
    """r = 0.05, mu = 0.01, sigma = 0.2, K = 100: beta = (1 + sqrt 41)/4,
    x* = (11 + sqrt 41)/2, Marshallian 4, multiple (11 + sqrt 41)/8."""
    o = hedging.real_option()
    s41 = sp.sqrt(41)
    assert sp.simplify(o.beta - (1 + s41) / 4) == 0
    assert sp.simplify(o.trigger - (11 + s41) / 2) == 0
    assert o.marshallian == 4
    assert sp.simplify(o.multiple - (11 + s41) / 8) == 0
    assert float(o.trigger) == pytest.approx(8.7015621, abs=1e-7)
    # value matching and smooth pasting at the exact example, in algebraic numbers
    F = o.coefficient * x**o.beta
    assert sp.simplify(F.subs(x, o.trigger) - (o.trigger / R(1, 25) - 100)) == 0
    assert sp.simplify(sp.diff(F, x).subs(x, o.trigger) - 25) == 0
    f = hedging.real_option(0.05, 0.01, 0.2, 100)  # floats agree
    assert float(f.trigger) == pytest.approx(float(o.trigger), rel=1e-12)


def test_option_value_is_continuous_smooth_and_beats_hedging_now() -> None:
    o = hedging.real_option()
    xs_ = float(o.trigger)
    h = 1e-6
    left, right = o.value(xs_ - h), o.value(xs_ + h)
    assert left == pytest.approx(right, abs=1e-4)
    slope_left = (o.value(xs_ - h) - o.value(xs_ - 2 * h)) / h
    assert slope_left == pytest.approx(1 / 0.04, rel=1e-4)
    grid = np.linspace(0.5, xs_ * 0.999, 50)
    assert np.all(o.value(grid) > grid / 0.04 - 100)  # waiting is worth more below x*


def test_higher_volatility_raises_the_trigger() -> None:
    sig = np.linspace(0.05, 0.6, 40)
    curve = hedging.trigger_curve(sig)
    assert np.all(np.diff(curve) > 0) and np.all(curve > 4)
    exact = [float(hedging.real_option(sigma=R(int(s * 100), 100)).trigger) for s in (0.1, 0.3)]
    assert hedging.trigger_curve([0.1, 0.3]) == pytest.approx(exact, rel=1e-12)


def test_real_option_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="r must exceed mu"):
        hedging.real_option(r=R(1, 100), mu=R(1, 50))
    with pytest.raises(ValueError, match="sigma"):
        hedging.real_option(sigma=0)
    with pytest.raises(ValueError, match="discount"):
        hedging.npv_rule(discount=1)
