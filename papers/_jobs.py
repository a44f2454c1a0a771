"""Building one figure, here or in a worker process: the unit of work of ``python -m papers``.

:func:`build_one` takes only names and text (picklable), looks the figure up in the
registry, draws it inside the house style (:func:`papers._style.use_style`, so a fresh
worker process draws exactly as this one does), writes its files and *returns* its
summary instead of printing it: the command line prints the summaries in the order the
figures were named, whatever the number of workers. matplotlib's style is process-wide
state, so figures drawn by threads of one process (a dask worker's threads) take turns.

Examples
--------
>>> import tempfile
>>> from papers._jobs import build_one
>>> paths, text = build_one(("best-response-chicken", {}, tempfile.mkdtemp(), ("svg",)))
>>> [p.rsplit("/", 1)[-1] for p in paths]
['best-response-chicken.svg']
>>> text.splitlines()[0][:26]
'== best-response-chicken: '
"""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from papers._registry import find_figure
from papers._style import save, use_style

__all__ = ["build_one"]

# rc_context changes and restores process-wide rcParams: one figure at a time per process
_LOCK = threading.Lock()


def build_one(task: tuple[str, Mapping[str, str], str, Sequence[str]]) -> tuple[list[str], str]:
    """Build figure ``name`` with ``settings`` into folder ``out`` in ``formats``.

    ``task`` is ``(name, settings, out, formats)``; returns the paths written (as text)
    and the summary the command line prints (ending with a newline).
    """
    name, settings, out_text, formats = task
    spec = find_figure(name)
    values = spec.values(settings)
    out = Path(out_text)
    stem = spec.file_stem(settings)
    with _LOCK:
        with use_style():
            fig = spec.build(**values) if spec.parameters else spec.build()
        meta = spec.file_metadata(values)
        written = [str(save(fig, out / stem, fmt, **meta)) for fmt in formats]
        summary = spec.summary(**values) if spec.parameters else spec.summary()
    shown = ", ".join(f"{k}={v}" for k, v in values.items())
    lines = [
        f"== {spec.name}: {spec.description}" + (f" [{shown}]" if shown else ""),
        textwrap.indent(textwrap.dedent(summary).strip(), "   "),
        f"   -> {', '.join(str(out / f'{stem}.{f}') for f in formats)}",
    ]
    return written, "\n".join(lines) + "\n"
