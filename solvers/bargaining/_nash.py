r"""Nash's bargaining solution, symmetric and weighted (generalized).

Given a convex comprehensive feasible set :math:`S` with Pareto frontier
:math:`u_2 = f(u_1)` and a disagreement point :math:`d`, the (weighted) Nash bargaining
solution maximizes the Nash product

.. math:: (u_1 - d_1)^{w_1} (u_2 - d_2)^{w_2}, \qquad u \in S,\; u > d,

with :math:`w_1 + w_2 = 1` (Nash 1950; the weighted form is the one obtained as the limit
of Rubinstein's game, Binmore, Rubinstein & Wolinsky 1986). On the frontier the first-order
condition is :math:`w_1 (f(u_1) - d_2) + w_2 f'(u_1) (u_1 - d_1) = 0`; on a line
:math:`u_2 = a - s u_1` it gives :math:`u_1 = w_1 (a - d_2)/s + w_2 d_1`, and with
transferable utility (:math:`s = 1`) each player gets its disagreement payoff plus its
weight times the surplus. The log Nash product is strictly concave along a concave
frontier, so the maximizer is unique.

* polygons: the stationary point of each segment (clipped to the segment) and the vertices
  are compared; exact with rational data and rational weights;
* curves: the first-order condition is solved with sympy (symbolic parameters allowed);
  numerically (bounded Brent) if sympy cannot.

Examples
--------
>>> from fractions import Fraction
>>> from solvers.bargaining import nash_solution, transferable_utility
>>> nash_solution(transferable_utility(10), (2, 4)).payoffs
(4, 6)
>>> w = (Fraction(3, 4), Fraction(1, 4))
>>> nash_solution(transferable_utility(10), (2, 4), weights=w).payoffs
(5, 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from solvers.bargaining._frontier import (
    CurveFrontier,
    Frontier,
    PolygonFrontier,
    as_pair,
    is_exact_number,
    le,
    lt,
    output,
    solve_for,
)
from solvers.bargaining._result import BargainingSolution

__all__ = ["nash_product", "nash_solution", "normalize_weights"]


def normalize_weights(weights: Sequence[Any] | None) -> tuple[sp.Expr, sp.Expr]:
    """Bargaining weights ``(w1, w2)`` scaled to sum to one (default equal weights).

    Examples
    --------
    >>> normalize_weights((1, 3)), normalize_weights(None)
    ((1/4, 3/4), (1/2, 1/2))
    >>> normalize_weights((1, -1))
    Traceback (most recent call last):
    ...
    ValueError: weights must be positive, got (1, -1)
    """
    if weights is None:
        return sp.Rational(1, 2), sp.Rational(1, 2)
    w1, w2 = as_pair(weights, "weights")
    if lt(0, w1) is False or lt(0, w2) is False:
        raise ValueError(f"weights must be positive, got {tuple(weights)}")
    total = w1 + w2
    return sp.simplify(w1 / total), sp.simplify(w2 / total)


def nash_product(point: Sequence[Any], disagreement: Sequence[Any], weights: Any = None) -> Any:
    """The weighted Nash product ``(u1 - d1)**w1 * (u2 - d2)**w2`` (weights sum to one).

    Examples
    --------
    >>> nash_product((4, 6), (2, 4))
    2
    """
    w1, w2 = normalize_weights(weights)
    (u1, u2), (d1, d2) = as_pair(point, "point"), as_pair(disagreement, "disagreement")
    return sp.simplify((u1 - d1) ** w1 * (u2 - d2) ** w2)


def _log_product(u1: Any, u2: Any, d: tuple, w: tuple) -> float:
    g1, g2 = sp.N(u1 - d[0], 30), sp.N(u2 - d[1], 30)
    if g1 <= 0 or g2 <= 0:
        return float("-inf")
    return float(sp.N(w[0] * sp.log(g1) + w[1] * sp.log(g2), 30))


def _polygon_nash(fr: PolygonFrontier, d: tuple, w: tuple) -> tuple[Any, Any]:
    d1, d2 = d
    cands = [(x, y) for x, y in fr.vertices if lt(d1, x) and lt(d2, y)]
    for (x0, y0), (x1, y1) in fr.segments:
        s = -(y1 - y0) / (x1 - x0)
        a0 = y0 + s * x0
        u = w[0] * (a0 - d2) / s + w[1] * d1
        if le(x0, u) and le(u, x1):
            v = a0 - s * u
            if lt(d1, u) and lt(d2, v):
                cands.append((u, v))
    if not cands:  # only when the frontier is a single vertex above d
        x, y = fr.vertices[0]
        cands = [(fr.upper_inverse(d2), fr.upper(d1))] if len(fr.vertices) > 1 else [(x, y)]
    return max(cands, key=lambda p: _log_product(p[0], p[1], d, w))


def _curve_nash(fr: CurveFrontier, d: tuple, w: tuple) -> tuple[tuple[Any, Any], list[str]]:
    u = fr.symbol
    d1, d2 = d
    foc = w[0] * (fr.expr - d2) + w[1] * fr.derivative() * (u - d1)
    notes: list[str] = []
    symbolic = bool(fr.free_symbols | set().union(*(sp.sympify(v).free_symbols for v in (*d, *w))))
    roots = solve_for(foc, u, symbolic)
    good = []
    for r in roots:
        if sp.sympify(r).is_real is False:
            continue
        if r.free_symbols - (
            fr.free_symbols | {s for v in (*d, *w) for s in sp.sympify(v).free_symbols}
        ):
            continue
        checks = (le(fr.lo, r), le(r, fr.hi), lt(d1, r), lt(d2, fr.expr.subs(u, r)))
        if any(c is False for c in checks):
            continue
        good.append(r)
    if symbolic:
        if len(good) != 1:
            raise ValueError(
                f"the Nash solution of the frontier {fr.expr} is not unique in symbols "
                f"({len(good)} stationary points sympy cannot tell apart); bind the parameters"
            )
        notes.append("symbolic: the stationary point is assumed interior for the parameters")
        r = sp.simplify(good[0])
        return (r, sp.simplify(fr.expr.subs(u, r))), notes
    lo = fr.lo if le(d1, fr.lo) else d1
    hi = fr.upper_inverse(d2)
    cands = [(r, fr.expr.subs(u, r)) for r in good]
    if not cands:
        from scipy.optimize import minimize_scalar

        f = sp.lambdify(u, fr.expr, "math")
        w1, w2, dd1, dd2 = (float(v) for v in (*w, d1, d2))

        def neg(x: float) -> float:
            g2 = f(x) - dd2
            g1 = x - dd1
            if g1 <= 0 or g2 <= 0:
                return 1e300
            import math

            return -(w1 * math.log(g1) + w2 * math.log(g2))

        res = minimize_scalar(
            neg, bounds=(float(lo), float(hi)), method="bounded", options={"xatol": 1e-13}
        )
        cands = [(sp.Float(res.x), sp.Float(f(res.x)))]
        notes.append("first-order condition solved numerically (bounded Brent)")
    return max(cands, key=lambda p: _log_product(p[0], p[1], d, w)), notes


def nash_solution(
    frontier: Frontier,
    disagreement: Sequence[Any] = (0, 0),
    weights: Sequence[Any] | None = None,
    *,
    method: str | None = None,
) -> BargainingSolution:
    """Nash bargaining solution (weighted if ``weights`` are given).

    Parameters
    ----------
    frontier : Frontier
        From :func:`polygon_frontier`, :func:`curve_frontier` or
        :func:`transferable_utility`.
    disagreement : (d1, d2), default (0, 0)
        Threat (disagreement) point; it must be feasible.
    weights : (w1, w2), optional
        Positive bargaining weights (scaled to sum to one; default equal).
    method : str, optional
        Label recorded in the result (default ``"nash"`` or ``"weighted nash"``).

    Returns
    -------
    BargainingSolution
        ``agreement=False`` (payoffs = ``d``) when no feasible outcome gives both
        players strictly more than ``d``.

    Raises
    ------
    ValueError
        If ``d`` is not feasible.

    Examples
    --------
    A linear frontier ``u2 = 1 - u1/2`` (player 1's payoff is cheap to give up): the Nash
    solution splits the gains so that ``u1 s = u2`` at ``d = 0``:

    >>> from solvers.bargaining import polygon_frontier
    >>> nash_solution(polygon_frontier([(0, 1), (2, 0)])).payoffs
    (1, 1/2)
    """
    d = as_pair(disagreement, "disagreement")
    w = normalize_weights(weights)
    label = method or ("nash" if w[0] == w[1] else "weighted nash")
    exact = frontier.exact and is_exact_number(*d, *w)
    if frontier.contains(d) is False:
        raise ValueError(f"disagreement point {tuple(disagreement)} is not feasible")
    if frontier.strictly_improvable(d) is False:
        return BargainingSolution(
            payoffs=tuple(output(v, exact) for v in d),
            disagreement=tuple(output(v, exact) for v in d),
            method=label,
            exact=exact,
            weights=tuple(output(v, exact) for v in w),
            agreement=False,
            notes=("no outcome is better for both than the disagreement point",),
        )
    notes: list[str] = []
    if isinstance(frontier, PolygonFrontier):
        point = _polygon_nash(frontier, d, w)
    elif isinstance(frontier, CurveFrontier):
        point, notes = _curve_nash(frontier, d, w)
    else:  # pragma: no cover - only two kinds exist
        raise TypeError(f"unknown frontier type {type(frontier).__name__}")
    exact = exact and is_exact_number(*point)
    return BargainingSolution(
        payoffs=tuple(output(v, exact) for v in point),
        disagreement=tuple(output(v, exact) for v in d),
        method=label,
        exact=exact,
        weights=tuple(output(v, exact) for v in w),
        notes=tuple(notes),
    )
