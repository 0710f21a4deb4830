"""Growing a store filing by filing: content-hash skips, idempotence, removal, stable entity nodes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.entities.resolve import resolve
from graph.pipeline import build_into_store
from graph.query.facts import fact_rows
from graph.rdf.iri import graph_iri
from graph.store import open_store
from graph.store.merged import document_quads
from tests.conftest import INNOVO


def quads(store) -> set[str]:
    """The documents' quads (the merged default graph is a derived copy)."""
    return {str(q) for q in document_quads(store.oxigraph)}


def innovo_nodes(store) -> set[str]:
    rows = store.query(
        'SELECT DISTINCT ?c WHERE { ?c a fkg:Company ; rdfs:label|fkg:alias ?n FILTER (LCASE(STR(?n)) = "innovo group inc.") }'
    )
    return {str(r["c"]) for r in rows}


@pytest.fixture(scope="module")
def one_by_one(tmp_path_factory, nlp) -> Path:
    """Doc A alone, then B and C in a second run, into the same on-disk store."""
    path = tmp_path_factory.mktemp("inc") / "store"
    with open_store(path) as store:
        first = build_into_store([str(INNOVO[0])], store)
        assert [e.doc_id for e in first.extractions] == [INNOVO[0].name]
    with open_store(path) as store:
        second = build_into_store([str(p) for p in INNOVO], store)
        assert second.skipped == [INNOVO[0].name]
        assert sorted(e.doc_id for e in second.extractions) == [p.name for p in INNOVO[1:]]
    return path


def test_shared_company_is_one_node_across_runs(one_by_one):
    with open_store(one_by_one, read_only=True) as store:
        assert len(innovo_nodes(store)) == 1
        # every entity has one name across all document graphs
        rows = store.query("SELECT ?e (COUNT(DISTINCT ?n) AS ?names) WHERE { ?e a ?c ; rdfs:label ?n "
                           "VALUES ?c { fkg:Company fkg:Person } } GROUP BY ?e HAVING (COUNT(DISTINCT ?n) > 1)")
        assert rows == []
        crossman = store.query('SELECT DISTINCT ?p WHERE { ?p a fkg:Person ; rdfs:label ?n FILTER CONTAINS(?n, "Crossman") }')
        assert len(crossman) == 1


def test_incremental_facts_match_a_single_run(one_by_one, tmp_path):
    """Same facts whether the three filings were built together or one run after another."""
    def facts(store):
        return {(r["subject"], r["relation"], r["object"], r.get("qualifier", "")) for r in fact_rows(store)}

    with open_store(tmp_path / "all") as together:
        build_into_store([str(p) for p in INNOVO], together)
        expected = facts(together)
    with open_store(one_by_one, read_only=True) as store:
        assert facts(store) == expected


def test_adding_the_same_filings_twice_changes_nothing(one_by_one):
    with open_store(one_by_one) as store:
        before = quads(store)
        again = build_into_store([str(p) for p in INNOVO], store)
        assert again.extractions == [] and sorted(again.skipped) == [p.name for p in INNOVO]
        assert quads(store) == before


def test_forced_rebuild_of_the_same_filings_gives_the_same_triples(tmp_path, nlp):
    """Even without the hash skip, re-ingesting resolves against the store and reproduces it."""
    with open_store(tmp_path / "kg") as store:
        build_into_store([str(p) for p in INNOVO], store)
        before = quads(store)
        forced = build_into_store([str(p) for p in INNOVO], store, force=True)
        assert len(forced.extractions) == 3 and forced.skipped == []
        assert quads(store) == before


def test_changed_file_is_rebuilt(tmp_path, nlp):
    src = tmp_path / INNOVO[2].name
    src.write_bytes(INNOVO[2].read_bytes())
    with open_store(None) as store:
        build_into_store([str(src)], store)
        hashes = store.document_hashes()
        src.write_bytes(INNOVO[2].read_bytes() + b"\n")
        result = build_into_store([str(src)], store)
        assert [e.doc_id for e in result.extractions] == [src.name]
        assert store.document_hashes()[src.name] != hashes[src.name]


def test_remove_document_removes_exactly_its_facts(one_by_one, tmp_path):
    import shutil

    path = tmp_path / "copy"
    shutil.copytree(one_by_one, path)
    gone = INNOVO[1].name
    with open_store(path) as store:
        before = quads(store)
        own = {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri(gone))))}
        facts_before = fact_rows(store, all_sources=True)
        assert store.remove_document(gone) is True
        assert store.remove_document(gone) is False
        assert quads(store) == before - own
        assert gone not in store.documents() and len(store.documents()) == 2
        facts_after = fact_rows(store, all_sources=True)
        # exactly the facts read in that document are gone; all the others are intact
        assert [r for r in facts_before if r.get("source", "").split("#")[0] != gone and r["relation"] != "type"] == \
            [r for r in facts_after if r["relation"] != "type"]
        assert len(innovo_nodes(store)) == 1


def test_known_entities_seed_resolution(sample):
    """resolve(known=...) keeps stored keys and names; without known it is unchanged."""
    ex = sample.innovo_extraction("x.txt")
    plain = resolve([ex])
    with open_store(None) as store:
        store.add_extractions(plain)
        known = store.known_entities()
    assert {e.key for e in known} == set(plain[0].entities)
    renamed = sample.innovo_extraction("y.txt")
    for ent in renamed.entities.values():
        ent.key = "local-" + ent.key
    renamed.entities = {e.key: e for e in renamed.entities.values()}
    renamed.facts = []
    renamed.instruments = {}
    renamed.registrant = None
    again = resolve([renamed], known=known)
    assert set(again[0].entities) == set(plain[0].entities)
    assert resolve([ex]) == plain  # no known: the original behaviour
