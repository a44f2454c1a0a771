"""Figures and tables that reproduce published arguments, one module per argument.

Each module defines ``FIGURES``, a list of :class:`papers._registry.FigureSpec`; modules
that offer an interactive classroom view also define ``DEMOS`` (name -> callable).
``python -m papers`` discovers them, builds every figure and prints its equilibria.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("blocgames")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"
