r"""Allies' coordination on staying or hedging: a stag hunt [K standard].

Two allies each Stay in the alliance or Hedge. Staying together is best (stag); a lone
stayer carries the burden (sucker); hedging pays the same whatever the other does (hare),
with ``stag > hare > sucker``. Equilibria (Skyrms 2004, *The Stag Hunt and the Evolution
of Social Structure*): both stay, both hedge, and a mixed one in which each stays with
probability

.. math:: p^* = \frac{\text{hare} - \text{sucker}}{\text{stag} - \text{sucker}} ,

the two-player analogue of the tipping threshold :math:`\pi_L` of the isoquant model's F2
frontier: an ally stays iff it believes the other stays with probability above
:math:`p^*`. Staying is risk dominant (Harsanyi & Selten 1988) iff :math:`p^* < 1/2`; at
the defaults (3, 0, 2) hedging is, so coordination on staying is fragile.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import sympy as sp

from games.catalog.classic import stag_hunt
from games.hedging._inputs import number, plain, show
from games.normal_form import NormalFormGame
from solvers.result import Equilibria

__all__ = ["AlliesCoordination", "allies_coordination"]


@dataclass(frozen=True)
class AlliesCoordination:
    """The allies' stay-or-hedge stag hunt; build with :func:`allies_coordination`.

    Attributes
    ----------
    stag, sucker, hare : sympy number

    Examples
    --------
    >>> m = allies_coordination()
    >>> m
    AlliesCoordination(stag=3, sucker=0, hare=2, tipping=2/3, risk dominant: Hedge)
    >>> [eq.to_dict()["strategies"]["Row"]["Stay"] for eq in m.equilibria()]
    [Fraction(0, 1), Fraction(2, 3), Fraction(1, 1)]
    """

    stag: sp.Expr
    sucker: sp.Expr
    hare: sp.Expr

    @cached_property
    def game(self) -> NormalFormGame:
        """The stag hunt as a :class:`games.NormalFormGame` (strategies Stay, Hedge)."""
        return stag_hunt(self.stag, self.sucker, self.hare)

    def equilibria(self) -> Equilibria:
        """All equilibria, from the library's solver (vertex enumeration, exact if rational)."""
        return self.game.equilibria()

    @property
    def tipping(self) -> sp.Expr:
        """``p* = (hare - sucker)/(stag - sucker)``: stay iff the other stays w.p. above it."""
        value = (self.hare - self.sucker) / (self.stag - self.sucker)
        return value

    @property
    def risk_dominant(self) -> str:
        """``"Stay"`` if ``p* < 1/2``, ``"Hedge"`` if ``p* > 1/2``, ``"neither"`` at 1/2."""
        half = sp.Rational(1, 2)
        if self.tipping < half:
            return "Stay"
        return "Hedge" if self.tipping > half else "neither"

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form, with the equilibria."""
        return {
            "stag": plain(self.stag),
            "sucker": plain(self.sucker),
            "hare": plain(self.hare),
            "tipping": plain(self.tipping),
            "risk_dominant": self.risk_dominant,
            "equilibria": [eq.to_dict() for eq in self.equilibria()],
        }

    def __repr__(self) -> str:
        return (
            f"AlliesCoordination(stag={show(self.stag)}, sucker={show(self.sucker)}, "
            f"hare={show(self.hare)}, tipping={show(self.tipping)}, "
            f"risk dominant: {self.risk_dominant})"
        )


def allies_coordination(stag: Any = 3, sucker: Any = 0, hare: Any = 2) -> AlliesCoordination:
    """Two allies deciding to stay or hedge, as a stag hunt.

    Parameters
    ----------
    stag : number, default 3
        Payoff when both stay.
    sucker : number, default 0
        Payoff of a lone stayer (it carries the burden).
    hare : number, default 2
        Payoff of hedging, whatever the other does. Requires ``stag > hare > sucker``.

    Returns
    -------
    AlliesCoordination

    Examples
    --------
    >>> allies_coordination(stag=5).risk_dominant
    'Stay'
    >>> allies_coordination(hare=4)
    Traceback (most recent call last):
    ...
    ValueError: a stag hunt needs stag > hare > sucker, got stag=3, hare=4, sucker=0
    """
    s, u, h = number(stag, "stag"), number(sucker, "sucker"), number(hare, "hare")
    if not (s > h > u):
        raise ValueError(
            f"a stag hunt needs stag > hare > sucker, got stag={stag}, hare={hare}, "
            f"sucker={sucker}"
        )
    return AlliesCoordination(s, u, h)
