"""Exact expected payoffs in :math:`\\mathbb{Q}[t]/(f)`.

An equilibrium whose probabilities are irrational is written, from a lex Groebner basis
in shape position, with every probability a polynomial in one algebraic number ``t``, a
root of an irreducible ``f`` (:mod:`solvers.finite._polynomial`). Checking it exactly
means computing each pure strategy's expected payoff as such a polynomial, reduced
modulo ``f``: zero differences are then exact zeros. Here the contraction runs on
coefficient vectors (lowest degree first) held in numpy ``object`` arrays of elements of
sympy's ``QQ`` (``gmpy2.mpq`` where gmpy2 is installed), a polynomial product being one
``tensordot`` per coefficient and the reduction one vectorised step per degree, instead
of one sympy ``Poly`` operation per tensor entry.
"""

from __future__ import annotations

from collections.abc import Sequence

import mpmath
import numpy as np
import sympy as sp
from sympy.polys.domains import QQ

__all__ = ["coefficients", "real_root_digits", "residue_payoffs"]


def coefficients(p: sp.Poly, degree: int) -> np.ndarray:
    """The ``degree`` coefficients of ``p`` (a ``Poly`` in one variable over ``QQ`` of
    lower degree), lowest first, as an ``object`` array of ``QQ`` elements.

    Examples
    --------
    >>> t = sp.Symbol("t")
    >>> [str(c) for c in coefficients(sp.Poly(t / 2 + 3, t, domain="QQ"), 3)]
    ['3', '1/2', '0']
    """
    out = np.full(degree, QQ.zero, dtype=object)
    for (k,), c in p.terms():
        out[k] = QQ.convert(c)
    return out


def _reduce(product: np.ndarray, tail: np.ndarray) -> np.ndarray:
    """Coefficient vectors (last axis, ``2D - 1`` long) reduced modulo the monic ``f``
    with ``f = t^D + sum(tail[a] t^a)``: ``D`` long."""
    D = tail.shape[0]
    for k in range(product.shape[-1] - 1, D - 1, -1):
        top = product[..., k]
        product[..., k - D : k] -= top[..., None] * tail
    return product[..., :D]


def residue_payoffs(
    payoffs: Sequence[np.ndarray], profile: Sequence[np.ndarray], f: sp.Poly
) -> list[np.ndarray]:
    """Each player's expected payoff of each of her pure strategies against the others'
    ``profile``, exactly, as coefficient vectors modulo ``f``: ``(m_i, D)`` ``object``
    arrays of ``QQ`` elements (``D`` the degree of ``f``).

    ``payoffs`` are arrays of exact numbers (int, ``Fraction`` or sympy ``Rational``);
    ``profile[j]`` is ``(m_j, D)``: player ``j``'s probabilities as coefficient vectors
    (rows of zeros off her support are skipped).

    Examples
    --------
    Matching pennies where the column player mixes ``(t/2, 1 - t/2)``, ``t = sqrt(2)``:
    the row player's payoffs are ``t - 1`` and ``1 - t``.

    >>> t = sp.Symbol("t")
    >>> A = np.array([[1, -1], [-1, 1]])
    >>> column = np.array([[QQ(0), QQ(1, 2)], [QQ(1), QQ(-1, 2)]], dtype=object)
    >>> row = np.array([[QQ(1), QQ(0)], [QQ(0), QQ(0)]], dtype=object)  # pure: first
    >>> values = residue_payoffs([A, -A], [row, column], sp.Poly(t**2 - 2, t))
    >>> [[str(c) for c in v] for v in values[0]], [[str(c) for c in v] for v in values[1]]
    ([['-1', '1'], ['1', '-1']], [['-1', '0'], ['1', '0']])
    """
    monic = f.monic()
    D = monic.degree()
    tail = np.array([QQ.convert(c) for c in reversed(monic.all_coeffs()[1:])], dtype=object)
    n = len(profile)
    supports = [[s for s in range(len(x)) if any(c != 0 for c in x[s])] for x in profile]
    out = []
    for i in range(n):
        index = [list(range(np.shape(payoffs[i])[i])) if j == i else supports[j] for j in range(n)]
        u = np.moveaxis(np.asarray(payoffs[i], dtype=object)[np.ix_(*index)], i, 0)
        u = np.vectorize(QQ.convert, otypes=[object])(u) if u.size else u
        acc = None  # (m_i, remaining others' supports..., D) once the first is contracted
        for j in reversed([j for j in range(n) if j != i]):
            X = profile[j][supports[j]]  # (|S_j|, D)
            if acc is None:
                acc = np.tensordot(u, X, axes=([-1], [0]))
                continue
            product = np.full((*acc.shape[:-2], 2 * D - 1), QQ.zero, dtype=object)
            for b in range(D):  # sum over s of acc[..., s, a] X[s, b], at degree a + b
                product[..., b : b + D] += np.tensordot(acc, X[:, b], axes=([-2], [0]))
            acc = _reduce(product, tail)
        if acc is None:  # one player: her payoffs are constants
            acc = np.full((*u.shape, D), QQ.zero, dtype=object)
            acc[..., 0] = u
        out.append(acc)
    return out


def _exact(x: mpmath.mpf) -> sp.Rational:
    """A binary float's exact value."""
    mantissa, exponent = x.man_exp
    if exponent >= 0:
        return sp.Integer(int(mantissa) * 2 ** int(exponent))
    return sp.Rational(int(mantissa), 2 ** int(-exponent))


def real_root_digits(f: sp.Poly, interval: tuple, digits: int = 60) -> sp.Float:
    """The one real root of a square-free ``f`` with ``f(0) != 0`` in its isolating
    ``interval`` (as ``Poly.intervals`` gives them) to ``digits`` significant digits,
    proved: a bracketing solver in mpmath, then an exact sign change of ``f`` across
    ``x (1 -+ 10**-(digits + 5))`` inside the interval (else the interval refined exactly
    until it excludes 0 and its width is below that of its ends times the same factor,
    several times slower). The precision is relative: a root of size 1e-100 gets its
    own 60 digits.

    Examples
    --------
    >>> t = sp.Symbol("t")
    >>> f = sp.Poly(t**2 - 2, t)
    >>> real_root_digits(f, f.intervals()[1][0], 30)
    1.41421356237309504880168872421
    >>> g = sp.Poly(10**140 * t**2 - 2, t)  # sqrt(2) / 10**70
    >>> real_root_digits(g, g.intervals()[1][0], 20)
    1.4142135623730950488e-70
    """
    if f.eval(0) == 0:
        raise ValueError("f: 0 is a root; give a square-free f with f(0) != 0")
    a, b = interval
    relative = sp.Rational(1, 10 ** (digits + 5))
    with mpmath.workdps(digits + 10):
        values = [mpmath.mpf(int(c.p)) / int(c.q) for c in f.all_coeffs()]
        lower, upper = mpmath.mpf(int(a.p)) / int(a.q), mpmath.mpf(int(b.p)) / int(b.q)
        try:
            x = mpmath.findroot(
                lambda z: mpmath.polyval(values, z), (lower, upper), solver="anderson"
            )
        except (ValueError, ZeroDivisionError):  # no convergence: refined exactly below
            x = None
        if x is not None and mpmath.isfinite(x) and x != 0:
            centre = _exact(x)
            eps = abs(centre) * relative
            left, right = centre - eps, centre + eps
            if a <= left and right <= b and f.eval(left) * f.eval(right) < 0:
                return sp.Float(x, digits)
    left, right = sp.Rational(a), sp.Rational(b)
    while left <= 0 <= right or right - left > min(abs(left), abs(right)) * relative:
        width = right - left
        if left <= 0 <= right:  # not yet away from 0 (not a root): shrink it first
            left, right = f.refine_root(left, right, eps=width / 4)
        else:  # |root| >= min(|left|, |right|): one refinement suffices
            left, right = f.refine_root(left, right, eps=min(abs(left), abs(right)) * relative)
    return sp.Float((left + right) / 2, digits)
