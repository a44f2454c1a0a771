"""Exact signs and floats of polynomials in one real algebraic number (``CRootOf``), the
form the polynomial method gives irrational equilibria: ``solvers._numbers.algebraic_sign``
and ``to_float`` against sympy's own evaluation at 120 digits."""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from solvers._numbers import algebraic_sign, sign, to_float
from solvers.result import Equilibrium, _is_zero

T = sp.Symbol("t")


def _true_sign(expr: sp.Expr) -> int:
    value = sp.re(sp.N(expr, 120))
    if abs(value) < sp.Float(10) ** -100:
        return 0
    return 1 if value > 0 else -1


def _at(root: sp.Expr, coefficients: list[sp.Rational]) -> sp.Expr:
    """``sum(c[k] r**k)`` written as sympy keeps it (no reduction by ``r``'s polynomial)."""
    return sp.Add(*(c * root**k for k, c in enumerate(coefficients)))


def _real_root(coefficients: list[int], pick: int) -> sp.Expr | None:
    poly = sp.Poly(coefficients, T)
    if poly.degree() < 1:
        return None
    roots = poly.real_roots()
    roots = [r for r in roots if isinstance(r, sp.CRootOf)]
    return roots[pick % len(roots)] if roots else None


small = st.integers(-30, 30)
rational = st.builds(
    lambda p, q: sp.Rational(p, q), st.integers(-(10**12), 10**12), st.integers(1, 10**9)
)


@settings(max_examples=60, deadline=None)
@given(
    f=st.lists(small, min_size=3, max_size=8),
    pick=st.integers(0, 10),
    q=st.lists(rational, min_size=1, max_size=9),
)
def test_the_sign_and_float_agree_with_sympy_at_120_digits(f, pick, q):
    root = _real_root(f, pick)
    assume(root is not None)
    expr = _at(root, q)
    assume(not expr.is_Rational)
    decided = algebraic_sign(expr)
    assert decided == _true_sign(expr)
    assert sign(expr) == decided
    if decided != 0:
        exact = float(sp.N(expr, 60))
        assert abs(to_float(expr) - exact) <= 4 * np.spacing(abs(exact))


@settings(max_examples=30, deadline=None)
@given(
    f=st.lists(small, min_size=3, max_size=7),
    pick=st.integers(0, 10),
    h=st.lists(small, min_size=1, max_size=4),
)
def test_a_multiple_of_the_roots_polynomial_is_exactly_zero(f, pick, h):
    """``f(r) h(r) = 0``: written out as powers of ``r`` sympy does not see it, the exact
    test does (and a probability of that form is outside the support)."""
    root = _real_root(f, pick)
    assume(root is not None and any(h))
    product = sp.Poly(root.poly.as_expr(), root.poly.gen) * sp.Poly(h, root.poly.gen)
    coefficients = [sp.Rational(c) for c in reversed(product.all_coeffs())]
    expr = _at(root, coefficients)
    assert algebraic_sign(expr) == 0
    eq = Equilibrium(
        strategies=(np.array([expr, 1 - expr], dtype=object),),
        payoffs=(sp.Integer(0),),
        regret=sp.Integer(0),
        method="test",
        exact=True,
    )
    assert eq.supports == ((1,),)


def test_a_value_closer_to_zero_than_any_float_gets_its_exact_sign():
    """``r - m`` with ``m`` the 100-digit rational just below and just above ``r``."""
    root = sp.CRootOf(T**5 - 3 * T - 1, 2)
    digits = sp.N(root, 110)
    below = sp.Rational(str(sp.N(digits - sp.Float("1e-100", 110), 110)))
    above = sp.Rational(str(sp.N(digits + sp.Float("1e-100", 110), 110)))
    assert algebraic_sign(root - below) == 1
    assert algebraic_sign(root - above) == -1
    assert algebraic_sign(below - root) == -1


def test_other_numbers_are_left_to_sympy():
    root = sp.CRootOf(T**3 - 2, 0)
    other = sp.CRootOf(T**3 - 3, 0)
    for value in (sp.sqrt(2), root + other, sp.Float(0.5) * root, 1 / root, sp.Rational(1, 3)):
        assert algebraic_sign(value) is None
    complex_root = sp.CRootOf(T**3 - 2, 1)  # non-real
    assert algebraic_sign(complex_root + 1) is None
    assert to_float(sp.sqrt(2)) == float(sp.sqrt(2))


def test_numbers_beyond_the_float_range_are_left_to_sympy():
    """Review findings: a root's polynomial with a coefficient above 1e308, and a value
    above the float range, raised ``OverflowError``; sympy's answers stand instead."""
    huge = sp.CRootOf(T**3 + T - sp.Integer(10) ** 400, 0)
    assert algebraic_sign(huge) is None and sign(huge) == 1 and not _is_zero(huge)
    root = sp.CRootOf(T**5 - T - 1, 0)
    assert to_float(sp.Integer(10) ** 400 * root) == float("inf")


def test_an_unreduced_zero_is_a_float_zero_at_once():
    """``r**60`` minus its remainder modulo ``r``'s polynomial is 0: ``to_float`` says so
    by the exact test, without bisecting to the end."""
    root = sp.CRootOf(T**5 - T - 1, 0)
    poly = sp.Poly(T**5 - T - 1, T)
    reduced = sp.Poly(T**60, T).rem(poly)
    coefficients = [sp.Rational(c) for c in reversed(reduced.all_coeffs())]
    expr = root**60 - _at(root, coefficients)
    assert to_float(expr) == 0.0 and algebraic_sign(expr) == 0
