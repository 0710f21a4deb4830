"""Extraction over views: long parts are parsed in pieces."""

from __future__ import annotations

from tests.conftest import rows_of


def test_long_one_line_part_is_parsed_in_pieces(extract_text) -> None:
    """A one-line text longer than the parser's piece size still builds, with facts from every piece."""
    from graph.text.chunks import PARSE_CHARS

    filler = "The parties agreed to the terms set out in the agreement. " * (2 * PARSE_CHARS // 58 + 50)
    text = (
        "CURRENT REPORT ON FORM 8-K. Harrow Vale Industries, Inc. (the \"Company\") announced results. "
        + filler
        + "The Company appointed Janet Q. Holloway as its Chief Financial Officer."
    )
    assert "\n" not in text and len(text) > 2 * PARSE_CHARS
    rows = rows_of(extract_text(text))
    assert any(r[0] == "Janet Q. Holloway" and r[1] == "officer_of" for r in rows), rows


def test_registrant_is_never_an_exchange(extract_text) -> None:
    """A prospectus without a header names its market often; the issuer is still the registrant."""
    text = (
        "PROSPECTUS SUPPLEMENT\n\nOrchid Vale Therapeutics, Inc.\n\n"
        "Our common stock is listed on The Nasdaq Capital Market under the symbol \"OVT\". "
        "The Nasdaq Capital Market may delist us. The Nasdaq Capital Market rules apply. "
        "The Nasdaq Capital Market requires a minimum bid price.\n"
    )
    ex = extract_text(text)
    names = {e.name for e in ex.entities.values()}
    assert "The Nasdaq Capital Market" in names
    assert ex.registrant is None or ex.entities[ex.registrant].name != "The Nasdaq Capital Market"


def test_agreement_role_terms_are_not_companies(extract_text) -> None:
    """'Parent' and 'the Acquiror' of a merger agreement stand for parties; they are never companies."""
    text = (
        "CURRENT REPORT ON FORM 8-K\n\nKestrel Lane Holdings, Inc. (\"Parent\") agreed to acquire Tidewater Gauge Corp. "
        "Brobeck, Teller & Harrison LLP acted as counsel to the Acquiror. Parent acquired Tidewater Gauge Corp.\n"
    )
    names = {e.name for e in extract_text(text).entities.values()}
    assert "Parent" not in names and "the Acquiror" not in names and "Acquiror" not in names


def test_layout_dashes_are_not_part_of_names() -> None:
    from graph.mentions.entities import display_company

    assert display_company("-Horizon Loop Financial Corp.") == "Horizon Loop Financial Corp."
    assert display_company("— Quill & Sons, Inc.,") == "Quill & Sons, Inc."


def test_parse_texts_joins_pieces_into_one_doc(nlp) -> None:
    from graph.mentions.extract import parse_texts
    from graph.text.chunks import PARSE_CHARS

    long = "Quill Harbor Inc. sold notes. " * (PARSE_CHARS // 30 * 2 + 7)
    texts = [long, "A short part.", "Line one.\n\nLine two.\n" * (PARSE_CHARS // 20)]
    docs = list(parse_texts(nlp, texts, batch_size=4))
    assert [d.text for d in docs] == texts  # offsets of the joined Doc are the view's offsets
    assert len(list(docs[0].sents)) > 2 * (PARSE_CHARS // 30)
    assert docs[0].tensor.size == 0  # parser state is not kept
