r"""Two-player bargaining problems: a feasible set, a disagreement point, and the solutions.

A :class:`BargainingProblem` holds a convex, comprehensive feasible set of payoff pairs and
a disagreement point, and solves itself under each protocol of :mod:`solvers.bargaining`:
Nash (1950; weighted), Kalai-Smorodinsky (1975), Rubinstein (1982) alternating offers and
their fast-offer limit (Binmore, Rubinstein & Wolinsky 1986), and alternatives to
agreement entered either as a threat point or as an outside option (BRW's outside-option
principle; the switch ``disagreement="threat_point" | "outside_option"``). With
transferable utility, Nash's fixed-threat and variable-threat (1953) solutions are
available too.

Feasible sets come in three forms:

* :meth:`BargainingProblem.from_frontier` -- ``u2 = f(u1)`` as a sympy expression
  (parameters allowed: solutions are then symbolic);
* :meth:`BargainingProblem.from_points` -- the convex hull of a polygon of outcomes;
* :meth:`BargainingProblem.from_game` -- the payoff pairs of a two-player
  :class:`~games.normal_form.NormalFormGame` (lotteries convexify them); the disagreement
  point defaults to the players' security (maxmin) levels;

and :meth:`BargainingProblem.transferable` is the line ``u1 + u2 = J``.

Examples
--------
>>> from fractions import Fraction as F
>>> from games.bargaining import BargainingProblem
>>> p = BargainingProblem.transferable(1, players=("US", "China"))
>>> p.nash().payoffs, p.rubinstein(F(9, 10), F(4, 5)).payoffs
((1/2, 1/2), (5/7, 2/7))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from solvers import bargaining as sb

__all__ = ["PROTOCOLS", "BargainingProblem"]

#: Protocol names accepted by :meth:`BargainingProblem.solve`.
PROTOCOLS = (
    "nash",
    "weighted_nash",
    "kalai_smorodinsky",
    "rubinstein",
    "rubinstein_limit",
    "outside_option",
    "threat_point",
)


def _check_pair(disagreement: Any) -> None:
    """Refuse anything but two payoffs, naming ``disagreement``."""
    if isinstance(disagreement, str) or not hasattr(disagreement, "__len__"):
        raise ValueError(f"disagreement must be a pair (d1, d2), got {disagreement!r}")
    if len(disagreement) != 2:
        raise ValueError(f"disagreement must be a pair (d1, d2), got {disagreement!r}")


def _num(value: Any, name: str) -> sp.Expr:
    if isinstance(value, sp.Basic):
        return sp.sympify(value)
    if isinstance(value, bool | str) or not isinstance(value, int | float | Fraction | np.number):
        raise TypeError(f"{name} must be a number or sympy expression, got {value!r}")
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, int | np.integer):
        return sp.Integer(int(value))
    return sp.Float(float(value))


class BargainingProblem:
    """A two-player bargaining problem ``(S, d)``.

    Build with :meth:`from_frontier`, :meth:`from_points`, :meth:`from_game` or
    :meth:`transferable`.

    Attributes
    ----------
    frontier : solvers.bargaining.Frontier
        Pareto frontier of the feasible set.
    disagreement : tuple
        The disagreement (threat) point ``d``.
    players : tuple of str
    surplus : number or None
        Joint surplus when utility is transferable (``u1 + u2 <= J``), else None.
    game : NormalFormGame or None
        The game whose outcomes make the feasible set (:meth:`from_game`).

    Examples
    --------
    >>> import sympy as sp
    >>> u, J = sp.symbols("u J", positive=True)
    >>> p = BargainingProblem.from_frontier(J - u, u, (0, J), disagreement=(0, 0))
    >>> p.nash().payoffs                          # symbolic: split the surplus in half
    (J/2, J/2)
    >>> p.subs(J=6).kalai_smorodinsky().payoffs
    (3, 3)
    """

    def __init__(
        self,
        frontier: sb.Frontier,
        disagreement: Sequence[Any] = (0, 0),
        players: Sequence[str] = ("player 1", "player 2"),
        *,
        surplus: Any = None,
        game: Any = None,
    ) -> None:
        if not isinstance(frontier, sb.Frontier):
            raise TypeError(
                "frontier must be a solvers.bargaining Frontier; build problems with "
                "BargainingProblem.from_frontier / from_points / from_game / transferable"
            )
        if isinstance(players, str) or len(players) != 2:
            raise ValueError(f"players must be two names, got {players!r}")
        _check_pair(disagreement)
        self.frontier = frontier
        self.disagreement = (
            _num(disagreement[0], "disagreement[0]"),
            _num(disagreement[1], "disagreement[1]"),
        )
        self.players = (str(players[0]), str(players[1]))
        self.surplus = None if surplus is None else _num(surplus, "surplus")
        self.game = game
        if frontier.contains(self.disagreement) is False:
            raise ValueError(
                f"disagreement point {tuple(disagreement)} lies outside the feasible set"
            )

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_frontier(
        cls,
        expr: Any,
        symbol: sp.Symbol,
        bounds: Sequence[Any],
        disagreement: Sequence[Any] = (0, 0),
        players: Sequence[str] = ("player 1", "player 2"),
    ) -> BargainingProblem:
        """Feasible set under the frontier ``u2 = expr(symbol)``, ``symbol`` in ``bounds``.

        Examples
        --------
        >>> import sympy as sp
        >>> u = sp.Symbol("u")
        >>> BargainingProblem.from_frontier(1 - u**2, u, (0, 1)).nash().payoffs
        (sqrt(3)/3, 2/3)
        """
        return cls(sb.curve_frontier(expr, symbol, bounds), disagreement, players)

    @classmethod
    def from_points(
        cls,
        points: Any,
        disagreement: Sequence[Any] = (0, 0),
        players: Sequence[str] = ("player 1", "player 2"),
    ) -> BargainingProblem:
        """Feasible set = convex, comprehensive hull of the outcome pairs ``points``.

        Examples
        --------
        >>> p = BargainingProblem.from_points([(0, 2), (1, 0), (0, 0)])
        >>> p.frontier.vertices, p.nash().payoffs
        (((0, 2), (1, 0)), (1/2, 1))
        """
        return cls(sb.polygon_frontier(points), disagreement, players)

    @classmethod
    def transferable(
        cls,
        surplus: Any,
        disagreement: Sequence[Any] = (0, 0),
        players: Sequence[str] = ("player 1", "player 2"),
        *,
        bounds: Sequence[Any] | None = None,
    ) -> BargainingProblem:
        """Transferable utility: every split of ``surplus`` (``u1 + u2 = J``).

        ``bounds`` is the range of player 1's payoff (default: wide enough for any
        split that leaves both at least their disagreement payoff). A symbolic
        ``surplus`` gives a symbolic problem.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> BargainingProblem.transferable(F(8, 3), (2, F(1, 2))).nash().payoffs
        (25/12, 7/12)
        """
        j = _num(surplus, "surplus")
        _check_pair(disagreement)
        d = (_num(disagreement[0], "disagreement[0]"), _num(disagreement[1], "disagreement[1]"))
        if bounds is None:
            lo, hi = sp.Min(0, d[0], j - d[1]), sp.Max(j, d[0], j - d[1])
        else:
            lo, hi = _num(bounds[0], "bounds[0]"), _num(bounds[1], "bounds[1]")
        if j.free_symbols or (bounds is not None and (lo.free_symbols or hi.free_symbols)):
            u = sp.Dummy("u")
            fr: sb.Frontier = sb.curve_frontier(j - u, u, (lo, hi))
        else:
            fr = sb.transferable_utility(j, lo=lo, hi=hi)
        return cls(fr, d, players, surplus=j)

    @classmethod
    def from_game(
        cls,
        game: Any,
        disagreement: str | Sequence[Any] = "maxmin",
    ) -> BargainingProblem:
        """Bargaining over the outcomes of a two-player normal-form game.

        The feasible set is the convex hull of the pure outcomes' payoff pairs (jointly
        randomized agreements) with free disposal.

        Parameters
        ----------
        game : games.NormalFormGame
            Two players, numeric payoffs.
        disagreement : "maxmin" or (d1, d2)
            ``"maxmin"``: each player's security level (the value of the zero-sum game
            of its own payoffs, from :func:`solvers.finite.equilibria`).

        Examples
        --------
        >>> from games import NormalFormGame
        >>> bos = NormalFormGame([[[3, 0], [0, 2]], [[2, 0], [0, 3]]])
        >>> p = BargainingProblem.from_game(bos)
        >>> p.disagreement, p.nash().payoffs
        ((6/5, 6/5), (5/2, 5/2))
        """
        if getattr(game, "num_players", None) != 2:
            raise ValueError("from_game needs a two-player NormalFormGame")
        if game.parameters:
            raise ValueError("bind the game's parameters with .subs(...) first")
        exact = game.kind == "exact"
        a, b = game.payoff_arrays(exact=exact)
        pts = [(a[i, j], b[i, j]) for i in range(a.shape[0]) for j in range(a.shape[1])]
        if isinstance(disagreement, str):
            if disagreement != "maxmin":
                raise ValueError(f"disagreement must be 'maxmin' or a pair, got {disagreement!r}")
            disagreement = (_security(a, exact), _security(b.T, exact))
        return cls(sb.polygon_frontier(pts), disagreement, game.players, game=game)

    # ------------------------------------------------------------------ basics
    def __repr__(self) -> str:
        d = ", ".join(str(v) for v in self.disagreement)
        who = f"{self.players[0]} vs {self.players[1]}"
        return f"BargainingProblem({who}: {self.frontier!r}, d=({d}))"

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """Free symbols of the problem, sorted by name."""
        syms = set(self.frontier.free_symbols)
        for v in self.disagreement:
            syms |= v.free_symbols
        if self.surplus is not None:
            syms |= self.surplus.free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    def subs(self, values: Mapping[Any, Any] | None = None, **kwargs: Any) -> BargainingProblem:
        """Bind parameters (by symbol or name); returns a new problem.

        Examples
        --------
        >>> import sympy as sp
        >>> J = sp.Symbol("J", positive=True)
        >>> BargainingProblem.transferable(J).subs(J=4).nash().payoffs
        (2, 2)
        """
        by_name = {s.name: s for s in self.parameters}
        mapping: dict[sp.Symbol, sp.Expr] = {}
        for key, value in list((values or {}).items()) + list(kwargs.items()):
            name = key.name if isinstance(key, sp.Symbol) else key
            if name not in by_name:
                raise ValueError(f"subs: unknown parameter {key!r} (parameters: {list(by_name)})")
            mapping[by_name[name]] = _num(value, name)
        fr = self.frontier
        d = tuple(sp.sympify(v).xreplace(mapping) for v in self.disagreement)
        if self.surplus is not None:
            j = self.surplus.xreplace(mapping)
            if isinstance(fr, sb.CurveFrontier):
                lo, hi = (sp.sympify(x).xreplace(mapping) for x in (fr.lo, fr.hi))
                bounds = None if self._default_bounds() else (lo, hi)
                return BargainingProblem.transferable(j, d, self.players, bounds=bounds)
            return BargainingProblem(fr, d, self.players, surplus=j, game=self.game)
        if isinstance(fr, sb.CurveFrontier):
            new = sb.curve_frontier(
                fr.expr.xreplace(mapping),
                fr.symbol,
                (sp.sympify(fr.lo).xreplace(mapping), sp.sympify(fr.hi).xreplace(mapping)),
            )
            return BargainingProblem(new, d, self.players)
        return BargainingProblem(fr, d, self.players, game=self.game)

    def _default_bounds(self) -> bool:
        return isinstance(self.frontier, sb.CurveFrontier) and isinstance(self.frontier.lo, sp.Min)

    def with_disagreement(self, disagreement: Sequence[Any]) -> BargainingProblem:
        """The same feasible set with another disagreement point."""
        return BargainingProblem(
            self.frontier, disagreement, self.players, surplus=self.surplus, game=self.game
        )

    def ideal_point(self) -> tuple[Any, Any]:
        """Each player's best payoff given the other gets its disagreement payoff."""
        return self.frontier.ideal(self.disagreement)

    def _label(self, s: sb.BargainingSolution) -> sb.BargainingSolution:
        return s.with_players(self.players)

    # ------------------------------------------------------------------ solutions
    def nash(self, weights: Sequence[Any] | None = None) -> sb.BargainingSolution:
        """Nash bargaining solution (weighted with ``weights``); see
        :func:`solvers.bargaining.nash_solution`."""
        return self._label(sb.nash_solution(self.frontier, self.disagreement, weights))

    def kalai_smorodinsky(self) -> sb.BargainingSolution:
        """Kalai-Smorodinsky solution; see :func:`solvers.bargaining.kalai_smorodinsky`."""
        return self._label(sb.kalai_smorodinsky(self.frontier, self.disagreement))

    def rubinstein(self, delta1: Any, delta2: Any, proposer: int = 0) -> sb.BargainingSolution:
        """Rubinstein's alternating offers with impasse payoffs ``d``; see
        :func:`solvers.bargaining.rubinstein`."""
        return self._label(
            sb.rubinstein(delta1, delta2, self.frontier, self.disagreement, proposer)
        )

    def rubinstein_limit(self, rates: Sequence[Any]) -> sb.BargainingSolution:
        """Fast-offer limit: weighted Nash with weights ``r_j/(r_1 + r_2)``."""
        return self._label(sb.rubinstein_limit(rates, self.frontier, self.disagreement))

    def with_alternatives(
        self,
        options: Sequence[Any],
        disagreement: str = "outside_option",
        weights: Sequence[Any] | None = None,
    ) -> sb.BargainingSolution:
        """Alternatives to agreement as a ``"threat_point"`` or an ``"outside_option"``.

        The problem's disagreement point is the impasse point; see
        :func:`solvers.bargaining.outside_option_solution`.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> p = BargainingProblem.transferable(F(8, 3), (0, 2))
        >>> p.with_alternatives((2, F(1, 2))).payoffs
        (2, 2/3)
        >>> p.with_alternatives((2, F(1, 2)), disagreement="threat_point").payoffs
        (25/12, 7/12)
        """
        return self._label(
            sb.outside_option_solution(
                self.frontier, self.disagreement, options, weights, disagreement=disagreement
            )
        )

    def fixed_threat(self, weights: Sequence[Any] | None = None) -> sb.BargainingSolution:
        """Transferable utility: ``u_i = d_i + w_i (J - d_1 - d_2)``."""
        self._require_tu("fixed_threat")
        return self._label(sb.fixed_threat(self.surplus, self.disagreement, weights))

    def variable_threat(
        self, threat_payoffs: Any = None, weights: Sequence[Any] | None = None
    ) -> sb.BargainingSolution:
        """Nash's (1953) optimal threats with transferable utility.

        ``threat_payoffs`` is a pair of matrices, or a two-player ``NormalFormGame``
        (default: the game the problem was built from; the surplus is then the largest
        joint payoff of the game).

        Examples
        --------
        >>> from games import NormalFormGame
        >>> g = NormalFormGame([[[0, 0], [-1, -1]], [[0, 1], [-4, -3]]])
        >>> BargainingProblem.transferable(4).variable_threat(g).payoffs
        (3, 1)
        """
        threats = self.game if threat_payoffs is None else threat_payoffs
        if threats is None:
            raise ValueError("variable_threat needs threat payoffs (matrices or a game)")
        if hasattr(threats, "payoff_arrays"):
            exact = threats.kind == "exact"
            threats = tuple(threats.payoff_arrays(exact=exact))
        surplus = self.surplus
        if surplus is None:
            if self.game is None:
                raise ValueError("variable_threat needs transferable utility (a surplus)")
            a, b = threats
            surplus = max(a[i, j] + b[i, j] for i in range(a.shape[0]) for j in range(a.shape[1]))
        return self._label(sb.variable_threat(threats, surplus, weights))

    def _require_tu(self, what: str) -> None:
        if self.surplus is None:
            raise ValueError(
                f"{what} needs transferable utility: use BargainingProblem.transferable"
            )

    def solve(self, protocol: str, **kwargs: Any) -> sb.BargainingSolution:
        """Solve under a named protocol (one of :data:`PROTOCOLS`).

        ``kwargs``: ``weights`` (weighted_nash), ``delta1``/``delta2``/``proposer``
        (rubinstein), ``rates`` (rubinstein_limit), ``options`` (outside_option,
        threat_point).

        Examples
        --------
        >>> p = BargainingProblem.transferable(1)
        >>> p.solve("rubinstein_limit", rates=(1, 3)).payoffs
        (3/4, 1/4)
        """
        if protocol == "nash":
            return self.nash()
        if protocol == "weighted_nash":
            return self.nash(kwargs["weights"])
        if protocol == "kalai_smorodinsky":
            return self.kalai_smorodinsky()
        if protocol == "rubinstein":
            return self.rubinstein(kwargs["delta1"], kwargs["delta2"], kwargs.get("proposer", 0))
        if protocol == "rubinstein_limit":
            return self.rubinstein_limit(kwargs["rates"])
        if protocol in ("outside_option", "threat_point"):
            return self.with_alternatives(kwargs["options"], protocol, kwargs.get("weights"))
        raise ValueError(f"unknown protocol {protocol!r}; choose one of {PROTOCOLS}")


def _security(a: np.ndarray, exact: bool) -> Any:
    """Maxmin value of the row player of the zero-sum game with matrix ``a``."""
    from solvers.finite import equilibria

    eqs = equilibria([a, -a], exact=exact)
    value = eqs[0].payoffs[0]
    if not exact:
        return float(value)
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    return sp.sympify(value)
