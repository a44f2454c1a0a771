"""Enumerations split into steps, so that one code path both streams and collects.

An enumeration method builds a :class:`Stream`: an iterator of *steps* (units of work of
a count known in advance), each giving the list of verified equilibria it found, and a
``finish`` function that turns everything found into the method's
:class:`~solvers.result.Equilibria` (sorting, notes, warnings). The method's function
runs the stream to the end (:meth:`Stream.run`); :func:`solvers.finite.iter_equilibria`
yields each equilibrium as soon as its step ends (:meth:`Stream.iterate`). Both report
``progress`` through :func:`solvers.progress.track`, one tick per step, and find the
same equilibria by construction.

Examples
--------
>>> from solvers.result import Equilibria
>>> s = Stream(iter([[], [1, 2], [3]]), 3, lambda found: found)
>>> seen = []
>>> list(s.iterate(lambda done, total: seen.append((done, total))))
[1, 2, 3]
>>> seen
[(1, 3), (2, 3), (3, 3)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from solvers.progress import ProgressArg, track

__all__ = ["Stream"]


class Stream:
    """Steps of an enumeration and how to finish it (see the module docstring).

    Parameters
    ----------
    steps : iterator of list
        Each step's newly found (verified, not yet seen) equilibria.
    total : int
        Number of steps ``steps`` yields.
    finish : callable
        ``finish(found)`` with every equilibrium found, in order: the method's result
        (warnings about degeneracy or incompleteness are issued here).
    desc : str, optional
        Label of a progress bar.
    """

    def __init__(
        self,
        steps: Iterator[list[Any]],
        total: int,
        finish: Callable[[list[Any]], Any],
        desc: str | None = None,
    ) -> None:
        self.steps, self.total, self.finish, self.desc = steps, total, finish, desc

    def iterate(self, progress: ProgressArg = None) -> Iterator[Any]:
        """Yield each equilibrium when its step ends; finish (warnings) at the end."""
        found: list[Any] = []
        for step in track(self.steps, progress=progress, total=self.total, desc=self.desc):
            found.extend(step)
            yield from step
        self.finish(found)

    def run(self, progress: ProgressArg = None) -> Any:
        """Every step, then the method's result."""
        found: list[Any] = []
        for step in track(self.steps, progress=progress, total=self.total, desc=self.desc):
            found.extend(step)
        return self.finish(found)
