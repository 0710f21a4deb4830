"""The neo4j-admin bundle against the documented CSV header format and import command."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shlex

import pytest

from graph.export import export
from graph.export.neo4j_admin import ARRAY_DELIMITER
from graph.export.projection import to_property_graph

TYPES = ("int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
         "date", "localtime", "time", "localdatetime", "datetime", "duration")
# <name>:<field_type> per the import tool's header format
ID_FIELD = re.compile(r"^(?P<name>[A-Za-z_]\w*)?:(?P<field>ID|START_ID|END_ID)(?:\((?P<space>[A-Za-z][\w-]*)\))?$")
SPECIAL = re.compile(r"^:(?P<field>LABEL|TYPE|IGNORE)$")
PROPERTY = re.compile(rf"^(?P<name>[A-Za-z_]\w*)(?::(?P<type>{'|'.join(TYPES)})(?P<array>\[\])?)?$")
LABEL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
REL_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def parse_header(header: list[str]) -> list[dict]:
    fields = []
    for raw in header:
        if m := ID_FIELD.match(raw):
            fields.append({"field": m["field"], "name": m["name"], "space": m["space"]})
        elif m := SPECIAL.match(raw):
            fields.append({"field": m["field"]})
        elif m := PROPERTY.match(raw):
            fields.append({"field": "property", "name": m["name"], "type": m["type"] or "string",
                           "array": bool(m["array"])})
        else:
            raise AssertionError(f"header field {raw!r} is not in the import tool's grammar")
    return fields


def check_value(field: dict, text: str) -> None:
    if text == "":
        return  # empty field: no property
    values = text.split(ARRAY_DELIMITER) if field["array"] else [text]
    for value in values:
        kind = field["type"]
        if kind in ("int", "long"):
            int(value)
        elif kind in ("float", "double"):
            float(value)
        elif kind == "boolean":
            assert value in ("true", "false")
        elif kind == "date":
            dt.date.fromisoformat(value)


def read(path) -> tuple[list[dict], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return parse_header(rows[0]), rows[1:]


@pytest.fixture
def bundle(dataset, tmp_path):
    result = export("neo4j-admin", dataset, tmp_path / "bundle")
    return tmp_path / "bundle", result


def test_header_grammar_and_values(bundle, dataset):
    folder, result = bundle
    graph = to_property_graph(dataset)
    ids: dict[str, set[str]] = {}
    node_count = 0
    for path in sorted(folder.glob("nodes_*.csv")):
        fields, rows = read(path)
        id_fields = [f for f in fields if f["field"] == "ID"]
        assert len(id_fields) == 1 and id_fields[0]["space"] and id_fields[0]["name"] == "id", path.name
        assert [f["field"] for f in fields].count("LABEL") == 1
        assert not {f["field"] for f in fields} & {"START_ID", "END_ID", "TYPE"}
        space = id_fields[0]["space"]
        for row in rows:
            assert len(row) == len(fields)
            for field, value in zip(fields, row):
                if field["field"] == "ID":
                    ids.setdefault(space, set()).add(value)
                    assert value in graph
                elif field["field"] == "LABEL":
                    labels = value.split(ARRAY_DELIMITER)
                    assert all(LABEL.match(x) for x in labels), labels
                    assert labels == graph.nodes[row[0]]["labels"]
                    assert path.name == f"nodes_{labels[0]}.csv"
                else:
                    check_value(field, value)
        node_count += len(rows)
    assert node_count == graph.number_of_nodes() == result.counts["nodes"]
    assert set(ids) <= {"Entity", "Instrument", "Document", "Offering", "Resource"}

    rel_count = 0
    for path in sorted(folder.glob("rels_*.csv")):
        fields, rows = read(path)
        kinds = [f["field"] for f in fields]
        assert kinds[:3] == ["START_ID", "END_ID", "TYPE"] and "ID" not in kinds and "LABEL" not in kinds
        start_space, end_space = fields[0]["space"], fields[1]["space"]
        assert start_space in ids and end_space in ids, path.name
        for row in rows:
            assert row[0] in ids[start_space] and row[1] in ids[end_space]  # no dangling relationship
            assert REL_TYPE.match(row[2])
            for field, value in zip(fields[3:], row[3:]):
                check_value(field, value)
        rel_count += len(rows)
    assert rel_count == graph.number_of_edges() == result.counts["relationships"]


def test_typed_columns(bundle):
    folder, _ = bundle
    fields, _ = read(folder / "rels_OFFICER_OF_Person_Company.csv")
    typed = {f["name"]: (f["type"], f["array"]) for f in fields if f["field"] == "property"}
    assert typed["confidence"] == ("double", False)
    assert typed["char_start"] == ("long", False) and typed["char_end"] == ("long", False)
    assert typed["source_documents"] == ("string", True)
    assert typed["title"] == ("string", False) and typed["key"] == ("string", False)
    fields, rows = read(folder / "nodes_Company.csv")
    typed = {f["name"]: (f["type"], f["array"]) for f in fields if f["field"] == "property"}
    assert typed["aliases"] == ("string", True)
    names = [f.get("name") for f in fields]
    innovo = next(r for r in rows if r[names.index("name")] == "Innovo Group Inc.")
    assert "Innovo Group" in innovo[names.index("aliases")].split(ARRAY_DELIMITER)


def test_grammar_rejects_bad_headers():
    with pytest.raises(AssertionError):
        parse_header(["id:ID(Entity)", "price:money"])
    with pytest.raises(AssertionError):
        parse_header(["id:ID(Entity", ":LABEL"])


def test_readme_has_the_exact_import_command(bundle):
    folder, _ = bundle
    readme = (folder / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(neo4j-admin database import full.*?)\n```", readme, re.S)
    assert block, readme
    args = shlex.split(block.group(1).replace("\\\n", " "))
    assert args[:4] == ["neo4j-admin", "database", "import", "full"]
    assert f"--array-delimiter={ARRAY_DELIMITER}" in args and "--id-type=string" in args
    assert args[-1] == "neo4j"
    nodes = {a.split("=", 1)[1] for a in args if a.startswith("--nodes=")}
    rels = {a.split("=", 1)[1] for a in args if a.startswith("--relationships=")}
    assert nodes == {p.name for p in folder.glob("nodes_*.csv")}
    assert rels == {p.name for p in folder.glob("rels_*.csv")}
    script = (folder / "import.sh").read_text(encoding="utf-8")
    line = next(x for x in script.splitlines() if x.startswith('"$NEO4J_ADMIN"'))
    assert shlex.split(line)[1:-1] == args[1:-1]  # same command in the script
    constraints = (folder / "constraints.cypher").read_text(encoding="utf-8").splitlines()
    assert constraints and all(c.startswith("CREATE CONSTRAINT") and "IF NOT EXISTS" in c for c in constraints)


def test_re_export_replaces_old_files(dataset, tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "rels_STALE_Person_Company.csv").write_text(":START_ID,:END_ID,:TYPE\n", encoding="utf-8")
    export("neo4j-admin", dataset, folder)
    assert not (folder / "rels_STALE_Person_Company.csv").exists()
