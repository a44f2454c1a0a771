"""Benchmarks for cooperative games: Shapley value, nucleolus, voting power.

Run: ``python benchmarks/bench_coalitions.py``. Prints Markdown tables (best of a few
wall-clock runs) with blocgames side by side with the peers that are installed
(``pip install -e '.[bench,fast]'``): coopgame-py (Rust; Shapley, nucleolus), coopgt (pure
Python Shapley by permutations) and powerindex (pure Python generating functions). The
nucleolus uses highspy when installed (the ``fast`` extra), else scipy's linprog; imports
and first-call set-up are done before timing, for the peers and for us.
Ratios are peer time / blocgames time (> 1: blocgames is faster). Not part of the tests.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

from solvers.coalitional import (
    characteristic_vector,
    nucleolus,
    popcounts,
    shapley_value,
    shapley_value_permutations,
    voting_power,
)

try:
    import coopgame
except ImportError:  # optional peer
    coopgame = None
try:
    from coopgt import shapley_value as coopgt_shapley
except ImportError:
    coopgt_shapley = None
try:
    import powerindex
except ImportError:
    powerindex = None


def best_of(fn: Callable[[], Any], repeats: int = 3) -> tuple[float, Any]:
    best, out = np.inf, None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def ms(t: float | None) -> str:
    return "-" if t is None else f"{1000 * t:.3g}"


def ratio(peer: float | None, ours: float) -> str:
    return "-" if peer is None else f"{peer / ours:.1f}x"


def random_game(n: int, rng: np.random.Generator) -> np.ndarray:
    """Integer game with v(S) = |S| * U(0, 40) and v(N) = 50 n (imputations exist)."""
    v = rng.integers(0, 40, 1 << n) * popcounts(n)
    v[0] = 0
    v[-1] = 50 * n
    return v


def shapley_rows(rng: np.random.Generator) -> list[str]:
    rows = [
        "| n | blocgames float (ms) | blocgames exact int (ms) | permutation loop (ms) "
        "| coopgt (ms) | coopgame-py (ms) | loop / ours | coopgame / ours |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in (6, 8, 10, 12, 14, 16, 18, 20):
        v = random_game(n, rng)
        vi = characteristic_vector(v)
        vf = vi.astype(float)
        t_float, phi = best_of(lambda vf=vf, n=n: shapley_value(vf, n))
        t_exact, phi_exact = best_of(lambda vi=vi, n=n: shapley_value(vi, n))
        assert np.allclose(phi, [float(x) for x in phi_exact])
        t_loop = t_gt = t_cg = None
        if n <= 8:
            t_loop, ref = best_of(lambda vi=vi, n=n: shapley_value_permutations(vi, n), 1)
            assert ref == phi_exact
        if coopgt_shapley is not None and n <= 6:
            cf = {
                tuple(i + 1 for i in c): int(v[sum(1 << i for i in c)])
                for r in range(n + 1)
                for c in itertools.combinations(range(n), r)
            }
            t_gt, ref = best_of(lambda cf=cf, n=n: coopgt_shapley.calculate(cf, n), 1)
            assert np.allclose(ref, phi)
        if coopgame is not None:
            game = coopgame.Game([float(x) for x in vf[1:]])
            t_cg, ref = best_of(lambda game=game: coopgame.shapley(game))
            assert np.allclose(ref, phi)
        rows.append(
            f"| {n} | {ms(t_float)} | {ms(t_exact)} | {ms(t_loop)} | {ms(t_gt)} | {ms(t_cg)} "
            f"| {ratio(t_loop, t_exact)} | {ratio(t_cg, t_float)} |"
        )
    return rows


def nucleolus_rows(rng: np.random.Generator) -> list[str]:
    rows = [
        "| n | blocgames float (ms) | blocgames exact, certified (ms) | coopgame-py float (ms) "
        "| coopgame-py exact (ms) | coopgame float / ours float | coopgame exact / ours exact |",
        "|---|---|---|---|---|---|---|",
    ]
    for n in range(5, 13):
        v = random_game(n, rng)
        vi = characteristic_vector(v)
        vf = vi.astype(float)
        t_float, (xf, _, _) = best_of(lambda vf=vf, n=n: nucleolus(vf, n), 5)
        t_exact, (xe, exact, _) = best_of(lambda vi=vi, n=n: nucleolus(vi, n), 2)
        assert exact and np.allclose(xf, [float(t) for t in xe], atol=1e-6)
        t_cg = t_cge = None
        if coopgame is not None:
            game = coopgame.Game([float(x) for x in vf[1:]])
            t_cg, ref = best_of(lambda game=game: coopgame.nucleolus(game)["allocation"], 5)
            assert np.allclose(ref, xf, atol=1e-6)
            if n <= 8:
                vals = [int(x) for x in v[1:]]
                t_cge, ref = best_of(lambda vals=vals: coopgame.nucleolus_exact(vals), 2)
                assert [Fraction(x) for x in ref["allocation"]] == list(xe)
        rows.append(
            f"| {n} | {ms(t_float)} | {ms(t_exact)} | {ms(t_cg)} | {ms(t_cge)} "
            f"| {ratio(t_cg, t_float)} | {ratio(t_cge, t_exact)} |"
        )
    return rows


def voting_rows(rng: np.random.Generator) -> list[str]:
    rows = [
        "| members | total weight | blocgames SS (ms) | powerindex SS (ms) | blocgames Bz (ms) "
        "| powerindex Bz (ms) | SS: pi / ours | Bz: pi / ours |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in (27, 50, 100, 200):
        w = rng.integers(1, 11, n)
        q = int(w.sum()) // 2 + 1
        wa, qa = w[:, None], np.array([q])
        t_ss, (ss, _) = best_of(lambda wa=wa, qa=qa: voting_power(wa, qa, "shapley_shubik"), 2)
        t_bz, (bz, _) = best_of(lambda wa=wa, qa=qa: voting_power(wa, qa, "banzhaf"))
        assert sum(ss) == 1
        t_pss = t_pbz = None
        if powerindex is not None:
            game = powerindex.Game(q, [int(x) for x in w])
            t_pbz, _ = best_of(lambda game=game: game.calc_banzhaf())
            tot = sum(bz)
            assert np.allclose(game.banzhaf, [float(x / tot) for x in bz], atol=1e-12)
            if n <= 100:  # powerindex's Shapley-Shubik overflows a float (n!) beyond ~170
                t_pss, _ = best_of(lambda game=game: game.calc_shapley_shubik(), 1)
                assert np.allclose(game.shapley_shubik, [float(x) for x in ss], atol=1e-12)
        rows.append(
            f"| {n} | {int(w.sum())} | {ms(t_ss)} | {ms(t_pss)} | {ms(t_bz)} | {ms(t_pbz)} "
            f"| {ratio(t_pss, t_ss)} | {ratio(t_pbz, t_bz)} |"
        )
    return rows


def main() -> None:
    rng = np.random.default_rng(2024)
    peers = {
        "coopgame-py": coopgame is not None,
        "coopgt": coopgt_shapley is not None,
        "powerindex": powerindex is not None,
    }
    print("peers installed:", ", ".join(k for k, ok in peers.items() if ok) or "none")
    try:
        import highspy  # noqa: F401

        print("nucleolus LPs: highspy (warm-started model)")
    except ImportError:
        print("nucleolus LPs: scipy linprog (pip install highspy for the fast path)")
    nucleolus(np.array([0.0, 0.0, 0.0, 1.0]), 2)  # warm-up: imports the LP back end
    print("\n### Shapley value (random integer games v(S) = |S| U(0,40))\n")
    print("\n".join(shapley_rows(rng)))
    print("\n### Nucleolus (same family of games)\n")
    print("\n".join(nucleolus_rows(rng)))
    print("\n### Voting power, weighted majority games (weights U{1..10}, quota half + 1)\n")
    print("\n".join(voting_rows(rng)))


if __name__ == "__main__":
    main()
