"""Equilibria by region of games with free parameters, checked against theory and against
the numeric solvers at random points of each region."""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from games.normal_form import NormalFormGame
from solvers import DegenerateGameWarning, is_nash, polynomial_equilibria

R = sp.Rational

B, c, tau = sp.symbols("B c tau", positive=True)


def threshold_game(n: int, m: int) -> NormalFormGame:
    """N allies choose Join (0) or Out (1); the surplus country concedes iff at least m
    join (Palfrey & Rosenthal 1984): u_J = B*[k >= m] - c, u_O = B*[k >= m] - tau."""
    arrays = [np.empty((2,) * n, dtype=object) for _ in range(n)]
    for profile in itertools.product(range(2), repeat=n):
        k = profile.count(0)
        for i in range(n):
            arrays[i][profile] = B * int(k >= m) - (c if profile[i] == 0 else tau)
    return NormalFormGame(
        arrays,
        players=tuple(f"ally{i + 1}" for i in range(n)),
        strategies=[("Join", "Out")] * n,
    )


def theory(n: int, m: int, point: dict) -> set[tuple[int, ...]]:
    """The pure equilibria of the threshold game, from the argument in the text (strict
    regions only)."""
    b, cc, t = point[B], point[c], point[tau]
    empty = (1,) * n
    if t > cc:
        return {(0,) * n}
    if cc - b <= t < cc:
        minimal = {
            tuple(0 if i in joiners else 1 for i in range(n))
            for joiners in itertools.combinations(range(n), m)
        }
        return {empty} | minimal
    return {empty}


def pure_set(eqs) -> set[tuple[int, ...]]:
    return {
        tuple(s[0] for s in eq.supports) for eq in eqs if all(len(s) == 1 for s in eq.supports)
    }


def random_point(rng: np.random.Generator, symbols, scale: int = 6) -> dict:
    return {
        s: sp.Rational(int(rng.integers(1, 20 * scale)), int(rng.integers(1, 20))) for s in symbols
    }


@pytest.mark.parametrize(("n", "m"), [(3, 2), (4, 2), (4, 3)], ids=["N3m2", "N4m2", "N4m3"])
def test_threshold_game_by_region(n, m):
    g = threshold_game(n, m)
    regions = g.equilibria_by_region()
    # the three regions of the argument, and the tie tau = c, partition the space
    rng = np.random.default_rng(n * 10 + m)
    for _ in range(12):
        point = random_point(rng, (B, c, tau))
        if point[tau] == point[c] or point[tau] == point[c] - point[B]:
            continue
        found = pure_set(regions.equilibria_at(point))
        assert found == theory(n, m, point)
        assert found == pure_set(g.subs(point).pure_equilibria())
    for region in regions:
        assert pure_set(region.equilibria_at(region.sample)) == pure_set(
            g.subs(region.sample).pure_equilibria()
        )
    assert not regions.complete  # mixed equilibria of 3+ players are not enumerated


def test_join_out_regions_read_as_the_argument():
    # the argument of docs/models.md c.4 is about pure equilibria
    g = threshold_game(3, 2)
    regions = g.equilibria_by_region(mixed=False)
    conditions = {str(r.condition) for r in regions}
    assert conditions == {"tau > c", "Eq(tau, c)", "(tau < c) & (tau >= -B + c)", "tau < -B + c"}
    middle = regions.at({"B": 3, "c": 2, "tau": 1})
    assert len(middle.equilibria) == 4  # the empty coalition and three minimal winning ones
    # MODELS example: B = 3, c = 2, tau = 5/2 -> the grand coalition only
    assert pure_set(regions.equilibria_at({"B": 3, "c": 2, "tau": Fraction(5, 2)})) == {(0, 0, 0)}
    assert "Join, Join, Join" in regions.table()
    assert r"\tau > c" in regions.latex()


def test_assumptions_in_any_form_give_the_same_regions():
    g = threshold_game(3, 2)
    forms = [[B > c - tau], [c - tau < B], [sp.And(B + tau > c, B > 0)], [B - c + tau > 0]]
    tables = {
        str([str(r.condition) for r in g.equilibria_by_region(f, mixed=False)]) for f in forms
    }
    assert len(tables) == 1
    regions = g.equilibria_by_region(forms[0], mixed=False)
    assert {str(r.condition) for r in regions} == {"tau > c", "Eq(tau, c)", "tau < c"}


def test_join_out_mixed_equilibria_by_region():
    # Two allies mix, the third plays pure (d = c - tau, 0 < d < B). If the third joins,
    # a mixer is indifferent when B - c = B r - tau: r = P(Join) = (B - d)/B; the third
    # keeps joining iff 2 r (1 - r) B >= d, i.e. tau >= c - B/2. If the third stays out,
    # B r - c = -tau: r = d/B; staying out is best iff B r^2 - tau >= B(1-(1-r)^2) - c...
    # i.e. tau <= c - B/2. The fully mixed support has radical solutions: said, not solved.
    g = threshold_game(3, 2)
    regions = g.equilibria_by_region()
    assert not regions.complete
    assert any("radicals" in n for n in regions.notes)
    # grand coalition / empty coalition regions: Join (Out) strictly dominant, complete
    assert regions.at({"B": 1, "c": 1, "tau": 2}).equilibria.complete
    assert regions.at({"B": 1, "c": 3, "tau": 1}).equilibria.complete

    def mixed_part(point):
        out = set()
        for eq in regions.equilibria_at(point):
            if any(len(s) > 1 for s in eq.supports):
                out.add(tuple(tuple(p) for p in eq.strategies))
        return out

    b, cc, t = R(3), R(2), R(3, 2)  # d = 1/2 < B/2: the third joins, r = 5/6
    r = (b - (cc - t)) / b
    expected = set()
    for k in range(3):
        prof = [(r, 1 - r)] * 3
        prof[k] = (1, 0)
        expected.add(tuple(tuple(p) for p in prof))
    assert mixed_part({"B": b, "c": cc, "tau": t}) == expected
    b, cc, t = R(3), R(5, 2), R(1, 2)  # d = 2 > B/2: the third stays out, r = 2/3
    r = (cc - t) / b
    expected = set()
    for k in range(3):
        prof = [(r, 1 - r)] * 3
        prof[k] = (0, 1)
        expected.add(tuple(tuple(p) for p in prof))
    assert mixed_part({"B": b, "c": cc, "tau": t}) == expected
    # every listed equilibrium is one at random points of its region (exact check)
    rng = np.random.default_rng(7)
    for _ in range(8):
        point = random_point(rng, (B, c, tau))
        bound = g.subs(point)
        arrays = bound.payoff_arrays(exact=True)
        for eq in regions.equilibria_at(point):
            assert is_nash(arrays, [np.array(s, dtype=object) for s in eq.strategies])


def test_three_player_cycle_has_its_mixed_equilibrium_by_region():
    # player 1 wants to match player 2 (gain a > 0), 2 to match 3, 3 to mismatch 1: no
    # pure equilibrium; the unique equilibrium mixes 1/2 each (each player's indifference
    # fixes the next player's mixture), for every a > 0
    a = sp.Symbol("a", positive=True)
    u = [np.zeros((2, 2, 2), dtype=object) for _ in range(3)]
    for p in itertools.product(range(2), repeat=3):
        u[0][p] = a if p[0] == p[1] else 0
        u[1][p] = 1 if p[1] == p[2] else 0
        u[2][p] = 1 if p[2] != p[0] else 0
    regions = NormalFormGame(u).equilibria_by_region()
    assert regions.complete and len(regions) == 1
    (eq,) = regions[0].equilibria
    assert [list(s) for s in eq.strategies] == [[R(1, 2), R(1, 2)]] * 3
    for av in (R(1, 3), 2, 7):
        found = polynomial_equilibria(
            [x.astype(object) for x in NormalFormGame(u).subs({a: av}).payoff_arrays(exact=True)],
            exact=True,
        )
        assert len(found) == 1
        assert [list(s) for s in found[0].strategies] == [[R(1, 2), R(1, 2)]] * 3


def test_empty_region_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        threshold_game(3, 2).equilibria_by_region([tau > c, c > tau + 1])


def test_conditions_instead_of_refusals():
    g = threshold_game(3, 2)
    r = g.regret(("Out", "Out", "Out"))[0]
    # the regret of staying out is max(-c, -tau) + tau: tau - c when joining is better
    for point in ({c: 1, tau: 2, B: 1}, {c: 2, tau: 1, B: 1}):
        assert r.subs(point) == max(-point[c], -point[tau]) + point[tau]
    assert g.best_responses(0, ("Out", "Out", "Out"), assumptions=[tau > c]) == {
        "Join": True,
        "Out": False,
    }
    with pytest.raises(ValueError, match="tau"):
        g.is_nash(("Out", "Out", "Out"))
    with pytest.raises(ValueError, match="tau >= c"):
        g.is_nash(("Join", "Join", "Join"))
    assert g.subs({B: 3, c: 2, tau: 3}).is_nash(("Join", "Join", "Join"))


def test_dominance_gives_the_condition():
    g = threshold_game(3, 2)
    assert str(g.dominates(0, "Join", "Out")) == "tau > c"
    assert g.dominates(0, "Join", "Out", assumptions=[tau > c]) is True
    with pytest.raises(ValueError, match="tau > c"):
        g.dominance()


# ----------------------------------------------------------------------------- two players


def exact_set(eqs) -> set:
    out = set()
    for eq in eqs:
        out.add(tuple(tuple(sp.Rational(str(p)) for p in s) for s in eq.strategies))
    return out


def check_against_numeric(g: NormalFormGame, regions, rng, symbols, trials: int = 10) -> None:
    points = [r.sample for r in regions]
    while len(points) < len(regions) + trials:
        point = random_point(rng, symbols)
        try:
            regions.at(point)
        except ValueError:  # outside the assumptions
            continue
        points.append(point)
    for point in points:
        with warnings.catch_warnings():  # boundary points give degenerate games
            warnings.simplefilter("ignore", DegenerateGameWarning)
            expected = exact_set(g.subs(point).equilibria())
        assert exact_set(regions.equilibria_at(point)) == expected, point


b_, c_ = sp.symbols("b c", positive=True)


def test_chicken_by_region():
    g = NormalFormGame(
        [[[b_ - c_ / 2, b_ - c_], [b_, 0]], [[b_ - c_ / 2, b_], [b_ - c_, 0]]],
        strategies=(("Swerve", "Straight"), ("Swerve", "Straight")),
    )
    regions = g.equilibria_by_region()
    assert regions.complete
    # theory: mixed equilibrium where the other is indifferent
    x = sp.Symbol("x")
    p = sp.solve(sp.Eq(x * (b_ - c_ / 2) + (1 - x) * (b_ - c_), x * b_), x)[0]
    mixed = regions.at({"b": 3, "c": 2})
    assert len(mixed.equilibria) == 3
    assert sp.simplify(mixed.equilibria[2].strategies[0][0] - p) == 0
    assert len(regions.at({"b": 2, "c": 3}).equilibria) == 1
    check_against_numeric(g, regions, np.random.default_rng(1), (b_, c_))


def test_prisoners_dilemma_by_region():
    T, R, P, S = sp.symbols("T R P S")
    g = NormalFormGame([[[R, S], [T, P]], [[R, T], [S, P]]])
    regions = g.equilibria_by_region([T > R, R > P, P > S])
    assert len(regions) == 1 and regions[0].condition == sp.true
    assert pure_set(regions[0].equilibria) == {(1, 1)}
    # without the ordering, random points agree with the numeric solver
    free = g.equilibria_by_region([S < P])
    check_against_numeric(g, free, np.random.default_rng(2), (T, R, P, S), trials=6)


def test_refusals_point_to_the_regions():
    g = threshold_game(3, 2)
    with pytest.raises(ValueError, match="equilibria_by_region"):
        g.pure_equilibria()
    with pytest.raises(ValueError, match="equilibria_by_region"):
        g.equilibria()


def test_symbolic_regret_matches_the_bound_game():
    g = NormalFormGame([[[b_ - c_ / 2, b_ - c_], [b_, 0]], [[b_ - c_ / 2, b_], [b_ - c_, 0]]])
    profile = ([sp.Rational(1, 3), sp.Rational(2, 3)], [sp.Rational(1, 4), sp.Rational(3, 4)])
    symbolic = g.regret(profile)
    for point in ({b_: 3, c_: 2}, {b_: 1, c_: 5}, {b_: 2, c_: 2}):
        bound = g.subs(point).regret(profile)
        assert [sp.nsimplify(r.subs(point)) for r in symbolic] == [
            sp.Rational(str(r)) for r in bound
        ]
