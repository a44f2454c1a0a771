"""Command line: ``python -m papers [list | build [NAME ...] | readme | demo NAME [--web]]``.

With no command it builds every figure into ``--out`` (default ``figures/``) and prints
each figure's equilibria and key points.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from papers._readme import README_FOLDER, write_readme_images
from papers._registry import all_demos, all_figures, find_figure
from papers._style import FORMATS, save, use_style


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m papers",
        description="Build the blocgames paper figures and print their equilibria.",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("list", help="list the figures and demos")
    build = sub.add_parser("build", help="build some figures (all when no name is given)")
    build.add_argument("names", nargs="*", metavar="NAME", help="figure names (see list)")
    for p in (parser, build):
        p.add_argument("--out", default="figures", help="output folder (default: figures)")
        p.add_argument(
            "--format",
            dest="formats",
            action="append",
            choices=FORMATS,
            help="file format; repeat for several (default: png)",
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


def build_figures(names: Sequence[str], out: Path, formats: Sequence[str]) -> list[Path]:
    """Build the named figures (all if ``names`` is empty); print their summaries.

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
    specs = [find_figure(n) for n in names] if names else all_figures()
    written: list[Path] = []
    for spec in specs:
        with use_style():
            fig = spec.build()
        for fmt in formats:
            written.append(save(fig, out / spec.name, fmt))
        print(f"== {spec.name}: {spec.description}")
        print(textwrap.indent(textwrap.dedent(spec.summary()).strip(), "   "))
        print(f"   -> {', '.join(str(out / f'{spec.name}.{f}') for f in formats)}")
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
        build_figures(names, Path(args.out), args.formats or ["png"])
    except KeyError as err:
        print(err.args[0], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
