r"""The isoquant argument (S0, Figures 2-4): influence vs cost savings, from an explicit game.

The frontier is the allies' equilibrium response to the leader's burden shift
(:mod:`games.influence`), not a drawn curve. Figure 2 shows the frontier, the status quo A
and its isoquant; Figure 3 adds B, the tangency, on a higher isoquant; Figure 4 adds C, an
overshoot on a lower one. Defaults: F1 ``I = 1 - S**2`` and ``V = I**(3/5) * S**(2/5)``,
A at S = 1/5, C at S = 9/10. Two more figures: F2 (both branches, fold, collapse,
hysteresis, with the argument on a quasi-linear V) and the trust link (a threat moves the
fold). Each figure has a tested ``*_data`` function and a ``draw_*`` function.

Examples
--------
>>> d = isoquant_figure_data(4)
>>> [(p.label, p.S, p.I) for p in d.points]
[('A', 1/5, 24/25), ('B', 1/2, 3/4), ('C', 9/10, 19/100)]
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from games.influence import (
    IsoquantModel,
    Point,
    TrustShift,
    cobb_douglas,
    f1_frontier,
    f2_frontier,
    isoquant_model,
    quasi_linear,
    trust_link,
)
from papers._registry import FigureParameter, FigureSpec
from papers._style import COLORS, figure, use_style

__all__ = [
    "DEMOS",
    "FIGURES",
    "CollapseData",
    "IsoquantDemo",
    "IsoquantFigureData",
    "TrustData",
    "collapse_data",
    "demo_state",
    "draw_collapse",
    "draw_isoquant_figure",
    "draw_trust",
    "isoquant_figure_data",
    "run_demo",
    "trust_data",
]

R = sp.Rational
XLIM, YLIM = (0.0, 1.0), (0.0, 1.1)
_C_F2, _SA_F2, _SC_F2, _RECOVERY = R(3, 4), R(49, 2500), R(3, 10), R(9, 100)
_TRUST_SHIFT = R(1, 5)
_N = 801
_MARKS = {"A": "o", "B": "s", "C": "D"}
_TITLES = {
    2: "Figure 2. The status quo A on the frontier",
    3: "Figure 3. Burden shifting to B reaches a higher isoquant",
    4: "Figure 4. Overshooting to C ends below the status quo",
}


@dataclass(frozen=True)
class IsoquantFigureData:
    """What Figures 2-4 show: the frontier, the points and the isoquant through each.

    Attributes
    ----------
    number : int
        2, 3 or 4.
    model : IsoquantModel
    frontier : (numpy.ndarray, numpy.ndarray)
        ``(S, I)`` along the frontier.
    points : tuple of Point
        A; A and B; or A, B and C.
    isoquants : dict
        Point label to the ``(S, I)`` of the isoquant through it.
    caption : str

    Examples
    --------
    Returned by :func:`isoquant_figure_data`; Figure 3 adds B, where ``V`` is higher:

    >>> d = isoquant_figure_data(3)
    >>> sorted(d.isoquants), d.points[1].v > d.points[0].v
    (['A', 'B'], True)
    >>> d.caption
    'F1: $I = 1 - S^{2}$ (2 veto players); $V = I^{3/5} S^{2/5}$'
    """

    number: int
    model: IsoquantModel
    frontier: tuple[np.ndarray, np.ndarray]
    points: tuple[Point, ...]
    isoquants: dict[str, tuple[np.ndarray, np.ndarray]]
    caption: str


def isoquant_figure_data(
    number: int = 2, model: IsoquantModel | None = None
) -> IsoquantFigureData:
    """Data of Figure ``number`` (2, 3 or 4): A; A and B; A, B and C.

    Parameters
    ----------
    number : {2, 3, 4}
    model : IsoquantModel, default ``isoquant_model()`` (F1, k = 2; alpha = 3/5)

    Returns
    -------
    IsoquantFigureData

    Examples
    --------
    >>> d = isoquant_figure_data(3)
    >>> [p.label for p in d.points], d.points[1].V**5
    (['A', 'B'], 27/256)
    """
    if number not in (2, 3, 4):
        raise ValueError(f"number must be 2, 3 or 4 (the S0 figures), got {number!r}")
    model = isoquant_model() if model is None else model
    f = model.frontier
    s = np.linspace(0.0, f.shift_max, _N)
    points = model.points[: number - 1]
    iso_s = np.linspace(0.004, XLIM[1], _N)
    isoquants = {p.label: (iso_s, model.isoquant_through(p)(iso_s)) for p in points}
    caption = _caption(model)
    return IsoquantFigureData(number, model, (s, f(s, model.select)), points, isoquants, caption)


def _caption(model: IsoquantModel) -> str:
    f, v = model.frontier, model.interest
    if f.model == "F1":
        front = rf"F1: $I = 1 - S^{{{f.parameters['k']}}}$ ({f.parameters['k']} veto players)"
    else:
        front = f.describe()
    if v.name == "Cobb-Douglas":
        a = v.parameters["alpha"]
        val = rf"$V = I^{{{a}}} S^{{{1 - a}}}$"
    else:
        val = rf"$V = {sp.latex(v.expr)}$"
    return f"{front}; {val}"


def _label_point(ax, p: Point, dx=7, dy=5, ha="left"):
    ax.plot(
        [p.s],
        [p.i],
        marker=_MARKS.get(p.label, "o"),
        color=COLORS["black"],
        ms=5,
        zorder=5,
        ls="none",
    )
    ax.annotate(
        p.label,
        (p.s, p.i),
        xytext=(dx, dy),
        textcoords="offset points",
        fontsize=11,
        fontweight="bold",
        ha=ha,
    )


def _label_isoquant(ax, s, i, text, at=0.985, below=False):
    inside = np.nonzero((i <= YLIM[1] * 0.97) & (s <= at))[0]
    j = inside[-1]
    ax.annotate(
        text,
        (s[j], i[j]),
        xytext=(0, -7 if below else 7),
        textcoords="offset points",
        ha="right",
        va="top" if below else "bottom",
        fontsize=8,
        color=COLORS["red"],
        bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.85),
    )


def _axes(
    ax,
    xlabel="cost savings $S$ (burden shifted to allies)",
    ylabel="influence $I$ (aligned share of allies)",
):
    ax.set_xlim(*XLIM)
    ax.set_ylim(*YLIM)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


_OFFSETS = {"A": (6, 5, "left"), "B": (7, 4, "left"), "C": (-8, -14, "right")}


def draw_isoquant_figure(data: IsoquantFigureData, ax=None) -> Figure:
    """Draw Figure 2, 3 or 4 from :func:`isoquant_figure_data`.

    Parameters
    ----------
    data : IsoquantFigureData
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_isoquant_figure(isoquant_figure_data(4))
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel()
    'cost savings $S$ (burden shifted to allies)'
    >>> ax.get_title("left").splitlines()[0]
    'Figure 4. Overshooting to C ends below the status quo'
    """
    if ax is None:
        fig, ax = figure(5.0, 4.0)
    else:
        fig = ax.figure
    with use_style():
        s, i = data.frontier
        ax.plot(s, i, color=COLORS["blue"], lw=2.0, label="frontier $I(S)$ (allies' response)")
        for n, p in enumerate(data.points):
            xs, ys = data.isoquants[p.label]
            ax.plot(
                xs,
                ys,
                color=COLORS["red"],
                lw=1.2,
                ls=("-", "--", ":")[n],
                label="isoquants of $V$" if n == 0 else None,
            )
            _label_isoquant(ax, xs, ys, rf"$V_{p.label} = {p.v:.3f}$")
            _label_point(ax, p, *_OFFSETS[p.label])
        _axes(ax)
        ax.legend(loc="upper right", frameon=False)
        ax.set_title(f"{_TITLES[data.number]}\n{data.caption}", loc="left", fontsize=9)
    return fig


_ALPHA = FigureParameter(
    "alpha", R(3, 5), 0, 1, description="Cobb-Douglas weight on influence in V = I^a S^(1-a)"
)
_K = FigureParameter("k", 2, 0, None, description="inertia of the F1 frontier I = 1 - S^k")
_S_C = FigureParameter(
    "S_C", R(9, 10), 0, 1, high_open=False, description="the overshoot C (Figure 4)"
)
_PARAMETERS = {2: (_ALPHA, _K), 3: (_ALPHA, _K), 4: (_ALPHA, _K, _S_C)}


def _exact(value):
    """Fractions from the command line become sympy rationals (floats stay floats)."""
    if isinstance(value, Fraction):
        return R(value.numerator, value.denominator)
    return value


def _model(alpha=_ALPHA.default, k=_K.default, S_C=_S_C.default) -> IsoquantModel:
    return isoquant_model(
        f1_frontier(k=_exact(k)), cobb_douglas(alpha=_exact(alpha)), S_C=_exact(S_C)
    )


def _figure_builder(number: int):
    def build(**values) -> Figure:
        return draw_isoquant_figure(isoquant_figure_data(number, _model(**values)))

    return build


def _figure_summary(number: int):
    def summary(**values) -> str:
        d = isoquant_figure_data(number, _model(**values))
        lines = [d.model.frontier.describe(), d.model.interest.describe()]
        lines += [f"  {p}" for p in d.points]
        if number >= 3:
            t = d.model.tangency
            lines.append(
                f"  B is the tangency: frontier slope {t.frontier_slope:.10g} = "
                f"isoquant slope {t.isoquant_slope:.10g}"
            )
        if number == 4:
            lines.append(f"  {d.model.threshold}: beyond it V < V_A")
        return "\n".join(lines)

    return summary


# ---------------------------------------------------------------- F2: collapse, hysteresis


@dataclass(frozen=True)
class CollapseData:
    """F2 figure data: branches, fold, collapse, a hysteresis loop and the points A, B, C.

    Attributes
    ----------
    model : IsoquantModel
        F2 with a quasi-linear ``V``.
    high, low, collapse : (numpy.ndarray, numpy.ndarray)
        ``(S, pi)`` of the aligned branch, the tipping threshold and the collapse ``pi = 0``.
    fold : (sympy.Expr, sympy.Expr)
        Fold shift and the aligned share there.
    loop_shifts, loop_states : numpy.ndarray
        The hysteresis loop: shifts and the aligned share reached by best responses.
    recovery_shift : sympy.Expr
    critical_mass : float
        ``pi_L`` at the recovery shift: the share that must re-join together.
    isoquants : dict
        Point label to the ``(S, I)`` of the isoquant through it.

    Examples
    --------
    Returned by :func:`collapse_data`. With ``T = 1`` the fold is at ``S = T/4``; after
    the collapse, cutting the shift back to 9/100 leaves the bloc collapsed:

    >>> d = collapse_data()
    >>> d.fold, d.recovery_shift, float(d.loop_states[-1])
    ((1/4, 1/2), 9/100, 0.0)
    >>> d.model.B.S, d.model.B.V
    (9/100, 9/8)
    """

    model: IsoquantModel
    high: tuple[np.ndarray, np.ndarray]
    low: tuple[np.ndarray, np.ndarray]
    collapse: tuple[np.ndarray, np.ndarray]
    fold: tuple[sp.Expr, sp.Expr]
    loop_shifts: np.ndarray
    loop_states: np.ndarray
    recovery_shift: sp.Expr
    critical_mass: float
    isoquants: dict[str, tuple[np.ndarray, np.ndarray]]


def collapse_data(T=1, c=_C_F2, S_A=_SA_F2, S_C=_SC_F2, recovery_shift=_RECOVERY) -> CollapseData:
    """Data of the F2 figure: ``pi = 1 - S/(T*pi)`` and ``V = I + c*sqrt(S)``.

    The hysteresis loop raises S from A past the fold (the bloc collapses), then cuts it
    back to ``recovery_shift``: the bloc stays collapsed (best responses from 0) unless a
    critical mass above ``pi_L(recovery_shift)`` re-joins together.

    Parameters
    ----------
    T : positive number, default 1
        Tolerance of F2.
    c : positive number, default 3/4
        Weight on cost savings in ``V``.
    S_A, S_C : numbers, defaults 49/2500 and 3/10
        Status quo and overshoot.
    recovery_shift : number, default 9/100
        Shift the loop returns to.

    Returns
    -------
    CollapseData

    Examples
    --------
    >>> d = collapse_data()
    >>> d.fold, float(d.loop_states[-1]), round(d.critical_mass, 12)
    ((1/4, 1/2), 0.0, 0.1)
    """
    f = f2_frontier(T=T)
    m = isoquant_model(f, quasi_linear(c=c), S_A=S_A, S_C=S_C)
    fold = float(f.fold)
    s = np.linspace(0.0, fold, _N)
    lows = np.array([0.0] + [f.tipping_threshold(x) for x in s[1:]])
    sc = np.linspace(0.0, f.shift_max, _N)[1:]
    up = np.linspace(float(m.A.S), min(1.0, fold * 1.2), 60)
    down = np.linspace(up[-1], float(recovery_shift), 60)
    loop_s = np.concatenate([up, down])
    iso_s = np.linspace(0.0, XLIM[1], _N)
    return CollapseData(
        m,
        (s, f(s)),
        (s, lows),
        (sc, np.zeros_like(sc)),
        (f.fold, f.fold_share),
        loop_s,
        f.hysteresis(loop_s, float(m.A.I)),
        R(recovery_shift),
        f.tipping_threshold(recovery_shift),
        {p.label: (iso_s, m.isoquant_through(p)(iso_s)) for p in m.points},
    )


def draw_collapse(data: CollapseData) -> Figure:
    """Draw the F2 figure: left, equilibria and hysteresis; right, A, B, C and isoquants.

    Parameters
    ----------
    data : CollapseData
        From :func:`collapse_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_collapse(collapse_data())
    >>> [ax.get_title("left").splitlines()[0] for ax in fig.axes]
    ['F2: equilibria, fold and hysteresis', 'A, B and C on F2: overshooting collapses influence']
    """
    with use_style():
        fig = Figure(figsize=(9.0, 4.0), layout="constrained")
        ax, bx = fig.subplots(1, 2, sharey=True)
    with use_style():
        blue = COLORS["blue"]
        ax.plot(*data.high, color=blue, lw=2.0, label=r"stable aligned branch $\pi_H$")
        ax.plot(
            *data.low,
            color=blue,
            lw=1.2,
            ls="--",
            label=r"tipping threshold $\pi_L$ "
            "(unstable)",
        )
        ax.plot(*data.collapse, color=blue, lw=3.0, alpha=0.45, label=r"collapse $\pi = 0$")
        fs, fp = (float(x) for x in data.fold)
        ax.plot([fs], [fp], "o", color=COLORS["black"], ms=5, zorder=5)
        ax.annotate(
            f"fold $S^* = {sp.latex(data.fold[0])}$",
            (fs, fp),
            xytext=(8, -2),
            textcoords="offset points",
            fontsize=8,
        )
        grey = COLORS["grey"]
        arrow = dict(arrowstyle="->", color=grey, lw=1.1)
        ls, st = data.loop_shifts, data.loop_states
        top = int(np.argmax(ls))
        ax.annotate(
            "",
            (fs + 0.012, fp + 0.03),
            (ls[0] + 0.02, st[0] + 0.03),
            arrowprops=dict(arrow, connectionstyle="arc3,rad=-0.12"),
        )
        ax.annotate("", (ls[top], 0.03), (ls[top], fp - 0.03), arrowprops=arrow)
        ax.annotate("", (ls[-1], 0.04), (ls[top], 0.04), arrowprops=arrow)
        rs, cm = float(data.recovery_shift), data.critical_mass
        ax.annotate("", (rs, cm), (rs, 0.0), arrowprops=dict(arrow, ls=":"))
        ax.text(
            ls[top] + 0.03,
            0.40,
            "1. shift past the fold:\n   the bloc collapses",
            fontsize=7.5,
            color=grey,
        )
        ax.text(
            ls[top] + 0.03,
            0.21,
            "2. cutting $S$ back does not\n   restore alignment",
            fontsize=7.5,
            color=grey,
        )
        ax.annotate(
            f"3. critical mass $\\pi_L = {cm:.2g}$\n   must re-join together",
            (rs, cm),
            xytext=(ls[top] + 0.03, 0.06),
            textcoords="data",
            fontsize=7.5,
            color=grey,
            arrowprops=dict(arrowstyle="-", color=grey, lw=0.6),
        )
        _axes(ax)
        ax.set_xlim(0.0, 0.5)
        ax.legend(loc="upper right", frameon=False)
        ax.set_title(
            "F2: equilibria, fold and hysteresis\n"
            r"$\pi = 1 - S/(T\pi)$, "
            f"$T = {data.model.frontier.parameters['T']}$",
            loc="left",
            fontsize=9,
        )
        m = data.model
        bx.plot(*data.high, color=blue, lw=2.0, label="frontier (aligned branch)")
        bx.plot(*data.collapse, color=blue, lw=3.0, alpha=0.45)
        for n, p in enumerate(m.points):
            xs, ys = data.isoquants[p.label]
            bx.plot(
                xs,
                ys,
                color=COLORS["red"],
                lw=1.2,
                ls=("-", "--", ":")[n],
                label="isoquants of $V$" if n == 0 else None,
            )
            at, below = {"A": (0.49, True), "B": (0.49, False), "C": (0.2, False)}[p.label]
            _label_isoquant(bx, xs, ys, rf"$V_{p.label} = {p.v:.3f}$", at, below)
            _label_point(
                bx, p, *{"A": (5, 6, "left"), "B": (7, 2, "left"), "C": (5, 6, "left")}[p.label]
            )
        _axes(bx, ylabel="")
        bx.set_xlim(0.0, 0.5)
        bx.legend(loc="upper right", frameon=False)
        bx.set_title(
            "A, B and C on F2: overshooting collapses influence\n" + _caption(m).split("; ")[1],
            loc="left",
            fontsize=9,
        )
    return fig


def _collapse_summary() -> str:
    d = collapse_data()
    f = d.model.frontier
    lines = [f.describe(), d.model.interest.describe()]
    lines += [f"  {p}" for p in d.model.points]
    lines.append(f"  fold S* = {d.fold[0]} where pi_H = pi_L = {d.fold[1]}")
    lines.append(f"  {d.model.threshold}")
    lines.append(
        f"  hysteresis: after the collapse, at S = {d.recovery_shift} the bloc stays "
        f"at pi = {d.loop_states[-1]:g}; critical mass pi_L = {d.critical_mass:.12g}"
    )
    return "\n".join(lines)


# ---------------------------------------------------------------- trust link


@dataclass(frozen=True)
class TrustData:
    """Trust figure data: F2 before and after a threat, the folds and one shift's fate.

    Attributes
    ----------
    trust : TrustShift
    before, after, before_low, after_low : (numpy.ndarray, numpy.ndarray)
        ``(S, pi)`` of the aligned branch and the tipping threshold, before and after.
    shift : sympy.Expr
    outcome : (float, float)
        Aligned share at ``shift`` before and after the threat.

    Examples
    --------
    Returned by :func:`trust_data`. ``S = 1/5`` is safe before the threat (below the fold
    1/4, aligned share ``(1 + sqrt(1/5))/2``) and collapses after it (fold 5/34):

    >>> d = trust_data()
    >>> d.shift, round(d.outcome[0], 6), d.outcome[1]
    (1/5, 0.723607, 0.0)
    """

    trust: TrustShift
    before: tuple[np.ndarray, np.ndarray]
    after: tuple[np.ndarray, np.ndarray]
    before_low: tuple[np.ndarray, np.ndarray]
    after_low: tuple[np.ndarray, np.ndarray]
    shift: sp.Expr
    outcome: tuple[float, float]


def trust_data(shift=_TRUST_SHIFT, **trust_kwargs) -> TrustData:
    """Data of the trust figure: the fold moves from T/4 to T'/4 after a threat.

    Parameters
    ----------
    shift : number, default 1/5
        The shift whose fate is shown.
    **trust_kwargs
        Passed to :func:`games.influence.trust_link` (``B``, ``mu``, threat
        probabilities, ``k``, ``shift_limit``).

    Returns
    -------
    TrustData

    Examples
    --------
    >>> d = trust_data()
    >>> d.trust.fold_before, d.trust.fold_after, d.outcome[1]
    (1/4, 5/34, 0.0)
    """
    t = trust_link(**trust_kwargs)

    def branches(f):
        s = np.linspace(0.0, float(f.fold), _N)
        low = np.array([0.0] + [f.tipping_threshold(x) for x in s[1:]])
        return (s, f(s)), (s, low)

    hb, lb = branches(t.frontier_before)
    ha, la = branches(t.frontier_after)
    return TrustData(t, hb, ha, lb, la, R(shift), t.outcome(shift))


def draw_trust(data: TrustData) -> Figure:
    """Draw the trust figure.

    Parameters
    ----------
    data : TrustData
        From :func:`trust_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_trust(trust_data())
    >>> fig.axes[0].get_title("left").splitlines()[0]
    'Trust link: a threat moves the fold'
    """
    fig, ax = figure(5.6, 4.0)
    t = data.trust
    with use_style():
        blue, orange = COLORS["blue"], COLORS["orange"]
        ax.plot(
            *data.before,
            color=blue,
            lw=2.0,
            label=rf"before: $\mu = {t.mu_before}$, $T = {t.T_before}$",
        )
        ax.plot(*data.before_low, color=blue, lw=1.0, ls="--")
        ax.plot(
            *data.after,
            color=orange,
            lw=2.0,
            label=rf"after a threat: $\mu' = {t.mu_after}$, $T = {sp.latex(t.T_after)}$",
        )
        ax.plot(*data.after_low, color=orange, lw=1.0, ls="--")
        ax.plot(
            [0.003, 0.5],
            [0, 0],
            color=COLORS["grey"],
            lw=3.0,
            alpha=0.45,
            label=r"collapse $\pi = 0$",
        )
        lo, hi = (float(x) for x in t.newly_unsafe)
        ax.axvspan(
            lo, hi, color=COLORS["red"], alpha=0.08, lw=0, label="shifts made unsafe by the threat"
        )
        for fold, col in ((t.fold_before, blue), (t.fold_after, orange)):
            f = float(fold)
            ax.plot([f], [0.5], "o", color=col, ms=5, zorder=5)
            ax.annotate(
                f"fold ${sp.latex(fold)}$",
                (f, 0.5),
                xytext=(6, -12),
                textcoords="offset points",
                fontsize=8,
                color=col,
            )
        s = float(data.shift)
        b, a = data.outcome
        ax.plot([s], [b], "o", color=COLORS["black"], ms=5, zorder=6)
        ax.plot([s], [a], "x", color=COLORS["black"], ms=7, mew=1.6, zorder=6)
        ax.annotate(
            "",
            (s, a + 0.03),
            (s, b - 0.03),
            arrowprops=dict(arrowstyle="->", color=COLORS["black"], lw=1.0),
        )
        ax.annotate(
            f"$S = {sp.latex(data.shift)}$: safe before\n($\\pi = {b:.3f}$), collapse after",
            (s, b),
            xytext=(0.3, 0.6),
            textcoords="data",
            fontsize=8,
            arrowprops=dict(arrowstyle="-", color=COLORS["grey"], lw=0.6),
        )
        _axes(ax)
        ax.set_xlim(0.0, 0.5)
        ax.legend(loc="upper right", frameon=False, fontsize=7.5)
        ax.set_title(
            "Trust link: a threat moves the fold\n"
            rf"Bayes: $\mu = {t.mu_before} \to \mu' = {t.mu_after}$; "
            rf"$T = B\mu$, $B = {sp.latex(t.B)}$; fold $T/4$",
            loc="left",
            fontsize=9,
        )
    return fig


def _trust_summary() -> str:
    d = trust_data()
    t = d.trust
    return "\n".join(
        [
            f"  belief mu: {t.mu_before} -> {t.mu_after} (Bayes after a threat)",
            f"  tolerance T = B*mu: {t.T_before} -> {t.T_after}",
            f"  fold S*: {t.fold_before} -> {t.fold_after}",
            f"  S = {d.shift}: aligned share {d.outcome[0]:.10g} before, {d.outcome[1]:g} after",
        ]
    )


FIGURES = [
    FigureSpec(
        "isoquant-fig2",
        _figure_builder(2),
        _figure_summary(2),
        "Isoquant argument, Figure 2: frontier (F1), status quo A and its isoquant",
        readme=True,
        parameters=_PARAMETERS[2],
        source=(
            "docs/models.md §b.2-b.3 (blocgames' own construction); anchors: Morrow (1991) AJPS "
            "35(4); Lake (2009) Hierarchy in International Relations"
        ),
    ),
    FigureSpec(
        "isoquant-fig3",
        _figure_builder(3),
        _figure_summary(3),
        "Isoquant argument, Figure 3: B, the tangency, on a higher isoquant",
        readme=True,
        parameters=_PARAMETERS[3],
        source=(
            "docs/models.md §b.2-b.3 (blocgames' own construction); anchors: Morrow (1991) AJPS "
            "35(4); Lake (2009) Hierarchy in International Relations"
        ),
    ),
    FigureSpec(
        "isoquant-fig4",
        _figure_builder(4),
        _figure_summary(4),
        "Isoquant argument, Figure 4: C, an overshoot, on a lower isoquant",
        readme=True,
        parameters=_PARAMETERS[4],
        source=(
            "docs/models.md §b.2-b.3 (blocgames' own construction); anchors: Morrow (1991) AJPS "
            "35(4); Lake (2009) Hierarchy in International Relations"
        ),
    ),
    FigureSpec(
        "isoquant-f2-collapse",
        lambda: draw_collapse(collapse_data()),
        _collapse_summary,
        "Isoquant argument on F2: branches, fold, collapse, hysteresis",
        readme=True,
        source=(
            "docs/models.md §b.2 (blocgames' own construction); thresholds: Granovetter (1978) "
            "AJS 83(6); Schelling (1978)"
        ),
    ),
    FigureSpec(
        "isoquant-trust",
        lambda: draw_trust(trust_data()),
        _trust_summary,
        "Trust link: a threat lowers trust and moves the F2 fold",
        readme=True,
        source=(
            "docs/models.md §b.2, §d.5 (blocgames' own construction); reputation: Kreps & Wilson "
            "(1982) JET 27; Fearon (1997) JCR 41(1)"
        ),
    ),
]

# ---------------------------------------------------------------- classroom demo


def demo_state(
    shift: float = 0.9, alpha: float = 0.6, k: float = 2.0, S_A: float = 0.2
) -> IsoquantModel:
    """The model behind the demo's current slider values (F1 frontier, Cobb-Douglas V).

    Parameters
    ----------
    shift : float, default 0.9
        Overshoot shift ``S_C``.
    alpha : float, default 0.6
        Weight on influence.
    k : float, default 2.0
        Inertia of F1 (``I = 1 - S**k``).
    S_A : float, default 0.2
        Status-quo shift.

    Returns
    -------
    IsoquantModel

    Examples
    --------
    >>> round(demo_state(0.9, 0.6, 2.0).B.s, 12)
    0.5
    """
    return isoquant_model(
        f1_frontier(k=float(k)), cobb_douglas(alpha=float(alpha)), S_A=float(S_A), S_C=float(shift)
    )


class IsoquantDemo:
    """Interactive figure: sliders for the burden shift, weight on influence and inertia.

    The update logic is separate from any window: build it on any figure (Agg in tests),
    move a slider with ``demo.sliders["alpha"].set_val(0.5)`` and read ``demo.model``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        Figure to draw on (default: a new, windowless one).

    Examples
    --------
    On F1 (``k = 2``) the optimum is ``S_B = sqrt((1 - alpha)/(1 + alpha))``: 1/2 at
    ``alpha = 0.6``, ``1/sqrt(3)`` at ``alpha = 0.5``:

    >>> demo = IsoquantDemo()
    >>> demo.values()
    {'shift': 0.9, 'alpha': 0.6, 'k': 2.0}
    >>> round(demo.model.B.s, 12)
    0.5
    >>> demo.sliders["alpha"].set_val(0.5)
    >>> round(demo.model.B.s, 6), round(demo.model.B.i, 6)
    (0.57735, 0.666667)
    """

    SLIDERS = (
        ("shift", "burden shift $S_C$", 0.02, 1.0, 0.9),
        ("alpha", r"weight on influence $\alpha$", 0.05, 0.95, 0.6),
        ("k", "hedging inertia $k$", 1.0, 5.0, 2.0),
    )

    def __init__(self, fig: Figure | None = None):
        from matplotlib.widgets import Slider

        self.fig = Figure(figsize=(6.5, 6.5)) if fig is None else fig
        with use_style():
            self.ax = self.fig.add_axes((0.11, 0.36, 0.84, 0.56))
            self.sliders = {}
            for n, (key, label, lo, hi, init) in enumerate(self.SLIDERS):
                sax = self.fig.add_axes((0.3, 0.2 - 0.06 * n, 0.55, 0.035))
                self.sliders[key] = Slider(sax, label, lo, hi, valinit=init)
                self.sliders[key].on_changed(self.update)
            blue, red = COLORS["blue"], COLORS["red"]
            (self.frontier_line,) = self.ax.plot([], [], color=blue, lw=2.0, label="frontier")
            self.iso_lines = {
                p: self.ax.plot([], [], color=red, lw=1.2, ls=ls)[0]
                for p, ls in zip("ABC", ("-", "--", ":"), strict=True)
            }
            self.marks = {p: self.ax.plot([], [], _MARKS[p], color="k", ms=5)[0] for p in "ABC"}
            self.labels = {
                p: self.ax.annotate(
                    p, (0, 0), xytext=(6, 5), textcoords="offset points", fontweight="bold"
                )
                for p in "ABC"
            }
            self.text = self.ax.text(0.02, 0.03, "", transform=self.ax.transAxes, fontsize=8)
            _axes(self.ax)
        self.model = None
        self.update()

    def values(self) -> dict[str, float]:
        """Current slider values."""
        return {k: float(s.val) for k, s in self.sliders.items()}

    def update(self, _value=None) -> IsoquantModel | None:
        """Recompute the model from the sliders and move points and isoquants.

        Slider values for which the model is not defined (C must be an overshoot, beyond
        A and the optimum B) or cannot be solved leave the picture as it was and say why in
        the text box.
        """
        v = self.values()
        try:
            m = demo_state(v["shift"], v["alpha"], v["k"])
        except (ValueError, RuntimeError, ArithmeticError) as err:
            hint = (
                "move the burden shift to the right of B"
                if "must exceed" in str(err)
                else "the model has no solution the demo can draw at these values; move a slider"
            )
            self.text.set_text(f"{err}\n{hint}")
            self.fig.canvas.draw_idle()
            return self.model
        s = np.linspace(0.0, 1.0, 401)
        self.frontier_line.set_data(s, m.frontier(s))
        iso_s = np.linspace(0.004, 1.0, 401)
        for p in m.points:
            self.iso_lines[p.label].set_data(iso_s, m.isoquant_through(p)(iso_s))
            self.marks[p.label].set_data([p.s], [p.i])
            self.labels[p.label].xy = (p.s, p.i)
        verdict = "C is worse than A" if m.C.v < m.A.v else "C is still better than A"
        self.text.set_text(
            f"B: S = {m.B.s:.3f}, I = {m.B.i:.3f}; threshold "
            f"{float(m.threshold.S) if m.threshold.S is not None else 'none'}"
            f"\nV_A = {m.A.v:.3f}, V_B = {m.B.v:.3f}, V_C = {m.C.v:.3f}: "
            f"{verdict}"
        )
        self.model = m
        self.fig.canvas.draw_idle()
        return m


_INTERACTIVE = (
    ("QtAgg", ("PyQt6", "PySide6", "PyQt5", "PySide2")),
    ("TkAgg", ("tkinter",)),
    ("GTK4Agg", ("gi",)),
    ("GTK3Agg", ("gi",)),
    ("WXAgg", ("wx",)),
)


def _interactive_backend() -> tuple[str | None, str]:
    """An available interactive backend, or None and the reason."""
    if sys.platform == "darwin":
        return "macosx", ""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return None, "no display (DISPLAY and WAYLAND_DISPLAY are unset)"
    for backend, modules in _INTERACTIVE:
        if any(importlib.util.find_spec(m) is not None for m in modules):
            return backend, ""
    return None, "no GUI toolkit for matplotlib (install PyQt6 or tkinter)"


def run_demo() -> IsoquantDemo | None:
    """Open the interactive isoquant demo (``python -m papers demo isoquant``).

    Needs an interactive matplotlib backend and a display; without one it prints the
    reason to stderr and returns ``None``.

    Returns
    -------
    IsoquantDemo or None
        The demo after its window is closed, or ``None`` when no window can be opened.

    Examples
    --------
    It opens a window and blocks until it is closed, so it is not run here; the same
    demo without a window is :class:`IsoquantDemo`:

    >>> DEMOS["isoquant"] is run_demo                    # what the command runs
    True
    >>> demo = run_demo()                                # doctest: +SKIP
    """
    backend, reason = _interactive_backend()
    if backend is None:
        print(
            f"cannot open the isoquant demo: {reason}. It needs an interactive matplotlib "
            "backend; the figures can still be built with `python -m papers build`.",
            file=sys.stderr,
        )
        return None
    import matplotlib.pyplot as plt

    plt.switch_backend(backend)
    fig = plt.figure(figsize=(6.5, 6.5))
    demo = IsoquantDemo(fig)
    plt.show()
    return demo


DEMOS = {"isoquant": run_demo}
