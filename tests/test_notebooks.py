"""The classroom notebooks (notebooks/*.ipynb) run top to bottom.

Each notebook is executed in a fresh Jupyter kernel started in the repository root, so it
imports this checkout. Needs the ``classroom`` extra (ipykernel, ipywidgets, nbclient);
skipped with the reason where it is missing. ``pytest --nbmake notebooks`` does the same
where nbmake is installed.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_four_classroom_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01_free_riding.ipynb",
        "02_isoquant_sliders.ipynb",
        "03_coalition_of_the_compelled.ipynb",
        "04_hedging_over_elections.ipynb",
    ]


def test_notebooks_are_generated_from_make_py_and_store_no_outputs() -> None:
    nbformat = pytest.importorskip("nbformat", reason="the classroom extra is not installed")
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(c.get("outputs", []) == [] for c in nb.cells if c.cell_type == "code"), path


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason="the classroom extra is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the classroom extra is not installed")
    pytest.importorskip("ipykernel", reason="the classroom extra is not installed")
    pytest.importorskip("ipywidgets", reason="the classroom extra is not installed")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    with warnings.catch_warnings():
        # the Jupyter machinery's own deprecation notices are not the notebook's failures
        warnings.simplefilter("ignore")
        client.execute()
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert errors == []


def test_stored_notebooks_are_exactly_what_make_py_writes() -> None:
    """Regenerating the notebooks is reproducible: same bytes, cell ids included (nbformat
    draws random ids, so every run of _make.py rewrote every cell id)."""
    nbformat = pytest.importorskip("nbformat", reason="the classroom extra is not installed")
    import importlib.util

    spec = importlib.util.spec_from_file_location("_make", ROOT / "notebooks" / "_make.py")
    assert spec is not None and spec.loader is not None
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for path in NOTEBOOKS:
        built = nbformat.writes(make.build(path.name))
        assert built == nbformat.writes(make.build(path.name))
        assert path.read_text(encoding="utf-8").rstrip("\n") == built.rstrip("\n"), path.name
