r"""Results of the continuous-game solvers: verified equilibria and how they were found.

:class:`ContinuousEquilibrium` is one equilibrium with its strategies, payoffs, regrets
(from :func:`solvers.continuous._verify.verify_profile`), active bounds and uniqueness
argument; :class:`ContinuousEquilibria` is the list :func:`solvers.continuous.equilibria`
returns, with whether the search was complete.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from solvers._numbers import convert, sign
from solvers._numbers import fmt as _fmt
from solvers.continuous._problem import ContinuousProblem
from solvers.result import EquilibriumResult, EquilibriumSet

__all__ = [
    "ContinuousEquilibria",
    "ContinuousEquilibrium",
    "MultipleEquilibriaWarning",
    "NoEquilibriumFound",
]


class MultipleEquilibriaWarning(UserWarning):
    """Several equilibria were found where one was asked for."""


class NoEquilibriumFound(RuntimeError):
    """No verified equilibrium was found."""


@dataclass(frozen=True, eq=False)
class ContinuousEquilibrium(EquilibriumResult):
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
            return all(sign(sp.sympify(r)) == 0 for r in self.regrets.values())
        return all(float(self.regrets[p]) <= self.tolerance[p] for p in self.regrets)  # type: ignore[index]

    def derivative(self, parameter: Any) -> dict[str, Any]:
        """Derivative of each strategy with respect to a parameter (implicit function
        theorem on the active KKT system); see
        :func:`solvers.continuous._statics.equilibrium_derivative`."""
        from solvers.continuous._statics import equilibrium_derivative

        return equilibrium_derivative(self, parameter)

    def sweep(self, grid: Mapping[Any, Any], **options: Any):
        """Vectorized equilibrium over a parameter grid around this equilibrium's values;
        see :func:`solvers.continuous._statics.sweep` (``options``: ``executor``,
        ``progress``, ``chunk_size``, ``spot_checks``, ``seed``)."""
        from solvers.continuous._statics import sweep

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
        return sweep(self.problem, swept, fixed, **options)

    def strategies_by_player(self) -> dict[str, Any]:
        """Player name to strategy."""
        return dict(self.strategies)

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to payoff."""
        return dict(self.payoffs)

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain-Python form; ``numbers`` as in :meth:`solvers.result.Equilibrium.to_dict`
        (default: exact rationals as ``Fraction``, other exact numbers as str)."""
        c = convert
        return {
            "strategies": {k: c(v, numbers) for k, v in self.strategies.items()},
            "payoffs": {k: c(v, numbers) for k, v in self.payoffs.items()},
            "exact": self.exact,
            "verified": self.verified,
            "regret": c(self.regret, numbers),
            "regrets": {k: c(v, numbers) for k, v in self.regrets.items()},
            "tolerance": self.tolerance,
            "active": dict(self.active),
            "method": self.method,
            "unique": self.unique,
            "uniqueness": self.uniqueness,
            "notes": list(self.notes),
            "values": {str(k): c(v, numbers) for k, v in self.values.items()},
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


class ContinuousEquilibria(EquilibriumSet):
    """An :class:`~solvers.result.EquilibriumSet` of :class:`ContinuousEquilibrium`.

    Attributes
    ----------
    method : str
    exact : bool
        Whether every equilibrium is exact (default: computed from the items).
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
        exact: bool | None = None,
    ) -> None:
        items = list(items)
        super().__init__(
            items,
            method=method,
            exact=all(e.exact for e in items) if exact is None else exact,
            complete=complete,
            notes=notes,
        )
        self.unique = unique
        self.uniqueness = uniqueness

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
        return (
            head
            + "".join(f"\n  {e!r}" for e in self)
            + "".join(f"\n  note: {n}" for n in self.notes)
        )
