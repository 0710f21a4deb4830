"""Relations read from prose: subsidiaries, agents, tickers (officers: graph.mentions.roles; acquisitions: graph.mentions.acquisitions).

Each rule works on one sentence of the reflowed, spaCy-parsed text and the
entity spans the components left in it. They are written against the
shapes filings use ("X, Chief Financial Officer of Y", "through its
subsidiaries A, B and C", "The placement agent for the offering was X",
"(NASDAQ: INNO)"), never against particular names.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph.mentions.components import AGENCY_LABEL
from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import company_at, display_company
from graph.mentions.gazetteer import ABBREV_SUFFIX_END, EXCHANGE_NAMES
from graph.mentions.spanents import span_ents, span_text
from graph.mentions.roles import officers_in_sentence
from graph.mentions.parties import agents_in_sentence, investors_in_sentence
from graph.mentions.acquisitions import acquisitions_in_sentence
from graph.mentions.holders import holders_in_sentence

# --------------------------------------------------------------------------- subsidiaries

SUBSIDIARY_LIST = re.compile(
    r"(?:through|including|with|via|and|of)?\s*(?:its|their|our|the\s+company's|the\s+registrant's)\s+"
    r"(?:(?:wholly|majority|100%)[\s-]+owned\s+|direct\s+|indirect\s+|operating\s+|principal\s+)*subsidiar(?:y|ies)\s*,?\s*",
    re.I,
)
SUBSIDIARY_OF = re.compile(
    r"^\s*,?\s*(?:a|an|its|our)\s+(?:(?:wholly|majority|100%)[\s-]+owned\s+|direct\s+|indirect\s+)*subsidiary\s+of\s+(?:the\s+)?",
    re.I,
)


def _orgs_in(sent: Span) -> list[Span]:
    return [e for e in span_ents(sent) if e.label_ == "ORG"]


def _split_name_list(text: str) -> list[tuple[int, int]]:
    """Spans of the names in "A, B and C, Inc." (legal suffixes stay with their name)."""
    out: list[tuple[int, int]] = []
    pieces = list(re.finditer(r"[^,]+", text))
    merged: list[list[int]] = []
    for m in pieces:
        piece = m.group(0)
        if merged and re.fullmatch(r"\s*(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|LP|L\.P|LLP|N\.A|S\.A|AG|PC|P\.C|Limited|Incorporated)\.?\s*", piece):
            merged[-1][1] = m.end()
        else:
            merged.append([m.start(), m.end()])
    for s, e in merged:
        chunk = text[s:e]
        for sub in re.split(r"\s+and\s+", chunk):
            idx = text.find(sub, s)
            sub_s = idx + (len(sub) - len(sub.lstrip()))
            sub_e = idx + len(sub.rstrip())
            if sub_e > sub_s:
                out.append((sub_s, sub_e))
    return out


def subsidiaries_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    reg = ctx.registry
    text = view.flow.text
    for m in SUBSIDIARY_LIST.finditer(span_text(sent)):
        start = sent.start_char + m.end()
        # the list runs until a verb-ish lower-case word or the end of the clause
        rest = text[start : sent.end_char]
        stop = re.search(r"\s(?:is|are|was|were|has|have|which|that|who|to|in|for|on|a|an|the)\s|[;:()]|(?<![A-Z])\.(?:\s|$)|\.(?=\s+[A-Z][a-z])", rest)
        lst = rest[: stop.start()] if stop else rest
        if stop and rest[stop.start()] == "." and ABBREV_SUFFIX_END.search(lst + "."):
            lst += "."  # "... Europe B.V." keeps its abbreviation
        lst = lst.rstrip(" ,")
        if lst.endswith(".") and not ABBREV_SUFFIX_END.search(lst):
            lst = lst[:-1]
        parent = _parent_before(ctx, view, sent, sent.start_char + m.start())
        if parent is None:
            continue
        for s, e in _split_name_list(lst):
            name = lst[s:e].strip()
            if not name or not name[0].isupper() or len(name) < 3:
                continue
            if not all(w[0].isupper() or w.lower() in ("of", "and", "de", "&", "the", "la") for w in name.split()):
                continue
            ev = ctx.evidence(view.flow, start + s, start + e, "rule:subsidiary-list", 0.8, span_text(sent))
            child = reg.add("Company", display_company(name), ev)
            if child != parent:
                reg.fact(child, "subsidiary_of", parent, ev)
    for org in _orgs_in(sent):
        after = text[org.end_char : sent.end_char]
        m = SUBSIDIARY_OF.match(after)
        if not m:
            continue
        rest = after[m.end():]
        parent = None
        if re.match(r"(?:company|registrant|corporation)\b", rest, re.I):
            parent = reg.registrant
        else:
            for o2 in _orgs_in(sent):
                if o2.start_char >= org.end_char + m.end() and o2.start_char <= org.end_char + m.end() + 3:
                    parent = company_at(ctx, view, o2, "rule:subsidiary-of")
        child = company_at(ctx, view, org, "rule:subsidiary-of")
        if parent and child and parent != child:
            reg.fact(child, "subsidiary_of", parent, ctx.span_evidence(view, org, "rule:subsidiary-of", 0.8))
    # "a wholly-owned subsidiary of the Registrant, Mathilda Acquisition Corporation"
    for m in re.finditer(r"subsidiary\s+of\s+(?:the\s+)?(?:registrant|company)\s*,\s*", span_text(sent), re.I):
        pos = sent.start_char + m.end()
        for org in _orgs_in(sent):
            if org.start_char == pos and reg.registrant:
                child = company_at(ctx, view, org, "rule:subsidiary-apposition")
                if child and child != reg.registrant:
                    reg.fact(child, "subsidiary_of", reg.registrant, ctx.span_evidence(view, org, "rule:subsidiary-apposition", 0.8))


def _parent_before(ctx: DocContext, view: PartView, sent: Span, pos: int) -> str | None:
    """The company owning "its subsidiaries": the last company named before, else the registrant."""
    orgs = [o for o in _orgs_in(sent) if o.end_char <= pos]
    if orgs:
        return company_at(ctx, view, orgs[-1], "rule:subsidiary-parent") or ctx.registry.registrant
    return ctx.registry.registrant


OWNER_OF_ALL = re.compile(
    r"(?:became|becomes|is|was)\s+(?:the\s+)?(?:sole\s+)?(?:owner|holder)\s+of\s+(?:100%|all)\s+of\s+the\s+(?:issued\s+and\s+)?outstanding\s+"
    r"(?:shares\s+of\s+)?(?:capital\s+|common\s+)?stock\s+of\s+",
    re.I,
)
BECAME_SUB = re.compile(r"\s+(?:became|becomes|will\s+become|is\s+now)\s+(?:a\s+)?(?:wholly[\s-]owned\s+)?subsidiary\s+of\s+(?:the\s+)?(?:registrant|company)\b", re.I)


def ownership_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"the Registrant became the owner of 100% of the outstanding common stock of X": X is a subsidiary."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    text = view.flow.text
    for m in OWNER_OF_ALL.finditer(span_text(sent)):
        rest = text[sent.start_char + m.end() : sent.end_char]
        name = re.match(r"([A-Z][\w&'’.-]*(?:,?\s+[A-Z][\w&'’.-]*){0,5})", rest)
        if not name:
            continue
        key = reg.find("Company", name.group(1).rstrip(",."))
        if key and key != reg.registrant:
            s = sent.start_char + m.end()
            reg.fact(key, "subsidiary_of", reg.registrant, ctx.evidence(view.flow, s, s + len(name.group(1)), "rule:owner-of-all", 0.8, span_text(sent)))
    for org in _orgs_in(sent):
        if BECAME_SUB.match(text[org.end_char : sent.end_char]):
            key = company_at(ctx, view, org, "rule:became-subsidiary")
            if key and key != reg.registrant:
                reg.fact(key, "subsidiary_of", reg.registrant, ctx.span_evidence(view, org, "rule:became-subsidiary", 0.8))


ORG_FORM = re.compile(
    r"^\s*,?\s*(?:is\s+)?an?\s+(?P<st>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:corporation|limited\s+liability\s+company|limited\s+partnership|"
    r"business\s+trust|general\s+partnership|statutory\s+trust|company)\b"
)


def incorporation_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """"Combinet, Inc., a California corporation": the state of incorporation of the named company."""
    from graph.normalize.places import normalize_jurisdiction

    text = view.flow.text
    for org in _orgs_in(sent):
        m = ORG_FORM.match(text[org.end_char : sent.end_char])
        if not m:
            continue
        st = normalize_jurisdiction(m.group("st"))
        if not st:
            continue
        key = company_at(ctx, view, org, "rule:state-of-incorporation")
        if key:
            s = org.end_char + m.start("st")
            ctx.registry.fact(key, "state_of_incorporation", st, ctx.evidence(view.flow, s, s + len(m.group("st")), "rule:state-of-incorporation", 0.85, span_text(sent)))


# --------------------------------------------------------------------------- tickers

TICKER = re.compile(
    r"\(\s*(?P<ex>NASDAQ(?:\s*NM|\s+National\s+Market)?|Nasdaq(?:\s*NM|\s+National\s+Market)?|NYSE(?:\s+American|\s+MKT|\s+Amex)?|"
    r"AMEX|OTCBB|OTC\s*BB|OTC|OTCQB|OTCQX)\s*[:/]?\s*(?P<t>[A-Z]{1,5}(?:\.[A-Z])?)\b",
)
SYMBOL = re.compile(
    r"(?:traded|listed|quoted)\s+on\s+the\s+(?P<ex>[A-Z][\w ]{2,40}?)\s+under\s+the\s+(?:trading\s+)?symbol\s+[\"“']?(?P<t>[A-Z]{1,5})",
)


def tickers_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    reg = ctx.registry
    for pat in (TICKER, SYMBOL):
        for m in pat.finditer(span_text(sent)):
            ex = EXCHANGE_NAMES.get(re.sub(r"\s+", " ", m.group("ex")).lower())
            pos = sent.start_char + m.start()
            subject = None
            for org in _orgs_in(sent):
                if org.end_char <= pos and pos - org.end_char <= 3:
                    subject = company_at(ctx, view, org, "rule:ticker")
            subject = subject or reg.registrant
            if subject is None:
                continue
            ev = ctx.evidence(view.flow, pos, sent.start_char + m.end(), "rule:ticker", 0.9, span_text(sent))
            reg.fact(subject, "ticker", m.group("t"), ev)
            if ex:
                reg.fact(subject, "exchange", ex, ev)


SENTENCE_RULES = (
    officers_in_sentence,
    ownership_in_sentence,
    incorporation_in_sentence,
    investors_in_sentence,
    subsidiaries_in_sentence,
    agents_in_sentence,
    tickers_in_sentence,
    acquisitions_in_sentence,
    holders_in_sentence,
)


def apply_relations(ctx: DocContext, view: PartView) -> None:
    """Run every sentence rule over one parsed part."""
    if view.doc is None:
        return
    for sent in view.doc.sents:
        if not any(e.label_ in ("ORG", "PERSON", AGENCY_LABEL) for e in span_ents(sent)) and "(" not in span_text(sent):
            continue
        for rule in SENTENCE_RULES:
            rule(ctx, view, sent)
