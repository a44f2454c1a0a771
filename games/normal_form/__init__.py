"""Finite games in normal form: :class:`NormalFormGame`, and Gambit's ``.nfg`` text format.

Examples
--------
>>> from games.normal_form import NormalFormGame, parse_nfg
>>> g = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])   # prisoner's dilemma
>>> NormalFormGame.from_nfg(g.to_nfg()) == g
True
"""

from games.normal_form._game import NormalFormGame
from games.normal_form._nfg import (
    NfgData,
    NFGLabelWarning,
    NFGParseError,
    decode_nfg,
    format_nfg,
    parse_nfg,
)

__all__ = [
    "NFGLabelWarning",
    "NFGParseError",
    "NfgData",
    "NormalFormGame",
    "decode_nfg",
    "format_nfg",
    "parse_nfg",
]
