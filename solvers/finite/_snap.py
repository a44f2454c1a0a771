"""The exact rational equilibrium that a float profile approximates, if there is one.

Numerical methods (homotopy continuation, Newton on a support system, the logit path)
end at float points; a rational game's equilibria are often rational, and then the exact
point is recovered by rounding every probability to a nearby fraction and checking the
regret **exactly**. Rounding must stay near the float point: a coarse rounding of one
equilibrium can be *another* equilibrium (the mixed point ``(2/51, 49/51)`` rounds to the
pure ``(0, 1)`` with denominators up to 10), and accepting it would report the wrong
profile and lose the right one. So a candidate is accepted only within ``atol`` of the
float profile, entry by entry.

Examples
--------
>>> import numpy as np
>>> A = np.array([[1, 0], [0, 1]])   # coordination: (1,0),(1,0) and (1/2,1/2) twice
>>> near_half = [np.array([0.5000000001, 0.4999999999])] * 2
>>> [s.tolist() for s in nearby_rational_equilibrium(near_half, [A, A])]
[[Fraction(1, 2), Fraction(1, 2)], [Fraction(1, 2), Fraction(1, 2)]]
>>> nearby_rational_equilibrium([np.array([0.9, 0.1])] * 2, [A, A]) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import numpy as np

from solvers.verify import regret

__all__ = ["SNAP_ATOL", "nearby_rational_equilibrium"]

#: Largest distance (per probability) between a float profile and the rational point it
#: is taken to approximate.
SNAP_ATOL = 1e-8


def nearby_rational_equilibrium(
    profile: Sequence[np.ndarray],
    exacts: Sequence[np.ndarray],
    denominators: Iterable[int] = (10, 100, 1000, 10**4, 10**6),
    atol: float = SNAP_ATOL,
    support: Sequence[Sequence[int]] | None = None,
) -> list[np.ndarray] | None:
    """The simplest rational profile within ``atol`` of ``profile`` (per entry) whose exact
    regret is zero, trying each denominator bound in turn; ``None`` if there is none.
    With ``support``, the rational profile must also be positive on every strategy of it
    (a root of that support's system must not snap to an equilibrium of a smaller one)."""
    floats = [np.asarray(s, dtype=float) for s in profile]
    for bound in denominators:
        candidate = []
        for sigma in floats:
            q = [max(Fraction(float(p)).limit_denominator(bound), Fraction(0)) for p in sigma]
            total = sum(q, Fraction(0))
            if total == 0:
                break
            q = [p / total for p in q]
            if max(abs(float(p) - v) for p, v in zip(q, sigma, strict=True)) > atol:
                break
            candidate.append(np.array(q, dtype=object))
        else:
            if support is not None and any(
                q[t] <= 0 for q, S in zip(candidate, support, strict=True) for t in S
            ):
                continue
            if max(regret(exacts, candidate)) == 0:
                return candidate
    return None
