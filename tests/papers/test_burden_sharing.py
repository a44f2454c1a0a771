"""Figure data of papers.burden_sharing, checked against independent closed forms."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import burden_sharing as bs


def test_best_response_points() -> None:
    d = bs.best_response_data()
    assert d.nash == (4, 2) and d.nash_total == 6  # docs/models.md §a.2
    assert d.leader_point == (1, sp.Rational(7, 2))  # a.3: a*w1 - (1-a)*w2
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
    assert slope[k] == pytest.approx(-0.5, abs=0.02)  # BR_2 slope -(1-a)


def _bbv_shares(w, a):
    """Independent BBV solution: try the m richest for every m (docs/models.md §a.2)."""
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
        assert np.all(np.diff(row[order]) >= -1e-12)  # exploitation
    assert d.corner_shares[0] == pytest.approx(10 / 15)
    assert np.all(d.shares[1:] > 0) and np.all(d.corner_shares[1:] == 0)
    assert np.all(np.diff(d.leader_shares) < 0)  # joint products weaken it
    assert d.income_share == pytest.approx(20 / 165)


def test_provision_data_closed_forms() -> None:
    d = bs.provision_data(n_max=12, a=0.5, w=1.0, bs=(0.0, 0.1, 0.25))
    n = d.n.astype(float)
    a = 0.5
    assert np.allclose(d.nash[0], a * n / (a + n * (1 - a)))  # BBV symmetric
    for k, b in enumerate(d.bs):
        q = (a / n + b) / (1 - a + a / n)  # Sandler symmetric
        assert np.allclose(d.nash[k], n * q)
        assert np.allclose(d.efficient[k], (a + b) * n)
        assert np.allclose(d.ratio[k], n * q / ((a + b) * n))
    assert np.all(np.diff(d.ratio[0]) < 0)


def _expected_summary_content() -> dict[str, list[str]]:
    """What each summary must say, derived here from the closed forms (docs/models.md §a.2-a.4)."""
    # figure 1: w = (10, 8), a = 1/2: BR_i = max(0, w_i/2 - g_j/2) -> Nash (4, 2), G = 6,
    # leader share 4/6; the leader commits to g_1 = a w_1 - (1-a) w_2 = 1, the ally answers
    # 4 - 1/2 = 7/2, G = 9/2, leader share 1/(9/2) = 2/9, shift 1 - 4 = -3, total -3/2;
    # efficient a W = 9 with Lindahl (5, 4)
    best_response = [
        "Nash: g = (4, 2), G = 6, leader share 2/3",
        "leader commits first: g = (1, 7/2), G = 9/2, leader share 2/9",
        "burden shift -3, total -3/2",
        "efficient: g_1 + g_2 = 9; Lindahl (5, 4)",
    ]
    # figure 2, b = 0: incomes 2, 2 + 9/7, ..., 20 (sum 165), a = 1/2, so k = 1; the five
    # richest pay: G = (1/2)(610/7)/(1/2 + 5/2) = 305/21 ~ 14.52 with 104/7 > G >= 95/7;
    # the richest pays (20 - 305/21)/(305/21) = 23/61 of G; 10 of 15 at the corner
    w = np.linspace(2.0, 20.0, 15)
    shares = _bbv_shares(w, 0.5)
    pure = (
        f"b = 0: richest pays {23 / 61:.3f} of total (income share {20 / 165:.3f}); "
        f"67% at the corner; shares {', '.join(f'{v:.3f}' for v in shares)}"
    )
    assert np.count_nonzero(shares) == 5
    shares_lines = [pure, "b = 0.05:", "b = 0.15:", "0% at the corner"]
    # figure 3, w = 1, a = 1/2: Nash n q with q = (a/n + b)/(1 - a + a/n), efficient (a+b) n
    provision = []
    for b in (0.0, 0.1, 0.25):
        picks = []
        for n in (1, 2, 5, 10, 30):
            q = (0.5 / n + b) / (0.5 + 0.5 / n)
            picks.append(f"n={n}: {n * q:.3f}/{(0.5 + b) * n:.3f}")
        provision.append(f"b = {b:g}: Nash/efficient {', '.join(picks)}")
    assert provision[0].startswith("b = 0: Nash/efficient n=1: 0.500/0.500, n=2: 0.667/1.000")
    return {
        "burden-best-response": best_response,
        "burden-share-vs-income": shares_lines,
        "burden-nash-vs-efficient": provision,
    }


@pytest.mark.parametrize("spec", bs.FIGURES, ids=[s.name for s in bs.FIGURES])
def test_figures_build_and_summaries(spec) -> None:
    fig = spec.build()
    assert isinstance(fig, Figure) and fig.axes
    text = spec.summary()
    expected = _expected_summary_content()[spec.name]
    for piece in expected:
        assert piece in text, f"{piece!r} not in summary:\n{text}"


def test_figure_names() -> None:
    assert [s.name for s in bs.FIGURES] == [
        "burden-best-response",
        "burden-share-vs-income",
        "burden-nash-vs-efficient",
    ]
    assert "G = 6" in bs.FIGURES[0].summary()
