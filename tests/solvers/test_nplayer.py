"""Complete Nash equilibrium enumeration for three or more players (issue 13).

Expected counts come from the literature (McKelvey and McLennan 1997: 9 equilibria of
their 2x2x2 game) and from Gambit's own catalogue games, where the count asserted is the
union of what Gambit's ``enumpoly`` and ``gnm`` find (each equilibrium verified here):
g3 4 + 1 = 5, 3x3x3 4 + 1 = 5, 8x2x2 4 + 1 = 5, coord333 13 (all by enumpoly).
"""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from games import catalog
from games.normal_form import NormalFormGame
from solvers.finite import equilibria, polynomial_equilibria
from solvers.finite._polynomial import support_profile_count
from solvers.verify import regret

#: file -> equilibria found by the union of Gambit's enumpoly and gnm (pygambit 16.7)
GAMBIT_COUNTS = {
    "contrib_games_2x2x2.nfg": 9,
    "contrib_games_g3.nfg": 5,
    "contrib_games_coord333.nfg": 13,
}
GAMBIT_SLOW = {"contrib_games_3x3x3.nfg": 5, "contrib_games_8x2x2.nfg": 5}


def _key(eq_or_profile, digits=6):
    profile = getattr(eq_or_profile, "strategies", eq_or_profile)
    return tuple(round(float(p), digits) + 0.0 for s in profile for p in s)


def _gambit_game(gambit_file, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Gambit's files have unnamed outcomes/players
        return NormalFormGame.read_nfg(gambit_file(name))


def test_mckelvey_mclennan_default_is_complete_with_nine():
    game = catalog.load("mckelvey-mclennan1997-2x2x2")
    eqs = game.equilibria()
    assert eqs.method == "polynomial_equilibria"
    assert eqs.complete and len(eqs) == 9
    assert all(eq.regret == 0 for eq in eqs)
    assert any("complete" in note for note in eqs.notes)


@pytest.mark.parametrize(("name", "count"), sorted(GAMBIT_COUNTS.items()))
def test_gambit_catalogue_counts(gambit_file, name, count):
    game = _gambit_game(gambit_file, name)
    eqs = game.equilibria()
    assert eqs.method == "polynomial_equilibria"
    assert eqs.complete and len(eqs) == count
    assert all(eq.regret == 0 for eq in eqs)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "count"), sorted(GAMBIT_SLOW.items()))
def test_gambit_catalogue_counts_larger(gambit_file, name, count):
    game = _gambit_game(gambit_file, name)
    eqs = game.equilibria()
    assert eqs.complete and len(eqs) == count
    assert all(eq.regret == 0 for eq in eqs)


def test_g3_finds_what_enumpoly_and_gnm_find(gambit_file):
    gbt = pytest.importorskip("pygambit")
    path = gambit_file("contrib_games_g3.nfg")
    g = gbt.read_nfg(str(path))
    theirs = set()
    for solve in (gbt.nash.enumpoly_solve, gbt.nash.gnm_solve):
        for e in solve(g).equilibria:
            theirs.add(tuple(round(float(e[s]), 6) for p in g.players for s in p.strategies))
    ours = {_key(eq) for eq in _gambit_game(gambit_file, "contrib_games_g3.nfg").equilibria()}
    assert len(theirs) == 5
    assert all(any(np.allclose(t, o, atol=2e-6) for o in ours) for t in theirs)


def test_nau_continuum_is_reported_with_the_centre():
    game = catalog.load("nau-gomez-canovas-hansen2004-2x2x4")
    with pytest.warns(RuntimeWarning, match="continuum of solutions"):
        eqs = game.equilibria()
    assert not eqs.complete and eqs.degenerate
    half, quarter = [F(1, 2)] * 2, [F(1, 4)] * 4
    assert [half, half, quarter] in [[list(s) for s in eq.strategies] for eq in eqs]
    assert all(eq.regret == 0 for eq in eqs)


def test_same_index_coordination_does_not_crash():
    # the 2x2x3 game of issue 13: everybody gets 1 when all pick the same index
    u = np.zeros((2, 2, 3), dtype=int)
    for s in np.ndindex(2, 2, 3):
        u[s] = int(s[0] == s[1] == s[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # may report a continuum
        eqs = equilibria([u, u, u], exact=True)
    profiles = [[list(s) for s in eq.strategies] for eq in eqs]
    assert [[1, 0], [1, 0], [1, 0, 0]] in profiles and [[0, 1], [0, 1], [0, 1, 0]] in profiles
    assert all(eq.regret == 0 for eq in eqs)


def _random_game(shape, seed, low=-9, high=10):
    rng = np.random.default_rng(seed)
    return [rng.integers(low, high, size=shape) for _ in shape]


def _permuted(payoffs, order):
    """The game with players reordered: new player k is old player order[k]."""
    return [np.transpose(payoffs[i], order) for i in order]


@pytest.mark.parametrize("seed", range(4))
def test_player_reordering_permutes_the_answer(seed):
    payoffs = _random_game((2, 3, 2), seed)
    order = (2, 0, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        base = equilibria(payoffs, exact=True)
        moved = equilibria(_permuted(payoffs, order), exact=True)
    # algebraic numbers may be written in another root: compare values (1e-9)
    expected = {_key([eq.strategies[i] for i in order]) for eq in base}
    assert {_key(eq.strategies) for eq in moved} == expected


@pytest.mark.parametrize("seed", range(3))
def test_strategy_relabelling_permutes_the_answer(seed):
    payoffs = _random_game((3, 2, 2), seed)
    perm = [2, 0, 1]
    relabelled = [u[perm] for u in payoffs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        base = equilibria(payoffs, exact=True)
        moved = equilibria(relabelled, exact=True)
    expected = {_key([eq.strategies[0][perm], *eq.strategies[1:]]) for eq in base}
    assert {_key(eq.strategies) for eq in moved} == expected


@pytest.mark.parametrize("seed", range(3))
def test_float_and_exact_modes_agree(seed):
    payoffs = _random_game((2, 2, 3), 100 + seed)
    floats = [u / 7.0 for u in payoffs]  # not short decimals: solved at their binary value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        exact = equilibria(payoffs, exact=True)
        approx = equilibria(floats)
    assert exact.complete == approx.complete
    assert sorted(map(_key, exact)) == sorted(map(_key, approx))
    assert all(eq.regret <= eq.tolerance for eq in approx)


@pytest.mark.parametrize(("shape", "seed"), [((2, 2, 2), 1), ((2, 2, 3), 2), ((2, 2, 2, 2), 3)])
def test_random_games_agree_with_pygambit(shape, seed):
    gbt = pytest.importorskip("pygambit")
    payoffs = _random_game(shape, seed, -50, 51)  # generic with high probability
    eqs = equilibria(payoffs, exact=True)
    assert eqs.complete
    g = gbt.Game.from_arrays(*[u.astype(int) for u in payoffs])
    theirs = {
        tuple(round(float(e[s]), 6) for p in g.players for s in p.strategies)
        for e in gbt.nash.enumpoly_solve(g).equilibria
    }
    ours = {_key(eq) for eq in eqs}
    # every equilibrium Gambit finds is ours (enumpoly may miss some; we never do)
    assert all(any(np.allclose(t, o, atol=1e-5) for o in ours) for t in theirs)
    assert len(ours) >= len(theirs)


@given(
    st.lists(st.integers(-5, 5), min_size=24, max_size=24),
)
def test_every_returned_profile_has_zero_regret(values):
    payoffs = [np.array(values[8 * i : 8 * i + 8]).reshape(2, 2, 2) for i in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        eqs = polynomial_equilibria(payoffs, exact=True)
    exacts = [u.astype(object) for u in payoffs]
    for eq in eqs:
        if all(isinstance(p, F | int) for s in eq.strategies for p in s):
            assert max(regret(exacts, list(eq.strategies))) == 0
        assert eq.regret == 0
    # a finite game always has an equilibrium; with a continuum a representative is listed
    assert len(eqs) >= 1 or not eqs.complete


# --- homotopy continuation for the large support systems (issue 13) ---------------------

#: Gambit catalogue games beyond the old 32-profile limit of the exact method: the count is
#: the union of pygambit 16.7's enumpoly and gnm (5x4x3: enumpoly 3, gnm's 1 among them;
#: 2^5: enumpoly 4, gnm 3, 5 together), every equilibrium verified here.
GAMBIT_LARGER = {"contrib_games_5x4x3.nfg": 3, "contrib_games_2x2x2x2x2.nfg": 5}


@pytest.mark.parametrize(("name", "count"), sorted(GAMBIT_LARGER.items()))
def test_gambit_catalogue_larger_games_by_default(gambit_file, name, count):
    game = _gambit_game(gambit_file, name)
    eqs = game.equilibria()
    assert eqs.method == "polynomial_equilibria"
    assert eqs.complete and len(eqs) == count
    assert all(eq.regret == 0 for eq in eqs)
    assert any("homotopy" in note for note in eqs.notes)


def test_gambit_larger_games_contain_what_enumpoly_and_gnm_find(gambit_file):
    gbt = pytest.importorskip("pygambit")
    for name in GAMBIT_LARGER:
        g = gbt.read_nfg(str(gambit_file(name)))
        theirs = set()
        for solve in (gbt.nash.enumpoly_solve, gbt.nash.gnm_solve):
            for e in solve(g).equilibria:
                theirs.add(tuple(round(float(e[s]), 6) for p in g.players for s in p.strategies))
        ours = {_key(eq) for eq in _gambit_game(gambit_file, name).equilibria()}
        assert all(any(np.allclose(t, o, atol=2e-6) for o in ours) for t in theirs)


def test_homotopy_agrees_with_groebner_on_the_catalogue_3x3x3(gambit_file):
    payoffs = _gambit_game(gambit_file, "contrib_games_3x3x3.nfg").payoff_arrays(exact=True)
    by_homotopy = polynomial_equilibria(payoffs, exact=True, systems="homotopy")
    by_groebner = polynomial_equilibria(payoffs, exact=True, systems="groebner")
    assert by_homotopy.complete and by_groebner.complete
    assert sorted(map(_key, by_homotopy)) == sorted(map(_key, by_groebner))
    assert len(by_homotopy) == GAMBIT_SLOW["contrib_games_3x3x3.nfg"]


@settings(max_examples=15, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 2, 2), (2, 2, 3), (2, 3, 3), (2, 2, 2, 2)]),
)
def test_homotopy_and_groebner_find_the_same_equilibria(seed, shape):
    payoffs = _random_game(shape, seed, -30, 31)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # degenerate draws: continua
        by_homotopy = polynomial_equilibria(payoffs, exact=True, systems="homotopy")
        by_groebner = polynomial_equilibria(payoffs, exact=True, systems="groebner")
    assert by_homotopy.complete == by_groebner.complete
    if by_groebner.complete:
        assert sorted(map(_key, by_homotopy)) == sorted(map(_key, by_groebner))
    exacts = [u.astype(object) for u in payoffs]
    for eq in by_homotopy:
        assert eq.regret == 0
        if all(isinstance(p, F | int) for s in eq.strategies for p in s):
            assert max(regret(exacts, list(eq.strategies))) == 0


def test_homotopy_float_game_is_certified():
    # a random float 2^5 game: five players, degree-4 systems, beyond reach of exact algebra
    rng = np.random.default_rng(5)
    payoffs = [rng.standard_normal((2,) * 5) for _ in range(5)]
    eqs = equilibria(payoffs)
    assert eqs.method == "polynomial_equilibria" and eqs.complete
    assert len(eqs) >= 1 and len(eqs) % 2 == 1  # generic games: an odd number (Wilson 1971)
    assert all(eq.regret <= eq.tolerance for eq in eqs)


def test_systems_argument_is_checked():
    with pytest.raises(ValueError, match="systems must be"):
        polynomial_equilibria([np.eye(2), np.eye(2)], systems="newton")


# A 2x2x3 game (found by hypothesis in CI, seed 161) with a mixed equilibrium whose coarse
# rounding, (0, 1) and (1, 0, 0), is itself a pure equilibrium: the homotopy's end point
# was once snapped to the pure profile and the mixed one lost.
SNAP_TRAP = [
    np.array([[[30, -2, 6], [14, -6, -16]], [[-15, -15, -16], [5, -4, -20]]]),
    np.array([[[-18, 18, -1], [-16, -26, -2]], [[4, 2, -1], [28, -13, 10]]]),
    np.array([[[-23, 26, -21], [4, 2, -16]], [[-23, -3, 27], [15, -7, -27]]]),
]


def _snap_trap_mixed():
    # player 1 plays her first strategy; player 2's mix q on (0, 1) makes player 3
    # indifferent between her first two strategies, player 3's mix r on them makes
    # player 2 indifferent: two linear equations, solved here by hand
    u2, u3 = SNAP_TRAP[1][0], SNAP_TRAP[2][0]
    # player 3: q*u3[0,0] + (1-q)*u3[1,0] = q*u3[0,1] + (1-q)*u3[1,1]
    q = F(int(u3[1, 1] - u3[1, 0]), int(u3[0, 0] - u3[1, 0] - u3[0, 1] + u3[1, 1]))
    # player 2: r*u2[0,0] + (1-r)*u2[0,1] = r*u2[1,0] + (1-r)*u2[1,1]
    r = F(int(u2[1, 1] - u2[0, 1]), int(u2[0, 0] - u2[0, 1] - u2[1, 0] + u2[1, 1]))
    return (F(1), F(0)), (q, 1 - q), (r, 1 - r, F(0))


def test_snap_trap_equilibrium_is_an_equilibrium():
    mixed = _snap_trap_mixed()
    assert mixed[1] == (F(2, 51), F(49, 51)) and mixed[2] == (F(22, 23), F(1, 23), F(0))
    exacts = [u.astype(object) for u in SNAP_TRAP]
    assert max(regret(exacts, [np.array(s, dtype=object) for s in mixed])) == 0


@pytest.mark.parametrize("systems", ["auto", "homotopy", "groebner"])
def test_mixed_equilibrium_is_not_snapped_to_a_nearby_pure_one(systems):
    result = polynomial_equilibria(SNAP_TRAP, exact=True, systems=systems)
    assert result.complete
    profiles = {tuple(tuple(s) for s in eq.strategies) for eq in result}
    assert _snap_trap_mixed() in profiles
    assert ((F(1), F(0)), (F(0), F(1)), (F(1), F(0), F(0))) in profiles
    assert len(profiles) == len(result) == 3


# --- the default's reach (by estimated time: tests/solvers/test_enumeration_cost.py) -----


@pytest.mark.parametrize(
    ("shape", "count"),
    [
        ((3, 3, 3, 3), 2401),
        ((2,) * 7, 2187),
        ((4, 4, 4), 3375),
        ((5, 4, 3), 3255),
        ((16, 2, 2), 589_815),
        ((4, 4, 5), 6_975),
        ((5, 5, 3), 6_727),
        ((6, 4, 4), 14_175),
        ((6, 6, 5), 123_039),
        ((2,) * 8, 6561),
        ((4, 4, 4, 2), 10_125),
    ],
)
def test_support_profile_counts(shape, count):
    # (2^m - 1) non-empty supports per player, multiplied
    assert support_profile_count(shape) == count


def test_a_5x5x3_game_is_enumerated_by_default():
    # 5x5x3: 6,727 support profiles, within the three-player reach; complete, and every
    # equilibrium another method (logit branches from 8 priors) finds is listed
    from solvers.finite import path_following_equilibria

    rng = np.random.default_rng(8)
    payoffs = [rng.standard_normal((5, 5, 3)) for _ in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "beyond reach" warning
        eqs = equilibria(payoffs)
    assert eqs.method == "polynomial_equilibria" and eqs.complete
    keys = {_key(eq) for eq in eqs}
    traced = path_following_equilibria(payoffs, starts=8)
    assert len(traced) >= 1 and {_key(eq) for eq in traced} <= keys


def test_beyond_its_reach_the_default_lists_pure_and_traced_equilibria():
    rng = np.random.default_rng(5)
    payoffs = [rng.standard_normal((6, 6, 5)) for _ in range(3)]
    with pytest.warns(RuntimeWarning, match="123,039 support profiles") as caught:
        eqs = equilibria(payoffs)
    message = str(caught[0].message)
    assert "polynomial_equilibria" in message and "path_following_equilibria" in message
    assert eqs.method == "path_following_equilibria" and not eqs.complete
    for eq in eqs:  # each listed profile is an equilibrium, checked here afresh
        assert max(regret(payoffs, list(eq.strategies))) <= eq.tolerance * 10
    keys = {_key(eq) for eq in eqs}
    pure = equilibria(payoffs, method="pure_equilibria")
    assert {_key(eq) for eq in pure} <= keys  # every pure equilibrium
    one = equilibria(payoffs, method="path_following_equilibrium")
    assert len(one) == 1 and not one.complete
    assert _key(one[0]) in keys  # and the principal branch's
    assert len(eqs) > len(pure) + 1  # the other branches find more


def test_a_random_3x3x3x3_game_is_enumerated_by_default_and_contains_gambits_equilibria():
    # 81 pure profiles (beyond the old 64): complete by default; every equilibrium
    # Gambit's enumpoly and gnm find (different methods, both may miss some) is listed
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(2)
    payoffs = [rng.integers(-50, 51, size=(3, 3, 3, 3)) for _ in range(4)]
    floats = [u.astype(float) for u in payoffs]
    eqs = equilibria(floats)
    assert eqs.method == "polynomial_equilibria" and eqs.complete
    assert all(max(regret(floats, list(eq.strategies))) <= 1e-6 for eq in eqs)
    g = gbt.Game.from_arrays(*[u.astype(int) for u in payoffs])
    theirs = set()
    for solve in (gbt.nash.enumpoly_solve, gbt.nash.gnm_solve):
        for e in solve(g).equilibria:
            theirs.add(tuple(round(float(e[s]), 6) for p in g.players for s in p.strategies))
    ours = {_key(eq) for eq in eqs}
    assert theirs and all(any(np.allclose(t, o, atol=1e-5) for o in ours) for t in theirs)


@pytest.mark.parametrize(("seed", "shape"), [(5, (3, 3, 3)), (29, (3, 3, 3)), (7, (4, 4, 3))])
def test_degenerate_games_with_continua_do_not_raise(seed, shape):
    # payoffs 0..2: continua of equilibria; a least-squares point whose last probability
    # was -3e-9 and a homotopy end point with a non-finite Jacobian used to raise
    rng = np.random.default_rng(seed)
    payoffs = [rng.integers(0, 3, size=shape) for _ in range(3)]
    with pytest.warns(RuntimeWarning, match="positive-dimensional"):
        eqs = polynomial_equilibria(payoffs)
    assert not eqs.complete and eqs.degenerate and len(eqs) > 0
    for eq in eqs:
        assert max(regret(payoffs, [np.asarray(s, dtype=float) for s in eq.strategies])) <= 1e-9
