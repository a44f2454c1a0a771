"""Weighted and vector-weighted voting games."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from numbers import Integral
from typing import Any, cast

import numpy as np

from games.coalitional._game import CoalitionalGame, _player_names
from solvers.coalitional import MAX_PLAYERS, Allocation, voting_power

__all__ = ["VectorWeightedVotingGame", "WeightedVotingGame"]


def _exact(value: Any, what: str) -> Fraction:
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a number, got {value!r}")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(
            f"{what} = {value!r} is a non-integral float; give weights as integers (e.g. "
            "votes or population in thousands) or as Fraction, and quotas as Fraction "
            "(e.g. Fraction(65, 100) * total)"
        )
    try:
        if hasattr(value, "p") and hasattr(value, "q"):  # sympy rational
            return Fraction(int(value.p), int(value.q))
        return Fraction(value)
    except (TypeError, ValueError):
        raise TypeError(f"{what} must be a number, got {value!r}") from None


class VectorWeightedVotingGame:
    """A voting game with several weights and quotas: a coalition wins iff it meets every
    quota, ``sum(weights[i][j] for i in S) >= quotas[j]`` for each criterion j.

    Parameters
    ----------
    weights : sequence of sequences
        ``weights[i][j]`` is player i's weight on criterion j (nonnegative integers or
        rationals; rationals are scaled to integers per criterion).
    quotas : sequence
        One quota per criterion (positive; rational quotas are allowed).
    players : sequence of str, optional
        Player names (default ``"0" .. "n-1"``).
    criteria : sequence of str, optional
        Names of the criteria (e.g. ``("members", "population")``).

    Examples
    --------
    A double majority: 2 of 3 members holding at least 65 % of the population.

    >>> g = VectorWeightedVotingGame([[1, 60], [1, 30], [1, 10]], [2, 65],
    ...                              players=["A", "B", "C"], criteria=["members", "population"])
    >>> g.is_winning(["A", "B"]), g.is_winning(["B", "C"])
    (True, False)
    >>> g.shapley_shubik()
    Allocation(A: 2/3, B: 1/6, C: 1/6 | exact | shapley-shubik)
    """

    def __init__(
        self,
        weights: Sequence[Sequence[Any]],
        quotas: Sequence[Any],
        players: Sequence[Any] | None = None,
        criteria: Sequence[str] | None = None,
    ) -> None:
        rows = [list(r) if isinstance(r, Iterable) else [r] for r in weights]
        if not rows:
            raise ValueError("weights: a voting game needs at least one player")
        m = len(rows[0])
        if m == 0 or any(len(r) != m for r in rows):
            raise ValueError("weights must give every player the same number of criteria")
        quotas = list(quotas)
        if len(quotas) != m:
            raise ValueError(f"{m} weight criteria but {len(quotas)} quotas")
        fw = [
            [_exact(x, f"weights[{i}][{j}]") for j, x in enumerate(r)] for i, r in enumerate(rows)
        ]
        fq = [_exact(q, f"quotas[{j}]") for j, q in enumerate(quotas)]
        for i, r in enumerate(fw):
            for j, x in enumerate(r):
                if x < 0:
                    raise ValueError(f"weights[{i}][{j}] = {x} is negative; weights must be >= 0")
        for j, q in enumerate(fq):
            if q <= 0:
                raise ValueError(
                    f"quotas[{j}] = {q} must be positive (the empty coalition cannot win)"
                )
        # scale each criterion to integers; a coalition wins iff its integer weight >= ceil(q)
        self.weights = tuple(tuple(r) for r in fw)
        self.quotas = tuple(fq)
        int_w = np.zeros((len(fw), m), dtype=object)
        int_q = []
        for j in range(m):
            den = math.lcm(*(r[j].denominator for r in fw), fq[j].denominator)
            col = [int(r[j] * den) for r in fw]
            g = math.gcd(*col) or 1
            int_w[:, j] = [x // g for x in col]
            int_q.append(math.ceil(fq[j] * den / g))
        self._w = int_w.astype(np.int64)
        self._q = np.array(int_q, dtype=np.int64)
        self.n = len(fw)
        self.players, _ = _player_names(players if players is not None else self.n)
        if len(self.players) != self.n:
            raise ValueError(f"{len(self.players)} player names for {self.n} weight rows")
        self.criteria = (
            tuple(criteria) if criteria is not None else tuple(f"w{j}" for j in range(m))
        )
        if len(self.criteria) != m:
            raise ValueError(f"{len(self.criteria)} criterion names for {m} criteria")

    def _index(self, p: Any) -> int:
        if isinstance(p, str):
            if p not in self.players:
                raise ValueError(f"{p!r} is not a player; players are {self.players}")
            return self.players.index(p)
        if isinstance(p, Integral) and 0 <= int(p) < self.n:
            return int(p)
        raise ValueError(f"{p!r} is not a player; players are {self.players}")

    def is_winning(self, coalition: Iterable[Any]) -> bool:
        """Whether a coalition (player names or indices) meets every quota."""
        idx = sorted({self._index(p) for p in coalition})
        total = self._w[idx].sum(axis=0) if idx else np.zeros(len(self._q), dtype=np.int64)
        return bool(np.all(total >= self._q))

    def shapley_shubik(self) -> Allocation:
        """The Shapley-Shubik index (Shapley & Shubik 1954), exact."""
        vals, _ = voting_power(self._w, self._q, "shapley_shubik")
        return Allocation(tuple(vals), self.players, "shapley-shubik", True)

    def banzhaf(self, normalized: bool = True) -> Allocation:
        """The Banzhaf index (Banzhaf 1965; Penrose 1946): normalized to sum 1 by default,
        raw (swings / 2^(n-1)) with ``normalized=False``; ``info["swings"]`` holds the
        swing counts."""
        raw, swings = voting_power(self._w, self._q, "banzhaf")
        counts = cast(list[int], swings)  # one total per player for the Banzhaf index
        info = {"swings": tuple(int(c) for c in counts)}
        if not normalized:
            return Allocation(tuple(raw), self.players, "banzhaf", True, info)
        total = sum(counts)
        if total == 0:
            raise ValueError(
                "no player is ever pivotal (no coalition wins), so the normalized Banzhaf "
                "index is undefined; use normalized=False"
            )
        vals = tuple(Fraction(int(c), int(total)) for c in counts)
        return Allocation(vals, self.players, "banzhaf (normalized)", True, info)

    @property
    def game(self) -> CoalitionalGame:
        """The simple game as a :class:`CoalitionalGame` (v = 1 for winning coalitions);
        at most 24 players."""
        if self.n > MAX_PLAYERS:
            raise ValueError(
                f"{self.n} players: the characteristic function has 2^{self.n} entries "
                f"(limit {MAX_PLAYERS}); the indices of this class need no such table"
            )
        size = 1 << self.n
        totals = np.zeros((size, len(self._q)), dtype=np.int64)
        for i in range(self.n):
            totals[1 << i : 2 << i] = totals[: 1 << i] + self._w[i]
        v = np.all(totals >= self._q, axis=1).astype(np.int64)
        return CoalitionalGame(self.players, v)

    def __repr__(self) -> str:
        w = "; ".join(
            f"{c} {fmt_q(q)}: {', '.join(str(r[j]) for r in self.weights)}"
            for j, (c, q) in enumerate(zip(self.criteria, self.quotas, strict=True))
        )
        return f"{type(self).__name__}({self.n} players | {w})"


def fmt_q(q: Fraction) -> str:
    return f">= {q}"


class WeightedVotingGame(VectorWeightedVotingGame):
    """A weighted majority game ``[q; w_1, ..., w_n]``: a coalition wins iff its total
    weight is at least the quota ``q``.

    Parameters
    ----------
    weights : sequence
        Nonnegative integer or rational weights (votes, seats, shares).
    quota : number
        Positive quota (rational allowed; ``Fraction(1, 2) * total`` for a simple majority
        of weight *at least* half).
    players : sequence of str, optional
        Player names.

    Examples
    --------
    [51; 50, 49, 1]: the small party has as much power as the big runner-up.

    >>> g = WeightedVotingGame([50, 49, 1], 51, players=["A", "B", "C"])
    >>> g.shapley_shubik()
    Allocation(A: 2/3, B: 1/6, C: 1/6 | exact | shapley-shubik)
    >>> g.banzhaf()
    Allocation(A: 3/5, B: 1/5, C: 1/5 | exact | banzhaf (normalized))
    >>> g.game.shapley() .to_dict() == g.shapley_shubik().to_dict()
    True
    """

    def __init__(
        self, weights: Sequence[Any], quota: Any, players: Sequence[Any] | None = None
    ) -> None:
        w = list(weights)
        if any(isinstance(x, Iterable) and not isinstance(x, str) for x in w):
            raise TypeError(
                "weights must be one number per player; use VectorWeightedVotingGame for "
                "several criteria"
            )
        super().__init__([[x] for x in w], [quota], players)

    @property
    def quota(self) -> Fraction:
        """The quota."""
        return self.quotas[0]

    def __repr__(self) -> str:
        return (
            f"WeightedVotingGame([{self.quota}; {', '.join(str(r[0]) for r in self.weights)}]"
            f" | {', '.join(self.players)})"
        )
