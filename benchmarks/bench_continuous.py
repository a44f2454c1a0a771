"""Benchmarks for continuous games: aggregative solve, symbolic symmetric solve, sweeps.

Run: ``python benchmarks/bench_continuous.py``. Prints a Markdown table (best of
``REPEATS`` wall-clock runs on one core). Not part of the test suite.
"""

from __future__ import annotations

import time

import numpy as np
import sympy as sp

from games.continuous import ContinuousGame, SymmetricGame
from games.parameters import Parameter
from solvers.continuous import ContinuousProblem
from solvers.continuous._aggregative import (
    aggregate_regrets,
    aggregative_equilibrium,
    replacement_function,
)
from solvers.continuous._statics import SweepPlan, sweep

REPEATS = 5


def best_of(fn, repeats: int = REPEATS) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def aggregative_rows() -> list[tuple[str, str, str]]:
    g, G, w, a = sp.symbols("g G w a", positive=True)
    rep = replacement_function(
        (1 - a) * sp.log(w - g) + a * sp.log(G), g, G, 0, w, player_symbols=(w,), common={a: 0.5}
    )
    rows = []
    rng = np.random.default_rng(2024)
    for n in (10, 100, 1_000, 10_000):
        incomes = rng.lognormal(0.0, 1.0, n)

        def solve(incomes=incomes):
            r = rep.function(w=incomes)
            return aggregative_equilibrium(
                r, (0.0, float(incomes.sum())), lower=0.0, upper=incomes, decreasing=True
            )

        t_solve, eq = best_of(solve)
        payoff = rep.payoff_function(w=incomes)
        t_ver, (regret, tol) = best_of(
            lambda eq=eq, payoff=payoff, incomes=incomes: aggregate_regrets(
                payoff, eq.strategies, np.zeros(incomes.size), incomes
            )
        )
        ok = bool(np.all(regret <= tol))
        rows.append(
            (
                f"aggregative BBV solve, n = {n:,}",
                f"{t_solve * 1e3:.2f} ms",
                f"{eq.evaluations} evaluations of all r_i; {int((eq.active != -1).sum())} "
                f"contributors",
            )
        )
        rows.append(
            (
                f"aggregative BBV verify (global regrets), n = {n:,}",
                f"{t_ver * 1e3:.2f} ms",
                f"all players verified: {ok}",
            )
        )
    return rows


def generic_rows() -> list[tuple[str, str, str]]:
    g = sp.symbols("g1:4")
    incomes = (10, 8, 2)
    half = sp.Rational(1, 2)
    game = ContinuousGame(
        ("A", "B", "C"),
        g,
        [
            half * sp.log(wi - gi) + half * sp.log(sum(g))
            for wi, gi in zip(incomes, g, strict=True)
        ],
        [(0, wi) for wi in incomes],
    )
    t_exact, eq = best_of(lambda: game.equilibrium(method="exact"), 3)
    t_num, eqn = best_of(lambda: game.equilibrium(method="numeric"), 3)
    return [
        (
            "generic exact (27 active-set cases), BBV n = 3",
            f"{t_exact * 1e3:.0f} ms",
            f"g = {tuple(eq.profile)}, unique proven: {eq.unique}",
        ),
        (
            "generic numeric (8 starts + verification), BBV n = 3",
            f"{t_num * 1e3:.0f} ms",
            f"max regret {eqn.regret:.1e}",
        ),
    ]


def symmetric_rows() -> list[tuple[str, str, str]]:
    g, S, n, w, a = sp.symbols("g S n w a", positive=True)
    game = SymmetricGame(
        g,
        S,
        (1 - a) * sp.log(w - g) + a * sp.log(g + S),
        (0, w),
        n,
        [Parameter(a, None, sp.Interval.open(0, 1)), w],
    )
    t, eq = best_of(game.equilibrium, 3)
    q, A, C = sp.symbols("q A C", positive=True)
    cournot = SymmetricGame(q, S, (A - C - q - S) * q, (0, None), n, [A, C])
    t2, eq2 = best_of(cournot.equilibrium, 3)
    return [
        (
            "symbolic symmetric solve, public good, n symbolic",
            f"{t * 1e3:.0f} ms",
            f"g = {sp.simplify(eq.interior[0])}",
        ),
        (
            "symbolic symmetric solve, Cournot, n symbolic",
            f"{t2 * 1e3:.0f} ms",
            f"q = {eq2.interior[0]}",
        ),
    ]


def sweep_rows() -> list[tuple[str, str, str]]:
    a, c1, c2 = sp.symbols("a c1 c2")
    q1, q2 = sp.symbols("q1 q2")
    duopoly = ContinuousProblem(
        (q1, q2),
        ((a - q1 - q2 - c1) * q1, (a - q1 - q2 - c2) * q2),
        ((0, None), (0, None)),
        parameters=(a, c1, c2),
    )
    g = sp.symbols("g1:4")
    w3 = sp.Symbol("w3", positive=True)
    half = sp.Rational(1, 2)
    pg = ContinuousProblem(
        g,
        [
            half * sp.log(wi - gi) + half * sp.log(sum(g))
            for wi, gi in zip((10, 8, w3), g, strict=True)
        ],
        [(0, 10), (0, 8), (0, w3)],
        parameters=(w3,),
    )
    rows = []
    for label, prob, sym, fixed, grid in (
        (
            "Cournot duopoly, cost c2",
            duopoly,
            c2,
            {a: 10.0, c1: 1.0},
            np.linspace(0.0, 9.0, 1_000_000),
        ),
        ("BBV n = 3, income w3", pg, w3, {}, np.linspace(0.5, 12.0, 1_000_000)),
    ):
        t_all, s = best_of(
            lambda prob=prob, sym=sym, fixed=fixed, grid=grid: sweep(prob, {sym: grid}, fixed), 3
        )
        t_plan, plan = best_of(
            lambda prob=prob, sym=sym, fixed=fixed: SweepPlan(prob, [sym], fixed), 3
        )
        t_eval, _ = best_of(
            lambda plan=plan, sym=sym, grid=grid: plan({sym: grid}, spot_checks=0), 3
        )
        rows += [
            (
                f"sweep 10^6 points, {label}: total",
                f"{t_all:.3f} s",
                f"{len(plan.branches)} feasible active-set branches, {len(s.switches)} switch(es),"
                f" {int(s.missing.sum())} missing, 5 spot checks",
            ),
            ("  of which symbolic plan (once)", f"{t_plan:.3f} s", "solve + lambdify"),
            ("  of which evaluation of 10^6 points", f"{t_eval:.3f} s", "numpy, one core"),
        ]
    return rows


def main() -> None:
    rows = aggregative_rows() + generic_rows() + symmetric_rows() + sweep_rows()
    width = max(len(r[0]) for r in rows)
    print(f"| {'case':<{width}} | time | note |")
    print(f"|{'-' * (width + 2)}|------|------|")
    for name, t, note in rows:
        print(f"| {name:<{width}} | {t} | {note} |")


if __name__ == "__main__":
    main()
