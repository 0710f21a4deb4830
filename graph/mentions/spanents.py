"""``Span.ents`` without its quadratic cost.

spaCy's ``Span.ents`` rebuilds ``doc.ents`` (a walk over every token of the
document) on each call, and the sentence rules ask for it several times per
sentence, so a long filing cost O(sentences x tokens). The entities are final
once the pipeline has run, so they are built once per document here and each
sentence takes its slice by binary search.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_KEY = "fkg_ents"
_TEXT = "fkg_text"


def with_text(doc: Doc, text: str) -> Doc:
    """Keep ``text`` (the string ``doc`` was made from) on the Doc for :func:`doc_text`."""
    doc.user_data[_TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, from the string the Doc was made from when it was kept (:func:`with_text`).

    spaCy rebuilds ``Doc.text`` from a Python ``Token`` per word on every call;
    the vocabulary checks read the whole text of every piece and view.
    """
    text = doc.user_data.get(_TEXT)
    return text if isinstance(text, str) else doc.text


def span_text(span: Span) -> str:
    """Exactly ``span.text``, as a slice of the Doc's text (kept by :func:`with_text`: every view's Doc has it).

    ``Span.text`` joins a Python ``Token`` per word on every call, and the
    sentence rules read their sentence's text dozens of times.
    """
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document (the pipeline has finished assigning them)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[0] is not doc:
        ents = tuple(doc.ents)
        cached = (doc, ents, [e.start for e in ents])
        doc.user_data[_KEY] = cached
    return cached[1]


def span_ents(span: Span) -> list[Span]:
    """Exactly ``span.ents``: entities from the first one starting in the span, while they end inside it."""
    doc = span.doc
    ents = doc_ents(doc)
    starts = doc.user_data[_KEY][2]
    out: list[Span] = []
    for i in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[i]
        if ent.end <= span.end:
            out.append(ent)
        else:
            break
    return out


def release(doc: Doc) -> None:
    """Drop the cache (its spans point back at the doc: a reference cycle that would delay freeing it)."""
    doc.user_data.pop(_KEY, None)
    doc.user_data.pop(_TEXT, None)
