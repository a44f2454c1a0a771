"""Duplicate strategies and indifferent games: their continua described whole.

Theory (Kohlberg & Mertens 1986, reduced normal form): a profile is an equilibrium exactly
when the profile that adds up each class of duplicates is an equilibrium of the game
without them, so each equilibrium of the reduced game is a product of simplices of
equilibria, of dimension sum (|class| - 1) over the classes it uses, with one vertex per
way of putting each class's probability on one member. A game where no player's payoff
depends on her own strategy has every profile as an equilibrium.
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from math import prod

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from solvers.finite import equilibria, polynomial_equilibria, pure_equilibria
from solvers.verify import is_nash, regret


def _key(profile, digits=7):
    return tuple(round(float(p), digits) + 0.0 for s in profile for p in s)


@pytest.mark.parametrize("shape", [(3, 3, 4), (4, 4, 4), (2, 2, 2, 2, 2), (6, 6, 6)])
def test_all_zero_game_is_one_component_the_whole_space(shape):
    u = [np.zeros(shape, dtype=int)] * len(shape)
    eqs = equilibria(u)  # the default: 6x6x6 is beyond the support-profile limits
    assert eqs.complete and eqs.degenerate
    assert len(eqs) == prod(shape)  # the vertices: every pure profile
    assert {eq.supports for eq in eqs} == {tuple((k,) for k in p) for p in np.ndindex(*shape)}
    (component,) = eqs.components
    assert component.dimension == sum(m - 1 for m in shape)
    assert component.supports == tuple(tuple(range(m)) for m in shape)
    assert [s.tolist() for s in component.representative] == [[1 / m] * m for m in shape]


def test_players_paid_by_the_others_only_every_profile_exactly():
    # u_i depends on the next player's strategy only: nobody can gain by deviating,
    # yet no strategy is a duplicate (the previous player's payoff depends on it)
    rng = np.random.default_rng(7)
    shape = (3, 2, 4)
    u = []
    for i in range(3):
        values = rng.integers(-5, 6, shape[(i + 1) % 3])
        u.append(
            np.broadcast_to(
                np.expand_dims(values, [a for a in range(3) if a != (i + 1) % 3]), shape
            ).copy()
        )
    eqs = equilibria(u, exact=True)
    assert eqs.complete and len(eqs) == 24 and eqs.exact
    assert all(eq.regret == 0 and isinstance(eq.regret, Fraction | int) for eq in eqs)
    for eq in eqs:  # each player's payoff: the entry at the pure profile
        profile = tuple(s[0] for s in eq.supports)
        assert eq.payoffs == tuple(Fraction(int(x[profile])) for x in u)
    (component,) = eqs.components
    assert component.dimension == 2 + 1 + 3
    assert list(component.representative[2]) == [Fraction(1, 4)] * 4


def _with_duplicates(u, copies, rng):
    """``u`` with ``copies[i]`` extra copies of random strategies of player i, then every
    player's strategies shuffled; also each new strategy's original index."""
    origin = []
    arrays = [np.asarray(x) for x in u]
    for i, extra in enumerate(copies):
        m = arrays[0].shape[i]
        picks = list(range(m)) + [int(rng.integers(m)) for _ in range(extra)]
        order = rng.permutation(len(picks))
        index = [picks[k] for k in order]
        arrays = [np.take(x, index, axis=i) for x in arrays]
        origin.append(index)
    return arrays, origin


def _projection(profile, origin, shape):
    return [
        np.bincount(index, weights=np.asarray(s, dtype=float), minlength=m)
        for s, index, m in zip(profile, origin, shape, strict=True)
    ]


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from([(2, 2, 2), (2, 3, 2), (3, 3, 2), (2, 2, 2, 2)]),
    st.lists(st.integers(0, 2), min_size=4, max_size=4),
    st.integers(0, 2**32 - 1),
)
@example((2, 2, 2, 2), [0, 0, 0, 1], 107)  # the reduced game has a continuum (a CI draw)
def test_duplicates_expand_the_equilibria_of_the_game_without_them(shape, copies, seed):
    rng = np.random.default_rng(seed)
    u = [rng.integers(-1000, 1001, shape) for _ in shape]
    copies = copies[: len(shape)]
    assume(sum(copies) > 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a rare degenerate draw warns in both games
        base = polynomial_equilibria(u)
        game, origin = _with_duplicates(u, copies, rng)
        eqs = equilibria(game)
    assert eqs.method == "polynomial_equilibria" and eqs.complete == base.complete
    # every listed profile is an equilibrium of the game with duplicates ...
    assert all(is_nash(game, [np.asarray(s, float) for s in eq.strategies], 1e-9) for eq in eqs)
    # ... and they add up to the equilibria of the game without them, each one
    assert {_key(_projection(eq.strategies, origin, shape)) for eq in eqs} == {
        _key(eq.strategies) for eq in base
    }
    # the pure equilibria (an independent method) are all listed
    pure = {eq.supports for eq in pure_equilibria(game)}
    assert pure <= {eq.supports for eq in eqs}
    # one component per equilibrium of the reduced game, with the dimension and the
    # number of vertices of its product of simplices (the dimension unknown where the
    # reduced game has a continuum: an equilibrium on it is not isolated there)
    assert len(eqs.components) == len(base)
    for component in eqs.components:
        sizes = [
            [origin[i].count(k) for k in set(origin[i][j] for j in support)]
            for i, support in enumerate(component.supports)
        ]
        spread = sum(c - 1 for player in sizes for c in player)
        assert component.dimension == (spread if base.complete else None)
        assert len(component.vertices) == prod(c for player in sizes for c in player)
        assert all(
            v.supports
            and all(len(s) <= len(c) for s, c in zip(v.supports, component.supports, strict=True))
            for v in component.vertices
        )
        assert max(regret(game, [np.asarray(s, float) for s in component.representative])) < 1e-9


def test_exact_duplicates_keep_exact_equilibria():
    # McKelvey & McLennan's 9 equilibria stay 9 components when player 0's first
    # strategy is duplicated; the exact ones stay exact, with zero regret
    from games import catalog

    u = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True)
    game = [np.concatenate([x, x[:1]], axis=0) for x in u]
    eqs = polynomial_equilibria(game, exact=True)
    assert len(eqs.components) == 9 and eqs.complete
    one = [c for c in eqs.components if 0 in c.supports[0]]
    assert all(c.dimension == 1 and len(c.vertices) == 2 for c in one)
    assert all(c.dimension == 0 and len(c.vertices) == 1 for c in eqs.components if c not in one)
    assert all(eq.exact and eq.regret == 0 for eq in eqs)


def test_two_players_components_are_the_cliques_of_vertex_enumeration():
    # the entry game with "Out" duplicated: Out (either copy, any mix) against any mix
    # with enough Fight is one convex piece of dimension 2; (In, Accommodate) is isolated
    A = np.array([[0, 0], [-1, 1], [0, 0]])
    B = np.array([[2, 2], [-1, 1], [2, 2]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate: both methods warn
        ours = polynomial_equilibria([A, B]).components
        peer = equilibria([A, B]).components  # vertex enumeration
    assert sorted((c.dimension, c.supports) for c in ours) == [
        (0, ((1,), (1,))),
        (2, ((0, 2), (0, 1))),
    ]
    assert sorted((c.dimension, c.supports) for c in peer) == sorted(
        (c.dimension, c.supports) for c in ours
    )


def test_a_continuum_of_the_game_without_duplicates_is_not_called_a_component():
    # player 0 unpaid (so indifferent), players 1 and 2 coordinate: segments over player
    # 0's mix, which the support systems flag; duplicating a strategy must keep the flag
    u0 = np.zeros((2, 2, 2), dtype=int)
    u1 = np.array(
        [[[int(b == c) * (1 + a) for c in range(2)] for b in range(2)] for a in range(2)]
    )
    game = [np.concatenate([x, x[:, :1]], axis=1) for x in (u0, u1, u1)]
    with pytest.warns(RuntimeWarning, match="continuum"):
        eqs = polynomial_equilibria(game)
    assert not eqs.complete
    assert all(c.dimension is None for c in eqs.components)  # not known: not claimed
    assert any("strategy 0 of player 1 there is [0, 2] here" in note for note in eqs.notes)


def test_labelled_game_keeps_labels_on_component_vertices():
    from games import catalog
    from games.normal_form import NormalFormGame

    u = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True)
    game = NormalFormGame([np.concatenate([x, x[:1]], axis=0) for x in u], players=("A", "B", "C"))
    eqs = game.equilibria()
    assert eqs.complete and len(eqs.components) == 9
    assert all(v.players == ("A", "B", "C") for c in eqs.components for v in c.vertices)


def test_infinite_sympy_payoff_is_called_infinite_not_complex():
    import sympy as sp

    u = np.ones((2, 2, 2), dtype=object)
    u[0, 0, 1] = sp.oo
    with pytest.raises(ValueError, match="finite"):
        equilibria([u, np.ones((2, 2, 2)), np.ones((2, 2, 2))])
