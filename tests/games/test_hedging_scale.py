"""The hedging simulation on executors (one seed per block of paths: the same counts on any
backend), with progress, and as a table or a plot."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest

from games import hedging

PATHS = 3 * hedging.BLOCK // 2 + 17  # two seed blocks, the second one partial


@pytest.fixture(scope="module")
def timeline():
    return hedging.hedging_timeline(truth="prior", terms=6)


@pytest.fixture(scope="module")
def serial(timeline):
    return timeline.simulate(PATHS, seed=11, chunk_size=20_000)


def _same(x, y) -> None:
    assert x.counts.tobytes() == y.counts.tobytes() and x.never == y.never


def test_process_pool_gives_the_same_counts(timeline, serial) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        _same(serial, timeline.simulate(PATHS, seed=11, chunk_size=7_000, executor=pool))


def test_thread_pools_of_any_size_give_the_same_counts(timeline, serial) -> None:
    for workers in (1, 3):
        with ThreadPoolExecutor(workers) as pool:
            _same(serial, timeline.simulate(PATHS, seed=11, executor=pool))


def test_dask_local_cluster_gives_the_same_counts(timeline, serial) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        _same(serial, timeline.simulate(PATHS, seed=11, executor=client))


def test_simulation_agrees_with_the_exact_chain(timeline, serial) -> None:
    """Kemeny & Snell's absorbing-chain pmf: every election within 5 standard errors."""
    assert serial.compare(timeline.exact())["max_z"] < 5


def test_progress_reports_each_seed_block(timeline) -> None:
    seen: list[tuple[int, int | None]] = []
    timeline.simulate(PATHS, seed=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


def test_to_frame_and_plot(timeline, serial) -> None:
    pd = pytest.importorskip("pandas")
    df = serial.to_frame()
    assert df["year"].tolist()[:-1] == list(timeline.years) and df["year"].iloc[-1] is pd.NA
    assert int(df["count"].sum()) == PATHS
    assert df["pmf"].sum() == pytest.approx(1.0)
    p = df["pmf"].to_numpy()
    np.testing.assert_allclose(df["standard_error"], np.sqrt(p * (1 - p) / PATHS))
    from matplotlib.figure import Figure

    ax = serial.plot(Figure().add_subplot(), exact=timeline.exact())
    heights = [bar.get_height() for bar in ax.patches]
    np.testing.assert_allclose(heights, serial.pmf)


@pytest.mark.parametrize("other", [{"terms": 5}, {"first_election": 2020}])
def test_plot_refuses_an_exact_distribution_over_other_elections(other) -> None:
    """The exact points were drawn at the simulation's years whatever their own: a chain
    starting in 2020 was silently plotted at 2016-2024, and other terms failed inside
    matplotlib."""
    from matplotlib.figure import Figure

    sim = hedging.hedging_timeline(terms=3).simulate(1_000, seed=1)
    with pytest.raises(ValueError, match=r"exact.*years"):
        exact = hedging.hedging_timeline(**{"terms": 3, **other}).exact()
        sim.plot(Figure().add_subplot(), exact=exact)
