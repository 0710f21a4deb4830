"""Cover-page fields: registrant name, state, file number, IRS number, ZIP.

EDGAR cover pages print each value with a parenthesised caption ("Delaware"
over "(State or other jurisdiction of incorporation)"), in every layout:
fixed-width columns, HTML table cells, a value before its caption in one
cell, one value per line. The captions are stable across eras and filers,
so the rules anchor on them and pair them with values by layout
(:mod:`graph.text.captions`); each kind of value is then checked for its
shape (a jurisdiction, ``NN-NNNNNNN``, a file number, a ZIP code).
Inline-XBRL cover tags (:mod:`graph.source.ixbrl`) outrank all of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.mentions.context import DocContext, PartView
from graph.mentions.cover_abs import apply_abs_cover
from graph.mentions.cover_tags import apply_cover_tags, apply_header_exchanges
from graph.normalize.names import titlecase_company
from graph.normalize.places import normalize_jurisdiction
from graph.text.captions import read_pairs

CAP_NAME = re.compile(
    r"\(\s*(?:exact\s+)?name\s+of\s+(?:the\s+)?(?:registrant|issuer|company)|\(\s*exact\s+name\s+of\b", re.I
)
CAPTIONS = {
    "name": CAP_NAME,
    "state": re.compile(
        r"\(\s*(?:state|jurisdiction|other\s+jurisdiction)\s+(?:or\s+other|of\s+(?:other\s+)?(?:incorporation|organi[sz]ation|juris)|or\s+jurisdiction|or\s+country)"
        r"|\(\s*state\s*(?:or\s+other\s+)?\)",
        re.I,
    ),
    "file_number": re.compile(r"\(\s*(?:commission|sec|registration)\b(?:\s+file)?|\(\s*file\s+(?:no|number)", re.I),
    "irs": re.compile(r"\(\s*(?:i\.?\s?r\.?\s?s\.?|federal|employer\s+identification|tax\s+identification)\b", re.I),
    "address": re.compile(r"\(\s*address", re.I),
    "zip": re.compile(r"\(\s*zip(?:\s+code)?\s*\)", re.I),
}
#: (lines above, lines below) a caption's value may be looked for, per kind
REACH = {"name": (1, 0), "state": (3, 2), "file_number": (3, 2), "irs": (3, 2), "address": (3, 0), "zip": (3, 0)}

END_OF_COVER = re.compile(
    r"^\s*(?:item\s+\d|check\s+the\s+appropriate\s+box|indicate\s+by\s+check\s+mark|table\s+of\s+contents)", re.I | re.M
)
IRS_RE = re.compile(r"(?<![\d-])(\d{2})\s?-\s?(\d{7})(?![\d-])")
FILE_NO_RE = re.compile(r"(?<![\d(-])((?:\d{1,3})-\d{3,6}(?:-\d{2})?)(?![\d-])")
FILE_NO_LABEL = re.compile(
    r"(?:commission|sec|act|registration(?:\s+statement)?)\s+file\s+(?:no\.?|number)s?\s*[:.]?\s*(?:\|\s*)?((?:\d{1,3})-\d{3,6}(?:-\d{2})?)",
    re.I,
)
IRS_LABEL = re.compile(r"(?:i\.?r\.?s\.?|federal)\s+employer\s+identification\s+(?:no\.?|number)\s*[:.]?\s*(?:\|\s*)?(\d{2}-\d{7})\b", re.I)
ZIP_RE = re.compile(r"(?<![\d-])(\d{5})(-\d{4})?(?![\d-])")
PHONE_CONTEXT = re.compile(r"\(\d{3}\)\s*$|\d{3}[-.\s]$")
NOT_A_NAME = re.compile(
    r"(?i)^(?:date\s+of\s+report|form\s|current\s+report|commission\s+file|securities\s+and\s+exchange|pursuant\s+to|"
    r"annual\s+report|quarterly\s+report|for\s+the\s+(?:fiscal|quarterly)|united\s+states|washington)"
    r"|^[\d\s,./-]*$|^[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}$"
)
COVER_WINDOW = 8000  # characters after the name caption that still belong to the cover
LEAD_LINES = 4  # lines above the name caption searched for captions sharing its block


@dataclass
class CoverFields:
    """Values read from a cover page as (value, start, end) in the part's text."""

    name: tuple[str, int, int] | None = None
    state: tuple[str, int, int] | None = None
    file_numbers: list[tuple[str, int, int]] | None = None
    irs: tuple[str, int, int] | None = None
    zip: tuple[str, int, int] | None = None


# --------------------------------------------------------------------------- validators


def _name(text: str, loose: bool) -> list[tuple[str, int, int]]:
    value = re.sub(r"\s*\|\s*", " ", text).strip(" _*")
    value = re.sub(r"\s+", " ", value)
    if loose and "  " in text.strip() or not value or len(value) < 2 or "(" in value or NOT_A_NAME.search(value):
        return []
    lead = len(text) - len(text.lstrip(" _*"))
    return [(value, lead, len(text.rstrip(" _*")))]


def _state(text: str, loose: bool) -> list[tuple[str, int, int]]:
    cells = [(m.start(), m.end()) for m in re.finditer(r"[^|]+?(?=\s{2,}|\s*\||$)", text)] if loose else [(0, len(text))]
    for a, b in cells:
        chunk = text[a:b]
        juris = normalize_jurisdiction(chunk.strip())
        if juris:
            lead = len(chunk) - len(chunk.lstrip())
            return [(juris, a + lead, a + len(chunk.rstrip()))]
    return []


def _file_numbers(text: str, loose: bool) -> list[tuple[str, int, int]]:
    out = []
    for m in FILE_NO_RE.finditer(text):
        if IRS_RE.fullmatch(m.group(1)) or PHONE_CONTEXT.search(text[: m.start()]):
            continue
        out.append((m.group(1), m.start(1), m.end(1)))
    return out


def _irs(text: str, loose: bool) -> list[tuple[str, int, int]]:
    m = IRS_RE.search(text)
    return [(f"{m.group(1)}-{m.group(2)}", m.start(), m.end())] if m else []


def _zip(text: str, loose: bool) -> list[tuple[str, int, int]]:
    found = [m for m in ZIP_RE.finditer(text) if not PHONE_CONTEXT.search(text[: m.start()])]
    if not found:
        return []
    m = found[-1]
    return [(m.group(0), m.start(), m.end())]


VALIDATORS = {"name": _name, "state": _state, "file_number": _file_numbers, "irs": _irs, "address": _zip, "zip": _zip}


# --------------------------------------------------------------------------- reading


def _line_start(text: str, pos: int, back: int) -> int:
    for _ in range(back + 1):
        pos = text.rfind("\n", 0, max(0, pos - 1)) + 1 if pos > 0 else 0
    return pos


def read_cover(text: str) -> CoverFields:
    """Find cover-page fields in a part's layout text; absent fields stay None."""
    fields = CoverFields()
    name_cap = CAP_NAME.search(text)
    if not name_cap:
        labelled = [(m.group(1), m.start(1), m.end(1)) for m in FILE_NO_LABEL.finditer(text[:6000])]
        fields.file_numbers = labelled or None
        return fields
    m_end = END_OF_COVER.search(text, name_cap.end())
    region_end = m_end.start() if m_end else min(len(text), name_cap.end() + COVER_WINDOW)
    region_start = _line_start(text, name_cap.start(), LEAD_LINES)
    pairs = read_pairs(text, CAPTIONS, VALIDATORS, region_start, region_end, reach=REACH)
    first: dict[str, tuple[str, int, int]] = {}
    file_numbers: list[tuple[str, int, int]] = []
    for p in pairs:
        if p.kind == "file_number":
            if all(v != p.value for v, _s, _e in file_numbers):
                file_numbers.append((p.value, p.start, p.end))
        else:
            first.setdefault(p.kind, (p.value, p.start, p.end))
    fields.name = first.get("name")
    fields.state = first.get("state")
    fields.irs = first.get("irs")
    fields.zip = first.get("zip") or first.get("address")
    head = text[: region_end]
    for m in FILE_NO_LABEL.finditer(head):
        if all(v != m.group(1) for v, _s, _e in file_numbers):
            file_numbers.append((m.group(1), m.start(1), m.end(1)))
    if fields.irs is None:
        m = IRS_LABEL.search(head)
        if m:
            fields.irs = (m.group(1), m.start(1), m.end(1))
    fields.file_numbers = file_numbers or None
    if fields.state is None:
        m = re.search(r"\ba\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+corporation\b", text[region_start:region_end])
        if m and normalize_jurisdiction(m.group(1)):
            fields.state = (normalize_jurisdiction(m.group(1)) or "", region_start + m.start(1), region_start + m.end(1))
    return fields


# --------------------------------------------------------------------------- facts


def apply_cover(ctx: DocContext, view: PartView) -> str | None:
    """Record cover-page facts for the registrant; returns its entity key, if a cover was found.

    Inline-XBRL cover tags come first and win: a field they state is not read
    again from the printed cover (where the same value may be printed
    differently, "001-15829" for "1-15829").
    """
    tagged = apply_cover_tags(ctx)
    apply_header_exchanges(ctx)
    part = view.layout
    fields = read_cover(part.text)
    if fields.name is None:
        if fields.file_numbers:
            ctx.labelled_file_numbers.extend((part, *fn) for fn in fields.file_numbers)
        return ctx.registry.registrant if tagged else None
    reg = ctx.registry
    name, s, e = fields.name
    ev = ctx.evidence(part, s, e, "rule:cover-page", 0.95)
    display = titlecase_company(name) if name.isupper() else name
    key = reg.add("Company", display, ev, registrant=True)
    if name != display:
        reg.entities[key].aliases.add(name)
    if fields.state and "state_of_incorporation" not in tagged:
        v, s, e = fields.state
        reg.fact(key, "state_of_incorporation", v, ctx.evidence(part, s, e, "rule:cover-page", 0.9))
    if "commission_file_number" not in tagged:
        for v, s, e in fields.file_numbers or []:
            reg.fact(key, "commission_file_number", v, ctx.evidence(part, s, e, "rule:cover-page", 0.9))
    if fields.irs and "irs_employer_id" not in tagged:
        v, s, e = fields.irs
        reg.fact(key, "irs_employer_id", v, ctx.evidence(part, s, e, "rule:cover-page", 0.95))
    if fields.zip and "postal_code" not in tagged:
        v, s, e = fields.zip
        # a ZIP+4 printed on the cover is the header's 5-digit ZIP once more, not a second code
        if not any(
            f.subject == key and f.relation == "postal_code" and f.object[:5] == v[:5] for f in reg.facts
        ):
            reg.fact(key, "postal_code", v, ctx.evidence(part, s, e, "rule:cover-page", 0.85))
    apply_abs_cover(ctx, part)
    return reg.registrant or key


def apply_labelled_file_numbers(ctx: DocContext) -> None:
    """File numbers printed with a label outside a cover page ("Investment Company Act File Number: 811-5018")."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for part, value, s, e in ctx.labelled_file_numbers:
        reg.fact(reg.registrant, "commission_file_number", value, ctx.evidence(part, s, e, "rule:file-number-label", 0.8))
