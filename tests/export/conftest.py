"""Fixtures of the export tests: the three Innovo Group filings, extracted, resolved and stored.

One extraction per session (spaCy is the slow part); each test gets its own copy of
the store's dataset, so a test may change it freely.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset

from tests.conftest import INNOVO



def _sample_module():
    from tests.rdf import innovo_sample

    return innovo_sample


@pytest.fixture(scope="session")
def innovo_extractions():
    from graph.pipeline import extract_paths

    result = extract_paths([str(p) for p in INNOVO])
    assert not result.failures and len(result.extractions) == 3
    return result.extractions


@pytest.fixture(scope="session")
def innovo_store(innovo_extractions):
    """An in-memory GraphStore holding the three Innovo documents."""
    from graph.rdf.build import document_graph
    from graph.store import open_store

    store = open_store(None)
    for ex in innovo_extractions:
        store.replace_document(ex.doc_id, document_graph(ex))
    yield store
    store.close()


@pytest.fixture
def dataset(innovo_store) -> Dataset:
    """A fresh copy of the store's graph (one named graph per document)."""
    return innovo_store.dataset()


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory, innovo_store) -> Path:
    """The same documents in an on-disk store, for the CLI."""
    from graph.store import open_store

    path = tmp_path_factory.mktemp("export") / "store"
    with open_store(path) as store:
        store.add_dataset(innovo_store.dataset())
    return path


@pytest.fixture
def sample():
    """The hand-made Innovo extraction of tests/rdf/innovo_sample.py (exact, with known keys)."""
    return _sample_module()


@pytest.fixture
def sample_dataset(sample) -> Dataset:
    """The hand-made extraction with dates on the CEO position, as a dataset."""
    from graph.pipeline import to_dataset

    ex = sample.innovo_extraction()
    for fact in ex.facts:
        if fact.relation == "officer_of" and fact.qualifier == "Chief Executive Officer":
            fact.start_date = "2001-03-01"
            fact.end_date = "2004-12-31"
    return to_dataset([ex])


class FakeNeo4j:
    """An in-memory stand-in for a Neo4j database that understands exactly our statement shapes.

    MERGE semantics as Neo4j's: nodes match on (primary label, id), relationships on
    (start, type, key, end); MATCH of a missing endpoint creates nothing. Any other
    statement, and any CREATE other than a constraint, fails the test.
    """

    _CONSTRAINT = re.compile(r"CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE")
    _NODES = re.compile(r"UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props((?:, n:\w+)*)")
    _RELS = re.compile(r"UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.start\}\) MATCH \(b:(\w+) \{id: row\.end\}\) "
                       r"MERGE \(a\)-\[r:(\w+) \{key: row\.key\}\]->\(b\) SET r \+= row\.props")

    def __init__(self) -> None:
        self.constraints: set[tuple[str, str]] = set()
        self.nodes: dict[tuple[str, str], dict] = {}
        self.rels: dict[tuple[tuple[str, str], str, str, tuple[str, str]], dict] = {}
        self.statements: list[tuple[str, dict | None]] = []
        self.unmatched = 0

    def run(self, statement: str, parameters: dict | None = None) -> None:
        self.statements.append((statement, parameters))
        text = " ".join(statement.split())
        if m := self._CONSTRAINT.fullmatch(text):
            self.constraints.add((m[1], m[2]))
            return
        assert "CREATE" not in text, f"not idempotent: {text}"
        rows = (parameters or {})["rows"]
        if m := self._NODES.fullmatch(text):
            extra = re.findall(r"n:(\w+)", m[2])
            for row in rows:
                node = self.nodes.setdefault((m[1], row["id"]), {"labels": {m[1]}, "props": {"id": row["id"]}})
                node["labels"].update(extra)
                node["props"].update(row["props"])
            return
        if m := self._RELS.fullmatch(text):
            for row in rows:
                a, b = (m[1], row["start"]), (m[2], row["end"])
                if a not in self.nodes or b not in self.nodes:
                    self.unmatched += 1
                    continue
                rel = self.rels.setdefault((a, m[3], row["key"], b), {"key": row["key"]})
                rel.update(row["props"])
            return
        raise AssertionError(f"unexpected statement: {text}")

    def state(self) -> tuple:
        """Everything stored, comparable between runs."""
        nodes = {k: (sorted(v["labels"]), repr(sorted(v["props"].items()))) for k, v in self.nodes.items()}
        rels = {k: repr(sorted(v.items())) for k, v in self.rels.items()}
        return sorted(self.constraints), nodes, rels


@pytest.fixture
def fake_neo4j():
    return FakeNeo4j()
