r"""Internal and external stability of a single coalition facing singletons
(d'Aspremont et al. 1983; Carraro & Siniscalco 1993; Barrett 1994).

Players outside the coalition act alone; ``member(S, i)`` is the payoff of member ``i`` of
coalition ``S`` and ``outsider(S, j)`` that of non-member ``j`` -- the externality of the
coalition on outsiders is part of the model. A coalition ``S`` is

* internally stable if no member gains by leaving:
  :math:`\pi^m_i(S) \ge \pi^o_i(S \setminus i)` for every :math:`i \in S`;
* externally stable if no outsider gains by joining:
  :math:`\pi^o_j(S) \ge \pi^m_j(S \cup j)` for every :math:`j \notin S`.

The tie rule decides indifferent players. ``join_if_indifferent=True`` (the convention of
Carraro & Siniscalco): an indifferent member stays and an indifferent outsider joins, so
external stability needs a *strict* preference for staying out. ``False``: indifferent
players stay out (internal stability strict, external weak). ``None``: indifference never
destabilizes (both weak). A lone player is internally stable by definition. Floats are
compared with a relative tolerance ``rtol`` (ties within it count as indifference); exact
numbers (int, ``Fraction``, sympy) exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from solvers._numbers import sign_or_numeric

__all__ = ["compare", "stable_coalitions", "stable_sizes"]


def compare(a: Any, b: Any, rtol: float = 1e-9) -> int:
    """Sign of ``a - b`` (exact for exact numbers; ties within ``rtol`` for floats)."""
    if isinstance(a, float) or isinstance(b, float):
        d = float(a) - float(b)
        if abs(d) <= rtol * max(1.0, abs(float(a)), abs(float(b))):
            return 0
        return 1 if d > 0 else -1
    d = a - b
    if isinstance(d, int) or (hasattr(d, "denominator") and not hasattr(d, "free_symbols")):
        return (d > 0) - (d < 0)
    return sign_or_numeric(d)


def _stays(gain_in_minus_out: int, join_if_indifferent: bool | None, member: bool) -> bool:
    """Whether a member stays (``member``) / an outsider stays out, given the sign of
    (payoff inside - payoff outside)."""
    if gain_in_minus_out != 0:
        return gain_in_minus_out > 0 if member else gain_in_minus_out < 0
    if join_if_indifferent is None:
        return True
    return join_if_indifferent if member else not join_if_indifferent


def stable_coalitions(
    n: int,
    member: Callable[[frozenset[int], int], Any],
    outsider: Callable[[frozenset[int], int], Any],
    join_if_indifferent: bool | None = True,
    min_size: int = 1,
    rtol: float = 1e-9,
) -> list[tuple[frozenset[int], bool, bool]]:
    """Every coalition (of at least ``min_size`` players) with its internal and external
    stability: a list of ``(S, internal, external)``, by size then bitmask.

    Examples
    --------
    >>> # linear benefit, quadratic cost, N = 4, b = c = 1 (Barrett 1994): pi = Q - q^2/2
    >>> from fractions import Fraction as F
    >>> def pay(S, i, n=4):
    ...     k = len(S); q_s = F(k); q_n = F(1)
    ...     Q = k * q_s + (n - k) * q_n
    ...     return Q - (q_s if i in S else q_n) ** 2 / 2
    >>> rows = stable_coalitions(4, pay, pay)
    >>> sorted({len(S) for S, i, e in rows if i and e})
    [3]
    """
    if n > 20:
        raise ValueError(f"{n} players: listing all 2^{n} coalitions is too large (limit 20)")
    out = []
    for size in range(min_size, n + 1):
        for mask in range(1 << n):
            if mask.bit_count() != size:
                continue
            s = frozenset(i for i in range(n) if mask >> i & 1)
            internal = all(
                _stays(
                    compare(member(s, i), outsider(s - {i}, i), rtol), join_if_indifferent, True
                )
                for i in s
            )
            external = all(
                _stays(
                    compare(member(s | {j}, j), outsider(s, j), rtol), join_if_indifferent, False
                )
                for j in range(n)
                if j not in s
            )
            out.append((s, internal, external))
    return out


def stable_sizes(
    n: int,
    member: Callable[[int], Any] | Sequence[Any],
    outsider: Callable[[int], Any] | Sequence[Any],
    join_if_indifferent: bool | None = True,
    min_size: int = 1,
    rtol: float = 1e-9,
) -> list[int]:
    """Stable coalition sizes of a symmetric game: ``member(k)`` is a member's payoff in a
    coalition of ``k`` and ``outsider(k)`` a non-member's when ``k`` others cooperate
    (``k`` from 0 to n - 1).

    Examples
    --------
    >>> # Barrett's linear model with b = c = 1, N = 10 (Carraro-Siniscalco): size 3
    >>> pi_s = lambda k: (2 * 10 + k**2 - 2 * k) / 2
    >>> pi_n = lambda k: (2 * 10 + 2 * k**2 - 2 * k - 1) / 2
    >>> stable_sizes(10, pi_s, pi_n), stable_sizes(10, pi_s, pi_n, join_if_indifferent=None)
    ([3], [2, 3])
    """
    ms = member if callable(member) else (lambda k, seq=member: seq[k])
    os_ = outsider if callable(outsider) else (lambda k, seq=outsider: seq[k])
    sizes = []
    for k in range(min_size, n + 1):
        internal = k == 1 or _stays(compare(ms(k), os_(k - 1), rtol), join_if_indifferent, True)
        external = k == n or _stays(compare(ms(k + 1), os_(k), rtol), join_if_indifferent, False)
        if internal and external:
            sizes.append(k)
    return sizes
