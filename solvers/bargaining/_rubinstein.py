r"""Rubinstein's (1982) alternating-offers game and its limit as offers speed up.

Two players alternate proposals over a frontier :math:`u_2 = f(u_1)`; after a rejection the
game moves to the next period and payoffs above the impasse point :math:`d` are discounted
by :math:`\delta_i`. The unique subgame-perfect equilibrium is stationary: player 1 always
proposes :math:`x`, player 2 always proposes :math:`y`, and each proposal leaves the
responder indifferent between accepting and waiting for its own proposal:

.. math:: x_2 - d_2 = \delta_2 (y_2 - d_2), \qquad y_1 - d_1 = \delta_1 (x_1 - d_1).

The first offer is accepted. Splitting a pie (:math:`u_1 + u_2 = 1`, :math:`d = 0`), the
first proposer gets :math:`(1 - \delta_2)/(1 - \delta_1 \delta_2)`. With
:math:`\delta_i = e^{-r_i \Delta}` and :math:`\Delta \to 0` both proposals converge to the
weighted Nash solution with weights :math:`w_i = r_j/(r_1 + r_2)`: the more patient player
gets more (Binmore, Rubinstein & Wolinsky 1986).

Examples
--------
>>> from fractions import Fraction as F
>>> from solvers.bargaining import rubinstein
>>> rubinstein(F(9, 10), F(9, 10)).payoffs
(10/19, 9/19)
>>> rubinstein(F(9, 10), F(4, 5)).payoffs[0]
5/7
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from solvers.bargaining._frontier import (
    CurveFrontier,
    Frontier,
    PolygonFrontier,
    as_number,
    as_pair,
    is_exact_number,
    le,
    lt,
    output,
    solve_for,
    transferable_utility,
)
from solvers.bargaining._nash import nash_solution
from solvers.bargaining._result import BargainingSolution

__all__ = ["discount_factors", "limit_weights", "rubinstein", "rubinstein_limit"]


def _delta(value: Any, name: str) -> sp.Expr:
    v = as_number(value, name)
    if le(0, v) is False or lt(v, 1) is False:
        raise ValueError(f"{name} must be a discount factor in [0, 1), got {value!r}")
    return v


def discount_factors(rates: Sequence[Any], period: Any) -> tuple[sp.Expr, sp.Expr]:
    """Per-period discount factors ``exp(-r_i * period)`` for discount rates ``r_i``.

    Examples
    --------
    >>> discount_factors((1, 2), 0)
    (1, 1)
    >>> [round(float(d), 6) for d in discount_factors((0.05, 0.1), 1)]
    [0.951229, 0.904837]
    """
    r1, r2 = as_pair(rates, "rates")
    dt = as_number(period, "period")
    if lt(dt, 0):
        raise ValueError(f"period must be non-negative, got {period!r}")
    return sp.exp(-r1 * dt), sp.exp(-r2 * dt)


def limit_weights(rates: Sequence[Any]) -> tuple[sp.Expr, sp.Expr]:
    """Bargaining weights of the fast-offer limit: ``w_i = r_j / (r_1 + r_2)``.

    Examples
    --------
    >>> limit_weights((1, 3))
    (3/4, 1/4)
    """
    r1, r2 = as_pair(rates, "rates")
    if lt(0, r1) is False or lt(0, r2) is False:
        raise ValueError(f"discount rates must be positive, got {tuple(rates)}")
    return sp.simplify(r2 / (r1 + r2)), sp.simplify(r1 / (r1 + r2))


def _polygon_root(fr: PolygonFrontier, d: tuple, d1f: sp.Expr, d2f: sp.Expr) -> sp.Expr:
    """Player 1's proposal x1: root of h(x) = F(x) - d2 - delta2 (F(y(x)) - d2)."""
    dd1, dd2 = d

    def h(x: sp.Expr) -> sp.Expr:
        y = dd1 + d1f * (x - dd1)
        return fr.upper(x) - dd2 - d2f * (fr.upper(y) - dd2)

    a1 = fr.upper_inverse(dd2)
    lo = dd1
    pts = {lo, a1}
    for x, _ in fr.vertices:
        for cand in (x, dd1 + (x - dd1) / d1f if d1f != 0 else None):
            if cand is not None and lt(lo, cand) and lt(cand, a1):
                pts.add(cand)
    xs = sorted(pts, key=lambda v: float(v))
    hs = [h(x) for x in xs]
    for k in range(len(xs) - 1):
        if le(hs[k + 1], 0):
            return xs[k] + (xs[k + 1] - xs[k]) * hs[k] / (hs[k] - hs[k + 1])
    return a1  # pragma: no cover - h(a1) <= 0 always


def _curve_root(fr: CurveFrontier, d: tuple, d1f: sp.Expr, d2f: sp.Expr) -> tuple[Any, list]:
    x = sp.Dummy("x")
    dd1, dd2 = d
    y = dd1 + d1f * (x - dd1)
    eq = fr.expr.subs(fr.symbol, x) - dd2 - d2f * (fr.expr.subs(fr.symbol, y) - dd2)
    symbolic = bool(fr.free_symbols or any(sp.sympify(v).free_symbols for v in (*d, d1f, d2f)))
    roots = solve_for(eq, x, symbolic)
    good = []
    for r in roots:
        if sp.sympify(r).is_real is False:
            continue
        yr = y.subs(x, r)
        if any(c is False for c in (lt(dd1, r), le(r, fr.hi), le(fr.lo, yr))):
            continue
        good.append(sp.simplify(r))
    if len(good) == 1:
        return good[0], []
    if symbolic:
        raise ValueError("Rubinstein proposals are not unique in symbols; bind the parameters")
    from scipy.optimize import brentq

    f = sp.lambdify(x, eq, "math")
    lo = float(max(dd1, fr.lo)) if d1f == 0 else float(max(dd1, dd1 + (fr.lo - dd1) / d1f))
    hi = float(fr.upper_inverse(dd2))
    return sp.Float(brentq(f, lo, hi, xtol=1e-15)), ["proposals solved numerically (Brent)"]


def rubinstein(
    delta1: Any,
    delta2: Any,
    frontier: Frontier | None = None,
    disagreement: Sequence[Any] = (0, 0),
    proposer: int = 0,
) -> BargainingSolution:
    """Subgame-perfect outcome of Rubinstein's alternating-offers game.

    Parameters
    ----------
    delta1, delta2 : number in [0, 1)
        Per-period discount factors (symbols allowed for the pie).
    frontier : Frontier, optional
        Default: a unit pie, ``u1 + u2 = 1`` on ``[0, 1]``.
    disagreement : (d1, d2), default (0, 0)
        Impasse payoffs (received while talks go on / if they never end).
    proposer : {0, 1}
        Who makes the first offer.

    Returns
    -------
    BargainingSolution
        ``payoffs`` is the first proposer's offer, accepted at once; ``details`` has
        ``proposals`` (player 1's ``x`` and player 2's ``y``), ``deltas``, ``proposer``.

    Examples
    --------
    >>> import sympy as sp
    >>> d1, d2 = sp.symbols("delta1 delta2", positive=True)
    >>> rubinstein(d1, d2).payoffs[0]
    (delta2 - 1)/(delta1*delta2 - 1)
    >>> from fractions import Fraction as F
    >>> rubinstein(F(1, 2), F(1, 2), proposer=1).payoffs
    (1/3, 2/3)
    """
    if proposer not in (0, 1):
        raise ValueError(f"proposer must be 0 or 1, got {proposer!r}")
    df1 = _delta(delta1, "delta1") if not sp.sympify(delta1).free_symbols else sp.sympify(delta1)
    df2 = _delta(delta2, "delta2") if not sp.sympify(delta2).free_symbols else sp.sympify(delta2)
    d = as_pair(disagreement, "disagreement")
    notes: list[str] = []
    if frontier is None:
        frontier = transferable_utility(1)
        if d == (0, 0):
            den = 1 - df1 * df2
            x = (sp.simplify((1 - df2) / den), sp.simplify(df2 * (1 - df1) / den))
            y = (sp.simplify(df1 * (1 - df2) / den), sp.simplify((1 - df1) / den))
            return _result(x, y, d, df1, df2, proposer, frontier.exact, notes)
    if frontier.contains(d) is False:
        raise ValueError(f"disagreement point {tuple(disagreement)} is not feasible")
    if frontier.strictly_improvable(d) is False:
        return _result(
            d, d, d, df1, df2, proposer, frontier.exact, ["no gains from trade"], agreement=False
        )
    if isinstance(frontier, PolygonFrontier):
        x1 = _polygon_root(frontier, d, df1, df2)
    else:
        x1, notes = _curve_root(frontier, d, df1, df2)  # type: ignore[arg-type]
    y1 = d[0] + df1 * (x1 - d[0])
    x = (x1, frontier.upper(x1))
    y = (y1, frontier.upper(y1))
    return _result(x, y, d, df1, df2, proposer, frontier.exact, notes)


def _result(x, y, d, df1, df2, proposer, exact, notes, agreement=True) -> BargainingSolution:
    exact = exact and is_exact_number(*x, *y, *d, df1, df2)
    out = (x, y)[proposer]
    return BargainingSolution(
        payoffs=tuple(output(v, exact) for v in out),
        disagreement=tuple(output(v, exact) for v in d),
        method="rubinstein",
        exact=exact,
        agreement=agreement,
        details={
            "proposals": (
                tuple(output(v, exact) for v in x),
                tuple(output(v, exact) for v in y),
            ),
            "deltas": (output(df1, exact), output(df2, exact)),
            "proposer": proposer,
        },
        notes=tuple(notes),
    )


def rubinstein_limit(
    rates: Sequence[Any],
    frontier: Frontier | None = None,
    disagreement: Sequence[Any] = (0, 0),
) -> BargainingSolution:
    """Limit of Rubinstein's outcome as the period length goes to zero.

    With ``delta_i = exp(-r_i * period)`` both players' proposals converge to the weighted
    Nash solution with weights ``r_j/(r_1 + r_2)`` (Binmore, Rubinstein & Wolinsky 1986).

    Parameters
    ----------
    rates : (r1, r2)
        Positive discount rates.
    frontier : Frontier, optional
        Default: the unit pie.
    disagreement : (d1, d2), default (0, 0)

    Examples
    --------
    >>> rubinstein_limit((1, 3)).payoffs     # the patient player 1 gets 3/4 of the pie
    (3/4, 1/4)
    """
    w = limit_weights(rates)
    fr = transferable_utility(1) if frontier is None else frontier
    return nash_solution(fr, disagreement, w, method="rubinstein limit (asymmetric nash)")
