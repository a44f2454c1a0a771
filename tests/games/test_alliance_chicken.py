"""Lumpy burden sharing as Chicken (docs/models.md §a.5)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from games.alliance import lumpy_task


def test_models_example_b4_c2() -> None:
    m = lumpy_task(4, 2)
    assert m.payoffs[0].tolist() == [[3, 2], [4, 0]]
    assert m.payoffs[1].tolist() == [[3, 4], [2, 0]]
    assert m.mixed_probability == sp.Rational(2, 3)
    eqs = m.equilibria()
    assert eqs.exact and eqs.complete and len(eqs) == 3
    assert all(eq.regret == 0 for eq in eqs)
    pure = {tuple(tuple(s) for s in eq.strategies) for eq in eqs[:2]}
    assert pure == {((1, 0), (0, 1)), ((0, 1), (1, 0))}
    mixed = eqs[2]
    assert tuple(mixed.strategies[0]) == (sp.Rational(2, 3), sp.Rational(1, 3))
    assert mixed.payoffs == (sp.Rational(8, 3), sp.Rational(8, 3))


def test_sympy_indifference_derivation() -> None:
    """The column player's mix p makes the row player indifferent."""
    b, c, p = sp.symbols("b c p", positive=True)
    contribute = p * (b - c / 2) + (1 - p) * (b - c)
    free = p * b
    sol = sp.solve(sp.Eq(contribute, free), p)
    assert len(sol) == 1
    assert sp.simplify(sol[0] - (b - c) / (b - c / 2)) == 0
    cf = lumpy_task().closed_forms
    assert sp.simplify(cf["mixed_contribute_probability"] - sol[0]) == 0
    for bv, cv in [(5, 1), (sp.Rational(7, 2), 3), (10, 9)]:
        assert lumpy_task(bv, cv).mixed_probability == sol[0].subs({b: bv, c: cv})


def test_float_inputs() -> None:
    m = lumpy_task(4.0, 2.0)
    eqs = m.equilibria()
    assert not eqs.exact
    assert eqs[2].strategies[0][0] == pytest.approx(2 / 3)
    assert all(eq.regret <= eqs.tolerance for eq in eqs)


def test_free_riding_summary() -> None:
    s = lumpy_task(4, 2).free_riding()
    assert s.corner_share == pytest.approx(1 / 3)
    assert s.nash_total == pytest.approx(1 - (1 / 3) ** 2)  # task done with prob 8/9
    assert s.exploitation_index is None and np.isnan(s.rank_correlation)


def test_normal_form_game_agrees() -> None:
    pytest.importorskip("games.normal_form")
    m = lumpy_task(4, 2)
    found = m.game.equilibria()
    probs = sorted(float(eq.strategies[0][0]) for eq in found)
    assert probs == pytest.approx([0.0, 2 / 3, 1.0])


@pytest.mark.parametrize(
    ("b", "c", "match"),
    [
        pytest.param(2, 2, "c must be below b", id="c-equals-b"),
        pytest.param(1, 3, "c must be below b", id="c-above-b"),
        pytest.param(4, 0, "c must be > 0", id="c-zero"),
        pytest.param(float("inf"), 1, "finite", id="b-inf"),
    ],
)
def test_bad_input(b, c, match) -> None:
    with pytest.raises(ValueError, match=match):
        lumpy_task(b, c)
