"""Figure data of papers.tariffs against closed forms and conditions derived here."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import tariffs as pt
from papers._registry import find_figure

R = sp.Rational


def test_compelled_size_data_steps_where_internal_stability_allows() -> None:
    d = pt.compelled_size_data()
    # internal stability of k members: P >= (k-1)(k-3)/2 (b = c = 1)
    assert d.jumps == tuple(R((k - 1) * (k - 3), 2) for k in range(4, 11))
    expected = [min(10, math.floor(2 + math.sqrt(1 + 2 * p))) for p in d.penalties]
    assert d.sizes.tolist() == expected
    assert d.no_penalty_size == 3 and d.minimum_grand_penalty == R(63, 2)


def test_tariff_war_data() -> None:
    d = pt.tariff_war_data(points=31)
    assert d.threshold_pe == pytest.approx(math.sqrt(3 + math.sqrt(7)) - 1, abs=1e-12)
    assert d.nash[1.0] == pytest.approx((math.sqrt(3) - 1,) * 2, abs=1e-9)
    t, lam = d.tariffs, 3.0
    br = (
        np.sqrt(3 * (t + 1) * (lam * t + 2 * lam + 3) * (3 * lam * t + 6 * lam + t + 1))
        / (lam * t**2 + 3 * lam * t + 2 * lam + 3 * t + 3)
        - 1
    )
    assert d.br_home[lam] == pytest.approx(br, rel=1e-12)
    for gain, thr in ((d.gain_pe, d.threshold_pe), (d.gain_ge, d.threshold_ge)):
        assert (np.sign(gain) == np.sign(d.lam - thr)).all()
    x = d.lam
    pe = x * (x**4 + 4 * x**3 - 8 * x - 3) / (2 * (x + 1) ** 2 * (x + 2) ** 2 * (2 * x + 1))
    assert d.gain_pe == pytest.approx(pe, rel=1e-12, abs=1e-15)


def test_threshold_map_regimes_follow_the_closed_form() -> None:
    d = pt.threshold_map_data(points=41)
    tt, cc = np.meshgrid(d.taus, d.costs)
    expected = np.where(tt > cc, 2, np.where(tt >= cc - d.B, 1, 0))
    assert (d.regime == expected).all()
    assert sum(d.shares.values()) == pytest.approx(1)


def _pe_welfare(lam, th, tf):
    """Home/Foreign welfare of the linear markets (independent of games.tariffs)."""
    pf = lam * (1 - th) / (1 + lam)
    ph2 = (1 - tf) / (1 + lam)
    m2 = 1 - ph2 - tf
    return pf**2 / (2 * lam) + th * pf + lam * ph2**2 / 2, m2**2 / 2 + tf * m2 + pf**2 / 2


def test_bargaining_data() -> None:
    d = pt.bargaining_data(steps=6)
    lam = R(2)
    assert d.war == _pe_welfare(lam, lam / (2 * lam + 1), 1 / (lam + 2))
    assert d.free_trade == _pe_welfare(lam, 0, 0)
    for name, sol in d.outcomes.items():
        u1, u2 = (float(v) for v in sol.payoffs)
        assert np.interp(u1, d.frontier[:, 0], d.frontier[:, 1]) == pytest.approx(u2), name
    oo = d.outcomes["Nash, war as outside option"]
    assert oo.payoffs[0] == d.war[0]  # Home's walk-away payoff binds
    tp = d.outcomes["Nash, war as threat point"]
    g = [(x - float(d.war[0])) * (y - float(d.war[1])) for x, y in d.frontier]
    best = (float(tp.payoffs[0]) - float(d.war[0])) * (float(tp.payoffs[1]) - float(d.war[1]))
    assert best >= max(g) - 1e-15
    weighted = d.outcomes["Nash weighted by size (d = war)"]
    assert weighted.payoffs[0] > tp.payoffs[0]  # weight 2/3 on the big country


@pytest.mark.parametrize(
    "name",
    [
        "tariffs-compelled-size",
        "tariffs-best-response",
        "tariffs-threshold-map",
        "tariffs-bargaining",
    ],
)
def test_figures_build_and_summaries_state_the_results(name) -> None:
    spec = find_figure(name)
    assert isinstance(spec.build(), Figure)
    text = spec.summary()
    assert text.strip()
    if name == "tariffs-compelled-size":
        assert "63/2" in text and "stable size 3" in text
    if name == "tariffs-best-response":
        assert "1.376079" in text
