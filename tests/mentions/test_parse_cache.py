"""Parsed pieces remembered by text: a remembered parse is the parse, and the cache stays bounded."""

from __future__ import annotations

import graph.mentions.extract as extract
from graph.mentions.parse_cache import PieceCache, piece_cache
from graph.mentions.scope import regions
from tests.mentions.test_extract_join import TEXT, _state


def test_remembered_piece_is_the_same_doc(nlp) -> None:
    doc = nlp("On May 1, 2021, the Board appointed Tamsin R. Okafor as Chief Financial Officer of Quillmore Harbor, Inc.")
    cache = PieceCache()
    cache.put("full", doc.text, doc)
    again = cache.get(nlp.vocab, "full", doc.text)
    assert again is not doc and _state(again) == _state(doc)
    assert cache.get(nlp.vocab, "ner", doc.text) is None  # the mode is part of the key
    assert (cache.hits, cache.misses) == (1, 1)


def test_second_parse_of_a_text_reads_the_cache(nlp, monkeypatch) -> None:
    piece_cache(nlp)._items.clear()
    (first,) = extract.parse_texts(nlp, [TEXT], 16, [regions(TEXT)])
    before = _state(first)
    parsed: list[str] = []
    real = extract._pipe_bounded

    def counting(nlp_, texts, *args, **kwargs):
        parsed.extend(texts)
        return real(nlp_, texts, *args, **kwargs)

    monkeypatch.setattr(extract, "_pipe_bounded", counting)
    (second,) = extract.parse_texts(nlp, [TEXT], 16, [regions(TEXT)])
    assert parsed == []  # every piece came from the cache
    assert _state(second) == before


def test_cache_is_bounded_by_tokens(nlp) -> None:
    cache = PieceCache(max_tokens=30)
    for i in range(10):
        text = f"Quillmore Harbor {i} appointed a new director of the board today."
        cache.put("ner", text, nlp.make_doc(text))
    assert cache.tokens <= 30 and len(cache) < 10
    assert cache.get(nlp.vocab, "ner", "Quillmore Harbor 9 appointed a new director of the board today.") is not None
    assert cache.get(nlp.vocab, "ner", "Quillmore Harbor 0 appointed a new director of the board today.") is None
