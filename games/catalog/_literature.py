"""The catalogue's index: games from published papers (stored as ``.nfg`` files written by
:meth:`~games.normal_form.NormalFormGame.to_nfg`, in ``games/catalog/data``) and the
classic games of :mod:`games.catalog.classic` at their default payoffs, each with its
source and known number of Nash equilibria.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from games.catalog import classic
from games.normal_form import NormalFormGame

__all__ = ["GameInfo", "info", "load", "names"]


@dataclass(frozen=True)
class GameInfo:
    """What the catalogue knows about a game.

    Attributes
    ----------
    name : str
        The catalogue name (``author-year-shape`` for games from papers).
    shape : tuple of int
        Number of strategies of each player.
    citation : str
        The source of the game and of its payoffs.
    equilibria : int or None
        The known number of Nash equilibria, or ``None`` when they are not finitely many
        (a continuum).
    description : str
        What the game is known for.

    Examples
    --------
    >>> from games import catalog
    >>> catalog.info("mckelvey-mclennan1997-2x2x2").equilibria
    9
    """

    name: str
    shape: tuple[int, ...]
    citation: str
    equilibria: int | None
    description: str


def _from_file(name: str) -> Callable[[], NormalFormGame]:
    def load() -> NormalFormGame:
        text = resources.files("games.catalog").joinpath("data", f"{name}.nfg").read_bytes()
        return NormalFormGame.from_nfg(text)

    return load


_VS1999 = (
    "B. von Stengel, 'New maximal numbers of equilibria in bimatrix games', Discrete & "
    "Computational Geometry 21(4):557-568, 1999"
)

_ENTRIES: dict[str, tuple[GameInfo, Callable[[], NormalFormGame]]] = {}


def _add(info: GameInfo, loader: Callable[[], NormalFormGame]) -> None:
    _ENTRIES[info.name] = (info, loader)


for _info in (
    GameInfo(
        "vonstengel1999-6x6",
        (6, 6),
        f"{_VS1999}; payoffs as in Gambit's game catalogue "
        "(catalog/journals/dcg/vonstengel1999/6x6_game_with_75_eq.nfg)",
        75,
        "A 6x6 bimatrix game with 75 Nash equilibria, more than the 2^6 - 1 = 63 "
        "conjectured by Quint and Shubik as the maximum for nondegenerate 6x6 games.",
    ),
    GameInfo(
        "savani-vonstengel2006-6x6",
        (6, 6),
        "R. Savani and B. von Stengel, 'Hard-to-solve bimatrix games', Econometrica "
        f"74(2):397-429, 2006 (small payoffs for the game of {_VS1999}); payoffs as in "
        "Gambit's game catalogue (6x6_game_with_75_eq_small_payoffs.nfg)",
        75,
        "von Stengel's 6x6 game with 75 Nash equilibria, in the small-integer payoffs of "
        "Savani and von Stengel: the same equilibrium structure with payoffs below 400.",
    ),
    GameInfo(
        "mckelvey-mclennan1997-2x2x2",
        (2, 2, 2),
        "R. D. McKelvey and A. McLennan, 'The maximal number of regular totally mixed Nash "
        "equilibria', Journal of Economic Theory 72(2):411-425, 1997",
        9,
        "A three-player game with two strategies each and 9 Nash equilibria, 2 of them "
        "totally mixed: the maximal number of regular totally mixed equilibria for 2x2x2.",
    ),
    GameInfo(
        "nau-gomez-canovas-hansen2004-2x2x4",
        (2, 2, 4),
        "R. Nau, S. Gomez Canovas and P. Hansen, 'On the geometry of Nash equilibria and "
        "correlated equilibria', International Journal of Game Theory 32(4):443-453, 2004, "
        "section 6",
        None,
        "A three-player 2x2x4 game whose Nash equilibria are not isolated: they form a line "
        "segment in the relative interior of the (four-dimensional, six-vertex) correlated "
        "equilibrium polytope.",
    ),
):
    _add(_info, _from_file(_info.name))

_OSBORNE = "M. J. Osborne, An Introduction to Game Theory, Oxford University Press, 2004"
for _info, _loader in (
    (
        GameInfo(
            "prisoners-dilemma",
            (2, 2),
            "A. Rapoport and A. M. Chammah, Prisoner's Dilemma, University of Michigan "
            f"Press, 1965; {_OSBORNE}",
            1,
            "Defection strictly dominates cooperation: one equilibrium, (D, D), Pareto "
            "dominated by (C, C). Payoffs T=5, R=3, P=1, S=0.",
        ),
        classic.prisoners_dilemma,
    ),
    (
        GameInfo(
            "chicken",
            (2, 2),
            "A. Rapoport and A. M. Chammah, 'The game of chicken', American Behavioral "
            f"Scientist 10(3), 1966; {_OSBORNE}",
            3,
            "Two pure equilibria (one side swerves) and one mixed. Payoffs b=4, c=2.",
        ),
        classic.chicken,
    ),
    (
        GameInfo(
            "stag-hunt",
            (2, 2),
            "B. Skyrms, The Stag Hunt and the Evolution of Social Structure, Cambridge "
            f"University Press, 2004; {_OSBORNE}",
            3,
            "Two pure equilibria, payoff-dominant (stag) and risk-dominant (hare), and one mixed.",
        ),
        classic.stag_hunt,
    ),
    (
        GameInfo(
            "battle-of-the-sexes",
            (2, 2),
            f"R. D. Luce and H. Raiffa, Games and Decisions, Wiley, 1957; {_OSBORNE}",
            3,
            "Two pure equilibria with opposed preferences and one mixed.",
        ),
        classic.battle_of_the_sexes,
    ),
    (
        GameInfo(
            "matching-pennies",
            (2, 2),
            f"{_OSBORNE}",
            1,
            "Zero-sum; the unique equilibrium has both players mixing 1/2-1/2.",
        ),
        classic.matching_pennies,
    ),
    (
        GameInfo(
            "rock-paper-scissors",
            (3, 3),
            f"{_OSBORNE}",
            1,
            "Zero-sum; the unique equilibrium has both players mixing uniformly.",
        ),
        classic.rock_paper_scissors,
    ),
    (
        GameInfo(
            "pure-coordination",
            (2, 2),
            "T. C. Schelling, The Strategy of Conflict, Harvard University Press, 1960",
            3,
            "Both players gain only by choosing the same option: two pure equilibria and "
            "one mixed.",
        ),
        classic.pure_coordination,
    ),
):
    _add(_info, _loader)


def names() -> list[str]:
    """The names of the games in the catalogue, sorted.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from games import catalog
    >>> [n for n in catalog.names() if "6x6" in n]
    ['savani-vonstengel2006-6x6', 'vonstengel1999-6x6']
    """
    return sorted(_ENTRIES)


def _entry(name: str) -> tuple[GameInfo, Callable[[], NormalFormGame]]:
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    try:
        return _ENTRIES[name]
    except KeyError:
        close = difflib.get_close_matches(name, _ENTRIES, n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(
            f"no game named {name!r} in the catalogue{hint} (catalog.names() lists them)"
        ) from None


def load(name: str) -> NormalFormGame:
    """A game from the catalogue, as a new :class:`~games.normal_form.NormalFormGame`.

    Parameters
    ----------
    name : str
        One of :func:`names`.

    Returns
    -------
    NormalFormGame
        Exact payoffs (integers) with the source's player and strategy labels.

    Raises
    ------
    ValueError
        For an unknown name (with the closest names).

    Examples
    --------
    >>> from games import catalog
    >>> g = catalog.load("mckelvey-mclennan1997-2x2x2")
    >>> g.shape, g.kind
    ((2, 2, 2), 'exact')
    >>> len(g.equilibria())          # the paper's 9 equilibria
    9
    """
    return _entry(name)[1]()


def info(name: str) -> GameInfo:
    """Source, shape, known equilibrium count and description of a catalogue game.

    Parameters
    ----------
    name : str
        One of :func:`names`.

    Returns
    -------
    GameInfo

    Examples
    --------
    >>> from games import catalog
    >>> i = catalog.info("vonstengel1999-6x6")
    >>> i.equilibria, i.citation[:14]
    (75, 'B. von Stengel')
    >>> catalog.info("nau-gomez-canovas-hansen2004-2x2x4").equilibria is None  # a segment
    True
    """
    return _entry(name)[0]
