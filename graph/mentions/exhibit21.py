"""Exhibit 21 subsidiary lists: one subsidiary per row, with its jurisdiction.

Ex-21 exhibits are tables ("Name | Jurisdiction of Incorporation") in HTML or
column-aligned text. Each row whose first cell looks like a company and
whose last cell is a jurisdiction gives ``subsidiary_of`` the registrant and
the subsidiary's ``state_of_incorporation``. The registrant is read from the
"Subsidiaries of X" heading when nothing else named it.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.normalize.places import normalize_jurisdiction

HEADING = re.compile(r"subsidiaries\s+of\s+(?:the\s+registrant\s*)?(?:[-:–—]\s*)?(?P<n>[A-Z][^\n*|]{2,80}?)\s*\**\s*$", re.I | re.M)
CELLS = re.compile(r"\s*\|\s*|\s{3,}|\t+")
HEADER_WORDS = re.compile(r"^(?:name|subsidiary|subsidiaries|entity|company|jurisdiction|state|country|organized|percent)", re.I)
NAME_START = re.compile(r"^[A-Za-z0-9]")


def is_exhibit21(ctx: DocContext, view: PartView) -> bool:
    types = [view.doc_type or "", ctx.source.form_type.value if ctx.source.form_type else ""]
    if any(t.upper().startswith("EX-21") for t in types):
        return True
    return bool(re.search(r"^\s*(?:list\s+of\s+)?subsidiaries\s+of\b", view.layout.text[:600], re.I | re.M))


def apply_exhibit21(ctx: DocContext, view: PartView) -> None:
    if not is_exhibit21(ctx, view):
        return
    reg = ctx.registry
    part = view.layout
    text = part.text
    if reg.registrant is None:
        m = HEADING.search(text[:1500])
        if m:
            name = m.group("n").strip().rstrip(".,")
            ev = ctx.evidence(part, m.start("n"), m.start("n") + len(name), "rule:exhibit21-heading", 0.9)
            reg.add("Company", display_company(name), ev, registrant=True)
    parent = reg.registrant
    if parent is None:
        return
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cells = [c for c in CELLS.split(line.strip()) if c.strip()]
        if not cells or HEADER_WORDS.match(cells[0]) or not NAME_START.match(cells[0]):
            continue
        name = cells[0].strip().rstrip("*").strip()
        if len(name) < 3 or len(name) > 120 or re.search(r"\b(?:pursuant|omitted|regulation)\b", name, re.I):
            continue
        juris = normalize_jurisdiction(cells[-1]) if len(cells) >= 2 else None
        if juris is None and not COMPANY_WITH_SUFFIX.search(name):
            continue
        s = start + line.find(name)
        ev = ctx.evidence(part, s, s + len(name), "rule:exhibit21-row", 0.9)
        child = reg.add("Company", display_company(name), ev)
        if child == parent:
            continue
        reg.fact(child, "subsidiary_of", parent, ev)
        if juris:
            js = start + line.rfind(cells[-1])
            reg.fact(child, "state_of_incorporation", juris, ctx.evidence(part, js, js + len(cells[-1]), "rule:exhibit21-row", 0.9))
