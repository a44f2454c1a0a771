r"""The allies' stay/hedge games and the influence frontiers they generate [O].

A leader (Stackelberg) chooses a burden shift :math:`S \ge 0`, its cost saving. Allies
answer; US influence :math:`I` is the aligned share of the bloc. The frontier
:math:`I(S)` is the allies' *equilibrium response*, derived here with sympy from each game:

* **F1, smooth** (threshold participation, Granovetter 1978): ally *j* hedges only if the
  shift exceeds the tolerance of each of its :math:`k` veto players, tolerances iid
  :math:`U[0,1]`. A veto player's payoff is :math:`u - S` from Stay and 0 from Hedge, so
  :math:`P(\text{hedge}) = P(u < S)^k = S^k` and :math:`I(S) = 1 - S^k` on :math:`[0, 1]`.
* **F2, tipping** (Schelling 1978; Granovetter 1978): the shifted burden is spread over
  the stayers, who carry :math:`S/\pi` each; tolerances have CDF :math:`(t/T)^k` on
  :math:`[0, T]`. Equilibria solve :math:`\pi = 1 - (S/(T\pi))^k`, plus the collapse
  :math:`\pi = 0`. For :math:`k = 1`:
  :math:`\pi_{H,L} = (1 \pm \sqrt{1 - 4S/T})/2`; the fold is at :math:`S^* = T/4`, in general
  :math:`S^* = T\,\tfrac{k}{k+1}\,(k+1)^{-1/k}`. Best-response dynamics
  :math:`\pi \leftarrow \max(0, 1 - (S/(T\pi))^k)` show hysteresis.
* **F3, contribution share** (Bergstrom, Blume & Varian 1986): the ally maximises
  :math:`a\log(w - y) + (1-a)\log(x + y)` against US spending :math:`x = x_0 - S`; influence is
  the US share :math:`x/(x + y)`. Defaults give :math:`I(S) = 2(8 - S)/(16 - S)`.

These games are our own reduced forms [O] (MODELS.md b.2); cite the building blocks,
not the models.

Examples
--------
>>> from games.influence_frontiers import f1_frontier, f2_frontier
>>> f1_frontier(k=2).expr
1 - S**2
>>> f2 = f2_frontier()
>>> f2.fold, f2.equilibria(sp.Rational(9, 100))
(1/4, (9/10, 1/10, 0))
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp
from scipy.optimize import brentq

__all__ = [
    "SELECTIONS",
    "AlliesGame",
    "Frontier",
    "TippingFrontier",
    "as_number",
    "f1_frontier",
    "f2_frontier",
    "f3_frontier",
]

S = sp.Symbol("S", nonnegative=True)
PI = sp.Symbol("pi", nonnegative=True)
SELECTIONS = ("high", "low", "dynamic")
_ZERO, _ONE, _HALF = sp.Integer(0), sp.Integer(1), sp.Rational(1, 2)


def as_number(value: Any, name: str, low=None, high=None, *, low_open: bool = True,
              high_open: bool = True) -> sp.Expr:
    """Validate a parameter and return it as a sympy number (exact for ints/Fractions).

    Floats become ``sympy.Float``; strings, booleans, non-finite values and expressions
    with free symbols are refused with an error naming the parameter.

    Examples
    --------
    >>> from fractions import Fraction
    >>> as_number(Fraction(3, 5), "alpha", 0, 1)
    3/5
    >>> as_number(1.5, "alpha", 0, 1)
    Traceback (most recent call last):
    ...
    ValueError: alpha must lie in (0, 1), got 1.5
    """
    if isinstance(value, bool) or isinstance(value, str) or value is None:
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if isinstance(value, sp.Basic):
        if value.free_symbols:
            raise ValueError(f"{name} has unbound symbols {sorted(map(str, value.free_symbols))}"
                             "; substitute numbers first")
        number = sp.nsimplify(value) if value.is_Rational else value
        if not number.is_real or not number.is_finite:
            raise ValueError(f"{name} must be a finite real number, got {value!r}")
    elif isinstance(value, numbers.Integral):
        number = sp.Integer(int(value))
    elif isinstance(value, numbers.Rational):
        number = sp.Rational(int(value.numerator), int(value.denominator))
    elif isinstance(value, numbers.Real):
        v = float(value)
        if not np.isfinite(v):
            raise ValueError(f"{name} must be finite, got {value!r}")
        number = sp.Float(v)
    else:
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    lo_bad = low is not None and (number <= low if low_open else number < low)
    hi_bad = high is not None and (number >= high if high_open else number > high)
    if lo_bad or hi_bad:
        lo_s = "(" if low_open else "["
        hi_s = ")" if high_open else "]"
        lo_v = "-inf" if low is None else low
        hi_v = "inf" if high is None else high
        raise ValueError(f"{name} must lie in {lo_s}{lo_v}, {hi_v}{hi_s}, got {value!r}")
    return number


def _shift_array(S_values, name: str = "S") -> np.ndarray:
    arr = np.asarray(S_values, dtype=float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0 (a burden shift), got min {arr.min()}")
    return arr


@dataclass(frozen=True)
class AlliesGame:
    """The followers' game that generates a frontier [O].

    Attributes
    ----------
    name : str
        Short description of the game.
    strategies : tuple of str
        The allies' choices.
    stay_payoff : sympy.Expr
        Payoff of the deciding agent from staying aligned (hedging pays 0), or the ally's
        utility for F3.
    condition : sympy.Expr
        Equilibrium condition, ``condition = 0`` (in ``S``, ``pi`` and the parameters).
    derivation : tuple of str
        Steps of the derivation, for the record.
    """

    name: str
    strategies: tuple[str, ...]
    stay_payoff: sp.Expr
    condition: sp.Expr
    derivation: tuple[str, ...]


@dataclass(frozen=True)
class Frontier:
    """An influence frontier I(S): the allies' equilibrium response to a burden shift.

    Attributes
    ----------
    model : str
        ``"F1"``, ``"F2"`` or ``"F3"``.
    parameters : dict
        Parameter name -> sympy number (documented defaults of the builder).
    symbols : dict
        Parameter name -> sympy Symbol used in :attr:`general`.
    general : sympy.Expr
        The aligned (stable) branch in ``S`` and the parameter symbols.
    expr : sympy.Expr
        :attr:`general` with the parameter values substituted.
    domain : tuple
        ``(low, high)``: the shifts on which :attr:`expr` is the stable equilibrium.
    game : AlliesGame
        The allies' game the frontier is derived from.
    S : sympy.Symbol
        The burden-shift symbol.
    """

    model: str
    parameters: dict[str, sp.Expr]
    symbols: dict[str, sp.Symbol]
    general: sp.Expr
    expr: sp.Expr
    domain: tuple[sp.Expr, sp.Expr]
    game: AlliesGame
    S: sp.Symbol = S
    _f: Callable = field(default=None, repr=False, compare=False)
    _df: Callable = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_f", sp.lambdify(self.S, self.expr, "numpy"))
        object.__setattr__(self, "_df", sp.lambdify(self.S, sp.diff(self.expr, self.S), "numpy"))

    @property
    def exact(self) -> bool:
        """True when every parameter is an exact rational."""
        return all(v.is_Rational for v in self.parameters.values())

    @property
    def shift_max(self) -> float:
        """Largest burden shift the figures and the leader consider."""
        return float(self.domain[1])

    def substitutions(self) -> dict[sp.Symbol, sp.Expr]:
        """Parameter symbol -> value, for ``subs`` on :attr:`general`."""
        return {self.symbols[n]: v for n, v in self.parameters.items()}

    def _check(self, S_values) -> np.ndarray:
        arr = _shift_array(S_values)
        hi = float(self.domain[1])
        if np.any(arr > hi * (1 + 1e-12)):
            raise ValueError(f"S must lie in the frontier's domain [0, {self.domain[1]}] "
                             f"for {self.model}, got max {arr.max()}")
        return arr

    def __call__(self, S_values, select: str = "high", start: float = 1.0) -> np.ndarray:
        """Influence at the burden shifts ``S_values`` (numeric, vectorized).

        The F1 and F3 responses are unique, so ``select`` and ``start`` only matter for F2.
        """
        _check_select(select)
        arr = self._check(S_values)
        return np.asarray(np.broadcast_to(self._f(arr), arr.shape), dtype=float)

    def slope(self, S_values) -> np.ndarray:
        """dI/dS on the aligned branch (numeric)."""
        arr = self._check(S_values)
        return np.asarray(np.broadcast_to(self._df(arr), arr.shape), dtype=float)

    def at(self, shift) -> sp.Expr:
        """Exact influence at one shift (sympy), on the aligned branch."""
        s = as_number(shift, "S", 0, self.domain[1], low_open=False, high_open=False)
        return sp.nsimplify(self.expr.subs(self.S, s)) if s.is_Rational else \
            self.expr.subs(self.S, s)

    def implicit(self) -> sp.Expr:
        """The frontier as ``Phi(pi, S; parameters) = 0`` (pi = influence), in symbols."""
        return PI - self.general

    def describe(self) -> str:
        """One line: model, formula and parameters."""
        pars = ", ".join(f"{k} = {v}" for k, v in self.parameters.items())
        return f"{self.model}: I(S) = {sp.sstr(self.expr)} ({pars})"


def _check_select(select: str) -> None:
    if select not in SELECTIONS:
        raise ValueError(f"select must be one of {SELECTIONS}, got {select!r}")


@functools.cache
def _f1_derivation() -> tuple[sp.Expr, sp.Symbol, AlliesGame]:
    """The parameter-free part of F1 (derived once, in symbols)."""
    u, ks = sp.symbols("u k", positive=True)
    stay = u - S
    # a veto player prefers Hedge iff stay < 0 iff u < S; P(u < S) for u ~ U[0, 1]:
    p_one = sp.integrate(sp.Integer(1), (u, 0, S))
    p_hedge = p_one**ks  # k independent veto players must all prefer Hedge
    general = sp.simplify(1 - p_hedge)
    game = AlliesGame(
        name="F1: each ally hedges only if all k veto players prefer Hedge",
        strategies=("Stay", "Hedge"),
        stay_payoff=stay,
        condition=PI - general,
        derivation=(f"veto player: Stay pays {stay}, Hedge pays 0",
                    f"P(veto player prefers Hedge) = P(u < S) = {p_one}",
                    f"P(ally hedges) = {p_hedge}", f"I(S) = {general}"),
    )
    return general, ks, game


def f1_frontier(k=2) -> Frontier:
    """F1, the smooth frontier from k veto players with U[0,1] tolerances [O].

    A veto player with tolerance ``u`` gets ``u - S`` from Stay and 0 from Hedge; the
    ally hedges only if all its ``k`` veto players prefer to (threshold participation,
    Granovetter 1978), so ``P(hedge) = S**k`` and ``I(S) = 1 - S**k`` on ``[0, 1]``.

    Parameters
    ----------
    k : positive number, default 2
        Hedging inertia: the number of veto players (non-integer values interpolate,
        tolerance CDF ``S**k``). The frontier is concave for ``k > 1``.

    Returns
    -------
    Frontier

    Examples
    --------
    >>> f = f1_frontier(k=2)
    >>> f.expr, f.domain, f.at(sp.Rational(1, 5))
    (1 - S**2, (0, 1), 24/25)
    """
    k = as_number(k, "k", 0, None)
    general, ks, game = _f1_derivation()
    return Frontier("F1", {"k": k}, {"k": ks}, general, general.subs(ks, k),
                    (sp.Integer(0), sp.Integer(1)), game)


@dataclass(frozen=True)
class TippingFrontier(Frontier):
    """F2: the tipping frontier with all its branches, fold, selection and hysteresis [O].

    Extra attributes
    ----------------
    low_general, low_expr : sympy.Expr or None
        The unstable tipping branch pi_L (closed form for ``k = 1``, else ``None``).
    fold : sympy.Expr
        The fold (saddle-node) shift S*, where pi_H = pi_L = k/(k+1).
    shift_limit : sympy.Expr
        Largest shift considered (default 1).
    """

    low_general: sp.Expr | None = None
    low_expr: sp.Expr | None = None
    fold: sp.Expr = _ZERO
    fold_general: sp.Expr = _ZERO
    shift_limit: sp.Expr = _ONE

    def __post_init__(self):
        if self.expr is not None:
            super().__post_init__()

    @property
    def shift_max(self) -> float:
        return float(self.shift_limit)

    @property
    def T(self) -> float:
        return float(self.parameters["T"])

    @property
    def k(self) -> float:
        return float(self.parameters["k"])

    @property
    def fold_share(self) -> sp.Expr:
        """Aligned share at the fold, k/(k+1)."""
        k = self.parameters["k"]
        return k / (k + 1)

    def best_response(self, pi, shift) -> np.ndarray:
        """One round of best responses: ``max(0, 1 - (S/(T*pi))**k)`` (0 when pi = 0, S > 0)."""
        pi = np.asarray(pi, dtype=float)
        s = float(shift)
        if s == 0:
            return np.ones_like(pi)
        # a tiny (even subnormal) share overflows the ratio to inf: clipped to 1 below
        with np.errstate(divide="ignore", over="ignore"):
            ratio = np.where(pi > 0, s / (self.T * np.where(pi > 0, pi, 1.0)), np.inf)
        return np.maximum(0.0, 1.0 - np.minimum(ratio, 1.0) ** self.k)

    def _branches(self, s: float) -> tuple[float, float] | None:
        """Numeric (pi_H, pi_L) at shift s, or None beyond the fold."""
        fold = float(self.fold)
        if s > fold:
            return None
        if s == 0:
            return 1.0, 0.0
        m = float(self.fold_share)
        if s == fold:
            return m, m

        def g(p):
            return p - 1.0 + (s / (self.T * p)) ** self.k

        hi = brentq(g, m, 1.0, xtol=1e-15, rtol=1e-15)
        lo = brentq(g, s / self.T, m, xtol=1e-15, rtol=1e-15)
        return hi, lo

    def equilibria(self, shift) -> tuple:
        """All equilibria at ``shift``: ``(pi_H, pi_L, 0)`` up to the fold, ``(0,)`` beyond.

        Exact (sympy) for ``k = 1`` and exact parameters; floats otherwise. At ``S = 0``
        the burden is zero and the only equilibrium is full alignment ``(1,)``.
        """
        s = as_number(shift, "S", 0, None, low_open=False)
        if s == 0:
            return (sp.Integer(1),)
        if s > self.fold:
            return (sp.Integer(0),)
        if self.low_expr is not None and s.is_Rational and self.exact:
            hi = sp.radsimp(self.expr.subs(self.S, s))
            lo = sp.radsimp(self.low_expr.subs(self.S, s))
            return (hi, lo, sp.Integer(0)) if hi != lo else (hi, sp.Integer(0))
        hi, lo = self._branches(float(s))
        return (hi, lo, 0.0) if hi != lo else (hi, 0.0)

    def tipping_threshold(self, shift) -> float:
        """pi_L(S): the critical mass that must re-join together to restore alignment."""
        s = float(as_number(shift, "S", 0, None, low_open=False))
        fold = float(self.fold)
        if s > fold * (1 + 1e-12):
            raise ValueError(f"S must lie in [0, {self.fold}] (the fold), got {shift!r}")
        return self._branches(min(s, fold))[1]

    def stable(self, pi, shift) -> bool:
        """Local stability of an equilibrium under best-response dynamics (|g'| < 1)."""
        pi, s = float(pi), float(shift)
        if pi == 0.0:
            return s > 0
        slope = self.k * (s / (self.T * pi)) ** self.k / pi  # g'(pi)
        return bool(slope < 1.0 - 1e-12)

    def iterate(self, shift, start: float = 1.0, *, tol: float = 1e-13,
                max_iter: int = 100_000) -> np.ndarray:
        """Best-response path ``pi_{t+1} = max(0, 1 - (S/(T*pi_t))**k)`` from ``start``.

        Returns the whole path (the last entry is the limit). Raises ``RuntimeError`` if
        it has not converged within ``max_iter`` steps (near the fold it is slow).
        """
        start = float(as_number(start, "start", 0, 1, low_open=False, high_open=False))
        s = float(_shift_array(shift))
        path = [start]
        for _ in range(max_iter):
            nxt = float(self.best_response(path[-1], s))
            path.append(nxt)
            if abs(nxt - path[-2]) <= tol:
                return np.array(path)
        raise RuntimeError(f"best-response iteration at S = {s} from start = {start} did not "
                           f"converge in {max_iter} steps; raise max_iter")

    def dynamic_limit(self, shift, start: float = 1.0) -> float:
        """Limit of best-response dynamics from ``start`` (the map is increasing in pi).

        An increasing map moves monotonically: down to the largest equilibrium below
        ``start`` if ``g(start) < start``, up to the smallest one above it if
        ``g(start) > start``. Exact identification, no iteration needed.
        """
        start = float(as_number(start, "start", 0, 1, low_open=False, high_open=False))
        s = float(_shift_array(shift))
        if s == 0:
            return 1.0
        b = self._branches(s)
        eqs = [0.0] if b is None else [0.0, b[1], b[0]]
        near = [e for e in eqs if abs(e - start) <= 1e-12]
        if near:  # start is (numerically) an equilibrium: it stays there
            return near[-1]
        g = float(self.best_response(start, s))
        if g < start:
            return max(e for e in eqs if e <= start)
        return min(e for e in eqs if e >= start)

    def __call__(self, S_values, select: str = "high", start: float = 1.0) -> np.ndarray:
        """Selected equilibrium influence at each shift (numeric, vectorized).

        ``select="high"``: the aligned branch pi_H where it exists, else the collapse 0;
        ``"low"``: the lowest equilibrium (collapse, 0 for S > 0); ``"dynamic"``: the limit
        of best-response dynamics from the aligned share ``start``.
        """
        _check_select(select)
        arr = _shift_array(S_values)
        out = np.empty(arr.shape, dtype=float)
        for idx, s in np.ndenumerate(arr):
            if select == "high":
                b = self._branches(float(s))
                out[idx] = 0.0 if b is None else b[0]
            elif select == "low":
                out[idx] = 1.0 if s == 0 else 0.0
            else:
                out[idx] = self.dynamic_limit(float(s), start)
        return out

    def slope(self, S_values) -> np.ndarray:
        """dpi_H/dS on the aligned branch (implicit differentiation)."""
        arr = _shift_array(S_values)
        pi = self(arr)
        k, T = self.k, self.T
        with np.errstate(divide="ignore", invalid="ignore"):
            r = (arr / (T * pi)) ** k
            # G = pi - 1 + (S/(T pi))^k = 0:  dpi/dS = -G_S / G_pi
            return -(k * r / arr) / (1.0 - k * r / pi)

    def at(self, shift) -> sp.Expr:
        """Exact influence at one shift on the ``"high"`` selection (0 beyond the fold)."""
        return self.equilibria(shift)[0]

    def hysteresis(self, path, start: float = 1.0) -> np.ndarray:
        """Aligned share along a path of shifts, each step starting from the last state.

        Raising S past the fold collapses the bloc; cutting S back does not restore it:
        from pi = 0 best responses stay at 0 (hysteresis).
        """
        shifts = _shift_array(path, "path").ravel()
        state = float(start)
        out = []
        for s in shifts:
            state = self.dynamic_limit(float(s), state)
            out.append(state)
        return np.array(out)

    def implicit(self) -> sp.Expr:
        """The equilibrium condition ``pi - 1 + (S/(T*pi))**k = 0`` in symbols."""
        return self.game.condition

    def describe(self) -> str:
        pars = ", ".join(f"{k} = {v}" for k, v in self.parameters.items())
        return (f"F2: pi = 1 - (S/(T*pi))**k, fold S* = {self.fold} ({pars})")


@functools.cache
def _f2_derivation():
    """The parameter-free part of F2 (derived once, in symbols)."""
    Ts, ks = sp.symbols("T k", positive=True)
    t, x = sp.symbols("t x", positive=True)
    stay = t - S / PI
    cdf = sp.integrate(ks * t ** (ks - 1) / Ts**ks, (t, 0, x))  # P(tolerance < x)
    condition = PI - (1 - cdf.subs(x, S / PI))
    # fold: S(pi) = T*pi*(1 - pi)**(1/k) peaks where dS/dpi = 0
    s_of_pi = Ts * PI * (1 - PI) ** (1 / ks)
    m = sp.solve(sp.diff(sp.log(s_of_pi), PI), PI)[0]
    fold_general = sp.simplify(s_of_pi.subs(PI, m))
    roots = sp.solve((condition * PI).subs(ks, 1).expand(), PI)  # k = 1: a quadratic
    roots = tuple(sorted(roots, key=lambda r: float(r.subs({S: sp.Rational(1, 100), Ts: 1}))))
    return Ts, ks, stay, cdf, condition, s_of_pi, m, fold_general, roots


def f2_frontier(T=1, k=1, shift_limit=1) -> TippingFrontier:
    """F2, the tipping frontier with burden spreading, collapse and hysteresis [O].

    Each stayer carries ``S/pi``; an ally with tolerance ``t`` (CDF ``(t/T)**k``) stays iff
    ``t >= S/pi`` (Schelling 1978; Granovetter 1978). Equilibria solve
    ``pi = 1 - (S/(T*pi))**k``; ``pi = 0`` (everyone hedges) is always one for ``S > 0``.

    Parameters
    ----------
    T : positive number, default 1
        Scale of the allies' tolerance (T = B*mu in the trust link).
    k : positive number, default 1
        Shape of the tolerance CDF ``(t/T)**k`` (``k = 1``: uniform, closed-form branches).
    shift_limit : positive number, default 1
        Largest shift shown and considered by the leader.

    Returns
    -------
    TippingFrontier

    Examples
    --------
    >>> f = f2_frontier()
    >>> f.expr
    sqrt(1 - 4*S)/2 + 1/2
    >>> f.fold, f2_frontier(k=2).fold
    (1/4, 2*sqrt(3)/9)
    >>> [float(x) for x in f.iterate(sp.Rational(9, 100), 0.2)[-1:]]
    [0.9]
    """
    T = as_number(T, "T", 0, None)
    k = as_number(k, "k", 0, None)
    limit = as_number(shift_limit, "shift_limit", 0, None)
    Ts, ks, stay, cdf, condition, s_of_pi, m, fold_general, k1_roots = _f2_derivation()
    subs = {Ts: T, ks: k}
    fold = sp.nsimplify(fold_general.subs(subs)) if (T.is_Rational and k.is_Rational) \
        else fold_general.subs(subs)
    derivation = [f"ally: Stay pays {stay}, Hedge pays 0", f"P(t < x) = {cdf}",
                  f"equilibrium: {condition} = 0, or pi = 0",
                  f"fold: max of S(pi) = {s_of_pi} at pi = {m}: S* = {fold_general}"]
    high_g = low_g = high = low = None
    if k == 1:
        low_g, high_g = k1_roots
        high, low = high_g.subs(Ts, T), low_g.subs(Ts, T)
        derivation.append(f"k = 1 roots: pi_H = {high_g}, pi_L = {low_g}")
    game = AlliesGame("F2: burden spread over stayers; stay iff tolerance >= S/pi",
                      ("Stay", "Hedge"), stay, condition, tuple(derivation))
    return TippingFrontier("F2", {"T": T, "k": k}, {"T": Ts, "k": ks}, high_g, high,
                           (sp.Integer(0), fold), game, S, None, None, low_g, low, fold,
                           fold_general, limit)


def f3_frontier(w=8, a=_HALF, x0=None) -> Frontier:
    """F3, influence as the US share of alliance resources (BBV 1986; Varian 1994) [O].

    The ally (income ``w``) maximises ``a*log(w - y) + (1 - a)*log(x + y)`` given US spending
    ``x = x0 - S``; its best response ``y = (1 - a)*w - a*x`` is solved with sympy, and
    influence is the US share ``x/(x + y)``.

    Parameters
    ----------
    w : positive number, default 8
        Ally income.
    a : number in (0, 1), default 1/2
        Ally weight on private consumption.
    x0 : positive number, default ``(1 - a)*w/a``
        US status-quo spending; must not exceed ``(1 - a)*w/a`` (the spending at which the
        ally free rides fully) so the ally's best response stays interior.

    Returns
    -------
    Frontier
        Domain ``[0, x0]``.

    Examples
    --------
    >>> f = f3_frontier()
    >>> sp.factor(f.expr), f.at(4)
    (2*(S - 8)/(S - 16), 2/3)
    """
    w = as_number(w, "w", 0, None)
    a = as_number(a, "a", 0, 1)
    cap = (1 - a) * w / a
    x0 = cap if x0 is None else as_number(x0, "x0", 0, cap, high_open=False)
    ws, as_, x0s = sp.symbols("w a x0", positive=True)
    x, y = sp.symbols("x y", nonnegative=True)
    utility = as_ * sp.log(ws - y) + (1 - as_) * sp.log(x + y)
    y_br = sp.solve(sp.diff(utility, y), y)[0]
    share = sp.simplify((x / (x + y_br)).subs(x, x0s - S))
    game = AlliesGame("F3: the ally chooses its contribution y against US spending x",
                      ("contribution y",), utility, y - y_br,
                      (f"ally utility {utility}", f"best response y = {y_br}",
                       f"I = x/(x + y) with x = x0 - S: {share}"))
    values = {"w": w, "a": a, "x0": x0}
    syms = {"w": ws, "a": as_, "x0": x0s}
    expr = sp.simplify(share.subs({ws: w, as_: a, x0s: x0}))
    return Frontier("F3", values, syms, share, expr, (sp.Integer(0), x0), game)
