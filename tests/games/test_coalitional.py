"""Coalitional games, weighted voting and coalition formation against textbook values."""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp

from games import CoalitionalGame, VectorWeightedVotingGame, WeightedVotingGame
from games.coalitional import CoalitionFormationGame, SymmetricCoalitionFormation

# -- textbook games ------------------------------------------------------------------------


def glove(left: int, right: int) -> CoalitionalGame:
    players = [f"L{i}" for i in range(left)] + [f"R{i}" for i in range(right)]
    return CoalitionalGame(
        players,
        lambda s: min(sum(p[0] == "L" for p in s), sum(p[0] == "R" for p in s)),
    )


def test_glove_game_one_left_two_right() -> None:
    # Shapley: L is pivotal in 4 of 6 orders (second or third with a right glove before)
    g = glove(1, 2)
    assert g.shapley().to_dict() == {"L0": F(2, 3), "R0": F(1, 6), "R1": F(1, 6)}
    # the core is the single point where the scarce side takes everything
    assert g.core_point().to_dict() == {"L0": 1, "R0": 0, "R1": 0}
    assert g.nucleolus().to_dict() == {"L0": 1, "R0": 0, "R1": 0}
    assert g.in_core([1, 0, 0]) and not g.in_core([F(9, 10), F(1, 20), F(1, 20)])


def test_glove_game_two_by_two_symmetric() -> None:
    g = glove(2, 2)
    assert set(g.shapley().to_dict().values()) == {F(1, 2)}
    assert set(g.nucleolus().to_dict().values()) == {F(1, 2)}


VETO = [
    pytest.param(n_allies, m, id=f"N{n_allies}-m{m}")
    for n_allies, m in [(2, 1), (3, 2), (4, 2), (5, 3), (6, 6), (4, 4)]
]


@pytest.mark.parametrize(("n_allies", "m"), VETO)
def test_veto_hegemon_shapley_and_core(n_allies: int, m: int) -> None:
    """MODELS c.5 closed forms (Shapley 1953): phi_H = (N - m + 1)/(N + 1)."""
    names = ["H"] + [f"A{i}" for i in range(n_allies)]
    g = CoalitionalGame(names, lambda s: int("H" in s and len(s) - 1 >= m))
    phi = g.shapley()
    assert phi["H"] == F(n_allies - m + 1, n_allies + 1)
    assert all(phi[a] == F(m, n_allies * (n_allies + 1)) for a in names[1:])
    equal = [F(1, n_allies + 1)] * (n_allies + 1)
    hegemon_all = [1] + [0] * n_allies
    assert g.in_core(hegemon_all)
    # m < N: every ally is dispensable, the core is {H gets 1}; m = N: the whole simplex
    assert g.in_core(equal) == (m == n_allies)
    if m < n_allies:
        assert g.nucleolus().to_dict() == dict(zip(names, hegemon_all, strict=True))


def test_majority_game_has_empty_core() -> None:
    g = CoalitionalGame(3, lambda s: int(len(s) >= 2))
    core = g.core()
    assert core.empty and core.point is None and core.epsilon == F(1, 3) and core.exact
    assert g.core_point() is None
    lc = g.least_core()
    assert lc.values == (F(1, 3),) * 3 and lc.info["epsilon"] == F(1, 3)
    assert g.nucleolus().values == (F(1, 3),) * 3


@pytest.mark.parametrize(
    ("estate", "talmud"),
    [
        pytest.param(100, (F(100, 3), F(100, 3), F(100, 3)), id="E100"),
        pytest.param(200, (50, 75, 75), id="E200"),
        pytest.param(300, (50, 100, 150), id="E300"),
    ],
)
def test_bankruptcy_nucleolus_is_the_talmud_rule(estate: int, talmud: tuple) -> None:
    """Aumann & Maschler (1985): the nucleolus of v(S) = max(0, E - d(N \\ S)) is the
    Talmud division (claims 100, 200, 300; Mishna Ketubot 93a)."""
    claims = {"a": 100, "b": 200, "c": 300}
    g = CoalitionalGame(
        list(claims), lambda s: max(0, estate - sum(d for p, d in claims.items() if p not in s))
    )
    nu = g.nucleolus()
    assert nu.exact and nu.values == tuple(F(t) for t in talmud)


def test_input_forms_agree() -> None:
    f = lambda s: len(s) ** 2  # noqa: E731
    by_call = CoalitionalGame(3, f)
    by_vector = CoalitionalGame(3, [bin(mask).count("1") ** 2 for mask in range(8)])
    by_dict = CoalitionalGame(
        ["x", "y", "z"],
        {
            (): 0,
            ("x",): 1,
            ("y",): 1,
            ("z",): 1,
            ("x", "y"): 4,
            ("x", "z"): 4,
            ("y", "z"): 4,
            ("x", "y", "z"): 9,
        },
    )
    assert by_call.shapley().values == by_vector.shapley().values == by_dict.shapley().values
    assert by_dict.worth(["x", "z"]) == 4 and by_call.worth([0, 2]) == 4


def test_float_game_is_float() -> None:
    g = CoalitionalGame(2, [0.0, 0.5, 0.25, 1.0])
    phi = g.shapley()
    assert not phi.exact and phi.values == pytest.approx((0.625, 0.375))
    assert "float" in repr(phi)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        pytest.param((2, [1, 0, 0, 1]), "empty coalition", id="v-empty-nonzero"),
        pytest.param((2, [0, 1, 1]), "length", id="bad-length"),
        pytest.param((25, lambda s: 0), "limit 24", id="too-many-players"),
        pytest.param((2, {(0, 5): 1}), "not a player", id="bad-key"),
        pytest.param((["a", "a"], [0, 0, 0, 1]), "distinct", id="duplicate-names"),
    ],
)
def test_bad_input_is_refused(args: tuple, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        CoalitionalGame(*args)


def test_non_numeric_worth_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="real numbers"):
        CoalitionalGame(1, ["0", "x"])


def test_allocation_result_shape() -> None:
    phi = CoalitionalGame(["A", "B"], [0, 1, 0, 2]).shapley()
    assert phi.to_dict() == {"A": F(3, 2), "B": F(1, 2)}
    assert repr(phi) == "Allocation(A: 3/2, B: 1/2 | exact | shapley)"
    assert phi["B"] == F(1, 2) and phi[0] == F(3, 2) and len(phi) == 2
    with pytest.raises(KeyError, match="not a player"):
        phi["C"]


# -- weighted voting ---------------------------------------------------------------------


def test_weighted_majority_51_50_49_1() -> None:
    """[51; 50, 49, 1]: A is pivotal in 4 of 6 orders; swings 3, 1, 1."""
    g = WeightedVotingGame([50, 49, 1], 51, players=["A", "B", "C"])
    assert g.shapley_shubik().to_dict() == {"A": F(2, 3), "B": F(1, 6), "C": F(1, 6)}
    assert g.banzhaf().values == (F(3, 5), F(1, 5), F(1, 5))
    assert g.banzhaf(normalized=False).values == (F(3, 4), F(1, 4), F(1, 4))
    assert g.banzhaf().info["swings"] == (3, 1, 1)
    assert g.game.shapley().values == g.shapley_shubik().values


def test_un_security_council_shapley_shubik() -> None:
    """Five permanent members with a veto and ten others; 9 votes needed (weights
    [39; 7 x 5, 1 x 10], Shapley & Shubik 1954). A non-permanent member is pivotal when it
    is the 9th voter with all five permanent ones and 3 of the other 9 before it:
    C(9,3) * 8! * 6! / 15!."""
    g = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    small = F(math.comb(9, 3) * math.factorial(8) * math.factorial(6), math.factorial(15))
    ss = g.shapley_shubik()
    assert all(x == small for x in ss.values[5:])
    assert all(x == (1 - 10 * small) / 5 for x in ss.values[:5])


def test_rational_weights_and_quota() -> None:
    g = WeightedVotingGame([F(1, 2), F(1, 3), F(1, 6)], F(1, 2))
    assert g.is_winning([0]) and g.is_winning([1, 2])  # 1/3 + 1/6 = 1/2 meets the quota
    assert not g.is_winning([2])
    h = WeightedVotingGame([3, 2, 1], 3)
    assert g.shapley_shubik().values == h.shapley_shubik().values


def test_double_majority_against_the_characteristic_route() -> None:
    """An EU-like double majority (55 % of 7 members, 65 % of population)."""
    pops = [83, 68, 59, 47, 38, 19, 10]
    quotas = [math.ceil(F(55, 100) * 7), F(65, 100) * sum(pops)]
    g = VectorWeightedVotingGame([[1, p] for p in pops], quotas, criteria=["members", "pop"])
    route = g.game
    assert g.shapley_shubik().values == route.shapley().values
    assert g.banzhaf(normalized=False).values == route.banzhaf().values
    for mask in range(1 << 7):
        members = [i for i in range(7) if mask >> i & 1]
        expected = len(members) >= quotas[0] and sum(pops[i] for i in members) >= quotas[1]
        assert g.is_winning(members) == expected


@pytest.mark.parametrize(
    ("weights", "quota", "match"),
    [
        pytest.param([1, -1], 1, "negative", id="negative-weight"),
        pytest.param([1, 2], 0, "positive", id="zero-quota"),
        pytest.param([1.5, 2], 2, "non-integral float", id="float-weight"),
        pytest.param([[1, 2], [3, 4]], 2, "VectorWeightedVotingGame", id="vector-weights"),
    ],
)
def test_weighted_game_bad_input(weights: list, quota: object, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        WeightedVotingGame(weights, quota)


# -- coalition formation ------------------------------------------------------------------


def barrett_linear(n: int, b=1, c=1, penalty=0):
    """pi_i = b*Q - (c/2) q_i^2 (MODELS c.2); members choose q_s = k b/c, outsiders b/c,
    outsiders pay the hegemon's penalty (c.3). Payoffs derived here with sympy."""
    k, N, bb, cc = sp.symbols("k N b c", positive=True)
    q_s, q_n = k * bb / cc, bb / cc
    Q = k * q_s + (N - k) * q_n
    pi_s = sp.simplify(bb * Q - cc / 2 * q_s**2)
    pi_n = sp.simplify(bb * Q - cc / 2 * q_n**2)
    s = sp.lambdify((k, N, bb, cc), pi_s)
    o = sp.lambdify((k, N, bb, cc), pi_n)
    member = lambda j: sp.Rational(s(j, n, b, c)).limit_denominator(10**6)  # noqa: E731
    outsider = lambda j: sp.Rational(o(j, n, b, c)).limit_denominator(10**6) - penalty  # noqa: E731
    return member, outsider


@pytest.mark.parametrize("n", [3, 4, 5, 10, 25, 60])
def test_barrett_linear_model_stable_size_is_three(n: int) -> None:
    member, outsider = barrett_linear(n)
    g = SymmetricCoalitionFormation(n, member, outsider)
    assert g.stable_sizes() == [3]
    assert g.stable_sizes(join_if_indifferent=None) == [2, 3]


@pytest.mark.parametrize(
    "penalty", [0, 1, F(3, 2), 4, F(15, 2), 12, F(63, 2) - F(1, 100), F(63, 2), 100]
)
def test_coalition_of_the_compelled_stable_size(penalty: F) -> None:
    """MODELS c.3: k*(P) = min(N, floor(2 + sqrt(1 + 2 c P / b^2))), N = 10, b = c = 1."""
    member, outsider = barrett_linear(10, penalty=penalty)
    k_star = min(10, int(sp.floor(2 + sp.sqrt(1 + 2 * sp.Rational(penalty)))))
    assert SymmetricCoalitionFormation(10, member, outsider).stable_sizes() == [k_star]


def test_general_formation_game_matches_the_symmetric_one() -> None:
    member, outsider = barrett_linear(5)
    g = CoalitionFormationGame(5, lambda s, i: member(len(s)), lambda s, j: outsider(len(s)))
    stable = g.stable_coalitions()
    assert {len(c.members) for c in stable} == {3}
    assert len(stable) == math.comb(5, 3)
    weak = g.stable_coalitions(join_if_indifferent=None)
    assert {len(c.members) for c in weak} == {2, 3}


def test_tie_rule_false_makes_indifferent_players_stay_out() -> None:
    # everybody gets 1 whatever happens: with join_if_indifferent=False nobody stays in
    # a coalition of 2 or more (leaving is weakly better) and the singletons are stable
    g = SymmetricCoalitionFormation(4, [None, 1, 1, 1, 1], [1, 1, 1, 1, 1])
    assert g.stable_sizes(join_if_indifferent=False) == [1]
    assert g.stable_sizes(join_if_indifferent=True) == [4]
    assert g.stable_sizes(join_if_indifferent=None) == [1, 2, 3, 4]


def test_float_ties_count_as_indifference() -> None:
    member = lambda k: 0.1 * 3  # noqa: E731
    outsider = lambda k: 0.3  # noqa: E731
    assert SymmetricCoalitionFormation(3, member, outsider).stable_sizes() == [3]


def test_float_shapley_n20_is_efficient() -> None:
    rng = np.random.default_rng(7)
    v = rng.random(1 << 20)
    v[0] = 0.0
    phi = CoalitionalGame(20, v).shapley()
    assert sum(phi.values) == pytest.approx(v[-1], rel=1e-9)


def test_float_core_tolerates_round_off() -> None:
    # a convex float game (core nonempty) whose least-core value is 0 up to round-off
    g = CoalitionalGame(3, lambda s: 0.1 * len(s) ** 2)
    assert not g.core().empty
    assert g.in_core(g.core_point().values)
    assert CoalitionalGame(3, lambda s: float(len(s) >= 2)).core().empty
