"""Figure data of papers.burden_sharing, checked against independent closed forms."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import burden_sharing as bs


def test_best_response_points() -> None:
    d = bs.best_response_data()
    assert d.nash == (4, 2) and d.nash_total == 6                     # MODELS.md a.2
    assert d.leader_point == (1, sp.Rational(7, 2))                   # a.3: a*w1 - (1-a)*w2
    assert d.leader_total == sp.Rational(9, 2)
    assert d.efficient_total == 9 and d.lindahl == (5, 4)


def test_best_response_curves_follow_the_formula() -> None:
    d = bs.best_response_data()
    for g1, g2 in d.br_leader:
        assert g1 == pytest.approx(max(0.0, 5 - g2 / 2))
    for g1, g2 in d.br_ally:
        assert g2 == pytest.approx(max(0.0, 4 - g1 / 2))


def test_pareto_improving_segment() -> None:
    """On g1 + g2 = 9: u1 >= u1^N iff 10 - g1 >= 4, u2 >= u2^N iff 8 - g2 >= 4."""
    d = bs.best_response_data()
    ends = sorted(map(tuple, np.round(d.pareto_better, 12)))
    assert ends == [(5.0, 4.0), (6.0, 3.0)]
    assert np.allclose(d.frontier.sum(axis=1), 9)


def test_indifference_curve_tangent_to_the_ally_best_response() -> None:
    d = bs.best_response_data()
    x, y = d.indifference.T
    slope = np.gradient(y, x)
    k = np.argmin(np.abs(x - 1.0))
    assert y[k] == pytest.approx(3.5, abs=0.02)
    assert slope[k] == pytest.approx(-0.5, abs=0.02)                 # BR_2 slope -(1-a)


def _bbv_shares(w, a):
    """Independent BBV solution: try the m richest for every m (MODELS.md a.2)."""
    ws = np.sort(np.asarray(w))[::-1]
    k = (1 - a) / a
    for m in range(len(ws), 0, -1):
        total = a * ws[:m].sum() / (a + m * (1 - a))
        if ws[m - 1] > k * total and (m == len(ws) or ws[m] <= k * total):
            return np.maximum(np.asarray(w) - k * total, 0) / np.asarray(w)
    raise AssertionError("no contributor set")


def test_burden_share_data() -> None:
    d = bs.burden_share_data()
    assert d.bs[0] == 0
    assert np.allclose(d.shares[0], _bbv_shares(d.incomes, d.a), atol=1e-12)
    order = np.argsort(d.incomes)
    for row in d.shares:
        assert np.all(np.diff(row[order]) >= -1e-12)          # exploitation
    assert d.corner_shares[0] == pytest.approx(10 / 15)
    assert np.all(d.shares[1:] > 0) and np.all(d.corner_shares[1:] == 0)
    assert np.all(np.diff(d.leader_shares) < 0)                # joint products weaken it
    assert d.income_share == pytest.approx(20 / 165)


def test_provision_data_closed_forms() -> None:
    d = bs.provision_data(n_max=12, a=0.5, w=1.0, bs=(0.0, 0.1, 0.25))
    n = d.n.astype(float)
    a = 0.5
    assert np.allclose(d.nash[0], a * n / (a + n * (1 - a)))           # BBV symmetric
    for k, b in enumerate(d.bs):
        q = (a / n + b) / (1 - a + a / n)                              # Sandler symmetric
        assert np.allclose(d.nash[k], n * q)
        assert np.allclose(d.efficient[k], (a + b) * n)
        assert np.allclose(d.ratio[k], n * q / ((a + b) * n))
    assert np.all(np.diff(d.ratio[0]) < 0)


@pytest.mark.parametrize("spec", bs.FIGURES, ids=[s.name for s in bs.FIGURES])
def test_figures_build_and_summaries(spec) -> None:
    fig = spec.build()
    assert isinstance(fig, Figure) and fig.axes
    text = spec.summary()
    assert text.strip()


def test_figure_names() -> None:
    assert [s.name for s in bs.FIGURES] == [
        "burden-best-response", "burden-share-vs-income", "burden-nash-vs-efficient"]
    assert "G = 6" in bs.FIGURES[0].summary()
