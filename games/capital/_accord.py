r"""Welfare, the optimal unilateral tax, the tax war and the accord (e.2 and e.3).

With equal saving slopes (:math:`s_U = s_C = 1`) and the autarky rate gap
:math:`G = r_U - r_C`, the flow at inflow tax :math:`\tau` is :math:`F = (G - \tau)/2`
(:mod:`games.capital`, e.1). Welfare [O, our reduced form]:

.. math::

   W_U = (1 - \kappa) F^2/2 + \tau F, \qquad W_C = F^2/2,

the borrower's surplus plus the tax revenue minus an imbalance cost :math:`\kappa F^2/2`
(:math:`\kappa` stands in for the manufacturing and political cost of deficits; with
:math:`\kappa = 0` this is standard welfare). Derived here with sympy:

* the **optimal unilateral tax** (first-order condition)
  :math:`\tau_U(\kappa) = G (1 + \kappa)/(3 + \kappa)`; with :math:`\kappa = 0` it is the
  monopsony markdown :math:`\tau = F/s_C`, the capital-account twin of Johnson's optimal
  tariff (Costinot, Lorenzoni & Werning 2014, *JPE* 122(1));
* the **accord** (transferable utility: the flow is agreed, rents and transfers shared):
  joint surplus :math:`J(F) = G F - (1 + \kappa/2) F^2`, efficient flow
  :math:`F_e = G/(2 + \kappa)` and :math:`J_e = G^2/(2(2 + \kappa))`;
* Nash's (1953) **optimal threat**: the US picks the tax that maximizes
  :math:`W_U - W_C`, :math:`\tau_T(\kappa) = G (2 + \kappa)/(4 + \kappa)`, harsher than
  :math:`\tau_U`: threats are chosen to hurt;
* the **tax war** [O, our extension]: China answers with an outflow tax :math:`\tau_C`
  (its own capital controls, a markup on its lending), the wedge is
  :math:`\tau_U + \tau_C`, :math:`W_C = F^2/2 + \tau_C F`; the Nash taxes are
  :math:`\tau_U = G(1 + \kappa)/(4 + \kappa)`, :math:`\tau_C = G/(4 + \kappa)` and the flow
  :math:`G/(4 + \kappa)`. :attr:`CapitalAccord.game` is this war as a
  :class:`games.ContinuousGame` (solved by :mod:`solvers.continuous`).

The accord is a :class:`games.BargainingProblem` (transferable utility, surplus
:math:`J_e`); :meth:`CapitalAccord.table` compares its outcome under each protocol of
:mod:`solvers.bargaining` (Nash 1950 and 1953, Rubinstein 1982, Binmore, Rubinstein &
Wolinsky 1986). Whether unilateral controls are the **threat point** (the payoff during
an impasse) or only an **outside option** (what the US gets by walking away) changes the
prediction: the switch is :meth:`CapitalAccord.outcome`. Source: docs/models.md, sections
(e.2) and (e.3).

Examples
--------
>>> from games.capital import capital_accord
>>> a = capital_accord()                        # G = 4, kappa = 1
>>> a.status_quo, a.controls, a.optimal_tax
((0, 2), (2, 1/2), 2)
>>> a.efficient_flow, a.joint_surplus
(4/3, 8/3)
>>> a.outcome("threat_point").payoffs, a.outcome("outside_option").payoffs
((25/12, 7/12), (2, 2/3))
>>> a.optimal_threat, a.variable_threat().payoffs
(12/5, (32/15, 8/15))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.bargaining import BargainingProblem
from games.capital._inputs import is_exact, number, out, plain, show, taxes
from games.continuous import ContinuousGame
from solvers.bargaining import BargainingSolution, variable_threat_continuous
from solvers.continuous import ContinuousEquilibrium

__all__ = ["AccordOutcome", "AccordTable", "CapitalAccord", "capital_accord"]

GAP = sp.Symbol("G", positive=True)
KAPPA = sp.Symbol("kappa", nonnegative=True)
TAU = sp.Symbol("tau", real=True)
TAU_US, TAU_CHINA = sp.symbols("tau_US tau_China", real=True)
FLOW = sp.Symbol("F", real=True)
PLAYERS = ("US", "China")
DISAGREEMENT_MODES = ("threat_point", "outside_option")
#: Default US weight of the weighted Nash row and discount factors of the Rubinstein row.
US_WEIGHT = sp.Rational(2, 3)
DELTAS = (sp.Rational(9, 10), sp.Rational(9, 10))


def _welfare(tau_us: sp.Expr, tau_china: sp.Expr = sp.S.Zero) -> tuple[sp.Expr, sp.Expr]:
    f = (GAP - tau_us - tau_china) / 2
    return (1 - KAPPA) * f**2 / 2 + tau_us * f, f**2 / 2 + tau_china * f


@cache
def _closed_forms() -> dict[str, sp.Expr]:
    """The e.2-e.3 closed forms, derived from first-order conditions with sympy."""
    w_u, w_c = _welfare(TAU)
    tau_u = sp.solve(sp.diff(w_u, TAU), TAU)[0]
    # the accord: flow F implemented by the tax G - 2F, plus transfers
    joint = sp.expand((w_u + w_c).subs(TAU, GAP - 2 * FLOW))
    f_e = sp.solve(sp.diff(joint, FLOW), FLOW)[0]
    tau_t = sp.solve(sp.diff(w_u - w_c, TAU), TAU)[0]
    war_u, war_c = _welfare(TAU_US, TAU_CHINA)
    war = sp.solve([sp.diff(war_u, TAU_US), sp.diff(war_c, TAU_CHINA)], [TAU_US, TAU_CHINA])
    return {
        "flow": (GAP - TAU) / 2,
        "welfare_US": w_u,
        "welfare_China": w_c,
        "optimal_tax": sp.factor(tau_u),
        "joint_surplus": joint,
        "efficient_flow": sp.factor(f_e),
        "efficient_surplus": sp.factor(joint.subs(FLOW, f_e)),
        "accord_tax": sp.factor(GAP - 2 * f_e),
        "optimal_threat": sp.factor(tau_t),
        "war_tax_US": sp.factor(war[TAU_US]),
        "war_tax_China": sp.factor(war[TAU_CHINA]),
        "war_flow": sp.factor((GAP - war[TAU_US] - war[TAU_CHINA]) / 2),
        "war_welfare_US": sp.factor(war_u.subs(war)),
        "war_welfare_China": sp.factor(war_c.subs(war)),
    }


def _latex(value: Any) -> str:
    """A number in LaTeX math: exact ones by :func:`sympy.latex`, floats to 6 digits."""
    if isinstance(value, float) or (isinstance(value, sp.Basic) and value.has(sp.Float)):
        text = f"{float(value):.6g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa} \\times 10^{{{int(exponent)}}}"
        return text
    return str(sp.latex(sp.sympify(value)))


def _escape(text: str) -> str:
    """Text-mode LaTeX: the special characters escaped."""
    special = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join("\\" + c if c in "&%$#_{}" else special.get(c, c) for c in text)


@dataclass(frozen=True)
class AccordOutcome:
    """One row of the protocol comparison (:meth:`CapitalAccord.table`).

    Attributes
    ----------
    protocol : str
    alternative : str
        What unilateral controls are in this protocol: ``"none"``, ``"threat point"``,
        ``"outside option"`` or ``"optimal threat"``.
    disagreement : tuple
        The point the gains are measured from.
    payoffs : tuple
        ``(u_US, u_China)``.
    transfer : number
        China's transfer to the US on top of the accord flow ``F_e`` (implemented by the
        tax ``G - 2 F_e``): ``u_US - W_US(F_e)``.
    solution : solvers.bargaining.BargainingSolution
    """

    protocol: str
    alternative: str
    disagreement: tuple
    payoffs: tuple
    transfer: Any
    solution: BargainingSolution

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (``Fraction`` for exact numbers)."""
        return {
            "protocol": self.protocol,
            "alternative": self.alternative,
            "disagreement": [plain(v) for v in self.disagreement],
            "payoffs": [plain(v) for v in self.payoffs],
            "transfer": plain(self.transfer),
            "method": self.solution.method,
        }


@dataclass(frozen=True)
class AccordTable:
    """The accord's outcome under each protocol, in one table (``str`` prints it,
    :meth:`to_latex` typesets it for a paper).

    Attributes
    ----------
    rows : tuple of AccordOutcome
    efficient_flow, joint_surplus, accord_tax : number
    """

    rows: tuple[AccordOutcome, ...]
    efficient_flow: Any
    joint_surplus: Any
    accord_tax: Any
    notes: tuple[str, ...] = field(default=())

    def __getitem__(self, protocol: str) -> AccordOutcome:
        for row in self.rows:
            if row.protocol == protocol:
                return row
        raise KeyError(f"no protocol {protocol!r}; rows: {[r.protocol for r in self.rows]}")

    def __len__(self) -> int:
        return len(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "efficient_flow": plain(self.efficient_flow),
            "joint_surplus": plain(self.joint_surplus),
            "accord_tax": plain(self.accord_tax),
            "rows": [r.to_dict() for r in self.rows],
        }

    def __str__(self) -> str:
        head = ("protocol", "controls are", "d (US, China)", "u (US, China)", "transfer to US")
        body = [
            (
                r.protocol,
                r.alternative,
                "(" + ", ".join(show(v) for v in r.disagreement) + ")",
                "(" + ", ".join(show(v) for v in r.payoffs) + ")",
                show(r.transfer),
            )
            for r in self.rows
        ]
        widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(x, widths, strict=True)).rstrip()
            for x in (head, *body)
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines.append(
            f"accord: flow F_e = {show(self.efficient_flow)} (tax {show(self.accord_tax)}), "
            f"joint surplus J_e = {show(self.joint_surplus)}"
        )
        return "\n".join(lines)

    def to_latex(self, booktabs: bool = True) -> str:
        r"""The table as a LaTeX ``tabular`` for a paper: protocol, what the controls are,
        disagreement point, payoffs and the transfer to the US (exact numbers as
        fractions, floats to 6 significant digits).

        Parameters
        ----------
        booktabs : bool, default True
            ``\toprule``/``\midrule``/``\bottomrule`` (the ``booktabs`` package), else
            ``\hline``.

        Examples
        --------
        >>> tex = capital_accord().table().to_latex()
        >>> print(tex.splitlines()[4])
        Nash, status quo & none & $(0, 2)$ & $(\frac{1}{3}, \frac{7}{3})$ & $- \frac{13}{9}$ \\
        """
        top, mid, bottom = (
            (r"\toprule", r"\midrule", r"\bottomrule")
            if booktabs
            else (r"\hline", r"\hline", r"\hline")
        )

        def pair(values: tuple) -> str:
            return "$(" + ", ".join(_latex(v) for v in values) + ")$"

        lines = [
            r"\begin{tabular}{llccc}",
            top,
            r"protocol & controls are & $d$ (US, China) & $u$ (US, China) & transfer to US \\",
            mid,
        ]
        for r in self.rows:
            lines.append(
                f"{_escape(r.protocol)} & {_escape(r.alternative)} & {pair(r.disagreement)} & "
                f"{pair(r.payoffs)} & ${_latex(r.transfer)}$ \\\\"
            )
        lines += [bottom, r"\end{tabular}"]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"AccordTable({len(self.rows)} protocols, J_e={show(self.joint_surplus)})"


@dataclass(frozen=True)
class CapitalAccord:
    """Capital-flow bargaining between the US and China; build with :func:`capital_accord`.

    Attributes
    ----------
    gap : sympy number
        ``G = r_US - r_China``, the autarky rate gap.
    kappa : sympy number
        The US's imbalance-cost weight (our reduced form).
    players : tuple of str
        ``("US", "China")``.

    Examples
    --------
    >>> capital_accord(gap=4, kappa=0)
    CapitalAccord(G=4, kappa=0: optimal tax 4/3, accord flow 2, J_e=4)
    """

    gap: sp.Expr
    kappa: sp.Expr
    players = PLAYERS

    @property
    def exact(self) -> bool:
        """Whether the parameters are rational (results exact)."""
        return is_exact(self.gap, self.kappa)

    @property
    def values(self) -> dict[sp.Symbol, sp.Expr]:
        """The parameter symbols of :meth:`closed_forms` and their values."""
        return {GAP: self.gap, KAPPA: self.kappa}

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """Welfare, the optimal unilateral tax, the accord, the optimal threat and the tax
        war in the symbols ``G, kappa, tau, F, tau_US, tau_China``.

        Examples
        --------
        >>> cf = CapitalAccord.closed_forms()
        >>> cf["optimal_tax"], cf["optimal_threat"], cf["efficient_flow"]
        (G*(kappa + 1)/(kappa + 3), G*(kappa + 2)/(kappa + 4), G/(kappa + 2))
        """
        return dict(_closed_forms())

    def _value(self, key: str, extra: dict[sp.Symbol, Any] | None = None) -> Any:
        return out(_closed_forms()[key].subs({**self.values, **(extra or {})}))

    # ------------------------------------------------------------------ e.2
    def flow(self, tau: Any = 0) -> Any:
        """Capital flow ``F = (G - tau)/2`` at inflow tax ``tau`` in ``[0, G]``."""
        return self._value("flow", {TAU: self._tax(tau)})

    def welfare(self, tau: Any = 0) -> tuple[Any, Any]:
        """``(W_US, W_China)`` at the US inflow tax ``tau`` in ``[0, G]`` (no accord).

        Examples
        --------
        >>> capital_accord().welfare(0), capital_accord().welfare(4)
        ((0, 2), (0, 0))
        """
        t = self._tax(tau)
        return self._value("welfare_US", {TAU: t}), self._value("welfare_China", {TAU: t})

    def _tax(self, tau: Any) -> sp.Expr:
        return number(tau, "tau", 0, self.gap, low_open=False, high_open=False)

    @property
    def status_quo(self) -> tuple[Any, Any]:
        """Welfare under free flows (``tau = 0``)."""
        return self.welfare(0)

    @property
    def optimal_tax(self) -> Any:
        """The optimal unilateral tax ``tau_U = G (1 + kappa)/(3 + kappa)``."""
        return self._value("optimal_tax")

    @property
    def controls(self) -> tuple[Any, Any]:
        """Welfare under the optimal unilateral controls ``tau_U``."""
        return self.welfare(self.optimal_tax)

    @property
    def efficient_flow(self) -> Any:
        """The accord's flow ``F_e = G/(2 + kappa)`` (maximizes the joint surplus)."""
        return self._value("efficient_flow")

    @property
    def joint_surplus(self) -> Any:
        """``J_e = G**2/(2 (2 + kappa))``, the joint surplus at ``F_e``."""
        return self._value("efficient_surplus")

    @property
    def accord_tax(self) -> Any:
        """The tax ``G - 2 F_e`` that implements the accord flow."""
        return self._value("accord_tax")

    def joint_surplus_at(self, flow: Any) -> Any:
        """``J(F) = G F - (1 + kappa/2) F**2`` for a flow in ``[0, G/2]``."""
        f = number(flow, "flow", 0, self.gap / 2, low_open=False, high_open=False)
        return self._value("joint_surplus", {FLOW: f})

    @property
    def optimal_threat(self) -> Any:
        """Nash's (1953) optimal US threat ``tau_T = G (2 + kappa)/(4 + kappa)``."""
        return self._value("optimal_threat")

    def sweep(self, taus: Any) -> dict[str, np.ndarray]:
        """Flow and both welfares on a grid of taxes in ``[0, G]`` (vectorized, floats).

        Examples
        --------
        >>> s = capital_accord().sweep([0, 2, 4])
        >>> s["welfare_US"].tolist(), s["welfare_China"].tolist()
        ([0.0, 2.0, 0.0], [2.0, 0.5, 0.0])
        """
        t = taxes(taus, self.gap)
        cf = _closed_forms()
        res = {"tau": t}
        for key in ("flow", "welfare_US", "welfare_China"):
            f = sp.lambdify(TAU, cf[key].subs(self.values), "numpy")
            res[key] = np.broadcast_to(np.asarray(f(t), dtype=float), t.shape).copy()
        return res

    # ------------------------------------------------------------------ the tax war
    @cached_property
    def game(self) -> ContinuousGame:
        """The tax war: the US picks its inflow tax, China its outflow tax, both in
        ``[0, G]`` (a :class:`games.ContinuousGame`; payoffs ``W_US``, ``W_China``)."""
        w_u, w_c = _welfare(TAU_US, TAU_CHINA)
        return ContinuousGame(
            PLAYERS,
            (TAU_US, TAU_CHINA),
            (w_u.subs(self.values), w_c.subs(self.values)),
            ((0, self.gap), (0, self.gap)),
        )

    @property
    def war_taxes(self) -> tuple[Any, Any]:
        """Closed-form Nash taxes ``(G (1 + kappa)/(4 + kappa), G/(4 + kappa))``."""
        return self._value("war_tax_US"), self._value("war_tax_China")

    @property
    def war(self) -> tuple[Any, Any]:
        """Welfare in the tax war (closed form)."""
        return self._value("war_welfare_US"), self._value("war_welfare_China")

    def equilibrium(self) -> ContinuousEquilibrium:
        """The tax war's Nash equilibrium from :mod:`solvers.continuous` (verified).

        Examples
        --------
        >>> eq = capital_accord().equilibrium()
        >>> eq.strategies, eq.payoffs
        ({'US': 8/5, 'China': 4/5}, {'US': 32/25, 'China': 24/25})
        """
        eq = self.game.equilibrium(method="exact" if self.exact else "numeric")
        # the tax war has no free parameters, so the solver gives one equilibrium
        assert isinstance(eq, ContinuousEquilibrium)
        return eq

    # ------------------------------------------------------------------ e.3
    def bargaining_problem(self, disagreement: Sequence[Any] | None = None) -> BargainingProblem:
        """The accord as a transferable-utility :class:`games.BargainingProblem` (surplus
        ``J_e``), with the status quo as the default disagreement point.

        Examples
        --------
        >>> capital_accord().bargaining_problem().nash().payoffs
        (1/3, 7/3)
        """
        d = self.status_quo if disagreement is None else disagreement
        return BargainingProblem.transferable(self.joint_surplus, d, PLAYERS)

    @cached_property
    def accord(self) -> BargainingProblem:
        """:meth:`bargaining_problem` with the status quo (free flows) as impasse point."""
        return self.bargaining_problem()

    def outcome(self, disagreement: str = "threat_point") -> BargainingSolution:
        """The Nash accord with unilateral controls as a ``"threat_point"`` or an
        ``"outside_option"`` (BRW: it only bounds the US payoff; the impasse point stays
        the status quo).

        Examples
        --------
        >>> capital_accord(kappa=0).outcome("outside_option").payoffs
        (8/3, 4/3)
        """
        if disagreement not in DISAGREEMENT_MODES:
            raise ValueError(
                f"disagreement must be one of {DISAGREEMENT_MODES}, got {disagreement!r}"
            )
        return self.accord.with_alternatives(self.controls, disagreement=disagreement)

    def variable_threat(self) -> BargainingSolution:
        """Nash's (1953) variable-threat solution: the US's threat tax in ``[0, G]``
        maximizes ``W_US - W_China`` (:func:`solvers.bargaining.variable_threat_continuous`)."""
        w_u, w_c = _welfare(TAU)
        sol = variable_threat_continuous(
            (w_u.subs(self.values), w_c.subs(self.values)),
            (TAU,),
            [(0, self.gap)],
            self.joint_surplus,
        )
        return sol.with_players(PLAYERS)

    def _row(self, protocol: str, alternative: str, sol: BargainingSolution) -> AccordOutcome:
        u_us = sp.sympify(sol.payoffs[0])
        w_us_accord = sp.sympify(self.welfare(self.accord_tax)[0])
        return AccordOutcome(
            protocol,
            alternative,
            tuple(sol.disagreement),
            tuple(sol.payoffs),
            out(u_us - w_us_accord),
            sol,
        )

    def table(
        self,
        us_weight: Any = US_WEIGHT,
        deltas: Sequence[Any] = DELTAS,
    ) -> AccordTable:
        """The accord under each protocol, in one table.

        Rows: Nash with the status quo as threat point; controls as an outside option
        (BRW); controls as the threat point; Nash's (1953) optimal threat; the weighted
        Nash solution (US weight ``us_weight``, status quo); Rubinstein alternating offers
        (discount factors ``deltas``, the US proposes first, status quo during talks).

        Examples
        --------
        >>> t = capital_accord().table()
        >>> [r.payoffs for r in t.rows][:4]
        [(1/3, 7/3), (2, 2/3), (25/12, 7/12), (32/15, 8/15)]
        >>> t["weighted Nash"].payoffs, t["Rubinstein"].payoffs
        ((4/9, 20/9), (20/57, 44/19))
        """
        b = number(us_weight, "us_weight", 0, 1)
        if isinstance(deltas, str) or not hasattr(deltas, "__len__") or len(deltas) != 2:
            raise ValueError(f"deltas must be a pair (delta_US, delta_China), got {deltas!r}")
        d1 = number(deltas[0], "deltas[0]", 0, 1)
        d2 = number(deltas[1], "deltas[1]", 0, 1)
        p = self.accord
        rows = (
            self._row("Nash, status quo", "none", p.nash()),
            self._row(
                "Nash, controls as outside option",
                "outside option",
                self.outcome("outside_option"),
            ),
            self._row(
                "Nash, controls as threat point", "threat point", self.outcome("threat_point")
            ),
            self._row("Nash 1953 optimal threat", "optimal threat", self.variable_threat()),
            self._row("weighted Nash", "none", p.nash((b, 1 - b))),
            self._row("Rubinstein", "none", p.rubinstein(d1, d2)),
        )
        return AccordTable(rows, self.efficient_flow, self.joint_surplus, self.accord_tax)

    def __repr__(self) -> str:
        return (
            f"CapitalAccord(G={show(self.gap)}, kappa={show(self.kappa)}: optimal tax "
            f"{show(self.optimal_tax)}, accord flow {show(self.efficient_flow)}, "
            f"J_e={show(self.joint_surplus)})"
        )


def capital_accord(gap: Any = 4, kappa: Any = 1) -> CapitalAccord:
    """Capital-flow bargaining: unilateral controls, the tax war and the accord
    (docs/models.md, sections e.2 and e.3).

    Parameters
    ----------
    gap : positive number, default 4
        ``G = r_US - r_China`` (saving slopes are 1).
    kappa : number >= 0, default 1
        The US's imbalance cost ``kappa F**2/2`` (our reduced form).

    Returns
    -------
    CapitalAccord
        ``.welfare(tau)``, ``.optimal_tax``, ``.status_quo``, ``.controls``,
        ``.efficient_flow``, ``.joint_surplus``, ``.optimal_threat``, ``.game`` (the tax
        war) and ``.equilibrium()``, ``.accord`` (a BargainingProblem), ``.outcome(mode)``,
        ``.variable_threat()``, ``.table()`` and ``.closed_forms()``.

    Raises
    ------
    ValueError
        Unless ``gap > 0`` and ``kappa >= 0``.

    Examples
    --------
    >>> capital_accord().war_taxes, capital_accord().war
    ((8/5, 4/5), (32/25, 24/25))
    >>> capital_accord(gap=0)
    Traceback (most recent call last):
    ...
    ValueError: gap must lie in (0, inf), got 0
    """
    return CapitalAccord(number(gap, "gap", 0), number(kappa, "kappa", 0, low_open=False))
