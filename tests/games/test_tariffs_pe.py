"""Partial-equilibrium tariff war: re-derived here from supply and demand with sympy."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp

from games.tariffs import johnson_tariff, size_threshold, tariff_war

R = sp.Rational
lam, A, tH, tF, p = sp.symbols("lam A tH tF p", positive=True)


def _welfare():
    """Home and Foreign welfare from the two markets' primitives (independent derivation)."""
    # market 1: Home demand lam (A - pH), Foreign supply pF, pH = pF + tH
    pf = sp.solve(sp.Eq(lam * (A - p - tH), p), p)[0]
    m1 = pf
    # market 2: Foreign demand A - pF2, Home supply lam pH2, pF2 = pH2 + tF
    ph2 = sp.solve(sp.Eq(A - p - tF, lam * p), p)[0]
    m2 = A - ph2 - tF
    cs_h = sp.integrate(A - sp.Symbol("q") / lam, (sp.Symbol("q"), 0, m1)) - (A - m1 / lam) * m1
    w_h = cs_h + tH * m1 + lam * ph2**2 / 2
    cs_f = sp.integrate(A - sp.Symbol("q"), (sp.Symbol("q"), 0, m2)) - (A - m2) * m2
    w_f = cs_f + tF * m2 + pf**2 / 2
    return sp.simplify(w_h), sp.simplify(w_f), pf


W_H, W_F, P_F = _welfare()


@pytest.mark.parametrize("size", [R(1, 2), 1, R(3, 2), 2, 5], ids=lambda v: f"lam={v}")
def test_nash_tariffs_are_the_dominant_strategies(size) -> None:
    th = sp.solve(sp.diff(W_H, tH), tH)[0].subs({lam: size, A: 1})
    tf = sp.solve(sp.diff(W_F, tF), tF)[0].subs({lam: size, A: 1})
    w = tariff_war(lam=size)
    assert w.nash_tariffs == (th, tf)
    assert w.equilibrium().strategies == {"Home": th, "Foreign": tf}  # solvers.continuous


def test_johnson_inverse_elasticity_rule() -> None:
    """Foreign export supply X = pF has elasticity 1, so the optimal ad-valorem tariff is
    1/eps_X = 1 = 1/(e - 1) with offer-curve elasticity e = 2."""
    eps_x = sp.simplify(sp.diff(p, p) * p / p)
    w = tariff_war(lam=R(7, 3), A=3)
    assert w.ad_valorem_nash_tariffs == (1 / eps_x, 1 / eps_x)
    assert johnson_tariff(2) == 1 / eps_x
    assert [johnson_tariff(e) for e in (F(3, 2), 3, 11)] == [2, R(1, 2), R(1, 10)]
    with pytest.raises(ValueError, match="elasticity"):
        johnson_tariff(1)


def test_equal_sizes_make_a_prisoners_dilemma() -> None:
    g = tariff_war(lam=1).trade_war_game()
    home, foreign = g.payoff_arrays(exact=True)
    assert home.tolist() == [[F(1, 4), F(13, 72)], [F(7, 24), F(2, 9)]]
    assert (foreign == home.T).all()
    (eq,) = g.equilibria()
    assert eq.supports == ((1,), (1,))  # (Tariff, Tariff), unique
    assert home[0, 0] > home[1, 1]  # both better off under free trade
    assert tariff_war().welfare_loss_from_war == (R(1, 36), R(1, 36))
    sizes = {R(6, 5): True, R(13, 10): True, R(7, 5): False, 2: False}
    assert {v: tariff_war(lam=v).is_prisoners_dilemma for v in sizes} == sizes


def test_big_country_threshold() -> None:
    """Home's gain from war (A = 1) has numerator lam**4 + 4 lam**3 - 8 lam - 3 whose
    positive root is sqrt(3 + sqrt(7)) - 1 (Kennan & Riezman's big country wins)."""
    th = sp.solve(sp.diff(W_H, tH), tH)[0]
    tf = sp.solve(sp.diff(W_F, tF), tF)[0]
    gain = sp.factor((W_H.subs({tH: th, tF: tf}) - W_H.subs({tH: 0, tF: 0})).subs(A, 1))
    expected = (
        lam
        * (lam**4 + 4 * lam**3 - 8 * lam - 3)
        / (2 * (lam + 1) ** 2 * (lam + 2) ** 2 * (2 * lam + 1))
    )
    assert sp.simplify(gain - expected) == 0
    thr = size_threshold()
    assert sp.simplify(thr - (sp.sqrt(3 + sp.sqrt(7)) - 1)) == 0
    assert float(thr) == pytest.approx(1.3760790, abs=1e-7)
    below, above = tariff_war(lam=R(137, 100)), tariff_war(lam=R(138, 100))
    assert not below.big_country_wins and above.big_country_wins
    assert tariff_war(lam=2).war_gain == (gain.subs(lam, 2), _foreign_gain(2))


def _foreign_gain(size):
    th = sp.solve(sp.diff(W_H, tH), tH)[0]
    tf = sp.solve(sp.diff(W_F, tF), tF)[0]
    vals = {lam: size, A: 1}
    return (W_F.subs({tH: th, tF: tf}) - W_F.subs({tH: 0, tF: 0})).subs(vals)


def test_credible_penalty_range() -> None:
    """Home's market-1 surplus plus revenue is a downward parabola with vertex t*, so it
    beats free trade exactly on (0, 2 t*): (0, 2/3) at lam = 1, where both ends give 1/8."""
    w = tariff_war()
    lo, hi = w.credible_penalty_range
    assert (lo, hi) == (0, R(2, 3))
    assert w.market1_welfare(0) == w.market1_welfare(hi) == R(1, 8)
    inside = [w.market1_welfare(t) for t in np.linspace(0.01, 0.66, 9)]
    assert all(v > 1 / 8 for v in inside)
    assert w.market1_welfare(R(7, 10)) < R(1, 8)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"lam": 0}, "lam"), ({"A": -1}, "A"), ({"lam": "2"}, "number")],
    ids=["zero-size", "negative-intercept", "string"],
)
def test_bad_parameters(kwargs, message) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        tariff_war(**kwargs)


def test_war_with_a_free_size_has_its_closed_form_by_region():
    # docs/models.md c.1: t_H = lam A/(2 lam + 1), t_F = A/(lam + 2) for every lam > 0

    lam = sp.Symbol("lam", positive=True)
    regions = tariff_war(lam=lam).game.equilibria()
    assert regions.complete and regions.unique and len(regions) == 1
    (r,) = regions
    assert sp.simplify(r.strategies["Home"] - lam / (2 * lam + 1)) == 0
    assert sp.simplify(r.strategies["Foreign"] - 1 / (lam + 2)) == 0
