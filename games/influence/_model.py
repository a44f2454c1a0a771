"""The isoquant model: points A, B, C, the overshoot threshold, comparative statics and
the trust link (the façade :mod:`games.influence` documents the argument)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy.optimize import brentq

from games.influence._frontiers import (
    PI,
    SELECTIONS,
    AlliesGame,
    Frontier,
    S,
    TippingFrontier,
    as_number,
    f1_frontier,
    f2_frontier,
)
from games.influence._interest import INFLUENCE, NationalInterest, cobb_douglas
from solvers.continuous import first_crossing, grid_maximum, implicit_derivatives

_GRID = 4001
_ONE_FIFTH = sp.Rational(1, 5)
_NINE_TENTHS = sp.Rational(9, 10)
_TEN_NINTHS = sp.Rational(10, 9)
_ONE_TENTH = sp.Rational(1, 10)
_FOUR_FIFTHS = sp.Rational(4, 5)


@dataclass(frozen=True)
class Point:
    """A point of the argument: burden shift S, influence I and national interest V.

    Values are sympy numbers (exact rationals/radicals when the inputs are exact).

    Attributes
    ----------
    label : str
        ``"A"``, ``"B"`` or ``"C"``.
    role : str
        ``"status quo"``, ``"optimum"`` or ``"overshoot"`` (``"short of withdrawal"``
        for C when the F2 optimum is total withdrawal, see :func:`isoquant_model`).
    S, I, V : sympy.Expr
        Burden shift, influence and national interest (``.s``, ``.i``, ``.v``: floats).

    Examples
    --------
    The points of :func:`isoquant_model`; with the defaults (F1 ``I = 1 - S**2``,
    ``V = I**(3/5) S**(2/5)``) the optimum is B = (1/2, 3/4) (docs/models.md §b.3):

    >>> B = isoquant_model().B
    >>> B.S, B.I, B.V
    (1/2, 3/4, 2**(2/5)*3**(3/5)/4)
    >>> print(B)
    B (optimum): S = 1/2, I = 3/4, V = 2**(2/5)*3**(3/5)/4 ≈ 0.6377122503
    """

    label: str
    role: str
    S: sp.Expr
    I: sp.Expr  # noqa: E741
    V: sp.Expr

    @property
    def s(self) -> float:
        return float(self.S)

    @property
    def i(self) -> float:
        return float(self.I)

    @property
    def v(self) -> float:
        return float(self.V)

    def __str__(self) -> str:
        return (
            f"{self.label} ({self.role}): S = {self.S}, I = {self.I}, "
            f"V = {sp.sstr(self.V)} ≈ {self.v:.10g}"
        )


@dataclass(frozen=True)
class Tangency:
    """Check of the leader's first-order condition at B.

    ``frontier_slope`` is I'(S_B); ``isoquant_slope`` is -V_S/V_I at B; ``foc_residual``
    is ``V_I * I'(S_B) + V_S``; ``interior`` is False at a corner, where no tangency holds.
    ``exact`` tells whether B was solved exactly (``method`` says how).

    Examples
    --------
    With the defaults, at B = (1/2, 3/4) both slopes are ``-2S = -1``:

    >>> t = isoquant_model().tangency
    >>> t.interior, t.exact, t.frontier_slope, t.isoquant_slope
    (True, True, -1.0, -1.0)
    >>> abs(t.foc_residual) < 1e-12
    True
    """

    interior: bool
    exact: bool
    frontier_slope: float
    isoquant_slope: float
    foc_residual: float
    method: str


@dataclass(frozen=True)
class Threshold:
    """The overshoot threshold: the smallest shift beyond B leaving the leader below V_A.

    ``kind`` is ``"root"`` (V(S) = V_A on the aligned branch), ``"fold"`` (F2 collapses
    first), ``"collapse-root"`` (root on the collapsed branch), ``"status-quo"`` (A is
    already past the optimum) or ``"none"`` (no such shift up to the domain's end;
    ``S`` is then ``None``). ``equation`` is the symbolic condition solved (or ``None``).

    Examples
    --------
    >>> t = isoquant_model().threshold
    >>> t.kind, round(float(t.S), 10)
    ('root', 0.7833557118)
    >>> print(t)
    overshoot threshold (root): S_bar = 0.7833557118
    """

    S: sp.Expr | None
    kind: str
    equation: sp.Expr | None

    def __str__(self) -> str:
        if self.S is None:
            return "overshoot threshold: none (the leader never falls below V_A)"
        return f"overshoot threshold ({self.kind}): S_bar = {float(self.S):.10f}"


@dataclass(frozen=True)
class ComparativeStatics:
    """Derivatives of the optimum and the threshold in every parameter (floats).

    ``optimum[p]`` = dS_B/dp, ``optimum_influence[p]`` = dI_B/dp and ``threshold[p]`` =
    dS_bar/dp (empty when there is no threshold). Parameter names are those of the
    frontier, of V, and ``"S_A"``.

    Examples
    --------
    Returned by :meth:`IsoquantModel.comparative_statics`. With the defaults (F1 with
    ``k = 2``) the optimum is ``S_B**2 = (1 - alpha)/(1 + alpha)``, ``I_B = 2 alpha/(1 +
    alpha)``, so ``dI_B/dalpha = 2/(1 + alpha)**2 = 25/32`` at ``alpha = 3/5``; the
    implicit function theorem gives it numerically:

    >>> cs = isoquant_model().comparative_statics()
    >>> sorted(cs.optimum)
    ['S_A', 'alpha', 'k']
    >>> round(cs.optimum_influence["alpha"], 6)
    0.78125
    >>> cs.threshold["S_A"] < 0          # a larger status-quo shift lowers the threshold
    True
    """

    optimum: dict[str, float]
    optimum_influence: dict[str, float]
    threshold: dict[str, float]


@dataclass(frozen=True)
class IsoquantModel:
    """The whole argument for one frontier, one national interest and points A and C.

    Attributes
    ----------
    frontier : Frontier
    interest : NationalInterest
    select : str
        Equilibrium selection used for C (F2 only): ``"high"``, ``"low"`` or ``"dynamic"``
        (best responses from full alignment).
    A, B, C : Point
        Status quo, optimum (tangency when interior), overshoot.
    tangency : Tangency
    threshold : Threshold

    Examples
    --------
    Built by :func:`isoquant_model`; defaults F1 (``I = 1 - S**2``) and
    ``V = I**(3/5) S**(2/5)`` (docs/models.md §b.3):

    >>> m = isoquant_model()
    >>> [(p.label, p.S, p.I) for p in m.points]
    [('A', 1/5, 24/25), ('B', 1/2, 3/4), ('C', 9/10, 19/100)]
    >>> m.value_along([0.2, 0.5]).round(6)          # V rises from A to B
    array([0.512595, 0.637712])
    >>> float(m.isoquant_through(m.B)(0.5))          # B lies on its own isoquant
    0.75
    """

    frontier: Frontier
    interest: NationalInterest
    select: str
    A: Point
    B: Point
    C: Point
    tangency: Tangency
    threshold: Threshold

    @property
    def game(self) -> AlliesGame:
        """The allies' stay/hedge game whose equilibrium response to a shift S is the
        frontier I(S); the leader's choice of S on top of it (Stackelberg) is solved by
        :func:`solvers.continuous.grid_maximum` (point B) and
        :func:`solvers.continuous.first_crossing` (the overshoot threshold)."""
        return self.frontier.game

    @property
    def points(self) -> tuple[Point, Point, Point]:
        return self.A, self.B, self.C

    def isoquant_through(self, point: Point):
        """The isoquant through ``point`` as a numeric function S -> I."""
        return self.interest.isoquant(point.V)

    def value_along(self, shifts, select: str | None = None) -> np.ndarray:
        """V(I(S), S) along the frontier (selected equilibrium)."""
        s = np.asarray(shifts, dtype=float)
        return self.interest.value(self.frontier(s, select or self.select), s)

    def _symbols(self) -> tuple[dict, dict]:
        syms = {**self.frontier.symbols, **self.interest.symbols}
        vals = {
            syms[n]: v for n, v in {**self.frontier.parameters, **self.interest.parameters}.items()
        }
        return syms, vals

    def comparative_statics(self) -> ComparativeStatics:
        """dS_B, dI_B and dS_bar with respect to every parameter (implicit functions).

        B solves ``Phi(pi, S) = 0`` and ``V_S*Phi_pi - V_I*Phi_S = 0`` (tangency; V in its
        ordinal form); S_bar solves ``Phi(pi, S) = 0``, ``Phi(pi_A, S_A) = 0`` and
        ``V(pi, S) = V(pi_A, S_A)``. At a corner the optimum moves with the bound.
        """
        syms, vals = self._symbols()
        sa = sp.Symbol("S_A", positive=True)
        pia = sp.Symbol("pi_A", positive=True)
        phi = self.frontier.implicit()
        vo = self.interest.ordinal_general.subs(INFLUENCE, PI)
        fold_general = getattr(self.frontier, "fold_general", None)

        def bound_derivatives(bound_value):
            if isinstance(self.frontier, TippingFrontier) and bound_value == self.frontier.fold:
                return {
                    n: float(sp.diff(fold_general, s).subs(vals).evalf(30))
                    for n, s in syms.items()
                }
            return dict.fromkeys(syms, 0.0)

        if self.tangency.interior:
            foc = sp.diff(vo, S) * sp.diff(phi, PI) - sp.diff(vo, PI) * sp.diff(phi, S)
            point = {**vals, S: self.B.S, PI: self.B.I}
            d = implicit_derivatives([phi, foc], [S, PI], point, syms)
            opt = {n: float(v[0]) for n, v in d.items()}
            opt_i = {n: float(v[1]) for n, v in d.items()}
        else:
            opt = bound_derivatives(self.B.S)
            opt_i = self._corner_influence(opt, phi, syms, vals)
        opt["S_A"], opt_i["S_A"] = 0.0, 0.0
        th: dict[str, float] = {}
        t = self.threshold
        allp = {**syms, "S_A": sa}
        point = {**vals, sa: self.A.S, pia: self.A.I}
        if t.kind in ("root", "collapse-root"):
            assert t.S is not None  # a root was found
            pi_val = 0 if t.kind == "collapse-root" else float(self.frontier(float(t.S)))
            e1 = PI if t.kind == "collapse-root" else phi
            eqs = [e1, phi.subs({PI: pia, S: sa}), vo - vo.subs({PI: pia, S: sa})]
            point.update({S: t.S, PI: pi_val})
            d = implicit_derivatives(eqs, [S, PI, pia], point, allp)
            th = {n: float(v[0]) for n, v in d.items()}
        elif t.kind == "fold":
            assert isinstance(self.frontier, TippingFrontier)  # only F2 has a fold
            th = {**bound_derivatives(self.frontier.fold), "S_A": 0.0}
        elif t.kind == "status-quo":
            th = {**dict.fromkeys(syms, 0.0), "S_A": 1.0}
        return ComparativeStatics(opt, opt_i, th)

    def _corner_influence(self, dS, phi, syms, vals) -> dict[str, float]:
        """dI_B/dp at a corner: 0 on the collapse, k/(k+1) at the fold, else along Phi."""
        if self.B.I == 0:
            return dict.fromkeys(syms, 0.0)
        point = {**vals, S: self.B.S, PI: self.B.I}
        if isinstance(self.frontier, TippingFrontier) and self.B.S == self.frontier.fold:
            share = syms["k"] / (syms["k"] + 1)
            return {n: float(sp.diff(share, s).subs(vals)) for n, s in syms.items()}
        phi_pi = sp.diff(phi, PI).subs(point)
        return {
            n: float((-(sp.diff(phi, s) + sp.diff(phi, S) * dS[n]) / phi_pi).subs(point).evalf(30))
            for n, s in syms.items()
        }

    def summary(self) -> str:
        """The points with exact values, the tangency check and the threshold."""
        lines = [self.frontier.describe(), self.interest.describe()]
        lines += [f"  {p}" for p in self.points]
        tg = self.tangency
        lines.append(
            f"  tangency at B: frontier slope {tg.frontier_slope:.10g}, isoquant slope "
            f"{tg.isoquant_slope:.10g}, FOC residual {tg.foc_residual:.2e} "
            f"({'exact' if tg.exact else 'numeric'}, "
            f"{'interior' if tg.interior else 'corner'})"
        )
        lines.append(f"  {self.threshold}")
        return "\n".join(lines)


def _objective(frontier: Frontier, interest: NationalInterest):
    """Numeric V along the aligned branch and its derivative (tangency condition)."""
    vi = sp.lambdify((INFLUENCE, S), sp.diff(interest.expr, INFLUENCE), "numpy")
    vs = sp.lambdify((INFLUENCE, S), sp.diff(interest.expr, S), "numpy")

    def value(s):
        return interest.value(frontier(s), s)

    def foc(s):
        i = frontier(s)
        return float(vi(i, s) * frontier.slope(s) + vs(i, s))

    return value, foc


def _optimum(frontier, interest) -> tuple[Point, Tangency]:
    lo, hi = float(frontier.domain[0]), float(frontier.domain[1])
    value, foc = _objective(frontier, interest)
    # the leader's problem max_S V(I(S), S): grid + Brent on the FOC (solvers.continuous)
    s_num, interior = grid_maximum(value, lo, hi, derivative=foc, grid=_GRID)
    exact = False
    method = "grid + brentq on the first-order condition"
    if interior:
        s_val = sp.Float(s_num, 17)
        if (
            frontier.general is not None
            and frontier.exact
            and all(v.is_Rational for v in interest.parameters.values())
        ):
            h = sp.diff(interest.ordinal.subs(INFLUENCE, frontier.expr), S)
            try:
                sols = sp.solve(h, S)
            except NotImplementedError:  # pragma: no cover - depends on sympy
                sols = []
            for sol in sols:
                num = complex(sol.evalf(30))
                if abs(num.imag) < 1e-20 and abs(num.real - s_num) < 1e-7:
                    if abs(sp.N(h.subs(S, sol), 50)) < sp.Float(10) ** -40:
                        s_val, exact, method = sp.radsimp(sol), True, "sympy.solve of the FOC"
                        break
    else:
        s_val = frontier.domain[0] if s_num == lo else frontier.domain[1]
        exact = s_val.is_Rational
        method = "corner of the aligned branch"
    # F2: the collapsed branch (I = 0) may beat the whole aligned branch
    if isinstance(frontier, TippingFrontier):
        top = frontier.shift_limit
        v_collapse = float(interest.value(0.0, float(top)))
        with np.errstate(divide="ignore", invalid="ignore"):
            best_aligned = np.nan_to_num(value(np.linspace(lo, hi, _GRID)), nan=-np.inf).max()
        if v_collapse > float(best_aligned):
            s_val, interior, exact = top, False, top.is_Rational
            method = "corner: withdrawal onto the collapsed branch"
    if exact or not interior:
        i_val = frontier.at(s_val)
    else:
        i_val = sp.Float(float(frontier(float(s_val))), 17)
    v_val = interest.exact_value(i_val, s_val)
    v_val = sp.radsimp(v_val) if exact else sp.Float(v_val.evalf(17), 17)
    point = Point("B", "optimum", s_val, i_val, v_val)
    if interior:
        fs = float(frontier.slope(float(s_val)))
        iso = float(interest.isoquant_slope(float(i_val), float(s_val)))
        res = foc(float(s_val))
    else:
        fs = iso = res = float("nan")
    return point, Tangency(interior, exact, fs, iso, res, method)


def _threshold(frontier, interest, A: Point, B: Point, select: str) -> Threshold:
    value = _objective(frontier, interest)[0]
    v_a = A.v
    start = max(A.s, B.s)
    if B.s > float(frontier.domain[1]):  # optimum is withdrawal onto the collapsed branch
        return Threshold(None, "none", None)
    if A.s >= B.s:
        return Threshold(A.S, "status-quo", None)
    hi = float(frontier.domain[1])
    ordinal = None
    if frontier.general is not None:
        ordinal = interest.ordinal.subs(INFLUENCE, frontier.expr)
        ordinal = ordinal - interest.ordinal.subs({INFLUENCE: A.I, S: A.S})
    root = first_crossing(value, start, hi, v_a, grid=_GRID)
    if root is not None:
        if ordinal is not None:
            root = sp.nsolve(ordinal, S, root, prec=30)
            root = sp.re(root)
        return Threshold(sp.Float(root, 30), "root", ordinal)
    if isinstance(frontier, TippingFrontier) and frontier.shift_limit > frontier.fold:
        v_c = interest.value(0.0, np.array([float(frontier.fold) * (1 + 1e-12)]))[0]
        if v_c < v_a and select != "low":
            return Threshold(frontier.fold, "fold", None)
        top = float(frontier.shift_limit)
        if interest.value(0.0, top) < v_a:
            collapse = interest.expr.subs(INFLUENCE, 0) - A.V
            root = brentq(
                lambda s: float(interest.value(0.0, s) - v_a),
                float(frontier.fold),
                top,
                xtol=1e-15,
            )
            return Threshold(sp.Float(root, 30), "collapse-root", collapse)
    return Threshold(None, "none", None)


def _bound_text(x) -> str:
    """``1/2`` for exact numbers, ``0.5773502692`` (10 digits) for floats."""
    return str(x) if x.is_Rational or not x.is_Float else f"{float(x):.10g}"


def _overshoot_role(frontier, s_a, s_b, s_c, given) -> str:
    """Check that C lies beyond A and B (an overshoot) and return its role."""
    corner = isinstance(frontier, TippingFrontier) and s_b >= frontier.shift_limit
    if not corner and s_a <= s_b and not s_c > s_b:
        raise ValueError(
            f"S_C must exceed the optimum's S_B = {_bound_text(s_b)} (C is an "
            f"overshoot: a shift beyond both A and B), got {given!r}"
        )
    if not s_c > s_a:
        raise ValueError(
            f"S_C must exceed the status quo's S_A = {_bound_text(s_a)} (C is "
            f"an overshoot: a shift beyond both A and B), got {given!r}"
        )
    return "short of withdrawal" if corner else "overshoot"


def isoquant_model(
    frontier: Frontier | None = None,
    interest: NationalInterest | None = None,
    S_A=_ONE_FIFTH,
    S_C=_NINE_TENTHS,
    select: str = "high",
    start=1,
) -> IsoquantModel:
    """Solve the leader's problem on a frontier: points A, B, C and the overshoot threshold [O].

    Parameters
    ----------
    frontier : Frontier, default ``f1_frontier(k=2)``
        The allies' equilibrium response.
    interest : NationalInterest, default ``cobb_douglas(alpha=3/5)``
        The leader's national interest.
    S_A : number in the frontier's domain, default 1/5
        Status-quo shift (A, on the aligned branch).
    S_C : number, default 9/10
        Overshoot shift (C); for F2 it may lie beyond the fold (up to ``shift_limit``).
        It must exceed both the optimum's ``S_B`` and ``S_A`` (an overshoot goes past the
        optimum and past today); otherwise ``ValueError`` naming ``S_C`` and the bound.
        The one exception is an F2 optimum at the withdrawal corner ``S_B = shift_limit``,
        where no larger shift exists: then C only needs ``S_C > S_A`` and its role is
        ``"short of withdrawal"``.
    select : {"high", "low", "dynamic"}, default "high"
        Equilibrium selection at C (F2). ``"dynamic"`` runs best responses from ``start``.
    start : number in [0, 1], default 1
        Starting aligned share for ``select="dynamic"``.

    Returns
    -------
    IsoquantModel

    Examples
    --------
    >>> from games.influence import f2_frontier, quasi_linear
    >>> m = isoquant_model(f2_frontier(), quasi_linear(), S_A=sp.Rational(49, 2500),
    ...                    S_C=sp.Rational(3, 10))
    >>> m.A.V, m.B.S, m.B.V, m.C.I
    (217/200, 9/100, 9/8, 0)
    >>> m.threshold.kind, round(float(m.threshold.S), 8)
    ('root', 0.17774656)

    A "C" short of the optimum is not an overshoot (defaults: S_B = 1/2):

    >>> isoquant_model(S_C=sp.Rational(2, 5))
    Traceback (most recent call last):
    ...
    ValueError: S_C must exceed the optimum's S_B = 1/2 (C is an overshoot: a shift beyond \
both A and B), got 2/5
    """
    frontier = f1_frontier() if frontier is None else frontier
    interest = cobb_douglas() if interest is None else interest
    if not isinstance(frontier, Frontier):
        raise TypeError(
            "frontier must be a Frontier (f1_frontier(), f2_frontier() or "
            f"f3_frontier()), got {type(frontier).__name__}"
        )
    if not isinstance(interest, NationalInterest):
        raise TypeError(
            "interest must be a NationalInterest (cobb_douglas() or "
            f"quasi_linear()), got {type(interest).__name__}"
        )
    if select not in SELECTIONS:
        raise ValueError(f"select must be one of {SELECTIONS}, got {select!r}")
    lo, hi = frontier.domain
    s_a = as_number(S_A, "S_A", lo, hi, low_open=True, high_open=False)
    top = frontier.shift_limit if isinstance(frontier, TippingFrontier) else hi
    s_c = as_number(S_C, "S_C", lo, top, low_open=True, high_open=False)
    start = float(as_number(start, "start", 0, 1, low_open=False, high_open=False))

    def point(label, role, s, influence):
        v = interest.exact_value(influence, s)
        return Point(label, role, s, influence, sp.radsimp(v) if v.is_number else v)

    A = point("A", "status quo", s_a, frontier.at(s_a))
    B, tangency = _optimum(frontier, interest)
    if isinstance(frontier, TippingFrontier):
        if select == "high":
            i_c = frontier.at(s_c)
        elif select == "low":
            i_c = sp.Integer(0)
        else:
            lim = frontier.dynamic_limit(float(s_c), start)
            eqs = frontier.equilibria(s_c)
            i_c = min(eqs, key=lambda e: abs(float(e) - lim))
    else:
        i_c = frontier.at(s_c)
    C = point("C", _overshoot_role(frontier, s_a, B.S, s_c, S_C), s_c, i_c)
    threshold = _threshold(frontier, interest, A, B, select)
    return IsoquantModel(frontier, interest, select, A, B, C, tangency, threshold)


def bayes_update(mu, p_threat_if_loyal, p_threat_if_disloyal) -> sp.Expr:
    """Posterior that the leader is loyal after it issues a threat (Kreps & Wilson 1982).

    ``mu' = mu*p_L / (mu*p_L + (1 - mu)*p_D)``.

    Examples
    --------
    >>> bayes_update(sp.Rational(9, 10), sp.Rational(1, 10), sp.Rational(4, 5))
    9/17
    """
    mu = as_number(mu, "mu", 0, 1, low_open=False, high_open=False)
    pl = as_number(p_threat_if_loyal, "p_threat_if_loyal", 0, 1, low_open=False, high_open=False)
    pd = as_number(
        p_threat_if_disloyal, "p_threat_if_disloyal", 0, 1, low_open=False, high_open=False
    )
    denom = mu * pl + (1 - mu) * pd
    if denom == 0:
        raise ValueError(
            "a threat has probability 0 under mu, p_threat_if_loyal and "
            "p_threat_if_disloyal; Bayes' rule is undefined"
        )
    return sp.nsimplify(mu * pl / denom) if denom.is_Rational else mu * pl / denom


@dataclass(frozen=True)
class TrustShift:
    """F2 before and after a threat: belief, tolerance T = B*mu and fold [O].

    Attributes
    ----------
    B : sympy.Expr
        Tolerance per unit of trust.
    mu_before, mu_after : sympy.Expr
        Allies' belief that the leader is loyal, before and after the threat.
    T_before, T_after : sympy.Expr
        Tolerance ``B*mu`` of F2.
    fold_before, fold_after : sympy.Expr
        Largest shift with an aligned equilibrium.
    frontier_before, frontier_after : TippingFrontier

    Examples
    --------
    Returned by :func:`trust_link`. With the defaults a threat lowers mu from 9/10 to
    9/17 (Bayes' rule) and the fold ``T/4`` (``k = 1``) from 1/4 to 5/34:

    >>> t = trust_link()
    >>> t.newly_unsafe                     # shifts in [5/34, 1/4) now collapse the bloc
    (5/34, 1/4)
    """

    B: sp.Expr
    mu_before: sp.Expr
    mu_after: sp.Expr
    T_before: sp.Expr
    T_after: sp.Expr
    fold_before: sp.Expr
    fold_after: sp.Expr
    frontier_before: TippingFrontier
    frontier_after: TippingFrontier

    def outcome(self, shift) -> tuple[float, float]:
        """Aligned share at ``shift`` before the threat and after it (dynamics).

        Before: best responses from full alignment. After: from the pre-threat state.
        """
        before = self.frontier_before.dynamic_limit(float(shift), 1.0)
        return before, self.frontier_after.dynamic_limit(float(shift), before)

    @property
    def newly_unsafe(self) -> tuple[sp.Expr, sp.Expr]:
        """Shifts that were safe before the threat and collapse the bloc after it."""
        return self.fold_after, self.fold_before


def trust_link(
    B=_TEN_NINTHS,
    mu=_NINE_TENTHS,
    p_threat_if_loyal=_ONE_TENTH,
    p_threat_if_disloyal=_FOUR_FIFTHS,
    k=1,
    shift_limit=1,
) -> TrustShift:
    """A threat lowers trust and moves the F2 fold left (docs/models.md §d.5 and §b.2) [O].

    Parameters
    ----------
    B : positive number, default 10/9
        Tolerance scale per unit of trust: T = B*mu.
    mu : number in (0, 1], default 9/10
        Allies' prior that the leader is reliable (loyal).
    p_threat_if_loyal, p_threat_if_disloyal : numbers in [0, 1], defaults 1/10 and 4/5
        Probability of a threat by each type (threats reveal type: Kreps & Wilson 1982;
        Milgrom & Roberts 1982).
    k : positive number, default 1
        Tolerance shape of F2.
    shift_limit : positive number, default 1
        Largest shift of both F2 frontiers (see :func:`f2_frontier`); it must be at least
        the fold before the threat, ``fold_before`` (``B*mu/4`` for ``k = 1``).

    Returns
    -------
    TrustShift

    Examples
    --------
    >>> t = trust_link()
    >>> t.mu_after, t.T_after, t.fold_before, t.fold_after
    (9/17, 10/17, 1/4, 5/34)
    >>> t.outcome(sp.Rational(1, 5))
    (0.7236..., 0.0)
    """
    b = as_number(B, "B", 0, None)
    mu0 = as_number(mu, "mu", 0, 1, high_open=False)
    mu1 = bayes_update(mu0, p_threat_if_loyal, p_threat_if_disloyal)
    if mu1 == 0:
        raise ValueError(
            "the posterior mu is 0 (only a disloyal leader threatens): T = 0 "
            "leaves no tolerance; use p_threat_if_loyal > 0"
        )
    f0 = f2_frontier(T=b * mu0, k=k, shift_limit=shift_limit)
    f1 = f2_frontier(T=b * mu1, k=k, shift_limit=shift_limit)
    return TrustShift(b, mu0, mu1, b * mu0, b * mu1, f0.fold, f1.fold, f0, f1)
