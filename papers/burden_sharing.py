r"""Alliance burden sharing and free riding: three figures (docs/models.md §a.2-a.4).

1. ``burden-best-response``: the two-ally best-response diagram of the Bergstrom-Blume-Varian
   game, :math:`g_i = \max(0, a w_i - (1-a) g_j)`, with the Nash point, the point where
   the leader commits first (Varian 1994), the leader's indifference curve tangent to the
   ally's best response there, and the efficient (Samuelson) frontier
   :math:`g_1 + g_2 = a(w_1 + w_2)`, highlighting the part both allies prefer to Nash.
2. ``burden-share-vs-income``: burden share (contribution / income) against income for
   15 allies (made-up incomes 2, 3.3, ..., 20): with a pure public good the small allies
   free ride at the corner and the share rises steeply with income (exploitation); joint
   products (Sandler 1977) bring every ally in and flatten the profile.
3. ``burden-nash-vs-efficient``: total provision against the number of (identical)
   allies: the efficient level grows with :math:`n` while the Nash level stays bounded,
   :math:`G^N = a n w / (a + n(1-a)) \to a w/(1-a)`; private benefits narrow the gap.

Examples
--------
>>> d = best_response_data()
>>> d.nash, d.leader_point, d.efficient_total
((4, 2), (1, 7/2), 9)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.alliance import joint_products, leader_commitment, public_good
from papers._demo import FigureDemo, run_window
from papers._registry import FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "DEMOS",
    "BestResponseDiagram",
    "BurdenShareData",
    "BurdenSharingDemo",
    "ProvisionData",
    "best_response_data",
    "burden_share_data",
    "draw_best_response",
    "draw_burden_shares",
    "draw_provision",
    "provision_data",
    "run_demo",
]

HALF = sp.Rational(1, 2)
#: Made-up incomes of 15 allies for figure 2 (evenly spaced from 2 to 20).
EXAMPLE_INCOMES = tuple(np.linspace(2.0, 20.0, 15))


# ----------------------------------------------------------------------------- figure 1
@dataclass(frozen=True)
class BestResponseDiagram:
    """What the two-ally best-response diagram shows (exact where the inputs are).

    Attributes
    ----------
    incomes : tuple
    a : number
    br_leader, br_ally : numpy.ndarray
        Polylines ``(g_1, g_2)`` of each best response (shape ``(k, 2)``).
    nash, leader_point, lindahl : tuple
        Simultaneous Nash point, leader-commitment point, Lindahl point ``(a w_1, a w_2)``.
    efficient_total : number
        Samuelson level ``a (w_1 + w_2)``: the efficient frontier is ``g_1 + g_2`` equal to it.
    frontier : numpy.ndarray
        End points of the feasible part of the frontier (shape ``(2, 2)``).
    pareto_better : numpy.ndarray
        End points of the part of the frontier both allies prefer to Nash (``(2, 2)``).
    indifference : numpy.ndarray
        The leader's indifference curve through the leader-commitment point (``(k, 2)``).
    nash_total, leader_total : number

    Examples
    --------
    Returned by :func:`best_response_data`. Incomes (10, 8), ``a = 1/2``: Nash (4, 2),
    leader first (1, 7/2), Lindahl ``(a w_1, a w_2) = (5, 4)`` (docs/models.md §a.2-a.3):

    >>> d = best_response_data()
    >>> d.lindahl, d.nash_total, d.leader_total
    ((5, 4), 6, 9/2)
    >>> d.pareto_better.tolist()          # both prefer g_1 in [5, 6] on g_1 + g_2 = 9
    [[5.0, 4.0], [6.0, 3.0]]
    """

    incomes: tuple
    a: Any
    br_leader: np.ndarray
    br_ally: np.ndarray
    nash: tuple
    leader_point: tuple
    lindahl: tuple
    efficient_total: Any
    frontier: np.ndarray
    pareto_better: np.ndarray
    indifference: np.ndarray
    nash_total: Any
    leader_total: Any


def best_response_data(incomes: Sequence[Any] = (10, 8), a: Any = HALF) -> BestResponseDiagram:
    """Data of the two-ally best-response diagram (leader = ally 1).

    Parameters
    ----------
    incomes : pair of numbers, default (10, 8)
        Incomes of the leader (first) and the ally.
    a : number, default 1/2
        Weight of security, ``0 < a < 1``.

    Returns
    -------
    BestResponseDiagram

    Raises
    ------
    ValueError
        Unless ``incomes`` has two entries (or on invalid model inputs).

    Examples
    --------
    With ``a = 1/2`` the best response is ``g_i = max(0, w_i/2 - g_j/2)``; incomes
    (12, 6) leave the small ally at the corner:

    >>> d = best_response_data((12, 6))
    >>> d.nash, d.efficient_total
    ((6, 0), 9)
    """
    model = public_good(incomes, a=a)
    if model.n != 2:
        raise ValueError(f"incomes must have 2 entries for this diagram, got {model.n}")
    nash = model.equilibrium()
    seq = leader_commitment(incomes, a=a, leader=0).equilibrium().sequential
    w1, w2 = (float(x) for x in model.incomes)
    af = float(model.a)
    # g_1 = max(0, a w_1 - (1-a) g_2) drawn as a function of g_2, and vice versa
    g2 = np.array([0.0, af * w1 / (1 - af), max(w2, af * w1 / (1 - af))])
    br_leader = np.column_stack([np.maximum(af * w1 - (1 - af) * g2, 0.0), g2])
    g1 = np.array([0.0, af * w2 / (1 - af), max(w1, af * w2 / (1 - af))])
    br_ally = np.column_stack([g1, np.maximum(af * w2 - (1 - af) * g1, 0.0)])
    eff = model.efficient().total
    ef = float(eff)
    frontier = np.array([[max(0.0, ef - w2), min(w2, ef)], [min(w1, ef), ef - min(w1, ef)]])
    # on the frontier G = aW, so u_i depends on g_i only: u_i >= u_i^Nash <=> g_i <= cap_i
    u = model.payoffs(np.asarray(nash.contributions, dtype=float))
    cap = [w - np.exp((u[i] - af * np.log(ef)) / (1 - af)) for i, w in enumerate((w1, w2))]
    pareto = np.array([[ef - cap[1], cap[1]], [cap[0], ef - cap[0]]])
    # leader's indifference curve through the commitment point
    s1, s2 = (float(x) for x in seq.contributions)
    u_s = (1 - af) * np.log(w1 - s1) + af * np.log(s1 + s2)
    x = np.linspace(0.0, 0.999 * w1, 400)
    y = np.exp((u_s - (1 - af) * np.log(w1 - x)) / af) - x
    indifference = np.column_stack([x, y])
    return BestResponseDiagram(
        incomes=tuple(model.incomes),
        a=model.a,
        br_leader=br_leader,
        br_ally=br_ally,
        nash=tuple(nash.contributions),
        leader_point=tuple(seq.contributions),
        lindahl=tuple(model.efficient().contributions),
        efficient_total=eff,
        frontier=frontier,
        pareto_better=pareto,
        indifference=indifference,
        nash_total=nash.total,
        leader_total=seq.total,
    )


def draw_best_response(data: BestResponseDiagram) -> Figure:
    """Draw the best responses, the frontier and the three marked points.

    Parameters
    ----------
    data : BestResponseDiagram
        From :func:`best_response_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_best_response(best_response_data())
    >>> fig.axes[0].get_xlabel()
    "leader's contribution $g_1$ ($w_1$ = 10)"
    >>> fig.axes[0].get_title()
    'Burden sharing between two allies (a = 1/2)'
    """
    w1, w2 = (float(x) for x in data.incomes)
    with use_style():
        fig, ax = figure(5.4, 5.2)
        fr = data.frontier
        ax.plot(
            fr[:, 0],
            fr[:, 1],
            color=COLORS["grey"],
            lw=1.2,
            ls=":",
            label=f"efficient frontier $g_1+g_2 = aW = {data.efficient_total}$",
        )
        pb = data.pareto_better
        ax.plot(
            pb[:, 0],
            pb[:, 1],
            color=COLORS["green"],
            lw=4,
            alpha=0.55,
            solid_capstyle="butt",
            label="efficient and better for both than Nash",
        )
        ax.plot(
            data.br_leader[:, 0],
            data.br_leader[:, 1],
            color=COLORS["blue"],
            lw=2,
            label="leader's best response $g_1(g_2)$",
        )
        ax.plot(
            data.br_ally[:, 0],
            data.br_ally[:, 1],
            color=COLORS["red"],
            lw=2,
            ls="--",
            label="ally's best response $g_2(g_1)$",
        )
        ind = data.indifference
        keep = (ind[:, 1] >= 0) & (ind[:, 1] <= w2)
        ax.plot(
            ind[keep, 0],
            ind[keep, 1],
            color=COLORS["blue"],
            lw=0.9,
            ls="-.",
            label="leader's indifference curve at commitment",
        )
        ax.annotate(
            f"Nash ({_pair(data.nash)}), G = {data.nash_total}",
            _xy(data.nash),
            textcoords="offset points",
            xytext=(8, 6),
            fontsize=7.5,
            ha="left",
            va="center",
        )
        lx, ly = _xy(data.leader_point)
        ax.annotate(
            f"leader commits first\n({_pair(data.leader_point)}), G = {data.leader_total}",
            (lx, ly),
            xytext=(0.02 * w1, 0.2 * ly),
            fontsize=7.5,
            ha="left",
            va="center",
            arrowprops={"arrowstyle": "-|>", "lw": 0.7, "color": COLORS["black"], "shrinkB": 5},
        )
        ax.annotate(
            f"Lindahl ({_pair(data.lindahl)})",
            _xy(data.lindahl),
            textcoords="offset points",
            xytext=(-8, 6),
            fontsize=7.5,
            ha="right",
            va="bottom",
        )
        for point, marker in ((data.nash, "o"), (data.leader_point, "s"), (data.lindahl, "D")):
            ax.plot(*_xy(point), marker, ms=7, mfc="white", mec=COLORS["black"], mew=1.4, zorder=5)
        ax.set(
            xlim=(0, w1),
            ylim=(0, w2),
            xlabel=f"leader's contribution $g_1$ ($w_1$ = {w1:g})",
            ylabel=f"ally's contribution $g_2$ ($w_2$ = {w2:g})",
            aspect="equal",
            title=f"Burden sharing between two allies (a = {data.a})",
        )
        fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=7)
    return fig


def _xy(point: tuple) -> tuple[float, float]:
    return float(point[0]), float(point[1])


def _pair(point: tuple) -> str:
    return ", ".join(str(v) if not isinstance(v, float) else f"{v:.3g}" for v in point)


# ----------------------------------------------------------------------------- figure 2
@dataclass(frozen=True)
class BurdenShareData:
    """Burden shares against income, one series per private-benefit weight ``b``.

    Attributes
    ----------
    incomes : numpy.ndarray
    a : float
    bs : tuple of float
    shares : numpy.ndarray
        ``shares[k, i]``: burden share of ally *i* when ``b = bs[k]``.
    leader_shares : numpy.ndarray
        The richest ally's share of total provision, per ``b``.
    corner_shares : numpy.ndarray
        Share of allies contributing nothing, per ``b``.
    income_share : float
        The richest ally's share of income.

    Examples
    --------
    Returned by :func:`burden_share_data`. Incomes (10, 8, 2), ``a = 1/2``: with a pure
    public good the smallest ally free rides (shares 2/5, 1/4, 0); with ``b = 1/10`` it
    contributes:

    >>> d = burden_share_data([10, 8, 2], bs=(0.0, 0.1))
    >>> d.shares[0].tolist(), d.corner_shares.tolist()
    ([0.4, 0.25, 0.0], [0.3333333333333333, 0.0])
    >>> d.income_share
    0.5
    """

    incomes: np.ndarray
    a: float
    bs: tuple[float, ...]
    shares: np.ndarray
    leader_shares: np.ndarray
    corner_shares: np.ndarray
    income_share: float


def burden_share_data(
    incomes: Sequence[float] = EXAMPLE_INCOMES,
    a: float = 0.5,
    bs: Sequence[float] = (0.0, 0.05, 0.15),
) -> BurdenShareData:
    """Equilibrium burden shares for a pure public good (``b = 0``) and joint products.

    Parameters
    ----------
    incomes : sequence of float, default ``EXAMPLE_INCOMES``
        Made-up incomes of 15 allies, evenly spaced from 2 to 20.
    a : float, default 0.5
        Weight of deterrence.
    bs : sequence of float, default (0.0, 0.05, 0.15)
        Weights of the private benefit, one series each (``b = 0``: pure public good).

    Returns
    -------
    BurdenShareData

    Examples
    --------
    With a pure public good 10 of the 15 default allies free ride and the richest pays 38%
    of the total with 12% of the income; joint products bring everyone in and flatten it:

    >>> d = burden_share_data()
    >>> d.leader_shares.round(3).tolist(), d.corner_shares.round(3).tolist()
    ([0.377, 0.155, 0.13], [0.667, 0.0, 0.0])
    >>> round(d.income_share, 3)
    0.121
    """
    w = np.asarray(incomes, dtype=float)
    shares, leader, corner = [], [], []
    for b in bs:
        model = joint_products(w, a=a, b=b)
        eq = model.equilibrium()
        shares.append(np.asarray(eq.burden_shares, dtype=float))
        leader.append(float(eq.leader_share))
        corner.append(model.free_riding().corner_share)
    return BurdenShareData(
        incomes=w,
        a=float(a),
        bs=tuple(float(b) for b in bs),
        shares=np.array(shares),
        leader_shares=np.array(leader),
        corner_shares=np.array(corner),
        income_share=float(w.max() / w.sum()),
    )


def draw_burden_shares(data: BurdenShareData) -> Figure:
    """Burden share (%) against income, one line per ``b``.

    Parameters
    ----------
    data : BurdenShareData
        From :func:`burden_share_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_burden_shares(burden_share_data())
    >>> fig.axes[0].get_ylabel(), len(fig.axes[0].lines)      # one line per b
    ('burden share: contribution / income (%)', 3)
    """
    colours = [COLORS["blue"], COLORS["orange"], COLORS["green"], COLORS["purple"]]
    markers = ["o", "s", "^", "D"]
    with use_style():
        fig, ax = figure(5.0, 4.2)
        order = np.argsort(data.incomes)
        for k, b in enumerate(data.bs):
            kind = "pure public good" if b == 0 else "joint products"
            ax.plot(
                data.incomes[order],
                100 * data.shares[k, order],
                marker=markers[k % 4],
                ms=4,
                color=colours[k % 4],
                lw=1.4,
                label=f"{kind}, b = {b:g}: richest pays {data.leader_shares[k]:.0%} of total",
            )
        ax.set(
            xlabel="national income (made-up allies)",
            ylabel="burden share: contribution / income (%)",
            title=f"Exploitation of the great by the small (a = {data.a:g})",
        )
        ax.set_ylim(0, 100 * data.shares.max() * 1.08)
        ax.set_xlim(0, data.incomes.max() * 1.04)
        ax.text(
            0.02,
            0.1,
            f"richest ally: {data.income_share:.0%} of income",
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=7.5,
            color=COLORS["grey"],
        )
        fig.legend(loc="outside lower center", ncol=1, frameon=False, fontsize=7.5)
    return fig


# ----------------------------------------------------------------------------- figure 3
@dataclass(frozen=True)
class ProvisionData:
    """Nash and efficient total provision against the number of identical allies.

    Attributes
    ----------
    n : numpy.ndarray
    a, w : float
    bs : tuple of float
    nash, efficient : numpy.ndarray
        ``[k, j]``: total for ``b = bs[k]`` and ``n[j]`` allies.
    ratio : numpy.ndarray
        ``nash / efficient``.

    Examples
    --------
    Returned by :func:`provision_data`. Pure public good (``b = 0``), ``a = 1/2``,
    ``w = 1``: ``G^N = a n w/(a + n(1-a)) = n/(n+1)`` against ``a n w = n/2``:

    >>> d = provision_data(n_max=3)
    >>> d.nash[0].round(6).tolist(), d.efficient[0].tolist()
    ([0.5, 0.666667, 0.75], [0.5, 1.0, 1.5])
    >>> d.ratio[0].round(6).tolist()                  # 2/(n+1): falls with n
    [1.0, 0.666667, 0.5]
    """

    n: np.ndarray
    a: float
    w: float
    bs: tuple[float, ...]
    nash: np.ndarray
    efficient: np.ndarray
    ratio: np.ndarray


def provision_data(
    n_max: int = 30, a: float = 0.5, w: float = 1.0, bs: Sequence[float] = (0.0, 0.1, 0.25)
) -> ProvisionData:
    """Totals from the models for ``n = 1..n_max`` identical allies of income ``w``.

    Parameters
    ----------
    n_max : int, default 30
        Largest number of allies.
    a : float, default 0.5
        Weight of deterrence.
    w : float, default 1.0
        Each ally's income.
    bs : sequence of float, default (0.0, 0.1, 0.25)
        Weights of the private benefit, one series each.

    Returns
    -------
    ProvisionData

    Examples
    --------
    The Nash total stays below ``a w/(1-a) = 1`` while the efficient one grows; private
    benefits narrow the gap (symmetric closed forms, docs/models.md §a.4):

    >>> d = provision_data()
    >>> bool(d.nash[0].max() < 1), float(d.efficient[0, -1])
    (True, 15.0)
    >>> d.ratio[:, -1].round(3).tolist()              # n = 30, b = 0, 0.1, 0.25
    [0.065, 0.376, 0.688]
    """
    ns = np.arange(1, n_max + 1)
    nash = np.empty((len(bs), len(ns)))
    eff = np.empty_like(nash)
    for k, b in enumerate(bs):
        for j, n in enumerate(ns):
            u = joint_products([w] * int(n), a=a, b=b).underprovision()
            nash[k, j], eff[k, j] = float(u.nash_total), float(u.efficient_total)
    return ProvisionData(
        n=ns,
        a=float(a),
        w=float(w),
        bs=tuple(float(b) for b in bs),
        nash=nash,
        efficient=eff,
        ratio=nash / eff,
    )


def draw_provision(data: ProvisionData) -> Figure:
    """Left: totals against n (Nash solid, efficient dashed). Right: Nash / efficient.

    Parameters
    ----------
    data : ProvisionData
        From :func:`provision_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_provision(provision_data())
    >>> [ax.get_title() for ax in fig.axes]
    ['Total provision', 'Nash over efficient provision']
    >>> fig.axes[0].get_xlabel()
    'number of allies n'
    """
    colours = [COLORS["blue"], COLORS["orange"], COLORS["green"], COLORS["purple"]]
    with use_style():
        fig, _ = figure(7.2, 3.2)
        fig.clear()
        left, right = fig.subplots(1, 2)
        for k, b in enumerate(data.bs):
            c = colours[k % 4]
            lab = "pure public good" if b == 0 else f"joint products b = {b:g}"
            left.plot(data.n, data.nash[k], color=c, lw=1.8, label=f"Nash, {lab}")
            left.plot(data.n, data.efficient[k], color=c, lw=1.2, ls="--")
            right.plot(data.n, data.ratio[k], color=c, lw=1.8, label=lab)
        left.plot([], [], color=COLORS["grey"], ls="--", lw=1.2, label="efficient (dashed)")
        left.set(
            xlabel="number of allies n",
            ylabel=f"total provision (income w = {data.w:g} each)",
            title="Total provision",
            xlim=(1, data.n[-1]),
            ylim=(0, None),
        )
        right.set(
            xlabel="number of allies n",
            ylabel="Nash / efficient provision",
            title="Nash over efficient provision",
            xlim=(1, data.n[-1]),
            ylim=(0, 1.02),
        )
        left.legend(frameon=False, fontsize=7, loc="upper left")
        right.legend(frameon=False, fontsize=7, loc="upper right")
        fig.suptitle(f"Cobb-Douglas allies, a = {data.a:g}", fontsize=9)
    return fig


# ----------------------------------------------------------------------------- specs
def _summary_best_response() -> str:
    r = leader_commitment((10, 8), a=HALF).equilibrium()
    d = best_response_data()
    return (
        f"   Nash: g = ({_pair(d.nash)}), G = {d.nash_total}, leader share "
        f"{r.simultaneous.leader_share}\n"
        f"   leader commits first: g = ({_pair(d.leader_point)}), G = {d.leader_total}, "
        f"leader share {r.sequential.leader_share} (burden shift "
        f"{r.leader_contribution_change}, total {r.total_change})\n"
        f"   efficient: g_1 + g_2 = {d.efficient_total}; Lindahl ({_pair(d.lindahl)})"
    )


def _summary_shares() -> str:
    d = burden_share_data()
    lines = []
    for k, b in enumerate(d.bs):
        lines.append(
            f"   b = {b:g}: richest pays {d.leader_shares[k]:.3f} of total "
            f"(income share {d.income_share:.3f}); {d.corner_shares[k]:.0%} at the "
            f"corner; shares {', '.join(f'{v:.3f}' for v in d.shares[k])}"
        )
    return "\n".join(lines)


def _summary_provision() -> str:
    d = provision_data()
    lines = []
    for k, b in enumerate(d.bs):
        picks = ", ".join(
            f"n={n}: {d.nash[k, n - 1]:.3f}/{d.efficient[k, n - 1]:.3f}"
            for n in (1, 2, 5, 10, 30)
            if n <= d.n[-1]
        )
        lines.append(f"   b = {b:g}: Nash/efficient {picks}")
    return "\n".join(lines)


FIGURES = [
    FigureSpec(
        "burden-best-response",
        lambda: draw_best_response(best_response_data()),
        _summary_best_response,
        "two allies: best responses, Nash, leader commitment, efficient frontier",
        readme=True,
        source=(
            "docs/models.md §a.2: Bergstrom, Blume & Varian (1986) J. Public Econ. 29; Warr "
            "(1983) Econ. Letters 13"
        ),
    ),
    FigureSpec(
        "burden-share-vs-income",
        lambda: draw_burden_shares(burden_share_data()),
        _summary_shares,
        "burden share vs income: pure public good vs joint products",
        source=(
            "docs/models.md §a.1-a.2: Olson & Zeckhauser (1966) REStat 48(3); Bergstrom, Blume & "
            "Varian (1986) J. Public Econ. 29"
        ),
    ),
    FigureSpec(
        "burden-nash-vs-efficient",
        lambda: draw_provision(provision_data()),
        _summary_provision,
        "Nash vs efficient provision against the number of allies",
        source=(
            "docs/models.md §a.2-a.4: Olson & Zeckhauser (1966) REStat 48(3); Sandler (1977) "
            "Kyklos 30; Sandler & Hartley (2001) JEL 39(3)"
        ),
    ),
]


# ---------------------------------------------------------------- classroom demo


class BurdenSharingDemo(FigureDemo):
    """The best-response diagram with sliders for the two incomes and the weight ``a``.

    Moving a slider recomputes :func:`best_response_data` and redraws
    :func:`draw_best_response`; ``data`` is the diagram's data, ``text`` shows the Nash
    and efficient totals and how much the allies free ride (docs/models.md §a.2).

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).

    Examples
    --------
    Interior Nash: ``g_1 = (w_1 - (1-a) w_2)/(2-a)``, ``G^N = a (w_1 + w_2)/(2-a)``
    against the efficient ``a (w_1 + w_2)``:

    >>> demo = BurdenSharingDemo()
    >>> [float(g) for g in demo.data.nash], float(demo.data.efficient_total)
    ([4.0, 2.0], 9.0)
    >>> demo.sliders["w2"].set_val(4.0)              # the small ally drops to the corner
    >>> [float(g) for g in demo.data.nash]
    [5.0, 0.0]
    """

    SLIDERS = (
        ("w1", "leader's income $w_1$", 1.0, 20.0, 10.0),
        ("w2", "ally's income $w_2$", 1.0, 20.0, 8.0),
        ("a", "weight of security $a$", 0.1, 0.9, 0.5),
    )

    def compute(self, w1: float, w2: float, a: float) -> BestResponseDiagram:
        """The diagram's data at these slider values."""
        return best_response_data((w1, w2), a)

    def draw(self, data: BestResponseDiagram) -> Figure:
        """The published diagram for ``data``."""
        return draw_best_response(data)

    def describe(self, data: BestResponseDiagram) -> str:
        """Nash and efficient totals, the shortfall and the ally's share."""
        g1, g2 = _xy(data.nash)
        gn, ge = float(data.nash_total), float(data.efficient_total)
        l1, l2 = _xy(data.leader_point)
        w1, w2 = (float(w) for w in data.incomes)
        return (
            f"Nash g = ({g1:.3f}, {g2:.3f}), total {gn:.3f}; efficient total "
            f"a(w1 + w2) = {ge:.3f}\n"
            f"Nash provides {gn / ge:.1%} of the efficient level; the ally pays "
            f"{g2 / gn:.1%} of it with {w2 / (w1 + w2):.1%} of the income\n"
            f"leader commits first: g = ({l1:.3f}, {l2:.3f}), total {float(data.leader_total):.3f}"
        )


def run_demo() -> BurdenSharingDemo | None:
    """Open the burden-sharing demo (``python -m papers demo burden_sharing``).

    Returns
    -------
    BurdenSharingDemo or None
        The demo after its window is closed, or ``None`` when no window can be opened.

    Examples
    --------
    >>> DEMOS["burden_sharing"] is run_demo
    True
    >>> demo = run_demo()                                # doctest: +SKIP
    """
    return run_window(BurdenSharingDemo, "burden_sharing")  # type: ignore[return-value]


DEMOS = {"burden_sharing": run_demo}
