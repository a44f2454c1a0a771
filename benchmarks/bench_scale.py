"""Scale-out benchmark: the hedging simulation and a sweep, serial vs a 2-process pool vs a
dask LocalCluster with two workers, and the per-task overhead of each backend.

Run: ``python benchmarks/bench_scale.py``. Prints a Markdown table (best of ``REPEATS``
wall-clock runs). Speed-ups are ratios measured in the same run; on a shared 2-core
machine expect at most 2x. Not part of the test suite.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import sympy as sp

from games import hedging
from solvers.continuous import ContinuousProblem, sweep
from solvers.parallel import map_chunks

REPEATS = 3
PATHS = 16 * hedging.BLOCK  # 16 seed blocks of 65,536 alliances
TASKS = 200  # empty tasks timed for the per-task overhead


def best_of(fn, repeats: int = REPEATS) -> float:
    best = np.inf
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _noop(x: int) -> int:
    return x


def main() -> None:
    t = hedging.hedging_timeline(truth="prior", terms=8)
    q1, q2, a, c = sp.symbols("q1 q2 a c")
    problem = ContinuousProblem(
        (q1, q2),
        ((a - q1 - q2) * q1 - c * q1, (2 - q1 - q2) * q2),
        ((0, None), (0, None)),
        parameters=(a, c),
    )
    grid = {a: np.linspace(1, 8, 2000)[None, :], c: np.linspace(0, 1, 1000)[:, None]}
    rows = []
    backends: dict[str, object] = {"serial": None}
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))
    backends["process pool (2)"] = pool
    try:
        import distributed

        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = distributed.Client(cluster)
        backends["dask LocalCluster (2 processes)"] = client
    except ImportError:
        client = cluster = None
    # warm up (start workers, build the sweep plan in each)
    for ex in backends.values():
        t.simulate(hedging.BLOCK, seed=0, executor=ex)
        sweep(problem, grid, chunk_size=250_000, executor=ex)
    base_sim = base_sweep = None
    for name, ex in backends.items():
        sim = best_of(lambda ex=ex: t.simulate(PATHS, seed=1, executor=ex))
        swp = best_of(lambda ex=ex: sweep(problem, grid, chunk_size=250_000, executor=ex))
        over = best_of(lambda ex=ex: map_chunks(_noop, range(TASKS), executor=ex)) / TASKS
        base_sim = base_sim or sim
        base_sweep = base_sweep or swp
        rows.append(
            f"| {name} | {sim:.2f} s ({base_sim / sim:.2f}x) | {swp:.2f} s "
            f"({base_sweep / swp:.2f}x) | {over * 1e6:.0f} us |"
        )
    pool.shutdown()
    if client is not None:
        client.close()
        cluster.close()
    print(f"hedging simulation: {PATHS:,} paths in 16 blocks; sweep: 2,000,000 grid points")
    print("| backend | simulation | sweep (8 chunks) | overhead per task |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
