r"""Global maximum of a function of one variable over an interval, numeric and exact.

:func:`maximize_1d` evaluates a vectorized :math:`f` on a dense grid over
:math:`[\ell, h]` (geometric towards infinite ends) and refines the best cells by bounded
Brent steps; it also returns the range of :math:`f`, the scale of regret tolerances.
:func:`exact_max_on_interval` compares :math:`g` at the real roots of :math:`g'` (when
its numerator is a polynomial), at the finite ends and in the limit at infinite ends.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np
import scipy.optimize as so
import sympy as sp

from solvers._numbers import le, real_value, sign

__all__ = ["exact_max_on_interval", "maximize_1d"]


def maximize_1d(
    f: Callable[[np.ndarray], np.ndarray],
    lo: float,
    hi: float,
    hint: float | None = None,
    points: int = 401,
) -> tuple[float, float, float]:
    """Global maximum of a vectorized function of one variable on ``[lo, hi]``.

    A dense grid (geometric towards infinite ends) locates the best cells, then bounded
    Brent steps refine them. NaN counts as minus infinity.

    Returns
    -------
    (argmax, max, scale)
        ``scale`` is the range of finite values over the interval (infinite ends cut to a
        window of width ``max(1, |hint|)``), used for scale-aware tolerances. ``max`` is
        ``inf`` when the function grows without bound towards an infinite end.

    Examples
    --------
    >>> import numpy as np
    >>> x, v, _ = maximize_1d(lambda t: np.sin(t) - t**2 / 20, -10.0, 10.0)
    >>> round(x, 6), round(v, 6)
    (1.427552, 0.887863)
    """
    c = 0.0 if hint is None else float(hint)
    if not math.isfinite(lo):
        c = c if math.isfinite(c) else 0.0
    width = max(1.0, abs(c))
    grid = []
    if math.isfinite(lo) and math.isfinite(hi):
        grid.append(np.linspace(lo, hi, points))
    else:
        steps = width * np.geomspace(1e-6, 1e9, points // 2)
        left = c - steps if not math.isfinite(lo) else np.linspace(lo, max(lo, c), points // 4)
        right = c + steps if not math.isfinite(hi) else np.linspace(min(hi, c), hi, points // 4)
        if math.isfinite(lo) and c < lo:
            left = np.array([lo])
        grid += [left, right, np.linspace(c - width, c + width, 41)]
    if hint is not None:
        grid.append(np.array([c]))
    t = np.unique(np.clip(np.concatenate(grid), lo, hi))
    t = t[np.isfinite(t)]

    def safe(z):
        with np.errstate(all="ignore"):
            v = np.asarray(f(z), dtype=complex if False else float)
        v = np.broadcast_to(v, np.shape(z)).astype(float)
        return np.where(np.isnan(v), -np.inf, v)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals = safe(t)
    # scale over the natural window
    wl, wh = max(lo, c - width), min(hi, c + width)
    if math.isfinite(lo) and math.isfinite(hi):
        wl, wh = lo, hi
    in_win = (t >= wl) & (t <= wh) & np.isfinite(vals)
    scale = float(np.ptp(vals[in_win])) if in_win.sum() > 1 else 0.0
    if not np.isfinite(vals).any() and not np.any(vals == np.inf):
        return c, -math.inf, 1.0
    if np.any(vals == np.inf):
        k = int(np.argmax(vals))
        return float(t[k]), math.inf, max(scale, 1.0)
    k0 = int(np.argmax(vals))
    best_x, best_v = float(t[k0]), float(vals[k0])
    # unbounded growth towards an infinite end
    if (k0 == len(t) - 1 and not math.isfinite(hi)) or (k0 == 0 and not math.isfinite(lo)):
        far = best_x + (1e6 if k0 else -1e6) * max(1.0, abs(best_x))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            far_v = float(safe(np.array([far]))[0])
        if far_v > best_v:
            return far, math.inf, max(scale, 1.0)
    order = np.argsort(vals)[::-1]
    refine = [int(k) for k in order[:4] if np.isfinite(vals[k])]
    for k in refine:
        a = float(t[max(k - 1, 0)])
        b = float(t[min(k + 1, len(t) - 1)])
        if b <= a:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = so.minimize_scalar(
                lambda z: -float(safe(np.array([z]))[0]),
                bounds=(a, b),
                method="bounded",
                options={"xatol": 1e-14 * max(1.0, abs(a), abs(b)), "maxiter": 500},
            )
        if np.isfinite(res.fun) and -res.fun > best_v:
            best_x, best_v = float(res.x), float(-res.fun)
    if scale == 0.0:
        scale = abs(best_v) if np.isfinite(best_v) and best_v != 0 else 1.0
    return best_x, best_v, scale


def _real_roots(poly: sp.Poly, t: sp.Symbol) -> list[sp.Expr] | None:
    """Exact real roots (rational coefficients: CRootOf; algebraic ones: radicals)."""
    try:
        return list(sp.real_roots(poly))
    except (sp.PolynomialError, NotImplementedError, sp.DomainError):
        pass
    if poly.degree() > 4:
        return None
    try:
        sols = sp.solve(poly.as_expr(), t)
    except NotImplementedError:
        return None
    out = []
    for r in sols:
        v = real_value(sp.sympify(r))
        if v is not None:
            out.append(v)
    return out


def exact_max_on_interval(g: sp.Expr, t: sp.Symbol, lo: sp.Expr, hi: sp.Expr):
    """Exact ``(argmax, max)`` of ``g(t)`` over ``[lo, hi]``, or ``None`` if undecided.

    Candidates are the real roots of the derivative's numerator (polynomial case only),
    the finite bounds (one-sided limits where ``g`` is undefined there) and the limits at
    infinite ends; a pole inside the interval gives ``None``.
    """
    d = sp.diff(g, t)
    num, den = sp.together(d).as_numer_denom()
    cands: list[tuple[sp.Expr, sp.Expr]] = []
    try:
        pnum = sp.Poly(num, t)
        pden = sp.Poly(den, t)
    except sp.PolynomialError:
        return None
    if pnum.degree() > 12 or pden.degree() > 12:
        return None
    roots = _real_roots(pnum, t) if pnum.degree() > 0 and not pnum.is_zero else []
    poles = _real_roots(pden, t) if pden.degree() > 0 else []
    if roots is None or poles is None:
        return None
    for r in poles:
        if le(lo, r) and le(r, hi) and r not in (lo, hi):
            return None  # singularity inside: leave it to the numeric check
    for r in roots:
        if le(lo, r) and le(r, hi):
            cands.append((r, g.xreplace({t: r})))
    for b, direction in ((lo, "+"), (hi, "-")):
        if b.is_finite:
            v = g.xreplace({t: b})
            if v.has(sp.zoo, sp.nan) or v.is_finite is False:
                v = sp.limit(g, t, b, dir=direction)
            cands.append((b, v))
        else:
            try:
                v = sp.limit(g, t, b)
            except (NotImplementedError, ValueError):
                return None
            cands.append((b, v))
    best = None
    for x, v in cands:
        if v.has(sp.zoo, sp.nan, sp.I) and v.is_real is not True:
            if v in (-sp.oo,):
                continue
            return None
        if best is None:
            best = (x, v)
            continue
        s = (
            sign(v - best[1])
            if v.is_finite and best[1].is_finite
            else (1 if v == sp.oo or best[1] == -sp.oo else (-1 if v == -sp.oo else 0))
        )
        if s is None:
            return None
        if s > 0:
            best = (x, v)
    return best
