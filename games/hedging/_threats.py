r"""Threats reveal type: trust after repeated threats and the tipping frontier [O].

Allies are unsure whether the patron is loyal. A loyal patron threatens them with
probability :math:`p_L`, a disloyal one with :math:`p_D > p_L`, so each threat is
evidence of disloyalty (reputation: Kreps & Wilson 1982; Milgrom & Roberts 1982). Bayes'
rule after a threat,

.. math:: \mu' = \frac{\mu p_L}{\mu p_L + (1 - \mu) p_D},

is :func:`games.influence.bayes_update`; here it is applied threat after threat. Each
belief feeds the tolerance :math:`T = B\mu` of the isoquant model's tipping frontier (F2,
:func:`games.influence.f2_frontier`), whose fold (the largest burden shift with an aligned
equilibrium) shrinks with trust: :math:`S^* = T/4` for uniform tolerances. Threats damage
trust permanently (the marriage analogy): a shift that was safe becomes a collapse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from games.hedging._inputs import number, plain, show
from games.influence import TrustShift, bayes_update, f2_frontier, trust_link

__all__ = ["ThreatRevelation", "threats_reveal_type"]

# exact defaults (module-level so that signatures hold no calls)
_R1_10 = sp.Rational(1, 10)
_R10_9 = sp.Rational(10, 9)
_R4_5 = sp.Rational(4, 5)
_R9_10 = sp.Rational(9, 10)


@dataclass(frozen=True)
class ThreatRevelation:
    """Trust and the tipping fold after each of a run of threats.

    Attributes
    ----------
    beliefs : tuple of sympy number
        ``mu`` before any threat and after each threat (length ``threats + 1``).
    tolerances : tuple of sympy number
        ``T = B*mu`` for each belief.
    folds : tuple of sympy number
        The F2 fold ``S*`` for each belief.
    first : TrustShift
        The isoquant model's own account of the first threat
        (:func:`games.influence.trust_link`).

    Examples
    --------
    >>> r = threats_reveal_type(threats=2)
    >>> r.beliefs, r.folds
    ((9/10, 9/17, 9/73), (1/4, 5/34, 5/146))
    """

    beliefs: tuple[sp.Expr, ...]
    tolerances: tuple[sp.Expr, ...]
    folds: tuple[sp.Expr, ...]
    first: TrustShift

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "beliefs": [plain(v) for v in self.beliefs],
            "tolerances": [plain(v) for v in self.tolerances],
            "folds": [plain(v) for v in self.folds],
        }

    def __repr__(self) -> str:
        pairs = ", ".join(
            f"mu={show(m)} -> S*={show(f)}" for m, f in zip(self.beliefs, self.folds, strict=True)
        )
        return f"ThreatRevelation({pairs})"


def threats_reveal_type(
    mu: Any = _R9_10,
    p_threat_if_loyal: Any = _R1_10,
    p_threat_if_disloyal: Any = _R4_5,
    threats: int = 1,
    B: Any = _R10_9,
    k: Any = 1,
) -> ThreatRevelation:
    """Beliefs and F2 folds after each of ``threats`` threats [O].

    Parameters
    ----------
    mu : number in (0, 1], default 9/10
        Prior that the patron is loyal.
    p_threat_if_loyal, p_threat_if_disloyal : numbers in [0, 1], defaults 1/10 and 4/5
        Probability of a threat by each type; ``p_threat_if_loyal > 0`` (else one threat
        reveals disloyalty for sure and the tolerance vanishes).
    threats : int >= 1, default 1
    B : positive number, default 10/9
        Tolerance per unit of trust, ``T = B*mu``.
    k : positive number, default 1
        Shape of the tolerance distribution of F2.

    Returns
    -------
    ThreatRevelation

    Examples
    --------
    The worked example: mu = 9/10, threat probabilities 1/10 and 4/5 give mu' = 9/17 and
    the fold moves from 1/4 to 5/34.

    >>> r = threats_reveal_type()
    >>> r.beliefs[-1], r.folds[-1], r.first.fold_after
    (9/17, 5/34, 5/34)
    """
    if isinstance(threats, bool) or not isinstance(threats, int) or threats < 1:
        raise ValueError(f"threats must be a positive integer, got {threats!r}")
    mu0 = number(mu, "mu", 0, 1, high_open=False)
    pl = number(p_threat_if_loyal, "p_threat_if_loyal", 0, 1, high_open=False)
    b = number(B, "B", 0)
    first = trust_link(
        B=b, mu=mu0, p_threat_if_loyal=pl, p_threat_if_disloyal=p_threat_if_disloyal, k=k
    )
    beliefs = [mu0]
    for _ in range(threats):
        beliefs.append(bayes_update(beliefs[-1], pl, p_threat_if_disloyal))
    tolerances = tuple(b * m for m in beliefs)
    folds = tuple(f2_frontier(T=t, k=k, shift_limit=first.fold_before).fold for t in tolerances)
    return ThreatRevelation(tuple(beliefs), tolerances, folds, first)
