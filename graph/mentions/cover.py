"""Cover-page fields: registrant name, state, file number, IRS number, ZIP.

EDGAR cover pages put values on one line and their captions on the lines
below ("Delaware   0-18926   11-2928178" over "(State or other
jurisdiction) (Commission File No.) (IRS Employer Identification No.)").
The rules anchor on the captions, which are stable across eras and filers,
and read the values from the lines just above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.mentions.context import DocContext, PartView
from graph.normalize.places import normalize_jurisdiction

CAP_NAME = re.compile(r"\(\s*exact\s+name\s+of\s+(?:the\s+)?(?:registrant|issuer|company)|\(\s*name\s+of\s+(?:the\s+)?issuer\s*\)", re.I)
CAP_STATE = re.compile(r"\(\s*state\s+(?:or\s+other\s+jurisdiction|of\s+incorporation|or\s+other)", re.I)
CAP_ADDR = re.compile(r"\(\s*address\s+of\s+principal\s+(?:executive\s+)?offices?", re.I)
CAP_ZIP = re.compile(r"\(\s*zip\s+code\s*\)", re.I)
END_OF_COVER = re.compile(
    r"^\s*(?:item\s+\d|check\s+the\s+appropriate\s+box|indicate\s+by\s+check\s+mark|table\s+of\s+contents)", re.I | re.M
)
IRS_RE = re.compile(r"(?<![\d-])(\d{2})\s?-\s?(\d{7})(?![\d-])")
FILE_NO_RE = re.compile(r"(?<![\d(-])((?:\d{1,3})-\d{3,6}(?:-\d{2})?)(?![\d-])")
FILE_NO_LABEL = re.compile(r"(?:commission|sec|act|registration(?:\s+statement)?)\s+file\s+(?:no\.?|number)\s*[:.]?\s*((?:\d{1,3})-\d{3,6}(?:-\d{2})?)", re.I)
ZIP_RE = re.compile(r"(?<![\d-])(\d{5})(?:-\d{4})?(?![\d-])")
LINE_RULE = re.compile(r"^[\s\-_=*|]*$")
PHONE_CONTEXT = re.compile(r"\(\d{3}\)\s*$|\d{3}[-.\s]$")


@dataclass
class CoverFields:
    name: tuple[str, int, int] | None = None  # value, clean-text start, end
    state: tuple[str, int, int] | None = None
    file_numbers: list[tuple[str, int, int]] | None = None
    irs: tuple[str, int, int] | None = None
    zip: tuple[str, int, int] | None = None


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _value_lines_above(lines: list[tuple[int, int, str]], idx: int, limit: int = 3) -> list[tuple[int, int, str]]:
    """Non-empty, non-rule lines directly above line ``idx`` (nearest first)."""
    found = []
    j = idx - 1
    while j >= 0 and len(found) < limit:
        s, e, line = lines[j]
        if LINE_RULE.match(line):
            j -= 1
            if found:
                break
            continue
        if line.strip().startswith("(") and found == []:
            # another caption line (multi-line captions)
            j -= 1
            continue
        found.append(lines[j])
        j -= 1
    return found


def read_cover(text: str) -> CoverFields:
    """Find cover-page fields in a part's layout text; absent fields stay None."""
    fields = CoverFields()
    m_end = END_OF_COVER.search(text)
    region_end = m_end.start() if m_end else min(len(text), 8000)
    name_cap = CAP_NAME.search(text, 0, region_end)
    if not name_cap:
        labelled = [(m.group(1), m.start(1), m.end(1)) for m in FILE_NO_LABEL.finditer(text[:6000])]
        fields.file_numbers = labelled or None
        return fields
    region = text[:region_end]
    lines = _lines(region)
    line_at = {s: i for i, (s, _e, _l) in enumerate(lines)}

    def line_index(pos: int) -> int:
        best = 0
        for i, (s, e, _l) in enumerate(lines):
            if s <= pos <= e:
                return i
            if s <= pos:
                best = i
        return best

    # registrant name: the line(s) above the caption
    ni = line_index(name_cap.start())
    above = _value_lines_above(lines, ni, limit=1)
    if above:
        s, e, line = above[0]
        val = re.sub(r"\s*\|\s*", " ", line).strip()
        val = re.sub(r"\s+", " ", val)
        if val and not re.match(r"(?i)(date of report|form\s|current report|commission file)", val):
            lead = len(line) - len(line.lstrip())
            fields.name = (val, s + lead, s + lead + len(line.strip()))

    # state / file number / IRS: the value line(s) above the state caption
    st_cap = CAP_STATE.search(region, name_cap.end())
    value_lines: list[tuple[int, int, str]] = []
    if st_cap:
        si = line_index(st_cap.start())
        value_lines = _value_lines_above(lines, si, limit=2)
        # a caption may share its line with the values when laid out in a table row
        value_lines.append(lines[si])
    search_lines = value_lines or lines[ni : min(len(lines), ni + 12)]
    file_numbers: list[tuple[str, int, int]] = []
    for s, _e, line in search_lines:
        for m in IRS_RE.finditer(line):
            if fields.irs is None:
                fields.irs = (f"{m.group(1)}-{m.group(2)}", s + m.start(), s + m.end())
        for m in FILE_NO_RE.finditer(line):
            if IRS_RE.fullmatch(m.group(1)) or PHONE_CONTEXT.search(line[: m.start()]):
                continue
            file_numbers.append((m.group(1), s + m.start(1), s + m.end(1)))
    for m in FILE_NO_LABEL.finditer(region):
        if not any(v == m.group(1) for v, _s, _e in file_numbers):
            file_numbers.append((m.group(1), m.start(1), m.end(1)))
    if file_numbers:
        fields.file_numbers = file_numbers
    if value_lines:
        for s, _e, line in value_lines:
            first = re.split(r"\s{2,}|\s*\|\s*", line.strip())[0] if line.strip() else ""
            juris = normalize_jurisdiction(first) if first else None
            if juris:
                lead = line.find(first)
                fields.state = (juris, s + lead, s + lead + len(first))
                break
    if fields.state is None:
        m = re.search(r"\ba\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+corporation\b", region)
        if m and normalize_jurisdiction(m.group(1)):
            fields.state = (normalize_jurisdiction(m.group(1)) or "", m.start(1), m.end(1))

    # ZIP: the last 5-digit group on the line(s) above the address caption
    addr_cap = CAP_ADDR.search(region, name_cap.end()) or CAP_ZIP.search(region, name_cap.end())
    if addr_cap:
        ai = line_index(addr_cap.start())
        cand = [lines[ai], *_value_lines_above(lines, ai, limit=3)]
        for s, _e, line in cand:
            zips = [m for m in ZIP_RE.finditer(line)]
            if zips:
                m = zips[-1]
                fields.zip = (m.group(1), s + m.start(1), s + m.end(1))
                break
    del line_at
    return fields


def apply_cover(ctx: DocContext, view: PartView) -> str | None:
    """Record cover-page facts for the registrant; returns its entity key, if a cover was found."""
    part = view.layout
    fields = read_cover(part.text)
    if fields.name is None:
        if fields.file_numbers:
            ctx.labelled_file_numbers.extend((part, *fn) for fn in fields.file_numbers)
        return None
    name, s, e = fields.name
    ev = ctx.evidence(part, s, e, "rule:cover-page", 0.95)
    from graph.normalize.names import titlecase_company  # local: keeps import graph light

    display = titlecase_company(name) if name.isupper() else name
    key = ctx.registry.add("Company", display, ev, registrant=True)
    if name != display:
        ctx.registry.entities[key].aliases.add(name)
    reg = ctx.registry
    if fields.state:
        v, s, e = fields.state
        reg.fact(key, "state_of_incorporation", v, ctx.evidence(part, s, e, "rule:cover-page", 0.9))
    for v, s, e in fields.file_numbers or []:
        reg.fact(key, "commission_file_number", v, ctx.evidence(part, s, e, "rule:cover-page", 0.9))
    if fields.irs:
        v, s, e = fields.irs
        reg.fact(key, "irs_employer_id", v, ctx.evidence(part, s, e, "rule:cover-page", 0.95))
    if fields.zip:
        v, s, e = fields.zip
        reg.fact(key, "postal_code", v, ctx.evidence(part, s, e, "rule:cover-page", 0.85))
    return key


def apply_labelled_file_numbers(ctx: DocContext) -> None:
    """File numbers printed with a label outside a cover page ("Investment Company Act File Number: 811-5018")."""
    reg = ctx.registry
    if reg.registrant is None:
        return
    for part, value, s, e in ctx.labelled_file_numbers:
        reg.fact(reg.registrant, "commission_file_number", value, ctx.evidence(part, s, e, "rule:file-number-label", 0.8))
