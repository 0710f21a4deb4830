"""GraphML and GEXF read back with networkx with the same nodes, edges and attributes; node-link is JSON."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.export import export
from graph.export.graphtools import COLOURS, flatten, for_gephi, unflatten
from graph.export.projection import to_property_graph


def assert_same_graph(expected: nx.MultiDiGraph, back: nx.MultiDiGraph, ignore_edge: set[str] = frozenset()) -> None:
    assert set(back.nodes) == set(expected.nodes)
    assert set(back.edges(keys=True)) == set(expected.edges(keys=True))
    for node, data in expected.nodes(data=True):
        assert dict(back.nodes[node]) == dict(data), node
    for u, v, key, data in expected.edges(keys=True, data=True):
        got = {k: x for k, x in back.edges[u, v, key].items() if k not in ignore_edge}
        assert got == dict(data), (u, v, key)


@pytest.fixture
def projected(dataset):
    return to_property_graph(dataset)


def test_graphml_round_trip(dataset, projected, tmp_path):
    result = export("graphml", dataset, tmp_path / "g.graphml")
    assert result.counts == {"nodes": projected.number_of_nodes(), "edges": projected.number_of_edges()}
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.is_directed() and back.is_multigraph()
    assert_same_graph(for_gephi(projected, gexf=False), back)


def test_gexf_round_trip(dataset, projected, tmp_path):
    export("gexf", dataset, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    # GEXF stores the edge key as the edge id, which networkx also reports as an attribute
    assert_same_graph(for_gephi(projected, gexf=True), back, ignore_edge={"id"})
    assert all(back.edges[e]["id"] == e[2] for e in back.edges(keys=True))


def test_lists_survive_as_json_strings(dataset, projected, tmp_path):
    export("graphml", dataset, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    gephi = {"label", "type", "r", "g", "b", "size"}
    for node, data in projected.nodes(data=True):
        got = back.nodes[node]
        assert {k: unflatten(v) for k, v in got.items() if k not in gephi} == {k: v for k, v in data.items() if k != "label"}
        assert got["type"] == data["label"]


def test_round_trip_comparison_can_fail(dataset, projected, tmp_path):
    export("graphml", dataset, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    node = next(iter(back.nodes))
    back.nodes[node]["name"] = "changed"
    with pytest.raises(AssertionError):
        assert_same_graph(for_gephi(projected, gexf=False), back)


def test_flatten_makes_mixed_types_text():
    g = nx.MultiDiGraph()
    g.add_node("a", v=1, tags=["x", "y"])
    g.add_node("b", v="n/a")
    flat = flatten(g)
    assert flat.nodes["a"] == {"v": "1", "tags": '["x", "y"]'} and flat.nodes["b"] == {"v": "n/a"}
    assert g.nodes["a"]["tags"] == ["x", "y"]  # the original is untouched


def test_nodelink_json(dataset, projected, tmp_path):
    export("nodelink", dataset, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == projected.number_of_nodes() and len(data["edges"]) == projected.number_of_edges()
    back = nx.node_link_graph(data, edges="edges")
    assert_same_graph(projected, back)  # lists stay lists


def test_gephi_sees_names_types_colours_and_sizes(dataset, projected, tmp_path):
    export("gexf", dataset, tmp_path / "g.gexf")
    export("graphml", dataset, tmp_path / "g.graphml")
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    graphml = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert "viz:color" in text and "viz:size" in text
    people = [n for n, d in projected.nodes(data=True) if d["label"] == "Person"]
    assert people
    for node in people:
        name = projected.nodes[node]["name"]
        for back in (gexf, graphml):
            assert back.nodes[node]["label"] == name and back.nodes[node]["type"] == "Person"
        assert tuple(gexf.nodes[node]["viz"]["color"][c] for c in "rgb") == COLOURS["Person"]
        assert tuple(graphml.nodes[node][c] for c in "rgb") == COLOURS["Person"]
        assert graphml.nodes[node]["size"] == gexf.nodes[node]["viz"]["size"] > 0
    labels = {d["label"] for _, d in gexf.nodes(data=True)}
    assert not labels & {"Company", "Person"}  # names, not classes
