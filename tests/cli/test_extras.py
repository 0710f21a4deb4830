"""Optional dependencies (extras): a one-line pip hint when one is missing, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.extras import MissingExtra, require


def _block(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import module`` fail as it does when the package is not installed."""
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_require_returns_an_installed_module():
    assert require("json", extra="x", feature="y").dumps([]) == "[]"


def test_require_names_the_extra_of_a_missing_module(monkeypatch):
    _block(monkeypatch, "fkg_invented_package")
    with pytest.raises(MissingExtra, match=r"^widgets needs fkg_invented_package: pip install 'filing-kg\[widgets\]'$"):
        require("fkg_invented_package.sub", extra="widgets", feature="widgets")


@pytest.fixture
def empty_store(tmp_path):
    from graph.store import open_store

    path = tmp_path / "store"
    with open_store(path):
        pass
    return path


def _one_error_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def test_draw_without_matplotlib_prints_the_pip_line(monkeypatch, empty_store, tmp_path):
    _block(monkeypatch, "matplotlib", "matplotlib.figure", "matplotlib.lines")
    res = CliRunner().invoke(main, ["draw", "Anyone", "--store", str(empty_store), "-o", str(tmp_path / "p.svg")])
    assert res.exit_code == 1
    assert _one_error_line(res.output) == "error: draw needs matplotlib: pip install 'filing-kg[draw]'"
    assert not (tmp_path / "p.svg").exists()


def test_export_neo4j_without_the_driver_prints_the_pip_line(monkeypatch, empty_store):
    _block(monkeypatch, "neo4j")
    res = CliRunner().invoke(main, ["export", "neo4j", "--uri", "bolt://127.0.0.1:1", "--store", str(empty_store)])
    assert res.exit_code == 1
    assert _one_error_line(res.output) == "error: export neo4j needs neo4j: pip install 'filing-kg[neo4j]'"


def test_cli_and_view_stage_import_without_the_extras():
    """Only `draw` and the push need the extras: importing the CLI, draw and the driver module must not."""
    code = ("import sys; sys.modules['matplotlib'] = None; sys.modules['neo4j'] = None; "
            "import graph.cli, graph.view, graph.view.draw, graph.export.neo4j_driver")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_term_conversion_round_trips_plain_literals_as_equal():
    """The reason convert.py keeps its own conversion: a plain literal comes back plain, not xsd:string."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from graph.rdf.convert import from_ox, to_ox

    for term in [Literal("Jane Roe"), Literal("Jane", lang="en"), Literal("7", datatype=XSD.integer),
                 URIRef("https://example.org/a"), BNode("b1")]:
        back = from_ox(to_ox(term))
        assert back == term and type(back) is type(term)
    assert from_ox(to_ox(Literal("x", datatype=XSD.string))) == Literal("x")


def test_no_module_imports_oxrdflib():
    """oxrdflib is not a dependency: nothing in the package may import it."""
    import ast
    from pathlib import Path

    import graph

    found = []
    for path in Path(graph.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "oxrdflib"]
    assert found == []
