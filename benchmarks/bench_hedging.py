"""Benchmark: the hedging-time distribution, simulated vs the exact Markov-chain result.

Run: ``python benchmarks/bench_hedging.py``. For 10^4, 10^5 and 10^6 simulated alliances
(default model of :func:`games.hedging.hedging_timeline`, truth drawn from the prior, 8
elections) it prints, side by side with the exact absorbing-Markov-chain computation, the
time (best of ``REPEATS`` runs, one core), the largest absolute pmf error, the largest
error in binomial standard errors and the chi-square p-value. Also times 10^6 paths in
small chunks (same seed, same answer). Not part of the test suite.
"""

from __future__ import annotations

import time

import numpy as np

from games.hedging import hedging_timeline

REPEATS = 3
SEED = 12


def best_of(fn, repeats: int = REPEATS) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    timeline = hedging_timeline()
    t_exact, exact = best_of(timeline.exact, 20)
    print(f"model: {timeline!r}")
    print(f"exact (absorbing Markov chain, rational arithmetic): {t_exact * 1e3:.2f} ms")
    print()
    print(
        "| paths | simulation time | exact time | sim / exact | max abs error | max error (SE) "
        "| chi-square p |"
    )
    print("|---|---|---|---|---|---|---|")
    for paths in (10**4, 10**5, 10**6):
        t_sim, sim = best_of(lambda paths=paths: timeline.simulate(paths, seed=SEED))
        c = sim.compare(exact)
        print(
            f"| {paths:,} | {t_sim:.3f} s | {t_exact * 1e3:.2f} ms | {t_sim / t_exact:,.0f}x "
            f"| {c['max_error']:.2e} | {c['max_z']:.2f} | {c['p_value']:.3f} |"
        )
    t_small, small = best_of(lambda: timeline.simulate(10**6, seed=SEED, chunk_size=10_000), 1)
    big = timeline.simulate(10**6, seed=SEED)
    same = bool(np.array_equal(small.counts, big.counts) and small.never == big.never)
    print()
    print(f"10^6 paths in chunks of 10,000: {t_small:.3f} s; identical to one chunk: {same}")


if __name__ == "__main__":
    main()
