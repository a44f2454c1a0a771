"""Zero-sum games by LP, one-matrix input, one-player games and the default's size check."""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import (
    EnumerationTooLargeError,
    equilibria,
    is_zero_sum,
    vertex_enumeration,
    zero_sum_lp,
)
from solvers.result import DegenerateGameWarning


def kuhn_poker() -> np.ndarray:
    """Kuhn (1950) poker in normal form, player 1's payoffs (27 x 64), built from the rules:
    cards J < Q < K, ante 1, bet 1. Player 1 per card: bet, or check then call / fold if
    bet to. Player 2 per card: (against a bet: call / fold, against a check: bet / check)."""
    p1 = list(itertools.product(("bet", "check-call", "check-fold"), repeat=3))
    p2 = list(itertools.product(itertools.product(("call", "fold"), ("bet", "check")), repeat=3))
    A = np.empty((27, 64), dtype=object)
    for a, s1 in enumerate(p1):
        for b, s2 in enumerate(p2):
            total = F(0)
            for c1, c2 in itertools.permutations((1, 2, 3), 2):
                win = 1 if c1 > c2 else -1
                act, (on_bet, on_check) = s1[c1 - 1], s2[c2 - 1]
                if act == "bet":
                    u = 2 * win if on_bet == "call" else 1
                elif on_check == "check":
                    u = win
                else:
                    u = 2 * win if act == "check-call" else -1
                total += F(u, 6)
            A[a, b] = total
    return A


def exact_values(A, x, y):
    m, n = A.shape
    row = [sum(A[i, j] * y[j] for j in range(n)) for i in range(m)]
    col = [sum(A[i, j] * x[i] for i in range(m)) for j in range(n)]
    return min(col), max(row)


def test_kuhn_poker_by_default_value_minus_one_eighteenth() -> None:
    A = kuhn_poker()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        eqs = equilibria(A, exact=True)  # one matrix: nashpy's Game(A) convention
    assert eqs.method == "zero_sum_lp" and eqs.complete and len(eqs) > 1
    for eq in eqs:
        x, y = eq.strategies
        guaranteed, conceded = exact_values(A, x, y)
        assert guaranteed == conceded == F(-1, 18)  # both optimal: value -1/18 (Kuhn 1950)
        assert eq.regret == 0


def test_kuhn_poker_known_optimal_family_guarantees_the_value() -> None:
    # Kuhn's player-1 optimum: bet J with prob a, K with 3a, never Q; call with Q w.p. a+1/3,
    # always with K, never with J. In normal form (independent per card) for a = 0 and 1/3:
    A = kuhn_poker()
    p1 = list(itertools.product(("bet", "check-call", "check-fold"), repeat=3))
    for a in (F(0), F(1, 3)):
        per_card = [
            {"bet": a, "check-call": F(0), "check-fold": 1 - a},
            {"bet": F(0), "check-call": a + F(1, 3), "check-fold": F(2, 3) - a},
            {"bet": 3 * a, "check-call": 1 - 3 * a, "check-fold": F(0)},
        ]
        x = [per_card[0][s[0]] * per_card[1][s[1]] * per_card[2][s[2]] for s in p1]
        assert min(sum(A[i, j] * x[i] for i in range(27)) for j in range(64)) == F(-1, 18)


zero_sum_games = st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 3)).flatmap(
    lambda s: st.lists(
        st.lists(st.integers(-s[2], s[2]), min_size=s[1], max_size=s[1]),
        min_size=s[0],
        max_size=s[0],
    )
)


@settings(max_examples=60)
@given(zero_sum_games)
def test_lp_extreme_points_equal_vertex_enumeration(A) -> None:
    # few payoff values: degenerate games with sets of equilibria are drawn on purpose
    A = np.array([[F(v) for v in row] for row in A], dtype=object)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        lp = zero_sum_lp(A, exact=True)
        ve = vertex_enumeration(A, -A, exact=True)
    key = lambda eqs: sorted((tuple(e.strategies[0]), tuple(e.strategies[1])) for e in eqs)  # noqa: E731
    assert key(lp) == key(ve)
    assert all(eq.regret == 0 for eq in lp)


def test_one_matrix_and_detected_zero_sum_agree() -> None:
    A = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])  # rock-paper-scissors
    one = equilibria(A, exact=True)
    two = equilibria([A, 5 - A], exact=True)  # constant-sum: same equilibria
    assert one.method == two.method == "zero_sum_lp"
    third = (F(1, 3),) * 3
    assert [tuple(s) for s in one[0].strategies] == [third, third]
    assert [tuple(s) for s in two[0].strategies] == [third, third]
    assert is_zero_sum(A, 5 - A) and not is_zero_sum(A, A)


def test_zero_sum_lp_refuses_a_general_game() -> None:
    with pytest.raises(ValueError, match="zero-sum"):
        zero_sum_lp(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]))


@pytest.mark.parametrize("exact", [False, True], ids=["float", "exact"])
def test_one_player_game_returns_the_pure_optima(exact) -> None:
    eqs = equilibria([[3, 1, 3]], exact=exact)
    assert [eq.supports for eq in eqs] == [((0,),), ((2,),)]
    assert all(eq.payoffs == (3,) and eq.regret == 0 for eq in eqs)
    assert eqs.complete and "convex hull" in eqs.notes[0]


def test_default_refuses_a_huge_enumeration_and_names_alternatives() -> None:
    rng = np.random.default_rng(0)
    A, B = rng.random((25, 25)), rng.random((25, 25))
    with pytest.raises(EnumerationTooLargeError, match="lemke_howson_all_labels"):
        equilibria([A, B])
    assert len(equilibria([A, B], method="lemke_howson_all_labels")) >= 1
