r"""The core and the least core (Maschler, Peleg & Shapley 1979).

The core is :math:`\{x : x(N) = v(N),\ x(S) \ge v(S)\ \forall S\}`. The least core is the
set of minimizers of :math:`\max_{\emptyset \ne S \ne N} e(S, x)` over
:math:`x(N) = v(N)`, with excess :math:`e(S, x) = v(S) - x(S)`; its value
:math:`\varepsilon^*` is :math:`\le 0` iff the core is nonempty.

Solved as one LP with scipy's HiGHS (dual simplex, so a vertex with its duals). For exact
games the vertex is recomputed in ``Fraction`` from its tight coalitions and *certified*:
exact primal feasibility, and an exact dual certificate -- nonnegative weights on the tight
coalitions under which every player is covered equally (complementary slackness). If the
certificate fails the float answer is returned with ``exact=False`` and a warning.
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from typing import Any

import numpy as np

from solvers.coalitional._exact import nonnegative_solution, solve
from solvers.coalitional._input import (
    fraction_vector,
    is_exact_number,
    is_exact_vector,
    prepare,
)
from solvers.coalitional._lp import coalition_matrix, solve_lp

__all__ = ["CoalitionalWarning", "in_core", "least_core", "scale_tolerance"]


class CoalitionalWarning(UserWarning):
    """An exact certificate could not be produced; the float answer is returned."""


def scale_tolerance(v: np.ndarray, rtol: float = 1e-9) -> float:
    """Absolute tolerance scaled to the largest worth."""
    return rtol * max(1.0, float(np.max(np.abs(v.astype(np.float64)))))


def in_core(v: Any, x: Any, n: int | None = None, rtol: float = 1e-9) -> bool:
    """Whether ``x`` is in the core: exact comparison when ``v`` and ``x`` are exact,
    otherwise with tolerance ``rtol`` times the largest worth.

    Examples
    --------
    >>> import numpy as np
    >>> v = np.array([0, 0, 0, 1])
    >>> in_core(v, [0.5, 0.5]), in_core(v, [1, 1])
    (True, False)
    """
    v, n = prepare(v, n)
    x = list(x)
    if len(x) != n:
        raise ValueError(f"x must have one entry per player ({n}), got {len(x)}")
    if is_exact_vector(v) and all(is_exact_number(t) for t in x):
        fv = fraction_vector(v)
        fx = [Fraction(t) if not hasattr(t, "p") else Fraction(int(t.p), int(t.q)) for t in x]
        if sum(fx) != fv[-1]:
            return False
        sums = [Fraction(0)] * (1 << n)
        for mask in range(1, 1 << n):
            low = mask & -mask
            sums[mask] = sums[mask ^ low] + fx[low.bit_length() - 1]
            if sums[mask] < fv[mask]:
                return False
        return True
    xf = np.asarray([float(t) for t in x])
    vf = v.astype(np.float64)
    tol = scale_tolerance(v, rtol)
    fsums = np.zeros(1 << n)
    for i in range(n):
        fsums[1 << i : 1 << (i + 1)] = fsums[: 1 << i] + xf[i]
    return bool(abs(fsums[-1] - vf[-1]) <= tol and np.all(fsums >= vf - tol))


def least_core(
    v: Any, n: int | None = None, exact: bool | None = None
) -> tuple[list[Any], Any, bool]:
    """A point of the least core and the least-core value ``epsilon``.

    Returns ``(x, epsilon, exact)``; the core is nonempty iff ``epsilon <= 0``.

    Examples
    --------
    >>> import numpy as np
    >>> v = np.array([0, 0, 0, 1, 0, 1, 1, 1])    # 3-player majority game: empty core
    >>> least_core(v, 3)
    ([Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)], Fraction(1, 3), True)
    """
    v, n = prepare(v, n)
    if exact is None:
        exact = is_exact_vector(v)
    vf = v.astype(np.float64)
    if n == 1:
        val = fraction_vector(v)[-1] if exact else float(vf[-1])
        return [val], None, exact
    a = coalition_matrix(n)
    m = a.shape[0]
    import scipy.sparse as sps

    a_ub = sps.hstack([-a, -sps.csr_matrix(np.ones((m, 1)))]).tocsr()
    b_ub = -vf[1:-1]
    a_eq = np.append(np.ones(n), 0.0)[None, :]
    c = np.zeros(n + 1)
    c[-1] = 1.0
    res = solve_lp(c, a_ub, b_ub, a_eq, [vf[-1]], [(None, None)] * (n + 1))
    x, eps = res.x[:n], float(res.x[-1])
    if not exact:
        return [float(t) for t in x], eps, False
    slack = a_ub @ res.x - b_ub
    fv = fraction_vector(v)
    cert = None
    for rtol in (1e-7, 1e-9, 1e-5):  # which float slacks count as tight
        tight = np.nonzero(np.abs(slack) <= rtol * max(1.0, np.abs(vf).max()))[0]
        cert = _certify_least_core(fv, n, [int(k + 1) for k in tight])
        if cert is not None:
            break
    if cert is None:
        warnings.warn(
            "least core: the exact certificate failed; returning the float solution",
            CoalitionalWarning,
            stacklevel=2,
        )
        return [float(t) for t in x], eps, False
    return cert[0], cert[1], True


def _certify_least_core(
    fv: list[Fraction], n: int, tight: list[int]
) -> tuple[list[Fraction], Fraction] | None:
    rows = [[Fraction(int(mask >> i & 1)) for i in range(n)] + [Fraction(1)] for mask in tight]
    rhs = [fv[mask] for mask in tight]
    sol = solve([*rows, [Fraction(1)] * n + [Fraction(0)]], [*rhs, fv[-1]])
    if sol is None:
        return None
    x, eps = sol[:n], sol[n]
    sums = [Fraction(0)] * (1 << n)
    for mask in range(1, (1 << n) - 1):
        low = mask & -mask
        sums[mask] = sums[mask ^ low] + x[low.bit_length() - 1]
        if sums[mask] + eps < fv[mask]:
            return None
    tight_exact = [mask for mask in range(1, (1 << n) - 1) if sums[mask] + eps == fv[mask]]
    # dual: y >= 0 on tight coalitions, sum y = 1, every player covered by the same weight u
    cols = [
        [Fraction(int(mask >> i & 1)) for i in range(n)] + [Fraction(1)] for mask in tight_exact
    ]
    cols.append([Fraction(-1)] * n + [Fraction(0)])  # u
    a = [list(r) for r in zip(*cols, strict=True)]
    if nonnegative_solution(a, [Fraction(0)] * n + [Fraction(1)]) is None:
        return None
    return x, eps
