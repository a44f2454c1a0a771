"""Exact payoffs in Q[t]/(f) and proved root digits, against sympy's own arithmetic."""

from __future__ import annotations

import itertools

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sympy.polys.domains import QQ

from solvers.finite._residue import coefficients, real_root_digits, residue_payoffs

t = sp.Symbol("t")


def sympy_payoffs(payoffs, profile, f):
    """The same payoffs by sympy ``Poly`` arithmetic, entry by entry (the reference)."""
    n = len(profile)
    out = []
    for i in range(n):
        m = payoffs[i].shape[i]
        rows = []
        for s in range(m):
            total = sp.Poly(0, t, domain="QQ")
            for others in itertools.product(*[range(len(profile[j])) for j in range(n) if j != i]):
                index = list(others)
                index.insert(i, s)
                term = sp.Poly(int(payoffs[i][tuple(index)]), t, domain="QQ")
                for j, k in zip([j for j in range(n) if j != i], others, strict=True):
                    term = term * profile[j][k]
                total = total + term
            rows.append(total.rem(f))
        out.append(rows)
    return out


def irreducible(coefficients_high_first):
    """The first factor of degree >= 2 of a random integer polynomial, or ``None``."""
    p = sp.Poly(coefficients_high_first, t)
    if p.degree() < 2:
        return None
    for g, _ in p.factor_list()[1]:
        if g.degree() >= 2:
            return g
    return None


@settings(max_examples=40, deadline=None)
@given(
    shape=st.sampled_from([(2, 2), (2, 3), (2, 2, 2), (3, 2, 2), (2, 2, 2, 2)]),
    f_coefficients=st.lists(st.integers(-9, 9), min_size=3, max_size=5),
    data=st.data(),
)
def test_residue_payoffs_match_sympy_polynomial_arithmetic(shape, f_coefficients, data):
    f = irreducible([1, *f_coefficients])
    assume(f is not None)
    D = f.degree()
    payoffs = [
        np.array(
            data.draw(
                st.lists(
                    st.integers(-20, 20),
                    min_size=int(np.prod(shape)),
                    max_size=int(np.prod(shape)),
                )
            )
        ).reshape(shape)
        for _ in shape
    ]
    profile_polys = []
    for m in shape:
        rows = []
        for _ in range(m):
            zero = data.draw(st.booleans())
            cs = (
                [0] * D
                if zero
                else data.draw(
                    st.lists(
                        st.fractions(min_value=-3, max_value=3, max_denominator=7),
                        min_size=D,
                        max_size=D,
                    )
                )
            )
            rows.append(
                sp.Poly(
                    list(reversed([sp.Rational(c.numerator, c.denominator) for c in cs])),
                    t,
                    domain="QQ",
                )
            )
        profile_polys.append(rows)
    profile = [
        np.array([coefficients(p, D) for p in rows], dtype=object).reshape(len(rows), D)
        for rows in profile_polys
    ]
    got = residue_payoffs(payoffs, profile, f)
    want = sympy_payoffs(payoffs, profile_polys, f)
    for i in range(len(shape)):
        assert got[i].shape == (shape[i], D)
        for s in range(shape[i]):
            assert list(got[i][s]) == list(coefficients(want[i][s], D))


def test_residue_payoffs_of_an_algebraic_equilibrium_are_equal_on_the_support():
    # the 2x2x2 game where each player gets 1 when she matches the next player (mod 3):
    # its totally mixed equilibrium has every probability 1/2; written over t = sqrt(2)
    # as (t/2)**2 * 2 = 1/2 the payoffs are still exact and equal on each support
    u = [np.zeros((2, 2, 2), dtype=int) for _ in range(3)]
    for s in np.ndindex(2, 2, 2):
        for i in range(3):
            u[i][s] = int(s[i] == s[(i + 1) % 3])
    f = sp.Poly(t**2 - 2, t)
    half = np.array([[QQ(1, 2), QQ(0)], [QQ(1, 2), QQ(0)]], dtype=object)  # 1/2 each
    values = residue_payoffs(u, [half, half, half], f)
    for v in values:
        assert list(v[0]) == list(v[1]) == [QQ(1, 2), QQ(0)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-60, 60), min_size=2, max_size=10), st.integers(1, 9))
def test_real_root_digits_match_sympy_refinement(tail, lead):
    f = irreducible([lead, *tail])
    assume(f is not None and f.intervals())
    for index, (interval, _) in enumerate(f.intervals()):
        got = real_root_digits(f, interval, 60)
        want = sp.CRootOf(f, index).evalf(70)
        assert abs(got - want) < sp.Float(10) ** -58 * (1 + abs(want))


def test_real_root_digits_falls_back_to_exact_refinement(monkeypatch):
    # a solver that returns a wrong point (the interval's end) fails the exact sign
    # check: the root is then refined exactly, never taken from the solver
    monkeypatch.setattr(mpmath, "findroot", lambda g, bracket, solver: bracket[0])
    f = sp.Poly(t**3 - 3 * t + 1, t)
    for index, (interval, _) in enumerate(f.intervals()):
        got = real_root_digits(f, interval, 40)
        assert abs(got - sp.CRootOf(f, index).evalf(50)) < sp.Float(10) ** -38


@pytest.mark.parametrize("digits", [15, 60, 200])
def test_real_root_digits_of_the_golden_ratio(digits):
    f = sp.Poly(t**2 - t - 1, t)
    root = real_root_digits(f, f.intervals()[1][0], digits)
    assert abs(root - (1 + sp.sqrt(5)) / 2).evalf(digits + 20) < sp.Float(10) ** -(digits - 2)
