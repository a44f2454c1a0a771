"""Alliance burden-sharing and free riding: the classic models, exactly solved.

Allies pool defence, each is tempted to free ride, and the largest ally carries a
disproportionate share: "the exploitation of the great by the small" (Olson & Zeckhauser
1966). This module gathers the models of docs/models.md §(a):

* :func:`public_good` -- pure public good: Bergstrom, Blume & Varian (1986) with
  Cobb-Douglas utility, or the quasi-linear Olson & Zeckhauser (1966) variant; Warr (1983)
  neutrality (``.redistribute``) and crowding out (``.government_provision``);
* :func:`leader_commitment` -- the leader commits first (Varian 1994): the burden shifts to
  the followers and total provision falls;
* :func:`joint_products` -- defence with country-specific private benefits (Sandler 1977;
  Murdoch & Sandler 1984): every ally contributes and exploitation weakens;
* :func:`lumpy_task` -- an indivisible task as a game of Chicken;
* :func:`exploitation_test` -- the classic empirical test (Spearman rank correlation of
  GDP and defence/GDP) next to what the fitted public-good model predicts.

Each model has ``.free_riding()``: exploitation index, share of allies at the corner and
the Nash/efficient gap.

Examples
--------
>>> import sympy as sp
>>> from games import alliance
>>> m = alliance.public_good(incomes=[10, 8, 2], a=sp.Rational(1, 2))
>>> eq = m.equilibrium()
>>> eq.total, tuple(eq.contributions), eq.leader_share       # Nash: G = 6, US pays 2/3
(6, (4, 2, 0), 2/3)
>>> m.efficient().total                                        # Samuelson level a*W
10
"""

from games.alliance._empirical import ExploitationTest, exploitation_test
from games.alliance._joint_products import JointProducts, joint_products
from games.alliance._leadership import CommitmentEquilibrium, LeaderCommitment, leader_commitment
from games.alliance._lumpy_task import LumpyTask, lumpy_task
from games.alliance._public_good import (
    GovernmentProvision,
    PublicGood,
    Redistribution,
    public_good,
)
from games.alliance._results import (
    AllianceEquilibrium,
    EfficientProvision,
    FreeRidingSummary,
    Underprovision,
)

__all__ = [
    "AllianceEquilibrium",
    "CommitmentEquilibrium",
    "EfficientProvision",
    "ExploitationTest",
    "FreeRidingSummary",
    "GovernmentProvision",
    "JointProducts",
    "LeaderCommitment",
    "LumpyTask",
    "PublicGood",
    "Redistribution",
    "Underprovision",
    "exploitation_test",
    "joint_products",
    "leader_commitment",
    "lumpy_task",
    "public_good",
]
