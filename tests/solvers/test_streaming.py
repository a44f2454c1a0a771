"""iter_equilibria streams the same equilibria as equilibria; progress is monotone.

The streamed and the collected lists come from one code path (each enumeration runs in
steps), so the sets must be equal, exactly, for every method that streams; textbook games
have known equilibrium counts (battle of the sexes 3, von Stengel's 6x6 game 75).
"""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from games import catalog
from games.normal_form import NormalFormGame
from solvers import equilibria, iter_equilibria
from solvers.finite import STREAMING_METHODS, EnumerationTooLargeError


def key(eq) -> tuple:
    return tuple(tuple(s.tolist()) for s in eq.strategies)


def quiet_set(fn, *args, **kw) -> set:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate draws warn, in both paths alike
        out = fn(*args, **kw)
        return {key(eq) for eq in out}


def both(payoffs, **kw) -> tuple[set, set]:
    return quiet_set(lambda: list(iter_equilibria(payoffs, **kw))), quiet_set(
        equilibria, payoffs, **kw
    )


METHOD_CASES = [
    ("vertex_enumeration", False),
    ("vertex_enumeration", True),
    ("support_enumeration", False),
    ("support_enumeration", True),
    ("pure_equilibria", False),
    ("pure_equilibria", True),
    (None, False),
    (None, True),
]


@pytest.mark.parametrize(("method", "exact"), METHOD_CASES)
def test_battle_of_the_sexes(method, exact) -> None:
    A = np.array([[3, 0], [0, 2]])
    B = np.array([[2, 0], [0, 3]])
    streamed, collected = both([A, B], method=method, exact=exact)
    assert streamed == collected
    assert len(streamed) == (2 if method == "pure_equilibria" else 3)


@pytest.mark.parametrize(("method", "exact"), METHOD_CASES)
def test_von_stengel_6x6_has_75(method, exact) -> None:
    payoffs = catalog.load("vonstengel1999-6x6").payoff_arrays(exact=exact)
    streamed, collected = both(payoffs, method=method, exact=exact)
    assert streamed == collected
    if method != "pure_equilibria":
        assert len(streamed) == 75  # von Stengel (1999), nondegenerate


def test_degenerate_game_streams_extreme_equilibria() -> None:
    # every profile of the all-zero 2x2 game is an equilibrium: 4 extreme points
    Z = np.zeros((2, 2), dtype=int)
    for exact in (False, True):
        streamed, collected = both([Z, Z], exact=exact)
        assert streamed == collected and len(streamed) == 4


def test_zero_sum_and_one_player_are_yielded_at_the_end() -> None:
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]  # rock-paper-scissors: (1/3, 1/3, 1/3)
    eqs = list(iter_equilibria(A, exact=True))
    assert [list(s) for s in eqs[0].strategies] == [[F(1, 3)] * 3] * 2
    assert len(list(iter_equilibria([np.array([1, 3, 3])]))) == 2  # two optimal actions


def test_errors_are_raised_at_the_call() -> None:
    A = np.eye(3)
    with pytest.raises(ValueError, match="method must be one of"):
        iter_equilibria([A, A], method="nope")
    with pytest.raises(ValueError, match="2-player games"):
        iter_equilibria([np.zeros((2, 2, 2))] * 3, method="vertex_enumeration")
    big = np.random.default_rng(0).standard_normal((25, 25))
    with pytest.raises(EnumerationTooLargeError):
        iter_equilibria([big, big.T + 1])


def test_streaming_methods_table() -> None:
    assert set(STREAMING_METHODS) == {
        "vertex_enumeration",
        "support_enumeration",
        "pure_equilibria",
    }


# ---------------------------------------------------------------- random games


games_2p = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 4)).flatmap(
    lambda s: st.tuples(
        st.lists(
            st.lists(st.integers(-s[2], s[2]), min_size=s[1], max_size=s[1]),
            min_size=s[0],
            max_size=s[0],
        ),
        st.lists(
            st.lists(st.integers(-s[2], s[2]), min_size=s[1], max_size=s[1]),
            min_size=s[0],
            max_size=s[0],
        ),
    )
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games_2p, st.sampled_from(METHOD_CASES))
def test_random_games_stream_the_same_set(game, case) -> None:
    # few payoff values: ties, degenerate games and continua are drawn on purpose
    method, exact = case
    A, B = (np.array(M) for M in game)
    streamed, collected = both([A, B], method=method, exact=exact)
    assert streamed == collected


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 7), st.integers(2, 7), st.integers(0, 2**32 - 1))
def test_random_float_games_stream_the_same_set(m, n, seed) -> None:
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
    for method in ("vertex_enumeration", "support_enumeration"):
        streamed, collected = both([A, B], method=method)
        assert streamed == collected


# ---------------------------------------------------------------- progress


def record():
    calls: list[tuple[int, int | None]] = []
    return calls, lambda done, total: calls.append((done, total))


def check_progress(calls) -> None:
    assert calls, "progress was never reported"
    done = [d for d, _ in calls]
    totals = {t for _, t in calls}
    assert done == list(range(1, len(done) + 1))  # monotone, one tick per step
    assert len(totals) == 1 and done[-1] == totals.pop()  # reaches the stated total


@pytest.mark.parametrize(("method", "exact"), METHOD_CASES)
def test_progress_callback_reaches_total(method, exact) -> None:
    payoffs = catalog.load("savani-vonstengel2006-6x6").payoff_arrays(exact=exact)
    calls, cb = record()
    list(iter_equilibria(payoffs, method=method, exact=exact, progress=cb))
    check_progress(calls)
    calls2, cb2 = record()
    equilibria(payoffs, method=method, exact=exact, progress=cb2)
    assert calls2 == calls


def test_progress_through_exact_double_description() -> None:
    # payoffs near 1e12 with unit differences: float labels cannot be certified, the
    # exact double description runs; progress still counts to its total
    rng = np.random.default_rng(5)
    base = 10**12
    A = np.array([[F(base + int(v)) for v in row] for row in rng.integers(0, 3, (5, 5))])
    B = np.array([[F(base + int(v)) for v in row] for row in rng.integers(0, 3, (5, 5))])
    calls, cb = record()
    streamed = quiet_set(lambda: list(iter_equilibria([A, B], exact=True, progress=cb)))
    check_progress(calls)
    assert streamed == quiet_set(equilibria, [A, B], exact=True)


def test_progress_for_methods_without_steps_is_one_step() -> None:
    calls, cb = record()
    equilibria([np.eye(2), -np.eye(2)], method="zero_sum_lp", progress=cb)
    assert calls == [(1, 1)]


def test_normal_form_game_iter_equilibria_labelled() -> None:
    g = NormalFormGame(
        [[[3, 0], [0, 2]], [[2, 0], [0, 3]]],
        players=("Her", "Him"),
        strategies=(("Opera", "Fight"), ("Opera", "Fight")),
    )
    streamed = [eq.to_dict()["supports"] for eq in g.iter_equilibria()]
    collected = [eq.to_dict()["supports"] for eq in g.equilibria()]
    assert sorted(map(str, streamed)) == sorted(map(str, collected))
    assert {"Her": ["Opera"], "Him": ["Opera"]} in streamed
    calls, cb = record()
    g.equilibria(progress=cb)
    check_progress(calls)
    b = sp.Symbol("b")
    with pytest.raises(ValueError, match="bind the parameters"):
        NormalFormGame([[[b, 0], [0, 1]], [[1, 0], [0, 1]]]).iter_equilibria()
