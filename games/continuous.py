r"""Games with continuous strategies and symbolic payoffs.

Player :math:`i` picks :math:`x_i \in [\ell_i, h_i]` (bounds may be numbers, parameters or
expressions such as an income) and gets :math:`u_i(x_1, \dots, x_n; \theta)`, a sympy
expression in the strategies and the parameters :math:`\theta`. A profile :math:`x^*` is a
Nash equilibrium when every :math:`x_i^*` maximizes :math:`u_i(\cdot, x_{-i}^*)` over
:math:`[\ell_i, h_i]`. With :math:`u_i` concave in :math:`x_i` that is equivalent to the KKT
conditions :math:`\partial_i u_i = 0` (interior), :math:`\le 0` at :math:`\ell_i`,
:math:`\ge 0` at :math:`h_i`; corners are ordinary solutions, not errors.

The algorithms live in :mod:`solvers.continuous` (exact active-set enumeration, numeric
KKT root finding, independent verification, implicit-function derivatives and vectorized
sweeps, Stackelberg leadership, aggregative games).

Examples
--------
Cournot duopoly with inverse demand :math:`a - Q` and unit cost :math:`c`:

>>> import sympy as sp
>>> from games.continuous import ContinuousGame
>>> from games.parameters import Parameter
>>> q1, q2, a, c = sp.symbols("q1 q2 a c")
>>> game = ContinuousGame(
...     players=("Firm 1", "Firm 2"), strategies=(q1, q2),
...     payoffs=((a - q1 - q2 - c) * q1, (a - q1 - q2 - c) * q2),
...     bounds=((0, None), (0, None)),
...     parameters=(Parameter(a, 10, (0, None)), Parameter(c, 1, (0, None))))
>>> game.best_response(0).expr
Piecewise((0, -a + c + q2 >= 0), ((a - c - q2)/2, True))
>>> eq = game.equilibrium()
>>> eq.strategies
{'Firm 1': 3, 'Firm 2': 3}
>>> eq.exact, eq.unique
(True, True)
>>> eq.derivative("a")
{'Firm 1': 1/3, 'Firm 2': 1/3}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sympy as sp

from games.parameters import Parameter, as_parameter, resolve_values, to_sympy_number
from solvers import continuous as cs
from solvers.parallel import DEFAULT_CHUNK_SIZE
from solvers.progress import ProgressArg
from solvers.verify import DEFAULT_RTOL

__all__ = ["AggregativeGame", "ContinuousGame", "SequentialGame", "SymmetricGame"]


def _as_expr(value: Any, what: str) -> sp.Expr:
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr):
            raise TypeError(f"{what} must be a sympy expression, got {type(value).__name__}")
        return value
    return to_sympy_number(value, what)


def _as_bound(value: Any, what: str, infinite: sp.Expr) -> sp.Expr:
    if value is None:
        return infinite
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return sp.oo if value > 0 else -sp.oo
    return _as_expr(value, what)


class ContinuousGame:
    """An n-player game with one continuous (scalar) strategy per player.

    Parameters
    ----------
    players : sequence of str
        Distinct player names.
    strategies : sequence of sympy.Symbol
        One distinct strategy symbol per player.
    payoffs : sequence of sympy expressions
        ``payoffs[i]`` is player *i*'s payoff; it must depend on ``strategies[i]``.
    bounds : sequence of (lower, upper)
        Bounds of each strategy: numbers, parameter expressions (an income), or ``None``
        for an infinite end. ``lower < upper`` must hold (checked with the parameter
        defaults where the bounds are symbolic).
    parameters : sequence of Parameter or sympy.Symbol, optional
        Every other symbol appearing in payoffs or bounds must be declared here; bare
        symbols become parameters without a default. A payoff symbol with the same *name*
        as a parameter symbol (but other assumptions) is identified with it.

    Raises
    ------
    ValueError, TypeError
        On wrong lengths, duplicate names or symbols, a payoff independent of its own
        strategy, bounds in the wrong order, bounds depending on strategies, or
        undeclared symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> ContinuousGame(("A", "B"), (x, y), (-x**2 + x*y, -y**2), ((0, 1), (0, 1)))
    ContinuousGame(players=(A, B); A: x in [0, 1], u = -x**2 + x*y; B: y in [0, 1], u = -y**2)
    >>> ContinuousGame(("A", "B"), (x, y), (-x**2 + x*y, -x), ((0, 1), (0, 1)))
    Traceback (most recent call last):
    ...
    ValueError: payoffs[1] (player 'B') does not depend on its own strategy y
    """

    def __init__(
        self,
        players: Sequence[str],
        strategies: Sequence[sp.Symbol],
        payoffs: Sequence[Any],
        bounds: Sequence[tuple[Any, Any]],
        parameters: Sequence[Parameter | sp.Symbol] = (),
    ) -> None:
        if isinstance(players, str) or not isinstance(players, Sequence):
            raise TypeError("players must be a sequence of names, e.g. ('US', 'Ally')")
        players = tuple(players)
        n = len(players)
        if n < 1:
            raise ValueError("a game needs at least one player")
        for p in players:
            if not isinstance(p, str) or not p:
                raise TypeError(f"player names must be non-empty strings, got {p!r}")
        if len(set(players)) != n:
            raise ValueError(f"player names must be distinct, got {players}")
        for name, seq in (("strategies", strategies), ("payoffs", payoffs), ("bounds", bounds)):
            if isinstance(seq, str) or not isinstance(seq, Sequence) or len(seq) != n:
                raise ValueError(f"{name} must be a sequence with one entry per player ({n})")
        strategies = tuple(strategies)
        for i, s in enumerate(strategies):
            if not isinstance(s, sp.Symbol):
                raise TypeError(f"strategies[{i}] must be a sympy Symbol, got {s!r}")
        if len(set(strategies)) != n:
            raise ValueError(f"strategy symbols must be distinct, got {strategies}")

        params = tuple(as_parameter(p) for p in parameters)
        names = [p.name for p in params]
        if len(set(names)) != len(names):
            raise ValueError(f"parameter names must be distinct, got {names}")
        clash = {p.name for p in params} & {s.name for s in strategies}
        if clash:
            raise ValueError(f"{sorted(clash)} used both as a strategy and as a parameter")
        by_name = {p.name: p.symbol for p in params}

        def unify(expr: sp.Expr) -> sp.Expr:
            # identify symbols that share a parameter's name (sympy keeps assumptions apart)
            rep = {
                s: by_name[s.name]
                for s in expr.free_symbols
                if s.name in by_name and s != by_name[s.name]
            }
            return expr.xreplace(rep) if rep else expr

        pay = tuple(unify(_as_expr(u, f"payoffs[{i}]")) for i, u in enumerate(payoffs))
        bnds = []
        for i, b in enumerate(bounds):
            if isinstance(b, str) or not isinstance(b, Sequence) or len(b) != 2:
                raise ValueError(f"bounds[{i}] must be a (lower, upper) pair; use None for ±oo")
            lo = unify(_as_bound(b[0], f"bounds[{i}][0]", -sp.oo))
            hi = unify(_as_bound(b[1], f"bounds[{i}][1]", sp.oo))
            bnds.append((lo, hi))
        bounds_tuple = tuple(bnds)

        known = set(strategies) | {p.symbol for p in params}
        for i, u in enumerate(pay):
            unknown = u.free_symbols - known
            if unknown:
                raise ValueError(
                    f"payoffs[{i}] (player {players[i]!r}) uses undeclared symbol(s) "
                    f"{', '.join(sorted(s.name for s in unknown))}: declare them in parameters="
                )
            if strategies[i] not in u.free_symbols:
                raise ValueError(
                    f"payoffs[{i}] (player {players[i]!r}) does not depend on its own "
                    f"strategy {strategies[i]}"
                )
        param_syms = {p.symbol for p in params}
        defaults = {p.symbol: p.default for p in params if p.default is not None}
        for i, (lo, hi) in enumerate(bnds):
            for end, e in (("lower", lo), ("upper", hi)):
                if e.free_symbols & set(strategies):
                    raise ValueError(
                        f"bounds[{i}] {end} bound {e} depends on strategies; only "
                        "parameters are allowed (coupled constraints are not supported)"
                    )
                unknown = e.free_symbols - param_syms
                if unknown:
                    raise ValueError(
                        f"bounds[{i}] {end} bound uses undeclared symbol(s) "
                        f"{', '.join(sorted(s.name for s in unknown))}: declare them in "
                        "parameters="
                    )
                if e.is_real is False and e not in (sp.oo, -sp.oo):
                    raise ValueError(f"bounds[{i}] {end} bound {e} is not real")
            if lo == sp.oo or hi == -sp.oo:
                raise ValueError(f"bounds[{i}] = ({lo}, {hi}): bounds in the wrong order")
            order = sp.simplify(hi - lo) if (lo.is_finite and hi.is_finite) else None
            wrong = order is not None and order.is_positive is False
            if not wrong and (lo.free_symbols or hi.free_symbols):
                lo_d, hi_d = lo.xreplace(defaults), hi.xreplace(defaults)
                if not (lo_d.free_symbols or hi_d.free_symbols):
                    wrong = bool(lo_d >= hi_d)
            if wrong:
                raise ValueError(
                    f"bounds[{i}] = ({lo}, {hi}) for player {players[i]!r}: lower bound must "
                    "be below the upper bound"
                )

        self._players = players
        self._strategies = strategies
        self._payoffs = pay
        self._bounds = bounds_tuple
        used = set().union(
            *(u.free_symbols for u in pay),
            *(lo.free_symbols for lo, _ in bnds),
            *(hi.free_symbols for _, hi in bnds),
        )
        self._parameters = params
        self._unused = tuple(p for p in params if p.symbol not in used)

    # ----------------------------------------------------------------- accessors
    @property
    def players(self) -> tuple[str, ...]:
        """Player names."""
        return self._players

    @property
    def strategies(self) -> tuple[sp.Symbol, ...]:
        """Strategy symbols, one per player."""
        return self._strategies

    @property
    def payoffs(self) -> tuple[sp.Expr, ...]:
        """Payoff expressions, one per player."""
        return self._payoffs

    @property
    def bounds(self) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
        """``(lower, upper)`` of each strategy (``-oo``/``oo`` when unbounded)."""
        return self._bounds

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        """Declared parameters (still symbolic in this game)."""
        return self._parameters

    @property
    def n_players(self) -> int:
        """Number of players."""
        return len(self._players)

    def player_index(self, player: int | str) -> int:
        """Index of a player given by index or name."""
        if isinstance(player, str):
            if player not in self._players:
                raise ValueError(f"unknown player {player!r}; players are {self._players}")
            return self._players.index(player)
        if isinstance(player, int | np.integer) and 0 <= int(player) < self.n_players:
            return int(player)
        raise ValueError(f"player must be a name or an index in 0..{self.n_players - 1}")

    def problem(self) -> cs.ContinuousProblem:
        """The game as a plain :class:`solvers.continuous.ContinuousProblem`."""
        return cs.ContinuousProblem(
            strategies=self._strategies,
            payoffs=self._payoffs,
            bounds=self._bounds,
            parameters=tuple(p.symbol for p in self._parameters),
            players=self._players,
            domains={p.symbol: p.domain for p in self._parameters},
        )

    # ------------------------------------------------------------ substitution
    def values(self, values: Mapping[Any, Any] | None = None, **kwargs: Any) -> dict:
        """Checked ``{symbol: value}`` for the given values, defaults filling the rest."""
        merged = dict(values or {})
        merged.update(kwargs)
        return resolve_values(self._parameters, merged)

    def subs(self, values: Mapping[Any, Any] | None = None, **kwargs: Any) -> ContinuousGame:
        """A new game with some parameters bound to values (checked against domains).

        Parameters
        ----------
        values : mapping, optional
            ``{name or symbol or Parameter: value}``.
        **kwargs
            More values by parameter name.

        Examples
        --------
        >>> import sympy as sp
        >>> x, y, b = sp.symbols("x y b")
        >>> g = ContinuousGame(("A", "B"), (x, y), (-x**2 + b*x*y, -y**2 + y),
        ...                    ((0, 1), (0, 1)), parameters=(b,))
        >>> g.subs(b=2).payoffs[0]
        -x**2 + 2*x*y
        >>> [p.name for p in g.subs(b=2).parameters]
        []
        """
        merged = dict(values or {})
        merged.update(kwargs)
        bound = resolve_values(self._parameters, merged, use_defaults=False)
        rest = tuple(p for p in self._parameters if p.symbol not in bound)
        return ContinuousGame(
            self._players,
            self._strategies,
            tuple(u.xreplace(bound) for u in self._payoffs),
            tuple((lo.xreplace(bound), hi.xreplace(bound)) for lo, hi in self._bounds),
            rest,
        )

    # ----------------------------------------------------------------- display
    def __repr__(self) -> str:
        parts = []
        for name, s, u, (lo, hi) in zip(
            self._players, self._strategies, self._payoffs, self._bounds, strict=True
        ):
            parts.append(f"{name}: {s} in [{lo}, {hi}], u = {u}")
        params = ""
        if self._parameters:
            params = "; parameters: " + ", ".join(
                p.name + ("" if p.default is None else f"={p.default}") for p in self._parameters
            )
        return (
            f"ContinuousGame(players=({', '.join(self._players)}); "
            + "; ".join(parts)
            + (params + ")")
        )

    def latex(self) -> str:
        r"""LaTeX for the game: each player's problem, one line per player.

        Examples
        --------
        >>> import sympy as sp
        >>> x, y = sp.symbols("x y")
        >>> print(ContinuousGame(("A", "B"), (x, y), (x*y - x**2, x*y - y**2),
        ...                      ((0, 1), (0, None))).latex())
        \begin{aligned}
        \text{A}&: \max_{0 \le x \le 1} \; - x^{2} + x y \\
        \text{B}&: \max_{y \ge 0} \; x y - y^{2}
        \end{aligned}
        """
        lines = []
        for name, s, u, (lo, hi) in zip(
            self._players, self._strategies, self._payoffs, self._bounds, strict=True
        ):
            sl = sp.latex(s)
            if lo == -sp.oo and hi == sp.oo:
                dom = sl + r" \in \mathbb{R}"
            elif lo == -sp.oo:
                dom = f"{sl} \\le {sp.latex(hi)}"
            elif hi == sp.oo:
                dom = f"{sl} \\ge {sp.latex(lo)}"
            else:
                dom = f"{sp.latex(lo)} \\le {sl} \\le {sp.latex(hi)}"
            lines.append(f"\\text{{{name}}}&: \\max_{{{dom}}} \\; {sp.latex(u)}")
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    # ------------------------------------------------------------------ solving
    def best_response(self, player: int | str, **values: Any) -> cs.BestResponse:
        """Player's best response to the others, from the first-order/KKT conditions.

        The result's ``.expr`` is a sympy ``Piecewise`` in the other strategies (and any
        parameters not given a value), corners included; ``.concavity`` reports the
        second-order check; ``.function`` evaluates the (global) best response
        numerically, also when no closed form exists. Keyword values bind parameters
        (defaults are *not* filled in, so the closed form stays symbolic).

        Examples
        --------
        >>> import sympy as sp
        >>> g1, g2, w1, w2, a = sp.symbols("g1 g2 w1 w2 a", positive=True)
        >>> u = lambda g, w: (1 - a) * sp.log(w - g) + a * sp.log(g1 + g2)
        >>> game = ContinuousGame(("US", "Ally"), (g1, g2), (u(g1, w1), u(g2, w2)),
        ...                       ((0, w1), (0, w2)), parameters=(w1, w2, a))
        >>> br = game.best_response("Ally", a=sp.Rational(1, 2))
        >>> br.expr
        Piecewise((0, g1 - w2 >= 0), ((-g1 + w2)/2, True))
        >>> br.concavity
        'strictly concave (proven)'
        """
        i = self.player_index(player)
        bound = resolve_values(self._parameters, values, use_defaults=False)
        return cs.best_response(self.problem(), i, bound)

    def _free_split(self, values: Mapping[str, Any]) -> tuple[dict, bool]:
        """Parameter values (defaults filled) and whether some parameter stays free: a
        parameter given its own symbol (``a=a``) or without value and default."""
        by_name = {p.name: p for p in self._parameters}
        keep: dict[Any, Any] = {}
        free: set[sp.Symbol] = set()
        for key, value in values.items():
            name = key.name if isinstance(key, Parameter | sp.Symbol) else key
            p = by_name.get(name) if isinstance(name, str) else None
            if p is not None and isinstance(value, sp.Symbol) and value.name == p.name:
                free.add(p.symbol)
                continue
            keep[key] = value
        vals = resolve_values(self._parameters, keep)
        for s in free:
            vals.pop(s, None)
        used = self.problem().free_parameters()
        missing = any(p.symbol in used and p.symbol not in vals for p in self._parameters)
        symbolic = any(getattr(v, "free_symbols", None) for v in vals.values())
        return vals, missing or symbolic

    def _unify(self, assumptions: Any) -> Any:
        """Assumptions with symbols identified with the parameters by name."""
        by_name = {p.name: p.symbol for p in self._parameters}
        items = [assumptions] if isinstance(assumptions, sp.Basic | bool) else assumptions
        out = []
        for rel in items:
            if isinstance(rel, sp.Basic):
                rep = {
                    s: by_name[s.name]
                    for s in rel.free_symbols
                    if s.name in by_name and s != by_name[s.name]
                }
                rel = rel.xreplace(rep) if rep else rel
            out.append(rel)
        return out

    def equilibria(
        self,
        method: str | None = None,
        *,
        starts: int = 8,
        seed: int = 0,
        rtol: float = DEFAULT_RTOL,
        assumptions: Any = (),
        **values: Any,
    ) -> cs.ContinuousEquilibria | cs.ContinuousRegions:
        """All Nash equilibria the method finds, each verified independently.

        With every parameter bound (given a value or a default) the equilibria at that
        point; with some parameter left free (no value and no default, or given its own
        symbol, ``a=a``) the closed-form equilibria by active set with the region of the
        free parameters where each holds (see
        :func:`solvers.continuous.equilibria_by_region`).

        Parameters
        ----------
        method : {None, "exact", "numeric"}
            ``"exact"`` enumerates which bounds bind and solves each case with sympy
            (polynomial first-order systems, exact parameter values); ``"numeric"`` solves
            the KKT system from several starts with scipy. ``None`` tries exact first.
            Ignored when parameters are free (the regions are solved symbolically).
        starts, seed : int
            Number of numeric starting points and the seed of their generator.
        rtol : float
            Relative regret tolerance of float equilibria (times each payoff's scale).
        assumptions : relation or iterable of relations
            Facts about free parameters, in any form (``B > c - tau``, ``c - tau < B``).
        **values
            Parameter values (defaults fill the rest); a parameter's own symbol keeps it
            free.

        Returns
        -------
        solvers.continuous.ContinuousEquilibria or solvers.continuous.ContinuousRegions
            A list of :class:`solvers.continuous.ContinuousEquilibrium` with ``.complete``
            and ``.unique`` (proven) flags and notes; with free parameters, a list of
            :class:`solvers.continuous.ContinuousRegion` (condition, sample point,
            strategies as expressions) with ``.piecewise()``, ``.at(point)``,
            ``.table()`` and ``.latex()``; ``.solve_at(point)`` gives verified equilibria at
            a point, numeric where a case has no closed form (``.gaps``).

        Examples
        --------
        Cournot duopoly with demand :math:`a - b(q_1 + q_2)` and cost :math:`c`, all free:

        >>> import sympy as sp
        >>> q1, q2, a, b, c = sp.symbols("q1 q2 a b c")
        >>> game = ContinuousGame(("Firm 1", "Firm 2"), (q1, q2),
        ...     ((a - b*(q1 + q2) - c)*q1, (a - b*(q1 + q2) - c)*q2),
        ...     ((0, None), (0, None)), parameters=(a, b, c))
        >>> regions = game.equilibria(assumptions=[b > 0])
        >>> regions.piecewise()["Firm 1"]
        Piecewise(((a - c)/(3*b), a > c), (0, True))
        """
        vals, free = self._free_split(values)
        if free:
            return cs.equilibria_by_region(self.problem(), self._unify(assumptions), values=vals)
        if assumptions not in ((), [], None):
            raise ValueError(
                "assumptions= applies to free parameters only; every parameter has a value "
                "here (leave one free with its own symbol, e.g. a=a)"
            )
        return cs.equilibria(
            self.problem(), vals, method=method, starts=starts, seed=seed, rtol=rtol
        )

    def equilibrium(
        self,
        method: str | None = None,
        *,
        starts: int = 8,
        seed: int = 0,
        rtol: float = DEFAULT_RTOL,
        assumptions: Any = (),
        **values: Any,
    ) -> cs.ContinuousEquilibrium | cs.ContinuousRegions:
        """The Nash equilibrium (see :meth:`equilibria`); warns if several are found.

        Raises ``solvers.continuous.NoEquilibriumFound`` if no verified equilibrium is
        found. When several are found a ``MultipleEquilibriaWarning`` is issued and the
        first is returned: use :meth:`equilibria` to get them all. With free parameters
        the closed forms by region (:class:`solvers.continuous.ContinuousRegions`; its
        ``piecewise()`` is the equilibrium as a ``Piecewise``).

        Examples
        --------
        >>> import sympy as sp
        >>> x, k = sp.symbols("x k")
        >>> game = ContinuousGame(("A",), (x,), (-(x - k)**2,), ((0, 1),), parameters=(k,))
        >>> game.equilibrium(k=sp.Rational(1, 2)).strategies
        {'A': 1/2}
        >>> game.equilibrium(assumptions=[k > 0]).piecewise()["A"]
        Piecewise((k, k < 1), (1, True))
        """
        vals, free = self._free_split(values)
        if free:
            return cs.equilibria_by_region(self.problem(), self._unify(assumptions), values=vals)
        out = self.equilibria(method, starts=starts, seed=seed, rtol=rtol, **values)
        assert isinstance(out, cs.ContinuousEquilibria)
        return out.single()

    def stackelberg(
        self, leader: int | str = 0, method: str | None = None, **values: Any
    ) -> cs.StackelbergEquilibrium:
        """Subgame-perfect equilibrium with ``leader`` moving first (see
        :func:`solvers.continuous.stackelberg`)."""
        vals = resolve_values(self._parameters, values, require_all=True)
        return cs.stackelberg(self.problem(), self.player_index(leader), vals, method=method)

    def sweep(
        self,
        grid: Mapping[Any, Any],
        *,
        executor: Any = None,
        progress: ProgressArg = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **values: Any,
    ) -> cs.SweepResult:
        """Equilibrium over a grid of parameter values, vectorized (see
        :func:`solvers.continuous.sweep`).

        ``grid`` maps parameter names (or symbols) to arrays that broadcast together; the
        other parameters take ``values`` or their defaults. ``executor`` (a
        ``concurrent.futures`` executor, a dask ``distributed.Client`` or a scheduler
        address), ``progress`` and ``chunk_size`` split the grid into chunks run elsewhere
        (see :mod:`solvers.parallel`); the result does not depend on them.
        """
        swept = {}
        by_name = {p.name: p for p in self._parameters}
        for key, arr in grid.items():
            name = key.name if isinstance(key, Parameter | sp.Symbol) else key
            if name not in by_name:
                raise ValueError(
                    f"unknown parameter {name!r} in grid; parameters are {list(by_name)}"
                )
            p = by_name[name]
            a = np.asarray(arr, dtype=float)
            if not np.all(np.isfinite(a)):
                raise ValueError(f"grid for {name!r} has non-finite values")
            dom = p.domain
            lo_ok = dom.inf == -sp.oo or np.all(a >= float(dom.inf))
            hi_ok = dom.sup == sp.oo or np.all(a <= float(dom.sup))
            if not (lo_ok and hi_ok):
                raise ValueError(f"grid for {name!r} leaves its domain {dom}")
            swept[p.symbol] = a
        fixed = resolve_values(
            [p for p in self._parameters if p.symbol not in swept], values, require_all=True
        )
        return cs.sweep(
            self.problem(),
            swept,
            fixed,
            executor=executor,
            progress=progress,
            chunk_size=chunk_size,
        )


class SequentialGame:
    """A continuous game played in two stages: ``leader`` commits, the others then play
    the simultaneous game that remains (Stackelberg leadership).

    Its equilibrium is subgame perfect, found and verified by
    :func:`solvers.continuous.stackelberg`.

    Parameters
    ----------
    stage : ContinuousGame
        The simultaneous game (payoffs, bounds, parameters).
    leader : int or str
        The player who moves first.

    Examples
    --------
    Stackelberg duopoly, inverse demand ``12 - Q``: the leader produces 6, the follower 3.

    >>> import sympy as sp
    >>> q1, q2 = sp.symbols("q1 q2")
    >>> stage = ContinuousGame(("Leader", "Follower"), (q1, q2),
    ...                        ((12 - q1 - q2) * q1, (12 - q1 - q2) * q2), ((0, None), (0, None)))
    >>> game = SequentialGame(stage, "Leader")
    >>> game
    SequentialGame(Leader moves first, then Follower)
    >>> eq = game.equilibrium()
    >>> eq.strategies, eq.verified
    ({'Leader': 6, 'Follower': 3}, True)
    """

    def __init__(self, stage: ContinuousGame, leader: int | str = 0) -> None:
        if not isinstance(stage, ContinuousGame):
            raise TypeError(f"stage must be a ContinuousGame, got {type(stage).__name__}")
        self.stage = stage
        self.leader = stage.players[stage.player_index(leader)]

    @property
    def players(self) -> tuple[str, ...]:
        return self.stage.players

    def equilibrium(self, method: str | None = None, **values: Any) -> cs.StackelbergEquilibrium:
        """The subgame-perfect equilibrium (``values`` bind the stage game's parameters)."""
        return self.stage.stackelberg(self.leader, method=method, **values)

    def __repr__(self) -> str:
        others = ", ".join(p for p in self.players if p != self.leader)
        return f"SequentialGame({self.leader} moves first, then {others})"


def _param_domains(params: Sequence[Parameter]) -> dict:
    return {p.symbol: p.domain for p in params}


class AggregativeGame:
    r"""n heterogeneous players with payoff :math:`u(x_i, X; \theta_i)`, :math:`X = \sum_j x_j`.

    One symbolic payoff shared by all players; what differs across players are the values
    of ``player_symbols`` (incomes, weights), given as arrays. Solved through the
    aggregate (:func:`solvers.continuous.aggregative_equilibrium`), so 10,000 players take
    milliseconds.

    Parameters
    ----------
    strategy : sympy.Symbol
        The own strategy :math:`x_i`.
    aggregate : sympy.Symbol
        The aggregate :math:`X` (own strategy included).
    payoff : sympy.Expr
        :math:`u(x_i, X)`, may use player symbols and parameters.
    bounds : (lower, upper)
        Bounds of each player's strategy; may use player symbols (e.g. ``(0, w)``).
    player_values : mapping
        ``{player symbol: array of one value per player}``.
    parameters : sequence of Parameter or sympy.Symbol
        Parameters shared by all players.
    players : sequence of str, optional
        Player names (default ``"player 0"``, ...).

    Examples
    --------
    >>> import sympy as sp
    >>> g, G, w, a = sp.symbols("g G w a", positive=True)
    >>> share = Parameter(a, sp.Rational(1, 2), sp.Interval.open(0, 1), "public-good weight")
    >>> game = AggregativeGame(g, G, (1 - a) * sp.log(w - g) + a * sp.log(G), (0, w),
    ...                        {w: [10, 8, 2]}, parameters=[share])
    >>> eq = game.equilibrium()
    >>> round(eq.aggregate, 12), eq.strategies.round(12).tolist(), eq.verified, eq.unique
    (6.0, [4.0, 2.0, 0.0], True, True)
    """

    def __init__(
        self,
        strategy: sp.Symbol,
        aggregate: sp.Symbol,
        payoff: Any,
        bounds: tuple[Any, Any],
        player_values: Mapping[Any, Any],
        parameters: Sequence[Parameter | sp.Symbol] = (),
        players: Sequence[str] | None = None,
    ) -> None:
        for name, s in (("strategy", strategy), ("aggregate", aggregate)):
            if not isinstance(s, sp.Symbol):
                raise TypeError(f"{name} must be a sympy Symbol, got {s!r}")
        self.strategy, self.aggregate = strategy, aggregate
        self.payoff = _as_expr(payoff, "payoff")
        if isinstance(bounds, str) or len(bounds) != 2:
            raise ValueError("bounds must be a (lower, upper) pair")
        self.bounds = (
            _as_bound(bounds[0], "bounds[0]", -sp.oo),
            _as_bound(bounds[1], "bounds[1]", sp.oo),
        )
        self._parameters = tuple(as_parameter(p) for p in parameters)
        arrays = {}
        n = None
        for sym, vals in player_values.items():
            if not isinstance(sym, sp.Symbol):
                raise TypeError(f"player_values keys must be sympy Symbols, got {sym!r}")
            arr = np.asarray(vals, dtype=float)
            if arr.ndim != 1 or not np.all(np.isfinite(arr)):
                raise ValueError(f"player values for {sym.name!r} must be a finite 1-D array")
            if n is not None and arr.size != n:
                raise ValueError("all player_values arrays need one value per player")
            n = arr.size
            arrays[sym] = arr
        if not n:
            raise ValueError("player_values must give at least one array of player values")
        self._arrays = arrays
        self.n_players = n
        self.players = (
            tuple(players) if players is not None else tuple(f"player {i}" for i in range(n))
        )
        if len(self.players) != n:
            raise ValueError(f"players must hold {n} names")
        known = {strategy, aggregate, *arrays, *(p.symbol for p in self._parameters)}
        for what, e in (
            ("payoff", self.payoff),
            ("lower bound", self.bounds[0]),
            ("upper bound", self.bounds[1]),
        ):
            unknown = e.free_symbols - known
            if unknown:
                raise ValueError(
                    f"{what} uses undeclared symbol(s) "
                    f"{', '.join(sorted(s.name for s in unknown))}"
                )
        if strategy not in self.payoff.free_symbols:
            raise ValueError("payoff does not depend on the own strategy")

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        """Shared parameters."""
        return self._parameters

    def replacement(self, **values: Any) -> Any:
        """The symbolic replacement function with shared parameters bound."""
        from solvers.continuous import replacement_function

        vals = resolve_values(self._parameters, values, require_all=True)
        return replacement_function(
            self.payoff,
            self.strategy,
            self.aggregate,
            self.bounds[0],
            self.bounds[1],
            player_symbols=tuple(self._arrays),
            common=vals,
        )

    def equilibrium(self, verify: bool = True, **values: Any) -> cs.AggregativeEquilibrium:
        """Equilibrium through the aggregate (see
        :func:`solvers.continuous.aggregative_equilibrium`), verified by default with
        vectorized global regrets (:func:`solvers.continuous.aggregate_regrets`)."""
        from dataclasses import replace

        from solvers.continuous import aggregate_regrets, aggregative_equilibrium

        rep = self.replacement(**values)
        named = {s.name: a for s, a in self._arrays.items()}
        r = rep.function(**named)
        lo, hi = r.lower, r.upper
        if not (np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))):
            raise ValueError("the aggregative solver needs finite strategy bounds")
        if np.any(lo > hi):
            raise ValueError("some player's lower bound exceeds its upper bound")
        eq = aggregative_equilibrium(
            r, (float(lo.sum()), float(hi.sum())), lower=lo, upper=hi, decreasing=rep.decreasing
        )
        notes = list(eq.notes)
        if rep.concave is not True:
            notes.append("concavity of u(x, x + Y) in x not proven")
        if verify:
            regret, tol = aggregate_regrets(rep.payoff_function(**named), eq.strategies, lo, hi)
            ok = bool(np.all(regret <= tol))
            if not ok:
                notes.append(f"verification failed for {int(np.sum(regret > tol))} players")
            eq = replace(eq, regret=regret, tolerance=tol, verified=ok, notes=tuple(notes))
        else:
            eq = replace(eq, notes=tuple(notes))
        return eq

    def to_continuous_game(self) -> ContinuousGame:
        """The same game as an explicit :class:`ContinuousGame` (for small n)."""
        xs = sp.symbols(f"x0:{self.n_players}", real=True)
        total = sp.Add(*xs)
        payoffs, bounds = [], []
        for i, x in enumerate(xs):
            rep = {s: sp.nsimplify(float(a[i])) for s, a in self._arrays.items()}
            payoffs.append(
                self.payoff.xreplace(rep).xreplace({self.aggregate: total, self.strategy: x})
            )
            bounds.append(tuple(b.xreplace(rep) for b in self.bounds))
        return ContinuousGame(self.players, xs, payoffs, bounds, self._parameters)


class SymmetricGame:
    r"""``n`` identical players (``n`` may be a symbol): payoff :math:`u(x_i, S_{-i})`.

    ``others`` stands for the sum of the other players' strategies. The symmetric
    equilibrium comes out in closed form in ``n`` (see
    :func:`solvers.continuous.symmetric_equilibrium`).

    Examples
    --------
    Public good for n identical allies with income w (BBV with all contributing):

    >>> import sympy as sp
    >>> g, S, n, w, a = sp.symbols("g S n w a", positive=True)
    >>> game = SymmetricGame(g, S, (1 - a) * sp.log(w - g) + a * sp.log(g + S), (0, w), n,
    ...                      parameters=[Parameter(a, None, sp.Interval.open(0, 1)), w])
    >>> eq = game.equilibrium()
    >>> sp.simplify(eq.interior[0] - a * w / (a + n * (1 - a)))
    0
    >>> eq.concave
    True
    """

    def __init__(
        self,
        strategy: sp.Symbol,
        others: sp.Symbol,
        payoff: Any,
        bounds: tuple[Any, Any],
        n: sp.Symbol | int,
        parameters: Sequence[Parameter | sp.Symbol] = (),
    ) -> None:
        self.strategy, self.others = strategy, others
        self.payoff = _as_expr(payoff, "payoff")
        self.bounds = (
            _as_bound(bounds[0], "bounds[0]", -sp.oo),
            _as_bound(bounds[1], "bounds[1]", sp.oo),
        )
        self.n = n if isinstance(n, sp.Symbol) else sp.Integer(int(n))
        self._parameters = tuple(as_parameter(p) for p in parameters)
        known = {strategy, others, *(p.symbol for p in self._parameters)}
        if isinstance(self.n, sp.Symbol):
            known.add(self.n)
        for what, e in (
            ("payoff", self.payoff),
            ("lower bound", self.bounds[0]),
            ("upper bound", self.bounds[1]),
        ):
            unknown = e.free_symbols - known
            if unknown:
                raise ValueError(
                    f"{what} uses undeclared symbol(s) "
                    f"{', '.join(sorted(s.name for s in unknown))}"
                )

    def equilibrium(self, **values: Any) -> cs.SymmetricEquilibrium:
        """Closed-form symmetric equilibrium (values bind parameters; defaults not used)."""
        from solvers.continuous import symmetric_equilibrium

        vals = resolve_values(self._parameters, values, use_defaults=False)
        u = self.payoff.xreplace(vals)
        lo, hi = (b.xreplace(vals) for b in self.bounds)
        return symmetric_equilibrium(
            u, self.strategy, self.others, self.n, lo, hi, domains=_param_domains(self._parameters)
        )

    def to_continuous_game(self, n: int, **values: Any) -> ContinuousGame:
        """The game with ``n`` explicit players (to cross-check the closed form)."""
        xs = sp.symbols(f"x0:{n}", real=True)
        payoffs = []
        for i, x in enumerate(xs):
            rest = sp.Add(*(xs[j] for j in range(n) if j != i))
            payoffs.append(self.payoff.xreplace({self.others: rest, self.strategy: x}))
        game = ContinuousGame(
            tuple(f"player {i}" for i in range(n)),
            xs,
            payoffs,
            [self.bounds] * n,
            self._parameters,
        )
        return game.subs(values) if values else game
