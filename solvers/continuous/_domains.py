r"""Sign-aware symbols for bounds and parameter domains.

:func:`symbol_with_domain` and :func:`domain_substitution` replace
a symbol ranging over an interval by an expression sympy's assumptions understand, e.g.
:math:`a = s / (1 + s)` with :math:`s > 0` for :math:`a \in (0, 1)`, so that
:math:`1 - a > 0` can be proved.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from solvers._numbers import sign

__all__ = ["domain_substitution", "symbol_with_domain"]


def symbol_with_domain(sym: sp.Symbol, lo: Any, hi: Any) -> sp.Dummy:
    kw: dict[str, bool] = {"real": True}
    lo_s = sign(sp.sympify(lo)) if lo is not None and lo != -sp.oo else None
    hi_s = sign(sp.sympify(hi)) if hi is not None and hi != sp.oo else None
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
