r"""F2, the tipping frontier: burden spread over the stayers, collapse and hysteresis [O].

Each of the :math:`\pi` allies who stay carries :math:`S/\pi`; an ally with tolerance
:math:`t` (CDF :math:`(t/T)^k` on :math:`[0, T]`) stays iff :math:`t \ge S/\pi`
(Schelling 1978; Granovetter 1978). Equilibria solve

.. math:: \pi = 1 - \left(\frac{S}{T\pi}\right)^k \quad\text{or}\quad \pi = 0 ,

with a high (stable) and a low (unstable) branch that meet at the fold
:math:`S^* = T\,\tfrac{k}{k+1}\,(k+1)^{-1/k}` (:math:`T/4` for :math:`k = 1`).
Best-response dynamics :math:`\pi \leftarrow \max(0, 1 - (S/(T\pi))^k)` show hysteresis
for :math:`S > 0`: once the bloc has collapsed to :math:`\pi = 0`, cutting :math:`S` back
to any positive level does not restore alignment. At :math:`S = 0` it does: with no burden
shifted everyone stays, :math:`\pi = 1` is the only equilibrium and the dynamics jump back
to it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy.optimize import brentq

from games.influence._frontier import (
    _ONE,
    _ZERO,
    PI,
    AlliesGame,
    Frontier,
    S,
    _check_select,
    _shift_array,
    as_number,
)

__all__ = ["TippingFrontier", "f2_frontier"]


@dataclass(frozen=True)
class TippingFrontier(Frontier):
    """F2: the tipping frontier with all its branches, fold, selection and hysteresis [O].

    Attributes
    ----------
    (besides those of :class:`Frontier`)

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
        branches = self._branches(float(s))
        assert branches is not None  # s is at most the fold here
        hi, lo = branches
        return (hi, lo, 0.0) if hi != lo else (hi, 0.0)

    def tipping_threshold(self, shift) -> float:
        """pi_L(S): the critical mass that must re-join together to restore alignment."""
        s = float(as_number(shift, "S", 0, None, low_open=False))
        fold = float(self.fold)
        if s > fold * (1 + 1e-12):
            raise ValueError(f"S must lie in [0, {self.fold}] (the fold), got {shift!r}")
        branches = self._branches(min(s, fold))
        assert branches is not None  # min(s, fold) is at most the fold
        return branches[1]

    def stable(self, pi, shift) -> bool:
        """Local stability of an equilibrium under best-response dynamics (``|g'| < 1``)."""
        pi, s = float(pi), float(shift)
        if pi == 0.0:
            return s > 0
        slope = self.k * (s / (self.T * pi)) ** self.k / pi  # g'(pi)
        return bool(slope < 1.0 - 1e-12)

    def iterate(
        self, shift, start: float = 1.0, *, tol: float = 1e-13, max_iter: int = 100_000
    ) -> np.ndarray:
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
        raise RuntimeError(
            f"best-response iteration at S = {s} from start = {start} did not "
            f"converge in {max_iter} steps; raise max_iter"
        )

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

        Raising S past the fold collapses the bloc; cutting S back to any ``S > 0`` does
        not restore it: from pi = 0 best responses stay at 0 (hysteresis). Only ``S = 0``
        restores alignment: with no burden shifted everyone stays, so pi jumps back to 1.

        Examples
        --------
        Up to S = 9/100 (pi_H = 9/10), past the fold (3/10 > 1/4: collapse), back to 9/100
        (stays collapsed), then to exactly 0 (full alignment again):

        >>> f = f2_frontier()
        >>> f.hysteresis([0.09, 0.3, 0.09, 0]).round(12).tolist()
        [0.9, 0.0, 0.0, 1.0]
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
        return f"F2: pi = 1 - (S/(T*pi))**k, fold S* = {self.fold} ({pars})"


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
    shift_limit : number >= the fold S*, default 1
        Largest shift the leader may choose (and the plotted range): ``[0, S*]`` is the
        aligned branch, ``(S*, shift_limit]`` the collapse region. It must be at least
        the fold ``S*`` (``T/4`` for ``k = 1``): the aligned branch (A, the optimum B and
        the overshoot threshold are searched on all of it) is always in the leader's
        choice set, so a smaller limit would be ignored there. A smaller value raises
        ``ValueError`` naming ``shift_limit``.

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
    >>> f2_frontier(shift_limit=0.1)
    Traceback (most recent call last):
    ...
    ValueError: shift_limit must be at least the fold S* = 1/4, got 0.1
    """
    T = as_number(T, "T", 0, None)
    k = as_number(k, "k", 0, None)
    limit = as_number(shift_limit, "shift_limit", 0, None)
    Ts, ks, stay, cdf, condition, s_of_pi, m, fold_general, k1_roots = _f2_derivation()
    subs = {Ts: T, ks: k}
    fold = (
        sp.nsimplify(fold_general.subs(subs))
        if (T.is_Rational and k.is_Rational)
        else fold_general.subs(subs)
    )
    if limit < fold:
        shown = fold if fold.is_Rational else f"{fold} ≈ {float(fold):.10g}"
        raise ValueError(
            f"shift_limit must be at least the fold S* = {shown}, got {shift_limit!r}"
        )
    derivation = [
        f"ally: Stay pays {stay}, Hedge pays 0",
        f"P(t < x) = {cdf}",
        f"equilibrium: {condition} = 0, or pi = 0",
        f"fold: max of S(pi) = {s_of_pi} at pi = {m}: S* = {fold_general}",
    ]
    high_g = low_g = high = low = None
    if k == 1:
        low_g, high_g = k1_roots
        high, low = high_g.subs(Ts, T), low_g.subs(Ts, T)
        derivation.append(f"k = 1 roots: pi_H = {high_g}, pi_L = {low_g}")
    game = AlliesGame(
        "F2: burden spread over stayers; stay iff tolerance >= S/pi",
        ("Stay", "Hedge"),
        stay,
        condition,
        tuple(derivation),
    )
    return TippingFrontier(
        "F2",
        {"T": T, "k": k},
        {"T": Ts, "k": ks},
        high_g,
        high,
        (sp.Integer(0), fold),
        game,
        S,
        None,
        None,
        low_g,
        low,
        fold,
        fold_general,
        limit,
    )
