r"""Tariff-coalition bargaining: four figures (the coalition of the compelled).

1. ``tariffs-compelled-size``: the stable coalition size against the hegemon's penalty on
   non-members (linear benefits, N = 10): 3 without a penalty (Barrett 1994; Carraro &
   Siniscalco 1993), rising as :math:`\lfloor 2 + \sqrt{1 + 2cP/b^2}\rfloor` to the grand
   coalition at :math:`P = (b^2/2c)(N-1)(N-3) = 63/2` (Nordhaus 2015's club logic).
2. ``tariffs-best-response``: the general-equilibrium tariff war's best responses for equal
   sizes and for a big Home, and Home's gain from the war against its size in both the
   partial- and general-equilibrium models, with the size above which the big country
   wins (Johnson 1953-54; Kennan & Riezman 1988).
3. ``tariffs-threshold-map``: which coalitions are equilibria of the join/exempt threshold
   game over the (tariff on non-joiners, cost of joining) plane, by brute force on a grid.
4. ``tariffs-bargaining``: Home (size 2) and Foreign bargain over tariffs; the feasible
   welfare pairs, the tariff war and free trade, and the outcome of each protocol (Nash,
   Kalai-Smorodinsky, Rubinstein, size-weighted Nash, and the war entered as a threat
   point or as an outside option, Binmore, Rubinstein & Wolinsky 1986).

5. ``tariffs-voting-power``: voting power (Shapley-Shubik and normalized Banzhaf) against
   vote share. Left: the Council of the 1958 EEC (Treaty of Rome, art. 148(2): France,
   Germany, Italy 4 votes, Belgium, Netherlands 2, Luxembourg 1, qualified majority 12 of
   17), where Luxembourg holds 1/17 of the votes and no power at all. Right: a stylized
   board of 25 members with Zipf weights ``ceil(1000/r)`` (not real data), at a simple
   majority and at an 85 % supermajority (the IMF's threshold for major decisions): the
   largest member's power exceeds its weight under a majority and falls short of it
   under the supermajority, where every large member becomes a blocker.

Examples
--------
>>> d = compelled_size_data()
>>> int(d.sizes[0]), d.minimum_grand_penalty, d.jumps[:3]
(3, 63/2, (3/2, 4, 15/2))
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.bargaining import BargainingProblem
from games.coalitional import WeightedVotingGame
from games.tariffs import (
    REGIMES,
    compelled_coalition,
    general_size_threshold,
    general_tariff_war,
    size_threshold,
    tariff_war,
    threshold_game,
)
from papers._demo import FigureDemo, run_window, slider_fraction
from papers._registry import FigureParameter, FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "DEMOS",
    "BargainingFigure",
    "CompelledDemo",
    "CompelledSizeData",
    "TariffWarDiagram",
    "ThresholdMapData",
    "VotingPowerData",
    "bargaining_data",
    "compelled_size_data",
    "draw_bargaining",
    "draw_compelled_size",
    "draw_tariff_war",
    "draw_threshold_map",
    "draw_voting_power",
    "eec_council_1958",
    "run_demo",
    "stylized_board",
    "tariff_war_data",
    "threshold_map_data",
    "voting_power_data",
]


# ----------------------------------------------------------------------------- figure 1
@dataclass(frozen=True)
class CompelledSizeData:
    """Stable coalition size against the penalty on non-members.

    Attributes
    ----------
    N : int
    penalties : numpy.ndarray
    sizes : numpy.ndarray of int
        Largest stable size at each penalty (computed from the payoffs).
    jumps : tuple
        Exact penalties where the size steps up: ``(b**2/2c)(k-1)(k-3)`` for ``k = 4..N``.
    minimum_grand_penalty : number
    no_penalty_size : int
    b, c : number
        Benefit and cost parameters of the linear model (default 1 and 1).
    """

    N: int
    penalties: np.ndarray
    sizes: np.ndarray
    jumps: tuple
    minimum_grand_penalty: Any
    no_penalty_size: int
    b: Any = 1
    c: Any = 1


def compelled_size_data(
    N: int = 10, b: Any = 1, c: Any = 1, p_max: float = 40.0, points: int = 401
) -> CompelledSizeData:
    """Data of figure 1 (penalty grid from 0 to ``p_max``).

    Examples
    --------
    >>> d = compelled_size_data(N=6)
    >>> d.jumps, int(d.sizes[-1])
    ((3/2, 4, 15/2), 6)
    """
    m = compelled_coalition(N=N, b=b, c=c)
    penalties = np.linspace(0.0, p_max, points)
    bb, cc = sp.sympify(b), sp.sympify(c)
    jumps = tuple(bb**2 * (k - 1) * (k - 3) / (2 * cc) for k in range(4, N + 1))
    return CompelledSizeData(
        N=N,
        penalties=penalties,
        sizes=m.stable_size_curve(penalties),
        jumps=jumps,
        minimum_grand_penalty=m.minimum_grand_penalty,
        no_penalty_size=m.stable_size(),
        b=bb,
        c=cc,
    )


def draw_compelled_size(data: CompelledSizeData) -> Figure:
    """Draw the stable size as a step function of the penalty.

    Examples
    --------
    >>> fig = draw_compelled_size(compelled_size_data())
    >>> fig.axes[0].get_xlabel()
    "hegemon's penalty on non-members $P$"
    """
    with use_style():
        fig, ax = figure(5.2, 3.6)
        ax.step(
            data.penalties,
            data.sizes,
            where="post",
            color=COLORS["blue"],
            lw=2,
            label="largest stable coalition (computed)",
        )
        p = data.penalties
        bf, cf = float(data.b), float(data.c)
        formula = np.minimum(data.N, np.floor(2 + np.sqrt(1 + 2 * cf * p / bf**2)))
        ax.plot(
            p,
            formula,
            color=COLORS["orange"],
            lw=1,
            ls="--",
            label=r"$\min(N, \lfloor 2 + \sqrt{1 + 2cP/b^2}\rfloor)$",
        )
        ax.axhline(3, color=COLORS["grey"], lw=0.8, ls=":")
        ax.annotate(
            "no penalty: 3 members\n(free riders do better)",
            (0, 3),
            xytext=(3, 1.6),
            fontsize=7.5,
            arrowprops={"arrowstyle": "-|>", "lw": 0.7},
        )
        g = float(data.minimum_grand_penalty)
        ax.axvline(g, color=COLORS["red"], lw=0.9, ls="-.")
        ax.annotate(
            f"grand coalition from P = {data.minimum_grand_penalty}",
            (g, data.N),
            xytext=(g - 25 if g >= 26 else g + 1.5, data.N - 0.3),
            fontsize=7.5,
            arrowprops={"arrowstyle": "-|>", "lw": 0.7},
        )
        ax.set(
            xlabel="hegemon's penalty on non-members $P$",
            ylabel="stable coalition size $k^*$",
            ylim=(0, data.N + 1),
            xlim=(0, float(p[-1])),
            title=(
                f"The coalition of the compelled (N = {data.N}, b = c = 1)"
                if data.b == 1 and data.c == 1
                else f"The coalition of the compelled (N = {data.N}, b = {data.b}, c = {data.c})"
            ),
        )
        ax.legend(loc="lower right", frameon=False, fontsize=7.5)
    return fig


# ----------------------------------------------------------------------------- figure 2
@dataclass(frozen=True)
class TariffWarDiagram:
    """Best responses of the GE tariff war and Home's gain from war against its size.

    Attributes
    ----------
    sizes : tuple of float
        Home sizes of the best-response panel.
    tariffs : numpy.ndarray
        Grid of the other country's tariff.
    br_home, br_foreign : dict
        Size -> best-response values on ``tariffs``.
    nash : dict
        Size -> Nash tariffs ``(s, t)``.
    lam : numpy.ndarray
        Home sizes of the gain panel.
    gain_pe, gain_ge : numpy.ndarray
        Home's welfare gain from war (PE: exact formula; GE: at the Nash tariffs, in
        log-utility units).
    threshold_pe, threshold_ge : float
    """

    sizes: tuple
    tariffs: np.ndarray
    br_home: dict
    br_foreign: dict
    nash: dict
    lam: np.ndarray
    gain_pe: np.ndarray
    gain_ge: np.ndarray
    threshold_pe: float
    threshold_ge: float


def tariff_war_data(sizes: tuple = (1.0, 3.0), points: int = 121) -> TariffWarDiagram:
    """Data of figure 2.

    Examples
    --------
    >>> d = tariff_war_data(points=5)
    >>> round(d.threshold_pe, 6), round(d.threshold_ge, 4), round(d.nash[1.0][0], 6)
    (1.376079, 1.6444, 0.732051)
    """
    tariffs = np.linspace(0.0, 2.0, points)
    br_h, br_f, nash = {}, {}, {}
    for lam in sizes:
        w = general_tariff_war(lam)
        br_h[lam] = np.asarray(w.best_response(0, tariffs), dtype=float)
        br_f[lam] = np.asarray(w.best_response(1, tariffs), dtype=float)
        nash[lam] = w.nash_tariffs()
    lam_grid = np.linspace(0.5, 4.0, points)
    gain = tariff_war().closed_forms["war_gain_home"]
    syms = {s.name: s for s in gain.free_symbols}
    pe_fn = sp.lambdify(syms["lambda"], gain.subs(syms["A"], 1), "numpy")
    ge = np.array([general_tariff_war(float(v)).war_gain()[0] for v in lam_grid])
    return TariffWarDiagram(
        sizes=tuple(sizes),
        tariffs=tariffs,
        br_home=br_h,
        br_foreign=br_f,
        nash=nash,
        lam=lam_grid,
        gain_pe=np.asarray(pe_fn(lam_grid), dtype=float),
        gain_ge=ge,
        threshold_pe=float(size_threshold()),
        threshold_ge=general_size_threshold(),
    )


def draw_tariff_war(data: TariffWarDiagram) -> Figure:
    """Draw the best-response panel and the gain-from-war panel.

    Examples
    --------
    >>> fig = draw_tariff_war(tariff_war_data(points=9))
    >>> len(fig.axes), fig.axes[1].get_xlabel()
    (2, 'Home size $\\\\lambda$ (Foreign = 1)')
    """
    with use_style():
        fig, _ = figure(8.4, 3.8)
        fig.clear()
        left, right = fig.subplots(1, 2)
        colors = (COLORS["blue"], COLORS["red"], COLORS["green"])
        for k, lam in enumerate(data.sizes):
            col = colors[k % 3]
            left.plot(
                data.br_home[lam],
                data.tariffs,
                color=col,
                lw=1.8,
                label=f"Home's best response, $\\lambda$ = {lam:g}",
            )
            left.plot(
                data.tariffs,
                data.br_foreign[lam],
                color=col,
                lw=1.2,
                ls="--",
                label=f"Foreign's best response, $\\lambda$ = {lam:g}",
            )
            s, t = data.nash[lam]
            left.plot(s, t, "o", ms=6, mfc="white", mec=col, mew=1.5, zorder=5)
            left.annotate(
                f"Nash ({s:.3f}, {t:.3f})",
                (s, t),
                textcoords="offset points",
                xytext=(6, 6 if k == 0 else -12),
                fontsize=7,
            )
        left.set(
            xlabel="Home's tariff $s$",
            ylabel="Foreign's tariff $t$",
            xlim=(0, 2),
            ylim=(0, 2),
            title="General equilibrium: best responses",
        )
        left.legend(loc="upper right", frameon=False, fontsize=6.5)
        right.axhline(0, color=COLORS["grey"], lw=0.8)
        right.plot(
            data.lam,
            data.gain_pe,
            color=COLORS["blue"],
            lw=1.8,
            label="partial equilibrium (linear markets)",
        )
        right.plot(
            data.lam,
            data.gain_ge,
            color=COLORS["red"],
            lw=1.8,
            ls="--",
            label="general equilibrium (exchange, log utility)",
        )
        for thr, col, dx, ha in (
            (data.threshold_pe, COLORS["blue"], -3, "right"),
            (data.threshold_ge, COLORS["red"], 3, "left"),
        ):
            right.axvline(thr, color=col, lw=0.8, ls=":")
            right.annotate(
                f"{thr:.3f}",
                (thr, 0),
                textcoords="offset points",
                xytext=(dx, 8),
                fontsize=7,
                color=col,
                ha=ha,
            )
        right.set(
            xlabel="Home size $\\lambda$ (Foreign = 1)",
            ylabel="Home's welfare: war minus free trade",
            title="Big countries win tariff wars",
        )
        right.legend(loc="lower right", frameon=False, fontsize=7)
    return fig


# ----------------------------------------------------------------------------- figure 3
@dataclass(frozen=True)
class ThresholdMapData:
    """Pure-equilibrium regimes of the threshold game on a (tariff, cost) grid.

    Attributes
    ----------
    taus, costs : numpy.ndarray
    regime : numpy.ndarray of int
        Index into :data:`games.tariffs.REGIMES` (rows: costs, columns: tariffs).
    B : float
    N, m : int
    shares : dict
        Share of grid points in each regime.
    """

    taus: np.ndarray
    costs: np.ndarray
    regime: np.ndarray
    B: float
    N: int
    m: int
    shares: dict


def threshold_map_data(
    N: int = 3, m: int = 2, B: float = 3.0, points: int = 201
) -> ThresholdMapData:
    """Data of figure 3: brute force over the ``2**N`` profiles at every grid point.

    Examples
    --------
    >>> d = threshold_map_data(points=21)
    >>> sorted(d.shares)[:2]
    ['empty coalition only', 'empty or minimal winning coalitions']
    """
    g = threshold_game(N=N, m=m, B=B, c=1, tau=1)
    taus = np.linspace(0.0, 5.0, points) + 5.0 / (4 * (points - 1))  # off the tie lines
    costs = np.linspace(0.0, 6.0, points)
    grid = g.equilibrium_grid(taus, costs, B=B)
    shares = {REGIMES[k]: float((grid.regime == k).mean()) for k in np.unique(grid.regime)}
    return ThresholdMapData(taus, costs, grid.regime, float(B), N, m, shares)


def draw_threshold_map(data: ThresholdMapData) -> Figure:
    """Draw the regimes and the lines tau = c and tau = c - B.

    Examples
    --------
    >>> fig = draw_threshold_map(threshold_map_data(points=21))
    >>> fig.axes[0].get_ylabel()
    'cost of joining $c$'
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    palette = [COLORS["grey"], COLORS["sky"], COLORS["green"], COLORS["yellow"]]
    with use_style():
        fig, ax = figure(5.2, 4.0)
        ax.pcolormesh(
            data.taus,
            data.costs,
            data.regime,
            cmap=ListedColormap(palette),
            vmin=-0.5,
            vmax=3.5,
            shading="nearest",
            rasterized=True,
        )
        t = np.array([0, data.taus[-1]])
        ax.plot(t, t, color=COLORS["black"], lw=1, label=r"$\tau = c$")
        ax.plot(t, t + data.B, color=COLORS["black"], lw=1, ls="--", label=r"$\tau = c - B$")
        present = [k for k in range(4) if REGIMES[k] in data.shares]
        handles = [Patch(color=palette[k], label=REGIMES[k]) for k in present]
        ax.legend(
            handles=handles + ax.get_lines(),
            loc="upper left",
            frameon=True,
            fontsize=6.5,
            framealpha=0.9,
        )
        ax.set(
            xlabel=r"tariff on non-joiners $\tau$",
            ylabel="cost of joining $c$",
            xlim=(data.taus[0], data.taus[-1]),
            ylim=(data.costs[0], data.costs[-1]),
            title=f"Join or stay out: N = {data.N}, threshold m = {data.m}, B = {data.B:g}",
        )
    return fig


# ----------------------------------------------------------------------------- figure 4
@dataclass(frozen=True)
class BargainingFigure:
    """Bargaining over tariffs: feasible welfare pairs and each protocol's outcome.

    Attributes
    ----------
    lam : number
        Home's size.
    cloud : numpy.ndarray
        Welfare pairs ``(W_H, W_F)`` of a grid of tariff pairs (shape ``(k, 2)``).
    frontier : numpy.ndarray
        Vertices of the Pareto frontier of their convex hull.
    war, free_trade : tuple
        The tariff war's and free trade's welfare pairs (exact).
    outcomes : dict
        Protocol name -> :class:`solvers.bargaining.BargainingSolution`.
    """

    lam: Any
    cloud: np.ndarray
    frontier: np.ndarray
    war: tuple
    free_trade: tuple
    outcomes: dict


def bargaining_data(lam: Any = 2, steps: int = 12) -> BargainingFigure:
    """Data of figure 4 (tariff grid of ``steps + 1`` values per country, exact).

    Examples
    --------
    >>> d = bargaining_data(steps=4)
    >>> d.war, d.free_trade
    ((21/80, 33/100), (2/9, 4/9))
    >>> d.outcomes["Nash, war as outside option"].details["binding"]    # Home's option binds
    0
    """
    w = tariff_war(lam=lam)
    a = w.A
    grid = [a * sp.Rational(k, steps) for k in range(steps + 1)]
    pts = [w.welfare(th, tf) for th in grid for tf in grid]
    war = w.welfare(*w.nash_tariffs)
    ft = w.welfare(0, 0)
    players = ("Home", "Foreign")
    at_war = BargainingProblem.from_points(pts, war, players)
    at_ft = at_war.with_disagreement(ft)
    lam_s = sp.sympify(lam)
    outcomes = {
        "Nash, war as threat point": at_ft.with_alternatives(war, "threat_point"),
        "Nash, war as outside option": at_ft.with_alternatives(war, "outside_option"),
        "Kalai-Smorodinsky (d = war)": at_war.kalai_smorodinsky(),
        "Rubinstein (0.9, 0.8; d = war)": at_war.rubinstein(sp.Rational(9, 10), sp.Rational(4, 5)),
        "Nash weighted by size (d = war)": at_war.nash((lam_s, 1)),
    }
    return BargainingFigure(
        lam=lam_s,
        cloud=np.array([[float(x), float(y)] for x, y in pts]),
        frontier=np.array([[float(x), float(y)] for x, y in at_war.frontier.vertices]),
        war=war,
        free_trade=ft,
        outcomes=outcomes,
    )


def draw_bargaining(data: BargainingFigure) -> Figure:
    """Draw the feasible set, the disagreement points and each protocol's outcome.

    Examples
    --------
    >>> fig = draw_bargaining(bargaining_data(steps=4))
    >>> fig.axes[0].get_xlabel()
    'Home welfare $W_H$'
    """
    markers = ("o", "P", "s", "^", "D")
    colors = (COLORS["blue"], COLORS["sky"], COLORS["green"], COLORS["purple"], COLORS["orange"])
    with use_style():
        fig, ax = figure(5.6, 4.6)
        ax.scatter(
            data.cloud[:, 0],
            data.cloud[:, 1],
            s=4,
            color=COLORS["grey"],
            alpha=0.5,
            label="tariff pairs $(t_H, t_F)$",
            rasterized=True,
        )
        fr = data.frontier
        ax.plot(fr[:, 0], fr[:, 1], color=COLORS["black"], lw=1.4, label="Pareto frontier")
        for pt, name, mk in (
            (data.war, "tariff war (Nash tariffs)", "X"),
            (data.free_trade, "free trade", "*"),
        ):
            ax.plot(
                float(pt[0]),
                float(pt[1]),
                mk,
                ms=10,
                color=COLORS["black"],
                mfc="white",
                mew=1.4,
                label=name,
                zorder=6,
            )
        for (name, sol), mk, col in zip(data.outcomes.items(), markers, colors, strict=True):
            u = [float(v) for v in sol.payoffs]
            ax.plot(*u, mk, ms=7, color=col, mec=COLORS["black"], mew=0.6, label=name, zorder=7)
        ax.set(
            xlabel="Home welfare $W_H$",
            ylabel="Foreign welfare $W_F$",
            title=f"Bargaining over tariffs (Home size {data.lam})",
        )
        fig.legend(loc="outside right center", frameon=False, fontsize=7)
    return fig


# ----------------------------------------------------------------------------- figure 5
#: The Council of the EEC in 1958 (Treaty of Rome, art. 148(2)): votes and quota.
_EEC_1958 = (
    ("France", "Germany", "Italy", "Belgium", "Netherlands", "Luxembourg"),
    (4, 4, 4, 2, 2, 1),
    12,
)


def eec_council_1958() -> WeightedVotingGame:
    """The Council of the European Economic Community, 1958-1972, as a weighted game.

    Qualified majority under the Treaty of Rome (1957), art. 148(2): 12 of the 17 votes;
    France, Germany and Italy cast 4, Belgium and the Netherlands 2, Luxembourg 1.
    Luxembourg is never pivotal (every other total is even), so its power is 0
    (a classic dummy player; Felsenthal & Machover 1998, *The Measurement of Voting Power*).

    Examples
    --------
    >>> [str(x) for x in eec_council_1958().shapley_shubik()]
    ['7/30', '7/30', '7/30', '3/20', '3/20', '0']
    """
    names, weights, quota = _EEC_1958
    return WeightedVotingGame(weights, quota, players=names)


def stylized_board(members: int = 25) -> tuple[int, ...]:
    """Zipf weights ``ceil(1000 / r)`` for the ranks r from 1 to ``members``.

    A stylized board, not real data: the largest member holds about a quarter of the votes
    at 25 members.

    Examples
    --------
    >>> stylized_board(5)
    (1000, 500, 334, 250, 200)
    """
    if isinstance(members, bool) or not isinstance(members, int) or members < 2:
        raise ValueError(f"members must be an integer >= 2, got {members!r}")
    return tuple(-(-1000 // r) for r in range(1, members + 1))


@dataclass(frozen=True)
class VotingPowerData:
    """Power against vote share in two weighted voting games (exact ``Fraction`` values).

    Attributes
    ----------
    eec_players : tuple of str
    eec_shares, eec_shapley_shubik, eec_banzhaf : tuple of Fraction
        Vote shares and the two indices (Banzhaf normalized) in the 1958 EEC Council.
    board_weights : tuple of int
        Weights of the stylized board (:func:`stylized_board`).
    board_shares : tuple of Fraction
    board_quotas : dict
        Rule name -> quota (votes).
    board_shapley_shubik, board_banzhaf : dict
        Rule name -> tuple of Fraction, one per member.
    """

    eec_players: tuple
    eec_shares: tuple
    eec_shapley_shubik: tuple
    eec_banzhaf: tuple
    board_weights: tuple
    board_shares: tuple
    board_quotas: dict
    board_shapley_shubik: dict
    board_banzhaf: dict


def voting_power_data(members: int = 25, quota: Any = Fraction(17, 20)) -> VotingPowerData:
    """Data of figure 5: the 1958 EEC Council and a stylized board of ``members`` seats at a
    simple majority (more than half the votes) and at the supermajority ``quota`` (a
    fraction of the votes, 85 % by default).

    Examples
    --------
    >>> d = voting_power_data(members=5)
    >>> [str(x) for x in d.eec_shapley_shubik]
    ['7/30', '7/30', '7/30', '3/20', '3/20', '0']
    >>> d.board_quotas
    {'simple majority': 1143, '85% supermajority': 1942}
    """
    eec = eec_council_1958()
    total_eec = sum(int(r[0]) for r in eec.weights)
    w = stylized_board(members)
    total = sum(w)
    if isinstance(quota, float) and math.isfinite(quota):
        q = Fraction(str(quota))
    elif isinstance(quota, numbers.Rational) and not isinstance(quota, bool):
        q = Fraction(int(quota.numerator), int(quota.denominator))
    else:
        raise ValueError(
            f"quota must be a number (a fraction of the votes in (1/2, 1], e.g. "
            f"Fraction(17, 20) or 0.85), got {quota!r}"
        )
    if not Fraction(1, 2) < q <= 1:
        raise ValueError(f"quota must be a fraction of the votes in (1/2, 1], got {quota}")
    rules = {
        "simple majority": total // 2 + 1,
        f"{float(q):.0%} supermajority": math.ceil(q * total),
    }
    ss, bz = {}, {}
    for name, votes in rules.items():
        g = WeightedVotingGame(w, votes)
        ss[name] = g.shapley_shubik().values
        bz[name] = g.banzhaf().values
    return VotingPowerData(
        eec_players=eec.players,
        eec_shares=tuple(Fraction(int(r[0]), total_eec) for r in eec.weights),
        eec_shapley_shubik=eec.shapley_shubik().values,
        eec_banzhaf=eec.banzhaf().values,
        board_weights=w,
        board_shares=tuple(Fraction(x, total) for x in w),
        board_quotas=rules,
        board_shapley_shubik=ss,
        board_banzhaf=bz,
    )


def draw_voting_power(data: VotingPowerData) -> Figure:
    """Draw the EEC Council's shares and indices as bars, and the board's indices against
    vote share with the diagonal where power would equal weight.

    Examples
    --------
    >>> fig = draw_voting_power(voting_power_data(members=6))
    >>> len(fig.axes), fig.axes[1].get_xlabel()
    (2, 'vote share')
    """
    with use_style():
        fig, _ = figure(8.8, 3.9)
        fig.clear()
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": (1, 1.15)})
        x = np.arange(len(data.eec_players))
        series = (
            ("vote share", data.eec_shares, COLORS["grey"]),
            ("Shapley-Shubik", data.eec_shapley_shubik, COLORS["blue"]),
            ("Banzhaf (normalized)", data.eec_banzhaf, COLORS["orange"]),
        )
        width = 0.27
        for k, (label, values, col) in enumerate(series):
            left.bar(
                x + (k - 1) * width,
                [float(v) for v in values],
                width,
                color=col,
                label=label,
            )
        left.set_xticks(x, data.eec_players, rotation=30, ha="right")
        left.annotate(
            "1/17 of the votes,\nnever pivotal",
            (x[-1], float(data.eec_shares[-1])),
            xytext=(x[-1] - 1.6, 0.17),
            fontsize=7,
            arrowprops={"arrowstyle": "-|>", "lw": 0.7},
        )
        left.set(
            ylabel="share of votes / of power",
            ylim=(0, 0.3),
            title="EEC Council 1958: 12 of 17 votes",
        )
        left.legend(loc="upper right", frameon=False, fontsize=7)
        shares = np.array([float(s) for s in data.board_shares])
        top = float(shares.max()) * 1.15
        right.plot(
            [0, top], [0, top], color=COLORS["grey"], lw=0.8, ls="--", label="power = weight"
        )
        for (rule, col), mk in zip(
            zip(data.board_quotas, (COLORS["blue"], COLORS["red"]), strict=True),
            ("o", "s"),
            strict=True,
        ):
            ss = [float(v) for v in data.board_shapley_shubik[rule]]
            bz = [float(v) for v in data.board_banzhaf[rule]]
            right.plot(shares, ss, mk, ms=4.5, color=col, label=f"Shapley-Shubik, {rule}")
            right.plot(
                shares,
                bz,
                mk,
                ms=4.5,
                mfc="white",
                mec=col,
                mew=1.0,
                label=f"Banzhaf, {rule}",
            )
        right.set(
            xlabel="vote share",
            ylabel="voting power",
            xlim=(0, top),
            ylim=(0, None),
            title=f"Stylized board of {len(shares)} (Zipf weights)",
        )
        right.legend(loc="upper left", frameon=False, fontsize=6.5)
    return fig


# ----------------------------------------------------------------------------- specs
def _fmt_pair(values) -> str:
    return "(" + ", ".join(f"{float(v):.4f}" for v in values) + ")"


def _summary_compelled() -> str:
    d = compelled_size_data()
    steps = ", ".join(f"{j}" for j in d.jumps)
    return (
        f"   N = {d.N}, b = c = 1: stable size {d.no_penalty_size} without a penalty\n"
        f"   size steps up at P = {steps}\n"
        f"   grand coalition from P = {d.minimum_grand_penalty}"
    )


def _summary_tariff_war() -> str:
    d = tariff_war_data(points=41)
    lines = [
        f"   GE Nash tariffs, lam = {lam:g}: (s, t) = {_fmt_pair(d.nash[lam])}" for lam in d.sizes
    ]
    w = tariff_war()
    lines.append(
        f"   PE Nash tariffs (lam = 1): {w.nash_tariffs}; loss from war "
        f"{w.welfare_loss_from_war[0]} each (Prisoner's Dilemma)"
    )
    lines.append(
        f"   big country gains from war above lam = {d.threshold_pe:.6f} (PE, "
        f"sqrt(3 + sqrt 7) - 1) and {d.threshold_ge:.6f} (GE)"
    )
    return "\n".join(lines)


def _summary_threshold() -> str:
    d = threshold_map_data(points=101)
    g = threshold_game(N=d.N, m=d.m, B=d.B, c=2)
    examples = ", ".join(f"tau = {t}: {g.pure_equilibria(tau=t)}" for t in (sp.Rational(5, 2), 1))
    shares = "; ".join(f"{k} {v:.0%}" for k, v in d.shares.items())
    return f"   c = 2, joiner sets: {examples}\n   grid shares: {shares}"


def _summary_bargaining() -> str:
    d = bargaining_data()
    lines = [f"   war {_fmt_pair(d.war)}, free trade {_fmt_pair(d.free_trade)}"]
    for name, sol in d.outcomes.items():
        lines.append(f"   {name}: {_fmt_pair(sol.payoffs)}")
    return "\n".join(lines)


def _fraction_list(values) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def _summary_voting_power(members: int = 25, quota: Any = Fraction(17, 20)) -> str:
    d = voting_power_data(members, quota)
    lines = [
        "   EEC Council 1958 " + ", ".join(d.eec_players) + ":",
        f"     vote shares {_fraction_list(d.eec_shares)}",
        f"     Shapley-Shubik {_fraction_list(d.eec_shapley_shubik)}",
        f"     Banzhaf (normalized) {_fraction_list(d.eec_banzhaf)}",
        f"   stylized board of {len(d.board_weights)}, largest member's vote share "
        f"{float(d.board_shares[0]):.4f}:",
    ]
    for rule, votes in d.board_quotas.items():
        lines.append(
            f"     {rule} ({votes} of {sum(d.board_weights)} votes): Shapley-Shubik "
            f"{float(d.board_shapley_shubik[rule][0]):.4f}, Banzhaf "
            f"{float(d.board_banzhaf[rule][0]):.4f}"
        )
    return "\n".join(lines)


_MEMBERS = FigureParameter(
    "members",
    25,
    2,
    200,
    high_open=False,
    low_open=False,
    integer=True,
    description="members of the stylized board",
)
_QUOTA = FigureParameter(
    "quota",
    Fraction(17, 20),
    Fraction(1, 2),
    1,
    high_open=False,
    description="the board's supermajority, as a fraction of the votes",
)

FIGURES = [
    FigureSpec(
        "tariffs-compelled-size",
        lambda: draw_compelled_size(compelled_size_data()),
        _summary_compelled,
        "coalition of the compelled: stable coalition size vs the hegemon's penalty",
        readme=True,
        source=(
            "docs/models.md §c.2-c.3: d'Aspremont et al. (1983) Canadian J. Econ. 16; Barrett "
            "(1994) OEP 46; Nordhaus (2015) AER 105(4)"
        ),
    ),
    FigureSpec(
        "tariffs-best-response",
        lambda: draw_tariff_war(tariff_war_data()),
        _summary_tariff_war,
        "tariff war: best responses and the size above which the big country wins",
        source=(
            "docs/models.md §c.1: Johnson (1953-54) RES 21(2); Kennan & Riezman (1988) IER 29(1)"
        ),
    ),
    FigureSpec(
        "tariffs-threshold-map",
        lambda: draw_threshold_map(threshold_map_data()),
        _summary_threshold,
        "join/exempt threshold game: equilibrium regimes over (tariff, cost of joining)",
        source=(
            "docs/models.md §c.4 (blocgames' own construction); Palfrey & Rosenthal (1984) J. "
            "Public Econ. 24; Segal (1999) QJE 114(2)"
        ),
    ),
    FigureSpec(
        "tariffs-bargaining",
        lambda: draw_bargaining(bargaining_data()),
        _summary_bargaining,
        "bargaining over tariffs: each protocol's outcome and disagreement point",
        source=(
            "docs/models.md §c.1, §e.3: Nash (1950) Econometrica 18; Rubinstein (1982) "
            "Econometrica 50; Binmore, Rubinstein & Wolinsky (1986) RAND J. Econ. 17(2)"
        ),
    ),
    FigureSpec(
        "tariffs-voting-power",
        lambda members=_MEMBERS.default, quota=_QUOTA.default: draw_voting_power(
            voting_power_data(members, quota)
        ),
        _summary_voting_power,
        "voting power vs vote share: the 1958 EEC Council and a stylized weighted board",
        parameters=(_MEMBERS, _QUOTA),
        source=(
            "docs/models.md §c.5: Shapley & Shubik (1954) APSR 48; Banzhaf (1965) Rutgers Law "
            "Review 19; EEC Council votes: Treaty of Rome (1957) art. 148(2)"
        ),
    ),
]


# ---------------------------------------------------------------- classroom demo


class CompelledDemo(FigureDemo):
    """The coalition of the compelled with sliders for the penalty, the cost and ``N``.

    Moving a slider recomputes :func:`compelled_size_data` (linear model, ``b = 1``; the
    cost ``c`` and the penalty read as the nearest fraction with denominator at most 100,
    so sizes are exact) and redraws :func:`draw_compelled_size` with the chosen penalty
    marked; ``model`` is :func:`games.tariffs.compelled_coalition` at that penalty and
    ``size`` its largest stable coalition.

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).

    Examples
    --------
    ``k* = min(N, floor(2 + sqrt(1 + 2cP/b**2)))``: 5 members at ``P = 4``, 7 at
    ``P = 12`` (N = 10, b = c = 1):

    >>> demo = CompelledDemo()
    >>> demo.sliders["penalty"].set_val(4.0)
    >>> demo.size
    5
    >>> demo.sliders["penalty"].set_val(12.0)
    >>> demo.size, demo.data.minimum_grand_penalty
    (7, 63/2)
    """

    SLIDERS = (
        ("penalty", "hegemon's penalty on non-members $P$", 0.0, 40.0, 10.0),
        ("c", "cost of abatement $c$", 0.25, 4.0, 1.0),
        ("N", "number of countries $N$", 3.0, 20.0, 10.0),
    )

    def compute(self, penalty: float, c: float, N: float) -> CompelledSizeData:
        """The figure's data, the model at ``penalty`` and its stable size."""
        n, cost, pen = round(N), slider_fraction(c), slider_fraction(penalty)
        self.model = compelled_coalition(N=n, b=1, c=cost, penalty=pen)
        self.size = self.model.stable_size()
        self.penalty = pen
        grand = float(sp.Rational(1, 2) * (n - 1) * (n - 3) / cost)
        return compelled_size_data(N=n, b=1, c=cost, p_max=max(40.0, 1.1 * grand))

    def draw(self, data: CompelledSizeData) -> Figure:
        """The published figure for ``data`` with the chosen penalty marked."""
        fig = draw_compelled_size(data)
        ax = fig.axes[0]
        with use_style():
            ax.axvline(float(self.penalty), color=COLORS["black"], lw=0.9, ls=":")
            ax.plot([float(self.penalty)], [self.size], "o", color=COLORS["black"], ms=6)
        return fig

    def describe(self, data: CompelledSizeData) -> str:
        """The stable size at the penalty, without one, and where the grand coalition holds."""
        return (
            f"N = {data.N}, b = 1, c = {data.c}: at P = {self.penalty} the largest stable "
            f"coalition has {self.size} members\n"
            f"without a penalty {data.no_penalty_size}; the grand coalition is stable from "
            f"P = {data.minimum_grand_penalty} ({float(data.minimum_grand_penalty):.3f})"
        )


def run_demo() -> CompelledDemo | None:
    """Open the coalition-of-the-compelled demo (``python -m papers demo tariffs``).

    Returns
    -------
    CompelledDemo or None
        The demo after its window is closed, or ``None`` when no window can be opened.

    Examples
    --------
    >>> DEMOS["tariffs"] is run_demo
    True
    >>> demo = run_demo()                                # doctest: +SKIP
    """
    return run_window(CompelledDemo, "tariffs")  # type: ignore[return-value]


DEMOS = {"tariffs": run_demo}
