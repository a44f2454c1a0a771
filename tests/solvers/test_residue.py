"""Exact payoffs in Q[t]/(f) and proved root digits, against sympy's own arithmetic."""

from __future__ import annotations

import itertools
import warnings

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


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(-60, 60), min_size=2, max_size=8),
    st.integers(1, 9),
    st.integers(-80, 80),
)
def test_real_root_digits_are_relative_for_tiny_and_huge_roots(tail, lead, exponent):
    # f(t * 10**exponent): its roots are those of f divided by 10**exponent, and each must
    # keep its own 60 significant digits (an absolute 1e-65 gives none to a 1e-70 root)
    f = irreducible([lead, *tail])
    assume(f is not None and f.intervals())
    g = sp.Poly(f.as_expr().subs(t, t * sp.Integer(10) ** exponent), t)
    for index, (interval, _) in enumerate(g.intervals()):
        got = real_root_digits(g, interval, 60)
        want = sp.CRootOf(g, index).evalf(70)
        assert abs(got - want) <= sp.Float(10) ** -58 * abs(want)


def test_real_root_digits_exact_fallback_is_relative(monkeypatch):
    monkeypatch.setattr(mpmath, "findroot", lambda g, bracket, solver: bracket[0])
    f = sp.Poly(10**140 * t**2 - 2, t)  # roots -+ sqrt(2) / 10**70
    for index, (interval, _) in enumerate(f.intervals()):
        got = real_root_digits(f, interval, 40)
        want = sp.CRootOf(f, index).evalf(50)
        assert abs(got - want) <= sp.Float(10) ** -38 * abs(want)


def test_payoffs_scaled_by_1e70_keep_the_equilibria_and_their_signs():
    # players 0 and 1 earn 10**70 times more when player 2 plays her first strategy: the
    # equilibria correspond one to one with the unscaled game's (player 2's probability of
    # that strategy shrinks by about 10**70); one mixes with probability about 8e-71, an
    # irrational number whose sign must be read at its own 60 digits
    from solvers.finite import polynomial_equilibria

    game = [
        [[[1, 2], [-4, 5], [-4, 2]], [[-5, 2], [-2, 4], [-2, 1]], [[4, -2], [-2, -4], [3, -3]]],
        [[[-2, 1], [5, -3], [-2, -3]], [[0, 2], [-3, 3], [-5, -2]], [[-3, 5], [-4, 3], [-1, -2]]],
        [[[5, 0], [4, -4], [-3, 3]], [[3, 5], [-4, 3], [-3, -4]], [[-2, 5], [-5, -2], [0, 1]]],
    ]
    plain = [np.array(u, dtype=object) for u in game]
    scaled = [u.copy() for u in plain]
    for i in (0, 1):
        scaled[i][..., 0] *= 10**70
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # small integers: a continuum
        base = polynomial_equilibria(plain, exact=True)
        eqs = polynomial_equilibria(scaled, exact=True)
    assert len(eqs) == len(base) == 2
    assert sorted(eq.supports for eq in eqs) == sorted(eq.supports for eq in base)
    for eq in eqs:
        assert eq.exact and eq.regret == 0
        assert all(sp.N(p, 80) >= 0 for s in eq.strategies for p in s)
