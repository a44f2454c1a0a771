r"""All extreme Nash equilibria of two-player games with symbolic (sympy) payoffs.

For a bimatrix game :math:`(A, B)` of size :math:`m \times n`, a mixed strategy *x* of the
row player belongs to an extreme equilibrium only if it is a vertex of
:math:`\bar P = \{(x, v) : x \ge 0,\ \mathbf 1^\top x = 1,\ B^\top x \le v \mathbf 1\}`:
there are sets :math:`I` (rows that may be played) and :math:`J` (columns made
indifferent) with :math:`|I| = |J| = k` such that

.. math:: x_i = 0 \ (i \notin I), \quad \sum_{i \in I} B_{ij} x_i = v \ (j \in J),
          \quad \sum_i x_i = 1

has a unique solution; likewise for the column player's *y* with *A*. A pair (x, y) is
a Nash equilibrium iff :math:`x, y \ge 0` and every strategy played with positive
probability is a best response. This module enumerates every such (I, J), solves the
square systems exactly with sympy (Cramer's rule), and decides each sign condition
(probability :math:`\ge 0`, no profitable deviation, determinant :math:`\ne 0`) from the
**assumptions**: the symbols' own sympy assumptions (``positive=True``, ...) plus extra
relations such as ``b > c``. A relation ``lhs > rhs`` is used by writing
``lhs - rhs = d`` with a fresh positive symbol *d* and solving it for one parameter that
appears linearly (keeping that parameter's own assumptions true), so ``b > c`` with
``b, c > 0`` becomes ``b = c + d``; a condition is decided when sympy can tell the sign
of the substituted, factored expression. A condition that matters and cannot be decided
raises :class:`UndecidedConditionError`, naming it in the user's symbols.

Because the enumeration runs over vertices, degenerate games are handled too: every
extreme equilibrium is listed (and a :class:`~solvers.finite._vertex.DegenerateGameWarning` is
issued). The work grows like :math:`\binom{m+n}{m}^2`; it is meant for small games.

Examples
--------
>>> import numpy as np, sympy as sp
>>> from solvers.finite._symbolic import symbolic_equilibria
>>> b, c = sp.symbols("b c", positive=True)
>>> A = np.array([[b - c/2, b - c], [b, 0]], dtype=object)     # chicken
>>> eqs = symbolic_equilibria(A, A.T, assumptions=[b > c])
>>> [eq.supports for eq in eqs]
[((0,), (1,)), ((1,), (0,)), ((0, 1), (0, 1))]
>>> eqs[2].strategies[0][0]
2*(b - c)/(2*b - c)
"""

from __future__ import annotations

import functools
import itertools
import numbers
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from solvers.result import Equilibria, Equilibrium

__all__ = ["METHOD", "UndecidedConditionError", "symbolic_equilibria"]

METHOD = "symbolic_equilibria"

_cancel = functools.lru_cache(maxsize=65536)(sp.cancel)


def canonical(expr: Any) -> sp.Expr:
    """``expr`` factored, with a leading minus sign moved into a sum of the numerator
    (``(B - c + tau)/B``, not ``-(-B + c - tau)/B``).

    Examples
    --------
    >>> B, c, tau = sp.symbols("B c tau")
    >>> canonical((c - tau - B) / (-B))
    (B - c + tau)/B
    """
    e = _cancel(sp.sympify(expr))
    num, den = sp.fraction(e)
    try:
        c_num, f_num = sp.factor_list(num)
        c_den, f_den = sp.factor_list(den)
    except sp.PolynomialError:
        return sp.factor(e)
    const = c_num / c_den
    parts = []
    for factors, power in ((f_num, 1), (f_den, -1)):
        for f, k in factors:
            if f.could_extract_minus_sign():
                f = sp.expand(-f)
                const *= (-1) ** k
            parts.append([f, k * power])
    if const.could_extract_minus_sign():
        for part in parts:
            if part[0].is_Add and part[1] == 1:
                part[0] = sp.expand(-part[0])
                const = -const
                break
    return const * sp.Mul(*[f**k for f, k in parts])


_SIGN_FACTS = ("positive", "nonnegative", "negative", "nonpositive", "nonzero", "zero")


class UndecidedConditionError(ValueError):
    """A sign condition that decides the equilibria does not follow from the assumptions.

    Attributes
    ----------
    condition : sympy.core.relational.Relational
        The undecided condition, in the user's symbols (e.g. ``b >= c``).
    context : str
        What the condition decides.

    Examples
    --------
    Raised by :func:`symbolic_equilibria`. In Chicken (value ``b``, cost ``c``) the
    equilibria depend on whether ``b > c``, which ``b, c > 0`` alone does not settle:

    >>> import numpy as np, sympy as sp
    >>> b, c = sp.symbols("b c", positive=True)
    >>> A = np.array([[b - c/2, b - c], [b, 0]], dtype=object)
    >>> try:
    ...     symbolic_equilibria(A, A.T)
    ... except UndecidedConditionError as err:
    ...     print(err.condition, "|", err.context)
    b >= c | the row player has no gain from switching from strategy 0 to 1
    """

    def __init__(
        self, condition: Any, context: str, assumptions: Sequence[str], expr: Any = None
    ) -> None:
        self.condition = condition
        self.expr = expr
        if isinstance(condition, sp.Ne):
            condition = f"{condition.lhs} != {condition.rhs}"
        self.context = context
        known = ", ".join(assumptions) if assumptions else "none"
        super().__init__(
            f"cannot decide whether {condition} ({context}) from the assumptions "
            f"[{known}]: bind parameters with .subs(...) or add an assumption, e.g. "
            f"assumptions=[{condition}] or its negation"
        )


# ------------------------------------------------------------------------- deciding signs


def _assumed_sign(t: sp.Expr) -> str | None:
    """'+', '0', '-', '>=0', '<=0' or None, as far as sympy's assumptions tell."""
    if t.is_zero:
        return "0"
    if t.is_positive:
        return "+"
    if t.is_negative:
        return "-"
    if t.is_nonnegative:
        return ">=0"
    if t.is_nonpositive:
        return "<=0"
    return None


def _quotient_sign(t: sp.Expr) -> str | None:
    """Sign of ``num/den`` from the signs of its parts; a denominator known to be >= 0 (or
    <= 0) counts as nonzero, since every expression decided here is defined."""
    num, den = sp.fraction(t)
    if den == 1:
        return None
    s_num, s_den = _assumed_sign(num), _assumed_sign(sp.factor(den))
    if s_num is None or s_den is None or s_den == "0":
        return None
    flip = {"+": "-", "-": "+", "0": "0", ">=0": "<=0", "<=0": ">=0"}
    return s_num if s_den in ("+", ">=0") else flip[s_num]


_OUTCOME = {
    ">": {"+": True, "0": False, "-": False, "<=0": False},
    ">=": {"+": True, "0": True, ">=0": True, "-": False},
    "==0": {"0": True, "+": False, "-": False},
}


class _Decider:
    """Decides sign conditions on expressions in the game's parameters."""

    def __init__(self, symbols: Iterable[sp.Symbol], assumptions: Sequence[Any]) -> None:
        self.symbols = {s.name: s for s in symbols}
        self.replace: dict[sp.Symbol, sp.Expr] = {}
        self.described: list[str] = []
        for s in sorted(self.symbols.values(), key=lambda s: s.name):
            facts = [
                f
                for f in ("positive", "nonnegative", "negative", "nonpositive")
                if s.assumptions0.get(f)
            ]
            if facts:
                rel = {"positive": ">", "nonnegative": ">=", "negative": "<", "nonpositive": "<="}[
                    facts[0]
                ]
                self.described.append(f"{s} {rel} 0")
        self._cache: dict[tuple[sp.Expr, str], bool | None] = {}
        self._dummies = 0
        for rel in _flatten(assumptions):
            self._assume(rel)

    def _assume(self, rel: Any) -> None:
        if rel is True or rel is sp.true:
            return
        if rel is False or rel is sp.false:
            raise ValueError(
                "an assumption is False: the assumptions contradict each other "
                "or the symbols' own assumptions"
            )
        if isinstance(rel, str):
            raise TypeError(f"assumption {rel!r} is a string; pass a sympy relation such as b > c")
        if isinstance(rel, sp.StrictGreaterThan | sp.StrictLessThan):
            strict = True
        elif isinstance(rel, sp.GreaterThan | sp.LessThan):
            strict = False
        else:
            raise TypeError(
                f"assumption {rel!r} is not an inequality (>, <, >=, <=); bind equalities "
                "with .subs(...)"
            )
        for s in rel.free_symbols:
            known = self.symbols.get(s.name)
            if known is not None and known != s:
                raise ValueError(
                    f"assumption {rel} uses a symbol {s.name!r} with assumptions "
                    f"{s.assumptions0} that differ from the game's parameter {s.name!r}; use "
                    "the same sympy Symbol object"
                )
        gap = rel.gts - rel.lts  # > 0 (strict) or >= 0
        self.described.append(str(rel))
        current = sp.expand(gap.xreplace(self.replace))
        sign = _assumed_sign(current)
        if sign == "+" or (sign in ("0", ">=0") and not strict):
            return  # already implied
        if sign in ("-", "<=0", "0"):
            raise ValueError(f"assumption {rel} contradicts the other assumptions")
        self._dummies += 1
        d = (
            sp.Dummy(f"d{self._dummies}", positive=True)
            if strict
            else sp.Dummy(f"d{self._dummies}", nonnegative=True)
        )
        candidates = sorted(current.free_symbols, key=lambda s: (isinstance(s, sp.Dummy), s.name))
        for s in candidates:
            if not current.is_polynomial(s) or sp.degree(current, s) != 1:
                continue
            a, rest = current.coeff(s, 1), current.coeff(s, 0)
            if not (a.is_positive or a.is_negative):
                continue
            solution = sp.expand((d - rest) / a)
            if all(getattr(solution, f"is_{f}") for f in _SIGN_FACTS if s.assumptions0.get(f)):
                break
        else:
            raise _UnusableAssumptionError(
                f"cannot use the assumption {rel}: write it as 'parameter > expression' for "
                "a parameter that appears linearly and whose own assumptions stay true"
            )
        self.replace = {k: v.xreplace({s: solution}) for k, v in self.replace.items()}
        if not isinstance(s, sp.Dummy):
            self.replace[s] = solution

    def decide(self, expr: sp.Expr, relation: str) -> bool | None:
        """Whether ``expr > 0`` / ``>= 0`` / ``== 0`` (``relation``), or None if undecided."""
        key = (expr, relation)
        if key in self._cache:
            return self._cache[key]
        outcome = None
        t = _cancel(sp.together(sp.sympify(expr).xreplace(self.replace)))
        for form in (lambda e: e, sp.factor, sp.simplify):
            t = form(t)
            sign = _assumed_sign(t) or _quotient_sign(t)
            outcome = _OUTCOME[relation].get(sign) if sign is not None else None
            if outcome is not None:
                break
        self._cache[key] = outcome
        return outcome

    def pretty(self, expr: sp.Expr, relation: str) -> Any:
        """The condition ``expr <relation> 0`` as a readable relation in the user's symbols."""
        num, den = sp.fraction(_cancel(sp.together(expr)))
        if self.decide(den, ">") is True:
            expr = num
        elif self.decide(-den, ">") is True:
            expr = -num
        expr = sp.expand(expr)
        terms = sp.Add.make_args(expr)
        neg = [t for t in terms if t.could_extract_minus_sign()]
        lhs = sp.Add(*[t for t in terms if not t.could_extract_minus_sign()])
        rhs = -sp.Add(*neg)
        op = {">": sp.StrictGreaterThan, ">=": sp.GreaterThan, "==0": sp.Ne}[relation]
        return op(lhs, rhs, evaluate=False)


class _UnusableAssumptionError(ValueError):
    """An assumption the substitution method cannot use (a general oracle takes over)."""


def _flatten(assumptions: Any) -> list[Any]:
    if isinstance(assumptions, sp.Basic | bool):
        assumptions = [assumptions]
    out = []
    for rel in assumptions:
        if isinstance(rel, sp.And):
            out.extend(rel.args)
        else:
            out.append(rel)
    return out


# ------------------------------------------------------------------------- enumeration


@dataclass
class _Condition:
    expr: sp.Expr
    relation: str
    context: str


@dataclass
class _Vertex:
    strategy: tuple[sp.Expr, ...]
    pending: list[_Condition]  # undecided conditions this candidate needs


def _as_sympy_matrix(M: Any, name: str) -> sp.Matrix:
    M = np.asarray(M, dtype=object)
    if M.ndim != 2 or min(M.shape) < 1:
        raise ValueError(f"{name} must be a non-empty payoff matrix, got shape {M.shape}")
    out = sp.zeros(*M.shape)
    for (i, j), v in np.ndenumerate(M):
        if isinstance(v, bool | np.bool_) or isinstance(v, str | bytes):
            raise TypeError(f"{name}[{i}, {j}] = {v!r} is not a number or sympy expression")
        if isinstance(v, Fraction):
            v = sp.Rational(v.numerator, v.denominator)
        elif isinstance(v, numbers.Number):
            v = sp.sympify(v.item() if isinstance(v, np.generic) else v)
        elif not isinstance(v, sp.Expr):
            raise TypeError(f"{name}[{i}, {j}] = {v!r} is not a number or sympy expression")
        out[i, j] = v
    return out


@functools.lru_cache(maxsize=256)
def _systems(M: sp.ImmutableMatrix) -> list[tuple]:
    """Every square support system of ``M`` (rows, cols, determinant, probabilities);
    independent of the assumptions, so cached across calls."""
    m, n = M.shape
    out = []
    for k in range(1, min(m, n) + 1):
        for rows in itertools.combinations(range(m), k):
            for cols in itertools.combinations(range(n), k):
                system = sp.zeros(k + 1, k + 1)
                for r, t in enumerate(cols):
                    for c, s in enumerate(rows):
                        system[r, c] = M[s, t]
                    system[r, k] = -1
                for c in range(k):
                    system[k, c] = 1
                det = _cancel(system.det(method="berkowitz"))
                if det == 0:
                    out.append((rows, cols, det, ()))
                    continue
                rhs = sp.zeros(k + 1, 1)
                rhs[k] = 1
                solution = system.adjugate() * rhs
                probabilities = tuple(canonical(solution[c] / det) for c in range(k))
                out.append((rows, cols, det, probabilities))
    return out


def _vertices(M: sp.Matrix, decider: _Decider, who: str, other: str) -> list[_Vertex]:
    """Candidate vertices of one player's polytope.

    ``M[s, t]`` is the *other* player's payoff when this player plays ``s`` and the other
    ``t`` (rows of M = this player's strategies).
    """
    m = M.shape[0]
    found: dict[tuple[sp.Expr, ...], _Vertex] = {}
    for rows, cols, det, probabilities in _systems(sp.ImmutableMatrix(M)):
        is_zero = decider.decide(det, "==0")
        if is_zero:
            continue
        pending = []
        if is_zero is None:
            pending.append(
                _Condition(
                    det,
                    "==0",
                    f"{who}'s strategies {list(rows)} can make {other}'s "
                    f"{list(cols)} indifferent in only one way",
                )
            )
        strategy = [sp.Integer(0)] * m
        feasible = True
        for s, p in zip(rows, probabilities, strict=True):
            strategy[s] = p
            nonneg = decider.decide(p, ">=")
            if nonneg is False:
                feasible = False
                break
            if nonneg is None:
                pending.append(
                    _Condition(p, ">=", f"{who} plays strategy {s} with probability {p}")
                )
        if not feasible or not _jointly_feasible(pending, decider):
            continue
        key = tuple(_cancel(p) for p in strategy)
        if key not in found or len(pending) < len(found[key].pending):
            found[key] = _Vertex(tuple(strategy), pending)
    return list(found.values())


def _jointly_feasible(pending: Sequence[_Condition], decider: _Decider) -> bool:
    """False when two undecided probabilities cannot both be >= 0 (their product is
    decidably negative, e.g. ``l/(l - w)`` and ``-w/(l - w)`` for ``l, w > 0``)."""
    probs = [c.expr for c in pending if c.relation == ">="]
    return not any(
        decider.decide(_cancel(p * q), ">=") is False for p, q in itertools.combinations(probs, 2)
    )


def _best_response_conditions(
    strategy: Sequence[sp.Expr], values: Sequence[sp.Expr], decider: _Decider, who: str
) -> tuple[bool, list[_Condition]]:
    """Every strategy played with positive probability earns the maximum of ``values``.

    Returns (possible, pending): ``possible`` is False when some condition fails.
    """
    pending: list[_Condition] = []
    for i, p in enumerate(strategy):
        if decider.decide(p, "==0") is True:
            continue
        for k, value in enumerate(values):
            if k == i:
                continue
            gap = _cancel(values[i] - value)
            ok = decider.decide(gap, ">=")
            if ok is True:
                continue
            if ok is False:
                positive = decider.decide(p, ">")
                if positive is True:
                    return False, []
                pending.append(
                    _Condition(
                        p,
                        ">",
                        f"whether {who} plays strategy {i}, which "
                        f"earns less than strategy {k} there",
                    )
                )
                break
            pending.append(
                _Condition(gap, ">=", f"{who} has no gain from switching from strategy {i} to {k}")
            )
    return True, pending


def symbolic_equilibria(A: Any, B: Any, assumptions: Iterable[Any] = ()) -> Equilibria:
    """Every extreme Nash equilibrium of the bimatrix game (A, B) with sympy payoffs.

    Parameters
    ----------
    A, B : array_like, shape (m, n)
        Row and column player's payoffs: sympy expressions, ints or ``Fraction`` values.
    assumptions : iterable of sympy relations
        Extra facts about the parameters, e.g. ``[b > c]`` (``>``, ``<``, ``>=``, ``<=``;
        conjunctions with ``&`` are split). The symbols' own assumptions
        (``sympy.Symbol("b", positive=True)``) are used as well.

    Returns
    -------
    Equilibria
        Equilibria with ``object`` arrays of sympy expressions as strategies, exact
        payoffs and regret 0 (every condition was proved); sorted by total support size,
        then supports. ``method == "symbolic_equilibria"``, ``exact=True``,
        ``complete=True``; ``degenerate`` is True when some equilibrium has more best
        responses than its support (a ``DegenerateGameWarning`` is issued), ``None`` when
        that could not be decided.

    Raises
    ------
    UndecidedConditionError
        A condition that decides which equilibria exist does not follow from the
        assumptions; the message names it (e.g. ``b >= c``).
    ValueError, TypeError
        Malformed matrices or assumptions.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", positive=True)
    >>> eqs = symbolic_equilibria([[t, -t], [-t, t]], [[-t, t], [t, -t]])   # pennies
    >>> eqs[0].strategies[0].tolist(), eqs[0].payoffs
    ([1/2, 1/2], (0, 0))
    """
    Am, Bm = _as_sympy_matrix(A, "A"), _as_sympy_matrix(B, "B")
    if Am.shape != Bm.shape:
        raise ValueError(f"A has shape {Am.shape} but B has shape {Bm.shape}; they must match")
    assumptions = list(_flatten(assumptions))
    try:  # any sign oracle (duck-typed, see _solve)
        decider: Any = _Decider(Am.free_symbols | Bm.free_symbols, assumptions)
    except _UnusableAssumptionError:
        # e.g. ``B > c - tau`` with B, c, tau > 0: decide signs with exact sample points and
        # linear programmes instead (assumptions in any relational form)
        from solvers.finite._regions import _RegionDecider
        from solvers.finite._regions_space import ParameterSpace

        space = ParameterSpace(Am.free_symbols | Bm.free_symbols, assumptions)
        decider = _RegionDecider(space, ())
    return _solve(Am, Bm, decider, warn=True)


def _solve(Am: sp.Matrix, Bm: sp.Matrix, decider: Any, warn: bool) -> Equilibria:
    """The enumeration behind :func:`symbolic_equilibria`, with any sign oracle ``decider``
    (``decide(expr, relation)``, ``pretty(expr, relation)``, ``described``)."""
    m, n = Am.shape
    xs = _vertices(Bm, decider, "the row player", "the column player")
    ys = _vertices(Am.T, decider, "the column player", "the row player")
    row_values = {
        id(y): [_cancel(sum(Am[i, j] * y.strategy[j] for j in range(n))) for i in range(m)]
        for y in ys
    }
    col_values = {
        id(x): [_cancel(sum(Bm[i, j] * x.strategy[i] for i in range(m))) for j in range(n)]
        for x in xs
    }
    found = []
    for x in xs:
        for y in ys:
            ok_x, pend_x = _best_response_conditions(
                x.strategy, row_values[id(y)], decider, "the row player"
            )
            if not ok_x:
                continue
            ok_y, pend_y = _best_response_conditions(
                y.strategy, col_values[id(x)], decider, "the column player"
            )
            if not ok_y:
                continue
            pending = x.pending + y.pending + pend_x + pend_y
            if pending:
                cond = pending[0]
                raise UndecidedConditionError(
                    decider.pretty(cond.expr, cond.relation),
                    cond.context,
                    decider.described,
                    expr=cond.expr,
                )
            found.append((x, y))
    equilibria = []
    degenerate: bool | None = False
    for x, y in found:
        rows, cols = row_values[id(y)], col_values[id(x)]
        vx = canonical(sum(p * v for p, v in zip(x.strategy, rows, strict=True)))
        vy = canonical(sum(q * v for q, v in zip(y.strategy, cols, strict=True)))
        # nondegenerate: a mixed strategy has at most as many pure best replies as its support
        for strategy, replies, value in ((y.strategy, rows, vx), (x.strategy, cols, vy)):
            support = sum(1 for p in strategy if decider.decide(p, "==0") is not True)
            ties = [decider.decide(_cancel(value - v), "==0") for v in replies]
            if sum(1 for t in ties if t) > support:
                degenerate = True
            elif degenerate is False and any(t is None for t in ties):
                degenerate = None
        equilibria.append(
            Equilibrium(
                strategies=(
                    np.array(x.strategy, dtype=object),
                    np.array(y.strategy, dtype=object),
                ),
                payoffs=(vx, vy),
                regret=sp.Integer(0),
                method=METHOD,
                exact=True,
            )
        )
    equilibria.sort(key=lambda eq: (sum(len(s) for s in eq.supports), eq.supports))
    notes = [f"signs decided under: {', '.join(decider.described) or 'no assumptions'}"]
    if degenerate:
        from solvers.finite._vertex import DegenerateGameWarning

        notes.append(
            "degenerate game: equilibria may form connected sets, whose extreme points are listed"
        )
        if warn:
            warnings.warn(
                f"degenerate {m}x{n} game: equilibria may form connected sets; every "
                "extreme equilibrium is listed",
                DegenerateGameWarning,
                stacklevel=3,
            )
    return Equilibria(
        equilibria,
        method=METHOD,
        exact=True,
        degenerate=degenerate,
        complete=True,
        tolerance=None,
        notes=notes,
    )
