"""Bargaining solutions and cooperative allocations share the payoff half of the result shape."""

from __future__ import annotations

from fractions import Fraction as F

import sympy as sp

from games.coalitional import CoalitionalGame
from solvers.bargaining import nash_solution, polygon_frontier
from solvers.result import SolutionResult


def test_shapley_value_of_the_glove_game_in_every_number_form() -> None:
    # one left glove (player 0), two right gloves (1, 2): Shapley value (2/3, 1/6, 1/6)
    game = CoalitionalGame(["L", "R1", "R2"], lambda s: int("L" in s and len(s) >= 2))
    phi = game.shapley()
    assert isinstance(phi, SolutionResult)
    assert list(phi.payoffs) == [F(2, 3), F(1, 6), F(1, 6)]
    assert list(phi.to_dict(numbers="sympy").values()) == [
        sp.Rational(2, 3),
        sp.Rational(1, 6),
        sp.Rational(1, 6),
    ]
    assert list(phi.to_dict(numbers="float").values()) == [2 / 3, 1 / 6, 1 / 6]
    assert r"\frac{2}{3}" in phi.latex() and phi._repr_latex_().startswith("$")


def test_nash_bargaining_over_a_unit_pie_splits_it_in_half() -> None:
    s = nash_solution(polygon_frontier([(0, 1), (1, 0)]))
    assert isinstance(s, SolutionResult)
    assert s.payoffs_by_player() == {"player 1": sp.Rational(1, 2), "player 2": sp.Rational(1, 2)}
    assert s.to_dict(numbers="str")["payoffs"] == {"player 1": "1/2", "player 2": "1/2"}
    assert s.latex().count(r"\frac{1}{2}") == 2


def test_symbolic_solution_asked_for_floats_names_numbers() -> None:
    """A symbolic surplus J splits as (J/2, J/2); floats of it do not exist, and the
    error says which argument to change (it was sympy's 'Cannot convert expression')."""
    import pytest

    from games import BargainingProblem

    J = sp.Symbol("J", positive=True)
    s = BargainingProblem.transferable(J, (0, 0)).nash()
    assert s.to_dict(numbers="sympy")["payoffs"] == {"player 1": J / 2, "player 2": J / 2}
    with pytest.raises(ValueError, match=r"numbers='float'.*symbolic.*J"):
        s.to_dict(numbers="float")


def test_equilibria_render_as_html_tables_with_escaped_labels() -> None:
    from games import NormalFormGame

    # battle of the sexes: two pure equilibria and the mixed one (3/5, 2/5), (2/5, 3/5)
    g = NormalFormGame(
        [[[3, 0], [0, 2]], [[2, 0], [0, 3]]], strategies=[["<Opera>", "Fight"], ["O", "F"]]
    )
    page = g.equilibria()._repr_html_()
    assert "3 equilibria" in page and "complete" in page
    assert "3/5\u00b7&lt;Opera&gt; + 2/5\u00b7Fight" in page and "<Opera>" not in page
    partial = g.equilibria(method="lemke_howson")._repr_html_()
    assert "not necessarily all equilibria" in partial
    one = g.equilibria()[0]._repr_html_()
    assert one.startswith("<table>") and "payoffs" in one
