"""GraphStore: persistence, atomic per-document replacement, removal, stats, export."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.errors import StoreError
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.rdf.convert import ox_to_dataset
from graph.rdf.iri import graph_iri
from graph.query.stats import store_stats
from graph.store import open_store


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_round_trip_on_disk(tmp_path: Path, sample) -> None:
    exs = [sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")]
    built = extraction_to_dataset(exs)
    path = tmp_path / "kg"
    with open_store(path) as store:
        assert store.add_dataset(built) == ["a.txt", "b.txt"]
        before = store.dataset()
        count = len(store)
    with open_store(path) as store:
        assert len(store) == count
        assert store.documents() == ["a.txt", "b.txt"]
        after = store.dataset()
        for doc in ("a.txt", "b.txt"):
            assert isomorphic(store.document(doc), built.graph(graph_iri(doc)))
    assert isomorphic(_union(before), _union(after))
    assert isomorphic(_union(after), _union(built))
    with open_store(path, read_only=True) as store:
        assert len(store) == count
        with pytest.raises(StoreError):
            store.remove_document("a.txt")


def test_replace_document_is_idempotent(innovo, sample) -> None:
    with open_store(None) as store:
        n = store.replace_document(sample.DOC, document_graph(innovo))
        size = len(store)
        assert n == size
        store.replace_document(sample.DOC, document_graph(innovo))
        assert len(store) == size
        store.add_extraction(innovo)
        assert len(store) == size
        assert store.documents() == [sample.DOC]


def test_replace_drops_old_triples(sample) -> None:
    ex = sample.innovo_extraction("a.txt")
    with open_store(None) as store:
        store.add_extraction(ex)
        ex.facts = [f for f in ex.facts if f.relation != "conversion_price"]
        store.add_extraction(ex)
        assert isomorphic(store.document("a.txt"), document_graph(ex))
        assert store.query("ASK { ?i fkg:conversionPrice ?p }") is False


def test_remove_document_removes_exactly_that_graph(sample) -> None:
    a, b = sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")
    with open_store(None) as store:
        store.add_dataset(extraction_to_dataset([a, b]))
        assert store.remove_document("a.txt") is True
        assert store.remove_document("a.txt") is False
        assert store.documents() == ["b.txt"]
        assert len(store) == len(document_graph(b))
        assert isomorphic(store.document("b.txt"), document_graph(b))


def test_stats(sample) -> None:
    with open_store(None) as store:
        store.add_extraction(sample.innovo_extraction())
        stats = store_stats(store)
    assert stats["documents"] == 1 and stats["named_graphs"] == 1
    assert stats["entities"] == {"Company": 2, "Person": 1, "GovernmentAgency": 1}
    assert stats["facts"]["conversion_price"] == 3
    assert stats["facts"]["officer_of"] == 2
    assert stats["triples"] > 100


@pytest.mark.parametrize("fmt,rdflib_format", [
    ("turtle", None), ("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)])
def test_export(tmp_path: Path, sample, fmt: str, rdflib_format: ox.RdfFormat | None) -> None:
    built = extraction_to_dataset([sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")])
    with open_store(None) as store:
        store.add_dataset(built)
        out = store.export(tmp_path / f"kg.{fmt}", fmt)
    if fmt == "turtle":
        g = Graph().parse(out, format="turtle")
        assert isomorphic(g, _union(built))
        assert "@prefix fkg:" in out.read_text()
    else:
        ds = ox_to_dataset(ox.parse(path=str(out), format=rdflib_format))
        assert len(list(ds.quads())) == len(list(built.quads()))
        assert isomorphic(_union(ds), _union(built))


def test_errors(tmp_path: Path) -> None:
    store = open_store(None)
    store.close()
    with pytest.raises(StoreError):
        store.documents()
    with open_store(None) as s, pytest.raises(StoreError):
        s.export(tmp_path / "x.bin", "binary")
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError):
        open_store(blocker / "kg")
