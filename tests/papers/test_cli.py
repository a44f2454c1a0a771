"""The ``python -m papers`` command line and deterministic figure files."""

from __future__ import annotations

import sys

import pytest

from papers.__main__ import main
from papers._registry import all_figures


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
    assert "available: isoquant" in capsys.readouterr().err
