"""The exploitation test hook: Spearman rank correlation and the fitted model."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from games.alliance import exploitation_test, public_good

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
    assert t.p_value == pytest.approx(spearmanr(GDP, shares).pvalue)
    assert t.p_value_greater == pytest.approx(t.p_value / 2)          # rho > 0
    assert np.allclose(t.burden_shares, shares)


def test_perfect_rank_agreement() -> None:
    t = exploitation_test([10, 8, 2, 1], [4, 2, 0.1, 0.02])
    assert t.rho == pytest.approx(1.0)


def test_fitted_model_matches_the_observed_total() -> None:
    t = exploitation_test(GDP, DEFENCE)
    assert float(t.predicted.total) == pytest.approx(sum(DEFENCE), rel=1e-10)
    # refit independently: the model with the fitted a has the same equilibrium
    again = public_good(GDP, a=t.fitted_a).equilibrium()
    assert np.allclose(np.asarray(again.contributions, dtype=float),
                       np.asarray(t.predicted.contributions, dtype=float))
    # one contributor (the largest) in the model: a = total / GDP_max
    assert t.fitted_a == pytest.approx(sum(DEFENCE) / 200.0)
    assert "Spearman rho" in str(t)


def test_constant_shares_flagged() -> None:
    t = exploitation_test([10, 5, 2], [1, 0.5, 0.2])
    assert np.isnan(t.rho) and any("constant" in n for n in t.notes)


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
