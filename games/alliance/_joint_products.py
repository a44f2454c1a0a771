r"""Joint products: defence with country-specific private benefits (Sandler 1977).

Defence activity :math:`q_i` jointly produces deterrence :math:`Q = \sum_j q_j` (pure public)
and a private, country-specific output (here :math:`q_i` itself; Sandler 1977; Murdoch &
Sandler 1984; survey Sandler & Hartley 2001). The Cobb-Douglas rendering (our own, docs/models.md
§a.4) is

.. math:: u_i = (1-a-b)\log(w_i - q_i) + a\log Q + b\log q_i, \qquad a > 0,\ b \ge 0,\ a+b<1.

Given the total :math:`Q`, ally *i*'s first-order condition is the quadratic
:math:`a q^2 + ((1-a)Q - a w_i) q - bQw_i = 0`, whose positive root :math:`q_i(Q)` is its
share function. :math:`q_i(Q)/Q` falls with :math:`Q`, so :math:`\sum_i q_i(Q) = Q` has one
root: the unique equilibrium, found by a scalar root search in the aggregate. With
:math:`b > 0` every ally contributes (:math:`b \log q_i \to -\infty` at the corner).

Symmetric closed forms (:math:`n` allies of income :math:`w`): Nash
:math:`q^N = w(a/n + b)/(1 - a + a/n)`, Pareto optimum :math:`q^P = (a+b)w`; the ratio rises
toward 1 with :math:`b`. For unequal incomes the efficient allocation reached without
transfers (the Lindahl allocation) is :math:`q_i = (a+b)w_i`. Joint products weaken
exploitation: the leader's share of :math:`Q` falls toward its income share.

Examples
--------
>>> import sympy as sp
>>> from games.alliance import joint_products
>>> half = sp.Rational(1, 2)
>>> [joint_products([1] * 4, a=half, b=b).equilibrium().contributions[0]
...  for b in (0, sp.Rational(1, 10), sp.Rational(1, 4))]
[1/5, 9/25, 3/5]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.alliance._inputs import (
    HALF,
    TENTH,
    as_scalar,
    as_vector,
    cast,
    exact_out,
    labels,
    to_mode,
    vector_out,
)
from games.alliance._public_good import bbv_contributions, bbv_total
from games.alliance._results import (
    AllianceEquilibrium,
    EfficientProvision,
    FreeRidingSummary,
    Underprovision,
    make_equilibrium,
    summarize,
)
from solvers.continuous import aggregative_equilibrium
from solvers.verify import DEFAULT_RTOL

__all__ = ["JointProducts", "joint_products", "share_function"]


def share_function(total: float, incomes: np.ndarray, a: float, b: float) -> np.ndarray:
    """Each ally's contribution ``q_i(Q)`` consistent with a total ``Q`` (floats).

    The positive root of ``a q^2 + ((1-a)Q - a w_i) q - b Q w_i = 0``, computed without
    cancellation. Also the best response to the others' total ``R`` after the change of
    variables below (see :func:`best_response`).

    Parameters
    ----------
    total : float
        A candidate total ``Q > 0``.
    incomes : numpy.ndarray
        The allies' incomes ``w_i``.
    a, b : float
        Weights of deterrence and of the private benefit.

    Returns
    -------
    numpy.ndarray
        ``q_i(Q)`` per ally (float); the equilibrium total solves ``sum_i q_i(Q) = Q``.

    Examples
    --------
    Two allies of income 1 with ``a = 1/2``, ``b = 1/10``: the symmetric Nash contribution
    is ``q^N = w(a/n + b)/(1 - a + a/n) = 7/15``, so ``Q = 14/15`` is a fixed point:

    >>> import numpy as np
    >>> q = share_function(14 / 15, np.array([1.0, 1.0]), 0.5, 0.1)
    >>> q.round(6).tolist(), bool(np.isclose(q.sum(), 14 / 15))
    ([0.466667, 0.466667], True)
    """
    w = np.asarray(incomes, dtype=float)
    d = a * w - (1 - a) * total
    disc = np.sqrt(d * d + 4 * a * b * total * w)
    out = np.empty_like(w)
    up = d >= 0
    out[up] = (d[up] + disc[up]) / (2 * a)
    down = ~up
    out[down] = 2 * b * total * w[down] / (disc[down] - d[down])
    return out


def best_response(others: np.ndarray, incomes: np.ndarray, a: float, b: float) -> np.ndarray:
    """Best response to the others' total ``R``: positive root of
    ``q^2 + ((1-a)R - (a+b)w) q - bRw = 0`` (``max(0, a w - (1-a) R)`` when ``b = 0``).

    Examples
    --------
    With ``b = 0`` it is the BBV rule: incomes (10, 8, 2), ``a = 1/2``, at the Nash
    contributions (4, 2, 0), whose others' totals are (2, 4, 6):

    >>> import numpy as np
    >>> best_response(np.array([2.0, 4.0, 6.0]), np.array([10.0, 8.0, 2.0]), 0.5, 0.0)
    array([4., 2., 0.])
    """
    w = np.asarray(incomes, dtype=float)
    r = np.asarray(others, dtype=float)
    d = (a + b) * w - (1 - a) * r
    disc = np.sqrt(d * d + 4 * b * r * w)
    out = np.empty_like(w)
    up = d >= 0
    out[up] = (d[up] + disc[up]) / 2
    down = ~up
    out[down] = 2 * b * r[down] * w[down] / (disc[down] - d[down])
    return out


class JointProducts:
    """Defence with joint products; build with :func:`joint_products`.

    Attributes
    ----------
    players, incomes, a, b, exact

    Examples
    --------
    Four equal allies, ``a = 1/2``, ``b = 1/10`` (the defaults): Nash
    ``q^N = w(a/n + b)/(1 - a + a/n) = 9/25`` against the Pareto ``q^P = (a+b)w = 3/5``.

    >>> m = joint_products()
    >>> m
    JointProducts(n=4, a=1/2, b=1/10, exact)
    >>> m.equilibrium().contributions[0], m.efficient().contributions[0]
    (9/25, 3/5)
    >>> m.underprovision().ratio
    3/5
    """

    def __init__(
        self, w: np.ndarray, a: Any, b: Any, players: tuple[str, ...], exact: bool
    ) -> None:
        self._w, self._a, self._b = w, a, b
        self.players = players
        self.exact = exact
        self.incomes = vector_out(w, exact)
        self.a = exact_out(a, exact)
        self.b = exact_out(b, exact)

    @property
    def n(self) -> int:
        """Number of allies."""
        return len(self._w)

    def __repr__(self) -> str:
        kind = "exact" if self.exact else "float"
        return f"JointProducts(n={self.n}, a={self.a}, b={self.b}, {kind})"

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Symmetric closed forms and the best response (symbols ``a b n w w_i R``)."""
        a, b, n, w, wi, r, q = sp.symbols("a b n w w_i R q", positive=True)
        qn = w * (a / n + b) / (1 - a + a / n)
        qp = (a + b) * w
        br_poly = q**2 + ((1 - a) * r - (a + b) * wi) * q - b * r * wi
        return {
            "utility": (1 - a - b) * sp.log(wi - q) + a * sp.log(q + r) + b * sp.log(q),
            "best_response_quadratic": br_poly,
            "best_response": sp.solve(br_poly, q)[-1],
            "symmetric_nash": qn,
            "symmetric_pareto": qp,
            "symmetric_ratio": sp.simplify(qn / qp),
            "lindahl_contribution": (a + b) * wi,
        }

    @cached_property
    def game(self):
        """The model as a :class:`games.continuous.ContinuousGame`."""
        from games.alliance._game import joint_products_game

        return joint_products_game(self)

    def payoffs(self, contributions: Any) -> np.ndarray:
        """Utilities (floats) at ``contributions``, last axis = allies; ``nan`` if infeasible."""
        q = np.asarray(contributions, dtype=float)
        if q.shape[-1:] != (self.n,):
            raise ValueError(f"contributions must have last axis {self.n}, got {q.shape}")
        w = np.asarray(self._w, dtype=float)
        a, b = float(self._a), float(self._b)
        total = q.sum(axis=-1, keepdims=True)
        ok = (q >= 0) & (q < w)
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (1 - a - b) * np.log(w - q) + a * np.log(total)
            u = u + (b * np.log(q) if b > 0 else 0.0)
        return np.where(ok, u, np.nan)

    @cached_property
    def _nash(self) -> AllianceEquilibrium:
        w, a, b = self._w, self._a, self._b
        symmetric = all(x == w[0] for x in w)
        if b == 0:
            q = bbv_contributions(w, a, bbv_total(w, a))
            method = "contributor-set search (b = 0: pure public good)"
        elif symmetric:
            n = self.n
            value = w[0] * (a / n + b) / (1 - a + a / n)
            q = np.array([value] * n, dtype=w.dtype)
            method = "symmetric closed form"
        else:
            q = self._solve_float()
            method = "aggregative_equilibrium (share functions through the aggregate)"
        residual, tol = self._verify(q)
        return make_equilibrium(
            self.players,
            w,
            q,
            exact=self.exact,
            residual=residual,
            tolerance=tol,
            method=method,
            payoff_function=self.payoffs,
        )

    def _solve_float(self) -> np.ndarray:
        w = np.asarray(self._w, dtype=float)
        a, b = float(self._a), float(self._b)
        big = float(w.sum())

        # each share function is non-increasing in the total: one root of the aggregate,
        # found by the generic aggregative solver
        eq = aggregative_equilibrium(
            lambda total: share_function(total, w, a, b),
            (0.0, big),
            lower=0.0,
            upper=w,
            decreasing=True,
            xtol=1e-15,
        )
        return share_function(float(eq.aggregate), w, a, b)

    def _verify(self, q: np.ndarray) -> tuple[Any, float | None]:
        """Each contribution is the best response to the others' (exactly, or to a tolerance)."""
        w, a, b = self._w, self._a, self._b
        total = sum(q, start=0 * q[0])
        if self.exact:
            gaps = []
            for qi, wi in zip(q, w, strict=True):
                r = total - qi
                if b == 0:
                    br = max(Fraction(0), a * wi - (1 - a) * r)
                    gaps.append(abs(qi - br))
                else:  # q_i > 0 must be the (only) positive root of the quadratic
                    gaps.append(
                        abs(qi**2 + ((1 - a) * r - (a + b) * wi) * qi - b * r * wi)
                        + (0 if qi > 0 else 1)
                    )
            residual = max(gaps)
            if residual != 0:
                raise RuntimeError(f"exact best-response check failed: residual {residual}")
            return residual, None
        qf = np.asarray(q, dtype=float)
        br = best_response(qf.sum() - qf, w, float(a), float(b))
        residual = float(np.max(np.abs(qf - br)))
        tol = DEFAULT_RTOL * float(np.max(np.asarray(w, dtype=float)))
        if residual > tol:
            raise RuntimeError(f"best-response check failed: residual {residual} > {tol}")
        return residual, tol

    def equilibrium(self) -> AllianceEquilibrium:
        """The unique Nash equilibrium (exact for equal exact incomes or ``b = 0``)."""
        return self._nash

    def efficient(self) -> EfficientProvision:
        """Efficient allocation without transfers (Lindahl): ``q_i = (a + b) w_i``."""
        q = (self._a + self._b) * self._w
        return EfficientProvision(
            total=exact_out(sum(q, start=0 * q[0]), self.exact),
            contributions=vector_out(q, self.exact),
            burden_shares=vector_out(q / self._w, self.exact),
            rule="Samuelson conditions with each ally financing its own activity (Lindahl): "
            "q_i = (a+b)*w_i; symmetric Pareto optimum q^P = (a+b)*w",
            exact=self.exact,
        )

    def underprovision(self) -> Underprovision:
        """Nash total over the efficient (Lindahl) total."""
        nash, eff = self._nash.total, self.efficient().total
        return Underprovision(
            nash_total=nash, efficient_total=eff, ratio=nash / eff, gap=eff - nash
        )

    def free_riding(self) -> FreeRidingSummary:
        """Exploitation index, share of allies at the corner, Nash/efficient gap."""
        eq = self._nash
        return summarize(eq.incomes, eq.contributions, self.efficient().total)


def joint_products(
    incomes: Sequence[Any] | np.ndarray = (1, 1, 1, 1),
    a: Any = HALF,
    b: Any = TENTH,
    players: Sequence[str] | None = None,
) -> JointProducts:
    """Alliance defence with a public and a private joint product (Sandler 1977).

    Parameters
    ----------
    incomes : sequence of numbers, default (1, 1, 1, 1)
        Positive finite incomes. Equal exact incomes give the exact symmetric closed form;
        unequal incomes are solved numerically (floats).
    a : number, default 1/2
        Weight of deterrence, ``0 < a < 1``.
    b : number, default 1/10
        Weight of the private (country-specific) benefit, ``b >= 0`` and ``a + b < 1``;
        ``b = 0`` is the pure public good of :func:`games.alliance.public_good`.
    players : sequence of str, optional

    Returns
    -------
    JointProducts
        ``.equilibrium()``, ``.efficient()``, ``.underprovision()``, ``.free_riding()``,
        ``.closed_forms``, ``.game``.

    Examples
    --------
    >>> import sympy as sp
    >>> m = joint_products([1, 1, 1, 1], a=sp.Rational(1, 2), b=sp.Rational(1, 4))
    >>> m.equilibrium().contributions[0], m.efficient().contributions[0]
    (3/5, 3/4)
    >>> eq = joint_products([10, 8, 2], a=0.5, b=0.1).equilibrium()
    >>> eq.contributors                  # with b > 0 every ally contributes
    (0, 1, 2)
    """
    w, w_exact = as_vector(incomes, "incomes")
    a_val, a_exact = as_scalar(a, "a", low=0, high=1)
    b_val, b_exact = as_scalar(b, "b", low=0, high=1, low_open=False)
    if a_val + b_val >= 1:
        raise ValueError(
            f"a + b must be < 1 (the private good needs a positive weight), got a={a}, b={b}"
        )
    exact = w_exact and a_exact and b_exact
    if exact and b_val != 0 and any(x != w[0] for x in w):
        exact = False  # unequal incomes with joint products: no closed form, numeric
    return JointProducts(
        cast(w, exact),
        to_mode(a_val, exact),
        to_mode(b_val, exact),
        labels(players, len(w)),
        exact,
    )
