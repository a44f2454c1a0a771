"""Fuzzing the ``.nfg`` reader and the ``NormalFormGame`` constructor (issue 9, item 3).

Each case must either give a valid game or raise the documented error (``NFGParseError``
for the reader; ``ValueError`` / ``TypeError`` with a message for the constructor), never
another exception, and never hang: a watchdog (``signal.setitimer``, where available)
turns a case running past :data:`WATCHDOG` seconds into a failure. That limit is a hang
detector far above the reader's normal time (milliseconds for these small texts), not a
timing assertion.
"""

from __future__ import annotations

import contextlib
import math
import signal
import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from games.normal_form import NFGLabelWarning, NFGParseError, NormalFormGame

WATCHDOG = 10.0  # seconds per case; a hang detector, not a timing assertion

SEEDS = [
    # payoff version with counts (Gambit's e02.nfg)
    'NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"\n{ "Player 1" "Player 2" } { 3 2 }\n'
    "\n1 1 0 2 0 2 1 1 0 3 2 0\n",
    # outcome version with labels and a comment
    'NFG 1 R "PD" { "Row" "Col" }\n{ { "C" "D" } { "C" "D" } } "a comment"\n'
    '{ { "" 3, 3 } { "" 0, 5 } { "" 5, 0 } { "" 1, 1 } }\n1 3 2 4\n',
    # three players, rationals, decimals, exponents, the null outcome
    'NFG 1 R "3p" { "a" "b" "c" } { { "x" "y" } { "u" "v" } { "p" "q" } } ""\n'
    '{ { "o1" 1/2 -2.5 3e2 } { "o2" .5, 5., -6e-1 } }\n1 0 2 0 0 0 0 2\n',
    # escaped quotes, unicode, empty and repeated labels, D type, CRLF line ends
    'NFG 1 D "the \\"game\\" é" { "" "" }\r\n{ { "s" "s" } { "τ" } }\r\n4.000000 3 0 -0\r\n',
]

POOL = [
    "{", "}", ",", '"', '""', '"x"', "NFG", "1", "0", "-1", "+2", "3/4", "1/0", "0.5", ".",
    "-", "e", "1e999999999", "1e-999999999", "9" * 5000, "1" * 30, "1e4000", "½", "５",
    "nan", "inf", "\ufeff", "\x00", "é", "\U0001f600", "\\", '\\"', "\n", "\r", "\t",
    "{ 100000 100000 }", "{ 1e30 2 }", '{ { "" 1 2 } }', "0/5", "1.5e", "1e+", "-0.0",
]  # fmt: skip


@contextlib.contextmanager
def watchdog(seconds: float = WATCHDOG):
    """Fail (instead of hanging) when the body runs longer than ``seconds``."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"case ran longer than {seconds} s: the reader hangs")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def mutate(data: st.DataObject, text: str) -> str | bytes:
    """Apply 1-4 random mutations to ``text``; sometimes return (mutated) bytes."""
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        tokens = text.split(" ")
        op = data.draw(
            st.sampled_from(
                ["truncate", "delete", "insert", "duplicate", "swap", "huge", "unicode", "lines"]
            ),
            label="op",
        )
        k = data.draw(st.integers(0, max(len(tokens) - 1, 0)), label="at")
        if op == "truncate":
            text = text[: data.draw(st.integers(0, len(text)), label="cut")]
        elif op == "delete" and tokens:
            del tokens[k]
            text = " ".join(tokens)
        elif op == "insert":
            tokens.insert(k, data.draw(st.sampled_from(POOL), label="token"))
            text = " ".join(tokens)
        elif op == "duplicate" and tokens:
            tokens[k:k] = tokens[k : k + data.draw(st.integers(1, 6), label="span")]
            text = " ".join(tokens)
        elif op == "swap" and tokens:
            j = data.draw(st.integers(0, len(tokens) - 1), label="with")
            tokens[k], tokens[j] = tokens[j], tokens[k]
            text = " ".join(tokens)
        elif op == "huge":
            big = data.draw(
                st.sampled_from(["1e999999999", "9" * 4100, "1/" + "3" * 4100, "-1e-4001"]),
                label="huge",
            )
            tokens[k] = big
            text = " ".join(tokens)
        elif op == "unicode":
            pos = data.draw(st.integers(0, len(text)), label="pos")
            text = text[:pos] + data.draw(st.text(min_size=1, max_size=3), label="u") + text[pos:]
        elif op == "lines":  # swap two sections (lines)
            rows = text.split("\n")
            i, j = (data.draw(st.integers(0, len(rows) - 1), label="row") for _ in range(2))
            rows[i], rows[j] = rows[j], rows[i]
            text = "\n".join(rows)
    if data.draw(st.booleans(), label="as bytes"):
        raw = bytearray(text.encode("utf-8", errors="surrogatepass"))
        for _ in range(data.draw(st.integers(0, 3), label="flips")):
            if raw:
                i = data.draw(st.integers(0, len(raw) - 1), label="byte")
                raw[i] ^= 1 << data.draw(st.integers(0, 7), label="bit")
        return bytes(raw)
    return text


def check_valid(game: NormalFormGame) -> None:
    n = game.num_players
    assert 2 <= n == len(game.players) == len(game.strategies) == len(game.shape)
    assert game.kind == "exact"
    assert len(set(game.players)) == n and all(game.players)
    for labels, m in zip(game.strategies, game.shape, strict=True):
        assert len(labels) == m >= 1 and len(set(labels)) == m and all(labels)
    for u in game.payoff_arrays(exact=True):
        assert u.shape == game.shape
        assert all(type(v) is Fraction for v in u.flat)


def read_or_refuse(data) -> NormalFormGame | None:
    with watchdog(), warnings.catch_warnings():
        warnings.simplefilter("ignore", NFGLabelWarning)
        try:
            return NormalFormGame.from_nfg(data)
        except NFGParseError as err:
            assert str(err).startswith(f"line {err.line}: ") and err.line >= 1
            return None


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_mutated_files_parse_or_raise_nfg_parse_error(seed, data):
    game = read_or_refuse(mutate(data, seed))
    if game is not None:
        check_valid(game)


@pytest.mark.parametrize("seed", range(len(SEEDS)), ids=["payoff", "outcome", "3p", "labels"])
def test_seed_files_parse(seed):
    with pytest.warns(NFGLabelWarning) if seed == 3 else contextlib.nullcontext():
        check_valid(NormalFormGame.from_nfg(SEEDS[seed]))


def test_every_prefix_of_a_file_parses_or_raises():
    # truncation at every character and every byte (a cut inside a UTF-8 sequence too)
    text = SEEDS[3]
    for cut in range(len(text) + 1):
        read_or_refuse(text[:cut])
    raw = text.encode("utf-8")
    for cut in range(len(raw) + 1):
        read_or_refuse(raw[:cut])


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("NFG 1 R " + '"' + "a" * 900_000, id="unterminated-label"),
        pytest.param('NFG 1 R "" { "a" "b" } { 1 1 } ' + "1" * 900_000 + "x 1", id="long-token"),
        pytest.param('NFG 1 R "" { "a" "b" } ' + "{" * 400_000, id="many-braces"),
        pytest.param('NFG 1 R "" { ' + '"a" ' * 200_000 + "}", id="many-players"),
        pytest.param('NFG 1 R "" { "a" "b" } { 1 1 } 1 1' + " " * 900_000, id="trailing-space"),
        pytest.param(
            'NFG 1 R "" { "a" "b" } { 1 2 } 1 1 1 1 ' + "\n" * 900_000, id="many-newlines"
        ),
        pytest.param(
            'NFG 1 R "" { "a" "b" } { 300 300 } ' + "1e-9 " * 180_000, id="big-payoff-version"
        ),
        pytest.param(
            'NFG 1 R "" { ' + " ".join(f'"p{i}"' for i in range(18)) + " } { "
            + "2 " * 18 + '} { { "" ' + "1 " * 18 + "} } " + "1 " * 2**18,
            id="many-profiles-outcome-version",
        ),
    ],
)  # fmt: skip
def test_large_hostile_inputs_finish(text):
    # each text is under 1 MB; the reader finishes (in well under a second when the
    # machine is idle) with a game or an NFGParseError
    assert len(text.encode()) < 1_000_000
    game = read_or_refuse(text)
    if game is not None:
        check_valid(game)


# ---------------------------------------------------------------- the constructor


leaves = st.one_of(
    st.integers(-5, 5),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([10**400, -(10**400)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.fractions(max_denominator=100),
    st.booleans(),
    st.text(max_size=3),
    st.none(),
    st.complex_numbers(max_magnitude=10, allow_nan=False),
    st.sampled_from(
        [
            np.int64(3),
            np.float32(0.5),
            np.float64("nan"),
            np.bool_(True),
            np.longdouble("1e4000") if np.finfo(np.longdouble).max > 1e4000 else 1e300,
            sp.Rational(1, 3),
            sp.Symbol("t"),
            sp.sqrt(2),
            sp.I,
            sp.oo,
            sp.nan,
            sp.Float("1e400"),
            sp.Matrix([[1, 2]]),
            b"1",
            {1: 2},
            object(),
        ]
    ),
)


def object_pair(x):
    pair = np.empty(2, dtype=object)
    pair[0] = pair[1] = x
    return pair


nested = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner, inner),
        inner.map(object_pair),
    ),
    max_leaves=12,
)


@st.composite
def shaped(draw):
    """Payoffs of a right shape (so validation gets past the shape checks) with odd entries."""
    n = draw(st.integers(2, 3))
    shape = tuple(draw(st.lists(st.integers(1, 2), min_size=n, max_size=n)))
    size = math.prod(shape)
    entries = st.one_of(st.integers(-3, 3), st.floats(-10, 10), leaves)
    arrays = []
    for _ in range(n):
        values = draw(st.lists(entries, min_size=size, max_size=size))
        u = np.empty(size, dtype=object)
        u[:] = values
        arrays.append(u.reshape(shape).tolist() if draw(st.booleans()) else u.reshape(shape))
    return arrays


labels = st.one_of(
    st.none(),
    st.lists(st.text(max_size=2), max_size=4),
    st.text(max_size=3),
    st.lists(st.integers(0, 2), max_size=3),
)


def construct_or_refuse(payoffs, players=None, strategies=None):
    with watchdog():
        try:
            game = NormalFormGame(payoffs, players=players, strategies=strategies)
        except (ValueError, TypeError) as err:
            assert str(err), "errors carry a message"
            return None
    n = game.num_players
    assert n >= 2 and len(game.shape) == n and min(game.shape) >= 1
    assert game.kind in ("exact", "float", "symbolic")
    for u in game.payoffs:
        assert u.shape == game.shape and not u.flags.writeable
    if game.kind == "float":
        assert all(np.isfinite(u).all() for u in game.payoffs)
    return game


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payoffs=st.one_of(nested, st.lists(nested, max_size=3)), players=labels)
def test_constructor_on_random_nested_input(payoffs, players):
    construct_or_refuse(payoffs, players=players)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payoffs=shaped(), players=labels, strategies=st.one_of(st.none(), st.lists(labels)))
def test_constructor_on_right_shapes_with_odd_entries(payoffs, players, strategies):
    construct_or_refuse(payoffs, players=players, strategies=strategies)


@pytest.mark.parametrize(
    ("payoffs", "error", "match"),
    [
        pytest.param([[[10**400, 0.5]], [[0, 1]]], ValueError, "too large", id="huge-int-float"),
        pytest.param([[[np.nan, 1]], [[0, 1]]], ValueError, "finite", id="nan"),
        pytest.param([[[True, 1]], [[0, 1]]], TypeError, "boolean", id="bool"),
        pytest.param([[["1", 1]], [[0, 1]]], TypeError, "string", id="string"),
        pytest.param([[[1, 2]], [[0]]], ValueError, "shape", id="ragged-players"),
        pytest.param([[[1, 2], [3]], [[0, 1], [2, 3]]], ValueError, "ragged", id="ragged-rows"),
        pytest.param([[[None, 1]], [[0, 1]]], TypeError, "NoneType", id="none"),
        pytest.param(
            [np.array([[1e4000]], dtype=np.longdouble), [[0]]]
            if np.finfo(np.longdouble).max > 1e4000
            else [[[float("inf")]], [[0]]],
            ValueError,
            "finite",
            id="longdouble-beyond-float",
        ),
    ],
)
def test_constructor_errors_name_the_problem(payoffs, error, match):
    with pytest.raises(error, match=match):
        NormalFormGame(payoffs)
