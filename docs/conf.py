"""Sphinx configuration for the blocgames documentation.

Two pages are generated at build time, so new code is picked up without editing lists:

* ``reference/`` -- one page per public package (any package or module under ``games``,
  ``solvers`` and ``papers`` whose name has no leading underscore), with an autosummary of
  its ``__all__``; see ``_ext/blocgames_pages.py``;
* ``gallery.rst`` -- every figure of ``papers._registry.all_figures()``, built into the
  output folder, with the code that makes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "blocgames"
author = "blocgames contributors"
copyright = "blocgames contributors"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "myst_parser",
    "blocgames_pages",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "figures/README*", "models.md"]
html_theme = "alabaster"
html_static_path: list[str] = []
html_theme_options = {"description": "Games of alliances and trade blocs", "page_width": "1100px"}

myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

autosummary_generate = True
autosummary_imported_members = True
autodoc_typehints = "none"  # numpydoc sections carry the types
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks: set[str] = set()
numpydoc_xref_param_type = False

# Third-party and informal types named in signatures and docstrings.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(numpy|np|sympy|sp|scipy|matplotlib|fractions|collections|typing)\..*"),
    (r"py:.*", r"(Fraction|Figure|Axes|Expr|Symbol|ndarray|ArrayLike|Rational)"),
]

doctest_global_setup = """
import numpy as np
import sympy as sp
from fractions import Fraction
"""

templates_path = ["_templates"]
# Short method/attribute names inside the library's own docstrings that point at
# undocumented helpers; the pages' own references are all checked.
nitpick_ignore_regex += [
    (
        r"py:(meth|attr|class|func)",
        r"(general|expr|payoffs|verified|SweepPlan|__eq__|BestResponse\..*)",
    ),
    (r"py:(class|func)", r"papers\._registry\..*|games\.catalog\.chicken"),
]

# The docstrings' examples run under pytest --doctest-modules; the doctest builder runs
# the examples of these pages (tutorials, how-to guides, explanation).
if "doctest" in sys.argv:
    exclude_patterns += ["reference/**", "gallery.rst"]
    suppress_warnings = ["toc.excluded"]
