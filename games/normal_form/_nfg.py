r"""Reading and writing Gambit's strategic-form ``.nfg`` text format (own parser).

The format (documented in Gambit's manual, "Game representation formats") is a
whitespace-separated token stream::

    NFG 1 R "title" { "Player 1" "Player 2" } <strategies> ["comment"] <body>

``<strategies>`` is either a list of strategy counts ``{ 3 2 }`` or a nested list of
labels ``{ { "U" "M" "D" } { "L" "R" } }``. The body is either

* the **payoff version**: a flat list of ``n * prod(counts)`` payoffs, profile by profile
  with player 1's strategy changing fastest, each profile giving every player's payoff; or
* the **outcome version**: a list of outcomes ``{ { "name" 1, 2 } ... }`` (payoffs may be
  separated by commas; as in Gambit, one comma may follow each payoff, the last included)
  followed by one outcome number per profile in the same order, where 0 is the null
  outcome (all payoffs zero).

Labels are double-quoted; ``\"`` inside a label is a quote (``\\`` a backslash).
Numbers may be integers, decimals (``0.25``, ``1e-3``) or rationals (``3/2``); as in
Gambit, every number is exact: it is read as a ``fractions.Fraction`` (``0.1`` is exactly
``1/10``).

**Text and encodings.** :func:`parse_nfg` takes text; a leading byte-order mark
(``U+FEFF``) is skipped. :func:`decode_nfg` (used for files and ``bytes``) skips a UTF-8
byte-order mark and decodes UTF-8, falling back to latin-1 (which accepts any bytes) when
the bytes are not valid UTF-8.

**Labels, as Gambit reads them.** Gambit (``NormalizeLabels`` in its ``file.cc``) makes
every player's and every strategy's label non-empty and distinct within its list: a label
that is empty or occurs more than once is replaced, in order of appearance, by
``label + "_" + k`` with ``k = 1, 2, ...`` the next number that gives a label not
already in the list. So ``{ "" "" }`` reads as ``("_1", "_2")`` and
``{ "defect" "defect" }`` as ``("defect_1", "defect_2")``; distinct non-empty labels are
kept. Each fix-up issues an :class:`NFGLabelWarning`.

**Limits**, so that no input can hang the reader or exhaust memory: the work is linear in
the size of the file, and :meth:`NormalFormGame.from_nfg
<games.normal_form.NormalFormGame.from_nfg>` reads any text under 1 MB in under a second
(the slowest inputs built for the tests take about 0.3-0.75 s of CPU time: half a million
distinct payoffs, or an outcome version with 3 million payoff entries):

* a number token has at most :data:`MAX_NUMBER_CHARS` (10,000) characters, and its exact
  value at most :data:`MAX_DIGITS` (4,000) decimal digits in numerator and denominator
  (for a decimal, mantissa digits plus the exponent's magnitude: ``1e3999`` is read,
  ``1e999999999`` is refused, not computed); digits are ASCII, as in Gambit;
* at most :data:`MAX_PLAYERS` (32) players;
* the declared strategy counts are checked against the number of payoffs (or outcome
  numbers) actually present in the file *before* anything is allocated, and the game may
  have at most :data:`MAX_ENTRIES` (4,000,000) payoff entries (players x profiles).

Every problem raises :class:`NFGParseError` (a ``ValueError``) naming the line and what
was expected.

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
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = [
    "MAX_DIGITS",
    "MAX_ENTRIES",
    "MAX_NUMBER_CHARS",
    "MAX_PLAYERS",
    "NFGLabelWarning",
    "NFGParseError",
    "NfgData",
    "decode_nfg",
    "format_nfg",
    "parse_nfg",
]

#: Longest number token accepted (characters).
MAX_NUMBER_CHARS = 10_000
#: Most decimal digits in the numerator or denominator of a number's exact value.
MAX_DIGITS = 4_000
#: Most players in a game (numpy arrays have at most 32 axes on numpy 1.x).
MAX_PLAYERS = 32
#: Most payoff entries (number of players times number of strategy profiles).
MAX_ENTRIES = 4_000_000

# possessive quantifiers: no backtracking, linear time on any token
_NUMBER = re.compile(
    r"(?P<sign>[+-]?+)(?:(?P<num>\d++)/(?P<den>\d++)"
    r"|(?:(?P<int>\d++)(?:\.(?P<frac>\d*+))?+|\.(?P<frac2>\d++))"
    r"(?:[eE](?P<exp>[+-]?+\d++))?+)",
    re.ASCII,  # ASCII digits only, as in Gambit
)
# one token per match, with the whitespace before it: a brace or comma, a quoted label, a
# lone quote (an unterminated label) or a word (anything else up to a delimiter);
# possessive quantifiers, so no backtracking
_TOKEN = re.compile(
    r'(\s*+)(?:([{},])|"([^"\\]*+(?:\\.[^"\\]*+)*+)"|(")|([^\s{},"]++))', re.DOTALL
)
_UNESCAPE = re.compile(r'\\(["\\])')


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

    def __reduce__(self) -> tuple[Any, ...]:  # picklable despite the two-argument init
        return type(self), (self.line, str(self).split(": ", 1)[1])


class NFGLabelWarning(UserWarning):
    """An empty or repeated player or strategy label was renamed the way Gambit does.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     parse_nfg('NFG 1 D "t" { "" "" } { 1 1 } 1 2').players
    ('_1', '_2')
    >>> caught[0].category.__name__
    'NFGLabelWarning'
    """


NFGParseError.__module__ = "games.normal_form"
NFGLabelWarning.__module__ = "games.normal_form"


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


def decode_nfg(data: bytes) -> str:
    """The text of an ``.nfg`` file's bytes: UTF-8 (a byte-order mark skipped), else latin-1.

    Parameters
    ----------
    data : bytes
        The file's content.

    Returns
    -------
    str
        The decoded text. Bytes that are not valid UTF-8 are read as latin-1 (ISO 8859-1),
        which maps every byte to one character, so decoding never fails.

    Examples
    --------
    >>> decode_nfg(b'\\xef\\xbb\\xbfNFG 1 R "caf\\xc3\\xa9"')
    'NFG 1 R "café"'
    >>> decode_nfg(b'NFG 1 R "caf\\xe9"')                  # latin-1
    'NFG 1 R "café"'
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    data = bytes(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# token kinds
_BRACE_OPEN, _BRACE_CLOSE, _COMMA, _STRING, _WORD = "{", "}", ",", "string", "word"


def _tokenize(text: str) -> tuple[list[str], list[str], list[int]]:
    """Token kinds, texts and line numbers (parallel lists; linear time).

    ``text`` must not end in whitespace (so that :data:`_TOKEN` matches at every position
    it is tried: no quadratic rescanning).
    """
    kinds: list[str] = []
    texts: list[str] = []
    lines: list[int] = []
    line = 1
    for space, punct, label, lone, word in _TOKEN.findall(text):
        if space and "\n" in space:
            line += space.count("\n")
        if word:
            kinds.append(_WORD)
            texts.append(word)
        elif punct:
            kinds.append(punct)
            texts.append(punct)
        elif lone:
            raise NFGParseError(line, "unterminated quoted label (missing '\"')")
        else:  # a quoted label, possibly empty
            kinds.append(_STRING)
            texts.append(_UNESCAPE.sub(r"\1", label) if "\\" in label else label)
            lines.append(line)
            line += label.count("\n")
            continue
        lines.append(line)
    return kinds, texts, lines


def _show(kind: str, text: str) -> str:
    if kind == _STRING:
        shown = text if len(text) <= 40 else text[:37] + "..."
        return f'the label "{shown}"'
    if kind == _WORD and len(text) > 40:
        return repr(text[:37] + "...") + f" ({len(text)} characters)"
    return repr(text)


class _Parser:
    def __init__(self, text: str) -> None:
        self.last_line = text.count("\n") + 1
        self.kinds, self.texts, self.lines = _tokenize(text.rstrip())
        self.n = len(self.kinds)
        self.pos = 0
        self.cache: dict[str, Fraction] = {}

    def remaining(self) -> int:
        return self.n - self.pos

    def peek(self) -> str | None:
        return self.kinds[self.pos] if self.pos < self.n else None

    def line(self) -> int:
        return self.lines[self.pos] if self.pos < self.n else self.last_line

    def next(self, expected: str) -> tuple[str, str, int]:
        k = self.pos
        if k >= self.n:
            raise NFGParseError(self.last_line, f"unexpected end of file: expected {expected}")
        self.pos += 1
        return self.kinds[k], self.texts[k], self.lines[k]

    def expect(self, kind: str, expected: str) -> tuple[str, int]:
        got, text, line = self.next(expected)
        if got != kind:
            raise NFGParseError(line, f"expected {expected}, found {_show(got, text)}")
        return text, line

    def number(self, expected: str) -> tuple[Fraction, int]:
        kind, text, line = self.next(expected)
        if kind != _WORD:
            raise NFGParseError(line, f"expected {expected}, found {_show(kind, text)}")
        value = self.cache.get(text)
        if value is None:
            value = _to_fraction(text, line, expected)
            self.cache[text] = value
        return value, line

    def numbers(self, count: int, expected: Any) -> list[Fraction]:
        """The next ``count`` numbers; ``expected(k)`` describes the k-th (0-based)."""
        start, stop = self.pos, self.pos + count
        if stop > self.n:
            stop = self.n
        kinds, texts, cache = self.kinds[start:stop], self.texts[start:stop], self.cache
        out: list[Fraction] = []
        if _BRACE_OPEN in kinds or _BRACE_CLOSE in kinds or _COMMA in kinds or _STRING in kinds:
            bad = next(k for k, kind in enumerate(kinds) if kind != _WORD)
        else:
            bad = len(kinds)
        for k in range(bad):
            text = texts[k]
            value = cache.get(text)
            if value is None:
                if len(text) <= 18 and text.isascii() and text.isdigit():
                    value = Fraction(int(text))
                else:
                    value = _to_fraction(text, self.lines[start + k], expected(k))
                cache[text] = value
            out.append(value)
        self.pos = start + bad
        if bad < count:  # a non-number or the end of the file: the usual message
            self.number(expected(bad))
        return out

    def string_list(self, what: str, one: str) -> tuple[list[str], int]:
        _, open_line = self.expect(_BRACE_OPEN, f"'{{' opening the list of {what}")
        items: list[str] = []
        while True:
            kind, text, line = self.next(f"a quoted {one} or '}}'")
            if kind == _BRACE_CLOSE:
                return items, open_line
            if kind != _STRING:
                raise NFGParseError(
                    line, f"expected a quoted {one} or '}}', found {_show(kind, text)}"
                )
            items.append(text)


def _to_fraction(text: str, line: int, expected: str) -> Fraction:
    """The exact value of a number token, with the work bounded by the limits."""
    if len(text) > MAX_NUMBER_CHARS:
        raise NFGParseError(
            line,
            f"expected {expected}, found a token of {len(text)} characters (a number has at "
            f"most {MAX_NUMBER_CHARS})",
        )
    m = _NUMBER.fullmatch(text)
    if m is None:
        raise NFGParseError(line, f"expected {expected}, found {_show(_WORD, text)}")
    sign = -1 if m["sign"] == "-" else 1
    too_long = (
        f"the number {_show(_WORD, text)} is too large or too precise: its exact value "
        f"would need more than {MAX_DIGITS} digits"
    )
    if m["num"] is not None:
        num, den = m["num"].lstrip("0"), m["den"].lstrip("0")
        if len(num) > MAX_DIGITS or len(den) > MAX_DIGITS:
            raise NFGParseError(line, too_long)
        if not den:
            raise NFGParseError(line, f"division by zero in the number {_show(_WORD, text)}")
        return Fraction(sign * int(num or "0"), int(den))
    frac = m["frac"] if m["frac"] is not None else (m["frac2"] or "")
    digits = ((m["int"] or "") + frac).lstrip("0")
    exp_text = m["exp"] or "0"
    exp_sign = -1 if exp_text[0] == "-" else 1
    exp_digits = exp_text.lstrip("+-").lstrip("0")
    if not digits:
        return Fraction(0)  # 0, 0.0, 0e99999: zero whatever the exponent
    if len(exp_digits) > 6:
        raise NFGParseError(line, too_long)
    scale = exp_sign * int(exp_digits or "0") - len(frac)
    if len(digits) + abs(scale) > MAX_DIGITS:
        raise NFGParseError(line, too_long)
    mantissa = sign * int(digits)
    if scale >= 0:
        return Fraction(mantissa * 10**scale)
    return Fraction(mantissa, 10**-scale)


def _count(value: Fraction, line: int, player: int) -> int:
    if value.denominator != 1 or value < 1:
        raise NFGParseError(
            line,
            f"the number of strategies of player {player} must be a positive integer, got {value}",
        )
    return int(value)


def _normalize_labels(labels: list[str], line: int, what: str) -> tuple[str, ...]:
    """Gambit's label rule: empty or repeated labels become ``label_k`` (see module doc)."""
    counts: dict[str, int] = {}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    if all(c == 1 for c in counts.values()) and "" not in counts:
        return tuple(labels)
    used = set(labels)
    visited: dict[str, int] = {}
    out = []
    for lab in labels:
        if counts[lab] == 1 and lab != "":
            out.append(lab)
            continue
        while True:
            visited[lab] = visited.get(lab, 0) + 1
            candidate = f"{lab}_{visited[lab]}"
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    changed = [f"{a!r} -> {b!r}" for a, b in zip(labels, out, strict=True) if a != b]
    shown = ", ".join(changed[:5]) + (", ..." if len(changed) > 5 else "")
    warnings.warn(
        f"line {line}: empty or repeated {what} renamed as Gambit does: {shown}",
        NFGLabelWarning,
        stacklevel=4,
    )
    return tuple(out)


def parse_nfg(text: str) -> NfgData:
    """Parse the text of a Gambit ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    text : str
        The whole file's text (every number is read exactly, as a ``Fraction``); a
        leading byte-order mark is skipped. For ``bytes``, see :func:`decode_nfg`.

    Returns
    -------
    NfgData
        Title, players, strategy labels, payoff arrays (player 1's strategy on axis 0)
        and comment.

    Raises
    ------
    NFGParseError
        With the line number and what was expected: wrong header, unbalanced braces,
        wrong number of players, strategies, payoffs or outcome numbers, malformed or
        oversized numbers, sizes beyond the limits (see the module docstring), trailing
        text.
    TypeError
        If ``text`` is not a ``str``.

    Warns
    -----
    NFGLabelWarning
        When empty or repeated labels are renamed (Gambit's rule, see the module
        docstring).

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
        raise TypeError(
            f"text must be a str, got {type(text).__name__} (decode bytes with decode_nfg)"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    p = _Parser(text)
    kind, word, line = p.next("'NFG'")
    if kind != _WORD or word != "NFG":
        raise NFGParseError(
            line, f"expected 'NFG' at the start of the file, found {_show(kind, word)}"
        )
    kind, word, line = p.next("the version number 1")
    if word != "1":
        raise NFGParseError(
            line, f"unsupported .nfg version {_show(kind, word)} (only 1 is defined)"
        )
    kind, word, line = p.next("'R' or 'D'")
    if kind != _WORD or word not in ("R", "D"):
        raise NFGParseError(line, f"expected 'R' or 'D' after 'NFG 1', found {_show(kind, word)}")
    title, _ = p.expect(_STRING, "the quoted title of the game")
    players, players_line = p.string_list("players", "player name")
    n = len(players)
    if n < 2:
        raise NFGParseError(players_line, f"a game needs at least two players, found {n}")
    if n > MAX_PLAYERS:
        raise NFGParseError(
            players_line, f"{n} players: at most {MAX_PLAYERS} players are supported"
        )

    _, open_line = p.expect(_BRACE_OPEN, "'{' opening the strategies")
    labels: list[list[str]] = []
    label_lines: list[int] = []
    counts: list[tuple[int, int]] = []  # (count, line) when the file gives counts
    if p.peek() == _BRACE_OPEN:
        while p.peek() != _BRACE_CLOSE:
            if len(labels) == n:
                break  # reported below (too many lists)
            items, line = p.string_list("strategies", "strategy label")
            if not items:
                raise NFGParseError(line, f"player {len(labels) + 1} has no strategies")
            labels.append(items)
            label_lines.append(line)
        given = len(labels)
    else:
        while p.peek() != _BRACE_CLOSE and len(counts) < n:
            value, line = p.number(f"the number of strategies of player {len(counts) + 1}")
            counts.append((_count(value, line, len(counts) + 1), line))
        given = len(counts)
    if given != n:
        raise NFGParseError(
            open_line,
            f"{n} players but strategies are given for {given}: expected one strategy "
            "list or count per player",
        )
    if p.peek() != _BRACE_CLOSE:
        kind, word, line = p.next(f"'}}' closing the strategies of the {n} players")
        raise NFGParseError(
            line,
            f"expected '}}' closing the strategies of the {n} players, found "
            f"{_show(kind, word)} ({n} players but strategies are given for more)",
        )
    p.pos += 1  # the closing brace
    comment = ""
    if p.peek() == _STRING:
        comment, _ = p.expect(_STRING, "the comment")
    shape = tuple(len(s) for s in labels) if labels else tuple(c for c, _ in counts)

    outcome_version = p.peek() == _BRACE_OPEN
    body_line = p.line()
    # sizes against the tokens actually present, before any allocation
    size = math.prod(shape)  # at most 32 factors of at most 4000 digits: cheap
    needed = size if outcome_version else n * size
    what = "outcome numbers" if outcome_version else "payoffs"
    if needed > p.remaining():
        raise NFGParseError(
            body_line,
            f"{n} players with {'x'.join(map(_big, shape))} strategies need "
            f"{_big(needed)} {what}, but the file has only {p.remaining()} tokens left",
        )
    if n * size > MAX_ENTRIES:
        raise NFGParseError(
            open_line,
            f"a game of {n} players and {_big(size)} strategy profiles has "
            f"{_big(n * size)} payoff entries; at most {MAX_ENTRIES} are supported",
        )
    players_t = _normalize_labels(players, players_line, "player names")
    if labels:
        strategies = tuple(
            _normalize_labels(items, line, f"strategy labels of player {i + 1}")
            for i, (items, line) in enumerate(zip(labels, label_lines, strict=True))
        )
    else:
        strategies = tuple(tuple(str(k + 1) for k in range(m)) for m in shape)

    if outcome_version:
        outcomes = _outcomes(p, n)
        table = np.empty((len(outcomes) + 1, n), dtype=object)
        table[0] = Fraction(0)
        for k, values in enumerate(outcomes, start=1):
            table[k] = values
        if p.remaining() < size:
            raise NFGParseError(
                p.line(),
                f"{size} outcome numbers (one per strategy profile) are needed, but the file "
                f"has only {p.remaining()} tokens left",
            )
        first = p.pos
        numbers = p.numbers(size, lambda k: f"outcome number {k + 1} of {size}")
        count = len(outcomes)
        memo: dict[Any, Any] = {}
        index = []
        for k, text in enumerate(p.texts[first : first + size]):
            j = memo.get(text)
            if j is None:
                value = numbers[k]
                ok = value.denominator == 1 and 0 <= value <= count
                j = memo[text] = int(value) if ok else -1
            if j < 0:
                raise NFGParseError(
                    p.lines[first + k],
                    f"outcome number {text} is not 0 or one of the {count} outcomes",
                )
            index.append(j)
        flat = table[index]
    else:
        values = p.numbers(
            size * n, lambda k: f"payoff {k + 1} of {size * n} ({n} players x {size} profiles)"
        )
        flat = np.empty(size * n, dtype=object)
        flat[:] = values
        flat = flat.reshape(size, n)
    if p.peek() is not None:
        kind, word, line = p.next("")
        last = "outcome number" if outcome_version else "payoff"
        raise NFGParseError(
            line,
            f"expected the end of the file after the last {last}, found {_show(kind, word)}",
        )
    # player 1's strategy changes fastest: Fortran order
    payoffs = tuple(np.reshape(flat[:, i], shape, order="F") for i in range(n))
    return NfgData(title, players_t, strategies, payoffs, comment)


def _big(k: int) -> str:
    if k < 10**30:
        return str(k)
    return f"about 10^{math.floor(math.log10(k))}"


def _outcomes(p: _Parser, n: int) -> list[list[Fraction]]:
    """The outcome list ``{ { "name" payoffs } ... }``; messages are built only on error."""
    p.expect(_BRACE_OPEN, "'{' opening the list of outcomes")
    kinds, texts, lines, cache, end = p.kinds, p.texts, p.lines, p.cache, p.n
    outcomes: list[list[Fraction]] = []
    pos = p.pos
    while True:
        kind = kinds[pos] if pos < end else None
        if kind == _BRACE_CLOSE:
            p.pos = pos + 1
            return outcomes
        number = len(outcomes) + 1
        if kind != _BRACE_OPEN:
            p.pos = pos
            expected = "an outcome '{ \"name\" payoffs }' or '}' closing the outcomes"
            kind, text, line = p.next(expected)
            raise NFGParseError(line, f"expected {expected}, found {_show(kind, text)}")
        pos += 1
        if pos >= end or kinds[pos] != _STRING:
            p.pos = pos
            p.expect(_STRING, f"the quoted name of outcome {number}")
        pos += 1
        values: list[Fraction] = []
        while True:
            kind = kinds[pos] if pos < end else None
            if kind == _BRACE_CLOSE:
                close_line = lines[pos]
                pos += 1
                break
            if kind != _WORD:
                p.pos = pos
                p.number(
                    f"payoff {len(values) + 1} of outcome {number} or '}}' closing the outcome"
                )
            text = texts[pos]
            value = cache.get(text)
            if value is None:
                value = _to_fraction(
                    text, lines[pos], f"payoff {len(values) + 1} of outcome {number}"
                )
                cache[text] = value
            values.append(value)
            pos += 1
            if pos < end and kinds[pos] == _COMMA:  # one comma may follow each payoff (Gambit)
                pos += 1
                if pos < end and kinds[pos] == _COMMA:
                    raise NFGParseError(
                        lines[pos], f"two commas in a row in outcome {number}: expected a payoff"
                    )
        if len(values) != n:
            raise NFGParseError(
                close_line,
                f"outcome {number} has {len(values)} payoffs; expected {n} (one per player)",
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

    ``payoffs`` hold ints, ``Fraction`` values or floats (see :func:`parse_nfg` for how they
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
