"""The format registry (lazy, pluggable) and the `filing-kg export` command."""

from __future__ import annotations

import json
import sys
import types

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from graph.cli import main
from graph.export import ExportError, ExportResult, formats, get, register, unregister


def test_builtin_formats_and_kinds():
    names = {e.name: e.kind for e in formats()}
    assert names == {
        "turtle": "rdf", "ntriples": "rdf", "nquads": "rdf", "trig": "rdf", "jsonld": "rdf", "rdfxml": "rdf",
        "graphml": "graph", "gexf": "graph", "nodelink": "graph",
        "neo4j-admin": "neo4j", "cypher": "neo4j", "neo4j": "push",
    }
    assert get("TTL").name == "turtle" and get("nq").name == "nquads"
    for e in formats():
        module, _, fn = e.target.partition(":")
        assert module.startswith("graph.export.") and fn


def test_unknown_format_suggests():
    with pytest.raises(ExportError, match="did you mean graphml"):
        get("graphm")


def test_loading_is_lazy_and_failures_are_clear():
    register("broken", "graph.export.no_such_module:export", kind="graph", suffix=".x", help="broken")
    try:
        assert get("broken").name == "broken"  # registering imported nothing
        with pytest.raises(ExportError, match="cannot load"):
            get("broken").load()
    finally:
        unregister("broken")
    with pytest.raises(ExportError):
        register("bad", "no-colon", kind="graph", suffix=".x", help="")
    with pytest.raises(ExportError):
        register("bad", "a:b", kind="nonsense", suffix=".x", help="")


@pytest.fixture
def plugin(monkeypatch):
    """A format from outside the package, registered without touching the CLI."""
    module = types.ModuleType("fkg_test_plugin")

    def export(dataset: Dataset, destination, *, greeting="hi", **_):
        from graph.export.projection import to_property_graph

        g = to_property_graph(dataset)
        destination.write_text(json.dumps({"greeting": greeting, "nodes": g.number_of_nodes()}))
        return ExportResult("ignored", str(destination), {"nodes": g.number_of_nodes()}, [destination])

    module.export = export
    monkeypatch.setitem(sys.modules, "fkg_test_plugin", module)
    register("count", "fkg_test_plugin:export", kind="graph", suffix=".json", help="node count", greeting="hello")
    yield
    unregister("count")


def test_plugin_shows_in_the_cli_and_runs(plugin, store_dir, tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["export", "--list"])
    assert listed.exit_code == 0 and "count" in listed.output and "node count" in listed.output
    out = tmp_path / "count.json"
    res = runner.invoke(main, ["export", "--format", "count", "--out", str(out), "--store", str(store_dir)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("count: ")  # the result carries the registered name
    assert json.loads(out.read_text())["greeting"] == "hello"


def test_cli_list_and_help():
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--list"])
    assert res.exit_code == 0
    assert {line.split()[0] for line in res.output.splitlines()} >= {"turtle", "graphml", "neo4j-admin", "cypher"}
    for args in (["export", "--help"], ["export", "neo4j", "--help"]):
        res = runner.invoke(main, args)
        assert res.exit_code == 0 and "Example:" in res.output
    res = runner.invoke(main, ["export"])
    assert res.exit_code == 2 and "--format" in res.output


def test_cli_exports(store_dir, tmp_path):
    runner = CliRunner()
    ttl = tmp_path / "g.ttl"
    res = runner.invoke(main, ["export", "--format", "turtle", "--out", str(ttl), "--store", str(store_dir)])
    assert res.exit_code == 0, res.output
    assert "triples" in res.output and len(Graph().parse(ttl)) > 100

    doc = "002_d72a9ef88ce946c1.txt"
    trig = tmp_path / "doc.trig"
    res = runner.invoke(main, ["export", "--format", "trig", "--out", str(trig), "--store", str(store_dir),
                               "--document", doc])
    assert res.exit_code == 0, res.output
    back = Dataset()
    back.parse(trig, format="trig")
    assert [str(g.identifier) for g in back.graphs() if len(g)] == [
        "https://w3id.org/filing-kg/id/graph/002_d72a9ef88ce946c1.txt"]

    gml = tmp_path / "hood.graphml"
    res = runner.invoke(main, ["export", "--format", "graphml", "--out", str(gml), "--store", str(store_dir),
                               "--entity", "Innovo Group Inc.", "--depth", "1"])
    assert res.exit_code == 0, res.output
    g = nx.read_graphml(gml, force_multigraph=True)
    assert any(d.get("name") == "Innovo Group Inc." for _, d in g.nodes(data=True))

    rq = tmp_path / "officers.rq"
    rq.write_text("CONSTRUCT { ?p fkg:officerOf ?c } WHERE { ?p fkg:officerOf ?c }", encoding="utf-8")
    nt = tmp_path / "officers.nt"
    res = runner.invoke(main, ["export", "--format", "nt", "--out", str(nt), "--store", str(store_dir),
                               "--construct", str(rq)])
    assert res.exit_code == 0, res.output
    assert all("officerOf" in line for line in nt.read_text().splitlines() if line)

    bundle = tmp_path / "bundle"
    res = runner.invoke(main, ["export", "--format", "neo4j-admin", "--out", str(bundle), "--store", str(store_dir)])
    assert res.exit_code == 0 and (bundle / "README.md").is_file()


def test_cli_errors(store_dir, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--format", "nope", "--out", str(tmp_path / "x")])
    assert res.exit_code == 1 and "unknown export format" in res.output
    res = runner.invoke(main, ["export", "--format", "neo4j", "--store", str(store_dir)])
    assert res.exit_code == 1 and "export neo4j --uri" in res.output
    res = runner.invoke(main, ["export", "--format", "turtle", "--store", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "no store" in res.output
    res = runner.invoke(main, ["export", "--format", "turtle", "--store", str(store_dir), "--out",
                               str(tmp_path / "x.ttl"), "--entity", "Nobody At All"])
    assert res.exit_code == 1 and "no entity named" in res.output
