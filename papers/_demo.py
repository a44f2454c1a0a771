"""Shared machinery of the slider demos built on a figure's ``*_data`` and ``draw_*``.

A demo subclasses :class:`FigureDemo` with a ``SLIDERS`` table ``(key, label, low, high,
initial)`` and three methods: ``compute(**values)`` calls the module's data function,
``draw(data)`` its draw function (the published figure, unchanged) and ``describe(data)``
the text with the key numbers of the model. Moving a slider recomputes the data, redraws
the figure and shows it (as an image) in the demo's axes, so the demo is the published
figure at other parameter values. :func:`papers._web.web_demo` serves such a class
without changes (it reads ``SLIDERS``, ``sliders``, ``ax`` and ``text``).
"""

from __future__ import annotations

import sys
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from papers._style import use_style

_DPI = 100
_ERRORS = (ValueError, RuntimeError, ArithmeticError, TypeError)


def slider_fraction(value: float) -> sp.Rational:
    """A slider value as the nearest fraction with denominator at most 100 (exact models)."""
    f = Fraction(value).limit_denominator(100)
    return sp.Rational(f.numerator, f.denominator)


def raster(fig: Figure, dpi: int = _DPI) -> np.ndarray:
    """The figure rendered by Agg as an RGBA array (deterministic for the same figure)."""
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    with use_style():
        canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


class FigureDemo:
    """Base of the figure demos: sliders drive ``compute``, ``draw`` and ``describe``.

    Subclasses set ``SLIDERS`` and implement the three methods; ``data`` is the figure
    data at the current slider values (the model state), ``text`` the artist with the
    key numbers, ``image`` the figure as shown.

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).
    """

    SLIDERS: tuple[tuple[str, str, float, float, float], ...] = ()

    def __init__(self, fig: Figure | None = None):
        from matplotlib.widgets import Slider

        self.fig = Figure(figsize=(7.0, 7.5)) if fig is None else fig
        with use_style():
            self.ax = self.fig.add_axes((0.02, 0.34, 0.96, 0.64))
            self.ax.set_axis_off()
            self.sliders: dict[str, Any] = {}
            for n, (key, label, lo, hi, init) in enumerate(self.SLIDERS):
                sax = self.fig.add_axes((0.35, 0.19 - 0.05 * n, 0.5, 0.03))
                self.sliders[key] = Slider(sax, label, lo, hi, valinit=init)
                self.sliders[key].on_changed(self.update)
            self.text = self.ax.text(
                0.0, -0.01, "", transform=self.ax.transAxes, va="top", fontsize=8
            )
        self.image: Any = None
        self.data: Any = None
        self._shown: dict[str, float] | None = None
        self.update()

    def values(self) -> dict[str, float]:
        """Current slider values."""
        return {k: float(s.val) for k, s in self.sliders.items()}

    def compute(self, **values: float) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, data: Any) -> Figure:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, data: Any) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def update(self, _value: Any = None) -> Any:
        """Recompute the data from the sliders, redraw the figure and the text.

        Values at which the model has no answer leave the picture as it was and say why
        in the text.
        """
        v = self.values()
        if v == self._shown:
            return self.data
        try:
            data = self.compute(**v)
            pixels = raster(self.draw(data))
        except _ERRORS as err:
            self.text.set_text(f"{err}\nthe model has no answer here; move a slider")
            self.fig.canvas.draw_idle()
            return self.data
        if self.image is None:
            self.image = self.ax.imshow(pixels, interpolation="antialiased")
        else:
            self.image.set_data(pixels)
            h, w = pixels.shape[:2]
            self.image.set_extent((-0.5, w - 0.5, h - 0.5, -0.5))
            self.ax.set_xlim(-0.5, w - 0.5)
            self.ax.set_ylim(h - 0.5, -0.5)
        self.text.set_text(self.describe(data))
        self.data, self._shown = data, v
        self.fig.canvas.draw_idle()
        return data


def run_window(cls: type[FigureDemo], name: str) -> FigureDemo | None:
    """Open ``cls`` in a matplotlib window (``python -m papers demo NAME``).

    Without an interactive backend and a display it prints the reason to stderr and
    returns ``None``; the web page (``--web``) needs neither.
    """
    from papers.isoquant import _interactive_backend

    backend, reason = _interactive_backend()
    if backend is None:
        print(
            f"cannot open the {name} demo: {reason}. It needs an interactive matplotlib "
            f"backend; `python -m papers demo {name} --web` serves it as a page instead.",
            file=sys.stderr,
        )
        return None
    import matplotlib.pyplot as plt

    plt.switch_backend(backend)
    fig = plt.figure(figsize=(7.0, 7.5))
    demo = cls(fig)
    plt.show()
    return demo
