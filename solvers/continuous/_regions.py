r"""Closed-form equilibria of continuous games with free parameters, by active set.

Every equilibrium at which payoffs are differentiable satisfies the KKT conditions of each
player's one-dimensional problem: for an *active set* (each player at its lower bound L,
inside I, or at its upper bound U) the interior players' first-order conditions
:math:`g_i = 0` are solved **symbolically in the parameters** (polynomial systems after
clearing denominators, as in :func:`~solvers.continuous.sweep`). The solution is an
equilibrium exactly where

.. math:: \ell_i < x_i < h_i\ (i \in I), \qquad g_j \le 0\ (j \in L), \qquad
          g_j \ge 0\ (j \in U),

and each player's payoff is concave in its own strategy (KKT sufficient). These sign
conditions on expressions in the parameters are decided by splitting the parameter space
on their factors, under the user's assumptions and the parameters' domains (the same
:class:`~solvers.finite.ParameterSpace` the finite regions use): each region is a
conjunction of relations with an exact sample point, simplified so that what the
assumptions imply is dropped. Interior conditions are strict, so a boundary belongs to the
corner case and the regions of a game with a unique equilibrium do not overlap.

What is not solved in closed form is said, never guessed: a case whose first-order system
is not polynomial, that sympy cannot solve, or that is singular on part of the space, is
listed in ``notes`` and ``gaps`` and the result is ``complete=False``; there
:meth:`ContinuousRegions.solve_at` answers at a point: the closed forms holding there plus
:func:`~solvers.continuous.equilibria` with the parameters bound (numeric where the
first-order conditions are not polynomial), each equilibrium verified and its notes naming
the case without closed form.

Examples
--------
Cournot duopoly, inverse demand :math:`a - b(q_1 + q_2)`, unit cost :math:`c`:

>>> import sympy as sp
>>> from solvers.continuous import ContinuousProblem, equilibria_by_region
>>> q1, q2, a, b, c = sp.symbols("q1 q2 a b c")
>>> p = ContinuousProblem((q1, q2), ((a - b*(q1 + q2) - c)*q1, (a - b*(q1 + q2) - c)*q2),
...                       ((0, None), (0, None)), parameters=(a, b, c))
>>> regions = equilibria_by_region(p, assumptions=[b > 0])
>>> for r in regions:
...     print(r.condition, r.strategies)
c < a {'player 0': (a - c)/(3*b), 'player 1': (a - c)/(3*b)}
c >= a {'player 0': 0, 'player 1': 0}
>>> regions.complete, regions.unique
(True, True)
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from solvers._numbers import convert
from solvers.continuous._concavity import concavity
from solvers.continuous._equilibria import _build, equilibria
from solvers.continuous._exact import _same_point
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._result import ContinuousEquilibria, ContinuousEquilibrium
from solvers.continuous._statics import _polynomial_system_params
from solvers.continuous._verify import verify_profile
from solvers.finite import ParameterSpace, canonical_factors, relation
from solvers.result import EquilibriumResult, EquilibriumSet
from solvers.verify import DEFAULT_RTOL

__all__ = ["ContinuousRegion", "ContinuousRegions", "equilibria_by_region"]

METHOD = "active_set_regions"
#: ``method`` of an equilibrium taken from a closed-form region at a point.
CLOSED_FORM = "closed form (active-set region)"
#: Relative distance under which a numeric equilibrium is the closed-form one.
SAME_POINT_RTOL = 1e-6
_CODE = {"lower": "L", "interior": "I", "upper": "U"}
#: Largest number of active-set cases enumerated symbolically.
MAX_CASES = 729
_ALL = frozenset({1, 0, -1})
_LABEL = {"L": "lower", "I": "interior", "U": "upper"}

Conds = tuple[tuple[sp.Expr, frozenset], ...]


# ----------------------------------------------------------------------------- results


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
                f"point: {key!r} is not a free parameter (free: {', '.join(by_name) or 'none'})"
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


def _sign_of_number(value: sp.Expr) -> int | None:
    if not value.is_Rational:
        value = sp.simplify(value)
    if not value.is_number or value.is_extended_real is False:
        return None
    if value.is_zero:
        return 0
    if value.is_positive is not None:
        return 1 if value.is_positive else -1
    z = complex(sp.N(value, 50))
    if abs(z.imag) > 1e-30 * max(1.0, abs(z)):
        return None
    return 1 if z.real > 0 else (-1 if z.real < 0 else 0)


def _holds(conditions: Conds, values: Mapping) -> bool:
    for f, signs in conditions:
        s = _sign_of_number(f.xreplace(dict(values)))
        if s is None or s not in signs:
            return False
    return True


def _is_closed(eq: ContinuousEquilibrium) -> bool:
    return eq.method == CLOSED_FORM


@dataclass(frozen=True, eq=False)
class ContinuousRegion(EquilibriumResult):
    """One active set, the region of the parameters where it gives an equilibrium, and the
    equilibrium there in closed form.

    Attributes
    ----------
    condition : sympy.logic.boolalg.Boolean
        The region beyond the assumptions (``True`` for all of it).
    sample : dict
        An exact point of the region (parameter -> rational); the equilibrium is verified
        there by a global maximization (:func:`~solvers.continuous.verify_profile`).
    active : dict
        Player name to ``"lower"``, ``"interior"`` or ``"upper"``.
    strategies, payoffs : dict
        Player name to a sympy expression in the parameters.
    exact : bool
        Always ``True`` (closed forms).
    regret : dict
        Each player's regret at the sample point (exactly zero when checked exactly).
    check : {"exact", "float"}
        How the sample point was verified (exact global maximization, or floats within
        the default tolerance when the exact maximum is not decidable).
    concave : bool
        Whether every payoff is proven concave in the own strategy throughout the region
        (then the KKT solution is an equilibrium at every point of it, not only at the
        sample).
    conditions : tuple of (sympy.Expr, frozenset)
        The region as sign conditions (expression, allowed signs in ``{1, 0, -1}``).
    notes : tuple of str
    """

    condition: Any
    sample: dict
    active: dict[str, str]
    strategies: dict[str, sp.Expr]
    payoffs: dict[str, sp.Expr]
    regret: dict[str, Any]
    concave: bool
    conditions: Conds = field(repr=False)
    notes: tuple[str, ...] = ()
    method: str = METHOD
    exact: bool = True
    tolerance: None = None
    check: str = "exact"

    @property
    def verified(self) -> bool:
        """Whether the equilibrium passed the global check at the sample point (every
        returned region did)."""
        if self.check == "exact":
            return all(sp.sympify(r).is_zero for r in self.regret.values())
        return True

    def contains(self, point: Mapping[Any, Any]) -> bool:
        """Whether the region holds at ``point`` (a dict keyed by parameter or name)."""
        return _holds(self.conditions, _as_point(point, sorted(self.sample, key=str)))

    def at(self, point: Mapping[Any, Any]) -> dict[str, sp.Expr]:
        """The strategies with ``point`` substituted (exact numbers)."""
        values = _as_point(point, sorted(self.sample, key=str))
        return {k: _exact_value(v.xreplace(values)) for k, v in self.strategies.items()}

    def strategies_by_player(self) -> dict[str, Any]:
        """Player name to strategy (a sympy expression in the parameters)."""
        return dict(self.strategies)

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to payoff (a sympy expression in the parameters)."""
        return dict(self.payoffs)

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form: expressions as text, the sample point's numbers in
        ``numbers`` form."""
        return {
            "condition": str(self.condition),
            "sample": {str(k): convert(v, numbers) for k, v in self.sample.items()},
            "active": dict(self.active),
            "strategies": {k: str(v) for k, v in self.strategies.items()},
            "payoffs": {k: str(v) for k, v in self.payoffs.items()},
            "exact": True,
            "verified": self.verified,
            "regret": {k: convert(v, numbers) for k, v in self.regret.items()},
            "concave": self.concave,
            "method": self.method,
            "notes": list(self.notes),
        }

    def latex(self) -> str:
        r"""The region and the equilibrium as a LaTeX ``aligned`` block."""
        cond = sp.latex(self.condition)
        return (
            r"\begin{aligned}&\text{if } "
            + cond
            + r":\\ "
            + r"\\ ".join(
                r"&\text{" + name + "} = " + sp.latex(v) for name, v in self.strategies.items()
            )
            + r"\end{aligned}"
        )

    def __repr__(self) -> str:
        strat = ", ".join(f"{k} = {v}" for k, v in self.strategies.items())
        corners = [f"{k} at {v}" for k, v in self.active.items() if v != "interior"]
        act = f" | corners: {', '.join(corners)}" if corners else " | interior"
        return f"ContinuousRegion(where {self.condition}: {strat}{act})"


class ContinuousRegions(EquilibriumSet):
    """The closed-form equilibria of a continuous game with free parameters, one
    :class:`ContinuousRegion` per active set and region (an
    :class:`~solvers.result.EquilibriumSet`).

    Attributes
    ----------
    parameters : tuple of sympy.Symbol
        The free parameters.
    assumptions : list of str
        Assumptions used (symbols' own, domains, bound order, the user's).
    complete : bool
        Whether every case was solved in closed form (then every equilibrium at which
        payoffs are differentiable is in some region).
    unique : bool
        Whether the regions are pairwise disjoint and the search complete (at most one
        equilibrium at every parameter point).
    notes : tuple of str
    problem : ContinuousProblem or None
        The game solved (parameters bound by ``values=`` substituted); :meth:`solve_at`
        binds the rest at a point.
    gaps : dict
        What has no closed form: active-set label (one letter per player, ``L``/``I``/``U``
        for lower/interior/upper) to the reason, and ``"concavity"`` when concavity holds
        only on part of the space. Empty when ``complete``.
    """

    def __init__(
        self,
        items: Sequence[ContinuousRegion],
        *,
        parameters: Sequence[sp.Symbol],
        assumptions: Sequence[str],
        complete: bool,
        unique: bool,
        notes: Sequence[str] = (),
        base: Conds = (),
        problem: ContinuousProblem | None = None,
        gaps: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(items, method=METHOD, exact=True, complete=complete, notes=notes)
        self.parameters = tuple(parameters)
        self.assumptions = list(assumptions)
        self.unique = unique
        self.problem = problem
        self.gaps: dict[str, str] = dict(gaps or {})
        self._base = tuple(base)

    def __iter__(self) -> Iterator[ContinuousRegion]:
        return super().__iter__()

    def at(self, point: Mapping[Any, Any]) -> list[ContinuousRegion]:
        """The closed-form regions holding at ``point`` (one per equilibrium there; where
        the result is not ``complete`` other equilibria may exist: :meth:`solve_at` adds
        them numerically).

        Raises
        ------
        ValueError
            A missing or unknown parameter, or a point outside the assumptions.
        """
        values = _as_point(point, self.parameters)
        if not _holds(self._base, values):
            raise ValueError(
                f"point {point} lies outside the assumptions [{', '.join(self.assumptions)}]"
            )
        return [r for r in self if _holds(r.conditions, values)]

    def equilibria_at(self, point: Mapping[Any, Any]) -> list[dict[str, Any]]:
        """The equilibrium strategies at ``point``: one dict per closed-form region holding
        there (exact numbers), then, when the closed forms are not ``complete``, those the
        solver finds at the point outside them (floats where numeric; see
        :meth:`solve_at`, which says how each was found)."""
        closed = [r.at(point) for r in self.at(point)]
        if self.complete:
            return closed
        return closed + [dict(e.strategies) for e in self.solve_at(point) if not _is_closed(e)]

    def solve_at(
        self,
        point: Mapping[Any, Any],
        *,
        rtol: float = DEFAULT_RTOL,
        starts: int = 8,
        seed: int = 0,
    ) -> ContinuousEquilibria:
        """The equilibria at ``point`` in the solvers' result shape: the closed forms of
        the regions holding there, and a numeric fallback where they are not complete.

        Each closed form is evaluated exactly and verified at the point (method
        ``"closed form (active-set region)"``). When some case has no closed form
        (``complete=False``: see ``gaps``), :func:`~solvers.continuous.equilibria` is
        also run with the parameters bound to ``point`` (exact enumeration where
        polynomial, numeric root finding otherwise); an equilibrium it finds that no
        closed form gives is added, verified like any other, with a note naming the case
        without closed form (``exact=False`` when found numerically).

        Parameters
        ----------
        point : mapping
            A value for every free parameter (keyed by symbol or name).
        rtol, starts, seed
            As in :func:`~solvers.continuous.equilibria` (float regret tolerance, numeric
            starting points and their seed).

        Returns
        -------
        ContinuousEquilibria
            ``complete`` when the closed forms are, or the solver's search at the point was.

        Raises
        ------
        ValueError
            A missing or unknown parameter, a point outside the assumptions, or a result
            that does not carry its problem.

        Examples
        --------
        :math:`u = (a + y/2)x - e^x` and symmetrically, on :math:`[0, 2]^2`: the interior
        first-order condition :math:`e^x = a + x/2` is transcendental, so only the corners
        have closed forms; in between the equilibrium is numeric.

        >>> import sympy as sp
        >>> from solvers.continuous import ContinuousProblem, equilibria_by_region
        >>> x, y, a = sp.symbols("x y a", positive=True)
        >>> p = ContinuousProblem((x, y), ((a + y/2)*x - sp.exp(x), (a + x/2)*y - sp.exp(y)),
        ...                       ((0, 2), (0, 2)), parameters=(a,))
        >>> regions = equilibria_by_region(p)
        >>> [str(r.condition) for r in regions], regions.complete
        (['a <= 1', 'a >= -1 + exp(2)'], False)
        >>> regions.equilibria_at({"a": sp.Rational(1, 2)})
        [{'player 0': 0, 'player 1': 0}]
        >>> (eq,) = regions.solve_at({"a": 2})
        >>> eq.exact, round(eq.strategies["player 0"], 6), eq.verified
        (False, 0.895084, True)
        >>> eq.notes[-1]
        'case II has no closed form (the first-order conditions are not polynomial ...'
        """
        values = _as_point(point, self.parameters)
        if not _holds(self._base, values):
            raise ValueError(
                f"point {point} lies outside the assumptions [{', '.join(self.assumptions)}]"
            )
        if self.problem is None:
            raise ValueError(
                "these regions do not carry their problem: build them with "
                "equilibria_by_region(problem, ...)"
            )
        base = self.problem
        declared = set(base.parameters)
        keyed = {s: v for s, v in values.items() if s in declared}
        base = base.bind({s: v for s, v in values.items() if s not in declared})
        bound = base.bind(keyed)
        found: list[ContinuousEquilibrium] = []
        notes: list[str] = []
        for region in self.at(point):
            profile = list(region.at(point).values())
            regrets, tols, exact = verify_profile(bound, profile, rtol=rtol)
            ok = (
                all(sp.sympify(r).is_zero for r in regrets)
                if exact
                else all(float(r) <= float(t) for r, t in zip(regrets, tols, strict=True))
            )
            if not ok:
                notes.append(
                    f"the closed form of region {region.condition} fails the global check "
                    "here (payoff not concave): not an equilibrium at this point"
                )
                continue
            why = [f"closed form of region {region.condition}"]
            if not exact:
                why.append("exact point, verified numerically")
            found.append(
                _build(bound, base, keyed, profile, regrets, tols, exact, CLOSED_FORM, why)
            )
        complete = self.complete
        unique = self.unique and len(found) == 1
        uniqueness = "closed forms by region: regions pairwise disjoint, search complete"
        method = CLOSED_FORM
        if not self.complete:
            solved = equilibria(base, keyed, rtol=rtol, starts=starts, seed=seed)
            method = f"{CLOSED_FORM} + {solved.method}"
            for e in solved:
                if any(_same_point(e.profile, f.profile, SAME_POINT_RTOL) for f in found):
                    continue
                found.append(dataclasses.replace(e, notes=(*e.notes, self._gap_note(e))))
            complete = solved.complete
            notes.append(
                f"no closed form for {', '.join(self.gaps) or 'some cases'}: solved at this "
                f"point by {solved.method}"
            )
            notes.extend(solved.notes)
            if solved.unique and len(found) == 1:
                unique, uniqueness = True, solved.uniqueness
        if unique:
            found = [dataclasses.replace(e, unique=True, uniqueness=uniqueness) for e in found]
        else:
            uniqueness = "not proven"
        if not found and self.complete:
            notes.append("no closed-form region holds here: no equilibrium at this point")
        return ContinuousEquilibria(
            found,
            method=method,
            complete=complete,
            unique=unique,
            uniqueness=uniqueness,
            notes=notes,
        )

    def _gap_note(self, eq: ContinuousEquilibrium) -> str:
        """Why an equilibrium found at a point is not given by a closed form."""
        label = "".join(_CODE[eq.active[p]] for p in eq.strategies)
        how = "found numerically" if not eq.exact else "solved"
        if label in self.gaps:
            reason = self.gaps[label].removeprefix(f"case {label}: ")
            reason = reason.removesuffix(": no closed form")
            return f"case {label} has no closed form ({reason}); {how} at this point"
        reasons = "; ".join(self.gaps.values()) or "no closed-form region covers it"
        return f"not given by a closed-form region ({reasons}); {how} at this point"

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form (:meth:`solvers.result.EquilibriumSet.to_dict`) with the free
        parameters, the assumptions, uniqueness and the cases without closed form."""
        out = super().to_dict(numbers=numbers)
        out["parameters"] = [s.name for s in self.parameters]
        out["assumptions"] = list(self.assumptions)
        out["unique"] = self.unique
        out["gaps"] = dict(self.gaps)
        return out

    def piecewise(self) -> dict[str, sp.Expr]:
        """Each player's strategy as a ``Piecewise`` over the regions (the first region
        that holds wins; outside every region the value is ``nan``).

        Examples
        --------
        >>> import sympy as sp
        >>> from solvers.continuous import ContinuousProblem, equilibria_by_region
        >>> x, k = sp.symbols("x k")
        >>> p = ContinuousProblem((x,), (-(x - k)**2,), ((0, 1),), parameters=(k,))
        >>> equilibria_by_region(p).piecewise()["player 0"]
        Piecewise((k, (k > 0) & (k < 1)), (0, k <= 0), (1, k >= 1))
        """
        if not len(self):
            return {}
        players = list(self[0].strategies)
        return {
            name: sp.Piecewise(*[(r.strategies[name], r.condition) for r in self])
            for name in players
        }

    def table(self) -> str:
        """A text table: region, active set, sample point, strategies."""
        head = f"Equilibria by active set ({', '.join(s.name for s in self.parameters)})"
        if self.assumptions:
            head += f" under {', '.join(self.assumptions)}"
        lines = [head]
        for k, r in enumerate(self, start=1):
            act = ", ".join(f"{p}: {v}" for p, v in r.active.items())
            sample = ", ".join(f"{s}={v}" for s, v in sorted(r.sample.items(), key=str))
            strat = ", ".join(f"{p} = {v}" for p, v in r.strategies.items())
            lines.append(f"{k}. {sp.sstr(r.condition)}  [{act}]  (e.g. {sample})")
            lines.append(f"   {strat}")
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def latex(self) -> str:
        r"""The regions as a LaTeX ``array``: condition, then each player's strategy."""
        players = list(self[0].strategies) if len(self) else []
        cols = "l" * (1 + len(players))
        head = r"\text{region} & " + " & ".join(r"\text{" + p + "}" for p in players)
        lines = [r"\begin{array}{" + cols + "}", head + r" \\ \hline"]
        for r in self:
            cells = " & ".join(sp.latex(r.strategies[p]) for p in players)
            lines.append(f"{sp.latex(r.condition)} & {cells} \\\\")
        lines.append(r"\end{array}")
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def __repr__(self) -> str:
        return self.table()


# ----------------------------------------------------------------------------- solving


def _domain_relations(sym: sp.Symbol, dom: Any) -> list[Any]:
    if not isinstance(dom, sp.Interval):
        return []
    out = []
    if dom.inf.is_finite:
        out.append(sym > dom.inf if dom.left_open else sym >= dom.inf)
    if dom.sup.is_finite:
        out.append(sym < dom.sup if dom.right_open else sym <= dom.sup)
    return [r for r in out if r is not sp.true]


def _simplest(expr: sp.Expr) -> sp.Expr:
    expr = sp.sympify(expr)
    if expr.is_number:
        return expr
    candidates = [expr, sp.factor(sp.cancel(expr))]
    try:
        candidates.append(sp.simplify(expr))
    except Exception:  # pragma: no cover - simplify failing on odd input
        pass
    return min(candidates, key=lambda e: (sp.count_ops(e), len(str(e))))


def _denominators(expr: sp.Expr) -> list[sp.Expr]:
    den = sp.fraction(sp.cancel(sp.together(expr)))[1]
    return [] if den.is_number else [den]


def _radicands(expr: sp.Expr) -> list[sp.Expr]:
    out = []
    for p in expr.atoms(sp.Pow):
        e = p.exp
        if e.is_Rational and not e.is_Integer and e.q % 2 == 0 and not p.base.is_number:
            out.append(p.base)
    return out


class _Space:
    """Sign decisions in a region of a :class:`ParameterSpace` (splits on demand)."""

    def __init__(self, space: ParameterSpace) -> None:
        self.space = space
        self._signs: dict[tuple, frozenset] = {}

    def factor_signs(self, f: sp.Expr, region: Conds) -> frozenset:
        key = (f, region)
        if key not in self._signs:
            self._signs[key] = self.space.signs_of(f, list(region))
        return self._signs[key]

    def possible(self, expr: sp.Expr, region: Conds) -> tuple[frozenset, sp.Expr | None]:
        """Possible signs of ``expr`` in ``region`` and an undecided factor (or None)."""
        cf = canonical_factors(expr)
        if cf is None:
            return frozenset({0}), None
        sign, factors = cf
        options = []
        undecided = None
        for f, k in factors:
            s = self.factor_signs(f, region)
            if len(s) > 1 and undecided is None:
                undecided = f
            options.append(frozenset(x**k if x else 0 for x in s))
        out = set()
        for combo in itertools.product(*options):
            v = sign
            for x in combo:
                v *= x
            out.add(v)
        return frozenset(out), undecided

    def regions(self, required: Sequence[tuple[sp.Expr, frozenset]], region: Conds = ()):
        """The cells (sign conditions on factors) where every requirement holds."""
        for expr, signs in required:
            poss, f = self.possible(expr, region)
            if poss <= signs:
                continue
            if not poss & signs:
                return []
            if f is None:  # pragma: no cover - an undecided product has such a factor
                return []
            out = []
            for s in (1, 0, -1):
                child = (*region, (f, frozenset({s})))
                if self.space.sample(list(child)) is not None:
                    out.extend(self.regions(required, child))
            return out
        return [region]


def _merge(cells: list[dict], space: ParameterSpace) -> list[dict]:
    """Merge cells whose conditions differ in one factor only, then drop the conditions
    the others (and the assumptions) imply."""

    def once(cells: list[dict]) -> list[dict]:
        changed = True
        while changed:
            changed = False
            for a, b in itertools.combinations(range(len(cells)), 2):
                ca, cb = cells[a], cells[b]
                keys = set(ca) | set(cb)
                diff = [f for f in keys if ca.get(f, _ALL) != cb.get(f, _ALL)]
                if len(diff) != 1:
                    continue
                f = diff[0]
                merged = dict(ca)
                merged[f] = ca.get(f, _ALL) | cb.get(f, _ALL)
                merged = {g: s for g, s in merged.items() if s != _ALL}
                cells = [x for k, x in enumerate(cells) if k not in (a, b)] + [merged]
                changed = True
                break
        return cells

    cells = once(cells)
    out = []
    for conds in cells:
        conds = dict(conds)
        for f in sorted(conds, key=sp.default_sort_key):
            others = [(g, s) for g, s in conds.items() if g != f]
            if space.sample([*others, (f, _ALL - conds[f])]) is None:
                del conds[f]
        out.append(conds)
    return once(out)


def _solve_case(prob: ContinuousProblem, case: tuple[str, ...], grads: Sequence[sp.Expr]):
    """Symbolic KKT solutions of one active set: ``(branches, note)``; each branch is the
    profile and the requirements (sign conditions) for it to be a KKT point."""
    label = "".join(case)
    fixed: dict[sp.Symbol, sp.Expr] = {}
    for s, st, (lo, hi) in zip(prob.strategies, case, prob.bounds, strict=True):
        if st == "L":
            fixed[s] = lo
        elif st == "U":
            fixed[s] = hi
    interior = [i for i, st in enumerate(case) if st == "I"]
    unknowns = [prob.strategies[i] for i in interior]
    eqs = [grads[i].xreplace(fixed) for i in interior]
    if any(e.has(sp.zoo, sp.nan) for e in eqs):
        return [], None
    notes = []
    polys: list[sp.Expr] = []
    if unknowns:
        polys = _polynomial_system_params(eqs, unknowns)
        if polys is None:
            return [], (
                f"case {label}: the first-order conditions are not polynomial in the "
                "strategies (or of degree > 2 in several): no closed form"
            )
        try:
            sols = sp.solve(polys, unknowns, dict=True)
        except NotImplementedError:
            return [], f"case {label}: sympy could not solve the first-order conditions"
    else:
        sols = [{}]
    branches = []
    for sol in sols:
        if len(sol) < len(unknowns) or any(
            sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()
        ):
            notes.append(f"case {label}: a continuum of solutions (degenerate), not listed")
            continue
        xs = [sp.sympify(fixed.get(s, sol.get(s))) for s in prob.strategies]
        rep = dict(zip(prob.strategies, xs, strict=True))
        g_at = [grads[i].xreplace(rep) for i in range(prob.n)]
        if any(g_at[i].has(sp.zoo, sp.nan) for i, st in enumerate(case) if st != "I"):
            continue
        req: list[tuple[sp.Expr, frozenset]] = []
        for e in [*xs, *g_at]:
            req.extend((d, frozenset({1, -1})) for d in _denominators(e))
            req.extend((r, frozenset({1, 0})) for r in _radicands(e))
        for i, st in enumerate(case):
            lo, hi = prob.bounds[i]
            if st == "I":
                if lo.is_finite:
                    req.append((xs[i] - lo, frozenset({1})))
                if hi.is_finite:
                    req.append((hi - xs[i], frozenset({1})))
            elif st == "L":
                req.append((g_at[i], frozenset({-1, 0})))
            else:
                req.append((g_at[i], frozenset({1, 0})))
        if unknowns:
            jac = sp.Matrix(polys).jacobian(unknowns).xreplace(rep)
            det = sp.fraction(sp.cancel(sp.together(jac.det(method="berkowitz"))))[0]
        else:
            det = sp.Integer(1)
        branches.append((xs, req, det))
    return branches, "; ".join(dict.fromkeys(notes)) or None


def equilibria_by_region(
    problem: ContinuousProblem,
    assumptions: Any = (),
    *,
    values: Mapping[sp.Symbol, Any] | None = None,
    max_cases: int = MAX_CASES,
) -> ContinuousRegions:
    """Closed-form equilibria of a continuous game with free parameters, with the region
    where each active set holds.

    Parameters
    ----------
    problem : ContinuousProblem
        Payoffs and bounds may contain parameters; those not bound by ``values`` stay free.
    assumptions : relation or iterable of relations
        Facts about the parameters in any form (``B > c - tau``, ``c - tau < B``,
        ``sympy.And(...)``, strict or not, either side); the parameters' domains
        (``problem.domains``), the symbols' own assumptions and ``lower < upper`` for
        symbolic bounds count too.
    values : mapping, optional
        Parameters to bind to numbers first.
    max_cases : int
        Largest number of active-set cases enumerated (3 per bounded player).

    Returns
    -------
    ContinuousRegions
        One :class:`ContinuousRegion` per active set and region: the condition (simplified
        under the assumptions), an exact sample point, the strategies and payoffs as
        sympy expressions. ``complete=False`` with notes when a case has no closed form.

    Raises
    ------
    ValueError
        Empty region under the assumptions (the message names them), too many cases.

    Examples
    --------
    A linear public good: player *i* gives :math:`g_i \\in [0, w]` with payoff
    :math:`m (g_1 + g_2) - g_i^2/2`: each gives :math:`m` while the income allows it.

    >>> import sympy as sp
    >>> g1, g2, m, w = sp.symbols("g1 g2 m w", positive=True)
    >>> p = ContinuousProblem((g1, g2), (m*(g1 + g2) - g1**2/2, m*(g1 + g2) - g2**2/2),
    ...                       ((0, w), (0, w)), parameters=(m, w))
    >>> for r in equilibria_by_region(p):
    ...     print(r.condition, r.strategies)
    w > m {'player 0': m, 'player 1': m}
    w <= m {'player 0': w, 'player 1': w}
    """
    prob = problem.bind(dict(values or {}))
    params = sorted(prob.free_parameters(), key=lambda s: s.name)
    n_cases = math.prod(1 + int(lo.is_finite) + int(hi.is_finite) for lo, hi in prob.bounds)
    if n_cases > max_cases:
        raise ValueError(
            f"{n_cases} active-set cases exceed max_cases={max_cases}; bind some "
            "parameters (values=...) or raise max_cases"
        )
    rels: list[Any] = []
    for sym, dom in prob.domains.items():
        if sym in params:
            rels.extend(_domain_relations(sym, dom))
    for lo, hi in prob.bounds:
        if lo.is_finite and hi.is_finite and (lo.free_symbols or hi.free_symbols):
            rels.append(lo < hi)
    rels = [r for r in dict.fromkeys(rels) if r is not sp.true]
    if isinstance(assumptions, sp.Basic | bool):
        assumptions = [assumptions]
    user = list(assumptions)
    extra: set[sp.Symbol] = set()
    for rel in user:
        if isinstance(rel, sp.Basic):
            extra |= rel.free_symbols
    space = ParameterSpace(set(params) | extra, [*rels, *user])
    params = list(space.symbols)
    decider = _Space(space)
    grads = prob.gradient()
    notes: list[str] = []
    gaps: dict[str, str] = {}
    complete = True

    # concavity in the own strategy: proven, a condition on the parameters, or unknown
    concave_req: list[tuple[sp.Expr, frozenset]] = []
    concave_all = True
    for i in range(prob.n):
        d2 = sp.diff(prob.payoffs[i], prob.strategies[i], 2)
        if not (d2.free_symbols & set(prob.strategies)):
            poss, _ = decider.possible(d2, ())
            if poss <= {-1, 0}:
                continue
            if poss == {1}:
                concave_all = False
                notes.append(f"{prob.players[i]}'s payoff is convex in its own strategy")
                continue
            concave_req.append((d2, frozenset({-1, 0})))
            complete = False
            notes.append(
                f"{prob.players[i]}'s payoff is concave in its own strategy only where "
                f"{relation(d2, frozenset({-1, 0}), params)}: the other parameter values are "
                "not covered"
            )
            gaps["concavity"] = "; ".join(
                filter(None, [gaps.get("concavity"), notes[-1].split(":")[0]])
            )
            continue
        status, proven = concavity(prob, i)
        if proven is not True:
            concave_all = False
            notes.append(
                f"{prob.players[i]}: {status}; each region's equilibrium is verified at its "
                "sample point only"
            )

    states = [
        ["I"] + (["L"] if lo.is_finite else []) + (["U"] if hi.is_finite else [])
        for lo, hi in prob.bounds
    ]
    found: list[ContinuousRegion] = []
    for case in itertools.product(*states):
        branches, note = _solve_case(prob, case, grads)
        if note:
            notes.append(note)
            gaps["".join(case)] = note
            complete = False
        for xs, req, det in branches:
            cells = decider.regions([*req, *concave_req])
            if not cells:
                continue
            merged = _merge([dict(c) for c in cells], space)
            for conds in merged:
                cond_t: Conds = tuple(
                    sorted(conds.items(), key=lambda fs: sp.default_sort_key(fs[0]))
                )
                sample = space.sample(list(cond_t))
                if sample is None:  # pragma: no cover - merged cells keep a point
                    continue
                if 0 in decider.possible(det, cond_t)[0]:
                    complete = False
                    notes.append(
                        f"case {''.join(case)}: the first-order system is singular where "
                        f"{det} = 0; equilibria there are not listed"
                    )
                    gaps.setdefault("".join(case), notes[-1])
                region = _region(prob, case, xs, cond_t, sample, params, concave_all)
                if region is None:
                    complete = False
                    notes.append(
                        f"case {''.join(case)}: the KKT point fails the global check at "
                        f"{sample} (payoff not concave): not an equilibrium there"
                    )
                    gaps.setdefault("".join(case), notes[-1])
                    continue
                found.append(region)
    found.sort(key=lambda r: (-sum(v == "interior" for v in r.active.values()), str(r.condition)))
    unique = complete and all(
        space.sample([*a.conditions, *b.conditions]) is None
        for a, b in itertools.combinations(found, 2)
    )
    if space.inconclusive:
        complete = False
        notes.append(
            "some nonlinear sign conditions could not be decided exactly: a thin region may "
            "be missing"
        )
        gaps["signs"] = notes[-1]
    notes.insert(0, f"signs decided under: {', '.join(space.describe()) or 'no assumptions'}")
    return ContinuousRegions(
        found,
        parameters=params,
        assumptions=space.describe(),
        complete=complete,
        unique=unique,
        notes=notes,
        base=tuple(space.base),
        problem=prob,
        gaps=gaps,
    )


def _region(
    prob: ContinuousProblem,
    case: tuple[str, ...],
    xs: Sequence[sp.Expr],
    conds: Conds,
    sample: dict,
    params: Sequence[sp.Symbol],
    concave: bool,
) -> ContinuousRegion | None:
    zeros = [f for f, s in conds if s == frozenset({0})]
    tie: dict = {}
    if zeros:
        sols = sp.solve(zeros, list(params), dict=True)
        if len(sols) == 1:
            tie = sols[0]
    strategies = [_simplest(x.xreplace(tie)) for x in xs]
    rep = dict(zip(prob.strategies, strategies, strict=True))
    payoffs = [_simplest(u.xreplace(rep).xreplace(tie)) for u in prob.payoffs]
    bound = prob.bind(sample)
    profile = [_exact_value(sp.sympify(x).xreplace(sample)) for x in strategies]
    regrets, tols, exact = verify_profile(bound, profile)
    if exact and any(sp.sympify(r) != 0 for r in regrets):
        return None
    if not exact and any(float(r) > float(t) for r, t in zip(regrets, tols, strict=True)):
        return None
    check = "exact" if exact else "float"
    rels = [relation(f, s, params) for f, s in conds]
    return ContinuousRegion(
        condition=sp.And(*rels) if rels else sp.true,
        sample={s: sample[s] for s in params},
        active={p: _LABEL[st] for p, st in zip(prob.players, case, strict=True)},
        strategies=dict(zip(prob.players, strategies, strict=True)),
        payoffs=dict(zip(prob.players, payoffs, strict=True)),
        regret=dict(zip(prob.players, regrets, strict=True)),
        concave=concave,
        conditions=conds,
        notes=((f"ties substituted: {tie}",) if tie else ())
        + (() if exact else ("verified at the sample point in floating point",)),
        check=check,
    )
