r"""The Kalai-Smorodinsky solution: equal proportional gains toward the ideal point.

With ideal point :math:`a_i = \max\{u_i : u \in S, u_j \ge d_j\}`, the Kalai-Smorodinsky
(1975) solution is the Pareto-optimal point on the segment from :math:`d` to :math:`a`:
:math:`u = d + t^*(a - d)` with the largest feasible :math:`t^*`. It replaces Nash's
independence of irrelevant alternatives by individual monotonicity.

Examples
--------
>>> from solvers.bargaining import kalai_smorodinsky, polygon_frontier
>>> s = kalai_smorodinsky(polygon_frontier([(0, 1), (2, 0)]))
>>> s.payoffs, s.details["ideal"]
((1, 1/2), (2, 1))
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

__all__ = ["kalai_smorodinsky"]


def _polygon_t(fr: PolygonFrontier, d: tuple, a: tuple) -> sp.Expr:
    d1, d2 = d
    span1, span2 = a[0] - d1, a[1] - d2

    def g(t: sp.Expr) -> sp.Expr:
        return fr.upper(d1 + t * span1) - (d2 + t * span2)

    ts = {sp.Integer(0), sp.Integer(1)}
    for x, _ in fr.vertices:
        t = (x - d1) / span1
        if lt(0, t) and lt(t, 1):
            ts.add(t)
    ts_sorted = sorted(ts, key=lambda v: float(v))
    vals = [g(t) for t in ts_sorted]
    for (t0, g0), (t1, g1) in zip(
        zip(ts_sorted, vals, strict=True), zip(ts_sorted[1:], vals[1:], strict=True), strict=False
    ):
        if le(g1, 0):
            return t0 + (t1 - t0) * g0 / (g0 - g1)
    return sp.Integer(1)  # pragma: no cover - g(1) <= 0 always


def _curve_t(fr: CurveFrontier, d: tuple, a: tuple) -> tuple[sp.Expr, list[str]]:
    t = sp.Dummy("t")
    d1, d2 = d
    u1 = d1 + t * (a[0] - d1)
    eq = fr.expr.subs(fr.symbol, u1) - (d2 + t * (a[1] - d2))
    symbolic = bool(fr.free_symbols or any(sp.sympify(v).free_symbols for v in (*d, *a)))
    roots = solve_for(eq, t, symbolic)
    good = []
    for r in roots:
        if sp.sympify(r).is_real is False:
            continue
        x = u1.subs(t, r)
        checks = (lt(0, r), le(r, 1), le(fr.lo, x), le(x, fr.hi))
        if any(c is False for c in checks):
            continue
        good.append(sp.simplify(r))
    if len(good) == 1:
        return good[0], []
    if fr.free_symbols or any(sp.sympify(v).free_symbols for v in (*d, *a)):
        raise ValueError("the Kalai-Smorodinsky point is not unique in symbols; bind parameters")
    from scipy.optimize import brentq

    f = sp.lambdify(t, eq, "math")
    lo = float(max(0, (fr.lo - d1) / (a[0] - d1))) if lt(d1, fr.lo) else 0.0
    return sp.Float(brentq(f, lo, 1.0, xtol=1e-15)), ["solved numerically (Brent)"]


def kalai_smorodinsky(
    frontier: Frontier, disagreement: Sequence[Any] = (0, 0)
) -> BargainingSolution:
    """Kalai-Smorodinsky solution of the problem ``(frontier, disagreement)``.

    Parameters
    ----------
    frontier : Frontier
    disagreement : (d1, d2), default (0, 0)

    Returns
    -------
    BargainingSolution
        ``details["ideal"]`` is the ideal point, ``details["t"]`` the fraction of the
        way from ``d`` to it.

    Raises
    ------
    ValueError
        If ``d`` is not feasible.

    Examples
    --------
    On the frontier ``u2 = 1 - u1**2`` the ideal point is (1, 1), so the solution lies on
    the diagonal: ``u = 1 - u**2``, ``u = (sqrt(5) - 1)/2``:

    >>> import sympy as sp
    >>> from solvers.bargaining import curve_frontier
    >>> u = sp.Symbol("u")
    >>> kalai_smorodinsky(curve_frontier(1 - u**2, u, (0, 1))).payoffs
    (-1/2 + sqrt(5)/2, -1/2 + sqrt(5)/2)
    """
    d = as_pair(disagreement, "disagreement")
    if frontier.contains(d) is False:
        raise ValueError(f"disagreement point {tuple(disagreement)} is not feasible")
    exact = frontier.exact and is_exact_number(*d)
    if frontier.strictly_improvable(d) is False:
        return BargainingSolution(
            payoffs=tuple(output(v, exact) for v in d),
            disagreement=tuple(output(v, exact) for v in d),
            method="kalai-smorodinsky",
            exact=exact,
            agreement=False,
            notes=("no outcome is better for both than the disagreement point",),
        )
    a = frontier.ideal(d)
    notes: list[str] = []
    if isinstance(frontier, PolygonFrontier):
        t = _polygon_t(frontier, d, a)
    else:
        t, notes = _curve_t(frontier, d, a)  # type: ignore[arg-type]
    point = tuple(sp.simplify(di + t * (ai - di)) for di, ai in zip(d, a, strict=True))
    exact = exact and is_exact_number(*point)
    return BargainingSolution(
        payoffs=tuple(output(v, exact) for v in point),
        disagreement=tuple(output(v, exact) for v in d),
        method="kalai-smorodinsky",
        exact=exact,
        details={"ideal": tuple(output(v, exact) for v in a), "t": output(t, exact)},
        notes=tuple(notes),
    )
