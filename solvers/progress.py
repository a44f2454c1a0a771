"""Progress reporting for long work, through tqdm when it is installed.

Every long-running function in blocgames (enumeration of large games, sweeps,
simulations) takes a ``progress`` argument and passes it here. tqdm is an optional
dependency (``pip install 'blocgames[progress]'``), imported only when a bar is asked for.

``progress`` may be

* ``None`` (default everywhere): *auto*, a tqdm bar on standard error only when tqdm is
  installed and standard error is a terminal (``sys.stderr.isatty()``); silent in
  scripts, pipes, logs, CI, notebooks' captured output and tests;
* ``False``: no output, whatever the terminal (switch the bar off);
* ``True``: a tqdm bar on standard error even when it is not a terminal (``ImportError``
  naming the extra if tqdm is missing);
* a callable ``f(done, total)``: called after each step, for GUIs, logs and tests.

Examples
--------
>>> from solvers.progress import track
>>> seen = []
>>> list(track(range(3), progress=lambda done, total: seen.append((done, total))))
[0, 1, 2]
>>> seen
[(1, 3), (2, 3), (3, 3)]
>>> list(track("ab", progress=False))
['a', 'b']
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

__all__ = ["ProgressArg", "check_progress", "track"]

T = TypeVar("T")

#: What a ``progress`` argument may be: ``None`` (auto), a flag or a callback
#: ``f(done, total)``.
ProgressArg = bool | Callable[[int, int | None], Any] | None


def _tqdm() -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "progress=True needs tqdm: pip install 'blocgames[progress]' (or pass a "
            "callable progress(done, total), or progress=False)"
        ) from error
    return tqdm


def _on_terminal() -> bool:
    """Whether standard error is an interactive terminal (``False`` when it is closed,
    replaced or has no ``isatty``)."""
    stream = sys.stderr
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def check_progress(progress: Any) -> ProgressArg:
    """``progress`` if it is ``None``, a bool or a callable, else ``TypeError`` (call it
    before starting work, so that a bad argument costs nothing).

    Examples
    --------
    >>> check_progress(None), check_progress(False), check_progress(print) is print
    (None, False, True)
    >>> check_progress("yes")
    Traceback (most recent call last):
    ...
    TypeError: progress must be None (auto), True, False or a callable f(done, total); got 'yes'
    """
    if progress is None or progress is True or progress is False or callable(progress):
        return progress
    raise TypeError(
        f"progress must be None (auto), True, False or a callable f(done, total); got {progress!r}"
    )


def track(
    iterable: Iterable[T],
    *,
    progress: ProgressArg = None,
    total: int | None = None,
    desc: str | None = None,
) -> Iterator[T]:
    """Iterate over ``iterable``, reporting each step as ``progress`` asks.

    Parameters
    ----------
    iterable : iterable
        The work items.
    progress : None, bool or callable, default None
        ``None``: a tqdm bar if tqdm is installed and standard error is a terminal,
        else silent; ``False``: silent; ``True``: a tqdm bar; a callable:
        ``progress(done, total)`` after each item.
    total : int, optional
        Number of items, when ``len(iterable)`` is not defined.
    desc : str, optional
        Label of the bar.

    Returns
    -------
    iterator
        The items of ``iterable``, unchanged and in order.

    Raises
    ------
    TypeError
        If ``progress`` is neither None, a bool nor a callable (raised by the call
        itself, before any item is taken).

    Examples
    --------
    >>> sum(track(range(4), progress=False))
    6
    """
    check_progress(progress)
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    return _track(iterable, progress, total, desc)


def _track(
    iterable: Iterable[T], progress: ProgressArg, total: int | None, desc: str | None
) -> Iterator[T]:
    tqdm = None
    if progress is None and _on_terminal():
        try:
            tqdm = _tqdm()
        except ImportError:  # auto: no tqdm, no bar
            tqdm = None
    elif progress is True:
        tqdm = _tqdm()
    if tqdm is not None:
        bar = tqdm(iterable, total=total, desc=desc, leave=False)
        try:
            yield from bar
        finally:
            bar.close()
        return
    if progress is None or progress is False:
        yield from iterable
        return
    assert callable(progress)
    for done, item in enumerate(iterable, start=1):
        yield item
        progress(done, total)
