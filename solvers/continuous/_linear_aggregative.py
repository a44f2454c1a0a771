r"""Aggregative games with linear, clipped replacement functions, solved exactly.

In an aggregative game each player's best reply depends on the others only through the
aggregate. Written in the *aggregate* :math:`X` (own strategy included), player *i*'s
replacement function is here

.. math:: r_i(X) = \min\bigl(h_i,\ \max(\ell_i,\ a_i - b_i X)\bigr), \qquad b_i \ge 0,

and an equilibrium is a fixed point :math:`X^* = c + \sum_i r_i(X^*)` (``c`` is a provision
outside the players' choices). The excess :math:`e(X) = c + \sum_i r_i(X) - X` is
piecewise linear with slope at most :math:`-1`, so the fixed point exists and is unique.
It is found by a binary search over the sorted breakpoints of the :math:`r_i` (one sort,
:math:`O(n \log n)` arithmetic) and the linear piece that holds it, solved exactly: with
``Fraction`` inputs the answer is exact, with floats it is vectorized.

The pure-public-good alliance model of Bergstrom, Blume & Varian (1986) is the leading
case: with Cobb-Douglas utility :math:`(1-a)\log(w_i - g_i) + a \log G`, ally *i*'s best
reply is :math:`g_i = \max(0, w_i - \frac{1-a}{a} G)`, i.e. :math:`a_i = w_i`,
:math:`b_i = (1-a)/a`, :math:`\ell_i = 0`, :math:`h_i = w_i`.

Examples
--------
BBV with incomes (10, 8, 2) and ``a = 1/2``: the two richest contribute 4 and 2, ``G = 6``.

>>> from fractions import Fraction as F
>>> eq = linear_aggregative_equilibrium([10, 8, 2], [1, 1, 1], lower=0, upper=[10, 8, 2])
>>> eq.aggregate, [str(x) for x in eq.strategies], eq.exact, eq.residual
(Fraction(6, 1), ['4', '2', '0'], True, Fraction(0, 1))
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from solvers._numbers import as_fraction
from solvers.continuous._aggregative import AggregativeEquilibrium

__all__ = ["linear_aggregative_equilibrium"]

METHOD = "linear_aggregative_equilibrium"


def _exact_number(value: Any) -> bool:
    return (isinstance(value, int | Fraction) and not isinstance(value, bool)) or (
        hasattr(value, "is_Rational") and bool(value.is_Rational)
    )


def _vector(value: Any, n: int, name: str, exact: bool) -> np.ndarray:
    arr = np.asarray(value, dtype=object if exact else float)
    if arr.ndim == 0:
        arr = np.full(n, arr.item() if exact else float(arr), dtype=arr.dtype)
    if arr.shape != (n,):
        raise ValueError(f"{name} must be a number or have {n} entries, got shape {arr.shape}")
    if exact:
        return np.array([as_fraction(v) for v in arr], dtype=object)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite")
    return arr


def linear_aggregative_equilibrium(
    intercepts: Sequence[Any],
    slopes: Sequence[Any] | Any,
    *,
    lower: Sequence[Any] | Any,
    upper: Sequence[Any] | Any,
    offset: Any = 0,
    players: Sequence[str] | None = None,
    exact: bool | None = None,
) -> AggregativeEquilibrium:
    r"""The unique equilibrium of an aggregative game with linear clipped replacements.

    Parameters
    ----------
    intercepts, slopes : sequence of numbers
        :math:`a_i` and :math:`b_i \ge 0` of :math:`r_i(X) = \mathrm{clip}(a_i - b_i X,
        \ell_i, h_i)`; a single slope applies to every player.
    lower, upper : number or sequence of numbers
        Bounds :math:`\ell_i \le h_i` of each player's strategy.
    offset : number, default 0
        Provision outside the players' choices, included in the aggregate.
    players : sequence of str, optional
        Names used by ``to_dict``, ``repr`` and ``latex``.
    exact : bool, optional
        Exact rational arithmetic; default: when every input is an int, ``Fraction`` or
        sympy rational.

    Returns
    -------
    AggregativeEquilibrium
        ``aggregate`` and ``strategies`` (``Fraction`` when exact), ``residual`` (the
        excess at the answer: exactly 0 when exact), ``unique=True`` (the excess is strictly
        decreasing), ``verified`` (the excess is zero, or within 64 ulps of the aggregate's
        scale in floats).

    Raises
    ------
    ValueError
        Negative slopes, ``lower > upper``, mismatched lengths or non-finite values.

    Examples
    --------
    The offset is a committed provision: a leader giving 7 leaves only ally 1 giving,
    ``G = (7 + 10) / 2``:

    >>> eq = linear_aggregative_equilibrium([10, 8, 2], 1, lower=0, upper=[10, 8, 2],
    ...                                     offset=7)
    >>> eq.aggregate, eq.contributors.tolist()
    (Fraction(17, 2), [0])

    Floats are vectorized (20,000 players take a few milliseconds):

    >>> import numpy as np
    >>> w = np.random.default_rng(0).uniform(1, 2, 20_000)
    >>> eq = linear_aggregative_equilibrium(w, 1.0, lower=0.0, upper=w)
    >>> eq.verified, eq.exact
    (True, False)
    """
    a_raw = list(intercepts)
    n = len(a_raw)
    if n == 0:
        raise ValueError("intercepts must name at least one player")
    flat = [*a_raw, *np.ravel(np.asarray(slopes, dtype=object)),
            *np.ravel(np.asarray(lower, dtype=object)),
            *np.ravel(np.asarray(upper, dtype=object)), offset]  # fmt: skip
    if exact is None:
        exact = all(_exact_number(v) for v in flat)
    a = _vector(a_raw, n, "intercepts", exact)
    b = _vector(slopes, n, "slopes", exact)
    lo = _vector(lower, n, "lower", exact)
    hi = _vector(upper, n, "upper", exact)
    c = as_fraction(offset) if exact else float(offset)
    if np.any(b < 0):
        raise ValueError("slopes must be >= 0 (non-increasing replacement functions)")
    if np.any(lo > hi):
        raise ValueError("lower must not exceed upper for any player")
    if players is not None and len(players) != n:
        raise ValueError(f"players must have {n} names, got {len(players)}")

    def replacement(X: Any) -> np.ndarray:
        raw = a - b * X
        if exact:
            return np.array([min(h, max(lw, r)) for r, lw, h in zip(raw, lo, hi, strict=True)],
                            dtype=object)  # fmt: skip
        return np.minimum(hi, np.maximum(lo, raw))

    def excess(X: Any) -> Any:
        r = replacement(X)
        return c + (sum(r, start=Fraction(0)) if exact else float(np.sum(r))) - X

    pos = b > 0
    kinks: Any
    if exact:
        kinks = sorted(
            {(ai - lw) / bi for ai, bi, lw, p in zip(a, b, lo, pos, strict=True) if p}
            | {(ai - h) / bi for ai, bi, h, p in zip(a, b, hi, pos, strict=True) if p}
        )
    else:
        kinks = np.unique(np.concatenate([(a - lo)[pos] / b[pos], (a - hi)[pos] / b[pos]]))
    evaluations = 0

    def e(X: Any) -> Any:
        nonlocal evaluations
        evaluations += 1
        return excess(X)

    def bracket(values: Any, value_of: Any) -> tuple[Any, Any]:
        """Neighbouring kinks around the root (binary search; the excess decreases)."""
        if len(values) == 0:
            return (Fraction(0), Fraction(1)) if exact else (0.0, 1.0)
        if value_of(values[0]) < 0:
            return values[0] - 1, values[0]
        if value_of(values[-1]) >= 0:
            return values[-1], values[-1] + 1
        lo_k, hi_k = 0, len(values) - 1
        while hi_k - lo_k > 1:
            mid = (lo_k + hi_k) // 2
            if value_of(values[mid]) >= 0:
                lo_k = mid
            else:
                hi_k = mid
        return values[lo_k], values[hi_k]

    def root(left: Any, right: Any) -> Any:
        e_left, e_right = e(left), e(right)
        slope = (e_right - e_left) / (right - left)  # the excess is affine between kinks
        return left - e_left / slope

    if exact:
        # locate the linear piece in floats, then solve and confirm it in rationals; if
        # rounding put the search on a wrong piece, search again in exact arithmetic
        floats = np.array([float(k) for k in kinks])
        af, bf, lof, hif = (np.asarray(v, dtype=float) for v in (a, b, lo, hi))

        def float_excess(X: float) -> float:
            return float(c) + float(np.sum(np.minimum(hif, np.maximum(lof, af - bf * X)))) - X

        lf, rf = bracket(floats, float_excess)
        index = {float(k): k for k in kinks}
        left = index.get(lf, Fraction(lf)) if len(kinks) else Fraction(0)
        right = index.get(rf, Fraction(rf)) if len(kinks) else Fraction(1)
        X = root(left, right)
        if excess(X) != 0:
            X = root(*bracket(kinks, e))
    else:
        X = root(*bracket(kinks, e))
    x = replacement(X)
    residual = excess(X)
    evaluations += 1
    scale = max(1.0, abs(float(X)), float(np.max(np.abs(np.asarray(hi, dtype=float)))))
    tol = None if exact else 64 * np.finfo(float).eps * scale * max(1, n)
    verified = residual == 0 if exact else abs(residual) <= tol
    active = np.zeros(n, dtype=np.int8)
    active[np.asarray(x <= lo, dtype=bool)] = -1
    active[np.asarray(x >= hi, dtype=bool) & ~np.asarray(lo == hi, dtype=bool)] = 1
    return AggregativeEquilibrium(
        aggregate=X,
        strategies=x,
        residual=residual if exact else abs(float(residual)),
        active=active,
        unique=True,
        uniqueness=(
            "the excess c + sum r_i(X) - X is piecewise linear with slope <= -1: exactly one "
            "fixed point"
        ),
        evaluations=evaluations,
        verified=bool(verified),
        exact=bool(exact),
        method=METHOD,
        players=None if players is None else tuple(players),
        tolerance=None if exact else np.full(n, tol),
    )
