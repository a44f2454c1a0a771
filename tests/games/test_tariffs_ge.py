"""General-equilibrium tariff war: closed forms re-derived here from the exchange economy."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from games.tariffs import general_size_threshold, general_tariff_war

s, t, lam = sp.symbols("s t lambda", positive=True)


def _economy():
    """Cobb-Douglas exchange with tariff revenue rebated (derived independently)."""
    p, ih, if_ = sp.symbols("p I_H I_F", positive=True)
    q = sp.Rational(1, 4)
    cyh, cxh = ih / (2 * (1 + s) * p), ih / 2
    ih_ = sp.solve(ih - (lam * (3 * q + (1 + s) * p * q) + s * p * (cyh - lam * q)), ih)[0]
    cxf, cyf = if_ / (2 * (1 + t)), if_ / (2 * p)
    if_ = sp.solve(if_ - ((1 + t) * q + 3 * p * q + t * (cxf - q)), if_)[0]
    sub = {sp.Symbol("I_H", positive=True): ih_, sp.Symbol("I_F", positive=True): if_}
    price = sp.solve(cxh.subs(sub) + cxf.subs(sub) - (3 * lam * q + q), p)[0]
    wh = sp.log(cxh.subs(sub).subs(p, price)) + sp.log(cyh.subs(sub).subs(p, price))
    wf = sp.log(cxf.subs(sub).subs(p, price)) + sp.log(cyf.subs(sub).subs(p, price))
    return price, wh, wf


PRICE, WH, WF = _economy()
POINTS = [(0.0, 0.0, 1.0), (0.3, 0.7, 2.0), (1.5, 0.2, 0.5), (2.0, 3.0, 4.0)]


@pytest.mark.parametrize("point", POINTS, ids=lambda v: "s={},t={},lam={}".format(*v))
def test_closed_forms_match_the_economy(point) -> None:
    vals = dict(zip((s, t, lam), point, strict=True))
    cf = general_tariff_war().closed_forms
    assert float(cf["price"].subs(vals)) == pytest.approx(float(PRICE.subs(vals)), rel=1e-12)
    assert float(cf["W_H"].subs(vals)) == pytest.approx(float(WH.subs(vals)), rel=1e-12)
    assert float(cf["W_F"].subs(vals)) == pytest.approx(float(WF.subs(vals)), rel=1e-12)


def test_best_response_is_the_published_closed_form_and_a_maximum() -> None:
    br = (
        sp.sqrt(3)
        * sp.sqrt(t + 1)
        * sp.sqrt(lam * t + 2 * lam + 3)
        * sp.sqrt(3 * lam * t + 6 * lam + t + 1)
        / (lam * t**2 + 3 * lam * t + 2 * lam + 3 * t + 3)
        - 1
    )
    w = general_tariff_war(lam=2)
    f = sp.lambdify(s, WH.subs({lam: 2, t: sp.Rational(1, 2)}))
    grid = np.linspace(0, 5, 50001)
    assert w.best_response(0, 0.5) == pytest.approx(float(br.subs({lam: 2, t: 0.5})), rel=1e-12)
    assert w.best_response(0, 0.5) == pytest.approx(grid[np.argmax(f(grid))], abs=1e-3)


def test_symmetric_nash_tariff_is_sqrt3_minus_1() -> None:
    """At lam = 1, s = BR(s) has the root sqrt(3) - 1 (first-order condition to 50 digits)."""
    foc = sp.diff(WH, s).subs({lam: 1, t: sp.sqrt(3) - 1, s: sp.sqrt(3) - 1})
    assert abs(sp.N(foc, 60)) < 1e-45
    eq = general_tariff_war(lam=1).equilibrium()  # solvers.continuous, numeric KKT
    assert [float(v) for v in eq.strategies.values()] == pytest.approx([np.sqrt(3) - 1] * 2)
    assert float(eq.regret) < 1e-9


def test_solver_and_fast_fixed_point_agree_for_a_big_country() -> None:
    w = general_tariff_war(lam=2)
    eq = w.equilibrium()
    assert [float(v) for v in eq.strategies.values()] == pytest.approx(w.nash_tariffs(), 1e-8)
    assert w.nash_tariffs()[0] > w.nash_tariffs()[1]  # the big country taxes more


def test_size_threshold_separates_losers_from_winners() -> None:
    thr = general_size_threshold()
    assert 1 < thr < 3
    below, above = general_tariff_war(thr - 0.05), general_tariff_war(thr + 0.05)
    assert below.war_gain()[0] < 0 < above.war_gain()[0]
    assert general_tariff_war(thr).war_gain()[0] == pytest.approx(0, abs=1e-10)
    assert general_tariff_war(1).war_gain()[0] < 0  # symmetric war: both lose
