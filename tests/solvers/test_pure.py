"""Pure equilibria of n-player games: hand-solved games, a brute-force oracle, invariances."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from solvers.finite import equilibria
from solvers.finite._pure import best_response_masks, pure_equilibria, pure_profiles
from solvers.verify import is_nash


def brute_force(payoffs: list[np.ndarray]) -> set[tuple[int, ...]]:
    """Oracle: loop over every profile and every unilateral deviation (exact compare)."""
    shape = payoffs[0].shape
    found = set()
    for profile in itertools.product(*(range(m) for m in shape)):
        stable = True
        for i, u in enumerate(payoffs):
            for t in range(shape[i]):
                dev = list(profile)
                dev[i] = t
                if u[tuple(dev)] > u[profile]:
                    stable = False
        if stable:
            found.add(profile)
    return found


def as_set(profiles: np.ndarray) -> set[tuple[int, ...]]:
    return {tuple(int(k) for k in p) for p in profiles}


@dataclass(frozen=True)
class Case:
    payoffs: list
    expected: set


def three_player(f) -> list[np.ndarray]:
    """Payoff arrays of shape (2, 2, 2) from f(i, profile)."""
    out = []
    for i in range(3):
        u = np.zeros((2, 2, 2), dtype=int)
        for p in itertools.product(range(2), repeat=3):
            u[p] = f(i, p)
        out.append(u)
    return out


def volunteer(i, p):
    # strategy 1 = volunteer (cost 1), everyone gets 2 if somebody volunteers
    return (2 if any(p) else 0) - p[i]


def majority(i, p):
    # payoff = number of the other players who chose the same as i
    return sum(p[j] == p[i] for j in range(3) if j != i)


PD = np.array([[3, 0], [5, 1]])
CASES = [
    # defect (1) strictly dominates cooperate (0) for both
    pytest.param(Case([PD, PD.T], {(1, 1)}), id="prisoners-dilemma-defect-defect"),
    # each player wants to match the other's favourite-or-not: both diagonal cells
    pytest.param(
        Case([np.array([[3, 0], [0, 2]]), np.array([[2, 0], [0, 3]])], {(0, 0), (1, 1)}),
        id="battle-of-sexes-two-pure",
    ),
    # chicken (0 = swerve, 1 = straight): exactly one goes straight
    pytest.param(
        Case([np.array([[3, 1], [4, 0]]), np.array([[3, 4], [1, 0]])], {(0, 1), (1, 0)}),
        id="chicken-one-straight",
    ),
    pytest.param(
        Case([np.array([[1, -1], [-1, 1]]), np.array([[-1, 1], [1, -1]])], set()),
        id="matching-pennies-none",
    ),
    # stag hunt: (stag, stag) and (hare, hare)
    pytest.param(
        Case([np.array([[4, 0], [3, 3]]), np.array([[4, 3], [0, 3]])], {(0, 0), (1, 1)}),
        id="stag-hunt-two-pure",
    ),
    pytest.param(
        Case([np.eye(3), np.eye(3)], {(0, 0), (1, 1), (2, 2)}), id="pure-coordination-3x3-diagonal"
    ),
    # rock-paper-scissors: every pure profile has a profitable deviation
    pytest.param(
        Case(
            [
                np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]),
                -np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]),
            ],
            set(),
        ),
        id="rock-paper-scissors-none",
    ),
    # volunteer's dilemma: nobody -> someone gains 1 by volunteering; two volunteers ->
    # either saves 1 by stopping; exactly one volunteer is stable (3 equilibria)
    pytest.param(
        Case(three_player(volunteer), {(1, 0, 0), (0, 1, 0), (0, 0, 1)}),
        id="3-player-volunteers-dilemma-one-volunteer",
    ),
    # majority game: any split leaves the minority player better off switching
    pytest.param(
        Case(three_player(majority), {(0, 0, 0), (1, 1, 1)}), id="3-player-majority-unanimity"
    ),
    # all payoffs equal: every profile is an equilibrium
    pytest.param(
        Case([np.zeros((2, 3)), np.zeros((2, 3))], set(itertools.product(range(2), range(3)))),
        id="constant-game-all",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_known_games(case):
    result = pure_equilibria(case.payoffs)
    assert {tuple(sup[0] for sup in eq.supports) for eq in result} == case.expected
    assert as_set(pure_profiles(case.payoffs)) == case.expected
    assert result.complete and result.method == "pure_equilibria"
    for eq in result:
        assert is_nash(case.payoffs, eq.strategies)
        assert eq.regret <= 0


@pytest.mark.parametrize("case", CASES)
def test_exact_fractions(case):
    exact = [np.vectorize(F, otypes=[object])(np.asarray(u, dtype=int)) for u in case.payoffs]
    result = pure_equilibria(exact)
    assert result.exact
    assert {tuple(sup[0] for sup in eq.supports) for eq in result} == case.expected
    for eq in result:
        assert eq.regret == 0 and eq.exact
        assert all(isinstance(p, F) for s in eq.strategies for p in s)


def test_three_player_payoffs_and_order():
    result = pure_equilibria(three_player(volunteer))
    # lexicographic order of profiles; the volunteer earns 1, the others 2
    assert [tuple(sup[0] for sup in eq.supports) for eq in result] == [
        (0, 0, 1),
        (0, 1, 0),
        (1, 0, 0),
    ]
    assert result[0].payoffs == (2.0, 2.0, 1.0)


def test_sympy_rationals_are_exact():
    half = sp.Rational(1, 2)
    A = np.array([[half, 0], [0, sp.Integer(1)]], dtype=object)
    result = pure_equilibria([A, A.T])
    assert result.exact and len(result) == 2
    assert result[0].payoffs == (F(1, 2), F(1, 2))


def test_near_tie_within_tolerance_is_a_best_response():
    # 1e-13 below the best is a tie at rtol=1e-9 with payoff range 1
    A = np.array([[1.0, 0.0], [1.0 - 1e-13, 0.0]])
    B = np.array([[1.0, 0.0], [1.0, 0.0]])
    assert as_set(pure_profiles([A, B])) == {(0, 0), (1, 0)}
    assert as_set(pure_profiles([A, B], rtol=1e-15)) == {(0, 0)}
    # the same game scaled by 1e6: the tie survives because the tolerance scales
    assert as_set(pure_profiles([A * 1e6, B * 1e6])) == {(0, 0), (1, 0)}


def test_best_response_masks_prisoners_dilemma():
    row, col = best_response_masks([PD, PD.T])
    assert row.tolist() == [[False, False], [True, True]]  # defect is always best
    assert col.tolist() == [[False, True], [False, True]]


def test_stacked_array_input():
    stacked = np.stack([PD, PD.T])
    assert as_set(pure_profiles(stacked)) == {(1, 1)}


def test_through_nash_entry_point():
    result = equilibria([PD, PD.T], method="pure_equilibria", exact=True)
    assert result.exact and [eq.supports for eq in result] == [((1,), (1,))]


@pytest.mark.parametrize(
    ("payoffs", "error", "match"),
    [
        pytest.param([np.zeros((2, 2))], ValueError, "at least 2 players", id="one-player"),
        pytest.param(
            [np.zeros((2, 2)), np.zeros((2, 3))], ValueError, "shape", id="shape-mismatch"
        ),
        pytest.param(
            [np.zeros((2, 2, 2)), np.zeros((2, 2, 2))],
            ValueError,
            "axes",
            id="axes-do-not-match-players",
        ),
        pytest.param(
            [np.array([[1.0, np.nan]]), np.zeros((1, 2))], ValueError, "finite", id="nan"
        ),
        pytest.param(
            [np.zeros((1, 2)), np.array([[np.inf, 0.0]])], ValueError, "finite", id="inf"
        ),
        pytest.param(
            [np.array([["a", "b"]]), np.zeros((1, 2))], TypeError, "non-numeric", id="strings"
        ),
        pytest.param(
            [np.array([[sp.Symbol("b"), 0]], dtype=object), np.array([[0, 0]], dtype=object)],
            ValueError,
            r"unbound symbols \['b'\]; bind them with .subs",
            id="unbound-symbol",
        ),
        pytest.param(
            [np.zeros((0, 2)), np.zeros((0, 2))],
            ValueError,
            "at least one strategy",
            id="empty-strategy-set",
        ),
        pytest.param("payoffs", TypeError, "sequence", id="a-string"),
    ],
)
def test_validation(payoffs, error, match):
    with pytest.raises(error, match=match):
        pure_equilibria(payoffs)


# ---------------------------------------------------------------- properties


@st.composite
def games(draw, max_players: int = 4):
    n = draw(st.integers(2, max_players))
    shape = tuple(draw(st.lists(st.integers(2, 6 if n == 2 else 3), min_size=n, max_size=n)))
    if draw(st.booleans()):
        elements = st.integers(-3, 3)  # small ints: many ties, many equilibria
        dtype = int
    else:
        # quarter-integers: exact in binary, so the oracle's exact comparisons apply
        elements = st.integers(-40, 40).map(lambda k: k / 4)
        dtype = float
    return [draw(arrays(dtype, shape, elements=elements)) for _ in range(n)]


@given(games())
def test_matches_brute_force_and_every_profile_is_nash(payoffs):
    result = pure_equilibria(payoffs)
    found = {tuple(sup[0] for sup in eq.supports) for eq in result}
    exact = [np.vectorize(F, otypes=[object])(u) for u in payoffs]
    assert found == brute_force(exact)
    for eq in result:
        assert is_nash(payoffs, eq.strategies)


@given(games(), st.data())
def test_relabelling_strategies_permutes_the_answer(payoffs, data):
    shape = payoffs[0].shape
    perms = [np.array(data.draw(st.permutations(range(m)))) for m in shape]
    permuted = [u[np.ix_(*perms)] for u in payoffs]  # new strategy k = old perms[i][k]
    before = as_set(pure_profiles(payoffs))
    after = as_set(pure_profiles(permuted))
    assert {tuple(int(perms[i][k]) for i, k in enumerate(p)) for p in after} == before


@given(games(), st.data())
def test_relabelling_players_permutes_the_answer(payoffs, data):
    n = len(payoffs)
    order = data.draw(st.permutations(range(n)))
    permuted = [np.transpose(payoffs[order[i]], order) for i in range(n)]
    after = as_set(pure_profiles(permuted))
    before = as_set(pure_profiles(payoffs))
    assert {tuple(p[order.index(j)] for j in range(n)) for p in after} == before


@given(games(), st.sampled_from([1e6, 1e-6, 3.0]), st.floats(-100, 100))
def test_positive_affine_rescaling_changes_nothing(payoffs, scale, shift):
    before = as_set(pure_profiles(payoffs))
    scaled = [np.asarray(u, dtype=float) * scale for u in payoffs]
    assert as_set(pure_profiles(scaled)) == before
    shifted = [np.asarray(u, dtype=float) + shift for u in payoffs]
    assert as_set(pure_profiles(shifted)) == before


def test_large_three_player_game_is_vectorized():
    rng = np.random.default_rng(7)
    payoffs = [rng.integers(0, 5, size=(25, 25, 25)) for _ in range(3)]
    masks = [
        u == u.max(axis=i, keepdims=True) for i, u in enumerate(payoffs)
    ]  # the definition, written out independently
    expected = {tuple(map(int, p)) for p in np.argwhere(masks[0] & masks[1] & masks[2])}
    assert as_set(pure_profiles(payoffs)) == expected
    assert len(pure_equilibria(payoffs)) == len(expected)


@given(st.integers(2, 5), st.integers(2, 5), st.data())
def test_arbitrary_floats_superset_of_exact_and_all_nash(m, n, data):
    # near-ties within the tolerance count as best responses: never fewer than exact
    values = st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False)
    payoffs = [data.draw(arrays(float, (m, n), elements=values)) for _ in range(2)]
    result = pure_equilibria(payoffs)
    found = {tuple(sup[0] for sup in eq.supports) for eq in result}
    exact = [np.vectorize(F, otypes=[object])(u) for u in payoffs]
    assert found >= brute_force(exact)
    for eq in result:
        assert is_nash(payoffs, eq.strategies)


def test_equilibria_of_a_game_object_says_how_to_call_it() -> None:
    """solvers.equilibria(game) with a NormalFormGame failed with "object of type
    'NormalFormGame' has no len()" from the input layer; the error now names payoffs and
    the fix (solvers never import games, so any object with ``.equilibria`` is meant)."""
    from solvers import equilibria

    class Game:
        payoffs = (np.eye(2), np.eye(2))

        def equilibria(self):  # pragma: no cover - never called
            raise AssertionError

    with pytest.raises(TypeError, match=r"payoffs must be .*game\.equilibria\(\)"):
        equilibria(Game())
    with pytest.raises(TypeError, match=r"payoffs must be"):
        equilibria(42)
