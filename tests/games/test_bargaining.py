"""games.bargaining.BargainingProblem: constructors, protocols and their closed forms."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from games import BargainingProblem, NormalFormGame
from games.bargaining import PROTOCOLS

R = sp.Rational


def test_battle_of_the_sexes_from_its_game() -> None:
    """Security levels: row mixes (2/5, 3/5) to guarantee 6/5 (3p = 2(1-p)); the frontier
    is the segment (3, 2)-(2, 3), symmetric about the diagonal, so Nash = KS = (5/2, 5/2)."""
    bos = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]], players=("A", "B"))
    p = BargainingProblem.from_game(bos)
    assert p.disagreement == (R(6, 5), R(6, 5))
    assert p.players == ("A", "B")
    assert p.nash().payoffs == (R(5, 2), R(5, 2))
    assert p.kalai_smorodinsky().payoffs == (R(5, 2), R(5, 2))


def test_symbolic_transferable_utility_and_weights() -> None:
    J, b = sp.symbols("J beta", positive=True)
    p = BargainingProblem.transferable(J)
    assert p.parameters == (J,)
    assert p.nash().payoffs == (J / 2, J / 2)
    assert p.subs(J=6).nash().payoffs == (3, 3)
    assert p.subs({J: 6}).fixed_threat((F(2, 3), F(1, 3))).payoffs == (4, 2)
    sol = p.nash((b, 1 - b)).payoffs
    assert sp.simplify(sol[0] - b * J) == 0


def test_frontier_problem_protocols_agree_with_hand_derivations() -> None:
    """u2 = 1 - u1**2: Nash at u1 = 1/sqrt(3) (max u(1-u**2)); KS on the diagonal (ideal
    point (1, 1)): u = 1 - u**2."""
    u = sp.Symbol("u")
    p = BargainingProblem.from_frontier(1 - u**2, u, (0, 1), players=("US", "EU"))
    assert p.nash().payoffs == (1 / sp.sqrt(3), R(2, 3))
    (ks,) = [r for r in sp.solve(u - (1 - u**2), u) if r > 0]
    assert sp.simplify(p.kalai_smorodinsky().payoffs[0] - ks) == 0
    assert p.ideal_point() == (1, 1)
    assert repr(p.nash()).startswith("BargainingSolution(US vs EU")


@settings(max_examples=30, deadline=None)
@given(
    j=st.fractions(1, 20),
    d=st.tuples(st.fractions(-5, 5), st.fractions(-5, 5)),
    w=st.tuples(st.integers(1, 9), st.integers(1, 9)),
)
def test_transferable_split_is_threat_plus_weighted_surplus(j, d, w) -> None:
    gain = j - d[0] - d[1]
    if gain < 0:
        with pytest.raises(ValueError, match="outside the feasible set"):
            BargainingProblem.transferable(j, d)
        return
    p = BargainingProblem.transferable(j, d)
    s = p.nash(w)
    if gain == 0:
        assert not s.agreement and s.payoffs == (R(d[0]), R(d[1]))
        return
    w1 = F(w[0], w[0] + w[1])
    assert s.payoffs == (R(d[0] + w1 * gain), R(d[1] + (1 - w1) * gain))
    assert p.fixed_threat(w).payoffs == s.payoffs


def test_variable_threat_from_a_game() -> None:
    """Player 1's threat 'hurt' costs it 1 and player 2 four: M = (D1 - D2)/2 has a saddle
    at (hurt, col 2): threat point (-1, -3), split of J = 4 gives (3, 1)."""
    g = NormalFormGame([[[0, 0], [-1, -1]], [[0, 1], [-4, -3]]])
    s = BargainingProblem.transferable(4).variable_threat(g)
    assert s.payoffs == (3, 1) and s.details["threat_point"] == (-1, -3)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_protocol_runs_by_name(protocol) -> None:
    p = BargainingProblem.transferable(1)
    kwargs = {
        "weighted_nash": {"weights": (1, 2)},
        "rubinstein": {"delta1": F(9, 10), "delta2": F(9, 10)},
        "rubinstein_limit": {"rates": (1, 1)},
        "outside_option": {"options": (F(1, 5), 0)},
        "threat_point": {"options": (F(1, 5), 0)},
    }.get(protocol, {})
    s = p.solve(protocol, **kwargs)
    assert s.exact and sum(s.payoffs) == 1


def test_rubinstein_shares_through_the_problem() -> None:
    p = BargainingProblem.transferable(1)
    assert p.rubinstein(F(9, 10), F(4, 5)).payoffs == (R(5, 7), R(2, 7))
    assert p.rubinstein_limit((1, 3)).payoffs == (R(3, 4), R(1, 4))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        pytest.param(
            lambda: BargainingProblem.transferable(1, (1, 1)),
            ValueError,
            "outside the feasible set",
            id="infeasible-d",
        ),
        pytest.param(
            lambda: BargainingProblem.transferable(1).solve("haggle"),
            ValueError,
            "unknown protocol",
            id="unknown-protocol",
        ),
        pytest.param(
            lambda: BargainingProblem.from_points([(0, 1), (1, 0)]).fixed_threat(),
            ValueError,
            "transferable utility",
            id="fixed-threat-needs-tu",
        ),
        pytest.param(
            lambda: BargainingProblem.transferable("1"), TypeError, "number", id="string-surplus"
        ),
        pytest.param(
            lambda: BargainingProblem.from_game(NormalFormGame([[[[1]]], [[[1]]], [[[1]]]])),
            ValueError,
            "two-player",
            id="three-players",
        ),
    ],
)
def test_bad_input(call, error, message) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("d", [(1,), (0, 0, 0), None, 5, "ab"])
def test_transferable_disagreement_must_be_a_pair(d) -> None:
    """A wrong disagreement point is named at the boundary (it raised IndexError or
    'object of type int has no len()' from inside the constructor)."""
    with pytest.raises(ValueError, match=r"disagreement must be a pair"):
        BargainingProblem.transferable(F(8, 3), d)
