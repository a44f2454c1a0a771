r"""The balance-of-payments identity and a two-country loanable-funds model (e.1).

Two countries, the US (U, the borrower) and China (C, the lender), with linear net-saving
schedules (the Metzler diagram; Obstfeld & Rogoff 1996, *Foundations of International
Macroeconomics*, ch. 1):

.. math:: NS_U(r) = s_U (r - r_U), \qquad NS_C(r) = s_C (r - r_C), \qquad r_U > r_C,

where :math:`r_i` is country *i*'s autarky rate. A country's current account is its net
saving, :math:`CA_i = NS_i`; its financial account (net capital *inflows*) is
:math:`FA_i = -CA_i`, so :math:`CA_i + FA_i = 0` (the balance-of-payments identity, errors
ignored), and in a closed world :math:`\sum_i CA_i = 0`: surplus countries cannot all run
surpluses against each other.

An inflow tax :math:`\tau` (a withholding tax on foreign lenders' returns, the US regime
before 1984) drives a wedge between the US rate :math:`r_U(\tau)` and what lenders earn,
:math:`r_U(\tau) - \tau`. Market clearing :math:`NS_U(r_U(\tau)) + NS_C(r_U(\tau) - \tau) = 0`
gives

.. math::

   r_U(\tau) = \frac{s_U r_U + s_C (r_C + \tau)}{s_U + s_C}, \qquad
   F(\tau) = \frac{s_U s_C (r_U - r_C - \tau)}{s_U + s_C},

the capital flow (China's surplus, the US deficit), which stops at the prohibitive tax
:math:`\tau = r_U - r_C`; beyond it both countries are in autarky. Free flows
(:math:`\tau = 0`) give the world rate :math:`r^* = (s_U r_U + s_C r_C)/(s_U + s_C)` and
:math:`CA_U = s_U s_C (r_C - r_U)/(s_U + s_C) < 0`. Tariffs that leave the saving schedules
unchanged leave the current account unchanged (absorption logic). Source: docs/models.md,
section (e.1).

Examples
--------
>>> from games.capital import loanable_funds
>>> m = loanable_funds()                       # s_U = s_C = 1, r_U = 4, r_C = 0
>>> m.world_rate, m.flow(0), m.flow(2), m.prohibitive_tax
(2, 2, 1, 4)
>>> m.balance_of_payments(1)
{'CA_US': -3/2, 'CA_China': 3/2, 'FA_US': 3/2, 'FA_China': -3/2}
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import sympy as sp

from games.capital._inputs import is_exact, number, out, show, taxes

__all__ = ["LoanableFunds", "loanable_funds"]

S_U, S_C = sp.symbols("s_U s_C", positive=True)
R_U, R_C = sp.symbols("r_U r_C", real=True)
TAU = sp.Symbol("tau", real=True)
_R = sp.Symbol("r", real=True)


@cache
def _closed_forms() -> dict[str, sp.Expr]:
    """Market clearing solved with sympy (cached: the same for every instance)."""
    ns_u = S_U * (_R - R_U)
    ns_c = S_C * (_R - TAU - R_C)  # lenders earn the US rate less the tax
    rate = sp.solve(sp.Eq(ns_u + ns_c, 0), _R)[0]
    flow = S_U * S_C * (R_U - R_C - TAU) / (S_U + S_C)  # the textbook form, checked:
    if sp.simplify(ns_c.subs(_R, rate) - flow) != 0:  # pragma: no cover - algebra guard
        raise ArithmeticError("market clearing does not give the textbook flow")
    return {
        "net_saving_US": ns_u,
        "net_saving_China": S_C * (_R - R_C),
        "rate": sp.simplify(rate),
        "lender_rate": sp.simplify(rate - TAU),
        "flow": flow,
        "world_rate": sp.simplify(rate.subs(TAU, 0)),
        "current_account_US": sp.factor(ns_u.subs(_R, rate)),
        "prohibitive_tax": sp.solve(sp.Eq(flow, 0), TAU)[0],
    }


@dataclass(frozen=True)
class LoanableFunds:
    """The two-country loanable-funds model; build with :func:`loanable_funds`.

    Attributes
    ----------
    s_US, s_China : sympy number
        Slopes of the net-saving schedules.
    r_US, r_China : sympy number
        Autarky rates (``r_US > r_China``: China has excess saving).
    players : tuple of str
        ``("US", "China")``.

    Examples
    --------
    >>> loanable_funds(s_US=2, s_China=1, r_US=3, r_China=1)
    LoanableFunds(s_US=2, s_China=1, r_US=3, r_China=1, world rate 7/3, flow 4/3)
    """

    s_US: sp.Expr
    s_China: sp.Expr
    r_US: sp.Expr
    r_China: sp.Expr
    players = ("US", "China")

    @property
    def exact(self) -> bool:
        """Whether the parameters are rational (results exact)."""
        return is_exact(self.s_US, self.s_China, self.r_US, self.r_China)

    @property
    def values(self) -> dict[sp.Symbol, sp.Expr]:
        """The parameter symbols of :meth:`closed_forms` and their values."""
        return {S_U: self.s_US, S_C: self.s_China, R_U: self.r_US, R_C: self.r_China}

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """Rates, flow, current account and prohibitive tax in ``s_U, s_C, r_U, r_C, tau``
        (market clearing solved with sympy; valid for ``tau`` up to the prohibitive tax).

        Examples
        --------
        >>> LoanableFunds.closed_forms()["flow"]
        s_C*s_U*(-r_C + r_U - tau)/(s_C + s_U)
        """
        return dict(_closed_forms())

    def _at(self, key: str, tau: Any) -> Any:
        t = number(tau, "tau", 0, low_open=False)
        t = sp.Min(t, self.prohibitive_tax)  # beyond it: autarky
        return out(_closed_forms()[key].subs({**self.values, TAU: t}))

    @property
    def gap(self) -> Any:
        """``r_US - r_China``, the autarky rate gap."""
        return out(self.r_US - self.r_China)

    @property
    def prohibitive_tax(self) -> Any:
        """The tax that stops the flow, ``r_US - r_China``."""
        return out(_closed_forms()["prohibitive_tax"].subs(self.values))

    @property
    def world_rate(self) -> Any:
        """Free-flow world rate ``r* = (s_U r_U + s_C r_C)/(s_U + s_C)``."""
        return out(_closed_forms()["world_rate"].subs(self.values))

    def flow(self, tau: Any = 0) -> Any:
        """Capital flow from China to the US at inflow tax ``tau`` (zero past the
        prohibitive tax)."""
        return self._at("flow", tau)

    def rate(self, tau: Any = 0) -> Any:
        """The US interest rate (what borrowers pay) at inflow tax ``tau``."""
        return self._at("rate", tau)

    def lender_rate(self, tau: Any = 0) -> Any:
        """What China's lenders earn, ``rate(tau) - tau`` (China's own rate)."""
        return self._at("lender_rate", tau)

    def balance_of_payments(self, tau: Any = 0) -> dict[str, Any]:
        """Current and financial accounts at inflow tax ``tau``.

        ``CA_i`` is net saving (net lending abroad), ``FA_i = -CA_i`` net capital inflows;
        ``CA_i + FA_i = 0`` for each country and ``CA_US + CA_China = 0``.

        Examples
        --------
        >>> b = loanable_funds().balance_of_payments(0)
        >>> b["CA_US"] + b["FA_US"], b["CA_US"] + b["CA_China"]
        (0, 0)
        """
        f = sp.sympify(self.flow(tau))
        return {
            "CA_US": out(-f),
            "CA_China": out(f),
            "FA_US": out(f),
            "FA_China": out(-f),
        }

    def sweep(self, taus: Any) -> dict[str, np.ndarray]:
        """Flow, US rate and lenders' rate on a grid of taxes (vectorized, floats).

        Examples
        --------
        >>> s = loanable_funds().sweep([0, 2, 4, 6])
        >>> s["flow"].tolist(), s["rate"].tolist(), s["lender_rate"].tolist()
        ([2.0, 1.0, 0.0, 0.0], [2.0, 3.0, 4.0, 4.0], [2.0, 1.0, 0.0, 0.0])
        """
        t = taxes(taus)
        t = np.minimum(t, float(self.prohibitive_tax))
        cf = _closed_forms()
        result = {}
        for key in ("flow", "rate", "lender_rate"):
            f = sp.lambdify(TAU, cf[key].subs(self.values), "numpy")
            result[key] = np.broadcast_to(np.asarray(f(t), dtype=float), t.shape).copy()
        result["tau"] = t
        return result

    def __repr__(self) -> str:
        return (
            f"LoanableFunds(s_US={show(self.s_US)}, s_China={show(self.s_China)}, "
            f"r_US={show(self.r_US)}, r_China={show(self.r_China)}, "
            f"world rate {show(self.world_rate)}, flow {show(self.flow(0))})"
        )


def loanable_funds(
    s_US: Any = 1, s_China: Any = 1, r_US: Any = 4, r_China: Any = 0
) -> LoanableFunds:
    """The two-country loanable-funds model with an inflow tax (docs/models.md, e.1).

    Parameters
    ----------
    s_US, s_China : positive number, default 1
        Slopes of the net-saving schedules ``NS_i(r) = s_i (r - r_i)``.
    r_US, r_China : number, defaults 4 and 0
        Autarky rates; ``r_US > r_China`` (China has the excess saving). The defaults are
        the worked example of docs/models.md (gap 4, free-flow rate 2, flow 2).

    Returns
    -------
    LoanableFunds
        ``.world_rate``, ``.flow(tau)``, ``.rate(tau)``, ``.lender_rate(tau)``,
        ``.balance_of_payments(tau)``, ``.prohibitive_tax``, ``.sweep(taus)`` and
        ``.closed_forms()``.

    Raises
    ------
    ValueError
        On non-positive slopes or ``r_US <= r_China``.

    Examples
    --------
    >>> loanable_funds().rate(2), loanable_funds().lender_rate(2)
    (3, 1)
    >>> loanable_funds(r_US=1, r_China=2)
    Traceback (most recent call last):
    ...
    ValueError: r_US must exceed r_China (the US is the borrower), got r_US=1, r_China=2
    """
    su = number(s_US, "s_US", 0)
    sc = number(s_China, "s_China", 0)
    ru = number(r_US, "r_US")
    rc = number(r_China, "r_China")
    if not bool(ru > rc):
        raise ValueError(
            "r_US must exceed r_China (the US is the borrower), "
            f"got r_US={r_US}, r_China={r_China}"
        )
    return LoanableFunds(su, sc, ru, rc)
