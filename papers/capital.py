r"""Capital flows and the accord: two figures (models in :mod:`games.capital`).

1. ``capital-flows``: the inflow tax's effect (left) on the capital flow (the US deficit,
   by the balance-of-payments identity), the US interest rate and what China's lenders
   earn, up to the prohibitive tax and beyond (autarky); (right) on welfare, with the
   optimal unilateral tax :math:`\tau_U`, Nash's (1953) optimal threat :math:`\tau_T` and
   the tax that implements the accord flow (docs/models.md, e.1-e.2).
2. ``capital-accord``: the accord's bargaining set (transferable utility,
   :math:`u_{US} + u_{China} \le J_e`), the welfare pairs reachable by the tax alone, the
   disagreement points (free flows, unilateral controls, the optimal threat, the tax
   war) and each protocol's outcome; ``python -m papers`` prints the protocol comparison
   table (e.3). Controls as a threat point and as an outside option give different
   accords.

Each figure has a tested ``*_data`` function and a ``draw_*`` function; both take the
rate gap ``gap`` and the imbalance cost ``kappa`` (``--set gap=3 --set kappa=1/2``).

Examples
--------
>>> d = accord_data()
>>> d.table["Nash 1953 optimal threat"].payoffs, d.joint_surplus
((32/15, 8/15), 8/3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.capital import AccordTable, CapitalAccord, capital_accord, loanable_funds
from papers._demo import FigureDemo, run_window, slider_fraction
from papers._registry import FigureParameter, FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "DEMOS",
    "FIGURES",
    "AccordData",
    "AccordDemo",
    "FlowsData",
    "accord_data",
    "draw_accord",
    "draw_flows",
    "flows_data",
    "run_demo",
]

_GAP = FigureParameter("gap", 4, 0, None, description="autarky rate gap r_US - r_China")
_KAPPA = FigureParameter(
    "kappa", 1, 0, None, low_open=False, description="US imbalance cost kappa (our reduced form)"
)
PARAMETERS = (_GAP, _KAPPA)


# ----------------------------------------------------------------------------- figure 1
@dataclass(frozen=True)
class FlowsData:
    """Flows, rates and welfare against the inflow tax.

    Attributes
    ----------
    taus : numpy.ndarray
        Taxes from 0 to 1.25 times the prohibitive tax (the market panel).
    flow, rate, lender_rate : numpy.ndarray
        On ``taus`` (autarky beyond the prohibitive tax).
    welfare_taus, welfare_US, welfare_China : numpy.ndarray
        Welfare on taxes in ``[0, G]``.
    world_rate, prohibitive_tax, optimal_tax, optimal_threat, accord_tax : number
        Exact where the parameters are.
    model : CapitalAccord
    """

    taus: np.ndarray
    flow: np.ndarray
    rate: np.ndarray
    lender_rate: np.ndarray
    welfare_taus: np.ndarray
    welfare_US: np.ndarray
    welfare_China: np.ndarray
    world_rate: Any
    prohibitive_tax: Any
    optimal_tax: Any
    optimal_threat: Any
    accord_tax: Any
    model: CapitalAccord


def flows_data(
    gap: Any = _GAP.default, kappa: Any = _KAPPA.default, points: int = 201
) -> FlowsData:
    """Data of figure 1 (saving slopes 1, China's autarky rate 1, the US's ``1 + gap``).

    Examples
    --------
    >>> d = flows_data(points=5)
    >>> d.world_rate, d.prohibitive_tax, d.optimal_tax, d.optimal_threat, d.accord_tax
    (3, 4, 2, 12/5, 4/3)
    >>> d.flow.tolist(), d.lender_rate.tolist()
    ([2.0, 1.375, 0.75, 0.125, 0.0], [3.0, 2.375, 1.75, 1.125, 1.0])
    """
    model = capital_accord(gap, kappa)  # checks gap and kappa before any arithmetic
    market = loanable_funds(1, 1, 1 + model.gap, 1)
    g = float(market.prohibitive_tax)
    taus = np.linspace(0.0, 1.25 * g, points)
    s = market.sweep(taus)
    w_taus = np.linspace(0.0, g, points)
    w = model.sweep(w_taus)
    return FlowsData(
        taus=taus,
        flow=s["flow"],
        rate=s["rate"],
        lender_rate=s["lender_rate"],
        welfare_taus=w_taus,
        welfare_US=w["welfare_US"],
        welfare_China=w["welfare_China"],
        world_rate=market.world_rate,
        prohibitive_tax=market.prohibitive_tax,
        optimal_tax=model.optimal_tax,
        optimal_threat=model.optimal_threat,
        accord_tax=model.accord_tax,
        model=model,
    )


def _fmt(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 7 else f"{float(value):.3g}"


def draw_flows(data: FlowsData) -> Figure:
    """Two panels: flows and rates against the tax; welfare against the tax.

    Examples
    --------
    >>> fig = draw_flows(flows_data(points=11))
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['inflow tax $\\\\tau$', 'inflow tax $\\\\tau$']
    """
    m = data.model
    with use_style():
        fig = Figure(figsize=(8.4, 3.6), layout="constrained")
        ax, ax2 = fig.subplots(1, 2)
        ax.plot(data.taus, data.flow, color=COLORS["black"], label="flow $F$ = US deficit")
        ax.plot(data.taus, data.rate, color=COLORS["red"], label="US rate $r_U(\\tau)$")
        ax.plot(
            data.taus,
            data.lender_rate,
            color=COLORS["blue"],
            label="lenders earn $r_U(\\tau) - \\tau$",
        )
        ax.axhline(float(data.world_rate), color=COLORS["grey"], lw=0.8, ls=":")
        ax.axvline(float(data.prohibitive_tax), color=COLORS["grey"], lw=0.8, ls="--")
        ax.annotate(
            f"free-flow rate $r^*$ = {_fmt(data.world_rate)}",
            (0, float(data.world_rate)),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=7,
            color=COLORS["grey"],
        )
        ax.annotate(
            f"prohibitive tax {_fmt(data.prohibitive_tax)}:\nautarky beyond",
            (float(data.prohibitive_tax), float(data.world_rate)),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=7,
            color=COLORS["grey"],
        )
        ax.set(
            xlabel="inflow tax $\\tau$",
            ylabel="rate, flow",
            title="Flows and rates (e.1)",
            xlim=(0, data.taus[-1]),
            ylim=(0, 1.45 * float(np.max(data.rate))),
        )
        ax.legend(frameon=False, fontsize=7, loc="upper left")

        ax2.plot(data.welfare_taus, data.welfare_US, color=COLORS["red"], label="US $W_U$")
        ax2.plot(data.welfare_taus, data.welfare_China, color=COLORS["blue"], label="China $W_C$")
        ax2.plot(
            data.welfare_taus,
            data.welfare_US + data.welfare_China,
            color=COLORS["black"],
            lw=1.0,
            ls="--",
            label="joint $W_U + W_C$",
        )
        for value, name, colour in (
            (data.optimal_tax, "$\\tau_U$ optimal unilateral", COLORS["red"]),
            (data.optimal_threat, "$\\tau_T$ optimal threat", COLORS["purple"]),
            (data.accord_tax, "accord tax", COLORS["green"]),
        ):
            ax2.axvline(
                float(value), color=colour, lw=0.9, ls=":", label=f"{name} = {_fmt(value)}"
            )
        ax2.set(
            xlabel="inflow tax $\\tau$",
            ylabel="welfare",
            title=f"Welfare (e.2): G = {_fmt(m.gap)}, $\\kappa$ = {_fmt(m.kappa)}",
            xlim=(0, data.welfare_taus[-1]),
        )
        ax2.legend(frameon=False, fontsize=7, loc="upper right")
    return fig


# ----------------------------------------------------------------------------- figure 2
@dataclass(frozen=True)
class AccordData:
    """The accord's bargaining set, disagreement points and outcomes.

    Attributes
    ----------
    tax_curve : numpy.ndarray
        ``(W_US, W_China)`` for taxes in ``[0, G]`` (shape ``(k, 2)``; no transfers).
    joint_surplus : number
        ``J_e``: the frontier is ``u_US + u_China = J_e``.
    points : dict
        Disagreement points: ``"free flows"``, ``"unilateral controls"``,
        ``"optimal threat"``, ``"tax war"`` (exact pairs).
    table : AccordTable
        Each protocol's outcome (:meth:`games.capital.CapitalAccord.table`).
    model : CapitalAccord
    """

    tax_curve: np.ndarray
    joint_surplus: Any
    points: dict
    table: AccordTable
    model: CapitalAccord


def accord_data(
    gap: Any = _GAP.default, kappa: Any = _KAPPA.default, points: int = 201
) -> AccordData:
    """Data of figure 2.

    Examples
    --------
    >>> d = accord_data(points=3)
    >>> d.points["free flows"], d.points["unilateral controls"], d.points["tax war"]
    ((0, 2), (2, 1/2), (32/25, 24/25))
    >>> d.tax_curve.tolist()
    [[0.0, 2.0], [2.0, 0.5], [0.0, 0.0]]
    """
    m = capital_accord(gap, kappa)
    s = m.sweep(np.linspace(0.0, float(m.gap), points))
    threat = m.variable_threat().disagreement
    return AccordData(
        tax_curve=np.column_stack([s["welfare_US"], s["welfare_China"]]),
        joint_surplus=m.joint_surplus,
        points={
            "free flows": m.status_quo,
            "unilateral controls": m.controls,
            "optimal threat": tuple(threat),
            "tax war": m.war,
        },
        table=m.table(),
        model=m,
    )


def draw_accord(data: AccordData) -> Figure:
    """The bargaining set with each protocol's outcome and disagreement point.

    Examples
    --------
    >>> fig = draw_accord(accord_data(points=11))
    >>> fig.axes[0].get_xlabel()
    'US welfare $u_{US}$'
    """
    m = data.model
    j = float(data.joint_surplus)
    curve = data.tax_curve
    lo = min(0.0, float(curve.min()), *(float(v) for p in data.points.values() for v in p))
    hi = max(j, float(curve.max()))
    pad = 0.06 * (hi - lo)
    point_style = {
        "free flows": ("*", COLORS["black"]),
        "unilateral controls": ("X", COLORS["red"]),
        "optimal threat": ("v", COLORS["purple"]),
        "tax war": ("h", COLORS["grey"]),
    }
    outcome_style = {
        "Nash, status quo": ("o", COLORS["sky"]),
        "Nash, controls as outside option": ("s", COLORS["orange"]),
        "Nash, controls as threat point": ("D", COLORS["red"]),
        "Nash 1953 optimal threat": ("^", COLORS["purple"]),
        "weighted Nash": ("P", COLORS["green"]),
        "Rubinstein": ("p", COLORS["blue"]),
    }
    with use_style():
        fig, ax = figure(7.8, 4.6)
        u = np.array([lo - pad, hi + pad])
        ax.fill_between(
            u, lo - pad, j - u, where=j - u >= lo - pad, color=COLORS["sky"], alpha=0.12, lw=0
        )
        ax.plot(
            u,
            j - u,
            color=COLORS["black"],
            lw=1.4,
            label=f"accord frontier $u_{{US}} + u_{{China}} = J_e$ = {_fmt(data.joint_surplus)}",
        )
        ax.plot(
            curve[:, 0],
            curve[:, 1],
            color=COLORS["grey"],
            lw=1.1,
            ls="--",
            label="tax alone, $\\tau \\in [0, G]$ (no transfers)",
        )
        option = float(data.points["unilateral controls"][0])
        ax.axvline(
            option,
            color=COLORS["orange"],
            lw=0.8,
            ls="-.",
            label="US outside option $W_U(\\tau_U)$: a floor (BRW)",
        )
        for name, pt in data.points.items():
            mk, col = point_style[name]
            ax.plot(
                float(pt[0]),
                float(pt[1]),
                mk,
                ms=9,
                color=col,
                mfc="white",
                mew=1.5,
                label=f"{name} ({_fmt(pt[0])}, {_fmt(pt[1])})",
                zorder=6,
            )
        for row in data.table.rows:
            mk, col = outcome_style.get(row.protocol, ("o", COLORS["black"]))
            d = [float(v) for v in row.disagreement]
            p = [float(v) for v in row.payoffs]
            ax.plot([d[0], p[0]], [d[1], p[1]], color=col, lw=0.7, ls=":", zorder=4)
            ax.plot(
                *p,
                mk,
                ms=7,
                color=col,
                mec=COLORS["black"],
                mew=0.6,
                label=f"{row.protocol}: ({_fmt(row.payoffs[0])}, {_fmt(row.payoffs[1])})",
                zorder=7,
            )
        ax.set(
            xlabel="US welfare $u_{US}$",
            ylabel="China welfare $u_{China}$",
            title=f"The accord: G = {_fmt(m.gap)}, $\\kappa$ = {_fmt(m.kappa)}",
            xlim=(lo - pad, hi + pad),
            ylim=(lo - pad, hi + pad),
            aspect="equal",
        )
        fig.legend(loc="outside right center", frameon=False, fontsize=7)
    return fig


# ----------------------------------------------------------------------------- specs
def _build_flows(gap: Any = _GAP.default, kappa: Any = _KAPPA.default) -> Figure:
    return draw_flows(flows_data(gap, kappa))


def _build_accord(gap: Any = _GAP.default, kappa: Any = _KAPPA.default) -> Figure:
    return draw_accord(accord_data(gap, kappa))


def _show(value: Any) -> str:
    """Exact numbers as they are, floats to 6 significant digits; pairs in parentheses."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    v = sp.sympify(value)
    return str(v) if v.is_Rational else f"{float(v):.6g}"


def _summary_flows(gap: Any = _GAP.default, kappa: Any = _KAPPA.default) -> str:
    m = capital_accord(gap, kappa)
    market = loanable_funds(1, 1, 1 + m.gap, 1)
    lines = [
        f"   r_China = 1, r_US = 1 + G; free flows: world rate {_show(market.world_rate)}, "
        f"flow (US deficit) {_show(market.flow(0))}; prohibitive tax "
        f"{_show(market.prohibitive_tax)}"
    ]
    for name, t in (
        ("optimal unilateral tax", m.optimal_tax),
        ("optimal threat", m.optimal_threat),
        ("accord tax", m.accord_tax),
    ):
        lines.append(
            f"   {name} tau = {_show(t)}: flow {_show(market.flow(t))}, US rate "
            f"{_show(market.rate(t))}, lenders earn {_show(market.lender_rate(t))}, "
            f"welfare (US, China) {_show(m.welfare(t))}"
        )
    eq = m.equilibrium()
    lines.append(
        f"   tax war (US inflow tax, China outflow tax) = "
        f"{_show((eq.strategies['US'], eq.strategies['China']))}, welfare {_show(m.war)}; "
        f"{eq.method}, verified {eq.verified}"
    )
    return "\n".join(lines)


def _summary_accord(gap: Any = _GAP.default, kappa: Any = _KAPPA.default) -> str:
    table = capital_accord(gap, kappa).table()
    return "\n".join("   " + line for line in str(table).splitlines())


FIGURES = [
    FigureSpec(
        "capital-flows",
        _build_flows,
        _summary_flows,
        "capital flows: flows, rates and welfare against the inflow tax",
        parameters=PARAMETERS,
        source=(
            "docs/models.md §e.1-e.2: Obstfeld & Rogoff (1996) Foundations of International "
            "Macroeconomics, ch. 1; the tax and welfare are blocgames' own construction"
        ),
    ),
    FigureSpec(
        "capital-accord",
        _build_accord,
        _summary_accord,
        "capital accord: bargaining set, disagreement points and each protocol's outcome",
        readme=True,
        parameters=PARAMETERS,
        source=(
            "docs/models.md §e.2-e.3: Nash (1950, 1953) Econometrica; Rubinstein (1982) "
            "Econometrica 50; Binmore, Rubinstein & Wolinsky (1986) RAND J. Econ. 17(2)"
        ),
    ),
]


# ---------------------------------------------------------------- classroom demo


class AccordDemo(FigureDemo):
    """The accord figure with sliders for the rate gap ``G`` and the imbalance cost.

    Moving a slider recomputes :func:`accord_data` (values read as the nearest fraction
    with denominator at most 100, so the table stays exact) and redraws
    :func:`draw_accord`; ``text`` shows the taxes, the accord flow and the protocols'
    payoffs (docs/models.md §e.2-e.3).

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).

    Examples
    --------
    Optimal unilateral tax ``G(1+k)/(3+k)``, threat ``G(2+k)/(4+k)``, efficient flow
    ``G/(2+k)``; at ``G = 4, k = 1``: 2, 12/5 and 4/3:

    >>> demo = AccordDemo()
    >>> m = demo.data.model
    >>> m.optimal_tax, m.optimal_threat, demo.data.table.efficient_flow
    (2, 12/5, 4/3)
    >>> demo.sliders["kappa"].set_val(0.0)
    >>> demo.data.model.optimal_tax, demo.data.table.efficient_flow
    (4/3, 2)
    """

    SLIDERS = (
        ("gap", "autarky rate gap $G$", 0.5, 8.0, 4.0),
        ("kappa", r"US imbalance cost $\kappa$", 0.0, 4.0, 1.0),
    )

    def compute(self, gap: float, kappa: float) -> AccordData:
        """The figure's data at these slider values."""
        return accord_data(slider_fraction(gap), slider_fraction(kappa))

    def draw(self, data: AccordData) -> Figure:
        """The published figure for ``data``."""
        return draw_accord(data)

    def describe(self, data: AccordData) -> str:
        """Taxes, the accord and each disagreement point's outcome."""
        m, t = data.model, data.table
        u = {r.protocol: _pair(r.payoffs) for r in t.rows}
        shown = (
            f"status quo {u['Nash, status quo']}; controls as threat "
            f"{u['Nash, controls as threat point']}\n"
            f"  optimal threat {u['Nash 1953 optimal threat']}; Rubinstein {u['Rubinstein']}"
        )
        return (
            f"G = {m.gap}, kappa = {m.kappa}: unilateral tax tau_U = {_show(m.optimal_tax)} "
            f"({float(m.optimal_tax):.3f}), optimal threat tau_T = {_show(m.optimal_threat)} "
            f"({float(m.optimal_threat):.3f})\n"
            f"accord: flow F_e = {_show(t.efficient_flow)} ({float(t.efficient_flow):.3f}) "
            f"at tax {_show(t.accord_tax)}, joint surplus J_e = {_show(t.joint_surplus)}\n"
            f"u (US, China): {shown}"
        )


def _pair(values: Any) -> str:
    return "(" + ", ".join(f"{float(v):.3f}" for v in values) + ")"


def run_demo() -> AccordDemo | None:
    """Open the capital-accord demo (``python -m papers demo capital``).

    Returns
    -------
    AccordDemo or None
        The demo after its window is closed, or ``None`` when no window can be opened.

    Examples
    --------
    >>> DEMOS["capital"] is run_demo
    True
    >>> demo = run_demo()                                # doctest: +SKIP
    """
    return run_window(AccordDemo, "capital")  # type: ignore[return-value]


DEMOS = {"capital": run_demo}
