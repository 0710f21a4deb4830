"""Schedules 13D and 13G: reporting persons from the cover rows, read by their captions.

A beneficial-ownership report repeats one cover block per reporting person,
with rows numbered 1-12 (13G) or 1-14 (13D) and captions prescribed by the
form, whatever the era or layout (fixed-width text with the value on the lines
below the caption, HTML tables with the value in the caption's cell):

    1  NAME(S) OF REPORTING PERSON(S) / [S.S. OR] I.R.S. IDENTIFICATION NO(S). OF ABOVE PERSON(S)
    4  (13D: 6) CITIZENSHIP OR PLACE OF ORGANIZATION
    9  (13D: 11) AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
   11  (13D: 13) PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)
   12  (13D: 14) TYPE OF REPORTING PERSON            ("IN" is an individual)

The reader finds the captions and takes each row's value as what lies between
its caption and the next one (row numbers, cell bars and the "NUMBER OF SHARES
BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH" stub dropped). Each reporting
person is a holder of the issuer (the subject company, which the header or the
"(Name of Issuer)" caption made the registrant); a company's place of
organisation is its state of incorporation. The cover blocks are claimed, so
NER does not read "NAME OF REPORTING PERSON Acme LLC" as a company name.

The XML schedules (:mod:`graph.source.xmlforms.schedule13`) are read by
:func:`apply_schedule13_form`: their citizenship codes, Item 2 postal codes
and the title each signer holds at the reporting person signed for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.log import get_logger
from graph.mentions.context import DocContext, PartView
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.mentions.registry import EntityRegistry
from graph.mentions.structured import security_types
from graph.mentions.records import quantity, stake
from graph.model import Evidence, FieldValue, Quantity, TextPart
from graph.normalize.names import natural_person_name, titlecase_company
from graph.normalize.places import normalize_jurisdiction
from graph.normalize.titles import parse_titles
from graph.source.xmlforms.schedule13 import ReportingPerson, ScheduleSignature

log = get_logger("mentions")

#: the form types of beneficial-ownership schedules, as the header or the heading prints them
SCHEDULE_TYPE = re.compile(r"^(?:SC|SCHEDULE)\s*13[DG](?:\s*/\s*A)?$", re.I)

_TAIL = r"(?:\s*\(\s*(?:see\s+instructions?|entities\s+only)\s*\))*\s*\**\s*[:.]?"
#: cover-row captions (kind, pattern); a caption's value runs to the next caption
CAPTIONS: list[tuple[str, str]] = [
    ("name", r"names?\s+of\s+reporting\s+persons?"),
    (
        "irs",
        r"(?:s\.?\s*s\.?\s+or\s+)?i\.?\s*r\.?\s*s\.?\s+identification\s+nos?\.?"
        r"(?:\s+of\s+(?:the\s+)?above\s+persons?)?",
    ),
    ("group", r"check\s+the\s+appropriate\s+box\s+if\s+a\s+member\s+of\s+a\s+group"),
    ("sec", r"sec\s+use\s+only"),
    ("funds", r"source\s+of\s+funds"),
    ("legal", r"check\s+(?:box\s+)?if\s+disclosure\s+of\s+legal\s+proceedings[^\n|]*"),
    ("citizenship", r"citizenship\s+or\s+place\s+of\s+organi[sz]ation"),
    ("stub", r"number\s+of\s+shares\s+beneficially\s+owned\s+by\s+each\s+reporting\s+person\s+with"),
    ("sole_vote", r"sole\s+voting\s+power"),
    ("shared_vote", r"shared\s+voting\s+power"),
    ("sole_dispose", r"sole\s+dispositive\s+power"),
    ("shared_dispose", r"shared\s+dispositive\s+power"),
    ("aggregate", r"aggregate\s+amount\s+beneficially\s+owned\s+by\s+each\s+reporting\s+person"),
    ("excludes", r"check\s+(?:box\s+)?if\s+the\s+aggregate\s+amount\s+in\s+row\s*\(?\d+\)?\s+excludes\s+certain\s+shares"),
    ("percent", r"percent\s+of\s+class\s+represented\s+by\s+amount\s+in\s+row\s*\(?\d+\)?"),
    ("type", r"type\s+of\s+reporting\s+person"),
]
CAPTION = re.compile("|".join(f"(?P<{k}>{p}){_TAIL}" for k, p in CAPTIONS), re.I)
#: what a row value is not: row numbers, footnote marks, check boxes and the stub's words split over lines
NOT_VALUE = re.compile(
    r"^(?:\(?\d{1,2}[.)]?|\(?[ab]\)?|[\[\]\s_xXoý¨þ☐☒✓*-]*|number\s+of|shares|beneficially|owned\s+by|each|"
    r"reporting|person|with:?|number\s+of\s+shares|owned\s+by\s+each|reporting\s+person\s+with:?)$",
    re.I,
)
ROW_NUMBER_TAIL = re.compile(r"(?:(?<=\s)|^)\(?\d{1,2}[.)]?[\s|]*$")
IRS_NUMBER = re.compile(r"(?<![\d-])(\d{2})\s?-\s?(\d{7})(?![\d-])")
#: type-of-reporting-person codes of the cover instructions
PERSON_TYPES = frozenset("BD BK IC IV IA EP HC SA CP CO PN IN OO FI CH".split())
PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%?")
#: a share count as row 9 prints it ("3,394,114", "-0-"), not a cross-reference ("See Item 4(a)", "Row (9)")
AMOUNT = re.compile(r"(?<![\w(.,$])(?<!item\s)(?<!row\s)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d(%)])", re.I)
#: a percent as the cover row prints it: "5.2%", "5.2 %", or a bare "5.2" (the caption says percent)
PERCENT_VALUE = re.compile(r"(?<![\w(.,$])(?<!item\s)(?<!row\s)(?<!than\s)\d{1,3}(?:\.\d+)?(?=\s*%|\s*$|\s*\(\d\))", re.I)
METHOD = "rule:schedule13-cover"


@dataclass
class Cell:
    """A piece of a row value: text and its offsets in the layout text."""

    text: str
    start: int
    end: int


@dataclass
class CoverBlock:
    """One reporting person's cover rows: row kind -> value cells."""

    start: int
    end: int = 0
    rows: dict[str, list[Cell]] = field(default_factory=dict)


def is_schedule13_document(ctx: DocContext) -> bool:
    form = ctx.source.form_type.value if ctx.source.form_type else ""
    return bool(SCHEDULE_TYPE.match(form.strip()))


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """Non-empty cells (split at line ends, cell bars and wide gaps) that can be values."""
    out = []
    for m in re.finditer(r"[^\n|]+", text[start:end]):
        for piece in re.finditer(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)", m.group()):
            s = start + m.start() + piece.start()
            value = piece.group()
            if NOT_VALUE.match(value):
                continue
            out.append(Cell(value, s, s + len(value)))
    return out


def read_cover_blocks(text: str) -> list[CoverBlock]:
    """The reporting persons' cover blocks of a layout text, in order."""
    hits = list(CAPTION.finditer(text))
    blocks: list[CoverBlock] = []
    for i, m in enumerate(hits):
        kind = m.lastgroup or ""
        if kind == "name":
            blocks.append(CoverBlock(m.start()))
        if not blocks:
            continue
        block = blocks[-1]
        stop = hits[i + 1].start() if i + 1 < len(hits) else len(text)
        if i + 1 < len(hits):  # the next row's number ("2", "2.", "(2)") sits just before its caption
            stop = m.end() + len(ROW_NUMBER_TAIL.sub("", text[m.end() : stop]))
        if kind == "type":  # the last row: its value is the codes on the next lines, not the text after
            nxt = re.search(r"\S[^\n]*", text[m.end() : stop])
            stop = m.end() + (nxt.end() if nxt else 0)
        cells = _cells(text, m.end(), stop)
        block.rows.setdefault(kind, []).extend(cells)
        block.end = stop
    return [b for b in blocks if "name" in b.rows or "irs" in b.rows]


def _clean_name(text: str) -> str:
    text = IRS_NUMBER.sub("", text)
    text = re.sub(r"\s*(?:\(\d{1,2}\)|\*+)\s*$", "", text)  # footnote marks
    return text.strip(" \t:;,-")


def reporting_name(block: CoverBlock) -> Cell | None:
    """Row 1's name: the first cell with letters (the I.R.S. caption may sit between)."""
    for cell in block.rows.get("name", []) + block.rows.get("irs", []):
        name = _clean_name(cell.text)
        if re.search(r"[A-Za-z]{2}", name) and not re.fullmatch(r"(?i)n/?a|none|not\s+applicable", name):
            offset = cell.text.find(name)
            return Cell(name, cell.start + offset, cell.start + offset + len(name))
    return None


def person_types(block: CoverBlock) -> list[str]:
    codes = []
    for cell in block.rows.get("type", []):
        codes.extend(c.upper() for c in re.findall(r"\b[A-Za-z]{2}\b", cell.text) if c.upper() in PERSON_TYPES)
    return codes


def _is_person(name: str, codes: list[str]) -> bool:
    if codes:
        return set(codes) == {"IN"}
    return not COMPANY_WITH_SUFFIX.search(name) and len(name.split()) <= 4


def _first_match(block: CoverBlock, kind: str, pattern: re.Pattern[str]) -> Cell | None:
    for cell in block.rows.get(kind, []):
        m = pattern.search(cell.text)
        if m:
            return Cell(m.group(), cell.start + m.start(), cell.start + m.end())
    return None


def apply_schedule13_cover(ctx: DocContext) -> None:
    """Reporting persons of a text or HTML Schedule 13D/13G: holders of the issuer, with their organisation."""
    if not is_schedule13_document(ctx):
        return
    for i, view in enumerate(ctx.views):
        text = view.layout.text
        blocks = read_cover_blocks(text)
        holders: list[tuple[str, str]] = []
        for block in blocks:
            found = _apply_block(ctx, view, block)
            if found is not None:
                holders.append(found)
            ctx.claimed.append(view.layout.source_span(block.start, block.end))
        _apply_item2_postal_codes(ctx, view, holders)
        if i == 0:
            _apply_class_title(ctx, view)
        span = item3_checklist(text)
        if span is not None:
            ctx.claimed.append(view.layout.source_span(*span))


#: the caption under the class of securities on the cover page
CAP_CLASS = re.compile(r"\(\s*title\s+of\s+class\s+of\s+securities\s*\)", re.I)
#: class titles that name a vocabulary instrument outright ("Subordinate Voting Shares" names none)
NAMED_CLASS = re.compile(r"common|ordinary|preferred|preference|warrant|\bunits?\b|debenture|\bnotes?\b", re.I)


def class_title(text: str) -> Cell | None:
    """The class of securities printed over the "(Title of Class of Securities)" caption."""
    cap = CAP_CLASS.search(text, 0, 10_000)
    if cap is None:
        return None
    before = text[: cap.start()].rstrip()
    stop = len(before)
    start = before.rfind("\n", 0, stop) + 1
    line = before[start:stop].strip(" |_-")
    if not line or line.startswith("("):
        return None
    offset = text.find(line, start)
    return Cell(line, offset, offset + len(line))


def _apply_class_title(ctx: DocContext, view: PartView) -> None:
    reg = ctx.registry
    cell = class_title(view.layout.text)
    if cell is None or reg.registrant is None or not NAMED_CLASS.search(cell.text):
        return
    ev = ctx.evidence(view.layout, cell.start, cell.end, "rule:schedule13-class", 0.85)
    for itype in security_types(cell.text):
        reg.fact(reg.registrant, "issued", itype, ev)


#: Item 3 of a 13G: the checklist of filer categories (Rule 13d-1(b)), which names nobody
ITEM3 = re.compile(r"^[\s|]*item\s*3\b[^\n]*?13d-[12]\s*\(b\)", re.I | re.M)
ITEM4 = re.compile(r"^[\s|]*item\s*4\b", re.I | re.M)


def item3_checklist(text: str) -> tuple[int, int] | None:
    """Span of a 13G's Item 3 category checklist ("(d) Investment company registered under Section 8 ...")."""
    m = ITEM3.search(text)
    if m is None:
        return None
    end = ITEM4.search(text, m.end())
    if end is None or end.start() - m.end() > 6000:
        return None
    return m.start(), end.start()


def _apply_block(ctx: DocContext, view: PartView, block: CoverBlock) -> tuple[str, str] | None:
    """Facts of one cover block; returns (entity key, name as printed) of a reporting company."""
    reg = ctx.registry
    part = view.layout
    cell = reporting_name(block)
    if cell is None:
        return None
    codes = person_types(block)
    ev = ctx.evidence(part, cell.start, cell.end, METHOD, 0.9)
    raw = cell.text
    if _is_person(raw, codes):
        key = reg.add("Person", natural_person_name(raw) if raw.isupper() else raw, ev)
    else:
        key = reg.add("Company", titlecase_company(raw) if raw.isupper() else raw, ev)
    if raw != reg.entities[key].name:
        reg.entities[key].aliases.add(raw)
    if reg.registrant and key != reg.registrant:
        reg.fact(key, "shareholder_of", reg.registrant, ev)
        _cover_stake(ctx, part, block, key, ev)
    if reg.entities[key].type != "Company":
        return None
    place = block.rows.get("citizenship", [])
    if place:
        state = normalize_jurisdiction(_clean_name(place[0].text))
        if state:
            reg.fact(key, "state_of_incorporation", state, ctx.evidence(part, place[0].start, place[0].end, METHOD, 0.9))
    irs = _first_match(block, "name", IRS_NUMBER) or _first_match(block, "irs", IRS_NUMBER)
    if irs is not None:
        digits = re.sub(r"\D", "", irs.text)
        if digits.strip("0"):
            reg.fact(key, "irs_employer_id", f"{digits[:2]}-{digits[2:]}", ctx.evidence(part, irs.start, irs.end, METHOD, 0.9))
    return key, raw


def _cover_number(ctx: DocContext, part: TextPart, block: CoverBlock, kind: str, pattern: re.Pattern[str], unit: str) -> Quantity | None:
    cell = _first_match(block, kind, pattern)
    if cell is None:
        return None
    fv = FieldValue(cell.text, *part.source_span(cell.start, cell.end))
    return quantity(ctx.doc_id, fv, METHOD, unit, 0.9)


def _cover_stake(ctx: DocContext, part: TextPart, block: CoverBlock, key: str, ev: Evidence) -> None:
    """Rows 9/11 (13D: 11/13) of a cover block: shares beneficially owned and percent of class."""
    reg = ctx.registry
    title = class_title(part.text)
    stake(
        reg,
        key,
        reg.registrant or key,
        shares=_cover_number(ctx, part, block, "aggregate", AMOUNT, "number"),
        percent=_cover_number(ctx, part, block, "percent", PERCENT_VALUE, "percent"),
        security=title.text if title is not None else None,
        evidence=ev,
    )


#: Item 2 (name, address, citizenship of each filing person) up to Item 3
ITEM2 = re.compile(r"^[\s|]*item\s*2\b", re.I | re.M)
ITEM3_ANY = re.compile(r"^[\s|]*item\s*3\b", re.I | re.M)
#: a US ZIP after a city or state ("New York, New York 10019", "Boston, MA 02110"), or a UK/Canadian postcode
ITEM2_POSTAL = re.compile(
    r"(?:(?<=[A-Za-z.],\s)|(?<=[A-Za-z.]\s))(?P<zip>\d{5})(?:-\d{4})?(?![\w-])"
    r"|(?<![\w-])(?P<uk>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)(?![\w-])"
)


def _apply_item2_postal_codes(ctx: DocContext, view: PartView, holders: list[tuple[str, str]]) -> None:
    """Postal codes of the reporting companies from Item 2's addresses.

    One code for all ("The address of each of the Reporting Persons is ...")
    goes to every reporting company; several codes go to the company named
    last before each. A company that already has a postal code (SEC header) keeps it.
    """
    reg = ctx.registry
    text = view.layout.text
    head = ITEM2.search(text)
    if head is None or not holders:
        return
    tail = ITEM3_ANY.search(text, head.end())
    end = tail.start() if tail else min(len(text), head.end() + 4000)
    codes = [(m.start(), m.end(), m.group("zip") or m.group("uk")) for m in ITEM2_POSTAL.finditer(text, head.end(), end)]
    if not codes:
        return
    has_code = {f.subject for f in reg.facts if f.relation == "postal_code"}
    if len({c[2] for c in codes}) == 1:
        targets = [(key, codes[0]) for key, _raw in holders]
    else:
        low = text.lower()
        mentions = sorted(
            (pos, key) for key, raw in holders for pos in [low.find(raw.lower(), head.end(), end)] if pos >= 0
        )
        targets = []
        for s, e, code in codes:
            before = [key for pos, key in mentions if pos < s]
            if before:
                targets.append((before[-1], (s, e, code)))
    for key, (s, e, code) in targets:
        if key in has_code:
            continue
        has_code.add(key)
        reg.fact(key, "postal_code", code, ctx.evidence(view.layout, s, e, "rule:schedule13-item2", 0.85))


# ---------------------------------------------------------------------------- XML schedules


def _ev(doc_id: str, fv: FieldValue, method: str) -> Evidence:
    return Evidence(doc_id, fv.start, fv.end, fv.value, method, 1.0)


def apply_schedule13_form(ctx: DocContext) -> None:
    """XML Schedule 13D/13G: place of organisation, cik and postal code of each reporting company; signers' titles."""
    form = ctx.source.structured
    if form is None:
        return
    reg = ctx.registry
    doc_id = ctx.doc_id
    method = "xml:" + form.form_type.value.lower().replace(" ", "").replace("/", "-")
    for p in form.parties:
        if isinstance(p, ReportingPerson):
            _xml_stake(ctx, form.class_title, p, method)
        if not isinstance(p, ReportingPerson) or p.is_person:
            continue
        key = _company_key(reg, p.name.value)
        if key is None:
            continue
        if p.citizenship is not None:
            state = normalize_jurisdiction(p.citizenship.value)
            if state:
                reg.fact(key, "state_of_incorporation", state, _ev(doc_id, p.citizenship, method))
        if p.cik is not None:
            reg.fact(key, "cik", p.cik.value, _ev(doc_id, p.cik, method))
        if p.zip is not None:
            reg.fact(key, "postal_code", p.zip.value, _ev(doc_id, p.zip, method))
    for sig in form.signatures:
        if not isinstance(sig, ScheduleSignature) or sig.capacity is None or sig.for_person is None:
            continue
        company = _company_key(reg, sig.for_person.value)
        signer = reg.find("Person", sig.name.value)
        if company is None or signer is None or company == reg.registrant:
            continue
        for title in parse_titles(sig.capacity.value).titles:
            reg.fact(signer, "officer_of", company, _ev(doc_id, sig.capacity, method), qualifier=title)


def _xml_stake(ctx: DocContext, class_title: FieldValue | None, p: ReportingPerson, method: str) -> None:
    """Rows 9 and 11 of an XML cover: the amount and percent of the class the reporting person owns."""
    reg = ctx.registry
    key = reg.find("Person", p.name.value) if p.is_person else _company_key(reg, p.name.value)
    if key is None or reg.registrant is None:
        return
    stake(
        reg,
        key,
        reg.registrant,
        shares=quantity(ctx.doc_id, p.aggregate_amount, method),
        percent=quantity(ctx.doc_id, p.percent_of_class, method, "percent"),
        security=class_title.value if class_title else None,
        evidence=_ev(ctx.doc_id, p.name, method),
    )


def _company_key(reg: EntityRegistry, name: str) -> str | None:
    key = reg.find("Company", name)
    if key is None:
        key = reg.find("Company", titlecase_company(name)) if name.isupper() else None
    return key


__all__ = [
    "apply_schedule13_cover",
    "apply_schedule13_form",
    "read_cover_blocks",
    "reporting_name",
    "person_types",
    "is_schedule13_document",
]
