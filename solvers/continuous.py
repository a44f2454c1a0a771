r"""Best responses and Nash equilibria of continuous games with sympy payoffs.

Player :math:`i` chooses :math:`x_i \in [\ell_i, h_i]` to maximize :math:`u_i(x)`. Write
:math:`g_i = \partial u_i / \partial x_i`. At any equilibrium where payoffs are
differentiable, each player satisfies the KKT conditions of its one-dimensional problem:

.. math:: x_i = \ell_i,\; g_i \le 0 \quad\text{or}\quad \ell_i < x_i < h_i,\; g_i = 0
          \quad\text{or}\quad x_i = h_i,\; g_i \ge 0 .

They are necessary; with :math:`u_i` concave in :math:`x_i` they are also sufficient.

* **Exact** (:func:`solve_exact`): enumerate the *active set* (which bound binds for each
  player), solve the remaining first-order conditions with sympy (polynomial systems,
  after clearing denominators), keep the cases whose values lie within the bounds and
  whose multipliers have the right sign. Corners are never missed and nothing outside the
  bounds is returned (an unconstrained ``solve`` of the FOCs would give negative
  contributions for small allies). When every case is polynomial and solved completely,
  the list of KKT points is complete, so the equilibria found are all there are.
* **Numeric** (:func:`solve_numeric`): root finding on the natural map
  :math:`x - \Pi_{[\ell, h]}(x + g(x)) = 0` from several starts, polished by Newton's method
  on the active first-order system.
* **Verification** (:func:`verify_profile`), independent of how a profile was found:
  each player's strategy is compared with a *global* maximization of its payoff over its
  whole interval (exact critical points and bounds when possible, a dense grid refined by
  bounded Brent steps otherwise). A float profile passes when every regret is at most
  ``rtol`` times that player's payoff scale (the range of its payoff over its interval,
  infinite ends replaced by a window of width ``max(1, |x_i|)``), as in
  :mod:`solvers.verify`.
* **Uniqueness** is claimed only with a proof: the active-set enumeration was complete and
  found exactly one equilibrium, or the game is diagonally strictly concave with a
  constant Jacobian (Rosen 1965: :math:`J + J^T` negative definite).

Examples
--------
>>> import sympy as sp
>>> from solvers.continuous import ContinuousProblem, equilibria
>>> x, y = sp.symbols("x y")
>>> prob = ContinuousProblem((x, y), (-(x - y/2 - 1)**2, -(y - x/2 - 1)**2),
...                          ((0, 10), (0, 10)))
>>> eqs = equilibria(prob)
>>> eqs[0].strategies, eqs[0].exact, eqs.unique
({'player 0': 2, 'player 1': 2}, True, True)
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.optimize as so
import sympy as sp

from solvers.verify import DEFAULT_RTOL

__all__ = [
    "BestResponse",
    "ContinuousEquilibria",
    "ContinuousEquilibrium",
    "ContinuousProblem",
    "MultipleEquilibriaWarning",
    "NoEquilibriumFound",
    "best_response",
    "best_response_iteration",
    "concavity",
    "domain_substitution",
    "equilibria",
    "exact_max_on_interval",
    "maximize_1d",
    "solve_exact",
    "solve_numeric",
    "verify_profile",
]

#: Largest number of active-set cases the exact method enumerates (3 ** 7 = 2187).
MAX_CASES = 2187
#: Largest Bezout number (product of degrees) of a first-order system solved exactly.
MAX_BEZOUT = 64


class MultipleEquilibriaWarning(UserWarning):
    """Several equilibria were found where one was asked for."""


class NoEquilibriumFound(RuntimeError):
    """No verified equilibrium was found."""


# --------------------------------------------------------------------------- problem
@dataclass(frozen=True)
class ContinuousProblem:
    """A continuous game as plain sympy data.

    Parameters
    ----------
    strategies : tuple of sympy.Symbol
        One scalar strategy per player.
    payoffs : tuple of sympy.Expr
        One payoff per player.
    bounds : tuple of (lower, upper)
        sympy expressions (``-oo``/``oo`` or ``None`` when unbounded).
    parameters : tuple of sympy.Symbol
        Symbols to be bound to numbers before numeric work.
    players : tuple of str, optional
        Player names (default ``"player 0"``, ...).
    domains : mapping, optional
        ``{parameter symbol: sympy.Set}``, used to prove signs (concavity).
    """

    strategies: tuple[sp.Symbol, ...]
    payoffs: tuple[sp.Expr, ...]
    bounds: tuple[tuple[sp.Expr, sp.Expr], ...]
    parameters: tuple[sp.Symbol, ...] = ()
    players: tuple[str, ...] | None = None
    domains: Mapping[sp.Symbol, sp.Set] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.strategies)
        object.__setattr__(self, "strategies", tuple(self.strategies))
        object.__setattr__(self, "payoffs", tuple(sp.sympify(u) for u in self.payoffs))
        bnds = []
        for lo, hi in self.bounds:
            lo = -sp.oo if lo is None else sp.sympify(lo)
            hi = sp.oo if hi is None else sp.sympify(hi)
            bnds.append((lo, hi))
        object.__setattr__(self, "bounds", tuple(bnds))
        if len(self.payoffs) != n or len(self.bounds) != n:
            raise ValueError("strategies, payoffs and bounds need one entry per player")
        players = self.players or tuple(f"player {i}" for i in range(n))
        object.__setattr__(self, "players", tuple(players))
        object.__setattr__(self, "parameters", tuple(self.parameters))

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.strategies)

    def bind(self, values: Mapping[sp.Symbol, Any]) -> ContinuousProblem:
        """Substitute parameter values (a mapping from symbols to numbers)."""
        if not values:
            return self
        rep = {k: sp.sympify(v) for k, v in values.items()}
        return ContinuousProblem(
            self.strategies,
            tuple(u.xreplace(rep) for u in self.payoffs),
            tuple((lo.xreplace(rep), hi.xreplace(rep)) for lo, hi in self.bounds),
            tuple(p for p in self.parameters if p not in rep),
            self.players,
            {k: v for k, v in self.domains.items() if k not in rep},
        )

    def gradient(self) -> tuple[sp.Expr, ...]:
        """Each player's marginal payoff :math:`\\partial u_i / \\partial x_i`."""
        return tuple(sp.diff(u, s) for u, s in zip(self.payoffs, self.strategies, strict=True))

    def free_parameters(self) -> set[sp.Symbol]:
        """Symbols other than strategies still present in payoffs or bounds."""
        syms: set[sp.Symbol] = set()
        for u in self.payoffs:
            syms |= u.free_symbols
        for lo, hi in self.bounds:
            syms |= lo.free_symbols | hi.free_symbols
        return syms - set(self.strategies)

    def require_numeric(self) -> None:
        """Raise a clear error if some parameter is still symbolic."""
        free = self.free_parameters()
        if free:
            raise ValueError(
                "unbound parameter(s) " + ", ".join(sorted(s.name for s in free))
                + ": give them values (keyword arguments) or defaults before solving"
            )

    def is_exact(self) -> bool:
        """Whether every number in payoffs and bounds is exact (no floats)."""
        exprs = list(self.payoffs) + [b for pair in self.bounds for b in pair]
        return not any(e.has(sp.Float) for e in exprs)


# ------------------------------------------------------------------ sign helpers
def _sign(expr: sp.Expr) -> int | None:
    """Exact sign of a closed numeric expression (0, 1, -1), or None if undecidable."""
    expr = sp.sympify(expr)
    if expr.free_symbols:
        return None
    if expr in (sp.oo,):
        return 1
    if expr in (-sp.oo,):
        return -1
    if expr.has(sp.zoo, sp.nan):
        return None
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    val = sp.N(expr, 60)
    if not val.is_real:
        re, im = val.as_real_imag()
        if abs(im) > 1e-40:
            return None
        val = re
    if abs(val) < 1e-45:
        simplified = sp.simplify(expr)
        if simplified.is_zero or simplified.equals(0):
            return 0
        return None
    return 1 if val > 0 else -1


def _real_value(v: sp.Expr) -> sp.Expr | None:
    """The real part of an exact number with a negligible imaginary part (pitfall 4)."""
    if v.is_real:
        return v
    if v.is_real is False and not v.has(sp.CRootOf):
        val = sp.N(v, 60)
        if abs(sp.im(val)) > 1e-40:
            return None
    re, im = v.as_real_imag()
    if im == 0 or _sign(im) == 0:
        return sp.nsimplify(re) if re.has(sp.I) else re
    return None


def _le(a: sp.Expr, b: sp.Expr) -> bool | None:
    if b == sp.oo or a == -sp.oo:
        return True
    if a == sp.oo or b == -sp.oo:
        return False
    s = _sign(a - b)
    return None if s is None else s <= 0


def _symbol_with_domain(sym: sp.Symbol, lo: Any, hi: Any) -> sp.Dummy:
    kw: dict[str, bool] = {"real": True}
    lo_s = _sign(sp.sympify(lo)) if lo is not None and lo != -sp.oo else None
    hi_s = _sign(sp.sympify(hi)) if hi is not None and hi != sp.oo else None
    if lo_s is not None and lo_s >= 0:
        kw = {"positive": True} if lo_s > 0 else {"nonnegative": True}
    elif hi_s is not None and hi_s <= 0:
        kw = {"negative": True} if hi_s < 0 else {"nonpositive": True}
    return sp.Dummy(sym.name, **kw)


def domain_substitution(sym: sp.Symbol, domain: Any) -> sp.Expr | None:
    """An expression in a fresh positive symbol that ranges over (the interior of)
    ``domain``, so sympy's sign logic knows e.g. that ``1 - a > 0`` for ``a`` in (0, 1)."""
    if not isinstance(domain, sp.Interval):
        return None
    lo, hi = domain.inf, domain.sup
    s = sp.Dummy(sym.name, positive=True)
    if lo.is_finite and hi.is_finite and not (lo.free_symbols or hi.free_symbols):
        return lo + (hi - lo) * s / (1 + s)
    if lo.is_finite and not lo.free_symbols:
        return lo + s
    if hi.is_finite and not hi.free_symbols:
        return hi - s
    return None


# -------------------------------------------------------------- concavity check
def _factor_sign(f: sp.Expr) -> tuple[int, bool] | None:
    """(sign, strict) of a factor where defined; even powers count as positive."""
    if f.is_positive or sp.factor(f).is_positive:
        return 1, True
    if f.is_negative or sp.factor(f).is_negative:
        return -1, True
    if f.is_Pow and f.exp.is_integer and f.exp.is_even:
        return 1, bool(f.exp.is_negative)
    if f.is_nonnegative:
        return 1, False
    if f.is_nonpositive:
        return -1, False
    return None


def _nonpositive_where_defined(expr: sp.Expr) -> tuple[bool, bool]:
    """(nonpositive, strictly negative) proved term by term, where ``expr`` is defined."""
    terms = sp.Add.make_args(sp.expand(expr, deep=False))
    strict = False
    for term in terms:
        coeff, factors = term.as_coeff_mul()
        if coeff == 0:
            continue
        sign, term_strict = (1 if coeff > 0 else -1), True
        for f in factors:
            fs = _factor_sign(f)
            if fs is None:
                return False, False
            sign *= fs[0]
            term_strict = term_strict and fs[1]
        if sign > 0:
            return False, False
        strict = strict or term_strict
    return True, strict


def concavity(
    problem: ContinuousProblem, i: int, samples: int = 200, seed: int = 0
) -> tuple[str, bool | None]:
    """Whether player *i*'s payoff is concave in its own strategy, and how we know.

    Returns a status in words and a flag: ``True`` proven concave, ``False`` a point
    where :math:`\\partial^2 u_i / \\partial x_i^2 > 0` was found, ``None`` otherwise
    (including "concave at every sampled point", which is evidence, not proof).

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (sp.log(1 + x) - x*y, x**3 - y), ((0, 1), (0, 1)))
    >>> concavity(p, 0)
    ('strictly concave (proven)', True)
    """
    s = problem.strategies[i]
    d2 = sp.diff(problem.payoffs[i], s, 2)
    if d2 == 0:
        return "linear in own strategy (concave, not strictly)", True
    rep = {}
    for sym, (lo, hi) in zip(problem.strategies, problem.bounds, strict=True):
        rep[sym] = _symbol_with_domain(sym, lo, hi)
    for sym, dom in problem.domains.items():
        sub = domain_substitution(sym, dom)
        if sub is not None:
            rep[sym] = sub
    d2s = d2.xreplace(rep)
    if d2s.is_negative:
        return "strictly concave (proven)", True
    ok, strict = _nonpositive_where_defined(d2s)
    if ok:
        return ("strictly concave (proven)" if strict else "concave (proven)"), True
    if d2s.is_nonpositive:
        return "concave (proven)", True
    if problem.free_parameters() & d2.free_symbols:
        return "concavity unknown (symbolic parameters)", None
    # numeric evidence on a sample of the strategy box
    rng = np.random.default_rng(seed)
    args = list(problem.strategies)
    f = sp.lambdify(args, d2, modules="numpy")
    cols = []
    for lo, hi in problem.bounds:
        lo_f, hi_f = _window(lo, hi)
        cols.append(rng.uniform(lo_f, hi_f, samples))
    with np.errstate(all="ignore"):
        vals = np.broadcast_to(np.asarray(f(*cols), dtype=float), (samples,))
    finite = np.isfinite(vals)
    if not finite.any():
        return "concavity unknown", None
    if np.any(vals[finite] > 1e-9 * max(1.0, float(np.max(np.abs(vals[finite]))))):
        k = int(np.argmax(np.where(finite, vals, -np.inf)))
        point = tuple(round(float(c[k]), 6) for c in cols)
        return f"not concave (second derivative > 0 at {point})", False
    return f"concave at {int(finite.sum())} sampled points (not proven)", None


def _window(lo: sp.Expr, hi: sp.Expr, center: float | None = None) -> tuple[float, float]:
    lo_f = float(lo) if lo.is_finite else None
    hi_f = float(hi) if hi.is_finite else None
    if lo_f is not None and hi_f is not None:
        return lo_f, hi_f
    c = center if center is not None else (lo_f if lo_f is not None else (hi_f or 0.0))
    w = max(1.0, abs(c))
    return (lo_f if lo_f is not None else c - 10 * w), (hi_f if hi_f is not None else c + 10 * w)


# -------------------------------------------------------------- 1-D maximization
def maximize_1d(
    f: Callable[[np.ndarray], np.ndarray],
    lo: float,
    hi: float,
    hint: float | None = None,
    points: int = 401,
) -> tuple[float, float, float]:
    """Global maximum of a vectorized function of one variable on ``[lo, hi]``.

    A dense grid (geometric towards infinite ends) locates the best cells, then bounded
    Brent steps refine them. NaN counts as minus infinity.

    Returns
    -------
    (argmax, max, scale)
        ``scale`` is the range of finite values over the interval (infinite ends cut to a
        window of width ``max(1, |hint|)``), used for scale-aware tolerances. ``max`` is
        ``inf`` when the function grows without bound towards an infinite end.

    Examples
    --------
    >>> import numpy as np
    >>> x, v, _ = maximize_1d(lambda t: np.sin(t) - t**2 / 20, -10.0, 10.0)
    >>> round(x, 6), round(v, 6)
    (1.427552, 0.887863)
    """
    c = 0.0 if hint is None else float(hint)
    if not math.isfinite(lo):
        c = c if math.isfinite(c) else 0.0
    width = max(1.0, abs(c))
    grid = []
    if math.isfinite(lo) and math.isfinite(hi):
        grid.append(np.linspace(lo, hi, points))
    else:
        steps = width * np.geomspace(1e-6, 1e9, points // 2)
        left = c - steps if not math.isfinite(lo) else np.linspace(lo, max(lo, c), points // 4)
        right = c + steps if not math.isfinite(hi) else np.linspace(min(hi, c), hi, points // 4)
        if math.isfinite(lo) and c < lo:
            left = np.array([lo])
        grid += [left, right, np.linspace(c - width, c + width, 41)]
    if hint is not None:
        grid.append(np.array([c]))
    t = np.unique(np.clip(np.concatenate(grid), lo, hi))
    t = t[np.isfinite(t)]

    def safe(z):
        with np.errstate(all="ignore"):
            v = np.asarray(f(z), dtype=complex if False else float)
        v = np.broadcast_to(v, np.shape(z)).astype(float)
        return np.where(np.isnan(v), -np.inf, v)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals = safe(t)
    # scale over the natural window
    wl, wh = max(lo, c - width), min(hi, c + width)
    if math.isfinite(lo) and math.isfinite(hi):
        wl, wh = lo, hi
    in_win = (t >= wl) & (t <= wh) & np.isfinite(vals)
    scale = float(np.ptp(vals[in_win])) if in_win.sum() > 1 else 0.0
    if not np.isfinite(vals).any() and not np.any(vals == np.inf):
        return c, -math.inf, 1.0
    if np.any(vals == np.inf):
        k = int(np.argmax(vals))
        return float(t[k]), math.inf, max(scale, 1.0)
    k0 = int(np.argmax(vals))
    best_x, best_v = float(t[k0]), float(vals[k0])
    # unbounded growth towards an infinite end
    if (k0 == len(t) - 1 and not math.isfinite(hi)) or (k0 == 0 and not math.isfinite(lo)):
        far = best_x + (1e6 if k0 else -1e6) * max(1.0, abs(best_x))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            far_v = float(safe(np.array([far]))[0])
        if far_v > best_v:
            return far, math.inf, max(scale, 1.0)
    order = np.argsort(vals)[::-1]
    refine = [int(k) for k in order[:4] if np.isfinite(vals[k])]
    for k in refine:
        a = float(t[max(k - 1, 0)])
        b = float(t[min(k + 1, len(t) - 1)])
        if b <= a:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = so.minimize_scalar(
                lambda z: -float(safe(np.array([z]))[0]),
                bounds=(a, b),
                method="bounded",
                options={"xatol": 1e-14 * max(1.0, abs(a), abs(b)), "maxiter": 500},
            )
        if np.isfinite(res.fun) and -res.fun > best_v:
            best_x, best_v = float(res.x), float(-res.fun)
    if scale == 0.0:
        scale = abs(best_v) if np.isfinite(best_v) and best_v != 0 else 1.0
    return best_x, best_v, scale


# -------------------------------------------------------------------- best response
@dataclass(frozen=True, eq=False)
class BestResponse:
    """A player's best response: closed form where possible, numeric always.

    Attributes
    ----------
    player : str
    strategy : sympy.Symbol
    expr : sympy.Expr or None
        A ``Piecewise`` in the other strategies (and unbound parameters), corners
        included; ``None`` when no closed form was derived.
    stationary : tuple of sympy.Expr
        Solutions of the first-order condition :math:`\\partial u_i / \\partial x_i = 0`.
    concavity : str
        Second-order check in words (proven, sampled, violated or unknown).
    concave : bool or None
        ``True`` proven concave, ``False`` violated, ``None`` not proven.
    notes : tuple of str
    """

    player: str
    strategy: sp.Symbol
    expr: sp.Expr | None
    stationary: tuple[sp.Expr, ...]
    concavity: str
    concave: bool | None
    notes: tuple[str, ...]
    _problem: ContinuousProblem = field(repr=False)
    _index: int = field(repr=False)

    def evaluate(self, others: Sequence[float], **values: float) -> float:
        """Numeric global best response to the others' strategies (in player order).

        Works with or without a closed form: the payoff is maximized over the whole
        interval (grid plus Brent refinement). ``values`` bind remaining parameters
        by name.
        """
        prob = self._problem
        rep = {p: values[p.name] for p in prob.parameters if p.name in values}
        prob = prob.bind(rep)
        prob.require_numeric()
        others = [float(v) for v in others]
        if len(others) != prob.n - 1:
            raise ValueError(f"others must hold {prob.n - 1} strategies (all but player's)")
        profile = [*others[:self._index], 0.0, *others[self._index:]]
        f = _own_payoff_function(prob, self._index, profile)
        lo, hi = prob.bounds[self._index]
        x, _, _ = maximize_1d(f, float(lo), float(hi), hint=None)
        return x

    def __repr__(self) -> str:
        body = "numeric only" if self.expr is None else str(self.expr)
        return f"BestResponse({self.player}: {self.strategy} = {body}; {self.concavity})"


def _cond_le(lhs: sp.Expr, rhs: sp.Expr) -> sp.Basic:
    """``lhs <= rhs`` in a tidy form (denominators cleared when their sign is known)."""
    num, den = sp.together(lhs - rhs).as_numer_denom()
    num = sp.expand(num)
    if den.is_negative:
        num = -num
    elif not den.is_positive:
        return lhs - rhs <= 0
    negatives = sum(1 for t in sp.Add.make_args(num) if t.could_extract_minus_sign())
    if 2 * negatives > len(sp.Add.make_args(num)):
        return sp.Ge(-num, 0)
    return sp.Le(num, 0)


def _stationary_points(grad: sp.Expr, s: sp.Symbol) -> list[sp.Expr] | None:
    num = sp.together(grad).as_numer_denom()[0]
    try:
        poly = sp.Poly(num, s)
        if poly.degree() > 4:
            return None
    except sp.PolynomialError:
        pass
    try:
        sols = sp.solve(grad, s, dict=False)
    except (NotImplementedError, ValueError):
        return None
    if not isinstance(sols, list):
        return None
    out = []
    for r in sols:
        if isinstance(r, dict):
            return None
        if r.is_real is False:
            continue
        out.append(r)
    return out


def _possible(cond: sp.Basic, prob: ContinuousProblem, i: int) -> bool:
    """False when ``cond`` cannot hold given the other players' bounds."""
    if isinstance(cond, sp.core.relational.Relational):
        e = cond.lhs - cond.rhs
        others = [(s, b) for j, (s, b) in enumerate(zip(prob.strategies, prob.bounds,
                                                          strict=True)) if j != i]
        syms = [s for s, _ in others]
        try:
            poly = sp.Poly(e, *syms) if syms else None
        except sp.PolynomialError:
            poly = None
        if poly is not None and poly.total_degree() <= 1 and not (
            e.free_symbols - set(syms)
        ):
            lo_e = hi_e = poly.coeff_monomial(1)
            for s, (lo, hi) in others:
                k = poly.coeff_monomial(s)
                ends = (k * lo, k * hi) if k != 0 else (0, 0)
                lo_e += sp.Min(*ends) if k != 0 else 0
                hi_e += sp.Max(*ends) if k != 0 else 0
            if isinstance(cond, sp.Le | sp.Lt):
                return not bool(lo_e > 0) if lo_e.is_comparable else True
            if isinstance(cond, sp.Ge | sp.Gt):
                return not bool(hi_e < 0) if hi_e.is_comparable else True
    rep = {
        s: _symbol_with_domain(s, None if lo.free_symbols else lo,
                               None if hi.free_symbols else hi)
        for j, (s, (lo, hi)) in enumerate(zip(prob.strategies, prob.bounds, strict=True))
        if j != i
    }
    for sym, dom in prob.domains.items():
        sub = domain_substitution(sym, dom)
        if sub is not None:
            rep[sym] = sub
    return cond.xreplace(rep) != sp.false


def best_response(
    problem: ContinuousProblem, i: int, values: Mapping[sp.Symbol, Any] | None = None
) -> BestResponse:
    """Derive player *i*'s best response from its first-order and KKT conditions.

    With :math:`u_i` concave in :math:`x_i` and a unique stationary point :math:`r`, the
    best response is :math:`r` clipped to :math:`[\\ell_i, h_i]`; with :math:`u_i` linear
    in :math:`x_i` it is a bound chosen by the sign of the marginal payoff (ties go to the
    lower bound, noted). Otherwise ``expr`` is ``None`` and :meth:`BestResponse.evaluate`
    maximizes numerically.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (-x**2 + x*y, -y**2 + x*y), ((0, 1), (0, 1)))
    >>> best_response(p, 0).expr
    Piecewise((0, y <= 0), (y/2, True))
    """
    prob = problem.bind(values or {})
    s = prob.strategies[i]
    lo, hi = prob.bounds[i]
    grad = sp.diff(prob.payoffs[i], s)
    status, concave = concavity(prob, i)
    notes: list[str] = []
    expr = None
    stationary: tuple[sp.Expr, ...] = ()
    if s not in grad.free_symbols:
        pieces = []
        if hi.is_finite is not False:
            pieces.append((hi, grad > 0))
        if lo.is_finite is not False:
            pieces.append((lo, True))
        else:
            pieces.append((hi, True))
        expr = sp.Piecewise(*pieces)
        notes.append("payoff linear in own strategy: any strategy is a best response when "
                     "the marginal payoff is zero (shown: the lower bound)")
        if not (lo.is_finite and hi.is_finite):
            notes.append("with an infinite bound the best response may not exist")
    else:
        roots = _stationary_points(grad, s)
        if roots is None:
            notes.append("first-order condition has no closed-form solution: use .evaluate")
        else:
            stationary = tuple(roots)
            if len(roots) == 1 and concave is not False:
                r = sp.factor_terms(roots[0])
                pieces = []
                if lo != -sp.oo:
                    pieces.append((lo, _cond_le(r, lo)))
                if hi != sp.oo:
                    pieces.append((hi, _cond_le(hi, r)))
                pieces = [(v, c) for v, c in pieces if _possible(c, prob, i)]
                pieces.append((r, True))
                expr = sp.Piecewise(*pieces)
                if concave is None:
                    notes.append(f"closed form assumes concavity ({status})")
            else:
                notes.append(
                    f"{len(roots)} stationary points and {status}: closed form not unique, "
                    "use .evaluate"
                )
    return BestResponse(
        player=prob.players[i],
        strategy=s,
        expr=expr,
        stationary=stationary,
        concavity=status,
        concave=concave,
        notes=tuple(notes),
        _problem=prob,
        _index=i,
    )


# ---------------------------------------------------------------------- results
def _plain(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, sp.Basic):
        if v.is_Integer:
            return int(v)
        if v.is_Rational:
            return Fraction(int(v.p), int(v.q))
        if v.is_number:
            return str(v)
        return str(v)
    return v


def _fmt(v: Any) -> str:
    if isinstance(v, float | np.floating):
        return f"{float(v):.6g}"
    return str(v)


@dataclass(frozen=True, eq=False)
class ContinuousEquilibrium:
    """One verified Nash equilibrium of a continuous game.

    Attributes
    ----------
    strategies : dict
        Player name to strategy (sympy number when exact, float otherwise).
    payoffs : dict
        Player name to payoff at the equilibrium.
    exact : bool
        Whether strategies are exact and every regret is exactly zero.
    regret : float or sympy number
        Largest gain any player gets from its best deviation within its bounds.
    regrets : dict
        Each player's regret (computed by :func:`verify_profile`).
    tolerance : dict or None
        Each player's regret tolerance (``rtol`` times its payoff scale); ``None`` when
        exact.
    active : dict
        Player name to ``"lower"``, ``"upper"`` or ``"interior"``.
    method : str
        How it was found.
    unique : bool
        Whether uniqueness was *proven* (see ``uniqueness`` for the argument).
    uniqueness : str
        The proof, or why there is none.
    notes : tuple of str
    values : dict
        Parameter values used (symbol to number).
    """

    strategies: dict[str, Any]
    payoffs: dict[str, Any]
    exact: bool
    regret: Any
    regrets: dict[str, Any]
    tolerance: dict[str, float] | None
    active: dict[str, str]
    method: str
    unique: bool = False
    uniqueness: str = "not proven"
    notes: tuple[str, ...] = ()
    values: dict[sp.Symbol, Any] = field(default_factory=dict)
    problem: ContinuousProblem | None = field(default=None, repr=False)

    @property
    def profile(self) -> tuple[Any, ...]:
        """Strategies in player order."""
        return tuple(self.strategies.values())

    @property
    def verified(self) -> bool:
        """Whether every regret is within its tolerance (always true for returned ones)."""
        if self.exact:
            return all(_sign(sp.sympify(r)) == 0 for r in self.regrets.values())
        return all(
            float(self.regrets[p]) <= self.tolerance[p] for p in self.regrets
        )  # type: ignore[index]

    def derivative(self, parameter: Any) -> dict[str, Any]:
        """Derivative of each strategy with respect to a parameter (implicit function
        theorem on the active KKT system); see
        :func:`solvers.comparative_statics.equilibrium_derivative`."""
        from solvers.comparative_statics import equilibrium_derivative

        return equilibrium_derivative(self, parameter)

    def sweep(self, grid: Mapping[Any, Any]):
        """Vectorized equilibrium over a parameter grid around this equilibrium's values;
        see :func:`solvers.comparative_statics.sweep`."""
        from solvers.comparative_statics import sweep

        if self.problem is None:
            raise ValueError("this equilibrium does not carry its problem")
        by_name = {p.name: p for p in self.problem.parameters}
        swept = {}
        for k, v in grid.items():
            name = k if isinstance(k, str) else k.name
            if name not in by_name:
                raise ValueError(f"unknown parameter {name!r}")
            swept[by_name[name]] = np.asarray(v, dtype=float)
        fixed = {k: v for k, v in self.values.items() if k not in swept}
        return sweep(self.problem, swept, fixed)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (exact rationals as ``Fraction``, other exact numbers as str)."""
        return {
            "strategies": {k: _plain(v) for k, v in self.strategies.items()},
            "payoffs": {k: _plain(v) for k, v in self.payoffs.items()},
            "exact": self.exact,
            "regret": _plain(self.regret),
            "regrets": {k: _plain(v) for k, v in self.regrets.items()},
            "tolerance": self.tolerance,
            "active": dict(self.active),
            "method": self.method,
            "unique": self.unique,
            "uniqueness": self.uniqueness,
            "notes": list(self.notes),
            "values": {str(k): _plain(v) for k, v in self.values.items()},
        }

    def __repr__(self) -> str:
        strat = ", ".join(f"{k}={_fmt(v)}" for k, v in self.strategies.items())
        pay = ", ".join(f"{k}={_fmt(v)}" for k, v in self.payoffs.items())
        corners = [f"{k} at {v}" for k, v in self.active.items() if v != "interior"]
        kind = "exact" if self.exact else f"regret={_fmt(self.regret)}"
        uniq = "unique (proven)" if self.unique else "uniqueness not proven"
        act = f" | corners: {', '.join(corners)}" if corners else ""
        return (
            f"ContinuousEquilibrium({strat} | payoffs: {pay}{act} | {kind} | {uniq} | "
            f"{self.method})"
        )


class ContinuousEquilibria(list):
    """A list of :class:`ContinuousEquilibrium` with how it was computed.

    Attributes
    ----------
    method : str
    complete : bool
        Whether the method guarantees every equilibrium (at which payoffs are
        differentiable) is in the list.
    unique : bool
        Whether uniqueness is proven.
    uniqueness : str
    notes : tuple of str
    """

    def __init__(
        self,
        items: Sequence[ContinuousEquilibrium] = (),
        *,
        method: str,
        complete: bool,
        unique: bool = False,
        uniqueness: str = "not proven",
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(items)
        self.method = method
        self.complete = complete
        self.unique = unique
        self.uniqueness = uniqueness
        self.notes = tuple(notes)

    def single(self) -> ContinuousEquilibrium:
        """The equilibrium; warn if several, raise :class:`NoEquilibriumFound` if none."""
        if not self:
            raise NoEquilibriumFound(
                "no verified equilibrium found"
                + (" (the search was complete: none exists)" if self.complete else "")
                + "".join(f"; {n}" for n in self.notes)
            )
        if len(self) > 1:
            warnings.warn(
                f"{len(self)} equilibria found; returning the first. Use .equilibria() "
                "to get them all.",
                MultipleEquilibriaWarning,
                stacklevel=3,
            )
        return self[0]

    def __repr__(self) -> str:
        head = (
            f"ContinuousEquilibria({len(self)} found by {self.method}; "
            f"complete={self.complete}, unique={self.unique})"
        )
        return head + "".join(f"\n  {e!r}" for e in self) + "".join(
            f"\n  note: {n}" for n in self.notes
        )


# ----------------------------------------------------------------- verification
def _own_payoff_function(
    prob: ContinuousProblem, i: int, profile: Sequence[float]
) -> Callable[[np.ndarray], np.ndarray]:
    t = sp.Dummy("t")
    rep = {s: sp.Float(v, 17) for j, (s, v) in enumerate(zip(prob.strategies, profile,
                                                            strict=True)) if j != i}
    expr = prob.payoffs[i].xreplace(rep).xreplace({prob.strategies[i]: t})
    return sp.lambdify(t, expr, modules="numpy")


def _exact_own_max(prob: ContinuousProblem, i: int, profile: Sequence[sp.Expr]):
    """Exact global max of u_i over player i's interval, or None if not decidable."""
    t = sp.Dummy("t", real=True)
    rep = {s: v for j, (s, v) in enumerate(zip(prob.strategies, profile, strict=True))
           if j != i}
    g = prob.payoffs[i].xreplace(rep).xreplace({prob.strategies[i]: t})
    lo, hi = prob.bounds[i]
    return exact_max_on_interval(g, t, lo, hi)


def _real_roots(poly: sp.Poly, t: sp.Symbol) -> list[sp.Expr] | None:
    """Exact real roots (rational coefficients: CRootOf; algebraic ones: radicals)."""
    try:
        return list(sp.real_roots(poly))
    except (sp.PolynomialError, NotImplementedError, sp.DomainError):
        pass
    if poly.degree() > 4:
        return None
    try:
        sols = sp.solve(poly.as_expr(), t)
    except NotImplementedError:
        return None
    out = []
    for r in sols:
        v = _real_value(sp.sympify(r))
        if v is not None:
            out.append(v)
    return out


def exact_max_on_interval(g: sp.Expr, t: sp.Symbol, lo: sp.Expr, hi: sp.Expr):
    """Exact ``(argmax, max)`` of ``g(t)`` over ``[lo, hi]``, or ``None`` if undecided.

    Candidates are the real roots of the derivative's numerator (polynomial case only),
    the finite bounds (one-sided limits where ``g`` is undefined there) and the limits at
    infinite ends; a pole inside the interval gives ``None``.
    """
    d = sp.diff(g, t)
    num, den = sp.together(d).as_numer_denom()
    cands: list[tuple[sp.Expr, sp.Expr]] = []
    try:
        pnum = sp.Poly(num, t)
        pden = sp.Poly(den, t)
    except sp.PolynomialError:
        return None
    if pnum.degree() > 12 or pden.degree() > 12:
        return None
    roots = _real_roots(pnum, t) if pnum.degree() > 0 and not pnum.is_zero else []
    poles = _real_roots(pden, t) if pden.degree() > 0 else []
    if roots is None or poles is None:
        return None
    for r in poles:
        if _le(lo, r) and _le(r, hi) and r not in (lo, hi):
            return None  # singularity inside: leave it to the numeric check
    for r in roots:
        if _le(lo, r) and _le(r, hi):
            cands.append((r, g.xreplace({t: r})))
    for b, direction in ((lo, "+"), (hi, "-")):
        if b.is_finite:
            v = g.xreplace({t: b})
            if v.has(sp.zoo, sp.nan) or v.is_finite is False:
                v = sp.limit(g, t, b, dir=direction)
            cands.append((b, v))
        else:
            try:
                v = sp.limit(g, t, b)
            except (NotImplementedError, ValueError):
                return None
            cands.append((b, v))
    best = None
    for x, v in cands:
        if v.has(sp.zoo, sp.nan, sp.I) and v.is_real is not True:
            if v in (-sp.oo,):
                continue
            return None
        if best is None:
            best = (x, v)
            continue
        s = _sign(v - best[1]) if v.is_finite and best[1].is_finite else (
            1 if v == sp.oo or best[1] == -sp.oo else (-1 if v == -sp.oo else 0))
        if s is None:
            return None
        if s > 0:
            best = (x, v)
    return best


def verify_profile(
    problem: ContinuousProblem,
    profile: Sequence[Any],
    rtol: float = DEFAULT_RTOL,
    exact: bool | None = None,
) -> tuple[list[Any], list[float] | None, bool]:
    """Each player's regret at ``profile``: global best payoff within bounds minus payoff.

    Parameters
    ----------
    problem : ContinuousProblem
        With every parameter bound.
    profile : sequence
        One strategy per player (sympy numbers for an exact check).
    rtol : float
        Relative tolerance (times each player's payoff scale) for the float check.
    exact : bool, optional
        Force (``True``) or skip (``False``) the exact check; by default it is tried when
        the profile and payoffs are exact.

    Returns
    -------
    (regrets, tolerances, exact)
        ``exact`` tells whether the regrets are exact (then ``tolerances`` is ``None`` and
        the profile passes iff all regrets are zero).

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> p = ContinuousProblem((x, y), (-(x - y)**2, -(y - 1)**2), ((0, 2), (0, 2)))
    >>> verify_profile(p, [sp.Integer(1), sp.Integer(1)])
    ([0, 0], None, True)
    >>> r, tol, ex = verify_profile(p, [0.5, 1.0])
    >>> round(r[0], 9), ex
    (0.25, False)
    """
    problem.require_numeric()
    n = problem.n
    if len(profile) != n:
        raise ValueError(f"profile must hold {n} strategies, got {len(profile)}")
    for j, ((lo, hi), v) in enumerate(zip(problem.bounds, profile, strict=True)):
        vf = float(v)
        if not math.isfinite(vf):
            raise ValueError(f"profile[{j}] = {v} is not finite")
        span = max(1.0, abs(vf))
        if (lo.is_finite and vf < float(lo) - 1e-12 * span) or (
            hi.is_finite and vf > float(hi) + 1e-12 * span
        ):
            raise ValueError(f"profile[{j}] = {v} lies outside its bounds [{lo}, {hi}]")
    want_exact = exact if exact is not None else (
        problem.is_exact() and all(isinstance(v, sp.Basic) and not v.has(sp.Float)
                                   for v in profile)
    )
    if want_exact:
        prof = [sp.sympify(v) for v in profile]
        regrets = []
        for i in range(n):
            best = _exact_own_max(problem, i, prof)
            if best is None:
                regrets = None
                break
            own = problem.payoffs[i].xreplace(dict(zip(problem.strategies, prof, strict=True)))
            if best[1] == sp.oo:
                regrets.append(sp.oo)
                continue
            r = best[1] - own
            s = _sign(r)
            if s is None:
                regrets = None
                break
            regrets.append(sp.Integer(0) if s == 0 else r)
        if regrets is not None:
            return regrets, None, True
        if exact:
            raise ValueError("exact verification is not decidable for this profile")
    prof_f = [float(v) for v in profile]
    regrets_f, tols = [], []
    for i in range(n):
        f = _own_payoff_function(problem, i, prof_f)
        lo, hi = problem.bounds[i]
        _x, best, scale = maximize_1d(f, float(lo), float(hi), hint=prof_f[i])
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            own = float(np.asarray(f(np.array([prof_f[i]])), dtype=float).ravel()[0])
        if not math.isfinite(own):
            regrets_f.append(math.inf)
        else:
            regrets_f.append(max(0.0, best - own))
        scale = max(scale, abs(own) if math.isfinite(own) else 0.0)
        tols.append(rtol * (scale if scale > 0 else 1.0))
    return regrets_f, tols, False


# ------------------------------------------------------------------ exact solver
def _cases(problem: ContinuousProblem):
    states = []
    for lo, hi in problem.bounds:
        st = ["I"]
        if lo.is_finite:
            st.append("L")
        if hi.is_finite:
            st.append("U")
        states.append(st)
    return itertools.product(*states)


def _polynomial_system(eqs: list[sp.Expr], unknowns: list[sp.Symbol]):
    """Numerators as polynomials in the unknowns, or None if not polynomial / too big."""
    polys = []
    bezout = 1
    for e in eqs:
        num = sp.together(e).as_numer_denom()[0]
        num = sp.expand(num)
        if num == 0:
            polys.append(num)
            continue
        try:
            p = sp.Poly(num, *unknowns)
        except sp.PolynomialError:
            return None
        if p.free_symbols - set(unknowns):
            return None
        bezout *= max(1, p.total_degree())
        polys.append(num)
    if bezout > MAX_BEZOUT:
        return None
    return polys


def solve_exact(problem: ContinuousProblem) -> tuple[list[tuple[sp.Expr, ...]], bool, list[str]]:
    """All KKT points of a problem with exact numbers, by active-set enumeration.

    Returns
    -------
    (points, complete, notes)
        ``points`` are profiles (tuples of sympy numbers) satisfying the KKT conditions;
        ``complete`` is ``True`` when every case was a polynomial system solved in full.

    Raises
    ------
    ValueError
        If parameters are unbound, numbers are floats, or there are too many cases.
    """
    problem.require_numeric()
    if not problem.is_exact():
        raise ValueError(
            "exact method needs exact numbers (int, Fraction, sympy Rational); got floats. "
            "Pass exact values or use method='numeric'"
        )
    n_cases = math.prod(1 + int(lo.is_finite) + int(hi.is_finite) for lo, hi in problem.bounds)
    if n_cases > MAX_CASES:
        raise ValueError(
            f"{n_cases} active-set cases exceed the exact limit {MAX_CASES}; use "
            "method='numeric' or, for aggregative games, solvers.aggregative"
        )
    grads = problem.gradient()
    points: list[tuple[sp.Expr, ...]] = []
    complete = True
    notes: list[str] = []
    for case in _cases(problem):
        fixed = {}
        for s, st, (lo, hi) in zip(problem.strategies, case, problem.bounds, strict=True):
            if st == "L":
                fixed[s] = lo
            elif st == "U":
                fixed[s] = hi
        interior = [i for i, st in enumerate(case) if st == "I"]
        unknowns = [problem.strategies[i] for i in interior]
        eqs = [grads[i].xreplace(fixed) for i in interior]
        if any(e.has(sp.zoo, sp.nan) for e in eqs):
            continue
        if unknowns:
            polys = _polynomial_system(eqs, unknowns)
            if polys is None:
                complete = False
                notes.append(f"case {''.join(case)}: first-order system not polynomial "
                             "(or too large) for exact solution")
                continue
            try:
                sols = sp.solve(polys, unknowns, dict=True)
            except NotImplementedError:
                complete = False
                notes.append(f"case {''.join(case)}: sympy could not solve the system")
                continue
        else:
            sols = [{}]
        for sol in sols:
            if any(sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()) or (
                len(sol) < len(unknowns)
            ):
                complete = False
                notes.append(f"case {''.join(case)}: a continuum of solutions (degenerate)")
                continue
            point = []
            ok = True
            for s in problem.strategies:
                v = fixed[s] if s in fixed else _real_value(sp.sympify(sol[s]))
                if v is None:
                    ok = False
                    break
                point.append(v)
            if not ok:
                continue
            rep = dict(zip(problem.strategies, point, strict=True))
            for i, (st, (lo, hi)) in enumerate(zip(case, problem.bounds, strict=True)):
                v = point[i]
                if not (_le(lo, v) and _le(v, hi)):
                    ok = False
                    break
                gi = grads[i].xreplace(rep)
                if gi.has(sp.zoo, sp.nan) or gi.is_finite is False:
                    ok = False
                    break
                sgn = _sign(gi)
                if sgn is None:
                    ok = False
                    complete = False
                    break
                if (st == "I" and sgn != 0) or (st == "L" and sgn > 0) or (
                    st == "U" and sgn < 0
                ):
                    ok = False
                    break
            if ok and not any(_same_point(point, q) for q in points):
                points.append(tuple(point))
    return points, complete, notes


def _same_point(p: Sequence[Any], q: Sequence[Any], rtol: float = 1e-12) -> bool:
    return all(
        abs(float(a) - float(b)) <= rtol * max(1.0, abs(float(a)), abs(float(b)))
        for a, b in zip(p, q, strict=True)
    )


# ---------------------------------------------------------------- numeric solver
def _lambdified(problem: ContinuousProblem):
    args = list(problem.strategies)
    grads = problem.gradient()
    g = sp.lambdify(args, list(grads), modules="numpy")
    jac = sp.lambdify(args, [[sp.diff(gi, s) for s in args] for gi in grads], modules="numpy")
    return g, jac


def _box(problem: ContinuousProblem) -> tuple[np.ndarray, np.ndarray]:
    lo = np.array([float(lo) if lo.is_finite else -np.inf for lo, _ in problem.bounds])
    hi = np.array([float(hi) if hi.is_finite else np.inf for _, hi in problem.bounds])
    return lo, hi


def solve_numeric(
    problem: ContinuousProblem, starts: int = 8, seed: int = 0
) -> list[np.ndarray]:
    """KKT points found by root finding on the natural map from several starts.

    Returns candidate profiles (unverified: pass them to :func:`verify_profile`).
    """
    problem.require_numeric()
    n = problem.n
    lo, hi = _box(problem)
    g, jac = _lambdified(problem)
    scale = max(
        [1.0] + [abs(float(b)) for pair in problem.bounds for b in pair if b.is_finite]
    )
    rng = np.random.default_rng(seed)
    wlo = np.where(np.isfinite(lo), lo, np.where(np.isfinite(hi), hi - scale, -scale))
    whi = np.where(np.isfinite(hi), hi, wlo + 2 * scale)
    inner_lo = wlo + 1e-3 * (whi - wlo)
    inner_hi = whi - 1e-3 * (whi - wlo)
    starts_list = [(inner_lo + inner_hi) / 2, inner_lo + 0.25 * (inner_hi - inner_lo)]
    starts_list += [rng.uniform(inner_lo, inner_hi) for _ in range(max(0, starts - 2))]

    def grad(x):
        with np.errstate(all="ignore"):
            return np.asarray(g(*x), dtype=float).reshape(n)

    def jacobian(x):
        with np.errstate(all="ignore"):
            return np.asarray(jac(*x), dtype=float).reshape(n, n)

    fin_lo, fin_hi = np.isfinite(lo), np.isfinite(hi)

    def fb(a, b):
        return np.sqrt(a * a + b * b) - a - b

    def mcp(x):
        """Fischer-Burmeister form of the KKT conditions (Billups for two bounds)."""
        F = -grad(x)
        if not np.all(np.isfinite(F)):
            return np.full(n, 1e6 * scale)
        both = fb(x - np.where(fin_lo, lo, 0.0), -fb(np.where(fin_hi, hi, 0.0) - x, -F))
        only_lo = fb(x - np.where(fin_lo, lo, 0.0), F)
        only_hi = -fb(np.where(fin_hi, hi, 0.0) - x, -F)
        return np.where(fin_lo & fin_hi, both,
                        np.where(fin_lo, only_lo, np.where(fin_hi, only_hi, F)))

    def natural(x):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return np.full(n, np.inf)
        return x - np.clip(x + gx, lo, hi)

    found: list[np.ndarray] = []
    for x0 in starts_list:
        x = x0.copy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for fun, method in ((mcp, "hybr"), (mcp, "lm"), (natural, "hybr")):
                try:
                    res = so.root(fun, x, method=method)
                except (ValueError, FloatingPointError):
                    continue
                if np.all(np.isfinite(res.x)) and np.max(np.abs(natural(res.x))) < 1e-8 * scale:
                    x = res.x
                    break
            else:
                x = _damped_projection(grad, x, lo, hi)
                if x is None:
                    continue
        x = _polish(grad, jacobian, np.clip(x, lo, hi), lo, hi)
        if x is not None and not any(np.allclose(x, y, rtol=1e-7, atol=1e-9 * scale)
                                     for y in found):
            found.append(x)
    return found


def best_response_iteration(
    problem: ContinuousProblem, iterations: int = 300, damping: float = 1.0
) -> np.ndarray | None:
    """Gauss-Seidel iteration of numeric global best responses from the box centre.

    Returns the last iterate when successive profiles agree to ~1e-13 (relative), else
    ``None``. Slow but robust: used when root finding finds nothing that verifies.
    """
    lo, hi = _box(problem)
    x = np.where(np.isfinite(lo) & np.isfinite(hi), (lo + hi) / 2,
                 np.where(np.isfinite(lo), lo + 1, np.where(np.isfinite(hi), hi - 1, 0.0)))
    args = list(problem.strategies)
    pays = [sp.lambdify(args, u, modules="numpy") for u in problem.payoffs]
    for _ in range(iterations):
        old = x.copy()
        for i in range(problem.n):
            def f(t, i=i):
                z = [np.full_like(np.asarray(t, dtype=float), v) for v in x]
                z[i] = np.asarray(t, dtype=float)
                return pays[i](*z)

            xi, v, _ = maximize_1d(f, lo[i], hi[i], hint=x[i], points=201)
            if not math.isfinite(v):
                return None
            x[i] = (1 - damping) * x[i] + damping * xi
        if np.max(np.abs(x - old)) <= 1e-13 * max(1.0, float(np.max(np.abs(x)))):
            return x
    return None


def _damped_projection(grad, x, lo, hi, steps: int = 2000):
    step = 0.5
    for _ in range(steps):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return None
        new = np.clip(x + step * gx, lo, hi)
        if np.max(np.abs(new - x)) < 1e-13 * max(1.0, float(np.max(np.abs(x)))):
            return new
        if np.linalg.norm(new - x) > np.linalg.norm(x - np.clip(x + 2 * step * gx, lo, hi)):
            step *= 0.5
        x = new
    return x


def _polish(grad, jacobian, x, lo, hi, iters: int = 30):
    """Newton steps on the first-order conditions of players strictly inside."""
    for _ in range(iters):
        gx = grad(x)
        if not np.all(np.isfinite(gx)):
            return x
        span = np.maximum(1.0, np.abs(x))
        at_lo = np.isfinite(lo) & (x - lo <= 1e-9 * span) & (gx <= 0)
        at_hi = np.isfinite(hi) & (hi - x <= 1e-9 * span) & (gx >= 0)
        x = np.where(at_lo, lo, np.where(at_hi, hi, x))
        free = ~(at_lo | at_hi)
        if not free.any():
            return x
        J = jacobian(x)[np.ix_(free, free)]
        try:
            dx = np.linalg.solve(J, -gx[free])
        except np.linalg.LinAlgError:
            return x
        if not np.all(np.isfinite(dx)):
            return x
        new = x.copy()
        new[free] = np.clip(x[free] + dx, lo[free], hi[free])
        if np.max(np.abs(new - x)) <= 1e-15 * float(np.max(span)):
            return new
        x = new
    return x


# ------------------------------------------------------------------ uniqueness
def _rosen_unique(problem: ContinuousProblem) -> bool:
    """Diagonal strict concavity with a constant Jacobian: J + J^T negative definite."""
    grads = problem.gradient()
    J = sp.Matrix([[sp.diff(gi, s) for s in problem.strategies] for gi in grads])
    if J.free_symbols:
        return False
    M = J + J.T
    try:
        return bool((-M).is_positive_definite)
    except (TypeError, ValueError):  # pragma: no cover - sympy edge cases
        return False


# --------------------------------------------------------------- orchestration
def _active(problem: ContinuousProblem, profile: Sequence[Any], rtol: float = 1e-9):
    out = {}
    for name, (lo, hi), v in zip(problem.players, problem.bounds, profile, strict=True):
        span = max(1.0, abs(float(v)))
        if lo.is_finite and abs(float(v) - float(lo)) <= rtol * span:
            out[name] = "lower"
        elif hi.is_finite and abs(float(v) - float(hi)) <= rtol * span:
            out[name] = "upper"
        else:
            out[name] = "interior"
    return out


def _build(problem, base, values, profile, regrets, tols, exact, method, notes):
    rep = dict(zip(problem.strategies, profile, strict=True))
    if exact:
        pays = [sp.simplify(u.xreplace(rep)) for u in problem.payoffs]
        strategies = {p: v for p, v in zip(problem.players, profile, strict=True)}
        regret = max(regrets, key=lambda r: float(r)) if regrets else sp.Integer(0)
    else:
        prof = [float(v) for v in profile]
        fl = {s: v for s, v in zip(problem.strategies, prof, strict=True)}
        pays = [float(sp.N(u.xreplace({k: sp.Float(v, 17) for k, v in fl.items()})))
                for u in problem.payoffs]
        strategies = {p: v for p, v in zip(problem.players, prof, strict=True)}
        regret = float(max(regrets)) if regrets else 0.0
    return ContinuousEquilibrium(
        strategies=strategies,
        payoffs=dict(zip(problem.players, pays, strict=True)),
        exact=exact,
        regret=regret,
        regrets=dict(zip(problem.players, regrets, strict=True)),
        tolerance=None if exact else dict(zip(problem.players, tols, strict=True)),
        active=_active(problem, profile),
        method=method,
        notes=tuple(notes),
        values=dict(values),
        problem=base,
    )


def equilibria(
    problem: ContinuousProblem,
    values: Mapping[sp.Symbol, Any] | None = None,
    method: str | None = None,
    *,
    rtol: float = DEFAULT_RTOL,
    starts: int = 8,
    seed: int = 0,
) -> ContinuousEquilibria:
    """Nash equilibria of a continuous game, each verified independently.

    Parameters
    ----------
    problem : ContinuousProblem
    values : mapping, optional
        ``{parameter symbol: number}``; every parameter must end up with a value.
    method : {None, "exact", "numeric"}
        ``None``: exact when the numbers are exact and the first-order systems polynomial,
        falling back to numeric (and adding numeric finds when the exact enumeration was
        incomplete).
    rtol : float
        Relative regret tolerance for float equilibria.
    starts : int
        Number of starting points of the numeric search.
    seed : int
        Seed of ``numpy.random.default_rng`` for the numeric starts.

    Returns
    -------
    ContinuousEquilibria

    Examples
    --------
    A game with three equilibria (strategic complements, smoothstep best response):

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> f = lambda z: 3*z**2 - 2*z**3
    >>> p = ContinuousProblem((x, y), (-(x - f(y))**2, -(y - f(x))**2), ((0, 1), (0, 1)))
    >>> eqs = equilibria(p)
    >>> sorted(e.profile for e in eqs), eqs.complete
    ([(0, 0), (1/2, 1/2), (1, 1)], True)
    """
    if method not in (None, "exact", "numeric"):
        raise ValueError(f"method must be None, 'exact' or 'numeric', got {method!r}")
    values = dict(values or {})
    unknown = set(values) - set(problem.parameters)
    if unknown:
        raise ValueError(f"values for unknown parameter(s) {sorted(map(str, unknown))}")
    prob = problem.bind(values)
    prob.require_numeric()
    for name, (lo, hi) in zip(prob.players, prob.bounds, strict=True):
        if _sign(hi - lo) == -1 if (lo.is_finite and hi.is_finite) else False:
            raise ValueError(f"{name}'s bounds [{lo}, {hi}] are in the wrong order for these "
                             "parameter values")
    notes: list[str] = []
    results: list[ContinuousEquilibrium] = []
    complete = False
    used = "numeric"
    tried_exact = False
    if method == "exact" or (method is None and prob.is_exact()):
        try:
            points, complete, enum_notes = solve_exact(prob)
            tried_exact = True
            used = "exact (active-set enumeration)"
            notes += enum_notes
        except ValueError as err:
            if method == "exact":
                raise
            notes.append(f"exact method skipped: {err}")
            points = []
        if tried_exact:
            for pt in points:
                regrets, tols, ex = verify_profile(prob, pt, rtol=rtol)
                if ex:
                    if all(_sign(r) == 0 for r in regrets):
                        results.append(_build(prob, problem, values, pt, regrets, None, True,
                                              used, []))
                    else:
                        notes.append(f"KKT point {tuple(pt)} is not an equilibrium "
                                     "(a better deviation exists: payoff not concave)")
                else:
                    if all(r <= t for r, t in zip(regrets, tols, strict=True)):
                        results.append(_build(prob, problem, values, pt, regrets, tols, False,
                                              used, ["exact point, verified numerically"]))
                    else:
                        notes.append(f"KKT point {tuple(float(v) for v in pt)} is not an "
                                     "equilibrium (fails numeric verification)")
    if method == "numeric" or (method is None and (not tried_exact or not complete)):
        used = "numeric (KKT root finding)" if not tried_exact else used + " + numeric"
        for x in solve_numeric(prob, starts=starts, seed=seed):
            if any(_same_point(x, r.profile, 1e-6) for r in results):
                continue
            regrets, tols, _ = verify_profile(prob, list(x), rtol=rtol, exact=False)
            if all(r <= t for r, t in zip(regrets, tols, strict=True)):
                results.append(_build(prob, problem, values, list(x), regrets, tols, False,
                                      "numeric (KKT root finding)", []))
        if not results:
            x = best_response_iteration(prob)
            if x is not None:
                regrets, tols, _ = verify_profile(prob, list(x), rtol=rtol, exact=False)
                if all(r <= t for r, t in zip(regrets, tols, strict=True)):
                    results.append(_build(prob, problem, values, list(x), regrets, tols,
                                          False, "numeric (best-response iteration)", []))
        if not tried_exact or not complete:
            notes.append(f"numeric search from {starts} starts: other equilibria may exist")
        complete = complete and tried_exact
    unique = False
    why = "not proven"
    if len(results) == 1 and _rosen_unique(prob):
        unique, why = True, "diagonal strict concavity (Rosen 1965): J + J^T negative definite"
    elif complete and len(results) == 1:
        unique = True
        why = ("complete active-set enumeration of the KKT conditions found exactly one "
               "equilibrium (among profiles where payoffs are differentiable)")
    if unique:
        results = [
            ContinuousEquilibrium(**{**r.__dict__, "unique": True, "uniqueness": why})
            for r in results
        ]
    if not results:
        notes.append("no verified equilibrium found")
    return ContinuousEquilibria(results, method=used, complete=complete, unique=unique,
                                uniqueness=why, notes=notes)
