"""A catalogue of games: the classic textbook games and games from the literature.

* :mod:`games.catalog.classic` -- prisoner's dilemma, chicken, stag hunt, battle of the
  sexes, matching pennies, rock-paper-scissors, pure coordination (parameters allowed);
* :func:`load` / :func:`names` -- games from published papers, each named after its source
  (``author-year-shape``) and carrying its reference and known number of equilibria.

Examples
--------
>>> from games import catalog
>>> g = catalog.classic.prisoners_dilemma()
>>> [eq.supports for eq in g.equilibria()]
[((1,), (1,))]
"""

from games.catalog import classic

__all__ = ["classic"]
