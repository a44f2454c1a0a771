"""Logit QRE tracing: closed forms and independent fixed-point solutions, the
equilibrium the trace selects in textbook games, and Gambit's logit as a peer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from games import catalog
from solvers.finite import (
    logit_qre,
    logit_qre_path,
    path_following_equilibrium,
)
from solvers.verify import is_nash


def logistic(z: float) -> float:
    return 1.0 / (1.0 + np.exp(-z))


def test_lambda_zero_is_uniform_for_any_number_of_players() -> None:
    rng = np.random.default_rng(3)
    payoffs = [rng.normal(size=(2, 3, 4)) for _ in range(3)]
    q = logit_qre(payoffs, 0.0)
    assert [s.tolist() for s in q.strategies] == [[1 / 2] * 2, [1 / 3] * 3, [1 / 4] * 4]
    path = logit_qre_path(payoffs, lam_max=5.0)
    assert path.lambdas[0] == 0 and path.lambdas[-1] >= 5.0 and path.complete


@pytest.mark.parametrize("lam", [0.3, 1.0, 4.0, 25.0])
def test_two_by_two_fixed_point_solved_independently(lam: float) -> None:
    # asymmetric matching pennies: p = P(row H), q = P(col H);
    # u_row(H) - u_row(T) = (5q - 1) - (1 - 2q) = 7q - 2 and
    # u_col(H) - u_col(T) = (1 - 2p) - (2p - 1) = 2 - 4p. The logit fixed point
    # p = L(lam (7q - 2)), q = L(lam (2 - 4p)) is one monotone equation in p (brentq).
    A = np.array([[4, -1], [-1, 1]])
    B = -np.array([[1, -1], [-1, 1]])

    def gap(p: float) -> float:
        q = logistic(lam * (2 - 4 * p))
        return p - logistic(lam * (7 * q - 2))

    p = brentq(gap, 0.0, 1.0, xtol=1e-15)
    q = logistic(lam * (2 - 4 * p))
    qre = logit_qre([A, B], lam)
    assert qre.verified and qre.lam == lam
    assert qre.strategies[0][0] == pytest.approx(p, abs=1e-9)
    assert qre.strategies[1][0] == pytest.approx(q, abs=1e-9)


def test_symmetric_matching_pennies_qre_is_uniform_at_every_lambda() -> None:
    A = np.array([[1, -1], [-1, 1]])
    for lam in (0.5, 3.0, 50.0):
        q = logit_qre([A, -A], lam)
        assert np.allclose(np.concatenate(q.strategies), 0.5, atol=1e-10)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the risk-dominant (Hare, Hare) in the stag hunt (Harsanyi-Selten; the logit
        # tracing selects it in 2x2 coordination games)
        ("stag-hunt", ((1,), (1,))),
        ("prisoners-dilemma", ((1,), (1,))),
        # matching pennies: the unique (mixed) equilibrium
        ("matching-pennies", ((0, 1), (0, 1))),
        ("rock-paper-scissors", ((0, 1, 2), (0, 1, 2))),
    ],
)
def test_trace_selects_the_known_equilibrium(name: str, expected) -> None:
    payoffs = catalog.load(name).payoff_arrays(exact=True)
    eqs = path_following_equilibrium(payoffs)
    assert len(eqs) == 1 and not eqs.complete and eqs.method == "path_following_equilibrium"
    (eq,) = eqs
    assert eq.supports == expected and eq.exact and eq.regret == 0


def test_battle_of_the_sexes_limit_is_an_equilibrium_the_branch_approaches() -> None:
    A = np.array([[3, 0], [0, 2]])
    B = np.array([[2, 0], [0, 3]])
    path = logit_qre_path([A, B], lam_max=200.0)
    (eq,) = path_following_equilibrium([A, B])
    end = np.concatenate(path.profile(len(path) - 1))
    assert (
        np.max(np.abs(end - np.concatenate([np.asarray(s, float) for s in eq.strategies]))) < 0.05
    )


def test_three_players_and_thousands_of_profiles() -> None:
    mm = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=False)
    (eq,) = path_following_equilibrium(mm)
    assert eq.verified and is_nash(mm, eq.strategies)
    rng = np.random.default_rng(7)
    big = [rng.normal(size=(12, 12, 12)) for _ in range(3)]  # 1,728 profiles
    eqs = path_following_equilibrium(big)
    assert not eqs.complete and len(eqs) == 1 and eqs[0].verified


def test_bad_precision_is_named() -> None:
    A = np.array([[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="lam"):
        logit_qre([A, A], -1.0)


def test_agrees_with_gambit_logit() -> None:
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(11)
    payoffs = [rng.integers(-5, 6, size=(2, 3, 2)).astype(float) for _ in range(3)]
    game = gbt.Game.from_arrays(*payoffs)
    lams = [0.5, 2.0, 6.0]
    for lam, theirs in zip(lams, gbt.qre.logit_solve_lambda(game, lam=lams), strict=True):
        ours = logit_qre(payoffs, lam)
        prof = theirs.profile
        for player, s in zip(game.players, ours.strategies, strict=True):
            want = [float(prof[t]) for t in player.strategies]
            assert np.allclose(s, want, atol=1e-5)
    theirs = gbt.nash.logit_solve(game).equilibria[0]
    want = np.concatenate([[float(theirs[t]) for t in p.strategies] for p in game.players])
    (eq,) = path_following_equilibrium(payoffs)
    assert np.allclose(
        np.concatenate([np.asarray(s, float) for s in eq.strategies]), want, atol=1e-4
    )


@settings(max_examples=15)
@given(
    st.lists(st.integers(2, 3), min_size=2, max_size=3),
    st.integers(0, 2**32 - 1),
    st.floats(0.0, 20.0),
)
def test_trace_points_are_fixed_points_and_end_is_verified(shape, seed, lam) -> None:
    rng = np.random.default_rng(seed)
    payoffs = [rng.integers(-5, 6, size=tuple(shape)) for _ in shape]
    q = logit_qre(payoffs, lam)
    assert q.verified and all(abs(float(s.sum()) - 1) < 1e-12 for s in q.strategies)
    eqs = path_following_equilibrium(payoffs)
    assert not eqs.complete
    assert all(eq.verified and is_nash(payoffs, eq.strategies) for eq in eqs)
    assert eqs or any("could not be refined" in n for n in eqs.notes)
