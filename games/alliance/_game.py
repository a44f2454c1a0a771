"""The alliance models as :class:`games.continuous.ContinuousGame` objects (``.game``).

Each ally *i* chooses its contribution ``g_i`` in ``[0, w_i]``; incomes ``w_i`` and the
taste weights are :class:`games.parameters.Parameter` objects whose defaults are the
model's values, so ``model.game.equilibrium()`` re-solves the model with the generic
continuous-game solver and ``model.game.subs(...)`` explores other values.

The alliance models solve themselves through the aggregate (fast for thousands of allies);
``.game`` is the same model in the generic form, built on demand (its size grows with the
square of the number of allies, so use it for small alliances).

Examples
--------
>>> from games.alliance import public_good
>>> game = public_good([10, 8, 2]).game
>>> game.players
('ally 1', 'ally 2', 'ally 3')
>>> game.payoffs[0]
a*log(g_1 + g_2 + g_3) + (1 - a)*log(-g_1 + w_1)
>>> game.equilibrium().strategies        # the generic solver agrees: g = (4, 2, 0)
{'ally 1': 4, 'ally 2': 2, 'ally 3': 0}
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from games.continuous import ContinuousGame
from games.parameters import Parameter

__all__ = ["joint_products_game", "public_good_game"]


def _income_parameters(model) -> tuple[list[sp.Symbol], list[sp.Symbol], list[Parameter]]:
    n = len(model.incomes)
    g = list(sp.symbols(f"g_1:{n + 1}", nonnegative=True))
    w = list(sp.symbols(f"w_1:{n + 1}", positive=True))
    params = [
        Parameter(
            w[i],
            _sym(model.incomes[i]),
            sp.Interval.open(0, sp.oo),
            f"income of {model.players[i]}",
        )
        for i in range(n)
    ]
    return g, w, params


def _sym(value: Any) -> sp.Expr:
    return value if isinstance(value, sp.Basic) else sp.Float(float(value))


def public_good_game(model) -> ContinuousGame:
    """``ContinuousGame`` of a :class:`games.alliance._public_good.PublicGood` model.

    Parameters
    ----------
    model : PublicGood
        The alliance model (Cobb-Douglas or quasi-linear utility).

    Returns
    -------
    ContinuousGame
        Ally *i* chooses ``g_i`` in ``[0, w_i]``; the incomes ``w_i`` and the weight ``a``
        are parameters whose defaults are the model's values. Also ``model.game``.

    Examples
    --------
    >>> from games.alliance import public_good
    >>> game = public_good_game(public_good([10, 8]))
    >>> game.values()
    {w_1: 10, w_2: 8, a: 1/2}
    >>> game.equilibrium().strategies        # BBV: g_1 = a w_1 - (1-a) g_2, and vice versa
    {'ally 1': 4, 'ally 2': 2}
    """
    g, w, params = _income_parameters(model)
    a = sp.Symbol("a", positive=True)
    a_param = Parameter(a, _sym(model.a), sp.Interval.open(0, 1), "weight of security")
    total = sp.Add(*g)
    if model.utility == "cobb-douglas":
        payoffs = [(1 - a) * sp.log(w[i] - g[i]) + a * sp.log(total) for i in range(len(g))]
    else:
        payoffs = [a * w[i] * sp.log(total) - g[i] for i in range(len(g))]
    bounds = [(0, w[i]) for i in range(len(g))]
    return ContinuousGame(model.players, g, payoffs, bounds, [*params, a_param])


def joint_products_game(model) -> ContinuousGame:
    """``ContinuousGame`` of a :class:`games.alliance._joint_products.JointProducts` model.

    Parameters
    ----------
    model : JointProducts
        The joint-products alliance model.

    Returns
    -------
    ContinuousGame
        Ally *i* chooses ``q_i`` in ``[0, w_i]`` (named ``g_i``); the incomes and the
        weights ``a``, ``b`` are parameters whose defaults are the model's values. Also
        ``model.game``.

    Examples
    --------
    >>> from games.alliance import joint_products
    >>> game = joint_products_game(joint_products([1, 1]))
    >>> game.payoffs[0]
    a*log(g_1 + g_2) + b*log(g_1) + (-a - b + 1)*log(-g_1 + w_1)
    >>> game.values()
    {w_1: 1, w_2: 1, a: 1/2, b: 1/10}
    """
    g, w, params = _income_parameters(model)
    a, b = sp.symbols("a b", positive=True)
    extra = [
        Parameter(a, _sym(model.a), sp.Interval.open(0, 1), "weight of deterrence"),
        Parameter(b, _sym(model.b), sp.Interval.Ropen(0, 1), "weight of the private benefit"),
    ]
    total = sp.Add(*g)
    payoffs = [
        (1 - a - b) * sp.log(w[i] - g[i]) + a * sp.log(total) + b * sp.log(g[i])
        for i in range(len(g))
    ]
    bounds = [(0, w[i]) for i in range(len(g))]
    return ContinuousGame(model.players, g, payoffs, bounds, [*params, *extra])
