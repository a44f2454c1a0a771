r"""Feasible sets of two-player bargaining problems, stored by their Pareto frontier.

A bargaining set :math:`S \subset \mathbb{R}^2` is taken to be convex, closed and
*comprehensive* (free disposal: if :math:`u \in S` and :math:`v \le u` then :math:`v \in S`),
so it is described by its Pareto frontier :math:`u_2 = f(u_1)`, :math:`u_1 \in [\ell, h]`,
with :math:`f` decreasing and concave. Two representations:

* :class:`PolygonFrontier` -- the frontier of the convex, comprehensive hull of finitely many
  outcomes (a polygon; for example the payoff pairs of a finite game, which lotteries
  convexify). Exact when the points are rational;
* :class:`CurveFrontier` -- :math:`u_2 = f(u_1)` as a sympy expression in one symbol, possibly
  with free parameters (solutions are then symbolic).

:func:`transferable_utility` is the line :math:`u_1 + u_2 = J`. The upper envelope
:meth:`Frontier.upper` extends :math:`f` to the whole comprehensive set:
:math:`F(u_1) = f(\max(u_1, \ell))` for :math:`u_1 \le h`.

Examples
--------
>>> from solvers.bargaining import polygon_frontier
>>> fr = polygon_frontier([(0, 0), (3, 0), (2, 2), (0, 3), (1, 1)])
>>> fr.vertices
((0, 3), (2, 2), (3, 0))
>>> fr(1), fr.inverse(1)
(5/2, 5/2)
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__ = [
    "CurveFrontier",
    "Frontier",
    "PolygonFrontier",
    "as_number",
    "curve_frontier",
    "is_exact_number",
    "output",
    "polygon_frontier",
    "solve_for",
    "transferable_utility",
]


def as_number(value: Any, name: str) -> sp.Expr:
    """A real number (or sympy expression) as sympy; strings and bools are refused.

    Examples
    --------
    >>> as_number(Fraction(1, 3), "d"), as_number(0.5, "d")
    (1/3, 0.500000000000000)
    >>> as_number("1/2", "d")
    Traceback (most recent call last):
    ...
    TypeError: d must be a number or a sympy expression, got '1/2'
    """
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr):
            raise TypeError(f"{name} must be a sympy expression, got {type(value).__name__}")
        return value
    if isinstance(value, bool | np.bool_ | str) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number or a sympy expression, got {value!r}")
    if isinstance(value, numbers.Integral):
        return sp.Integer(int(value))
    if isinstance(value, numbers.Rational):
        return sp.Rational(int(value.numerator), int(value.denominator))
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return sp.Float(v)


def as_pair(value: Any, name: str) -> tuple[sp.Expr, sp.Expr]:
    """Two numbers (a payoff pair) as sympy."""
    if isinstance(value, str) or not isinstance(value, Sequence | np.ndarray) or len(value) != 2:
        raise ValueError(f"{name} must be a pair (u1, u2), got {value!r}")
    return as_number(value[0], f"{name}[0]"), as_number(value[1], f"{name}[1]")


def is_exact_number(*values: Any) -> bool:
    """True when no value contains a float (sympy ``Float``)."""
    return not any(sp.sympify(v).has(sp.Float) for v in values)


def output(value: Any, exact: bool) -> Any:
    """A result number: sympy when exact or symbolic, else a Python float."""
    value = sp.sympify(value)
    if exact or value.free_symbols:
        return sp.nsimplify(value) if value.has(sp.Float) and not value.free_symbols else value
    return float(value)


def _decide(expr: sp.Expr) -> int | None:
    """Sign of a closed expression: exact when sympy decides, else numeric; None if symbolic."""
    expr = sp.sympify(expr)
    if expr.free_symbols:
        if expr.is_zero:
            return 0
        if expr.is_positive:
            return 1
        if expr.is_negative:
            return -1
        return None
    if expr.is_zero:
        return 0
    if not expr.has(sp.Float):  # exact data: no threshold, however small the difference
        if expr.is_positive:
            return 1
        if expr.is_negative:
            return -1
    val = sp.N(expr, 50)
    if abs(val) < 1e-40:
        return 0
    if expr.has(sp.Float):  # float data: zero up to rounding, relative to the numbers' size
        scale = max([1.0, *(abs(float(a)) for a in expr.atoms(sp.Number))])
        if abs(val) < 1e-12 * scale:
            return 0
    return 1 if val > 0 else -1


def le(a: Any, b: Any) -> bool | None:
    """``a <= b`` (None when undecidable)."""
    s = _decide(sp.sympify(b) - sp.sympify(a))
    return None if s is None else s >= 0


def lt(a: Any, b: Any) -> bool | None:
    """``a < b`` (None when undecidable)."""
    s = _decide(sp.sympify(b) - sp.sympify(a))
    return None if s is None else s > 0


class Frontier:
    """Pareto frontier ``u2 = f(u1)`` on ``[lo, hi]`` of a convex comprehensive set.

    Subclasses implement :meth:`__call__` (on ``[lo, hi]``) and ``inverse``.

    Attributes
    ----------
    lo, hi : sympy number or expression
        Range of player 1's payoff on the frontier (``f(lo)`` is player 2's best payoff).
    exact : bool
        Whether the frontier is given in exact (rational or algebraic) numbers.
    """

    lo: sp.Expr
    hi: sp.Expr
    exact: bool
    kind: str = "frontier"

    def __call__(self, u1: Any) -> sp.Expr:  # pragma: no cover - abstract
        raise NotImplementedError

    def inverse(self, u2: Any) -> sp.Expr:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def free_symbols(self) -> set[sp.Symbol]:
        """Parameters left in the frontier."""
        return set()

    def upper(self, u1: Any) -> sp.Expr:
        """Largest ``u2`` with ``(u1, u2)`` feasible, for ``u1 <= hi`` (free disposal)."""
        if le(u1, self.lo):
            return self(self.lo)
        return self(u1)

    def upper_inverse(self, u2: Any) -> sp.Expr:
        """Largest ``u1`` with ``(u1, u2)`` feasible, for ``u2 <= f(lo)``."""
        if le(u2, self(self.hi)):
            return self.hi
        return self.inverse(u2)

    def contains(self, point: Sequence[Any]) -> bool | None:
        """Whether ``point`` is feasible (None when undecidable with symbols)."""
        u1, u2 = (sp.sympify(v) for v in point)
        inside = le(u1, self.hi)
        if not inside:
            return inside
        return le(u2, self.upper(u1))

    def strictly_improvable(self, point: Sequence[Any]) -> bool | None:
        """Whether some feasible outcome gives both players strictly more than ``point``."""
        u1, u2 = (sp.sympify(v) for v in point)
        below = lt(u1, self.hi)
        if not below:
            return below
        return lt(u2, self.upper(u1))

    def ideal(self, disagreement: Sequence[Any]) -> tuple[sp.Expr, sp.Expr]:
        """Ideal (utopia) point: each player's best payoff given the other gets ``d_j``."""
        d1, d2 = disagreement
        return self.upper_inverse(d2), self.upper(d1)


class PolygonFrontier(Frontier):
    """Piecewise-linear frontier through ``vertices`` (increasing ``u1``, decreasing ``u2``).

    Build with :func:`polygon_frontier`.

    Examples
    --------
    >>> fr = polygon_frontier([(0, 1), (1, 0)])
    >>> fr.vertices, fr.lo, fr.hi, fr(Fraction(1, 4))
    (((0, 1), (1, 0)), 0, 1, 3/4)
    """

    kind = "polygon"

    def __init__(self, vertices: Sequence[tuple[sp.Expr, sp.Expr]], exact: bool) -> None:
        self.vertices = tuple((sp.sympify(a), sp.sympify(b)) for a, b in vertices)
        self.lo = self.vertices[0][0]
        self.hi = self.vertices[-1][0]
        self.exact = exact

    def __repr__(self) -> str:
        pts = ", ".join(f"({a}, {b})" for a, b in self.vertices)
        return f"PolygonFrontier({pts})"

    @property
    def segments(self) -> list[tuple[tuple[sp.Expr, sp.Expr], tuple[sp.Expr, sp.Expr]]]:
        """Consecutive vertex pairs (one segment when the frontier is a point: none)."""
        return list(zip(self.vertices[:-1], self.vertices[1:], strict=True))

    def __call__(self, u1: Any) -> sp.Expr:
        u1 = sp.sympify(u1)
        if len(self.vertices) == 1:
            return self.vertices[0][1]
        for (x0, y0), (x1, y1) in self.segments:
            if le(u1, x1):
                return y0 + (y1 - y0) * (u1 - x0) / (x1 - x0)
        (x0, y0), (x1, y1) = self.segments[-1]
        return y0 + (y1 - y0) * (u1 - x0) / (x1 - x0)

    def inverse(self, u2: Any) -> sp.Expr:
        u2 = sp.sympify(u2)
        if len(self.vertices) == 1:
            return self.vertices[0][0]
        for (x0, y0), (x1, y1) in self.segments:
            if le(y1, u2):
                return x0 + (x1 - x0) * (u2 - y0) / (y1 - y0)
        (x0, y0), (x1, y1) = self.segments[-1]
        return x0 + (x1 - x0) * (u2 - y0) / (y1 - y0)


class CurveFrontier(Frontier):
    """Frontier ``u2 = expr(symbol)`` for ``symbol`` in ``[lo, hi]``.

    Build with :func:`curve_frontier`.

    Examples
    --------
    >>> import sympy as sp
    >>> u = sp.Symbol("u")
    >>> fr = curve_frontier(1 - u**2, u, (0, 1))
    >>> fr(sp.Rational(1, 2)), fr.inverse(sp.Rational(3, 4))
    (3/4, 1/2)
    """

    kind = "curve"

    def __init__(self, expr: sp.Expr, symbol: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> None:
        self.expr = expr
        self.symbol = symbol
        self.lo = lo
        self.hi = hi
        self.exact = is_exact_number(expr, lo, hi)

    def __repr__(self) -> str:
        return f"CurveFrontier(u2 = {self.expr} for {self.symbol} in [{self.lo}, {self.hi}])"

    @property
    def free_symbols(self) -> set[sp.Symbol]:
        syms = set(self.expr.free_symbols) | set(sp.sympify(self.lo).free_symbols)
        syms |= set(sp.sympify(self.hi).free_symbols)
        return syms - {self.symbol}

    def __call__(self, u1: Any) -> sp.Expr:
        return (
            sp.simplify(self.expr.subs(self.symbol, u1))
            if self.free_symbols
            else (self.expr.subs(self.symbol, u1))
        )

    def derivative(self) -> sp.Expr:
        """``f'(u1)`` as an expression in the frontier's symbol."""
        return sp.diff(self.expr, self.symbol)

    def inverse(self, u2: Any) -> sp.Expr:
        u2 = sp.sympify(u2)
        roots = sp.solve(sp.Eq(self.expr, u2), self.symbol)
        good = [r for r in roots if _in_range(r, self.lo, self.hi)]
        if len(good) == 1:
            return good[0]
        if not self.free_symbols:
            from scipy.optimize import brentq

            f = sp.lambdify(self.symbol, self.expr - u2, "math")
            return sp.Float(brentq(f, float(self.lo), float(self.hi), xtol=1e-15))
        raise ValueError(f"cannot invert the frontier {self.expr} at u2 = {u2}")


def solve_for(expr: sp.Expr, var: sp.Symbol, symbolic: bool) -> list[sp.Expr]:
    """Roots of ``expr = 0`` in ``var`` by sympy when exact work can succeed: always for
    symbolic problems, otherwise only when the numerator is polynomial in ``var``
    (transcendental equations go to the numeric fallback of the caller)."""
    num = sp.numer(sp.together(expr))
    if not symbolic and not num.is_polynomial(var):
        return []
    try:
        return list(sp.solve(num, var))
    except (NotImplementedError, ValueError):
        return []


def _in_range(value: Any, lo: Any, hi: Any) -> bool:
    value = sp.sympify(value)
    if value.is_real is False:
        return False
    a, b = le(lo, value), le(value, hi)
    return a is not False and b is not False


def transferable_utility(surplus: Any, lo: Any = 0, hi: Any = None) -> PolygonFrontier:
    """The transferable-utility frontier ``u1 + u2 = surplus`` (as a two-vertex polygon).

    Parameters
    ----------
    surplus : number
        Joint surplus ``J``.
    lo, hi : number, optional
        Range of player 1's payoff (default ``[0, J]``: nobody gets less than zero).

    Examples
    --------
    >>> transferable_utility(Fraction(8, 3)).vertices
    ((0, 8/3), (8/3, 0))
    >>> transferable_utility(2, lo=-1, hi=3).vertices
    ((-1, 3), (3, -1))
    """
    j = as_number(surplus, "surplus")
    if j.free_symbols:
        raise ValueError("surplus must be a number; use curve_frontier(J - u, u, ...) for symbols")
    a = as_number(lo, "lo")
    b = j if hi is None else as_number(hi, "hi")
    if not lt(a, b):
        raise ValueError(f"lo must be below hi (got lo={lo}, hi={b})")
    return PolygonFrontier([(a, j - a), (b, j - b)], is_exact_number(j, a, b))


def polygon_frontier(points: Any) -> PolygonFrontier:
    """Pareto frontier of the convex, comprehensive hull of payoff pairs.

    Parameters
    ----------
    points : array_like, shape (k, 2)
        Feasible outcomes (ints, ``Fraction``, sympy rationals: exact; floats: float).

    Returns
    -------
    PolygonFrontier
        Vertices from player 2's best outcome to player 1's best, strictly decreasing.

    Raises
    ------
    ValueError
        Empty or mis-shaped input.

    Examples
    --------
    Payoff pairs of Battle of the Sexes; the lotteries between (3, 2) and (2, 3) form the
    frontier, (0, 0) is dominated:

    >>> polygon_frontier([(3, 2), (0, 0), (0, 0), (2, 3)]).vertices
    ((2, 3), (3, 2))
    """
    if isinstance(points, np.ndarray):
        points = points.tolist()
    if isinstance(points, str) or not isinstance(points, Sequence) or len(points) == 0:
        raise ValueError("points must be a non-empty sequence of payoff pairs (u1, u2)")
    pts = [as_pair(p, f"points[{k}]") for k, p in enumerate(points)]
    for k, p in enumerate(pts):
        if any(v.free_symbols for v in p):
            raise ValueError(f"points[{k}] has symbols; polygon frontiers need numbers")
    exact = is_exact_number(*(v for p in pts for v in p))
    if exact:
        keyed: list[tuple[Any, Any]] = [
            (Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q))) for a, b in pts
        ]
    else:
        keyed = [(float(a), float(b)) for a, b in pts]
    best: dict[Any, Any] = {}
    for a, b in keyed:  # free disposal: for each u1 keep the largest u2
        if a not in best or b > best[a]:
            best[a] = b
    xs = sorted(best)
    hull: list[tuple[Any, Any]] = []
    for x in xs:  # upper hull, left to right (right turns only)
        p = (x, best[x])
        while len(hull) >= 2:
            (ax, ay), (bx, by) = hull[-2], hull[-1]
            if (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) >= 0:
                hull.pop()
            else:
                break
        hull.append(p)
    top = max(y for _, y in hull)
    start = max(k for k, (_, y) in enumerate(hull) if y == top)
    frontier = hull[start:]
    conv = (lambda v: sp.Rational(v.numerator, v.denominator)) if exact else sp.Float
    return PolygonFrontier([(conv(a), conv(b)) for a, b in frontier], exact)


def curve_frontier(expr: Any, symbol: sp.Symbol, bounds: Sequence[Any]) -> CurveFrontier:
    """Frontier ``u2 = expr`` as a function of player 1's payoff ``symbol``.

    Parameters
    ----------
    expr : sympy expression
        ``f(u1)``, decreasing and concave on ``bounds`` (checked at a grid of points when
        the frontier has no free parameters).
    symbol : sympy.Symbol
        Player 1's payoff in ``expr``.
    bounds : (lo, hi)
        Range of player 1's payoff on the frontier.

    Raises
    ------
    TypeError, ValueError
        A non-sympy frontier, ``lo >= hi``, or a frontier that increases or is convex.

    Examples
    --------
    >>> import sympy as sp
    >>> u, J = sp.symbols("u J", positive=True)
    >>> curve_frontier(J - u, u, (0, J)).free_symbols
    {J}
    >>> curve_frontier(u**2, u, (0, 1))
    Traceback (most recent call last):
    ...
    ValueError: the frontier must be decreasing in u1: u**2 increases on [0, 1]
    """
    if not isinstance(symbol, sp.Symbol):
        raise TypeError(f"symbol must be a sympy Symbol, got {symbol!r}")
    expr = as_number(expr, "expr")
    if len(bounds) != 2:
        raise ValueError("bounds must be (lo, hi)")
    lo, hi = as_number(bounds[0], "bounds[0]"), as_number(bounds[1], "bounds[1]")
    if lt(lo, hi) is False:
        raise ValueError(f"bounds must satisfy lo < hi, got {bounds}")
    fr = CurveFrontier(expr, symbol, lo, hi)
    if not fr.free_symbols:
        f1 = sp.lambdify(symbol, sp.diff(expr, symbol), "numpy")
        f2 = sp.lambdify(symbol, sp.diff(expr, symbol, 2), "numpy")
        grid = np.linspace(float(lo), float(hi), 41)[1:-1]
        d1 = np.broadcast_to(np.asarray(f1(grid), dtype=float), grid.shape)
        d2 = np.broadcast_to(np.asarray(f2(grid), dtype=float), grid.shape)
        if np.any(d1 > 1e-12):
            raise ValueError(
                f"the frontier must be decreasing in u1: {expr} increases on [{lo}, {hi}]"
            )
        if np.any(d2 > 1e-9):
            raise ValueError(
                f"the frontier must be concave (a convex feasible set): {expr} is convex "
                f"somewhere on [{lo}, {hi}]; use polygon_frontier on its points instead"
            )
    return fr
