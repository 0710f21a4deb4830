"""The merged default graph: each triple once, kept right by every writer, invisible to exports."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from graph.errors import StoreError
from graph.rdf.iri import graph_iri
from graph.store import open_store
from graph.store.merged import document_quads, is_merged, nquads_with_default_copies
from graph.store.sparql import run_query

EX = "http://example.org/"
SHARED = (URIRef(EX + "acme"), URIRef(EX + "name"), Literal("Acme Corp"))


def doc(*extra: str) -> Graph:
    g = Graph()
    g.add(SHARED)
    for name in extra:
        g.add((URIRef(EX + name), URIRef(EX + "in"), URIRef(EX + "acme")))
    return g


def count(store, where: str = "?s ?p ?o") -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"])


def shared_rows(store) -> int:
    return len(store.query(f"SELECT ?s WHERE {{ ?s <{EX}name> ?o }}"))


def test_a_triple_stated_by_three_documents_is_one_row():
    with open_store(None) as store:
        for d in ("a", "b", "c"):
            store.replace_document(d, doc(d))
        assert shared_rows(store) == 1
        assert count(store) == 4  # shared + one own triple per document
        assert count(store, f"GRAPH ?g {{ ?s <{EX}name> ?o }}") == 3  # provenance kept
        assert len(store.query(f"DESCRIBE <{EX}acme>")) == 1
        assert len(store) == 6  # document quads; the merged copy is not counted
        assert store.triple_count() == 4


def test_replace_and_remove_keep_the_merge():
    with open_store(None) as store:
        for d in ("a", "b"):
            store.replace_document(d, doc(d))
        store.replace_document("a", Graph())  # a no longer states anything
        assert shared_rows(store) == 1 and count(store) == 2
        assert store.remove_document("b")
        assert count(store) == 0
        store.replace_document("c", doc("c"))
        store.replace_document("c", doc("c2"))  # c's old own triple goes, shared stays
        assert {str(r["s"]) for r in store.query(f"SELECT ?s WHERE {{ ?s <{EX}in> ?o }}")} == {EX + "c2"}


def _nquads(doc_id: str, g: Graph) -> bytes:
    name = ox.NamedNode(str(graph_iri(doc_id)))
    quads = [ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)),
                     ox.Literal(str(o)) if isinstance(o, Literal) else ox.NamedNode(str(o)), name)
             for s, p, o in g]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def test_loading_shards_keeps_the_merge(tmp_path: Path):
    for atomic in (True, False):
        with open_store(tmp_path / f"s{atomic}") as store:
            store.load_document_shards([(d, _nquads(d, doc(d))) for d in ("a", "b", "c")], atomic=atomic)
            assert shared_rows(store) == 1 and count(store) == 4
            store.load_document_shards([("a", _nquads("a", Graph())), ("b", _nquads("b", doc("b2")))], atomic=atomic)
            assert shared_rows(store) == 1
            assert {str(r["s"]) for r in store.query(f"SELECT ?s WHERE {{ ?s <{EX}in> ?o }}")} == {EX + "b2", EX + "c"}


def test_a_store_without_the_merge_is_read_as_the_union_then_merged_when_opened_for_writing(tmp_path: Path):
    path = tmp_path / "old"
    raw = ox.Store(str(path))
    for d in ("a", "b"):
        raw.load(_nquads(d, doc(d)), ox.RdfFormat.N_QUADS)
    del raw
    with open_store(path, read_only=True) as store:
        assert not is_merged(store.oxigraph)
        assert shared_rows(store) == 2  # the old union: one row per document
    with open_store(path) as store:
        assert is_merged(store.oxigraph)
        assert shared_rows(store) == 1


def test_rdflib_sources_query_as_a_set():
    ds = Dataset()
    for d in ("a", "b"):
        g = ds.graph(graph_iri(d))
        for t in doc(d):
            g.add(t)
    rows = run_query(ds, f"SELECT ?s WHERE {{ ?s <{EX}name> ?o }}")
    assert isinstance(rows, list) and len(rows) == 1


def test_exports_and_dataset_copies_leave_the_merged_copy_out(tmp_path: Path):
    with open_store(None) as store:
        for d in ("a", "b"):
            store.replace_document(d, doc(d))
        quads = list(document_quads(store.oxigraph))
        assert len(quads) == 4 and not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
        assert len(list(store.dataset().quads((None, None, None, None)))) == 4
        trig = store.export(tmp_path / "g.trig", "trig")
        assert len(list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))) == 4
        ttl = store.export(tmp_path / "g.ttl", "turtle")
        assert len(list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))) == 3


def _quads(data: bytes) -> set[ox.Quad]:
    return set(ox.parse(data, ox.RdfFormat.N_QUADS))


def _copied(data: bytes) -> set[ox.Quad]:
    quads = _quads(data)
    return quads | {ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads}


def test_default_copies_of_a_one_graph_shard_are_cut_from_its_lines():
    g = f"<{graph_iri('a')}>"
    data = (
        f'<{EX}s> <{EX}p> "a <{graph_iri("a")}> . not the end" {g} .\n'  # the graph's IRI inside a literal
        f"<{EX}s> <{EX}p> {g} {g} .\n"  # ... and as the object
        f'<{EX}s> <{EX}q> "two\\nlines"@en {g} .\n'
    ).encode()
    out = nquads_with_default_copies(data)
    assert out.startswith(data)
    assert _quads(out) == _copied(data)
    assert len(_quads(out)) == 6


def test_default_copies_of_other_n_quads_are_made_quad_by_quad():
    mixed = f'<{EX}s> <{EX}p> "x" <{EX}g1> .\n<{EX}s> <{EX}p> "y" <{EX}g2> .\n<{EX}s> <{EX}p> "z" .\n'.encode()
    blank = f'<{EX}s> <{EX}p> "x" _:g .\n'.encode()
    no_end = f'<{EX}s> <{EX}p> "x" <{EX}g1> .'.encode()
    for data in (mixed, blank, no_end):
        assert _quads(nquads_with_default_copies(data)) == _copied(data)
    assert nquads_with_default_copies(b"") == b""


def test_a_batch_of_shards_loads_whole_or_not_at_all(tmp_path: Path):
    broken = f"<{EX}s> <{EX}p> \"unterminated <{graph_iri('b')}> .\n".encode()
    with open_store(tmp_path / "s") as store:
        with pytest.raises(StoreError):
            store.load_document_shards([("a", _nquads("a", doc("a"))), ("b", broken)])
        assert store.documents() == [] and count(store) == 0
