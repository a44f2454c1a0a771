r"""When to hedge: the net-present-value rule and the real-option trigger.

**NPV rule.** A crisis arrives each term with probability :math:`\lambda_c`; an unhedged
ally whose patron fails it loses :math:`L`; hedging costs :math:`K` once and removes the
loss; terms are discounted by :math:`\delta`. Hedge iff

.. math:: \frac{\lambda_c L (1 - \rho)}{1 - \delta} > K
          \iff \rho < \rho^* = 1 - \frac{K (1 - \delta)}{\lambda_c L}.

**Real option** (McDonald & Siegel 1986, *QJE* 101; Dixit & Pindyck 1994, *Investment under
Uncertainty*, ch. 5). The flow loss :math:`x_t` from relying on the patron follows
:math:`dx = \mu x\,dt + \sigma x\,dW`; an irreversible sunk cost :math:`K` eliminates it;
the discount rate is :math:`r > \mu`. The value of the option to hedge is
:math:`F(x) = A x^\beta` below the trigger :math:`x^*`, where :math:`\beta > 1` solves
:math:`\tfrac{\sigma^2}{2}\beta(\beta - 1) + \mu\beta - r = 0`,

.. math:: \beta = \tfrac12 - \tfrac{\mu}{\sigma^2}
          + \sqrt{\left(\tfrac{\mu}{\sigma^2} - \tfrac12\right)^2 + \tfrac{2r}{\sigma^2}},
          \qquad x^* = \frac{\beta}{\beta - 1}(r - \mu) K,

and value matching :math:`F(x^*) = x^*/(r - \mu) - K` and smooth pasting
:math:`F'(x^*) = 1/(r - \mu)` hold. The Marshallian (NPV) trigger is :math:`(r - \mu) K`;
the option multiple :math:`\beta/(\beta - 1) > 1` rises with :math:`\sigma`: a more
erratic patron makes allies *wait longer* (rational delay), unless the drift of expected
losses rises.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from games.hedging._inputs import is_exact, number, plain, show

__all__ = ["NPVRule", "RealOption", "npv_rule", "real_option", "trigger_curve"]

# exact defaults (module-level so that signatures hold no calls)
_R1_100 = sp.Rational(1, 100)
_R1_20 = sp.Rational(1, 20)
_R1_4 = sp.Rational(1, 4)
_R1_5 = sp.Rational(1, 5)
_R9_10 = sp.Rational(9, 10)

R, MU, SIGMA, K, X = sp.symbols("r mu sigma K x", positive=True)
BETA = sp.Symbol("beta", positive=True)


def _tidy(value: sp.Expr) -> sp.Expr:
    if value.is_Rational:
        return value
    if value.is_Float:
        return value
    return sp.radsimp(sp.simplify(value))


@dataclass(frozen=True)
class NPVRule:
    """The net-present-value hedging rule; build with :func:`npv_rule`.

    Attributes
    ----------
    crisis_rate, loss, discount, cost : sympy number
        ``lam_c``, ``L``, ``delta``, ``K``.

    Examples
    --------
    >>> rule = npv_rule()
    >>> rule
    NPVRule(lam_c=1/4, L=100, delta=9/10, K=100, threshold=3/5)
    >>> rule.hedge(sp.Rational(745, 1000)), rule.hedge(sp.Rational(1, 2))
    (False, True)
    """

    crisis_rate: sp.Expr
    loss: sp.Expr
    discount: sp.Expr
    cost: sp.Expr

    @property
    def threshold(self) -> sp.Expr:
        """``rho* = 1 - K*(1 - delta)/(lam_c*L)``: hedge iff credibility is below it."""
        return _tidy(1 - self.cost * (1 - self.discount) / (self.crisis_rate * self.loss))

    def value(self, credibility: Any) -> sp.Expr:
        """Net present value of hedging, ``lam_c*L*(1 - rho)/(1 - delta) - K``."""
        rho = number(credibility, "credibility", 0, 1, low_open=False, high_open=False)
        lam, loss, d = self.crisis_rate, self.loss, self.discount
        return _tidy(lam * loss * (1 - rho) / (1 - d) - self.cost)

    def hedge(self, credibility: Any) -> bool:
        """Whether hedging has positive net present value at credibility ``rho``."""
        return bool(self.value(credibility) > 0)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "crisis_rate": plain(self.crisis_rate),
            "loss": plain(self.loss),
            "discount": plain(self.discount),
            "cost": plain(self.cost),
            "threshold": plain(self.threshold),
        }

    def __repr__(self) -> str:
        return (
            f"NPVRule(lam_c={show(self.crisis_rate)}, L={show(self.loss)}, "
            f"delta={show(self.discount)}, K={show(self.cost)}, "
            f"threshold={show(self.threshold)})"
        )


def npv_rule(
    crisis_rate: Any = _R1_4,
    loss: Any = 100,
    discount: Any = _R9_10,
    cost: Any = 100,
) -> NPVRule:
    """Hedge iff the discounted expected loss from an unreliable patron exceeds the cost.

    Parameters
    ----------
    crisis_rate : number in (0, 1], default 1/4
        ``lam_c``, probability of a crisis per term.
    loss : positive number, default 100
        ``L``, loss if the patron fails in a crisis.
    discount : number in [0, 1), default 9/10
        ``delta``, discount factor per term.
    cost : positive number, default 100
        ``K``, one-off cost of hedging.

    Returns
    -------
    NPVRule

    Examples
    --------
    >>> npv_rule().threshold                     # Leeds et al.'s 0.745: stay; 1/2: hedge
    3/5
    """
    return NPVRule(
        number(crisis_rate, "crisis_rate", 0, 1, high_open=False),
        number(loss, "loss", 0),
        number(discount, "discount", 0, 1, low_open=False),
        number(cost, "cost", 0),
    )


@dataclass(frozen=True)
class RealOption:
    """The option to hedge at an irreversible cost; build with :func:`real_option`.

    Attributes
    ----------
    r, mu, sigma, cost : sympy number
        Discount rate, drift and volatility of the flow loss, sunk cost ``K``.

    Examples
    --------
    >>> o = real_option()
    >>> o.beta, o.trigger, o.marshallian
    (1/4 + sqrt(41)/4, sqrt(41)/2 + 11/2, 4)
    >>> round(float(o.trigger), 7), round(float(o.multiple), 7)
    (8.7015621, 2.1753905)
    """

    r: sp.Expr
    mu: sp.Expr
    sigma: sp.Expr
    cost: sp.Expr

    @property
    def exact(self) -> bool:
        """Whether the inputs are rational (results exact algebraic numbers)."""
        return is_exact(self.r, self.mu, self.sigma, self.cost)

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """``beta``, the trigger, the option coefficient ``A`` and ``F(x)`` in symbols."""
        s2 = SIGMA**2
        half = sp.Rational(1, 2)
        beta = half - MU / s2 + sp.sqrt((MU / s2 - half) ** 2 + 2 * R / s2)
        trigger = BETA / (BETA - 1) * (R - MU) * K
        coefficient = (trigger / (R - MU) - K) / trigger**BETA
        return {
            "characteristic": s2 / 2 * BETA * (BETA - 1) + MU * BETA - R,
            "beta": beta,
            "trigger": trigger,
            "coefficient": coefficient,
            "option_value": coefficient * X**BETA,
            "hedged_value": X / (R - MU) - K,
        }

    @property
    def beta(self) -> sp.Expr:
        """The positive root ``beta > 1`` of the characteristic equation."""
        r, mu, s2 = self.r, self.mu, self.sigma**2
        return _tidy(
            sp.Rational(1, 2) - mu / s2 + sp.sqrt((mu / s2 - sp.Rational(1, 2)) ** 2 + 2 * r / s2)
        )

    @property
    def multiple(self) -> sp.Expr:
        """Option multiple ``beta/(beta - 1)``: how far the trigger exceeds the NPV one."""
        return _tidy(self.beta / (self.beta - 1))

    @property
    def marshallian(self) -> sp.Expr:
        """The NPV trigger ``(r - mu)*K``: hedge when the flow loss exceeds the cost's annuity."""
        return _tidy((self.r - self.mu) * self.cost)

    @property
    def trigger(self) -> sp.Expr:
        """``x* = beta/(beta - 1)*(r - mu)*K``: hedge the first time the flow loss reaches it."""
        return _tidy(self.multiple * (self.r - self.mu) * self.cost)

    @property
    def coefficient(self) -> sp.Expr:
        """``A = (x*/(r - mu) - K)/x***beta`` of the option value ``F(x) = A*x**beta``."""
        xs = self.trigger
        return (xs / (self.r - self.mu) - self.cost) / xs**self.beta

    def value(self, x: Any) -> Any:
        """Value of the option to hedge at flow loss ``x`` (``F`` below, payoff above ``x*``).

        Accepts a number or a numpy array (float result for arrays).
        """
        beta, xs, a = float(self.beta), float(self.trigger), float(self.coefficient)
        arr = np.asarray(x, dtype=float)
        if np.any(arr < 0):
            raise ValueError("x must be non-negative (a flow loss)")
        rm, k = float(self.r - self.mu), float(self.cost)
        out = np.where(arr < xs, a * arr**beta, arr / rm - k)
        return out if out.ndim else float(out)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (irrational exact numbers as floats, with their text)."""
        return {
            "r": plain(self.r),
            "mu": plain(self.mu),
            "sigma": plain(self.sigma),
            "cost": plain(self.cost),
            "beta": plain(self.beta),
            "trigger": plain(self.trigger),
            "marshallian": plain(self.marshallian),
            "multiple": plain(self.multiple),
            "exact_text": {"beta": str(self.beta), "trigger": str(self.trigger)}
            if self.exact
            else None,
        }

    def __repr__(self) -> str:
        def both(v: sp.Expr) -> str:
            return show(v) if v.is_Number else f"{show(v)} ≈ {float(v):.6g}"

        return (
            f"RealOption(r={show(self.r)}, mu={show(self.mu)}, sigma={show(self.sigma)}, "
            f"K={show(self.cost)} | beta={both(self.beta)}, trigger={both(self.trigger)}, "
            f"NPV trigger={show(self.marshallian)})"
        )


def real_option(
    r: Any = _R1_20,
    mu: Any = _R1_100,
    sigma: Any = _R1_5,
    cost: Any = 100,
) -> RealOption:
    """The real-option hedging trigger (McDonald & Siegel 1986; Dixit & Pindyck 1994).

    Parameters
    ----------
    r : positive number, default 1/20
        Discount rate; must exceed ``mu``.
    mu : number, default 1/100
        Drift of the flow loss.
    sigma : positive number, default 1/5
        Volatility of the flow loss (how erratic the patron is).
    cost : positive number, default 100
        ``K``, the irreversible cost of hedging.

    Returns
    -------
    RealOption

    Examples
    --------
    >>> real_option().multiple
    sqrt(41)/8 + 11/8
    >>> real_option(r=0.01, mu=0.01)
    Traceback (most recent call last):
    ...
    ValueError: r must exceed mu (else waiting is worth infinitely much), got r=0.01, mu=0.01
    """
    r_, mu_ = number(r, "r", 0), number(mu, "mu")
    if not r_ > mu_:
        raise ValueError(
            f"r must exceed mu (else waiting is worth infinitely much), got r={r}, mu={mu}"
        )
    return RealOption(r_, mu_, number(sigma, "sigma", 0), number(cost, "cost", 0))


def trigger_curve(
    sigmas: Any, r: float = 0.05, mu: float = 0.01, cost: float = 100.0
) -> np.ndarray:
    """Real-option trigger ``x*`` at each volatility (vectorized, floats).

    Examples
    --------
    >>> trigger_curve([0.2]).round(7).tolist()
    [8.7015621]
    """
    s2 = np.asarray(sigmas, dtype=float) ** 2
    if np.any(s2 <= 0):
        raise ValueError("sigmas must be positive")
    if not r > mu:
        raise ValueError(f"r must exceed mu, got r={r}, mu={mu}")
    beta = 0.5 - mu / s2 + np.sqrt((mu / s2 - 0.5) ** 2 + 2 * r / s2)
    return beta / (beta - 1) * (r - mu) * cost
