"""Entity mentions from the parsed text, filtered for filing layout debris.

The model's ORG/PERSON spans become registry entities only when they look
like real parties: companies need a legal suffix (or a relation rule that
names them, see :func:`company_at`), people need a first and last name.
Agencies come from the gazetteer. References such as "the Company",
"the Registrant" or "we" resolve to the registrant.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph.mentions.components import AGENCY_LABEL, agency_name
from graph.mentions.context import DocContext, PartView
from graph.mentions.spanents import doc_ents
from graph.mentions.gazetteer import (
    COMPANY_WITH_SUFFIX,
    EXCHANGE_ABBREVIATION,
    EXCHANGE_ENTITY,
    NOT_COMPANY_WORDS,
    is_generic_company_name,
)

#: Last words that make a model ORG span a firm even without a legal suffix.
ORG_TAIL = re.compile(
    r"\b(?:Management|Capital|Markets|Securities|Bank|Bancorp|Ventures|Advisors|Advisers|Investments|Partners|"
    r"Financial|Equities|Brokerage|Holdings|Technologies|Systems|Industries|Pharmaceuticals|Communications|Wire)$"
)
from graph.normalize.names import titlecase_company, titlecase_name
from graph.text.sections import heading_spans

REGISTRANT_REF = re.compile(r"^(?:the\s+)?(?:company|registrant|issuer|corporation|trust|fund|partnership)$|^(?:we|us|our)$", re.I)
PERSON_TOKEN = re.compile(r"^(?:[A-Z][a-z'’\-]+(?:[A-Z][a-z]+)?|[A-Z]\.|[A-Z][a-z]?\.|Jr\.?|Sr\.?|II|III|IV|(?:Mc|Mac|O'|O’|De|Van|Von)[A-Z][a-z]+)$")


#: Defined-term roles of agreements ("Parent", "the Acquiror", "Merger Sub"): they stand for a party, never name one.
ROLE_TERM = re.compile(
    r"^(?:the\s+)?(?:parent|acquiror|acquirer|purchaser|buyer|seller|merger\s+sub(?:sidiary)?|acquisition\s+sub(?:sidiary)?|"
    r"surviving\s+(?:corporation|company|entity)|borrower|lender|guarantor|target|holdco|investor|agent|trustee|underwriter)s?$",
    re.I,
)


def display_company(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip().strip(",")
    name = re.sub(r"^[-–—*•·]+\s*", "", name)  # a dash or bullet of the layout before the name
    name = re.sub(r"^.*(?:--|—)\s*", "", name)  # "First!--Cisco Systems Inc."
    return titlecase_company(name) if name.isupper() and len(name) > 5 else name


def is_person_name(text: str) -> bool:
    toks = re.sub(r",\s*(Jr|Sr)\.?", r" \1.", text).split()
    if len(toks) < 2 or len(toks) > 5:
        return False
    if not all(PERSON_TOKEN.match(t.strip(",")) for t in toks):
        return False
    return sum(1 for t in toks if len(t.strip(".,")) > 1) >= 2


def company_at(ctx: DocContext, view: PartView, span: Span, method: str, confidence: float = 0.8) -> str | None:
    """Register the company a span names (or the registrant it refers to); returns its key."""
    text = re.sub(r"\s+", " ", span.text).strip()
    if REGISTRANT_REF.match(text):
        return ctx.registry.registrant
    if span.label_ == AGENCY_LABEL or ROLE_TERM.match(text):
        return None
    words = re.findall(r"[a-z]+", text.lower())
    if not words or all(w in NOT_COMPANY_WORDS for w in words):
        return None
    ev = ctx.span_evidence(view, span, method, confidence)
    return ctx.registry.add("Company", display_company(text), ev)


def collect_entities(ctx: DocContext, view: PartView) -> None:
    """Add the agencies, suffixed companies and full-named people of one parsed part."""
    if view.doc is None:
        return
    reg = ctx.registry
    claimed = ctx.claimed
    for ent in doc_ents(view.doc):
        text = re.sub(r"\s+", " ", ent.text).strip()
        if claimed:
            s, e = view.flow.source_span(ent.start_char, ent.end_char)
            if any(cs <= s and e <= ce for cs, ce in claimed):
                continue  # inside a table another rule reads row by row
        if ent.label_ == AGENCY_LABEL:
            canon = agency_name(text) or re.sub(r"^the\s+", "", text)
            key = reg.add("GovernmentAgency", canon, ctx.span_evidence(view, ent, "gazetteer:agency", 0.95))
            if text != canon:
                reg.entities[key].aliases.add(text)
        elif ent.label_ == "ORG":
            if EXCHANGE_ENTITY.fullmatch(text) or EXCHANGE_ABBREVIATION.fullmatch(text):
                company_at(ctx, view, ent, "gazetteer:exchange", 0.85)
            elif COMPANY_WITH_SUFFIX.search(text):
                company_at(ctx, view, ent, "ner:org+rule:legal-suffix", 0.85)
            elif (
                ORG_TAIL.search(text)
                and len(text.split()) >= 2
                and all(w[:1].isupper() or w in ("&",) for w in text.split())
                and not is_generic_company_name(text)
            ):
                # "Redwood Capital Management", "Bankers Trust": the model's ORG plus a firm-like last word
                company_at(ctx, view, ent, "ner:org+rule:firm-word", 0.7)
        elif ent.label_ == "PERSON":
            name = text.strip(",")
            if is_person_name(name):
                if name.isupper():
                    name = titlecase_name(name)
                reg.add("Person", name, ctx.span_evidence(view, ent, "ner:person", 0.8))


def outline_step(ctx: DocContext, view: PartView) -> None:
    """Keep people and suffix-less firms out of outline headings and table captions.

    "Item 9.01 Financial Statements and Exhibits" and "Title of each class |
    Trading Symbol" are written in title case and read as names by small models.
    """
    if view.doc is None:
        return
    spans = heading_spans(view.flow.text)
    if not spans:
        return
    doc = view.doc

    def in_heading(ent: Span) -> bool:
        return any(s <= ent.start_char and ent.end_char <= e for s, e in spans)

    doc.ents = [
        ent for ent in doc.ents
        if not (in_heading(ent) and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and not COMPANY_WITH_SUFFIX.search(ent.text))))
    ]


def resolve_short_mentions(ctx: DocContext, view: PartView) -> None:
    """Attach "Mr. Crossman" / lone first names to the one matching person, as aliases."""
    if view.doc is None:
        return
    reg = ctx.registry
    for ent in doc_ents(view.doc):
        if ent.label_ != "PERSON":
            continue
        text = ent.text.strip()
        if len(text.split()) == 1 and text[:1].isupper():
            key = reg.find_person_by_surname(text) or reg.find_person_by_first(text)
            if key:
                reg.entities[key].aliases.add(text)


def find_agencies(ctx: DocContext, view: PartView) -> None:
    """Government agencies in a part that gets no NLP (form boxes), from the gazetteer alone."""
    from graph.mentions.components import agency_matches

    text = view.layout.text
    for m, canon in agency_matches(text):
        ev = ctx.evidence(view.layout, m.start(), m.end(), "gazetteer:agency", 0.9)
        key = ctx.registry.add("GovernmentAgency", canon, ev)
        surface = re.sub(r"\s+", " ", m.group(0))
        if surface != canon:
            ctx.registry.entities[key].aliases.add(surface)
