"""Transferable-utility games in characteristic-function form."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any

import numpy as np

from solvers.coalitional import (
    Allocation,
    banzhaf_value,
    characteristic_vector,
    in_core,
    least_core,
    normalize,
    nucleolus,
    shapley_value,
)

__all__ = ["CoalitionalGame", "Core"]


def _player_names(players: int | Sequence[Any]) -> tuple[tuple[str, ...], tuple[Any, ...] | None]:
    if isinstance(players, Integral) and not isinstance(players, bool):
        if players < 1:
            raise ValueError(f"the number of players must be positive, got {players}")
        return tuple(str(i) for i in range(int(players))), None
    if isinstance(players, str) or not isinstance(players, Iterable):
        raise TypeError(
            f"players must be a number of players or a sequence of names, got {players!r}"
        )
    labels = tuple(players)
    names = tuple(str(p) for p in labels)
    if len(set(names)) != len(names):
        raise ValueError(f"player names must be distinct, got {names}")
    if not names:
        raise ValueError("a game needs at least one player")
    return names, labels


@dataclass(frozen=True)
class Core:
    """The core of a game as the least-core LP decides it.

    ``empty`` is exact for exact games (float games: ``epsilon`` above round-off, 1e-9
    times the largest worth); ``point`` is a core allocation (the least-core
    point, which lies deepest inside the core) or None; ``epsilon`` is the least-core
    value (the core is nonempty iff ``epsilon <= 0``).
    """

    empty: bool
    point: Allocation | None
    epsilon: Any
    exact: bool

    def __repr__(self) -> str:
        if self.empty:
            return f"Core(empty, least-core epsilon={self.epsilon})"
        return f"Core(nonempty, point={self.point!r})"


class CoalitionalGame:
    """A transferable-utility game ``(N, v)``.

    Parameters
    ----------
    players : int or sequence
        The number of players (named ``"0" .. "n-1"``) or their names.
    v : callable, mapping or sequence
        The characteristic function: a callable on frozensets of players (indices when
        ``players`` is a number, the names otherwise); a mapping from coalitions (tuples,
        sets or frozensets of players) to worths, absent coalitions being worth 0; or a
        vector of the 2^n worths in **bitmask order** (coalition ``S`` is the integer with
        bit ``i`` set iff the ``i``-th player is in ``S``; entry 0 is the empty coalition).
        ``v(empty) = 0`` is required; at most 24 players.
    exact : bool, optional
        Solve in exact rationals (default: when every worth is an int or rational).

    Examples
    --------
    The glove game: one left glove (L), two right gloves; a pair is worth 1.

    >>> g = CoalitionalGame(["L", "R1", "R2"], lambda s: int("L" in s and len(s) >= 2))
    >>> g.shapley()
    Allocation(L: 2/3, R1: 1/6, R2: 1/6 | exact | shapley)
    >>> g.nucleolus().to_dict()
    {'L': 1, 'R1': 0, 'R2': 0}
    >>> from fractions import Fraction
    >>> g.core().empty, g.in_core([1, 0, 0]), g.in_core([Fraction(1, 2), Fraction(1, 2), 0])
    (False, True, False)
    """

    def __init__(
        self,
        players: int | Sequence[Any],
        v: Callable[[frozenset[Any]], Any] | Mapping[Any, Any] | Sequence[Any] | np.ndarray,
        exact: bool | None = None,
    ) -> None:
        self.players, labels = _player_names(players)
        self.n = len(self.players)
        self.v = characteristic_vector(v, self.n, exact=exact, names=labels)
        self.exact = self.v.dtype != np.float64
        self._labels = labels

    # -- the game ----------------------------------------------------------------------
    def mask(self, coalition: Iterable[Any]) -> int:
        """Bitmask of a coalition given by player names or indices."""
        out = 0
        for p in coalition:
            if isinstance(p, str) or (self._labels is not None and p in self._labels):
                key = str(p)
                if key not in self.players:
                    raise ValueError(f"{p!r} is not a player; players are {self.players}")
                out |= 1 << self.players.index(key)
            elif isinstance(p, Integral) and 0 <= int(p) < self.n:
                out |= 1 << int(p)
            else:
                raise ValueError(f"{p!r} is not a player; players are {self.players}")
        return out

    def worth(self, coalition: Iterable[Any]) -> Any:
        """``v(S)`` for a coalition of player names or indices."""
        x = self.v[self.mask(coalition)]
        return x if not isinstance(x, np.generic) else x.item()

    def __repr__(self) -> str:
        kind = "exact" if self.exact else "float"
        return f"CoalitionalGame({self.n} players: {', '.join(self.players)} | {kind})"

    def _alloc(self, values: list[Any], method: str, exact: bool, **info: Any) -> Allocation:
        return Allocation(tuple(values), self.players, method, exact, dict(info))

    # -- values ------------------------------------------------------------------------
    def shapley(self) -> Allocation:
        """The Shapley value (Shapley 1953), exact for exact games."""
        return self._alloc(shapley_value(self.v, self.n), "shapley", self.exact)

    def banzhaf(self, normalized: bool = False) -> Allocation:
        """The Banzhaf value: raw (``normalized=False``, Banzhaf/Penrose) or divided by
        its sum (the normalized index); ``info["raw"]`` keeps the raw values."""
        raw = banzhaf_value(self.v, self.n)
        if not normalized:
            return self._alloc(raw, "banzhaf", self.exact)
        return self._alloc(normalize(raw), "banzhaf (normalized)", self.exact, raw=tuple(raw))

    # -- the core ----------------------------------------------------------------------
    def least_core(self) -> Allocation:
        """A point of the least core (Maschler, Peleg & Shapley 1979);
        ``info["epsilon"]`` is the least-core value."""
        x, eps, exact = least_core(self.v, self.n)
        return self._alloc(x, "least core", exact, epsilon=eps)

    def core(self) -> Core:
        """Whether the core is empty, and a core point when it is not."""
        lc = self.least_core()
        eps = lc.info["epsilon"]
        # exact games decide exactly; float games allow round-off scaled to the worths
        tol = 0 if lc.exact else 1e-9 * max(1.0, float(np.max(np.abs(self.v))))
        empty = eps is not None and eps > tol
        point = None if empty else Allocation(lc.values, self.players, "core point", lc.exact)
        return Core(bool(empty), point, eps, lc.exact)

    def core_point(self) -> Allocation | None:
        """A core allocation (the least-core point), or None when the core is empty."""
        return self.core().point

    def in_core(self, x: Sequence[Any] | Mapping[str, Any], rtol: float = 1e-9) -> bool:
        """Whether ``x`` (a sequence in player order or a ``{name: payoff}`` mapping) is
        in the core; exact for exact games and payoffs, else within ``rtol``."""
        if isinstance(x, Mapping):
            missing = set(self.players) - {str(k) for k in x}
            if missing:
                raise ValueError(f"x has no payoff for {sorted(missing)}")
            by_name = {str(k): v for k, v in x.items()}
            x = [by_name[str(p)] for p in self.players]
        return in_core(self.v, list(x), self.n, rtol)

    # -- nucleolus ---------------------------------------------------------------------
    def nucleolus(self) -> Allocation:
        """The nucleolus (Schmeidler 1969) over the imputations; ``info["levels"]`` are the
        excess levels of the LP stages."""
        x, exact, levels = nucleolus(self.v, self.n, imputations=True)
        return self._alloc(x, "nucleolus", exact, levels=tuple(levels))

    def prenucleolus(self) -> Allocation:
        """The prenucleolus (over all preimputations)."""
        x, exact, levels = nucleolus(self.v, self.n, imputations=False)
        return self._alloc(x, "prenucleolus", exact, levels=tuple(levels))

    # -- properties --------------------------------------------------------------------
    def is_superadditive(self) -> bool:
        """``v(S | T) >= v(S) + v(T)`` for all disjoint S, T (O(3^n); exact for exact
        games)."""
        vals = self.v.tolist()
        full = (1 << self.n) - 1
        for s in range(1, full + 1):
            rest = full ^ s
            t = rest
            while t:
                if t > s and vals[s | t] < vals[s] + vals[t]:
                    return False
                t = (t - 1) & rest
        return True
