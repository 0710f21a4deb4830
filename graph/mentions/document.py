"""Document-level facts: form type, the registrant it is filed by, and its date.

The report date follows FORMAT.md: the date of the signatures; if unsigned,
the press-release dateline; else the SEC header's filed-as-of date.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext
from graph.mentions.signatures import Signature
from graph.model import Evidence
from graph.normalize.dates import parse_date

DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{2,40}(?:,\s*(?:[A-Z][A-Za-z. ]+?\s*)?)?(?:,|\s*(?:--|—|–))\s*(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4})\s*(?:--|—|–|/|\(|-\s)",
    re.M,
)
WIRE_DATELINE = re.compile(r"(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4})\s*(?:/PRNewswire|\(BUSINESS\s+WIRE\)|/Business\s+Wire|--)", re.I)


def apply_document_facts(ctx: DocContext, signatures: list[tuple[int, Signature]]) -> None:
    """Add ``form_type``, ``filed_by`` and ``report_date`` for the document."""
    reg = ctx.registry
    sd = ctx.source
    doc_id = sd.doc_id
    if sd.form_type and sd.form_type.value:
        fv = sd.form_type
        reg.fact(doc_id, "form_type", fv.value, Evidence(doc_id, fv.start, fv.end, fv.value, "source:form-type", 0.95))
    if reg.registrant:
        ent = reg.entities[reg.registrant]
        ev = ent.evidence[0] if ent.evidence else Evidence(doc_id, 0, 0, ent.name, "rule:registrant", 0.8)
        reg.fact(doc_id, "filed_by", reg.registrant, ev)
    date, ev = _report_date(ctx, signatures)
    if date:
        reg.fact(doc_id, "report_date", date, ev)
        ctx.report_date = date


def _report_date(ctx: DocContext, signatures: list[tuple[int, Signature]]) -> tuple[str | None, Evidence | None]:
    sd = ctx.source
    doc_id = sd.doc_id
    if sd.structured is not None:
        for sig in sd.structured.signatures:
            if sig.date is not None:
                d = parse_date(sig.date.value)
                if d:
                    return d.isoformat(), Evidence(doc_id, sig.date.start, sig.date.end, sig.date.value, "xml:signature-date", 1.0)
    for part_index, sig in sorted(signatures, key=lambda x: x[0]):
        if sig.date:
            part = ctx.views[part_index].layout
            s, e = part.source_span(sig.start, sig.end)
            return sig.date, Evidence(doc_id, s, e, f"{sig.name} {sig.date}", "rule:signature-date", 0.9)
    for view in ctx.views[:1]:
        head = view.layout.text[:4000]
        for pat in (DATELINE, WIRE_DATELINE):
            m = pat.search(head)
            if m:
                d = parse_date(m.group("d"))
                if d:
                    s, e = view.layout.source_span(m.start("d"), m.end("d"))
                    return d.isoformat(), Evidence(doc_id, s, e, m.group(0).strip(), "rule:dateline", 0.85)
    if sd.header is not None and sd.header.filed_as_of is not None:
        fv = sd.header.filed_as_of
        return fv.value, Evidence(doc_id, fv.start, fv.end, fv.value, "header:filed-as-of", 0.7)
    return None, None
