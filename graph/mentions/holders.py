"""Shareholder tables: selling, principal or beneficial holders, one row each.

Prospectuses and proxy statements list holders in a table under a heading
such as "SELLING SHAREHOLDERS" or "PRINCIPAL STOCKHOLDERS": a name column
(sometimes wrapped over two lines) followed by columns of share counts.
Every named row gives ``shareholder_of`` the registrant. Row names are read
the way FORMAT.md asks: a personal trust or IRA is the person named in it,
"Coleman and Jeanne Benedict" is two people, "First Trust Corp. fbo Jack
Kadis" is both the custodian firm and the beneficiary.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company, is_person_name
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX

HEADING = re.compile(
    r"^\s*(?:selling|principal|registered)\s+(?:share|stock|security|securit(?:y|ies)|unit)?\s*holders?\s*$|"
    r"^\s*security\s+ownership\s+of\s+certain\s+beneficial\s+owners",
    re.I | re.M,
)
ROW = re.compile(r"^\s{0,3}(?P<name>\S.*?)\s{2,}(?P<num>\(?\d[\d,]*\)?|-+|\*)(?:\s|$)")
NUMBERS_ONLY = re.compile(r"^[\s\d,.%*()\-<>FN/]*$")
TABLE_END = re.compile(r"^\s*</TABLE>|^\s*(?:total|all\s+(?:directors|officers))", re.I)
HEADER_WORDS = re.compile(r"^(?:name|shareholder|stockholder|holder|beneficial|owner|number|shares|percent|common|of\b)", re.I)
IRA = re.compile(r",?\s+(?:IRA|I\.R\.A\.?|Keogh|SEP)\b.*$", re.I)
TRUST = re.compile(r"\s*(?:-\s*[\w' ]+)?\s+(?:Children's\s+|Family\s+|Revocable\s+|Living\s+|Irrevocable\s+)?Trust\b.*$", re.I)
FBO = re.compile(r"^(?P<firm>.+?),?\s+(?:FBO|f/b/o|for\s+the\s+benefit\s+of)\s+(?P<person>.+)$", re.I)
JOINT = re.compile(r"^(?P<a>[A-Z][a-z]+)\s+(?:and|&)\s+(?P<b>[A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+(?P<last>[A-Z][\w'’-]+)$")


def holder_names(raw: str) -> list[tuple[str, str]]:
    """(type, name) pairs a table row names; empty for rows that name nobody."""
    name = re.sub(r"<F\d+>|\(\d+\)|\*+", "", raw)
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if not name:
        return []
    m = FBO.match(name)
    if m:
        return holder_names(m.group("firm")) + holder_names(m.group("person"))
    name = re.sub(r",?\s+M\.D\.$", "", name)
    stripped = IRA.sub("", name)
    if stripped != name and is_person_name(stripped):
        return [("Person", stripped)]
    if re.search(r"\bTrust\b", name) and not COMPANY_WITH_SUFFIX.search(re.sub(r"\bTrust\b.*$", "", name).strip() or "x"):
        person = TRUST.sub("", name).strip(" ,-")
        if re.search(r"\b(?:Corp|Company|Co|Bank|Inc)\b", name):
            return [("Company", display_company(name))]
        return [("Person", person)] if is_person_name(person) else []
    j = JOINT.match(name)
    if j:
        return [("Person", f"{j.group('a')} {j.group('last')}"), ("Person", f"{j.group('b')} {j.group('last')}")]
    if COMPANY_WITH_SUFFIX.search(name) or re.search(r"\b(?:Bank|Capital|Fund|Partners|Investments?|Ventures|Associates)\b", name):
        return [("Company", display_company(name))]
    if is_person_name(name):
        return [("Person", name)]
    return [("Company", display_company(name))] if len(name.split()) <= 6 and name[:1].isupper() else []


CONTINUATION_START = re.compile(
    r"^(?:[a-z]|(?:Investment|Investments|Retirement|Fund|Funds|Partners|Partnership|Trust|Associates|Capital|Holdings|"
    r"Inc\.?|L\.P\.|LP|LLC|Ltd\.?|Co\.|Company|Corporation|Bank|IRA|Account)\b)"
)
ADDRESS = re.compile(r"^\d+\s|\bc/o\b|\bSuite\b|\b[A-Z]{2}\s+\d{5}\b|\b(?:Street|Avenue|Road|Boulevard|Blvd|Drive|Plaza)\b", re.I)


def _continues(previous: str, row_name: str, row_line: str) -> bool:
    """Whether a number-less line above a row is the first part of the row's name."""
    if ADDRESS.search(previous):
        return False
    if re.search(r"(?:,|&|\band|\bof|\bFBO|\bf/b/o)\s*$", previous, re.I):
        return True
    if CONTINUATION_START.match(row_name) or row_line.startswith(" "):
        return True
    # "Sandler Mezzanine" / "Foreign Partners, L.P.": a firm name wrapped before its suffix
    return bool(COMPANY_WITH_SUFFIX.search(row_name)) and not COMPANY_WITH_SUFFIX.search(previous)


def find_holder_rows(text: str) -> list[tuple[int, int, str]]:
    """(start, end, raw name) of every named row of every holder table in a layout text."""
    found: list[tuple[int, int, str]] = []
    for h in HEADING.finditer(text):
        offset = h.end() + 1
        pending: list[tuple[int, str]] = []  # name lines waiting for their numbers
        rows = 0
        in_table = False
        for line in text[h.end() + 1 :].split("\n")[:600]:
            start = offset
            offset += len(line) + 1
            stripped = line.strip()
            if TABLE_END.match(line) and rows:
                break
            if not stripped:
                pending = []
                continue
            m = ROW.match(line)
            if m and not HEADER_WORDS.match(m.group("name")):
                row_name = m.group("name").strip()
                if pending and not _continues(pending[-1][1], row_name, line):
                    pending = []  # an address or note line, not the start of this name
                names = [p[1] for p in pending] + [row_name]
                first = pending[0][0] if pending else start + m.start("name")
                found.append((first, start + m.end("name"), " ".join(names)))
                pending = []
                rows += 1
                in_table = True
                continue
            if NUMBERS_ONLY.match(stripped) or stripped.startswith("<"):
                continue
            if in_table and len(stripped) > 70 and not re.search(r"\s{2,}\d", stripped):
                break  # prose after the table
            if len(stripped) <= 60 and not HEADER_WORDS.match(stripped):
                pending.append((start + len(line) - len(line.lstrip()), stripped))
            else:
                pending = []
    return found


def claim_holder_tables(ctx: DocContext, view: PartView) -> None:
    """Mark table rows so that NER fragments of wrapped names are not taken as entities."""
    rows = find_holder_rows(view.layout.text)
    ctx.holder_rows.append((view, rows))
    claimed = ctx.claimed
    for s, e, _raw in rows:
        claimed.append(view.layout.source_span(s, e))  # type: ignore[union-attr]


def apply_holder_tables(ctx: DocContext) -> None:
    """Each named row: ``shareholder_of`` the registrant, names read as FORMAT.md asks."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for view, rows in ctx.holder_rows:
        for s, e, raw in rows:
            for etype, name in holder_names(raw):
                ev = ctx.evidence(view.layout, s, e, "rule:holder-table", 0.8)
                key = reg.add(etype, name, ev, exact=True)
                if key != reg.registrant:
                    reg.fact(key, "shareholder_of", reg.registrant, ev)
