r"""KKT points of a continuous game by numeric root finding, and best-response iteration.

:func:`solve_numeric` finds roots of the Fischer-Burmeister form of the KKT conditions
(the natural map :math:`x - \Pi_{[\ell, h]}(x + g(x))` as a fall-back) from several
starts and polishes them by Newton steps on the first-order conditions of the players
strictly inside their bounds. :func:`best_response_iteration` (Gauss-Seidel, numeric
global best responses) is the slow, robust last resort. Both return unverified candidates.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import scipy.optimize as so
import sympy as sp

from solvers.continuous._maximize import maximize_1d
from solvers.continuous._problem import ContinuousProblem

__all__ = ["best_response_iteration", "solve_numeric"]


def _lambdified(problem: ContinuousProblem):
    args = list(problem.strategies)
    grads = problem.gradient()
    g = sp.lambdify(args, list(grads), modules="numpy")
    jac = sp.lambdify(args, [[sp.diff(gi, s) for s in args] for gi in grads], modules="numpy")
    return g, jac


def _box(problem: ContinuousProblem) -> tuple[np.ndarray, np.ndarray]:
    lo = np.array([float(lo) if lo.is_finite else -np.inf for lo, _ in problem.bounds])
    hi = np.array([float(hi) if hi.is_finite else np.inf for _, hi in problem.bounds])
    return lo, hi


def solve_numeric(problem: ContinuousProblem, starts: int = 8, seed: int = 0) -> list[np.ndarray]:
    """KKT points found by root finding on the natural map from several starts.

    Returns candidate profiles (unverified: pass them to :func:`verify_profile`).
    """
    problem.require_numeric()
    n = problem.n
    lo, hi = _box(problem)
    g, jac = _lambdified(problem)
    scale = max([1.0] + [abs(float(b)) for pair in problem.bounds for b in pair if b.is_finite])
    rng = np.random.default_rng(seed)
    wlo = np.where(np.isfinite(lo), lo, np.where(np.isfinite(hi), hi - scale, -scale))
    whi = np.where(np.isfinite(hi), hi, wlo + 2 * scale)
    inner_lo = wlo + 1e-3 * (whi - wlo)
    inner_hi = whi - 1e-3 * (whi - wlo)
    starts_list = [(inner_lo + inner_hi) / 2, inner_lo + 0.25 * (inner_hi - inner_lo)]
    starts_list += [rng.uniform(inner_lo, inner_hi) for _ in range(max(0, starts - 2))]

    def grad(x):
        with np.errstate(all="ignore"):
            return np.asarray(g(*x), dtype=float).reshape(n)

    def jacobian(x):
        with np.errstate(all="ignore"):
            return np.asarray(jac(*x), dtype=float).reshape(n, n)

    fin_lo, fin_hi = np.isfinite(lo), np.isfinite(hi)

    def fb(a, b):
        return np.sqrt(a * a + b * b) - a - b

    def mcp(x):
        """Fischer-Burmeister form of the KKT conditions (Billups for two bounds)."""
        F = -grad(x)
        if not np.all(np.isfinite(F)):
            return np.full(n, 1e6 * scale)
        both = fb(x - np.where(fin_lo, lo, 0.0), -fb(np.where(fin_hi, hi, 0.0) - x, -F))
        only_lo = fb(x - np.where(fin_lo, lo, 0.0), F)
        only_hi = -fb(np.where(fin_hi, hi, 0.0) - x, -F)
        return np.where(
            fin_lo & fin_hi, both, np.where(fin_lo, only_lo, np.where(fin_hi, only_hi, F))
        )

    def natural(x):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return np.full(n, np.inf)
        return x - np.clip(x + gx, lo, hi)

    found: list[np.ndarray] = []
    for x0 in starts_list:
        x = x0.copy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for fun, method in ((mcp, "hybr"), (mcp, "lm"), (natural, "hybr")):
                try:
                    res = so.root(fun, x, method=method)
                except (ValueError, FloatingPointError):
                    continue
                if np.all(np.isfinite(res.x)) and np.max(np.abs(natural(res.x))) < 1e-8 * scale:
                    x = res.x
                    break
            else:
                x = _damped_projection(grad, x, lo, hi)
                if x is None:
                    continue
        x = _polish(grad, jacobian, np.clip(x, lo, hi), lo, hi)
        if x is not None and not any(
            np.allclose(x, y, rtol=1e-7, atol=1e-9 * scale) for y in found
        ):
            found.append(x)
    return found


def best_response_iteration(
    problem: ContinuousProblem, iterations: int = 300, damping: float = 1.0
) -> np.ndarray | None:
    """Gauss-Seidel iteration of numeric global best responses from the box centre.

    Returns the last iterate when successive profiles agree to ~1e-13 (relative), else
    ``None``. Slow but robust: used when root finding finds nothing that verifies.
    """
    lo, hi = _box(problem)
    x = np.where(
        np.isfinite(lo) & np.isfinite(hi),
        (lo + hi) / 2,
        np.where(np.isfinite(lo), lo + 1, np.where(np.isfinite(hi), hi - 1, 0.0)),
    )
    args = list(problem.strategies)
    pays = [sp.lambdify(args, u, modules="numpy") for u in problem.payoffs]
    for _ in range(iterations):
        old = x.copy()
        for i in range(problem.n):

            def f(t, i=i):
                z = [np.full_like(np.asarray(t, dtype=float), v) for v in x]
                z[i] = np.asarray(t, dtype=float)
                return pays[i](*z)

            xi, v, _ = maximize_1d(f, lo[i], hi[i], hint=x[i], points=201)
            if not math.isfinite(v):
                return None
            x[i] = (1 - damping) * x[i] + damping * xi
        if np.max(np.abs(x - old)) <= 1e-13 * max(1.0, float(np.max(np.abs(x)))):
            return x
    return None


def _damped_projection(grad, x, lo, hi, steps: int = 2000):
    step = 0.5
    for _ in range(steps):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return None
        new = np.clip(x + step * gx, lo, hi)
        if np.max(np.abs(new - x)) < 1e-13 * max(1.0, float(np.max(np.abs(x)))):
            return new
        if np.linalg.norm(new - x) > np.linalg.norm(x - np.clip(x + 2 * step * gx, lo, hi)):
            step *= 0.5
        x = new
    return x


def _polish(grad, jacobian, x, lo, hi, iters: int = 30):
    """Newton steps on the first-order conditions of players strictly inside."""
    for _ in range(iters):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return x
        span = np.maximum(1.0, np.abs(x))
        at_lo = np.isfinite(lo) & (x - lo <= 1e-9 * span) & (gx <= 0)
        at_hi = np.isfinite(hi) & (hi - x <= 1e-9 * span) & (gx >= 0)
        x = np.where(at_lo, lo, np.where(at_hi, hi, x))
        free = ~(at_lo | at_hi)
        if not free.any():
            return x
        J = jacobian(x)[np.ix_(free, free)]
        try:
            dx = np.linalg.solve(J, -gx[free])
        except np.linalg.LinAlgError:
            return x
        if not np.all(np.isfinite(dx)):
            return x
        new = x.copy()
        new[free] = np.clip(x[free] + dx, lo[free], hi[free])
        if np.max(np.abs(new - x)) <= 1e-15 * float(np.max(span)):
            return new
        x = new
    return x
