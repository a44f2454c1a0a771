"""Region maps (papers.regions): the threshold participation game over (tau, B)."""

from __future__ import annotations

import numpy as np
import pytest

from papers.regions import draw_region_map, join_out_game, region_map_data


def theory(tau: float, b: float, c: float) -> str:
    """Palfrey & Rosenthal's threshold game, 3 allies, 2 needed (strict regions)."""
    if tau > c:
        return "(Join, Join, Join)"
    if c - b < tau < c:
        return "(Join, Join, Out); (Join, Out, Join); (Out, Join, Join); (Out, Out, Out)"
    return "(Out, Out, Out)"


@pytest.fixture(scope="module")
def regions():
    return join_out_game().equilibria_by_region(mixed=False)


def test_region_map_matches_the_argument(regions):
    c = 1.0
    d = region_map_data(regions, "tau", "B", (0.01, 2.03), (0.02, 1.97), fixed={"c": c}, n=23)
    rng = np.random.default_rng(7)
    for _ in range(60):
        i, j = rng.integers(0, 23, size=2)
        tau, b = d.xs[i], d.ys[j]
        if min(abs(tau - c), abs(tau - (c - b))) < 1e-6:
            continue
        assert d.labels[d.index[j, i]] == theory(tau, b, c)


def test_region_map_errors(regions):
    with pytest.raises(ValueError, match="not a parameter"):
        region_map_data(regions, "x", "B", (0, 1), (0, 1), fixed={"c": 1})
    with pytest.raises(ValueError, match="value for c"):
        region_map_data(regions, "tau", "B", (0, 1), (0, 1))


def test_draw_region_map(regions):
    d = region_map_data(regions, "tau", "B", (0, 2), (0, 2), fixed={"c": 1}, n=21)
    fig = draw_region_map(d)
    legend = fig.axes[0].get_legend()
    assert len(legend.get_texts()) >= 3
