"""Classic games: their known equilibria (from the literature / derived here by hand or
with sympy inside the test), computed through ``NormalFormGame.equilibria()``."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction as F
from itertools import combinations

import numpy as np
import pytest
import sympy as sp

from games import classic
from games.normal_form import NormalFormGame


@dataclass(frozen=True)
class Case:
    game: NormalFormGame
    expected: frozenset  # of ((x_1, ..., x_m), (y_1, ..., y_n)) with Fractions


def profiles(*pairs) -> frozenset:
    return frozenset((tuple(map(F, x)), tuple(map(F, y))) for x, y in pairs)


def _coordination(n: int) -> frozenset:
    # both mix uniformly over any non-empty subset of options
    out = []
    for k in range(1, n + 1):
        for subset in combinations(range(n), k):
            x = tuple(F(1, k) if i in subset else F(0) for i in range(n))
            out.append((x, x))
    return frozenset(out)


CASES = [
    pytest.param(
        Case(classic.prisoners_dilemma(), profiles(((0, 1), (0, 1)))),
        id="prisoners-dilemma-1-equilibrium",
    ),
    pytest.param(
        Case(
            classic.chicken(),
            # docs/models.md §a.5: (C, F), (F, C) and p(C) = (b - c)/(b - c/2) = 2/3
            profiles(((1, 0), (0, 1)), ((0, 1), (1, 0)), ((F(2, 3), F(1, 3)),) * 2),
        ),
        id="chicken-3-equilibria",
    ),
    pytest.param(
        Case(
            classic.stag_hunt(),
            # docs/models.md §d.6: (S, S), (H, H) and p(Stay) = 2/3
            profiles(((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(2, 3), F(1, 3)),) * 2),
        ),
        id="stag-hunt-3-equilibria",
    ),
    pytest.param(
        Case(
            classic.battle_of_the_sexes(),
            # row mixes to make the column indifferent: 2x = 3(1 - x) -> x = 3/5
            profiles(((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(3, 5), F(2, 5)), (F(2, 5), F(3, 5)))),
        ),
        id="battle-of-sexes-3-equilibria",
    ),
    pytest.param(
        Case(classic.matching_pennies(), profiles(((F(1, 2), F(1, 2)),) * 2)),
        id="matching-pennies-1-equilibrium",
    ),
    pytest.param(
        Case(classic.matching_pennies(stake=F(7, 3)), profiles(((F(1, 2), F(1, 2)),) * 2)),
        id="matching-pennies-stake-7/3-1-equilibrium",
    ),
    pytest.param(
        Case(classic.rock_paper_scissors(), profiles(((F(1, 3),) * 3,) * 2)),
        id="rock-paper-scissors-1-equilibrium",
    ),
    pytest.param(
        Case(classic.rock_paper_scissors(win=2, lose=-1), profiles(((F(1, 3),) * 3,) * 2)),
        id="rock-paper-scissors-2-1-1-equilibrium",
    ),
    pytest.param(
        Case(classic.pure_coordination(), _coordination(2)),
        id="pure-coordination-2x2-3-equilibria",
    ),
    pytest.param(
        Case(classic.pure_coordination(3, payoff=5), _coordination(3)),
        id="pure-coordination-3x3-7-equilibria",
    ),
]


def _as_set(eqs) -> frozenset:
    return frozenset(tuple(tuple(F(p) for p in s) for s in eq.strategies) for eq in eqs)


@pytest.mark.parametrize("case", CASES)
def test_known_equilibria_exact(case: Case):
    eqs = case.game.equilibria()
    assert eqs.exact and eqs.complete
    assert _as_set(eqs) == case.expected
    assert all(eq.regret == 0 for eq in eqs)
    assert all(eq.players == case.game.players for eq in eqs)


@pytest.mark.parametrize("case", CASES)
def test_known_equilibria_float(case: Case):
    eqs = case.game.equilibria(exact=False)
    assert len(eqs) == len(case.expected)
    found = sorted(tuple(np.concatenate(eq.strategies)) for eq in eqs)
    expected = sorted(tuple(float(p) for s in prof for p in s) for prof in case.expected)
    np.testing.assert_allclose(found, expected, atol=1e-9)


def test_defaults_match_models_md():
    # docs/models.md §a.5: b = 4, c = 2 gives [[3, 2], [4, 0]]; d.6: Stay/Stay 3, Stay/Hedge 0,
    # Hedge 2
    A, B = classic.chicken().payoff_arrays(exact=True)
    assert A.tolist() == [[3, 2], [4, 0]] and (B == A.T).all()
    A, B = classic.stag_hunt().payoff_arrays(exact=True)
    assert A.tolist() == [[3, 0], [2, 2]] and (B == A.T).all()
    A, _ = classic.prisoners_dilemma().payoff_arrays(exact=True)
    assert A.tolist() == [[3, 0], [5, 1]]


def test_labels():
    assert classic.chicken().strategies == (("Contribute", "Free"),) * 2
    assert classic.stag_hunt().strategies == (("Stay", "Hedge"),) * 2
    assert classic.rock_paper_scissors().strategies[0] == ("Rock", "Paper", "Scissors")
    assert classic.pure_coordination(3).shape == (3, 3)


def test_chicken_accepts_fractions_and_floats():
    assert classic.chicken(F(9, 2), 3).payoff_arrays(exact=True)[0][0, 0] == F(3)
    assert classic.chicken(4.0, 1.0).kind == "float"


@pytest.mark.parametrize(
    ("factory", "kwargs", "name"),
    [
        pytest.param(classic.prisoners_dilemma, {"T": 2}, "T > R", id="pd-T-below-R"),
        pytest.param(classic.prisoners_dilemma, {"S": 2}, "P > S", id="pd-S-above-P"),
        pytest.param(classic.chicken, {"c": 0}, "c", id="chicken-free-task"),
        pytest.param(classic.chicken, {"b": 1, "c": 2}, "b > c", id="chicken-b-below-c"),
        pytest.param(classic.stag_hunt, {"hare": 4}, "stag > hare", id="stag-hunt-hare-best"),
        pytest.param(classic.stag_hunt, {"sucker": 2}, "hare > sucker", id="stag-hunt-sucker"),
        pytest.param(classic.battle_of_the_sexes, {"a": -1}, "a > 0", id="bos-negative"),
        pytest.param(classic.matching_pennies, {"stake": 0}, "stake > 0", id="pennies-zero"),
        pytest.param(classic.rock_paper_scissors, {"lose": 1}, "lose < 0", id="rps-lose"),
        pytest.param(classic.pure_coordination, {"n": 1}, "n >= 2", id="coordination-n"),
        pytest.param(classic.pure_coordination, {"payoff": 0}, "payoff > 0", id="coord-payoff"),
    ],
)
def test_out_of_domain_parameters_are_rejected(factory, kwargs, name):
    with pytest.raises(ValueError, match=name):
        factory(**kwargs)


def test_symbolic_domain_checked_where_decidable():
    c = sp.Symbol("c", negative=True)
    with pytest.raises(ValueError, match="positive cost"):
        classic.chicken(4, c)
    b = sp.Symbol("b")  # undecidable: accepted
    assert classic.chicken(b, 2).parameters == (b,)


def test_symbolic_chicken_mixed_probability():
    b, c = sp.symbols("b c", positive=True)
    eqs = classic.chicken(b, c).equilibria(assumptions=[b > c])
    mixed = [eq for eq in eqs if eq.supports == ((0, 1), (0, 1))]
    assert len(eqs) == 3 and len(mixed) == 1
    # independent derivation: the column is indifferent when
    # p (b - c/2) + (1 - p)(b - c) = p b
    p = sp.Symbol("p")
    (solution,) = sp.solve(sp.Eq(p * (b - c / 2) + (1 - p) * (b - c), p * b), p)
    assert sp.simplify(mixed[0].strategies[0][0] - solution) == 0
    assert sp.simplify(solution - (b - c) / (b - c / 2)) == 0


def test_symbolic_stag_hunt_mixed_probability():
    stag, sucker, hare = sp.symbols("stag sucker hare", positive=True)
    eqs = classic.stag_hunt(stag, sucker, hare).equilibria(
        assumptions=[stag > hare, hare > sucker]
    )
    mixed = [eq for eq in eqs if eq.supports == ((0, 1), (0, 1))]
    p = sp.Symbol("p")
    (solution,) = sp.solve(sp.Eq(p * stag + (1 - p) * sucker, hare), p)
    assert len(eqs) == 3
    assert sp.simplify(mixed[0].strategies[1][0] - solution) == 0
    assert sp.simplify(solution.subs({stag: 3, sucker: 0, hare: 2}) - sp.Rational(2, 3)) == 0


def test_symbolic_battle_of_the_sexes():
    a, b = sp.symbols("a b", positive=True)
    eqs = classic.battle_of_the_sexes(a, b).equilibria()
    mixed = next(eq for eq in eqs if eq.supports == ((0, 1), (0, 1)))
    assert len(eqs) == 3
    assert sp.simplify(mixed.strategies[0][0] - a / (a + b)) == 0
    assert sp.simplify(mixed.strategies[1][0] - b / (a + b)) == 0
