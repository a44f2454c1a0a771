r"""Nash equilibria of a continuous game: found exactly or numerically, each one verified.

:func:`equilibria` enumerates the KKT points exactly (:mod:`solvers.continuous._exact`)
when the numbers are exact, falls back to or adds numeric root finding
(:mod:`solvers.continuous._numeric`), and keeps only the profiles that pass the independent
regret check (:mod:`solvers.continuous._verify`). Uniqueness is claimed with a proof only:
the enumeration was complete and found one equilibrium, or the Jacobian :math:`J` of the
marginal payoffs is constant with :math:`J + J^T` negative definite (Rosen 1965).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sympy as sp

from solvers._numbers import sign
from solvers.continuous._exact import _same_point, solve_exact
from solvers.continuous._numeric import best_response_iteration, solve_numeric
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._result import ContinuousEquilibria, ContinuousEquilibrium
from solvers.continuous._verify import verify_profile
from solvers.verify import DEFAULT_RTOL

__all__ = ["equilibria"]


def _rosen_unique(problem: ContinuousProblem) -> bool:
    """Diagonal strict concavity with a constant Jacobian: J + J^T negative definite."""
    grads = problem.gradient()
    J = sp.Matrix([[sp.diff(gi, s) for s in problem.strategies] for gi in grads])
    if J.free_symbols:
        return False
    M = J + J.T
    try:
        return bool((-M).is_positive_definite)
    except (TypeError, ValueError):  # pragma: no cover - sympy edge cases
        return False


def _active(problem: ContinuousProblem, profile: Sequence[Any], rtol: float = 1e-9):
    out = {}
    for name, (lo, hi), v in zip(problem.players, problem.bounds, profile, strict=True):
        span = max(1.0, abs(float(v)))
        if lo.is_finite and abs(float(v) - float(lo)) <= rtol * span:
            out[name] = "lower"
        elif hi.is_finite and abs(float(v) - float(hi)) <= rtol * span:
            out[name] = "upper"
        else:
            out[name] = "interior"
    return out


def _build(problem, base, values, profile, regrets, tols, exact, method, notes):
    rep = dict(zip(problem.strategies, profile, strict=True))
    if exact:
        pays = [sp.simplify(u.xreplace(rep)) for u in problem.payoffs]
        strategies = {p: v for p, v in zip(problem.players, profile, strict=True)}
        regret = max(regrets, key=lambda r: float(r)) if regrets else sp.Integer(0)
    else:
        prof = [float(v) for v in profile]
        fl = {s: v for s, v in zip(problem.strategies, prof, strict=True)}
        pays = [
            float(sp.N(u.xreplace({k: sp.Float(v, 17) for k, v in fl.items()})))
            for u in problem.payoffs
        ]
        strategies = {p: v for p, v in zip(problem.players, prof, strict=True)}
        regret = float(max(regrets)) if regrets else 0.0
    return ContinuousEquilibrium(
        strategies=strategies,
        payoffs=dict(zip(problem.players, pays, strict=True)),
        exact=exact,
        regret=regret,
        regrets=dict(zip(problem.players, regrets, strict=True)),
        tolerance=None if exact else dict(zip(problem.players, tols, strict=True)),
        active=_active(problem, profile),
        method=method,
        notes=tuple(notes),
        values=dict(values),
        problem=base,
    )


def equilibria(
    problem: ContinuousProblem,
    values: Mapping[sp.Symbol, Any] | None = None,
    method: str | None = None,
    *,
    rtol: float = DEFAULT_RTOL,
    starts: int = 8,
    seed: int = 0,
) -> ContinuousEquilibria:
    """Nash equilibria of a continuous game, each verified independently.

    Parameters
    ----------
    problem : ContinuousProblem
    values : mapping, optional
        ``{parameter symbol: number}``; every parameter must end up with a value.
    method : {None, "exact", "numeric"}
        ``None``: exact when the numbers are exact and the first-order systems polynomial,
        falling back to numeric (and adding numeric finds when the exact enumeration was
        incomplete).
    rtol : float
        Relative regret tolerance for float equilibria.
    starts : int
        Number of starting points of the numeric search.
    seed : int
        Seed of ``numpy.random.default_rng`` for the numeric starts.

    Returns
    -------
    ContinuousEquilibria

    Examples
    --------
    A game with three equilibria (strategic complements, smoothstep best response):

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> f = lambda z: 3*z**2 - 2*z**3
    >>> p = ContinuousProblem((x, y), (-(x - f(y))**2, -(y - f(x))**2), ((0, 1), (0, 1)))
    >>> eqs = equilibria(p)
    >>> sorted(e.profile for e in eqs), eqs.complete
    ([(0, 0), (1/2, 1/2), (1, 1)], True)
    """
    if method not in (None, "exact", "numeric"):
        raise ValueError(f"method must be None, 'exact' or 'numeric', got {method!r}")
    values = dict(values or {})
    unknown = set(values) - set(problem.parameters)
    if unknown:
        raise ValueError(f"values for unknown parameter(s) {sorted(map(str, unknown))}")
    prob = problem.bind(values)
    prob.require_numeric()
    for name, (lo, hi) in zip(prob.players, prob.bounds, strict=True):
        if sign(hi - lo) == -1 if (lo.is_finite and hi.is_finite) else False:
            raise ValueError(
                f"{name}'s bounds [{lo}, {hi}] are in the wrong order for these parameter values"
            )
    notes: list[str] = []
    results: list[ContinuousEquilibrium] = []
    complete = False
    used = "numeric"
    tried_exact = False
    if method == "exact" or (method is None and prob.is_exact()):
        try:
            points, complete, enum_notes = solve_exact(prob)
            tried_exact = True
            used = "exact (active-set enumeration)"
            notes += enum_notes
        except ValueError as err:
            if method == "exact":
                raise
            notes.append(f"exact method skipped: {err}")
            points = []
        if tried_exact:
            for pt in points:
                regrets, tols, ex = verify_profile(prob, pt, rtol=rtol)
                if ex:
                    if all(sign(r) == 0 for r in regrets):
                        results.append(
                            _build(prob, problem, values, pt, regrets, None, True, used, [])
                        )
                    else:
                        notes.append(
                            f"KKT point {tuple(pt)} is not an equilibrium "
                            "(a better deviation exists: payoff not concave)"
                        )
                else:
                    if all(r <= t for r, t in zip(regrets, tols, strict=True)):
                        results.append(
                            _build(
                                prob,
                                problem,
                                values,
                                pt,
                                regrets,
                                tols,
                                False,
                                used,
                                ["exact point, verified numerically"],
                            )
                        )
                    else:
                        notes.append(
                            f"KKT point {tuple(float(v) for v in pt)} is not an "
                            "equilibrium (fails numeric verification)"
                        )
    if method == "numeric" or (method is None and (not tried_exact or not complete)):
        used = "numeric (KKT root finding)" if not tried_exact else used + " + numeric"

        def accept_numeric(x, how: str) -> None:
            """Keep a numeric candidate only if it passes independent verification."""
            regrets, tols, _ = verify_profile(prob, list(x), rtol=rtol, exact=False)
            if all(r <= t for r, t in zip(regrets, tols, strict=True)):
                results.append(
                    _build(prob, problem, values, list(x), regrets, tols, False, how, [])
                )

        for x in solve_numeric(prob, starts=starts, seed=seed):
            if not any(_same_point(list(x), r.profile, 1e-6) for r in results):
                accept_numeric(x, "numeric (KKT root finding)")
        if not results:
            last = best_response_iteration(prob)
            if last is not None:
                accept_numeric(last, "numeric (best-response iteration)")
        if not tried_exact or not complete:
            notes.append(f"numeric search from {starts} starts: other equilibria may exist")
        complete = complete and tried_exact
    unique = False
    why = "not proven"
    if len(results) == 1 and _rosen_unique(prob):
        unique, why = True, "diagonal strict concavity (Rosen 1965): J + J^T negative definite"
    elif complete and len(results) == 1:
        unique = True
        why = (
            "complete active-set enumeration of the KKT conditions found exactly one "
            "equilibrium (among profiles where payoffs are differentiable)"
        )
    if unique:
        results = [
            ContinuousEquilibrium(**{**r.__dict__, "unique": True, "uniqueness": why})
            for r in results
        ]
    if not results:
        notes.append("no verified equilibrium found")
    return ContinuousEquilibria(
        results, method=used, complete=complete, unique=unique, uniqueness=why, notes=notes
    )
