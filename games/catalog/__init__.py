"""A catalogue of games: the classic textbook games and games from the literature.

* :mod:`games.catalog.classic` -- prisoner's dilemma, chicken, stag hunt, battle of the
  sexes, matching pennies, rock-paper-scissors, pure coordination (parameters allowed);
* :func:`load` / :func:`names` / :func:`info` -- games from published papers, each named
  after its source (``author-year-shape``), and the classic games at their default
  payoffs, each with its reference and known number of equilibria (:class:`GameInfo`).

Games from papers: von Stengel's 6x6 game with 75 equilibria (``vonstengel1999-6x6``) and
its small-payoff version (``savani-vonstengel2006-6x6``), McKelvey and McLennan's 2x2x2
game with 9 equilibria (``mckelvey-mclennan1997-2x2x2``) and the 2x2x4 game of Nau, Gomez
Canovas and Hansen whose equilibria form a segment (``nau-gomez-canovas-hansen2004-2x2x4``).

Examples
--------
>>> from games import catalog
>>> g = catalog.classic.prisoners_dilemma()
>>> [eq.supports for eq in g.equilibria()]
[((1,), (1,))]
>>> catalog.load("savani-vonstengel2006-6x6").shape
(6, 6)
>>> catalog.info("savani-vonstengel2006-6x6").equilibria
75
"""

from games.catalog import classic
from games.catalog._literature import GameInfo, info, load, names

__all__ = ["GameInfo", "classic", "info", "load", "names"]
