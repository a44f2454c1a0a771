"""Project-level promises: the README's commands, CI, and the layering of the packages."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    """The shell commands in the README's fenced ``bash`` blocks."""
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_commands = [c for c in readme_commands() if "pytest" in c]
    assert len(test_commands) == 1, test_commands
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_commands[0] in ci_lines
    assert any(line.startswith(".venv/bin/ruff check") for line in ci_lines)
    assert ".venv/bin/ruff format --check ." in ci_lines
    assert ".venv/bin/mypy" in ci_lines


def test_readme_main_job_builds_the_figures() -> None:
    main = [c for c in readme_commands() if "python -m papers" in c]
    assert len(main) == 1 and "pip install" in main[0], main


@pytest.mark.parametrize("package", ["games", "solvers"])
def test_importing_models_and_solvers_does_not_import_matplotlib(package: str) -> None:
    code = (
        f"import sys, {package}, pkgutil, importlib\n"
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        f"    importlib.import_module(m.name)\n"
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("solvers", {"games", "papers", "matplotlib"}), ("games", {"papers", "matplotlib"})],
)
def test_layers_point_one_way(package: str, forbidden: set[str]) -> None:
    """papers -> games -> solvers: no module imports a layer above it. matplotlib may be
    imported inside a function (a result's ``.plot()``), never at module level."""
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text())
        lazy = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in forbidden
                and not (n.split(".")[0] == "matplotlib" and id(node) in lazy)
            ]
    assert offenders == []


def _subpackage(module: str) -> str:
    """The family a module belongs to: ``solvers.finite._vertex`` -> ``solvers.finite``;
    top-level modules belong to their package (``solvers._numbers`` -> ``solvers``)."""
    parts = module.split(".")
    path = ROOT.joinpath(*parts[:-1])
    return ".".join(parts[:-1]) if (path / "__init__.py").exists() else parts[0]


def _private_imports(package: str) -> list[str]:
    """``from X import _name`` or ``import X._mod`` across families, for every module."""
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
            own = ".".join(parts)
        else:
            own = _subpackage(".".join(parts))
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if node.module.split(".")[0] not in ("games", "solvers", "papers"):
                continue
            segments = node.module.split(".")
            private_at = next((k for k, s in enumerate(segments) if s.startswith("_")), None)
            names = [a.name for a in node.names]
            if private_at is not None:
                owner = ".".join(segments[:private_at])
            elif any(n.startswith("_") for n in names):
                owner = (
                    node.module
                    if (ROOT.joinpath(*segments) / "__init__.py").exists()
                    else (_subpackage(node.module))
                )
            else:
                continue
            inside = own == owner or own.startswith(owner + ".")
            if not inside:
                offenders.append(f"{'.'.join(rel.parts)}: from {node.module} import {names}")
    return offenders


@pytest.mark.parametrize("package", ["games", "solvers", "papers"])
def test_no_private_name_crosses_a_family(package: str) -> None:
    """Private modules and names are used only inside their own subpackage (family)."""
    assert _private_imports(package) == []
