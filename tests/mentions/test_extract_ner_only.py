"""NER-only units: only units with a trigger of a parse-reading rule get the tagger and the parser."""

from __future__ import annotations

from graph.mentions.nlp import ner_only_disable
from graph.mentions.scope import needs_full, regions, sentence_starts
from graph.mentions.scope import units as regions_units

APPOINTMENT = "On May 1, the Board appointed Tamsin R. Okafor as Chief Financial Officer of the Company.\n"
SALE = "Quillmore Harbor, Inc. sold 1,250,000 shares of its common stock to Brackenfield Capital LP.\n"
FIGURES = "Total revenues          1,234,567      1,098,765      987,654\n"


def test_role_and_agent_words_need_the_full_parse() -> None:
    assert needs_full(APPOINTMENT)
    assert needs_full("Orrin Vale & Pike LLP acted as counsel to the underwriters in the offering.\n")
    assert needs_full("Mr. Dalby will serve as trustee under the indenture.\n")
    assert needs_full("Quillmore Harbor Bank, as administrative agent for the lenders\n")
    # names, securities and deal words are read from entities by regular expressions: NER alone
    assert not needs_full(SALE)
    assert not needs_full("Brackenfield Capital LP acquired all of the outstanding stock of Quillmore Harbor, Inc.\n")


def test_regions_mark_full_and_ner_only_parts() -> None:
    text = SALE * 5 + APPOINTMENT + FIGURES  # NER-only text past CONTEXT_CHARS stays NER-only
    assert [(r.parse, r.full) for r in regions(text)] == [(True, False), (True, True), (False, False)]


def test_short_lines_around_a_parsed_line_join_its_parse() -> None:
    """A signature block: the name lines get the context of the title line, the rule under the name too."""
    block = ("By: /s/ Tamsin R. Okafor\n", "-------------------------\n", "Tamsin R. Okafor\n", "Chief Financial Officer\n")
    text = SALE * 5 + "".join(block) + FIGURES
    kinds = [(r.parse, r.full, text[r.start:r.end]) for r in regions(text)]
    assert [(p, f) for p, f, _ in kinds] == [(True, False), (True, True), (False, False)]
    assert kinds[1][2] == "".join(block)


def test_units_are_not_cut_at_initials_or_abbreviations() -> None:
    line = ("On May 4, 2009, Quillmore Harbor Corp. announced that Tamsin R. Okafor, Chief Financial Officer of "
            "Quillmore Harbor, Inc. and its bank, resigned. Mr. Okafor will stay until June. ") * 2
    cuts = [line[s:e] for s, e in regions_units(line)]
    assert all(not c.rstrip().endswith((" R.", " Corp.", " Mr.", " Inc.")) for c in cuts)
    assert len(cuts) >= 3


def test_cheap_sentences_cut_lines_and_plain_stops_not_initials() -> None:
    text = 'Quillmore sold notes (the "Notes"). The Notes went to J. P. Morvane Co. and others.\nNext line.'
    starts = sentence_starts(text)
    assert [text[i : i + 9] for i in starts] == ["Quillmore", "The Notes", "Next line"]
    assert sentence_starts("one line only") == [0]


def test_small_model_ner_runs_without_the_shared_tok2vec(nlp) -> None:
    disable = ner_only_disable(nlp)
    assert disable is not None and "ner" not in disable
    assert {"tok2vec", "parser"} <= set(disable)


def test_ner_only_units_keep_entities_sentences_and_offsets(nlp) -> None:
    from graph.mentions.extract import parse_texts

    text = SALE + "Brackenfield Capital LP paid cash. The sale closed on June 2.\n" + APPOINTMENT + FIGURES
    (doc,) = parse_texts(nlp, [text], 4, [regions(text)])
    assert doc.text == text
    sents = [s.text for s in doc.sents]
    assert SALE in sents and "The sale closed on June 2.\n" in sents and APPOINTMENT in sents
    assert any(e.text == "Tamsin R. Okafor" for e in doc.ents)
    assert any(e.start_char < len(SALE) and e.label_ == "ORG" for e in doc.ents)
    # the appointment was fully parsed: its tokens have tags and a real dependency tree
    appointed = next(t for t in doc if t.text == "appointed")
    assert appointed.tag_.startswith("VB") and appointed.dep_ == "ROOT"


def test_person_filter_reads_tags_around_people_in_ner_only_units(nlp) -> None:
    """The PERSON filter needs proper-noun tags: the words around each person are tagged, the rest is not."""
    from graph.mentions.extract import TAG_WINDOW, parse_texts

    filler = "the price was paid in cash at the closing " * 8
    line = "Brackenfield Capital LP sold 40,000 shares to Marisol Quenby in May " + filler + "\n"
    rs = regions(line)
    assert rs[0].parse and not rs[0].full
    (doc,) = parse_texts(nlp, [line], 4, [rs])
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [e.text for e in people] == ["Marisol Quenby"]
    assert all(t.tag_ == "NNP" for t in people[0])
    assert doc[people[0].end + TAG_WINDOW + 5].tag_ == ""  # far from any person: never tagged
    full = nlp(line)
    assert [(e.text, e.label_) for e in full.ents if e.label_ == "PERSON"] == [(e.text, e.label_) for e in people]


def test_offering_sentences_get_the_full_parse() -> None:
    """The deal reader takes an offering's subject and object from the parse: a prospectus cover of the
    1990s text era and of a modern supplement."""
    assert needs_full('This Prospectus relates to 412,300 shares (the "Shares") of Common Stock, $.10 par value, '
                      "of Quillmore Harbor, Inc.\n")
    assert needs_full("The 1,500,000 shares of common stock offered by Brackenfield Capital LP will be sold at market prices.\n")
    assert not needs_full("The related party transactions are described below.\n")
