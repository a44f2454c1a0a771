"""One style for every figure, and saving that gives the same bytes for the same inputs.

The style pins the Agg backend, fonts, sizes, line widths and a colour-blind-safe
palette (Okabe & Ito 2008); :func:`save` writes the figure's title, source and the
blocgames version into the PNG, PDF and SVG metadata, strips timestamps and
matplotlib's version, and fixes the SVG id salt, so rebuilding a figure reproduces its
file byte for byte.

Examples
--------
>>> import tempfile, pathlib
>>> from papers._style import COLORS, figure, save, use_style
>>> with use_style():
...     fig, ax = figure()
...     _ = ax.plot([0, 1], [0, 1], color=COLORS["blue"])
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> a = save(fig, d / "a", "png").read_bytes(); b = save(fig, d / "b", "png").read_bytes()
>>> a == b
True
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

__all__ = ["COLORS", "FORMATS", "RC", "figure", "file_metadata", "save", "use_style"]

#: Okabe-Ito colour-blind-safe palette.
COLORS = {
    "blue": "#0072B2",
    "red": "#D55E00",
    "orange": "#E69F00",
    "green": "#009E73",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#7F7F7F",
}

FORMATS = ("png", "pdf", "svg")

RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "axes.linewidth": 0.8,
    "lines.linewidth": 1.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "savefig.bbox": "standard",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "blocgames",
    "path.simplify": False,
}

_METADATA = {
    "png": {"Software": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
    "svg": {"Creator": None, "Date": None},
}


def _software() -> str:
    from papers import __version__

    return f"blocgames {__version__}"


def file_metadata(
    fmt: str,
    *,
    title: str | None = None,
    description: str | None = None,
    source: str | None = None,
) -> dict[str, str | None]:
    """The metadata :func:`save` writes: what the figure is, where it comes from and the
    blocgames version that drew it, with every date and matplotlib's own version removed
    (``None``), so the bytes repeat.

    * PNG text chunks: ``Title``, ``Description``, ``Source``, ``Software``;
    * PDF info: ``Title``, ``Subject`` (description and source), ``Creator``; no
      ``Producer``, ``CreationDate`` or ``ModDate``;
    * SVG (Dublin Core): ``Title``, ``Description``, ``Source``, ``Creator``; no ``Date``.

    Examples
    --------
    >>> file_metadata("pdf", title="Chicken")["CreationDate"] is None
    True
    >>> file_metadata("svg", source="Snyder (1971)")["Source"]
    'Snyder (1971)'
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, got {fmt!r}")
    meta: dict[str, str | None] = dict(_METADATA[fmt])
    software = _software()
    if fmt == "png":
        meta["Software"] = software
        given = {"Title": title, "Description": description, "Source": source}
    elif fmt == "pdf":
        meta["Creator"] = software
        subject = ". ".join(x for x in (description, f"Source: {source}" if source else "") if x)
        given = {"Title": title, "Subject": subject or None}
    else:
        meta["Creator"] = software
        given = {"Title": title, "Description": description, "Source": source}
    meta.update({k: v for k, v in given.items() if v})
    return meta


def use_style():
    """Context manager applying the house style; draw every figure inside it.

    The style is scoped (``matplotlib.rc_context``): importing :mod:`papers` never
    changes a user's global ``rcParams``.

    Examples
    --------
    >>> import matplotlib
    >>> with use_style():
    ...     matplotlib.rcParams["svg.hashsalt"]
    'blocgames'
    """
    return plt.rc_context(RC)


def figure(width: float = 5.0, height: float = 3.6, **subplot_kw: Any) -> tuple[Figure, Any]:
    """A new figure and axes in the house style (size in inches).

    Uses the object-oriented API (no pyplot state is left behind).

    Examples
    --------
    >>> fig, ax = figure(3, 2)
    >>> [float(v) for v in fig.get_size_inches()]
    [3.0, 2.0]
    """
    with use_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot(**subplot_kw)
    return fig, ax


def save(
    fig: Figure,
    path: str | Path,
    fmt: str | None = None,
    dpi: float | None = None,
    *,
    title: str | None = None,
    description: str | None = None,
    source: str | None = None,
) -> Path:
    """Save ``fig`` with deterministic bytes; return the file path.

    The file's metadata says what the figure is (``title``, ``description``: its
    parameters), where it comes from (``source``: the argument and its citation) and
    the blocgames version, without any date (see :func:`file_metadata`).

    The format is ``fmt`` (any case: ``"PDF"`` is ``"pdf"``), else the suffix of ``path``
    when it names a format (``"x.pdf"``, ``"x.SVG"``), else ``png``. A suffix that is
    not a format is kept (``"fig.v2"`` is written as ``fig.v2.png``). ``dpi`` overrides
    the house resolution (300) for raster output.

    Raises
    ------
    ValueError
        If the format is not one of ``png``, ``pdf``, ``svg``, or ``fmt`` contradicts the
        suffix of ``path``.

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = figure()
    >>> folder = tempfile.mkdtemp()
    >>> save(fig, folder + "/empty", "svg").suffix
    '.svg'
    >>> save(fig, folder + "/empty.PDF").name, save(fig, folder + "/empty", "PDF").name
    ('empty.pdf', 'empty.pdf')
    """
    path = Path(path)
    suffix = path.suffix[1:].lower()
    named = suffix if suffix in FORMATS else None
    if fmt is not None:
        if not isinstance(fmt, str) or fmt.lower() not in FORMATS:
            raise ValueError(f"fmt must be one of {FORMATS} (any case), got {fmt!r}")
        fmt = fmt.lower()
        if named is not None and named != fmt:
            raise ValueError(
                f"path {str(path)!r} has the suffix .{suffix} but fmt={fmt!r}; drop one of them"
            )
    fmt = fmt or named or "png"
    path = path.with_suffix(f".{fmt}") if named else path.with_name(f"{path.name}.{fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # fontTools logs "'created' timestamp seems very low" for the deterministic (zeroed)
    # font timestamps of PDF subsets: expected here, so keep it off the user's console
    fonttools = logging.getLogger("fontTools")
    level = fonttools.level
    fonttools.setLevel(logging.ERROR)
    try:
        with use_style():
            fig.savefig(
                path,
                format=fmt,
                metadata=file_metadata(fmt, title=title, description=description, source=source),
                dpi=dpi or RC["savefig.dpi"],
            )
    finally:
        fonttools.setLevel(level)
    return path
