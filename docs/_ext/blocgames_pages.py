"""Generate the reference pages and the figure gallery at build time.

The pages are written from the code itself -- public packages and their ``__all__``,
``papers._registry.all_figures()`` -- so a new subpackage or figure appears in the docs
without editing any list.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import textwrap
from pathlib import Path
from types import ModuleType

TOP = ("games", "solvers", "papers")


def public_modules() -> list[ModuleType]:
    """Every public package/module of the top-level packages, sorted by name."""
    found = []
    for top in TOP:
        pkg = importlib.import_module(top)
        found.append(pkg)
        for info in pkgutil.walk_packages(pkg.__path__, top + "."):
            if any(part.startswith("_") for part in info.name.split(".")):
                continue
            found.append(importlib.import_module(info.name))
    return sorted(found, key=lambda m: m.__name__)


def _exported(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None) or []
    return [
        n
        for n in names
        if not n.startswith("_")
        and hasattr(module, n)
        and not inspect.ismodule(getattr(module, n))
    ]


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def write_reference(src: Path) -> None:
    """``reference/index.rst`` and one page per public module (autosummary of ``__all__``).

    An object exported by several packages is listed once, at the most specific one.
    """
    out = src / "reference"
    out.mkdir(exist_ok=True)
    modules = public_modules()
    home: dict[int, str] = {}
    for module in modules:  # sorted: deeper names come later and win
        for name in _exported(module):
            obj = getattr(module, name)
            key = id(obj)
            if key not in home or module.__name__.count(".") >= home[key].count("."):
                home[key] = module.__name__
    pages = []
    for module in modules:
        mod = module.__name__
        names = [n for n in _exported(module) if home[id(getattr(module, n))] == mod]
        lines = [
            mod,
            "=" * len(mod),
            "",
            f".. automodule:: {mod}",
            "   :no-members:",
            "",
            f".. currentmodule:: {mod}",
            "",
        ]
        if names:
            lines += [
                ".. autosummary::",
                "   :toctree: generated",
                "   :nosignatures:",
                "",
                *[f"   {n}" for n in sorted(names)],
                "",
            ]
        _write(out / f"{mod}.rst", "\n".join(lines))
        pages.append(mod)
    index = [
        "Reference",
        "=========",
        "",
        "Every public name, from the docstrings. Each page is a public package (its",
        "façade ``__init__``) and lists its ``__all__``; this index is generated from the",
        "code at build time.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *[f"   {p}" for p in pages],
        "",
    ]
    _write(out / "index.rst", "\n".join(index))


def _source_of(build) -> str:
    """The builder's code and the source of the papers functions it calls."""
    try:
        parts = [textwrap.dedent(inspect.getsource(build)).strip()]
    except (OSError, TypeError):
        return f"# see {build.__module__}"
    names = list(build.__code__.co_names)
    if build.__closure__:
        names += [c.cell_contents.__name__ for c in build.__closure__ if callable(c.cell_contents)]
    seen = set()
    for name in names:
        obj = build.__globals__.get(name)
        if obj is None or name in seen or not inspect.isfunction(obj):
            continue
        if not getattr(obj, "__module__", "").startswith("papers"):
            continue
        seen.add(name)
        try:
            parts.append(textwrap.dedent(inspect.getsource(obj)).strip())
        except (OSError, TypeError):
            continue
    return "\n\n\n".join(parts)


def write_gallery(src: Path, outdir: Path) -> None:
    """``gallery.rst``: every registered figure, built as PNG next to the HTML pages."""
    from papers._registry import all_figures
    from papers._style import save, use_style

    images = outdir / "_gallery"
    images.mkdir(parents=True, exist_ok=True)
    lines = [
        "Gallery",
        "=======",
        "",
        "Every figure that ``python -m papers`` builds, generated from the figure registry",
        "(``papers._registry.all_figures()``) when these pages are built. Each entry shows",
        "the figure, what it shows (the summary the command line prints) and the code that",
        "makes it. Build one yourself with ``python -m papers build NAME``.",
        "",
    ]
    for spec in all_figures():
        with use_style():
            fig = spec.build()
        save(fig, images / spec.name, "png")
        code = _source_of(spec.build)
        module = getattr(spec.build, "__module__", "papers")
        summary = textwrap.dedent(spec.summary()).strip()
        lines += [
            spec.name,
            "-" * len(spec.name),
            "",
            spec.description.replace("*", r"\*"),
            "",
            "Source: " + spec.citation().replace("*", r"\*"),
            "",
            *(
                [
                    "Parameters (``--set NAME=VALUE``): "
                    + ", ".join(f"``{p.describe()}``" for p in spec.parameters),
                    "",
                ]
                if spec.parameters
                else []
            ),
            ".. raw:: html",
            "",
            f'   <img src="_gallery/{spec.name}.png" alt="{spec.name}" style="max-width:100%">',
            "",
            "What it shows::",
            "",
            textwrap.indent(summary, "   "),
            "",
            f"The code (from :mod:`{module}`; the data and drawing functions it calls are",
            "documented in the reference):",
            "",
            ".. code-block:: python",
            "",
            textwrap.indent(code, "   "),
            "",
            f"Command: ``python -m papers build {spec.name}``",
            "",
        ]
    _write(src / "gallery.rst", "\n".join(lines))


def _on_config_inited(app, config) -> None:
    src = Path(app.srcdir)
    write_reference(src)
    write_gallery(src, Path(app.outdir))


def setup(app):
    app.connect("config-inited", _on_config_inited, priority=400)
    app.connect("missing-reference", _on_missing_reference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def _public_path(target: str) -> str:
    """Drop private modules from a dotted path: ``a._b.c`` -> ``c`` is looked up by suffix."""
    parts = target.split(".")
    if any(p.startswith("_") and not p.startswith("__") for p in parts[:-1]):
        return parts[-1]
    return target


def _on_missing_reference(app, env, node, contnode):
    """Resolve names re-exported by a façade (``games.NormalFormGame``), short names used in
    module docstrings and paths through private modules, to the one page that documents
    the object; ambiguous names go to the candidate nearest the referring module."""
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    target = node["reftarget"].lstrip("~.")
    here = node.get("py:class") or ""
    module = node.get("py:module") or ""
    objects = domain.objects
    if node["reftype"] == "mod":
        parts = [p for p in target.split(".") if not p.startswith("_")]
        while parts:
            name = ".".join(parts)
            if name in domain.modules:
                return domain.resolve_xref(
                    env, node["refdoc"], app.builder, "mod", name, node, contnode
                )
            parts.pop()
        return None
    short = _public_path(target)
    tail = short.split(".")[-1]
    candidates = [
        name
        for name in objects
        if name == short
        or name.endswith("." + short)
        or (short != target and name.endswith("." + tail))
    ]
    if not candidates and "." in short:  # games.NormalFormGame -> games.normal_form.NormalFormGame
        head, _, rest = short.partition(".")
        candidates = [n for n in objects if n.startswith(head + ".") and n.endswith("." + rest)]
    if not candidates:
        return None
    context = f"{module}.{here}" if here else module

    def closeness(name: str) -> int:
        n = 0
        for a, b in zip(name.split("."), context.split("."), strict=False):
            if a != b:
                break
            n += 1
        return n

    best = max(candidates, key=lambda n: (closeness(n), -len(n)))
    return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", best, node, contnode)
