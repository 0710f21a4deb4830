"""The Cypher script: constraints first, parameterised UNWIND ... MERGE batches, idempotent."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from graph.export import export
from graph.export.neo4j_cypher import literal
from graph.export.projection import to_property_graph

_TOKEN = re.compile(r"""\s*(?:(?P<str>'(?:[^'\\]|\\.)*')|(?P<date>date\('(?P<day>\d{4}-\d{2}-\d{2})'\))
    |(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<kw>true|false|null)
    |(?P<name>`(?:[^`]|``)+`|[A-Za-z_]\w*)|(?P<punct>[\[\]{},:]))""", re.X)
_UNESCAPE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def parse_cypher_value(text: str):
    """A small parser for the Cypher literals the script writes (maps, lists, strings, numbers, dates)."""
    tokens = []
    pos = 0
    while pos < len(text.rstrip()):
        m = _TOKEN.match(text, pos)
        assert m and m.end() > pos, f"cannot parse at {text[pos:pos + 40]!r}"
        tokens.append(m)
        pos = m.end()
    it = iter(tokens)

    def value(tok):
        if tok["str"]:
            return re.sub(r"\\(.)", lambda e: _UNESCAPE[e[1]], tok["str"][1:-1])
        if tok["date"]:
            return dt.date.fromisoformat(tok["day"])
        if tok["num"]:
            return float(tok["num"]) if re.search(r"[.eE]", tok["num"]) else int(tok["num"])
        if tok["kw"]:
            return {"true": True, "false": False, "null": None}[tok["kw"]]
        if tok["punct"] == "[":
            out = []
            for t in it:
                if t["punct"] == "]":
                    return out
                if t["punct"] == ",":
                    continue
                out.append(value(t))
        if tok["punct"] == "{":
            out = {}
            for t in it:
                if t["punct"] == "}":
                    return out
                if t["punct"] == ",":
                    continue
                key = t["name"].strip("`").replace("``", "`")
                assert next(it)["punct"] == ":"
                out[key] = value(next(it))
        raise AssertionError(f"unexpected token {tok.group(0)!r}")

    return value(next(it))


def load_script(path):
    """(constraints, [(statement, params)]) from a script, checking its line structure."""
    lines = path.read_text(encoding="utf-8").split("\n")
    constraints, batches, pending, statement = [], [], None, []
    for line in lines:
        if not line or line.startswith("//"):
            continue
        if line.startswith(":param "):
            assert pending is None and not statement, "a :param before the previous statement ended"
            assert line.endswith("};"), "a :param line must end with ; (Neo4j Browser, cypher-shell)"
            pending = parse_cypher_value(line[len(":param "):-1])
            continue
        statement.append(line)
        if line.endswith(";"):
            text = "\n".join(statement)[:-1]
            statement = []
            if text.startswith("CREATE CONSTRAINT"):
                assert not batches, "constraints must come first"
                constraints.append(text)
            else:
                assert pending is not None, f"statement without parameters: {text}"
                batches.append((text, pending))
                pending = None
    assert not statement and pending is None
    return constraints, batches


def test_literal_writer_round_trips_through_the_parser():
    value = {"s": "it's a \\ \"q\"\nline", "n": 3, "x": 0.0135, "b": True, "d": dt.date(2004, 6, 23),
             "l": ["a", "b"], "odd key": None}
    assert parse_cypher_value(literal(value)) == value


@pytest.fixture
def script(dataset, tmp_path):
    path = tmp_path / "graph.cypher"
    result = export("cypher", dataset, path, batch_size=7)
    return path, result


def test_structure(script, dataset):
    path, result = script
    constraints, batches = load_script(path)
    graph = to_property_graph(dataset)
    primaries = {d["labels"][0] for _, d in graph.nodes(data=True)}
    assert {re.search(r"FOR \(n:(\w+)\)", c)[1] for c in constraints} == primaries
    assert all("IF NOT EXISTS" in c and "REQUIRE n.id IS UNIQUE" in c for c in constraints)
    assert len(batches) == result.counts["batches"]
    seen_rel = False
    for statement, params in batches:
        assert statement.startswith("UNWIND $rows AS row")
        assert "MERGE" in statement and "CREATE" not in statement
        assert set(params) == {"rows"} and 1 <= len(params["rows"]) <= 7
        is_rel = "]->" in statement
        assert not (seen_rel and not is_rel), "all nodes before relationships"
        seen_rel = seen_rel or is_rel
        if is_rel:
            assert all(set(r) == {"start", "end", "key", "props"} for r in params["rows"])
        else:
            assert all(set(r) == {"id", "props"} for r in params["rows"])
    text = path.read_text(encoding="utf-8")
    assert ":OFFICER_OF {key: row.key}" in text and "MERGE (n:Company {id: row.id})" in text


def test_idempotent_and_complete(script, dataset, fake_neo4j):
    path, _ = script
    constraints, batches = load_script(path)
    for _ in range(2):
        for c in constraints:
            fake_neo4j.run(c)
        for statement, params in batches:
            fake_neo4j.run(statement, params)
        if _ == 0:
            first = fake_neo4j.state()
    assert fake_neo4j.state() == first  # a second run changes nothing
    assert fake_neo4j.unmatched == 0
    graph = to_property_graph(dataset)
    assert len(fake_neo4j.nodes) == graph.number_of_nodes()
    assert len(fake_neo4j.rels) == graph.number_of_edges()
    ceo = [v for (a, t, k, b), v in fake_neo4j.rels.items() if t == "OFFICER_OF" and "title" in v]
    assert ceo and all(isinstance(v["confidence"], float) and isinstance(v["char_start"], int) for v in ceo)
    docs = [n for (label, _), n in fake_neo4j.nodes.items() if label == "Document"]
    assert any(isinstance(n["props"].get("report_date"), dt.date) for n in docs)
    assert all("Filing" in n["labels"] or "Exhibit" in n["labels"] for n in docs)


def test_fake_executor_rejects_create(fake_neo4j):
    with pytest.raises(AssertionError, match="not idempotent"):
        fake_neo4j.run("UNWIND $rows AS row CREATE (n:Company {id: row.id})", {"rows": []})
