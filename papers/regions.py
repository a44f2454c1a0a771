r"""Region maps: which equilibria hold where, over two parameters of a game.

:func:`region_map_data` evaluates a :class:`~solvers.finite.RegionMap` (from
``game.equilibria_by_region()``) on a grid of two parameters, the others fixed;
:func:`draw_region_map` colours each region and labels it with its equilibria. Model
figures reuse both: build the game, take its regions, pick two parameters.

The figure registered here is the binary threshold participation game (Palfrey &
Rosenthal 1984's discrete public good, as a tariff threat): three allies Join or stay
Out, the surplus country concedes when at least two join, ``u_J = B*[k >= 2] - c``,
``u_O = B*[k >= 2] - tau``. Over ``(tau, B)`` with ``c`` fixed: for ``tau > c`` the grand
coalition is the unique pure equilibrium; for ``c - B <= tau < c`` the empty coalition
and every minimal winning coalition; for ``tau < c - B`` only the empty coalition.

Examples
--------
>>> d = region_map_data(join_out_game().equilibria_by_region(mixed=False), "tau", "B",
...                     (0, 2), (0, 2), fixed={"c": 1}, n=5)
>>> d.index.shape, sorted(set(d.labels))[:1]
((5, 5), ['(Join, Join, Join)'])
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.normal_form import NormalFormGame
from papers._registry import FigureParameter, FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "FIGURES",
    "RegionMapData",
    "draw_region_map",
    "join_out_game",
    "region_map_data",
]

_PALETTE = ("sky", "orange", "green", "purple", "yellow", "blue", "red", "grey")


@dataclass(frozen=True)
class RegionMapData:
    """A region map on a grid.

    Attributes
    ----------
    x, y : str
        The two parameters on the axes.
    xs, ys : numpy.ndarray
        Grid coordinates (1-D).
    index : numpy.ndarray
        ``index[j, i]``: the region at ``(xs[i], ys[j])`` (``-1``: outside the
        assumptions).
    labels : list of str
        The equilibria of each region, as text.
    conditions : list of str
        Each region's condition.
    fixed : dict
        The other parameters' values.
    complete : bool
        Whether the regions list every equilibrium (else pure equilibria only).
    """

    x: str
    y: str
    xs: np.ndarray
    ys: np.ndarray
    index: np.ndarray
    labels: list[str]
    conditions: list[str]
    fixed: dict
    complete: bool = True


def _equilibria_text(region: Any) -> str:
    parts = []
    for eq in region.equilibria:
        names = []
        for i, support in enumerate(eq.supports):
            labels = eq.strategy_labels[i] if eq.strategy_labels else None
            if len(support) == 1:
                names.append(labels[support[0]] if labels else str(support[0]))
            else:
                names.append("mixed")
        parts.append("(" + ", ".join(names) + ")")
    return "; ".join(parts) or "none"


def region_map_data(
    regions: Any,
    x: str,
    y: str,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    fixed: Mapping[str, Any] | None = None,
    n: int = 301,
) -> RegionMapData:
    """The regions of ``regions`` over a grid of parameters ``x`` and ``y``.

    Parameters
    ----------
    regions : solvers.finite.RegionMap
        From ``game.equilibria_by_region()``.
    x, y : str
        Names of the parameters on the horizontal and vertical axes.
    xlim, ylim : (float, float)
        Ranges of the axes.
    fixed : dict, optional
        Values of every other parameter (name -> number).
    n : int
        Grid points per axis.

    Raises
    ------
    ValueError
        An unknown parameter, a missing fixed value, or an empty range.
    """
    names = [s.name for s in regions.parameters]
    for name in (x, y):
        if name not in names:
            raise ValueError(f"{name!r} is not a parameter of the regions ({', '.join(names)})")
    if x == y:
        raise ValueError("x and y must be two different parameters")
    fixed = dict(fixed or {})
    missing = [p for p in names if p not in (x, y) and p not in fixed]
    if missing:
        raise ValueError(f"fixed: give a value for {', '.join(missing)}")
    if not (xlim[0] < xlim[1] and ylim[0] < ylim[1]) or n < 2:
        raise ValueError("xlim and ylim must be increasing ranges and n >= 2")
    xs = np.linspace(float(xlim[0]), float(xlim[1]), n)
    ys = np.linspace(float(ylim[0]), float(ylim[1]), n)
    X, Y = np.meshgrid(xs, ys)
    values = {name: float(v) for name, v in fixed.items()}
    values[x], values[y] = X, Y
    index = regions.locate(values)
    labels = [_equilibria_text(r) for r in regions]
    conditions = [sp.sstr(r.condition) for r in regions]
    return RegionMapData(x, y, xs, ys, index, labels, conditions, fixed, bool(regions.complete))


def draw_region_map(data: RegionMapData, ax: Any = None) -> Figure:
    """Colour each region of ``data`` and list its equilibria in the legend.

    Regions with the same equilibria share a colour; regions of zero area (ties) do not
    show on the grid and are left out of the legend.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    with use_style():
        if ax is None:
            fig, ax = figure(5.6, 5.0)
        else:
            fig = ax.figure
        shown = sorted(set(int(i) for i in np.unique(data.index) if i >= 0))
        by_label: dict[str, int] = {}
        for i in shown:
            by_label.setdefault(data.labels[i], len(by_label))
        colour_of = {i: by_label[data.labels[i]] for i in shown}
        grid = np.full(data.index.shape, np.nan)
        for i, c in colour_of.items():
            grid[data.index == i] = c
        palette = [COLORS[_PALETTE[k % len(_PALETTE)]] for k in range(max(len(by_label), 1))]
        ax.imshow(
            grid,
            origin="lower",
            extent=(data.xs[0], data.xs[-1], data.ys[0], data.ys[-1]),
            aspect="auto",
            cmap=ListedColormap(palette),
            vmin=-0.5,
            vmax=len(palette) - 0.5,
            interpolation="nearest",
        )
        handles = [
            Patch(facecolor=palette[k], edgecolor="none", label=label)
            for label, k in sorted(by_label.items(), key=lambda kv: kv[1])
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.16),
            fontsize=7,
            frameon=False,
            title="equilibria" if data.complete else "pure equilibria",
            title_fontsize=7,
        )
        ax.set_xlabel(f"${sp.latex(sp.Symbol(data.x))}$")
        ax.set_ylabel(f"${sp.latex(sp.Symbol(data.y))}$")
        if data.fixed:
            fixed = ", ".join(f"${sp.latex(sp.Symbol(k))} = {v}$" for k, v in data.fixed.items())
            ax.set_title(f"Equilibria by region ({fixed})")
    return fig


# ----------------------------------------------------------------------------- the figure

_B, _C, _TAU = sp.symbols("B c tau", positive=True)


def join_out_game(n: int = 3, m: int = 2) -> NormalFormGame:
    """The binary threshold participation game with free ``B``, ``c``, ``tau``.

    ``n`` allies choose Join or Out; the surplus country concedes iff at least ``m``
    join; ``u_J = B*[k >= m] - c`` and ``u_O = B*[k >= m] - tau`` (Palfrey & Rosenthal
    1984's discrete public good).

    Examples
    --------
    >>> join_out_game().parameters
    (B, c, tau)
    """
    arrays = [np.empty((2,) * n, dtype=object) for _ in range(n)]
    for profile in itertools.product(range(2), repeat=n):
        joined = profile.count(0)
        for i in range(n):
            arrays[i][profile] = _B * int(joined >= m) - (_C if profile[i] == 0 else _TAU)
    return NormalFormGame(
        arrays,
        players=tuple(f"ally {i + 1}" for i in range(n)),
        strategies=[("Join", "Out")] * n,
        name="binary threshold participation",
    )


def _value(v: Any) -> float:
    return float(Fraction(v)) if isinstance(v, Fraction) else float(v)


_COST = FigureParameter("c", 1, 0, None, description="cost of joining")


def _build(c: Any = _COST.default) -> Figure:
    regions = join_out_game().equilibria_by_region(mixed=False)
    data = region_map_data(
        regions, "tau", "B", (0, 2 * _value(c)), (0, 2 * _value(c)), fixed={"c": c}
    )
    return draw_region_map(data)


def _summary(c: Any = _COST.default) -> str:
    return repr(join_out_game().equilibria_by_region(mixed=False))


FIGURES = [
    FigureSpec(
        "regions-join-out",
        _build,
        _summary,
        "Threshold participation (3 allies, 2 needed): equilibria by region over (tau, B)",
        parameters=(_COST,),
        source=(
            "docs/models.md §c.4 (blocgames' own construction); Palfrey & Rosenthal (1984) J. "
            "Public Econ. 24"
        ),
    ),
]
