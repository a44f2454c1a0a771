"""Saved figures say what they are, where they come from and which blocgames drew them,
with no date, so their bytes repeat (papers._style.file_metadata)."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from papers import __version__
from papers.__main__ import build_figures

SOFTWARE = f"blocgames {__version__}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = {}
    for run in ("first", "second"):
        folder = tmp_path_factory.mktemp(run)
        paths = build_figures(["best-response-chicken"], folder, ["png", "pdf", "svg"])
        out[run] = {p.suffix[1:]: p.read_bytes() for p in paths}
    return out


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_metadata_keeps_bytes_identical(built, fmt: str, capsys) -> None:
    assert built["first"][fmt] == built["second"][fmt]


def test_png_text_chunks(built, tmp_path) -> None:
    path = tmp_path / "f.png"
    path.write_bytes(built["first"]["png"])
    text = Image.open(path).text
    assert text["Software"] == SOFTWARE
    assert text["Title"] == "best-response-chicken"
    assert "Chicken" in text["Description"]
    assert text["Source"].startswith("papers.classic_games")
    assert not any("date" in k.lower() or "time" in k.lower() for k in text)


def test_pdf_info_has_no_dates(built) -> None:
    data = built["first"]["pdf"]
    assert b"/CreationDate" not in data and b"/ModDate" not in data
    assert b"/Producer" not in data
    assert b"/Title (best-response-chicken)" in data
    assert f"/Creator ({SOFTWARE})".encode() in data
    # PDF text strings are PDFDocEncoding, or UTF-16BE when they hold other characters (§)
    source = "Source: papers.classic_games: docs/models.md §a.5"
    assert source.encode("utf-16-be") in data or source.encode("latin-1") in data


def test_svg_dublin_core_has_no_date(built) -> None:
    data = built["first"]["svg"].decode()
    assert "<dc:date>" not in data
    assert re.search(r"<dc:title>best-response-chicken</dc:title>", data)
    assert f"<dc:title>{SOFTWARE}</dc:title>" in data  # the creator agent
    assert "papers.classic_games: docs/models.md §a.5" in data
