"""Benchmark: logit-QRE tracing to one Nash equilibrium, blocgames vs Gambit's ``logit``.

Run: ``python benchmarks/bench_logit.py``. Random games with standard-normal payoffs
(seeded), one per shape; for each, wall-clock seconds of
:func:`solvers.path_following_equilibrium` and of ``pygambit.nash.logit_solve`` (when
pygambit is installed), the regret of each answer, and whether they found the same
equilibrium (max-norm distance below 1e-4). Ratio = Gambit time / blocgames time (> 1:
blocgames is faster). Prints a Markdown table. Not part of the tests.
"""

from __future__ import annotations

import time

import numpy as np

from solvers import path_following_equilibrium
from solvers.verify import regret

try:
    import pygambit as gbt
except ImportError:  # optional peer
    gbt = None

SHAPES = [
    (4, 4),
    (10, 10),
    (30, 30),
    (3, 3, 3),
    (2, 2, 2, 2, 2),
    (5, 4, 3),
    (8, 8, 8),
    (2,) * 8,
    (12, 12, 12),
]


def _gambit(payoffs: list[np.ndarray]) -> tuple[float, np.ndarray | None]:
    game = gbt.Game.from_arrays(*payoffs)
    start = time.perf_counter()
    eq = gbt.nash.logit_solve(game).equilibria[0]
    elapsed = time.perf_counter() - start
    prof = np.concatenate([[float(eq[s]) for s in p.strategies] for p in game.players])
    return elapsed, prof


def main() -> None:
    rng = np.random.default_rng(2026)
    print("| game | profiles | blocgames s | regret | Gambit logit s | regret | same eq | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        payoffs = [rng.standard_normal(shape) for _ in shape]
        start = time.perf_counter()
        eqs = path_following_equilibrium(payoffs)
        ours_t = time.perf_counter() - start
        ours = np.concatenate([np.asarray(s, float) for s in eqs[0].strategies]) if eqs else None
        ours_r = f"{float(eqs[0].regret):.1e}" if eqs else "none"
        row = ["x".join(map(str, shape)), str(int(np.prod(shape))), f"{ours_t:.3f}", ours_r]
        if gbt is not None:
            theirs_t, theirs = _gambit(payoffs)
            split = np.cumsum([0, *shape])
            prof = [theirs[split[i] : split[i + 1]] for i in range(len(shape))]
            same = ours is not None and float(np.max(np.abs(ours - theirs))) < 1e-4
            row += [
                f"{theirs_t:.3f}",
                f"{float(np.max(regret(payoffs, prof))):.1e}",
                "yes" if same else "no",
                f"{theirs_t / ours_t:.1f}",
            ]
        else:
            row += ["-", "-", "-", "-"]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
