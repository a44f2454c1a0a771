r"""Coalition stability (c.2) and the coalition of the compelled (c.3).

:math:`N` symmetric countries choose an action :math:`q_i` (pressure on the surplus
country: tariffs, in climate models abatement), :math:`Q = \sum_j q_j`. Payoff
:math:`\pi_i = B(Q) - (c/2) q_i^2` with a linear benefit :math:`B(Q) = bQ` or a quadratic
one :math:`B(Q) = b(AQ - Q^2/2)`. A coalition of :math:`k` members maximizes its joint
payoff, outsiders play Nash-Cournot (d'Aspremont et al. 1983; Carraro & Siniscalco 1993;
Barrett 1994). A size is

* *internally stable* if no member gains by leaving, :math:`\pi_s(k) \ge \pi_n(k-1)`;
* *externally stable* if no outsider gains by joining, :math:`\pi_n(k) > \pi_s(k+1)`
  (an indifferent outsider joins: ``join_if_indifferent=True``; with ``False`` the
  inequality is weak).

Linear benefits give :math:`q_n = b/c`, :math:`q_s = kb/c`,
:math:`\pi_s(k) = b^2(2N + k^2 - 2k)/(2c)`, :math:`\pi_n(k) = b^2(2N + 2k^2 - 2k - 1)/(2c)`,
so the unique stable size is 3 for every :math:`N \ge 3` (2 and 3 with weak
inequalities). Quadratic benefits give stable sizes of at most 2 (the survey in
*Games* 10(4):47, 2019, citing Barrett, Carraro-Siniscalco and Finus 2001).

The *coalition of the compelled* adds a penalty :math:`P` on every non-member (the
hegemon keeps its tariff on those who do not join, lifts it for members; Nordhaus 2015's
club logic). In the linear model the stable size becomes
:math:`k^*(P) = \min(N, \lfloor 2 + \sqrt{1 + 2cP/b^2}\rfloor)` and the grand coalition is
stable from :math:`P = (b^2/2c)(N-1)(N-3)`.

Examples
--------
>>> from games.tariffs import coalition_stability, compelled_coalition
>>> coalition_stability(N=10).stable_sizes()
(3,)
>>> coalition_stability(N=10, join_if_indifferent=False).stable_sizes()
(2, 3)
>>> m = compelled_coalition(N=10, penalty=0)
>>> m.minimum_grand_penalty, m.with_penalty(m.minimum_grand_penalty).stable_sizes()
(63/2, (10,))
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.tariffs._inputs import integer, number

__all__ = [
    "CoalitionStability",
    "coalition_stability",
    "compelled_coalition",
    "stable_size_formula",
]

BENEFITS = ("linear", "quadratic")
_N, _K, _B, _C, _P, _A = sp.symbols("N k b c P A", positive=True)


def _frac(v: sp.Expr) -> Fraction:
    return Fraction(int(v.p), int(v.q))


def stable_size_formula(N: Any, b: Any, c: Any, penalty: Any) -> Any:
    """``min(N, floor(2 + sqrt(1 + 2 c P / b**2)))``: stable size with penalty (linear model).

    Examples
    --------
    >>> [stable_size_formula(10, 1, 1, p) for p in (0, 4, 12, 63/2)]
    [3, 5, 7, 10]
    """
    s = sp.sqrt(1 + 2 * sp.sympify(c) * sp.sympify(penalty) / sp.sympify(b) ** 2)
    return int(min(int(N), int(sp.floor(2 + s))))


class CoalitionStability:
    """Membership model with linear or quadratic benefits and a penalty on non-members.

    Build with :func:`coalition_stability` or :func:`compelled_coalition`.

    Attributes
    ----------
    N : int
    b, c, A, penalty : sympy number
    benefit : {"linear", "quadratic"}
    join_if_indifferent : bool
    """

    def __init__(
        self,
        N: int,
        b: Any,
        c: Any,
        benefit: str,
        A: Any,
        penalty: Any,
        join_if_indifferent: bool,
    ) -> None:
        if benefit not in BENEFITS:
            raise ValueError(f"benefit must be one of {BENEFITS}, got {benefit!r}")
        self.N = integer(N, "N", low=2)
        self.b = number(b, "b", low=0)
        self.c = number(c, "c", low=0)
        self.A = number(A, "A", low=0)
        self.penalty = number(penalty, "penalty", low=0, closed=True)
        self.benefit = benefit
        self.join_if_indifferent = bool(join_if_indifferent)

    def __repr__(self) -> str:
        return (
            f"CoalitionStability(N={self.N}, benefit={self.benefit!r}, b={self.b}, c={self.c}, "
            f"penalty={self.penalty}, join_if_indifferent={self.join_if_indifferent})"
        )

    def with_penalty(self, penalty: Any) -> CoalitionStability:
        """The same model with another penalty on non-members."""
        new = CoalitionStability(
            self.N, self.b, self.c, self.benefit, self.A, penalty, self.join_if_indifferent
        )
        new.__dict__["_base"] = self._base  # payoffs before the penalty do not change
        new.__dict__["_fast_base"] = self._fast_base
        return new

    # ------------------------------------------------------------------ closed forms
    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Actions and payoffs in symbols ``N, k, b, c`` (and ``A``) without the penalty;
        stability differences and the penalty results for the linear model."""
        n, k, b, c = _N, _K, _B, _C
        if self.benefit == "linear":
            qn, qs = b / c, k * b / c
            q = k * qs + (n - k) * qn
            ps = sp.factor(b * q - c * qs**2 / 2)
            pn = sp.factor(b * q - c * qn**2 / 2)
            return {
                "q_member": qs,
                "q_outsider": qn,
                "pi_member": ps,
                "pi_outsider": pn,
                "internal": sp.factor(ps - pn.subs(k, k - 1)),
                "external": sp.factor(ps.subs(k, k + 1) - pn),
                "stable_size": sp.Min(n, sp.floor(2 + sp.sqrt(1 + 2 * c * _P / b**2))),
                "minimum_grand_penalty": sp.factor(b**2 * (n - 1) * (n - 3) / (2 * c)),
            }
        a = _A
        qn = b * a / (c + b * (k**2 + n - k))
        qs = k * qn
        q = qn * (k**2 + n - k)
        ben = b * (a * q - q**2 / 2)
        return {
            "q_member": qs,
            "q_outsider": qn,
            "pi_member": sp.factor(ben - c * qs**2 / 2),
            "pi_outsider": sp.factor(ben - c * qn**2 / 2),
        }

    @cached_property
    def _payoff_fns(self):
        cf = self.closed_forms
        vals = {_N: self.N, _B: self.b, _C: self.c, _A: self.A}
        return cf["pi_member"].subs(vals), cf["pi_outsider"].subs(vals)

    @cached_property
    def _base(self) -> tuple[list[sp.Expr], list[sp.Expr]]:
        pm, po = self._payoff_fns
        members = [pm.subs(_K, k) for k in range(1, self.N + 1)]
        outsiders = [po.subs(_K, k) for k in range(self.N)]
        return members, outsiders

    def member_payoff(self, k: int) -> sp.Expr:
        """Payoff of each member of a coalition of size ``k >= 1``."""
        if not 1 <= k <= self.N:
            raise ValueError(f"k must be in 1..{self.N}, got {k}")
        return self._base[0][k - 1]

    def outsider_payoff(self, k: int) -> sp.Expr:
        """Payoff of each non-member when ``k`` countries are in (``0 <= k < N``), net of
        the penalty."""
        if not 0 <= k < self.N:
            raise ValueError(f"k must be in 0..{self.N - 1}, got {k}")
        return self._base[1][k] - self.penalty

    @cached_property
    def _fast_base(self) -> tuple[list[Any], list[Any], bool]:
        vals = [*self._base[0], *self._base[1]]
        exact = all(v.is_Rational for v in vals)
        conv = _frac if exact else float
        return [conv(v) for v in self._base[0]], [conv(v) for v in self._base[1]], exact

    @cached_property
    def _fast(self) -> tuple[list[Any], list[Any], Any]:
        """Payoffs as ``Fraction`` (exact models) or ``float``, for quick comparisons."""
        pm, po, exact = self._fast_base
        pen = self.penalty
        if exact and pen.is_Rational:
            return pm, po, _frac(pen)
        return [float(v) for v in pm], [float(v) for v in po], float(pen)

    def internally_stable(self, k: int) -> bool:
        """No member gains by leaving (``k = 1`` is stable by definition)."""
        if k == 1:
            return True
        pm, po, pen = self._fast
        return bool(pm[k - 1] >= po[k - 1] - pen)

    def externally_stable(self, k: int) -> bool:
        """No outsider gains by joining (strictly, when ``join_if_indifferent``)."""
        if k == self.N:
            return True
        pm, po, pen = self._fast
        gap = po[k] - pen - pm[k]
        return bool(gap > 0) if self.join_if_indifferent else bool(gap >= 0)

    def stable_sizes(self) -> tuple[int, ...]:
        """Coalition sizes ``k >= 1`` that are internally and externally stable."""
        return tuple(
            k
            for k in range(1, self.N + 1)
            if self.internally_stable(k) and self.externally_stable(k)
        )

    def stable_size(self) -> int:
        """The largest stable size (the stable size when it is unique); 0 if none is."""
        return max(self.stable_sizes(), default=0)

    @property
    def minimum_grand_penalty(self) -> Any:
        """Smallest penalty that makes the grand coalition internally stable (linear model:
        ``b**2 (N-1)(N-3)/(2c)``; otherwise computed from the payoffs)."""
        gap = self.member_payoff(self.N) - (self.outsider_payoff(self.N - 1) + self.penalty)
        return sp.Max(0, -gap)

    def stable_size_curve(self, penalties: Any) -> np.ndarray:
        """Largest stable size at each penalty in ``penalties`` (computed from the payoffs,
        not from the closed form; float penalties compare in floats; 0 where none is
        stable)."""
        pm, po, exact = self._fast_base
        out = []
        for p in penalties:
            if exact and isinstance(p, int | Fraction):
                pen: Any = Fraction(p)
                a, b = pm, po
            else:
                pen = float(p)
                a, b = [float(v) for v in pm], [float(v) for v in po]
            sizes = [
                k
                for k in range(1, self.N + 1)
                if (k == 1 or a[k - 1] >= b[k - 1] - pen)
                and (
                    k == self.N
                    or (
                        b[k] - pen - a[k] > 0
                        if self.join_if_indifferent
                        else b[k] - pen - a[k] >= 0
                    )
                )
            ]
            out.append(max(sizes, default=0))
        return np.array(out, dtype=int)

    # ------------------------------------------------------------------ the game
    @cached_property
    def game(self):
        """The membership game: an N-player ``NormalFormGame`` with strategies In/Out.

        Its pure Nash equilibria are the coalitions that are internally stable and
        weakly externally stable (and the empty coalition when joining alone does not
        pay). Built for ``N <= 12``.
        """
        from games.normal_form import NormalFormGame

        if self.N > 12:
            raise ValueError(
                f"the membership game is built for N <= 12 (2^N profiles), N={self.N}"
            )
        n = self.N
        ps = [None] + [self.member_payoff(k) for k in range(1, n + 1)]
        po = [self.outsider_payoff(k) for k in range(n)]
        shape = (2,) * n
        arrays = [np.empty(shape, dtype=object) for _ in range(n)]
        for prof in itertools.product((0, 1), repeat=n):  # 0 = In, 1 = Out
            k = prof.count(0)
            for i in range(n):
                arrays[i][prof] = ps[k] if prof[i] == 0 else po[k]
        return NormalFormGame(
            arrays,
            players=tuple(f"country {i + 1}" for i in range(n)),
            strategies=(("In", "Out"),) * n,
        )


def coalition_stability(
    N: int = 10,
    b: Any = 1,
    c: Any = 1,
    *,
    benefit: str = "linear",
    A: Any = 1,
    join_if_indifferent: bool = True,
) -> CoalitionStability:
    """Coalition stability with linear or quadratic benefits (no penalty).

    Parameters
    ----------
    N : int, default 10
        Number of countries (at least 2).
    b, c : number, default 1
        Benefit slope and cost curvature.
    benefit : {"linear", "quadratic"}
    A : number, default 1
        Intercept of the quadratic benefit ``b (A Q - Q**2/2)`` (stability does not
        depend on it).
    join_if_indifferent : bool, default True
        Tie rule for external stability.

    Returns
    -------
    CoalitionStability

    Examples
    --------
    >>> m = coalition_stability(N=10)
    >>> m.member_payoff(3), m.outsider_payoff(3), m.member_payoff(10)
    (23/2, 31/2, 50)
    >>> coalition_stability(N=10, benefit="quadratic").stable_sizes()   # no coalition
    (1,)
    >>> coalition_stability(N=10, b=0.01, benefit="quadratic").stable_sizes()
    (2,)
    """
    return CoalitionStability(N, b, c, benefit, A, 0, join_if_indifferent)


def compelled_coalition(
    N: int = 10,
    b: Any = 1,
    c: Any = 1,
    penalty: Any = 0,
    *,
    benefit: str = "linear",
    A: Any = 1,
    join_if_indifferent: bool = True,
) -> CoalitionStability:
    """The coalition of the compelled: stability with a penalty on non-members.

    Parameters
    ----------
    N, b, c, benefit, A, join_if_indifferent
        As in :func:`coalition_stability`.
    penalty : number, default 0
        Loss imposed on every non-member (the hegemon's tariff).

    Examples
    --------
    >>> [compelled_coalition(penalty=p).stable_size() for p in (0, 4, 12, 31, 63/2)]
    [3, 5, 7, 9, 10]
    """
    return CoalitionStability(N, b, c, benefit, A, penalty, join_if_indifferent)
