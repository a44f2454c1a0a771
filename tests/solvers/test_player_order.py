"""Support systems solved with their players in another order: the same roots, in the
players' own order (relabelling the players permutes the answer, never changes it)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from solvers.finite._homotopy import track_support
from solvers.finite._player_order import reordered_game, restore_blocks, size_order
from solvers.finite._polynomial import _track_all, free_to_profile, support_profiles
from solvers.finite._subdivision import solve_supports
from solvers.verify import regret


def _random_game(shape, seed):
    rng = np.random.default_rng(seed)
    return [rng.integers(-9, 10, size=shape).astype(float) for _ in shape]


def _same_points(ours, theirs, atol):
    return len(ours) == len(theirs) and all(
        any(np.allclose(p, q, atol=atol) for q in theirs) for p in ours
    )


def _equilibria(points, payoffs, support):
    """The roots that are equilibria: probability vectors (a root with a negative last
    probability, outside the simplex, may be returned or not) where no strategy outside
    the support pays more (such roots may be pruned or not). The subdivision promises
    every one of those."""
    shape = payoffs[0].shape
    out = []
    for x in points:
        profile = free_to_profile(x, support, shape)
        if min(p.min() for p in profile) >= -1e-9 and max(regret(payoffs, profile)) <= 1e-7:
            out.append(x)
    return out


def _real_in_box(points):
    out = []
    for z in points:
        z = np.asarray(z)
        if np.abs(z.imag).max() <= 1e-8 and z.real.min() >= -1e-9 and z.real.max() <= 1 + 1e-9:
            out.append(z.real)
    return out


def test_size_order_puts_the_largest_supports_first():
    # ties keep the players' order, broken first by the number of strategies
    assert size_order(((0,), (0, 1), (0, 1, 2), (1, 2)), (2, 2, 3, 3)) == (2, 3, 1, 0)
    assert size_order(((0, 1), (0, 1)), (2, 3)) == (1, 0)
    assert size_order(((0, 1), (0, 1)), (3, 3)) == (0, 1)


@settings(max_examples=10, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(2, 3, 2), (3, 2, 2, 2), (2, 2, 3), (3, 3, 2)]),
    st.data(),
)
def test_relabelled_players_permute_the_subdivision_roots(seed, shape, data):
    u = _random_game(shape, seed)
    perm = tuple(data.draw(st.permutations(range(len(shape)))))
    v = reordered_game(u, perm)  # player p of v is player perm[p] of u
    supports = [s for s in support_profiles(shape) if 1 <= sum(len(S) - 1 for S in s) <= 5]
    moved = [tuple(s[i] for i in perm) for s in supports]
    mine = solve_supports(u, supports, max_boxes=20_000)
    theirs = solve_supports(v, moved, max_boxes=20_000)
    for s, (status, points), (other, other_points) in zip(supports, mine, theirs, strict=True):
        if status == other == "ok":
            back = [restore_blocks(x, s, perm) for x in other_points]
            assert _same_points(_equilibria(points, u, s), _equilibria(back, u, s), 1e-9), s


@settings(max_examples=6, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([(3, 3, 2), (2, 3, 3, 2)]))
def test_batched_homotopy_finds_each_systems_own_roots(seed, shape):
    # _track_all tracks systems of permuted size patterns together, each with its
    # players reordered; each system's real roots in the box must be those the homotopy
    # finds for it alone, in the players' own order
    u = _random_game(shape, seed)
    supports = [s for s in support_profiles(shape) if sum(len(S) - 1 for S in s) == 4]
    together = _track_all(u, supports, systems="homotopy")
    for support in supports:
        status, points = together[support]
        alone, alone_points = track_support(u, support, seed=7)
        if status == alone == "ok":
            assert _same_points(_real_in_box(points), _real_in_box(alone_points), 1e-7), support


@settings(max_examples=25, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([(3, 3, 2), (3, 2, 2, 2), (4, 3, 3)]),
    st.lists(st.integers(0, 6), min_size=1, max_size=6),
)
def test_batched_system_values_do_not_depend_on_the_layout(seed, shape, counts):
    # the homotopy evaluates each point with its own system's tensors: one matrix product
    # per system over its points padded to a common count (when they come sorted by
    # system, as in the tracker), or each point's tensor gathered; both give the same
    # values and Jacobians
    from solvers.finite._homotopy import _System

    assume(sum(counts) > 0)  # the tracker evaluates at least one point
    u = _random_game(shape, seed)
    rng = np.random.default_rng(seed)
    sizes = [2] * len(shape)
    pool = [s for s in support_profiles(shape) if [len(S) for S in s] == sizes]  # one size pattern
    supports = [pool[k % len(pool)] for k in range(len(counts))]
    system = _System(u, supports)
    which = np.repeat(np.arange(len(counts)), counts)
    x = rng.standard_normal((which.size, system.count)) + 1j * rng.standard_normal(
        (which.size, system.count)
    )
    padded = system.evaluate(x, which)
    shuffled = rng.permutation(which.size)  # unsorted: every tensor gathered
    gathered = system.evaluate(x[shuffled], which[shuffled])
    for a, b in zip(padded, gathered, strict=True):
        assert np.allclose(a[shuffled], b, rtol=1e-12, atol=1e-12)
    for k, w in enumerate(which):  # and each point alone, with its system alone
        alone = _System(u, [supports[w]]).evaluate(x[k : k + 1], np.zeros(1, dtype=int))
        assert np.allclose(alone[0][0], padded[0][k]) and np.allclose(alone[1][0], padded[1][k])
