r"""Regret, Nash checks and the tolerance policy.

For a finite game with payoff arrays :math:`u_i` and a mixed profile
:math:`\sigma = (\sigma_1, \dots, \sigma_n)`, player *i*'s regret is

.. math:: r_i(\sigma) = \max_{s_i} u_i(s_i, \sigma_{-i}) - u_i(\sigma),

and :math:`\sigma` is a Nash equilibrium iff :math:`r_i(\sigma) \le 0` for every *i*.
With exact entries (``Fraction`` or sympy, stored in ``object`` arrays) the regret is
computed exactly and must be exactly zero. With floats a profile passes when
:math:`r_i \le \text{rtol} \cdot \text{scale}_i + 256\,\epsilon \max|u_i|`, where
``scale_i`` is the range of player *i*'s payoffs, so multiplying all payoffs by a constant
never changes an answer; the second term (machine epsilon times the payoff magnitude)
only matters when payoffs are huge compared to their range, where no float method can
resolve differences below it.

Examples
--------
>>> import numpy as np
>>> from solvers.verify import regret, is_nash
>>> A = np.array([[1, -1], [-1, 1]]); B = -A          # matching pennies
>>> half = np.array([0.5, 0.5])
>>> regret([A, B], [half, half]).tolist()
[0.0, 0.0]
>>> is_nash([A, B], [np.array([1.0, 0.0]), half])
False
>>> is_nash([A * 1e6, B * 1e6], [half, half])
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["DEFAULT_RTOL", "expected_payoffs", "is_nash", "payoff_scale", "regret", "tolerance"]

#: Relative regret tolerance for float equilibria (times each player's payoff range).
DEFAULT_RTOL = 1e-9
_FLOAT_FLOOR = 256 * np.finfo(float).eps


def _is_exact(arrays: Sequence[np.ndarray]) -> bool:
    return any(np.asarray(a).dtype == object for a in arrays)


def expected_payoffs(
    payoffs: Sequence[np.ndarray], profile: Sequence[np.ndarray]
) -> list[np.ndarray]:
    """Payoff of each pure strategy of each player against the others' mixed strategies.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` has shape ``(m_1, ..., m_n)``.
    profile : sequence of array_like
        ``profile[j]`` is a probability vector of length ``m_j``.

    Returns
    -------
    list of numpy.ndarray
        ``out[i][k]`` is player *i*'s payoff from pure strategy *k*.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [5, 1]])
    >>> [v.tolist() for v in expected_payoffs([A, A.T], [np.array([.5, .5]), np.array([1., 0.])])]
    [[3.0, 5.0], [1.5, 3.0]]
    """
    n = len(payoffs)
    fast = _IntegerScaled(payoffs, profile) if n > 1 else None
    out = []
    for i in range(n):
        if fast is not None and fast.applies(i):
            out.append(fast.expected(i))
            continue
        u = np.asarray(payoffs[i])
        # contract the highest axes first so the remaining axis numbers stay valid
        for j in range(n - 1, -1, -1):
            if j != i:
                u = np.tensordot(u, np.asarray(profile[j]), axes=([j], [0]))
        out.append(u)
    return out


#: Largest common denominator (in bits) an array is scaled by on the integer path; past
#: it (many distinct long denominators) Fraction arithmetic, which reduces as it goes,
#: is faster.
_SCALE_BITS = 64


class _IntegerScaled:
    """:func:`expected_payoffs` of a player in Python integers, where her payoffs are
    ``int``/``Fraction`` and some other player's probabilities are ``Fraction``: each
    array scaled by the least common denominator of its entries (at most
    :data:`_SCALE_BITS` bits), contracted, and divided once at the end. The same
    ``Fraction`` values as Fraction arithmetic throughout (every entry a ``Fraction``
    there too, since each sums products with those probabilities), several times
    faster."""

    def __init__(self, payoffs: Sequence[np.ndarray], profile: Sequence[np.ndarray]) -> None:
        self.arrays = [np.asarray(u) for u in payoffs]
        self.strategies = [np.asarray(s) for s in profile]
        self._scaled: dict[tuple[str, int], tuple[np.ndarray, int] | None] = {}

    def _scale(self, kind: str, k: int) -> tuple[np.ndarray, int] | None:
        """An array as integers and its scale, ``None`` where the path does not apply."""
        key = (kind, k)
        if key not in self._scaled:
            from fractions import Fraction
            from math import lcm

            a = self.arrays[k] if kind == "payoffs" else self.strategies[k]
            entries = list(a.flat)
            done: tuple[np.ndarray, int] | None = None
            if a.dtype == object and all(type(v) in (int, Fraction) for v in entries):
                scale = lcm(*(v.denominator for v in entries)) if entries else 1
                if scale.bit_length() <= _SCALE_BITS:
                    ints = np.empty(a.shape, dtype=object)
                    ints.flat[:] = [v.numerator * (scale // v.denominator) for v in entries]
                    done = (ints, scale)
            self._scaled[key] = done
        return self._scaled[key]

    def applies(self, i: int) -> bool:
        from fractions import Fraction

        others = [j for j in range(len(self.arrays)) if j != i]
        mixed = any(
            self.strategies[j].dtype == object
            and any(type(p) is Fraction for p in self.strategies[j].flat)
            for j in others
        )
        if not mixed or self._scale("payoffs", i) is None:
            return False
        return all(self._scale("profile", j) is not None for j in others)

    def expected(self, i: int) -> np.ndarray:
        from fractions import Fraction

        scaled = self._scale("payoffs", i)
        assert scaled is not None
        u, scale = scaled
        for j in range(len(self.arrays) - 1, -1, -1):
            if j != i:
                found = self._scale("profile", j)
                assert found is not None
                p, denominator = found
                u = np.tensordot(u, p, axes=([j], [0]))
                scale *= denominator
        result = np.empty(u.shape, dtype=object)
        result.flat[:] = [Fraction(int(v), scale) for v in u.flat]
        return result


def regret(payoffs: Sequence[np.ndarray], profile: Sequence[np.ndarray]) -> np.ndarray:
    """Each player's regret (best pure payoff minus expected payoff) at ``profile``.

    Exact (``object``) inputs give exact regrets; floats give float regrets.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction as F
    >>> A = np.array([[F(2), F(0)], [F(0), F(1)]], dtype=object)
    >>> x = np.array([F(1, 3), F(2, 3)], dtype=object)
    >>> y = np.array([F(1, 3), F(2, 3)], dtype=object)
    >>> regret([A, A.T], [x, y]).tolist()
    [Fraction(0, 1), Fraction(0, 1)]
    """
    exact = _is_exact(payoffs) or _is_exact(profile)
    values = expected_payoffs(payoffs, profile)
    result = []
    for v, s in zip(values, profile, strict=True):
        s = np.asarray(s)
        if exact:
            expected = sum((a * b for a, b in zip(v, s, strict=True)), start=0 * v[0])
            best = _exact_max(v)
            result.append(best - expected)
        else:
            result.append(float(np.max(v) - np.dot(v, s)))
    return np.array(result, dtype=object if exact else float)


def _exact_max(values: np.ndarray):
    best = values[0]
    for v in values[1:]:
        diff = v - best
        positive = getattr(diff, "is_positive", None)
        if positive is None and hasattr(diff, "free_symbols"):
            raise ValueError(
                f"cannot decide whether {v} exceeds {best}: bind parameters with .subs()"
            )
        if positive if positive is not None else diff > 0:
            best = v
    return best


def payoff_scale(payoffs: Sequence[np.ndarray]) -> np.ndarray:
    """Per-player payoff range ``max - min`` (the largest ``|payoff|`` if the range is 0).

    Examples
    --------
    >>> import numpy as np
    >>> payoff_scale([np.array([[1, 3]]), np.array([[5, 5]])]).tolist()
    [2.0, 5.0]
    """
    scales = []
    for u in payoffs:
        u = np.asarray(u, dtype=float)
        span = float(u.max() - u.min())
        scales.append(span if span > 0 else float(np.max(np.abs(u))))
    return np.array(scales)


def tolerance(payoffs: Sequence[np.ndarray], rtol: float = DEFAULT_RTOL) -> np.ndarray:
    """Per-player regret tolerance: ``rtol`` times that player's payoff scale, plus the
    float resolution ``256 * eps * max|u_i|`` of the payoffs themselves.

    Examples
    --------
    >>> import numpy as np
    >>> tolerance([np.array([[0, 2e6]]), np.array([[0, 1]])], rtol=1e-9).tolist()
    [0.0020001136868377217, 1.0000568434188609e-09]
    """
    if not (np.isfinite(rtol) and 0 <= rtol < 1):
        raise ValueError(f"rtol must be a finite number in [0, 1), got {rtol!r}")
    magnitude = np.array([float(np.max(np.abs(np.asarray(u, dtype=float)))) for u in payoffs])
    return rtol * payoff_scale(payoffs) + _FLOAT_FLOOR * magnitude


def is_nash(
    payoffs: Sequence[np.ndarray],
    profile: Sequence[np.ndarray],
    rtol: float = DEFAULT_RTOL,
) -> bool:
    """Whether ``profile`` is a Nash equilibrium (exactly, or within the scaled tolerance).

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player.
    profile : sequence of array_like
        One probability vector per player. Vectors must be non-negative and sum to one
        (within ``rtol`` for floats); otherwise a ``ValueError`` is raised.
    rtol : float
        Relative tolerance for float inputs (ignored when exact).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[3, 0], [5, 1]])
    >>> is_nash([A, A.T], [np.array([0., 1.]), np.array([0., 1.])])
    True
    """
    exact = _is_exact(payoffs) or _is_exact(profile)
    for j, s in enumerate(profile):
        s = np.asarray(s)
        if s.shape != (np.asarray(payoffs[0]).shape[j],):
            raise ValueError(
                f"profile[{j}] has shape {s.shape}; expected one probability per strategy "
                f"({np.asarray(payoffs[0]).shape[j]})"
            )
        if exact:
            if any(p < 0 for p in s) or sum(s) != 1:
                raise ValueError(f"profile[{j}] is not a probability vector: {list(s)}")
        elif np.any(s < -rtol) or abs(float(np.sum(s)) - 1.0) > max(rtol, 1e-12) * len(s):
            raise ValueError(f"profile[{j}] is not a probability vector: {s.tolist()}")
    r = regret(payoffs, profile)
    if exact:
        return all(v <= 0 for v in r)
    return bool(np.all(r <= tolerance(payoffs, rtol)))
