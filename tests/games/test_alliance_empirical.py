"""The exploitation test hook: Spearman rank correlation and the fitted model."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.stats import spearmanr

from games.alliance import exploitation_test

# MADE-UP NUMBERS, NOT DATA.
GDP = [200.0, 40.0, 30.0, 25.0, 20.0, 15.0, 10.0, 5.0]
DEFENCE = [7.0, 0.9, 0.6, 0.6, 0.3, 0.3, 0.15, 0.05]


def _rank(x):
    """Average ranks (1-based) by hand, for the independent Spearman formula."""
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    for v in np.unique(x):
        tie = x == v
        ranks[tie] = ranks[tie].mean()
    return ranks


def test_rank_correlation_by_hand() -> None:
    t = exploitation_test(GDP, DEFENCE)
    shares = np.asarray(DEFENCE) / np.asarray(GDP)
    expected = np.corrcoef(_rank(GDP), _rank(shares))[0, 1]
    assert t.rho == pytest.approx(expected, rel=1e-12)
    assert np.allclose(t.burden_shares, shares)
    assert t.p_method == "exact permutation"  # n = 8 <= 9


def test_perfect_rank_agreement_exact_p_values() -> None:
    """n = 4, rho = 1: of the 4! = 24 orderings of the share ranks only the identity gives
    rho = +1 and only its reverse rho = -1, so P(rho >= 1) = 1/24 and P(|rho| >= 1) = 2/24.
    (The t approximation would say p = 0.)"""
    t = exploitation_test([10, 8, 2, 1], [4, 2, 0.1, 0.02])
    assert t.rho == pytest.approx(1.0)
    assert t.p_value == pytest.approx(1 / 12, rel=1e-12)
    assert t.p_value_greater == pytest.approx(1 / 24, rel=1e-12)
    assert t.p_method == "exact permutation"
    assert "exact permutation" in str(t) and "p = 0.0833" in str(t)
    assert "p_method='exact permutation'" in repr(t)


def test_three_allies_exact_p_values_by_hand() -> None:
    """GDP ranks (1, 2, 3), share ranks (1, 3, 2); rho = 1 - 6 sum d^2 / (n (n^2 - 1)).

    The 6 orderings of the share ranks against (1, 2, 3):
        (1,2,3) sum d^2 = 0 -> rho =  1
        (1,3,2)           2 ->  1/2   <- observed
        (2,1,3)           2 ->  1/2
        (2,3,1)           6 -> -1/2
        (3,1,2)           6 -> -1/2
        (3,2,1)           8 -> -1
    P(rho >= 1/2) = 3/6 = 1/2 and P(|rho| >= 1/2) = 6/6 = 1.
    """
    t = exploitation_test([10, 20, 30], [1, 6, 6])  # shares 0.1, 0.3, 0.2
    assert t.rho == pytest.approx(0.5)
    assert t.p_value_greater == pytest.approx(1 / 2, rel=1e-12)
    assert t.p_value == pytest.approx(1.0, rel=1e-12)
    assert t.p_method == "exact permutation"


def test_three_allies_with_tied_shares_by_hand() -> None:
    """Shares (0.1, 0.3, 0.3): mid-ranks (1, 2.5, 2.5). Centred GDP ranks (-1, 0, 1),
    centred share ranks (-1, 1/2, 1/2); S = sum of products = (value at 3) - (value at 1).

    The 6 orderings (the two 1/2s counted apart, so each line is 2 orderings):
        (-1, 1/2, 1/2)  S =  3/2   <- observed, rho = (3/2)/sqrt(2 * 3/2) = sqrt(3)/2
        (1/2, -1, 1/2)  S =  0
        (1/2, 1/2, -1)  S = -3/2
    P(S >= 3/2) = 2/6 = 1/3 and P(|S| >= 3/2) = 4/6 = 2/3.
    """
    t = exploitation_test([10, 20, 30], [1, 6, 9])
    assert t.rho == pytest.approx(np.sqrt(3) / 2)
    assert t.p_value_greater == pytest.approx(1 / 3, rel=1e-12)
    assert t.p_value == pytest.approx(2 / 3, rel=1e-12)


def test_exact_p_values_match_brute_force_enumeration() -> None:
    """n = 7 without ties: loop over all 5040 orderings with itertools and the sum-d^2
    formula, independent of the vectorised enumeration in the code."""
    gdp = [70.0, 60.0, 50.0, 40.0, 30.0, 20.0, 10.0]
    defence = [2.1, 3.0, 1.0, 1.6, 0.3, 0.5, 0.15]  # shares .03 .05 .02 .04 .01 .025 .015
    shares = np.asarray(defence) / np.asarray(gdp)
    rx, ry = _rank(gdp), _rank(shares)
    n = len(gdp)

    def rho(order):
        return 1 - 6 * sum((rx[i] - o) ** 2 for i, o in enumerate(order)) / (n * (n * n - 1))

    observed = rho(ry)
    rhos = [rho(p) for p in itertools.permutations(ry)]
    greater = sum(r >= observed - 1e-12 for r in rhos) / len(rhos)
    two = sum(abs(r) >= abs(observed) - 1e-12 for r in rhos) / len(rhos)
    t = exploitation_test(gdp, defence)
    assert t.rho == pytest.approx(observed)
    assert t.p_value_greater == pytest.approx(greater, rel=1e-12)
    assert t.p_value == pytest.approx(two, rel=1e-12)


def _large_sample(n: int, seed: int):
    rng = np.random.default_rng(seed)
    gdp = rng.lognormal(3.0, 1.0, size=n)
    shares = 0.02 + 0.01 * rng.random(n) + 0.004 * np.log(gdp) / np.log(gdp).max()
    return gdp, shares * gdp, shares


def test_large_sample_uses_the_t_approximation() -> None:
    gdp, defence, shares = _large_sample(40, 2024)
    t = exploitation_test(gdp, defence)
    assert t.p_method == "t approximation" and "t approximation" in str(t)
    # the documented method for n > 9 is scipy's t approximation
    assert t.p_value == pytest.approx(spearmanr(gdp, shares).pvalue, rel=1e-12)
    assert t.p_value_greater == pytest.approx(
        spearmanr(gdp, shares, alternative="greater").pvalue, rel=1e-12
    )
    # and it agrees with a Monte Carlo permutation estimate (independent of scipy)
    rng = np.random.default_rng(12345)
    rx, ry = _rank(gdp), _rank(shares)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    observed = rx @ ry
    draws = 40_000
    s = rng.permuted(np.tile(ry, (draws, 1)), axis=1) @ rx
    mc_greater = np.mean(s >= observed - 1e-9)
    mc_two = np.mean(np.abs(s) >= abs(observed) - 1e-9)
    # MC standard error <= 0.0015; the t approximation is off by well under 0.01 at n = 40
    assert 0.02 < t.p_value < 0.2  # an informative, non-extreme case
    assert t.p_value_greater == pytest.approx(mc_greater, abs=0.01)
    assert t.p_value == pytest.approx(mc_two, abs=0.01)


def test_method_switches_between_nine_and_ten_allies() -> None:
    gdp, defence, _ = _large_sample(10, 5)
    assert exploitation_test(gdp, defence).p_method == "t approximation"
    assert exploitation_test(gdp[:9], defence[:9]).p_method == "exact permutation"


@pytest.mark.parametrize(
    ("gdp", "defence", "a", "contributions"),
    [
        # one contributor (GDP 200): G = a*200/(a + 1*(1-a)) = 200 a = 9.9 -> a = 0.0495;
        # threshold (1-a)/a * G = 0.9505 * 200 = 190.1: 200 > 190.1 >= 40; g_1 = 200 - 190.1
        pytest.param(GDP, DEFENCE, 9.9 / 200, [9.9] + [0.0] * 7, id="one-contributor"),
        # two contributors (10, 8): G = 18 a/(a + 2(1-a)) = 18 a/(2 - a) = 6.12
        # -> a = 2 G/(18 + G) = 12.24/24.12; threshold (1-a) G/a = 5.94...: 8 > it >= 2;
        # g_i = w_i - threshold
        pytest.param([10, 8, 2, 1], [4, 2, 0.1, 0.02], 12.24 / 24.12, None, id="two-contributors"),
    ],
)
def test_fitted_model_matches_the_observed_total(gdp, defence, a, contributions) -> None:
    t = exploitation_test(gdp, defence)
    total = sum(defence)
    assert t.fitted_a == pytest.approx(a, rel=1e-10)
    w = np.asarray(gdp, dtype=float)
    threshold = (1 - a) / a * total
    contributors = np.flatnonzero(w > threshold)
    m = len(contributors)
    g_formula = a * w[contributors].sum() / (a + m * (1 - a))  # docs/models.md §a.2
    assert g_formula == pytest.approx(total, rel=1e-12)  # the hand fit holds
    assert float(t.predicted.total) == pytest.approx(g_formula, rel=1e-10)
    assert t.predicted.contributors == tuple(contributors.tolist())
    expected = np.maximum(w - threshold, 0.0)
    if contributions is not None:
        assert np.allclose(expected, contributions)
    assert np.allclose(
        np.asarray(t.predicted.contributions, dtype=float), expected, rtol=1e-9, atol=1e-9
    )
    assert "Spearman rho" in str(t)


def test_constant_shares_flagged() -> None:
    t = exploitation_test([10, 5, 2], [1, 0.5, 0.2])
    assert np.isnan(t.rho) and any("constant" in n for n in t.notes)
    assert np.isnan(t.p_value) and t.p_method == "undefined"


@pytest.mark.parametrize(
    ("gdp", "defence", "match"),
    [
        pytest.param([1, 2], [0.1, 0.1], "at least 3", id="too-few"),
        pytest.param([1, 2, 3], [0.1, 0.1], "3 entries", id="length"),
        pytest.param([1, 2, 3], [0.1, 3, 0.1], "below gdp", id="above-gdp"),
        pytest.param([1, 2, 3], [0, 0, 0], "all zero", id="zero"),
        pytest.param([1, 2, 3], [-0.1, 0, 0.1], "nonnegative", id="negative"),
    ],
)
def test_bad_input(gdp, defence, match) -> None:
    with pytest.raises(ValueError, match=match):
        exploitation_test(gdp, defence)
