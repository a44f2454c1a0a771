"""Tests of papers.isoquant: figure data, deterministic files, README images, headless demo."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import isoquant
from papers._style import save, use_style

R = sp.Rational
DOCS = Path(__file__).resolve().parents[2] / "docs" / "figures"


@pytest.mark.parametrize(("number", "labels"), [(2, "A"), (3, "AB"), (4, "ABC")])
def test_figure_data_points_and_isoquants(number, labels):
    d = isoquant.isoquant_figure_data(number)
    assert "".join(p.label for p in d.points) == labels
    table = {"A": (R(1, 5), R(24, 25)), "B": (R(1, 2), R(3, 4)), "C": (R(9, 10), R(19, 100))}
    for p in d.points:
        assert (p.S, p.I) == table[p.label]
        # the isoquant through each shown point passes through it: I = V**(5/3) S**(-2/3)
        s, i = d.isoquants[p.label]
        assert np.allclose(i, p.v ** (5 / 3) * s ** (-2 / 3), rtol=1e-12)
    s, i = d.frontier
    assert np.allclose(i, 1 - s**2, atol=1e-14) and s[0] == 0 and s[-1] == 1
    assert "F1" in d.caption and "3/5" in d.caption


def test_figure_four_ordering():
    d = isoquant.isoquant_figure_data(4)
    v = {p.label: p.v for p in d.points}
    assert v["B"] > v["A"] > v["C"]


def test_collapse_data():
    d = isoquant.collapse_data()
    assert d.fold == (R(1, 4), R(1, 2))
    s, hi = d.high
    _, lo = d.low
    assert np.allclose(hi, (1 + np.sqrt(np.clip(1 - 4 * s, 0, None))) / 2, atol=1e-9)
    assert np.allclose(lo, (1 - np.sqrt(np.clip(1 - 4 * s, 0, None))) / 2, atol=1e-9)
    # the loop: aligned up to the fold, collapsed after it, and still collapsed coming back
    states, shifts = d.loop_states, d.loop_shifts
    top = int(np.argmax(shifts))
    assert np.all(states[:top][shifts[:top] < 0.25] > 0.5)
    assert np.all(states[top:] == 0.0)
    assert math.isclose(d.critical_mass, 0.1, rel_tol=1e-12)
    labels = {p.label: (p.S, p.I, p.V) for p in d.model.points}
    assert labels["A"] == (R(49, 2500), R(49, 50), R(217, 200))
    assert labels["B"] == (R(9, 100), R(9, 10), R(9, 8))


def test_trust_data():
    d = isoquant.trust_data()
    assert (d.trust.mu_after, d.trust.fold_after) == (R(9, 17), R(5, 34))
    assert math.isclose(d.outcome[0], (1 + math.sqrt(0.2)) / 2, rel_tol=1e-12)
    assert d.outcome[1] == 0.0
    s, _ = d.after
    assert math.isclose(s[-1], 5 / 34, rel_tol=1e-12)


def test_summaries_print_exact_points():
    text = {spec.name: spec.summary() for spec in isoquant.FIGURES}
    assert "S = 1/5, I = 24/25" in text["isoquant-fig2"]
    assert "S = 1/2, I = 3/4" in text["isoquant-fig3"]
    assert "S = 9/10, I = 19/100" in text["isoquant-fig4"]
    assert "0.7833557118" in text["isoquant-fig4"]
    assert "fold S* = 1/4" in text["isoquant-f2-collapse"]
    assert "5/34" in text["isoquant-trust"] and "9/17" in text["isoquant-trust"]


def test_figures_rebuild_byte_identical(tmp_path):
    for spec in isoquant.FIGURES:
        with use_style():
            first, second = spec.build(), spec.build()
        for fmt in ("png", "pdf", "svg"):
            a = save(first, tmp_path / f"a-{spec.name}", fmt).read_bytes()
            b = save(second, tmp_path / f"b-{spec.name}", fmt).read_bytes()
            assert a == b, f"{spec.name}.{fmt} differs between builds"


def test_demo_headless_sliders_move_points():
    fig = Figure(figsize=(6, 6))
    demo = isoquant.IsoquantDemo(fig)
    assert demo.model.B.s == pytest.approx(0.5, rel=1e-10)
    demo.sliders["alpha"].set_val(0.5)
    demo.sliders["k"].set_val(3.0)
    demo.sliders["shift"].set_val(0.8)
    m = demo.model
    a, k = 0.5, 3.0
    sb = ((1 - a) / (1 - a + a * k)) ** (1 / k)  # MODELS b.2 closed form
    assert m.B.s == pytest.approx(sb, rel=1e-9)
    assert m.C.s == pytest.approx(0.8) and m.C.i == pytest.approx(1 - 0.8**3)
    x, y = demo.marks["B"].get_data()
    assert x[0] == pytest.approx(sb) and y[0] == pytest.approx(1 - sb**3)
    xs, ys = demo.iso_lines["C"].get_data()
    vc = m.C.i**a * 0.8 ** (1 - a)
    assert np.allclose(ys**a * xs ** (1 - a), vc, rtol=1e-10)


def test_demo_without_display_says_so(monkeypatch, capsys):
    monkeypatch.setattr(isoquant.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert isoquant.run_demo() is None
    assert "no display" in capsys.readouterr().err
    assert isoquant.DEMOS["isoquant"] is isoquant.run_demo


def test_figure_number_validation():
    with pytest.raises(ValueError, match="number must be 2, 3 or 4"):
        isoquant.isoquant_figure_data(5)


def test_demo_explains_slider_values_where_c_is_no_overshoot():
    # defaults alpha = 0.6, k = 2 put the optimum at S_B = 1/2 (docs/models.md §b.3): a burden
    # shift of 0.3 for C is not an overshoot, so the demo keeps its picture and says why
    demo = isoquant.IsoquantDemo(Figure(figsize=(6, 6)))
    before = demo.model
    demo.sliders["shift"].set_val(0.3)
    assert demo.model is before
    assert "S_C must exceed" in demo.text.get_text()
    demo.sliders["shift"].set_val(0.9)
    assert demo.model.C.s == pytest.approx(0.9) and demo.model is not before
