"""Equilibrium components: degenerate textbook games with continua derived by hand
(two players: maximal cliques of interchangeable extreme equilibria, Avis et al. 2010;
n players: the face, a representative and the dimension)."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from games import NormalFormGame, catalog
from solvers.finite import (
    EquilibriumComponent,
    component_on_support,
    components_from_extreme_points,
    equilibria,
    equilibrium_components,
    vertex_enumeration,
)
from solvers.verify import is_nash, regret


def solve(A, B, exact=True):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate games warn
        return vertex_enumeration(np.array(A), np.array(B), exact=exact)


def as_sets(comp: EquilibriumComponent):
    xs, ys = comp.points
    return {
        (frozenset(tuple(xs[i]) for i in X), frozenset(tuple(ys[j]) for j in Y))
        for X, Y in comp.cliques
    }


def test_entry_game_segment_and_isolated_point() -> None:
    # Out gives 0; In gives 1 - 2 y_Fight: Out is optimal iff y_Fight >= 1/2, where the
    # entrant-free incumbent is indifferent. Components: {Out} x [(1/2,1/2), (1,0)] (a
    # segment) and the isolated (In, Accommodate).
    A, B = [[0, 0], [-1, 1]], [[2, 2], [-1, 1]]
    comps = {c.supports: c for c in components_from_extreme_points(solve(A, B))}
    seg, point = comps[((0,), (0, 1))], comps[((1,), (1,))]
    assert seg.dimension == 1 and len(seg.vertices) == 2 and seg.exact
    assert as_sets(seg) == {(frozenset({(1, 0)}), frozenset({(1, 0), (F(1, 2), F(1, 2))}))}
    assert [list(s) for s in seg.representative] == [[1, 0], [F(3, 4), F(1, 4)]]
    assert point.isolated and point.dimension == 0


def test_all_zero_game_is_one_square() -> None:
    comps = components_from_extreme_points(solve(np.zeros((2, 2), int), np.zeros((2, 2), int)))
    (comp,) = comps
    assert comp.dimension == 2 and len(comp.vertices) == 4 and len(comp.cliques) == 1
    assert [list(s) for s in comp.representative] == [[F(1, 2)] * 2] * 2


def test_three_segments_joined_at_one_point() -> None:
    # row indifferent everywhere; column matches the likelier row: equilibria are
    # {x_T >= 1/2} x {L}, {x_T = 1/2} x Delta and {x_T <= 1/2} x {R}: one connected
    # component made of three segments (cliques) through x = (1/2, 1/2)
    A, B = np.zeros((2, 2), int), np.array([[1, 0], [0, 1]])
    (comp,) = components_from_extreme_points(solve(A, B), payoffs=[A, B])
    T, M, Bo, L, R = (1, 0), (F(1, 2), F(1, 2)), (0, 1), (1, 0), (0, 1)
    assert as_sets(comp) == {
        (frozenset({T, M}), frozenset({L})),
        (frozenset({M}), frozenset({L, R})),
        (frozenset({M, Bo}), frozenset({R})),
    }
    assert comp.dimension == 1 and comp.supports == ((0, 1), (0, 1))


def test_nondegenerate_games_have_isolated_components_and_labels_survive() -> None:
    g = catalog.load("battle-of-the-sexes")
    eqs = g.equilibria()
    assert [c.dimension for c in eqs.components] == [0, 0, 0]
    entry = NormalFormGame([[[0, 0], [-1, 1]], [[2, 2], [-1, 1]]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comps = entry.equilibria().components
    assert sorted(c.dimension for c in comps) == [0, 1]


def test_components_can_be_attached_by_a_solver() -> None:
    eqs = equilibria([np.array([[1, 0], [0, 1]])] * 2)
    marker = EquilibriumComponent(supports=((0,), (0,)), representative=(), dimension=0)
    eqs.components = [marker]
    assert eqs.components == (marker,)


def test_nau_gomez_canovas_hansen_segment() -> None:
    # Nau, Gomez Canovas & Hansen (2004, sec. 6): the Nash equilibria form a segment
    # through ((1/2, 1/2), (1/2, 1/2), (1/4, 1/4, 1/4, 1/4)) on the full face
    payoffs = catalog.load("nau-gomez-canovas-hansen2004-2x2x4").payoff_arrays(exact=True)
    comp = component_on_support(payoffs, [(0, 1), (0, 1), (0, 1, 2, 3)])
    assert comp is not None and comp.dimension == 1 and comp.exact
    assert is_nash(payoffs, comp.representative)
    assert all(r == 0 for r in regret(payoffs, comp.representative))


def test_isolated_and_missing_support_systems() -> None:
    # McKelvey-McLennan's totally mixed equilibria are regular: dimension 0
    mm = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=False)
    comp = component_on_support(mm, [(0, 1)] * 3)
    assert comp is not None and comp.dimension == 0
    # strictly dominant first strategies: no equilibrium uses the second one
    u = np.zeros((2, 2, 2), int)
    u[0] = 1
    dominant = [u, np.moveaxis(u, 0, 1), np.moveaxis(u, 0, 2)]
    assert component_on_support(dominant, [(0, 1)] * 3) is None
    comps = equilibrium_components(equilibria(dominant), payoffs=dominant)
    assert [c.dimension for c in comps] == [0]


bits = st.integers(0, 1)


@given(st.integers(2, 3), st.integers(2, 3), st.data())
def test_cliques_are_sets_of_equilibria(m, n, data) -> None:
    A = np.array(data.draw(st.lists(bits, min_size=m * n, max_size=m * n))).reshape(m, n)
    B = np.array(data.draw(st.lists(bits, min_size=m * n, max_size=m * n))).reshape(m, n)
    eqs = solve(A, B)
    comps = components_from_extreme_points(eqs, payoffs=[A, B])
    assert sum(len(c.vertices) for c in comps) == len(eqs)
    # joining cross pairs by membership in the list agrees with checking their regret
    assert [as_sets(c) for c in components_from_extreme_points(eqs)] == [as_sets(c) for c in comps]
    for comp in comps:
        assert is_nash([A, B], comp.representative)
        xs, ys = comp.points
        for X, Y in comp.cliques:
            for i in X:
                for j in Y:
                    assert is_nash([A, B], [xs[i], ys[j]])
            mid = [sum(xs[i] for i in X) / len(X), sum(ys[j] for j in Y) / len(Y)]
            assert is_nash([A, B], mid)


def test_gambit_all_zero_bimatrix_file(gambit_file) -> None:
    # Gambit's test game: every profile is an equilibrium, one component (the square)
    path = gambit_file("tests_test_games_2x2_bimatrix_all_zero_payoffs.nfg")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # repeated labels renamed; degenerate game
        g = NormalFormGame.read_nfg(path)
        (comp,) = g.equilibria().components
    assert comp.dimension == 2 and len(comp.cliques) == 1 and len(comp.vertices) == 4
