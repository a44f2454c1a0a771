"""Time all-equilibria methods on random n x n games against peers, in the same run.

Usage: ``python benchmarks/bench_normal_form.py [--sizes 4 5 6 7 8 9 10] [--games 10]``

For each size n, ``--games`` random games with iid standard-normal payoffs are drawn from
``numpy.random.default_rng(seed + n)``. Reported per method: median seconds per game,
ratio of nashpy's median to ours, and how many games had fewer equilibria than our
default method (a peer that finds fewer is *missing* equilibria; we check the converse
and stop if ours ever finds fewer than nashpy's vertex enumeration). nashpy's
methods take seconds per game from n = 8 (support) and n = 9 (vertex), so there they are
timed on ``--slow-games`` games only (default 2). quantecon is timed when installed (its
numba functions are compiled once before timing).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable

import numpy as np

from solvers.finite._vertex import vertex_enumeration

#: size from which a nashpy method takes seconds per game and is timed on --slow-games only
SLOW_FROM = {"nashpy.support_enumeration": 8, "nashpy.vertex_enumeration": 9}


def _canonical(profiles) -> set[tuple[float, ...]]:
    return {tuple(np.round(np.concatenate(p), 6)) for p in profiles}


def _time(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    best = float("inf")
    out = None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def _peers() -> dict[str, Callable]:
    import nashpy

    peers: dict[str, Callable] = {
        "nashpy.support_enumeration": lambda A, B: list(nashpy.Game(A, B).support_enumeration()),
        "nashpy.vertex_enumeration": lambda A, B: list(nashpy.Game(A, B).vertex_enumeration()),
    }
    try:
        import quantecon.game_theory as qe
    except ImportError:
        return peers

    def qe_game(A, B):
        return qe.NormalFormGame((qe.Player(A), qe.Player(B.T)))

    peers["quantecon.support_enumeration"] = lambda A, B: qe.support_enumeration(qe_game(A, B))
    peers["quantecon.vertex_enumeration"] = lambda A, B: qe.vertex_enumeration(qe_game(A, B))
    warm = np.random.default_rng(0).standard_normal((3, 3))
    for name in list(peers):
        if name.startswith("quantecon"):
            peers[name](warm, warm.T)  # numba compilation outside the timings
    return peers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(range(4, 11)))
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--slow-games", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # nashpy warns on games it considers degenerate
    peers = _peers()
    print(
        f"{'n':>3} {'method':32} {'median s/game':>14} {'nashpy_se/ours':>15} "
        f"{'games':>5} {'fewer eq than ours':>18}"
    )
    for n in args.sizes:
        rng = np.random.default_rng(args.seed + n)
        games = [
            (rng.standard_normal((n, n)), rng.standard_normal((n, n))) for _ in range(args.games)
        ]
        ours_t, ours_sets = [], []
        for A, B in games:
            t, eqs = _time(lambda A=A, B=B: vertex_enumeration(A, B), repeat=3)
            ours_t.append(t)
            ours_sets.append(_canonical(e.strategies for e in eqs))
        ours = statistics.median(ours_t)
        rows = [("blocgames.vertex_enumeration", ours, len(games), 0)]
        for name, fn in peers.items():
            slow = name.startswith("nashpy") and n >= SLOW_FROM[name]
            count = args.slow_games if slow else len(games)
            times, fewer = [], 0
            for k, (A, B) in enumerate(games[:count]):
                t, out = _time(lambda A=A, B=B, fn=fn: fn(A, B))
                times.append(t)
                found = _canonical(
                    out if not name.startswith("quantecon") else [(x, y) for x, y in out]
                )
                if len(found) < len(ours_sets[k]):
                    fewer += 1
                if name == "nashpy.vertex_enumeration" and not found <= ours_sets[k]:
                    raise SystemExit(f"n={n} game {k}: nashpy found an equilibrium we missed")
            rows.append((name, statistics.median(times), count, fewer))
        se = next(t for name, t, *_ in rows if name == "nashpy.support_enumeration")
        for name, t, count, fewer in rows:
            print(f"{n:>3} {name:32} {t:14.6f} {se / t:15.1f} {count:>5} {fewer:>18}")
        print(
            f"    speed-up vs nashpy support enumeration: {se / ours:,.0f}x; "
            f"ours/quantecon.vertex: "
            + (
                f"{ours / dict((r[0], r[1]) for r in rows)['quantecon.vertex_enumeration']:.2f}"
                if "quantecon.vertex_enumeration" in peers
                else "n/a"
            )
        )


if __name__ == "__main__":
    main()
