r"""The alliance security dilemma: abandonment vs entrapment (Snyder 1984) [O formalization].

An ally chooses its commitment :math:`e \in [0, 1]` to the patron. More commitment lowers
the risk of being abandoned and raises the risk of being entrapped in the patron's
quarrels (Snyder 1984, "The Security Dilemma in Alliance Politics", *World Politics*
36(4): 461-495, a verbal argument). Our quadratic loss [O]

.. math:: L(e) = L_A (1 - e)^2 + L_N e^2

is minimised at :math:`e^* = L_A / (L_A + L_N)`, with loss
:math:`L^* = L_A L_N / (L_A + L_N)`. Hedges are parameter changes:

* **hawkish** (arm; own command, control and intelligence): own capabilities replace the
  patron's, so the abandonment loss falls, :math:`L_A \to (1 - h) L_A`; commitment falls;
* **dovish** (accommodate the rival): the stakes of the rivalry fall, both losses scale
  by :math:`1 - h`; the commitment mix is unchanged and the loss at the optimum falls.

Empirical anchor: alliances were honoured 74.5% of the time (Leeds, Long & Mitchell 2000,
*JCR* 44(5)).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import sympy as sp

from games.continuous import ContinuousGame
from games.hedging._inputs import is_exact, number, plain, show
from solvers.continuous import ContinuousEquilibria, ContinuousProblem, equilibria

__all__ = ["AllianceDilemma", "abandonment_entrapment"]

E = sp.Symbol("e", real=True)
L_A, L_N = sp.symbols("L_A L_N", positive=True)
HEDGES = ("hawkish", "dovish")


@dataclass(frozen=True)
class AllianceDilemma:
    """Abandonment vs entrapment for one ally; build with :func:`abandonment_entrapment`.

    Attributes
    ----------
    abandonment_loss, entrapment_loss : sympy number
        ``L_A`` and ``L_N``.
    hedges : tuple of str
        Hedges applied so far, e.g. ``("hawkish 1/2",)``.

    Examples
    --------
    >>> m = abandonment_entrapment(3, 1)
    >>> m
    AllianceDilemma(L_A=3, L_N=1, commitment=3/4, loss=3/4)
    >>> m.hedge("hawkish", sp.Rational(2, 3)).commitment   # arming: commitment falls
    1/2
    """

    abandonment_loss: sp.Expr
    entrapment_loss: sp.Expr
    hedges: tuple[str, ...] = ()

    @property
    def exact(self) -> bool:
        """Whether the numbers are rational (results exact)."""
        return is_exact(self.abandonment_loss, self.entrapment_loss)

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """Loss, optimal commitment and minimal loss in the symbols ``e, L_A, L_N``."""
        loss = L_A * (1 - E) ** 2 + L_N * E**2
        return {
            "loss": loss,
            "commitment": L_A / (L_A + L_N),
            "minimal_loss": L_A * L_N / (L_A + L_N),
        }

    @property
    def loss(self) -> sp.Expr:
        """The loss ``L(e)`` at these parameters (sympy, in the symbol ``e``)."""
        return self.abandonment_loss * (1 - E) ** 2 + self.entrapment_loss * E**2

    @property
    def commitment(self) -> sp.Expr:
        """Optimal commitment ``e* = L_A/(L_A + L_N)``."""
        return self.abandonment_loss / (self.abandonment_loss + self.entrapment_loss)

    @property
    def minimal_loss(self) -> sp.Expr:
        """Loss at the optimum, ``L_A*L_N/(L_A + L_N)``."""
        a, n = self.abandonment_loss, self.entrapment_loss
        return a * n / (a + n)

    @property
    def abandonment_risk(self) -> sp.Expr:
        """``1 - e*``: the weight the ally leaves on being abandoned."""
        return 1 - self.commitment

    @cached_property
    def problem(self) -> ContinuousProblem:
        """The ally's choice as a one-player :class:`solvers.continuous.ContinuousProblem`."""
        return ContinuousProblem((E,), (-self.loss,), ((0, 1),), players=("ally",))

    @cached_property
    def game(self) -> ContinuousGame:
        """The ally's choice of commitment as a one-player :class:`games.ContinuousGame`."""
        return ContinuousGame(("ally",), (E,), (-self.loss,), ((0, 1),))

    def equilibrium(self) -> ContinuousEquilibria:
        """The optimal commitment found and verified by :func:`solvers.continuous.equilibria`.

        Examples
        --------
        >>> abandonment_entrapment(3, 1).equilibrium()[0].strategies
        {'ally': 3/4}
        """
        return equilibria(self.problem)

    def hedge(self, kind: str, amount: Any) -> AllianceDilemma:
        """The dilemma after a hedge of size ``amount`` in ``[0, 1)``.

        ``"hawkish"`` scales the abandonment loss by ``1 - amount``; ``"dovish"`` scales
        both losses (the stakes) by ``1 - amount``.

        Examples
        --------
        >>> m = abandonment_entrapment(3, 1)
        >>> d = m.hedge("dovish", sp.Rational(1, 2))
        >>> d.commitment, d.minimal_loss
        (3/4, 3/8)
        """
        if kind not in HEDGES:
            raise ValueError(f"kind must be one of {HEDGES}, got {kind!r}")
        h = number(amount, "amount", 0, 1, low_open=False)
        a = (1 - h) * self.abandonment_loss
        n = self.entrapment_loss if kind == "hawkish" else (1 - h) * self.entrapment_loss
        return AllianceDilemma(a, n, (*self.hedges, f"{kind} {show(h)}"))

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (``Fraction`` for exact numbers)."""
        return {
            "abandonment_loss": plain(self.abandonment_loss),
            "entrapment_loss": plain(self.entrapment_loss),
            "commitment": plain(self.commitment),
            "minimal_loss": plain(self.minimal_loss),
            "hedges": list(self.hedges),
        }

    def __repr__(self) -> str:
        hedges = f", hedges={list(self.hedges)}" if self.hedges else ""
        return (
            f"AllianceDilemma(L_A={show(self.abandonment_loss)}, "
            f"L_N={show(self.entrapment_loss)}, commitment={show(self.commitment)}, "
            f"loss={show(self.minimal_loss)}{hedges})"
        )


def abandonment_entrapment(abandonment_loss: Any = 3, entrapment_loss: Any = 1) -> AllianceDilemma:
    """Snyder's (1984) alliance security dilemma as a quadratic loss [O].

    Parameters
    ----------
    abandonment_loss : positive number, default 3
        ``L_A``, the loss weight on being abandoned (no commitment, ``e = 0``).
    entrapment_loss : positive number, default 1
        ``L_N``, the loss weight on being entrapped (full commitment, ``e = 1``).

    Returns
    -------
    AllianceDilemma
        ``.commitment`` (``e*``), ``.minimal_loss``, ``.hedge(kind, amount)``,
        ``.equilibrium()`` (verified by the continuous solver) and ``.closed_forms()``.

    Examples
    --------
    >>> m = abandonment_entrapment()
    >>> m.commitment, m.hedge("hawkish", sp.Rational(2, 3)).commitment
    (3/4, 1/2)
    >>> abandonment_entrapment(0, 1)
    Traceback (most recent call last):
    ...
    ValueError: abandonment_loss must lie in (0, inf), got 0
    """
    a = number(abandonment_loss, "abandonment_loss", 0)
    n = number(entrapment_loss, "entrapment_loss", 0)
    return AllianceDilemma(a, n)
