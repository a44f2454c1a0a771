"""``progress=None`` (the default) is *auto*: a tqdm bar only on a terminal with tqdm
installed; ``False`` switches it off, ``True`` forces it, a callable gets ``(done, total)``."""

from __future__ import annotations

import inspect
import io
import sys

import pytest

from solvers.progress import track


class _Terminal(io.StringIO):
    """Standard error as an interactive terminal would be."""

    def isatty(self) -> bool:
        return True


def _run(monkeypatch, stream: io.StringIO, progress) -> tuple[list[int], str]:
    monkeypatch.setattr(sys, "stderr", stream)
    items = list(track(range(3), progress=progress, desc="work"))
    return items, stream.getvalue()


def test_auto_is_silent_when_not_a_terminal(monkeypatch) -> None:
    assert _run(monkeypatch, io.StringIO(), None) == ([0, 1, 2], "")


def test_auto_is_silent_without_a_stderr(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    assert list(track(range(3))) == [0, 1, 2]


def test_auto_shows_a_bar_on_a_terminal(monkeypatch) -> None:
    pytest.importorskip("tqdm", reason="tqdm is the optional progress extra")
    items, shown = _run(monkeypatch, _Terminal(), None)
    assert items == [0, 1, 2] and "work" in shown and "/3" in shown


def test_auto_is_silent_on_a_terminal_without_tqdm(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    assert _run(monkeypatch, _Terminal(), None) == ([0, 1, 2], "")
    # asked for explicitly, a missing tqdm is an error naming the extra
    with pytest.raises(ImportError, match=r"blocgames\[progress\]"):
        list(track(range(3), progress=True))


def test_false_switches_the_bar_off_on_a_terminal(monkeypatch) -> None:
    assert _run(monkeypatch, _Terminal(), False) == ([0, 1, 2], "")


def test_true_forces_the_bar_off_a_terminal(monkeypatch) -> None:
    pytest.importorskip("tqdm", reason="tqdm is the optional progress extra")
    items, shown = _run(monkeypatch, io.StringIO(), True)
    assert items == [0, 1, 2] and "/3" in shown


def test_callable_is_called_whatever_the_terminal(monkeypatch) -> None:
    seen: list[tuple[int, int | None]] = []
    assert _run(monkeypatch, _Terminal(), lambda d, t: seen.append((d, t))) == ([0, 1, 2], "")
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_anything_else_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="None \\(auto\\), True, False or a callable"):
        list(track(range(3), progress="yes"))  # type: ignore[arg-type]


def test_long_running_functions_default_to_auto() -> None:
    from games.continuous import ContinuousGame
    from games.hedging import HedgingTimeline
    from solvers.continuous import SweepPlan, sweep
    from solvers.parallel import map_chunks

    for fn in (sweep, SweepPlan.__call__, ContinuousGame.sweep, HedgingTimeline.simulate):
        assert inspect.signature(fn).parameters["progress"].default is None, fn
    assert inspect.signature(map_chunks).parameters["progress"].default is None
    assert inspect.signature(track).parameters["progress"].default is None
