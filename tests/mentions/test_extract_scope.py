"""Selective parsing: which units get NER and the parser, and the joined Doc stays whole."""

from __future__ import annotations

from graph.mentions.scope import OPENING_CHARS, needs_parse, regions, units

FIGURES = "Total revenues          1,234,567      1,098,765      987,654\n"
PROSE = "The meeting was adjourned without further business being conducted by anyone.\n"
APPOINTMENT = "On May 1, the Board appointed Tamsin R. Okafor as Chief Financial Officer of the Company.\n"


def test_rows_of_figures_and_plain_prose_are_filler() -> None:
    assert not needs_parse(FIGURES)
    assert not needs_parse("-----------------------------\n")
    assert not needs_parse("the meeting was adjourned without further business being conducted by anyone at all today\n")


def test_names_roles_and_deal_words_are_parsed() -> None:
    assert needs_parse(APPOINTMENT)
    assert needs_parse("Quillmore Harbor, Inc.\n")  # a cover line: the company on its own
    assert needs_parse("the issuer sold 1,250,000 shares at a price of $4.10 per share to the purchasers named below\n")
    assert needs_parse("it will act as trustee under the indenture and as paying agent for the holders hereof\n")


def test_regions_cover_the_text_exactly() -> None:
    text = FIGURES + PROSE.lower() + APPOINTMENT + FIGURES
    rs = regions(text)
    assert rs[0].start == 0 and rs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(rs, rs[1:]))
    assert [r.parse for r in rs] == [False, True, False]


def test_long_line_is_cut_into_sentences() -> None:
    line = ("The parties met again to review the schedule in detail. " * 60).strip() + "\n"
    cut = units(line)
    assert len(cut) > 10 and cut[0][0] == 0 and cut[-1][1] == len(line)


def test_agreement_body_past_its_opening_is_filler() -> None:
    body = APPOINTMENT * (OPENING_CHARS // len(APPOINTMENT) + 20)
    rs = regions(body, "EX-10.1")
    assert rs[0].parse and not rs[-1].parse
    assert all(r.parse for r in regions(body, "8-K"))


def test_filler_regions_keep_offsets_and_sentences(nlp) -> None:
    from graph.mentions.extract import parse_texts

    text = FIGURES + "the board met twice.\n" + APPOINTMENT + FIGURES
    (doc,) = parse_texts(nlp, [text], 4, [regions(text)])
    assert doc.text == text
    sents = [s.text for s in doc.sents]
    assert FIGURES in sents and APPOINTMENT in sents
    assert any(e.text == "Tamsin R. Okafor" for e in doc.ents)
    assert all(not (e.start_char < len(FIGURES)) for e in doc.ents)  # filler gets no entities
