r"""Allies hedging against an unreliable patron: three figures (models in :mod:`games.hedging`).

1. ``hedging-credibility``: the guarantee's credibility after each election along an
   alternating run (suspect party, other party, ...) when unreliability is structural
   (every suspect president unreliable) and when it was a fluke (the second suspect
   president is reliable), with the hedging threshold :math:`\rho^*`: the ally waits
   out the first unreliable term and hedges after the second (learning, [O]).
2. ``hedging-year-distribution``: the distribution of the year an ally hedges, simulated
   for many alliances (histogram) against the exact pmf of the absorbing Markov chain
   (markers), when unreliability is structural and when the truth is drawn from the
   allies' prior.
3. ``hedging-real-option``: the real-option trigger :math:`x^*` for an irreversible
   hedging cost against volatility, with the NPV (Marshallian) trigger (McDonald & Siegel
   1986; Dixit & Pindyck 1994): a more erratic patron makes allies wait longer.

Each figure has a tested ``*_data`` function and a ``draw_*`` function.

Examples
--------
>>> d = credibility_data()
>>> d.structural[:4], d.hedge_election
((67/80, 79/104, 79/104, 127/200), 3)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.hedging import (
    FlukeOrStructural,
    HedgingTimeDistribution,
    SimulatedHedgingTimes,
    fluke_or_structural,
    hedging_timeline,
    real_option,
    trigger_curve,
)
from papers._demo import FigureDemo, run_window, slider_fraction
from papers._registry import FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "DEMOS",
    "FIGURES",
    "CredibilityData",
    "HedgingDemo",
    "HedgingYearData",
    "RealOptionData",
    "credibility_data",
    "draw_credibility",
    "draw_hedging_years",
    "draw_real_option",
    "hedging_year_data",
    "real_option_data",
    "run_demo",
]

R = sp.Rational
#: Seed and number of simulated alliances of the hedging-year figure.
SEED, PATHS = 2016, 200_000


# ----------------------------------------------------------------------------- figure 1
@dataclass(frozen=True)
class CredibilityData:
    """Credibility after each election under the two hypotheses.

    Attributes
    ----------
    years : tuple of int
        The year before the first election, then each election year.
    structural_outcomes, fluke_outcomes : str
        Election outcomes (``D``, ``U``, ``R``: see :meth:`FlukeOrStructural.learn`).
    structural, fluke : tuple of sympy numbers
        Credibility before the first election, then after each.
    threshold : sympy number
    hedge_election : int or None
        First election after which the ally hedges on the structural run.
    limits : dict
        Credibility once each hypothesis is certain: ``1 - g`` and ``1 - g*eps``.
    learning : FlukeOrStructural
    """

    years: tuple[int, ...]
    structural_outcomes: str
    fluke_outcomes: str
    structural: tuple
    fluke: tuple
    threshold: sp.Expr
    hedge_election: int | None
    limits: dict
    learning: FlukeOrStructural


def credibility_data(
    learning: FlukeOrStructural | None = None, elections: int = 7, first_election: int = 2016
) -> CredibilityData:
    """Credibility paths of the learning model along two alternating runs of elections.

    Structural run: ``UDUDUD...`` (every suspect president unreliable); fluke run:
    ``UDRDRD...`` (after the first, suspect presidents are reliable).

    Examples
    --------
    >>> d = credibility_data()
    >>> d.fluke[:4], d.limits
    ((67/80, 79/104, 79/104, 7/8), {'structural': 1/2, 'fluke': 7/8})
    """
    m = fluke_or_structural() if learning is None else learning
    structural = "".join("U" if n % 2 == 0 else "D" for n in range(elections))
    fluke = "".join(("U" if n == 0 else "R") if n % 2 == 0 else "D" for n in range(elections))
    s_steps, f_steps = m.learn(structural), m.learn(fluke)
    start = m.credibility(0)
    hedge = next((s.election for s in s_steps if s.hedge), None)
    return CredibilityData(
        years=tuple(first_election - 4 + 4 * n for n in range(elections + 1)),
        structural_outcomes=structural,
        fluke_outcomes=fluke,
        structural=(start, *(s.credibility for s in s_steps)),
        fluke=(start, *(s.credibility for s in f_steps)),
        threshold=m.threshold,
        hedge_election=hedge,
        limits={"structural": 1 - m.gop, "fluke": 1 - m.gop * m.eps},
        learning=m,
    )


def draw_credibility(data: CredibilityData) -> Figure:
    """Credibility step paths, their limits and the hedging threshold.

    Examples
    --------
    >>> fig = draw_credibility(credibility_data())
    >>> fig.axes[0].get_ylabel()
    'credibility of the guarantee $\\\\rho$'
    """
    years = np.array(data.years)
    with use_style():
        fig, ax = figure(5.6, 3.8)
        for vals, outcomes, colour, name in (
            (data.structural, data.structural_outcomes, COLORS["red"], "structural"),
            (data.fluke, data.fluke_outcomes, COLORS["blue"], "fluke"),
        ):
            y = np.array([float(v) for v in vals])
            ax.step(
                years,
                y,
                where="post",
                color=colour,
                lw=1.8,
                label=f"{name}: elections {' '.join(outcomes)}",
            )
            ax.plot(years, y, "o", color=colour, ms=4)
            ax.axhline(float(data.limits[name]), color=colour, lw=0.8, ls=":")
        ax.axhline(
            float(data.threshold),
            color=COLORS["black"],
            lw=1.1,
            ls="--",
            label=f"hedging threshold $\\rho^*$ = {data.threshold}",
        )
        ax.plot(
            [],
            [],
            color=COLORS["grey"],
            lw=0.8,
            ls=":",
            label="dotted: credibility once the hypothesis is certain",
        )
        if data.hedge_election is not None:
            k = data.hedge_election
            ax.annotate(
                "hedge",
                (years[k], float(data.structural[k])),
                xytext=(years[k] + 1.5, float(data.structural[k]) - 0.08),
                arrowprops={"arrowstyle": "->", "lw": 0.8},
                fontsize=8,
            )
        m = data.learning
        ax.set(
            xlabel="election year (U: unreliable, R: reliable suspect president; D: other party)",
            ylabel="credibility of the guarantee $\\rho$",
            title=f"Fluke or structural? prior {m.prior}, $\\varepsilon$ = {m.eps}",
            ylim=(0.4, 1.0),
            xticks=years,
            xticklabels=["prior", *(str(y) for y in data.years[1:])],
        )
        ax.legend(frameon=False, fontsize=7, loc="lower left")
    return fig


# ----------------------------------------------------------------------------- figure 2
@dataclass(frozen=True)
class HedgingYearData:
    """Exact and simulated hedging-year distributions, one pair per truth.

    Attributes
    ----------
    truths : tuple of str
    exact : tuple of HedgingTimeDistribution
    simulated : tuple of SimulatedHedgingTimes
    checks : tuple of dict
        :meth:`SimulatedHedgingTimes.compare` for each truth.
    """

    truths: tuple[str, ...]
    exact: tuple[HedgingTimeDistribution, ...]
    simulated: tuple[SimulatedHedgingTimes, ...]
    checks: tuple[dict, ...]


def hedging_year_data(
    paths: int = PATHS, seed: int = SEED, truths: tuple[str, ...] = ("structural", "prior")
) -> HedgingYearData:
    """Hedging-year distributions, exact (Markov chain) and simulated, for each truth.

    Examples
    --------
    >>> d = hedging_year_data(paths=10_000)
    >>> d.exact[0].pmf[:3]
    (0, 1/4, 1/4)
    >>> all(c["max_z"] < 5 for c in d.checks)
    True
    """
    exact, sims, checks = [], [], []
    for truth in truths:
        t = hedging_timeline(truth=truth)
        e, s = t.exact(), t.simulate(paths, seed=seed)
        exact.append(e)
        sims.append(s)
        checks.append(s.compare(e))
    return HedgingYearData(tuple(truths), tuple(exact), tuple(sims), tuple(checks))


def draw_hedging_years(data: HedgingYearData) -> Figure:
    """Bars: simulated share hedging each election; markers: exact Markov-chain pmf.

    Examples
    --------
    >>> fig = draw_hedging_years(hedging_year_data(paths=1_000))
    >>> fig.axes[0].get_xlabel()
    'year the ally hedges'
    """
    colours = [COLORS["red"], COLORS["blue"], COLORS["green"]]
    labels = {
        "structural": "unreliability structural",
        "prior": "truth drawn from the prior",
        "fluke": "unreliability a fluke",
    }
    k = len(data.truths)
    width = 3.2 / k
    with use_style():
        fig, ax = figure(5.6, 3.8)
        handles = []
        for i, (truth, e, s) in enumerate(
            zip(data.truths, data.exact, data.simulated, strict=True)
        ):
            years = np.array(e.years, dtype=float) + (i - (k - 1) / 2) * width
            never = float(e.never)
            bars = ax.bar(
                years,
                s.pmf,
                width=width * 0.95,
                color=colours[i],
                alpha=0.45,
                label=f"{labels[truth]}: simulated ({s.paths:,} alliances)",
            )
            (dots,) = ax.plot(
                years,
                e.as_array(),
                "o",
                color=colours[i],
                ms=5,
                mfc="white",
                mew=1.4,
                label=f"exact (Markov chain); never by {e.years[-1]}: {never:.3f}",
            )
            handles += [bars, dots]
        ax.set(
            xlabel="year the ally hedges",
            ylabel="probability",
            title="When do allies hedge? Simulation vs exact",
            xticks=list(data.exact[0].years),
            ylim=(0, None),
        )
        ax.legend(handles=handles, frameon=False, fontsize=7, loc="upper right")
    return fig


# ----------------------------------------------------------------------------- figure 3
@dataclass(frozen=True)
class RealOptionData:
    """The real-option trigger against volatility.

    Attributes
    ----------
    sigmas, triggers : numpy.ndarray
    marshallian : float
        The NPV trigger ``(r - mu)*K`` (independent of sigma).
    example : RealOption
        The exact example (``sigma = 1/5``).
    r, mu, cost : float
    """

    sigmas: np.ndarray
    triggers: np.ndarray
    marshallian: float
    example: object
    r: float
    mu: float
    cost: float


def real_option_data(
    sigmas: np.ndarray | None = None, r: float = 0.05, mu: float = 0.01, cost: float = 100.0
) -> RealOptionData:
    """Trigger ``x*(sigma)`` on a grid, and the exact example at sigma = 1/5.

    Examples
    --------
    >>> d = real_option_data()
    >>> d.marshallian, round(float(d.example.trigger), 4)
    (4.0, 8.7016)
    """
    grid = np.linspace(0.02, 0.6, 300) if sigmas is None else np.asarray(sigmas, dtype=float)
    example = real_option(R(1, 20), R(1, 100), R(1, 5), 100)
    return RealOptionData(
        grid, trigger_curve(grid, r, mu, cost), (r - mu) * cost, example, r, mu, cost
    )


def draw_real_option(data: RealOptionData) -> Figure:
    """The trigger against volatility, the NPV trigger and the worked example.

    Examples
    --------
    >>> fig = draw_real_option(real_option_data())
    >>> fig.axes[0].get_xlabel()
    'volatility of the flow loss $\\\\sigma$ (how erratic the patron is)'
    """
    ex = data.example
    with use_style():
        fig, ax = figure(5.4, 3.8)
        ax.plot(
            data.sigmas,
            data.triggers,
            color=COLORS["red"],
            lw=1.8,
            label="real-option trigger $x^* = \\frac{\\beta}{\\beta-1}(r-\\mu)K$",
        )
        ax.axhline(
            data.marshallian,
            color=COLORS["grey"],
            ls="--",
            lw=1.2,
            label=f"NPV trigger $(r-\\mu)K$ = {data.marshallian:g}",
        )
        ax.plot([float(ex.sigma)], [float(ex.trigger)], "o", color=COLORS["black"], ms=5)
        ax.annotate(
            f"$\\sigma$ = {ex.sigma}: $x^*$ = (11 + $\\sqrt{{41}}$)/2 ≈ {float(ex.trigger):.3f}",
            (float(ex.sigma), float(ex.trigger)),
            xytext=(float(ex.sigma) + 0.05, float(ex.trigger) - 2.2),
            arrowprops={"arrowstyle": "->", "lw": 0.8},
            fontsize=8,
        )
        ax.fill_between(
            data.sigmas,
            data.marshallian,
            data.triggers,
            color=COLORS["red"],
            alpha=0.08,
            label="wait: NPV positive, option worth more",
        )
        ax.set(
            xlabel="volatility of the flow loss $\\sigma$ (how erratic the patron is)",
            ylabel="flow loss at which the ally hedges",
            title=f"When to hedge: r = {data.r:g}, $\\mu$ = {data.mu:g}, K = {data.cost:g}",
            xlim=(0, data.sigmas[-1]),
            ylim=(0, None),
        )
        ax.legend(frameon=False, fontsize=7, loc="upper left")
    return fig


# ----------------------------------------------------------------------------- specs
def _summary_credibility() -> str:
    d = credibility_data()
    m = d.learning
    s = ", ".join(f"{y}: {v}" for y, v in zip(d.years[1:], d.structural[1:], strict=True))
    f = ", ".join(f"{y}: {v}" for y, v in zip(d.years[1:], d.fluke[1:], strict=True))
    return (
        f"   prior {m.prior}, eps {m.eps}, threshold {m.threshold}: hedge after "
        f"{m.hedging_count} unreliable terms (election {d.hedge_election}, "
        f"{d.years[d.hedge_election]})\n"
        f"   structural ({d.structural_outcomes}): {s}\n"
        f"   fluke ({d.fluke_outcomes}): {f}"
    )


def _summary_years() -> str:
    d = hedging_year_data()
    lines = []
    for truth, e, c in zip(d.truths, d.exact, d.checks, strict=True):
        pmf = ", ".join(f"{y}: {p}" for y, p in zip(e.years, e.pmf, strict=True) if p != 0)
        lines.append(
            f"   {truth}: exact {pmf}; never {e.never}\n"
            f"      simulation ({PATHS:,} paths, seed {SEED}): max error "
            f"{c['max_error']:.2e}, max |z| {c['max_z']:.2f}, chi-square p = {c['p_value']:.3f}"
        )
    return "\n".join(lines)


def _summary_option() -> str:
    o = real_option_data().example
    return (
        f"   sigma = {o.sigma}: beta = {o.beta} ≈ {float(o.beta):.7f}, trigger x* = "
        f"{o.trigger} ≈ {float(o.trigger):.7f}\n"
        f"   NPV trigger {o.marshallian}; option multiple {float(o.multiple):.7f}"
    )


FIGURES = [
    FigureSpec(
        "hedging-credibility",
        lambda: draw_credibility(credibility_data()),
        _summary_credibility,
        "credibility over elections: fluke vs structural, with the hedging threshold",
        source=(
            "docs/models.md §d.1-d.3: Snyder (1984) World Politics 36(4); regime switching and "
            "learning are blocgames' own construction"
        ),
    ),
    FigureSpec(
        "hedging-year-distribution",
        lambda: draw_hedging_years(hedging_year_data()),
        _summary_years,
        "distribution of the hedging year: simulation vs exact Markov chain",
        readme=True,
        source=(
            "docs/models.md §d.2-d.4: blocgames' own construction on Snyder (1984) World Politics"
            " 36(4) and Dixit & Pindyck (1994)"
        ),
    ),
    FigureSpec(
        "hedging-real-option",
        lambda: draw_real_option(real_option_data()),
        _summary_option,
        "real-option hedging trigger against volatility, with the NPV trigger",
        source=(
            "docs/models.md §d.4: McDonald & Siegel (1986) QJE 101; Dixit & Pindyck (1994) "
            "Investment under Uncertainty"
        ),
    ),
]


# ---------------------------------------------------------------- classroom demo


class HedgingDemo(FigureDemo):
    """The credibility figure with sliders for the prior, ``eps`` and the threshold.

    Moving a slider recomputes :func:`credibility_data` (slider values read as the
    nearest fraction with denominator at most 100, so the model stays exact) and redraws
    :func:`draw_credibility`; ``text`` says after how many unreliable terms the ally
    hedges and the credibility after each (:mod:`games.hedging`).

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).

    Examples
    --------
    The defaults (prior 1/10, eps 1/4, threshold 2/3) wait out one unreliable term and
    hedge after the second; a prior of 3/10 hedges after the first:

    >>> demo = HedgingDemo()
    >>> demo.data.learning.hedging_count, demo.data.hedge_election
    (2, 3)
    >>> demo.sliders["prior"].set_val(0.3)
    >>> demo.data.learning.hedging_count, demo.data.structural[1]
    (1, 97/152)
    """

    SLIDERS = (
        ("prior", r"prior on structural $\mu_0$", 0.02, 0.9, 0.1),
        ("eps", r"fluke unreliability $\varepsilon$", 0.0, 0.9, 0.25),
        ("threshold", r"hedging threshold $\rho^*$", 0.3, 0.95, 2 / 3),
    )

    def compute(self, prior: float, eps: float, threshold: float) -> CredibilityData:
        """The figure's data at these slider values."""
        m = fluke_or_structural(
            slider_fraction(prior), slider_fraction(eps), slider_fraction(threshold)
        )
        return credibility_data(m)

    def draw(self, data: CredibilityData) -> Figure:
        """The published figure for ``data``."""
        return draw_credibility(data)

    def describe(self, data: CredibilityData) -> str:
        """When the ally hedges and the credibility path on the structural run."""
        m = data.learning
        j = m.hedging_count
        if j is None:
            when = f"never hedges: credibility stays above rho* = {m.threshold}"
        elif data.hedge_election is None:
            when = f"hedges after {j} unreliable terms (beyond the elections shown)"
        else:
            n = data.hedge_election
            when = f"hedges after {j} unreliable terms: election {n} ({data.years[n]})"
        path = ", ".join(f"{float(m.credibility(k)):.3f}" for k in range(4))
        return (
            f"prior {m.prior}, eps {m.eps}, rho* {m.threshold}: the ally {when}\n"
            f"credibility after 0, 1, 2, 3 unreliable terms: {path}\n"
            f"limits: {float(data.limits['structural']):.3f} if structural, "
            f"{float(data.limits['fluke']):.3f} if a fluke"
        )


def run_demo() -> HedgingDemo | None:
    """Open the hedging demo (``python -m papers demo hedging``).

    Returns
    -------
    HedgingDemo or None
        The demo after its window is closed, or ``None`` when no window can be opened.

    Examples
    --------
    >>> DEMOS["hedging"] is run_demo
    True
    >>> demo = run_demo()                                # doctest: +SKIP
    """
    return run_window(HedgingDemo, "hedging")  # type: ignore[return-value]


DEMOS = {"hedging": run_demo}
