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
#: a cover line "The date of this prospectus supplement is December 27, 2024." (prospectuses, offering circulars)
DATE_OF_THIS = re.compile(
    r"^[ \t|]*the\s+date\s+of\s+this\s+(?:preliminary\s+)?(?:prospectus(?:\s+supplement)?|offering\s+(?:circular|memorandum)|"
    r"information\s+statement|proxy\s+statement(?:/prospectus)?)\s+is\s+(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4})",
    re.I | re.M,
)
#: a "Date: May 26, 2023" line of a signature block, printed above the company and "By:" lines
SIGNATURE_DATE_LINE = re.compile(r"^[ \t|]*dated?\s*[:.]?\s*(?:\|\s*)?(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4})\s*$", re.I | re.M)
SIGNATURE_DATE_REACH = 10
#: periodic and current reports: dated by their signatures or filing, whatever prospectus they carry
REPORT_FORMS = ("8-K", "10-K", "10-Q", "10-D", "6-K", "20-F", "40-F", "11-K", "N-CSR", "EX-")
PROSPECTUS_COVER = 20000  # characters of a part in which its cover's date line is looked for  # lines above a signature's name searched for its block's date line
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
    for part_index, sig in sorted(signatures, key=lambda x: x[0]):
        found = _date_line_above(ctx, part_index, sig)
        if found:
            return found
    form = (sd.form_type.value if sd.form_type and sd.form_type.value else "").upper()
    # a prospectus's own date, never that of a prospectus attached to a report (an 8-K's exhibit)
    for view in ctx.views[:1] if not form.startswith(REPORT_FORMS) else []:
        m = DATE_OF_THIS.search(view.layout.text[:PROSPECTUS_COVER])
        d = parse_date(m.group("d")) if m else None
        if m and d:
            s, e = view.layout.source_span(m.start("d"), m.end("d"))
            return d.isoformat(), Evidence(doc_id, s, e, m.group(0).strip(), "rule:prospectus-date", 0.85)
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


def _date_line_above(ctx: DocContext, part_index: int, sig: Signature) -> tuple[str, Evidence] | None:
    """The "Date: ..." line heading a signature block ("Date: May 26, 2023" / COMPANY / By: / By: /s/ name)."""
    part = ctx.views[part_index].layout
    text = part.text
    start = sig.start
    for _ in range(SIGNATURE_DATE_REACH):
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
        if start == 0:
            break
    found = list(SIGNATURE_DATE_LINE.finditer(text, start, sig.start))
    if not found:
        return None
    m = found[-1]
    d = parse_date(m.group("d"))
    if d is None:
        return None
    s, e = part.source_span(m.start("d"), m.end("d"))
    return d.isoformat(), Evidence(ctx.doc_id, s, e, m.group(0).strip(), "rule:signature-date", 0.85)
