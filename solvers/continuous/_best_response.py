r"""A player's best response to the others' strategies, in closed form where possible.

With :math:`u_i` concave in :math:`x_i` and a single stationary point :math:`r(x_{-i})`
of :math:`\partial u_i / \partial x_i`, the best response is :math:`r` clipped to
:math:`[\ell_i, h_i]`, a ``Piecewise`` without the corners the others' bounds rule out;
with :math:`u_i` linear in :math:`x_i` it is a bound chosen by the sign of the marginal
payoff. :meth:`BestResponse.evaluate` maximizes numerically in every case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from solvers.continuous._concavity import concavity
from solvers.continuous._domains import domain_substitution, symbol_with_domain
from solvers.continuous._maximize import maximize_1d
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._verify import _own_payoff_function

__all__ = ["BestResponse", "best_response"]


@dataclass(frozen=True, eq=False)
class BestResponse:
    """A player's best response: closed form where possible, numeric always.

    Attributes
    ----------
    player : str
    strategy : sympy.Symbol
    expr : sympy.Expr or None
        A ``Piecewise`` in the other strategies (and unbound parameters), corners
        included; ``None`` when no closed form was derived.
    stationary : tuple of sympy.Expr
        Solutions of the first-order condition :math:`\\partial u_i / \\partial x_i = 0`.
    concavity : str
        Second-order check in words (proven, sampled, violated or unknown).
    concave : bool or None
        ``True`` proven concave, ``False`` violated, ``None`` not proven.
    notes : tuple of str
    """

    player: str
    strategy: sp.Symbol
    expr: sp.Expr | None
    stationary: tuple[sp.Expr, ...]
    concavity: str
    concave: bool | None
    notes: tuple[str, ...]
    _problem: ContinuousProblem = field(repr=False)
    _index: int = field(repr=False)

    def evaluate(self, others: Sequence[float], **values: float) -> float:
        """Numeric global best response to the others' strategies (in player order).

        Works with or without a closed form: the payoff is maximized over the whole
        interval (grid plus Brent refinement). ``values`` bind remaining parameters
        by name.
        """
        prob = self._problem
        rep = {p: values[p.name] for p in prob.parameters if p.name in values}
        prob = prob.bind(rep)
        prob.require_numeric()
        others = [float(v) for v in others]
        if len(others) != prob.n - 1:
            raise ValueError(f"others must hold {prob.n - 1} strategies (all but player's)")
        profile = [*others[: self._index], 0.0, *others[self._index :]]
        f = _own_payoff_function(prob, self._index, profile)
        lo, hi = prob.bounds[self._index]
        x, _, _ = maximize_1d(f, float(lo), float(hi), hint=None)
        return x

    def __repr__(self) -> str:
        body = "numeric only" if self.expr is None else str(self.expr)
        return f"BestResponse({self.player}: {self.strategy} = {body}; {self.concavity})"


def _cond_le(lhs: sp.Expr, rhs: sp.Expr) -> sp.Basic:
    """``lhs <= rhs`` in a tidy form (denominators cleared when their sign is known)."""
    num, den = sp.together(lhs - rhs).as_numer_denom()
    num = sp.expand(num)
    if den.is_negative:
        num = -num
    elif not den.is_positive:
        return lhs - rhs <= 0
    negatives = sum(1 for t in sp.Add.make_args(num) if t.could_extract_minus_sign())
    if 2 * negatives > len(sp.Add.make_args(num)):
        return sp.Ge(-num, 0)
    return sp.Le(num, 0)


def _stationary_points(grad: sp.Expr, s: sp.Symbol) -> list[sp.Expr] | None:
    num = sp.together(grad).as_numer_denom()[0]
    try:
        poly = sp.Poly(num, s)
        if poly.degree() > 4:
            return None
    except sp.PolynomialError:
        pass
    try:
        sols = sp.solve(grad, s, dict=False)
    except (NotImplementedError, ValueError):
        return None
    if not isinstance(sols, list):
        return None
    out = []
    for r in sols:
        if isinstance(r, dict):
            return None
        if r.is_real is False:
            continue
        out.append(r)
    return out


def _possible(cond: sp.Basic, prob: ContinuousProblem, i: int) -> bool:
    """False when ``cond`` cannot hold given the other players' bounds."""
    if isinstance(cond, sp.core.relational.Relational):
        e = cond.lhs - cond.rhs
        others = [
            (s, b)
            for j, (s, b) in enumerate(zip(prob.strategies, prob.bounds, strict=True))
            if j != i
        ]
        syms = [s for s, _ in others]
        try:
            poly = sp.Poly(e, *syms) if syms else None
        except sp.PolynomialError:
            poly = None
        if poly is not None and poly.total_degree() <= 1 and not (e.free_symbols - set(syms)):
            lo_e = hi_e = poly.coeff_monomial(1)
            for s, (lo, hi) in others:
                k = poly.coeff_monomial(s)
                ends = (k * lo, k * hi) if k != 0 else (0, 0)
                lo_e += sp.Min(*ends) if k != 0 else 0
                hi_e += sp.Max(*ends) if k != 0 else 0
            if isinstance(cond, sp.Le | sp.Lt):
                return not bool(lo_e > 0) if lo_e.is_comparable else True
            if isinstance(cond, sp.Ge | sp.Gt):
                return not bool(hi_e < 0) if hi_e.is_comparable else True
    rep = {
        s: symbol_with_domain(s, None if lo.free_symbols else lo, None if hi.free_symbols else hi)
        for j, (s, (lo, hi)) in enumerate(zip(prob.strategies, prob.bounds, strict=True))
        if j != i
    }
    for sym, dom in prob.domains.items():
        sub = domain_substitution(sym, dom)
        if sub is not None:
            rep[sym] = sub
    return cond.xreplace(rep) != sp.false


def best_response(
    problem: ContinuousProblem, i: int, values: Mapping[sp.Symbol, Any] | None = None
) -> BestResponse:
    """Derive player *i*'s best response from its first-order and KKT conditions.

    With :math:`u_i` concave in :math:`x_i` and a unique stationary point :math:`r`, the
    best response is :math:`r` clipped to :math:`[\\ell_i, h_i]`; with :math:`u_i` linear
    in :math:`x_i` it is a bound chosen by the sign of the marginal payoff (ties go to the
    lower bound, noted). Otherwise ``expr`` is ``None`` and :meth:`BestResponse.evaluate`
    maximizes numerically.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (-x**2 + x*y, -y**2 + x*y), ((0, 1), (0, 1)))
    >>> best_response(p, 0).expr
    Piecewise((0, y <= 0), (y/2, True))
    """
    prob = problem.bind(values or {})
    s = prob.strategies[i]
    lo, hi = prob.bounds[i]
    grad = sp.diff(prob.payoffs[i], s)
    status, concave = concavity(prob, i)
    notes: list[str] = []
    expr = None
    stationary: tuple[sp.Expr, ...] = ()
    if s not in grad.free_symbols:
        pieces = []
        if hi.is_finite is not False:
            pieces.append((hi, grad > 0))
        if lo.is_finite is not False:
            pieces.append((lo, True))
        else:
            pieces.append((hi, True))
        expr = sp.Piecewise(*pieces)
        notes.append(
            "payoff linear in own strategy: any strategy is a best response when "
            "the marginal payoff is zero (shown: the lower bound)"
        )
        if not (lo.is_finite and hi.is_finite):
            notes.append("with an infinite bound the best response may not exist")
    else:
        roots = _stationary_points(grad, s)
        if roots is None:
            notes.append("first-order condition has no closed-form solution: use .evaluate")
        else:
            stationary = tuple(roots)
            if len(roots) == 1 and concave is not False:
                r = sp.factor_terms(roots[0])
                pieces = []
                if lo != -sp.oo:
                    pieces.append((lo, _cond_le(r, lo)))
                if hi != sp.oo:
                    pieces.append((hi, _cond_le(hi, r)))
                pieces = [(v, c) for v, c in pieces if _possible(c, prob, i)]
                pieces.append((r, True))
                expr = sp.Piecewise(*pieces)
                if concave is None:
                    notes.append(f"closed form assumes concavity ({status})")
            else:
                notes.append(
                    f"{len(roots)} stationary points and {status}: closed form not unique, "
                    "use .evaluate"
                )
    return BestResponse(
        player=prob.players[i],
        strategy=s,
        expr=expr,
        stationary=stationary,
        concavity=status,
        concave=concave,
        notes=tuple(notes),
        _problem=prob,
        _index=i,
    )
