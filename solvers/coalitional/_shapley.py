r"""The Shapley value (Shapley 1953), vectorized over the 2^n coalitions.

.. math:: \phi_i(v) = \sum_{S \subseteq N \setminus i} \frac{|S|!\,(n-|S|-1)!}{n!}
          \bigl(v(S \cup i) - v(S)\bigr).

With :math:`c_s = s!(n-1-s)!` (and :math:`c_{-1} = c_n = 0`), collecting the terms of each
coalition gives

.. math:: n!\,\phi_i = \sum_{S \ni i} (c_{|S|-1} + c_{|S|})\, v(S) - \sum_S c_{|S|}\, v(S),

so one weighted copy ``u`` of ``v`` and its n bit marginals :math:`\sum_{S \ni i} u(S)`
give every player's value. Small games (n <= 12) use a cached dense ``n x 2^n`` weight
matrix and one matrix-vector product; larger ones fold ``u`` in half once per player
(O(2^n) work in all). Exact games are computed in integers: the weights are divided by
their gcd g (so the common denominator is n!/g, about 2^29 for n = 20), the products are
taken in ``float64`` when every partial sum is an integer below 2^53 (exact), otherwise
in ``int64`` (exact modulo 2^64, so exact when the result fits), otherwise in Python
integers; one ``Fraction`` per player at the end.
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from solvers.coalitional._input import popcounts, prepare
from solvers.coalitional._sums import size_sums

__all__ = ["shapley_value", "shapley_value_permutations"]

#: Largest n for the dense weight matrix (12 x 4096 float64 = 384 KB).
_DENSE_MAX = 12


@lru_cache(maxsize=32)
def _weights(n: int) -> tuple[np.ndarray, np.ndarray, int, int]:
    """``(d, c, g, D)``: integer weights over coalitions (``d[S] = (c_{|S|-1} + c_{|S|})/g``,
    ``c[S] = c_{|S|}/g``, as ``int64``), their gcd ``g`` and the denominator ``D = n!/g``."""
    cs = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)] + [0]
    g = math.gcd(*cs)
    ds = [(cs[s - 1] if s else 0) + cs[s] for s in range(n + 1)]
    pc = popcounts(n)
    d = np.array([x // g for x in ds], dtype=np.int64)[pc]
    c = np.array([x // g for x in cs], dtype=np.int64)[pc]
    return d, c, g, math.factorial(n) // g


@lru_cache(maxsize=16)
def _dense(n: int) -> np.ndarray:
    """``W`` (n x 2^n, float64 integers): ``n!/g * phi = W @ v``."""
    d, c, _, _ = _weights(n)
    members = (np.arange(1 << n)[None, :] >> np.arange(n)[:, None]) & 1
    w = (members * d[None, :] - c[None, :]).astype(np.float64)
    w.setflags(write=False)
    return w


@lru_cache(maxsize=8)
def _weights_float(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``d / D`` and ``c / D`` (see :func:`_weights`) in ``float64``."""
    d, c, _, den = _weights(n)
    return d / den, c / den


@lru_cache(maxsize=16)
def _dense_float(n: int) -> np.ndarray:
    """``W / (n!/g)``: ``phi = W @ v`` for float games."""
    w = _dense(n) / _weights(n)[3]
    w.setflags(write=False)
    return w


def _marginals(u: np.ndarray, n: int) -> np.ndarray:
    """``out[i] = sum of u[S] over the coalitions S containing player i`` (O(2^n))."""
    out = np.empty(n, dtype=u.dtype)
    x = u
    for i in range(n - 1, -1, -1):
        h = x.reshape(2, -1)  # the top bit of the index is player i
        out[i] = h[1].sum()
        x = h[0] + h[1]
    return out


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
    if v.dtype == np.float64:
        if n <= 9:  # BLAS gemv: single-threaded in OpenBLAS at this size
            return (_dense_float(n) @ v).tolist()
        if n <= _DENSE_MAX:  # einsum, not BLAS: OpenBLAS threads stall on a busy machine
            return np.einsum("ij,j->i", _dense_float(n), v).tolist()
        df, cf = _weights_float(n)
        # no BLAS call: OpenBLAS threads stall for milliseconds on a busy machine
        return (_marginals(v * df, n) - float((cf * v).sum())).tolist()
    # exact: integers a = L * v
    if v.dtype == np.int64:
        lcm, a = 1, v
        top = int(np.abs(v).max())
    else:
        lcm = math.lcm(*(x.denominator for x in v))
        ints = [x.numerator * (lcm // x.denominator) for x in v]
        top = max(abs(x) for x in ints)
        a = np.array(ints, dtype=np.int64 if top < 2**62 else object)
    d, c, _, den = _weights(n)
    # |den * phi_i| <= sum_S |d[S]| + |c[S]| times top = 2 den top; every partial sum too
    bound = 2 * den * top
    if bound < 2**53 and n <= _DENSE_MAX:
        af = a.astype(np.float64)
        prod = _dense(n) @ af if n <= 9 else np.einsum("ij,j->i", _dense(n), af)
        nums = [int(x) for x in prod.tolist()]
    elif bound < 2**63 and a.dtype == np.int64:
        # int64 arithmetic is exact modulo 2^64: wrapped intermediates, exact result
        nums = (_marginals(a * d, n) - np.array([c @ a], dtype=np.int64)).tolist()
    else:
        return _shapley_python_ints(a, n, lcm)
    return [Fraction(x, den * lcm) for x in nums]


def _shapley_python_ints(a: np.ndarray, n: int, lcm: int) -> list[Fraction]:
    """Exact Shapley value in Python integers (huge worths)."""
    m, t, denom = size_sums(a, n)
    fact = [math.factorial(k) for k in range(n + 1)]
    c = [fact[s] * fact[n - 1 - s] for s in range(n)] + [0]  # n! w_s
    cm1 = [0, *c[:-1]]  # n! w_{s-1}
    out = []
    for i in range(n):
        tot = sum(int(m[i, s]) * cm1[s] - (int(t[s]) - int(m[i, s])) * c[s] for s in range(n + 1))
        out.append(Fraction(tot, fact[n] * denom * lcm))
    return out


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
