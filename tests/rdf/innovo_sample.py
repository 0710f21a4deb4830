"""A small hand-made extraction (Innovo Group 8-K) and the facts view it must produce.

Shared by the rdf, store and query tests through their conftest files.
"""

from __future__ import annotations

from graph.model import Entity, Evidence, Extraction, Fact, Instrument

DOC = "002_d72a9ef88ce946c1.txt"
INNOVO = "company/cik-844143"
FURROW = "person/samuel-j-furrow-jr"
SEC = "agency/securities-and-exchange-commission"
AGENT = "company/example-capital-markets-llc"
NOTE = "instrument/company/cik-844143/convertible-note"
COMMON = "instrument/company/cik-844143/common-stock"
SHA = "a" * 64

_pos = [0]
_doc = [DOC]


def ev(method: str = "rule:test", confidence: float = 0.9, sentence: str = "") -> Evidence:
    """Evidence with increasing, distinct offsets."""
    _pos[0] += 10
    return Evidence(_doc[0], _pos[0], _pos[0] + 5, sentence=sentence, method=method, confidence=confidence)


def innovo_extraction(doc_id: str = DOC) -> Extraction:
    _pos[0] = 0
    _doc[0] = doc_id
    entities = {
        INNOVO: Entity(INNOVO, "Company", "Innovo Group Inc.", {"INNOVO GROUP INC.", "Innovo Group"},
                       cik="844143", is_registrant=True, evidence=[ev("header:sgml")]),
        FURROW: Entity(FURROW, "Person", "Samuel J. Furrow, Jr.", {"Samuel J. Furrow"}),
        SEC: Entity(SEC, "GovernmentAgency", "Securities and Exchange Commission", {"SEC"}),
        AGENT: Entity(AGENT, "Company", "Example Capital Markets LLC"),
    }
    instruments = {
        NOTE: Instrument(NOTE, INNOVO, "Convertible Note"),
        COMMON: Instrument(COMMON, INNOVO, "Common Stock"),
    }
    F = Fact
    facts = [
        F(doc_id, "form_type", "8-K", evidence=ev("header:sgml", 1.0)),
        F(doc_id, "filed_by", INNOVO, evidence=ev("header:sgml", 1.0)),
        F(doc_id, "report_date", "2004-06-23", evidence=ev("rule:signature")),
        F(INNOVO, "cik", "844143", evidence=ev("header:sgml", 1.0)),
        F(INNOVO, "state_of_incorporation", "Delaware", evidence=ev("header:sgml", 1.0)),
        F(INNOVO, "ticker", "INNO", evidence=ev()),
        F(INNOVO, "exchange", "NASDAQ", evidence=ev()),
        F(INNOVO, "irs_employer_id", "11-2928178", evidence=ev()),
        F(INNOVO, "commission_file_number", "0-18926", evidence=ev()),
        F(INNOVO, "postal_code", "90040"),  # no evidence: no span in the source
        F(FURROW, "officer_of", INNOVO, "Chief Executive Officer", evidence=ev("rule:signature")),
        F(FURROW, "officer_of", INNOVO, "Principal Executive Officer", evidence=ev("rule:signature")),
        F(FURROW, "director_of", INNOVO, evidence=ev()),
        F(FURROW, "signed", doc_id, evidence=ev("rule:signature", sentence="/s/ Samuel J. Furrow, Jr.")),
        F(AGENT, "placement_agent_for", INNOVO, evidence=ev("ner:org+rule:agent", 0.7)),
        F(INNOVO, "issued", "Convertible Note", evidence=ev()),
        F(INNOVO, "issued", "Warrant", evidence=ev()),  # instrument not listed: minted by the builder
        F(NOTE, "principal_amount", "2500000", evidence=ev()),
        F(NOTE, "interest_rate", "7.5", evidence=ev()),
        F(NOTE, "maturity", "P12M", evidence=ev()),
        F(NOTE, "conversion_price", "1.53", evidence=ev()),
        F(NOTE, "conversion_price", "1.41", evidence=ev()),
        F(NOTE, "conversion_price", "1.35", evidence=ev()),
        F(NOTE, "price_per_share", "4.00", evidence=ev()),
        F(NOTE, "convertible_into", COMMON, evidence=ev()),
        # the same fact read twice: one row, first source
        F(NOTE, "conversion_price", "1.53", evidence=ev()),
    ]
    return Extraction(doc_id, SHA, form_type="8-K", registrant=INNOVO,
                      entities=entities, instruments=instruments, facts=facts)


def expected_facts(doc_id: str = DOC) -> set[tuple[str, ...]]:
    """What the facts view must say: FORMAT tuples, entity type lines included."""
    inno = "Innovo Group Inc."
    furrow = "Samuel J. Furrow, Jr."
    note = "Innovo Group Inc. / Convertible Note"
    return {
        (inno, "type", "Company"),
        (furrow, "type", "Person"),
        ("Securities and Exchange Commission", "type", "GovernmentAgency"),
        ("Example Capital Markets LLC", "type", "Company"),
        (doc_id, "form_type", "8-K"),
        (doc_id, "filed_by", inno),
        (doc_id, "report_date", "2004-06-23"),
        (inno, "cik", "844143"),
        (inno, "state_of_incorporation", "Delaware"),
        (inno, "ticker", "INNO"),
        (inno, "exchange", "NASDAQ"),
        (inno, "irs_employer_id", "11-2928178"),
        (inno, "commission_file_number", "0-18926"),
        (inno, "postal_code", "90040"),
        (furrow, "officer_of", inno, "Chief Executive Officer"),
        (furrow, "officer_of", inno, "Principal Executive Officer"),
        (furrow, "director_of", inno),
        (furrow, "signed", doc_id),
        ("Example Capital Markets LLC", "placement_agent_for", inno),
        (inno, "issued", "Convertible Note"),
        (inno, "issued", "Warrant"),
        (note, "principal_amount", "2500000"),
        (note, "interest_rate", "7.5"),
        (note, "maturity", "P12M"),
        (note, "conversion_price", "1.53"),
        (note, "conversion_price", "1.41"),
        (note, "conversion_price", "1.35"),
        (note, "price_per_share", "4"),
        (note, "convertible_into", "Innovo Group Inc. / Common Stock"),
    }
