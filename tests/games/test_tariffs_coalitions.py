"""Coalition stability, the compelled coalition, the threshold game and the veto hegemon,
against payoffs derived here and brute force written here."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp

from games.tariffs import (
    REGIMES,
    coalition_stability,
    compelled_coalition,
    counter_coalition,
    stable_size_formula,
    threshold_game,
    veto_hegemon,
    weighted_veto_game,
)

R = sp.Rational


# ----------------------------------------------------------------------------- c.2
def _linear_payoffs(n, k, b, c):
    """Members choose a common q_s to maximize k (b Q) - (c/2) k q_s**2; one outsider
    chooses x to maximize b (Q_others + x) - (c/2) x**2."""
    qs, x, rest = sp.symbols("q_s x rest")
    qs_ = sp.solve(sp.diff(k * b * (k * qs + rest) - c * k * qs**2 / 2, qs), qs)[0]
    qn_ = sp.solve(sp.diff(b * (rest + x) - c * x**2 / 2, x), x)[0]
    q = k * qs + (n - k) * x
    total = q.subs({qs: qs_, x: qn_})
    return b * total - c * qs_**2 / 2, b * total - c * qn_**2 / 2


@pytest.mark.parametrize("k", [1, 3, 7], ids=lambda k: f"k={k}")
def test_linear_payoffs_match_the_derivation(k) -> None:
    m = coalition_stability(N=10, b=2, c=3)
    pi_s, pi_n = _linear_payoffs(10, k, 2, 3)
    assert m.member_payoff(k) == pi_s
    assert m.outsider_payoff(k) == pi_n
    assert coalition_stability(N=10).member_payoff(3) == R(23, 2)
    assert coalition_stability(N=10).outsider_payoff(3) == R(31, 2)


@pytest.mark.parametrize("n", [3, 4, 5, 10, 25, 60], ids=lambda n: f"N={n}")
def test_linear_model_stable_size_is_three_for_every_n(n) -> None:
    assert coalition_stability(N=n, b=R(1, 3), c=5).stable_sizes() == (3,)
    assert coalition_stability(N=n, join_if_indifferent=False).stable_sizes() == (2, 3)


@pytest.mark.parametrize("n", [3, 5, 10, 50], ids=lambda n: f"N={n}")
@pytest.mark.parametrize("ratio", [1, 0.1, 10, 0.01], ids=lambda r: f"b/c={r}")
def test_quadratic_benefits_allow_at_most_two(n, ratio) -> None:
    sizes = coalition_stability(N=n, b=ratio, c=1, benefit="quadratic").stable_sizes()
    assert sizes and max(sizes) <= 2


def test_membership_game_equilibria_are_the_weakly_stable_coalitions() -> None:
    m = coalition_stability(N=5)
    sizes = sorted({sum(s == (0,) for s in eq.supports) for eq in m.game.pure_equilibria()})
    weak = coalition_stability(N=5, join_if_indifferent=False).stable_sizes()
    assert sizes == [0, *weak]  # nobody in: joining alone changes nothing (pi_s(1) = pi_n(0))


# ----------------------------------------------------------------------------- c.3
@pytest.mark.parametrize("n", [4, 10, 20], ids=lambda n: f"N={n}")
def test_compelled_stable_size_follows_the_closed_form(n) -> None:
    m = compelled_coalition(N=n)
    penalties = [F(k, 4) for k in range(0, 4 * n * n // 2, 7)]
    computed = m.stable_size_curve(penalties)
    expected = [min(n, math.floor(2 + math.sqrt(1 + 2 * float(p)))) for p in penalties]
    assert computed.tolist() == expected
    assert [stable_size_formula(n, 1, 1, p) for p in penalties] == expected


def test_minimum_penalty_for_the_grand_coalition() -> None:
    """Internal stability of N members: P >= (b**2/2c)(N - 1)(N - 3); 63/2 at N = 10."""
    m = compelled_coalition(N=10)
    assert m.minimum_grand_penalty == R(63, 2)
    assert m.with_penalty(R(63, 2)).stable_sizes() == (10,)
    assert m.with_penalty(R(63, 2) - R(1, 100)).stable_size() == 9
    b, c = R(3, 2), 2
    assert compelled_coalition(N=7, b=b, c=c).minimum_grand_penalty == b**2 * 6 * 4 / (2 * c)


# ----------------------------------------------------------------------------- c.4
def _brute_force(n, m, b, c, tau):
    """Pure equilibria of the threshold game by checking every unilateral deviation."""

    def pay(joined, k):
        return (b if k >= m else 0) - (c if joined else tau)

    out = []
    for prof in itertools.product((True, False), repeat=n):
        k = sum(prof)
        if all(pay(j, k) >= pay(not j, k - 1 if j else k + 1) for j in prof):
            out.append(tuple(i for i, j in enumerate(prof) if j))
    return sorted(out, key=lambda j: (len(j), j))


@pytest.mark.parametrize(
    ("n", "m", "b", "c", "tau", "regime"),
    [
        pytest.param(3, 2, 3, 2, F(5, 2), 2, id="tau>c-compelled"),
        pytest.param(3, 2, 3, 2, 1, 1, id="c-B<tau<c-minimal-winning"),
        pytest.param(3, 2, 3, 5, 1, 0, id="tau<c-B-nobody"),
        pytest.param(4, 3, 2, 3, 1, 1, id="N4-m3"),
        pytest.param(5, 2, 1, 1, 2, 2, id="N5-compelled"),
        pytest.param(4, 2, 1, 3, F(1, 2), 0, id="N4-nobody"),
    ],
)
def test_threshold_game_regimes(n, m, b, c, tau, regime) -> None:
    g = threshold_game(N=n, m=m, B=b, c=c)
    eqs = g.pure_equilibria(tau=tau)
    assert eqs == _brute_force(n, m, b, c, tau)
    assert g.regime(tau=tau) == REGIMES[regime]


def test_threshold_game_is_symbolic_until_bound() -> None:
    g = threshold_game(B=None, c=None, tau=None)
    assert {s.name for s in g.game.parameters} == {"B", "c", "tau"}
    assert g.pure_equilibria(B=3, c=2, tau=F(5, 2)) == [(0, 1, 2)]
    with pytest.raises(ValueError, match="give values"):
        g.pure_equilibria(tau=1)


def test_threshold_game_mixed_equilibria() -> None:
    """Symmetric mixed equilibrium: an ally is indifferent when B P(exactly m-1 others
    join) = c - tau; N = 3, m = 2: 2p(1-p) = 1/3, p = 1/2 +- sqrt(3)/6."""
    p = sp.Symbol("p")
    roots = set(sp.solve(3 * 2 * p * (1 - p) - (2 - 1), p))
    eqs = threshold_game().equilibria(tau=1)
    symmetric = {
        eq.strategies[0][0]
        for eq in eqs
        if len({tuple(s) for s in eq.strategies}) == 1 and eq.supports[0] == (0, 1)
    }
    assert {sp.nsimplify(v) for v in symmetric} == roots


def test_threshold_grid_matches_the_regime_conditions() -> None:
    g = threshold_game(N=3, m=2, B=3, c=2)
    taus = np.linspace(0.05, 4.95, 50)
    costs = np.linspace(0.05, 5.95, 60)
    grid = g.equilibrium_grid(taus, costs)
    tt, cc = np.meshgrid(taus, costs)
    expected = np.where(tt > cc, 2, np.where(tt >= cc - 3, 1, 0))
    tie = np.isclose(tt, cc, rtol=0, atol=1e-9)  # tau = c: joiners and stayers-out tie
    assert (grid.regime[~tie] == expected[~tie]).all()
    assert tie.any() and (grid.regime[tie] == REGIMES.index("other")).all()


@pytest.mark.parametrize(("n", "m", "b"), [(3, 2, 3), (4, 3, 2)], ids=["N3m2B3", "N4m3B2"])
def test_threshold_game_by_region_over_tariff_and_cost(n, m, b) -> None:
    """The region solver's conditions are the three regimes (and the tie tau = c), and at
    points of each region its equilibria are the brute force's."""
    regions = threshold_game(N=n, m=m, B=b, c=None).equilibria_by_region()
    c, tau = sp.symbols("c tau", positive=True)
    conditions = {str(r.condition) for r in regions}
    assert conditions == {
        str(tau > c),
        str(sp.Eq(tau, c)),
        str(sp.And(tau < c, tau >= c - b)),
        str(tau < c - b),
    }
    rng = np.random.default_rng(n * 10 + m)
    for _ in range(10):
        cc = R(int(rng.integers(1, 60)), int(rng.integers(1, 8)))
        tt = R(int(rng.integers(1, 60)), int(rng.integers(1, 8)))
        found = regions.at({"c": cc, "tau": tt}).equilibria
        joiners = sorted(
            (tuple(i for i, sup in enumerate(eq.supports) if sup == (0,)) for eq in found),
            key=lambda j: (len(j), j),
        )
        assert joiners == _brute_force(n, m, b, cc, tt)


# ----------------------------------------------------------------------------- c.5
def _shapley_by_permutations(value, n):
    phi = [F(0)] * n
    perms = list(itertools.permutations(range(n)))
    for order in perms:
        seen: set[int] = set()
        for i in order:
            phi[i] += value(seen | {i}) - value(seen)
            seen.add(i)
    return tuple(x / len(perms) for x in phi)


@pytest.mark.parametrize(("n", "m"), [(4, 2), (3, 1), (5, 3), (4, 4)], ids=str)
def test_veto_hegemon_shapley(n, m) -> None:
    g = veto_hegemon(N=n, m=m)
    assert g.shapley() == _shapley_by_permutations(g.value, n + 1)
    assert g.shapley()[0] == R(n - m + 1, n + 1)  # Shapley (1953) closed form
    assert veto_hegemon(4, 2).shapley() == (R(3, 5),) + (R(1, 10),) * 4


@pytest.mark.parametrize(("weights", "quota"), [((3, 2, 1), 3), ((5, 1, 1, 1), 4)], ids=str)
def test_weighted_veto_shapley(weights, quota) -> None:
    g = weighted_veto_game(weights, quota)
    assert g.shapley() == _shapley_by_permutations(g.value, len(weights) + 1)


def test_veto_hegemon_core() -> None:
    """For m < N the grand coalition minus any ally still wins, so every ally gets 0."""
    g = veto_hegemon(N=4, m=2)
    v = g.characteristic_vector()
    x = g.core_point()
    assert x == (1, 0, 0, 0, 0) and g.core_is_unique
    for mask in range(2**5):  # core: every coalition gets at least its value
        assert sum(x[i] for i in range(5) if mask >> i & 1) >= v[mask]
    assert not veto_hegemon(N=3, m=3).core_is_unique  # all veto: the whole simplex


@pytest.mark.parametrize(("n", "m"), [(4, 2), (6, 1), (7, 7), (30, 12), (120, 40)], ids=str)
def test_veto_hegemon_indices_at_any_size(n, m) -> None:
    """Built from games.coalitional, the indices need no table of 2^(N+1) coalitions.

    Banzhaf swings: H turns each set of >= m allies into a winner, sum_{k >= m} C(N, k);
    an ally turns H plus exactly m - 1 of the other allies into a winner, C(N-1, m-1).
    """
    g = veto_hegemon(N=n, m=m)
    assert g.shapley() == (R(n - m + 1, n + 1),) + (R(m, n * (n + 1)),) * n
    h = sum(math.comb(n, k) for k in range(m, n + 1))
    a = math.comb(n - 1, m - 1)
    assert g.banzhaf(normalized=False) == (R(h, 2**n),) + (R(a, 2**n),) * n
    assert g.banzhaf() == (R(h, h + n * a),) + (R(a, h + n * a),) * n


def test_veto_hegemon_game_core_and_nucleolus() -> None:
    g = veto_hegemon(N=4, m=2)
    assert g.game.players == g.players
    core = g.core()
    assert not core.empty and core.point is not None
    assert tuple(core.point.values) == g.core_point() == (1, 0, 0, 0, 0)
    assert g.nucleolus().values == (1, 0, 0, 0, 0)  # the core is one point
    everyone = veto_hegemon(N=3, m=3)  # all veto: the core is the whole simplex
    assert everyone.game.in_core([R(1, 4)] * 4) and everyone.game.in_core([1, 0, 0, 0])


@pytest.mark.parametrize(
    ("weights", "quota", "veto"),
    [((5, 1, 1, 1), 4, (0, 1)), ((3, 2, 1), 3, (0,)), ((2, 2), 4, (0, 1, 2))],
    ids=str,
)
def test_weighted_veto_game_from_coalitional(weights, quota, veto) -> None:
    """Veto allies: the others' weight falls short of the quota without them. The core of
    a simple game gives everything to the veto players (any split among them)."""
    g = weighted_veto_game(weights, quota)
    assert g.veto_players == veto
    n = len(weights) + 1
    x = g.core_point()
    assert x == tuple(R(1, len(veto)) if i in veto else 0 for i in range(n))
    assert g.game.in_core(list(x)) and not g.core().empty
    leak = [R(1, 2) if i == 0 else 0 for i in range(n)]
    leak[max(set(range(n)) - set(veto), default=0)] += R(1, 2)
    assert g.game.in_core(leak) == (len(veto) == n)
    # Banzhaf swings by enumeration (independent of the generating functions)
    swings = [0] * n
    for mask in range(2**n):
        for i in range(n):
            if not mask >> i & 1 and g.value(mask | 1 << i) > g.value(mask):
                swings[i] += 1
    assert g.banzhaf() == tuple(R(s, sum(swings)) for s in swings)
    assert g.shapley() == tuple(g.game.shapley().values)


def test_weighted_veto_game_refuses_inexact_weights() -> None:
    with pytest.raises(ValueError, match=r"weights\[0\]"):
        weighted_veto_game([0.5, 1], 1)
    assert weighted_veto_game([2.0, 1], 2).shapley() == weighted_veto_game([2, 1], 2).shapley()
    assert weighted_veto_game([F(1, 2), 1], F(3, 2)).veto_players == (0, 1, 2)


# ----------------------------------------------------------------------------- counter-coalition
def test_counter_coalition_limit() -> None:
    ca = {"US": -10, "EU": -2, "UK": -1, "China": 8, "Japan": 3, "Korea": 2}
    bloc = ("China", "Japan", "Korea")
    r = counter_coalition(ca, bloc)
    assert r.bloc_surplus == 13 == -(ca["US"] + ca["EU"] + ca["UK"])
    r = counter_coalition(ca, bloc, coalition=("US", "EU", "UK"))
    assert r.bloc_surplus_limit == 0 and not r.all_in_surplus_possible
    with pytest.raises(ValueError, match="sum to zero"):
        counter_coalition({"US": -1, "China": 2}, ("China",))


@pytest.mark.parametrize(("weights", "quota"), [(["2*2", 1], 1), ([1, 2], "1/2")])
def test_veto_game_class_does_not_parse_strings(weights, quota) -> None:
    """VetoHegemonGame (public) sympified its weights and quota: text was parsed. It is
    refused naming the argument, as the factories refuse it."""
    from games.tariffs import VetoHegemonGame

    with pytest.raises(TypeError, match=r"(weights\[0\]|quota) must be a number"):
        VetoHegemonGame(weights, quota, symmetric=False)
