"""NormalFormGame: validation, storage kinds, parameters, conversion, solving."""

from __future__ import annotations

from fractions import Fraction as F

import nashpy
import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games.normal_form import NormalFormGame

PD = [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]


# ----------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("payoffs", "kwargs", "error", "match"),
    [
        pytest.param([[[1, 2]]], {}, ValueError, "at least two players", id="one-player"),
        pytest.param([], {}, ValueError, "at least two players", id="no-players"),
        pytest.param([[[1, 2], [3]], [[1, 2], [3, 4]]], {}, ValueError, "ragged", id="ragged-row"),
        pytest.param(
            [[[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]]],
            {},
            ValueError,
            r"payoffs\[1\] has shape \(2, 3\)",
            id="mismatched-shapes",
        ),
        pytest.param(
            [[1, 2], [3]],
            {},
            ValueError,
            r"ragged.*payoffs\[1\].*zero-sum",
            id="ragged-one-matrix",
        ),
        pytest.param([[1, 2], [3, "4"]], {}, TypeError, "string", id="one-matrix-string"),
        pytest.param([[[1, 2], [3, 4]], [1, 2]], {}, ValueError, "1 axes", id="matrix-and-vector"),
        pytest.param(
            [np.zeros((2, 2))] * 3,
            {},
            ValueError,
            "3 players needs 3 arrays",
            id="arrays-vs-players",
        ),
        pytest.param(
            [np.zeros((2, 0)), np.zeros((2, 0))],
            {},
            ValueError,
            "at least one",
            id="empty-strategy-set",
        ),
        pytest.param([[[1, float("nan")]], [[1, 2]]], {}, ValueError, "finite", id="nan"),
        pytest.param([[[1, np.inf]], [[1, 2]]], {}, ValueError, "finite", id="inf"),
        pytest.param([[[1, sp.oo]], [[1, 2]]], {}, ValueError, "finite", id="sympy-oo"),
        pytest.param([[[1, "2"]], [[1, 2]]], {}, TypeError, "string", id="string-entry"),
        pytest.param([[[1, True]], [[1, 2]]], {}, TypeError, "boolean", id="bool-entry"),
        pytest.param(
            [np.array([[True, False]]), np.array([[1, 2]])],
            {},
            TypeError,
            "boolean",
            id="bool-array",
        ),
        pytest.param([[[1, 1j]], [[1, 2]]], {}, TypeError, "complex", id="complex-entry"),
        pytest.param([[[1, sp.I]], [[1, 2]]], {}, ValueError, "real", id="sympy-imaginary"),
        pytest.param([[[1, None]], [[1, 2]]], {}, TypeError, "NoneType", id="none-entry"),
        pytest.param(
            [[[1, sp.Symbol("x") > 1]], [[1, 2]]],
            {},
            TypeError,
            "not a sympy",
            id="relational-entry",
        ),
        pytest.param(
            [np.array([["a", "b"]]), np.array([[1, 2]])],
            {},
            TypeError,
            "strings",
            id="string-array",
        ),
        pytest.param("payoffs", {}, TypeError, "sequence", id="payoffs-string"),
        pytest.param(
            PD, {"players": ("A",)}, ValueError, "players has 1 labels", id="too-few-players"
        ),
        pytest.param(PD, {"players": ("A", "A")}, ValueError, "duplicate", id="dup-players"),
        pytest.param(PD, {"players": ("A", 2)}, TypeError, "strings", id="player-not-str"),
        pytest.param(PD, {"players": "AB"}, TypeError, "string", id="players-string"),
        pytest.param(
            PD,
            {"strategies": (("C", "D"),)},
            ValueError,
            "1 label lists",
            id="strategies-one-player",
        ),
        pytest.param(
            PD,
            {"strategies": (("C",), ("C", "D"))},
            ValueError,
            "1 labels",
            id="strategy-labels-short",
        ),
        pytest.param(
            PD,
            {"strategies": (("C", "C"), ("C", "D"))},
            ValueError,
            "duplicate",
            id="dup-strategies",
        ),
    ],
)
def test_validation_errors(payoffs, kwargs, error, match):
    with pytest.raises(error, match=match):
        NormalFormGame(payoffs, **kwargs)


def test_from_bimatrix_validation():
    with pytest.raises(ValueError, match="A must be a matrix"):
        NormalFormGame.from_bimatrix([1, 2], [[1, 2]])
    with pytest.raises(ValueError, match="shape"):
        NormalFormGame.from_bimatrix([[1, 2]], [[1, 2], [3, 4]])


# ----------------------------------------------------------------------------- storage


def test_storage_kinds():
    exact = NormalFormGame([[[1, F(1, 2)]], [[sp.Rational(3, 4), np.int64(2)]]])
    assert exact.kind == "exact" and exact.is_exact
    assert exact.payoff_arrays(True)[1].tolist() == [[F(3, 4), F(2)]]
    assert exact.payoff_arrays(False)[0].dtype == np.float64
    floats = NormalFormGame([[[1, 0.5]], [[2, 3]]])
    assert floats.kind == "float" and floats.payoffs[0].dtype == np.float64
    assert floats.payoff_arrays(True)[0].tolist() == [[F(1), F(1, 2)]]
    x = sp.Symbol("x")
    symbolic = NormalFormGame([[[x, 1]], [[2, F(1, 3)]]])
    assert symbolic.kind == "symbolic"
    assert symbolic.payoffs[1][0, 1] == sp.Rational(1, 3)


def test_sympy_matrices_are_accepted():
    b, c = sp.symbols("b c", positive=True)
    A = sp.Matrix([[b - c / 2, b - c], [b, 0]])
    g = NormalFormGame([A, A.T])
    assert g.shape == (2, 2) and g.payoffs[1][0, 1] == b
    assert NormalFormGame.from_bimatrix(A, A.T) == g


def test_payoffs_are_read_only_and_copies_are_fresh():
    g = NormalFormGame(PD)
    with pytest.raises(ValueError):
        g.payoffs[0][0, 0] = 7
    arrays = g.payoff_arrays(exact=True)
    arrays[0][0, 0] = 7
    assert g.payoffs[0][0, 0] == 3


def test_exact_mode_rejects_irrational_and_unbound():
    g = NormalFormGame([[[sp.sqrt(2), 0]], [[0, 1]]])
    assert g.parameters == ()
    assert g.payoff_arrays(False)[0][0, 0] == pytest.approx(2**0.5)
    with pytest.raises(ValueError, match="irrational"):
        g.payoff_arrays(True)
    t = sp.Symbol("t")
    with pytest.raises(ValueError, match=r"unbound parameters \(t\).*subs"):
        NormalFormGame([[[t, 0]], [[0, 1]]]).payoff_arrays(False)


# ----------------------------------------------------------------------------- parameters


def test_parameters_sorted_and_subs():
    z, a, m = sp.symbols("z a m", positive=True)
    g = NormalFormGame([[[z, a], [m, 0]], [[1, 2], [3, 4]]])
    assert g.parameters == (a, m, z)
    bound = g.subs({a: 1, "m": F(1, 2)}, z=3)
    assert bound.kind == "exact" and bound.parameters == ()
    assert bound.payoff_arrays(True)[0].tolist() == [[3, 1], [F(1, 2), 0]]
    partly = g.subs(z=a + 1)
    assert partly.parameters == (a, m)
    assert g.subs(a=0.5, m=1, z=2).kind == "float"
    assert g.subs() == g


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        pytest.param((), {"q": 1}, ValueError, "unknown parameter 'q'", id="unknown-name"),
        pytest.param(
            ({sp.Symbol("a"): 1},),
            {},
            ValueError,
            "not a parameter",
            id="same-name-other-assumptions",
        ),
        pytest.param(({"a": 1},), {"a": 2}, ValueError, "twice", id="bound-twice"),
        pytest.param((), {"a": "1"}, TypeError, "string", id="string-value"),
        pytest.param((), {"a": True}, TypeError, "boolean", id="bool-value"),
        pytest.param(({1: 2},), {}, TypeError, "keys", id="bad-key"),
    ],
)
def test_subs_errors(args, kwargs, error, match):
    a = sp.Symbol("a", positive=True)
    g = NormalFormGame([[[a, 0]], [[0, 1]]])
    with pytest.raises(error, match=match):
        g.subs(*args, **kwargs)


def test_subs_on_numeric_game_rejects_names():
    with pytest.raises(ValueError, match="parameters: none"):
        NormalFormGame(PD).subs(b=1)


# ----------------------------------------------------------------------------- repr


def test_repr_is_a_table():
    g = NormalFormGame(PD, players=("Row", "Col"), strategies=(("C", "D"), ("C", "D")), name="PD")
    lines = repr(g).splitlines()
    assert lines[0] == "NormalFormGame 'PD': 'Row' x 'Col' (2x2, exact)"
    assert lines[1].split() == ["Col:", "C", "D"]
    assert lines[2].split() == ["Row:", "C", "3,", "3", "0,", "5"]
    assert lines[3].split() == ["D", "5,", "0", "1,", "1"]


def test_repr_three_players_and_large():
    g = NormalFormGame([np.zeros((2, 2, 2))] * 3)
    text = repr(g)
    assert "[P3=s1]" in text and "[P3=s2]" in text
    big = repr(NormalFormGame([np.zeros((20, 3))] * 2))
    assert "12 more rows" in big


# ----------------------------------------------------------------------------- nashpy


def test_nashpy_round_trip():
    g = NormalFormGame(PD)
    ng = g.to_nashpy()
    assert isinstance(ng, nashpy.Game)
    np.testing.assert_array_equal(ng.payoff_matrices[0], [[3, 0], [5, 1]])
    back = NormalFormGame.from_nashpy(ng)
    assert back == g and back.kind == "exact"
    floats = NormalFormGame([[[0.5, 1]], [[2, 3]]])
    assert NormalFormGame.from_nashpy(floats.to_nashpy()) == floats
    fractional = NormalFormGame([[[F(1, 2), 1]], [[2, 3]]]).to_nashpy()
    assert fractional.payoff_matrices[0].dtype == np.float64


def test_nashpy_guards():
    with pytest.raises(ValueError, match="two-player"):
        NormalFormGame([np.zeros((2, 2, 2))] * 3).to_nashpy()
    with pytest.raises(TypeError, match=r"nashpy\.Game"):
        NormalFormGame.from_nashpy([[1, 2]])


def test_nashpy_agrees_on_equilibria():
    rng = np.random.default_rng(3)
    A, B = rng.integers(-5, 6, size=(2, 4, 4))
    g = NormalFormGame.from_bimatrix(A, B)
    ours = sorted(
        tuple(np.round(np.concatenate(eq.strategies).astype(float), 9)) for eq in g.equilibria()
    )
    theirs = sorted(
        tuple(np.round(np.concatenate(eq), 9)) for eq in g.to_nashpy().vertex_enumeration()
    )
    np.testing.assert_allclose(ours, theirs, atol=1e-8)


# ----------------------------------------------------------------------------- solving


def _three_player_game() -> NormalFormGame:
    """Players 1 and 2 choose 0/1 and want to match; player 3 guesses their sum (0, 1, 2).

    u1 = u2 = [s1 == s2] + [s1 == s2 == 1 and s3 == 2];  u3 = 2 [s3 == s1 + s2].
    """
    u = np.zeros((3, 2, 2, 3), dtype=int)
    for s1 in range(2):
        for s2 in range(2):
            for s3 in range(3):
                match = int(s1 == s2) + int(s1 == s2 == 1 and s3 == 2)
                u[0][s1, s2, s3] = u[1][s1, s2, s3] = match
                u[2][s1, s2, s3] = 2 * int(s3 == s1 + s2)
    return NormalFormGame(
        list(u),
        players=("one", "two", "guesser"),
        strategies=(("0", "1"), ("0", "1"), ("0", "1", "2")),
    )


def test_three_player_pure_equilibria_by_hand():
    # By hand: the guesser's unique best reply is s3 = s1 + s2. With s1 != s2 either of
    # players 1, 2 gains by matching, so only (0, 0, 0) and (1, 1, 2) can survive; at
    # both, switching makes players 1 and 2 mismatch (payoff 0 < 1 or 2) and the guesser
    # already guesses right. Payoffs: (1, 1, 2) and (2, 2, 2).
    g = _three_player_game()
    eqs = g.pure_equilibria()
    assert [eq.supports for eq in eqs] == [((0,), (0,), (0,)), ((1,), (1,), (2,))]
    assert [tuple(eq.payoffs) for eq in eqs] == [(1, 1, 2), (2, 2, 2)]
    assert eqs[1].to_dict()["supports"] == {"one": ["1"], "two": ["1"], "guesser": ["2"]}
    assert g.is_nash(("1", "1", "2")) and not g.is_nash(("0", "1", "1"))
    assert [int(r) for r in g.regret(("0", "1", "1"))] == [1, 1, 0]


def test_cyclic_three_player_game_has_no_pure_equilibrium():
    # player 1 matches 2, player 2 matches 3, player 3 mismatches 1: the three wishes
    # s1 = s2 = s3 != s1 cannot all hold, and each player's payoff depends on one other
    # player only, so some player always gains by switching.
    u = np.zeros((3, 2, 2, 2), dtype=int)
    for s in np.ndindex(2, 2, 2):
        u[0][s] = int(s[0] == s[1])
        u[1][s] = int(s[1] == s[2])
        u[2][s] = int(s[2] != s[0])
    assert len(NormalFormGame(list(u)).pure_equilibria()) == 0


def test_equilibria_keep_solver_metadata_and_labels():
    g = NormalFormGame(PD, players=("Row", "Col"), strategies=(("C", "D"), ("C", "D")))
    eqs = g.equilibria()
    assert eqs.exact and eqs.complete and eqs.method == "vertex_enumeration"
    assert eqs[0].to_dict()["supports"] == {"Row": ["D"], "Col": ["D"]}
    floats = g.equilibria(exact=False)
    assert not floats.exact and floats.tolerance is not None


def test_is_nash_and_regret_profiles():
    g = NormalFormGame(PD)
    assert g.is_nash([1, 1]) and g.is_nash([[0, 1], [0.0, 1.0]])
    assert not g.is_nash([[F(1, 2), F(1, 2)], [0, 1]])
    assert [r for r in g.regret([[F(1, 2), F(1, 2)], "s2"])] == [F(1, 2), 0]
    with pytest.raises(ValueError, match="not a strategy"):
        g.regret(("s1", "nope"))
    with pytest.raises(ValueError, match="one entry per player"):
        g.regret(("s1",))
    with pytest.raises(ValueError, match="strategy index"):
        g.regret((0, 5))


@st.composite
def permuted_games(draw):
    m, n = draw(st.integers(2, 4)), draw(st.integers(2, 4))
    entries = st.lists(st.integers(-9, 9), min_size=m * n, max_size=m * n)
    A = np.array(draw(entries)).reshape(m, n)
    B = np.array(draw(entries)).reshape(m, n)
    rows = draw(st.permutations(range(m)))
    cols = draw(st.permutations(range(n)))
    return A, B, list(rows), list(cols)


@given(permuted_games())
def test_relabelling_strategies_permutes_the_answer(case):
    A, B, rows, cols = case
    labels = ([f"r{i}" for i in range(A.shape[0])], [f"c{j}" for j in range(A.shape[1])])
    g = NormalFormGame.from_bimatrix(A, B, strategies=labels)
    permuted = NormalFormGame.from_bimatrix(
        A[np.ix_(rows, cols)],
        B[np.ix_(rows, cols)],
        strategies=([labels[0][i] for i in rows], [labels[1][j] for j in cols]),
    )
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate draws warn; the answer must still match
        original, relabelled = g.equilibria(), permuted.equilibria()

    def by_label(eqs):
        return sorted(
            sorted(
                (name, lab, str(p))
                for name, probs in eq.to_dict()["strategies"].items()
                for lab, p in probs.items()
            )
            for eq in eqs
        )

    assert by_label(original) == by_label(relabelled)


def test_dominance_delegates():
    # prisoner's dilemma: Defect strictly dominates Cooperate for both players
    result = NormalFormGame(PD).dominance()
    assert result.surviving == ((1,), (1,))
    # matching pennies: nothing is dominated
    pennies = NormalFormGame([[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]])
    assert pennies.dominance(mixed=False).surviving == ((0, 1), (0, 1))
    with pytest.raises(ValueError, match="unbound"):
        NormalFormGame([[[sp.Symbol("t"), 0]], [[0, 1]]]).dominance()


def test_equality():
    assert NormalFormGame(PD) == NormalFormGame.from_bimatrix(*PD)
    assert NormalFormGame(PD) != NormalFormGame(PD, players=("a", "b"))
    assert NormalFormGame(PD).__eq__(3) is NotImplemented


@pytest.mark.parametrize(
    ("payoffs", "kwargs", "error", "hint"),
    [
        pytest.param(
            np.zeros((3, 3, 2)), {}, ValueError, "from_payoff_profiles", id="profiles-3x3"
        ),
        pytest.param(
            np.zeros((2, 2, 2, 3)), {}, ValueError, "from_payoff_profiles", id="profiles-3-players"
        ),
        pytest.param([[[1, 2], [3, 4]]], {}, ValueError, r"\[A, -A\]", id="one-matrix-in-list"),
        pytest.param([1, 2, 3], {}, ValueError, "flat list", id="flat"),
        pytest.param(
            [[1, 2], [3, 4]],
            {"players": [[4, 3], [2, 1]]},
            TypeError,
            r"players looks like a payoff matrix.*from_bimatrix",
            id="nashpy-habit",
        ),
    ],
)
def test_layout_errors_name_the_layout_and_the_fix(payoffs, kwargs, error, hint) -> None:
    with pytest.raises(error, match=hint) as info:
        NormalFormGame(payoffs, **kwargs)
    if error is ValueError:
        assert "one payoff array per player" in str(info.value)


def test_profile_layout_two_by_two_is_read_per_player_as_documented() -> None:
    """QuantEcon's 2x2 example fits both layouts; NormalFormGame reads one array per
    player, from_payoff_profiles the profiles (the Notes of NormalFormGame say so)."""
    raw = [[[3, 2], [1, 1]], [[0, 0], [2, 3]]]
    per_player = NormalFormGame(raw).payoff_arrays(exact=True)
    profiles = NormalFormGame.from_payoff_profiles(raw).payoff_arrays(exact=True)
    assert per_player[0].tolist() == [[3, 2], [1, 1]]
    assert profiles[0].tolist() == [[3, 1], [0, 2]]


# ----------------------------------------------------------------- one matrix, symmetric


def test_one_matrix_is_zero_sum_like_nashpy() -> None:
    # nashpy: Game(A) with one matrix is the zero-sum game (A, -A)
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]  # rock-paper-scissors
    peer = nashpy.Game(np.array(A))
    ours = NormalFormGame(A)
    assert ours == NormalFormGame.zero_sum(A) == NormalFormGame.from_bimatrix(A, -np.array(A))
    assert [u.tolist() for u in ours.payoff_arrays(exact=False)] == [
        m.tolist() for m in peer.payoff_matrices
    ]
    assert NormalFormGame(np.array(A)) == ours
    eqs = ours.equilibria()  # value 0, unique equilibrium (1/3, 1/3, 1/3) for both
    assert eqs.method == "zero_sum_lp" and eqs.complete and len(eqs) == 1
    assert [list(s) for s in eqs[0].strategies] == [[F(1, 3)] * 3] * 2


def test_zero_sum_one_row_and_errors() -> None:
    g = NormalFormGame.zero_sum([[3, 1, 2]])  # the column player picks the smallest loss
    assert g.shape == (1, 3)
    assert [eq.supports for eq in g.equilibria()] == [((0,), (1,))]
    with pytest.raises(ValueError, match=r"A must be a matrix.*shape \(3,\)"):
        NormalFormGame.zero_sum([1, 2, 3])
    with pytest.raises(ValueError, match="zero_sum"):
        NormalFormGame([[3, 1, 2]])  # one row: ambiguous with a one-player game


def test_symmetric_game() -> None:
    g = NormalFormGame.symmetric([[3, 0], [5, 1]], strategies=["C", "D"])
    assert g == NormalFormGame(PD, strategies=[["C", "D"], ["C", "D"]])
    assert g.strategies == (("C", "D"), ("C", "D"))
    hawk_dove = NormalFormGame.symmetric([[-1, 4], [0, 2]])  # V = 4, C = 6: hawk with 2/3
    mixed = [eq for eq in hawk_dove.equilibria() if len(eq.supports[0]) == 2]
    assert [list(s) for s in mixed[0].strategies] == [[F(2, 3), F(1, 3)]] * 2
    with pytest.raises(ValueError, match=r"A must be a square matrix.*\(2, 3\)"):
        NormalFormGame.symmetric([[1, 2, 3], [4, 5, 6]])
