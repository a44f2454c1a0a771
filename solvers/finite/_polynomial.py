r"""All Nash equilibria of small n-player games: support enumeration + polynomial systems.

For a support profile :math:`S = (S_1, \dots, S_n)` a mixed profile :math:`\sigma` with
exactly these supports is a Nash equilibrium iff, for every player *i*,

.. math::
    u_i(s, \sigma_{-i}) = u_i(s', \sigma_{-i}) \quad (s, s' \in S_i), \qquad
    \sum_{s \in S_i} \sigma_i(s) = 1, \qquad \sigma_i(s) > 0 \quad (s \in S_i),

.. math::
    u_i(t, \sigma_{-i}) \le u_i(s, \sigma_{-i}) \quad (t \notin S_i,\ s \in S_i).

The equalities are a square system of :math:`\sum_i (|S_i| - 1)` polynomial equations
(multilinear in the other players' probabilities) in as many unknowns. Each system is
solved **exactly** by sympy: a lex Gröbner basis decides whether it is inconsistent,
zero-dimensional (finitely many solutions, all found) or positive-dimensional (a
continuum, which happens only in non-generic games); real solutions in the interior of
the support simplices that satisfy the inequalities are equilibria. Every equilibrium
found is verified with :meth:`Equilibrium.from_profile` (exact regret zero).

Cost grows as :math:`\prod_i (2^{m_i} - 1)` systems, so this is for small games (the
McKelvey–McLennan 2x2x2 game: 27 systems). The result is marked ``complete`` only when
every system was zero-dimensional (or inconsistent) and solved; otherwise a
``RuntimeWarning`` names the supports whose solution sets are continua (their equilibria
are not listed).

Examples
--------
>>> import numpy as np
>>> from solvers.finite._polynomial import polynomial_equilibria
>>> A = np.array([[1, -1], [-1, 1]])                       # matching pennies
>>> eqs = polynomial_equilibria([A, -A], exact=True)
>>> [[str(p) for p in s] for s in eqs[0].strategies], eqs.complete
([['1/2', '1/2'], ['1/2', '1/2']], True)
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

import numpy as np
import sympy as sp

from solvers._numbers import sign_or_numeric
from solvers.finite._input import as_payoff_arrays
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, expected_payoffs, is_nash

__all__ = ["polynomial_equilibria", "support_profiles"]

METHOD = "polynomial_equilibria"
_NUMERIC_DIGITS = 50  # precision for sign checks sympy cannot decide symbolically


def support_profiles(shape: Sequence[int]) -> itertools.product:
    """Every support profile: one non-empty subset of strategies per player.

    Examples
    --------
    >>> len(list(support_profiles((2, 2, 2))))
    27
    """
    per_player = [
        [c for k in range(1, m + 1) for c in itertools.combinations(range(m), k)] for m in shape
    ]
    return itertools.product(*per_player)


def _real(value: sp.Expr) -> bool:
    if value.is_real:
        return True
    if value.is_real is False:
        return False
    approx = sp.N(value, _NUMERIC_DIGITS)
    return abs(sp.im(approx)) < sp.Float(10) ** (-(_NUMERIC_DIGITS - 10))


def _profile_symbols(support, shape):
    """Mixed strategies with unknowns on each support (last entry = 1 - the others)."""
    unknowns: list[sp.Symbol] = []
    strategies = []
    for i, (S, m) in enumerate(zip(support, shape, strict=True)):
        sigma = np.array([sp.Integer(0)] * m, dtype=object)
        free = [sp.Symbol(f"p{i}_{s}") for s in S[:-1]]
        unknowns.extend(free)
        for s, sym in zip(S[:-1], free, strict=True):
            sigma[s] = sym
        sigma[S[-1]] = 1 - sum(free, sp.Integer(0))
        strategies.append(sigma)
    return unknowns, strategies


def _solve_support(payoffs, support, shape):
    """(list of exact profiles, whether the system was zero-dimensional/inconsistent)."""
    unknowns, strategies = _profile_symbols(support, shape)
    values = expected_payoffs(payoffs, strategies)
    equations = []
    for i, S in enumerate(support):
        for s in S[1:]:
            eq = sp.expand(values[i][s] - values[i][S[0]])
            if eq != 0:
                equations.append(eq)
    solutions: list[dict] | None
    if not unknowns:
        solutions = [{}]
    elif not equations:
        return [], False  # every point of the support simplices solves: a continuum
    else:
        basis = sp.groebner(equations, *unknowns, order="lex")
        if list(basis.exprs) == [1]:
            return [], True
        if not basis.is_zero_dimensional:
            return [], False
        solutions = _shape_position_solutions(list(basis.exprs), unknowns)
        if solutions is None:  # not in shape position: sympy's general solver
            solutions = sp.solve(list(basis.exprs), unknowns, dict=True)
        if any(set(sol) != set(unknowns) for sol in solutions):  # pragma: no cover
            return [], False
    found = []
    for sol in solutions:
        profile = [
            np.array([sp.sympify(p).subs(sol) for p in sigma], dtype=object)
            for sigma in strategies
        ]
        if _is_equilibrium(payoffs, profile, support):
            found.append(profile)
    return found, True


def _shape_position_solutions(basis: list, unknowns: list) -> list[dict] | None:
    """Real solutions of a zero-dimensional lex basis ``{x_k - g_k(x_n)}, h(x_n)``.

    The real roots of the univariate ``h`` are isolated exactly (rationals, radicals or
    ``CRootOf``); the other unknowns follow by substitution. ``None`` when the basis is
    not in this shape (then the caller uses the general solver).
    """
    last = unknowns[-1]
    univariate = [g for g in basis if g.free_symbols <= {last}]
    if len(univariate) != 1 or len(basis) != len(unknowns):
        return None
    formulas = {}
    for g in basis:
        if g is univariate[0]:
            continue
        (x,) = g.free_symbols - {last} or {None}
        if x is None or x in formulas:
            return None
        poly = sp.Poly(g, x)
        if poly.degree() != 1 or poly.LC().free_symbols:
            return None
        formulas[x] = sp.expand(-(g - poly.LC() * x) / poly.LC())
    if set(formulas) != set(unknowns[:-1]):
        return None
    roots = set(sp.Poly(univariate[0], last).real_roots())
    solutions = []
    for root in roots:
        sol = {x: sp.expand(f.subs(last, root)) for x, f in formulas.items()}
        sol[last] = root
        solutions.append(sol)
    return solutions


def _plausible(payoffs, profile, support) -> bool:
    """Quick float screen (generous tolerance) before the exact checks."""
    approx = [np.array([complex(sp.N(p, 30)) for p in s]) for s in profile]
    if any(abs(v.imag) > 1e-9 for s in approx for v in s):
        return False
    approx = [s.real for s in approx]
    if any(s[list(S)].min() < -1e-9 for s, S in zip(approx, support, strict=True)):
        return False
    values = expected_payoffs([u.astype(float) for u in payoffs], approx)
    for i, S in enumerate(support):
        scale = float(np.ptp(payoffs[i].astype(float))) or 1.0
        if values[i].max() - values[i][S[0]] > 1e-7 * scale:
            return False
    return True


def _is_equilibrium(payoffs, profile, support) -> bool:
    if not _plausible(payoffs, profile, support):
        return False
    for sigma, S in zip(profile, support, strict=True):
        for s in S:
            if not _real(sigma[s]) or sign_or_numeric(sigma[s]) <= 0:
                return False
    profile = [
        np.array([sp.re(p) if not p.is_real else p for p in s], dtype=object) for s in profile
    ]
    values = expected_payoffs(payoffs, profile)
    for i, S in enumerate(support):
        best = values[i][S[0]]
        for t in range(len(values[i])):
            if t not in S and sign_or_numeric(values[i][t] - best) > 0:
                return False
    return True


def _short_rational(value: Fraction) -> Fraction:
    """The simplest fraction (denominator <= 10**6) with the same float value, if any."""
    short = value.limit_denominator(10**6)
    return short if float(short) == float(value) else value


def _tidy(profile):
    """Rationals become ``Fraction``; algebraic numbers stay simplified sympy numbers."""
    out = []
    rational = all(sp.sympify(p).is_Rational for s in profile for p in s)
    for s in profile:
        if rational:
            out.append(np.array([Fraction(int(p.p), int(p.q)) for p in s], dtype=object))
        else:
            out.append(
                np.array(
                    [sp.radsimp(sp.nsimplify(p) if p.is_Rational else p) for p in s], dtype=object
                )
            )
    return out, rational


def polynomial_equilibria(
    payoffs: Sequence[np.ndarray], exact: bool = False, rtol: float = DEFAULT_RTOL
) -> Equilibria:
    """Every Nash equilibrium of a small finite game (any number of players), exactly.

    Parameters
    ----------
    payoffs : sequence of array_like
        ``payoffs[i]`` has shape ``(m_1, ..., m_n)``; ints, ``Fraction``, sympy rationals
        or floats (taken at their exact binary value).
    exact : bool
        Return exact strategies (``Fraction`` when rational, sympy algebraic numbers
        otherwise); ``False`` converts the exact solutions to floats. In float mode a
        float payoff equal (as a float) to a fraction with denominator at most 10**6
        (``0.1`` -> 1/10) is solved as that fraction; other floats keep their exact
        binary value, which makes the algebra much slower (minutes for 3x3x3).
    rtol : float
        Float results: regret tolerance relative to each player's payoff range.

    Returns
    -------
    Equilibria
        Sorted by the (numerical) profile; ``complete=True`` iff every support system
        was zero-dimensional or inconsistent (all isolated solutions found); otherwise
        a ``RuntimeWarning`` lists the supports with a continuum of solutions.

    Examples
    --------
    Three players, each choosing 0 or 1 and paid 1 for matching the next player
    (0 matches 1, 1 matches 2, 2 matches 0): the two unanimous profiles and the totally
    mixed profile where everybody flips a fair coin.

    >>> import numpy as np
    >>> u = [np.zeros((2, 2, 2), dtype=int) for _ in range(3)]
    >>> for s in np.ndindex(2, 2, 2):
    ...     for i in range(3):
    ...         u[i][s] = int(s[i] == s[(i + 1) % 3])
    >>> eqs = polynomial_equilibria(u, exact=True)
    >>> sorted(tuple(str(s[0]) for s in eq.strategies) for eq in eqs)
    [('0', '0', '0'), ('1', '1', '1'), ('1/2', '1/2', '1/2')]
    """
    raw = [np.asarray(u) for u in payoffs]
    floats, exacts = as_payoff_arrays(raw, exact=True)
    assert exacts is not None  # exact=True gives Fractions
    shape = floats[0].shape
    if not exact:  # a float that is a short decimal/fraction is solved as that rational
        exacts = [np.vectorize(_short_rational, otypes=[object])(u) for u in exacts]
    sym = [
        np.vectorize(lambda v: sp.Rational(v.numerator, v.denominator), otypes=[object])(u)
        for u in exacts
    ]
    results: list[tuple[tuple, Equilibrium]] = []
    unsolved: list[tuple] = []
    for support in support_profiles(shape):
        found, solved = _solve_support(sym, support, shape)
        if not solved:
            unsolved.append(support)
        for profile in found:
            tidy, rational = _tidy(profile)
            key = tuple(float(p) for s in tidy for p in s)
            if exact:
                eq = Equilibrium.from_profile(
                    exacts if rational else sym, tidy, METHOD, exact=True
                )
                if not rational:  # algebraic numbers: simplify payoffs and regret
                    eq = replace(
                        eq,
                        payoffs=tuple(sp.radsimp(sp.simplify(v)) for v in eq.payoffs),
                        regret=sp.simplify(eq.regret),
                    )
                if (
                    sign_or_numeric(sp.sympify(eq.regret)) != 0
                ):  # pragma: no cover - verified above
                    raise RuntimeError(f"polynomial method: {eq} has non-zero regret")
            else:
                strategies = [np.array([float(p) for p in s]) for s in tidy]
                if not is_nash(floats, strategies, rtol):  # pragma: no cover
                    raise RuntimeError(f"polynomial method: {strategies} fails the check")
                eq = Equilibrium.from_profile(floats, strategies, METHOD, rtol=rtol)
            results.append((key, eq))
    notes = []
    if unsolved:
        note = (
            f"{len(unsolved)} support profile(s) have a continuum of solutions (a "
            f"non-generic game); equilibria on them are not listed: {unsolved[:5]}"
            + (" ..." if len(unsolved) > 5 else "")
        )
        notes.append(note)
        warnings.warn(note, RuntimeWarning, stacklevel=2)
    results.sort(key=lambda item: item[0])
    return Equilibria(
        [eq for _, eq in results],
        method=METHOD,
        exact=exact,
        degenerate=bool(unsolved) if unsolved else None,
        complete=not unsolved,
        tolerance=None if exact else rtol,
        notes=notes,
    )
