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


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(1, 3), min_size=2, max_size=4),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["int", "fraction", "mixed"]),
)
def test_exact_expected_payoffs_equal_the_plain_contraction(shape, seed, payoff_kind):
    # the same values and the same types (int or Fraction) entry by entry, whatever mix
    # of int and Fraction payoffs and of pure (int) and mixed (Fraction) strategies
    rng = np.random.default_rng(seed)
    shape = tuple(shape)

    def entry(v):
        fraction = payoff_kind == "fraction" or (payoff_kind == "mixed" and rng.random() < 0.5)
        return Fraction(int(v), int(rng.integers(1, 7))) if fraction else int(v)

    payoffs = [
        np.vectorize(entry, otypes=[object])(rng.integers(-9, 10, size=shape)) for _ in shape
    ]
    profile = []
    for m in shape:
        if rng.random() < 0.3:  # a pure strategy in plain integers
            pure = np.zeros(m, dtype=object)
            pure[:] = 0
            pure[int(rng.integers(0, m))] = 1
            profile.append(pure)
            continue
        weights = rng.integers(0, 5, size=m)
        weights[0] += 1
        total = int(weights.sum())
        profile.append(np.array([Fraction(int(w), total) for w in weights], dtype=object))
    got = expected_payoffs(payoffs, profile)
    want = _plain(payoffs, profile)
    for g, w in zip(got, want, strict=True):
        assert g.shape == w.shape
        assert all(type(a) is type(b) and a == b for a, b in zip(g.flat, w.flat, strict=True))


def test_many_long_denominators_take_the_fraction_path():
    # a common denominator of hundreds of bits would make every product huge: past
    # 64 bits the integer path is not taken (same values either way)
    from solvers.verify import _IntegerScaled

    primes = [1_000_003, 1_000_033, 1_000_037, 1_000_039, 1_000_081]
    u = np.array([[Fraction(1, p) for p in primes]] * 5, dtype=object)
    x = np.array([Fraction(1, 5)] * 5, dtype=object)
    scaled = _IntegerScaled([u, u.T], [x, x])
    assert not scaled.applies(0) and not scaled.applies(1)
    small = np.array([[Fraction(k, 6) for k in range(5)]] * 5, dtype=object)
    assert _IntegerScaled([small, small.T], [x, x]).applies(0)
    got = expected_payoffs([u, u.T], [x, x])
    assert got[0].tolist() == [sum(u[r], Fraction(0)) / 5 for r in range(5)]


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
