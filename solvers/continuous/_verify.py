r"""Independent verification of a profile: each player's regret against a global maximum.

Player :math:`i`'s regret at the profile :math:`x` is

.. math:: r_i(x) = \max_{t \in [\ell_i, h_i]} u_i(t, x_{-i}) - u_i(x) \ge 0 .

It is computed exactly (critical points and ends) when the profile and payoffs are exact
and the maximum is decidable, else by numeric global maximization, where a profile passes
when :math:`r_i \le \text{rtol} \cdot \text{scale}_i`. The KKT conditions play no part,
so the check does not depend on how the profile was found.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

from solvers._numbers import sign
from solvers.continuous._maximize import exact_max_on_interval, maximize_1d
from solvers.continuous._problem import ContinuousProblem
from solvers.verify import DEFAULT_RTOL

__all__ = ["verify_profile"]


def _own_payoff_function(
    prob: ContinuousProblem, i: int, profile: Sequence[float]
) -> Callable[[np.ndarray], np.ndarray]:
    t = sp.Dummy("t")
    rep = {
        s: sp.Float(v, 17)
        for j, (s, v) in enumerate(zip(prob.strategies, profile, strict=True))
        if j != i
    }
    expr = prob.payoffs[i].xreplace(rep).xreplace({prob.strategies[i]: t})
    return sp.lambdify(t, expr, modules="numpy")


def _exact_own_max(prob: ContinuousProblem, i: int, profile: Sequence[sp.Expr]):
    """Exact global max of u_i over player i's interval, or None if not decidable."""
    t = sp.Dummy("t", real=True)
    rep = {s: v for j, (s, v) in enumerate(zip(prob.strategies, profile, strict=True)) if j != i}
    g = prob.payoffs[i].xreplace(rep).xreplace({prob.strategies[i]: t})
    lo, hi = prob.bounds[i]
    return exact_max_on_interval(g, t, lo, hi)


def verify_profile(
    problem: ContinuousProblem,
    profile: Sequence[Any],
    rtol: float = DEFAULT_RTOL,
    exact: bool | None = None,
) -> tuple[list[Any], Any, bool]:
    """Each player's regret at ``profile``: global best payoff within bounds minus payoff.

    Parameters
    ----------
    problem : ContinuousProblem
        With every parameter bound.
    profile : sequence
        One strategy per player (sympy numbers for an exact check).
    rtol : float
        Relative tolerance (times each player's payoff scale) for the float check.
    exact : bool, optional
        Force (``True``) or skip (``False``) the exact check; by default it is tried when
        the profile and payoffs are exact.

    Returns
    -------
    (regrets, tolerances, exact)
        ``exact`` tells whether the regrets are exact (then ``tolerances`` is ``None`` and
        the profile passes iff all regrets are zero).

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (-(x - y)**2, -(y - 1)**2), ((0, 2), (0, 2)))
    >>> verify_profile(p, [sp.Integer(1), sp.Integer(1)])
    ([0, 0], None, True)
    >>> r, tol, ex = verify_profile(p, [0.5, 1.0])
    >>> round(r[0], 9), ex
    (0.25, False)
    """
    problem.require_numeric()
    n = problem.n
    if len(profile) != n:
        raise ValueError(f"profile must hold {n} strategies, got {len(profile)}")
    for j, ((lo, hi), v) in enumerate(zip(problem.bounds, profile, strict=True)):
        vf = float(v)
        if not math.isfinite(vf):
            raise ValueError(f"profile[{j}] = {v} is not finite")
        span = max(1.0, abs(vf))
        if (lo.is_finite and vf < float(lo) - 1e-12 * span) or (
            hi.is_finite and vf > float(hi) + 1e-12 * span
        ):
            raise ValueError(f"profile[{j}] = {v} lies outside its bounds [{lo}, {hi}]")
    want_exact = (
        exact
        if exact is not None
        else (
            problem.is_exact()
            and all(isinstance(v, sp.Basic) and not v.has(sp.Float) for v in profile)
        )
    )
    if want_exact:
        prof = [sp.sympify(v) for v in profile]
        regrets: Any = []
        for i in range(n):
            best = _exact_own_max(problem, i, prof)
            if best is None:
                regrets = None
                break
            own = problem.payoffs[i].xreplace(dict(zip(problem.strategies, prof, strict=True)))
            if best[1] == sp.oo:
                regrets.append(sp.oo)
                continue
            r = best[1] - own
            s = sign(r)
            if s is None:
                regrets = None
                break
            regrets.append(sp.Integer(0) if s == 0 else r)
        if regrets is not None:
            return regrets, None, True
        if exact:
            raise ValueError("exact verification is not decidable for this profile")
    prof_f = [float(v) for v in profile]
    regrets_f, tols = [], []
    for i in range(n):
        f = _own_payoff_function(problem, i, prof_f)
        lo, hi = problem.bounds[i]
        _x, best, scale = maximize_1d(f, float(lo), float(hi), hint=prof_f[i])
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            own = float(np.asarray(f(np.array([prof_f[i]])), dtype=float).ravel()[0])
        if not math.isfinite(own):
            regrets_f.append(math.inf)
        else:
            regrets_f.append(max(0.0, best - own))
        scale = max(scale, abs(own) if math.isfinite(own) else 0.0)
        tols.append(rtol * (scale if scale > 0 else 1.0))
    return regrets_f, tols, False
