"""The parameter homotopy (from a generic system of each size pattern) against the
linear-product homotopy it replaces for patterns with many systems.

Both promise, with an ``"ok"`` verdict, every isolated solution of a support system; so
a regular root either finds must be among the roots of the other wherever that one says
``"ok"``. A generic system's solutions must number its multi-homogeneous Bézout count.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite._homotopy import (
    _System,
    _tall_product,
    generic_start,
    homotopy_paths,
    track_many,
)


@pytest.mark.parametrize(
    "sizes",
    [(2, 2, 2), (3, 3, 2), (4, 4, 4), (5, 4, 3), (3, 3, 3, 2), (2, 2, 2, 2, 2), (4, 1, 3, 3)],
)
def test_a_generic_system_has_as_many_regular_solutions_as_its_bezout_number(sizes):
    found = generic_start(sizes)
    assert found is not None
    tensors, solutions = found
    assert solutions.shape == (homotopy_paths(sizes), sum(m - 1 for m in sizes))
    system = _System.from_tensors(tensors)
    F, J = system.evaluate(solutions, np.zeros(len(solutions), dtype=int))
    assert np.abs(F).max() < 1e-9
    assert np.all(np.linalg.cond(J) < 1e8)
    gaps = np.abs(solutions[:, None, :] - solutions[None, :, :]).max(axis=2)
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() > 1e-6  # distinct


def test_a_pattern_with_no_start_paths_has_no_generic_start():
    # player 0's 4 equations in the others' 2 unknowns: overdetermined, no paths
    assert homotopy_paths((5, 2, 2)) == 0
    assert generic_start((5, 2, 2)) is None


def _contains(points, z):
    return any(np.abs(p - z).max() < 1e-6 for p in points)


SHAPES = [(4, 4, 4), (5, 4, 3), (4, 3, 3, 2), (3, 3, 3, 3), (2, 2, 2, 2, 2)]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(SHAPES), st.integers(0, 2**32 - 1))
def test_the_parameter_and_linear_product_homotopies_find_the_same_roots(shape, seed):
    rng = np.random.default_rng(seed)
    u = [rng.normal(size=shape) for _ in shape]
    sizes = tuple(int(rng.integers(2, m + 1)) for m in shape)
    supports = [
        tuple(
            tuple(sorted(rng.choice(m, k, replace=False).tolist()))
            for m, k in zip(shape, sizes, strict=True)
        )
        for _ in range(5)
    ]
    by_start = track_many(u, supports, parameter=False)
    by_parameter = track_many(u, supports, parameter=True)
    for (s1, p1), (s2, p2) in zip(by_start, by_parameter, strict=True):
        assert s1 in ("ok", "diverged", "unsure", "empty")
        # an "ok" verdict promises every isolated root: the other method's are among them
        if s1 == "ok":
            assert all(_contains(p1, z) for z in p2)
        if s2 == "ok":
            assert all(_contains(p2, z) for z in p1)
        if s1 == "ok" and s2 == "ok":
            assert len(p1) == len(p2)


def test_most_random_systems_are_settled_by_the_parameter_homotopy():
    rng = np.random.default_rng(5)
    shape = (6, 6, 5)
    u = [rng.normal(size=shape) for _ in shape]
    supports = [
        tuple(tuple(sorted(rng.choice(m, 4, replace=False).tolist())) for m in shape)
        for _ in range(8)
    ]
    verdicts = track_many(u, supports, parameter=True)
    # a generic system's 56 isolated solutions, all regular and finite
    assert [(s, len(p)) for s, p in verdicts] == [("ok", 56)] * 8


def test_the_stacked_product_is_the_matrix_product():
    rng = np.random.default_rng(0)
    for rows in (0, 1, 63, 64, 65, 1000):
        W = rng.normal(size=(rows, 4)) + 1j * rng.normal(size=(rows, 4))
        T = rng.normal(size=(4, 9))
        assert np.allclose(_tall_product(W, T), W @ T, rtol=1e-14, atol=1e-14)
