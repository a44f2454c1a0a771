r"""When do allies hedge? The distribution of the hedging year, exact and simulated [O].

Alliances live through a run of elections, one every ``term_years``. At each, the
suspect party wins with probability :math:`g`; its president is unreliable with
probability 1 if unreliability is structural and :math:`\varepsilon` if it was a fluke.
The ally updates its belief (:class:`FlukeOrStructural`) and hedges, irreversibly, the
first time credibility falls below :math:`\rho^*`. The truth is drawn from the allies'
prior (``truth="prior"``) or fixed (``"structural"``, ``"fluke"``).

**Exact** (:meth:`HedgingTimeline.exact`): the belief depends only on the number
:math:`j` of unreliable presidencies seen and on whether "structural" has been refuted,
so (truth, :math:`j`) and (truth, refuted) are a finite state space; with "hedged"
absorbing, the hedging-time pmf is the mass absorbed at each step of this absorbing
Markov chain (Kemeny & Snell 1960, *Finite Markov Chains*), in exact rational arithmetic
for rational inputs.

**Simulation** (:meth:`HedgingTimeline.simulate`): election outcomes, beliefs and
decisions of many alliances at once, vectorized with numpy. Randomness comes from one
seed: :class:`numpy.random.SeedSequence` spawns one child per block of ``BLOCK`` paths,
each path uses one row of uniforms drawn in order, and chunks (the memory bound) only
split the work, so the same seed gives the same answer whatever ``chunk_size``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp
from scipy import stats

from games.hedging._inputs import plain, show
from games.hedging._learning import FlukeOrStructural, fluke_or_structural
from solvers.frames import require_pandas, require_pyplot
from solvers.parallel import map_chunks, spawn_seeds
from solvers.progress import ProgressArg

__all__ = [
    "BLOCK",
    "TRUTHS",
    "HedgingTimeDistribution",
    "HedgingTimeline",
    "SimulatedHedgingTimes",
    "hedging_timeline",
]

#: Paths per spawned seed: the unit of randomness (independent of the chunking).
BLOCK = 1 << 16
TRUTHS = ("prior", "structural", "fluke")


def _frac(value: sp.Expr) -> Fraction:
    return Fraction(int(value.p), int(value.q))


@dataclass(frozen=True)
class HedgingTimeDistribution:
    """Exact distribution of the election (year) at which an ally hedges.

    Attributes
    ----------
    years : tuple of int
        Year of each election considered.
    pmf : tuple
        ``P(hedge at that election)`` (sympy Rational when exact, float otherwise).
    never : number
        ``P(no hedge within the horizon)``.
    method : str
    exact : bool

    Examples
    --------
    >>> d = hedging_timeline(terms=4).exact()
    >>> d.pmf, d.never
    ((0, 5/128, 5/128, 15/512), 457/512)
    """

    years: tuple[int, ...]
    pmf: tuple[Any, ...]
    never: Any
    method: str
    exact: bool

    @property
    def cdf(self) -> tuple[Any, ...]:
        """``P(hedged by that election)``."""
        out, total = [], 0
        for p in self.pmf:
            total = total + p
            out.append(total)
        return tuple(out)

    @property
    def mean_year(self) -> float:
        """Expected hedging year given that the ally hedges within the horizon."""
        mass = sum(float(p) for p in self.pmf)
        if mass == 0:
            return float("nan")
        return sum(y * float(p) for y, p in zip(self.years, self.pmf, strict=True)) / mass

    def as_array(self) -> np.ndarray:
        """The pmf as a float array."""
        return np.array([float(p) for p in self.pmf])

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (``Fraction`` when exact)."""
        return {
            "years": list(self.years),
            "pmf": [plain(p) for p in self.pmf],
            "never": plain(self.never),
            "method": self.method,
            "exact": self.exact,
        }

    def __repr__(self) -> str:
        body = ", ".join(
            f"{y}: {show(p)}" for y, p in zip(self.years, self.pmf, strict=True) if p != 0
        )
        return (
            f"HedgingTimeDistribution({body} | never: {show(self.never)} | "
            f"{'exact' if self.exact else 'float'} | {self.method})"
        )


@dataclass(frozen=True)
class SimulatedHedgingTimes:
    """Hedging years of simulated alliances (counts per election).

    Attributes
    ----------
    years : tuple of int
    counts : numpy.ndarray
        Alliances that hedge at each election.
    never : int
        Alliances that never hedge within the horizon.
    paths, seed, chunk_size : int
    """

    years: tuple[int, ...]
    counts: np.ndarray
    never: int
    paths: int
    seed: int
    chunk_size: int

    @property
    def pmf(self) -> np.ndarray:
        """Share of alliances hedging at each election."""
        return self.counts / self.paths

    @property
    def standard_errors(self) -> np.ndarray:
        """Binomial standard error of each pmf entry, ``sqrt(p*(1 - p)/paths)``."""
        p = self.pmf
        return np.sqrt(p * (1 - p) / self.paths)

    def compare(self, exact: HedgingTimeDistribution) -> dict[str, float]:
        """Agreement with the exact distribution.

        Returns the largest absolute pmf error, the largest error in units of the exact
        binomial standard error, and a chi-square goodness-of-fit statistic and p-value
        over the elections with positive probability plus "never".
        """
        if tuple(exact.years) != tuple(self.years):
            raise ValueError("exact and simulated distributions cover different years")
        p = np.append(exact.as_array(), float(exact.never))
        observed = np.append(self.counts, self.never).astype(float)
        se = np.sqrt(p * (1 - p) / self.paths)
        err = np.abs(observed / self.paths - p)
        keep = p > 0
        if np.any(observed[~keep] > 0):
            return {
                "max_error": float(err.max()),
                "max_z": math.inf,
                "chi2": math.inf,
                "p_value": 0.0,
            }
        z = np.where(keep, err / np.where(se > 0, se, 1.0), 0.0)
        expected = p[keep] * self.paths
        chi2 = float(np.sum((observed[keep] - expected) ** 2 / expected))
        dof = int(keep.sum()) - 1
        pval = float(stats.chi2.sf(chi2, dof)) if dof > 0 else 1.0
        return {
            "max_error": float(err.max()),
            "max_z": float(z.max()),
            "chi2": chi2,
            "p_value": pval,
        }

    def to_frame(self) -> Any:
        """The simulated distribution as a ``pandas.DataFrame``, one row per election
        (``year``, ``count``, ``pmf``, ``standard_error``) and a last row for the
        alliances that never hedge (year missing, ``pandas.NA``). pandas is optional:
        ``pip install 'blocgames[frames]'``.

        Examples
        --------
        >>> s = hedging_timeline(terms=3).simulate(1_000, seed=1)
        >>> df = s.to_frame()
        >>> list(df.columns), int(df["count"].sum())
        (['year', 'count', 'pmf', 'standard_error'], 1000)
        """
        pd = require_pandas("SimulatedHedgingTimes.to_frame()")
        p_never = self.never / self.paths
        return pd.DataFrame(
            {
                "year": pd.array([*self.years, None], dtype="Int64"),
                "count": [*(int(c) for c in self.counts), int(self.never)],
                "pmf": [*(float(p) for p in self.pmf), p_never],
                "standard_error": [
                    *(float(e) for e in self.standard_errors),
                    math.sqrt(p_never * (1 - p_never) / self.paths),
                ],
            }
        )

    def plot(self, ax: Any = None, exact: HedgingTimeDistribution | None = None) -> Any:
        """The share of alliances hedging at each election as bars with two-standard-error
        whiskers, and the ``exact`` distribution as points when given.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Where to draw (default: a new figure from ``matplotlib.pyplot``).
        exact : HedgingTimeDistribution, optional
            E.g. ``timeline.exact()``, drawn on top.

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> from matplotlib.figure import Figure
        >>> t = hedging_timeline(terms=3)
        >>> ax = t.simulate(1_000, seed=1).plot(Figure().add_subplot(), exact=t.exact())
        >>> ax.get_xlabel()
        'election'
        """
        if exact is not None and tuple(exact.years) != tuple(self.years):
            raise ValueError(
                f"exact covers the elections {exact.years[0]}-{exact.years[-1]} "
                f"({len(exact.years)} years), the simulation {self.years[0]}-{self.years[-1]} "
                f"({len(self.years)}): pass the exact() of the same timeline"
            )
        if ax is None:
            ax = require_pyplot().subplots()[1]
        years = np.asarray(self.years)
        width = 0.8 * (years[1] - years[0]) if years.size > 1 else 0.8
        ax.bar(years, self.pmf, width=width, yerr=2 * self.standard_errors, label="simulated")
        if exact is not None:
            ax.plot(years, exact.as_array(), "o", color="black", label="exact")
        ax.set_xlabel("election")
        ax.set_ylabel("share of alliances hedging")
        ax.legend()
        return ax

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "years": list(self.years),
            "counts": [int(c) for c in self.counts],
            "never": int(self.never),
            "paths": self.paths,
            "seed": self.seed,
            "chunk_size": self.chunk_size,
        }

    def __repr__(self) -> str:
        body = ", ".join(
            f"{y}: {p:.4f}" for y, p in zip(self.years, self.pmf, strict=True) if p > 0
        )
        return (
            f"SimulatedHedgingTimes({self.paths} paths, seed {self.seed} | {body} | "
            f"never: {self.never / self.paths:.4f})"
        )


@dataclass(frozen=True)
class HedgingTimeline:
    """Alliances learning over elections and hedging; build with :func:`hedging_timeline`.

    Attributes
    ----------
    learning : FlukeOrStructural
        Prior, ``eps``, threshold and win probability.
    truth : {"prior", "structural", "fluke"}
    terms : int
        Number of elections simulated.
    first_election, term_years : int
        Year of the first election and years between elections.
    observed_unreliable : int
        Unreliable presidencies already seen before the first election simulated.
    """

    learning: FlukeOrStructural
    truth: str
    terms: int
    first_election: int
    term_years: int
    observed_unreliable: int = 0

    @property
    def years(self) -> tuple[int, ...]:
        """Year of each election."""
        return tuple(self.first_election + self.term_years * n for n in range(self.terms))

    @cached_property
    def _table(self) -> tuple[tuple[bool, ...], bool]:
        """Hedge decision by unreliable count ``j`` (0..j0+terms), and once refuted."""
        m = self.learning
        by_j = tuple(m.hedges_at(j) for j in range(self.observed_unreliable + self.terms + 1))
        return by_j, m.hedges_at(0, refuted=True)

    def _types(self) -> list[tuple[Any, Any]]:
        """(weight, P(unreliable | suspect party wins)) for each possible truth."""
        m = self.learning
        one = sp.Integer(1)
        if self.truth == "structural":
            return [(one, one)]
        if self.truth == "fluke":
            return [(one, m.eps)]
        mu = m.belief(self.observed_unreliable)  # posterior after what was observed
        return [(mu, one), (1 - mu, m.eps)]

    @property
    def exact_arithmetic(self) -> bool:
        """Whether the chain runs on rationals."""
        return self.learning.exact

    def transition_matrix(self) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
        """The absorbing chain: transition matrix, initial distribution and state labels.

        States are ``(truth, j)`` for ``j = 0..j0 + terms``, ``(truth, refuted)`` and
        ``hedged`` (absorbing). Moves into a state where the ally's credibility is below
        the threshold are sent to ``hedged``. Entries are ``Fraction`` when exact.
        """
        exact = self.exact_arithmetic
        conv = _frac if exact else float
        g = conv(self.learning.gop)
        by_j, ref_hedges = self._table
        jmax = len(by_j) - 1
        types = self._types()
        per = jmax + 2  # j = 0..jmax, refuted
        n = per * len(types) + 1
        hedged = n - 1
        zero = Fraction(0) if exact else 0.0
        P = np.full((n, n), zero, dtype=object if exact else float)
        init = np.full(n, zero, dtype=object if exact else float)
        labels = []
        for t, (weight, u) in enumerate(types):
            u = conv(u)
            base = t * per
            name = ("structural", "fluke")[t] if self.truth == "prior" else self.truth
            labels += [f"{name}, j={j}" for j in range(jmax + 1)] + [f"{name}, refuted"]
            init[base + self.observed_unreliable] = conv(weight)

            def to(j_or_ref: int | None) -> int:
                if j_or_ref is None:
                    return hedged if ref_hedges else base + jmax + 1  # noqa: B023
                return hedged if by_j[j_or_ref] else base + j_or_ref  # noqa: B023

            for j in range(jmax + 1):
                P[base + j, to(j)] += 1 - g
                P[base + j, to(min(j + 1, jmax))] += g * u
                P[base + j, to(None)] += g * (1 - u)
            P[base + jmax + 1, to(None)] += 1
        P[hedged, hedged] = Fraction(1) if exact else 1.0
        return P, init, (*labels, "hedged")

    def exact(self) -> HedgingTimeDistribution:
        """The hedging-time distribution from the absorbing Markov chain (exact if rational).

        Examples
        --------
        Under "structural" with ``g = 1/2`` the ally hedges at the second unreliable
        presidency: a negative binomial, ``P(T = n) = (n - 1)/2**n``.

        >>> hedging_timeline(truth="structural", terms=4).exact().pmf
        (0, 1/4, 1/4, 3/16)
        """
        P, dist0, _ = self.transition_matrix()
        exact = self.exact_arithmetic
        moves = [(i, j, P[i, j]) for i, j in zip(*np.nonzero(P != 0), strict=True)]
        dist: list[Any] = list(dist0)
        zero = dist[-1] * 0
        pmf = []
        absorbed = dist[-1]
        for _ in range(self.terms):  # dist <- dist @ P over the nonzero entries only
            new = [zero] * len(dist)
            for i, j, p in moves:
                if dist[i]:
                    new[j] += dist[i] * p
            dist = new
            pmf.append(dist[-1] - absorbed)
            absorbed = dist[-1]
        never = 1 - absorbed
        if exact:
            pmf = [sp.Rational(p.numerator, p.denominator) for p in pmf]
            never = sp.Rational(never.numerator, never.denominator)
        else:
            pmf, never = [float(p) for p in pmf], float(never)
        return HedgingTimeDistribution(
            self.years, tuple(pmf), never, "absorbing Markov chain", exact
        )

    def _simulate_rows(self, u: np.ndarray, counts: np.ndarray) -> int:
        """Hedging elections of the paths whose uniforms are the rows of ``u``."""
        m = self.learning
        g = float(m.gop)
        eps = float(m.eps)
        if self.truth == "prior":
            structural = u[:, 0] < float(m.belief(self.observed_unreliable))
        else:
            structural = np.full(u.shape[0], self.truth == "structural")
        rate = np.where(structural, g, g * eps)[:, None]
        draws = u[:, 1:]
        unreliable = draws < rate
        refuted = np.logical_or.accumulate((draws >= rate) & (draws < g), axis=1)
        seen = np.cumsum(unreliable, axis=1, dtype=np.int32) + self.observed_unreliable
        by_j, ref_hedges = self._table
        hedge = np.asarray(by_j)[seen]
        hedge = np.where(refuted, ref_hedges, hedge)
        ever = hedge.any(axis=1)
        first = np.argmax(hedge, axis=1)[ever]
        counts += np.bincount(first, minlength=self.terms)
        return int((~ever).sum())

    def _run_block(self, task: tuple[np.random.SeedSequence, int, int]) -> tuple[np.ndarray, int]:
        """Counts and never-hedgers of one seed block, in chunks of at most ``chunk`` rows."""
        child, rows, chunk = task
        rng = np.random.default_rng(child)
        counts = np.zeros(self.terms, dtype=np.int64)
        never = 0
        buffer = np.empty((min(chunk, rows), self.terms + 1))
        done = 0
        while done < rows:
            u = buffer[: min(buffer.shape[0], rows - done)]
            rng.random(out=u)
            never += self._simulate_rows(u, counts)
            done += u.shape[0]
        return counts, never

    def simulate(
        self,
        paths: int = 100_000,
        seed: int = 0,
        chunk_size: int = BLOCK,
        executor: Any = None,
        progress: ProgressArg = None,
    ) -> SimulatedHedgingTimes:
        """Simulate ``paths`` alliances; vectorized, memory bounded by ``chunk_size`` rows.

        Parameters
        ----------
        paths : int
            Number of alliances.
        seed : int
            Root of :class:`numpy.random.SeedSequence`; one child generator
            (``numpy.random.default_rng``) per block of :data:`BLOCK` paths.
        chunk_size : int
            Paths held in memory at once per worker (``chunk_size * (terms + 1)`` floats).
            The result does not depend on it.
        executor : optional
            Runs the seed blocks elsewhere: a ``concurrent.futures`` executor
            (``ProcessPoolExecutor``, ...), a dask ``distributed.Client`` or a scheduler
            address ``"tcp://host:8786"`` (see :mod:`solvers.parallel`); ``None`` runs
            them here, one after another. The result does not depend on it either.
        progress : None, bool or callable, default None
            Report seed blocks as they complete (see :func:`solvers.progress.track`;
            default: a bar only on a terminal).

        Returns
        -------
        SimulatedHedgingTimes
            ``.to_frame()`` gives a pandas table, ``.plot()`` a bar chart.

        Examples
        --------
        >>> t = hedging_timeline(terms=4)
        >>> a, b = t.simulate(20_000, seed=1), t.simulate(20_000, seed=1, chunk_size=999)
        >>> (a.counts == b.counts).all() and a.never == b.never
        True
        """
        paths = _positive_int(paths, "paths")
        chunk_size = _positive_int(chunk_size, "chunk_size")
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
        n_blocks = -(-paths // BLOCK)
        children = spawn_seeds(int(seed), n_blocks)
        tasks = [
            (child, min(BLOCK, paths - b * BLOCK), chunk_size) for b, child in enumerate(children)
        ]
        results = map_chunks(
            self._run_block, tasks, executor=executor, progress=progress, desc="hedging paths"
        )
        counts = np.zeros(self.terms, dtype=np.int64)
        never = 0
        for c, n in results:
            counts += c
            never += n
        return SimulatedHedgingTimes(self.years, counts, never, paths, int(seed), chunk_size)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form."""
        return {
            "learning": self.learning.to_dict(),
            "truth": self.truth,
            "terms": self.terms,
            "first_election": self.first_election,
            "term_years": self.term_years,
            "observed_unreliable": self.observed_unreliable,
        }

    def __repr__(self) -> str:
        return (
            f"HedgingTimeline(truth={self.truth}, elections {self.years[0]}-{self.years[-1]}, "
            f"{self.learning!r})"
        )


def _positive_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def hedging_timeline(
    learning: FlukeOrStructural | None = None,
    truth: str = "prior",
    terms: int = 8,
    first_election: int = 2016,
    term_years: int = 4,
    observed_unreliable: int = 0,
) -> HedgingTimeline:
    """Alliances that learn at each election whether to hedge [O].

    Parameters
    ----------
    learning : FlukeOrStructural, optional
        Beliefs and threshold (default :func:`fluke_or_structural` with its defaults).
    truth : {"prior", "structural", "fluke"}, default "prior"
        Whether the patron's type is drawn from the allies' belief or fixed.
    terms : int, default 8
        Elections considered.
    first_election : int, default 2016
    term_years : int, default 4
    observed_unreliable : int, default 0
        Unreliable presidencies already seen (the belief starts at ``mu_j``).

    Returns
    -------
    HedgingTimeline
        ``.exact()`` (Markov chain) and ``.simulate(paths, seed, chunk_size)``.

    Examples
    --------
    >>> t = hedging_timeline()
    >>> d = t.exact()
    >>> d.years[:3], d.pmf[:3]
    ((2016, 2020, 2024), (0, 5/128, 5/128))
    """
    if truth not in TRUTHS:
        raise ValueError(f"truth must be one of {TRUTHS}, got {truth!r}")
    terms = _positive_int(terms, "terms")
    for value, name in ((first_election, "first_election"), (term_years, "term_years")):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    term_years = _positive_int(term_years, "term_years")
    if (
        isinstance(observed_unreliable, bool)
        or not isinstance(observed_unreliable, int | np.integer)
        or observed_unreliable < 0
    ):
        raise ValueError(
            f"observed_unreliable must be a non-negative integer, got {observed_unreliable!r}"
        )
    if learning is None:
        learning = fluke_or_structural()
    elif not isinstance(learning, FlukeOrStructural):
        raise TypeError(
            f"learning must be a FlukeOrStructural (from fluke_or_structural), got "
            f"{type(learning).__name__}"
        )
    return HedgingTimeline(
        learning, truth, terms, int(first_election), term_years, int(observed_unreliable)
    )
