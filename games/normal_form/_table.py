r"""The text table shown by ``repr`` of a :class:`~games.normal_form._game.NormalFormGame`.

Player 1's strategies label the rows and player 2's the columns; a cell holds every
player's payoff, ``u_1, u_2, ..., u_n``. Games with more players get one table per
profile of the other players' strategies. Large games are cut to ``_REPR_MAX`` rows,
columns and tables, saying how many were left out.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from games.normal_form._game import NormalFormGame

__all__ = ["format_game"]

_REPR_MAX = 8  # largest number of rows / columns / slices shown by repr


def format_game(game: NormalFormGame) -> str:
    """The text ``repr(game)`` shows: a header line, then for every profile of
    the strategies of players 3, 4, ... (at most ``_REPR_MAX``) a table of
    ``u_1, u_2, ...`` with player 1 on the rows and player 2 on the columns (at
    most ``_REPR_MAX`` of each)."""
    names = " x ".join(repr(p) for p in game.players)
    dims = "x".join(str(m) for m in game.shape)
    head = f"NormalFormGame {names} ({dims}, {game.kind})"
    if game.name:
        head = f"NormalFormGame {game.name!r}: {names} ({dims}, {game.kind})"
    lines = [head]
    n = game.num_players
    slices = list(itertools.product(*(range(m) for m in game.shape[2:])))
    for count, rest in enumerate(slices):
        if count == _REPR_MAX:
            lines.append(f"... ({len(slices) - _REPR_MAX} more slices)")
            break
        if n > 2:
            fixed = ", ".join(
                f"{game.players[2 + k]}={game.strategies[2 + k][s]}" for k, s in enumerate(rest)
            )
            lines.append(f"[{fixed}]")
        lines.extend(_slice_table(game, rest))
    return "\n".join(lines)


def _slice_table(game: NormalFormGame, rest: tuple[int, ...]) -> list[str]:
    rows, cols = game.shape[0], game.shape[1]
    show_r, show_c = min(rows, _REPR_MAX), min(cols, _REPR_MAX)
    cells = [
        [", ".join(_fmt(u[(r, c, *rest)]) for u in game.payoffs) for c in range(show_c)]
        for r in range(show_r)
    ]
    col_labels = list(game.strategies[1][:show_c])
    row_labels = list(game.strategies[0][:show_r])
    p0, p1 = f"{game.players[0]}:", f"{game.players[1]}:"
    label_w = max(len(lab) for lab in row_labels)
    width = [
        max(len(col_labels[c]), *(len(cells[r][c]) for r in range(show_r))) for c in range(show_c)
    ]
    lead = max(len(p0), len(p1))
    stub = lead + 1 + label_w
    header = (
        p1.rjust(stub)
        + "  "
        + "  ".join(lab.ljust(w) for lab, w in zip(col_labels, width, strict=True))
    )
    out = [header.rstrip() + (" ..." if cols > show_c else "")]
    for r in range(show_r):
        prefix = (p0 if r == 0 else "").ljust(lead) + " " + row_labels[r].ljust(label_w)
        body = "  ".join(cell.ljust(w) for cell, w in zip(cells[r], width, strict=True))
        out.append((prefix + "  " + body).rstrip())
    if rows > show_r:
        out.append(f"... ({rows - show_r} more rows)")
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return str(value)
