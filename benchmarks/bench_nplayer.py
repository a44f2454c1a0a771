"""Time complete n-player equilibrium enumeration against Gambit in the same run.

Usage: ``python benchmarks/bench_nplayer.py [--timeout 60] [--seed 0] [--quick]``

Games: McKelvey and McLennan's 2x2x2 (``games.catalog``), Gambit's n-player catalogue
games (read from ``../shared/testdata/gambit`` or ``$BLOCGAMES_TESTDATA/gambit`` when
present), and random 3x3x3, 2^5, 4x4x4, 3^4, 2^7, 5x4x3, 4x4x5, 8x3x3, 6x4x4, 7x4x4 and
6x6x5 games, integer (uniform 0..99) and float (standard normal), drawn from
``numpy.random.default_rng(seed)``.
Each solver runs in a child process with ``--timeout`` seconds. Printed: a markdown table
with seconds and equilibria found by blocgames' default (``NormalFormGame.equilibria``:
exact for integer and decimal payoffs), by pygambit's ``enumpoly_solve`` and
``gnm_solve``, and the ratio of Gambit's time to that of our complete method
``polynomial_equilibria`` (> 1: we are faster; the default runs it for 3-7 players up to
64 pure profiles or an estimated 60 s of work, and beyond lists
every pure equilibrium and those found by logit branches traced from 16 priors,
``path_following_equilibria``). Two medians are printed: over the games
both finished, and with Gambit's timeouts counted as finishing at the timeout (a lower
bound on those ratios, so a lower bound on the median).
``complete`` says whether our result claims every equilibrium (``cont.`` where a
continuum was reported). Run from the repository root with ``PYTHONPATH=.``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's packages

GAMBIT_FILES = [
    "contrib_games_2x2x2.nfg",
    "contrib_games_3x3x3.nfg",
    "contrib_games_8x2x2.nfg",
    "contrib_games_5x4x3.nfg",
    "contrib_games_2x2x2x2x2.nfg",
    "contrib_games_g3.nfg",
    "contrib_games_coord333.nfg",
    "catalog_journals_ijgt_nau2004_sec6.nfg",
]
RANDOM_SHAPES = [
    (3, 3, 3),
    (2,) * 5,
    (4, 4, 4),
    (3, 3, 3, 3),
    (2,) * 7,
    (5, 4, 3),
    (4, 4, 5),
    (8, 3, 3),
    (6, 4, 4),
    (7, 4, 4),
    (6, 6, 5),
]


def _testdata() -> Path:
    root = os.environ.get("BLOCGAMES_TESTDATA")
    return Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "testdata"


def _games(seed: int, quick: bool) -> list[tuple[str, list[np.ndarray]]]:
    from games import catalog
    from games.normal_form import NormalFormGame

    games = [
        (
            "McKelvey-McLennan 2x2x2",
            catalog.load("mckelvey-mclennan1997-2x2x2").payoff_arrays(exact=True),
        )
    ]
    folder = _testdata() / "gambit"
    for name in GAMBIT_FILES:
        if (folder / name).is_file():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                game = NormalFormGame.read_nfg(folder / name)
            label = name.removeprefix("contrib_games_").removesuffix(".nfg")
            games.append(
                (label.replace("catalog_journals_ijgt_", ""), game.payoff_arrays(exact=True))
            )
    rng = np.random.default_rng(seed)
    for shape in RANDOM_SHAPES[:2] if quick else RANDOM_SHAPES:
        label = "x".join(map(str, shape))
        ints = [rng.integers(0, 100, size=shape) for _ in shape]
        games.append((f"random {label} int", ints))
        floats = [rng.standard_normal(shape) for _ in shape]
        games.append((f"random {label} float", floats))
    return games


def _ours(payoffs, method, queue) -> None:
    from games.normal_form import NormalFormGame

    warnings.simplefilter("ignore")
    game = NormalFormGame(payoffs)
    start = time.perf_counter()
    eqs = game.equilibria(method=method)
    elapsed = time.perf_counter() - start
    status = "yes" if eqs.complete else ("cont." if eqs.degenerate else "no")
    queue.put((elapsed, len(eqs), status))


def _gambit(payoffs, solver: str, queue) -> None:
    from fractions import Fraction

    import pygambit as gbt

    arrays = []
    for u in payoffs:
        if u.dtype == object:
            arrays.append(np.vectorize(lambda v: gbt.Rational(Fraction(v)), otypes=[object])(u))
        else:
            arrays.append(u)
    game = gbt.Game.from_arrays(*arrays)
    start = time.perf_counter()
    result = getattr(gbt.nash, solver)(game)
    elapsed = time.perf_counter() - start
    queue.put((elapsed, len(result.equilibria), ""))


def _run(target, args, timeout: float):
    queue: mp.Queue = mp.Queue()
    process = mp.Process(target=target, args=(*args, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else "error"


def _cell(result) -> str:
    if result is None:
        return "timeout"
    if result == "error":
        return "error"
    return f"{result[1]} in {result[0]:.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="catalogue + two random shapes")
    args = parser.parse_args()
    try:
        import pygambit  # noqa: F401

        solvers = ["enumpoly_solve", "gnm_solve"]
    except ImportError:
        solvers = []
    print(
        "| game | blocgames default | complete | polynomial_equilibria | complete | "
        + " | ".join(f"gambit {s.removesuffix('_solve')} | ratio" for s in solvers)
        + " |"
    )
    print("|---|---|---|---|---|" + "---|---|" * len(solvers))
    ratios: dict[str, list[float]] = {s: [] for s in solvers}
    bounds: dict[str, list[float]] = {s: [] for s in solvers}  # timeouts as lower bounds
    for label, payoffs in _games(args.seed, args.quick):
        default = _run(_ours, (payoffs, None), args.timeout)
        cells = [_cell(default), default[2] if isinstance(default, tuple) else "-"]
        if isinstance(default, tuple) and default[2] != "no":  # the default enumerated
            ours = default
        else:
            ours = _run(_ours, (payoffs, "polynomial_equilibria"), args.timeout)
        cells += [_cell(ours), ours[2] if isinstance(ours, tuple) else "-"]
        for solver in solvers:
            theirs = _run(_gambit, (payoffs, solver), args.timeout)
            cells.append(_cell(theirs))
            if isinstance(ours, tuple) and isinstance(theirs, tuple):
                ratio = theirs[0] / max(ours[0], 1e-9)
                ratios[solver].append(ratio)
                bounds[solver].append(ratio)
                cells.append(f"{ratio:.2g}")
            elif isinstance(ours, tuple) and theirs is None:  # Gambit timed out
                bounds[solver].append(args.timeout / max(ours[0], 1e-9))
                cells.append(f"> {args.timeout / max(ours[0], 1e-9):.2g}")
            else:
                cells.append("-")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    for solver, values in ratios.items():
        if values:
            print(
                f"\nmedian ratio gambit {solver} / ours: {statistics.median(values):.2g} "
                f"over the {len(values)} games both finished; "
                f"{statistics.median(bounds[solver]):.2g} over {len(bounds[solver])} games "
                "with Gambit's timeouts counted at the timeout (a lower bound)"
            )


if __name__ == "__main__":
    main()
