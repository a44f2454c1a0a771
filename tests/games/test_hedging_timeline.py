"""games.hedging: the hedging-time distribution, exact (absorbing Markov chain) against a
closed form derived here, and simulated against exact within a stated confidence bound."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from math import comb

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from games import hedging

R = sp.Rational


def _negative_binomial(n_terms, jstar, g, u):
    """P(hedge at election n): the jstar-th unreliable win comes at n and no reliable win of
    the suspect party came before (each non-hedging step must be an other-party win)."""
    return [
        comb(n - 1, jstar - 1) * (g * u) ** jstar * (1 - g) ** (n - jstar) if n >= jstar else 0
        for n in range(1, n_terms + 1)
    ]


@pytest.mark.parametrize(
    ("prior", "eps", "threshold", "jstar"),
    [
        (R(1, 10), R(1, 4), R(2, 3), 2),  # MODELS d.3 timing: hedge after the 2nd
        (R(1, 50), R(1, 3), R(2, 3), 4),  # mu_j = 3^j/(3^j + 49): rho < 2/3 iff mu > 1/2
        (R(1, 4), R(1, 4), R(7, 10), 1),  # rho_0 = 25/32, rho_1 = 37/56
    ],
    ids=["defaults-jstar-2", "sceptic-jstar-4", "worried-jstar-1"],
)
def test_markov_chain_equals_the_negative_binomial(prior, eps, threshold, jstar) -> None:
    learning = hedging.fluke_or_structural(prior, eps, threshold)
    assert learning.hedging_count == jstar
    g = R(1, 2)
    s = _negative_binomial(9, jstar, g, 1)
    f = _negative_binomial(9, jstar, g, eps)
    for truth, expected in [
        ("structural", s),
        ("fluke", f),
        ("prior", [prior * a + (1 - prior) * c for a, c in zip(s, f, strict=True)]),
    ]:
        d = hedging.hedging_timeline(learning, truth=truth, terms=9).exact()
        assert list(d.pmf) == expected, truth
        assert d.never == 1 - sum(expected) and d.exact


def test_exact_distribution_after_an_observed_unreliable_term() -> None:
    """From 2020 after Trump I: belief 4/13 and hedge at the next unreliable win:
    P(2020) = 4/13 * 1/2 + 9/13 * 1/8 = 25/104."""
    t = hedging.hedging_timeline(observed_unreliable=1, first_election=2020, terms=3)
    d = t.exact()
    assert d.years == (2020, 2024, 2028)
    assert d.pmf[0] == R(4, 13) * R(1, 2) + R(9, 13) * R(1, 8) == R(25, 104)


def test_hedge_at_once_when_the_prior_is_already_too_low() -> None:
    """rho_0 = 67/80 < threshold 17/20 < 7/8 (refuted): hedge at once unless refuted."""
    t = hedging.hedging_timeline(hedging.fluke_or_structural(threshold=R(17, 20)), terms=3)
    d = t.exact()
    refuted = R(9, 10) * R(1, 2) * R(3, 4)  # fluke and a reliable suspect president
    assert d.pmf[0] == 1 - refuted and d.pmf[1:] == (0, 0) and d.never == refuted


def test_float_inputs_give_a_float_chain_that_agrees() -> None:
    exact = hedging.hedging_timeline(terms=6).exact()
    approx = hedging.hedging_timeline(hedging.fluke_or_structural(0.1, 0.25), terms=6).exact()
    assert not approx.exact
    assert approx.as_array() == pytest.approx(exact.as_array(), abs=1e-15)


# 10^5 paths: the binomial standard error of each entry is at most 0.0016, and the bound
# below (5 standard errors per entry, chi-square p-value above 1e-6) fails by chance with
# probability below 1e-5 for any seed.
PATHS = 100_000


@pytest.mark.parametrize("truth", ["prior", "structural", "fluke"])
def test_simulation_agrees_with_the_markov_chain(truth) -> None:
    t = hedging.hedging_timeline(truth=truth)
    exact = t.exact()
    sim = t.simulate(PATHS, seed=20261204)
    p = np.append(exact.as_array(), float(exact.never))
    observed = np.append(sim.pmf, sim.never / PATHS)
    se = np.sqrt(p * (1 - p) / PATHS)
    assert np.all(np.abs(observed - p) <= 5 * se + 1e-15)
    check = sim.compare(exact)
    assert check["p_value"] > 1e-6 and check["max_z"] <= 5
    assert sim.counts.sum() + sim.never == PATHS


def test_same_seed_same_answer_whatever_the_chunking() -> None:
    t = hedging.hedging_timeline()
    n = hedging.BLOCK + 4_321  # crosses a block boundary
    runs = [t.simulate(n, seed=7, chunk_size=c) for c in (n, hedging.BLOCK, 5_000, 777)]
    for other in runs[1:]:
        assert np.array_equal(other.counts, runs[0].counts) and other.never == runs[0].never
    assert not np.array_equal(t.simulate(n, seed=8).counts, runs[0].counts)
    with ThreadPoolExecutor(2) as pool:  # blocks run elsewhere: same answer
        farmed = t.simulate(n, seed=7, chunk_size=5_000, executor=pool)
    assert np.array_equal(farmed.counts, runs[0].counts) and farmed.never == runs[0].never


def test_results_print_and_convert() -> None:
    t = hedging.hedging_timeline(terms=3)
    d = t.exact()
    assert d.to_dict()["pmf"][1] == pytest.approx(5 / 128) and "Markov" in repr(d)
    s = t.simulate(1000, seed=1)
    assert s.to_dict()["paths"] == 1000 and "1000 paths" in repr(s)
    P, init, labels = t.transition_matrix()
    assert all(sum(row) == 1 for row in P) and sum(init) == 1 and labels[-1] == "hedged"


def test_timeline_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="truth"):
        hedging.hedging_timeline(truth="maybe")
    with pytest.raises(ValueError, match="terms"):
        hedging.hedging_timeline(terms=0)
    with pytest.raises(ValueError, match="paths"):
        hedging.hedging_timeline().simulate(0)
    with pytest.raises(ValueError, match="seed"):
        hedging.hedging_timeline().simulate(10, seed=-1)
    with pytest.raises(TypeError, match="executor"):
        hedging.hedging_timeline().simulate(10, executor=object())
    with pytest.raises(TypeError, match="learning"):
        hedging.hedging_timeline(learning=0.5)


@given(
    prior=st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100)),
    eps=st.fractions(min_value=Fraction(1, 20), max_value=Fraction(19, 20)),
    threshold=st.fractions(min_value=Fraction(11, 20), max_value=Fraction(19, 20)),
    gop=st.fractions(min_value=Fraction(1, 10), max_value=Fraction(9, 10)),
    truth=st.sampled_from(["prior", "structural", "fluke"]),
)
def test_markov_chain_is_a_distribution_and_matches_first_passage(
    prior, eps, threshold, gop, truth
) -> None:
    """For any parameters: pmf + never = 1, and when the refuted ally does not hedge and
    the prior alone does not trigger a hedge, the pmf is the negative binomial mixture."""
    learning = hedging.fluke_or_structural(prior, eps, threshold, gop)
    d = hedging.hedging_timeline(learning, truth=truth, terms=6).exact()
    assert sum(d.pmf) + d.never == 1 and all(p >= 0 for p in d.pmf)
    g, e, mu0 = R(gop), R(eps), R(prior)
    jstar = next(
        (j for j in range(7) if mu_j_rho(mu0, e, g, j) < R(threshold)), None
    )  # first j with rho_j < threshold, by the formulas of MODELS d.3
    refuted_hedges = 1 - g * e < R(threshold)
    if jstar is None or jstar == 0 or refuted_hedges:
        return
    weights = {"prior": (mu0, 1 - mu0), "structural": (1, 0), "fluke": (0, 1)}[truth]
    s, f = _negative_binomial(6, jstar, g, 1), _negative_binomial(6, jstar, g, e)
    assert list(d.pmf) == [weights[0] * a + weights[1] * b for a, b in zip(s, f, strict=True)]


def mu_j_rho(mu0, eps, g, j):
    mu = mu0 / (mu0 + (1 - mu0) * eps**j)
    return 1 - g * (mu + (1 - mu) * eps)
