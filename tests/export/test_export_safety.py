"""No broken files, no lost good one: names with XML-forbidden characters, and failures mid-write.

A filing's SGML header can carry a control character into an entity name; every XML
format must still be well-formed and keep the rest of the name. A writer that fails
halfway must leave an earlier output byte-identical and no temporary file behind.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal

from graph.export import ExportError, export
from graph.export import graphtools, neo4j_admin, neo4j_cypher, rdf
from graph.export.base import atomic_file, text_safe, xml_safe

#: NUL, SOH, vertical tab, U+FFFE and a lone surrogate (what surrogateescape makes of a bad byte)
BAD_NAME = "Innovo\x00\x01 Group\x0b Inc\ufffe.\udc80 Holdings"
CLEAN_XML = "Innovo Group  Inc.\ufffd Holdings"


@pytest.fixture
def bad_dataset(sample):
    from graph.pipeline import to_dataset

    ex = sample.innovo_extraction()
    ex.entities[sample.INNOVO].name = BAD_NAME
    return to_dataset([ex])


def test_xml_safe_keeps_the_rest_of_the_name():
    assert xml_safe(BAD_NAME) == CLEAN_XML
    assert text_safe(BAD_NAME) == BAD_NAME.replace("\udc80", "\ufffd")
    assert xml_safe("tab\tnewline\ncr\r") == "tab\tnewline\ncr\r"


def _strict_parse(path: Path) -> None:
    ET.parse(path)  # raises ParseError on any forbidden character
    lxml = pytest.importorskip("lxml.etree")
    lxml.parse(str(path), lxml.XMLParser(recover=False))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_xml_formats_are_well_formed_with_bad_names(bad_dataset, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(fmt, bad_dataset, path)
    _strict_parse(path)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert CLEAN_XML in {data.get("label") for _, data in back.nodes(data=True)}


def test_rdfxml_is_well_formed_with_bad_names(bad_dataset, tmp_path):
    path = tmp_path / "g.rdf"
    export("rdfxml", bad_dataset, path)
    _strict_parse(path)
    back = Graph().parse(path, format="xml")
    assert Literal(CLEAN_XML) in set(back.objects())


def test_rdfxml_from_a_store_is_well_formed(sample, tmp_path):
    """The whole-store path: Oxigraph holds the control characters (it cannot hold a lone surrogate)."""
    from graph.pipeline import to_dataset
    from graph.store import open_store

    ex = sample.innovo_extraction()
    ex.entities[sample.INNOVO].name = BAD_NAME.replace("\udc80", "")
    with open_store(None) as store:
        store.add_dataset(to_dataset([ex]))
        export("rdfxml", store, tmp_path / "s.rdf")  # the whole-store fast path (a pyoxigraph Store)
    _strict_parse(tmp_path / "s.rdf")
    assert Literal("Innovo Group  Inc. Holdings") in set(Graph().parse(tmp_path / "s.rdf", format="xml").objects())


def test_nodelink_json_and_cypher_stay_valid_with_bad_names(bad_dataset, tmp_path):
    export("nodelink", bad_dataset, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert text_safe(BAD_NAME) in {n.get("name") for n in data["nodes"]}  # controls escaped, kept
    export("cypher", bad_dataset, tmp_path / "g.cypher")
    script = (tmp_path / "g.cypher").read_text(encoding="utf-8")
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in script)
    assert "Innovo\\u0000\\u0001 Group\\u000b Inc" in script


def test_neo4j_csv_has_no_nul_and_keeps_the_name(bad_dataset, tmp_path):
    export("neo4j-admin", bad_dataset, tmp_path / "bundle")
    names = set()
    for path in (tmp_path / "bundle").glob("*.csv"):
        raw = path.read_bytes()
        assert b"\x00" not in raw, path.name
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        names |= {row.get("name:string") for row in rows}
    assert "Innovo\x01 Group\x0b Inc\ufffe.\ufffd Holdings" in names


# ------------------------------------------------------------------ failures mid-write


def _partial_then_fail(path_arg: int = 1):
    """A stand-in serialiser that writes half a file at its output, then fails like a full disk."""
    def fake(*args, **kwargs):
        out = args[path_arg] if len(args) > path_arg else kwargs.get("output") or kwargs.get("path")
        Path(out).write_bytes(b"<half")
        raise OSError(28, "No space left on device")
    return fake


def _cypher_lines_then_fail(model, batch_size):
    yield "// first line"
    raise OSError(28, "No space left on device")


def _nodes_then_fail(self):
    raise OSError(28, "No space left on device")


#: format -> (file name, what to break: (object, attribute, replacement))
FAILURES = {
    "turtle": ("g.ttl", lambda: (rdf.ox, "serialize", _partial_then_fail())),
    "ntriples": ("g.nt", lambda: (rdf.ox, "serialize", _partial_then_fail())),
    "nquads": ("g.nq", lambda: (rdf.ox, "serialize", _partial_then_fail())),
    "trig": ("g.trig", lambda: (rdf.ox, "serialize", _partial_then_fail())),
    "rdfxml": ("g.rdf", lambda: (rdf.ox, "serialize", _partial_then_fail())),
    "jsonld": ("g.jsonld", lambda: (rdf, "_write_jsonld", _partial_then_fail())),
    "graphml": ("g.graphml", lambda: (graphtools.nx, "write_graphml", _partial_then_fail())),
    "gexf": ("g.gexf", lambda: (graphtools.nx, "write_gexf", _partial_then_fail())),
    # a value json cannot encode, after the nodes: json.dump has written half the file
    "nodelink": ("g.json", lambda: (graphtools, "node_link", lambda g: {"nodes": [1, 2], "edges": [object()]})),
    "cypher": ("g.cypher", lambda: (neo4j_cypher, "script_lines", _cypher_lines_then_fail)),
    "neo4j-admin": ("bundle", lambda: (neo4j_admin._Bundle, "write_relationships", _nodes_then_fail)),
}


def _snapshot(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("fmt", sorted(FAILURES))
def test_failed_export_leaves_the_good_output_and_no_temp_file(dataset, tmp_path, monkeypatch, fmt):
    name, breakage = FAILURES[fmt]
    target = tmp_path / name
    export(fmt, dataset, target)
    before = _snapshot(target)
    assert all(before.values())
    monkeypatch.setattr(*breakage())
    with pytest.raises(ExportError):
        export(fmt, dataset, target)
    assert _snapshot(target) == before
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no .tmp / .old left beside it


@pytest.mark.parametrize("fmt", ["graphml", "neo4j-admin"])
def test_failed_first_export_leaves_nothing(dataset, tmp_path, monkeypatch, fmt):
    name, breakage = FAILURES[fmt]
    monkeypatch.setattr(*breakage())
    with pytest.raises(ExportError):
        export(fmt, dataset, tmp_path / name)
    assert list(tmp_path.iterdir()) == []  # neither a 0-byte file nor an empty bundle


def test_any_exception_removes_the_temporary_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("good")
    with pytest.raises(KeyboardInterrupt), atomic_file(target) as tmp:
        tmp.write_text("half")
        raise KeyboardInterrupt
    assert target.read_text() == "good" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_bundle_is_not_swapped_over_a_folder_of_other_files(dataset, tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not part of the bundle"):
        export("neo4j-admin", dataset, folder)
    assert _snapshot(folder) == {"notes.txt": b"mine"}


def test_file_format_onto_a_folder_is_an_export_error(dataset, tmp_path):
    (tmp_path / "g.ttl").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export("turtle", dataset, tmp_path / "g.ttl")
