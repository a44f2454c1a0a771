r"""Whether a player's payoff is concave in its own strategy, and how we know.

Concavity of :math:`u_i` in :math:`x_i` makes the KKT conditions sufficient for a best
response. :func:`concavity` tries to prove :math:`\partial^2 u_i / \partial x_i^2 \le 0`
term by term, with strategies and parameters replaced by symbols that carry their signs;
failing a proof it samples the strategy box, which can refute concavity (a point where
:math:`\partial^2 u_i / \partial x_i^2 > 0`) or give evidence for it, never a proof.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from solvers.continuous._domains import domain_substitution, symbol_with_domain
from solvers.continuous._problem import ContinuousProblem

__all__ = ["concavity"]


def _factor_sign(f: sp.Expr) -> tuple[int, bool] | None:
    """(sign, strict) of a factor where defined; even powers count as positive."""
    if f.is_positive or sp.factor(f).is_positive:
        return 1, True
    if f.is_negative or sp.factor(f).is_negative:
        return -1, True
    if f.is_Pow and f.exp.is_integer and f.exp.is_even:
        return 1, bool(f.exp.is_negative)
    if f.is_nonnegative:
        return 1, False
    if f.is_nonpositive:
        return -1, False
    return None


def nonpositive_where_defined(expr: sp.Expr) -> tuple[bool, bool]:
    """(nonpositive, strictly negative) proved term by term, where ``expr`` is defined."""
    terms = sp.Add.make_args(sp.expand(expr, deep=False))
    strict = False
    for term in terms:
        coeff, factors = term.as_coeff_mul()
        if coeff == 0:
            continue
        sign, term_strict = (1 if coeff > 0 else -1), True
        for f in factors:
            fs = _factor_sign(f)
            if fs is None:
                return False, False
            sign *= fs[0]
            term_strict = term_strict and fs[1]
        if sign > 0:
            return False, False
        strict = strict or term_strict
    return True, strict


def concavity(
    problem: ContinuousProblem, i: int, samples: int = 200, seed: int = 0
) -> tuple[str, bool | None]:
    """Whether player *i*'s payoff is concave in its own strategy, and how we know.

    Returns a status in words and a flag: ``True`` proven concave, ``False`` a point
    where :math:`\\partial^2 u_i / \\partial x_i^2 > 0` was found, ``None`` otherwise
    (including "concave at every sampled point", which is evidence, not proof).

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (sp.log(1 + x) - x*y, x**3 - y), ((0, 1), (0, 1)))
    >>> concavity(p, 0)
    ('strictly concave (proven)', True)
    """
    s = problem.strategies[i]
    d2 = sp.diff(problem.payoffs[i], s, 2)
    if d2 == 0:
        return "linear in own strategy (concave, not strictly)", True
    rep = {}
    for sym, (lo, hi) in zip(problem.strategies, problem.bounds, strict=True):
        rep[sym] = symbol_with_domain(sym, lo, hi)
    for sym, dom in problem.domains.items():
        sub = domain_substitution(sym, dom)
        if sub is not None:
            rep[sym] = sub
    d2s = d2.xreplace(rep)
    if d2s.is_negative:
        return "strictly concave (proven)", True
    ok, strict = nonpositive_where_defined(d2s)
    if ok:
        return ("strictly concave (proven)" if strict else "concave (proven)"), True
    if d2s.is_nonpositive:
        return "concave (proven)", True
    if problem.free_parameters() & d2.free_symbols:
        return "concavity unknown (symbolic parameters)", None
    # numeric evidence on a sample of the strategy box
    rng = np.random.default_rng(seed)
    args = list(problem.strategies)
    f = sp.lambdify(args, d2, modules="numpy")
    cols = []
    for lo, hi in problem.bounds:
        lo_f, hi_f = _window(lo, hi)
        cols.append(rng.uniform(lo_f, hi_f, samples))
    with np.errstate(all="ignore"):
        vals = np.broadcast_to(np.asarray(f(*cols), dtype=float), (samples,))
    finite = np.isfinite(vals)
    if not finite.any():
        return "concavity unknown", None
    if np.any(vals[finite] > 1e-9 * max(1.0, float(np.max(np.abs(vals[finite]))))):
        k = int(np.argmax(np.where(finite, vals, -np.inf)))
        point = tuple(round(float(c[k]), 6) for c in cols)
        return f"not concave (second derivative > 0 at {point})", False
    return f"concave at {int(finite.sum())} sampled points (not proven)", None


def _window(lo: sp.Expr, hi: sp.Expr, center: float | None = None) -> tuple[float, float]:
    lo_f = float(lo) if lo.is_finite else None
    hi_f = float(hi) if hi.is_finite else None
    if lo_f is not None and hi_f is not None:
        return lo_f, hi_f
    c = center if center is not None else (lo_f if lo_f is not None else (hi_f or 0.0))
    w = max(1.0, abs(c))
    return (lo_f if lo_f is not None else c - 10 * w), (hi_f if hi_f is not None else c + 10 * w)
