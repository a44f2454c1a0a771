"""Random-game experiments: theory for 2x2 games, reproducibility on any executor, errors."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest

from solvers import random_game_experiment
from solvers.finite import random_game

N = 1200


def _within(share: float, p: float, n: int, sds: float = 5.0) -> bool:
    return abs(share - p) <= sds * (p * (1 - p) / n) ** 0.5


def test_random_two_by_two_games_follow_the_theory() -> None:
    # iid continuous payoffs: each player has a dominant strategy with probability 1/2;
    # when neither has one (1/4), the best responses are a coordination game (two pure
    # equilibria and a mixed one) or a matching-pennies cycle (one mixed), 1/2 each. So
    # P(3 equilibria) = 1/8, P(no pure equilibrium) = 1/8, P(exactly one pure) = 3/4
    r = random_game_experiment((2, 2), N, seed=2026, chunk_size=100)
    assert set(r.distribution()) == {1, 3}
    assert _within(r.share(3), 1 / 8, N)
    assert _within(float(np.mean(r.pure_counts == 0)), 1 / 8, N)
    assert _within(float(np.mean(r.pure_counts == 1)), 3 / 4, N)
    assert r.complete.all() and not r.degenerate.any()
    # a game with 3 equilibria has exactly 2 pure ones; with 1, 0 or 1
    assert (r.pure_counts[r.counts == 3] == 2).all()


def test_same_seed_and_chunk_size_give_the_same_games_on_any_executor() -> None:
    kwargs = dict(seed=11, integers=(0, 4), chunk_size=7)
    here = random_game_experiment((3, 2), 40, **kwargs)
    with ThreadPoolExecutor(3) as pool:
        threads = random_game_experiment((3, 2), 40, executor=pool, **kwargs)
    with ProcessPoolExecutor(2) as pool:
        processes = random_game_experiment((3, 2), 40, executor=pool, **kwargs)
    for other in (threads, processes):
        assert other.to_dict() == here.to_dict()
    # integer games are solved exactly and degenerate ones are recorded, not raised
    assert here.complete.all()


def test_random_game_draws_from_the_generator_it_is_given() -> None:
    a = random_game((2, 2, 2), np.random.default_rng(5))
    b = random_game((2, 2, 2), np.random.default_rng(5))
    assert len(a) == 3 and all(x.shape == (2, 2, 2) for x in a)
    assert all((x == y).all() for x, y in zip(a, b, strict=True))
    ints = random_game((2, 3), np.random.default_rng(0), integers=(-2, 2))
    assert all(x.min() >= -2 and x.max() <= 2 for x in ints)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (((2,), 5), {"seed": 1}, ValueError, "shape"),
        (((2, 0), 5), {"seed": 1}, ValueError, "shape"),
        ((("a", 2), 5), {"seed": 1}, TypeError, "shape"),
        (((2, 2), -1), {"seed": 1}, ValueError, "n_games"),
        (((2, 2), 2.5), {"seed": 1}, TypeError, "n_games"),
        (((2, 2), 5), {"seed": 1, "chunk_size": 0}, ValueError, "chunk_size"),
        (((2, 2), 5), {"seed": -3}, ValueError, "seed"),
        (((2, 2), 5), {"seed": 1, "integers": (3, 1)}, ValueError, "integers"),
    ],
)
def test_bad_arguments_are_named(args, kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        random_game_experiment(*args, **kwargs)


def test_no_games_and_a_table() -> None:
    empty = random_game_experiment((2, 2), 0, seed=0)
    assert len(empty) == 0 and empty.distribution() == {}
    pytest.importorskip("pandas")
    frame = random_game_experiment((2, 2), 5, seed=0).to_frame()
    assert list(frame.columns) == ["equilibria", "pure", "complete", "degenerate", "method"]
    assert len(frame) == 5
