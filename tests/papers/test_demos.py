"""Tests of the figure demos (papers/_demo.py): each on an Agg figure, and served as a page.

Values come from the models' closed forms (docs/models.md), not from the demos.
"""

from __future__ import annotations

import json
import math
import threading
import urllib.request
from collections.abc import Iterator

import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import burden_sharing, capital, hedging, tariffs
from papers._registry import all_demos
from papers._web import make_server, web_demo

# demo name -> (a control, two values of it that must give different figures)
WEB = {
    "burden_sharing": ("a", 0.3, 0.7),
    "hedging": ("prior", 0.1, 0.3),
    "tariffs": ("penalty", 4.0, 12.0),
    "capital": ("kappa", 0.5, 2.0),
}


def _numbers(text: str) -> str:
    return text.replace("\n", " ")


# ------------------------------------------------------------------ burden sharing


def test_burden_sharing_demo_follows_the_nash_closed_form() -> None:
    demo = burden_sharing.BurdenSharingDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["a"].set_val(0.4)
    w1, w2, a = 10.0, 8.0, 0.4
    # interior Nash of g_i = a w_i - (1-a) g_j (docs/models.md §a.2)
    g1, g2 = (w1 - (1 - a) * w2) / (2 - a), (w2 - (1 - a) * w1) / (2 - a)
    nash = [float(g) for g in demo.data.nash]
    assert nash == pytest.approx([g1, g2], rel=1e-12)
    assert float(demo.data.nash_total) == pytest.approx(a * (w1 + w2) / (2 - a), rel=1e-12)
    assert float(demo.data.efficient_total) == pytest.approx(a * (w1 + w2), rel=1e-12)
    text = _numbers(demo.text.get_text())
    assert f"Nash g = ({g1:.3f}, {g2:.3f})" in text
    assert f"Nash provides {1 / (2 - a):.1%} of the efficient level" in text
    assert f"the ally pays {g2 / (g1 + g2):.1%}" in text


def test_burden_sharing_demo_small_ally_free_rides_at_the_corner() -> None:
    demo = burden_sharing.BurdenSharingDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["w2"].set_val(3.0)
    # w_2 <= (1-a) w_1 = 5: the ally contributes nothing, the leader a w_1 = 5
    assert [float(g) for g in demo.data.nash] == pytest.approx([5.0, 0.0])
    assert "the ally pays 0.0%" in demo.text.get_text()


def test_burden_sharing_run_demo_without_display(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert burden_sharing.run_demo() is None
    assert "--web" in capsys.readouterr().err


# ------------------------------------------------------------------ hedging


def _credibility(j: int, mu0: float, eps: float, g: float = 0.5) -> float:
    # Bayes after j unreliable terms, then rho = 1 - g (mu + (1 - mu) eps) (docs/models.md §b)
    mu = mu0 / (mu0 + (1 - mu0) * eps**j)
    return 1 - g * (mu + (1 - mu) * eps)


@pytest.mark.parametrize(
    "prior, eps, threshold", [(0.3, 0.2, 2 / 3), (0.1, 0.25, 2 / 3), (0.05, 0.5, 0.65)]
)
def test_hedging_demo_follows_bayes_and_the_threshold(prior, eps, threshold) -> None:
    demo = hedging.HedgingDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["eps"].set_val(eps)
    demo.sliders["threshold"].set_val(threshold)
    demo.sliders["prior"].set_val(prior)
    d = demo.data
    # structural run U D U D ...: after election n, ceil(n/2) unreliable terms
    for n, value in enumerate(d.structural):
        assert float(value) == pytest.approx(_credibility((n + 1) // 2, prior, eps), rel=1e-12)
    # the ally hedges after the first j with rho_j < rho*, i.e. at election 2j - 1
    j = next(k for k in range(50) if _credibility(k, prior, eps) < threshold)
    assert d.learning.hedging_count == j
    assert d.hedge_election == 2 * j - 1
    text = _numbers(demo.text.get_text())
    assert f"hedges after {j} unreliable terms: election {2 * j - 1}" in text
    assert f"{_credibility(1, prior, eps):.3f}" in text


def test_hedging_demo_never_hedges_when_the_threshold_is_low() -> None:
    demo = hedging.HedgingDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["threshold"].set_val(0.4)  # below 1 - g = 1/2, the structural limit
    assert demo.data.learning.hedging_count is None
    assert "never hedges" in demo.text.get_text()


# ------------------------------------------------------------------ tariffs


def _stable_size(N: int, c: float, P: float, b: float = 1.0) -> int:
    # linear model with a penalty: min(N, floor(2 + sqrt(1 + 2cP/b^2))) (docs/models.md §c)
    return min(N, math.floor(2 + math.sqrt(1 + 2 * c * P / b**2)))


@pytest.mark.parametrize(
    "penalty, c, N", [(4.0, 1.0, 10), (12.0, 1.0, 10), (10.0, 2.0, 12), (30.0, 0.5, 6)]
)
def test_compelled_demo_follows_the_stable_size_formula(penalty, c, N) -> None:
    demo = tariffs.CompelledDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["N"].set_val(float(N))
    demo.sliders["c"].set_val(c)
    demo.sliders["penalty"].set_val(penalty)
    k = _stable_size(N, c, penalty)
    grand = (N - 1) * (N - 3) / (2 * c)  # b^2 (N-1)(N-3)/(2c)
    assert demo.size == k
    assert demo.data.N == N and demo.data.no_penalty_size == 3
    assert float(demo.data.minimum_grand_penalty) == pytest.approx(grand, rel=1e-12)
    # the drawn curve is computed from the payoffs and matches the formula on its grid
    for p, size in zip(demo.data.penalties[::20], demo.data.sizes[::20], strict=True):
        if all(abs(p - j) > 1e-9 for j in map(float, demo.data.jumps)):
            assert size == _stable_size(N, c, float(p))
    text = _numbers(demo.text.get_text())
    assert f"largest stable coalition has {k} members" in text
    assert f"({grand:.3f})" in text


# ------------------------------------------------------------------ capital


@pytest.mark.parametrize("gap, kappa", [(4.0, 1.0), (3.0, 0.5), (6.0, 0.0), (2.5, 3.0)])
def test_accord_demo_follows_the_closed_forms(gap, kappa) -> None:
    demo = capital.AccordDemo(Figure(figsize=(7, 7.5)))
    demo.sliders["kappa"].set_val(kappa)
    demo.sliders["gap"].set_val(gap)
    G, k = sp.Rational(str(gap)), sp.Rational(str(kappa))
    # docs/models.md §e.2-e.3: tau_U = G(1+k)/(3+k), tau_T = G(2+k)/(4+k), F_e = G/(2+k)
    tau_u, tau_t, flow = G * (1 + k) / (3 + k), G * (2 + k) / (4 + k), G / (2 + k)
    m, t = demo.data.model, demo.data.table
    assert (m.gap, m.kappa) == (G, k)
    assert sp.simplify(m.optimal_tax - tau_u) == 0
    assert sp.simplify(m.optimal_threat - tau_t) == 0
    assert sp.simplify(t.efficient_flow - flow) == 0
    # the accord tax implements F_e on the flow (G - tau)/2 of the loanable-funds market
    assert sp.simplify(t.accord_tax - (G - 2 * flow)) == 0
    # every protocol splits the joint surplus J_e: u_US + u_China = J_e
    for row in t.rows:
        assert sp.simplify(sum(row.payoffs) - t.joint_surplus) == 0
    # TU Nash bargaining from free flows splits the gain equally (docs/models.md §e.3)
    d = demo.data.points["free flows"]
    gain = (t.joint_surplus - sum(d)) / 2
    nash = next(r for r in t.rows if r.protocol == "Nash, status quo")
    assert [sp.simplify(u - (x + gain)) for u, x in zip(nash.payoffs, d, strict=True)] == [0, 0]
    text = _numbers(demo.text.get_text())
    assert f"status quo ({float(d[0] + gain):.3f}, {float(d[1] + gain):.3f})" in text
    assert f"tau_U = {tau_u}" in text and f"tau_T = {tau_t}" in text
    assert f"F_e = {flow}" in text


# ------------------------------------------------------------------ every demo on the web


def test_every_demo_is_served() -> None:
    assert set(WEB) | {"isoquant"} <= set(all_demos())
    for name in WEB:
        assert web_demo(name).controls, name


@pytest.fixture(params=sorted(WEB))
def served(request) -> Iterator[tuple[str, str]]:
    server = make_server(request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as r:
        assert r.status == 200
        return r.read()


def test_web_state_and_figure_change_with_a_control(served) -> None:
    name, base = served
    key, lo, hi = WEB[name]
    page = _get(base).decode()
    assert f'id="{key}"' in page
    first = json.loads(_get(base + f"state.json?{key}={lo}"))
    second = json.loads(_get(base + f"state.json?{key}={hi}"))
    assert first["values"][key] == lo and second["values"][key] == hi
    assert first["text"] and first["text"] != second["text"]
    a = _get(base + f"figure.png?{key}={lo}")
    b = _get(base + f"figure.png?{key}={hi}")
    assert a[:4] == b"\x89PNG" and a != b
    assert _get(base + f"figure.png?{key}={lo}") == a
    assert not math.isnan(first["values"][key])
