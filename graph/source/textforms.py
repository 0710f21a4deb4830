"""Text-era ownership forms (Forms 3, 4 and 5 filed as plain text, c. 1996-2003).

Before the XML schema, filer agents printed the form's numbered boxes
("2. Issuer Name and Ticker or Trading Symbol", "6. Relationship of
Reporting Person(s) to Issuer") and its two tables with ``|`` column rules,
a row often wrapped over two lines ("Options to Purchase Co" / "mmon Stock").
This reader turns that layout into the same :class:`StructuredForm` the XML
reader produces, so one mapping to facts serves both eras.
"""

from __future__ import annotations

import re

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm, TextPart
from graph.normalize.dates import parse_date
from graph.source.values import strip_state_tags

BOX_ISSUER = re.compile(r"^\s*\d\.\s*issuer\s+name\s+and\s+ticker", re.I | re.M)
BOX_OWNER = re.compile(r"^\s*1\.\s*name\s+and\s+address\s+of\s+reporting\s+person", re.I | re.M)
BOX_RELATION = re.compile(r"relationship\s+of\s+reporting\s+person\(?s?\)?\s+to\s+issuer", re.I)
TABLE_II = re.compile(r"table\s+ii\b", re.I)
BOX_LINE = re.compile(r"^\s*\d{1,2}\.\s")
RULE = re.compile(r"^[\s_\-=|]*$|^-\s-{5,}")
MONEY = re.compile(r"^\$?\s*\d*\.?\d+$")


def _lines_after(text: str, pos: int, limit: int = 6) -> list[tuple[int, str]]:
    """Value lines following a box caption, up to the next numbered box."""
    out: list[tuple[int, str]] = []
    start = text.find("\n", pos) + 1
    for line in text[start:].split("\n")[:limit]:
        if BOX_LINE.match(line):
            break
        if line.strip():
            out.append((start + len(line) - len(line.lstrip()), line.strip()))
        start += len(line) + 1
    return out


def _fv(part: TextPart, value: str, start: int, length: int | None = None) -> FieldValue:
    s, e = part.source_span(start, start + (length if length is not None else len(value)))
    return FieldValue(value, s, e)


def _checked(text: str, label: str) -> bool:
    return bool(re.search(r"\(\s*[xX]\s*\)\s*" + label, text))


def _table_rows(text: str, start: int) -> list[list[tuple[int, str]]]:
    """Rows of a ``|``-ruled table: cells joined across wrapped lines, with their offsets."""
    rows: list[list[tuple[int, str]]] = []
    current: list[list[tuple[int, str]]] | None = None
    pos = start
    body = False
    rules = 0
    for line in text[start:].split("\n"):
        line_start = pos
        pos += len(line) + 1
        if line.strip().startswith("</TABLE>") or (body and line.strip() and "|" not in line and not RULE.match(line)):
            break
        if line.strip().startswith("<S>"):
            body = True
            continue
        if not body:
            # the caption, its rule, the column headings, then a second rule: the body follows
            if RULE.match(line) and line.strip():
                rules += 1
                body = rules >= 2
            continue
        if RULE.match(line) or "|" not in line:
            if current:
                rows.append([(c[0][0], _join(c)) for c in current])
                current = None
            continue
        cells = line.split("|")
        offs = []
        o = 0
        for c in cells:
            offs.append(line_start + o)
            o += len(c) + 1
        if current is None:
            current = [[(offs[i], c)] for i, c in enumerate(cells)]
        else:
            for i, c in enumerate(cells):
                if i < len(current):
                    current[i].append((offs[i], c))
    if current:
        rows.append([(c[0][0], _join(c)) for c in current])
    return [r for r in rows if r and r[0][1]]


def _join(pieces: list[tuple[int, str]]) -> str:
    """Join a cell's wrapped pieces: a piece that fills its column was cut mid-word."""
    out = ""
    prev_raw = ""
    for _o, raw in pieces:
        if not raw.strip():
            continue
        if out and not prev_raw.endswith(" "):
            out += raw.strip()
        else:
            out += (" " if out else "") + raw.strip()
        prev_raw = raw
    return out.strip()


def parse_text_ownership(part: TextPart, form_type: str) -> StructuredForm | None:
    """The boxes and derivative table of a text Form 3/4/5; None when the layout is not there."""
    text = part.text
    m_issuer = BOX_ISSUER.search(text)
    if not m_issuer:
        return None
    form = StructuredForm(form_type=FieldValue(form_type, 0, 0))
    vals = _lines_after(text, m_issuer.end())
    if vals:
        off, name = vals[0]
        name = strip_state_tags(name).rstrip()
        form.issuer = FormParty(name=_fv(part, name, off), role="issuer", is_person=False)
        for off, v in vals[1:]:
            if re.fullmatch(r"[A-Z]{1,5}", v):
                form.issuer_ticker = _fv(part, v, off)
                break
    m_owner = BOX_OWNER.search(text)
    if m_owner:
        ovals = _lines_after(text, m_owner.end())
        if ovals:
            off, raw = ovals[0]
            raw = strip_state_tags(raw).rstrip()
            owner = FormParty(name=_fv(part, raw, off), role="reporting_owner", is_person=True)
            rel = BOX_RELATION.search(text)
            if rel:
                block = text[rel.end() : rel.end() + 400]
                block = block[: BOX_LINE.search(block).start()] if BOX_LINE.search(block) else block
                owner.is_director = _checked(block, r"Director")
                owner.is_ten_percent_owner = _checked(block, r"10%\s*Owner")
                owner.is_officer = _checked(block, r"Officer")
                if owner.is_officer:
                    tl = re.search(r"\(specify\s+below\)\s*\n\s*(\S[^\n]*)", block)
                    if tl and not BOX_LINE.match(tl.group(1)):
                        owner.officer_title = FieldValue(tl.group(1).strip(), 0, 0)
            form.parties.append(owner)
    t2 = TABLE_II.search(text)
    if t2:
        for row in _table_rows(text, t2.end()):
            cells = [c for _o, c in row]
            title_off, title = row[0]
            sec = FormSecurity(title=_fv(part, title, title_off, len(title.split()[0]) if title else 0), derivative=True)
            sec.title = FieldValue(title, sec.title.start, sec.title.end)
            price_i = next((i for i, c in enumerate(cells[1:], 1) if MONEY.match(c.replace(",", ""))), None)
            if price_i is not None:
                o, c = row[price_i]
                sec.exercise_price = _fv(part, c, o, len(c))
            dates = [(i, parse_date(c)) for i, c in enumerate(cells) if i > (price_i or 0)]
            dates = [(i, d) for i, d in dates if d]
            if dates:
                i, d = dates[-1]
                o, c = row[i]
                sec.expiration_date = FieldValue(d.isoformat(), *part.source_span(o, o + len(c.strip())))
                after = [(o2, c2) for j, (o2, c2) in enumerate(row) if j > i and re.search(r"[A-Za-z]{3,}", c2)]
                if after:
                    sec.underlying_title = _fv(part, after[0][1], after[0][0], len(after[0][1]))
            form.securities.append(sec)
    sig = re.search(r"signature\s+of\s+reporting\s+person\s*\n\s*/s/\s*(\S[^\n]*)", text, re.I)
    if sig:
        name = re.sub(r"\s+", " ", sig.group(1)).strip()
        fs = FormSignature(name=_fv(part, name, sig.start(1), len(sig.group(1).rstrip())))
        dm = re.search(r"^\s*date\s*:?\s*\n?\s*([A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})", text[sig.end() : sig.end() + 200], re.I | re.M)
        if dm:
            d = parse_date(dm.group(1))
            if d:
                o = sig.end() + dm.start(1)
                fs.date = FieldValue(d.isoformat(), *part.source_span(o, o + len(dm.group(1))))
        form.signatures.append(fs)
    return form


# --------------------------------------------------------------------------- fund notices (Form 24F-2)

#: a numbered item at the start of a line: "9.  Number and aggregate sale price of securities sold ..."
ITEM = re.compile(r"^\s{0,4}(\d{1,2})\.\s+(\S.*)$", re.M)
#: an item whose caption asks for a number of securities (not a fee, date or price alone)
COUNT_CAPTION = re.compile(r"^number\s+(?:and\s+(?:amount|aggregate\s+sale\s+price)\s+)?of\s+(?:securities|shares)\b", re.I)
COUNT = re.compile(r"(?<![\d$.,])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,]*\.\d)(?![\d,])")


def parse_fund_notice_counts(part: TextPart) -> list[tuple[str, FieldValue]]:
    """Share counts of a fund's notice of securities sold (Form 24F-2, text era).

    Layout: numbered items, each a caption ending with ":" (often wrapped over
    lines) and its value under it, items parted by rules ("____"). An item
    whose caption asks for the *number* of securities ("Number and aggregate
    sale price of securities sold during the fiscal year:") gives the first
    whole number of its value, the share count (the sale price follows it with
    "$"). Returns (caption, count) pairs, a count without its commas; "-0-"
    and blank items give nothing.
    """
    text = part.text
    items = list(ITEM.finditer(text))
    out: list[tuple[str, FieldValue]] = []
    for i, m in enumerate(items):
        end = items[i + 1].start() if i + 1 < len(items) else len(text)
        block = text[m.start(2) : end]
        colon = block.find(":")
        caption = " ".join(block[: colon if colon >= 0 else 0].split())
        if colon < 0 or not COUNT_CAPTION.match(caption):
            continue
        body_start = m.start(2) + colon + 1
        body = text[body_start:end]
        body = body[: RULE_LINE.search(body).start()] if RULE_LINE.search(body) else body
        c = COUNT.search(body)
        if c is None:
            continue
        o = body_start + c.start(1)
        s, e = part.source_span(o, o + len(c.group(1)))
        out.append((caption, FieldValue(c.group(1).replace(",", ""), s, e)))
    return out


RULE_LINE = re.compile(r"^\s*_{10,}\s*$", re.M)
