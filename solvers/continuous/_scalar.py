r"""One-variable problems the applied models reduce to: a leader's optimum on an interval,
and the first point where a value falls below a level.

* :func:`grid_maximum` -- the maximum of a vectorized :math:`f` on :math:`[\ell, h]`: a
  grid locates the best cell, and where the maximum is interior and the derivative
  :math:`f'` is given, Brent's method refines it on the first-order condition
  :math:`f'(x) = 0` inside the neighbouring cells;
* :func:`first_crossing` -- the smallest :math:`x \ge \ell` on the grid where
  :math:`f(x) < c`, refined by Brent's method on :math:`f(x) - c`.

Both are deterministic (fixed grid) and say where they are exact and where numeric.

Examples
--------
>>> import numpy as np
>>> x, interior = grid_maximum(lambda s: s * (1 - s**2), 0.0, 1.0,
...                            derivative=lambda s: 1 - 3 * s**2)
>>> round(x, 12), interior, round(1 / 3**0.5, 12)
(0.57735026919, True, 0.57735026919)
>>> round(first_crossing(lambda s: 1 - s**2, 0.0, 1.0, 0.75), 12)
0.5
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import brentq

__all__ = ["first_crossing", "grid_maximum"]

#: Default number of grid points.
GRID = 1025


def grid_maximum(
    f: Callable[[np.ndarray], np.ndarray],
    lo: float,
    hi: float,
    *,
    derivative: Callable[[float], float] | None = None,
    grid: int = GRID,
) -> tuple[float, bool]:
    """The maximizer of ``f`` on ``[lo, hi]`` and whether it is interior.

    Parameters
    ----------
    f : callable
        Vectorized function; NaN counts as minus infinity.
    lo, hi : float
        The interval.
    derivative : callable, optional
        ``f'``: an interior maximum is refined on ``f'(x) = 0`` (Brent) when ``f'``
        changes sign across the neighbouring grid cells; otherwise the grid point is kept.
    grid : int
        Number of grid points (default 1025).

    Returns
    -------
    (float, bool)
        The maximizer (a grid end when the maximum is at a bound) and whether it is
        interior.

    Examples
    --------
    >>> grid_maximum(lambda s: -s, 0.0, 1.0)
    (0.0, False)
    """
    xs = np.linspace(lo, hi, grid)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.nan_to_num(np.asarray(f(xs), dtype=float), nan=-np.inf)
    j = int(np.argmax(values))
    interior = 0 < j < grid - 1
    if not interior:
        return float(xs[j]), False
    if derivative is None:
        return float(xs[j]), True
    a, b = xs[j - 1], xs[j + 1]
    if derivative(a) * derivative(b) < 0:
        return float(brentq(derivative, a, b, xtol=1e-15)), True
    return float(xs[j]), True


def first_crossing(
    f: Callable[[np.ndarray], np.ndarray],
    lo: float,
    hi: float,
    level: float,
    *,
    grid: int = GRID,
) -> float | None:
    """The first ``x`` in ``[lo, hi]`` where ``f(x)`` falls below ``level`` (``None``: never).

    The grid finds the first point below ``level``; Brent's method refines the crossing
    between it and the grid point before.

    Examples
    --------
    >>> first_crossing(lambda s: 1 + 0 * s, 0.0, 1.0, 0.5) is None
    True
    """
    xs = np.linspace(lo, hi, grid)
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.nan_to_num(np.asarray(f(xs), dtype=float) - level, nan=-np.inf)
    below = np.nonzero(gap < 0)[0]
    if not below.size:
        return None
    j = int(below[0])
    if j == 0:
        return float(xs[0])
    return float(brentq(lambda s: float(f(s) - level), xs[j - 1], xs[j], xtol=1e-15))
