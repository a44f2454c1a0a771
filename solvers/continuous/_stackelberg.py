r"""Leadership: one leader commits first, the followers best-respond (Stackelberg).

The leader :math:`L` picks :math:`x_L`; the followers then play a Nash equilibrium
:math:`R(x_L)` of the game that remains. A subgame-perfect equilibrium has the leader
maximize :math:`V(x_L) = u_L(x_L, R(x_L))` over its interval.

* **Exact** when every follower's best response is a closed-form ``Piecewise`` in
  :math:`x_L` alone (for example one follower): :math:`V` is split at the breakpoints of
  the pieces and maximized exactly on each (critical points and ends).
* **Numeric** otherwise: :math:`R(x_L)` is computed numerically (global best response
  for one follower, verified equilibrium of the followers' game for several) on a grid,
  and the best grid cells are refined.
* **Verified as subgame perfect**, independently: (i) at :math:`x_L^*` the followers'
  strategies have zero regret in their game (exact or to a scale-aware tolerance);
  (ii) no leader commitment on a grid over its interval, with followers' responses
  recomputed numerically, beats :math:`V(x_L^*)` by more than the tolerance.

Examples
--------
Stackelberg duopoly, inverse demand :math:`12 - Q`, no costs (leader 6, follower 3):

>>> import sympy as sp
>>> from solvers.continuous import ContinuousProblem
>>> q1, q2 = sp.symbols("q1 q2")
>>> p = ContinuousProblem((q1, q2), ((12 - q1 - q2) * q1, (12 - q1 - q2) * q2),
...                       ((0, None), (0, None)), players=("Leader", "Follower"))
>>> eq = stackelberg(p, 0)
>>> eq.strategies, eq.exact, eq.subgame_perfect
({'Leader': 6, 'Follower': 3}, True, True)
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.optimize as so
import sympy as sp

from solvers._numbers import convert, fmt, sign
from solvers.continuous._best_response import best_response
from solvers.continuous._equilibria import equilibria
from solvers.continuous._maximize import exact_max_on_interval, maximize_1d
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._verify import verify_profile
from solvers.result import EquilibriumResult
from solvers.verify import DEFAULT_RTOL

__all__ = ["StackelbergEquilibrium", "stackelberg"]


@dataclass(frozen=True, eq=False)
class StackelbergEquilibrium(EquilibriumResult):
    """A subgame-perfect equilibrium with one leader.

    Attributes
    ----------
    leader : str
    strategies, payoffs : dict
        Player name to value on the equilibrium path.
    exact : bool
    response : dict or None
        Follower name to its closed-form response to the leader (``Piecewise``), when
        available.
    leader_regret : float or sympy number
        Best gain from another commitment (found on a grid, independently).
    follower_regrets : dict
        Followers' regrets at the leader's commitment.
    tolerance : dict or None
        Scale-aware tolerances used for float checks.
    subgame_perfect : bool
        Both checks passed.
    method : str
    notes : tuple of str

    Examples
    --------
    Returned by :func:`stackelberg`. Stackelberg duopoly, inverse demand ``12 - Q``, no
    costs: the leader earns 18 against 16 in the Cournot equilibrium (4, 4):

    >>> import sympy as sp
    >>> from solvers.continuous import ContinuousProblem
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> p = ContinuousProblem((q1, q2), ((12 - q1 - q2) * q1, (12 - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), players=("Leader", "Follower"))
    >>> eq = stackelberg(p, 0)
    >>> eq.payoffs, eq.leader_regret, eq.follower_regrets
    ({'Leader': 18, 'Follower': 9}, 0, {'Follower': 0})
    >>> eq.to_dict()["response"]
    {'Follower': 'Piecewise((0, q1 >= 12), (6 - q1/2, True))'}
    """

    leader: str
    strategies: dict[str, Any]
    payoffs: dict[str, Any]
    exact: bool
    response: dict[str, sp.Expr] | None
    leader_regret: Any
    follower_regrets: dict[str, Any]
    tolerance: dict[str, float] | None
    subgame_perfect: bool
    method: str
    notes: tuple[str, ...] = field(default=())

    @property
    def regret(self) -> Any:
        """The largest of the leader's and the followers' regrets."""
        regrets = [self.leader_regret, *self.follower_regrets.values()]
        if self.exact:
            return max(regrets, key=lambda r: sp.sympify(r))
        return max(float(r) for r in regrets)

    @property
    def verified(self) -> bool:
        """Both subgame-perfection checks passed."""
        return self.subgame_perfect

    def strategies_by_player(self) -> dict[str, Any]:
        """Player name to strategy on the equilibrium path."""
        return dict(self.strategies)

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to payoff on the equilibrium path."""
        return dict(self.payoffs)

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form; ``numbers`` as in :meth:`solvers.result.Equilibrium.to_dict`."""
        c = convert
        return {
            "leader": self.leader,
            "strategies": {k: c(v, numbers) for k, v in self.strategies.items()},
            "payoffs": {k: c(v, numbers) for k, v in self.payoffs.items()},
            "exact": self.exact,
            "verified": self.verified,
            "regret": c(self.regret, numbers),
            "response": None
            if self.response is None
            else {k: str(v) for k, v in self.response.items()},
            "leader_regret": c(self.leader_regret, numbers),
            "follower_regrets": {k: c(v, numbers) for k, v in self.follower_regrets.items()},
            "tolerance": self.tolerance,
            "subgame_perfect": self.subgame_perfect,
            "method": self.method,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        s = ", ".join(f"{k}={fmt(v)}" for k, v in self.strategies.items())
        p = ", ".join(f"{k}={fmt(v)}" for k, v in self.payoffs.items())
        spe = "subgame perfect (verified)" if self.subgame_perfect else "NOT verified"
        kind = "exact" if self.exact else f"leader regret={fmt(self.leader_regret)}"
        return (
            f"StackelbergEquilibrium(leader {self.leader}: {s} | payoffs: {p} | {kind} | "
            f"{spe} | {self.method})"
        )


def _subgame(prob: ContinuousProblem, leader: int, xl: Any) -> ContinuousProblem:
    s = prob.strategies[leader]
    idx = [j for j in range(prob.n) if j != leader]
    return ContinuousProblem(
        tuple(prob.strategies[j] for j in idx),
        tuple(prob.payoffs[j].xreplace({s: xl}) for j in idx),
        tuple(prob.bounds[j] for j in idx),
        players=tuple(prob.players[j] for j in idx),
    )


class _Responder:
    """Followers' numeric response to a commitment, with payoffs lambdified once."""

    def __init__(self, prob: ContinuousProblem, leader: int) -> None:
        self.prob, self.leader = prob, leader
        args = list(prob.strategies)
        self.pay = [sp.lambdify(args, u, modules="numpy") for u in prob.payoffs]
        self.followers = [j for j in range(prob.n) if j != leader]
        grads = prob.gradient()
        if prob.n == 2:
            j = 1 - leader
            self.fgrad = sp.lambdify(args, grads[j], modules="numpy")
        if prob.n > 2:
            self.grad = sp.lambdify(args, [grads[j] for j in self.followers], modules="numpy")
            self.lo = np.array([float(prob.bounds[j][0]) for j in self.followers])
            self.hi = np.array([float(prob.bounds[j][1]) for j in self.followers])
            self.warm = np.where(np.isfinite(self.lo), self.lo, 0.0)

    def payoff(self, i: int, profile) -> float:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = complex(np.asarray(self.pay[i](*[float(x) for x in profile])).item())
        if abs(v.imag) > 1e-12 * max(1.0, abs(v.real)) or math.isnan(v.real):
            return -math.inf
        return v.real

    def respond(self, xl: float) -> list[float] | None:
        prob, leader = self.prob, self.leader
        if prob.n == 2:
            j = 1 - leader
            f_pay = self.pay[j]

            def f(t):
                args = [xl, t] if leader == 0 else [t, xl]
                return np.real_if_close(f_pay(*args))

            lo, hi = prob.bounds[j]
            x, v, _ = maximize_1d(f, float(lo), float(hi), points=151)
            if not math.isfinite(v):
                return None
            return [self._polish(xl, x, float(lo), float(hi))]
        return self._followers_equilibrium(xl)

    def _polish(self, xl: float, x: float, lo: float, hi: float) -> float:
        """Refine an interior maximizer to full precision by bracketing the FOC root."""

        def g(t):
            args = [xl, t] if self.leader == 0 else [t, xl]
            with np.errstate(all="ignore"):
                return float(np.real(self.fgrad(*args)))

        h = 1e-6 * max(1.0, abs(x))
        a, b = max(lo, x - h), min(hi, x + h)
        try:
            ga, gb = g(a), g(b)
        except (TypeError, ValueError):
            return x
        if not (math.isfinite(ga) and math.isfinite(gb)) or ga * gb > 0 or ga < gb:
            return x
        if ga == 0.0:
            return a
        if gb == 0.0:
            return b
        return float(so.brentq(g, a, b, xtol=1e-15, rtol=4 * np.finfo(float).eps))

    def _followers_equilibrium(self, xl: float) -> list[float] | None:
        lo, hi = self.lo, self.hi

        def natural(y):
            full = _merge(self.prob, self.leader, xl, list(y))
            with np.errstate(all="ignore"):
                g = np.asarray(self.grad(*full), dtype=float).ravel()
            g = np.where(np.isfinite(g), g, 0.0)
            return y - np.clip(y + g, lo, hi)

        for start in (self.warm, np.where(np.isfinite(lo), lo, 0.0) + 1.0):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = so.root(natural, start, method="hybr")
            if np.all(np.isfinite(res.x)) and np.max(np.abs(natural(res.x))) < 1e-10 * max(
                1.0, float(np.max(np.abs(res.x)))
            ):
                self.warm = res.x
                return [float(v) for v in res.x]
        sub = _subgame(self.prob, self.leader, sp.Float(xl, 17))
        eqs = equilibria(sub, method="numeric", starts=4)
        if not eqs:
            return None
        return [float(v) for v in eqs[0].profile]

    def value(self, xl: float) -> float:
        r = self.respond(xl)
        if r is None:
            return -math.inf
        return self.payoff(self.leader, _merge(self.prob, self.leader, xl, r))


def _merge(prob, leader, xl, followers):
    out = list(followers)
    out.insert(leader, xl)
    return out


def _payoffs(prob: ContinuousProblem, profile, exact: bool):
    rep = dict(zip(prob.strategies, profile, strict=True))
    if exact:
        return [sp.simplify(u.xreplace(rep)) for u in prob.payoffs]
    responder = _Responder(prob, 0)
    return [responder.payoff(i, [float(v) for v in profile]) for i in range(prob.n)]


def _exact_leader(prob: ContinuousProblem, leader: int):
    """Closed-form followers' responses and exact leader optimum, or None."""
    sL = prob.strategies[leader]
    responses = {}
    for j in range(prob.n):
        if j == leader:
            continue
        br = best_response(prob, j)
        if br.expr is None or br.concave is not True:
            return None
        if br.expr.free_symbols - {sL}:
            return None  # depends on other followers: not handled exactly
        responses[j] = br.expr
    t = sp.Dummy("t", real=True)
    rep = {prob.strategies[j]: e.xreplace({sL: t}) for j, e in responses.items()}
    V = prob.payoffs[leader].xreplace(rep).xreplace({sL: t})
    V = sp.piecewise_fold(V)
    lo, hi = prob.bounds[leader]
    # breakpoints of the pieces
    points = set()
    for e in responses.values():
        for _, cond in e.xreplace({sL: t}).args:
            if cond in (sp.true, True):
                continue
            rels = cond.atoms(sp.core.relational.Relational) or {cond}
            for rel in rels:
                try:
                    sols = sp.solve(sp.Eq(rel.lhs, rel.rhs), t)
                except NotImplementedError:
                    return None
                for r in sols:
                    if r.is_real and _le_strict(lo, r) and _le_strict(r, hi):
                        points.add(r)
    cuts = sorted(points, key=lambda r: float(r))
    edges = [lo, *cuts, hi]
    best = None
    for a, b in itertools.pairwise(edges):
        if a.is_finite and b.is_finite:
            mid = (a + b) / 2
        elif a.is_finite:
            mid = a + 1
        elif b.is_finite:
            mid = b - 1
        else:
            mid = sp.Integer(0)
        piece = _select_piece(V, t, mid)
        if piece is None:
            return None
        found = exact_max_on_interval(piece, t, a, b)
        if found is None:
            return None
        if best is None or sign(found[1] - best[1]) == 1:
            best = found
    if best is None or not best[0].is_finite:
        return None
    xl = best[0]
    followers = [sp.simplify(responses[j].xreplace({sL: xl})) for j in sorted(responses)]
    return xl, followers, {prob.players[j]: responses[j] for j in sorted(responses)}


def _le_strict(a, b) -> bool:
    if a == -sp.oo or b == sp.oo:
        return True
    s = sign(b - a)
    return s is not None and s > 0


def _select_piece(V: sp.Expr, t: sp.Symbol, mid: sp.Expr):
    """The branch of a (folded) Piecewise active at ``t = mid``."""
    if not V.has(sp.Piecewise):
        return V
    if isinstance(V, sp.Piecewise):
        for expr, cond in V.args:
            c = cond.xreplace({t: mid}) if cond not in (True, sp.true) else sp.true
            if c == sp.true:
                return _select_piece(expr, t, mid)
            if c != sp.false:
                return None
        return None
    args = [_select_piece(a, t, mid) for a in V.args]
    if any(a is None for a in args):
        return None
    return V.func(*args)


def stackelberg(
    problem: ContinuousProblem,
    leader: int,
    values: Mapping[sp.Symbol, Any] | None = None,
    method: str | None = None,
    *,
    rtol: float = DEFAULT_RTOL,
    grid: int = 101,
) -> StackelbergEquilibrium:
    """Subgame-perfect equilibrium of the game with ``leader`` moving first.

    Parameters
    ----------
    problem : ContinuousProblem
    leader : int
        Index of the leader.
    values : mapping, optional
        Parameter values.
    method : {None, "exact", "numeric"}
    rtol : float
        Relative tolerance of the checks.
    grid : int
        Grid size for the leader's independent check (and numeric search).

    Returns
    -------
    StackelbergEquilibrium
        Strategies and payoffs on the equilibrium path, the followers' closed-form
        responses when available, and the two independent checks.

    Raises
    ------
    ValueError
        Unknown ``method``, a leader index out of range, or ``method="exact"`` when no
        closed form is available.

    Warns
    -----
    RuntimeWarning
        If the solution fails its subgame-perfection checks.

    Examples
    --------
    Stackelberg duopoly with inverse demand ``a - Q``: the follower's response is
    ``(a - q1)/2`` and the leader produces ``a/2``, the follower ``a/4``:

    >>> import sympy as sp
    >>> from solvers.continuous import ContinuousProblem
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (a - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), parameters=(a,))
    >>> eq = stackelberg(p, 0, {a: 12})
    >>> eq.response
    {'player 1': Piecewise((0, q1 >= 12), (6 - q1/2, True))}
    >>> eq.strategies, eq.subgame_perfect
    ({'player 0': 6, 'player 1': 3}, True)
    """
    if method not in (None, "exact", "numeric"):
        raise ValueError(f"method must be None, 'exact' or 'numeric', got {method!r}")
    prob = problem.bind(dict(values or {}))
    prob.require_numeric()
    if not 0 <= leader < prob.n or prob.n < 2:
        raise ValueError(f"leader must be a player index in 0..{prob.n - 1} (n >= 2)")
    notes: list[str] = []
    lo, hi = prob.bounds[leader]
    exact_result = None
    if method in (None, "exact") and prob.is_exact():
        exact_result = _exact_leader(prob, leader)
        if exact_result is None:
            if method == "exact":
                raise ValueError("no closed-form followers' response: use method='numeric'")
            notes.append("followers' responses not closed form in the leader's strategy: numeric")
    elif method == "exact":
        raise ValueError("exact method needs exact numbers (no floats)")
    if exact_result is not None:
        xl, followers, response = exact_result
        exact = True
        used = "exact (closed-form follower responses)"
    else:
        exact, response = False, None
        used = "numeric (followers re-solved for each commitment)"
        xl, followers = _numeric_leader(_Responder(prob, leader), grid)
    profile = _merge(prob, leader, xl, followers)
    # (i) followers best-respond at the commitment
    sub = _subgame(prob, leader, xl)
    f_regrets, f_tols, f_exact = verify_profile(sub, list(followers), rtol=rtol)
    if f_exact:
        followers_ok = all(sign(r) == 0 for r in f_regrets)
    else:
        followers_ok = all(r <= t for r, t in zip(f_regrets, f_tols, strict=True))
    # (ii) no better commitment on an independent grid
    responder = _Responder(prob, leader)
    lo_f, hi_f = _leader_window(lo, hi, float(xl))
    xs = np.linspace(lo_f, hi_f, grid)
    vals = np.array([responder.value(float(x)) for x in xs], dtype=float)
    v_star = responder.payoff(leader, [float(v) for v in profile])
    finite = vals[np.isfinite(vals)]
    scale = float(np.ptp(finite)) if finite.size > 1 else abs(v_star) or 1.0
    scale = max(scale, abs(v_star)) or 1.0
    l_regret = max(0.0, float(np.max(vals)) - v_star) if finite.size else math.inf
    l_tol = max(rtol * scale, 1e-12 * scale)
    leader_ok = l_regret <= max(l_tol, 1e-9 * scale)
    tol = (
        None
        if exact
        else {
            prob.players[leader]: l_tol,
            **dict(zip(sub.players, f_tols or [0.0] * len(sub.players), strict=True)),
        }
    )
    if not (followers_ok and leader_ok):
        notes.append(
            "verification failed: "
            + ("followers not best-responding; " if not followers_ok else "")
            + ("a better commitment exists on the grid" if not leader_ok else "")
        )
        warnings.warn(
            "Stackelberg solution failed verification: " + notes[-1], RuntimeWarning, stacklevel=2
        )
    if not exact and prob.n > 2:
        notes.append(
            "followers' equilibrium selected by numeric search; if their game has "
            "several equilibria the outcome depends on the selection"
        )
    pays = _payoffs(prob, profile, exact)
    return StackelbergEquilibrium(
        leader=prob.players[leader],
        strategies=dict(zip(prob.players, profile, strict=True)),
        payoffs=dict(zip(prob.players, pays, strict=True)),
        exact=exact,
        response=response,
        leader_regret=(sp.Integer(0) if exact and leader_ok else l_regret),
        follower_regrets=dict(zip(sub.players, f_regrets, strict=True)),
        tolerance=tol,
        subgame_perfect=bool(followers_ok and leader_ok),
        method=used,
        notes=tuple(notes),
    )


def _leader_window(lo, hi, center: float) -> tuple[float, float]:
    lo_f = float(lo) if lo.is_finite else None
    hi_f = float(hi) if hi.is_finite else None
    w = 4 * max(1.0, abs(center))
    return (lo_f if lo_f is not None else center - w), (hi_f if hi_f is not None else center + w)


def _numeric_leader(responder: _Responder, grid: int):
    prob, leader = responder.prob, responder.leader
    lo, hi = prob.bounds[leader]
    scale = max([1.0] + [abs(float(b)) for pair in prob.bounds for b in pair if b.is_finite])
    lo_f = float(lo) if lo.is_finite else (float(hi) - 10 * scale if hi.is_finite else -10 * scale)
    hi_f = float(hi) if hi.is_finite else lo_f + 20 * scale
    xs = np.linspace(lo_f, hi_f, grid)
    vals = np.array([responder.value(float(x)) for x in xs])
    if not np.isfinite(vals).any():
        raise RuntimeError("leader's payoff is not finite anywhere on its interval")
    k = int(np.argmax(vals))
    a, b = xs[max(k - 1, 0)], xs[min(k + 1, grid - 1)]
    best_x, best_v = float(xs[k]), float(vals[k])
    if b > a:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = so.minimize_scalar(
                lambda z: -responder.value(z),
                bounds=(a, b),
                method="bounded",
                options={"xatol": 1e-12 * max(1.0, abs(a), abs(b))},
            )
        if np.isfinite(res.fun) and -res.fun >= best_v:
            best_x = float(res.x)
    return best_x, responder.respond(best_x)
