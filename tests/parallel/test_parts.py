"""The pieces: blocked person resolution, the spool, shards and their bulk load, the timer."""

from __future__ import annotations

import pyoxigraph as ox

from graph.entities.resolve import plan_resolution, resolve
from graph.model import Entity, Extraction
from graph.parallel.spool import Spool
from graph.timing import StageTimer
from graph.store import open_store
from tests.parallel.conftest import FILES


def _doc(i: int, *names: str) -> Extraction:
    ents = {f"p{j}": Entity(key=f"p{j}", type="Person", name=n) for j, n in enumerate(names)}
    return Extraction(doc_id=f"d{i}", sha256="x", entities=ents)


def test_person_blocking_joins_what_all_pairs_would():
    docs = [
        _doc(0, "Marc Crossman", "Samuel Furrow"),
        _doc(1, "Marc B. Crossman", "Jay Furrow"),
        _doc(2, "MARC CROSSMAN", "Samuel J. Furrow, Jr."),
        _doc(3, "M. Crossman", "Crossman"),
    ]
    out = resolve(docs)
    plan = plan_resolution([d.entities for d in docs])
    key = plan.global_key
    marc = {key[(0, "p0")], key[(1, "p0")], key[(2, "p0")]}
    assert len(marc) == 1  # compatible full names join across documents
    assert key[(3, "p1")] not in marc  # never on a surname alone
    assert key[(0, "p1")] == key[(2, "p1")]  # Samuel Furrow = Samuel J. Furrow, Jr.
    assert key[(1, "p1")] != key[(0, "p1")]  # Jay is not Samuel
    assert [plan.rekey(i, d) for i, d in enumerate(docs)] == out


def test_spool_round_trip(extract):
    ex = extract(FILES[0])
    with Spool() as spool:
        assert spool.append(ex) == 0 and spool.append(ex) == 1
        assert spool[1] == ex and list(spool) == [ex, ex]


def test_shards_bulk_load_replaces_a_document(extract):
    from graph.parallel.shards import document_nquads

    ex = resolve([extract(FILES[0])])[0]
    data = document_nquads(ex)
    with open_store(None) as plain, open_store(None) as bulk:
        plain.add_extraction(ex)
        bulk.load_document_shards([(ex.doc_id, data)])
        bulk.load_document_shards([(ex.doc_id, data), (ex.doc_id, data)])  # again: replaced, not added
        q = lambda s: set(map(str, s.oxigraph.quads_for_pattern(None, None, None, None)))  # noqa: E731
        assert q(plain) == q(bulk) and len(bulk) == len(plain)
        name = ox.NamedNode(next(iter(plain.oxigraph.named_graphs())).value)
        assert bulk.oxigraph.contains_named_graph(name)


def test_timer_accumulates_and_merges():
    t = StageTimer()
    with t.stage("nlp"):
        pass
    t.merge({"nlp": 1.0, "rdf": 2.0})
    assert t.seconds["nlp"] >= 1.0 and t.as_dict()["rdf"] == 2.0
    assert list(t.as_dict())[:2] == ["nlp", "rdf"]


def test_shards_load_in_bounded_batches_and_hand_memory_back(monkeypatch):
    """The store gets a batch each time about LOAD_BATCH_BYTES gather, and freed heap is returned after each."""
    import graph.pipeline as pipeline

    events: list[object] = []

    class Recorder:
        def load_document_shards(self, batch):
            events.append([doc for doc, _ in batch])

    monkeypatch.setattr(pipeline, "LOAD_BATCH_BYTES", 100)
    monkeypatch.setattr(pipeline, "release_memory", lambda: events.append("release"))
    shards = [(f"d{i}", b"x" * 60) for i in range(5)]
    rendered = iter([(shards[:3], {"rdf": 0.5}), (shards[3:], {"rdf": 0.25})])
    timer = StageTimer()
    pipeline._store_shards(Recorder(), rendered, timer, None)
    assert events == [["d0", "d1"], "release", ["d2", "d3"], "release", ["d4"], "release"]
    assert timer.seconds["rdf"] == 0.75
