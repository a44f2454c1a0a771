"""Sweeps in chunks on any executor: same bytes serially, on threads, on processes and on a
dask cluster; progress per chunk; tables and plots of the result."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from solvers.continuous import ContinuousProblem, SweepPlan, sweep
from solvers.parallel import chunk_bounds, map_chunks, resolve_executor, spawn_seeds

q1, q2, a, c = sp.symbols("q1 q2 a c")
# Cournot duopoly, inverse demands a - Q and 2 - Q for the two firms, firm 1's cost c:
# interior q1 = (2a - 2 - 2c)/3, q2 = (4 - a + c)/3 until firm 2 drops out at a = 4 + c,
# then q1 = (a - c)/2 (monopoly)
COURNOT = ContinuousProblem(
    (q1, q2),
    ((a - q1 - q2) * q1 - c * q1, (2 - q1 - q2) * q2),
    ((0, None), (0, None)),
    parameters=(a, c),
)
A = np.linspace(1.5, 7.0, 23)[None, :]
C = np.array([0.0, 0.25, 0.5])[:, None]


def _theory(a_: np.ndarray, c_: np.ndarray) -> np.ndarray:
    return np.where(a_ < 4 + c_, (2 * a_ - 2 - 2 * c_) / 3, (a_ - c_) / 2)


def _same(x, y) -> None:
    """Bit-identical sweeps."""
    for name in ("strategies", "payoffs", "grid"):
        for k in getattr(x, name):
            assert getattr(x, name)[k].tobytes() == getattr(y, name)[k].tobytes(), (name, k)
    for name in ("case", "multiple", "missing"):
        assert getattr(x, name).tobytes() == getattr(y, name).tobytes(), name
    assert x.cases == y.cases and x.switches == y.switches and x.notes == y.notes


@pytest.fixture(scope="module")
def serial():
    s = sweep(COURNOT, {a: A, c: C})
    np.testing.assert_allclose(s.strategies["player 0"], _theory(A, C), rtol=1e-12, atol=1e-12)
    return s


@pytest.mark.parametrize("chunk_size", [1, 7, 23, 10_000])
def test_chunk_size_does_not_change_the_bytes(serial, chunk_size: int) -> None:
    _same(serial, sweep(COURNOT, {a: A, c: C}, chunk_size=chunk_size))


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_thread_pool_gives_the_same_bytes(serial, workers: int) -> None:
    with ThreadPoolExecutor(workers) as pool:
        _same(serial, sweep(COURNOT, {a: A, c: C}, chunk_size=10, executor=pool))


def test_process_pool_gives_the_same_bytes(serial) -> None:
    ctx = multiprocessing.get_context("spawn")  # no fork of a threaded process
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        _same(serial, sweep(COURNOT, {a: A, c: C}, chunk_size=16, executor=pool))


def test_dask_local_cluster_gives_the_same_bytes(serial) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        _same(serial, sweep(COURNOT, {a: A, c: C}, chunk_size=16, executor=client))
        # and by address
        address = cluster.scheduler_address
        _same(serial, sweep(COURNOT, {a: A, c: C}, chunk_size=16, executor=address))


def test_progress_counts_chunks(serial) -> None:
    seen: list[tuple[int, int | None]] = []
    sweep(COURNOT, {a: A, c: C}, chunk_size=30, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]  # 69 points in chunks of 30


def test_plan_pickles_and_rebuilds() -> None:
    plan = SweepPlan(COURNOT, [a], {c: 0})
    copy = pickle.loads(pickle.dumps(plan))
    assert copy is plan  # same process: the registered plan, not a rebuild
    x = np.array([2.0, 5.0])
    assert plan({a: x}).strategies["player 1"].tolist() == pytest.approx([2 / 3, 0.0])


def test_bad_executor_and_chunk_size() -> None:
    with pytest.raises(TypeError, match="executor must be"):
        sweep(COURNOT, {a: A, c: C}, executor=object())
    with pytest.raises(ValueError, match="chunk_size"):
        sweep(COURNOT, {a: A, c: C}, chunk_size=0)


def test_to_frame_rows_follow_the_grid(serial) -> None:
    pytest.importorskip("pandas")
    df = serial.to_frame()
    assert len(df) == A.size * C.size
    assert list(df.columns[:4]) == ["a", "c", "player 0 strategy", "player 1 strategy"]
    np.testing.assert_allclose(
        df["player 0 strategy"], _theory(df["a"].to_numpy(), df["c"].to_numpy()), atol=1e-12
    )
    monopoly = df["a"] > 4 + df["c"]
    assert (df.loc[monopoly, "case"] == "player 0: interior, player 1: lower").all()
    assert not df["missing"].any()


def test_to_frame_without_pandas_names_the_extra(serial, monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"blocgames\[frames\]"):
        serial.to_frame()


def test_plot_one_parameter_with_switch_lines() -> None:
    from matplotlib.figure import Figure

    s = sweep(COURNOT, {a: np.linspace(1.5, 7.0, 12)}, {c: 0})
    ax = s.plot(Figure().add_subplot())
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines[:2]] == ["player 0", "player 1"]
    np.testing.assert_allclose(lines[0].get_ydata(), _theory(np.linspace(1.5, 7.0, 12), 0))
    switch = [ln for ln in lines[2:] if ln.get_linestyle() == ":"]
    assert len(switch) == 1 and 3.5 < switch[0].get_xdata()[0] < 4.5  # firm 2 leaves at a = 4
    with pytest.raises(ValueError, match="to_frame"):
        sweep(COURNOT, {a: A, c: C}).plot(Figure().add_subplot())


@given(size=st.integers(0, 500), chunk=st.integers(1, 600))
def test_chunks_cover_the_range_once(size: int, chunk: int) -> None:
    bounds = chunk_bounds(size, chunk)
    covered = [i for lo, hi in bounds for i in range(lo, hi)]
    assert covered == list(range(size))
    assert all(0 < hi - lo <= chunk for lo, hi in bounds) or size == 0


def test_seeds_depend_on_the_chunk_index_only() -> None:
    a4 = [s.generate_state(2).tolist() for s in spawn_seeds(3, 4)]
    a9 = [s.generate_state(2).tolist() for s in spawn_seeds(3, 9)]
    assert a4 == a9[:4] and len({tuple(x) for x in a9}) == 9


def test_map_chunks_keeps_order_on_any_executor() -> None:
    tasks = list(range(50))
    with ThreadPoolExecutor(4) as pool:
        assert map_chunks(pow2, tasks, executor=pool) == [t * t for t in tasks]
    with resolve_executor(None) as ex:
        assert ex is None


def pow2(x: int) -> int:
    return x * x


_PLAN = SweepPlan(COURNOT, [a, c])


@given(
    a_shape=st.sampled_from([(), (5,), (1, 5), (2, 1, 5)]),
    c_shape=st.sampled_from([(), (3, 1), (1,), (2, 3, 1)]),
    chunk=st.integers(1, 40),
)
def test_any_broadcast_grid_and_chunk_size_give_the_same_bytes(a_shape, c_shape, chunk) -> None:
    n_a, n_c = int(np.prod(a_shape)), int(np.prod(c_shape))
    a_vals = np.linspace(1.5, 7.0, n_a).reshape(a_shape)
    c_vals = np.linspace(0.0, 0.5, n_c).reshape(c_shape)
    try:
        shape = np.broadcast_shapes(a_shape, c_shape)
    except ValueError:
        return
    whole = _PLAN({a: a_vals, c: c_vals}, chunk_size=max(1, int(np.prod(shape))))
    _same(whole, _PLAN({a: a_vals, c: c_vals}, chunk_size=chunk))
    a_b, c_b = np.broadcast_arrays(a_vals, c_vals)
    np.testing.assert_allclose(whole.strategies["player 0"], _theory(a_b, c_b), atol=1e-12)


@pytest.mark.parametrize("address", ["nonsense", "tcp://", "tcp://127.0.0.1:notaport"])
def test_malformed_scheduler_address_names_the_argument(address: str) -> None:
    """A bad address is the caller's error: say so (naming ``executor``) before dask
    tries it, instead of dask's own parse error from deep inside distributed.comm."""
    with pytest.raises(ValueError, match=r"executor.*scheduler address"):
        map_chunks(abs, [1], executor=address)


def test_unreachable_scheduler_names_the_argument(monkeypatch) -> None:
    """A scheduler that cannot be reached (dask's OSError after its connect timeout, or
    any other failure of ``Client``) is reported as ``executor=...`` with the cause."""
    distributed = pytest.importorskip("distributed")

    def refuse(address, **kwargs):
        raise OSError(f"Timed out trying to connect to {address} after 30 s")

    monkeypatch.setattr(distributed, "Client", refuse)
    with pytest.raises(ConnectionError, match=r"executor='tcp://127.0.0.1:1'.*Timed out"):
        map_chunks(abs, [1], executor="tcp://127.0.0.1:1")


class _Recorder:
    """An executor that records whether any work was handed to it."""

    def __init__(self) -> None:
        self.calls = 0

    def map(self, fn, tasks):
        self.calls += 1
        return map(fn, tasks)


@pytest.mark.parametrize("progress", ["yes", 1, 0.5])
def test_bad_progress_is_refused_before_any_work_is_sent(progress) -> None:
    """track() checked ``progress`` only when first iterated, i.e. after map_chunks had
    submitted every chunk to the executor (a pool then ran them all before the error)."""
    from solvers.progress import track

    with pytest.raises(TypeError, match="progress must be"):
        track(range(3), progress=progress)
    pool = _Recorder()
    with pytest.raises(TypeError, match="progress must be"):
        map_chunks(abs, [1, 2], executor=pool, progress=progress)
    assert pool.calls == 0
