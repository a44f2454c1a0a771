"""Figure data of papers.hedging, checked against closed forms derived here."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from papers import hedging as hf

R = sp.Rational


def _rho(mu):
    eps = R(1, 4)
    return 1 - (mu + (1 - mu) * eps) / 2


def test_credibility_paths_follow_bayes_rule() -> None:
    d = hf.credibility_data()
    mu = [R(1, 10) / (R(1, 10) + R(9, 10) * R(1, 4) ** j) for j in range(5)]
    # structural run U D U D U D U: unreliable count 1, 1, 2, 2, 3, 3, 4
    assert d.structural == tuple(_rho(mu[j]) for j in (0, 1, 1, 2, 2, 3, 3, 4))
    # fluke run U D R ...: refuted from the third election on (mu = 0)
    assert d.fluke[:3] == (_rho(mu[0]), _rho(mu[1]), _rho(mu[1]))
    assert set(d.fluke[3:]) == {_rho(0)} == {R(7, 8)}
    assert d.threshold == R(2, 3) and d.hedge_election == 3 and d.years[3] == 2024
    assert d.limits == {"structural": R(1, 2), "fluke": R(7, 8)}


def test_hedging_year_data_matches_the_negative_binomial() -> None:
    d = hf.hedging_year_data(paths=50_000, seed=3)
    structural, prior = d.exact
    n = np.arange(1, 9)
    nb = (n - 1) / 2.0**n  # second unreliable win at election n, g = 1/2
    assert structural.as_array() == pytest.approx(nb, abs=1e-15)
    fluke = (n - 1) * (1 / 8) ** 2 * (1 / 2) ** (n - 2)  # g*eps = 1/8, other party 1/2
    assert prior.as_array() == pytest.approx(0.1 * nb + 0.9 * fluke, abs=1e-15)
    for sim, ex in zip(d.simulated, d.exact, strict=True):
        se = np.sqrt(ex.as_array() * (1 - ex.as_array()) / sim.paths)
        assert np.all(np.abs(sim.pmf - ex.as_array()) <= 5 * se + 1e-15)  # 5 SE bound


def test_real_option_data() -> None:
    d = hf.real_option_data(np.array([0.1, 0.2, 0.4]))
    r, mu, K = 0.05, 0.01, 100
    s2 = d.sigmas**2
    beta = 0.5 - mu / s2 + np.sqrt((mu / s2 - 0.5) ** 2 + 2 * r / s2)
    assert d.triggers == pytest.approx(beta / (beta - 1) * (r - mu) * K, rel=1e-12)
    assert d.triggers[1] == pytest.approx((11 + np.sqrt(41)) / 2, rel=1e-12)
    assert d.marshallian == pytest.approx(4.0) and np.all(np.diff(d.triggers) > 0)


@pytest.mark.parametrize("spec", hf.FIGURES, ids=lambda s: s.name)
def test_figures_build_and_summarize(spec) -> None:
    assert isinstance(spec.build(), Figure)
    assert spec.summary().strip()
