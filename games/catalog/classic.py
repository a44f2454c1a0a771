r"""Classic two-player games, with documented default payoffs and known equilibria.

Each function returns a :class:`~games.normal_form.NormalFormGame` with strategy labels.
Parameters may be numbers or sympy expressions (e.g. ``sympy.Symbol("b",
positive=True)``); numeric parameters are checked against the inequalities that define
the game and an out-of-domain value raises a ``ValueError`` naming the parameter.
Symbolic parameters are checked only where sympy can decide the inequality; pass the
remaining ones as ``assumptions`` to :meth:`NormalFormGame.equilibria`.

In the payoff tables below the row player's payoff comes first.

Examples
--------
>>> from games import classic
>>> g = classic.chicken()
>>> g.payoff_arrays(exact=True)[0].tolist()
[[Fraction(3, 1), Fraction(2, 1)], [Fraction(4, 1), Fraction(0, 1)]]
>>> [[str(p) for p in eq.strategies[0]] for eq in g.equilibria()]
[['0', '1'], ['2/3', '1/3'], ['1', '0']]
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from games.normal_form import NormalFormGame

__all__ = [
    "battle_of_the_sexes",
    "chicken",
    "matching_pennies",
    "prisoners_dilemma",
    "pure_coordination",
    "rock_paper_scissors",
    "stag_hunt",
]


def _require(condition: Any, message: str) -> None:
    """Raise ``ValueError(message)`` when ``condition`` is decidably false.

    ``condition`` is a bool or a sympy relation; undecidable symbolic relations pass.
    """
    if isinstance(condition, bool | np.bool_):
        ok = bool(condition)
    else:
        ok = condition is not sp.false and condition != sp.false
    if not ok:
        raise ValueError(message)


def _gt(a: Any, b: Any) -> Any:
    if isinstance(a, sp.Basic) or isinstance(b, sp.Basic):
        return sp.Gt(sp.sympify(a), sp.sympify(b))
    return a > b


def _symmetric(
    row: list[list[Any]], labels: tuple[str, ...], players: tuple[str, str], name: str
) -> NormalFormGame:
    """A symmetric game: the column player's payoffs are the transpose of the row's."""
    col = [[row[j][i] for j in range(len(row))] for i in range(len(row))]
    return NormalFormGame([row, col], players=players, strategies=(labels, labels), name=name)


def prisoners_dilemma(T: Any = 5, R: Any = 3, P: Any = 1, S: Any = 0) -> NormalFormGame:
    r"""The prisoner's dilemma: temptation ``T``, reward ``R``, punishment ``P``, sucker ``S``.

    ============  ==========  ==========
    row \\ col    Cooperate   Defect
    ============  ==========  ==========
    Cooperate     R, R        S, T
    Defect        T, S        P, P
    ============  ==========  ==========

    Defaults ``T, R, P, S = 5, 3, 1, 0`` (Axelrod 1984, *The Evolution of Cooperation*).
    Requires ``T > R > P > S``. Defect strictly dominates Cooperate, so the unique Nash
    equilibrium is (Defect, Defect) with payoffs (P, P) (e.g. Osborne & Rubinstein 1994,
    *A Course in Game Theory*, ch. 2).

    Examples
    --------
    >>> [eq.to_dict()["supports"] for eq in prisoners_dilemma().equilibria()]
    [{'Row': ['Defect'], 'Column': ['Defect']}]
    """
    _require(_gt(T, R), f"prisoner's dilemma needs T > R, got T={T}, R={R}")
    _require(_gt(R, P), f"prisoner's dilemma needs R > P, got R={R}, P={P}")
    _require(_gt(P, S), f"prisoner's dilemma needs P > S, got P={P}, S={S}")
    return _symmetric(
        [[R, S], [T, P]], ("Cooperate", "Defect"), ("Row", "Column"), "Prisoner's dilemma"
    )


def chicken(b: Any = 4, c: Any = 2) -> NormalFormGame:
    r"""Chicken (snowdrift) as lumpy burden sharing: a task of value ``b`` to both allies
    costs ``c`` (split ``c/2`` if both contribute).

    ============  ==================  ==========
    row \\ col    Contribute          Free
    ============  ==================  ==========
    Contribute    b - c/2, b - c/2    b - c, b
    Free          b, b - c            0, 0
    ============  ==================  ==========

    Defaults ``b = 4, c = 2``: the row matrix is ``[[3, 2], [4, 0]]`` (docs/models.md §a.5).
    Requires ``b > c > 0``. Equilibria (Rapoport & Chammah 1966, "The game of Chicken",
    *American Behavioral Scientist* 10(3); docs/models.md §a.5): the two pure equilibria
    (Contribute, Free) and (Free, Contribute), and a symmetric mixed one in which each
    ally contributes with probability ``(b - c)/(b - c/2)`` (2/3 at the defaults).

    Examples
    --------
    >>> import sympy as sp
    >>> b, c = sp.symbols("b c", positive=True)
    >>> g = chicken(b, c)
    >>> pure_1, pure_2, mixed = g.equilibria(assumptions=[b > c])
    >>> sp.simplify(mixed.strategies[0][0] - (b - c) / (b - c / 2))
    0
    """
    _require(_gt(c, 0), f"chicken needs a positive cost c, got c={c}")
    _require(_gt(b, c), f"chicken needs b > c (the task is worth its cost), got b={b}, c={c}")
    return _symmetric(
        [[b - _half(c), b - c], [b, 0]], ("Contribute", "Free"), ("Row", "Column"), "Chicken"
    )


def _half(c: Any) -> Any:
    """``c/2``, exact for ints and ``Fraction`` values."""
    if isinstance(c, numbers.Rational) and not isinstance(c, bool):
        return Fraction(c) / 2
    return c / 2


def stag_hunt(stag: Any = 3, sucker: Any = 0, hare: Any = 2) -> NormalFormGame:
    r"""The stag hunt as allies' coordination: stay in the alliance (Stag) or hedge (Hare).

    ==========  ===============  ===============
    row \\ col  Stay             Hedge
    ==========  ===============  ===============
    Stay        stag, stag       sucker, hare
    Hedge       hare, sucker     hare, hare
    ==========  ===============  ===============

    Defaults per docs/models.md §d.6: Stay/Stay = 3, Stay/Hedge = 0 (the lone stayer carries
    the burden), Hedge = 2 whatever the other does. Requires ``stag > hare > sucker``.
    Equilibria (Skyrms 2004, *The Stag Hunt and the Evolution of Social Structure*;
    docs/models.md §d.6): (Stay, Stay), (Hedge, Hedge), and a mixed one with
    ``P(Stay) = (hare - sucker)/(stag - sucker)`` (2/3 at the defaults).

    Examples
    --------
    >>> [[str(p) for p in eq.strategies[0]] for eq in stag_hunt().equilibria()]
    [['0', '1'], ['2/3', '1/3'], ['1', '0']]
    """
    _require(_gt(stag, hare), f"stag hunt needs stag > hare, got stag={stag}, hare={hare}")
    _require(_gt(hare, sucker), f"stag hunt needs hare > sucker, got hare={hare}, sucker={sucker}")
    return _symmetric(
        [[stag, sucker], [hare, hare]], ("Stay", "Hedge"), ("Row", "Column"), "Stag hunt"
    )


def battle_of_the_sexes(a: Any = 3, b: Any = 2) -> NormalFormGame:
    r"""Battle of the sexes: both want to coordinate but disagree on where.

    ==========  ========  ========
    row \\ col  Opera     Football
    ==========  ========  ========
    Opera       a, b      0, 0
    Football    0, 0      b, a
    ==========  ========  ========

    Defaults ``a = 3, b = 2``; requires ``a > 0`` and ``b > 0``. Equilibria (Luce & Raiffa
    1957, *Games and Decisions*; Osborne & Rubinstein 1994, ch. 2): (Opera, Opera),
    (Football, Football), and a mixed one in which the row player plays Opera with
    probability ``a/(a + b)`` and the column player with probability ``b/(a + b)``
    (3/5 and 2/5 at the defaults).

    Examples
    --------
    >>> len(battle_of_the_sexes().equilibria())
    3
    """
    _require(_gt(a, 0), f"battle of the sexes needs a > 0, got a={a}")
    _require(_gt(b, 0), f"battle of the sexes needs b > 0, got b={b}")
    labels = ("Opera", "Football")
    return NormalFormGame(
        [[[a, 0], [0, b]], [[b, 0], [0, a]]],
        players=("Row", "Column"),
        strategies=(labels, labels),
        name="Battle of the sexes",
    )


def matching_pennies(stake: Any = 1) -> NormalFormGame:
    r"""Matching pennies: the row player wins ``stake`` on a match, loses it otherwise.

    ==========  ==============  ==============
    row \\ col  Heads           Tails
    ==========  ==============  ==============
    Heads       stake, -stake   -stake, stake
    Tails       -stake, stake   stake, -stake
    ==========  ==============  ==============

    Default ``stake = 1``; requires ``stake > 0``. Zero-sum with no pure equilibrium; the
    unique equilibrium has both players mix 1/2-1/2 (von Neumann & Morgenstern 1944,
    *Theory of Games and Economic Behavior*; Osborne & Rubinstein 1994, ch. 2).

    Examples
    --------
    >>> [str(p) for p in matching_pennies().equilibria()[0].strategies[1]]
    ['1/2', '1/2']
    """
    _require(_gt(stake, 0), f"matching pennies needs stake > 0, got stake={stake}")
    labels = ("Heads", "Tails")
    row = [[stake, -stake], [-stake, stake]]
    col = [[-stake, stake], [stake, -stake]]
    return NormalFormGame(
        [row, col], players=("Row", "Column"), strategies=(labels, labels), name="Matching pennies"
    )


def rock_paper_scissors(win: Any = 1, lose: Any = -1) -> NormalFormGame:
    r"""Rock-paper-scissors: ``win`` for a win, ``lose`` for a loss, 0 for a tie.

    Row payoffs (the column player's are the transpose; zero-sum when ``lose = -win``):

    ==========  ======  ======  ========
    row \\ col  Rock    Paper   Scissors
    ==========  ======  ======  ========
    Rock        0       lose    win
    Paper       win     0       lose
    Scissors    lose    win     0
    ==========  ======  ======  ========

    Defaults ``win = 1, lose = -1``; requires ``win > 0 > lose``. The unique equilibrium
    has both players mix uniformly, 1/3 each (the game: e.g. Hofbauer & Sigmund 1998,
    *Evolutionary Games and Population Dynamics*; uniqueness for any ``win > 0 > lose``
    by a support argument: every pure strategy has a strict best reply that it loses
    to, and no two strategies can be kept indifferent against a two-strategy mix).

    Examples
    --------
    >>> [str(p) for p in rock_paper_scissors().equilibria()[0].strategies[0]]
    ['1/3', '1/3', '1/3']
    """
    _require(_gt(win, 0), f"rock-paper-scissors needs win > 0, got win={win}")
    _require(_gt(0, lose), f"rock-paper-scissors needs lose < 0, got lose={lose}")
    row = [[0, lose, win], [win, 0, lose], [lose, win, 0]]
    return _symmetric(row, ("Rock", "Paper", "Scissors"), ("Row", "Column"), "Rock-paper-scissors")


def pure_coordination(n: int = 2, payoff: Any = 1) -> NormalFormGame:
    r"""Pure coordination on one of ``n`` options: both get ``payoff`` when they choose
    the same option, 0 otherwise (both matrices are ``payoff`` times the identity).

    Default ``n = 2, payoff = 1``; requires an integer ``n >= 2`` and ``payoff > 0``.
    Equilibria (Schelling 1960, *The Strategy of Conflict*, for the game; the count is
    elementary): for every non-empty set of options, both players mixing uniformly
    over it, ``2**n - 1`` equilibria in all; ``n`` of them are pure.

    Examples
    --------
    >>> len(pure_coordination(3).equilibria())
    7
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"pure coordination needs an integer n >= 2 options, got n={n!r}")
    _require(_gt(payoff, 0), f"pure coordination needs payoff > 0, got payoff={payoff}")
    labels = tuple(f"Option {k + 1}" for k in range(int(n)))
    row = [[payoff if i == j else 0 for j in range(n)] for i in range(n)]
    return NormalFormGame(
        [row, [r[:] for r in row]],
        players=("Row", "Column"),
        strategies=(labels, labels),
        name="Pure coordination",
    )
