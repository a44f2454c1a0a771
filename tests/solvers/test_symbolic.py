"""Symbolic equilibria of two-player games (solvers.finite._symbolic)."""

from __future__ import annotations

import functools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games.normal_form import NormalFormGame
from solvers.finite._symbolic import METHOD, UndecidedConditionError, symbolic_equilibria
from solvers.finite._vertex import DegenerateGameWarning

b, c = sp.symbols("b c", positive=True)


def chicken_matrix():
    return np.array([[b - c / 2, b - c], [b, 0]], dtype=object)


def test_chicken_two_pure_and_one_mixed():
    A = chicken_matrix()
    eqs = symbolic_equilibria(A, A.T, assumptions=[b > c])
    assert eqs.method == METHOD and eqs.exact and eqs.complete and eqs.degenerate is False
    assert [eq.supports for eq in eqs] == [((0,), (1,)), ((1,), (0,)), ((0, 1), (0, 1))]
    mixed = eqs[2]
    for s in mixed.strategies:
        assert sp.simplify(s[0] - (b - c) / (b - c / 2)) == 0
        assert sp.simplify(s[0] + s[1] - 1) == 0
    # pure equilibria: (Contribute, Free) pays (b - c, b)
    assert [sp.simplify(v - w) for v, w in zip(eqs[0].payoffs, (b - c, b), strict=True)] == [0, 0]
    assert all(eq.regret == 0 and eq.exact and eq.method == METHOD for eq in eqs)


def test_mixed_payoff_is_the_indifference_value():
    A = chicken_matrix()
    mixed = symbolic_equilibria(A, A.T, assumptions=[c < b])[2]
    p = (b - c) / (b - c / 2)
    # contributing against p: p (b - c/2) + (1 - p)(b - c)
    assert sp.simplify(mixed.payoffs[0] - (p * (b - c / 2) + (1 - p) * (b - c))) == 0


def test_undecided_condition_is_named():
    A = chicken_matrix()
    with pytest.raises(UndecidedConditionError) as info:
        symbolic_equilibria(A, A.T)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.condition == sp.GreaterThan(b, c, evaluate=False)
    assert "b >= c" in str(err) and ".subs(" in str(err) and "assumption" in str(err)


def test_undecided_through_the_game_object():
    x = sp.Symbol("x")  # no assumptions at all
    g = NormalFormGame([[[x, 0], [0, 1]], [[1, 0], [0, 1]]])
    with pytest.raises(UndecidedConditionError, match="x"):
        g.equilibria()
    # deciding it makes the game solvable: x > 0 gives three equilibria, x < 0 one
    assert len(g.equilibria(assumptions=[x > 0])) == 3
    assert [eq.supports for eq in g.equilibria(assumptions=[x < 0])] == [((1,), (1,))]


@functools.cache
def _symbolic_chicken():
    A = chicken_matrix()
    return symbolic_equilibria(A, A.T, assumptions=[b > c])


@given(
    st.fractions(min_value=F(1, 10), max_value=10, max_denominator=20),
    st.fractions(min_value=F(1, 10), max_value=10, max_denominator=20),
)
def test_symbolic_agrees_with_numeric_after_subs(cost, surplus):
    A = chicken_matrix()
    eqs = _symbolic_chicken()
    values = {b: sp.Rational(cost + surplus), c: sp.Rational(cost)}
    symbolic = sorted(
        tuple(F(str(p.subs(values))) for s in eq.strategies for p in s) for eq in eqs
    )
    game = NormalFormGame.from_bimatrix(A, A.T).subs(values)
    numeric = sorted(tuple(F(p) for s in eq.strategies for p in s) for eq in game.equilibria())
    assert symbolic == numeric


def test_through_normal_form_game_with_labels():
    g = NormalFormGame.from_bimatrix(
        chicken_matrix(),
        chicken_matrix().T,
        players=("US", "Ally"),
        strategies=(("Pay", "Shirk"), ("Pay", "Shirk")),
    )
    eqs = g.equilibria(assumptions=[b > c])
    assert eqs.method == METHOD
    assert eqs[0].to_dict()["supports"] == {"US": ["Pay"], "Ally": ["Shirk"]}
    assert "b > c" in " ".join(eqs.notes)


def test_degenerate_game_lists_extreme_equilibria_and_warns():
    t = sp.Symbol("t", positive=True)
    A = np.array([[t, t], [0, 0]], dtype=object)  # row 0 dominant; column indifferent
    with pytest.warns(DegenerateGameWarning):
        eqs = symbolic_equilibria(A, A)
    assert eqs.degenerate is True
    assert [eq.supports for eq in eqs] == [((0,), (0,)), ((0,), (1,))]


def test_rock_paper_scissors_unique_for_all_parameters():
    win, loss = sp.symbols("win loss", positive=True)
    A = np.array([[0, -loss, win], [win, 0, -loss], [-loss, win, 0]], dtype=object)
    eqs = symbolic_equilibria(A, A.T)
    assert len(eqs) == 1
    assert eqs[0].strategies[0].tolist() == [sp.Rational(1, 3)] * 3


def test_irrational_constants_are_solved_exactly():
    r2 = sp.sqrt(2)
    g = NormalFormGame([[[r2, 0], [0, 1]], [[1, 0], [0, r2]]])
    eqs = g.equilibria(exact=True)
    assert eqs.method == METHOD and len(eqs) == 3
    mixed = eqs[2]
    # column indifferent: x = r2 (1 - x) -> x = r2/(1 + r2)
    assert sp.simplify(mixed.strategies[0][0] - r2 / (1 + r2)) == 0
    floats = g.equilibria()  # default for irrational payoffs: float arithmetic
    assert not floats.exact and len(floats) == 3


def test_multiple_and_chained_assumptions():
    a, d, e = sp.symbols("a d e")
    # row: a vs d; column: e vs 0. Needs a > d and e > 0 to decide
    A = np.array([[a, a], [d, d]], dtype=object)
    B = np.array([[e, 0], [e, 0]], dtype=object)
    eqs = symbolic_equilibria(A, B, assumptions=[a > d, e > 0])
    assert [eq.supports for eq in eqs] == [((0,), (0,))]
    eqs = symbolic_equilibria(A, B, assumptions=[(d < a) & (0 < e)])
    assert len(eqs) == 1


@pytest.mark.parametrize(
    ("assumptions", "error", "match"),
    [
        pytest.param(["b > c"], TypeError, "string", id="string"),
        pytest.param([sp.Eq(b, c)], TypeError, "inequality", id="equality"),
        pytest.param([b > c, c > b], ValueError, "contradict", id="contradiction"),
        pytest.param([sp.Symbol("b") > c], ValueError, "same sympy Symbol", id="other-symbol"),
        pytest.param([False], ValueError, "False", id="false"),
    ],
)
def test_bad_assumptions(assumptions, error, match):
    A = chicken_matrix()
    with pytest.raises(error, match=match):
        symbolic_equilibria(A, A.T, assumptions=assumptions)


def test_bad_matrices():
    with pytest.raises(ValueError, match="shape"):
        symbolic_equilibria([[b, c]], [[b], [c]])
    with pytest.raises(TypeError, match="not a number"):
        symbolic_equilibria([["b", c]], [[b, c]])


def test_game_object_routes_and_guards():
    g = NormalFormGame.from_bimatrix(chicken_matrix(), chicken_matrix().T)
    with pytest.raises(ValueError, match="subs"):
        g.equilibria(exact=False)
    with pytest.raises(ValueError, match="symbolic_equilibria"):
        g.equilibria(method="vertex_enumeration", assumptions=[b > c])
    numeric = g.subs(b=4, c=2)
    with pytest.raises(ValueError, match=r"this game has none"):
        numeric.equilibria(assumptions=[b > c])
    three = NormalFormGame([np.full((2, 2, 2), b, dtype=object)] * 3)
    with pytest.raises(ValueError, match="two-player"):
        three.equilibria()
