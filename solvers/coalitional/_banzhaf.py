r"""The Banzhaf value (Banzhaf 1965; Penrose 1946), raw and normalized.

.. math:: \beta_i(v) = \frac{1}{2^{n-1}} \sum_{S \subseteq N \setminus i}
          \bigl(v(S \cup i) - v(S)\bigr)
          = \frac{2 \sum_{S \ni i} v(S) - \sum_S v(S)}{2^{n-1}},

and the normalized index :math:`\beta_i / \sum_j \beta_j` (defined when the sum is not 0).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from solvers.coalitional._input import prepare
from solvers.coalitional._sums import size_sums

__all__ = ["banzhaf_value", "normalize"]


def banzhaf_value(v: Any, n: int | None = None) -> list[Any]:
    """Raw Banzhaf value of the characteristic vector ``v`` (bitmask order).

    Examples
    --------
    >>> import numpy as np
    >>> banzhaf_value(np.array([0.0, 0.0, 0.0, 1.0]), 2)
    [0.5, 0.5]
    """
    v, n = prepare(v, n)
    m, t, denom = size_sums(v, n)
    if v.dtype != np.float64:
        total = sum(int(x) for x in t)
        return [
            Fraction(2 * sum(int(x) for x in m[i]) - total, denom << (n - 1)) for i in range(n)
        ]
    ftotal = float(t.sum())
    return [float((2 * m[i].sum() - ftotal) / 2.0 ** (n - 1)) for i in range(n)]


def normalize(values: list[Any]) -> list[Any]:
    """Divide by the sum (the normalized Banzhaf index).

    Examples
    --------
    >>> normalize([1, 3])
    [Fraction(1, 4), Fraction(3, 4)]
    """
    total = sum(values)
    if total == 0:
        raise ValueError(
            "the Banzhaf values sum to 0, so the normalized index is undefined; use the raw "
            "values (normalized=False)"
        )
    if all(isinstance(x, int | Fraction) for x in values):
        return [Fraction(x) / total for x in values]
    return [float(x) / float(total) for x in values]
