r"""Threats with transferable utility: the fixed-threat split and Nash's variable threats.

With transferable utility the feasible set is :math:`u_1 + u_2 \le J`. Given a threat
point :math:`d` the (weighted) Nash solution is

.. math:: u_i = d_i + w_i (J - d_1 - d_2)

(fixed threats: each player gets its threat payoff plus its weight times the surplus).
In Nash's (1953) *variable-threat* game the players first choose threats (strategies of a
finite game with payoffs :math:`D_1, D_2`), then split as above. Player 1's final payoff is
:math:`w_1 J + w_2 d_1 - w_1 d_2`, so the threat stage is the zero-sum game with matrix
:math:`M = w_2 D_1 - w_1 D_2` (player 1 maximizes); its value :math:`v` fixes
:math:`u_1 = w_1 J + v`, :math:`u_2 = J - u_1`. Optimal threats are chosen to hurt the
other side, not only to help oneself. The zero-sum game is solved exactly (rational data)
by :func:`solvers.finite.equilibria`; every optimal threat pair gives the same payoffs.

Examples
--------
>>> from solvers.bargaining import fixed_threat
>>> fixed_threat(8, (2, 1)).payoffs
(9/2, 7/2)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp

from solvers.bargaining._frontier import as_number, as_pair, is_exact_number, lt, output
from solvers.bargaining._nash import normalize_weights
from solvers.bargaining._result import BargainingSolution
from solvers.finite import equilibria

__all__ = ["fixed_threat", "variable_threat", "variable_threat_continuous"]


def fixed_threat(
    surplus: Any, threat_point: Sequence[Any], weights: Sequence[Any] | None = None
) -> BargainingSolution:
    """Nash's fixed-threat solution with transferable utility.

    Parameters
    ----------
    surplus : number or sympy expression
        Joint surplus ``J`` to divide.
    threat_point : (d1, d2)
    weights : (w1, w2), optional
        Bargaining weights (generalized Nash); default equal.

    Returns
    -------
    BargainingSolution
        ``u_i = d_i + w_i (J - d_1 - d_2)``; ``agreement=False`` (payoffs = ``d``) when
        ``d_1 + d_2 >= J``.

    Examples
    --------
    >>> import sympy as sp
    >>> J, d1, d2, b = sp.symbols("J d1 d2 beta")
    >>> fixed_threat(J, (d1, d2), (b, 1 - b)).payoffs[0]
    beta*(J - d1 - d2) + d1
    """
    j = as_number(surplus, "surplus")
    d = as_pair(threat_point, "threat_point")
    w = normalize_weights(weights)
    exact = is_exact_number(j, *d, *w)
    gain = j - d[0] - d[1]
    if lt(0, gain) is False:
        return BargainingSolution(
            payoffs=tuple(output(v, exact) for v in d),
            disagreement=tuple(output(v, exact) for v in d),
            method="fixed threat (TU)",
            exact=exact,
            weights=tuple(output(v, exact) for v in w),
            agreement=False,
            notes=("the threat payoffs exhaust the surplus: no agreement",),
        )
    u = (d[0] + w[0] * gain, d[1] + w[1] * gain)
    return BargainingSolution(
        payoffs=tuple(output(v, exact) for v in u),
        disagreement=tuple(output(v, exact) for v in d),
        method="fixed threat (TU)",
        exact=exact,
        weights=tuple(output(v, exact) for v in w),
    )


def _matrix(values: Any, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype=object)
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 2-D payoff matrix, got shape {arr.shape}")
    return np.vectorize(lambda v: as_number(v, name), otypes=[object])(arr)


def variable_threat(
    threat_payoffs: Sequence[Any],
    surplus: Any,
    weights: Sequence[Any] | None = None,
    *,
    exact: bool | None = None,
) -> BargainingSolution:
    """Nash's (1953) variable-threat solution with transferable utility.

    Parameters
    ----------
    threat_payoffs : (D1, D2)
        Payoff matrices of the threat game (rows: player 1's threats, columns: player
        2's): what each player gets if talks fail after those threats.
    surplus : number
        Joint surplus ``J`` of an agreement (at least every ``D1 + D2`` entry's worth
        is assumed attainable).
    weights : (w1, w2), optional
    exact : bool, optional
        Exact rational arithmetic (default: when all inputs are rational).

    Returns
    -------
    BargainingSolution
        ``details``: ``threats`` (optimal mixed threats), ``threat_point``
        (``(s D1 t, s D2 t)``), ``value`` of the zero-sum threat game and its
        ``threat_equilibrium``.

    Examples
    --------
    Player 1 can hurt player 2 at a small cost (row 2): it does, and gains by it.

    >>> D1 = [[0, 0], [-1, -1]]
    >>> D2 = [[0, 1], [-4, -3]]
    >>> s = variable_threat((D1, D2), 4)
    >>> s.payoffs, s.details["threat_point"]
    ((3, 1), (-1, -3))
    """
    if len(threat_payoffs) != 2:
        raise ValueError("threat_payoffs must be a pair (D1, D2) of payoff matrices")
    d1m, d2m = (
        _matrix(threat_payoffs[0], "threat_payoffs[0]"),
        _matrix(threat_payoffs[1], "threat_payoffs[1]"),
    )
    if d1m.shape != d2m.shape:
        raise ValueError(f"D1 and D2 must have the same shape, got {d1m.shape} and {d2m.shape}")
    j = as_number(surplus, "surplus")
    w = normalize_weights(weights)
    data_exact = is_exact_number(j, *w, *d1m.ravel(), *d2m.ravel())
    exact = data_exact if exact is None else exact
    if any(sp.sympify(v).free_symbols for v in (j, *w, *d1m.ravel(), *d2m.ravel())):
        raise ValueError("variable_threat needs numbers; bind the parameters first")
    m = w[1] * d1m - w[0] * d2m
    if exact:
        from fractions import Fraction

        def frac(v: Any) -> Fraction:
            v = sp.nsimplify(v) if isinstance(v, sp.Float) else v
            return Fraction(int(v.p), int(v.q))

        mm = np.vectorize(frac, otypes=[object])(m)
    else:
        mm = m.astype(float)
    eqs = equilibria([mm, -mm], exact=exact)
    eq = eqs[0]
    s, t = eq.strategies
    conv = (lambda v: sp.Rational(v.numerator, v.denominator)) if exact else float
    s_ = np.array([conv(v) for v in s], dtype=object)
    t_ = np.array([conv(v) for v in t], dtype=object)
    tp = (s_ @ d1m @ t_, s_ @ d2m @ t_)
    value = s_ @ m @ t_
    u1 = w[0] * j + value
    u = (u1, j - u1)
    ok = exact and data_exact
    notes = [] if eqs.complete else ["the threat game solver did not certify completeness"]
    return BargainingSolution(
        payoffs=tuple(output(v, ok) for v in u),
        disagreement=tuple(output(v, ok) for v in tp),
        method="variable threat (Nash 1953)",
        exact=ok,
        weights=tuple(output(v, ok) for v in w),
        details={
            "threats": (tuple(output(v, ok) for v in s_), tuple(output(v, ok) for v in t_)),
            "threat_point": tuple(output(v, ok) for v in tp),
            "value": output(value, ok),
            "threat_equilibrium": eq,
        },
        notes=tuple(notes),
    )


def variable_threat_continuous(
    threat_payoffs: Sequence[Any],
    threats: Sequence[sp.Symbol],
    bounds: Sequence[Sequence[Any]],
    surplus: Any,
    weights: Sequence[Any] | None = None,
) -> BargainingSolution:
    """Nash's (1953) variable threats with continuous threat variables (transferable
    utility), solved with :func:`solvers.continuous.equilibria`.

    Parameters
    ----------
    threat_payoffs : (d1, d2)
        sympy expressions: each player's payoff if talks fail, in the threat variables.
    threats : sequence of sympy.Symbol
        Player 1's threat variable, then (optionally) player 2's. With one symbol only
        player 1 chooses a threat.
    bounds : sequence of (lower, upper)
        One interval per threat variable.
    surplus : number
        Joint surplus ``J`` of an agreement.
    weights : (w1, w2), optional

    Returns
    -------
    BargainingSolution
        ``details``: ``threats`` (the optimal threat values), ``threat_point``, ``value``
        and the ``threat_equilibrium`` of the zero-sum threat game
        ``w2 d1 - w1 d2`` (player 1 maximizes it, player 2 minimizes it).

    Examples
    --------
    Capital-flow accord (inflow tax ``tau``, flow ``F = (4 - tau)/2``): the US threat
    maximizes ``W_U - W_C = tau F - F**2/2``, at ``tau = 12/5``:

    >>> import sympy as sp
    >>> tau = sp.Symbol("tau")
    >>> F = (4 - tau) / 2
    >>> s = variable_threat_continuous((tau * F, F**2 / 2), (tau,), [(0, 4)], sp.Rational(8, 3))
    >>> s.details["threats"], s.payoffs
    ((12/5,), (32/15, 8/15))
    """
    from solvers.continuous import ContinuousProblem
    from solvers.continuous import equilibria as continuous_equilibria

    if len(threat_payoffs) != 2:
        raise ValueError("threat_payoffs must be a pair (d1, d2) of sympy expressions")
    syms = tuple(threats)
    if not 1 <= len(syms) <= 2 or not all(isinstance(x, sp.Symbol) for x in syms):
        raise ValueError("threats must be one or two sympy Symbols (player 1's, player 2's)")
    if len(bounds) != len(syms):
        raise ValueError("bounds must give one (lower, upper) per threat variable")
    d1, d2 = (
        sp.sympify(as_number(v, f"threat_payoffs[{k}]")) for k, v in enumerate(threat_payoffs)
    )
    extra = (d1.free_symbols | d2.free_symbols) - set(syms)
    if extra:
        raise ValueError(f"threat payoffs have unbound symbols {sorted(map(str, extra))}")
    j = as_number(surplus, "surplus")
    w = normalize_weights(weights)
    m = w[1] * d1 - w[0] * d2
    payoffs = (m, -m)[: len(syms)]
    problem = ContinuousProblem(
        syms,
        payoffs,
        tuple(tuple(b) for b in bounds),
        players=("player 1", "player 2")[: len(syms)],
    )
    eqs = continuous_equilibria(problem)
    eq = eqs[0]
    point = dict(zip(syms, eq.profile, strict=True))
    tp = (d1.subs(point), d2.subs(point))
    value = m.subs(point)
    u1 = w[0] * j + value
    exact = bool(eq.exact) and is_exact_number(j, *w, *tp)
    notes = list(eqs.notes)
    if len(eqs) > 1:
        notes.append(f"{len(eqs)} threat equilibria found; the value is the same at each")
    return BargainingSolution(
        payoffs=(output(u1, exact), output(j - u1, exact)),
        disagreement=tuple(output(v, exact) for v in tp),
        method="variable threat (Nash 1953, continuous threats)",
        exact=exact,
        weights=tuple(output(v, exact) for v in w),
        details={
            "threats": tuple(output(v, exact) for v in eq.profile),
            "threat_point": tuple(output(v, exact) for v in tp),
            "value": output(value, exact),
            "threat_equilibrium": eq,
        },
        notes=tuple(notes),
    )
