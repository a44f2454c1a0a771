"""Iterated strict dominance: textbook games, replayed steps, no equilibrium lost, order."""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linprog

from solvers.finite._dominance import iterated_elimination
from solvers.finite._pure import pure_profiles
from solvers.finite._vertex import DegenerateGameWarning, vertex_enumeration
from solvers.verify import is_nash


def exact(u) -> np.ndarray:
    return np.vectorize(F, otypes=[object])(np.asarray(u))


def replay(payoffs, result) -> None:
    """Independent check of every step on the original game (exact arithmetic)."""
    payoffs = [exact(u) for u in payoffs]
    n = len(payoffs)
    alive = [set(range(m)) for m in payoffs[0].shape]
    for step in result.steps:
        i, s = step.player, step.strategy
        assert s in alive[i], f"{step} deletes a strategy that is already gone"
        weights = {t: F(w) for t, w in enumerate(step.dominator) if w != 0}
        assert set(weights) <= alive[i] - {s}, f"{step} uses deleted strategies"
        assert min(weights.values()) > 0
        if result.exact:
            assert sum(weights.values()) == 1
        else:
            assert abs(sum(weights.values()) - 1) < 1e-12
        others = [sorted(alive[j]) if j != i else [None] for j in range(n)]
        for prof in itertools.product(*others):

            def cell(t, prof=prof, i=i):
                return tuple(t if j == i else prof[j] for j in range(n))

            value = sum(w * payoffs[i][cell(t)] for t, w in weights.items())
            if result.exact:
                assert value > payoffs[i][cell(s)]
                assert value - payoffs[i][cell(s)] >= step.margin
            else:
                assert float(value) > float(payoffs[i][cell(s)])
        alive[i].remove(s)
    assert tuple(tuple(sorted(a)) for a in alive) == result.surviving


def pure_dominated_somewhere(payoffs, surviving) -> bool:
    """Whether some survivor is strictly dominated by a pure survivor (exact)."""
    for i, u in enumerate(payoffs):
        sub = exact(u)[np.ix_(*surviving)]
        rows = np.moveaxis(sub, i, 0).reshape(len(surviving[i]), -1)
        for s, t in itertools.permutations(range(len(rows)), 2):
            if all(a > b for a, b in zip(rows[t], rows[s], strict=True)):
                return True
    return False


def is_best_response_to_some_belief(U: np.ndarray, s: int) -> bool:
    """LP (Pearce's lemma, two players): exists a belief y with (U y)_s >= (U y)_t for all t.

    A strategy that is a best response to some belief is not strictly dominated.
    """
    k, c = U.shape
    a_ub = U - U[s]  # (U y)_t - (U y)_s <= 0
    res = linprog(
        np.zeros(c),
        A_ub=a_ub,
        b_ub=np.full(k, 1e-9 * (np.ptp(U) + 1)),
        A_eq=np.ones((1, c)),
        b_eq=[1.0],
        bounds=[(0, 1)] * c,
        method="highs",
    )
    return res.status == 0


def expand(result, eq_strategies):
    return result.expand(eq_strategies)


# ---------------------------------------------------------------- textbook games


def test_gibbons_figure_1_1_1_steps():
    # Gibbons (1992), A Primer in Game Theory, Fig. 1.1.1: rows Up/Down, columns
    # Left/Middle/Right. Right is dominated by Middle (2 > 1, 1 > 0); without Right, Down
    # is dominated by Up (1 > 0, 1 > 0); then Left by Middle (2 > 0). (Up, Middle) stays.
    A = np.array([[1, 1, 0], [0, 0, 2]])
    B = np.array([[0, 2, 1], [3, 1, 0]])
    for exact_mode in (False, True):
        r = iterated_elimination([A, B], exact=exact_mode)
        assert r.surviving == ((0,), (1,))
        assert [(st.player, st.strategy, st.dominating_strategy) for st in r.steps] == [
            (1, 2, 1),
            (0, 1, 0),
            (1, 0, 1),
        ]
        assert [st.margin for st in r.steps] == [1, 1, 2]
        replay([A, B], r)


def test_strategy_dominated_only_by_a_mixture():
    # Gibbons (1992) Fig. 1.1.4 style: B = (1, 1) is beaten by p*T + (1-p)*M = (3p, 3-3p)
    # iff 1/3 < p < 2/3, by no pure strategy. The LP maximizes min(3p-1, 2-3p): p = 1/2,
    # margin 1/2.
    A = np.array([[3, 0], [0, 3], [1, 1]])
    B = np.array([[1, 0], [0, 1], [2, 2]])  # column payoffs: nothing dominated
    pure = iterated_elimination([A, B], mixed=False)
    assert pure.surviving == ((0, 1, 2), (0, 1)) and pure.steps == ()
    r = iterated_elimination([A, B], exact=True)
    assert r.surviving == ((0, 1), (0, 1))
    (step,) = r.steps
    assert (step.player, step.strategy, step.by_mixture) == (0, 2, True)
    assert step.dominating_strategy is None
    assert list(step.dominator) == [F(1, 2), F(1, 2), 0] and step.margin == F(1, 2)
    assert all(isinstance(p, F) for p in step.dominator)
    floating = iterated_elimination([A, B])
    np.testing.assert_allclose(floating.steps[0].dominator, [0.5, 0.5, 0.0], atol=1e-7)
    assert floating.steps[0].margin == pytest.approx(0.5)
    replay([A, B], r)
    replay([A, B], floating)


def cournot(qmax: int = 12):
    # profit q * (12 - q - r) on the grid 0..qmax (no price floor)
    q = np.arange(qmax + 1)
    A = q[:, None] * (12 - q[:, None] - q[None, :])
    return A, A.T


def test_discrete_cournot_by_hand():
    # pi(6, r) - pi(q, r) = (q-6)^2 + r(q-6) > 0 for q > 6: 7..12 go (dominated by 6).
    # With r <= 6: pi(3, r) - pi(q, r) = (q-3)(q-9+r) > 0 for q <= 2: 0..2 go.
    # With r in 3..6: pi(4, r) - pi(6, r) = 2(r-2) > 0: 6 goes. Now r in {3, 4, 5}:
    # 3 is a best response to 5 (tie with 4), 4 to 4, 5 to 3 (tie with 4): nothing is
    # dominated, even by mixtures. The Nash equilibrium (4, 4) survives.
    A, B = cournot()
    for mixed in (False, True):
        r = iterated_elimination([A, B], mixed=mixed)
        assert r.surviving == ((3, 4, 5), (3, 4, 5))
        assert not any(st.by_mixture for st in r.steps)
        replay([A, B], r)


def test_prisoners_dilemma():
    A = np.array([[3, 0], [5, 1]])
    r = iterated_elimination([A, A.T])
    assert r.surviving == ((1,), (1,))
    assert [(st.player, st.strategy, st.dominating_strategy) for st in r.steps] == [
        (0, 0, 1),
        (1, 0, 1),
    ]


def test_three_player_chain():
    # player 0 always prefers 0; player 1 wants to match player 0; player 2 wants to
    # match player 1. Each deletion is only possible after the previous one.
    u0 = np.zeros((2, 2, 2), dtype=int)
    u0[0] = 1
    u1 = np.array(
        [[[1 if s1 == s0 else 0 for _ in range(2)] for s1 in range(2)] for s0 in range(2)]
    )
    u2 = np.array(
        [[[1 if s2 == s1 else 0 for s2 in range(2)] for s1 in range(2)] for _ in range(2)]
    )
    r = iterated_elimination([u0, u1, u2])
    assert r.surviving == ((0,), (0,), (0,))
    assert [(st.player, st.strategy, st.dominating_strategy) for st in r.steps] == [
        (0, 1, 0),
        (1, 1, 0),
        (2, 1, 0),
    ]
    replay([u0, u1, u2], r)
    assert r.payoffs[0].shape == (1, 1, 1)


def test_three_player_mixture():
    # player 0's strategy 2 pays 1; strategy 0 pays 3 when the others match, 1 pays 3
    # when they differ: (1/2, 1/2) earns 3/2 > 1 everywhere, no pure strategy does.
    u0 = np.zeros((3, 2, 2), dtype=int)
    u0[2] = 1
    u0[0] = [[3, 0], [0, 3]]
    u0[1] = [[0, 3], [3, 0]]
    zeros = np.zeros((3, 2, 2), dtype=int)
    r = iterated_elimination([u0, zeros, zeros], exact=True)
    assert r.surviving == ((0, 1), (0, 1), (0, 1))
    assert list(r.steps[0].dominator) == [F(1, 2), F(1, 2), 0]
    assert r.steps[0].margin == F(1, 2)
    assert iterated_elimination([u0, zeros, zeros], mixed=False).surviving == (
        (0, 1, 2),
        (0, 1),
        (0, 1),
    )


def test_near_tie_is_kept_in_float_but_removed_exactly():
    # row 1 is worse than row 0 by 1e-13 and by 1: strict, but within float tolerance
    A = np.array([[1.0, 1.0], [1.0 - 1e-13, 0.0]])
    B = np.zeros((2, 2))
    assert iterated_elimination([A, B]).surviving == ((0, 1), (0, 1))
    assert iterated_elimination([A, B], exact=True).surviving == ((0,), (0, 1))


def test_rescaling_changes_nothing():
    A, B = cournot()
    base = iterated_elimination([A, B])
    scaled = iterated_elimination([A * 1e6, B * 1e-6 + 5.0])
    assert scaled.surviving == base.surviving
    assert [(s.player, s.strategy) for s in scaled.steps] == [
        (s.player, s.strategy) for s in base.steps
    ]


def test_result_helpers():
    A = np.array([[3, 0], [0, 3], [1, 1]])
    B = np.array([[1, 0], [0, 1], [2, 2]])
    r = iterated_elimination([A, B], exact=True)
    full = r.expand(
        [np.array([F(1, 3), F(2, 3)], dtype=object), np.array([F(1), F(0)], dtype=object)]
    )
    assert list(full[0]) == [F(1, 3), F(2, 3), 0]
    d = r.to_dict()
    assert d["surviving"] == [[0, 1], [0, 1]] and d["steps"][0]["by_mixture"] is True
    assert "mixture" in repr(r) and "surviving=((0, 1), (0, 1))" in repr(r)
    with pytest.raises(ValueError, match="reduced game"):
        r.expand([np.ones(3) / 3, np.ones(2) / 2])


@pytest.mark.parametrize(
    ("payoffs", "error", "match"),
    [
        pytest.param([np.zeros((2, 2))], ValueError, "at least 2 players", id="one-player"),
        pytest.param(
            [np.zeros((2, 2)), np.zeros((3, 2))], ValueError, "shape", id="shape-mismatch"
        ),
        pytest.param([np.array([[np.nan]]), np.zeros((1, 1))], ValueError, "finite", id="nan"),
        pytest.param(
            [np.array([["x"]]), np.zeros((1, 1))], TypeError, "non-numeric", id="strings"
        ),
    ],
)
def test_validation(payoffs, error, match):
    with pytest.raises(error, match=match):
        iterated_elimination(payoffs)


# ---------------------------------------------------------------- properties


@st.composite
def games(draw, players: int = 2):
    shape = tuple(
        draw(
            st.lists(st.integers(1, 6 if players == 2 else 3), min_size=players, max_size=players)
        )
    )
    if draw(st.booleans()):
        elements = st.integers(-3, 3)
        dtype = int
    else:
        elements = st.integers(-40, 40).map(lambda k: k / 4)
        dtype = float
    return [draw(arrays(dtype, shape, elements=elements)) for _ in range(players)]


@given(games(), st.booleans())
def test_steps_replay_and_nothing_left_to_delete(payoffs, mixed):
    r = iterated_elimination(payoffs, mixed=mixed)
    replay(payoffs, r)
    assert not pure_dominated_somewhere(payoffs, r.surviving)
    if mixed:  # every survivor is a best response to some belief (two players)
        for i in range(2):
            sub = payoffs[i][np.ix_(*r.surviving)]
            U = np.moveaxis(sub, i, 0).reshape(len(r.surviving[i]), -1).astype(float)
            assert all(is_best_response_to_some_belief(U, s) for s in range(len(U)))


@given(games())
def test_exact_and_float_agree(payoffs):
    floating = iterated_elimination(payoffs)
    ex = iterated_elimination(payoffs, exact=True)
    assert ex.exact and ex.surviving == floating.surviving
    replay(payoffs, ex)


@given(games(players=3), st.booleans())
def test_three_players_replay_and_pure_equilibria_kept(payoffs, mixed):
    r = iterated_elimination(payoffs, mixed=mixed)
    replay(payoffs, r)
    kept = {tuple(r.surviving[i][k] for i, k in enumerate(p)) for p in pure_profiles(r.payoffs)}
    assert kept == {tuple(map(int, p)) for p in pure_profiles(payoffs)}


@given(games(), st.booleans())
def test_no_equilibrium_is_lost_or_created(payoffs, mixed):
    r = iterated_elimination(payoffs, mixed=mixed)
    kept = {tuple(r.surviving[i][k] for i, k in enumerate(p)) for p in pure_profiles(r.payoffs)}
    assert kept == {tuple(map(int, p)) for p in pure_profiles(payoffs)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        reduced = vertex_enumeration(*r.payoffs)
    for eq in reduced:  # mapped back, an equilibrium of the original game
        assert is_nash(payoffs, r.expand(eq.strategies))


@given(st.integers(2, 6), st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_all_equilibria_survive_in_generic_games(m, n, seed):
    # generic games: the extreme equilibria of the original are exactly those of the
    # reduced game, mapped back (strictly dominated strategies are never played)
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(m, n)) + np.linspace(0, 2, m)[:, None]  # some domination
    B = rng.normal(size=(m, n)) + np.linspace(0, 2, n)[None, :]
    r = iterated_elimination([A, B])
    before = vertex_enumeration(A, B)
    after = vertex_enumeration(*r.payoffs)

    def keys(strategies_list):
        return sorted(tuple(np.round(np.concatenate(s), 7)) for s in strategies_list)

    assert keys([eq.strategies for eq in before]) == keys(
        [r.expand(eq.strategies) for eq in after]
    )


def random_order_elimination(payoffs, rng) -> tuple[tuple[int, ...], ...]:
    """Reference: delete ONE randomly chosen pure-dominated strategy at a time (exact)."""
    payoffs = [exact(u) for u in payoffs]
    alive = [list(range(m)) for m in payoffs[0].shape]
    while True:
        candidates = []
        for i, u in enumerate(payoffs):
            rows = np.moveaxis(u[np.ix_(*alive)], i, 0).reshape(len(alive[i]), -1)
            for s, t in itertools.permutations(range(len(rows)), 2):
                if all(a > b for a, b in zip(rows[t], rows[s], strict=True)):
                    candidates.append((i, alive[i][s]))
        if not candidates:
            return tuple(tuple(a) for a in alive)
        i, s = candidates[rng.integers(len(candidates))]
        alive[i].remove(s)


@given(games(), st.integers(0, 2**32 - 1))
def test_order_independence_of_pure_strict_elimination(payoffs, seed):
    rng = np.random.default_rng(seed)
    assert (
        random_order_elimination(payoffs, rng)
        == iterated_elimination(payoffs, mixed=False).surviving
    )


@given(games(), st.booleans(), st.data())
def test_relabelling_players_and_strategies_maps_survivors(payoffs, mixed, data):
    m, n = payoffs[0].shape
    rows = np.array(data.draw(st.permutations(range(m))))
    cols = np.array(data.draw(st.permutations(range(n))))
    A, B = (u[np.ix_(rows, cols)] for u in payoffs)
    before = iterated_elimination(payoffs, mixed=mixed).surviving
    permuted = iterated_elimination([A, B], mixed=mixed).surviving
    assert tuple(sorted(rows[k] for k in permuted[0])) == before[0]
    assert tuple(sorted(cols[k] for k in permuted[1])) == before[1]
    swapped = iterated_elimination([B.T, A.T], mixed=mixed).surviving
    assert swapped == permuted[::-1]
