"""Figure specifications and their discovery across the modules of :mod:`papers`.

Examples
--------
>>> from papers._registry import all_figures
>>> names = [spec.name for spec in all_figures()]
>>> "best-response-chicken" in names
True
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["FigureSpec", "all_demos", "all_figures", "find_figure"]

_SKIP = {"__main__", "readme_images", "registry", "style"}


@dataclass(frozen=True)
class FigureSpec:
    """One figure: how to draw it and how to state what it shows.

    Attributes
    ----------
    name : str
        Unique name, used on the command line and as the file stem.
    build : callable
        ``build() -> matplotlib.figure.Figure``, deterministic.
    summary : callable
        ``summary() -> str``: the figure's equilibria / key points, printed by the CLI.
    description : str
        One line for ``python -m papers list``.
    readme : bool
        Whether the figure is shown in README.md (as ``docs/figures/<name>.png``, written
        by ``python -m papers readme``).

    Examples
    --------
    >>> spec = FigureSpec("demo", build=lambda: None, summary=lambda: "x = 1",
    ...                   description="a demonstration")
    >>> spec.summary()
    'x = 1'
    """

    name: str
    build: Callable[[], Any]
    summary: Callable[[], str]
    description: str
    readme: bool = False


def _modules():
    import papers

    for info in sorted(pkgutil.iter_modules(papers.__path__), key=lambda m: m.name):
        if info.name not in _SKIP and not info.name.startswith("_"):
            yield importlib.import_module(f"papers.{info.name}")


def all_figures() -> list[FigureSpec]:
    """Every figure of every module in :mod:`papers`, in module order.

    Examples
    --------
    >>> "isoquant-fig4" in [spec.name for spec in all_figures()]
    True
    """
    specs: list[FigureSpec] = []
    for module in _modules():
        specs.extend(getattr(module, "FIGURES", ()))
    names = [s.name for s in specs]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise RuntimeError(f"figure names must be unique; repeated: {duplicated}")
    return specs


def all_demos() -> dict[str, Callable[..., Any]]:
    """Interactive demos by name (``python -m papers demo NAME``).

    Examples
    --------
    >>> sorted(all_demos())
    ['isoquant']
    """
    demos: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        demos.update(getattr(module, "DEMOS", {}))
    return demos


def find_figure(name: str) -> FigureSpec:
    """The figure called ``name``; ``KeyError`` lists the available names.

    Examples
    --------
    >>> find_figure("best-response-chicken").description[:7]
    'Chicken'
    >>> find_figure("nope")
    Traceback (most recent call last):
    KeyError: "no figure named 'nope'; available: ..."
    """
    specs = {s.name: s for s in all_figures()}
    if name not in specs:
        raise KeyError(f"no figure named {name!r}; available: {', '.join(sorted(specs))}")
    return specs[name]
