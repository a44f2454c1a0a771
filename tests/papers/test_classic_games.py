"""Best-response diagram data against hand-derived best responses and equilibria."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp

from games import classic
from games.normal_form import NormalFormGame
from papers.classic_games import best_response_data, draw_best_responses


def test_chicken_mixed_point_matches_the_closed_form() -> None:
    b, c = sp.Integer(4), sp.Integer(2)
    p = (b - c) / (b - c / 2)  # docs/models.md §a.5
    data = best_response_data(classic.chicken(b=4, c=2))
    assert data.equilibria == ((0, 1), (F(str(p)), F(str(p))), (1, 0))
    # row best response: Contribute (p = 1) when the other contributes with q < 2/3
    assert data.row_curve == ((1, 0), (1, F(2, 3)), (0, F(2, 3)), (0, 1))
    assert data.col_curve == ((0, 1), (F(2, 3), 1), (F(2, 3), 0), (1, 0))


def test_dominant_strategies_give_flat_best_responses() -> None:
    # prisoner's dilemma: defect (second strategy, p = 0) whatever the other does
    data = best_response_data(classic.prisoners_dilemma())
    assert data.row_curve == ((0, 0), (0, 1))
    assert data.col_curve == ((0, 0), (1, 0))
    assert data.equilibria == ((0, 0),)


def test_equilibria_lie_on_both_curves() -> None:
    data = best_response_data(classic.battle_of_the_sexes())
    # battle of the sexes (a=3, b=2): mixed equilibrium p = 3/5, q = 2/5
    assert (F(3, 5), F(2, 5)) in data.equilibria
    for p, q in data.equilibria:
        assert any(
            _on_segment((p, q), s, e)
            for s, e in zip(data.row_curve, data.row_curve[1:], strict=False)
        )
        assert any(
            _on_segment((p, q), s, e)
            for s, e in zip(data.col_curve, data.col_curve[1:], strict=False)
        )


def _on_segment(point, start, end) -> bool:
    (x, y), (x0, y0), (x1, y1) = point, start, end
    cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
    return cross == 0 and min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1)


def test_non_2x2_game_is_rejected() -> None:
    with pytest.raises(ValueError, match="2x2"):
        best_response_data(classic.rock_paper_scissors())


def test_everywhere_indifferent_player_is_reported() -> None:
    with pytest.raises(ValueError, match="indifferent"):
        best_response_data(NormalFormGame([[[1, 1], [1, 1]], [[2, 0], [0, 2]]]))


def test_draw_returns_a_figure_with_one_marker_per_equilibrium() -> None:
    data = best_response_data(NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]]))
    fig = draw_best_responses(data)
    markers = [line for line in fig.axes[0].lines if line.get_marker() == "o"]
    assert len(markers) == len(data.equilibria) == 3
