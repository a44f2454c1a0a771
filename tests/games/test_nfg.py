"""Gambit .nfg reading and writing (games.normal_form._nfg and NormalFormGame's nfg methods)."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games.normal_form import (
    NFGLabelWarning,
    NFGParseError,
    NormalFormGame,
    decode_nfg,
    parse_nfg,
)

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
    assert back.kind == "exact" and back == g and g == back
    assert back.payoff_arrays(exact=True)[0][0, 0] == F(1, 10)  # the decimal, exactly
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
    # non-empty: an empty label is renamed on reading, as Gambit does (tested separately)
    label = st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6
    )
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
            GOOD.replace("7 8\n", "7\n"),
            4,
            "2 players with 2x2 strategies need 8 payoffs, but the file has only 7",
            id="too-few-payoffs",
        ),
        pytest.param(
            GOOD.replace("7 8", "7 8 9"), 5, "end of the file.*found '9'", id="too-many-payoffs"
        ),
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


# ---------------------------------------------------------------- hardening (issue 9)

HEAD = 'NFG 1 R "t" { "A" "B" }\n{ 1 2 }\n'


@pytest.mark.parametrize(
    ("text", "line", "match"),
    [
        pytest.param(HEAD + "1 1e999999999 2 3", 3, "too large or too precise", id="huge-exp"),
        pytest.param(HEAD + "1 1e-999999999 2 3", 3, "too large or too precise", id="tiny-exp"),
        pytest.param(HEAD + "1 2 3 4e4001", 3, "more than 4000 digits", id="exp-over-limit"),
        pytest.param(HEAD + "1 2 3 " + "7" * 4001, 3, "4000 digits", id="long-integer"),
        pytest.param(HEAD + "1 2 3 1/" + "7" * 4001, 3, "4000 digits", id="long-denominator"),
        pytest.param(HEAD + "1 2\n3 " + "9" * 20_000, 4, "20000 characters", id="long-token"),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 100000 100000 }\n1 2 3',
            3,
            "2 players with 100000x100000 strategies need 20000000000 payoffs, but the file "
            "has only 3",
            id="huge-header",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1e3000 2 }\n1 2',
            3,
            r"about 10\^3000x2 strategies",
            id="astronomical-count",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 100000 100000 }\n{ { "" 1 2 } }\n1 1',
            3,
            "need 10000000000 outcome numbers",
            id="huge-header-outcomes",
        ),
        pytest.param(
            'NFG 1 R "t" { ' + '"p" ' * 33 + "}\n{ }",
            1,
            "33 players: at most 32",
            id="too-many-players",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 2000 2000 }\n{ { "" 1 2 } }\n' + "1 " * 4_000_000,
            2,
            "8000000 payoff entries; at most 4000000",
            id="too-many-entries",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ { "x" { "y" } }\n1 2',
            2,
            "expected a quoted strategy label or '}', found '{'",
            id="strategy-label-message",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 }\n{ { "o" 1,, 2 } }\n1',
            3,
            "two commas in a row",
            id="double-comma",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 }\n{ { "o" , 1 2 } }\n1',
            3,
            "expected payoff 1 of outcome 1 or '}' closing the outcome, found ','",
            id="leading-comma",
        ),
        pytest.param(
            'NFG 1 R "t" { "A" "B" }\n{ 1 1 1 }\n1 2',
            2,
            "expected '}' closing the strategies of the 2 players, found '1'",
            id="too-many-counts",
        ),
        pytest.param(HEAD + "1 2 3 ½", 3, "found '½'", id="unicode-digit"),
        pytest.param(HEAD + "1 2 3 ５", 3, "found '５'", id="fullwidth-digit"),
        pytest.param(HEAD + "1 2 3 nan", 3, "found 'nan'", id="nan"),
        pytest.param(HEAD + "1 2 3 1_000", 3, "found '1_000'", id="underscore"),
        pytest.param("", 1, "end of file: expected 'NFG'", id="empty"),
        pytest.param("\ufeff", 1, "end of file: expected 'NFG'", id="only-bom"),
    ],
)
def test_hostile_input_is_refused_with_the_line(text, line, match):
    with pytest.raises(NFGParseError, match=match) as info:
        NormalFormGame.from_nfg(text)
    assert info.value.line == line


def test_no_message_says_strategie():
    with pytest.raises(NFGParseError) as info:
        parse_nfg('NFG 1 R "t" { "A" "B" } { { "x" } { 3 } }')
    assert "strategie " not in str(info.value) and "strategy label" in str(info.value)


def test_numbers_at_the_limits_are_exact():
    big, small = "9" * 3999, "1/" + "3" * 4000
    text = HEAD + f"1e3999 -2.5e-3997 {big} {small}"
    A, B = NormalFormGame.from_nfg(text).payoff_arrays(exact=True)
    assert A[0, 0] == 10**3999 and B[0, 0] == F(-25, 10**3998)
    assert A[0, 1] == 10**3999 - 1 and B[0, 1] == F(1, int("3" * 4000))
    assert parse_nfg(HEAD + "0e999999999999 0.000 .5 5.").payoffs[1].tolist() == [[F(0), F(5)]]


def test_trailing_comma_after_the_last_payoff_is_accepted_as_in_gambit():
    text = 'NFG 1 R "t" { "A" "B" }\n{ 1 2 }\n{ { "o" 1, 2, } { "p" 3, 4 } }\n1 2'
    A, B = NormalFormGame.from_nfg(text).payoff_arrays(exact=True)
    assert A.tolist() == [[1, 3]] and B.tolist() == [[2, 4]]


def test_byte_order_mark_is_skipped():
    assert NormalFormGame.from_nfg("\ufeff" + GOOD) == NormalFormGame.from_nfg(GOOD)


def test_files_utf8_with_bom_and_latin1(tmp_path):
    text = GOOD.replace('"A"', '"Café"')
    utf8, latin1 = tmp_path / "utf8.nfg", tmp_path / "latin1.nfg"
    utf8.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    latin1.write_bytes(text.encode("latin-1"))
    for path in (utf8, latin1):
        g = NormalFormGame.read_nfg(path)
        assert g.players == ("Café", "B")
        assert g == NormalFormGame.from_nfg(GOOD.replace('"A"', '"Café"'))
    assert NormalFormGame.from_nfg(text.encode("latin-1")).players == ("Café", "B")
    assert decode_nfg(b"\xff\xfe") == "ÿþ"  # any bytes decode (then fail to parse)
    with pytest.raises(NFGParseError, match="expected 'NFG'"):
        NormalFormGame.from_nfg(b"\xff\xfeN\x00F\x00G\x00")


@pytest.mark.parametrize(
    ("labels", "renamed"),
    [
        pytest.param(["", ""], ["_1", "_2"], id="two-empty"),
        pytest.param(["x", ""], ["x", "_1"], id="one-empty"),
        pytest.param(["d", "d"], ["d_1", "d_2"], id="repeated"),
        pytest.param(["x", "x", "x_1"], ["x_2", "x_3", "x_1"], id="suffix-taken"),
        pytest.param(["a", "b", "a", "_1", ""], ["a_1", "b", "a_2", "_1", "_2"], id="mixed"),
    ],
)
def test_empty_and_repeated_labels_are_renamed_as_gambit_does(labels, renamed):
    # Gambit's NormalizeLabels (src/games/file.cc): an empty or repeated label becomes
    # label_k with k the next number whose label is not already in the list
    quoted = " ".join(f'"{lab}"' for lab in labels)
    text = f'NFG 1 R "t" {{ {quoted} }}\n{{ {" ".join("1" for _ in labels)} }}\n'
    text += " ".join("0" for _ in labels)
    with pytest.warns(NFGLabelWarning, match="renamed as Gambit does"):
        assert NormalFormGame.from_nfg(text).players == tuple(renamed)
    strategies = f'NFG 1 R "t" {{ "A" "B" }}\n{{ {{ {quoted} }} {{ "y" }} }}\n'
    strategies += " ".join("0 0" for _ in labels)
    with pytest.warns(NFGLabelWarning, match="strategy labels of player 1"):
        g = NormalFormGame.from_nfg(strategies)
    assert g.strategies == (tuple(renamed), ("y",))


def test_gambit_file_with_two_unnamed_players(gambit_file):
    with pytest.warns(NFGLabelWarning, match="player names"):
        g = NormalFormGame.read_nfg(gambit_file("contrib_games_sww1.nfg"))
    assert g.players == ("_1", "_2") and g.shape == (2, 2)
    # payoff version, player 1 fastest: (1,1) 4 3, (2,1) 0 0, (1,2) 4 3, (2,2) 6 2
    A, B = g.payoff_arrays(exact=True)
    assert A.tolist() == [[4, 4], [0, 6]] and B.tolist() == [[3, 3], [0, 2]]


def test_gambit_file_with_a_repeated_strategy_label(gambit_file):
    with pytest.warns(NFGLabelWarning, match="'defect' -> 'defect_1'"):
        g = NormalFormGame.read_nfg(
            gambit_file("tests_test_games_2x2_bimatrix_all_zero_payoffs.nfg")
        )
    assert g.players == ("Joe", "Dan")
    assert g.strategies == (("cooperate", "defect"), ("defect_1", "defect_2"))
    assert all((u == 0).all() for u in g.payoff_arrays(exact=True))


@pytest.mark.parametrize(
    "name",
    [
        "catalog_journals_ijgt_nau2004_sec6.nfg",
        "contrib_games_2x2x2.nfg",
        "contrib_games_2x2x2x2x2.nfg",
        "contrib_games_3x3x3.nfg",
        "contrib_games_5x4x3.nfg",
        "contrib_games_8x2x2.nfg",
        "contrib_games_coord333.nfg",
        "contrib_games_g3.nfg",
    ],
)
def test_every_gambit_file_reads(gambit_file, name):
    path = gambit_file(name)
    g = NormalFormGame.read_nfg(path)
    # the title's "AxBxC" (or the file name's) gives the shape
    words = {"2x2x2": (2, 2, 2), "3x3x3": (3, 3, 3), "5x4x3": (5, 4, 3), "8x2x2": (8, 2, 2)}
    words |= {"2x2x2x2x2": (2,) * 5, "coord333": (3, 3, 3), "g3": (2,) * 4, "sec6": (2, 2, 4)}
    assert g.shape == words[name.removesuffix(".nfg").split("_")[-1]]
    assert g.kind == "exact"
    assert NormalFormGame.from_nfg(g.to_nfg()) == g


def test_from_nfg_reads_gambit_decimals_exactly(gambit_file):
    g = NormalFormGame.read_nfg(gambit_file("contrib_games_3x3x3.nfg"))
    # first outcome { "" 1.131000, 1.210000, 2.426000 } is profile (1, 1, 1)
    assert [u[0, 0, 0] for u in g.payoff_arrays(exact=True)] == [
        F(1131, 1000),
        F(121, 100),
        F(1213, 500),
    ]


@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=8, max_size=8)
)
def test_round_trip_float_games_compare_equal(values):
    g = NormalFormGame([np.reshape(values[:4], (2, 2)), np.reshape(values[4:], (2, 2))])
    back = NormalFormGame.from_nfg(g.to_nfg())
    assert back.kind == "exact" and back == g
    np.testing.assert_array_equal(back.payoff_arrays(exact=False)[0], g.payoffs[0])


def test_float_and_exact_games_compare_by_the_nearest_float():
    exact = NormalFormGame([[[F(1, 3), 1]], [[0, 1]]])
    assert exact == NormalFormGame([[[1 / 3, 1]], [[0, 1]]])
    assert exact != NormalFormGame([[[0.3333, 1]], [[0, 1]]])
    beyond = NormalFormGame([[[10**400, 1]], [[0, 1]]])
    assert beyond != NormalFormGame([[[1e308, 1.0]], [[0, 1]]])  # no overflow


def test_parse_errors_pickle():
    import pickle

    err = NFGParseError(7, "expected a payoff, found 'x'")
    back = pickle.loads(pickle.dumps(err))
    assert back.line == 7 and str(back) == str(err)
