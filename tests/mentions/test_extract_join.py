"""A view's pieces joined into one Doc: the same Doc as spaCy's ``Doc.from_docs``, and the text kept."""

from __future__ import annotations

from spacy.tokens import Doc

from graph.mentions.components import _lowercase_words
from graph.mentions.extract import join_docs, parse_texts
from graph.mentions.scope import regions
from graph.mentions.spanents import doc_text, span_text, with_text

# invented names; the layout is a cover block, a row of figures and prose with a signature
TEXT = (
    "QUILLMORE HARBOR, INC.\n(Exact name of registrant as specified in its charter)\n\n"
    "Total revenues          1,234,567      1,098,765      987,654\n\n"
    "On May 1, 2021, the Board of Directors appointed Tamsin R. Okafor as Chief Financial Officer. "
    "Ms. Okafor served as controller of Brightwater Holdings LLC since 2015.\n\n"
    "The meeting was adjourned without further business.\n\n"
    "                                        /s/ Tamsin R. Okafor\n"
    "                                        Chief Financial Officer\n"
)


def _state(doc: Doc) -> tuple:
    return (
        doc.text,
        [(t.text, t.whitespace_, t.tag_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc],
        [(e.start, e.end, e.label_) for e in doc.ents],
        [s.start for s in doc.sents],
    )


def _pieces(nlp, text: str) -> list[Doc]:
    cuts = [0, text.index("Total"), text.index("On May"), text.index("The meeting"), len(text)]
    return [nlp(text[a:b]) for a, b in zip(cuts, cuts[1:])]


def test_join_equals_from_docs(nlp) -> None:
    pieces = _pieces(nlp, TEXT)
    assert _state(join_docs(pieces)) == _state(Doc.from_docs(pieces, ensure_whitespace=False))
    assert join_docs(pieces).text == TEXT


def test_join_of_selectively_parsed_view_keeps_offsets(nlp) -> None:
    (doc,) = parse_texts(nlp, [TEXT], 16, [regions(TEXT)])
    assert doc.text == TEXT and doc_text(doc) == TEXT
    assert any(e.text == "Tamsin R. Okafor" and e.label_ == "PERSON" for e in doc.ents)


def test_kept_text_is_used_and_missing_text_is_rebuilt(nlp) -> None:
    doc = nlp.make_doc("Okafor joined.")
    assert doc_text(doc) == "Okafor joined."
    assert doc_text(with_text(doc, "kept")) == "kept"  # the kept string is what the checks read


def test_span_text_is_span_text_for_every_sentence_entity_and_token(nlp) -> None:
    """Sentences ending before blank lines and indented signature lines: trailing spaces are not the span's."""
    (doc,) = parse_texts(nlp, [TEXT], 16, [regions(TEXT)])
    spans = [*doc.sents, *doc.ents, *(doc[i : i + 1] for i in range(len(doc))), doc[3:3], doc[:]]
    assert [span_text(s) for s in spans] == [s.text for s in spans]
    plain = nlp.make_doc("  Okafor joined.   Then left.  ")  # no kept text: the Doc's own
    assert span_text(plain[1:4]) == plain[1:4].text == "Okafor joined."
    figures = "Total revenues   1,234   1,098\n"
    (filler,) = parse_texts(nlp, [figures], 16, [regions(figures)])
    assert doc_text(filler) is figures  # a view of one unparsed piece keeps its text too


def test_lowercase_words_from_arrays(nlp) -> None:
    doc = nlp.make_doc(TEXT + " Don't stop; e-mail the co-chair. ÉCOLE école")
    assert _lowercase_words(doc) == {t.text for t in doc if t.is_alpha and t.text.islower()}
    assert _lowercase_words(nlp.make_doc("")) == set()


def test_plural_phrase_written_in_lower_case_elsewhere_in_the_view_is_no_person(nlp) -> None:
    # the heading and the prose are separate blocks, parsed apart: the check runs again over the joined view
    from spacy.tokens import Span

    from graph.mentions.components import drop_document_terms

    text = "Revolving Borrowings\n\nThe Borrower may request borrowings from Tamsin Okafor.\n"
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, len(doc) - 4, len(doc) - 2, "PERSON")]
    kept = {e.text for e in drop_document_terms(with_text(doc, text)).ents}
    assert kept == {"Tamsin Okafor"}
