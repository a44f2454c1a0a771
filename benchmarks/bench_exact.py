"""Exact all-equilibria enumeration of two-player games against Gambit and lrsnash, one run.

Usage: ``python benchmarks/bench_exact.py [--sizes 6 8 10 12] [--games 3] [--timeout 120]``

Every method computes all extreme equilibria in exact rational arithmetic:

* ``blocgames``: ``vertex_enumeration(A, B, exact=True)`` (float labels certified exactly,
  else exact double description);
* ``gambit.enummixed``: ``pygambit.nash.enummixed_solve(game, rational=True)`` (pygambit's
  exact vertex enumeration);
* ``lrsnash``: the ``lrsnash`` program of lrslib (Avis's reverse search, GMP arithmetic),
  when it is on the ``PATH`` (Debian/Ubuntu: ``apt-get install lrslib``); its time includes
  writing the input file and starting the process (about a millisecond);
* ``gambit.lcp``: ``pygambit.nash.lcp_solve(game, rational=True)`` (Lemke-Howson paths
  from every label; finds *some* equilibria, listed for speed only).

Games: random integer games with payoffs drawn uniformly from 0..99 by
``numpy.random.default_rng(seed + n)`` (``--games`` per size ``n``), QuantEcon's Colonel
Blotto game ``blotto_game(3, 3, 0.5, random_state=41)`` (10x10) with its float payoffs as
exact fractions, and von Stengel's 6x6 game with 75 equilibria (``games.catalog``).

Each peer call runs in a forked child process killed after ``--timeout`` seconds (Gambit's
C++ code cannot be interrupted otherwise); ours runs in the parent, best of ``--repeat``
(once when a run takes over a second).
Reported per game family: median seconds per game, the ratio peer / ours, and whether the
equilibrium sets agree exactly (``agree``: same set of exact profiles as ours; for
``gambit.lcp``, a subset of ours). The run stops if an exhaustive peer finds an
equilibrium we do not.

The float path (``exact=False``) against nashpy and QuantEcon is benchmarked by
``benchmarks/bench_normal_form.py``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import statistics
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import numpy as np

from solvers.finite import vertex_enumeration

Profile = tuple[tuple[Fraction, ...], tuple[Fraction, ...]]


def _fractions(M) -> np.ndarray:
    return np.array([[Fraction(v) for v in row] for row in np.asarray(M).tolist()], dtype=object)


def random_game(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    return _fractions(rng.integers(0, 100, (n, n))), _fractions(rng.integers(0, 100, (n, n)))


def blotto() -> tuple[np.ndarray, np.ndarray]:
    import quantecon.game_theory as qe

    g = qe.blotto_game(3, 3, 0.5, random_state=41)
    A = g.players[0].payoff_array
    B = g.players[1].payoff_array.T
    return _fractions(A), _fractions(B)


def von_stengel() -> tuple[np.ndarray, np.ndarray]:
    from games import catalog

    A, B = catalog.load("vonstengel1999-6x6").payoff_arrays(exact=True)
    return A, B


# ------------------------------------------------------------------ the methods


def ours(A: np.ndarray, B: np.ndarray) -> set[Profile]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate draws warn
        eqs = vertex_enumeration(A, B, exact=True)
    assert eqs.complete and eqs.exact
    return {(tuple(eq.strategies[0]), tuple(eq.strategies[1])) for eq in eqs}


def _gambit_game(A: np.ndarray, B: np.ndarray):
    import pygambit

    return pygambit.Game.from_arrays(A, B)


def _gambit_profiles(result, m: int, n: int) -> set[Profile]:
    out = set()
    for eq in result.equilibria:
        players = list(eq.game.players)
        x = tuple(Fraction(str(eq[s])) for s in players[0].strategies)
        y = tuple(Fraction(str(eq[s])) for s in players[1].strategies)
        assert len(x) == m and len(y) == n
        out.add((x, y))
    return out


def gambit_enummixed(A: np.ndarray, B: np.ndarray) -> set[Profile]:
    import pygambit

    result = pygambit.nash.enummixed_solve(_gambit_game(A, B), rational=True)
    return _gambit_profiles(result, *A.shape)


def gambit_lcp(A: np.ndarray, B: np.ndarray) -> set[Profile]:
    import pygambit

    result = pygambit.nash.lcp_solve(_gambit_game(A, B), rational=True)
    return _gambit_profiles(result, *A.shape)


def lrsnash(A: np.ndarray, B: np.ndarray) -> set[Profile]:
    """Every extreme equilibrium by ``lrsnash`` (one-file input format of lrslib 7)."""
    m, n = A.shape
    text = f"{m} {n}\n\n"
    text += "\n".join(" ".join(str(v) for v in row) for row in A.tolist()) + "\n\n"
    text += "\n".join(" ".join(str(v) for v in row) for row in B.tolist()) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "game.txt"
        path.write_text(text)
        out = subprocess.run(
            ["lrsnash", str(path)], capture_output=True, text=True, check=True
        ).stdout
    # blocks separated by blank lines: lines "2 y... v" (column strategies) and
    # "1 x... v" (row strategies); every pair within a block is an extreme equilibrium
    profiles: set[Profile] = set()
    for block in out.split("\n\n"):
        ys, xs = [], []
        for line in block.splitlines():
            parts = line.split()
            if not parts or parts[0] not in ("1", "2"):
                continue
            values = tuple(Fraction(p) for p in parts[1:])
            if parts[0] == "2":
                ys.append(values[:n])
            else:
                xs.append(values[:m])
        profiles.update((x, y) for x in xs for y in ys)
    return profiles


PEERS: dict[str, Callable[[np.ndarray, np.ndarray], set[Profile]]] = {
    "gambit.enummixed": gambit_enummixed,
    "lrsnash": lrsnash,
    "gambit.lcp": gambit_lcp,
}
EXHAUSTIVE = {"gambit.enummixed", "lrsnash"}


def _child(name: str, A, B, conn) -> None:
    start = time.perf_counter()
    found = PEERS[name](A, B)
    conn.send((time.perf_counter() - start, found))
    conn.close()


def run_peer(name: str, A, B, timeout: float) -> tuple[float | None, set[Profile] | None]:
    """(seconds, profiles) of a peer in a forked child, or (None, None) on timeout."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, A, B, child))
    proc.start()
    child.close()
    if parent.poll(timeout):
        seconds, found = parent.recv()
        proc.join()
        return seconds, found
    proc.kill()
    proc.join()
    return None, None


def time_ours(A, B, repeat: int) -> tuple[float, set[Profile]]:
    best, found = float("inf"), set()
    for _ in range(repeat):
        start = time.perf_counter()
        found = ours(A, B)
        best = min(best, time.perf_counter() - start)
        if best > 1.0:  # long runs are timed once
            break
    return best, found


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "timeout"
    return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 8, 10, 12])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    peers = [p for p in PEERS if p != "lrsnash" or shutil.which("lrsnash")]
    # import and warm pygambit in the parent, so forked children time only the solve
    warm = _fractions([[1, 0], [0, 1]])
    gambit_enummixed(warm, warm)
    gambit_lcp(warm, warm)
    if "lrsnash" not in peers:
        print("lrsnash not found on PATH (apt-get install lrslib): skipped")
    families: list[tuple[str, list[tuple[np.ndarray, np.ndarray]]]] = []
    for n in args.sizes:
        rng = np.random.default_rng(args.seed + n)
        families.append(
            (f"random {n}x{n} (0..99)", [random_game(rng, n) for _ in range(args.games)])
        )
    families.append(("Blotto 10x10 (QuantEcon, seed 41)", [blotto()]))
    families.append(("von Stengel 6x6 (75 eq.)", [von_stengel()]))

    header = ["games", "eq. (ours)", "blocgames"]
    for p in peers:
        header += [p, f"{p} / ours"]
    header.append("sets agree")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, games in families:
        ours_t, counts, peer_t = [], [], {p: [] for p in peers}
        agree = {p: 0 for p in peers}
        timeouts = {p: 0 for p in peers}
        for k, (A, B) in enumerate(games):
            t, found = time_ours(A, B, args.repeat)
            ours_t.append(t)
            counts.append(len(found))
            for p in peers:
                seconds, theirs = run_peer(p, A, B, args.timeout)
                if seconds is None:
                    timeouts[p] += 1
                    continue
                peer_t[p].append(seconds)
                if p in EXHAUSTIVE and not theirs <= found:
                    raise SystemExit(f"{label} game {k}: {p} found an equilibrium we missed")
                same = theirs == found if p in EXHAUSTIVE else theirs <= found
                agree[p] += int(same)
        mine = statistics.median(ours_t)
        cells = [str(len(games)), "/".join(map(str, counts)), _fmt(mine)]
        for p in peers:
            if peer_t[p]:
                med = statistics.median(peer_t[p])
                note = f" ({timeouts[p]} timeout)" if timeouts[p] else ""
                cells += [_fmt(med) + note, f"{med / mine:,.1f}"]
            else:
                cells += [f"timeout (> {args.timeout:.0f} s)", f"> {args.timeout / mine:,.0f}"]
        cells.append(", ".join(f"{p} {agree[p]}/{len(games) - timeouts[p]}" for p in peers))
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
