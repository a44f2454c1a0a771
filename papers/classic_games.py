"""Best-response diagrams of classic 2x2 games, with their Nash equilibria marked.

For a 2x2 game let *p* be the probability that the row player plays its first strategy
and *q* the column player's. The row player's best-response correspondence ``p*(q)``
jumps where it is indifferent, at :math:`\\hat q` solving
:math:`(A_{00} - A_{10}) q + (A_{01} - A_{11})(1 - q) = 0`; likewise ``q*(p)``. The Nash
equilibria are exactly the points where the two correspondences cross.

Default figure: burden sharing of an indivisible task as Chicken (docs/models.md §a.5, b = 4,
c = 2): two pure equilibria where one ally free rides, and a mixed one with
P(contribute) = (b - c)/(b - c/2) = 2/3.

Examples
--------
>>> data = best_response_data()
>>> [(str(p), str(q)) for p, q in data.equilibria]
[('0', '1'), ('2/3', '2/3'), ('1', '0')]
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from matplotlib.figure import Figure

from games import classic
from games.normal_form import NormalFormGame
from papers._registry import FigureSpec
from papers._style import COLORS, figure

__all__ = ["BestResponseData", "best_response_data", "draw_best_responses"]


@dataclass(frozen=True)
class BestResponseData:
    """What a 2x2 best-response diagram shows.

    Attributes
    ----------
    row_curve, col_curve : tuple of (p, q) points
        Polylines of the row player's best response p*(q) and the column player's q*(p).
    equilibria : tuple of (p, q)
        Nash equilibria (exact where the payoffs are).
    labels : tuple of str
        Axis labels: probabilities of each player's first strategy.
    title : str

    Examples
    --------
    Returned by :func:`best_response_data`. In Chicken (b = 4, c = 2) the row player
    switches from Contribute to Free ride where ``q = 2/3`` (docs/models.md §a.5):

    >>> d = best_response_data()
    >>> d.title, d.labels[0]
    ('Chicken', 'P(Row plays Contribute)')
    >>> [(str(p), str(q)) for p, q in d.row_curve]
    [('1', '0'), ('1', '2/3'), ('0', '2/3'), ('0', '1')]
    """

    row_curve: tuple[tuple[Fraction, Fraction], ...]
    col_curve: tuple[tuple[Fraction, Fraction], ...]
    equilibria: tuple[tuple[Fraction, Fraction], ...]
    labels: tuple[str, str]
    title: str


def _indifference(diff_first: Fraction, diff_second: Fraction) -> Fraction | None:
    """Opponent probability of its first strategy making a player indifferent, in [0, 1]."""
    # gain(t) = diff_first * t + diff_second * (1 - t); zero at t = d2 / (d2 - d1)
    if diff_first == diff_second:
        return None
    t = Fraction(diff_second) / (Fraction(diff_second) - Fraction(diff_first))
    return t if 0 <= t <= 1 else None


def _curve(diff_first, diff_second, row: bool) -> tuple[tuple[Fraction, Fraction], ...]:
    """Best-response polyline as (p, q) points; ``row`` swaps the axes."""
    cut = _indifference(diff_first, diff_second)

    def at(t: Fraction) -> Fraction:
        return Fraction(1) if diff_first * t + diff_second * (1 - t) > 0 else Fraction(0)

    if cut is None:
        if diff_first == 0:  # and diff_second == 0: indifferent whatever the other does
            raise ValueError(
                "a player is indifferent between its two strategies whatever the other does; "
                "its best response is the whole unit interval and cannot be drawn as a curve"
            )
        best = at(Fraction(1, 2))
        points = [(best, Fraction(0)), (best, Fraction(1))]
    else:
        before, after = at(cut / 2), at((cut + 1) / 2)
        points = [(before, Fraction(0)), (before, cut), (after, cut), (after, Fraction(1))]
    return tuple(points if row else [(q, p) for p, q in points])


def best_response_data(game: NormalFormGame | None = None) -> BestResponseData:
    """Best-response correspondences and equilibria of a 2x2 game (default: chicken).

    Parameters
    ----------
    game : NormalFormGame, optional
        A two-player game with two strategies each; default
        :func:`games.catalog.chicken` (b = 4, c = 2).

    Returns
    -------
    BestResponseData
        Both correspondences as polylines and the Nash equilibria, exact.

    Raises
    ------
    ValueError
        If the game is not a two-player game with two strategies each.

    Examples
    --------
    Matching pennies has one equilibrium, both players mixing 1/2-1/2:

    >>> from games import classic
    >>> d = best_response_data(classic.matching_pennies())
    >>> [(str(p), str(q)) for p, q in d.equilibria]
    [('1/2', '1/2')]
    """
    game = classic.chicken() if game is None else game
    if game.shape != (2, 2):
        raise ValueError(f"game must be 2x2 for a best-response diagram, got {game.shape}")
    A, B = game.payoff_arrays(exact=True)
    row_curve = _curve(A[0, 0] - A[1, 0], A[0, 1] - A[1, 1], row=True)
    col_curve = _curve(B[0, 0] - B[0, 1], B[1, 0] - B[1, 1], row=False)
    eqs = game.equilibria(exact=True)
    points = tuple(
        sorted((Fraction(eq.strategies[0][0]), Fraction(eq.strategies[1][0])) for eq in eqs)
    )
    (r0, _), (c0, _) = game.strategies[0], game.strategies[1]
    return BestResponseData(
        row_curve=row_curve,
        col_curve=col_curve,
        equilibria=points,
        labels=(f"P({game.players[0]} plays {r0})", f"P({game.players[1]} plays {c0})"),
        title=getattr(game, "name", None) or "Best responses",
    )


def draw_best_responses(data: BestResponseData) -> Figure:
    """Draw the two correspondences and mark the equilibria.

    Parameters
    ----------
    data : BestResponseData
        From :func:`best_response_data`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_best_responses(best_response_data())
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel(), ax.get_title(), len(ax.lines)     # 2 curves + 3 equilibria
    ('P(Row plays Contribute)', 'Chicken', 5)
    """
    fig, ax = figure(4.2, 4.0)
    rp, rq = np.array(data.row_curve, dtype=float).T
    cp, cq = np.array(data.col_curve, dtype=float).T
    ax.plot(rp, rq, color=COLORS["blue"], lw=2.2, label="row best response $p^*(q)$")
    ax.plot(cp, cq, color=COLORS["red"], lw=2.2, ls="--", label="column best response $q^*(p)$")
    for p, q in data.equilibria:
        ax.plot(float(p), float(q), "o", ms=8, mfc="white", mec=COLORS["black"], mew=1.5, zorder=5)
        ax.annotate(
            f"({p}, {q})",
            (float(p), float(q)),
            textcoords="offset points",
            xytext=(6 if p < 1 else -6, 6 if q < 1 else -12),
            ha="left" if p < 1 else "right",
            fontsize=8,
        )
    ax.set(
        xlim=(-0.05, 1.05),
        ylim=(-0.05, 1.05),
        xlabel=data.labels[0],
        ylabel=data.labels[1],
        title=data.title,
        aspect="equal",
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=1, frameon=False)
    return fig


def _summary() -> str:
    data = best_response_data()
    lines = [f"  Nash equilibria (p, q) of {data.title}:"]
    lines += [f"    ({p}, {q})" for p, q in data.equilibria]
    return "\n".join(lines)


FIGURES = [
    FigureSpec(
        name="best-response-chicken",
        build=lambda: draw_best_responses(best_response_data()),
        summary=_summary,
        description="Chicken (lumpy burden sharing, b=4, c=2): best responses and equilibria",
        source="docs/models.md §a.5: the textbook game of Chicken (Snowdrift), lumpy burdens",
    )
]
