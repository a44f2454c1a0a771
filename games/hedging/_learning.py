r"""Learning whether the patron's unreliability is a fluke or structural [O].

Allies waited out one unreliable presidency; the next one tells them whether it recurs.
Two hypotheses about the patron's (say Republican) party: **structural**, its president is
unreliable with probability 1, and **fluke**, with probability :math:`\varepsilon`. Prior
:math:`\mu_0 = P(\text{structural})`; each election is won by that party with probability
:math:`g` (1/2 by default). Bayes' rule after :math:`j` unreliable presidencies of that
party (the other party's wins are uninformative):

.. math:: \mu_j = \frac{\mu_0}{\mu_0 + (1 - \mu_0)\,\varepsilon^j},

and a reliable president of that party refutes "structural" (:math:`\mu = 0`).
Credibility of the guarantee for a random future term is

.. math:: \rho = 1 - g\,(\mu + (1 - \mu)\varepsilon)

(MODELS: :math:`\rho = 1 - (\mu + (1-\mu)\varepsilon)/2` at :math:`g = 1/2`). The ally
hedges, irreversibly, after the first election at which :math:`\rho < \rho^*`. With a
modest prior on "structural" it does not hedge after the first unreliable presidency and
does after the second. The learning model is ours [O], built from Bayesian updating over
reputational types (Kreps & Wilson 1982; Milgrom & Roberts 1982).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sympy as sp

from games.hedging._inputs import is_exact, number, plain, show
from games.hedging._timing import NPVRule

__all__ = ["BeliefStep", "FlukeOrStructural", "fluke_or_structural"]

# exact defaults (module-level so that signatures hold no calls)
_R1_10 = sp.Rational(1, 10)
_R1_2 = sp.Rational(1, 2)
_R1_4 = sp.Rational(1, 4)
_R2_3 = sp.Rational(2, 3)

MU0, EPS, G, J = sp.symbols("mu_0 epsilon g j", positive=True)
MU = sp.Symbol("mu", nonnegative=True)
#: Election outcomes: the other party wins, an unreliable or a reliable president of the
#: patron's suspect party.
OUTCOMES = {"D": "other party", "U": "unreliable president", "R": "reliable president"}


@dataclass(frozen=True)
class BeliefStep:
    """Beliefs and the hedge decision after one election.

    Attributes
    ----------
    election : int
        1 for the first election observed.
    outcome : str
        ``"D"``, ``"U"`` or ``"R"``.
    unreliable_terms : int
        Unreliable presidencies so far (``j``).
    refuted : bool
        Whether a reliable president of the suspect party has refuted "structural".
    belief : sympy number
        ``mu``, the posterior that unreliability is structural.
    credibility : sympy number
        ``rho`` for a random future term.
    hedge : bool
        Whether the ally hedges now or has already (hedging is irreversible).
    """

    election: int
    outcome: str
    unreliable_terms: int
    refuted: bool
    belief: sp.Expr
    credibility: sp.Expr
    hedge: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "election": self.election,
            "outcome": self.outcome,
            "unreliable_terms": self.unreliable_terms,
            "refuted": self.refuted,
            "belief": plain(self.belief),
            "credibility": plain(self.credibility),
            "hedge": self.hedge,
        }

    def __repr__(self) -> str:
        return (
            f"BeliefStep({self.election}: {self.outcome} | j={self.unreliable_terms}"
            f"{', refuted' if self.refuted else ''} | mu={show(self.belief)}, "
            f"rho={show(self.credibility)} | {'hedge' if self.hedge else 'stay'})"
        )


@dataclass(frozen=True)
class FlukeOrStructural:
    """Bayesian learning about the patron's type and the hedge decision.

    Build with :func:`fluke_or_structural`.

    Attributes
    ----------
    prior : sympy number
        ``mu_0 = P(structural)``.
    eps : sympy number
        Probability that a president of the suspect party is unreliable if it was a fluke.
    threshold : sympy number
        ``rho*``: the ally hedges once credibility falls below it.
    gop : sympy number
        Probability that the suspect party wins an election.

    Examples
    --------
    >>> m = fluke_or_structural()
    >>> m
    FlukeOrStructural(prior=1/10, eps=1/4, threshold=2/3, gop=1/2, hedge after 2 unreliable terms)
    >>> [m.belief(j) for j in range(3)], [m.credibility(j) for j in range(3)]
    ([1/10, 4/13, 16/25], [67/80, 79/104, 127/200])
    """

    prior: sp.Expr
    eps: sp.Expr
    threshold: sp.Expr
    gop: sp.Expr

    @property
    def exact(self) -> bool:
        """Whether the numbers are rational (results exact)."""
        return is_exact(self.prior, self.eps, self.threshold, self.gop)

    @staticmethod
    def closed_forms() -> dict[str, sp.Expr]:
        """Posterior after ``j`` unreliable terms and credibility, in symbols."""
        return {
            "belief": MU0 / (MU0 + (1 - MU0) * EPS**J),
            "credibility": 1 - G * (MU + (1 - MU) * EPS),
        }

    def belief(self, j: int, refuted: bool = False) -> sp.Expr:
        """``mu_j``, the posterior on "structural" after ``j`` unreliable terms.

        Examples
        --------
        >>> fluke_or_structural().belief(1)
        4/13
        """
        j = _count(j, "j")
        if refuted:
            return sp.Integer(0)
        mu0, eps = self.prior, self.eps
        return _tidy(mu0 / (mu0 + (1 - mu0) * eps**j))

    def credibility(self, j: int = 0, refuted: bool = False, belief: Any = None) -> sp.Expr:
        """``rho = 1 - g*(mu + (1 - mu)*eps)`` after ``j`` unreliable terms (or at ``belief``)."""
        mu = (
            self.belief(j, refuted)
            if belief is None
            else number(belief, "belief", 0, 1, low_open=False, high_open=False)
        )
        return _tidy(1 - self.gop * (mu + (1 - mu) * self.eps))

    def hedges_at(self, j: int, refuted: bool = False) -> bool:
        """Whether credibility after ``j`` unreliable terms is below the threshold."""
        return bool(self.credibility(j, refuted) < self.threshold)

    @property
    def hedging_count(self) -> int | None:
        """Fewest unreliable terms ``j*`` after which the ally hedges (``None``: never).

        Credibility falls with ``j`` towards ``1 - g`` (structural certain), so the ally
        hedges eventually iff ``1 - g < rho*``; ``j*`` is then the first ``j`` with
        ``rho_j < rho*``.
        """
        if not self.eps < 1:  # eps = 1: both hypotheses predict the same; no learning
            return 0 if self.hedges_at(0) else None
        if not (1 - self.gop) < self.threshold:
            return None
        j = 0
        while not self.hedges_at(j):
            j += 1
        return j

    def learn(self, outcomes: Iterable[str]) -> tuple[BeliefStep, ...]:
        """Beliefs, credibility and the hedge decision after each election in ``outcomes``.

        Parameters
        ----------
        outcomes : iterable of {"D", "U", "R"}
            Each election: the other party wins (``"D"``, uninformative), or the suspect
            party's president is unreliable (``"U"``) or reliable (``"R"``, refutes
            "structural"). A string such as ``"UDU"`` works.

        Examples
        --------
        Trump I, Biden, Trump II: no hedge after the first unreliable term, hedge after
        the second.

        >>> [s.hedge for s in fluke_or_structural().learn("UDU")]
        [False, False, True]
        """
        steps = []
        j, refuted, hedged = 0, False, False
        for n, outcome in enumerate(outcomes, start=1):
            if outcome not in OUTCOMES:
                raise ValueError(
                    f"outcomes must be 'D' (other party), 'U' (unreliable president) or "
                    f"'R' (reliable president); election {n} is {outcome!r}"
                )
            if outcome == "U" and not refuted:
                j += 1
            refuted = refuted or outcome == "R"
            hedged = hedged or self.hedges_at(j, refuted)
            steps.append(
                BeliefStep(
                    n,
                    outcome,
                    j,
                    refuted,
                    self.belief(j, refuted),
                    self.credibility(j, refuted),
                    hedged,
                )
            )
        return tuple(steps)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "prior": plain(self.prior),
            "eps": plain(self.eps),
            "threshold": plain(self.threshold),
            "gop": plain(self.gop),
            "hedging_count": self.hedging_count,
        }

    def __repr__(self) -> str:
        j = self.hedging_count
        when = "never hedge" if j is None else f"hedge after {j} unreliable terms"
        return (
            f"FlukeOrStructural(prior={show(self.prior)}, eps={show(self.eps)}, "
            f"threshold={show(self.threshold)}, gop={show(self.gop)}, {when})"
        )


def _tidy(value: sp.Expr) -> sp.Expr:
    return value


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return value


def fluke_or_structural(
    prior: Any = _R1_10,
    eps: Any = _R1_4,
    threshold: Any = _R2_3,
    gop: Any = _R1_2,
) -> FlukeOrStructural:
    """Allies learning whether the patron's unreliability is a fluke or structural [O].

    Parameters
    ----------
    prior : number in (0, 1), default 1/10
        ``mu_0``, the prior that unreliability is structural.
    eps : number in [0, 1], default 1/4
        Chance that a president of the suspect party is unreliable under "fluke".
    threshold : number in [0, 1] or NPVRule, default 2/3
        ``rho*``: hedge once credibility is below it. An :class:`NPVRule` gives its
        threshold ``rho* = 1 - K*(1 - delta)/(lam_c*L)`` (see :func:`npv_rule`).
    gop : number in (0, 1), default 1/2
        Probability that the suspect party wins an election.

    Returns
    -------
    FlukeOrStructural

    Examples
    --------
    >>> m = fluke_or_structural()
    >>> m.hedging_count, m.credibility(1) > m.threshold > m.credibility(2)
    (2, True)
    >>> from games.hedging import npv_rule
    >>> fluke_or_structural(threshold=npv_rule()).threshold     # hedge iff rho < 3/5
    3/5
    """
    if isinstance(threshold, NPVRule):
        threshold = threshold.threshold
    return FlukeOrStructural(
        number(prior, "prior", 0, 1),
        number(eps, "eps", 0, 1, low_open=False, high_open=False),
        number(threshold, "threshold", 0, 1, low_open=False, high_open=False),
        number(gop, "gop", 0, 1),
    )
