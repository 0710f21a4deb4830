"""Deal parties read from prose: agents, underwriters, trustees, counsel, auditors, investors.

The rules work on one parsed sentence and the entity spans the components
left in it, keyed on how filings name a party for a role: apposition
("X, as trustee"; "A and B, as representatives of the several
underwriters"), copulas ("The transfer agent for our common stock is X") and
role phrases before a firm ("passed upon for the Company by X").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import company_at
from graph.mentions.spanents import doc_ents, span_ents


def _orgs_in(sent: Span) -> list[Span]:
    return [e for e in span_ents(sent) if e.label_ == "ORG"]


INVESTOR_CUE = re.compile(
    r"(?:subscription|securities\s+purchase|stock\s+purchase|note\s+purchase|purchase|investment)\s+agreements?\s+with\s+|"
    r"(?:sold|issued)\s+(?:[^.;]{0,80}?)\s+to\s+(?=[A-Z])",
    re.I,
)


def investors_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    """Named purchasers: "a subscription agreement with A, B, and C whereby these investors are purchasing ..."."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for m in INVESTOR_CUE.finditer(sent.text):
        start = sent.start_char + m.end()
        stop = re.search(r"\b(?:whereby|pursuant|for|to\s+purchase|under\s+which|in\s+which|dated)\b|[;.(]\s", view.flow.text[start : sent.end_char])
        end = start + stop.start() if stop else sent.end_char
        for org in _orgs_in(sent):
            if start <= org.start_char < end:
                key = company_at(ctx, view, org, "rule:investor")
                if key and key != reg.registrant:
                    reg.fact(key, "investor_in", reg.registrant, ctx.span_evidence(view, org, "rule:investor", 0.7))


# --------------------------------------------------------------------------- agents

AGENT_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("placement_agent_for", re.compile(r"placement\s+agents?", re.I)),
    ("underwriter_for", re.compile(r"\b(?:underwriters?|underwritten\s+by|representatives?\s+of\s+the\s+underwriters)\b", re.I)),
    ("transfer_agent_for", re.compile(r"transfer\s+agent", re.I)),
    ("trustee_for", re.compile(r"\b(?:indenture\s+)?trustee\b", re.I)),
    (
        "auditor_of",
        re.compile(
            r"\b(?:independent\s+(?:registered\s+public\s+)?(?:accountants?|auditors?|accounting\s+firm)|"
            r"certifying\s+accountant|registered\s+public\s+accounting\s+firm|(?:as\s+(?:the\s+)?(?:company's\s+|registrant's\s+|our\s+)?)auditors?)\b",
            re.I,
        ),
    ),
    ("legal_counsel_for", re.compile(r"\b(?:legal\s+counsel|counsel\s+(?:to|for)|legal\s+opinion|opinion\s+of|passed\s+upon)\b", re.I)),
]


#: What may stand between a role keyword and the firm after it ("The placement agent for the offering was X").
AGENT_AFTER = re.compile(
    r"[\s,:|(]*(?:(?:for|in|of|to)\s+(?:the|this|our|its|such)\s+\w+(?:\s+\w+)?\s*)?"
    r"(?:(?:was|is|were|are|will\s+be|has\s+been|have\s+been|shall\s+be|being)\s+)?(?:by\s+(?:messrs\.?\s+)?)?"
    r"[\s,:|(]*(?:the\s+firm\s+of\s+)?",
    re.I,
)
#: What may stand between the firm and a role keyword after it ("X acted as the Company's independent auditors").
AGENT_BEFORE = re.compile(
    r"\s*,?\s*(?:(?:has|have|had|will|to)\s+)?(?:(?:acted|served|acts|serves|act|serve|is|was|are|were|been|become|became|"
    r"dismissed|engaged|retained|appointed|named|selected|replaced|resigned|continue[sd]?\s+to\s+serve|will\s+act)\s+)*"
    r"(?:as\s+)?(?:(?:the|a|an|its|our|their|sole|lead|joint|exclusive|book-?running|managing|co-?managing|co-?manager|"
    r"managers?|and|representatives?|of|several|principal|independent|new|former|outside|general|special|"
    r"(?:company|registrant|issuer|trust|fund|partnership|corporation)['’]s)\s+)*",
    re.I,
)


def agents_in_sentence(ctx: DocContext, view: PartView, sent: Span) -> None:
    reg = ctx.registry
    # the parser's sentences break oddly in tables ("LEAD UNDERWRITER: | X"): look beyond them, never across a line
    orgs = [e for e in doc_ents(sent.doc) if e.label_ == "ORG" and sent.start_char - 100 <= e.start_char <= sent.end_char + 100]
    if not orgs:
        return
    for relation, pat in AGENT_ROLES:
        for m in pat.finditer(sent.text):
            kpos = sent.start_char + m.start()
            kend = sent.start_char + m.end()
            best, dist = None, 10**9
            for org in orgs:
                d = org.start_char - kend if org.start_char >= kend else kpos - org.end_char
                if d < 0 or d > 90:
                    continue
                between = view.flow.text[min(kend, org.end_char) : max(kpos, org.start_char)]
                if re.search(r"[;\n]", between) or ("|" in between and not re.fullmatch(r"\s*:?\s*\|\s*", between)):
                    continue  # another clause, line or table cell (a "LABEL: | value" pair is fine)
                link = AGENT_AFTER if org.start_char >= kend else AGENT_BEFORE
                if not link.fullmatch(between):
                    continue  # "placement agent in connection with ... the Crico acquisition" names no agent
                if d < dist:
                    best, dist = org, d
            if best is None:
                continue
            for org in _coordinated(view, orgs, best):
                key = company_at(ctx, view, org, f"rule:{relation}", 0.75)
                if key is None or key == reg.registrant or reg.registrant is None:
                    continue
                reg.fact(key, relation, reg.registrant, ctx.span_evidence(view, org, f"rule:{relation}", 0.75))


def _coordinated(view: PartView, orgs: list[Span], best: Span) -> list[Span]:
    """``best`` and the companies listed with it ("A, B and C acted as underwriters")."""
    text = view.flow.text
    group = [best]
    ordered = sorted(orgs, key=lambda o: o.start_char)
    i = ordered.index(best)
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = (ordered[j + step], ordered[j]) if step < 0 else (ordered[j], ordered[j + step])
            if not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*&)\s*", text[a.end_char : b.start_char]):
                break
            j += step
            group.append(ordered[j])
    return group


