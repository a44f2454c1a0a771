r"""The partial-equilibrium tariff war: Nash tariffs, Johnson's rule, who wins the war.

Two linear markets (our closed-form rendering of the optimal-tariff-and-retaliation
argument of Johnson 1953-54 and Kennan & Riezman 1988). Home has size :math:`\lambda`.

* Market 1 (Home imports): Home import demand :math:`M_1 = \lambda (A - p_H)`, Foreign
  export supply :math:`X_1 = p_F`, Home's specific tariff :math:`t_H = p_H - p_F`.
* Market 2 (Foreign imports): :math:`M_2 = A - p_{F2}`, Home export supply
  :math:`X_2 = \lambda p_{H2}`, Foreign's tariff :math:`t_F = p_{F2} - p_{H2}`.
* Welfare: :math:`W_H = M_1^2/(2\lambda) + t_H M_1 + \lambda p_{H2}^2/2` (consumer surplus,
  tariff revenue, producer surplus), and symmetrically for Foreign.

The markets are separable, so tariffs are dominant strategies:
:math:`t_H^* = \lambda A/(2\lambda + 1)`, :math:`t_F^* = A/(\lambda + 2)`. As an
ad-valorem rate :math:`t_H^*/p_F = 1 = 1/\varepsilon_X` (the foreign export-supply
elasticity is one): Johnson's inverse-elasticity rule, :func:`johnson_tariff`. Equal sizes
make the war a Prisoner's Dilemma (each loses :math:`A^2/36`); a big enough country gains
from the war despite retaliation (Kennan & Riezman 1988): with :math:`A = 1` Home's gain is

.. math:: \frac{\lambda(\lambda^4 + 4\lambda^3 - 8\lambda - 3)}
               {2(\lambda+1)^2(\lambda+2)^2(2\lambda+1)},

positive iff :math:`\lambda > \sqrt{3 + \sqrt 7} - 1 \approx 1.376`. Home's revenue-plus-
surplus in market 1 is quadratic in its tariff with vertex :math:`t_H^*`, so any penalty
tariff in :math:`(0, 2 t_H^*)` leaves it better off than free trade: such penalties are
credible (the logic of Nordhaus's 2015 climate clubs).

Examples
--------
>>> from games.tariffs import tariff_war
>>> w = tariff_war()
>>> w.nash_tariffs, w.welfare_loss_from_war
((1/3, 1/3), (1/36, 1/36))
>>> w.trade_war_game().payoff_arrays(exact=True)[0].tolist()
[[Fraction(1, 4), Fraction(13, 72)], [Fraction(7, 24), Fraction(2, 9)]]
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import sympy as sp

from games.tariffs._inputs import number, out

__all__ = ["TariffWar", "johnson_tariff", "size_threshold", "tariff_war"]

LAM, A_, TH, TF = sp.symbols("lambda A t_H t_F", positive=True)


def johnson_tariff(elasticity: Any) -> Any:
    """Johnson's optimal ad-valorem tariff ``1/(e - 1)`` for a foreign offer-curve elasticity
    ``e > 1`` (equivalently ``1/eps_X`` with export-supply elasticity ``eps_X = e - 1``).

    Examples
    --------
    >>> johnson_tariff(2), johnson_tariff(3)
    (1, 1/2)
    >>> import sympy as sp
    >>> johnson_tariff(sp.Symbol("e"))
    1/(e - 1)
    """
    e = number(elasticity, "elasticity", low=1)
    return 1 / (e - 1)


def _welfare_exprs() -> dict[str, sp.Expr]:
    pf = LAM * (A_ - TH) / (1 + LAM)  # Foreign export price in market 1 (= M1)
    m1 = pf
    ph2 = (A_ - TF) / (1 + LAM)  # Home export price in market 2
    m2 = LAM * (A_ - TF) / (1 + LAM)
    pf2 = ph2 + TF
    wh = m1**2 / (2 * LAM) + TH * m1 + LAM * ph2**2 / 2
    wf = m2**2 / 2 + TF * m2 + pf**2 / 2
    return {
        "W_H": sp.expand(wh),
        "W_F": sp.expand(wf),
        "M_1": m1,
        "M_2": m2,
        "p_F": pf,
        "p_H2": ph2,
        "p_F2": pf2,
        "W_H_market1": sp.expand(m1**2 / (2 * LAM) + TH * m1),
    }


class TariffWar:
    """The partial-equilibrium two-country tariff war; build with :func:`tariff_war`.

    Attributes
    ----------
    lam, A : number
        Home's size and the demand intercept.
    players : tuple of str
        ``("Home", "Foreign")``.
    exact : bool

    Examples
    --------
    >>> w = tariff_war(lam=2)
    >>> w.nash_tariffs, w.war_gain[0] > 0          # the big country wins the war
    ((2/5, 1/4), True)
    """

    players = ("Home", "Foreign")

    def __init__(self, lam: Any, A: Any) -> None:
        self.lam = number(lam, "lam", low=0)
        self.A = number(A, "A", low=0)
        self.exact = not (self.lam.has(sp.Float) or self.A.has(sp.Float))

    def __repr__(self) -> str:
        return f"TariffWar(lam={self.lam}, A={self.A})"

    @property
    def values(self) -> dict[sp.Symbol, sp.Expr]:
        return {LAM: self.lam, A_: self.A}

    @cached_property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Welfare, prices and the war's closed forms in ``lambda, A, t_H, t_F``."""
        f = _welfare_exprs()
        th = sp.solve(sp.diff(f["W_H"], TH), TH)[0]
        tf = sp.solve(sp.diff(f["W_F"], TF), TF)[0]
        gain = sp.factor(f["W_H"].subs({TH: th, TF: tf}) - f["W_H"].subs({TH: 0, TF: 0}))
        f.update(
            nash_tariff_home=sp.factor(th),
            nash_tariff_foreign=sp.factor(tf),
            ad_valorem_home=sp.simplify(th / f["p_F"].subs(TH, th)),
            ad_valorem_foreign=sp.simplify(tf / f["p_H2"].subs(TF, tf)),
            war_gain_home=gain,
            size_threshold=size_threshold(),
            credible_penalty_upper=sp.factor(2 * th),
        )
        return f

    def welfare(self, t_home: Any, t_foreign: Any) -> tuple[Any, Any]:
        """``(W_H, W_F)`` at specific tariffs ``(t_H, t_F)``.

        Examples
        --------
        >>> tariff_war().welfare(0, 0)
        (1/4, 1/4)
        """
        th, tf = number(t_home, "t_home"), number(t_foreign, "t_foreign")
        cf = _welfare_exprs()
        vals = {**self.values, TH: th, TF: tf}
        return out(cf["W_H"].subs(vals)), out(cf["W_F"].subs(vals))

    @property
    def nash_tariffs(self) -> tuple[Any, Any]:
        """``(t_H*, t_F*) = (lam A/(2 lam + 1), A/(lam + 2))``: dominant strategies."""
        cf = self.closed_forms
        return out(cf["nash_tariff_home"].subs(self.values)), out(
            cf["nash_tariff_foreign"].subs(self.values)
        )

    @property
    def ad_valorem_nash_tariffs(self) -> tuple[Any, Any]:
        """Nash tariffs over the foreign export price: 1 each (Johnson's ``1/eps_X``)."""
        cf = self.closed_forms
        return out(cf["ad_valorem_home"].subs(self.values)), out(
            cf["ad_valorem_foreign"].subs(self.values)
        )

    @property
    def war_gain(self) -> tuple[Any, Any]:
        """Welfare at Nash tariffs minus welfare under free trade, per country."""
        war = self.welfare(*self.nash_tariffs)
        ft = self.welfare(0, 0)
        return out(sp.sympify(war[0] - ft[0])), out(sp.sympify(war[1] - ft[1]))

    @property
    def welfare_loss_from_war(self) -> tuple[Any, Any]:
        """Free-trade welfare minus war welfare (positive = the war hurts)."""
        g = self.war_gain
        return out(-sp.sympify(g[0])), out(-sp.sympify(g[1]))

    @property
    def big_country_wins(self) -> bool:
        """Whether Home gains from the war (``lam`` above :func:`size_threshold`)."""
        return bool(sp.sympify(self.war_gain[0]) > 0)

    @property
    def credible_penalty_range(self) -> tuple[Any, Any]:
        """Open range ``(0, 2 t_H*)`` of penalty tariffs Home prefers to free trade.

        Examples
        --------
        >>> tariff_war().credible_penalty_range
        (0, 2/3)
        """
        return sp.Integer(0), out(self.closed_forms["credible_penalty_upper"].subs(self.values))

    def market1_welfare(self, t_home: Any) -> Any:
        """Home's surplus plus revenue in its import market at tariff ``t_home``."""
        th = number(t_home, "t_home")
        return out(self.closed_forms["W_H_market1"].subs({**self.values, TH: th}))

    @cached_property
    def game(self):
        """The war as a :class:`games.ContinuousGame` in tariffs ``t_H, t_F in [0, A]``."""
        from games.continuous import ContinuousGame

        cf = _welfare_exprs()
        payoffs = (cf["W_H"].subs(self.values), cf["W_F"].subs(self.values))
        # symbolic sizes or intercepts stay free parameters (closed forms by region)
        free = set().union(*(u.free_symbols for u in payoffs), self.A.free_symbols) - {TH, TF}
        return ContinuousGame(
            self.players,
            (TH, TF),
            payoffs,
            ((0, self.A), (0, self.A)),
            parameters=tuple(sorted(free, key=lambda s: s.name)),
        )

    def equilibrium(self):
        """Nash equilibrium of :attr:`game` from :mod:`solvers.continuous` (exact KKT).

        Examples
        --------
        >>> eq = tariff_war().equilibrium()
        >>> eq.strategies, eq.unique
        ({'Home': 1/3, 'Foreign': 1/3}, True)
        """
        return self.game.equilibrium(method="exact" if self.exact else "numeric")

    def trade_war_game(self):
        """The induced 2x2 game: each country picks free trade or its Nash tariff.

        Rows are Home's choice, columns Foreign's, strategies ``("Free trade",
        "Tariff")``. With equal sizes it is a Prisoner's Dilemma.
        """
        from games.normal_form import NormalFormGame

        tn = self.nash_tariffs
        choices = ((0, tn[0]), (0, tn[1]))
        home = [[self.welfare(a, b)[0] for b in choices[1]] for a in choices[0]]
        foreign = [[self.welfare(a, b)[1] for b in choices[1]] for a in choices[0]]
        labels = ("Free trade", "Tariff")
        return NormalFormGame([home, foreign], players=self.players, strategies=(labels, labels))

    @property
    def is_prisoners_dilemma(self) -> bool:
        """Whether the 2x2 trade war is a Prisoner's Dilemma: the tariff is dominant for
        both (always here) and both lose from the war (sizes below the threshold).

        Examples
        --------
        >>> tariff_war(lam=1.2).is_prisoners_dilemma, tariff_war(lam=2).is_prisoners_dilemma
        (True, False)
        """
        return all(sp.sympify(g) < 0 for g in self.war_gain)

    def best_responses(self) -> tuple[Any, Any]:
        """Best responses: constant (dominant) tariffs ``t_H*`` and ``t_F*``."""
        return self.nash_tariffs


def size_threshold() -> sp.Expr:
    """Home size above which it gains from the war (``A = 1`` w.l.o.g.): the positive root
    of ``lam**4 + 4 lam**3 - 8 lam - 3``, i.e. ``sqrt(3 + sqrt(7)) - 1``.

    Examples
    --------
    >>> size_threshold()
    -1 + sqrt(sqrt(7) + 3)
    >>> round(float(size_threshold()), 7)
    1.376079
    """
    f = _welfare_exprs()
    th = sp.solve(sp.diff(f["W_H"], TH), TH)[0]
    tf = sp.solve(sp.diff(f["W_F"], TF), TF)[0]
    gain = sp.factor((f["W_H"].subs({TH: th, TF: tf}) - f["W_H"].subs({TH: 0, TF: 0})).subs(A_, 1))
    num = sp.numer(sp.together(gain))
    x = sp.Symbol("x", positive=True)
    # substitute lam = x - 1: the quartic becomes biquadratic
    quartic = sp.Poly(sp.factor(num / LAM), LAM)
    shifted = sp.expand(quartic.as_expr().subs(LAM, x - 1))
    roots = [r - 1 for r in sp.solve(shifted, x) if (r - 1).is_positive]
    return roots[0]


def tariff_war(lam: Any = 1, A: Any = 1) -> TariffWar:
    """The partial-equilibrium tariff war between Home (size ``lam``) and Foreign.

    Parameters
    ----------
    lam : number, default 1
        Home's size (its demand and supply are scaled by ``lam``).
    A : number, default 1
        Demand intercept in both markets.

    Returns
    -------
    TariffWar
        ``.nash_tariffs``, ``.welfare(t_H, t_F)``, ``.war_gain``, ``.trade_war_game()``,
        ``.credible_penalty_range``, ``.closed_forms``, ``.game`` (a ContinuousGame) and
        ``.equilibrium()``.

    Raises
    ------
    ValueError
        Unless ``lam > 0`` and ``A > 0``.

    Examples
    --------
    >>> tariff_war(lam=1).trade_war_game().pure_equilibria()[0].supports   # (T, T)
    ((1,), (1,))
    """
    return TariffWar(lam, A)
