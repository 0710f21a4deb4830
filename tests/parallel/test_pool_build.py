"""--jobs: a process pool builds the same graph as one process; strict mode; shards; stage timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.timing import STAGES, StageTimer
from graph.pipeline import build_into_store, extract_paths
from graph.store import open_store
from tests.parallel.conftest import FILES, assert_same_graph


def test_jobs1_build_equals_reference(reference_dataset):
    timer = StageTimer()
    with open_store(None) as store:
        result = build_into_store([str(p) for p in FILES], store, timer=timer, keep_extractions=False)
        assert not result.failures and len(result.extractions) == len(FILES)
        assert_same_graph(store.dataset(), reference_dataset)
    assert set(STAGES) <= set(timer.seconds)  # every stage was timed
    assert timer.seconds["nlp"] > 0 and timer.seconds["store"] > 0


def test_jobs2_build_equals_reference(reference_dataset, tmp_path):
    shards = tmp_path / "shards"
    with open_store(tmp_path / "store") as store:
        result = build_into_store([str(p) for p in FILES], store, jobs=2, shards_dir=shards)
        assert not result.failures
        assert [e.doc_id for e in result.extractions] == [p.name for p in FILES]  # deterministic order
        assert_same_graph(store.dataset(), reference_dataset)
    assert sorted(p.name for p in shards.iterdir()) == sorted(f"{p.name}.nq" for p in FILES)


def test_jobs2_extract_paths_equals_jobs1():
    a = extract_paths([str(p) for p in FILES[:5]], jobs=1)
    b = extract_paths([str(p) for p in FILES[:5]], jobs=2)
    assert a.extractions == b.extractions


def _bad_corpus(tmp_path: Path) -> list[str]:
    bad = tmp_path / "aaa_not_a_filing.txt"
    bad.write_text("hello\n")
    return [str(FILES[0]), str(bad), str(FILES[1])]


def test_failure_is_reported_and_the_rest_built(tmp_path):
    with open_store(None) as store:
        result = build_into_store(_bad_corpus(tmp_path), store)
        assert [Path(f.path).name for f in result.failures] == ["aaa_not_a_filing.txt"]
        assert len(store.documents()) == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_strict_raises_the_first_failure_and_writes_nothing(tmp_path, jobs):
    with open_store(None) as store:
        with pytest.raises(SourceError) as err:
            build_into_store(_bad_corpus(tmp_path), store, strict=True, jobs=jobs)
        assert err.value.path.endswith("aaa_not_a_filing.txt") and err.value.reason
        assert store.documents() == []
    with pytest.raises(SourceError):
        extract_paths([str(tmp_path / "missing.txt")], strict=True)


def test_rebuild_skips_unchanged_and_force_replaces(tmp_path):
    files = [str(p) for p in FILES[:3]]
    with open_store(tmp_path / "store") as store:
        build_into_store(files, store)
        before = len(store)
        again = build_into_store(files, store, jobs=2)
        assert again.extractions == [] and len(again.skipped) == 3
        forced = build_into_store(files, store, force=True)
        assert len(forced.extractions) == 3 and len(store) == before  # replaced, not duplicated


def test_chunks_finishing_out_of_order_give_the_same_build(monkeypatch, reference_dataset, tmp_path):
    """A pool returns the largest tasks first, as they finish: documents, failures and graph stay in path order."""
    import graph.pipeline as pipeline
    from graph.parallel.executors import InProcessExecutor

    class Reversed(InProcessExecutor):
        def extract(self, paths, ordered=True):
            chunks = list(super().extract(paths))
            for chunk in (chunks if ordered else chunks[::-1]):
                yield type(chunk)(chunk.outcomes[::1 if ordered else -1], chunk.seconds)

    monkeypatch.setattr(pipeline, "open_executor", lambda settings, jobs, dask: Reversed(settings))
    bad = tmp_path / "aaa_not_a_filing.txt"
    bad.write_text("hello\n")
    worse = tmp_path / "zzz_not_a_filing.txt"
    worse.write_text("bye\n")
    with open_store(None) as store:
        result = build_into_store([str(bad), *map(str, FILES), str(worse)], store)
        assert [e.doc_id for e in result.extractions] == [p.name for p in FILES]
        assert [Path(f.path).name for f in result.failures] == [bad.name, worse.name]
        assert_same_graph(store.dataset(), reference_dataset)
    assert [e.doc_id for e in extract_paths([str(p) for p in FILES[:4]]).extractions] == [p.name for p in FILES[:4]]
