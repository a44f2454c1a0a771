r"""A general-equilibrium tariff war: pure exchange, two goods, ad-valorem tariffs.

Our setup in the spirit of Kennan & Riezman (1988), *Do big countries win tariff wars?*:
both countries have utility :math:`\log c_x + \log c_y`; Home is endowed with
:math:`\lambda (3/4, 1/4)` and imports good :math:`y`, Foreign with :math:`(1/4, 3/4)` and
imports :math:`x`. Home levies the ad-valorem tariff :math:`s` on its imports, Foreign
:math:`t` on its own, revenue is rebated lump-sum. Market clearing for good :math:`x`
(numeraire) gives the world relative price of :math:`y`

.. math:: p(s, t) = \frac{(3\lambda + s + 2)t + 6\lambda + s + 2}
                         {(\lambda s + \lambda + 3)t + 2\lambda s + 2\lambda + 3s + 6} ,

and indirect utilities :math:`W_H(s, t)`, :math:`W_F(s, t)` in closed form
(:attr:`GeneralTariffWar.closed_forms`, derived with sympy). Home's best response is

.. math:: BR_H(t) = \frac{\sqrt{3 (t+1)(\lambda t + 2\lambda + 3)(3\lambda t + 6\lambda + t + 1)}}
                          {\lambda t^2 + 3\lambda t + 2\lambda + 3t + 3} - 1 .

The Nash tariffs solve the game numerically through :mod:`solvers.continuous`; with equal
sizes they are :math:`\sqrt 3 - 1` each. The size ratio above which Home gains from the
war is found by root finding on the welfare gain (these are our numbers for this endowment
pattern, not Kennan & Riezman's published ones).

Examples
--------
>>> from games.tariffs import general_tariff_war
>>> w = general_tariff_war(lam=1)
>>> [round(float(v), 6) for v in w.equilibrium().strategies.values()]
[0.732051, 0.732051]
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.tariffs._inputs import number

__all__ = ["GeneralTariffWar", "general_size_threshold", "general_tariff_war"]

S, T, LAM = sp.symbols("s t lambda", positive=True)
#: Upper bound on ad-valorem tariffs in the game (1000 %): far above any best response.
TARIFF_CAP = 10


@cache
def _derive() -> dict[str, sp.Expr]:
    """Closed forms of the exchange economy (derived with sympy from the primitives in the
    module docstring; ``tests/games/test_tariffs_ge.py`` re-derives them independently)."""
    lam, s, t = LAM, S, T
    den_p = lam * s * t + 2 * lam * s + lam * t + 2 * lam + 3 * s + 6
    num_p = 3 * lam * t + 6 * lam + s * t + s + 2 * t + 2
    wh = sp.log(
        lam**2
        * (3 * lam * t + 6 * lam + t + 10)
        * (3 * lam * s * t + 6 * lam * s + 3 * lam * t + 6 * lam + s * t + 10 * s + t + 10)
        / (16 * num_p * den_p)
    )
    wf = sp.log(
        (lam * s + 10 * lam + 3 * s + 6)
        * (lam * s * t + lam * s + 10 * lam * t + 10 * lam + 3 * s * t + 3 * s + 6 * t + 6)
        / (16 * num_p * den_p)
    )
    br_h = (
        sp.sqrt(3)
        * sp.sqrt(t + 1)
        * sp.sqrt(lam * t + 2 * lam + 3)
        * sp.sqrt(3 * lam * t + 6 * lam + t + 1)
        / (lam * t**2 + 3 * lam * t + 2 * lam + 3 * t + 3)
        - 1
    )
    br_f = (
        sp.sqrt(3)
        * sp.sqrt(s + 1)
        * sp.sqrt(3 * lam + s + 2)
        * sp.sqrt(lam * s + lam + 3 * s + 6)
        / (3 * lam * s + 3 * lam + s**2 + 3 * s + 2)
        - 1
    )
    return {"price": num_p / den_p, "W_H": wh, "W_F": wf, "BR_H": br_h, "BR_F": br_f}


class GeneralTariffWar:
    """The pure-exchange tariff war; build with :func:`general_tariff_war`.

    Attributes
    ----------
    lam : number
        Home's size (endowment scale).
    players : tuple of str

    Examples
    --------
    >>> w = general_tariff_war(lam=2)
    >>> round(float(w.best_response(0, 0)), 6)      # Home's optimal tariff against free trade
    1.360387
    """

    players = ("Home", "Foreign")

    def __init__(self, lam: Any) -> None:
        self.lam = number(lam, "lam", low=0)

    def __repr__(self) -> str:
        return f"GeneralTariffWar(lam={self.lam})"

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """World price, welfare and best responses in symbols ``s, t, lambda``."""
        return dict(_derive())

    def welfare(self, s: Any, t: Any) -> tuple[Any, Any]:
        """``(W_H, W_F)`` at tariffs ``(s, t)`` (floats, or arrays for array input)."""
        _, _, wh, wf = _lambdified()
        lam = float(self.lam)
        return wh(np.asarray(s, float), np.asarray(t, float), lam)[()], wf(
            np.asarray(s, float), np.asarray(t, float), lam
        )[()]

    def best_response(self, player: int, other_tariff: Any) -> Any:
        """Optimal tariff of ``player`` (0 Home, 1 Foreign) against the other's tariff
        (a float, or an array for array input)."""
        br_h, br_f, _, _ = _lambdified()
        x = np.asarray(other_tariff, dtype=float)
        if player == 0:
            return br_h(x, float(self.lam))[()]
        if player == 1:
            return br_f(x, float(self.lam))[()]
        raise ValueError(f"player must be 0 (Home) or 1 (Foreign), got {player!r}")

    @cached_property
    def game(self):
        """A :class:`games.ContinuousGame` in ad-valorem tariffs ``s, t in [0, 10]``."""
        from games.continuous import ContinuousGame

        cf = _derive()
        return ContinuousGame(
            self.players,
            (S, T),
            (cf["W_H"].subs(LAM, self.lam), cf["W_F"].subs(LAM, self.lam)),
            ((0, TARIFF_CAP), (0, TARIFF_CAP)),
        )

    def equilibrium(self):
        """Nash tariffs from :func:`solvers.continuous.equilibria` (numeric KKT, verified)."""
        return self.game.equilibria(method="numeric").single()

    def nash_tariffs(self) -> tuple[float, float]:
        """Nash tariffs by solving ``s = BR_H(t), t = BR_F(s)`` (fast, for sweeps)."""
        return _nash_fast(float(self.lam))

    def war_gain(self) -> tuple[float, float]:
        """Welfare at Nash tariffs minus welfare under free trade."""
        s, t = self.nash_tariffs()
        war, ft = self.welfare(s, t), self.welfare(0, 0)
        return float(war[0] - ft[0]), float(war[1] - ft[1])


@cache
def _lambdified() -> tuple[Any, Any, Any, Any]:
    cf = _derive()
    br_h = sp.lambdify((T, LAM), cf["BR_H"], "numpy")
    br_f = sp.lambdify((S, LAM), cf["BR_F"], "numpy")
    wh = sp.lambdify((S, T, LAM), cf["W_H"], "numpy")
    wf = sp.lambdify((S, T, LAM), cf["W_F"], "numpy")
    return br_h, br_f, wh, wf


def _nash_fast(lam: float) -> tuple[float, float]:
    from scipy.optimize import fsolve

    br_h, br_f, _, _ = _lambdified()

    def eqs(x: np.ndarray) -> list[float]:
        return [float(x[0] - br_h(x[1], lam)), float(x[1] - br_f(x[0], lam))]

    sol, _info, _ier, msg = fsolve(eqs, [0.7, 0.7], full_output=True, xtol=1e-13)
    if max(abs(v) for v in eqs(sol)) > 1e-10:
        raise RuntimeError(f"best-response fixed point not found at lam={lam}: {msg}")
    return float(sol[0]), float(sol[1])


def general_size_threshold(bracket: tuple[float, float] = (1.0, 20.0)) -> float:
    """Home size above which Home gains from the general-equilibrium war (Brent's method
    on the welfare gain at the Nash tariffs).

    Examples
    --------
    >>> round(general_size_threshold(), 4)
    1.6444
    """
    from scipy.optimize import brentq

    _, _, wh, _ = _lambdified()

    def gain(lam: float) -> float:
        s, t = _nash_fast(lam)
        return float(wh(s, t, lam) - wh(0.0, 0.0, lam))

    return float(brentq(gain, *bracket, xtol=1e-13))


def general_tariff_war(lam: Any = 1) -> GeneralTariffWar:
    """The pure-exchange, two-good tariff war with Home of size ``lam``.

    Parameters
    ----------
    lam : number, default 1
        Home's endowment scale (``lam > 0``).

    Returns
    -------
    GeneralTariffWar
        ``.game`` (ContinuousGame), ``.equilibrium()``, ``.best_response``,
        ``.nash_tariffs()``, ``.war_gain()``, ``.closed_forms``.

    Examples
    --------
    >>> w = general_tariff_war(1)
    >>> [round(v, 6) for v in w.war_gain()]               # symmetric war: both lose
    [-0.074505, -0.074505]
    """
    return GeneralTariffWar(lam)
