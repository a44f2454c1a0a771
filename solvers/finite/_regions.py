r"""Equilibria by region: finite games whose payoffs have free parameters.

The equilibria of a game with symbolic payoffs change only where some comparison between
payoffs changes sign: a best response :math:`u_i(a, s_{-i}) - u_i(b, s_{-i})`, a
probability of a mixed equilibrium, the determinant of a support system. Their ties are
the boundaries of the regions. :func:`equilibria_by_region` finds them by **splitting on
demand**: the equilibria are enumerated with a sign oracle that knows the current region
(the assumptions plus the sign conditions chosen so far); when a sign that matters is not
settled by the region, the region is split into ``f > 0``, ``f = 0`` and ``f < 0`` for the
undecided factor ``f`` (each child is kept only if it has a point, found exactly; see
:class:`~solvers.finite._regions_space.ParameterSpace`), and the enumeration is repeated
in each child. Leaves with the same equilibria are merged where the union is again a sign
condition (``f > 0`` and ``f = 0`` give ``f >= 0``), and conditions implied by the others
and the assumptions are dropped, so each region reads as a short conjunction of
inequalities, one parameter isolated on the left.

In each region:

* every pure equilibrium, for any number of players (every deviation's sign decided);
* for two players, every extreme equilibrium (the support systems solved symbolically by
  :func:`~solvers.finite.symbolic_equilibria`'s enumeration);
* for three or more players, mixed equilibria support by support where the support
  systems solve in closed form (rational in the parameters; see
  :mod:`~solvers.finite._regions_mixed`); where they do not (radicals, continua,
  degenerate systems) or for games too large to enumerate by default, the result says so
  (``complete=False`` and a note), and ``game.subs(...).equilibria()`` finds them at a
  point.

Examples
--------
A symmetric game with temptation ``t``, reward ``r``, punishment ``p < r`` and sucker
payoff 0: a prisoner's dilemma when ``t > r`` (mutual defection only), a stag hunt when
``t < r`` (both pure profiles and a mixed equilibrium); at ``t = r`` the mixed
equilibrium has merged into the pure ones (ties are substituted on a boundary):

>>> import sympy as sp
>>> from solvers.finite import equilibria_by_region
>>> t, r, p = sp.symbols("t r p", positive=True)
>>> A = [[r, 0], [t, p]]
>>> B = [[r, t], [0, p]]
>>> regions = equilibria_by_region([A, B], assumptions=[p < r])
>>> for region in regions:
...     print(region.condition, [eq.supports for eq in region.equilibria])
t > r [((1,), (1,))]
Eq(t, r) [((0,), (0,)), ((1,), (1,))]
t < r [((0,), (0,)), ((1,), (1,)), ((0, 1), (0, 1))]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from solvers.finite._regions_mixed import mixed_by_region
from solvers.finite._regions_space import (
    ParameterSpace,
    _product_signs,
    _solve_equalities,
    canonical_factors,
    normalize_assumptions,
    relation,
)
from solvers.finite._symbolic import (
    UndecidedConditionError,
    _as_sympy_matrix,
    _solve,
    canonical,
)
from solvers.result import Equilibria, Equilibrium

__all__ = [
    "MAX_MIXED_SUPPORTS",
    "METHOD",
    "Region",
    "RegionMap",
    "equilibria_by_region",
    "piecewise_max",
    "simplify_condition",
]

METHOD = "equilibria_by_region"
#: Largest number of mixed support profiles enumerated by default (games of 3+ players).
MAX_MIXED_SUPPORTS = 40
_ALL = frozenset({1, 0, -1})


class _Undecided(Exception):
    def __init__(self, expr: sp.Expr) -> None:
        super().__init__(str(expr))
        self.expr = expr


class _RegionDecider:
    """The sign oracle of one region (the interface :func:`_symbolic._solve` uses)."""

    def __init__(self, space: ParameterSpace, region: Sequence[tuple[sp.Expr, frozenset]]):
        self.space = space
        self.region = list(region)
        self._signs: dict[sp.Expr, frozenset] = {}
        self.described = space.describe() + [str(relation(f, s, space.symbols)) for f, s in region]

    def factor_signs(self, f: sp.Expr) -> frozenset:
        if f not in self._signs:
            self._signs[f] = self.space.signs_of(f, self.region)
        return self._signs[f]

    def possible(self, expr: Any) -> frozenset:
        cf = canonical_factors(expr)
        if cf is None:
            return frozenset({0})
        sign, factors = cf
        return _product_signs(sign, [(self.factor_signs(f), k) for f, k in factors])

    def undecided_factor(self, expr: Any) -> sp.Expr | None:
        cf = canonical_factors(expr)
        for f, _ in cf[1] if cf else []:
            if len(self.factor_signs(f)) > 1:
                return f
        return None

    def decide(self, expr: Any, rel: str) -> bool | None:
        poss = self.possible(expr)
        if rel == ">":
            return True if poss == {1} else (False if 1 not in poss else None)
        if rel == ">=":
            return True if poss <= {1, 0} else (False if poss <= {-1} else None)
        return True if poss == {0} else (False if 0 not in poss else None)

    def pretty(self, expr: Any, rel: str) -> Any:
        signs = {">": {1}, ">=": {1, 0}, "==0": {1, -1}}[rel]
        num, den = sp.fraction(sp.cancel(sp.together(expr)))
        if self.possible(den) == {1}:
            expr = num
        elif self.possible(den) == {-1}:
            expr = -num
        return relation(expr, signs, self.space.symbols)


# ----------------------------------------------------------------------------- results


def _profile_text(eq: Equilibrium) -> str:
    parts = []
    for i, s in enumerate(eq.strategies):
        labels = eq.strategy_labels[i] if eq.strategy_labels else None
        support = eq.supports[i]
        if len(support) == 1:
            k = support[0]
            parts.append(labels[k] if labels else str(k))
        else:
            parts.append("[" + ", ".join(sp.sstr(p) for p in s) + "]")
    return "(" + ", ".join(parts) + ")"


def _profile_latex(eq: Equilibrium) -> str:
    parts = []
    for i, s in enumerate(eq.strategies):
        labels = eq.strategy_labels[i] if eq.strategy_labels else None
        support = eq.supports[i]
        if len(support) == 1:
            k = support[0]
            parts.append(r"\text{" + (labels[k] if labels else str(k)) + "}")
        else:
            parts.append(r"\left(" + ", ".join(sp.latex(p) for p in s) + r"\right)")
    return r"\left(" + ", ".join(parts) + r"\right)"


def _exact_value(value: sp.Expr) -> sp.Expr:
    """A substituted value, simplified (``nsimplify`` would turn some rationals into
    products of radicals)."""
    return value if value.is_Rational else sp.simplify(value)


def _as_point(point: Mapping[Any, Any], symbols: Sequence[sp.Symbol]) -> dict:
    by_name = {s.name: s for s in symbols}
    out = {}
    for key, value in point.items():
        name = key.name if isinstance(key, sp.Symbol) else key
        if not isinstance(name, str) or name not in by_name:
            raise ValueError(
                f"point: {key!r} is not a parameter (parameters: {', '.join(by_name)})"
            )
        if isinstance(value, str | bytes | bool):
            raise TypeError(f"point: value for {name} must be a number, got {value!r}")
        if isinstance(value, float | np.floating):
            f = Fraction(float(value))
            value = sp.Rational(f.numerator, f.denominator)
        elif isinstance(value, Fraction):
            value = sp.Rational(value.numerator, value.denominator)
        out[by_name[name]] = sp.sympify(value)
    missing = [s.name for s in symbols if s not in out]
    if missing:
        raise ValueError(f"point: no value for {', '.join(missing)}")
    return out


def _signs_hold(conditions: Sequence[tuple[sp.Expr, frozenset]], point: Mapping) -> bool:
    for f, signs in conditions:
        value = f.xreplace(dict(point))
        if not value.is_Rational:
            value = sp.simplify(value)
        if not value.is_number:
            return False
        s = 0 if value.is_zero else (1 if value.is_positive else -1)
        if s not in signs:
            return False
    return True


@dataclass(frozen=True)
class Region:
    """One region of the parameter space and the equilibria in it.

    Attributes
    ----------
    condition : sympy.logic.boolalg.Boolean
        The region, beyond the assumptions (``True`` for all of it), as a conjunction of
        relations with one parameter isolated where possible.
    sample : dict
        An exact point of the region (parameter -> rational).
    equilibria : solvers.result.Equilibria
        The equilibria there, as sympy expressions in the parameters.
    conditions : tuple of (sympy.Expr, frozenset)
        The same region as sign conditions (``expr``, allowed signs in ``{1, 0, -1}``).
    """

    condition: Any
    sample: dict
    equilibria: Equilibria
    conditions: tuple = field(repr=False)

    def contains(self, point: Mapping[Any, Any]) -> bool:
        """Whether the region holds at ``point`` (a dict keyed by symbol or name).

        Examples
        --------
        >>> import sympy as sp
        >>> from solvers.finite import equilibria_by_region
        >>> x = sp.Symbol("x")
        >>> regions = equilibria_by_region([[[x], [0]], [[0], [0]]])
        >>> [r.contains({"x": 1}) for r in regions]
        [False, False, True]
        """
        symbols = sorted(self.sample, key=lambda s: s.name)
        return _signs_hold(self.conditions, _as_point(point, symbols))

    def equilibria_at(self, point: Mapping[Any, Any]) -> Equilibria:
        """The region's equilibria with ``point`` substituted (exact numbers)."""
        symbols = sorted(self.sample, key=lambda s: s.name)
        values = _as_point(point, symbols)
        out = []
        seen = set()
        for eq in self.equilibria:
            key = tuple(
                tuple(_exact_value(sp.sympify(p).xreplace(values)) for p in s)
                for s in eq.strategies
            )
            if key in seen:  # two formulas may meet on a boundary
                continue
            seen.add(key)
            out.append(
                Equilibrium(
                    strategies=tuple(
                        np.array(
                            [_exact_value(sp.sympify(p).xreplace(values)) for p in s], dtype=object
                        )
                        for s in eq.strategies
                    ),
                    payoffs=tuple(sp.simplify(sp.sympify(v).xreplace(values)) for v in eq.payoffs),
                    regret=sp.Integer(0),
                    method=eq.method,
                    exact=True,
                    players=eq.players,
                    strategy_labels=eq.strategy_labels,
                )
            )
        e = self.equilibria
        return Equilibria(
            out,
            method=e.method,
            exact=True,
            degenerate=e.degenerate,
            complete=e.complete,
            tolerance=None,
            notes=e.notes,
        )


class RegionMap(Sequence[Region]):
    """The regions of the parameter space and the equilibria in each (a sequence).

    Built by :func:`equilibria_by_region`. ``rmap.at(point)`` is the region holding at a
    point; ``rmap.table()`` (also ``repr``) a text table; ``rmap.latex()`` a LaTeX array;
    ``rmap.locate(grid)`` the region index over numpy arrays (for region maps, see
    :mod:`papers.regions`).

    Attributes
    ----------
    parameters : tuple of sympy.Symbol
    assumptions : list of str
        The assumptions, as readable relations (symbols' own first).
    complete : bool
        Whether every region lists all equilibria (``False`` for mixed equilibria of games
        with three or more players, or when a region could not be decided).
    notes : list of str
    """

    def __init__(
        self,
        regions: Sequence[Region],
        parameters: Sequence[sp.Symbol],
        assumptions: Sequence[str],
        notes: Sequence[str] = (),
        complete: bool = True,
        base: Sequence[tuple[sp.Expr, frozenset]] = (),
    ) -> None:
        self._regions = list(regions)
        self._base = tuple(base)
        self.parameters = tuple(parameters)
        self.assumptions = list(assumptions)
        self.notes = list(notes)
        self.complete = complete
        self.method = METHOD

    def __len__(self) -> int:
        return len(self._regions)

    def __getitem__(self, i):
        return self._regions[i]

    def __iter__(self) -> Iterator[Region]:
        return iter(self._regions)

    def at(self, point: Mapping[Any, Any]) -> Region:
        """The region holding at ``point`` (dict keyed by symbol or name; exact numbers
        or floats).

        Raises
        ------
        ValueError
            A missing or unknown parameter, or a point outside the assumptions.
        """
        values = _as_point(point, self.parameters)
        if not _signs_hold(self._base, values):
            raise ValueError(
                f"point {point} lies outside the assumptions [{', '.join(self.assumptions)}]"
            )
        for r in self._regions:
            if _signs_hold(r.conditions, values):
                return r
        raise ValueError(
            f"point {point} lies outside the assumptions [{', '.join(self.assumptions)}]"
        )

    def equilibria_at(self, point: Mapping[Any, Any]) -> Equilibria:
        """The equilibria at ``point``, with the values substituted."""
        return self.at(point).equilibria_at(point)

    def locate(self, values: Mapping[Any, Any], rtol: float = 1e-12) -> np.ndarray:
        """Index of the region at each point of a grid (``-1`` outside the assumptions).

        ``values`` maps every parameter (symbol or name) to a number or a numpy array
        (broadcast together). Points within ``rtol`` of a boundary count as on it.
        """
        by_name = {s.name: s for s in self.parameters}
        arrays = {}
        for k, v in values.items():
            name = k.name if isinstance(k, sp.Symbol) else k
            if name not in by_name:
                raise ValueError(f"locate: {k!r} is not a parameter")
            arrays[by_name[name]] = np.asarray(v, dtype=float)
        missing = [s.name for s in self.parameters if s not in arrays]
        if missing:
            raise ValueError(f"locate: no values for {', '.join(missing)}")
        shape = np.broadcast(*arrays.values()).shape if arrays else ()
        args = [np.broadcast_to(arrays[s], shape) for s in self.parameters]
        out = np.full(shape, -1, dtype=int)
        cache: dict[sp.Expr, np.ndarray] = {}

        def sign(f: sp.Expr) -> np.ndarray:
            if f not in cache:
                with np.errstate(all="ignore"):
                    v = np.asarray(sp.lambdify(self.parameters, f, "numpy")(*args), float)
                v = np.broadcast_to(v, shape)
                cache[f] = np.where(np.abs(v) <= rtol * (1 + np.abs(v)), 0, np.sign(v))
            return cache[f]

        # open regions first, so that a boundary point is not given to its neighbour
        order = sorted(
            range(len(self._regions)),
            key=lambda i: sum(1 for _, s in self._regions[i].conditions if s == {0}),
            reverse=True,
        )
        inside = np.ones(shape, dtype=bool)
        for f, signs in self._base:
            inside &= np.isin(sign(f), list(signs))
        for i in order:
            mask = (out == -1) & inside
            for f, signs in self._regions[i].conditions:
                s = sign(f)
                mask &= np.isin(s, list(signs))
            out[mask] = i
        return out

    def table(self) -> str:
        """A text table: region, condition, sample point, equilibria."""
        head = f"Equilibria by region ({', '.join(s.name for s in self.parameters)})"
        if self.assumptions:
            head += f" under {', '.join(self.assumptions)}"
        rows = [("#", "region", "sample", "equilibria")]
        for i, r in enumerate(self._regions, start=1):
            sample = ", ".join(f"{k}={v}" for k, v in sorted(r.sample.items(), key=str))
            eqs = "; ".join(_profile_text(eq) for eq in r.equilibria) or "none"
            rows.append((str(i), sp.sstr(r.condition), sample, eqs))
        widths = [max(len(row[k]) for row in rows) for k in range(3)]
        lines = [head]
        for row in rows:
            lines.append(
                "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[3]
            )
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(line.rstrip() for line in lines)

    def latex(self) -> str:
        r"""The regions as a LaTeX ``array`` (condition & equilibria).

        Examples
        --------
        >>> import sympy as sp
        >>> from solvers.finite import equilibria_by_region
        >>> x = sp.Symbol("x")
        >>> print(equilibria_by_region([[[x], [0]], [[0], [0]]]).latex())
        \begin{array}{ll}
        \text{region} & \text{equilibria} \\ \hline
        x < 0 & \left(\text{1}, \text{0}\right) \\
        x = 0 & \left(\text{0}, \text{0}\right),\ \left(\text{1}, \text{0}\right) \\
        x > 0 & \left(\text{0}, \text{0}\right) \\
        \end{array}
        """
        lines = [r"\begin{array}{ll}", r"\text{region} & \text{equilibria} \\ \hline"]
        for r in self._regions:
            eqs = r",\ ".join(_profile_latex(eq) for eq in r.equilibria) or r"\text{none}"
            lines.append(f"{sp.latex(r.condition)} & {eqs} \\\\")
        lines.append(r"\end{array}")
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def __repr__(self) -> str:
        return self.table()


# ----------------------------------------------------------------------------- solving


def _pure(payoffs: Sequence[np.ndarray], decider: _RegionDecider) -> list[tuple[int, ...]]:
    shape = payoffs[0].shape
    n = len(payoffs)
    found = []
    for profile in itertools.product(*(range(m) for m in shape)):
        undecided = None
        ok = True
        for i in range(n):
            for d in range(shape[i]):
                if d == profile[i]:
                    continue
                deviation = (*profile[:i], d, *profile[i + 1 :])
                gain = payoffs[i][deviation] - payoffs[i][profile]
                better = decider.decide(gain, ">")
                if better is True:
                    ok = False
                    break
                if better is None and undecided is None:
                    undecided = gain
            if not ok:
                break
        if ok and undecided is not None:
            raise _Undecided(undecided)
        if ok:
            found.append(profile)
    return found


def _pure_equilibria(payoffs: Sequence[np.ndarray], decider: _RegionDecider) -> Equilibria:
    shape = payoffs[0].shape
    eqs = []
    for profile in _pure(payoffs, decider):
        strategies = tuple(
            np.array([sp.Integer(int(k == s)) for k in range(m)], dtype=object)
            for s, m in zip(profile, shape, strict=True)
        )
        eqs.append(
            Equilibrium(
                strategies=strategies,
                payoffs=tuple(canonical(u[profile]) for u in payoffs),
                regret=sp.Integer(0),
                method=METHOD,
                exact=True,
            )
        )
    return Equilibria(
        eqs,
        method=METHOD,
        exact=True,
        degenerate=None,
        complete=False,
        tolerance=None,
        notes=[
            "pure equilibria only: mixed equilibria of games with three or more players "
            "are not enumerated by region; bind the parameters (game.subs(...)) to find them"
        ],
    )


def _n_player_equilibria(
    payoffs: Sequence[np.ndarray], decider: _RegionDecider, cache: dict
) -> Equilibria:
    """Pure and mixed equilibria of a game with three or more players in one region."""
    pure = _pure_equilibria(payoffs, decider)

    def undecided(expr: sp.Expr) -> Exception:
        return _Undecided(expr)

    profiles, notes, complete = mixed_by_region(
        payoffs, decider.decide, undecided, cache, decider.space.sample(decider.region)
    )
    eqs = list(pure)
    for strategies in profiles:
        strategies = [np.array([canonical(p) for p in s], dtype=object) for s in strategies]
        pays = []
        for u in payoffs:
            total = sp.Integer(0)
            for profile in itertools.product(*(range(m) for m in u.shape)):
                w = sp.Integer(1)
                for j, k in enumerate(profile):
                    w *= strategies[j][k]
                if w != 0:
                    total += u[profile] * w
            pays.append(canonical(total))
        eqs.append(
            Equilibrium(
                strategies=tuple(strategies),
                payoffs=tuple(pays),
                regret=sp.Integer(0),
                method=METHOD,
                exact=True,
            )
        )
    return Equilibria(
        eqs,
        method=METHOD,
        exact=True,
        degenerate=None,
        complete=complete,
        tolerance=None,
        notes=notes,
    )


def _on_ties(eqs: Equilibria, conds: Mapping, space: ParameterSpace) -> Equilibria:
    """On a region with ties (``f = 0``), write the equilibria with the ties substituted
    and drop the ones that coincide there."""
    zeros = tuple(f for f, s in conds.items() if s == {0})
    if not zeros:
        return eqs
    solutions = _solve_equalities(zeros, space.symbols)
    if not solutions or len(solutions) != 1:
        return eqs
    sol = solutions[0]
    out, seen = [], set()
    for eq in eqs:
        strategies = tuple(
            np.array([canonical(sp.sympify(p).xreplace(sol)) for p in s], dtype=object)
            for s in eq.strategies
        )
        key = tuple(tuple(sp.srepr(p) for p in s) for s in strategies)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Equilibrium(
                strategies=strategies,
                payoffs=tuple(canonical(sp.sympify(v).xreplace(sol)) for v in eq.payoffs),
                regret=eq.regret,
                method=eq.method,
                exact=eq.exact,
            )
        )
    return Equilibria(
        out,
        method=eqs.method,
        exact=eqs.exact,
        degenerate=eqs.degenerate,
        complete=eqs.complete,
        tolerance=eqs.tolerance,
        notes=[*eqs.notes, f"ties substituted: {', '.join(f'{k} = {v}' for k, v in sol.items())}"],
    )


def _key(eqs: Equilibria) -> tuple:
    return (
        tuple(
            sorted(
                tuple(tuple(sp.srepr(sp.cancel(p)) for p in s) for s in eq.strategies)
                for eq in eqs
            )
        ),
        bool(eqs.complete),
    )


def _as_arrays(payoffs: Sequence[Any]) -> list[np.ndarray]:
    arrays = []
    for i, u in enumerate(payoffs):
        a = np.asarray(u, dtype=object)
        out = np.empty(a.shape, dtype=object)
        for idx, v in np.ndenumerate(a):
            if isinstance(v, bool | np.bool_ | str | bytes):
                raise TypeError(f"payoffs[{i}]{list(idx)} = {v!r} is not a number or expression")
            if isinstance(v, Fraction):
                v = sp.Rational(v.numerator, v.denominator)
            elif isinstance(v, np.generic):
                v = v.item()
            v = sp.sympify(v)
            if not isinstance(v, sp.Expr):
                raise TypeError(f"payoffs[{i}]{list(idx)} = {v!r} is not a number or expression")
            out[idx] = v
        arrays.append(out)
    n = len(arrays)
    if n < 2 or any(a.ndim != n or a.shape != arrays[0].shape for a in arrays):
        raise ValueError(
            "payoffs: one array per player, each with one axis per player and the same shape"
        )
    if min(arrays[0].shape) < 1:
        raise ValueError("payoffs: every player needs at least one strategy")
    return arrays


def equilibria_by_region(
    payoffs: Sequence[Any],
    assumptions: Any = (),
    *,
    players: Sequence[str] | None = None,
    strategy_labels: Sequence[Sequence[str]] | None = None,
    max_regions: int = 2000,
    mixed: bool | None = None,
) -> RegionMap:
    """The partition of the parameter space into regions with the equilibria in each.

    Parameters
    ----------
    payoffs : sequence of array_like
        One payoff array per player (any number of players), entries sympy expressions
        in the parameters, ints or ``Fraction`` values.
    assumptions : relation or iterable of relations
        Facts about the parameters in any form (``b > c``, ``c < b``, ``b - c >= 0``,
        ``sympy.And(...)``); the symbols' own assumptions (``positive=True``) count too.
    players, strategy_labels : optional
        Labels attached to the equilibria.
    max_regions : int
        Stop splitting after this many leaves (the result is then flagged incomplete).
    mixed : bool, optional
        For three or more players, also enumerate mixed equilibria support by support
        where the support systems solve in closed form (rational in the parameters);
        ``False``: pure equilibria only (faster). Default: ``True`` for games with at most
        ``MAX_MIXED_SUPPORTS`` (40) support profiles (three players with two strategies
        each has 19), ``False`` above (said in the notes).

    Returns
    -------
    RegionMap
        Regions in a fixed order (by their defining conditions), each with a condition,
        an exact sample point and the equilibria there (pure equilibria for any number of
        players, every extreme equilibrium for two).

    Raises
    ------
    ValueError
        Empty region under the assumptions (the message names them), malformed payoffs
        or assumptions.

    Examples
    --------
    Chicken with value ``b`` and cost ``c``: for ``b > c`` the two pure equilibria and a
    mixed one; for ``b < c`` standing firm is dominant:

    >>> import sympy as sp
    >>> b, c = sp.symbols("b c", positive=True)
    >>> A = [[b - c/2, b - c], [b, 0]]
    >>> B = [[b - c/2, b], [b - c, 0]]
    >>> regions = equilibria_by_region([A, B])
    >>> [str(r.condition) for r in regions]
    ['c > b', 'Eq(c, b)', 'c < b']
    >>> [eq.supports for eq in regions[0].equilibria]
    [((1,), (1,))]
    >>> [eq.supports for eq in regions.at({"b": 2, "c": 1}).equilibria]
    [((0,), (1,)), ((1,), (0,)), ((0, 1), (0, 1))]
    """
    arrays = _as_arrays(payoffs)
    symbols: set[sp.Symbol] = set()
    for a in arrays:
        for v in a.flat:
            symbols |= v.free_symbols
    space = ParameterSpace(symbols, assumptions)
    two = len(arrays) == 2
    mixed_cache: dict = {}
    n_supports = int(np.prod([2**m - 1 for m in arrays[0].shape])) - int(np.prod(arrays[0].shape))
    if mixed is None:
        mixed = n_supports <= MAX_MIXED_SUPPORTS
    if two:
        Am, Bm = _as_sympy_matrix(arrays[0], "A"), _as_sympy_matrix(arrays[1], "B")

    def solve(decider: _RegionDecider) -> Equilibria:
        if two:
            try:
                return _solve(Am, Bm, decider, warn=False)
            except UndecidedConditionError as err:
                raise _Undecided(err.expr) from None
        if not mixed:
            return _pure_equilibria(arrays, decider)
        return _n_player_equilibria(arrays, decider, mixed_cache)

    leaves: list[dict] = []
    stack: list[tuple] = [()]
    truncated = False
    while stack:
        if len(leaves) >= max_regions:
            truncated = True
            break
        region = stack.pop()
        decider = _RegionDecider(space, region)
        try:
            eqs = solve(decider)
        except _Undecided as err:
            f = decider.undecided_factor(err.expr)
            if f is None:  # pragma: no cover - an undecided expression has such a factor
                raise RuntimeError(f"could not split on {err.expr}") from None
            for s in (-1, 0, 1):  # popped in the order +, 0, -
                child = (*region, (f, frozenset({s})))
                if space.sample(child) is not None:
                    stack.append(child)
            continue
        leaves.append(
            {"conds": dict(region), "eqs": eqs, "key": _key(eqs), "sample": space.sample(region)}
        )
    leaves = _merge(leaves, space)
    regions = []
    for leaf in leaves:
        eqs = _on_ties(leaf["eqs"], leaf["conds"], space)
        if players is not None or strategy_labels is not None:
            eqs = Equilibria(
                [eq.with_labels(players, strategy_labels) for eq in eqs],
                method=eqs.method,
                exact=eqs.exact,
                degenerate=eqs.degenerate,
                complete=eqs.complete,
                tolerance=eqs.tolerance,
                notes=eqs.notes,
            )
        conds = tuple(sorted(leaf["conds"].items(), key=lambda fs: sp.default_sort_key(fs[0])))
        rels = [relation(f, s, space.symbols) for f, s in conds]
        condition = sp.And(*rels) if rels else sp.true
        regions.append(Region(condition, leaf["sample"], eqs, conds))
    regions.sort(key=lambda r: [(sp.default_sort_key(f), sorted(s)) for f, s in r.conditions])
    notes = [f"signs decided under: {', '.join(space.describe()) or 'no assumptions'}"]
    complete = (
        (two or mixed)
        and not truncated
        and not space.inconclusive
        and all(r.equilibria.complete for r in regions)
    )
    if not two and not mixed:
        notes.append(
            "pure equilibria only: mixed equilibria of games with three or more players are "
            f"not enumerated by region ({n_supports} support profiles; mixed=True "
            "enumerates them where the support systems solve in closed form)"
        )
    elif not two:
        for r in regions:
            if not r.equilibria.complete:
                notes.append(
                    f"region {sp.sstr(r.condition)}: mixed equilibria incomplete ("
                    + "; ".join(r.equilibria.notes)
                    + ")"
                )
    if truncated:
        notes.append(f"stopped after {max_regions} regions: some regions are missing")
    if space.inconclusive:
        notes.append(
            "some nonlinear sign conditions could not be decided exactly: a thin region "
            "may be missing"
        )
    return RegionMap(regions, space.symbols, space.describe(), notes, complete, space.base)


def _implied(conds: Mapping, f: sp.Expr, space: ParameterSpace) -> bool:
    others = [(g, s) for g, s in conds.items() if g != f]
    return space.sample([*others, (f, _ALL - conds[f])]) is None


def _simplify(conds: dict, space: ParameterSpace) -> dict:
    conds = {f: s for f, s in conds.items() if s != _ALL}
    for f in sorted(conds, key=sp.default_sort_key):
        if _implied(conds, f, space):
            del conds[f]
    return conds


def _refine(leaves: list[dict], space: ParameterSpace) -> list[dict]:
    """Split every leaf on every factor used anywhere, so that all leaves are cells of the
    same arrangement (each keeps its equilibria: they are constant on the leaf)."""
    factors = sorted({f for leaf in leaves for f in leaf["conds"]}, key=sp.default_sort_key)
    out = []
    for leaf in leaves:
        cells = [dict(leaf["conds"])]
        for f in factors:
            if f in leaf["conds"]:
                continue
            nxt = []
            for cell in cells:
                for sgn in (1, 0, -1):
                    trial = {**cell, f: frozenset({sgn})}
                    if space.sample(list(trial.items())) is not None:
                        nxt.append(trial)
            cells = nxt
        for cell in cells:
            out.append({**leaf, "conds": cell, "sample": space.sample(list(cell.items()))})
    return out


def _merge(leaves: list[dict], space: ParameterSpace) -> list[dict]:
    if len(leaves) <= 64:
        leaves = _refine(leaves, space)
    for leaf in leaves:
        leaf["zeros"] = sum(1 for s in leaf["conds"].values() if s == {0})
    leaves = _merge_once(leaves)
    for leaf in leaves:
        leaf["conds"] = _simplify(leaf["conds"], space)
    return _merge_once(leaves)


def _merge_once(leaves: list[dict]) -> list[dict]:
    """Greedily merge leaves with the same equilibria whose conditions differ in one
    factor only (the union is again a sign condition on that factor)."""
    changed = True
    while changed:
        changed = False
        for a, b in itertools.combinations(range(len(leaves)), 2):
            la, lb = leaves[a], leaves[b]
            if la["key"] != lb["key"]:
                continue
            keys = set(la["conds"]) | set(lb["conds"])
            diff = [f for f in keys if la["conds"].get(f, _ALL) != lb["conds"].get(f, _ALL)]
            if len(diff) != 1:
                continue
            f = diff[0]
            conds = dict(la["conds"])
            conds[f] = la["conds"].get(f, _ALL) | lb["conds"].get(f, _ALL)
            keep = la if la["zeros"] <= lb["zeros"] else lb
            merged = dict(keep)
            merged["conds"] = {g: s for g, s in conds.items() if s != _ALL}
            merged["zeros"] = min(la["zeros"], lb["zeros"])
            leaves = [x for k, x in enumerate(leaves) if k not in (a, b)] + [merged]
            changed = True
            break
    return leaves


# ----------------------------------------------------------------------------- conditions


def _space_for(exprs: Iterable[Any], assumptions: Any) -> ParameterSpace:
    symbols: set[sp.Symbol] = set()
    for e in exprs:
        symbols |= sp.sympify(e).free_symbols
    for e, _ in normalize_assumptions(assumptions):
        symbols |= e.free_symbols
    return ParameterSpace(symbols, assumptions)


def simplify_condition(condition: Any, assumptions: Any = ()) -> Any:
    """A relation (or ``And`` of relations) decided or simplified under the assumptions.

    Returns ``True`` / ``False`` (Python bools) when the assumptions decide it, else the
    condition in canonical form (``lhs - rhs`` collected, one parameter isolated, the part
    the assumptions already imply dropped).

    Examples
    --------
    >>> import sympy as sp
    >>> B, c, tau = sp.symbols("B c tau", positive=True)
    >>> simplify_condition(c - tau < B)
    tau > -B + c
    >>> simplify_condition(c - tau < B, assumptions=[tau > c])
    True
    >>> simplify_condition(B + tau < c - B, assumptions=[tau >= c])
    False
    """
    if condition is True or condition is sp.true:
        return True
    if condition is False or condition is sp.false:
        return False
    parts = normalize_assumptions(condition)
    space = _space_for([e for e, _ in parts], assumptions)
    decider = _RegionDecider(space, ())
    out = []
    for expr, signs in parts:
        poss = decider.possible(expr)
        if poss <= signs:
            continue
        if not poss & signs:
            return False
        out.append((expr, signs & poss))
    # drop the parts the others (and the assumptions) imply
    for k in range(len(out) - 1, -1, -1):
        others = out[:k] + out[k + 1 :]
        if space.sample([*others, (out[k][0], _ALL - out[k][1])]) is None:
            del out[k]
    rels = [relation(e, s, space.symbols) for e, s in out]
    return sp.And(*rels) if rels else True


def piecewise_max(values: Sequence[Any], assumptions: Any = ()) -> sp.Expr:
    """The largest of ``values``: one of them when the assumptions decide which, else a
    ``Piecewise`` whose conditions say when each is the largest.

    Examples
    --------
    >>> import sympy as sp
    >>> c, tau = sp.symbols("c tau", positive=True)
    >>> piecewise_max([-tau, -c])
    Piecewise((-tau, c >= tau), (-c, True))
    >>> piecewise_max([-tau, -c], assumptions=[tau > c])
    -c
    """
    values = [sp.sympify(v) for v in values]
    if not values:
        raise ValueError("piecewise_max: no values")
    space = _space_for(values, assumptions)
    decider = _RegionDecider(space, ())
    alive = list(range(len(values)))
    for k in range(len(values)):
        for j in alive:
            if j == k or k not in alive:
                continue
            if decider.possible(values[j] - values[k]) <= {1, 0}:
                alive.remove(k)
    if len(alive) == 1:
        return values[alive[0]]
    pieces = []
    for pos, k in enumerate(alive):
        if pos == len(alive) - 1:
            pieces.append((values[k], True))
            break
        conds = []
        for j in alive[pos + 1 :]:
            expr = values[k] - values[j]
            poss = decider.possible(expr)
            if poss <= {1, 0}:
                continue
            conds.append(relation(expr, frozenset({1, 0}) & poss, space.symbols))
        pieces.append((values[k], sp.And(*conds) if conds else True))
    return sp.Piecewise(*pieces)
