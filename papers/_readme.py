"""The README's images: every figure marked ``readme=True``, as PNG in ``docs/figures/``.

``python -m papers readme`` regenerates them; a test rebuilds them and compares them with
the committed files, so the README never shows a picture the code no longer draws.

Examples
--------
>>> from papers._readme import readme_figures
>>> names = [spec.name for spec in readme_figures()]
>>> names[0], "isoquant-fig2" in names
('burden-best-response', True)
"""

from __future__ import annotations

from pathlib import Path

from papers._registry import FigureSpec, all_figures
from papers._style import save, use_style

__all__ = ["README_DPI", "README_FOLDER", "readme_figures", "write_readme_images"]

#: Resolution of the README images (small files, sharp on screen).
README_DPI = 150
#: Where the README images live, relative to the repository root.
README_FOLDER = Path("docs") / "figures"


def readme_figures() -> list[FigureSpec]:
    """The figures shown in the README, in registry order.

    Examples
    --------
    >>> all(spec.readme for spec in readme_figures())
    True
    """
    return [spec for spec in all_figures() if spec.readme]


def write_readme_images(folder: str | Path = README_FOLDER) -> list[Path]:
    """Regenerate the README images (deterministic PNG bytes) into ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> from papers._registry import find_figure
    >>> find_figure("isoquant-fig4").readme
    True
    >>> paths = write_readme_images(tempfile.mkdtemp())   # doctest: +SKIP
    """
    out = []
    for spec in readme_figures():
        with use_style():
            fig = spec.build()
        out.append(
            save(fig, Path(folder) / spec.name, "png", dpi=README_DPI, **spec.file_metadata())
        )
    return out
