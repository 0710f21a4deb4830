"""Decide which company a document is filed for when no header or cover page says so.

Exhibits and press releases often lack both; the filer then shows in
phrases such as "which is being filed by X", a press-release dateline
("LOS ANGELES, December 2, 2003 -- X (NASDAQ: ...)"), "Report of X on Form",
a defined term (X (the "Company")), or simply as the most-mentioned company.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.mentions.context import DocContext
from graph.normalize.names import company_core

STRONG_CUES = [
    re.compile(r"(?:being\s+)?filed\s+by\s+(?P<n>[A-Z][^,;()]{2,80}?)(?:,|\s+with|\s+\(|\.\s)"),
    re.compile(r"(?:Annual|Quarterly|Current|Periodic)\s+Report\s+of\s+(?P<n>[A-Z][^,;()]{2,80}?)\s+(?:on|for)\s+Form", re.I),
    re.compile(r"report\s+on\s+Form\s+[\w-]+(?:/A)?\s+(?:for\s+the\s+[^,;]{3,60}?\s+)?of\s+(?P<n>[A-Z][^;()\n]{2,80}?)(?:\s*[;(]|\s+\(the|\s+for\s+the|\s*,\s+(?:as|which|that)|\.\s)", re.I),
    re.compile(r"--\s*(?P<n>[A-Z][^()\n]{2,80}?)\s*\((?:NASDAQ|Nasdaq|NYSE|AMEX|OTC|OTCBB)"),
    re.compile(r"(?P<n>[A-Z][^()\n]{2,80}?)\s*\(\s*(?:the\s+)?[\"“]?(?:Company|Registrant)[\"”]?\s*\)"),
    re.compile(r"^\s*About\s+(?P<n>[A-Z][^\n]{2,80}?)\s*$", re.M),
    re.compile(r"^\s*RE:\s*(?P<n>[A-Z][^\n]{2,80}?)\s*$", re.M),
]


def guess_registrant(ctx: DocContext) -> str | None:
    """Pick the registrant among the document's companies; returns its key or None."""
    reg = ctx.registry
    if reg.registrant:
        return reg.registrant
    # a stock exchange or market is named often in prospectuses but never files for itself here
    companies = {
        k: e for k, e in reg.entities.items()
        if e.type == "Company" and not any(ev.method == "gazetteer:exchange" for ev in e.evidence)
    }
    if not companies:
        return None
    score: Counter[str] = Counter()
    for key, ent in companies.items():
        score[key] += len(ent.evidence)
    by_core = {}
    for key, ent in companies.items():
        for n in (ent.name, *ent.aliases):
            by_core.setdefault(company_core(n), key)
    for view in ctx.views:
        text = view.flow.text
        for pat in STRONG_CUES:
            for m in pat.finditer(text):
                core = company_core(m.group("n"))
                key = by_core.get(core)
                if key is None:
                    key = next((k for c, k in by_core.items() if c and (c.startswith(core + " ") or core.startswith(c + " "))), None)
                if key:
                    score[key] += 10
    key, best = score.most_common(1)[0]
    if best <= 0:
        return None
    reg.set_registrant(key)
    return key
