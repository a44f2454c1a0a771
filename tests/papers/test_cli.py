"""The ``python -m papers`` command line and deterministic figure files."""

from __future__ import annotations

import sys
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papers.__main__ import main
from papers._registry import FigureParameter, all_figures, parse_value
from papers._style import figure, save


def test_list_names_every_figure(capsys) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(spec.name in out for spec in all_figures())


def test_unknown_figure_is_a_clear_error(capsys, tmp_path) -> None:
    assert main(["build", "no-such-figure", "--out", str(tmp_path)]) == 2
    assert "no figure named 'no-such-figure'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_rebuilding_gives_identical_bytes(tmp_path, fmt: str, capsys) -> None:
    for run in ("first", "second"):
        assert (
            main(["build", "best-response-chicken", "--out", str(tmp_path / run), "--format", fmt])
            == 0
        )
    first = (tmp_path / "first" / f"best-response-chicken.{fmt}").read_bytes()
    second = (tmp_path / "second" / f"best-response-chicken.{fmt}").read_bytes()
    assert first == second and len(first) > 1000
    assert "(2/3, 2/3)" in capsys.readouterr().out  # the printed equilibria


def test_figure_names_are_unique_and_described() -> None:
    specs = all_figures()
    assert len({s.name for s in specs}) == len(specs)
    assert all(s.description for s in specs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is for Linux")
def test_demo_without_a_display_says_why_and_fails(monkeypatch, capsys) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["demo", "isoquant"]) == 1
    assert "no display" in capsys.readouterr().err


def test_unknown_demo_is_a_clear_error(capsys) -> None:
    assert main(["demo", "nope"]) == 2
    assert "available: burden_sharing, capital, hedging, isoquant" in capsys.readouterr().err


# ------------------------------------------------------------------ figure parameters


@pytest.mark.parametrize(
    ("text", "value"),
    [("3", 3), ("-2", -2), ("13/20", Fraction(13, 20)), ("0.65", 0.65), ("1e-3", 0.001)],
    ids=["int", "negative", "fraction", "decimal", "exponent"],
)
def test_parse_value(text, value):
    parsed = parse_value(text)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize(
    "text", ["nan", "inf", "1/0", "2**3", "__import__('os')", "a", "", "1/2/3", "0x10"]
)
def test_parse_value_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_value(text)


@given(st.fractions())
def test_parse_value_round_trips_fractions(q):
    assert parse_value(f"{q.numerator}/{q.denominator}") == q
    assert parse_value(str(q)) == q


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_value_round_trips_floats(x):
    assert parse_value(repr(x)) == x


def test_domains_are_checked():
    k = FigureParameter("k", 2, 1, 5, low_open=False, high_open=False, integer=True)
    assert k.parse("1") == 1 and k.parse("5/1") == 5
    for bad in ("0", "6", "5/2", "2.5"):
        with pytest.raises(ValueError, match="k"):
            k.parse(bad)


def test_every_figure_with_parameters_builds_with_set(tmp_path, capsys) -> None:
    specs = [s for s in all_figures() if s.parameters]
    assert specs, "the isoquant figures declare parameters"
    for spec in specs:
        settings = []
        for p in spec.parameters:
            # a value inside the domain other than the default
            value = {"alpha": "13/20", "k": "3", "S_C": "0.95"}.get(p.name, str(p.default))
            settings += ["--set", f"{p.name}={value}"]
        assert main(["build", spec.name, "--out", str(tmp_path), *settings]) == 0
        stem = spec.file_stem(dict(s.split("=") for s in settings[1::2]))
        assert (tmp_path / f"{stem}.png").stat().st_size > 1000
    assert "alpha=13/20" in capsys.readouterr().out


@pytest.mark.parametrize("alpha", ["0.7", "13/20", "0.65"])
def test_isoquant_figures_at_other_alphas(tmp_path, alpha, capsys) -> None:
    # Figure 4 draws A, B and C with their isoquants: everything Figures 2 and 3 show
    assert main(["build", "isoquant-fig4", "--set", f"alpha={alpha}", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"alpha={parse_value(alpha)}" in out.replace(" ", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--set", "beta=1"], "no parameter 'beta'"),
        (["--set", "alpha=1"], "outside its domain"),
        (["--set", "alpha=two"], "not a number"),
        (["--set", "alpha"], "NAME=VALUE"),
        (["--set", "alpha=0.5", "--set", "alpha=0.6"], "set twice"),
    ],
    ids=["unknown", "domain", "text", "no-value", "twice"],
)
def test_bad_settings_are_clear_errors(tmp_path, capsys, argv, message) -> None:
    assert main(["build", "isoquant-fig2", "--out", str(tmp_path), *argv]) == 2
    assert message in capsys.readouterr().err


def test_list_shows_parameters(capsys) -> None:
    assert main(["list"]) == 0
    assert "--set alpha = 3/5 in (0, 1)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "fmt", "written"),
    [
        ("x.pdf", None, "x.pdf"),
        ("x.PDF", None, "x.pdf"),
        ("x", "PDF", "x.pdf"),
        ("x", "Svg", "x.svg"),
        ("x", None, "x.png"),
        ("fig.v2", None, "fig.v2.png"),
    ],
    ids=["suffix", "suffix-case", "fmt-case", "fmt-mixed", "default", "other-suffix"],
)
def test_save_honours_suffix_and_case(tmp_path, name, fmt, written) -> None:
    fig, _ = figure()
    assert save(fig, tmp_path / name, fmt).name == written
    assert (tmp_path / written).exists()


def test_save_refuses_contradictions(tmp_path) -> None:
    fig, _ = figure()
    with pytest.raises(ValueError, match="suffix"):
        save(fig, tmp_path / "x.pdf", "svg")
    with pytest.raises(ValueError, match="fmt must be one of"):
        save(fig, tmp_path / "x", "jpeg")


def test_format_option_in_any_case(tmp_path, capsys) -> None:
    assert main(["build", "best-response-chicken", "--out", str(tmp_path), "--format", "PDF"]) == 0
    assert (tmp_path / "best-response-chicken.pdf").exists()
