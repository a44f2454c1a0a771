"""Figure data of papers.capital, checked against the closed forms of docs/models.md
(e.1-e.3), re-derived here."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import capital as cf
from papers._registry import find_figure

R = sp.Rational


@pytest.mark.parametrize("gap, kappa", [(4, 1), (3, 0), (R(5, 2), R(1, 2))])
def test_flows_data_follow_the_loanable_funds_model(gap, kappa) -> None:
    d = cf.flows_data(gap, kappa, points=41)
    g = float(gap)
    # r_China = 1, r_US = 1 + G, slopes 1: F = (G - tau)/2, r_U = 1 + (G + tau)/2
    t = np.minimum(d.taus, g)
    assert d.flow == pytest.approx((g - t) / 2, abs=1e-12)
    assert d.rate == pytest.approx(1 + (g + t) / 2, abs=1e-12)
    assert d.lender_rate == pytest.approx(1 + (g - t) / 2, abs=1e-12)
    assert d.world_rate == 1 + R(gap) / 2 and d.prohibitive_tax == gap
    assert d.optimal_tax == R(gap) * (1 + kappa) / (3 + kappa)
    assert d.optimal_threat == R(gap) * (2 + kappa) / (4 + kappa)
    assert d.accord_tax == gap - 2 * R(gap) / (2 + kappa)
    f = (g - d.welfare_taus) / 2
    assert d.welfare_US == pytest.approx((1 - float(kappa)) * f**2 / 2 + d.welfare_taus * f)
    assert d.welfare_China == pytest.approx(f**2 / 2)
    # the US's welfare peaks at the optimal tax
    k = int(np.argmax(d.welfare_US))
    assert abs(d.welfare_taus[k] - float(d.optimal_tax)) <= d.welfare_taus[1]


def test_accord_data_worked_example() -> None:
    d = cf.accord_data(points=5)
    assert d.joint_surplus == R(8, 3)
    assert d.points == {
        "free flows": (0, 2),
        "unilateral controls": (2, R(1, 2)),
        "optimal threat": (R(48, 25), R(8, 25)),  # tau_T = 12/5, F = 4/5
        "tax war": (R(32, 25), R(24, 25)),
    }
    got = {row.protocol: row.payoffs for row in d.table.rows}
    assert got["Nash, status quo"] == (R(1, 3), R(7, 3))
    assert got["Nash, controls as outside option"] == (2, R(2, 3))
    assert got["Nash, controls as threat point"] == (R(25, 12), R(7, 12))
    assert got["Nash 1953 optimal threat"] == (R(32, 15), R(8, 15))
    # the tax-only curve lies on or below the accord frontier
    assert np.all(d.tax_curve.sum(axis=1) <= float(d.joint_surplus) + 1e-12)


def test_figures_draw_and_are_registered() -> None:
    assert isinstance(cf.draw_flows(cf.flows_data(points=11)), Figure)
    assert isinstance(cf.draw_accord(cf.accord_data(points=11)), Figure)
    for name in ("capital-flows", "capital-accord"):
        spec = find_figure(name)
        assert [p.name for p in spec.parameters] == ["gap", "kappa"]
    spec = find_figure("capital-accord")
    assert spec.readme
    values = spec.values({"gap": "3", "kappa": "1/2"})
    text = spec.summary(**values)
    # G = 3, kappa = 1/2: J_e = 9/5, threat-point Nash from controls (tau_U = 9/7)
    assert "J_e = 9/5" in text and "Nash 1953 optimal threat" in text
    with pytest.raises(ValueError, match="kappa"):
        spec.values({"kappa": "-1"})


def test_figure_bytes_repeat(tmp_path) -> None:
    from papers._style import save

    a = save(cf.draw_accord(cf.accord_data(points=21)), tmp_path / "a", "png").read_bytes()
    b = save(cf.draw_accord(cf.accord_data(points=21)), tmp_path / "b", "png").read_bytes()
    assert a == b


@pytest.mark.parametrize("data", [cf.flows_data, cf._summary_flows])
@pytest.mark.parametrize("gap", ["x", "2*2"])
def test_string_gap_is_refused_before_any_parsing(data, gap) -> None:
    """flows_data sympified ``gap`` before the model checked it: strings were parsed (the
    house rule: never sympify untrusted text) and 'x' was blamed on r_US."""
    with pytest.raises(TypeError, match=r"^gap must be a real number"):
        data(gap=gap)
