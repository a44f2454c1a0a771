r"""A lumpy (indivisible) defence task as a game of Chicken (Snowdrift).

Two allies; either can supply a task worth :math:`b` to both at cost :math:`c`, split
:math:`c/2` each when both supply. With :math:`b > c > 0` the row payoffs are

============  ==============  ============
              Contribute      Free ride
Contribute    :math:`b - c/2` :math:`b - c`
Free ride     :math:`b`       :math:`0`
============  ==============  ============

(the column player's are the transpose). The Nash equilibria are the two pure profiles
in which one ally carries the task alone, and a mixed one in which each contributes with
probability :math:`p = (b-c)/(b-c/2)`, which makes the other indifferent. The ally that
commits credibly to "free ride" wins, the logic of leader commitment (docs/models.md §a.5).

Examples
--------
>>> from games.alliance import lumpy_task
>>> m = lumpy_task(b=4, c=2)
>>> m.mixed_probability
2/3
>>> [eq.supports for eq in m.equilibria()]
[((0,), (1,)), ((1,), (0,)), ((0, 1), (0, 1))]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.alliance._inputs import as_scalar, exact_out, labels
from games.alliance._results import FreeRidingSummary
from solvers.result import Equilibria, Equilibrium
from solvers.verify import DEFAULT_RTOL, tolerance

__all__ = ["LumpyTask", "lumpy_task"]

STRATEGIES = ("Contribute", "Free ride")


class LumpyTask:
    """Burden sharing of an indivisible task as Chicken; build with :func:`lumpy_task`.

    Attributes
    ----------
    players : tuple of str
    strategies : tuple of str
        ``("Contribute", "Free ride")`` for both allies.
    b, c : number
        Value of the task and its cost.
    exact : bool

    Examples
    --------
    >>> m = lumpy_task(b=4, c=2)
    >>> m
    LumpyTask(b=4, c=2, players=('ally 1', 'ally 2'))
    >>> m.mixed_probability                  # (b - c)/(b - c/2), docs/models.md §a.5
    2/3
    >>> s = m.free_riding()
    >>> round(s.corner_share, 6), round(s.nash_total, 6)    # task done w.p. 1 - (1/3)^2
    (0.333333, 0.888889)
    """

    strategies = STRATEGIES

    def __init__(self, b: Any, c: Any, players: tuple[str, ...], exact: bool) -> None:
        self.b = exact_out(b, exact)
        self.c = exact_out(c, exact)
        self.players = players
        self.exact = exact

    def __repr__(self) -> str:
        return f"LumpyTask(b={self.b}, c={self.c}, players={self.players})"

    @property
    def payoffs(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column payoff arrays (``object`` arrays of sympy numbers if exact)."""
        b, c = self.b, self.c
        row = np.array([[b - c / 2, b - c], [b, 0 * b]], dtype=object if self.exact else float)
        return row, row.T.copy()

    @property
    def closed_forms(self) -> dict[str, sp.Expr]:
        """Payoff matrix and mixed equilibrium in symbols ``b``, ``c``."""
        b, c = sp.symbols("b c", positive=True)
        p = (b - c) / (b - c / 2)
        return {
            "row_payoffs": sp.Matrix([[b - c / 2, b - c], [b, 0]]),
            "mixed_contribute_probability": p,
            "mixed_payoff": sp.simplify(p * (b - c / 2) + (1 - p) * (b - c)),
            "provision_probability": sp.simplify(1 - (1 - p) ** 2),
        }

    @property
    def mixed_probability(self) -> Any:
        """Probability of contributing in the mixed equilibrium, ``(b-c)/(b-c/2)``."""
        return (self.b - self.c) / (self.b - self.c / 2)

    @cached_property
    def game(self):
        """The model as a :class:`games.normal_form.NormalFormGame`."""
        from games.normal_form import NormalFormGame

        return NormalFormGame(
            list(self.payoffs), players=self.players, strategies=(STRATEGIES, STRATEGIES)
        )

    @cached_property
    def _equilibria(self) -> Equilibria:
        p = self.mixed_probability
        one, zero = (sp.Integer(1), sp.Integer(0)) if self.exact else (1.0, 0.0)
        dtype = object if self.exact else float
        profiles = [
            ((one, zero), (zero, one)),
            ((zero, one), (one, zero)),
            ((p, 1 - p), (p, 1 - p)),
        ]
        pay = self.payoffs
        tol = None if self.exact else max(tolerance(list(pay), DEFAULT_RTOL))
        out = []
        for prof in profiles:
            eq = Equilibrium.from_profile(
                pay,
                [np.array(s, dtype=dtype) for s in prof],
                method="closed form (Chicken)",
                exact=self.exact,
                players=self.players,
                strategy_labels=(STRATEGIES,) * 2,
            )
            bad = (eq.regret != 0) if self.exact else (eq.regret > tol)
            if bad:
                raise RuntimeError(f"closed-form equilibrium failed its check: {eq!r}")
            out.append(eq)
        return Equilibria(
            out,
            method="closed form (Chicken)",
            exact=self.exact,
            degenerate=False,
            complete=True,
            tolerance=tol,
            notes=("all three equilibria of a nondegenerate 2x2 Chicken game",),
        )

    def equilibria(self) -> Equilibria:
        """The two pure equilibria (one ally carries the task) and the mixed one."""
        return self._equilibria

    def free_riding(self) -> FreeRidingSummary:
        """Free riding in the mixed equilibrium.

        ``corner_share`` is the probability that an ally free rides, ``nash_total`` the
        probability that the task gets done (the efficient outcome has it done for sure,
        ``efficient_total = 1``). The allies are symmetric, so the exploitation index is
        undefined.
        """
        p = float(self.mixed_probability)
        done = 1 - (1 - p) ** 2
        return FreeRidingSummary(
            exploitation_index=None,
            corner_share=1 - p,
            nash_total=done,
            efficient_total=1.0,
            provision_ratio=done,
            gap=1 - done,
            rank_correlation=float("nan"),
            notes=(
                "mixed equilibrium; totals are probabilities that the task is done",
                "symmetric allies: the exploitation index is undefined",
            ),
        )


def lumpy_task(b: Any = 4, c: Any = 2, players: Sequence[str] | None = None) -> LumpyTask:
    """An indivisible defence task worth ``b`` to both allies, costing ``c`` (Chicken).

    Parameters
    ----------
    b : number, default 4
        Value of the task to each ally.
    c : number, default 2
        Its cost (shared equally when both supply); Chicken needs ``0 < c < b``.
    players : sequence of two str, optional

    Returns
    -------
    LumpyTask
        ``.equilibria()``, ``.mixed_probability``, ``.payoffs``, ``.closed_forms``,
        ``.free_riding()`` and ``.game`` (a ``NormalFormGame``).

    Raises
    ------
    ValueError
        Unless ``0 < c < b`` (with ``c >= b`` free riding is dominant: no Chicken).

    Examples
    --------
    >>> m = lumpy_task(4, 2)
    >>> m.payoffs[0].tolist()
    [[3, 2], [4, 0]]
    >>> eq = m.equilibria()[2]
    >>> eq.strategies[0].tolist(), eq.payoffs
    ([2/3, 1/3], (8/3, 8/3))
    """
    b_val, b_exact = as_scalar(b, "b", low=0)
    c_val, c_exact = as_scalar(c, "c", low=0)
    if not c_val < b_val:
        raise ValueError(
            f"c must be below b for a game of Chicken (got b={b}, c={c}); with "
            "c >= b free riding is dominant and the task is never supplied alone"
        )
    exact = b_exact and c_exact
    return LumpyTask(b_val, c_val, labels(players, 2), exact)
