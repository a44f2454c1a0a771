r"""The isoquant argument: influence vs cost savings, derived from a Stackelberg game [O].

A leader chooses a burden shift :math:`S` (Stackelberg); the allies' equilibrium response
gives the influence frontier :math:`I(S)` (:mod:`games.influence._frontiers`: F1 smooth,
F2 tipping, F3 contribution share); the leader's national interest :math:`V(I, S)` has
isoquants (:mod:`games.influence._interest`; Morrow 1991's indifference curves over
autonomy and security). Then:

* **A**, the status quo, is the frontier point at :math:`S_A`;
* **B**, the leader's subgame-perfect choice, maximises :math:`V(I(S), S)`; interior, it
  is the tangency :math:`V_I\,I'(S) + V_S = 0` (isoquant slope = frontier slope);
* **C**, an overshoot, is the selected equilibrium at :math:`S_C > S_B`;
* the **overshoot threshold** :math:`\bar S > S_B` solves :math:`V(I(S), S) = V_A`
  (or is the fold, where F2 collapses); beyond it the leader is worse off than at A;
* **trust link** (docs/models.md §d.5): a threat moves the allies' belief :math:`\mu` that the
  leader is reliable by Bayes' rule, shrinks the tolerance :math:`T = B\mu` of F2 and
  moves the fold left: a shift that was safe becomes a collapse;
* **comparative statics** of B and :math:`\bar S` in every parameter, by the implicit
  function theorem on the symbolic optimality and threshold conditions.

The frontiers and V are our own reduced forms [O] (docs/models.md §(b), built from
Stackelberg leadership, threshold models (Granovetter 1978; Schelling 1978), Morrow
(1991) and Bergstrom, Blume & Varian (1986); cite those, not this model.

Examples
--------
>>> from games.influence import isoquant_model, trust_link
>>> m = isoquant_model()                    # F1 (k = 2), V = I**(3/5) * S**(2/5)
>>> m.A.S, m.A.I, m.B.S, m.B.I, m.C.I
(1/5, 24/25, 1/2, 3/4, 19/100)
>>> round(float(m.threshold.S), 10)
0.7833557118
>>> m.B.v > m.A.v > m.C.v
True
>>> trust_link().fold_after
5/34
"""

from games.influence._frontiers import (
    SELECTIONS,
    AlliesGame,
    Frontier,
    TippingFrontier,
    f1_frontier,
    f2_frontier,
    f3_frontier,
)
from games.influence._interest import NationalInterest, cobb_douglas, quasi_linear
from games.influence._model import (
    ComparativeStatics,
    IsoquantModel,
    Point,
    Tangency,
    Threshold,
    TrustShift,
    bayes_update,
    isoquant_model,
    trust_link,
)

__all__ = [
    "SELECTIONS",
    "AlliesGame",
    "ComparativeStatics",
    "Frontier",
    "IsoquantModel",
    "NationalInterest",
    "Point",
    "Tangency",
    "Threshold",
    "TippingFrontier",
    "TrustShift",
    "bayes_update",
    "cobb_douglas",
    "f1_frontier",
    "f2_frontier",
    "f3_frontier",
    "isoquant_model",
    "quasi_linear",
    "trust_link",
]
