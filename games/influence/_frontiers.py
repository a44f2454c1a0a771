r"""The allies' stay/hedge games and the influence frontiers they generate [O].

A leader (Stackelberg) chooses a burden shift :math:`S \ge 0`, its cost saving. Allies
answer; US influence :math:`I` is the aligned share of the bloc. The frontier
:math:`I(S)` is the allies' *equilibrium response*, derived here with sympy from each game:

* **F1, smooth** (threshold participation, Granovetter 1978): ally *j* hedges only if the
  shift exceeds the tolerance of each of its :math:`k` veto players, tolerances iid
  :math:`U[0,1]`. A veto player's payoff is :math:`u - S` from Stay and 0 from Hedge, so
  :math:`P(\text{hedge}) = P(u < S)^k = S^k` and :math:`I(S) = 1 - S^k` on :math:`[0, 1]`.
* **F2, tipping** (Schelling 1978; Granovetter 1978): the shifted burden is spread over
  the stayers, who carry :math:`S/\pi` each; tolerances have CDF :math:`(t/T)^k` on
  :math:`[0, T]`. Equilibria solve :math:`\pi = 1 - (S/(T\pi))^k`, plus the collapse
  :math:`\pi = 0`. For :math:`k = 1`:
  :math:`\pi_{H,L} = (1 \pm \sqrt{1 - 4S/T})/2`; the fold is at :math:`S^* = T/4`, in general
  :math:`S^* = T\,\tfrac{k}{k+1}\,(k+1)^{-1/k}`. Best-response dynamics
  :math:`\pi \leftarrow \max(0, 1 - (S/(T\pi))^k)` show hysteresis.
* **F3, contribution share** (Bergstrom, Blume & Varian 1986): the ally maximises
  :math:`a\log(w - y) + (1-a)\log(x + y)` against US spending :math:`x = x_0 - S`; influence is
  the US share :math:`x/(x + y)`. Defaults give :math:`I(S) = 2(8 - S)/(16 - S)`.

These games are our own reduced forms [O] (docs/models.md §b.2); cite the building blocks,
not the models.

Examples
--------
>>> from games.influence._frontiers import f1_frontier, f2_frontier
>>> f1_frontier(k=2).expr
1 - S**2
>>> f2 = f2_frontier()
>>> f2.fold, f2.equilibria(sp.Rational(9, 100))
(1/4, (9/10, 1/10, 0))
"""

from __future__ import annotations

import functools

import sympy as sp

from games.influence._frontier import (
    _HALF,
    PI,
    SELECTIONS,
    AlliesGame,
    Frontier,
    S,
    as_number,
)
from games.influence._tipping import TippingFrontier, f2_frontier

__all__ = [
    "SELECTIONS",
    "AlliesGame",
    "Frontier",
    "TippingFrontier",
    "as_number",
    "f1_frontier",
    "f2_frontier",
    "f3_frontier",
]


@functools.cache
def _f1_derivation() -> tuple[sp.Expr, sp.Symbol, AlliesGame]:
    """The parameter-free part of F1 (derived once, in symbols)."""
    u, ks = sp.symbols("u k", positive=True)
    stay = u - S
    # a veto player prefers Hedge iff stay < 0 iff u < S; P(u < S) for u ~ U[0, 1]:
    p_one = sp.integrate(sp.Integer(1), (u, 0, S))
    p_hedge = p_one**ks  # k independent veto players must all prefer Hedge
    general = sp.simplify(1 - p_hedge)
    game = AlliesGame(
        name="F1: each ally hedges only if all k veto players prefer Hedge",
        strategies=("Stay", "Hedge"),
        stay_payoff=stay,
        condition=PI - general,
        derivation=(
            f"veto player: Stay pays {stay}, Hedge pays 0",
            f"P(veto player prefers Hedge) = P(u < S) = {p_one}",
            f"P(ally hedges) = {p_hedge}",
            f"I(S) = {general}",
        ),
    )
    return general, ks, game


def f1_frontier(k=2) -> Frontier:
    """F1, the smooth frontier from k veto players with U[0,1] tolerances [O].

    A veto player with tolerance ``u`` gets ``u - S`` from Stay and 0 from Hedge; the
    ally hedges only if all its ``k`` veto players prefer to (threshold participation,
    Granovetter 1978), so ``P(hedge) = S**k`` and ``I(S) = 1 - S**k`` on ``[0, 1]``.

    Parameters
    ----------
    k : positive number, default 2
        Hedging inertia: the number of veto players (non-integer values interpolate,
        tolerance CDF ``S**k``). The frontier is concave for ``k > 1``.

    Returns
    -------
    Frontier

    Examples
    --------
    >>> f = f1_frontier(k=2)
    >>> f.expr, f.domain, f.at(sp.Rational(1, 5))
    (1 - S**2, (0, 1), 24/25)
    """
    k = as_number(k, "k", 0, None)
    general, ks, game = _f1_derivation()
    return Frontier(
        "F1",
        {"k": k},
        {"k": ks},
        general,
        general.subs(ks, k),
        (sp.Integer(0), sp.Integer(1)),
        game,
    )


def f3_frontier(w=8, a=_HALF, x0=None) -> Frontier:
    """F3, influence as the US share of alliance resources (BBV 1986; Varian 1994) [O].

    The ally (income ``w``) maximises ``a*log(w - y) + (1 - a)*log(x + y)`` given US spending
    ``x = x0 - S``; its best response ``y = (1 - a)*w - a*x`` is solved with sympy, and
    influence is the US share ``x/(x + y)``.

    Note the convention: here ``a`` weighs **private consumption**, the reverse of ``a`` in
    :func:`games.alliance.public_good` and docs/models.md §a.2, where ``a`` weighs the public
    good (security), ``(1 - a)*log(w - g) + a*log(G)`` with best response
    ``g = a*w - (1 - a)*G_other``. So ``f3_frontier(a=a)`` is BBV with security weight
    ``1 - a``; the two agree only at the default ``a = 1/2``. The name is kept for
    compatibility.

    Parameters
    ----------
    w : positive number, default 8
        Ally income.
    a : number in (0, 1), default 1/2
        Ally weight on **private consumption** ``log(w - y)``; the weight on security is
        ``1 - a``. Reversed relative to ``a`` of :func:`games.alliance.public_good` and
        docs/models.md §a.2 (weight on security): F3 with ``a`` is BBV with ``1 - a``.
    x0 : positive number, default ``(1 - a)*w/a``
        US status-quo spending; must not exceed ``(1 - a)*w/a`` (the spending at which the
        ally free rides fully) so the ally's best response stays interior.

    Returns
    -------
    Frontier
        Domain ``[0, x0]``.

    Examples
    --------
    >>> f = f3_frontier()
    >>> sp.factor(f.expr), f.at(4)
    (2*(S - 8)/(S - 16), 2/3)

    ``a = 1/4`` here (security weight 3/4) is ``public_good(a=3/4)``: at the BBV Nash
    point of a US with income 16 (US spends 56/5, i.e. ``S = 24 - 56/5``) both give the
    US share 7/9:

    >>> from games.alliance import public_good
    >>> public_good([16, 8], a=sp.Rational(3, 4)).equilibrium().leader_share
    7/9
    >>> f3_frontier(a=sp.Rational(1, 4)).at(24 - sp.Rational(56, 5))
    7/9
    """
    w = as_number(w, "w", 0, None)
    a = as_number(a, "a", 0, 1)
    cap = (1 - a) * w / a
    x0 = cap if x0 is None else as_number(x0, "x0", 0, cap, high_open=False)
    ws, as_, x0s = sp.symbols("w a x0", positive=True)
    x, y = sp.symbols("x y", nonnegative=True)
    utility = as_ * sp.log(ws - y) + (1 - as_) * sp.log(x + y)
    y_br = sp.solve(sp.diff(utility, y), y)[0]
    share = sp.simplify((x / (x + y_br)).subs(x, x0s - S))
    game = AlliesGame(
        "F3: the ally chooses its contribution y against US spending x",
        ("contribution y",),
        utility,
        y - y_br,
        (
            f"ally utility {utility}",
            f"best response y = {y_br}",
            f"I = x/(x + y) with x = x0 - S: {share}",
        ),
    )
    values = {"w": w, "a": a, "x0": x0}
    syms = {"w": ws, "a": as_, "x0": x0s}
    expr = sp.simplify(share.subs({ws: w, as_: a, x0s: x0}))
    return Frontier("F3", values, syms, share, expr, (sp.Integer(0), x0), game)
