"""``python -m papers --jobs N / --scheduler ADDRESS``: the same files, byte for byte, and
the same printed summaries, in the same order, whatever the backend and number of workers."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from papers.__main__ import build_figures, main

# small figures, named out of registry order: the summaries must follow this order
NAMES = ["tariffs-best-response", "best-response-chicken"]
FORMATS = ["svg", "png"]


def _build(capsys, folder: Path, *options: str) -> tuple[dict[str, bytes], str]:
    fmts = [x for f in FORMATS for x in ("--format", f)]
    assert main(["build", *NAMES, "--out", str(folder), *fmts, *options]) == 0
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    # the summaries name the output folder: compare them without it
    return files, capsys.readouterr().out.replace(str(folder), "OUT")


@pytest.fixture(scope="module")
def in_process(tmp_path_factory) -> tuple[dict[str, bytes], str]:
    folder = tmp_path_factory.mktemp("jobs1")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build_figures(NAMES, folder, FORMATS, jobs=1)
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    return files, out.getvalue().replace(str(folder), "OUT")


def test_in_process_output(in_process) -> None:
    files, text = in_process
    assert sorted(files) == sorted(f"{n}.{f}" for n in NAMES for f in FORMATS)
    # printed in the order named, with the Chicken equilibria (2/3, 2/3) of docs/models.md
    assert text.index("== tariffs-best-response") < text.index("== best-response-chicken")
    assert "(2/3, 2/3)" in text


def test_jobs_1_on_the_command_line_is_the_same(in_process, tmp_path, capsys) -> None:
    assert _build(capsys, tmp_path, "--jobs", "1") == in_process


def test_two_processes_give_the_same_bytes_and_text(in_process, tmp_path, capsys) -> None:
    assert _build(capsys, tmp_path, "--jobs", "2", "--no-progress") == in_process


def test_dask_cluster_gives_the_same_bytes_and_text(in_process, tmp_path, capsys) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra")
    # one worker with two threads: figures drawn concurrently in one process
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    ) as cluster:
        got = _build(capsys, tmp_path, "--scheduler", cluster.scheduler_address)
    assert got == in_process


@pytest.mark.parametrize("jobs", ["0", "-2", "two", "1.5"])
def test_jobs_must_be_a_positive_integer(jobs, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", NAMES[0], "--out", str(tmp_path), "--jobs", jobs])
    assert exit_.value.code == 2
    assert "--jobs: must be a positive integer" in capsys.readouterr().err
    with pytest.raises(ValueError, match="jobs must be a positive integer"):
        build_figures(NAMES[:1], tmp_path, ["svg"], jobs=0)


def test_jobs_and_scheduler_exclude_each_other(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1", "--out", str(tmp_path)])
    assert "not allowed with argument" in capsys.readouterr().err
    with pytest.raises(ValueError, match="not both"):
        build_figures(NAMES[:1], tmp_path, ["svg"], jobs=2, scheduler="tcp://127.0.0.1:1")
