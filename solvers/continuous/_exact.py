r"""All KKT points of a continuous game with exact numbers, by active-set enumeration.

Each player sits at its lower bound (L), its upper bound (U) or inside (I). For each of
the (at most :math:`3^n`) cases the first-order conditions :math:`g_i = 0` of the
players inside, numerators cleared, are solved with sympy; a solution is kept when it lies
within the bounds and the multipliers have the right signs,

.. math:: \text{L}: g_i \le 0, \qquad \text{I}: g_i = 0, \qquad \text{U}: g_i \ge 0 .

When every case is a polynomial system solved in full the list of KKT points is complete.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

import sympy as sp

from solvers._numbers import le, real_value, sign
from solvers.continuous._problem import ContinuousProblem

__all__ = ["MAX_BEZOUT", "MAX_CASES", "solve_exact"]


#: Largest number of active-set cases the exact method enumerates (3 ** 7 = 2187).
MAX_CASES = 2187
#: Largest Bezout number (product of degrees) of a first-order system solved exactly.
MAX_BEZOUT = 64


def _cases(problem: ContinuousProblem):
    states = []
    for lo, hi in problem.bounds:
        st = ["I"]
        if lo.is_finite:
            st.append("L")
        if hi.is_finite:
            st.append("U")
        states.append(st)
    return itertools.product(*states)


def _polynomial_system(eqs: list[sp.Expr], unknowns: list[sp.Symbol]):
    """Numerators as polynomials in the unknowns, or None if not polynomial / too big."""
    polys = []
    bezout = 1
    for e in eqs:
        num = sp.together(e).as_numer_denom()[0]
        num = sp.expand(num)
        if num == 0:
            polys.append(num)
            continue
        try:
            p = sp.Poly(num, *unknowns)
        except sp.PolynomialError:
            return None
        if p.free_symbols - set(unknowns):
            return None
        bezout *= max(1, p.total_degree())
        polys.append(num)
    if bezout > MAX_BEZOUT:
        return None
    return polys


def solve_exact(problem: ContinuousProblem) -> tuple[list[tuple[sp.Expr, ...]], bool, list[str]]:
    """All KKT points of a problem with exact numbers, by active-set enumeration.

    Returns
    -------
    (points, complete, notes)
        ``points`` are profiles (tuples of sympy numbers) satisfying the KKT conditions;
        ``complete`` is ``True`` when every case was a polynomial system solved in full.

    Raises
    ------
    ValueError
        If parameters are unbound, numbers are floats, or there are too many cases.
    """
    problem.require_numeric()
    if not problem.is_exact():
        raise ValueError(
            "exact method needs exact numbers (int, Fraction, sympy Rational); got floats. "
            "Pass exact values or use method='numeric'"
        )
    n_cases = math.prod(1 + int(lo.is_finite) + int(hi.is_finite) for lo, hi in problem.bounds)
    if n_cases > MAX_CASES:
        raise ValueError(
            f"{n_cases} active-set cases exceed the exact limit {MAX_CASES}; use "
            "method='numeric' or, for aggregative games, solvers.continuous._aggregative"
        )
    grads = problem.gradient()
    points: list[tuple[sp.Expr, ...]] = []
    complete = True
    notes: list[str] = []
    for case in _cases(problem):
        fixed = {}
        for s, st, (lo, hi) in zip(problem.strategies, case, problem.bounds, strict=True):
            if st == "L":
                fixed[s] = lo
            elif st == "U":
                fixed[s] = hi
        interior = [i for i, st in enumerate(case) if st == "I"]
        unknowns = [problem.strategies[i] for i in interior]
        eqs = [grads[i].xreplace(fixed) for i in interior]
        if any(e.has(sp.zoo, sp.nan) for e in eqs):
            continue
        if unknowns:
            polys = _polynomial_system(eqs, unknowns)
            if polys is None:
                complete = False
                notes.append(
                    f"case {''.join(case)}: first-order system not polynomial "
                    "(or too large) for exact solution"
                )
                continue
            try:
                sols = sp.solve(polys, unknowns, dict=True)
            except NotImplementedError:
                complete = False
                notes.append(f"case {''.join(case)}: sympy could not solve the system")
                continue
        else:
            sols = [{}]
        for sol in sols:
            if any(sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()) or (
                len(sol) < len(unknowns)
            ):
                complete = False
                notes.append(f"case {''.join(case)}: a continuum of solutions (degenerate)")
                continue
            point = []
            ok = True
            for s in problem.strategies:
                v = fixed[s] if s in fixed else real_value(sp.sympify(sol[s]))
                if v is None:
                    ok = False
                    break
                point.append(v)
            if not ok:
                continue
            rep = dict(zip(problem.strategies, point, strict=True))
            for i, (st, (lo, hi)) in enumerate(zip(case, problem.bounds, strict=True)):
                v = point[i]
                if not (le(lo, v) and le(v, hi)):
                    ok = False
                    break
                gi = grads[i].xreplace(rep)
                if gi.has(sp.zoo, sp.nan) or gi.is_finite is False:
                    ok = False
                    break
                sgn = sign(gi)
                if sgn is None:
                    ok = False
                    complete = False
                    break
                if (st == "I" and sgn != 0) or (st == "L" and sgn > 0) or (st == "U" and sgn < 0):
                    ok = False
                    break
            if ok and not any(_same_point(point, q) for q in points):
                points.append(tuple(point))
    return points, complete, notes


def _same_point(p: Sequence[Any], q: Sequence[Any], rtol: float = 1e-12) -> bool:
    return all(
        abs(float(a) - float(b)) <= rtol * max(1.0, abs(float(a)), abs(float(b)))
        for a, b in zip(p, q, strict=True)
    )
