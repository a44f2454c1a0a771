"""Rounding float profiles to the exact equilibrium they approximate, never to another."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.finite._snap import SNAP_ATOL, nearby_rational_equilibrium
from solvers.verify import regret

COORDINATION = [np.array([[1, 0], [0, 1]])] * 2


def test_the_mixed_equilibrium_is_recovered_exactly():
    near = [np.array([0.5 + 1e-12, 0.5 - 1e-12])] * 2
    q = nearby_rational_equilibrium(near, COORDINATION)
    assert [list(s) for s in q] == [[F(1, 2), F(1, 2)]] * 2


def test_a_coarse_rounding_that_is_another_equilibrium_is_refused():
    # (0.96, 0.04) rounds to the pure (1, 0) with denominators up to 10, and the pure
    # profile is an equilibrium of the coordination game: not the point we were given
    assert nearby_rational_equilibrium([np.array([0.96, 0.04])] * 2, COORDINATION) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 4), st.integers(2, 4))
def test_a_snapped_profile_is_an_exact_equilibrium_near_the_float_one(seed, m, n):
    rng = np.random.default_rng(seed)
    A, B = rng.integers(-9, 10, size=(m, n)), rng.integers(-9, 10, size=(m, n))
    profile = [rng.dirichlet(np.ones(m)), rng.dirichlet(np.ones(n))]
    if rng.random() < 0.5:  # a pure profile, slightly perturbed
        profile = [np.eye(m)[rng.integers(m)] + 1e-12, np.eye(n)[rng.integers(n)] + 1e-12]
    q = nearby_rational_equilibrium(profile, [A, B])
    if q is not None:
        assert max(regret([A.astype(object), B.astype(object)], q)) == 0
        assert all(sum(s) == 1 for s in q)
        for s, p in zip(q, profile, strict=True):
            assert np.max(np.abs(np.array(s, dtype=float) - p)) <= SNAP_ATOL
