r"""A continuous game as plain sympy data: :class:`ContinuousProblem`.

Player :math:`i` chooses a scalar strategy :math:`x_i \in [\ell_i, h_i]` (either end may be
infinite) to maximize a sympy payoff :math:`u_i(x_1, \dots, x_n; \theta)`. The parameters
:math:`\theta` must be bound to numbers (:meth:`ContinuousProblem.bind`) before numeric
work; their domains, when known, help prove signs. Every solver in
:mod:`solvers.continuous` takes this object as its input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

__all__ = ["ContinuousProblem"]


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
    players: tuple[str, ...] = ()
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
                "unbound parameter(s) "
                + ", ".join(sorted(s.name for s in free))
                + ": give them values (keyword arguments) or defaults before solving"
            )

    def is_exact(self) -> bool:
        """Whether every number in payoffs and bounds is exact (no floats)."""
        exprs = list(self.payoffs) + [b for pair in self.bounds for b in pair]
        return not any(e.has(sp.Float) for e in exprs)
