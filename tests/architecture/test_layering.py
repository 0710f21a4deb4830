"""The flow reads from the folder names: a stage never imports a later one.

source -> text -> mentions -> entities -> rdf -> store -> query -> export -> view.
Every import is counted, also those inside functions (a lazy import is still a
dependency). Shared foundations (model, errors, log, config, timing, normalize)
import no stage at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "graph"
STAGES = ["source", "text", "mentions", "entities", "rdf", "store", "query", "export", "view"]
FOUNDATIONS = ["model", "errors", "log", "config", "timing", "normalize", "progress", "extras"]


def _module_files(name: str) -> list[Path]:
    folder = PACKAGE / name
    if folder.is_dir():
        return sorted(folder.rglob("*.py"))
    return [PACKAGE / f"{name}.py"]


def graph_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level graph subpackage) for every import of ``graph.*`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "graph" else [f"graph.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "graph" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


def later_imports(stage: str) -> list[str]:
    later = set(STAGES[STAGES.index(stage) + 1 :])
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports graph.{target}"
        for path in _module_files(stage)
        for line, target in graph_imports(path)
        if target in later
    ]


@pytest.mark.parametrize("stage", STAGES)
def test_stage_never_imports_a_later_stage(stage: str) -> None:
    assert later_imports(stage) == []


@pytest.mark.parametrize("name", FOUNDATIONS)
def test_foundations_import_no_stage(name: str) -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports graph.{target}"
        for path in _module_files(name)
        for line, target in graph_imports(path)
        if target in STAGES
    ]
    assert bad == []


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    """A lazy import inside a function is found (so the check can fail)."""
    f = tmp_path / "m.py"
    f.write_text("def f():\n    from graph.view import html\n    import graph.store.sparql\n", encoding="utf-8")
    assert graph_imports(f) == [(2, "view"), (3, "store")]


def test_every_stage_exists() -> None:
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
