"""Exact expected payoffs: the integer fast path gives the Fraction values of the plain
contraction, for integer and Fraction payoffs against Fraction profiles."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from solvers.verify import expected_payoffs, regret


def _plain(payoffs, profile):
    """The contraction in Fraction arithmetic throughout (the definition)."""
    out = []
    n = len(payoffs)
    for i in range(n):
        u = payoffs[i]
        for j in range(n - 1, -1, -1):
            if j != i:
                u = np.tensordot(u, profile[j], axes=([j], [0]))
        out.append(u)
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 3), min_size=2, max_size=4),
    st.integers(0, 2**32 - 1),
    st.booleans(),
)
def test_fraction_payoffs_are_exact_and_fractions(shape, seed, fractional):
    rng = np.random.default_rng(seed)
    shape = tuple(shape)

    def entry(v):
        return Fraction(int(v), int(rng.integers(1, 7))) if fractional else int(v)

    payoffs = [
        np.vectorize(entry, otypes=[object])(rng.integers(-9, 10, size=shape)) for _ in shape
    ]
    profile = []
    for m in shape:
        weights = rng.integers(0, 5, size=m)
        weights[0] += 1
        total = int(weights.sum())
        profile.append(np.array([Fraction(int(w), total) for w in weights], dtype=object))
    got = expected_payoffs(payoffs, profile)
    want = _plain(payoffs, profile)
    for g, w in zip(got, want, strict=True):
        assert g.shape == w.shape
        assert all(type(a) is Fraction and a == Fraction(b) for a, b in zip(g.flat, w.flat))


def test_matching_pennies_at_its_equilibrium_has_zero_regret_exactly():
    A = np.array([[1, -1], [-1, 1]], dtype=object)
    half = np.array([Fraction(1, 2), Fraction(1, 2)], dtype=object)
    assert [v.tolist() for v in expected_payoffs([A, -A], [half, half])] == [
        [Fraction(0), Fraction(0)],
        [Fraction(0), Fraction(0)],
    ]
    assert regret([A, -A], [half, half]).tolist() == [0, 0]
    off = np.array([Fraction(2, 3), Fraction(1, 3)], dtype=object)
    assert regret([A, -A], [off, half]).tolist() == [0, Fraction(1, 3)]
