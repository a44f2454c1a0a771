"""Gambit .nfg reading and writing (games.normal_form._nfg and NormalFormGame's nfg methods)."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games.normal_form import NormalFormGame
from games.normal_form._nfg import NFGParseError, parse_nfg

# Gambit's documented sample (e02.nfg): Selten (IJGT 1975), Figure 2, in both versions
PAYOFF_VERSION = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
{ "Player 1" "Player 2" } { 3 2 }

1 1 0 2 0 2 1 1 0 3 2 0
"""

OUTCOME_VERSION = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

{
{ "1" "2" "3" }
{ "1" "2" }
}

{
{ "" 1, 1 }
{ "" 0, 2 }
{ "" 0, 2 }
{ "" 1, 1 }
{ "" 0, 3 }
{ "" 2, 0 }
}
1 2 3 4 5 6
"""

# by hand: player 1's strategy changes fastest, so the list reads profiles
# (1,1) (2,1) (3,1) (1,2) (2,2) (3,2)
SELTEN_A = [[1, 1], [0, 0], [0, 2]]
SELTEN_B = [[1, 1], [2, 3], [2, 0]]


@pytest.mark.parametrize("text", [PAYOFF_VERSION, OUTCOME_VERSION], ids=["payoff", "outcome"])
def test_gambit_sample(text):
    g = NormalFormGame.from_nfg(text)
    A, B = g.payoff_arrays(exact=True)
    assert A.tolist() == SELTEN_A and B.tolist() == SELTEN_B
    assert g.players == ("Player 1", "Player 2")
    assert g.strategies == (("1", "2", "3"), ("1", "2"))
    assert g.name == "Selten (IJGT, 75), Figure 2, normal form"


def test_three_players_order_and_null_outcome():
    text = """NFG 1 R "3p" { "a" "b" "c" } { { "x" "y" } { "u" "v" } { "p" "q" } } "note"
    { { "o1" 1 2 3 } { "o2" 4, 5, 6 } }
    1 0 0 0 0 0 0 2"""
    data = parse_nfg(text)
    assert data.comment == "note"
    u = data.payoffs
    assert [u[i][0, 0, 0] for i in range(3)] == [1, 2, 3]
    assert [u[i][1, 1, 1] for i in range(3)] == [4, 5, 6]
    assert all(u[i][1, 0, 0] == 0 for i in range(3))  # null outcome


def test_numbers_are_exact():
    text = 'NFG 1 R "" { "1" "2" } { 1 2 } 3/2 -0.1 1e-3 -2/4'
    A, B = NormalFormGame.from_nfg(text).payoff_arrays(exact=True)
    assert A.tolist() == [[F(3, 2), F(1, 1000)]]
    assert B.tolist() == [[F(-1, 10), F(-1, 2)]]


def test_escaped_quotes_and_backslashes_in_labels():
    g = NormalFormGame(
        [[[1, 2]], [[3, 4]]],
        players=('say "hi"', "back\\slash"),
        strategies=(("a b",), ("{x}", "y,z")),
        name='the "game"',
    )
    text = g.to_nfg()
    assert NormalFormGame.from_nfg(text) == g
    assert NormalFormGame.from_nfg(text).name == 'the "game"'


def test_write_and_read_files(tmp_path):
    g = NormalFormGame(
        [[[F(1, 3), 2], [3, 4]], [[0, -1], [F(-7, 2), 5]]], players=("r", "c"), name="file"
    )
    path = tmp_path / "g.nfg"
    g.write_nfg(path, comment="made by a test")
    assert "made by a test" in path.read_text()
    assert NormalFormGame.read_nfg(path) == g


def test_floats_are_written_so_that_they_read_back_to_the_same_float():
    g = NormalFormGame([[[0.1, 1e-7]], [[2.5, -3.0]]])
    back = NormalFormGame.from_nfg(g.to_nfg())
    assert back.kind == "exact"
    np.testing.assert_array_equal(back.payoff_arrays(exact=False)[0], [[0.1, 1e-7]])
    np.testing.assert_array_equal(back.payoff_arrays(exact=False)[1], [[2.5, -3.0]])


def test_unbound_parameters_cannot_be_written():
    t = sp.Symbol("t")
    with pytest.raises(ValueError, match="unbound parameters"):
        NormalFormGame([[[t, 0]], [[0, 1]]]).to_nfg()
    with pytest.raises(ValueError, match="irrational"):
        NormalFormGame([[[sp.sqrt(2), 0]], [[0, 1]]]).to_nfg()


exact_numbers = st.one_of(
    st.integers(-(10**6), 10**6),
    st.fractions(min_value=-1000, max_value=1000, max_denominator=10**4),
)


@st.composite
def games(draw):
    n = draw(st.integers(2, 3))
    shape = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    size = int(np.prod(shape))
    payoffs = [
        np.array(
            draw(st.lists(exact_numbers, min_size=size, max_size=size)), dtype=object
        ).reshape(shape)
        for _ in range(n)
    ]
    label = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
    players = draw(st.lists(label, min_size=n, max_size=n, unique=True))
    strategies = [draw(st.lists(label, min_size=m, max_size=m, unique=True)) for m in shape]
    name = draw(label)
    return NormalFormGame(payoffs, players=players, strategies=strategies, name=name)


@given(games())
def test_round_trip_exact_games(game):
    back = NormalFormGame.from_nfg(game.to_nfg())
    assert back == game
    assert back.name == game.name
    assert all(
        (a == b).all()
        for a, b in zip(back.payoff_arrays(True), game.payoff_arrays(True), strict=True)
    )


GOOD = 'NFG 1 R "t" { "A" "B" }\n{ 2 2 }\n""\n1 2 3 4\n5 6 7 8\n'


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        pytest.param("EFG 2 R", 1, "expected 'NFG'", id="not-nfg"),
        pytest.param('NFG 2 R "t"', 1, "version", id="version"),
        pytest.param(
            'NFG 1 R\n"t" { "A" }\n{ 2 }\n1 2', 2, "at least two players", id="one-player"
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 2 2 2 }\n',
            2,
            "2 players but strategies",
            id="strategy-count",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 2 0 }\n', 2, "positive integer", id="zero-strategies"
        ),
        pytest.param(
            GOOD.replace("7 8\n", "7\n"), 6, "end of file.*payoff 8 of 8", id="too-few-payoffs"
        ),
        pytest.param(GOOD.replace("7 8", "7 8 9"), 5, "unexpected '9'", id="too-many-payoffs"),
        pytest.param(GOOD.replace("5 6", "5 x6"), 5, "found 'x6'", id="bad-number"),
        pytest.param(GOOD.replace("1 2 3", "1 2/0 3"), 4, "division by zero", id="div-zero"),
        pytest.param(GOOD.replace("1 2 3", "1, 2 3"), 4, "found ','", id="stray-comma"),
        pytest.param('NFG 1 R "t { "A" "B" }', 1, "unterminated", id="unterminated-label"),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ { "x" } { "y" }\n',
            3,
            "end of file",
            id="unbalanced-braces",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 }\n{ { "o" 1 2 } }\n\n2',
            5,
            "outcome number 2",
            id="outcome-out-of-range",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 }\n{\n{ "o" 1 2 3 }\n}\n1',
            4,
            "outcome 1 has 3 payoffs",
            id="outcome-payoff-count",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 }\n{ { "o" 1 2 } }\n1.5',
            4,
            "outcome number",
            id="outcome-not-integer",
        ),
    ],
)
def test_malformed_files_name_the_line(text, line, match):
    with pytest.raises(NFGParseError, match=match) as info:
        NormalFormGame.from_nfg(text)
    assert info.value.line == line
    assert str(info.value).startswith(f"line {line}:")
    assert isinstance(info.value, ValueError)


def test_good_reference_parses():
    A, B = NormalFormGame.from_nfg(GOOD).payoff_arrays(exact=True)
    assert A.tolist() == [[1, 5], [3, 7]] and B.tolist() == [[2, 6], [4, 8]]


def test_non_text_input():
    with pytest.raises(TypeError, match="str"):
        parse_nfg(b"NFG 1 R")
