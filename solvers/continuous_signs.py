r"""Exact signs of sympy numbers, and sign-aware symbols for bounds and parameter domains.

:func:`_sign` decides the sign of a closed expression exactly where sympy can and by
60-digit evaluation otherwise (``None`` when undecidable); :func:`_le` compares numbers
that may be infinite. :func:`_symbol_with_domain` and :func:`domain_substitution` replace
a symbol ranging over an interval by an expression sympy's assumptions understand, e.g.
:math:`a = s / (1 + s)` with :math:`s > 0` for :math:`a \in (0, 1)`, so that
:math:`1 - a > 0` can be proved.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

__all__ = ["domain_substitution"]


def _sign(expr: sp.Expr) -> int | None:
    """Exact sign of a closed numeric expression (0, 1, -1), or None if undecidable."""
    expr = sp.sympify(expr)
    if expr.free_symbols:
        return None
    if expr in (sp.oo,):
        return 1
    if expr in (-sp.oo,):
        return -1
    if expr.has(sp.zoo, sp.nan):
        return None
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    val = sp.N(expr, 60)
    if not val.is_real:
        re, im = val.as_real_imag()
        if abs(im) > 1e-40:
            return None
        val = re
    if abs(val) < 1e-45:
        simplified = sp.simplify(expr)
        if simplified.is_zero or simplified.equals(0):
            return 0
        return None
    return 1 if val > 0 else -1


def _real_value(v: sp.Expr) -> sp.Expr | None:
    """The real part of an exact number with a negligible imaginary part (pitfall 4)."""
    if v.is_real:
        return v
    if v.is_real is False and not v.has(sp.CRootOf):
        val = sp.N(v, 60)
        if abs(sp.im(val)) > 1e-40:
            return None
    re, im = v.as_real_imag()
    if im == 0 or _sign(im) == 0:
        return sp.nsimplify(re) if re.has(sp.I) else re
    return None


def _le(a: sp.Expr, b: sp.Expr) -> bool | None:
    if b == sp.oo or a == -sp.oo:
        return True
    if a == sp.oo or b == -sp.oo:
        return False
    s = _sign(a - b)
    return None if s is None else s <= 0


def _symbol_with_domain(sym: sp.Symbol, lo: Any, hi: Any) -> sp.Dummy:
    kw: dict[str, bool] = {"real": True}
    lo_s = _sign(sp.sympify(lo)) if lo is not None and lo != -sp.oo else None
    hi_s = _sign(sp.sympify(hi)) if hi is not None and hi != sp.oo else None
    if lo_s is not None and lo_s >= 0:
        kw = {"positive": True} if lo_s > 0 else {"nonnegative": True}
    elif hi_s is not None and hi_s <= 0:
        kw = {"negative": True} if hi_s < 0 else {"nonpositive": True}
    return sp.Dummy(sym.name, **kw)


def domain_substitution(sym: sp.Symbol, domain: Any) -> sp.Expr | None:
    """An expression in a fresh positive symbol that ranges over (the interior of)
    ``domain``, so sympy's sign logic knows e.g. that ``1 - a > 0`` for ``a`` in (0, 1)."""
    if not isinstance(domain, sp.Interval):
        return None
    lo, hi = domain.inf, domain.sup
    s = sp.Dummy(sym.name, positive=True)
    if lo.is_finite and hi.is_finite and not (lo.free_symbols or hi.free_symbols):
        return lo + (hi - lo) * s / (1 + s)
    if lo.is_finite and not lo.free_symbols:
        return lo + s
    if hi.is_finite and not hi.free_symbols:
        return hi - s
    return None
