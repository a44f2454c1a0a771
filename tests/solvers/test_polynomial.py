"""Polynomial support enumeration: McKelvey-McLennan, hand-solved 3-player games."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from games import catalog
from solvers.finite import equilibria
from solvers.finite._polynomial import polynomial_equilibria, support_profiles
from solvers.finite._pure import pure_profiles
from solvers.finite._vertex import is_degenerate, vertex_enumeration
from solvers.verify import is_nash


def totally_mixed(eqs):
    return [
        eq for eq in eqs if all(len(s) == len(eq.strategies[i]) for i, s in enumerate(eq.supports))
    ]


def pure_set(eqs):
    return {
        tuple(s[0] for s in eq.supports) for eq in eqs if all(len(s) == 1 for s in eq.supports)
    }


def mm_game():
    # McKelvey & McLennan (1997)'s 2x2x2 game with 9 equilibria, as floats
    return catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=False)


def test_mckelvey_mclennan_nine_equilibria_two_totally_mixed():
    payoffs = mm_game()
    eqs = polynomial_equilibria(payoffs, exact=True)
    assert len(eqs) == 9 and len(totally_mixed(eqs)) == 2
    assert eqs.complete and eqs.exact
    for eq in eqs:
        assert eq.regret == 0
        assert is_nash(payoffs, [s.astype(float) for s in eq.strategies])
    # the pure ones are exactly the pure equilibria found by best-response masks
    assert pure_set(eqs) == {tuple(map(int, p)) for p in pure_profiles(payoffs)}
    # each totally mixed equilibrium makes every player indifferent (checked with sympy)
    for eq in totally_mixed(eqs):
        p, q, r = (sp.Rational(s[0].numerator, s[0].denominator) for s in eq.strategies)
        x = [np.array([p, 1 - p]), np.array([q, 1 - q]), np.array([r, 1 - r])]
        for i, u in enumerate(payoffs):
            others = [x[j] for j in range(3) if j != i]
            moved = np.moveaxis(u.astype(int).astype(object), i, 0)  # integral data
            values = [
                sum(
                    moved[k][a, b] * others[0][a] * others[1][b]
                    for a in range(2)
                    for b in range(2)
                )
                for k in range(2)
            ]
            assert sp.simplify(values[0] - values[1]) == 0


def test_mckelvey_mclennan_float_and_scaled_agree():
    payoffs = mm_game()
    exact = polynomial_equilibria(payoffs, exact=True)
    for scale in (1.0, 1e6):
        floating = polynomial_equilibria([u * scale for u in payoffs])
        assert not floating.exact and len(floating) == len(exact)
        for f, e in zip(floating, exact, strict=True):
            np.testing.assert_allclose(
                np.concatenate(f.strategies),
                np.concatenate(e.strategies).astype(float),
                atol=1e-12,
            )


def test_mckelvey_mclennan_relabelling():
    payoffs = mm_game()
    flipped = [u[::-1, :, ::-1] for u in payoffs]  # relabel players 0 and 2's strategies
    before = {
        tuple(F(p) for s in eq.strategies for p in s)
        for eq in polynomial_equilibria(payoffs, exact=True)
    }
    after = {
        tuple(
            F(p)
            for s in (eq.strategies[0][::-1], eq.strategies[1], eq.strategies[2][::-1])
            for p in s
        )
        for eq in polynomial_equilibria(flipped, exact=True)
    }
    assert after == before


def cyclic_matching():
    # u_i = 1 if s_i equals s_{i+1 mod 3}. Player i is indifferent iff player i+1 plays
    # 1/2; if anyone mixes, the chain forces everybody to 1/2. Pure: only unanimity.
    u = [np.zeros((2, 2, 2), dtype=int) for _ in range(3)]
    for s in np.ndindex(2, 2, 2):
        for i in range(3):
            u[i][s] = int(s[i] == s[(i + 1) % 3])
    return u


def test_cyclic_matching_by_hand():
    eqs = polynomial_equilibria(cyclic_matching(), exact=True)
    got = {tuple(tuple(s) for s in eq.strategies) for eq in eqs}
    h = F(1, 2)
    assert got == {((1, 0),) * 3, ((0, 1),) * 3, ((h, h),) * 3}
    assert eqs.complete


def irrational_game():
    # player 0's gain from strategy 0 over 1 is 3qr - 1, player 1's is 2pr - 1, player
    # 2's is 3pq - 1 (p, q, r = probabilities of strategy 0). Totally mixed:
    # qr = 1/3, pr = 1/2, pq = 1/3  ->  p = sqrt(2)/2, q = sqrt(2)/3, r = sqrt(2)/2.
    # Partially mixed candidates all fail a pure player's best-response condition;
    # pure: (0,0,0) and (1,1,1). Three equilibria.
    u0 = np.zeros((2, 2, 2), dtype=int)
    u0[0] = [[2, -1], [-1, -1]]
    u1 = np.zeros((2, 2, 2), dtype=int)
    u1[:, 0, :] = [[1, -1], [-1, -1]]
    u2 = np.zeros((2, 2, 2), dtype=int)
    u2[:, :, 0] = [[2, -1], [-1, -1]]
    return [u0, u1, u2]


def test_irrational_equilibrium_exactly():
    eqs = polynomial_equilibria(irrational_game(), exact=True)
    assert len(eqs) == 3 and eqs.complete
    assert pure_set(eqs) == {(0, 0, 0), (1, 1, 1)}
    (mixed,) = totally_mixed(eqs)
    expected = [sp.sqrt(2) / 2, sp.sqrt(2) / 3, sp.sqrt(2) / 2]
    for s, want in zip(mixed.strategies, expected, strict=True):
        assert sp.simplify(s[0] - want) == 0
    assert sp.simplify(mixed.regret) == 0
    floating = polynomial_equilibria(irrational_game())
    (fmixed,) = totally_mixed(floating)
    np.testing.assert_allclose(
        [s[0] for s in fmixed.strategies], [2**-0.5, 2**0.5 / 3, 2**-0.5], atol=1e-12
    )


def test_continuum_is_reported_not_hidden():
    # player 0 is paid nothing (so indifferent) but not a duplicate: players 1 and 2
    # coordinate for a prize that her choice doubles. For every mix of player 0, the
    # coordination game's three equilibria: three segments of equilibria.
    u0 = np.zeros((2, 2, 2), dtype=int)
    u1 = np.array(
        [[[int(b == c) * (1 + a) for c in range(2)] for b in range(2)] for a in range(2)]
    )
    with pytest.warns(RuntimeWarning, match="continuum"):
        eqs = polynomial_equilibria([u0, u1, u1])
    assert not eqs.complete and eqs.notes
    # the isolated solutions of the support systems are still listed: the 4 pure
    # equilibria, and player 0 pure with the others at (1/2, 1/2)
    assert len(pure_set(eqs)) == 4
    assert {(float(e.strategies[0][0]), float(e.strategies[1][0])) for e in eqs} >= {
        (1.0, 0.5),
        (0.0, 0.5),
    }


def test_default_for_small_three_player_games():
    eqs = equilibria(mm_game())
    assert eqs.method == "polynomial_equilibria" and len(eqs) == 9


def test_support_profiles_count():
    # (2^m - 1) non-empty supports per player
    assert len(list(support_profiles((3, 2)))) == 7 * 3


@settings(max_examples=25)
@given(
    st.integers(2, 3),
    st.integers(2, 3),
    st.integers(0, 2**32 - 1),
    st.sampled_from([1, 2, 1000]),
)
def test_two_player_games_agree_with_vertex_enumeration(m, n, seed, spread):
    # spread 1 or 2 draws payoffs in {-spread, ..., spread}: degenerate games on purpose.
    rng = np.random.default_rng(seed)
    A = rng.integers(-spread, spread + 1, size=(m, n))
    B = rng.integers(-spread, spread + 1, size=(m, n))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        poly = polynomial_equilibria([A, B], exact=True)
        vertex = vertex_enumeration(A, B, exact=True)
    continuum = [w for w in caught if "continuum of solutions" in str(w.message)]
    poly_set = {tuple(F(p) for s in eq.strategies for p in s) for eq in poly}
    vertex_set = {tuple(F(p) for s in eq.strategies for p in s) for eq in vertex}
    assert all(eq.regret == 0 for eq in [*poly, *vertex])
    # The polynomial method is complete exactly when no support system has a continuum
    # of solutions, and says so (a warning and complete=False) otherwise.
    assert poly.complete == (not continuum)
    if poly.complete:
        # every equilibrium is isolated, so the extreme equilibria are all equilibria
        assert poly_set == vertex_set
    elif not is_degenerate(A, B):
        # a nondegenerate game has finitely many equilibria, all listed by vertex
        # enumeration; the polynomial method may flag a continuum of solutions of the
        # indifference equations that holds no equilibrium, and then lists a subset
        assert poly_set <= vertex_set


def test_boundary_roots_are_reported_with_their_true_support():
    # a degenerate 3x2x3x2 game (0..2 payoffs) whose support system for
    # ((1,), (0, 1), (0,), (0, 1)) has a root on the face where player 3's first strategy
    # has probability 0; with no time for exact algebra the numerical root (3e-75 there)
    # used to come back as an equilibrium mixing over that strategy, a support that
    # conditional dominance rules out. Every returned probability in a support must be a
    # real one and every support must survive the screen.
    from solvers.finite._support_screen import undominated_supports

    flat = [  # each player's payoffs, row-major over the 3x2x3x2 profiles
        "002222122212212202121201110002221002",
        "121211220120212120110222020111200110",
        "102101200222100011020020120212011110",
        "202102021202001211112121112002112202",
    ]
    shape = (3, 2, 3, 2)
    u = [np.array([int(c) for c in f]).reshape(shape) for f in flat]
    survivors = set(undominated_supports(u, shape))
    for exact, budget in ((True, 0.0), (False, 5.0)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            eqs = polynomial_equilibria(u, exact=exact, exact_budget=budget)
        assert len(eqs) > 0
        for eq in eqs:
            assert eq.supports in survivors
            pairs = zip(eq.strategies, eq.supports, strict=True)
            assert min(float(s[k]) for s, S in pairs for k in S) > 1e-6
            assert is_nash(u, [np.array(s, dtype=float) for s in eq.strategies])
