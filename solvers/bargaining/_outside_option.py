r"""Outside options versus threat points (Binmore, Rubinstein & Wolinsky 1986).

What a player can get by walking away can enter a bargaining model in two ways, and they
predict different splits:

* ``disagreement="threat_point"``: the alternative is what each side gets *during* an
  impasse (an inside option); it is the disagreement point of the Nash solution, so any
  improvement in it shifts the split;
* ``disagreement="outside_option"``: the alternative is a walk-away option. In the
  alternating-offers game with a risk of breakdown, the disagreement point stays at the
  impasse payoffs and the option only bounds the outcome (the *outside-option
  principle*): :math:`u_i = \max(\text{Nash share}_i, w_i)` with the other player getting
  the rest of the frontier. An option below the Nash share is irrelevant.

If the options cannot both be met (no feasible point gives both at least their option),
there is no agreement and the players take their options.

Examples
--------
>>> from solvers.bargaining import outside_option_solution, transferable_utility
>>> pie = transferable_utility(1)
>>> outside_option_solution(pie, (0, 0), (0.3, 0)).payoffs            # irrelevant option
(0.5, 0.5)
>>> outside_option_solution(pie, (0, 0), (0.6, 0)).payoffs            # binding option
(0.6, 0.4)
>>> outside_option_solution(pie, (0, 0), (0.6, 0), disagreement="threat_point").payoffs
(0.8, 0.2)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from solvers.bargaining._frontier import Frontier, as_pair, is_exact_number, lt, output
from solvers.bargaining._nash import nash_solution, normalize_weights
from solvers.bargaining._result import BargainingSolution

__all__ = ["DISAGREEMENT_MODES", "outside_option_solution"]

#: The two ways an alternative to agreement can enter the model.
DISAGREEMENT_MODES = ("threat_point", "outside_option")


def outside_option_solution(
    frontier: Frontier,
    impasse: Sequence[Any],
    options: Sequence[Any],
    weights: Sequence[Any] | None = None,
    *,
    disagreement: str = "outside_option",
) -> BargainingSolution:
    """Nash bargaining with an alternative to agreement, as a threat point or outside option.

    Parameters
    ----------
    frontier : Frontier
    impasse : (d1, d2)
        Payoffs while talks are stalled (or if they break down by chance).
    options : (o1, o2)
        The alternatives (for example unilateral measures): walk-away payoffs.
    weights : (w1, w2), optional
    disagreement : {"outside_option", "threat_point"}
        ``"threat_point"``: the Nash solution with ``d = options``;
        ``"outside_option"``: the Nash solution with ``d = impasse``, with each player's
        payoff raised to its option when the option binds (BRW outside-option principle).

    Returns
    -------
    BargainingSolution
        ``details`` has ``mode``, ``options``, ``impasse`` and ``binding`` (the player
        whose option binds, or None).

    Raises
    ------
    ValueError
        An unknown ``disagreement`` mode or an infeasible impasse point.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from solvers.bargaining import transferable_utility
    >>> s = outside_option_solution(transferable_utility(F(8, 3)), (0, 2), (2, F(1, 2)))
    >>> s.payoffs, s.details["binding"]
    ((2, 2/3), 0)
    """
    if disagreement not in DISAGREEMENT_MODES:
        raise ValueError(f"disagreement must be one of {DISAGREEMENT_MODES}, got {disagreement!r}")
    d = as_pair(impasse, "impasse")
    o = as_pair(options, "options")
    w = normalize_weights(weights)
    exact = frontier.exact and is_exact_number(*d, *o, *w)
    base = {
        "mode": disagreement,
        "options": tuple(output(v, exact) for v in o),
        "impasse": tuple(output(v, exact) for v in d),
    }
    if disagreement == "threat_point" or frontier.strictly_improvable(o) is False:
        if frontier.contains(o) is False or frontier.strictly_improvable(o) is False:
            return BargainingSolution(
                payoffs=tuple(output(v, exact) for v in o),
                disagreement=tuple(output(v, exact) for v in o),
                method=f"nash with alternatives ({disagreement})",
                exact=exact,
                weights=tuple(output(v, exact) for v in w),
                agreement=False,
                details={**base, "binding": None},
                notes=("no feasible outcome beats both alternatives: players take them",),
            )
        if disagreement == "threat_point":
            s = nash_solution(frontier, o, w, method="nash with alternatives (threat_point)")
            return BargainingSolution(
                payoffs=s.payoffs,
                disagreement=s.disagreement,
                method=s.method,
                exact=s.exact,
                weights=s.weights,
                details={**base, "binding": None},
                notes=s.notes,
            )
    s = nash_solution(frontier, d, w)
    u1, u2 = s.payoffs
    binding = None
    if lt(u1, o[0]):
        binding, u1, u2 = 0, o[0], frontier.upper(o[0])
    elif lt(u2, o[1]):
        binding, u1, u2 = 1, frontier.upper_inverse(o[1]), o[1]
    exact = exact and is_exact_number(u1, u2)
    return BargainingSolution(
        payoffs=(output(u1, exact), output(u2, exact)),
        disagreement=tuple(output(v, exact) for v in d),
        method="nash with alternatives (outside_option)",
        exact=exact,
        weights=tuple(output(v, exact) for v in w),
        details={**base, "binding": binding},
        notes=s.notes,
    )
