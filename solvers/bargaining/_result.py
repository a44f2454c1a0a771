"""The result of a bargaining protocol: who gets what, from which disagreement point.

:class:`BargainingSolution` records the agreed payoffs, the disagreement point they were
measured from, the bargaining weights, whether the players agree at all, how the solution
was computed (``method``), whether arithmetic was exact, and protocol details (the ideal
point of Kalai-Smorodinsky, the two proposals of Rubinstein's game, the optimal threats of
Nash's variable-threat game) in ``details``.

Examples
--------
>>> import sympy as sp
>>> from solvers.bargaining import BargainingSolution
>>> s = BargainingSolution(payoffs=(sp.Rational(1, 2), sp.Rational(1, 2)),
...                        disagreement=(0, 0), method="by hand", exact=True)
>>> s
BargainingSolution(payoffs=(1/2, 1/2), disagreement=(0, 0), gains=(1/2, 1/2) | exact | by hand)
>>> s.to_dict()["payoffs"]
{'player 1': Fraction(1, 2), 'player 2': Fraction(1, 2)}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sympy as sp

from solvers._numbers import fmt, plain
from solvers.result import SolutionResult, convert_number

__all__ = ["BargainingSolution"]


@dataclass(frozen=True, eq=False)
class BargainingSolution(SolutionResult):
    """Payoffs agreed under one bargaining protocol.

    Attributes
    ----------
    payoffs : tuple
        ``(u1, u2)``: sympy numbers when exact or symbolic, floats otherwise.
    disagreement : tuple
        The point the gains are measured from (the threat point, or the impasse point
        when outside options only bound the payoffs).
    method : str
        Protocol, e.g. ``"nash"``, ``"weighted nash"``, ``"kalai-smorodinsky"``,
        ``"rubinstein"``, ``"outside option (BRW)"``, ``"variable threat (Nash 1953)"``.
    exact : bool
    weights : tuple or None
        Bargaining weights ``(w1, w2)``, summing to one, where the protocol has them.
    agreement : bool
        False when no outcome improves on the disagreement point for both (the payoffs
        are then the disagreement payoffs).
    players : tuple of str or None
    details : mapping
        Protocol specifics (``ideal``, ``proposals``, ``threats``, ``threat_point``, ...).
    notes : tuple of str
    """

    payoffs: tuple[Any, Any]
    disagreement: tuple[Any, Any]
    method: str
    exact: bool
    weights: tuple[Any, Any] | None = None
    agreement: bool = True
    players: tuple[str, str] | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def gains(self) -> tuple[Any, Any]:
        """Each player's payoff minus its disagreement payoff."""
        g = tuple(u - d for u, d in zip(self.payoffs, self.disagreement, strict=True))
        return tuple(
            sp.simplify(v) if isinstance(v, sp.Basic) and v.free_symbols else v for v in g
        )

    @property
    def shares(self) -> tuple[Any, Any]:
        """Each player's share of the total gain over the disagreement point."""
        g1, g2 = self.gains
        total = g1 + g2
        if total == 0:
            raise ZeroDivisionError("no gain over the disagreement point: shares undefined")
        return (
            (sp.simplify(g1 / total), sp.simplify(g2 / total))
            if isinstance(total, sp.Basic)
            else (g1 / total, g2 / total)
        )

    def with_players(self, players: Sequence[str]) -> BargainingSolution:
        """A copy labelled with the players' names."""
        return replace(self, players=(str(players[0]), str(players[1])))

    def _names(self) -> tuple[str, str]:
        return self.players if self.players is not None else ("player 1", "player 2")

    def payoffs_by_player(self) -> dict[str, Any]:
        """Player name to agreed payoff."""
        return dict(zip(self._names(), self.payoffs, strict=True))

    def to_dict(self, numbers: str = "plain") -> dict[str, Any]:
        """Plain Python: with ``numbers="plain"`` exact numbers become ``Fraction`` and
        symbolic ones strings; the other :data:`solvers.result.NUMBER_FORMS` as named."""
        names = self._names()
        convert = plain if numbers == "plain" else (lambda v: convert_number(v, numbers))

        def per(values: Sequence[Any] | None) -> dict[str, Any] | None:
            if values is None:
                return None
            return {n: convert(v) for n, v in zip(names, values, strict=True)}

        return {
            "payoffs": per(self.payoffs),
            "disagreement": per(self.disagreement),
            "gains": per(self.gains),
            "weights": per(self.weights),
            "agreement": self.agreement,
            "method": self.method,
            "exact": self.exact,
            "details": {k: _plain_deep(v) for k, v in self.details.items()},
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        def pair(values: Sequence[Any]) -> str:
            return "(" + ", ".join(fmt(v) for v in values) + ")"

        kind = "exact" if self.exact else "float"
        extra = "" if self.agreement else " | no agreement"
        w = (
            ""
            if self.weights is None or self.weights[0] == self.weights[1]
            else (f", weights={pair(self.weights)}")
        )
        who = "" if self.players is None else f"{self.players[0]} vs {self.players[1]}: "
        return (
            f"BargainingSolution({who}payoffs={pair(self.payoffs)}, "
            f"disagreement={pair(self.disagreement)}, gains={pair(self.gains)}{w}"
            f"{extra} | {kind} | {self.method})"
        )


def _plain_deep(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain_deep(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain_deep(v) for k, v in value.items()}
    if hasattr(value, "tolist"):
        return [_plain_deep(v) for v in value.tolist()]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return plain(value)
