r"""The Shapley value (Shapley 1953), vectorized over the 2^n coalitions.

.. math:: \phi_i(v) = \sum_{S \subseteq N \setminus i} \frac{|S|!\,(n-|S|-1)!}{n!}
          \bigl(v(S \cup i) - v(S)\bigr).

Grouping coalitions by size, :math:`\phi_i = \sum_s w_{s-1} M_{is} - w_s (T_s - M_{is})`
with :math:`w_s = s!(n-1-s)!/n!`, :math:`M_{is}` the sum of :math:`v` over coalitions of
size :math:`s` containing :math:`i` and :math:`T_s` over all of size :math:`s`: one pass of
:math:`O(n 2^n)` array work. Exact games are computed in integers (scaled by the common
denominator) and returned as ``Fraction``.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from solvers.coalitional._input import prepare
from solvers.coalitional._sums import size_sums

__all__ = ["shapley_value", "shapley_value_permutations"]


def shapley_value(v: Any, n: int | None = None) -> list[Any]:
    """Shapley value of the characteristic vector ``v`` (bitmask order, see
    :func:`solvers.coalitional.characteristic_vector`).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> v = [F(0), F(0), F(0), F(1)]          # two players must agree
    >>> shapley_value(__import__("numpy").array(v, dtype=object), 2)
    [Fraction(1, 2), Fraction(1, 2)]
    """
    v, n = prepare(v, n)
    m, t, denom = size_sums(v, n)
    if v.dtype != np.float64:
        fact = [math.factorial(k) for k in range(n + 1)]
        c = [fact[s] * fact[n - 1 - s] for s in range(n)] + [0]  # n! w_s
        cm1 = [0, *c[:-1]]  # n! w_{s-1}
        out = []
        for i in range(n):
            tot = sum(
                int(m[i, s]) * cm1[s] - (int(t[s]) - int(m[i, s])) * c[s] for s in range(n + 1)
            )
            out.append(Fraction(tot, fact[n] * denom))
        return out
    s = np.arange(n + 1)
    w = np.zeros(n + 1)
    w[:n] = 1.0 / (n * np.array([math.comb(n - 1, k) for k in range(n)], dtype=float))
    wm1 = np.concatenate(([0.0], w[:-1]))
    phi = m @ wm1 - (t - m) @ w
    del s
    return [float(x) for x in phi]


def shapley_value_permutations(v: Any, n: int | None = None) -> list[Any]:
    """Shapley value by averaging marginal contributions over all n! orders (a plain
    reference implementation for small n; used by tests and benchmarks).

    Examples
    --------
    >>> import numpy as np
    >>> shapley_value_permutations(np.array([0.0, 0.0, 0.0, 1.0]), 2)
    [0.5, 0.5]
    """
    v, n = prepare(v, n)
    from itertools import permutations

    total = [0] * n
    count = 0
    for order in permutations(range(n)):
        mask = 0
        for i in order:
            total[i] += v[mask | 1 << i] - v[mask]
            mask |= 1 << i
        count += 1
    if v.dtype != np.float64:
        return [Fraction(x) / count for x in total]
    return [float(x) / count for x in total]
