"""The README shows what the code draws: committed images are rebuilt and compared."""

from __future__ import annotations

import re
from pathlib import Path

from matplotlib.testing.compare import compare_images

from papers._readme import README_FOLDER, readme_figures, write_readme_images

ROOT = Path(__file__).resolve().parents[2]


def test_committed_readme_images_match_the_code(tmp_path) -> None:
    written = write_readme_images(tmp_path)
    assert [p.name for p in written] == [f"{s.name}.png" for s in readme_figures()]
    for path in written:
        committed = ROOT / README_FOLDER / path.name
        assert committed.is_file(), f"{committed} is missing: run `python -m papers readme`"
        # a small tolerance: a matplotlib patch release may move anti-aliasing by a pixel
        assert compare_images(str(committed), str(path), tol=2) is None


def test_readme_links_exactly_the_readme_images() -> None:
    linked = set(re.findall(r"docs/figures/([\w-]+)\.png", (ROOT / "README.md").read_text()))
    committed = {p.stem for p in (ROOT / README_FOLDER).glob("*.png")}
    assert linked <= committed, f"README links images that do not exist: {linked - committed}"
    assert committed == {s.name for s in readme_figures()}, "stale images in docs/figures"
