r"""The join/exempt threshold game (c.4): pressure works only if enough markets close.

:math:`N` allies choose Join or Out. The surplus country concedes iff at least :math:`m`
allies join. An ally gains :math:`B` from the concession; joining costs :math:`c` (lost
trade with, and retaliation by, the surplus country); staying out costs the hegemon's
tariff :math:`\tau` on non-joiners:

.. math:: u_J = B\,\mathbf 1[k \ge m] - c, \qquad u_O = B\,\mathbf 1[k \ge m] - \tau .

A discrete public-good (Palfrey & Rosenthal 1984) participation game with a compelling
tariff. Brute force over the :math:`2^N` pure profiles gives (with :math:`2 \le m \le N`):

* :math:`\tau > c`: Join is dominant; the grand coalition is the unique equilibrium
  ("compelled");
* :math:`c - B \le \tau < c`: the empty coalition and every *minimal winning* coalition
  (exactly :math:`m` joiners);
* :math:`\tau < c - B`: only the empty coalition.

:attr:`ThresholdGame.game` is the N-player ``NormalFormGame`` with symbolic payoffs
(symbols ``B, c, tau``); :meth:`ThresholdGame.pure_equilibria` solves it by brute force at
a parameter point, :meth:`ThresholdGame.equilibrium_grid` over a grid of
:math:`(\tau, c)` (vectorized brute force), and :meth:`ThresholdGame.equilibria_by_region`
gives the regions above as conditions from the region solver.

Examples
--------
>>> from fractions import Fraction as F
>>> from games.tariffs import threshold_game
>>> g = threshold_game(N=3, m=2, B=3, c=2)
>>> g.pure_equilibria(tau=F(5, 2))
[(0, 1, 2)]
>>> g.pure_equilibria(tau=1)
[(), (0, 1), (0, 2), (1, 2)]
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp

from games.tariffs._inputs import integer, number

__all__ = ["REGIMES", "ThresholdGame", "ThresholdMap", "threshold_game"]

B_, C_, TAU = sp.symbols("B c tau", positive=True)

#: Regime labels of :meth:`ThresholdGame.regime` and :class:`ThresholdMap` (codes 0..3).
REGIMES = (
    "empty coalition only",
    "empty or minimal winning coalitions",
    "grand coalition only (compelled)",
    "other",
)


@dataclass(frozen=True)
class ThresholdMap:
    """Pure equilibria of the threshold game over a grid of (tariff, cost).

    Attributes
    ----------
    taus, costs : numpy.ndarray
        Grid axes (tariff on non-joiners, cost of joining).
    regime : numpy.ndarray of int, shape (len(costs), len(taus))
        Index into :data:`REGIMES` at each grid point.
    counts : numpy.ndarray of int, same shape
        Number of pure equilibria.
    B : float
    N, m : int
    """

    taus: np.ndarray
    costs: np.ndarray
    regime: np.ndarray
    counts: np.ndarray
    B: float
    N: int
    m: int


class ThresholdGame:
    """The join/exempt threshold game; build with :func:`threshold_game`.

    Attributes
    ----------
    N, m : int
    B, c, tau : sympy number or symbol
        Free ones stay symbolic in :attr:`game`.
    """

    def __init__(self, N: int, m: int, B: Any, c: Any, tau: Any) -> None:
        self.N = integer(N, "N", low=2)
        self.m = integer(m, "m", low=1)
        if self.m > self.N:
            raise ValueError(f"m must be at most N={self.N}, got {m}")
        self.B = B_ if B is None else number(B, "B", low=0)
        self.c = C_ if c is None else number(c, "c", low=0, closed=True)
        self.tau = TAU if tau is None else number(tau, "tau", low=0, closed=True)

    def __repr__(self) -> str:
        return f"ThresholdGame(N={self.N}, m={self.m}, B={self.B}, c={self.c}, tau={self.tau})"

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        """The parameter symbols ``B``, ``c``, ``tau``."""
        return {"B": B_, "c": C_, "tau": TAU}

    @cached_property
    def game(self):
        """N-player ``NormalFormGame`` (strategies ``("Join", "Out")``), symbolic payoffs."""
        from games.normal_form import NormalFormGame

        n = self.N
        arrays = [np.empty((2,) * n, dtype=object) for _ in range(n)]
        for prof in itertools.product((0, 1), repeat=n):
            k = prof.count(0)
            win = self.B if k >= self.m else sp.Integer(0)
            for i in range(n):
                arrays[i][prof] = win - (self.c if prof[i] == 0 else self.tau)
        return NormalFormGame(
            arrays,
            players=tuple(f"ally {i + 1}" for i in range(n)),
            strategies=(("Join", "Out"),) * n,
            name=f"threshold game N={n}, m={self.m}",
        )

    def _bound(self, values: dict[str, Any]) -> Any:
        g = self.game
        names = {s.name for s in g.parameters}
        unknown = set(values) - {"B", "c", "tau"}
        if unknown:
            raise ValueError(f"unknown parameters {sorted(unknown)}; use B, c, tau")
        mapping = {k: v for k, v in values.items() if k in names}
        missing = names - set(mapping)
        if missing:
            raise ValueError(f"give values for {sorted(missing)} (e.g. tau=1)")
        return g.subs(mapping) if mapping else g

    def pure_equilibria(self, **values: Any) -> list[tuple[int, ...]]:
        """Joiner sets (0-based ally indices) of every pure equilibrium, by brute force
        over the ``2**N`` profiles (:func:`solvers.finite.pure_equilibria`).

        ``values`` binds the free parameters among ``B``, ``c``, ``tau``.
        """
        eqs = self._bound(values).pure_equilibria()
        out = [tuple(i for i, s in enumerate(eq.supports) if s == (0,)) for eq in eqs]
        return sorted(out, key=lambda j: (len(j), j))

    def equilibria(self, **values: Any):
        """All equilibria (pure and mixed) the n-player solver lists, at a parameter point
        (:meth:`games.NormalFormGame.equilibria`)."""
        return self._bound(values).equilibria()

    def equilibria_by_region(self, assumptions: Sequence[Any] = ()) -> Any:
        """The pure equilibria (only) in each region of the free parameters, from the region
        solver (:meth:`games.NormalFormGame.equilibria_by_region`); ``B``, ``c`` and
        ``tau`` are positive symbols, ``assumptions`` add relations among them.

        Examples
        --------
        >>> regions = threshold_game(B=3, c=None).equilibria_by_region()
        >>> [str(r.condition) for r in regions]
        ['tau > c', 'Eq(tau, c)', '(tau < c) & (tau >= c - 3)', 'tau < c - 3']
        >>> [len(r.equilibria) for r in regions]
        [1, 5, 4, 1]
        """
        return self.game.equilibria_by_region(assumptions, mixed=False)

    def regime(self, **values: Any) -> str:
        """The regime (one of :data:`REGIMES`) the pure equilibria fall in."""
        return REGIMES[_classify(self.pure_equilibria(**values), self.N, self.m)]

    def equilibrium_grid(
        self, taus: Sequence[float], costs: Sequence[float], B: float | None = None
    ) -> ThresholdMap:
        """Pure equilibria at every ``(tau, c)`` of a grid (vectorized brute force).

        ``B`` defaults to the game's ``B`` (which must then be a number).
        """
        b = float(self.B if B is None else B)
        taus_a = np.asarray(taus, dtype=float)
        costs_a = np.asarray(costs, dtype=float)
        tt, cc = np.meshgrid(taus_a, costs_a)
        n, m = self.N, self.m
        profiles = list(itertools.product((0, 1), repeat=n))
        eq_masks = []
        for prof in profiles:
            ok = np.ones(tt.shape, dtype=bool)
            k = prof.count(0)
            for i in range(n):
                mine = _payoff(prof[i], k, m, b, cc, tt)
                k_dev = k - 1 if prof[i] == 0 else k + 1
                dev = _payoff(1 - prof[i], k_dev, m, b, cc, tt)
                ok &= mine >= dev
            eq_masks.append(ok)
        masks = np.array(eq_masks)
        counts = masks.sum(axis=0)
        sizes = np.array([p.count(0) for p in profiles])
        regime = np.full(tt.shape, 3, dtype=int)
        empty = masks[sizes == 0][0]
        minimal = masks[sizes == m].all(axis=0) if m < n else masks[sizes == m][0]
        only_empty = empty & (counts == 1)
        regime[only_empty] = 0
        n_min = int((sizes == m).sum())
        regime[empty & minimal & (counts == 1 + n_min) & (m < n)] = 1
        grand = masks[sizes == n][0]
        regime[grand & (counts == 1)] = 2
        return ThresholdMap(taus_a, costs_a, regime, counts, b, n, m)


def _payoff(strategy: int, k: int, m: int, b: float, c: Any, tau: Any) -> Any:
    win = b if k >= m else 0.0
    return win - (c if strategy == 0 else tau)


def _classify(eqs: list[tuple[int, ...]], n: int, m: int) -> int:
    sizes = sorted(len(e) for e in eqs)
    if sizes == [0]:
        return 0
    if sizes == [n]:
        return 2
    n_min = len(list(itertools.combinations(range(n), m)))
    if m < n and sizes == [0] + [m] * n_min:
        return 1
    return 3


def threshold_game(
    N: int = 3, m: int = 2, B: Any = 3, c: Any = 2, tau: Any = None
) -> ThresholdGame:
    """The join/exempt threshold game with ``N`` allies and threshold ``m``.

    Parameters
    ----------
    N : int, default 3
    m : int, default 2
        Joiners needed for the surplus country to concede.
    B, c, tau : number or None
        Gain from the concession, cost of joining, tariff on non-joiners; ``None``
        keeps the parameter symbolic (``tau`` is symbolic by default).

    Examples
    --------
    >>> g = threshold_game()
    >>> g.game.parameters
    (tau,)
    >>> g.regime(tau=3), g.regime(tau=1), threshold_game(c=5).regime(tau=1)
    ('grand coalition only (compelled)', 'empty or minimal winning coalitions', \
'empty coalition only')
    """
    return ThresholdGame(N, m, B, c, tau)
