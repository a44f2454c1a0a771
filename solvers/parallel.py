"""Running long work in chunks, here or elsewhere, with a result that does not depend on where.

Sweeps and simulations split their work into *chunks* fixed by a chunk size (never by
the number of workers), give each chunk its own seed (:func:`spawn_seeds`, one
:class:`numpy.random.SeedSequence` child per chunk) and combine the chunks' results in
chunk order. Where the chunks run is the ``executor`` argument, resolved by
:func:`resolve_executor`:

* ``None`` (default): in this process, one chunk after another;
* any ``concurrent.futures.Executor`` (``ThreadPoolExecutor``,
  ``ProcessPoolExecutor``) or other object with an ordered ``map(fn, iterable)``;
* a dask ``distributed.Client`` (adapted through ``client.get_executor()``);
* a dask scheduler address such as ``"tcp://10.0.0.5:8786"``: a client is connected for
  the call and closed afterwards. dask is optional: ``pip install 'blocgames[dask]'``.

The same seed and chunk size therefore give bit-identical results serially, on a thread
or process pool of any size, and on a dask cluster. ``progress`` (see
:mod:`solvers.progress`) reports chunks as they complete, in order.

Examples
--------
>>> from concurrent.futures import ThreadPoolExecutor
>>> from solvers.parallel import chunk_bounds, map_chunks
>>> chunk_bounds(10, 4)
[(0, 4), (4, 8), (8, 10)]
>>> def total(bounds):
...     return sum(range(*bounds))
>>> here = map_chunks(total, chunk_bounds(10, 4))
>>> with ThreadPoolExecutor(2) as pool:
...     there = map_chunks(total, chunk_bounds(10, 4), executor=pool)
>>> here, here == there
([6, 22, 17], True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np

from solvers.progress import ProgressArg, check_progress, track

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "check_executor",
    "chunk_bounds",
    "map_chunks",
    "resolve_executor",
    "spawn_seeds",
]

T = TypeVar("T")
R = TypeVar("R")

#: A dask scheduler address: ``[scheme://]host:port`` (IPv6 hosts in brackets), or inproc.
_ADDRESS = re.compile(
    r"^(?:inproc://\S+|(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):\d{1,5})$"
)

#: Default number of grid points (or simulated paths) per chunk.
DEFAULT_CHUNK_SIZE = 1 << 16


def chunk_bounds(size: int, chunk_size: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` slices of ``range(size)``, each at most ``chunk_size``
    long (one empty slice when ``size`` is 0, so a result always has a chunk).

    Raises
    ------
    ValueError
        If ``chunk_size`` is not a positive integer or ``size`` is negative.

    Examples
    --------
    >>> chunk_bounds(5, 2), chunk_bounds(0, 3)
    ([(0, 2), (2, 4), (4, 5)], [(0, 0)])
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int | np.integer):
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if size < 0:
        raise ValueError(f"size must be non-negative, got {size}")
    if size == 0:
        return [(0, 0)]
    step = int(chunk_size)
    return [(lo, min(lo + step, size)) for lo in range(0, size, step)]


def spawn_seeds(seed: int | np.random.SeedSequence, n: int) -> list[np.random.SeedSequence]:
    """``n`` independent child seeds of ``seed`` (:meth:`numpy.random.SeedSequence.spawn`):
    child ``k`` depends only on ``seed`` and ``k``, never on how chunks are scheduled.

    Examples
    --------
    >>> import numpy as np
    >>> a, b = spawn_seeds(7, 2)
    >>> float(np.random.default_rng(b).random()) == float(
    ...     np.random.default_rng(spawn_seeds(7, 5)[1]).random())
    True
    """
    if isinstance(seed, np.random.SeedSequence):
        root = seed
    elif isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    else:
        root = np.random.SeedSequence(int(seed))
    return list(root.spawn(n))


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise ImportError(
            "a dask scheduler address as executor needs dask.distributed: "
            "pip install 'blocgames[dask]'"
        ) from error
    return distributed


def check_executor(executor: Any) -> None:
    """Raise the error :func:`resolve_executor` would for an executor of the wrong kind or a
    malformed address, without connecting: for functions that validate their arguments
    before long work.

    Raises
    ------
    TypeError, ValueError
        As :func:`resolve_executor`.

    Examples
    --------
    >>> check_executor(None); check_executor("tcp://10.0.0.5:8786")
    >>> try:
    ...     check_executor(3)
    ... except TypeError as error:
    ...     print(str(error).split(";")[1])
     got int
    """
    if executor is None or callable(getattr(executor, "map", None)):
        return
    if isinstance(executor, str):
        if not _ADDRESS.match(executor):
            raise ValueError(
                f"executor={executor!r} is not a dask scheduler address: give "
                "'tcp://host:port' (e.g. 'tcp://10.0.0.5:8786'), a distributed.Client or a "
                "concurrent.futures executor"
            )
        return
    raise TypeError(
        "executor must be None, a concurrent.futures.Executor (e.g. ProcessPoolExecutor), "
        "a dask distributed.Client or a scheduler address such as 'tcp://host:8786'; got "
        f"{type(executor).__name__}"
    )


@contextmanager
def resolve_executor(executor: Any) -> Iterator[Any]:
    """The object whose ordered ``map`` runs the chunks (``None``: run them here).

    A context manager, because a scheduler address opens a dask client that must be
    closed afterwards; executors passed in are never shut down here.

    Raises
    ------
    TypeError
        If ``executor`` is none of the accepted kinds (see the module docstring).
    ValueError
        A string that is not a scheduler address (``[scheme://]host:port``).
    ConnectionError
        The scheduler at the address could not be reached (after dask's connect timeout).
    ImportError
        An address was given and ``dask.distributed`` is not installed.

    Examples
    --------
    >>> with resolve_executor(None) as ex:
    ...     ex is None
    True
    """
    check_executor(executor)
    if executor is None:
        yield None
        return
    if isinstance(executor, str):
        Client = _distributed().Client
        try:
            client = Client(executor)
        except Exception as error:  # dask's OSError on timeout, or any failure to connect
            raise ConnectionError(
                f"executor={executor!r}: could not connect to the dask scheduler "
                f"({type(error).__name__}: {error})"
            ) from error
        try:
            yield client.get_executor()
        finally:
            client.close()
        return
    if callable(getattr(executor, "get_executor", None)) and callable(
        getattr(executor, "gather", None)
    ):  # a distributed.Client: its map returns futures, its executor returns results
        yield executor.get_executor()
        return
    yield executor  # any object with an ordered map (checked above)


def map_chunks(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    *,
    executor: Any = None,
    progress: ProgressArg = None,
    desc: str | None = None,
) -> list[R]:
    """``[fn(task) for task in tasks]``, run on ``executor``, in task order.

    Parameters
    ----------
    fn : callable
        A module-level function (or a method of a picklable object) when the executor
        runs in other processes.
    tasks : sequence
        One item per chunk; each must be picklable for process pools and dask.
    executor : optional
        See :func:`resolve_executor`.
    progress : None, bool or callable, default None
        See :func:`solvers.progress.track` (default: a bar only on a terminal);
        counts completed chunks.
    desc : str, optional
        Label of the progress bar.

    Returns
    -------
    list
        The results, in the order of ``tasks`` whatever the executor.

    Examples
    --------
    >>> seen = []
    >>> map_chunks(abs, [-1, 2, -3], progress=lambda done, total: seen.append(done))
    [1, 2, 3]
    >>> seen
    [1, 2, 3]
    """
    check_progress(progress)
    tasks = list(tasks)
    with resolve_executor(executor) as ex:
        results = map(fn, tasks) if ex is None else ex.map(fn, tasks)
        return list(track(results, progress=progress, total=len(tasks), desc=desc))
