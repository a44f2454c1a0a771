"""solvers.continuous._stackelberg: leadership, exact and numeric, verified subgame perfect."""

from __future__ import annotations

import pytest
import sympy as sp

from solvers.continuous import ContinuousProblem
from solvers.continuous._stackelberg import stackelberg

R = sp.Rational


def test_stackelberg_duopoly_with_costs():
    # leader q1 = (a - 2c1 + c2)/2, follower q2 = (a + 2c1 - 3c2)/4 (textbook)
    q1, q2 = sp.symbols("q1 q2")
    A, C1, C2 = 20, 2, 4
    p = ContinuousProblem(
        (q1, q2),
        ((A - q1 - q2 - C1) * q1, (A - q1 - q2 - C2) * q2),
        ((0, None), (0, None)),
        players=("L", "F"),
    )
    eq = stackelberg(p, 0)
    assert eq.strategies == {"L": R(A - 2 * C1 + C2, 2), "F": R(A + 2 * C1 - 3 * C2, 4)}
    assert eq.exact and eq.subgame_perfect and eq.leader == "L"
    assert eq.response["F"].has(sp.Piecewise)
    d = eq.to_dict()
    assert d["subgame_perfect"] is True and "StackelbergEquilibrium" in repr(eq)


def test_leader_deters_entry():
    # with a high follower cost the leader's optimum keeps the follower out (corner)
    q1, q2 = sp.symbols("q1 q2")
    p = ContinuousProblem(
        (q1, q2), ((10 - q1 - q2) * q1, (10 - q1 - q2 - 6) * q2), ((0, None), (0, None))
    )
    eq = stackelberg(p, 0)
    # monopoly output 5 already leaves the follower a margin 10 - 5 - 6 < 0
    assert eq.strategies == {"player 0": 5, "player 1": 0}
    assert eq.subgame_perfect


def test_three_players_numeric():
    # one leader, two Cournot followers, demand 12 - Q: leader 6, followers 2 each
    x = sp.symbols("x0:3")
    p = ContinuousProblem(x, [(12 - sum(x)) * xi for xi in x], [(0, None)] * 3)
    eq = stackelberg(p, 0)
    assert not eq.exact and eq.subgame_perfect
    assert eq.strategies["player 0"] == pytest.approx(6, abs=1e-6)
    assert eq.strategies["player 1"] == pytest.approx(2, abs=1e-6)


def test_errors():
    q1, q2 = sp.symbols("q1 q2")
    p = ContinuousProblem((q1, q2), (-((q1 - q2) ** 2), -((q2 - 1) ** 2)), ((0, 2), (0, 2)))
    with pytest.raises(ValueError, match="leader must be"):
        stackelberg(p, 5)
    with pytest.raises(ValueError, match="method must be"):
        stackelberg(p, 0, method="guess")
    f = ContinuousProblem((q1, q2), (-((q1 - q2) ** 2), -((q2 - 0.5) ** 2)), ((0, 2), (0, 2)))
    with pytest.raises(ValueError, match="exact numbers"):
        stackelberg(f, 0, method="exact")
