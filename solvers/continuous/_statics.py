r"""Comparative statics of continuous-game equilibria: derivatives and vectorized sweeps.

**Derivative.** At an equilibrium with active set :math:`A` (players at a bound) and
interior players :math:`I`, the equilibrium solves :math:`F(x_I, \theta) = 0`, where
:math:`F_i = \partial u_i / \partial x_i` for :math:`i \in I` and the corner players' strategies
are replaced by their bounds :math:`b_j(\theta)`. If :math:`D_{x_I} F` is invertible and no
corner multiplier is zero (strict complementarity), the implicit function theorem gives

.. math:: \frac{dx_I}{d\theta} = -\,(D_{x_I} F)^{-1}\, \frac{\partial F}{\partial \theta},
          \qquad \frac{dx_j}{d\theta} = b_j'(\theta)\ (j \in A).

**Sweep.** For each active set the first-order system is solved once *symbolically* in
the swept parameters, turned into numpy code with ``lambdify`` and evaluated on the
whole grid at once; at each point the case whose solution satisfies the KKT conditions
(values within bounds, multipliers of the right sign) is kept. Points where the active
set changes from one grid point to the next are reported as *switches* (a country stops
contributing).

Examples
--------
>>> import numpy as np, sympy as sp
>>> from solvers.continuous import ContinuousProblem, equilibria
>>> q1, q2, a = sp.symbols("q1 q2 a")
>>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
...                       ((0, None), (0, None)), parameters=(a,))
>>> eq = equilibria(p, {a: 5})[0]
>>> eq.strategies, eq.derivative("a")
({'player 0': 5/2, 'player 1': 0}, {'player 0': 1/2, 'player 1': 0})
>>> s = sweep(p, {a: np.array([2.0, 3.0, 5.0])}, {})
>>> np.round(s.strategies["player 1"], 12).tolist()
[0.666666666667, 0.333333333333, 0.0]
>>> s.switches[0]["players"]
{'player 1': ('interior', 'lower')}
"""

from __future__ import annotations

import itertools
import math
import pickle
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from solvers._numbers import sign
from solvers.continuous._concavity import concavity
from solvers.continuous._problem import ContinuousProblem
from solvers.continuous._result import ContinuousEquilibrium
from solvers.continuous._verify import verify_profile
from solvers.frames import require_pandas, require_pyplot
from solvers.parallel import DEFAULT_CHUNK_SIZE, chunk_bounds, map_chunks
from solvers.progress import ProgressArg

__all__ = [
    "StrictComplementarityWarning",
    "SweepResult",
    "equilibrium_derivative",
    "implicit_derivatives",
    "sweep",
]

#: Largest number of active-set cases a sweep enumerates.
MAX_SWEEP_CASES = 729

_LABEL = {"L": "lower", "I": "interior", "U": "upper"}


def implicit_derivatives(
    equations: list[sp.Expr],
    unknowns: list[sp.Symbol],
    point: Mapping[sp.Symbol, Any],
    parameters: Mapping[str, sp.Symbol],
    digits: int = 30,
) -> dict[str, np.ndarray]:
    r"""Derivatives of the solution of :math:`E(z, \theta) = 0` in each parameter.

    The implicit function theorem: :math:`dz/d\theta = -J^{-1} E_\theta` with
    :math:`J = \partial E / \partial z`, evaluated at ``point`` with ``digits``-digit
    arithmetic, then solved in floats.

    Parameters
    ----------
    equations : list of sympy.Expr
        The system :math:`E(z, \theta) = 0` (as many equations as unknowns).
    unknowns : list of sympy.Symbol
        :math:`z`.
    point : mapping
        Values of the unknowns and parameters at the solution.
    parameters : mapping of str to sympy.Symbol
        The parameters to differentiate in, by name.
    digits : int
        Precision of the evaluation.

    Returns
    -------
    dict
        Parameter name to the array :math:`dz/d\theta` (in the order of ``unknowns``).

    Examples
    --------
    Cournot duopoly FOCs :math:`a - 2q_1 - q_2 = 0`, :math:`a - q_1 - 2q_2 = 0`:
    :math:`dq_i/da = 1/3`.

    >>> import sympy as sp
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> d = implicit_derivatives([a - 2*q1 - q2, a - q1 - 2*q2], [q1, q2],
    ...                          {q1: 4, q2: 4, a: 12}, {"a": a})
    >>> d["a"].round(12).tolist()
    [0.333333333333, 0.333333333333]
    """
    if len(equations) != len(unknowns):
        raise ValueError(
            f"need as many equations as unknowns, got {len(equations)} and {len(unknowns)}"
        )
    J = sp.Matrix([[sp.diff(e, u) for u in unknowns] for e in equations])
    Jn = np.array(J.subs(point).evalf(digits).tolist(), dtype=float)
    out = {}
    for name, sym in parameters.items():
        col = np.array([float(sp.diff(e, sym).subs(point).evalf(digits)) for e in equations])
        out[name] = -np.linalg.solve(Jn, col)
    return out


class StrictComplementarityWarning(UserWarning):
    """A player sits at a bound with a zero multiplier: the derivative is one-sided.

    Issued by :func:`equilibrium_derivative`.

    Examples
    --------
    Cournot duopoly with demand intercepts ``a`` and 2 (zero costs): firm 2 stops
    producing exactly at ``a = 4``, where its marginal payoff at ``q2 = 0`` is zero:

    >>> import warnings, sympy as sp
    >>> from solvers.continuous import ContinuousProblem, equilibria
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), parameters=(a,))
    >>> eq = equilibria(p, {a: 4})[0]
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error", StrictComplementarityWarning)
    ...     equilibrium_derivative(eq, "a")
    Traceback (most recent call last):
    ...
    solvers.continuous._statics.StrictComplementarityWarning: player 1 is at a bound with \
zero marginal payoff: the active set may switch here; the derivative keeps the current \
active set (one-sided)
    """


def _find_parameter(problem: ContinuousProblem, parameter: Any) -> sp.Symbol:
    name = parameter if isinstance(parameter, str) else getattr(parameter, "name", None)
    for p in problem.parameters:
        if p.name == name:
            return p
    known = ", ".join(p.name for p in problem.parameters) or "(none)"
    raise ValueError(f"unknown parameter {parameter!r}; parameters are: {known}")


def equilibrium_derivative(eq: ContinuousEquilibrium, parameter: Any) -> dict[str, Any]:
    """Derivative of each player's equilibrium strategy with respect to ``parameter``.

    Exact (sympy numbers) when the equilibrium is exact, floats otherwise.

    Parameters
    ----------
    eq : ContinuousEquilibrium
        An equilibrium that carries its problem (as returned by
        :func:`solvers.continuous.equilibria`); also ``eq.derivative(parameter)``.
    parameter : str or sympy.Symbol
        One of the problem's parameters.

    Returns
    -------
    dict
        Player name to ``dx_i/dparameter`` (implicit function theorem on the active
        first-order system; the bound's derivative for players at a corner).

    Raises
    ------
    ValueError
        Unknown parameter, or a singular active first-order system (the implicit function
        theorem does not apply).

    Warns
    -----
    StrictComplementarityWarning
        When a player is at a bound with zero marginal payoff: the equilibrium may switch
        regime there, and the value returned keeps the current active set (a one-sided
        derivative).

    Examples
    --------
    Cournot duopoly with demand intercepts ``a`` and 2 (zero costs). Interior:
    ``q1 = (2a - 2)/3``, ``q2 = (4 - a)/3``, so the derivatives are (2/3, -1/3):

    >>> import sympy as sp
    >>> from solvers.continuous import ContinuousProblem, equilibria
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), parameters=(a,))
    >>> eq = equilibria(p, {a: 3})[0]
    >>> eq.strategies
    {'player 0': 4/3, 'player 1': 1/3}
    >>> equilibrium_derivative(eq, "a")
    {'player 0': 2/3, 'player 1': -1/3}
    """
    problem = eq.problem
    if problem is None:
        raise ValueError("this equilibrium does not carry its problem")
    theta = _find_parameter(problem, parameter)
    profile = list(eq.profile)
    values = dict(eq.values)
    players = problem.players
    grads = problem.gradient()
    corner_sub: dict[sp.Symbol, sp.Expr] = {}
    interior: list[int] = []
    for i, name in enumerate(players):
        state = eq.active[name]
        if state == "interior":
            interior.append(i)
        else:
            lo, hi = problem.bounds[i]
            corner_sub[problem.strategies[i]] = lo if state == "lower" else hi
    num = (lambda e: e) if eq.exact else (lambda e: sp.Float(e, 17))
    point = {s: num(v) for s, v in zip(problem.strategies, profile, strict=True)}
    point.update({k: (v if eq.exact else sp.Float(float(v), 17)) for k, v in values.items()})
    # strict complementarity check
    for s, _ in corner_sub.items():
        i = problem.strategies.index(s)
        gi = grads[i].xreplace(point)
        sgn = (
            sign(gi)
            if eq.exact
            else (0 if abs(float(gi)) <= 1e-9 * max(1.0, *(abs(float(v)) for v in profile)) else 1)
        )
        if sgn == 0:
            warnings.warn(
                f"{players[i]} is at a bound with zero marginal payoff: the active set may "
                "switch here; the derivative keeps the current active set (one-sided)",
                StrictComplementarityWarning,
                stacklevel=3,
            )
    out: dict[str, Any] = {}
    for s, b in corner_sub.items():
        d = sp.diff(b, theta).xreplace(point)
        out[players[problem.strategies.index(s)]] = sp.nsimplify(d) if eq.exact else float(d)
    if interior:
        xs = [problem.strategies[i] for i in interior]
        F = sp.Matrix([grads[i].xreplace(corner_sub) for i in interior])
        Jx = F.jacobian(xs).xreplace(point)
        Jt = F.diff(theta).xreplace(point)
        if eq.exact:
            if Jx.det() == 0:
                raise ValueError(
                    "active first-order system is singular: the implicit "
                    "function theorem does not apply"
                )
            dx = -(Jx.LUsolve(Jt))
            dx = [sp.simplify(v) for v in dx]
        else:
            A = np.array(Jx.evalf(), dtype=float)
            bvec = np.array(Jt.evalf(), dtype=float).ravel()
            if np.linalg.cond(A) > 1e12:
                raise ValueError(
                    "active first-order system is (nearly) singular: the "
                    "implicit function theorem does not apply"
                )
            dx = list(-np.linalg.solve(A, bvec))
        for i, v in zip(interior, dx, strict=True):
            out[players[i]] = v if eq.exact else float(v)
    return {name: out[name] for name in players}


@dataclass(frozen=True, eq=False)
class SweepResult:
    """Equilibrium strategies over a parameter grid.

    Attributes
    ----------
    grid : dict
        Parameter name to its (broadcast) array.
    strategies, payoffs : dict
        Player name to an array of the grid's shape (NaN where no case applied).
    case : numpy.ndarray of int
        Index into ``cases`` of the active set used at each point (-1: none found).
    cases : list of dict
        Each active set as ``{player: "lower" | "interior" | "upper"}``.
    multiple : numpy.ndarray of bool
        Points where more than one KKT solution was valid (several equilibria).
    missing : numpy.ndarray of bool
        Points where no closed-form case gave an equilibrium (NaN there).
    switches : list of dict
        Along the last grid axis: where the active set changes, with the parameter
        values on each side and which players changed regime.
    notes : tuple of str

    Examples
    --------
    Returned by :func:`sweep`. Cournot duopoly with demand intercepts ``a`` and 2: firm 2
    produces ``(4 - a)/3`` until ``a = 4``, then nothing:

    >>> import numpy as np, sympy as sp
    >>> from solvers.continuous import ContinuousProblem
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), parameters=(a,))
    >>> s = sweep(p, {a: np.array([2.0, 3.0, 5.0])})
    >>> s
    SweepResult(a over (3,): 1 active-set switches, 0 points without a solution, 0 with \
several)
    >>> [s.cases[k]["player 1"] for k in s.case]
    ['interior', 'interior', 'lower']
    >>> s.switches[0]["between"]
    {'a': (3.0, 5.0)}
    """

    grid: dict[str, np.ndarray]
    strategies: dict[str, np.ndarray]
    payoffs: dict[str, np.ndarray]
    case: np.ndarray
    cases: list[dict[str, str]]
    multiple: np.ndarray
    missing: np.ndarray
    switches: list[dict[str, Any]]
    notes: tuple[str, ...] = field(default=())

    def to_frame(self) -> Any:
        """The sweep as a ``pandas.DataFrame``: one row per grid point (C order).

        Columns: each swept parameter, ``"<player> strategy"`` and ``"<player> payoff"``
        for each player, ``"case"`` (the active set in words, e.g.
        ``"player 0: interior, player 1: lower"``; empty where none was found),
        ``"multiple"`` and ``"missing"``. pandas is optional: ``pip install
        'blocgames[frames]'``.

        Examples
        --------
        >>> import numpy as np, sympy as sp
        >>> from solvers.continuous import ContinuousProblem, sweep
        >>> q1, q2, a = sp.symbols("q1 q2 a")
        >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
        ...                       ((0, None), (0, None)), parameters=(a,))
        >>> df = sweep(p, {a: np.array([2.0, 5.0])}).to_frame()
        >>> df["player 1 strategy"].round(12).tolist()
        [0.666666666667, 0.0]
        """
        pd = require_pandas("SweepResult.to_frame()")
        columns: dict[str, Any] = {k: np.ravel(v) for k, v in self.grid.items()}
        for p, v in self.strategies.items():
            columns[f"{p} strategy"] = np.ravel(v)
        for p, v in self.payoffs.items():
            columns[f"{p} payoff"] = np.ravel(v)
        words = [", ".join(f"{p}: {st}" for p, st in c.items()) for c in self.cases]
        columns["case"] = [words[k] if k >= 0 else "" for k in np.ravel(self.case)]
        columns["multiple"] = np.ravel(self.multiple)
        columns["missing"] = np.ravel(self.missing)
        return pd.DataFrame(columns)

    def plot(self, ax: Any = None, *, payoffs: bool = False) -> Any:
        """Each player's equilibrium strategy (or payoff) against the swept parameter,
        with the active-set switches as dotted vertical lines.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Where to draw (default: a new figure from ``matplotlib.pyplot``).
        payoffs : bool, default False
            Plot payoffs instead of strategies.

        Returns
        -------
        matplotlib.axes.Axes

        Raises
        ------
        ValueError
            If more than one parameter varies (use :meth:`to_frame` and plot a slice).

        Examples
        --------
        >>> import numpy as np, sympy as sp
        >>> from solvers.continuous import ContinuousProblem, sweep
        >>> q1, q2, a = sp.symbols("q1 q2 a")
        >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
        ...                       ((0, None), (0, None)), parameters=(a,))
        >>> from matplotlib.figure import Figure
        >>> ax = sweep(p, {a: np.linspace(1, 6, 11)}).plot(Figure().add_subplot())
        >>> [line.get_label() for line in ax.get_lines()][:2]
        ['player 0', 'player 1']
        """
        varying = [k for k, v in self.grid.items() if np.ptp(np.ravel(v)) > 0] if self.grid else []
        if len(varying) != 1 or len([d for d in self.case.shape if d > 1]) != 1:
            raise ValueError(
                "plot() draws a sweep over one parameter; this one varies "
                f"{varying or 'none'} over shape {self.case.shape}: use to_frame() and "
                "plot a slice"
            )
        if ax is None:
            ax = require_pyplot().subplots()[1]
        name = varying[0]
        x = np.ravel(self.grid[name])
        values = self.payoffs if payoffs else self.strategies
        for p, v in values.items():
            ax.plot(x, np.ravel(v), label=p)
        for sw in self.switches:
            lo, hi = sw["between"][name]
            ax.axvline((lo + hi) / 2, linestyle=":", color="grey", linewidth=0.8)
        ax.set_xlabel(name)
        ax.set_ylabel("equilibrium payoff" if payoffs else "equilibrium strategy")
        ax.legend()
        return ax

    def __repr__(self) -> str:
        shape = self.case.shape
        return (
            f"SweepResult({', '.join(self.grid)} over {shape}: {len(self.switches)} "
            f"active-set switches, {int(self.missing.sum())} points without a solution, "
            f"{int(self.multiple.sum())} with several)"
        )


def _case_branches(prob: ContinuousProblem, case: tuple[str, ...], params: list[sp.Symbol]):
    grads = prob.gradient()
    fixed = {}
    for s, st, (lo, hi) in zip(prob.strategies, case, prob.bounds, strict=True):
        if st == "L":
            fixed[s] = lo
        elif st == "U":
            fixed[s] = hi
    interior = [i for i, st in enumerate(case) if st == "I"]
    unknowns = [prob.strategies[i] for i in interior]
    if unknowns:
        eqs = [grads[i].xreplace(fixed) for i in interior]
        polys = _polynomial_system_params(eqs, unknowns)
        if polys is None:
            return None
        try:
            sols = sp.solve(polys, unknowns, dict=True)
        except NotImplementedError:
            return None
    else:
        sols = [{}]
    branches = []
    for sol in sols:
        if len(sol) < len(unknowns) or any(
            sp.sympify(v).free_symbols & set(unknowns) for v in sol.values()
        ):
            continue
        xs = [fixed.get(s, sol.get(s)) for s in prob.strategies]
        rep = dict(zip(prob.strategies, xs, strict=True))
        g_at = [grads[i].xreplace(rep) for i in range(prob.n)]
        if any(
            g_at[i].has(sp.zoo, sp.nan) or g_at[i] in (sp.oo, -sp.oo)
            for i, st in enumerate(case)
            if st != "I"
        ):
            continue  # marginal payoff undefined at this corner for every parameter value
        branches.append((xs, g_at))
    return branches


def _polynomial_system_params(eqs, unknowns):
    polys = []
    for e in eqs:
        num = sp.expand(sp.together(e).as_numer_denom()[0])
        try:
            p = sp.Poly(num, *unknowns)
        except sp.PolynomialError:
            return None
        if p.total_degree() > 2 and len(unknowns) > 1:
            return None
        polys.append(num)
    return polys


def _compile(exprs, syms):
    return sp.lambdify(syms, [e.xreplace({sp.zoo: sp.nan}) for e in exprs], modules="numpy")


def _evaluate(f, k, flat, size, subset=None):
    """Evaluate a compiled list of ``k`` expressions on the grid (or a subset) as floats."""
    args = flat if subset is None else [a[subset] for a in flat]
    m = size if subset is None else subset.size
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals = f(*args)
        out = np.empty((k, m))
        for j, v in enumerate(vals):
            v = np.asarray(v)
            if np.iscomplexobj(v):
                v = np.where(
                    np.abs(v.imag) <= 1e-9 * np.maximum(1.0, np.abs(v.real)), v.real, np.nan
                )
            out[j] = np.broadcast_to(v.astype(float), (m,))
    return out


@dataclass(frozen=True, eq=False)
class _Branch:
    case: tuple[str, ...]
    x: Any  # compiled strategies
    corners: tuple[int, ...]
    g: Any  # compiled corner marginal payoffs


class SweepPlan:
    """The symbolic part of a sweep, done once: every active-set case solved in the swept
    parameters and compiled with ``lambdify``. Call it with arrays to evaluate.

    Examples
    --------
    >>> import numpy as np, sympy as sp
    >>> from solvers.continuous import ContinuousProblem
    >>> x, y, k = sp.symbols("x y k")
    >>> p = ContinuousProblem((x, y), (-(x - k) ** 2, -(y - x / 2) ** 2), ((0, 1), (0, 1)),
    ...                       parameters=(k,))
    >>> plan = SweepPlan(p, [k])
    >>> plan({k: np.array([-1.0, 0.5, 2.0])}).strategies["player 0"].tolist()
    [0.0, 0.5, 1.0]
    """

    def __init__(
        self,
        problem: ContinuousProblem,
        symbols: list[sp.Symbol],
        fixed: Mapping[sp.Symbol, Any] | None = None,
    ) -> None:
        prob = problem.bind(dict(fixed or {}))
        syms = list(symbols)
        free = prob.free_parameters() - set(syms)
        if free:
            raise ValueError(
                "no value for parameter(s) " + ", ".join(sorted(s.name for s in free))
            )
        n_cases = math.prod(1 + int(lo != -sp.oo) + int(hi != sp.oo) for lo, hi in prob.bounds)
        if n_cases > MAX_SWEEP_CASES:
            raise ValueError(
                f"{n_cases} active-set cases exceed the sweep limit {MAX_SWEEP_CASES}"
            )
        self.problem, self.symbols = prob, syms
        notes: list[str] = []
        states = [
            ["I"] + (["L"] if lo != -sp.oo else []) + (["U"] if hi != sp.oo else [])
            for lo, hi in prob.bounds
        ]
        self.branches: list[_Branch] = []
        for case in itertools.product(*states):
            branches = _case_branches(prob, case, syms)
            if branches is None:
                notes.append(f"case {''.join(case)} has no closed form: points needing it are NaN")
                continue
            for xs, g_at in branches:
                corners = tuple(i for i, st in enumerate(case) if st != "I")
                self.branches.append(
                    _Branch(
                        case,
                        _compile(xs, syms),
                        corners,
                        _compile([g_at[i] for i in corners], syms) if corners else None,
                    )
                )
        self.bounds = []
        for lo, hi in prob.bounds:
            self.bounds.append(
                tuple(None if b in (sp.oo, -sp.oo) else _compile([b], syms) for b in (lo, hi))
            )
        for i in range(prob.n):
            status, concave = concavity(prob, i)
            if concave is not True:
                notes.append(f"{prob.players[i]}: {status}; KKT points may not be best responses")
        self.payoff_fn = sp.lambdify(
            [*prob.strategies, *syms], list(prob.payoffs), modules="numpy"
        )
        self.notes = tuple(notes)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        # lambdified functions do not pickle: a plan travels as its problem and symbols
        # and is rebuilt (once per process, see _PLANS) where it lands
        return (_rebuild_plan, (self._key(),))

    def _key(self) -> bytes:
        key = self.__dict__.get("_pickled")
        if key is None:
            key = pickle.dumps((self.problem, self.symbols))
            self.__dict__["_pickled"] = key
            _remember_plan(key, self)
        return key

    def _points(self, flat: list[np.ndarray]) -> tuple[np.ndarray, ...]:
        """Strategies, chosen case, number of valid cases and payoffs at the points whose
        parameter values are ``flat`` (one 1-D array per swept symbol). Point by point: a
        chunk of the grid gives the same numbers as the whole grid."""
        prob = self.problem
        n = prob.n
        size = flat[0].size if flat else 1
        out = np.full((n, size), np.nan)
        chosen = np.full(size, -1, dtype=int)
        nvalid = np.zeros(size, dtype=int)
        scale = np.ones(size)
        for a in flat:
            scale = np.maximum(scale, np.abs(a))
        bvals = []
        for pair in self.bounds:
            vals = tuple(None if f is None else _evaluate(f, 1, flat, size)[0] for f in pair)
            for v in vals:
                if v is not None:
                    scale = np.maximum(scale, np.abs(v))
            bvals.append(vals)
        tol = 1e-9 * scale
        for idx, br in enumerate(self.branches):
            x = _evaluate(br.x, n, flat, size)
            ok = np.ones(size, dtype=bool)
            for i in range(n):
                ok &= np.isfinite(x[i])
                lo_i, hi_i = bvals[i]
                if lo_i is not None:
                    ok &= x[i] >= lo_i - tol
                if hi_i is not None:
                    ok &= x[i] <= hi_i + tol
            cand = np.flatnonzero(ok)
            if br.corners and cand.size:
                g = _evaluate(br.g, len(br.corners), flat, size, subset=cand)
                good = np.ones(cand.size, dtype=bool)
                for k, i in enumerate(br.corners):
                    gtol = 1e-9 * np.maximum(1.0, np.abs(g[k]))
                    good &= np.isfinite(g[k]) & (
                        g[k] <= gtol if br.case[i] == "L" else g[k] >= -gtol
                    )
                cand = cand[good]
            if cand.size == 0:
                continue
            # a valid point identical to one already chosen is the same equilibrium
            xc = x[:, cand]
            prev = chosen[cand] >= 0
            close = np.all(np.abs(out[:, cand] - xc) <= 1e-7 * np.maximum(1.0, np.abs(xc)), axis=0)
            new = ~(prev & close)
            take = cand[new & ~prev]
            out[:, take] = x[:, take]
            chosen[take] = idx
            nvalid[cand[new]] += 1
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pays = np.array(
                [
                    np.broadcast_to(np.asarray(v, dtype=float), (size,))
                    for v in self.payoff_fn(*out, *flat)
                ]
            ).reshape(n, size)
        return out, chosen, nvalid, pays

    def __call__(
        self,
        swept: Mapping[sp.Symbol, Any],
        *,
        spot_checks: int = 5,
        seed: int = 0,
        executor: Any = None,
        progress: ProgressArg = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> SweepResult:
        """Evaluate the equilibrium on the grid ``{symbol: array}`` (arrays broadcast).

        The grid is cut into chunks of ``chunk_size`` points (flattened, C order) run on
        ``executor`` (see :mod:`solvers.parallel`) with ``progress`` per chunk; every
        point is computed on its own, so the result is the same for any chunk size and
        any executor.
        """
        if set(swept) != set(self.symbols):
            raise ValueError(f"grid must give exactly {[s.name for s in self.symbols]}")
        prob, syms = self.problem, self.symbols
        arrays = np.broadcast_arrays(*[np.asarray(swept[s], dtype=float) for s in syms])
        shape = arrays[0].shape if arrays else ()
        size = int(np.prod(shape)) if shape else 1
        flat = [a.reshape(-1) for a in arrays]
        notes = list(self.notes)
        cases = [
            {p: _LABEL[st] for p, st in zip(prob.players, br.case, strict=True)}
            for br in self.branches
        ]
        if flat:
            self._key()  # register the plan so that pickled copies are not rebuilt here
            # each task carries the swept arrays as given (before broadcasting) and its
            # slice of the flattened grid, so a chunk costs its own size, not the grid's
            given = [np.asarray(swept[s], dtype=float) for s in syms]
            tasks = [(self, given, shape, lo, hi) for lo, hi in chunk_bounds(size, chunk_size)]
            parts = map_chunks(
                _sweep_chunk, tasks, executor=executor, progress=progress, desc="sweep"
            )
            out = np.concatenate([p[0] for p in parts], axis=1)
            chosen = np.concatenate([p[1] for p in parts])
            nvalid = np.concatenate([p[2] for p in parts])
            pay_arr = np.concatenate([p[3] for p in parts], axis=1)
        else:
            out, chosen, nvalid, pay_arr = self._points(flat)
        pays = list(pay_arr)
        missing = chosen < 0
        multiple = nvalid > 1
        if missing.any():
            notes.append(f"{int(missing.sum())} grid points without a closed-form equilibrium")
        if multiple.any():
            notes.append(
                f"{int(multiple.sum())} grid points with several equilibria "
                "(the first case found is shown)"
            )
        # independent spot checks
        rng = np.random.default_rng(seed)
        good = np.flatnonzero(~missing)
        picks: Any = (
            rng.choice(good, size=min(spot_checks, good.size), replace=False) if good.size else []
        )
        for k in picks:
            point = {s: float(a[k]) for s, a in zip(syms, flat, strict=True)}
            regrets, tols, _ = verify_profile(prob.bind(point), list(out[:, k]), exact=False)
            if not all(r <= 10 * t for r, t in zip(regrets, tols, strict=True)):
                notes.append(f"spot check failed at {point}: regrets {regrets}")
        case_arr = chosen.reshape(shape) if shape else chosen.reshape(())
        return SweepResult(
            grid={s.name: a for s, a in zip(syms, arrays, strict=True)},
            strategies={p: out[i].reshape(shape) for i, p in enumerate(prob.players)},
            payoffs={p: pays[i].reshape(shape) for i, p in enumerate(prob.players)},
            case=case_arr,
            cases=cases,
            multiple=multiple.reshape(shape),
            missing=missing.reshape(shape),
            switches=_switches(case_arr, arrays, syms, cases, prob.players),
            notes=tuple(notes),
        )


#: Plans built or received in this process, by their pickled problem (a few, newest last).
_PLANS: dict[bytes, SweepPlan] = {}
_MAX_PLANS = 8


def _remember_plan(key: bytes, plan: SweepPlan) -> None:
    _PLANS.pop(key, None)
    _PLANS[key] = plan
    while len(_PLANS) > _MAX_PLANS:
        del _PLANS[next(iter(_PLANS))]


def _rebuild_plan(key: bytes) -> SweepPlan:
    plan = _PLANS.get(key)
    if plan is None:
        problem, symbols = pickle.loads(key)  # our own bytes, from __reduce__
        plan = SweepPlan(problem, symbols)
        plan.__dict__["_pickled"] = key
        _remember_plan(key, plan)
    return plan


def _grid_slice(
    given: list[np.ndarray], shape: tuple[int, ...], lo: int, hi: int
) -> list[np.ndarray]:
    """Points ``lo:hi`` of the flattened (C order) broadcast of ``given`` over ``shape``,
    without building the whole grid: the same numbers as ``broadcast(...).ravel()[lo:hi]``."""
    if hi == lo:
        return [np.empty(0) for _ in given]
    if not shape:  # one point: scalars
        return [np.full(hi - lo, float(b)) for b in given]
    index = np.unravel_index(np.arange(lo, hi), shape)
    out = []
    for b in given:
        b = b.reshape((1,) * (len(shape) - b.ndim) + b.shape)
        sel = tuple(ix if d > 1 else 0 for ix, d in zip(index, b.shape, strict=True))
        out.append(np.ascontiguousarray(np.broadcast_to(b[sel], (hi - lo,))))
    return out


def _sweep_chunk(
    task: tuple[SweepPlan, list[np.ndarray], tuple[int, ...], int, int],
) -> tuple[np.ndarray, ...]:
    plan, given, shape, lo, hi = task
    return plan._points(_grid_slice(given, shape, lo, hi))


def _switches(case_arr, arrays, syms, cases, players) -> list[dict[str, Any]]:
    """Active-set changes between neighbouring points along the last grid axis."""
    shape = case_arr.shape
    switches: list[dict[str, Any]] = []
    if not shape or shape[-1] < 2:
        return switches
    c2 = case_arr.reshape(-1, shape[-1])
    grids2 = [a.reshape(-1, shape[-1]) for a in arrays]
    lab = [tuple(c.values()) for c in cases]
    diff = np.zeros(c2[:, 1:].shape, dtype=bool)
    for k in range(len(cases)):  # compare labels, not branch indices
        same_k = [j for j in range(len(cases)) if lab[j] == lab[k]]
        mk = np.isin(c2[:, :-1], same_k)
        diff |= mk & ~np.isin(c2[:, 1:], same_k)
    diff |= (c2[:, :-1] < 0) != (c2[:, 1:] < 0)
    rows, cols = np.nonzero(diff)
    for r, c in zip(rows[:1000], cols[:1000], strict=True):
        a_case, b_case = int(c2[r, c]), int(c2[r, c + 1])
        changed = {}
        if a_case >= 0 and b_case >= 0:
            changed = {
                p: (cases[a_case][p], cases[b_case][p])
                for p in players
                if cases[a_case][p] != cases[b_case][p]
            }
        switches.append(
            {
                "index": (int(r), int(c)) if len(shape) > 1 else int(c),
                "between": {
                    s.name: (float(g[r, c]), float(g[r, c + 1]))
                    for s, g in zip(syms, grids2, strict=True)
                },
                "players": changed,
            }
        )
    return switches


def sweep(
    problem: ContinuousProblem,
    swept: Mapping[sp.Symbol, Any],
    fixed: Mapping[sp.Symbol, Any] | None = None,
    *,
    spot_checks: int = 5,
    seed: int = 0,
    executor: Any = None,
    progress: ProgressArg = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> SweepResult:
    """Equilibrium over a grid of parameter values, vectorized through ``lambdify``.

    Builds a :class:`SweepPlan` (symbolic, once) and evaluates it on the grid. To sweep
    the same parameters repeatedly, build the plan yourself and call it.

    Parameters
    ----------
    problem : ContinuousProblem
    swept : mapping
        ``{parameter symbol: array}``; arrays broadcast together.
    fixed : mapping, optional
        Values of the other parameters.
    spot_checks : int
        Number of grid points re-verified globally with
        :func:`solvers.continuous.verify_profile` (independent of the KKT logic).
    seed : int
        Seed for choosing the spot-check points.
    executor : optional
        Where the chunks of the grid are evaluated: ``None`` (here), a
        ``concurrent.futures`` executor, a dask ``distributed.Client`` or a scheduler
        address (see :mod:`solvers.parallel`). The result does not depend on it.
    progress : None, bool or callable, default None
        Report chunks as they complete (see :func:`solvers.progress.track`; default:
        a bar only on a terminal).
    chunk_size : int, default :data:`solvers.parallel.DEFAULT_CHUNK_SIZE`
        Grid points per chunk (the unit of work sent to a worker); the result does not
        depend on it either.

    Returns
    -------
    SweepResult
        ``.to_frame()`` gives a pandas table, ``.plot()`` a figure.

    Examples
    --------
    Cournot duopoly with demand intercepts ``a`` and 2 (zero costs): interior
    ``q1 = (2a - 2)/3`` until firm 2 drops out at ``a = 4``, then the monopoly ``a/2``:

    >>> import numpy as np, sympy as sp
    >>> from solvers.continuous import ContinuousProblem
    >>> q1, q2, a = sp.symbols("q1 q2 a")
    >>> p = ContinuousProblem((q1, q2), ((a - q1 - q2) * q1, (2 - q1 - q2) * q2),
    ...                       ((0, None), (0, None)), parameters=(a,))
    >>> s = sweep(p, {a: np.array([2.0, 3.0, 5.0, 6.0])})
    >>> np.round(s.strategies["player 0"], 12).tolist()
    [0.666666666667, 1.333333333333, 2.5, 3.0]
    >>> s.switches[0]["players"]
    {'player 1': ('interior', 'lower')}
    """
    plan = SweepPlan(problem, list(swept), fixed)
    return plan(
        swept,
        spot_checks=spot_checks,
        seed=seed,
        executor=executor,
        progress=progress,
        chunk_size=chunk_size,
    )
