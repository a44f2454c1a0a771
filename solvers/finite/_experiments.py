"""Experiments on random games: draw many games, solve each, tabulate what was found.

:func:`random_game` draws one game; :func:`random_game_experiment` draws ``n_games`` of
one shape and solves each with :func:`solvers.finite.equilibria`, in chunks of
``chunk_size`` games with one seed per chunk (:func:`solvers.parallel.spawn_seeds`), run on
any ``executor`` (:mod:`solvers.parallel`: in process, a process pool, a dask cluster)
with ``progress``. The games drawn depend only on ``seed`` and ``chunk_size``, never on the
executor or the number of workers, so the tables are identical wherever they run.

Examples
--------
In a 2x2 game with independent continuous payoffs, each player has a dominant strategy
with probability 1/2; when neither has one, the best responses form a coordination game
(two pure equilibria and one mixed) or a matching-pennies cycle (one mixed), each with
probability 1/2. So a random 2x2 game has 3 equilibria with probability 1/8, else 1:

>>> from solvers.finite import random_game_experiment
>>> result = random_game_experiment((2, 2), 400, seed=1)
>>> sorted(result.distribution())
[1, 3]
>>> bool(abs(result.share(3) - 1 / 8) < 0.06), bool(result.complete.all())
(True, True)
"""

from __future__ import annotations

import threading
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers.parallel import chunk_bounds, map_chunks, spawn_seeds
from solvers.progress import ProgressArg
from solvers.result import DegenerateGameWarning

__all__ = ["RandomGameExperiment", "random_game", "random_game_experiment"]

_MAX_GAMES = 10_000_000

# warnings.catch_warnings changes process-wide state: games solved on threads of one
# process take turns (process pools and dask workers run in parallel)
_WARNINGS_LOCK = threading.Lock()


def random_game(
    shape: Sequence[int],
    rng: np.random.Generator,
    integers: tuple[int, int] | None = None,
) -> list[np.ndarray]:
    """One random game: a payoff array per player, each entry drawn independently.

    Parameters
    ----------
    shape : sequence of int
        Number of strategies of each player (at least 2 players, each >= 1 strategy).
    rng : numpy.random.Generator
        The source of randomness (explicit, for reproducibility).
    integers : (low, high), optional
        Draw integers uniformly from ``low..high`` (inclusive; such games are solved
        exactly and are often degenerate); default standard normal floats.

    Returns
    -------
    list of numpy.ndarray

    Examples
    --------
    >>> import numpy as np
    >>> A, B = random_game((2, 3), np.random.default_rng(0), integers=(0, 9))
    >>> A.shape, B.shape, A.dtype.kind
    ((2, 3), (2, 3), 'i')
    """
    dims = _shape(shape)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator (numpy.random.default_rng(seed)), "
            f"got {type(rng).__name__}"
        )
    if integers is None:
        return [rng.standard_normal(dims) for _ in dims]
    low, high = _integers(integers)
    return [rng.integers(low, high, size=dims, endpoint=True) for _ in dims]


@dataclass(frozen=True, eq=False)
class RandomGameExperiment:
    """What :func:`random_game_experiment` found, one entry per game, in draw order.

    Attributes
    ----------
    shape : tuple of int
    seed : int
    chunk_size : int
    integers : (low, high) or None
    counts : numpy.ndarray
        Number of equilibria listed for each game.
    pure_counts : numpy.ndarray
        Number of pure equilibria among them.
    complete : numpy.ndarray of bool
        Whether the method guaranteed the list complete for that game.
    degenerate : numpy.ndarray of bool
        Whether the solver warned that the game is degenerate.
    method : tuple of str
        The method that solved each game (the dispatcher's choice unless given).
    notes : tuple of str
    """

    shape: tuple[int, ...]
    seed: int
    chunk_size: int
    integers: tuple[int, int] | None
    counts: np.ndarray
    pure_counts: np.ndarray
    complete: np.ndarray
    degenerate: np.ndarray
    method: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.counts)

    def distribution(self) -> dict[int, int]:
        """``{number of equilibria: number of games}``, in increasing order.

        Examples
        --------
        >>> r = random_game_experiment((2, 2), 20, seed=3)
        >>> set(r.distribution()) <= {1, 3}, sum(r.distribution().values())
        (True, 20)
        """
        return dict(sorted(Counter(int(c) for c in self.counts).items()))

    def share(self, count: int) -> float:
        """The share of games with exactly ``count`` equilibria."""
        return float(np.mean(self.counts == count)) if len(self) else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """Plain Python: the settings and one list per attribute."""
        return {
            "shape": list(self.shape),
            "seed": self.seed,
            "chunk_size": self.chunk_size,
            "integers": None if self.integers is None else list(self.integers),
            "counts": self.counts.tolist(),
            "pure_counts": self.pure_counts.tolist(),
            "complete": self.complete.tolist(),
            "degenerate": self.degenerate.tolist(),
            "method": list(self.method),
            "notes": list(self.notes),
        }

    def to_frame(self) -> Any:
        """One row per game (pandas, the ``frames`` extra)."""
        from solvers.frames import require_pandas

        pd = require_pandas()
        return pd.DataFrame(
            {
                "equilibria": self.counts,
                "pure": self.pure_counts,
                "complete": self.complete,
                "degenerate": self.degenerate,
                "method": list(self.method),
            }
        )

    def __repr__(self) -> str:
        shape = "x".join(map(str, self.shape))
        kind = "float" if self.integers is None else f"integers {self.integers}"
        return (
            f"RandomGameExperiment({len(self)} {shape} games, {kind}, seed={self.seed}: "
            f"equilibria {self.distribution()}, complete {int(self.complete.sum())}/{len(self)})"
        )


def _shape(shape: Sequence[int]) -> tuple[int, ...]:
    try:
        dims = tuple(int(d) for d in shape)
    except (TypeError, ValueError):
        raise TypeError(f"shape must be a sequence of ints, e.g. (3, 3), got {shape!r}") from None
    if len(dims) < 2 or min(dims) < 1 or any(d != s for d, s in zip(dims, shape, strict=True)):
        raise ValueError(
            f"shape must give at least 2 players, each with at least 1 strategy, got {shape!r}"
        )
    return dims


def _integers(integers: Any) -> tuple[int, int]:
    try:
        low, high = (int(v) for v in integers)
    except (TypeError, ValueError):
        raise TypeError(f"integers must be a pair (low, high) of ints, got {integers!r}") from None
    if low > high:
        raise ValueError(f"integers: low must not exceed high, got {integers!r}")
    return low, high


@dataclass(frozen=True)
class _Chunk:
    """One chunk's work: picklable, so it can run in another process or on dask."""

    shape: tuple[int, ...]
    size: int
    seed: np.random.SeedSequence
    integers: tuple[int, int] | None
    method: str | None
    exact: bool

    def __call__(self) -> list[tuple[int, int, bool, bool, str]]:
        from solvers.finite._equilibria import equilibria

        rng = np.random.default_rng(self.seed)
        rows = []
        for _ in range(self.size):
            payoffs = random_game(self.shape, rng, self.integers)
            with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                eqs = equilibria(payoffs, method=self.method, exact=self.exact)
            degenerate = bool(eqs.degenerate) or any(
                issubclass(w.category, DegenerateGameWarning) for w in caught
            )
            pure = sum(all(len(s) == 1 for s in eq.supports) for eq in eqs)
            rows.append((len(eqs), pure, bool(eqs.complete), degenerate, eqs.method))
        return rows


def _run(chunk: _Chunk) -> list[tuple[int, int, bool, bool, str]]:
    return chunk()


def random_game_experiment(
    shape: Sequence[int],
    n_games: int,
    *,
    seed: int,
    integers: tuple[int, int] | None = None,
    method: str | None = None,
    exact: bool | None = None,
    chunk_size: int = 64,
    executor: Any = None,
    progress: ProgressArg = None,
) -> RandomGameExperiment:
    """Draw ``n_games`` random games of one shape, solve each, and tabulate.

    Parameters
    ----------
    shape : sequence of int
        Strategies per player, e.g. ``(3, 3)`` or ``(2, 2, 2)``.
    n_games : int
        Number of games (at most 10,000,000).
    seed : int
        Seed of the experiment; chunk ``k`` draws from the ``k``-th child of
        ``numpy.random.SeedSequence(seed)``.
    integers : (low, high), optional
        Integer payoffs in ``low..high`` (solved exactly by default); default standard
        normal floats.
    method, exact : optional
        Passed to :func:`solvers.finite.equilibria` (default: its choice).
    chunk_size : int, default 64
        Games per chunk. Part of the seed scheme: the same ``seed`` and ``chunk_size``
        draw the same games on any executor.
    executor : optional
        Where the chunks run (:func:`solvers.parallel.resolve_executor`).
    progress : None, bool or callable, default None
        Chunks done (:func:`solvers.progress.track`; default: a bar only in a terminal).

    Returns
    -------
    RandomGameExperiment

    Raises
    ------
    ValueError
        For a bad shape, ``n_games`` or ``chunk_size``.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> here = random_game_experiment((2, 3), 30, seed=7, integers=(0, 3), chunk_size=8)
    >>> with ThreadPoolExecutor(2) as pool:
    ...     there = random_game_experiment((2, 3), 30, seed=7, integers=(0, 3), chunk_size=8,
    ...                                    executor=pool)
    >>> here.counts.tolist() == there.counts.tolist(), len(here)
    (True, 30)
    """
    dims = _shape(shape)
    if isinstance(n_games, bool) or not isinstance(n_games, int | np.integer):
        raise TypeError(f"n_games must be an int, got {n_games!r}")
    if not 0 <= n_games <= _MAX_GAMES:
        raise ValueError(f"n_games must be between 0 and {_MAX_GAMES:,}, got {n_games}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int | np.integer):
        raise TypeError(f"chunk_size must be an int, got {chunk_size!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    bounds = _integers(integers) if integers is not None else None
    spans = chunk_bounds(int(n_games), int(chunk_size)) if n_games else []
    seeds = spawn_seeds(seed, len(spans))
    chunks = [
        _Chunk(dims, hi - lo, s, bounds, method, bounds is not None if exact is None else exact)
        for (lo, hi), s in zip(spans, seeds, strict=True)
    ]
    results = map_chunks(_run, chunks, executor=executor, progress=progress, desc="games")
    rows = [row for chunk in results for row in chunk]
    notes = []
    if rows and not all(r[2] for r in rows):
        notes.append(
            f"{sum(not r[2] for r in rows)} of {len(rows)} games were solved by a method "
            "that does not guarantee every equilibrium (see complete)"
        )
    return RandomGameExperiment(
        shape=dims,
        seed=int(seed),
        chunk_size=int(chunk_size),
        integers=bounds,
        counts=np.array([r[0] for r in rows], dtype=np.int64),
        pure_counts=np.array([r[1] for r in rows], dtype=np.int64),
        complete=np.array([r[2] for r in rows], dtype=bool),
        degenerate=np.array([r[3] for r in rows], dtype=bool),
        method=tuple(r[4] for r in rows),
        notes=tuple(notes),
    )
