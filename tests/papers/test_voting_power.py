"""The voting-power figure (papers.tariffs, figure 5) against closed forms, the literature
and a brute force over coalitions written here (independent of solvers.coalitional)."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction as F

import numpy as np
import pytest
from matplotlib.figure import Figure

from games.coalitional import WeightedVotingGame
from papers import tariffs as pt
from papers._registry import find_figure
from papers._style import save


def brute_force(weights, quota):
    """Shapley-Shubik index and Banzhaf swing counts by enumerating coalitions.

    Player i is pivotal for a coalition S without i when S loses and S + i wins; the
    Shapley-Shubik weight of S is |S|! (n - |S| - 1)! / n! (Shapley & Shubik 1954).
    """
    n = len(weights)
    ss = [F(0)] * n
    swings = [0] * n
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for r in range(n):
            for s in itertools.combinations(others, r):
                total = sum(weights[j] for j in s)
                if total < quota <= total + weights[i]:
                    swings[i] += 1
                    ss[i] += F(math.factorial(r) * math.factorial(n - r - 1), math.factorial(n))
    return ss, swings


CASES = [
    # weights, quota, Shapley-Shubik, Banzhaf swings
    pytest.param((2, 1, 1), 3, (F(2, 3), F(1, 6), F(1, 6)), (3, 1, 1), id="2-1-1-quota-3"),
    pytest.param((1, 1, 1), 3, (F(1, 3),) * 3, (1, 1, 1), id="unanimity"),
    pytest.param((3, 1, 1), 3, (1, 0, 0), (4, 0, 0), id="dictator"),
    pytest.param(
        (50, 49, 1),
        51,
        (F(2, 3), F(1, 6), F(1, 6)),
        (3, 1, 1),
        id="51-50-49-1-weight-is-not-power",
    ),
    # Treaty of Rome art. 148(2): Shapley-Shubik 14/60 for the big three, 9/60 for Belgium
    # and the Netherlands, 0 for Luxembourg; swings counted by hand: a big member turns
    # the 10 sets of the others worth 8..11 into winners, Belgium the 6 worth 10 or 11,
    # and no set of the others is worth exactly 11 (all their votes are even).
    pytest.param(
        (4, 4, 4, 2, 2, 1),
        12,
        (F(14, 60),) * 3 + (F(9, 60),) * 2 + (0,),
        (10, 10, 10, 6, 6, 0),
        id="eec-council-1958",
    ),
    # Nassau County Board of Supervisors (Banzhaf 1965): any two of the three largest hold
    # a majority of 30 votes, the three smallest (5 votes together) never matter.
    pytest.param(
        (9, 9, 7, 3, 1, 1),
        16,
        (F(1, 3),) * 3 + (0,) * 3,
        (16, 16, 16, 0, 0, 0),
        id="nassau-county-1964",
    ),
]


@pytest.mark.parametrize(("weights", "quota", "ss", "swings"), CASES)
def test_indices_from_theory(weights, quota, ss, swings) -> None:
    g = WeightedVotingGame(weights, quota)
    assert g.shapley_shubik().values == tuple(F(x) for x in ss)
    bz = g.banzhaf()
    assert bz.info["swings"] == swings
    assert bz.values == tuple(F(s, sum(swings)) for s in swings)
    assert g.banzhaf(normalized=False).values == tuple(
        F(s, 2 ** (len(weights) - 1)) for s in swings
    )
    assert brute_force(weights, quota) == ([F(x) for x in ss], list(swings))


def test_eec_council_data() -> None:
    d = pt.voting_power_data(members=5)
    assert d.eec_players[-1] == "Luxembourg"
    assert d.eec_shares == (F(4, 17),) * 3 + (F(2, 17),) * 2 + (F(1, 17),)
    assert d.eec_shapley_shubik == (F(7, 30),) * 3 + (F(3, 20),) * 2 + (0,)
    assert d.eec_banzhaf == (F(5, 21),) * 3 + (F(1, 7),) * 2 + (0,)


def test_stylized_board_weights() -> None:
    w = pt.stylized_board(25)
    assert w == tuple(math.ceil(1000 / r) for r in range(1, 26))
    with pytest.raises(ValueError, match="members"):
        pt.stylized_board(1)


@pytest.mark.parametrize("members", [4, 7, 10])
def test_board_indices_by_brute_force(members) -> None:
    d = pt.voting_power_data(members=members, quota=F(2, 3))
    w = pt.stylized_board(members)
    total = sum(w)
    assert d.board_quotas == {
        "simple majority": total // 2 + 1,
        "67% supermajority": math.ceil(F(2, 3) * total),
    }
    assert d.board_shares == tuple(F(x, total) for x in w)
    for rule, quota in d.board_quotas.items():
        ss, swings = brute_force(w, quota)
        assert d.board_shapley_shubik[rule] == tuple(ss)
        assert d.board_banzhaf[rule] == tuple(F(s, sum(swings)) for s in swings)


def test_largest_member_at_25_departs_from_its_weight_both_ways() -> None:
    """The claim of the figure: above weight at a majority, below at 85 %."""
    d = pt.voting_power_data()
    w = d.board_weights
    # the largest member's swings from the subset sums of the other 24 members (2^24 sets)
    sums = np.zeros(1, dtype=np.int32)
    for x in w[1:]:
        sums = np.concatenate([sums, sums + x])
    for quota in d.board_quotas.values():
        swings = int(((sums < quota) & (sums + w[0] >= quota)).sum())
        assert WeightedVotingGame(w, quota).banzhaf().info["swings"][0] == swings
    share = d.board_shares[0]
    ss, bz = d.board_shapley_shubik, d.board_banzhaf
    assert ss["simple majority"][0] > share > ss["85% supermajority"][0]
    assert bz["simple majority"][0] > share > bz["85% supermajority"][0]


def test_board_matches_powerindex() -> None:
    powerindex = pytest.importorskip("powerindex", reason="peer powerindex not installed")
    d = pt.voting_power_data()
    for rule, quota in d.board_quotas.items():
        game = powerindex.Game(quota, list(d.board_weights))
        game.calc_banzhaf()
        game.calc_shapley_shubik()
        assert np.allclose(game.banzhaf, [float(x) for x in d.board_banzhaf[rule]], atol=1e-12)
        ss = [float(x) for x in d.board_shapley_shubik[rule]]
        assert np.allclose(game.shapley_shubik, ss, atol=1e-12)


def test_quota_domain() -> None:
    with pytest.raises(ValueError, match="quota"):
        pt.voting_power_data(quota=F(1, 2))
    assert pt.voting_power_data(members=4, quota=0.85).board_quotas == (
        pt.voting_power_data(members=4, quota=F(17, 20)).board_quotas
    )


def test_figure_builds_deterministically_and_summary_states_the_indices(tmp_path) -> None:
    spec = find_figure("tariffs-voting-power")
    assert {p.name for p in spec.parameters} == {"members", "quota"}
    a = save(spec.build(), tmp_path / "a", "png").read_bytes()
    b = save(spec.build(members=25), tmp_path / "b", "png").read_bytes()
    assert a == b and len(a) > 1000
    assert isinstance(pt.draw_voting_power(pt.voting_power_data(members=6)), Figure)
    text = spec.summary()
    assert "Shapley-Shubik (7/30, 7/30, 7/30, 3/20, 3/20, 0)" in text
    assert "Banzhaf (normalized) (5/21, 5/21, 5/21, 1/7, 1/7, 0)" in text


@pytest.mark.parametrize("quota", ["abc", "17/20", None, 1j, float("nan"), True])
def test_quota_that_is_not_a_number_is_named(quota) -> None:
    """Fraction's own 'Invalid literal for Fraction' / 'should be a string or a Rational'
    did not say which argument; strings are not parsed and booleans are not 1."""
    with pytest.raises(ValueError, match=r"quota must be"):
        pt.voting_power_data(members=3, quota=quota)
