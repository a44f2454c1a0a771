"""Command line: ``python -m papers [list | build [NAME ...] [--set P=V] | readme | demo NAME]``.

``demo NAME --web`` serves the demo as a page on a local server.
With no command it builds every figure into ``--out`` (default ``figures/``) and prints
each figure's equilibria and key points. ``build NAME --set alpha=0.7 --set k=3`` builds a
figure with other parameter values (``list`` shows each figure's parameters and domains);
values are integers, fractions ``p/q`` or decimals, never evaluated. A figure built with
values set is written as ``NAME--alpha-0.7--k-3.png``, next to the published one.

``--jobs N`` builds the figures on a pool of ``N`` local processes (default 1: in this
process) and ``--scheduler ADDRESS`` on a dask cluster (``pip install 'blocgames[dask]'``),
through :func:`solvers.parallel.map_chunks`: every figure is drawn in its worker inside
the house style, so the files are byte-identical whatever the backend, and the
summaries are printed in the order of the figures. ``--progress/--no-progress`` shows a
bar of figures built (default: only on a terminal with tqdm installed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from papers._jobs import build_one
from papers._readme import README_FOLDER, write_readme_images
from papers._registry import all_demos, all_figures, find_figure
from papers._style import FORMATS
from solvers.parallel import resolve_executor
from solvers.progress import ProgressArg, track


def _jobs(text: str) -> int:
    """``--jobs`` value: a positive integer."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"must be a positive integer (1 = build in this process), got {text!r}"
        )
    return jobs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m papers",
        description="Build the blocgames paper figures and print their equilibria.",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("list", help="list the figures and demos")
    build = sub.add_parser("build", help="build some figures (all when no name is given)")
    build.add_argument("names", nargs="*", metavar="NAME", help="figure names (see list)")
    build.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a figure parameter (see list), e.g. --set alpha=13/20; repeat for several",
    )
    for p in (parser, build):
        p.add_argument("--out", default="figures", help="output folder (default: figures)")
        p.add_argument(
            "--format",
            dest="formats",
            action="append",
            type=str.lower,
            choices=FORMATS,
            help="file format, any case; repeat for several (default: png)",
        )
        where = p.add_mutually_exclusive_group()
        where.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            metavar="N",
            help="build on N local processes (default: 1, in this process)",
        )
        where.add_argument(
            "--scheduler",
            metavar="ADDRESS",
            help="build on a dask cluster, e.g. tcp://10.0.0.5:8786",
        )
        p.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="a bar of figures built (default: only on a terminal, with tqdm)",
        )
    readme = sub.add_parser("readme", help="regenerate the README images (docs/figures)")
    readme.add_argument("--out", default=str(README_FOLDER), help="folder (default: docs/figures)")
    demo = sub.add_parser("demo", help="open an interactive classroom demo")
    demo.add_argument("name", help="demo name (see list)")
    demo.add_argument(
        "--web", action="store_true", help="serve the demo as a page on 127.0.0.1 (no desktop)"
    )
    demo.add_argument("--port", type=int, default=0, help="port for --web (default: a free one)")
    demo.add_argument("--open", action="store_true", help="with --web, open a browser tab")
    return parser


def _settings(pairs: Sequence[str]) -> dict[str, str]:
    """``["alpha=0.7", "k=3"]`` -> ``{"alpha": "0.7", "k": "3"}`` (values stay text)."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or not value.strip():
            raise ValueError(f"--set {pair!r}: write NAME=VALUE, e.g. --set alpha=13/20")
        if name in out:
            raise ValueError(f"--set: {name} is set twice")
        out[name] = value
    return out


@contextmanager
def _executor(jobs: int = 1, scheduler: str | None = None) -> Iterator[Any]:
    """What ``--jobs``/``--scheduler`` ask for, for :func:`solvers.parallel.resolve_executor`:
    ``None`` (this process), a process pool (shut down afterwards) or a dask address."""
    if scheduler is not None:
        if jobs != 1:
            raise ValueError("give --jobs or --scheduler, not both")
        yield scheduler
        return
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer (1 = in this process), got {jobs!r}")
    if jobs == 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # workers start clean (no inherited matplotlib state or threads): forked from a server
    # that has imported this module once where the platform has one, else spawned
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        yield pool


def build_figures(
    names: Sequence[str],
    out: Path,
    formats: Sequence[str],
    settings: Mapping[str, str] | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: ProgressArg = None,
) -> list[Path]:
    """Build the named figures (all if ``names`` is empty); print their summaries.

    ``settings`` (parameter name -> value as text) applies to every figure named; with no
    names, to the figures that declare the parameter. ``jobs`` local processes (default
    1: this process) or a dask ``scheduler`` address build the figures; the files and
    the printed summaries (in the order of the figures) do not depend on which.
    ``progress`` counts figures built (see :func:`solvers.progress.track`; default:
    a bar only on a terminal).

    Raises
    ------
    KeyError
        An unknown figure name.
    ValueError
        A parameter that a named figure (or, with no names, every figure) does not
        declare, or a value outside its domain; ``jobs`` below 1, or both ``jobs`` and
        ``scheduler``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> paths = build_figures(["best-response-chicken"], Path(tempfile.mkdtemp()), ["svg"])
    == best-response-chicken: Chicken (lumpy burden sharing, b=4, c=2): best responses ...
    ...
    >>> [p.name for p in paths]
    ['best-response-chicken.svg']
    """
    settings = dict(settings or {})
    specs = [find_figure(n) for n in names] if names else all_figures()
    tasks = []
    for spec in specs:
        declared = {p.name for p in spec.parameters}
        mine = settings if names else {k: v for k, v in settings.items() if k in declared}
        spec.values(mine)  # check every value here, before any work is sent out
        tasks.append((spec.name, mine, str(out), tuple(formats)))
    if not names:
        for name in settings:
            if not any(name in {p.name for p in s.parameters} for s in specs):
                raise ValueError(f"--set {name}: no figure has a parameter {name!r}")
    written: list[Path] = []
    with _executor(jobs, scheduler) as where, resolve_executor(where) as ex:
        results = map(build_one, tasks) if ex is None else ex.map(build_one, tasks)
        # results come in task order: print each summary as soon as its turn comes
        for paths, text in track(results, progress=progress, total=len(tasks), desc="figures"):
            written.extend(Path(p) for p in paths)
            print(text, end="", flush=True)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 on success, 2 on a bad name).

    Examples
    --------
    >>> main(["list"])
    best-response-chicken ...
    0
    """
    args = _parser().parse_args(argv)
    if args.command == "list":
        for spec in all_figures():
            print(f"{spec.name:32s} {spec.description}")
            for parameter in spec.parameters:
                print(f"{'':32s}   --set {parameter.describe()}")
        for name in sorted(all_demos()):
            print(f"demo {name}")
        return 0
    if args.command == "readme":
        for path in write_readme_images(args.out):
            print(path)
        return 0
    if args.command == "demo":
        demos = all_demos()
        if args.name not in demos:
            print(
                f"no demo named {args.name!r}; available: {', '.join(sorted(demos))}",
                file=sys.stderr,
            )
            return 2
        if args.web:
            from papers._web import serve

            return serve(args.name, port=args.port, open_browser=args.open)
        # a demo returns None when it cannot open a window (it has said why on stderr)
        return 0 if demos[args.name]() is not None else 1
    names = args.names if args.command == "build" else []
    try:
        settings = _settings(args.settings if args.command == "build" else [])
        build_figures(
            names,
            Path(args.out),
            args.formats or ["png"],
            settings,
            jobs=args.jobs,
            scheduler=args.scheduler,
            progress=args.progress,
        )
    except KeyError as err:
        print(err.args[0], file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"python -m papers: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
