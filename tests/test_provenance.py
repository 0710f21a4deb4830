"""Every fact of the sample corpus cites a real, non-empty span of its source document."""

from __future__ import annotations

import pytest

from graph.pipeline import extract_paths, to_dataset
from graph.query.facts import fact_rows
from graph.rdf.validate import validate
from graph.source import read_source
from tests.conftest import FILINGS


@pytest.fixture(scope="module")
def corpus():
    result = extract_paths([FILINGS])
    assert not result.failures
    return result, to_dataset(result.extractions)


def test_corpus_conforms_to_shapes(corpus):
    _result, dataset = corpus
    report = validate(dataset)
    assert report.conforms, report.text[:2000]


def test_every_fact_has_a_real_source_span(corpus):
    _result, dataset = corpus
    texts = {p.name: read_source(p).source_text for p in FILINGS.iterdir() if p.is_file()}
    rows = [r for r in fact_rows(dataset) if r["relation"] != "type"]
    assert len(rows) > 300
    for row in rows:
        assert "source" in row, row
        doc, span = row["source"].split("#char=")
        start, end = map(int, span.split(","))
        assert 0 <= start < end <= len(texts[doc]), row
        assert texts[doc][start:end].strip(), row


def test_every_evidence_span_points_inside_its_document(corpus):
    result, _dataset = corpus
    for ex in result.extractions:
        size = len(read_source(FILINGS / ex.doc_id).source_text)
        for f in ex.facts:
            assert f.evidence is not None and f.evidence.doc_id == ex.doc_id
            assert 0 <= f.evidence.start < f.evidence.end <= size, (ex.doc_id, f)
            assert f.evidence.method and 0 < f.evidence.confidence <= 1
