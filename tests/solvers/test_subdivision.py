"""Certified subdivision of support systems, cross-checked against the homotopy and exact
Groebner bases, and the time budget of exact algebra."""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite import polynomial_equilibria
from solvers.finite._homotopy import track_support
from solvers.finite._polynomial import _numeric_route, free_to_profile, support_profiles
from solvers.finite._subdivision import (
    MAX_BOXES,
    _branch_blocks,
    _left_inverse,
    box_limit,
    solve_support,
    solve_supports,
)
from solvers.verify import is_nash, regret


def _random_game(shape, seed, low=-9, high=10):
    rng = np.random.default_rng(seed)
    return [rng.integers(low, high, size=shape).astype(float) for _ in shape]


def _in_simplex(x, support, margin=1e-7):
    """Free probabilities of a support system that make a mixed profile."""
    k = 0
    for S in support:
        d = len(S) - 1
        block = x[k : k + d]
        if block.size and (block.min() < -margin or block.sum() > 1 + margin):
            return False
        k += d
    return True


def _real_roots(points, support):
    out = []
    for z in points:
        z = np.asarray(z)
        if np.abs(z.imag).max() > 1e-8:
            continue
        if _in_simplex(z.real, support):
            out.append(z.real)
    return out


def _same_points(ours, theirs, atol=1e-6):
    return len(ours) == len(theirs) and all(
        any(np.allclose(p, q, atol=atol) for q in theirs) for p in ours
    )


def test_the_fair_coin_of_the_cyclic_matching_game():
    # player i is paid 1 for matching player i+1: the only totally mixed solution is
    # (1/2, 1/2, 1/2), a root of x_{i+1} = 1/2 for every i
    u = [np.zeros((2, 2, 2)) for _ in range(3)]
    for s in np.ndindex(2, 2, 2):
        for i in range(3):
            u[i][s] = float(s[i] == s[(i + 1) % 3])
    status, points = solve_support(u, ((0, 1),) * 3)
    assert status == "ok"
    assert [np.round(p, 12).tolist() for p in points] == [[0.5, 0.5, 0.5]]


def test_a_system_that_vanishes_identically_is_not_settled():
    zeros = [np.zeros((2, 2, 2))] * 3
    assert solve_support(zeros, ((0, 1),) * 3) == ("unsure", [])


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 2, 2), (2, 3, 3), (3, 3, 3), (2, 2, 2, 2), (3, 2)]),
)
def test_subdivision_finds_every_real_root_the_homotopy_finds(seed, shape):
    # full supports have no strategy outside them, so the subdivision prunes nothing
    # but negative probabilities: both methods list every solution in the simplex
    u = _random_game(shape, seed)
    support = tuple(tuple(range(m)) for m in shape)
    status, points = solve_support(u, support)
    by_homotopy, hpoints = track_support(u, support)
    if status == "ok" and by_homotopy == "ok":
        ours, theirs = _real_roots(points, support), _real_roots(hpoints, support)
        assert _same_points(ours, theirs)


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([(5, 4, 3), (6, 4, 3), (5, 5, 3)]))
def test_subdivision_of_large_three_player_systems_finds_the_homotopys_roots(seed, shape):
    # 9-10 unknowns where the values of two determine the rest linearly: the default
    # route is the subdivision (with block contraction); it must find every root in the
    # simplex that the homotopy finds, and no other (full supports: nothing is pruned
    # but negative probabilities)
    u = _random_game(shape, seed)
    support = tuple(tuple(range(m)) for m in shape)
    assert _numeric_route(support) == "subdivision"
    status, points = solve_support(u, support)
    by_homotopy, hpoints = track_support(u, support)
    assert status == "ok"
    if by_homotopy == "ok":
        ours, theirs = _real_roots(points, support), _real_roots(hpoints, support)
        assert _same_points(ours, theirs)


def test_the_default_routes_of_three_player_systems():
    # two branching unknowns: subdivision up to 10 unknowns; three (4x4x4 full
    # supports, 9 unknowns): the homotopy's 56 paths
    assert _branch_blocks((4, 3, 2))[0] == (2,) and _branch_blocks((3, 3, 3))[0] == (0,)
    full = lambda *sizes: tuple(tuple(range(m)) for m in sizes)  # noqa: E731
    assert _numeric_route(full(5, 4, 3)) == "subdivision"
    assert _numeric_route(full(6, 4, 3)) == "subdivision"
    assert _numeric_route(full(4, 4, 4)) == "homotopy"
    assert _numeric_route(full(7, 4, 3)) == "homotopy"  # 11 unknowns


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 6),
    st.integers(0, 4),
    st.integers(1, 40),
    st.booleans(),
)
def test_left_inverse_of_a_stack(seed, cols, extra, count, deficient):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((count, cols + extra, cols))
    if deficient and cols > 1:  # a repeated column: no left inverse; the pseudo-inverse
        A[::2, :, -1] = A[::2, :, 0]
    L = _left_inverse(A)
    assert L is not None and L.shape == (count, cols, cols + extra)
    expected = np.linalg.pinv(A)
    assert np.allclose(L, expected, atol=1e-6 * (1 + np.abs(expected).max()))
    full = np.ones(count, dtype=bool)
    if deficient and cols > 1:
        full[::2] = False
    assert np.allclose(L[full] @ A[full], np.eye(cols), atol=1e-8)


@settings(max_examples=12, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 2, 2), (2, 2, 3), (2, 3, 3), (2, 2, 2, 2)]),
)
def test_subdivision_and_groebner_find_the_same_equilibria(seed, shape):
    payoffs = [u.astype(int) for u in _random_game(shape, seed, -30, 31)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # degenerate draws: continua
        ours = polynomial_equilibria(payoffs, exact=True, systems="subdivision")
        exact = polynomial_equilibria(payoffs, exact=True, systems="groebner")
    key = lambda eq: tuple(round(float(p), 6) + 0.0 for s in eq.strategies for p in s)  # noqa: E731
    # Groebner flags every positive-dimensional solution set; subdivision proves a support
    # has no equilibrium even when its system has a continuum of solutions away from the
    # equilibrium region (negative probabilities, a better outside strategy). So ours may
    # be complete where Groebner is not, never the other way, and then the sets agree
    # (a continuum holding equilibria would have kept subdivision from being complete).
    if exact.complete:
        assert ours.complete
    if ours.complete:
        assert sorted(map(key, ours)) == sorted(map(key, exact))
    for eq in ours:
        assert eq.regret == 0


def test_mckelvey_mclennan_nine_by_subdivision():
    from games import catalog

    payoffs = catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True)
    eqs = polynomial_equilibria(payoffs, exact=True, systems="subdivision")
    assert eqs.complete and len(eqs) == 9
    exacts = [np.asarray(u, dtype=object) for u in payoffs]
    for eq in eqs:
        if all(isinstance(p, F | int) for s in eq.strategies for p in s):
            assert max(regret(exacts, list(eq.strategies))) == 0


# A 2x2x2x2 game whose totally mixed equilibrium is irrational (coordinates are roots of
# a degree-9 polynomial): four players mix, so exact algebra runs under exact_budget
BUDGET_GAME = [u.astype(int) for u in _random_game((2, 2, 2, 2), 0)]


def _totally_mixed(eqs):
    return [eq for eq in eqs if all(0 < float(p) < 1 for s in eq.strategies for p in s)]


def test_exact_algebra_within_its_budget_is_exact():
    eqs = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=None)
    (mixed,) = _totally_mixed(eqs)
    assert mixed.exact and mixed.regret == 0
    assert not any("exact_budget" in note for note in eqs.notes)


def test_past_its_budget_the_equilibrium_is_a_certified_float():
    exact = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=None)
    eqs = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=0.0)
    assert eqs.complete and len(eqs) == len(exact)
    (mixed,) = _totally_mixed(eqs)
    (reference,) = _totally_mixed(exact)
    assert not mixed.exact and float(mixed.regret) <= 1e-9
    for s, t in zip(mixed.strategies, reference.strategies, strict=True):
        assert np.allclose(np.array(s, dtype=float), np.array(t, dtype=float), atol=1e-10)
    assert any("exact_budget=0.0" in note for note in eqs.notes)


@pytest.mark.parametrize("systems", ["subdivision", "homotopy", "groebner"])
def test_every_route_lists_the_pure_equilibria_of_a_coordination_game(systems):
    u = np.zeros((2, 2, 2), dtype=int)
    for s in itertools.product(range(2), repeat=3):
        u[s] = int(len(set(s)) == 1)
    eqs = polynomial_equilibria([u, u, u], exact=True, systems=systems)
    pure = {
        tuple(int(np.argmax(s)) for s in eq.strategies)
        for eq in eqs
        if all(max(s) == 1 for s in eq.strategies)
    }
    assert pure == {(0, 0, 0), (1, 1, 1)}


def _mixed_is_exact_in_worker(_: int) -> tuple[int, bool]:
    eqs = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=30.0)
    (mixed,) = _totally_mixed(eqs)
    return len(eqs), bool(mixed.exact)


def test_a_pool_worker_which_cannot_fork_gets_certified_floats():
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this platform cannot fork: exact algebra always runs in-process")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        count, exact = pool.map(_mixed_is_exact_in_worker, [0])[0]
    reference = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=None)
    assert count == len(reference) and not exact


def test_a_nearly_pure_mixed_equilibrium_is_not_snapped_to_a_pure_one():
    # coordination with payoffs a and 1: the mixed equilibrium puts 1/(a+1) on the first
    # strategy (indifference a*q = 1 - q), within 1e-8 of the pure profile (0, 1)
    a = 2 * 10**8
    A = np.array([[a, 0], [0, 1]])
    eqs = polynomial_equilibria([A, A.T], exact=True)
    mixed = ((F(1, a + 1), F(a, a + 1)), (F(1, a + 1), F(a, a + 1)))
    assert eqs.complete and len(eqs) == 3
    assert mixed in {tuple(tuple(s) for s in eq.strategies) for eq in eqs}


@pytest.mark.parametrize("seed", [3, 50])
def test_a_large_common_offset_changes_no_equilibrium(seed):
    rng = np.random.default_rng(seed)
    small = [rng.integers(-3, 4, size=(2, 2, 2)) for _ in range(3)]
    shifted = [u.astype(np.int64) + 10**12 for u in small]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        base = polynomial_equilibria(small, exact=True, systems="groebner")
        moved = polynomial_equilibria(shifted, exact=True)

    def key(eq):
        return tuple(
            F(p) if isinstance(p, int | F) else float(p) for s in eq.strategies for p in s
        )

    assert sorted(map(str, map(key, moved))) == sorted(map(str, map(key, base)))


def test_exact_budget_infinite_is_unlimited_and_nan_is_refused():
    eqs = polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=float("inf"))
    assert all(eq.exact for eq in _totally_mixed(eqs))
    with pytest.raises(ValueError, match="exact_budget"):
        polynomial_equilibria(BUDGET_GAME, exact=True, exact_budget=float("nan"))


# --- many systems searched side by side ----------------------------------------------------


@settings(max_examples=12, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 2, 2), (2, 2, 3), (2, 3, 3), (2, 2, 2, 2)]),
    st.sampled_from([(-9, 10), (0, 2), (0, 4)]),
)
def test_batched_search_gives_each_system_its_own_verdict(seed, shape, payoff_range):
    # degenerate draws (0/1, 0..3) included: "unsure" verdicts must not leak between the
    # systems searched together, and the certified roots must be the same
    u = _random_game(shape, seed, *payoff_range)
    screen = [v - v.min() for v in u]
    supports = [s for s in support_profiles(shape) if sum(len(S) - 1 for S in s) >= 1]
    together = solve_supports(screen, supports, max_boxes=5_000)  # the same limit for
    for support, (status, points) in zip(supports, together, strict=True):  # both
        alone_status, alone_points = solve_support(screen, support, max_boxes=5_000)
        assert status == alone_status, support
        assert _same_points(points, alone_points, atol=1e-9), support


def test_batched_search_keeps_the_order_of_the_supports():
    A = np.array([[3.0, 0.0], [0.0, 2.0]])
    B = np.array([[2.0, 0.0], [0.0, 3.0]])
    supports = [((0, 1), (0, 1)), ((0,), (0,)), ((0,), (1,)), ((1,), (1,))]
    verdicts = solve_supports([A, B], supports)
    # battle of the sexes: the mixed equilibrium (3/5, 2/5) against (2/5, 3/5) -- the
    # free probabilities are the first of each block -- and the two pure equilibria;
    # ((0,), (1,)) is no equilibrium
    assert [status for status, _ in verdicts] == ["ok"] * 4
    assert np.allclose(verdicts[0][1][0], [0.6, 0.4])
    assert [len(points) for _, points in verdicts] == [1, 1, 0, 1]


def test_the_box_limit_grows_with_the_number_of_unknowns():
    assert box_limit(3) == box_limit(6) == MAX_BOXES
    assert box_limit(7) == 2 * MAX_BOXES and box_limit(8) == 4 * MAX_BOXES


def test_a_singular_system_past_its_budget_is_reported_not_run_for_hours():
    # a degenerate 2x2x2x3 game with 0/1 payoffs: its full-support system (four players
    # mixing) is singular for both numerical methods, and its exact Groebner basis ran
    # for more than five minutes; within exact_budget it is reported undecided instead
    from solvers.finite import pure_equilibria

    rng = np.random.default_rng(0)
    payoffs = [rng.integers(0, 2, size=(2, 2, 2, 3)) for _ in range(4)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        eqs = polynomial_equilibria(payoffs, exact=True, exact_budget=1.0)
    assert not eqs.complete
    undecided = [note for note in eqs.notes if "could be decided neither" in note]
    assert undecided and "((0, 1), (0, 1), (0, 1), (0, 1, 2))" in undecided[0]
    exacts = [u.astype(object) for u in payoffs]
    for eq in eqs:
        assert max(regret(exacts, list(eq.strategies))) == 0
    ours = {tuple(tuple(s) for s in eq.strategies) for eq in eqs}
    pure = pure_equilibria(payoffs, exact=True)
    assert pure and all(tuple(tuple(s) for s in eq.strategies) in ours for eq in pure)


def test_a_root_on_a_face_pinned_by_contraction_is_certified():
    # one equation involves x2 alone: the first contraction pins x2 to a few ulps, and the
    # root (0, 0, 0) lies on that face; splitting along the pinned side (the widths before
    # contraction) or a radius below the rounding slack left it "unsure" for ever. The
    # root is regular (Jacobian determinant -1/6.75) and no deviation gains there.
    rng = np.random.default_rng(110)
    u = [rng.integers(0, 4, (2, 2, 2, 2)) for _ in range(4)]
    screen = [np.asarray(v, dtype=float) - np.min(v) for v in u]
    status, points = solve_support(screen, ((0, 1), (0, 1), (0, 1), (0,)))
    assert status == "ok" and len(points) == 1 and np.allclose(points[0], 0.0, atol=1e-12)


def test_systems_set_aside_for_memory_keep_their_own_verdicts(monkeypatch):
    # with a tiny cap on the boxes alive in a group, the busiest systems are searched
    # again alone: the verdicts must not change
    import solvers.finite._subdivision as subdivision

    u = _random_game((2, 2, 2, 2), 7, 0, 4)
    screen = [v - v.min() for v in u]
    supports = [s for s in support_profiles((2, 2, 2, 2)) if sum(len(S) - 1 for S in s) == 3]
    expected = [solve_support(screen, s) for s in supports]
    monkeypatch.setattr(subdivision, "GROUP_LIVE", 8)
    got = solve_supports(screen, supports)
    for (status, points), (want_status, want_points) in zip(got, expected, strict=True):
        assert status == want_status and _same_points(points, want_points, atol=1e-12)


@settings(max_examples=15, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 2, 2), (2, 3, 3), (3, 3, 3), (2, 2, 2, 2), (4, 3, 2)]),
)
def test_the_preconditioned_exclusion_only_discards_empty_boxes(seed, shape):
    # the same systems with and without the test: the same certified roots (the test
    # only ever removes boxes that hold no solution), and no "ok" turns "unsure"
    import solvers.finite._subdivision as subdivision

    u = _random_game(shape, seed)
    screen = [v - v.min() for v in u]
    supports = [s for s in support_profiles(shape) if 2 <= sum(len(S) - 1 for S in s) <= 7]
    with_test = solve_supports(screen, supports, max_boxes=20_000)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(subdivision, "PRECONDITIONED_MAX_UNKNOWNS", 0)
        without = solve_supports(screen, supports, max_boxes=20_000)
    for support, (status, points), (status0, points0) in zip(
        supports, with_test, without, strict=True
    ):
        if status == status0 == "ok":
            assert _same_points(points, points0, atol=1e-9), support
        else:
            assert status0 == "unsure", support  # the test can only settle more


def test_vertex_values_are_the_equations_at_the_vertices():
    from solvers.finite._subdivision import _Multiaffine

    rng = np.random.default_rng(3)
    shape = (3, 2, 3)
    u = [rng.standard_normal(shape) for _ in shape]
    support = ((0, 1, 2), (0, 1), (1, 2))
    system = _Multiaffine(u, [support])
    lo = np.array([[0.1, 0.2, 0.3, 0.4]])
    hi = np.array([[0.3, 0.5, 0.6, 0.9]])
    values = system.vertex_values(np.zeros(1, dtype=int), lo, hi)[0]  # (d, V)
    corners = [np.where(np.array(c, dtype=bool), hi[0], lo[0]) for c in np.ndindex(2, 2, 2, 2)]
    direct = np.array([system.bounds(np.zeros(1, dtype=int), c[None])[0][0] for c in corners])
    # the same set of value vectors (the vertex order is internal)
    assert values.shape == (4, 16)
    got = sorted(map(tuple, np.round(values.T, 12)))
    assert got == sorted(map(tuple, np.round(direct, 12)))


def test_a_continuum_is_never_excluded_by_the_preconditioned_test():
    # a degenerate 2x3x4 game (payoffs 0..5): on the support below the solutions form a
    # segment (player 3's mixtures with (1/2, 1/2), (1/2, 0, 1/2)); near it the Jacobian
    # is singular, the preconditioner huge, and rounding in C F once excluded every box
    # ("ok" with no solution). The system must stay undecided, for the exact path.
    rng = np.random.default_rng(2 * 977 + 13)
    u = [rng.integers(0, 6, size=(2, 3, 4)) for _ in range(3)]
    screen = [(v - v.min()).astype(float) for v in u]
    support = ((0, 1), (0, 2), (0, 1, 2, 3))
    half, third = F(1, 2), F(1, 3)
    on_segment = [
        np.array([half, half], dtype=object),
        np.array([half, F(0), half], dtype=object),
        np.array([F(0), third, third, third], dtype=object),
    ]
    exact = [v.astype(object) for v in u]
    assert max(regret(exact, on_segment)) == 0  # an equilibrium, in the segment's closure
    assert solve_support(screen, support) == ("unsure", [])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=3, max_size=3))
def test_three_players_branch_on_one_block(dims):
    # three players: given block k, player i's equations are linear in block j and
    # player j's in block i, so blocks i, j follow from k alone when the larger of them
    # is covered by the smaller plus block k's equations: |d_i - d_j| <= d_k
    from solvers.finite._subdivision import _branch_blocks

    # (a pure player, d_k = 0, is known from the start: two mixing players are a
    # bimatrix game, each block fixed by the other player's equations when d_i = d_j)
    branch, order = _branch_blocks(tuple(dims))
    mixing = [j for j in range(3) if dims[j]]
    single = [dims[k] for k in range(3) if abs(dims[(k + 1) % 3] - dims[(k + 2) % 3]) <= dims[k]]
    assert sum(dims[j] for j in branch) == min(single)
    assert sorted(branch + order) == mixing


def test_four_binary_players_branch_on_two():
    # with blocks a, b known, player d's single equation is linear in c, then player c's
    # in d; one block known leaves every equation bilinear
    from solvers.finite._subdivision import _branch_blocks

    branch, order = _branch_blocks((1, 1, 1, 1))
    assert len(branch) == 2 and len(order) == 2


def _equilibrium_roots(screen, support, points, tol=1e-9):
    """The roots that make an equilibrium profile (in the simplex, no better strategy)."""
    shape = screen[0].shape
    out = []
    for x in points:
        profile = free_to_profile(x, support, shape)
        if min(s.min() for s in profile) < -tol:
            continue
        clipped = [np.clip(s, 0.0, None) / np.clip(s, 0.0, None).sum() for s in profile]
        if max(regret(screen, clipped)) <= 1e-7:
            out.append(x)
    return out


@settings(max_examples=10, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(3, 3, 3), (4, 3, 2), (4, 4, 3), (5, 3, 2), (2, 4, 4)]),
    st.sampled_from([(-9, 10), (0, 3)]),
)
def test_block_contraction_keeps_every_equilibrium_root(seed, shape, payoff_range):
    # the same systems with and without block contraction: the same roots that are
    # equilibria (without it, the search may also certify roots an outside strategy
    # beats, which contraction shrinks onto and discards), and no verdict it cannot back
    import solvers.finite._subdivision as subdivision

    u = _random_game(shape, seed, *payoff_range)
    screen = [v - v.min() for v in u]
    supports = [s for s in support_profiles(shape) if 3 <= sum(len(S) - 1 for S in s) <= 7]
    # (systems either search leaves unsure are not compared: a small box limit)
    contracted = solve_supports(screen, supports, max_boxes=5_000)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(subdivision, "CONTRACTION_MAX_MIXING", 0)
        plain = solve_supports(screen, supports, max_boxes=5_000)
    for support, (status, points), (status0, points0) in zip(
        supports, contracted, plain, strict=True
    ):
        if status == status0 == "ok":
            ours = _equilibrium_roots(screen, support, points)
            theirs = _equilibrium_roots(screen, support, points0)
            assert _same_points(ours, theirs, atol=1e-9), support


def _game_with_root(seed, shape):
    """A random game shifted so that a random interior profile solves its full support's
    system (each strategy's payoff moved by a constant until all of a player's
    strategies earn the same against the profile); the game and the root's free
    probabilities."""
    rng = np.random.default_rng(seed)
    n = len(shape)
    u = [rng.standard_normal(shape) for _ in shape]
    root = [rng.dirichlet(np.ones(m)) for m in shape]
    for i in range(n):
        values = u[i]
        for j in reversed(range(n)):
            if j != i:
                values = np.tensordot(values, root[j], axes=([j], [0]))
        shift = (values.max() - values).reshape([-1 if k == i else 1 for k in range(n)])
        u[i] = u[i] + shift
    return u, np.concatenate([r[:-1] for r in root])


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.data())
def test_a_contracted_box_still_holds_the_roots_it_held(seed, data):
    # any box around a root, contracted block by block, still holds it
    from solvers.finite._subdivision import _contract_block, _Multiaffine

    shape = (4, 3, 3)
    u, x = _game_with_root(seed, shape)
    system = _Multiaffine(u, [tuple(tuple(range(m)) for m in shape)])
    assert np.abs(system.bounds(np.zeros(1, dtype=int), x[None])[0]).max() < 1e-9
    below = np.array(data.draw(st.lists(st.floats(0, 0.3), min_size=7, max_size=7)))
    above = np.array(data.draw(st.lists(st.floats(0, 0.3), min_size=7, max_size=7)))
    lo, hi = (x - below)[None], (x + above)[None]
    for _ in range(2):
        for j in (0, 1, 2):
            lo, hi = _contract_block(system, np.zeros(1, dtype=int), lo, hi, j)
            assert np.all(lo[0] <= x + 1e-12) and np.all(x - 1e-12 <= hi[0]), j


@pytest.mark.parametrize("seed", range(5))
def test_a_narrow_branching_block_pins_the_others_down(seed):
    # 4x4x3, full supports: blocks of 3, 3 and 2 unknowns, branching on the last one.
    # With it known to 1e-6 around a root, player 1's equations fix player 2's block and
    # player 2's fix player 1's (square linear systems): the rest of the box, the whole
    # simplex, shrinks around the root to a width of order 1e-6
    from solvers.finite._subdivision import _branch_blocks, _contract_block, _Multiaffine

    shape = (4, 4, 3)
    u, x = _game_with_root(seed, shape)
    system = _Multiaffine(u, [tuple(tuple(range(m)) for m in shape)])
    branch, order = _branch_blocks((3, 3, 2))
    assert branch == (2,)
    lo = np.concatenate([np.full(6, -1e-3), x[6:] - 1e-6])[None]
    hi = np.concatenate([np.full(6, 1.001), x[6:] + 1e-6])[None]
    for _ in range(2):
        for j in order:
            lo, hi = _contract_block(system, np.zeros(1, dtype=int), lo, hi, j)
    assert np.all(lo[0] <= x + 1e-12) and np.all(x - 1e-12 <= hi[0])
    assert np.all(hi[0, :6] - lo[0, :6] < 1e-3)  # from 1.002 wide


def _overdetermined_game(common_root: bool):
    # an 8x3x3 game; on the support ((0..5), (0, 1, 2), (0, 1, 2)) player 0 has five
    # indifference equations in the four free probabilities of players 1 and 2. Player 0's
    # payoff difference between strategy s and strategy 5 is the matrix M_s (rows: player
    # 1's strategies, columns: player 2's): random (generic: no common root), or
    # v_s w_s^T with v_s orthogonal to (1, 1, 1) (common roots: y uniform, any z). With
    # common roots, players 1 and 2 care only about player 0 (G, K), with payoff
    # differences summing to zero over her support: she makes them indifferent by mixing
    # uniformly (and along a line), so the system's solutions fill a 3-dimensional set
    # inside the box (x on a segment through the uniform point, y uniform, z anything)
    rng = np.random.default_rng(11)
    u = [rng.integers(0, 100, size=(8, 3, 3)).astype(float) for _ in range(3)]
    if common_root:
        v = np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1], [1, 1, -2], [2, -1, -1]])
        for s in range(5):
            u[0][s] = u[0][5] + np.outer(v[s], rng.integers(1, 9, size=3))
        u[0][6:] = -1000.0  # strategies outside her support: far worse
        zero_sum = np.array(
            [[1, -1, 0], [2, 0, 1], [-1, 1, 1], [0, 2, -1], [-1, -1, 0], [-1, -1, -1]]
        )
        G = np.vstack([zero_sum, rng.integers(-5, 6, size=(2, 3))])  # (player 0, player 1)
        K = np.vstack([zero_sum[::-1], rng.integers(-5, 6, size=(2, 3))])  # (0, player 2)
        u[1] = np.repeat(G[:, :, None], 3, axis=2).astype(float)
        u[2] = np.repeat(K[:, None, :], 3, axis=1).astype(float)
    return u, ((0, 1, 2, 3, 4, 5), (0, 1, 2), (0, 1, 2))


def test_a_structurally_overdetermined_system_is_proved_empty():
    # five equations in four unknowns: generically no solution, and the search proves it
    # by discarding every box (its Jacobian is singular everywhere, nothing is certified)
    from solvers.finite._subdivision import _overdetermined_blocks

    u, support = _overdetermined_game(common_root=False)
    assert _overdetermined_blocks((5, 2, 2)) == (0,)
    assert track_support(u, support)[0] == "empty"  # the homotopy cannot decide
    assert solve_support(u, support, max_boxes=100_000) == ("ok", [])


def test_an_overdetermined_system_with_solutions_is_never_proved_empty():
    # the same pattern where player 0's equations hold on a whole segment (player 1
    # uniform, player 2 anything): a continuum, which must stay undecided
    u, support = _overdetermined_game(common_root=True)
    x = np.full(6, 1 / 6)
    y = z = np.full(3, 1 / 3)
    profile = [np.concatenate([x, [0.0, 0.0]]), y, z]
    assert max(regret(u, profile)) < 1e-12  # a point of the solution set, an equilibrium
    status, points = solve_support(u, support, max_boxes=100_000)
    assert (status, points) == ("unsure", [])


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(4, 6))
def test_an_overdetermined_system_is_never_proved_empty_near_its_root(seed, m):
    # player 0's m - 1 equations in the two unknowns of players 1 and 2 (y, z) share one
    # root (y0, z0) inside the box; players 1 and 2 care only about player 0's strategy
    # and are indifferent on an affine set of her mixtures through an interior point x0.
    # The search discards boxes by combinations of player 0's equations that keep one
    # sign (rotated by the singular vectors of their Jacobian): none may discard the
    # boxes around the solutions, which form a continuum (x anywhere on that set)
    rng = np.random.default_rng(seed)
    y0, z0 = rng.uniform(0.1, 0.9, size=2)
    x0 = rng.dirichlet(np.ones(m))
    u = [np.zeros((m, 2, 2)) for _ in range(3)]
    for s in range(m - 1):  # her payoff differences vanish at (y0, z0)
        M = rng.standard_normal((2, 2))
        u[0][s] = u[0][m - 1] + M - np.array([y0, 1 - y0]) @ M @ np.array([z0, 1 - z0])
    for player in (1, 2):  # her difference between strategies 0 and 1, zero at x0
        g = rng.standard_normal(m)
        g -= g @ x0
        index = (slice(None), 0, slice(None)) if player == 1 else (slice(None), slice(None), 0)
        u[player][index] = g[:, None]
    support = (tuple(range(m)), (0, 1), (0, 1))
    profile = [x0, np.array([y0, 1 - y0]), np.array([z0, 1 - z0])]
    assert max(regret(u, profile)) < 1e-9  # a point of the solution set
    status, points = solve_support(u, support, max_boxes=20_000)
    assert (status, points) != ("ok", [])


# A 2^5 integer game with two totally mixed equilibria, irrational: the system of the
# full support has 44 complex solutions (the multi-homogeneous Bezout number of five
# binary blocks), whose lex Groebner basis takes sympy more than 15 minutes
MANY_SOLUTIONS_GAME = [u.astype(int) for u in _random_game((2,) * 5, 28)]


def test_a_system_with_many_solutions_is_left_to_certified_floats_at_once(monkeypatch):
    import solvers.finite._polynomial as polynomial

    full = ((0, 1),) * 5
    assert polynomial._beyond_exact_reach(full, polynomial._Budget(1000.0))
    assert not polynomial._beyond_exact_reach(full, polynomial._Budget(None))
    assert not polynomial._beyond_exact_reach(full, None)
    four = ((0, 1),) * 4 + ((0,),)  # nine solutions: exact algebra in a fraction of a second
    assert not polynomial._beyond_exact_reach(four, polynomial._Budget(1000.0))
    tried = []
    exact_within_budget = polynomial._exact_within_budget

    def spy(R, equations, sym, exacts, support, *rest, **keywords):
        tried.append(support)
        return exact_within_budget(R, equations, sym, exacts, support, *rest, **keywords)

    monkeypatch.setattr(polynomial, "_exact_within_budget", spy)
    eqs = polynomial_equilibria(MANY_SOLUTIONS_GAME, exact=True, exact_budget=1000.0)
    mixed = _totally_mixed(eqs)
    assert eqs.complete and len(mixed) == 2 and full not in tried
    exacts = [u.astype(float) for u in MANY_SOLUTIONS_GAME]
    for eq in mixed:  # certified floats: regret re-checked, within the stated tolerance
        assert not eq.exact and is_nash(exacts, [np.array(s, dtype=float) for s in eq.strategies])
    assert any("too large for exact algebra" in note for note in eqs.notes)


# A 3x3x3 game whose equilibria include a segment: player 0's strategies 1 and 2 pay the
# same against the others' strategies 0 and 1 (not duplicates: they differ against 2), so
# ((p, a (1 - p), (1 - a) (1 - p)), (q, 1 - q, 0), (r, 1 - r, 0)) is an equilibrium for
# every a in [0, 1] (found by a review helper)
SEGMENT_GAME = [
    [
        [
            [2.0409191213851825, -2.5556650313141818, 0.41809884672577885],
            [-0.5677696061279298, -0.45264929211044586, -0.2155971630897659],
            [-2.019986129147251, -0.23193237764418947, -0.8652130762749417],
        ],
        [
            [-3.5594974364827054, 0.22578661322792176, -0.3526307943415954],
            [-0.2812874181513504, -0.6680463461089501, -1.0551505512051214],
            [5.0, 5.0, 5.0],
        ],
        [
            [-3.5594974364827054, 0.22578661322792176, 0.024259565076664623],
            [-0.2812874181513504, -0.6680463461089501, -0.505228735614018],
            [7.0, 7.0, 7.0],
        ],
    ],
    [
        [
            [-0.2696203273419135, -0.24355867907910456, 1.0023136012756912],
            [-0.06756413371044967, -0.291720232439864, 0.8825389674564839],
            [-20.0, -20.0, -20.0],
        ],
        [
            [-2.8281623068437627, 1.02130681750008, -0.9596447598081417],
            [-1.6686198426559695, 0.27644575952099965, 0.7005448853493901],
            [-20.0, -20.0, -20.0],
        ],
        [
            [-2.8281623068437627, 1.02130681750008, 0.7474079874793504],
            [-1.6686198426559695, 0.27644575952099965, -0.20552304990579248],
            [-20.0, -20.0, -20.0],
        ],
    ],
    [
        [
            [-0.2148289111268558, -1.4109251156793703, -20.0],
            [-2.4938942784579905, 0.690124770162812, -20.0],
            [-1.6388571438904884, 0.06135350983817159, -20.0],
        ],
        [
            [0.7572210447581504, -2.034167273443428, -20.0],
            [0.7095799877420675, 1.156401048432157, -20.0],
            [-0.49803984475130336, 0.32802009254257697, -20.0],
        ],
        [
            [0.7572210447581504, -2.034167273443428, -20.0],
            [0.7095799877420675, 1.156401048432157, -20.0],
            [-0.3722505640006159, -1.7181849497326165, -20.0],
        ],
    ],
]


def test_a_continuum_the_subdivision_cannot_settle_is_never_reported_complete():
    # the subdivision is unsure on the support ((0, 1, 2), (0, 1), (0, 1)); both homotopy
    # paths go to infinity, which says nothing about the segment: the result used to list
    # its two ends only, complete=True
    u = [np.array(v) for v in SEGMENT_GAME]
    p, q, r = 0.7791388525024254, 0.6248868624123451, 0.3282123316583289
    for a in (0.0, 0.5, 1.0):
        profile = [np.array([p, a * (1 - p), (1 - a) * (1 - p)]), np.array([q, 1 - q, 0.0])]
        profile.append(np.array([r, 1 - r, 0.0]))
        assert max(regret(u, profile)) < 1e-12
    for exact in (False, True):
        with pytest.warns(RuntimeWarning):
            eqs = polynomial_equilibria(u, exact=exact)
        assert not eqs.complete
