r"""Equilibria of aggregative games through a one-dimensional fixed point in the aggregate.

In an aggregative game player *i*'s payoff depends on its own strategy :math:`x_i` and the
aggregate :math:`X = \sum_j x_j` only: :math:`u_i(x_i, X)`. Cornes and Hartley's
*replacement function* :math:`r_i(X)` is the strategy that is a best response for *i* when
the aggregate (own strategy included) equals :math:`X`: from the first-order condition
:math:`\partial_x u_i + \partial_X u_i = 0`, clipped to the bounds. A Nash equilibrium is a
root of the scalar function

.. math:: h(X) = \sum_i r_i(X) - X ,

found by bracketing (Brent), so one evaluation costs :math:`O(n)` numpy work and the whole
solve is linear in the number of players. When every :math:`r_i` is non-increasing
(strategic substitutes, e.g. the Bergstrom-Blume-Varian public good) :math:`h` is strictly
decreasing and the equilibrium is unique; otherwise :math:`h` is scanned on a grid and
every sign change is solved (several equilibria are all reported).

Verification is vectorized and independent of the replacement function: each player's
payoff :math:`u_i(t, X - x_i + t)` is maximized over a grid of its interval, refined by a
vectorized golden-section search in the best cell, and the regret compared with ``rtol``
times that player's payoff range.

Examples
--------
Bergstrom-Blume-Varian public good with Cobb-Douglas tastes, incomes (10, 8, 2), a = 1/2:

>>> import numpy as np, sympy as sp
>>> from solvers.continuous._aggregative import replacement_function, aggregative_equilibrium
>>> g, G, w, a = sp.symbols("g G w a", positive=True)
>>> rep = replacement_function((1 - a) * sp.log(w - g) + a * sp.log(G), g, G, 0, w,
...                            player_symbols=(w,), common={a: sp.Rational(1, 2)})
>>> rep.interior
-G + w
>>> eq = aggregative_equilibrium(rep.function(w=np.array([10.0, 8.0, 2.0])), (0.0, 20.0),
...                              decreasing=rep.decreasing)
>>> float(eq.aggregate), eq.strategies.tolist(), eq.unique
(6.0, [4.0, 2.0, 0.0], True)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.optimize as so
import sympy as sp

from solvers._numbers import NUMBER_FORMS, convert
from solvers.continuous._concavity import nonpositive_where_defined
from solvers.continuous._domains import domain_substitution, symbol_with_domain
from solvers.result import EquilibriumResult
from solvers.verify import DEFAULT_RTOL

__all__ = [
    "AggregativeEquilibrium",
    "ReplacementFunction",
    "SymmetricEquilibrium",
    "aggregate_regrets",
    "aggregative_equilibrium",
    "replacement_function",
    "symmetric_equilibrium",
]


@dataclass(frozen=True, eq=False)
class AggregativeEquilibrium(EquilibriumResult):
    """An equilibrium of an aggregative game.

    Attributes
    ----------
    aggregate : float
        :math:`X^* = \\sum_i x_i^*`.
    strategies : numpy.ndarray
        :math:`x_i^* = r_i(X^*)`.
    residual : float
        :math:`|h(X^*)|` relative to :math:`\\max(1, X^*)`.
    active : numpy.ndarray of int8
        -1 at the lower bound, +1 at the upper bound, 0 interior.
    unique : bool
        Proven (every replacement function non-increasing).
    uniqueness : str
    evaluations : int
        Number of evaluations of all replacement functions.
    others : tuple of float
        Aggregates of further equilibria found by the grid scan (non-monotone case).
    regret, tolerance : numpy.ndarray or None
        Per-player regrets and tolerances when verified.
    verified : bool or None
        ``None`` when not verified.
    notes : tuple of str
    exact : bool
        Exact (``Fraction``) aggregate and strategies.
    method : str
    players : tuple of str or None
        Player names (default ``player 0``, ``player 1``, ...).
    payoffs : numpy.ndarray or None
        Payoffs at the equilibrium, when the solver was given payoff functions.

    Examples
    --------
    Returned by :func:`aggregative_equilibrium`. BBV public good, incomes (10, 8, 2),
    ``a = 1/2``: the replacement function is ``max(0, w_i - X)`` and ``X* = 6``:

    >>> import numpy as np
    >>> w = np.array([10.0, 8.0, 2.0])
    >>> eq = aggregative_equilibrium(lambda X: np.clip(w - X, 0, w), (0, 20), lower=0.0,
    ...                              upper=w, decreasing=True)
    >>> eq
    AggregativeEquilibrium(X=6; 3 players, 2 above their lower bound; not verified; \
unique (proven))
    >>> eq.strategies.tolist(), eq.active.tolist(), eq.contributors.tolist()
    ([4.0, 2.0, 0.0], [0, 0, -1], [0, 1])
    """

    aggregate: float
    strategies: np.ndarray
    residual: float
    active: np.ndarray
    unique: bool
    uniqueness: str
    evaluations: int
    others: tuple[float, ...] = ()
    regret: np.ndarray | None = None
    tolerance: np.ndarray | None = None
    verified: bool | None = None  # type: ignore[assignment]
    notes: tuple[str, ...] = field(default=())
    exact: bool = False
    method: str = "aggregative_equilibrium"
    players: tuple[str, ...] | None = None
    payoffs: np.ndarray | None = None

    @property
    def contributors(self) -> np.ndarray:
        """Indices of players strictly above their lower bound."""
        return np.flatnonzero(self.active != -1)

    def _names(self) -> tuple[str, ...]:
        if self.players is not None:
            return self.players
        return tuple(f"player {i}" for i in range(self.strategies.size))

    def strategies_by_player(self) -> dict[str, Any]:
        """Player name to strategy."""
        return dict(zip(self._names(), self.strategies, strict=True))

    def payoffs_by_player(self) -> dict[str, Any] | None:
        """Player name to payoff (``None`` when not computed)."""
        if self.payoffs is None:
            return None
        return dict(zip(self._names(), self.payoffs, strict=True))

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form; ``numbers`` as in :meth:`solvers.result.Equilibrium.to_dict`."""
        c = convert
        pays = self.payoffs_by_player()
        return {
            "aggregate": c(self.aggregate, numbers),
            "strategies": {k: c(v, numbers) for k, v in self.strategies_by_player().items()},
            "payoffs": None if pays is None else {k: c(v, numbers) for k, v in pays.items()},
            "exact": self.exact,
            "method": self.method,
            "residual": c(self.residual, numbers),
            "active": self.active.tolist(),
            "unique": self.unique,
            "uniqueness": self.uniqueness,
            "evaluations": self.evaluations,
            "others": list(self.others),
            "max_regret": None if self.regret is None else c(np.max(self.regret), numbers),
            "verified": self.verified,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        n = self.strategies.size
        k = int(np.sum(self.active != -1))
        ver = {None: "not verified", True: "verified", False: "FAILED verification"}[self.verified]
        uq = "unique (proven)" if self.unique else "uniqueness not proven"
        agg = f"{self.aggregate}" if self.exact else f"{self.aggregate:.6g}"
        return (
            f"AggregativeEquilibrium(X={agg}; {n} players, {k} above their "
            f"lower bound; {ver}; {uq})"
        )


def aggregative_equilibrium(
    replacement: Callable[[float], np.ndarray],
    bracket: tuple[float, float],
    *,
    lower: np.ndarray | float | None = None,
    upper: np.ndarray | float | None = None,
    decreasing: bool | None = None,
    scan: int = 64,
    xtol: float = 1e-14,
) -> AggregativeEquilibrium:
    """Solve :math:`X = \\sum_i r_i(X)` by bracketing root finding.

    Parameters
    ----------
    replacement : callable
        ``replacement(X)`` returns the array of all players' replacement values at
        aggregate ``X`` (vectorized over players, clipped to their bounds).
    bracket : (float, float)
        Interval of aggregates to search (e.g. sum of lower and upper bounds).
    lower, upper : array_like, optional
        Players' bounds, to report the active set.
    decreasing : bool, optional
        ``True`` when every replacement function is known to be non-increasing (then the
        root is unique and found by a single Brent solve). Otherwise the bracket is
        scanned at ``scan`` points and every sign change solved.
    scan : int
        Grid size of the scan.
    xtol : float
        Relative tolerance on the aggregate.

    Returns
    -------
    AggregativeEquilibrium

    Examples
    --------
    >>> import numpy as np
    >>> w = np.array([10.0, 8.0, 2.0])
    >>> eq = aggregative_equilibrium(lambda X: np.clip(w - X, 0, w), (0, 20), decreasing=True)
    >>> float(eq.aggregate)
    6.0
    """
    lo_x, hi_x = float(bracket[0]), float(bracket[1])
    if not (math.isfinite(lo_x) and math.isfinite(hi_x) and lo_x < hi_x):
        raise ValueError(f"bracket must be finite with lower < upper, got {bracket}")
    count = [0]

    def h(X: float) -> float:
        count[0] += 1
        r = np.asarray(replacement(X), dtype=float)
        if not np.all(np.isfinite(r)):
            raise ValueError(f"replacement function returned non-finite values at X={X}")
        return float(np.sum(r)) - X

    h_lo, h_hi = h(lo_x), h(hi_x)
    roots: list[float] = []
    notes: list[str] = []
    tol = xtol * max(1.0, abs(lo_x), abs(hi_x))
    if decreasing:
        if h_lo < 0 or h_hi > 0:
            raise ValueError(
                f"h(X) = sum r_i(X) - X does not change sign on {bracket} "
                f"(h = {h_lo:.3g}, {h_hi:.3g}): widen the bracket"
            )
        if h_lo == 0:
            roots = [lo_x]
        elif h_hi == 0:
            roots = [hi_x]
        else:
            roots = [so.brentq(h, lo_x, hi_x, xtol=tol, rtol=4 * np.finfo(float).eps)]
    else:
        xs = np.linspace(lo_x, hi_x, scan)
        hs = np.array([h_lo] + [h(x) for x in xs[1:-1]] + [h_hi])
        for k in range(scan - 1):
            if hs[k] == 0:
                roots.append(float(xs[k]))
            elif hs[k] * hs[k + 1] < 0:
                roots.append(
                    so.brentq(h, xs[k], xs[k + 1], xtol=tol, rtol=4 * np.finfo(float).eps)
                )
        if hs[-1] == 0:
            roots.append(float(xs[-1]))
        notes.append(
            f"replacement functions not known to be monotone: scanned {scan} points; "
            "equilibria between grid points with a double root can be missed"
        )
    if not roots:
        raise ValueError(f"no equilibrium aggregate in {bracket}: h has no sign change")
    X = float(roots[0])
    x = np.asarray(replacement(X), dtype=float)
    count[0] += 1
    resid = abs(float(np.sum(x)) - X) / max(1.0, abs(X))
    active = np.zeros(x.shape, dtype=np.int8)
    if lower is not None:
        lo_arr = np.broadcast_to(np.asarray(lower, dtype=float), x.shape)
        active[x <= lo_arr + 1e-12 * np.maximum(1.0, np.abs(lo_arr))] = -1
    if upper is not None:
        hi_arr = np.broadcast_to(np.asarray(upper, dtype=float), x.shape)
        active[x >= hi_arr - 1e-12 * np.maximum(1.0, np.abs(hi_arr))] = 1
    unique = bool(decreasing)
    why = (
        (
            "given decreasing=True (every replacement function non-increasing; proven "
            "symbolically when it comes from replacement_function, otherwise the caller's "
            "assertion), sum r_i(X) - X is strictly decreasing and has one root"
        )
        if unique
        else "not proven"
    )
    if len(roots) > 1:
        notes.append(f"{len(roots)} equilibrium aggregates found: {roots}")
    return AggregativeEquilibrium(
        aggregate=X,
        strategies=x,
        residual=resid,
        active=active,
        unique=unique,
        uniqueness=why,
        evaluations=count[0],
        others=tuple(float(r) for r in roots[1:]),
        notes=tuple(notes),
    )


def aggregate_regrets(
    payoff: Callable[[np.ndarray, np.ndarray], np.ndarray],
    x: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    rtol: float = DEFAULT_RTOL,
    points: int = 65,
    iterations: int = 90,
) -> tuple[np.ndarray, np.ndarray]:
    """Vectorized regrets of all players at profile ``x`` of an aggregative game.

    Parameters
    ----------
    payoff : callable
        ``payoff(t, Y)`` gives each player's payoff from own strategy ``t`` when the
        others' sum is ``Y`` (arrays broadcast; shape ``(n,)`` or ``(k, n)``).
    x : numpy.ndarray
        Profile (one strategy per player).
    lower, upper : numpy.ndarray
        Finite bounds of each player.
    rtol : float
        Tolerance relative to each player's payoff range over its interval.
    points, iterations : int
        Grid size and golden-section iterations.

    Returns
    -------
    (regret, tolerance) : numpy.ndarray
        Each player's regret (best payoff minus payoff at ``x``) and the tolerance it is
        to be compared with.

    Examples
    --------
    Cournot duopoly, inverse demand ``10 - Q``, unit costs (1, 4): the Nash equilibrium
    ``q_i = (10 - 2 c_i + c_j)/3 = (4, 1)`` has no regret; at (3, 3) firm 2's best
    response is 3/2, worth 9/4 more:

    >>> import numpy as np
    >>> c = np.array([1.0, 4.0])
    >>> def profit(t, Y):
    ...     return (10 - t - Y) * t - c * t
    >>> regret, tol = aggregate_regrets(profit, np.array([4.0, 1.0]), 0.0, 10.0)
    >>> bool(np.all(regret <= tol))
    True
    >>> aggregate_regrets(profit, np.array([3.0, 3.0]), 0.0, 10.0)[0].round(6).tolist()
    [0.0, 2.25]
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    lo = np.broadcast_to(np.asarray(lower, dtype=float), (n,))
    hi = np.broadcast_to(np.asarray(upper, dtype=float), (n,))
    if not (np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))):
        raise ValueError("aggregate_regrets needs finite bounds for every player")
    Y = np.sum(x) - x

    def f(t):
        with np.errstate(all="ignore"):
            v = np.asarray(payoff(t, Y), dtype=float)
        return np.where(np.isnan(v), -np.inf, v)

    s = np.linspace(0.0, 1.0, points)[:, None]
    T = lo + s * (hi - lo)
    V = f(T)
    own = f(x)
    k = np.argmax(V, axis=0)
    best = V[k, np.arange(n)]
    finite = np.where(np.isfinite(V), V, np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        span = np.nanmax(finite, axis=0) - np.nanmin(finite, axis=0)
    span = np.where(np.isfinite(span) & (span > 0), span, np.maximum(np.abs(own), 1.0))
    a = T[np.maximum(k - 1, 0), np.arange(n)]
    b = T[np.minimum(k + 1, points - 1), np.arange(n)]
    ratio = (math.sqrt(5) - 1) / 2
    c = b - ratio * (b - a)
    d = a + ratio * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(iterations):
        left = fc >= fd
        b = np.where(left, d, b)
        a = np.where(left, a, c)
        c_new = b - ratio * (b - a)
        d_new = a + ratio * (b - a)
        fc_new = f(c_new)
        fd_new = f(d_new)
        c, d = c_new, d_new
        fc, fd = fc_new, fd_new
    best = np.maximum(best, np.maximum(fc, fd))
    regret = np.where(np.isfinite(own), np.maximum(best - own, 0.0), np.inf)
    return regret, rtol * span


@dataclass(frozen=True, eq=False)
class ReplacementFunction:
    """Cornes-Hartley replacement function derived from a symbolic payoff.

    Attributes
    ----------
    interior : sympy.Expr
        Solution of :math:`\\partial_x u + \\partial_X u = 0` for the own strategy, in the
        aggregate and parameters.
    expr : sympy.Expr
        ``interior`` clipped to the bounds (``Min``/``Max``).
    decreasing : bool or None
        ``True`` when :math:`d\\,\\text{interior}/dX \\le 0` is proven.
    concave : bool or None
        ``True`` when :math:`u(x, x + Y)` is proven concave in ``x``.

    Examples
    --------
    Built by :func:`replacement_function`. Cournot firms facing inverse demand ``10 - Q``
    with unit cost ``c``: ``r(Q) = max(0, 10 - c - Q)``:

    >>> import numpy as np, sympy as sp
    >>> q, Q, c = sp.symbols("q Q c", positive=True)
    >>> rep = replacement_function((10 - Q) * q - c * q, q, Q, 0, None, player_symbols=(c,))
    >>> rep.expr, rep.decreasing, rep.concave
    (Max(0, -Q - c + 10), True, True)
    >>> rep.function(c=np.array([1.0, 4.0]))(5.0)          # both firms at X = 5
    array([4., 1.])
    """

    own: sp.Symbol
    aggregate: sp.Symbol
    interior: sp.Expr
    expr: sp.Expr
    lower: sp.Expr
    upper: sp.Expr
    payoff: sp.Expr
    player_symbols: tuple[sp.Symbol, ...]
    decreasing: bool | None
    concave: bool | None

    def function(self, **arrays: Any) -> Callable[[float], np.ndarray]:
        """Numeric ``r(X)`` for all players at once; keyword arrays give each player's
        values of ``player_symbols`` (by name)."""
        names = [s.name for s in self.player_symbols]
        missing = [nm for nm in names if nm not in arrays]
        if missing:
            raise ValueError(f"missing player arrays for {missing}")
        vals = list(np.broadcast_arrays(*[np.asarray(arrays[nm], dtype=float) for nm in names]))
        for nm, v in zip(names, vals, strict=True):
            if not np.all(np.isfinite(v)):
                raise ValueError(f"player values for {nm!r} must be finite")
        args = [self.aggregate, *self.player_symbols]
        inner = sp.lambdify(args, self.interior, modules="numpy")
        lo_f = sp.lambdify(args[1:], self.lower, modules="numpy")
        hi_f = sp.lambdify(args[1:], self.upper, modules="numpy")
        shape = vals[0].shape if vals else ()
        lo = np.broadcast_to(np.asarray(lo_f(*vals), dtype=float), shape)
        hi = np.broadcast_to(np.asarray(hi_f(*vals), dtype=float), shape)

        def r(X: float) -> np.ndarray:
            with np.errstate(all="ignore"):
                v = np.broadcast_to(np.asarray(inner(X, *vals), dtype=float), shape)
            return np.clip(np.where(np.isnan(v), lo, v), lo, hi)

        r.lower, r.upper = lo, hi  # type: ignore[attr-defined]
        return r

    def payoff_function(self, **arrays: Any) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        """Numeric ``u(t, Y)`` (own strategy, others' sum) for all players at once."""
        names = [s.name for s in self.player_symbols]
        vals = [np.asarray(arrays[nm], dtype=float) for nm in names]
        Ys = sp.Dummy("Y")
        u = self.payoff.xreplace({self.aggregate: self.own + Ys})
        f = sp.lambdify([self.own, Ys, *self.player_symbols], u, modules="numpy")
        return lambda t, Y: f(t, Y, *vals)


def replacement_function(
    payoff: sp.Expr,
    own: sp.Symbol,
    aggregate: sp.Symbol,
    lower: Any,
    upper: Any,
    *,
    player_symbols: Sequence[sp.Symbol] = (),
    common: Mapping[sp.Symbol, Any] | None = None,
) -> ReplacementFunction:
    """Derive the replacement function of a symbolic aggregative payoff ``u(own, aggregate)``.

    Parameters
    ----------
    payoff : sympy.Expr
        Payoff in the own strategy and the aggregate (own strategy included).
    own, aggregate : sympy.Symbol
    lower, upper : number or sympy.Expr
        Bounds of the own strategy (may use ``player_symbols``; ``None`` for unbounded).
    player_symbols : sequence of sympy.Symbol
        Symbols whose values differ across players (incomes, ...).
    common : mapping, optional
        Values of parameters shared by all players.

    Returns
    -------
    ReplacementFunction
        The interior solution, its clipped form ``expr``, and whether monotonicity
        (``decreasing``) and concavity were proven; ``.function(**arrays)`` gives the
        numeric ``r(X)`` for :func:`aggregative_equilibrium`.

    Raises
    ------
    ValueError
        If the first-order condition has no unique closed-form solution.

    Examples
    --------
    Cournot duopoly, inverse demand ``10 - Q``, unit costs (1, 4): the equilibrium is
    ``q_i = (10 - 2 c_i + c_j)/3``, i.e. (4, 1), with ``Q = 5``:

    >>> import numpy as np, sympy as sp
    >>> q, Q, c = sp.symbols("q Q c", positive=True)
    >>> rep = replacement_function((10 - Q) * q - c * q, q, Q, 0, None, player_symbols=(c,))
    >>> rep.interior
    -Q - c + 10
    >>> eq = aggregative_equilibrium(rep.function(c=np.array([1.0, 4.0])), (0.0, 20.0),
    ...                              decreasing=rep.decreasing)
    >>> float(eq.aggregate), eq.strategies.tolist()
    (5.0, [4.0, 1.0])
    """
    common = {k: sp.sympify(v) for k, v in (common or {}).items()}
    u = sp.sympify(payoff).xreplace(common)
    lo = (-sp.oo if lower is None else sp.sympify(lower)).xreplace(common)
    hi = (sp.oo if upper is None else sp.sympify(upper)).xreplace(common)
    free = u.free_symbols - {own, aggregate} - set(player_symbols)
    if free:
        raise ValueError(
            "unbound symbol(s) "
            + ", ".join(sorted(s.name for s in free))
            + ": pass them in common= or player_symbols="
        )
    foc = sp.diff(u, own) + sp.diff(u, aggregate)
    try:
        sols = sp.solve(foc, own)
    except NotImplementedError as err:
        raise ValueError(f"no closed-form replacement function: {err}") from err
    sols = [s for s in sols if s.is_real is not False]
    if len(sols) != 1:
        raise ValueError(f"first-order condition has {len(sols)} solutions; expected one")
    interior = sp.simplify(sols[0])
    clipped = interior
    if hi != sp.oo:
        clipped = sp.Min(clipped, hi)
    if lo != -sp.oo:
        clipped = sp.Max(clipped, lo)
    assume = {s: sp.Dummy(s.name, positive=True) for s in (aggregate, *player_symbols)}
    slope = sp.diff(interior, aggregate).xreplace(assume)
    decreasing = True if (slope.is_nonpositive or nonpositive_where_defined(slope)[0]) else None
    Ys = sp.Dummy("Y", nonnegative=True)
    own_d = (
        symbol_with_domain(own, lo, hi)
        if not (lo.free_symbols or hi.free_symbols)
        else sp.Dummy(own.name, real=True)
    )
    d2 = sp.diff(u.xreplace({aggregate: own + Ys}), own, 2).xreplace(
        {own: own_d, **{s: assume[s] for s in player_symbols}}
    )
    concave = True if (d2.is_nonpositive or nonpositive_where_defined(d2)[0]) else None
    return ReplacementFunction(
        own, aggregate, interior, clipped, lo, hi, u, tuple(player_symbols), decreasing, concave
    )


@dataclass(frozen=True, eq=False)
class SymmetricEquilibrium(EquilibriumResult):
    """Symmetric equilibrium of a game with a symbolic number of identical players.

    Attributes
    ----------
    interior : tuple of sympy.Expr
        Solutions of the symmetric first-order condition
        :math:`\\partial_x u(x, (n-1)x) = 0` in ``n`` and the parameters.
    expr : sympy.Expr
        ``Piecewise``: the lower bound where the marginal payoff there (everyone at the
        lower bound) is non-positive, the upper bound where it is non-negative at the upper
        bound, the interior solution otherwise.
    aggregate : sympy.Expr
        ``n * expr``.
    concavity : str
    concave : bool or None
    notes : tuple of str

    Examples
    --------
    Returned by :func:`symmetric_equilibrium`; n-firm Cournot with inverse demand
    ``a - Q`` and unit cost ``c``: ``q = (a - c)/(n + 1)``, or 0 when ``a <= c``:

    >>> import sympy as sp
    >>> q, S, n, a, c = sp.symbols("q S n a c", positive=True)
    >>> eq = symmetric_equilibrium((a - c - q - S) * q, q, S, n)
    >>> eq.expr
    Piecewise((0, a <= c), ((a - c)/(n + 1), True))
    >>> eq.concave, eq.lower_condition
    (True, a <= c)
    """

    n: sp.Symbol
    interior: tuple[sp.Expr, ...]
    expr: sp.Expr
    aggregate: sp.Expr
    lower_condition: sp.Basic
    upper_condition: sp.Basic
    concavity: str
    concave: bool | None
    notes: tuple[str, ...] = ()

    exact = True  # closed forms
    method = "symmetric_equilibrium"
    regret = None  # a closed form: verified by the concavity proof
    tolerance = None
    payoffs = None

    @property
    def strategies(self) -> dict[str, sp.Expr]:
        """Every player's strategy (the same closed form)."""
        return {"each player": self.expr}

    @property
    def verified(self) -> bool:
        """The first-order conditions are sufficient: concavity is proven."""
        return self.concave is True

    def strategies_by_player(self) -> dict[str, Any]:
        return self.strategies

    def payoffs_by_player(self) -> None:
        return None

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form (the closed forms as strings, or sympy with ``numbers="sympy"``)."""
        if numbers not in NUMBER_FORMS:
            raise ValueError(f"numbers must be one of {NUMBER_FORMS}, got {numbers!r}")
        form = "sympy" if numbers == "sympy" else "str"
        return {
            "strategies": {"each player": convert(self.expr, form)},
            "aggregate": convert(self.aggregate, form),
            "interior": [convert(e, form) for e in self.interior],
            "exact": True,
            "verified": self.verified,
            "method": self.method,
            "concavity": self.concavity,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        return f"SymmetricEquilibrium(x = {self.expr}; {self.concavity})"


def symmetric_equilibrium(
    payoff: sp.Expr,
    own: sp.Symbol,
    others: sp.Symbol,
    n: sp.Symbol,
    lower: Any = 0,
    upper: Any = None,
    domains: Mapping[sp.Symbol, sp.Set] | None = None,
) -> SymmetricEquilibrium:
    """Closed-form symmetric equilibrium for ``n`` identical players (``n`` symbolic).

    Parameters
    ----------
    payoff : sympy.Expr
        A player's payoff in its own strategy ``own`` and the sum of the others'
        strategies ``others``.
    own, others, n : sympy.Symbol
    lower, upper : number or sympy.Expr
        Bounds of each player's strategy (``None``: unbounded).
    domains : mapping, optional
        ``{parameter: sympy.Interval}`` used to prove concavity (e.g. ``a`` in (0, 1));
        other symbols are taken positive for that proof.

    Returns
    -------
    SymmetricEquilibrium
        Interior solutions, the ``Piecewise`` strategy with its corner conditions, the
        aggregate and the concavity proof.

    Raises
    ------
    ValueError
        If the symmetric first-order condition has no closed-form solution.

    Examples
    --------
    n-firm Cournot, inverse demand ``a - Q``, unit cost ``c``:

    >>> import sympy as sp
    >>> q, S, n, a, c = sp.symbols("q S n a c", positive=True)
    >>> eq = symmetric_equilibrium((a - c - q - S) * q, q, S, n)
    >>> eq.interior
    ((a - c)/(n + 1),)
    """
    u = sp.sympify(payoff)
    lo = -sp.oo if lower is None else sp.sympify(lower)
    hi = sp.oo if upper is None else sp.sympify(upper)
    foc = sp.diff(u, own).xreplace({others: (n - 1) * own})
    try:
        sols = sp.solve(foc, own)
    except NotImplementedError as err:
        raise ValueError(f"no closed-form symmetric solution: {err}") from err
    sols = tuple(sp.factor(s) for s in sols if s.is_real is not False)
    notes: list[str] = []
    d2 = sp.diff(u, own, 2)
    pos = {s: sp.Dummy(s.name, positive=True) for s in d2.free_symbols}
    for s, dom in (domains or {}).items():
        sub = domain_substitution(s, dom)
        if sub is not None and s in pos:
            pos[s] = sub
    if lo.is_finite and not lo.free_symbols and own in pos:
        pos[own] = lo + pos[own] if hi == sp.oo else pos[own]
    d2p = d2.xreplace(pos)
    if d2p.is_negative or nonpositive_where_defined(d2p)[1]:
        concavity, concave = "strictly concave in own strategy (proven, positive symbols)", True
    elif d2p.is_nonpositive or nonpositive_where_defined(d2p)[0]:
        concavity, concave = "concave in own strategy (proven, positive symbols)", True
    else:
        concavity, concave = "concavity not proven", None
    g_lo = sp.diff(u, own).xreplace({others: (n - 1) * lo, own: lo}) if lo.is_finite else None
    g_hi = sp.diff(u, own).xreplace({others: (n - 1) * hi, own: hi}) if hi.is_finite else None
    cond_lo = sp.false if g_lo is None or g_lo.has(sp.zoo, sp.nan) else sp.simplify(g_lo <= 0)
    cond_hi = sp.false if g_hi is None or g_hi.has(sp.zoo, sp.nan) else sp.simplify(g_hi >= 0)
    if len(sols) != 1:
        notes.append(f"{len(sols)} interior solutions: expr shows the first")
    if not sols:
        raise ValueError("the symmetric first-order condition has no solution")
    pieces = []
    if cond_lo != sp.false:
        pieces.append((lo, cond_lo))
    if cond_hi != sp.false:
        pieces.append((hi, cond_hi))
    pieces.append((sols[0], True))
    expr = sp.Piecewise(*pieces) if len(pieces) > 1 else sols[0]
    return SymmetricEquilibrium(
        n,
        sols,
        expr,
        sp.factor(n * sols[0]) if len(pieces) == 1 else n * expr,
        cond_lo,
        cond_hi,
        concavity,
        concave,
        tuple(notes),
    )
