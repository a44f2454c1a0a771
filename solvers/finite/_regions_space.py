r"""Parameter spaces cut by sign conditions: assumptions, feasibility and sample points.

A *sign condition* says which signs an expression in the parameters may take: a subset of
``{1, 0, -1}`` (``{1}`` is ``f > 0``, ``{1, 0}`` is ``f >= 0``, ``{0}`` is ``f = 0``,
``{1, -1}`` is ``f != 0``). Assumptions written in any relational form (``b > c``,
``c < b``, ``b - c >= 0``, ``sympy.And(...)``, either side, strict or not) are normalised
to sign conditions on ``lhs - rhs``; a symbol's own sympy assumptions
(``positive=True``, ...) are sign conditions on the symbol.

:class:`ParameterSpace` decides whether a set of sign conditions (on top of the
assumptions) has a solution and returns an **exact rational sample point** when it does:

* equalities are solved exactly (``sympy.linsolve`` / ``sympy.solve``) and substituted;
* when the remaining conditions are linear, a linear programme maximises the slack of the
  strict ones (so an empty open set is told apart from a thin one), and the optimum is
  rounded to a short rational that is checked exactly (the least denominator that passes);
* otherwise (nonlinear conditions) seeded random points are tried and the candidate is
  checked exactly; when none is found the set is reported empty and the space records
  that its answer was inconclusive (:attr:`ParameterSpace.inconclusive`).

Examples
--------
>>> import sympy as sp
>>> from solvers.finite._regions_space import ParameterSpace
>>> B, c, tau = sp.symbols("B c tau", positive=True)
>>> space = ParameterSpace([B, c, tau], [c - tau < B])
>>> space.describe()
['B > 0', 'c > 0', 'tau > 0', 'tau > -B + c']
>>> point = space.sample([(tau - c, {-1})])
>>> bool(point[tau] < point[c] and point[B] > point[c] - point[tau] and point[tau] > 0)
True
>>> space.sample([(tau - c, {1}), (tau + B - c, {-1})]) is None
True
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

__all__ = ["ParameterSpace", "canonical_factors", "normalize_assumptions", "relation"]

Signs = frozenset
_ALL = frozenset({1, 0, -1})
_REL_SIGNS = {
    sp.StrictGreaterThan: frozenset({1}),
    sp.GreaterThan: frozenset({1, 0}),
    sp.StrictLessThan: frozenset({-1}),
    sp.LessThan: frozenset({-1, 0}),
    sp.Equality: frozenset({0}),
    sp.Unequality: frozenset({1, -1}),
}
_OWN = (
    ("positive", frozenset({1})),
    ("negative", frozenset({-1})),
    ("nonnegative", frozenset({1, 0})),
    ("nonpositive", frozenset({-1, 0})),
    ("nonzero", frozenset({1, -1})),
)


# ----------------------------------------------------------------------------- factors


def canonical_factors(expr: Any) -> tuple[int, tuple[tuple[sp.Expr, int], ...]] | None:
    """``expr`` as ``sign * prod(f**k)``: its sign and its non-constant factors (numerator
    and denominator alike; each ``f`` normalised so that ``f`` and ``-f`` give the same
    factor). ``None`` when ``expr`` is zero.

    Examples
    --------
    >>> b, c = sp.symbols("b c")
    >>> canonical_factors(2*(c - b)/(2*b - c))
    (-1, ((b - c, 1), (2*b - c, 1)))
    """
    expr = sp.sympify(expr)
    return _canonical_factors(expr)


@functools.lru_cache(maxsize=8192)
def _canonical_factors(expr: sp.Expr) -> tuple[int, tuple[tuple[sp.Expr, int], ...]] | None:
    expr = sp.sympify(expr)
    if expr.is_zero:
        return None
    num, den = sp.fraction(sp.cancel(sp.together(expr)))
    sign = 1
    out: dict[sp.Expr, int] = {}
    for part in (num, den):
        if part.is_number:
            value = sp.sign(part)
            sign *= int(value) if value in (1, -1) else 1
            continue
        try:
            const, factors = sp.factor_list(part)
        except sp.PolynomialError:
            const, factors = sp.Integer(1), [(part, 1)]
        if const.is_number:
            sign *= int(sp.sign(const))
        else:  # pragma: no cover - factor_list keeps symbols out of the constant
            factors = [(const, 1), *factors]
        for f, k in factors:
            if f.is_number:
                sign *= int(sp.sign(f)) ** k
                continue
            f = sp.expand(f)
            if f.could_extract_minus_sign():
                f = sp.expand(-f)
                sign *= (-1) ** k
            out[f] = out.get(f, 0) + k
    return sign, tuple(sorted(out.items(), key=lambda fk: sp.default_sort_key(fk[0])))


def _product_signs(sign: int, parts: Sequence[tuple[frozenset, int]]) -> frozenset:
    """Possible signs of ``sign * prod(f**k)`` given each factor's possible signs."""
    options = [frozenset(s**k if s else 0 for s in signs) for signs, k in parts]
    out = set()
    for combo in itertools.product(*options) if options else [()]:
        value = sign
        for s in combo:
            value *= s
        out.add(value)
    return frozenset(out)


def relation(expr: sp.Expr, signs: Iterable[int], symbols: Sequence[sp.Symbol] = ()) -> Any:
    """The sign condition ``sign(expr) in signs`` as a readable sympy relation.

    A linear ``expr`` is solved for the last parameter (in ``symbols`` order, else by name)
    that has a numeric coefficient, e.g. ``tau - c + B >= 0`` reads ``tau >= c - B``.

    Examples
    --------
    >>> B, c, tau = sp.symbols("B c tau")
    >>> relation(tau - c + B, {1, 0})
    tau >= -B + c
    >>> relation(B - c, {-1}, [B, c])
    c > B
    """
    signs = frozenset(signs)
    if signs == _ALL:
        return sp.true
    expr = sp.expand(expr)
    order = list(symbols) or sorted(expr.free_symbols, key=lambda s: s.name)
    lhs, rhs = expr, sp.Integer(0)
    for s in reversed([s for s in order if s in expr.free_symbols]):
        if not expr.is_polynomial(s) or sp.degree(expr, s) != 1:
            continue
        a = expr.coeff(s, 1)
        if a.is_number and a != 0:
            lhs, rhs = s, sp.expand(-(expr - a * s) / a)
            if a < 0:
                signs = frozenset(-x for x in signs)
            break
    else:
        terms = sp.Add.make_args(expr)
        lhs = sp.Add(*[t for t in terms if not t.could_extract_minus_sign()])
        rhs = -sp.Add(*[t for t in terms if t.could_extract_minus_sign()])
    op = {
        frozenset({1}): sp.StrictGreaterThan,
        frozenset({1, 0}): sp.GreaterThan,
        frozenset({-1}): sp.StrictLessThan,
        frozenset({-1, 0}): sp.LessThan,
        frozenset({0}): sp.Eq,
        frozenset({1, -1}): sp.Ne,
    }[signs]
    return op(lhs, rhs, evaluate=False)


# ----------------------------------------------------------------------------- assumptions


def normalize_assumptions(assumptions: Any) -> list[tuple[sp.Expr, frozenset]]:
    """Sign conditions ``(lhs - rhs, signs)`` from relations written in any form.

    Accepts one relation, an iterable of them, and ``sympy.And`` of them; ``>``, ``>=``,
    ``<``, ``<=``, ``Eq`` and ``Ne``; either side. ``True`` is dropped.

    Raises
    ------
    ValueError
        A ``False`` assumption (sympy already decided it), or a disjunction (``Or``).
    TypeError
        A string or another object that is not a sympy relation.

    Examples
    --------
    >>> B, c, tau = sp.symbols("B c tau")
    >>> normalize_assumptions([B > c - tau, sp.And(c - tau < B, tau <= 1)])
    [(B - c + tau, frozenset({1})), (tau - 1, frozenset({0, -1})), (B - c + tau, frozenset({1}))]
    """
    if isinstance(assumptions, sp.Basic | bool):
        assumptions = [assumptions]
    if isinstance(assumptions, str):
        assumptions = [assumptions]
    out: list[tuple[sp.Expr, frozenset]] = []
    for rel in assumptions:
        if rel is True or rel is sp.true:
            continue
        if rel is False or rel is sp.false:
            raise ValueError(
                "assumptions: an assumption evaluated to False (sympy decided it from the "
                "symbols' own assumptions), so the parameter region is empty"
            )
        if isinstance(rel, str):
            raise TypeError(
                f"assumptions: {rel!r} is a string; pass a sympy relation such as b > c "
                "(strings are never parsed)"
            )
        if isinstance(rel, sp.And):
            out.extend(normalize_assumptions(list(rel.args)))
            continue
        if isinstance(rel, sp.Or):
            raise ValueError(
                f"assumptions: {rel} is a disjunction; solve each case with its own "
                "assumptions, or pass no assumption and read the regions"
            )
        signs = next((v for k, v in _REL_SIGNS.items() if type(rel) is k), None)
        if signs is None:
            raise TypeError(
                f"assumptions: {rel!r} is not a relation (>, >=, <, <=, Eq, Ne) or an And "
                "of relations"
            )
        expr = sp.expand(rel.lhs - rel.rhs)
        if expr.could_extract_minus_sign():
            expr, signs = -expr, frozenset(-x for x in signs)
        out.append((expr, signs))
    return out


# ----------------------------------------------------------------------------- the space


def _rational(x: float, denominator: int) -> sp.Rational:
    f = Fraction(x).limit_denominator(denominator)
    return sp.Rational(f.numerator, f.denominator)


def _holds(value: sp.Expr, signs: frozenset) -> bool | None:
    """Whether the number ``value`` has a sign in ``signs`` (``False`` when it is not real;
    ``None`` when that cannot be told)."""
    if not value.is_number:
        return None
    if value.is_Rational:
        return (0 if value.is_zero else (1 if value.is_positive else -1)) in signs
    if value.is_extended_real is False:
        return False
    if value.is_zero:
        return 0 in signs
    if value.is_extended_real and value.is_positive is not None:
        return (1 if value.is_positive else -1) in signs
    # radicals sympy cannot classify: evaluate with many digits
    z = complex(sp.N(value, 50))
    scale = max(1.0, abs(z))
    if abs(z.imag) > 1e-30 * scale:
        return False
    if abs(z.real) <= 1e-30 * scale:
        return None
    return (1 if z.real > 0 else -1) in signs


class ParameterSpace:
    """The parameters, their assumptions, and a feasibility oracle for sign conditions.

    Parameters
    ----------
    symbols : iterable of sympy.Symbol
        The parameters.
    assumptions : relation(s)
        Extra facts, in any form :func:`normalize_assumptions` accepts.
    seed : int
        Seed of the random search used for nonlinear conditions.

    Raises
    ------
    ValueError
        The assumptions leave no parameter values (the message names them), or use a
        symbol named like a parameter but with other sympy assumptions.
    """

    def __init__(self, symbols: Iterable[sp.Symbol], assumptions: Any = (), seed: int = 0) -> None:
        self.symbols = tuple(sorted(set(symbols), key=lambda s: s.name))
        names = {s.name: s for s in self.symbols}
        self.base: list[tuple[sp.Expr, frozenset]] = []
        self._described: list[str] = []
        for s in self.symbols:
            for fact, signs in _OWN:
                if s.assumptions0.get(fact):
                    self.base.append((s, signs))
                    self._described.append(str(relation(s, signs)))
                    break
        self.user = normalize_assumptions(assumptions)
        for expr, _ in self.user:
            for s in expr.free_symbols:
                known = names.get(s.name)
                if known is None:
                    raise ValueError(
                        f"assumptions: {s} is not a parameter (parameters: "
                        f"{', '.join(names) or 'none'})"
                    )
                if known != s:
                    raise ValueError(
                        f"assumptions: the symbol {s.name!r} has assumptions "
                        f"{s.assumptions0} that differ from the parameter {s.name!r}'s; use "
                        "the same sympy Symbol object"
                    )
        for expr, signs in self.user:
            self._described.append(str(relation(expr, signs, self.symbols)))
        self.base.extend(self.user)
        self.inconclusive = False
        self._rng_seed = seed
        self._cache: dict[Any, dict[sp.Symbol, sp.Expr] | None] = {}
        if self.sample([]) is None:
            raise ValueError(
                "assumptions: no parameter values satisfy them together "
                f"[{', '.join(self._described)}]: the region is empty; check the directions "
                "of the inequalities"
            )

    def describe(self) -> list[str]:
        """The assumptions (symbols' own, then the user's) as readable relations."""
        return list(self._described)

    # .......................................................................... sampling

    def sample(
        self, conditions: Iterable[tuple[sp.Expr, Iterable[int]]]
    ) -> dict[sp.Symbol, sp.Expr] | None:
        """An exact point satisfying the assumptions and ``conditions``, or ``None``."""
        conds = [(sp.sympify(e), frozenset(s)) for e, s in conditions]
        key = frozenset(conds)
        if key not in self._cache:
            self._cache[key] = self._sample(self.base + conds)
        return self._cache[key]

    def _sample(self, conds: list[tuple[sp.Expr, frozenset]]) -> dict | None:
        eqs = [e for e, s in conds if s == frozenset({0})]
        rest = [(e, s) for e, s in conds if s != frozenset({0}) and s != _ALL]
        if not eqs:
            return self._sample_inequalities(rest, {})
        solutions = _solve_equalities(tuple(eqs), self.symbols)
        if solutions is None:
            self.inconclusive = True
            return None
        for sol in solutions:
            if any(not v.is_real and v.is_real is not None for v in sol.values()):
                continue
            # the solved symbols are now functions of the free ones
            sub = [(sp.expand(e.xreplace(sol)), s) for e, s in rest]
            point = self._sample_inequalities(sub, sol)
            if point is not None:
                return point
        return None

    def _sample_inequalities(
        self, conds: list[tuple[sp.Expr, frozenset]], solved: Mapping[sp.Symbol, sp.Expr]
    ) -> dict | None:
        free = [s for s in self.symbols if s not in solved]
        pending = []
        for e, s in conds:
            if e.is_number:
                ok = _holds(e, s)
                if ok is False:
                    return None
                if ok is None:
                    pending.append((e, s))
                continue
            pending.append((e, s))
        # Ne conditions split into > or <
        splits = [i for i, (_, s) in enumerate(pending) if s == frozenset({1, -1})]
        for choice in itertools.product((frozenset({1}), frozenset({-1})), repeat=len(splits)):
            trial = list(pending)
            for i, signs in zip(splits, choice, strict=True):
                trial[i] = (trial[i][0], signs)
            point = self._solve_free(trial, free)
            if point is not None:
                full = dict(point)
                for k, v in solved.items():
                    full[k] = sp.simplify(v.xreplace(point))
                if self._check(conds, full):
                    return {s: full[s] for s in self.symbols}
        return None

    def _check(self, conds: Sequence[tuple[sp.Expr, frozenset]], point: Mapping) -> bool:
        for e, s in conds:
            value = e.xreplace(dict(point))
            if not value.is_Rational:
                value = sp.simplify(value)
            ok = _holds(value, s)
            if not ok:
                return False
        return True

    def _solve_free(self, conds: list, free: list[sp.Symbol]) -> dict | None:
        if not free:
            return {} if self._check(conds, {}) else None
        linear = True
        rows = []
        for e, s in conds:
            try:
                poly = sp.Poly(e, *free)
            except sp.PolynomialError:
                linear = False
                break
            if poly.total_degree() > 1 or not all(c.is_number for c in poly.coeffs()):
                linear = False
                break
            coeffs = [float(poly.coeff_monomial(x)) for x in free]
            const = float(poly.coeff_monomial(1))
            rows.append((coeffs, const, s))
        if linear:
            return self._linear(rows, conds, free)
        return self._random(conds, free)

    def _linear(self, rows: list, conds: list, free: list[sp.Symbol]) -> dict | None:
        from scipy.optimize import linprog

        n = len(free)
        A, b = [], []
        strict = False
        for coeffs, const, signs in rows:
            # sign condition on a.x + const, written as  -(dir)(a.x + const) + slack*t <= 0
            direction = 1 if 1 in signs else -1
            is_strict = 0 not in signs
            strict = strict or is_strict
            A.append([-direction * a for a in coeffs] + [1.0 if is_strict else 0.0])
            b.append(direction * const)
        cost = [0.0] * n + [-1.0]
        bounds = [(-1e6, 1e6)] * n + [(None, 1.0)]
        res = linprog(cost, A_ub=A or None, b_ub=b or None, bounds=bounds, method="highs")
        if res.status != 0:
            return None
        slack = -res.fun
        if strict and slack <= 1e-9:
            return None
        x = res.x[:n]
        # a small point: the least L1 norm with half the slack (strict conditions keep a
        # margin, so rounding to a short rational stays inside)
        keep = min(slack, 1.0) / 2 if strict else 0.0
        A2 = [row[:n] + [0.0] * n for row in A]
        b2 = [bi - row[n] * keep for bi, row in zip(b, A, strict=True)]
        for k in range(n):  # |x_k| <= u_k
            e = [0.0] * (2 * n)
            e[k], e[n + k] = 1.0, -1.0
            A2.append(e)
            e = [0.0] * (2 * n)
            e[k], e[n + k] = -1.0, -1.0
            A2.append(e)
            b2.extend([0.0, 0.0])
        res2 = linprog(
            [0.0] * n + [1.0] * n,
            A_ub=A2,
            b_ub=b2,
            bounds=[(-1e6, 1e6)] * n + [(0, None)] * n,
            method="highs",
        )
        if res2.status == 0:
            x = res2.x[:n]
        # prefer short rationals: a point well inside is rounded and checked exactly
        for denominator in (1, 2, 4, 10, 100, 1000, 10**6, 10**12):
            point = {s: _rational(v, denominator) for s, v in zip(free, x, strict=True)}
            if self._check(conds, point):
                return point
        self.inconclusive = True
        return None

    def _random(self, conds: list, free: list[sp.Symbol]) -> dict | None:
        rng = np.random.default_rng(self._rng_seed)
        n = 4000
        scale = np.exp(rng.uniform(np.log(1e-2), np.log(1e2), size=(n, len(free))))
        signs = rng.choice([-1.0, 1.0], size=(n, len(free)))
        pts = scale * signs
        ok = np.ones(n, dtype=bool)
        with np.errstate(all="ignore"):
            for e, s in conds:
                f = sp.lambdify(free, e, "numpy")
                v = np.asarray(f(*pts.T), dtype=complex) * np.ones(n)
                real = np.abs(v.imag) <= 1e-12 * (1 + np.abs(v.real))
                vr = v.real
                good = np.zeros(n, dtype=bool)
                if 1 in s:
                    good |= vr > 1e-9
                if -1 in s:
                    good |= vr < -1e-9
                if 0 in s:
                    good |= np.abs(vr) <= 1e-12
                ok &= good & real
        for idx in np.flatnonzero(ok)[:20]:
            for denominator in (1, 10, 1000, 10**6):
                point = {s: _rational(v, denominator) for s, v in zip(free, pts[idx], strict=True)}
                if self._check(conds, point):
                    return point
        self.inconclusive = True
        return None

    # .......................................................................... signs

    def signs_of(self, factor: sp.Expr, region: Sequence[tuple[sp.Expr, frozenset]]) -> frozenset:
        """The signs ``factor`` can take in ``region`` (each one checked for a point)."""
        known = dict(region)
        if factor in known:
            given = known[factor]
            if len(given) == 1:
                return given
        own = _sympy_signs(factor)
        out = set()
        for s in (1, 0, -1):
            if s not in own:
                continue
            if factor in known and s not in known[factor]:
                continue
            if self.sample([*region, (factor, frozenset({s}))]) is not None:
                out.add(s)
        return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _solve_equalities(eqs: tuple, symbols: tuple) -> list[dict] | None:
    """Solutions of ``eqs == 0`` as dicts (linear systems by ``linsolve``), or ``None``."""
    try:
        if all(sp.Poly(e, *symbols).total_degree() <= 1 for e in eqs):
            solved = sp.linsolve(list(eqs), list(symbols))
            out = []
            for sol in solved:
                out.append({s: v for s, v in zip(symbols, sol, strict=True) if v != s})
            return out
        return sp.solve(list(eqs), list(symbols), dict=True)
    except (NotImplementedError, sp.PolynomialError):
        return None


def _sympy_signs(f: sp.Expr) -> frozenset:
    if f.is_positive:
        return frozenset({1})
    if f.is_negative:
        return frozenset({-1})
    if f.is_zero:
        return frozenset({0})
    if f.is_nonnegative:
        return frozenset({1, 0})
    if f.is_nonpositive:
        return frozenset({-1, 0})
    if f.is_nonzero:
        return frozenset({1, -1})
    return _ALL
