r"""Mixed equilibria by region of games with three or more players, support by support.

For a support profile :math:`S = (S_1, \dots, S_n)` (some player mixing) the equilibrium
conditions are the *support system*: each mixing player is indifferent among the
strategies of its support,

.. math:: U_i(k, \sigma_{-i}) = U_i(k_0, \sigma_{-i}) \quad (k \in S_i),

a multilinear system in the other players' probabilities, solved once with sympy **with
the parameters symbolic**; a solution is an equilibrium where every probability in a
support is positive and no strategy outside a support pays more,

.. math:: \sigma_{i,k} > 0 \ (k \in S_i), \qquad
          U_i(k_0, \sigma_{-i}) - U_i(d, \sigma_{-i}) \ge 0 \ (d \notin S_i),

sign conditions the region oracle decides (splitting the region where they are not
settled, as for pure equilibria). What is not solved in closed form is said:

* a support system sympy cannot solve, or whose solutions involve radicals (their signs
  are not decided by region), is listed in the notes and the region is incomplete;
* where a support system is singular (its Jacobian vanishes at the solution, so the
  equilibria there may form a continuum), or where at the region's sample point the
  system has other solutions than the generic ones, the region is flagged incomplete.

The functions take the region oracle of :mod:`solvers.finite._regions` (``decide``) and
raise the exception it passes when a condition must be split on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

__all__ = ["MixedSolutions", "mixed_by_region", "support_solutions"]

#: support profile -> (solutions, note); a solution is (strategies, conditions, det)
MixedSolutions = dict[tuple, tuple[list, str | None]]


def _supports(m: int) -> list[tuple[int, ...]]:
    return [c for r in range(1, m + 1) for c in itertools.combinations(range(m), r)]


def _expected(
    u: np.ndarray, i: int, d: int, sigma: Sequence[dict[int, sp.Expr]], supports
) -> sp.Expr:
    n = u.ndim
    total = sp.Integer(0)
    others = [supports[j] if j != i else (d,) for j in range(n)]
    for profile in itertools.product(*others):
        w = sp.Integer(1)
        for j in range(n):
            if j != i:
                w *= sigma[j][profile[j]]
        total += u[profile] * w
    return total


def _has_radicals(expr: sp.Expr) -> bool:
    return any(
        not p.exp.is_Integer and not p.base.is_number for p in sp.sympify(expr).atoms(sp.Pow)
    )


def _system(arrays: Sequence[np.ndarray], supports: tuple, values: dict | None = None):
    """Unknowns, probabilities (with the sums substituted) and indifference equations."""
    unknowns: list[sp.Symbol] = []
    sigma: list[dict[int, sp.Expr]] = []
    for i, s in enumerate(supports):
        if len(s) == 1:
            sigma.append({s[0]: sp.Integer(1)})
            continue
        ps = [sp.Dummy(f"p{i}_{k}") for k in s[1:]]
        unknowns.extend(ps)
        probs = {k: p for k, p in zip(s[1:], ps, strict=True)}
        probs[s[0]] = 1 - sp.Add(*ps)
        sigma.append(probs)
    us = [a if values is None else _subs_array(a, values) for a in arrays]
    eqs = []
    for i, s in enumerate(supports):
        if len(s) < 2:
            continue
        base = _expected(us[i], i, s[0], sigma, supports)
        for k in s[1:]:
            eqs.append(sp.expand(_expected(us[i], i, k, sigma, supports) - base))
    return unknowns, sigma, eqs, us


def _subs_array(a: np.ndarray, values: dict) -> np.ndarray:
    out = np.empty(a.shape, dtype=object)
    for idx, v in np.ndenumerate(a):
        out[idx] = sp.sympify(v).xreplace(values)
    return out


def support_solutions(arrays: Sequence[np.ndarray], supports: tuple) -> tuple[list, str | None]:
    """The support system solved with the parameters symbolic: ``(solutions, note)``.

    Each solution is ``(strategies, conditions, det)``: the mixed strategies (arrays of
    expressions), the sign conditions ``(expr, rel)`` for it to be an equilibrium
    (``rel`` in ``">"``, ``">="``) and the numerator of the system's Jacobian
    determinant at the solution.
    """
    shape = arrays[0].shape
    label = "(" + ", ".join("{" + ",".join(map(str, s)) + "}" for s in supports) + ")"
    unknowns, sigma, eqs, us = _system(arrays, supports)
    # equations free of the probabilities are conditions on the parameters
    fixed = [(e, "==0") for e in eqs if not e.free_symbols & set(unknowns)]
    eqs = [e for e in eqs if e.free_symbols & set(unknowns)]
    try:
        sols = sp.solve(eqs, unknowns, dict=True) if eqs else [{}]
    except NotImplementedError:
        return [], f"support {label}: sympy could not solve the support system"
    out: list[tuple[Any, list[tuple[sp.Expr, str]], sp.Expr]] = []
    notes = []
    for sol in sols:
        if len(sol) < len(unknowns) or any(
            sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()
        ):
            if fixed:  # a continuum only where the parameter conditions hold
                out.append((None, fixed, sp.Integer(1)))
            else:
                notes.append(f"support {label}: a continuum of solutions, not enumerated")
            continue
        if any(_has_radicals(v) for v in sol.values()):
            notes.append(
                f"support {label}: the solution involves radicals; its conditions are not "
                "decided by region (bind the parameters to find it)"
            )
            continue
        sig = [{k: sp.cancel(sp.sympify(v).xreplace(sol)) for k, v in d.items()} for d in sigma]
        conds: list[tuple[sp.Expr, str]] = list(fixed)
        for i, s in enumerate(supports):
            if len(s) > 1:
                conds.extend((sig[i][k], ">") for k in s)
            base = sp.cancel(_expected(us[i], i, s[0], sig, supports))
            for d in range(shape[i]):
                if d not in s:
                    gap = sp.cancel(base - _expected(us[i], i, d, sig, supports))
                    conds.append((gap, ">="))
        if unknowns and len(eqs) == len(unknowns):
            jac = sp.Matrix(eqs).jacobian(unknowns).xreplace(sol)
            det = sp.fraction(sp.cancel(sp.together(jac.det(method="berkowitz"))))[0]
        else:
            det = sp.Integer(1)
        strategies = [
            np.array([sig[i].get(k, sp.Integer(0)) for k in range(shape[i])], dtype=object)
            for i in range(len(arrays))
        ]
        out.append((strategies, conds, det))
    return out, "; ".join(dict.fromkeys(notes)) or None


def _valid_at(arrays, supports, sample) -> int | None:
    """Number of solutions of the support system at ``sample`` that are equilibria on
    that support (``None``: a continuum or unsolved)."""
    shape = arrays[0].shape
    unknowns, sigma, eqs, us = _system(arrays, supports, sample)
    if any(not e.free_symbols & set(unknowns) and e != 0 for e in eqs):
        return 0
    eqs = [e for e in eqs if e.free_symbols & set(unknowns)]
    try:
        sols = sp.solve(eqs, unknowns, dict=True) if eqs else [{}]
    except NotImplementedError:
        return None
    count = 0
    for sol in sols:
        if len(sol) < len(unknowns) or any(
            sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()
        ):
            return None
        sig = [{k: sp.nsimplify(sp.sympify(v).xreplace(sol)) for k, v in d.items()} for d in sigma]
        ok = True
        for i, s in enumerate(supports):
            if len(s) > 1 and not all(sig[i][k].is_extended_real and sig[i][k] > 0 for k in s):
                ok = False
                break
            base = _expected(us[i], i, s[0], sig, supports)
            for d in range(shape[i]):
                if d not in s and sp.simplify(base - _expected(us[i], i, d, sig, supports)) < 0:
                    ok = False
                    break
            if not ok:
                break
        count += ok
    return count


def _undominated(arrays: Sequence[np.ndarray], decide) -> list[list[bool]]:
    """Per player and strategy: ``False`` when the region proves it strictly dominated by
    another pure strategy (undecided comparisons keep it)."""
    live = []
    for i, u in enumerate(arrays):
        m = u.shape[i]
        flags = []
        for d in range(m):
            dominated = False
            for k in range(m):
                if k == d:
                    continue
                gaps = np.take(u, k, axis=i) - np.take(u, d, axis=i)
                if all(decide(g, ">") is True for g in gaps.flat):
                    dominated = True
                    break
            flags.append(not dominated)
        live.append(flags)
    return live


def mixed_by_region(
    arrays: Sequence[np.ndarray],
    decide: Callable[[Any, str], bool | None],
    undecided: Callable[[sp.Expr], Exception],
    cache: MixedSolutions,
    sample: dict | None,
) -> tuple[list[list[np.ndarray]], list[str], bool]:
    """The mixed equilibria (some player mixing) in the region ``decide`` describes.

    Returns ``(strategy profiles, notes, complete)``; raises ``undecided(expr)`` when a
    sign that matters is not settled by the region.
    """
    shape = arrays[0].shape
    found: list[list[np.ndarray]] = []
    notes: list[str] = []
    complete = True
    per_support: list[tuple[tuple, int]] = []
    live = _undominated(arrays, decide)
    for supports in itertools.product(*(_supports(m) for m in shape)):
        if all(len(s) == 1 for s in supports):
            continue
        if any(not live[i][k] for i, s in enumerate(supports) for k in s):
            continue  # a strictly dominated strategy is never played
        if supports not in cache:
            cache[supports] = support_solutions(arrays, supports)
        sols, note = cache[supports]
        if note:
            notes.append(note)
            complete = False
        valid = 0
        for strategies, conds, det in sols:
            if any(not live[i][k] for i, s in enumerate(supports) for k in s):
                continue
            verdicts = [decide(e, rel) for e, rel in conds]
            if any(v is False for v in verdicts):
                continue
            pending = [e for (e, _), v in zip(conds, verdicts, strict=True) if v is None]
            if pending:
                raise undecided(pending[0])
            if strategies is None:
                complete = False
                notes.append(
                    "a support system has a continuum of solutions in this region, not enumerated"
                )
                continue
            singular = decide(det, "==0")
            if singular is None:
                raise undecided(det)
            if singular:
                complete = False
                notes.append(
                    "a support system is singular in this region: its equilibria may form a "
                    "continuum, not enumerated"
                )
            found.append(strategies)
            valid += 1
        if note is None:
            per_support.append((supports, valid))
    if sample is not None:
        for supports, valid in per_support:
            at = _valid_at(arrays, supports, sample)
            if at is None or at != valid:
                complete = False
                notes.append(
                    "a support system degenerates in this region (other solutions than the "
                    "generic ones at the sample point): mixed equilibria may be missing"
                )
                break
    return found, list(dict.fromkeys(notes)), complete
