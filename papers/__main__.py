"""Command line: ``python -m papers [list | build [NAME ...] [--set P=V] | readme | demo NAME]``.

``demo NAME --web`` serves the demo as a page on a local server.
With no command it builds every figure into ``--out`` (default ``figures/``) and prints
each figure's equilibria and key points. ``build NAME --set alpha=0.7 --set k=3`` builds a
figure with other parameter values (``list`` shows each figure's parameters and domains);
values are integers, fractions ``p/q`` or decimals, never evaluated. A figure built with
values set is written as ``NAME--alpha-0.7--k-3.png``, next to the published one.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Mapping, Sequence
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


def build_figures(
    names: Sequence[str],
    out: Path,
    formats: Sequence[str],
    settings: Mapping[str, str] | None = None,
) -> list[Path]:
    """Build the named figures (all if ``names`` is empty); print their summaries.

    ``settings`` (parameter name -> value as text) applies to every figure named; with no
    names, to the figures that declare the parameter.

    Raises
    ------
    KeyError
        An unknown figure name.
    ValueError
        A parameter that a named figure (or, with no names, every figure) does not
        declare, or a value outside its domain.

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
    plans = []
    for spec in specs:
        declared = {p.name for p in spec.parameters}
        mine = settings if names else {k: v for k, v in settings.items() if k in declared}
        plans.append((spec, mine, spec.values(mine)))
    if not names:
        for name in settings:
            if not any(name in {p.name for p in s.parameters} for s in specs):
                raise ValueError(f"--set {name}: no figure has a parameter {name!r}")
    written: list[Path] = []
    for spec, mine, values in plans:
        with use_style():
            fig = spec.build(**values) if spec.parameters else spec.build()
        stem = spec.file_stem(mine)
        for fmt in formats:
            written.append(save(fig, out / stem, fmt, **spec.file_metadata(values)))
        summary = spec.summary(**values) if spec.parameters else spec.summary()
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        print(f"== {spec.name}: {spec.description}" + (f" [{shown}]" if shown else ""))
        print(textwrap.indent(textwrap.dedent(summary).strip(), "   "))
        print(f"   -> {', '.join(str(out / f'{stem}.{f}') for f in formats)}")
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
        build_figures(names, Path(args.out), args.formats or ["png"], settings)
    except KeyError as err:
        print(err.args[0], file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"python -m papers: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
