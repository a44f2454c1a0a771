"""The documentation site builds with warnings as errors, and its examples run.

Needs the ``docs`` extra (sphinx, numpydoc, myst-parser), which the ``test`` extra includes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("sphinx", reason="the docs extra is not installed (pip install -e '.[docs]')")
pytest.importorskip("numpydoc", reason="the docs extra is not installed")
pytest.importorskip("myst_parser", reason="the docs extra is not installed")


@pytest.mark.parametrize("builder", ["html", "doctest"])
def test_docs_build_without_warnings(tmp_path: Path, builder: str) -> None:
    """``sphinx-build -W --keep-going -n``: any warning, broken cross-reference or failing
    example fails the build."""
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-n", "-q"]
    cmd += ["-d", str(tmp_path / "doctrees"), str(ROOT / "docs"), str(tmp_path / builder)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr[-6000:] + proc.stdout[-2000:]
    if builder == "html":
        gallery = (tmp_path / "html" / "gallery.html").read_text()
        from papers._registry import all_figures

        for spec in all_figures():
            assert f"_gallery/{spec.name}.png" in gallery
            assert (tmp_path / "html" / "_gallery" / f"{spec.name}.png").is_file()
