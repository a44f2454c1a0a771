r"""Regime-switching credibility over election terms [O].

Each four-year term the patron is reliable (R) or unreliable (U); the regime follows a
two-state Markov chain with :math:`P(R \to U) = p` and :math:`P(U \to R) = q`. With
:math:`\lambda = 1 - p - q`:

* stationary credibility :math:`\pi_R = q / (p + q)`;
* :math:`P(R \text{ at } h \mid U \text{ now}) = \pi_R (1 - \lambda^h)` and
  :math:`P(R \text{ at } h \mid R \text{ now}) = \pi_R + (1 - \pi_R)\lambda^h`;
* a crisis arriving after :math:`H \sim \text{Geometric}(\ell)` terms
  (:math:`P(H = h) = \ell (1-\ell)^{h-1}`, :math:`h \ge 1`) meets a reliable patron with
  probability :math:`E[\cdot \mid U] = q / (p + q + \ell \lambda)`.

An intermittently unreliable presidency makes the guarantee non-credible even when a
reliable party sometimes wins: a fair coin each election (:math:`p = q = 1/2`) gives
credibility 1/2 whatever the current state. The Markov-chain reading of alliance
reliability is ours; the empirical benchmark is Leeds, Long & Mitchell (2000), 74.5%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from games.hedging._inputs import is_exact, number, plain, show

__all__ = ["RegimeSwitching", "regime_switching"]

# exact defaults (module-level so that signatures hold no calls)
_R1_2 = sp.Rational(1, 2)
_R2_5 = sp.Rational(2, 5)

P, Q, H, ELL = sp.symbols("p q h ell", positive=True)
STATES = ("R", "U")


def _check_state(state: str) -> str:
    if state not in STATES:
        raise ValueError(f"state must be 'R' (reliable) or 'U' (unreliable), got {state!r}")
    return state


@dataclass(frozen=True)
class RegimeSwitching:
    """Credibility of a patron whose reliability switches at elections.

    Build with :func:`regime_switching`.

    Attributes
    ----------
    p, q : sympy number
        ``P(R -> U)`` and ``P(U -> R)`` per term.

    Examples
    --------
    >>> m = regime_switching(sp.Rational(2, 5), sp.Rational(1, 2))
    >>> m
    RegimeSwitching(p=2/5, q=1/2, stationary=5/9)
    >>> m.path(3)                       # P(reliable h terms ahead | unreliable now)
    (1/2, 11/20, 111/200)
    >>> m.crisis_credibility(sp.Rational(1, 4))
    20/37
    """

    p: sp.Expr
    q: sp.Expr

    @property
    def exact(self) -> bool:
        """Whether the numbers are rational (results exact)."""
        return is_exact(self.p, self.q)

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """Closed forms in the symbols ``p, q, h, ell`` (from an unreliable term)."""
        lam = 1 - P - Q
        pi_r = Q / (P + Q)
        return {
            "stationary": pi_r,
            "reliable_after_h_from_U": pi_r * (1 - lam**H),
            "reliable_after_h_from_R": pi_r + (1 - pi_r) * lam**H,
            "crisis_credibility_from_U": Q / (P + Q + ELL * lam),
        }

    @property
    def transition(self) -> sp.Matrix:
        """Transition matrix over ``(R, U)`` (rows: from)."""
        return sp.Matrix([[1 - self.p, self.p], [self.q, 1 - self.q]])

    @property
    def stationary(self) -> sp.Expr:
        """Long-run share of reliable terms, ``q/(p + q)``."""
        return self.q / (self.p + self.q)

    @property
    def persistence(self) -> sp.Expr:
        """``lambda = 1 - p - q``, the second eigenvalue of the chain."""
        return 1 - self.p - self.q

    def reliable_after(self, h: int, state: str = "U") -> sp.Expr:
        """``P(R at term h | state now)`` for ``h >= 0`` terms ahead."""
        _check_state(state)
        h = _terms(h, "h")
        pi_r, lam = self.stationary, self.persistence
        if state == "U":
            return pi_r * (1 - lam**h)
        return pi_r + (1 - pi_r) * lam**h

    def path(self, horizon: int, state: str = "U") -> tuple[sp.Expr, ...]:
        """``P(R at h | state now)`` for ``h = 1, ..., horizon``."""
        horizon = _terms(horizon, "horizon")
        return tuple(self.reliable_after(h, state) for h in range(1, horizon + 1))

    def crisis_credibility(self, ell: Any, state: str = "U") -> sp.Expr:
        """Probability that a crisis after ``Geometric(ell)`` terms meets a reliable patron.

        ``q/(p + q + ell*lambda)`` from an unreliable term; from a reliable one
        ``pi_R + (1 - pi_R)*ell*lambda/(1 - (1 - ell)*lambda)``.

        Examples
        --------
        >>> regime_switching(sp.Rational(1, 2), sp.Rational(1, 2)).crisis_credibility(
        ...     sp.Rational(1, 3), "R")
        1/2
        """
        _check_state(state)
        ell = number(ell, "ell", 0, 1, high_open=False)
        lam = self.persistence
        if state == "U":
            return _tidy(self.q / (self.p + self.q + ell * lam))
        pi_r = self.stationary
        return _tidy(pi_r + (1 - pi_r) * ell * lam / (1 - (1 - ell) * lam))

    def path_array(self, horizon: int, state: str = "U") -> np.ndarray:
        """:meth:`path` as a float array (for plotting)."""
        return np.array([float(v) for v in self.path(horizon, state)])

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "p": plain(self.p),
            "q": plain(self.q),
            "stationary": plain(self.stationary),
            "persistence": plain(self.persistence),
        }

    def __repr__(self) -> str:
        return (
            f"RegimeSwitching(p={show(self.p)}, q={show(self.q)}, "
            f"stationary={show(self.stationary)})"
        )


def _tidy(value: sp.Expr) -> sp.Expr:
    return value


def _terms(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer number of terms, got {value!r}")
    return int(value)


def regime_switching(p: Any = _R2_5, q: Any = _R1_2) -> RegimeSwitching:
    """A patron whose reliability follows a two-state Markov chain over terms [O].

    Parameters
    ----------
    p : number in [0, 1], default 2/5
        Probability that a reliable term is followed by an unreliable one.
    q : number in [0, 1], default 1/2
        Probability that an unreliable term is followed by a reliable one; ``p + q > 0``.

    Returns
    -------
    RegimeSwitching

    Examples
    --------
    >>> regime_switching().stationary
    5/9
    >>> regime_switching(sp.Rational(1, 2), sp.Rational(1, 2)).path(3)
    (1/2, 1/2, 1/2)
    """
    p = number(p, "p", 0, 1, low_open=False, high_open=False)
    q = number(q, "q", 0, 1, low_open=False, high_open=False)
    if p + q == 0:
        raise ValueError("p + q must be positive (with p = q = 0 the regime never changes)")
    return RegimeSwitching(p, q)
