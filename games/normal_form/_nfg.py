r"""Reading and writing Gambit's strategic-form ``.nfg`` text format (own parser).

The format (documented in Gambit's manual, "Game representation formats") is a
whitespace-separated token stream::

    NFG 1 R "title" { "Player 1" "Player 2" } <strategies> ["comment"] <body>

``<strategies>`` is either a list of strategy counts ``{ 3 2 }`` or a nested list of
labels ``{ { "U" "M" "D" } { "L" "R" } }``. The body is either

* the **payoff version**: a flat list of ``n * prod(counts)`` payoffs, profile by profile
  with player 1's strategy changing fastest, each profile giving every player's payoff; or
* the **outcome version**: a list of outcomes ``{ { "name" 1, 2 } ... }`` (payoffs may be
  separated by commas) followed by one outcome number per profile in the same order,
  where 0 is the null outcome (all payoffs zero).

Labels are double-quoted; ``\"`` inside a label is a quote (``\\`` a backslash).
Numbers may be integers, decimals (``0.25``, ``1e-3``) or rationals (``3/2``); as in
Gambit, every number is exact: it is read as a ``fractions.Fraction`` (``0.1`` is exactly
``1/10``). A malformed file raises :class:`NFGParseError` naming the line.

Examples
--------
>>> data = parse_nfg('''NFG 1 R "Selten" { "P1" "P2" } { 3 2 }
... 1 1 0 2 0 2 1 1 0 3 2 0''')
>>> data.players, data.strategies
(('P1', 'P2'), (('1', '2', '3'), ('1', '2')))
>>> [[str(v) for v in row] for row in data.payoffs[1]]
[['1', '1'], ['2', '3'], ['2', '0']]
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["NFGParseError", "NfgData", "format_nfg", "parse_nfg"]

_NUMBER = re.compile(r"[+-]?(?:\d+/\d+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\Z")


class NFGParseError(ValueError):
    """A malformed ``.nfg`` file; ``.line`` is the 1-based line number of the problem.

    A ``ValueError``, raised by :func:`parse_nfg`.

    Examples
    --------
    >>> try:
    ...     parse_nfg('NFG 1 R "solo" { "P1" } { 2 }')
    ... except NFGParseError as err:
    ...     print(err.line, err)
    1 line 1: a game needs at least two players, found 1
    """

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


NFGParseError.__module__ = "games.normal_form"


@dataclass(frozen=True)
class NfgData:
    """What an ``.nfg`` file holds: title, players, strategy labels, payoffs, comment.

    ``payoffs[i]`` is player *i*'s ``object`` array of ``Fraction`` with shape
    ``(len(strategies[0]), ..., len(strategies[-1]))``.

    Attributes
    ----------
    title : str
    players : tuple of str
    strategies : tuple of tuple of str
        Strategy labels per player (``"1"``, ``"2"``, ... when the file gives counts).
    payoffs : tuple of numpy.ndarray
    comment : str

    Examples
    --------
    Returned by :func:`parse_nfg`; a 2x2 game in the payoff version:

    >>> d = parse_nfg('NFG 1 R "MP" { "Row" "Col" } { 2 2 } 1 -1 -1 1 -1 1 1 -1')
    >>> d.title, d.strategies
    ('MP', (('1', '2'), ('1', '2')))
    >>> [[int(v) for v in row] for row in d.payoffs[0]]       # matching pennies
    [[1, -1], [-1, 1]]
    """

    title: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    payoffs: tuple[np.ndarray, ...]
    comment: str = ""


@dataclass(frozen=True)
class _Token:
    kind: str  # "string", "word", "{", "}", ","
    text: str
    line: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line, k, n = 1, 0, len(text)
    while k < n:
        ch = text[k]
        if ch == "\n":
            line += 1
            k += 1
        elif ch.isspace():
            k += 1
        elif ch in "{},":
            tokens.append(_Token(ch, ch, line))
            k += 1
        elif ch == '"':
            start_line = line
            k += 1
            chars = []
            while True:
                if k >= n:
                    raise NFGParseError(start_line, "unterminated quoted label (missing '\"')")
                ch = text[k]
                if ch == "\\" and k + 1 < n and text[k + 1] in '"\\':
                    chars.append(text[k + 1])
                    k += 2
                    continue
                if ch == '"':
                    k += 1
                    break
                if ch == "\n":
                    line += 1
                chars.append(ch)
                k += 1
            tokens.append(_Token("string", "".join(chars), start_line))
        else:
            start = k
            while k < n and not text[k].isspace() and text[k] not in '{},"':
                k += 1
            tokens.append(_Token("word", text[start:k], line))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0
        self.last_line = text.count("\n") + 1

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next(self, expected: str) -> _Token:
        tok = self.peek()
        if tok is None:
            raise NFGParseError(self.last_line, f"unexpected end of file: expected {expected}")
        self.pos += 1
        return tok

    def expect(self, kind: str, expected: str) -> _Token:
        tok = self.next(expected)
        if tok.kind != kind:
            raise NFGParseError(tok.line, f"expected {expected}, found {_show(tok)}")
        return tok

    def number(self, expected: str) -> tuple[Fraction, int]:
        tok = self.next(expected)
        if tok.kind != "word" or not _NUMBER.match(tok.text):
            raise NFGParseError(tok.line, f"expected {expected}, found {_show(tok)}")
        if "/" in tok.text and int(tok.text.split("/")[1]) == 0:
            raise NFGParseError(tok.line, f"division by zero in the number {tok.text!r}")
        return Fraction(tok.text), tok.line

    def string_list(self, what: str) -> tuple[list[str], int]:
        open_tok = self.expect("{", f"'{{' opening the list of {what}")
        items = []
        while True:
            tok = self.next(f"a quoted {what[:-1]} or '}}'")
            if tok.kind == "}":
                return items, open_tok.line
            if tok.kind != "string":
                raise NFGParseError(
                    tok.line, f"expected a quoted {what[:-1]} or '}}', found {_show(tok)}"
                )
            items.append(tok.text)


def _show(tok: _Token) -> str:
    return f'"{tok.text}"' if tok.kind == "string" else repr(tok.text)


def _count(value: Fraction, line: int, what: str) -> int:
    if value.denominator != 1 or value < 1:
        raise NFGParseError(line, f"{what} must be a positive integer, got {value}")
    return int(value)


def parse_nfg(text: str) -> NfgData:
    """Parse the text of a Gambit ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    text : str
        The whole file's text (every number is read exactly, as a ``Fraction``).

    Returns
    -------
    NfgData
        Title, players, strategy labels, payoff arrays (player 1's strategy on axis 0)
        and comment.

    Raises
    ------
    NFGParseError
        With the line number: wrong header, unbalanced braces, wrong number of
        players, strategies, payoffs or outcome numbers, malformed numbers, trailing text.
    TypeError
        If ``text`` is not a ``str``.

    Examples
    --------
    The Prisoner's Dilemma in the outcome version (one outcome number per profile, player
    1's strategy changing fastest):

    >>> d = parse_nfg('''NFG 1 R "PD" { "Row" "Col" }
    ... { { "C" "D" } { "C" "D" } } ""
    ... { { "" 3, 3 } { "" 0, 5 } { "" 5, 0 } { "" 1, 1 } }
    ... 1 3 2 4''')
    >>> d.strategies
    (('C', 'D'), ('C', 'D'))
    >>> [[int(v) for v in row] for row in d.payoffs[0]]       # D dominates C for Row
    [[3, 0], [5, 1]]
    >>> parse_nfg("NFG 1 R 'PD'")
    Traceback (most recent call last):
    ...
    games.normal_form.NFGParseError: line 1: expected the quoted title of the game, found "'PD'"
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    p = _Parser(text)
    tok = p.next("'NFG'")
    if tok.kind != "word" or tok.text != "NFG":
        raise NFGParseError(
            tok.line, f"expected 'NFG' at the start of the file, found {_show(tok)}"
        )
    tok = p.next("the version number 1")
    if tok.text != "1":
        raise NFGParseError(tok.line, f"unsupported .nfg version {_show(tok)} (only 1 is defined)")
    tok = p.next("'R'")
    if tok.kind != "word" or tok.text not in ("R", "D"):
        raise NFGParseError(tok.line, f"expected 'R' after 'NFG 1', found {_show(tok)}")
    title = p.expect("string", "the quoted title of the game").text
    players, line = p.string_list("players")
    if len(players) < 2:
        raise NFGParseError(line, f"a game needs at least two players, found {len(players)}")

    open_tok = p.expect("{", "'{' opening the strategies")
    strategies: list[tuple[str, ...]] = []
    tok = p.peek()
    if tok is not None and tok.kind == "{":
        while True:
            tok = p.peek()
            if tok is not None and tok.kind == "}":
                p.pos += 1
                break
            labels, line = p.string_list("strategies")
            if not labels:
                raise NFGParseError(line, f"player {len(strategies) + 1} has no strategies")
            strategies.append(tuple(labels))
    else:
        while True:
            tok = p.peek()
            if tok is not None and tok.kind == "}":
                p.pos += 1
                break
            value, line = p.number("a number of strategies or '}'")
            strategies.append(tuple(str(k + 1) for k in range(_count(value, line, "a count"))))
    if len(strategies) != len(players):
        raise NFGParseError(
            open_tok.line,
            f"{len(players)} players but strategies are given for {len(strategies)}",
        )
    comment = ""
    tok = p.peek()
    if tok is not None and tok.kind == "string":
        comment = tok.text
        p.pos += 1

    shape = tuple(len(s) for s in strategies)
    n, size = len(players), math.prod(shape)
    flat = np.empty((size, n), dtype=object)
    tok = p.peek()
    if tok is not None and tok.kind == "{":
        outcomes = _outcomes(p, n)
        for k in range(size):
            value, line = p.number(f"outcome number {k + 1} of {size}")
            index = int(value) if value.denominator == 1 else -1
            if not 0 <= index <= len(outcomes):
                raise NFGParseError(
                    line, f"outcome number {value} is not 0 or one of the {len(outcomes)} outcomes"
                )
            flat[k] = outcomes[index - 1] if index else [Fraction(0)] * n
    else:
        for k in range(size):
            for i in range(n):
                value, _ = p.number(
                    f"payoff {k * n + i + 1} of {size * n} ({n} players x {size} profiles)"
                )
                flat[k, i] = value
    tok = p.peek()
    if tok is not None:
        raise NFGParseError(tok.line, f"unexpected {_show(tok)} after the last payoff")
    # player 1's strategy changes fastest: Fortran order
    payoffs = tuple(np.reshape(flat[:, i], shape, order="F") for i in range(n))
    return NfgData(title, tuple(players), tuple(strategies), payoffs, comment)


def _outcomes(p: _Parser, n: int) -> list[list[Fraction]]:
    p.expect("{", "'{' opening the list of outcomes")
    outcomes = []
    while True:
        tok = p.next("an outcome '{ \"name\" payoffs }' or '}'")
        if tok.kind == "}":
            return outcomes
        if tok.kind != "{":
            raise NFGParseError(
                tok.line, f"expected an outcome '{{ \"name\" ... }}', found {_show(tok)}"
            )
        p.expect("string", "the quoted name of the outcome")
        values = []
        while True:
            tok = p.peek()
            if tok is not None and tok.kind == "}":
                p.pos += 1
                break
            if tok is not None and tok.kind == "," and values:
                p.pos += 1
            value, _ = p.number(f"a payoff of outcome {len(outcomes) + 1} or '}}'")
            values.append(value)
        if len(values) != n:
            raise NFGParseError(
                tok.line,
                f"outcome {len(outcomes) + 1} has {len(values)} payoffs; expected {n} "
                "(one per player)",
            )
        outcomes.append(values)


def _quote(label: str) -> str:
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(value: Any) -> str:
    if isinstance(value, float | np.floating):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"cannot write the non-finite payoff {value}")
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            return str(Fraction(text))  # p/q, exact for the float's shortest repr
        return text
    frac = Fraction(value)
    return str(frac.numerator) if frac.denominator == 1 else f"{frac.numerator}/{frac.denominator}"


def format_nfg(
    title: str,
    players: Sequence[str],
    strategies: Sequence[Sequence[str]],
    payoffs: Sequence[np.ndarray],
    comment: str = "",
) -> str:
    """Gambit ``.nfg`` text (payoff version with strategy labels) for the given game.

    ``payoffs`` hold ints, ``Fraction``s or floats (see :func:`parse_nfg` for how they
    read back).

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1, 0]]); B = np.array([[2, 3]])
    >>> parse_nfg(format_nfg("t", ["a", "b"], [["x"], ["y", "z"]], [A, B])).payoffs[1].tolist()
    [[Fraction(2, 1), Fraction(3, 1)]]
    """
    arrays = [np.asarray(u) for u in payoffs]
    shape = arrays[0].shape
    lines = [f"NFG 1 R {_quote(title)} {{ {' '.join(_quote(p) for p in players)} }}"]
    strat_lines = [f"{{ {' '.join(_quote(s) for s in labels)} }}" for labels in strategies]
    lines.append("{ " + "\n  ".join(strat_lines))
    lines.append("}")
    lines.append(_quote(comment))
    lines.append("")
    values = []
    for idx in np.ndindex(*shape[::-1]):
        profile = idx[::-1]  # player 1 fastest
        values.append(" ".join(_number(u[profile]) for u in arrays))
    lines.append(" ".join(values))
    return "\n".join(lines) + "\n"
