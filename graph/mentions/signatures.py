"""Signature blocks: who signed, with which titles, on what date.

Signature blocks are the most reliable source of officers in a filing:
``By: /s/ name`` followed by the printed name and title lines, or a
``Signature | Title | Date`` table. The reader works on layout lines and
columns (runs of 3+ spaces or table cells), so it handles 1990s fixed-width
text, HTML tables and modern ``Name:``/``Title:`` blocks alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.mentions.context import DocContext, PartView
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX
from graph.mentions.schedule13 import is_schedule13_document
from graph.normalize.dates import parse_date
from graph.normalize.names import name_key, titlecase_name
from graph.normalize.titles import is_title_text, parse_titles

SLASH_S = re.compile(r"/s/", re.I)
COLUMN_SPLIT = re.compile(r"\s{3,}|\s*\|\s*|\t+")
DATE_LABEL = re.compile(r"^\s*(?:dated|date)\s*[:.]?\s*(.*)$", re.I)
NAME_LABEL = re.compile(r"^\s*(?:name|by)\s*:\s*(.+)$", re.I)
TITLE_LABEL = re.compile(r"^\s*(?:title|its)\s*:\s*(.+)$", re.I)
FIRM_SUFFIX = re.compile(COMPANY_WITH_SUFFIX.pattern, re.I)
RULE = re.compile(r"^[\s\-_=*]*$")
PERSON_SUFFIX = re.compile(r",?\s+(?:CPA|Esq\.?|C\.P\.A\.?|Ph\.?D\.?|M\.D\.)\s*$", re.I)
NAME_SHAPE = re.compile(r"^[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){1,4}(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?$")


@dataclass
class Signature:
    """One signature found in a part's layout text (offsets in that text)."""

    name: str
    start: int
    end: int
    title_text: str = ""
    date: str | None = None  # ISO 8601
    company_line: str | None = None
    lines: list[str] = field(default_factory=list)
    by_firm: bool = False  # the company line is a firm signing for another ("By: X LLC, its Manager")


def _columns(line: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for piece in COLUMN_SPLIT.split(line):
        idx = line.find(piece, pos) if piece else pos
        if piece.strip():
            out.append((idx + len(piece) - len(piece.lstrip()), piece.strip()))
        pos = idx + len(piece)
    return out


#: Capacity words after a signer's name: how he signs, never part of the name or a title.
CAPACITY = re.compile(
    r"(?:,|\s)\s*(?:as\s+)?(?:(?:its|his|her|their)\s+)?(?:duly\s+)?(?:"
    r"attorney[\s-]+in[\s-]+fact|authori[sz]ed\s+(?:signatory|officer|representative|person|agent)|"
    r"(?:pursuant\s+to|under|by)\s+(?:a\s+)?power\s+of\s+attorney|on\s+behalf\s+of|for\s+and\s+on\s+behalf|individually\b"
    r").*$",
    re.I,
)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Hon|Prof)\.?\s+(?=[A-Z])")
FOOTNOTE = re.compile(r"\s*(?:\(\d{1,2}\)|\(\*+\)|\*+|[\u00b9\u00b2\u00b3\u2020\u2021])\s*$")
INLINE_LABEL = re.compile(r"\b(?:Name|Printed\s+Name|Print\s+Name)\s*:\s*", re.I)
INLINE_TITLE = re.compile(r"\s*\b(?:Title|Its|Capacity)\s*:\s*", re.I)


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "esq", "phd", "cpa"})


def _surname(name: str) -> str:
    words = [w for w in name_key(name).split() if w not in _NAME_SUFFIXES]
    return words[-1] if words else ""


def undouble_name(text: str) -> tuple[str, int]:
    """One printed name out of a cell that prints it twice, and its offset in the cell.

    HTML signature tables put the conformed signature and the typed name in
    one cell ("/s/ JONAH DOE Jonah Doe", "V. Ann Roe V. Ann Roe", "John Doe
    JOHN DOE"): the typed (mixed-case) half is the name.
    """
    words = list(re.finditer(r"\S+", text))
    for k in range(1, len(words)):
        if name_key(words[k].group(0)) in _NAME_SUFFIXES:
            continue  # "DOE, JR. John Doe, Jr.": a suffix ends the first name, never starts the second
        left = text[: words[k - 1].end()].strip()
        right = text[words[k].start() :].strip()
        if not _surname(left) or _surname(left) != _surname(right):
            continue
        if name_key(left) == name_key(right) or left.isupper() != right.isupper():
            if right.isupper() and not left.isupper():
                return left.rstrip(","), 0
            return right, words[k].start()
    return text, 0


def split_signer(cell: str) -> tuple[str, int, str]:
    """The signer's name in the text after "/s/", its offset there, and any title printed with it.

    Keeps out of the name what is not a name: "By:", footnote marks,
    honorifics, capacity words ("Attorney-in-Fact", "on behalf of ...",
    "Authorized Signatory") and inline "Name:"/"Title:" labels.
    """
    offset = 0
    title = ""
    t = INLINE_TITLE.search(cell)
    if t and t.start() > 0:
        cell, title = cell[: t.start()], cell[t.end() :]
    m = INLINE_LABEL.search(cell)
    if m and (not cell[: m.start()].strip() or _surname(cell[: m.start()]) == _surname(cell[m.end() :])):
        offset, cell = m.end(), cell[m.end() :]
    lead = re.match(r"^[\s*]*(?:by\s*:?\s*)?(?:/s/\s*)?", cell, re.I)
    offset += lead.end()
    cell = cell[lead.end() :]
    h = HONORIFIC.match(cell)
    if h:
        offset += h.end()
        cell = cell[h.end() :]
    c = CAPACITY.search(cell)
    if c and c.start() > 0:
        cell = cell[: c.start()]
    cell = FOOTNOTE.sub("", cell.rstrip())
    name, shift = undouble_name(cell.strip())
    offset += len(cell) - len(cell.lstrip()) + shift
    return name, offset, title


def _clean_name(text: str) -> str:
    text = text.strip().strip("*").strip()
    text = re.sub(r"^(?:by\s*:?\s*)", "", text, flags=re.I)
    text = PERSON_SUFFIX.sub("", text).strip().rstrip(",").strip()
    text = FOOTNOTE.sub("", text).strip()
    text = re.sub(r"\s+", " ", text)
    if text.isupper() and not COMPANY_WITH_SUFFIX.search(text):
        text = titlecase_name(text)
    return text


#: A line under a firm's name that tells in what capacity it acts: "as Depositor on behalf of X", "its General Partner".
CAPACITY_LINE = re.compile(r"^\s*(?:as\s|on\s+behalf\s+of\b|its\s|in\s+its\s+capacity\b|solely\s+as\b|\()", re.I)
#: "By: Acme Management LLC, its Investment Manager": a firm signing for the entity named above it.
BY_FIRM = re.compile(r"\bBy\s*:?\s*(?!/s/)(?P<firm>[A-Z][^,/]*?(?:,\s*(?:Inc|Ltd|L\.?P|LLC|L\.L\.C|N\.A)\.?)?)\s*(?:,\s*(?:its|as)\b.*|,?\s*$)")


def _signing_firm(cell: str) -> str | None:
    """The firm of a "By: <firm>, its <capacity>" cell (an entity signing for another), if the firm has a legal suffix."""
    m = BY_FIRM.search(cell)
    if m is None:
        return None
    firm = m.group("firm").strip(" ,")
    return firm if FIRM_SUFFIX.search(firm) else None


def looks_like_person(name: str) -> bool:
    """A printed signer name, not a firm or a caption."""
    if not name or FIRM_SUFFIX.search(name) or "&" in name:
        return False
    if is_title_text(name):
        return False
    return bool(NAME_SHAPE.match(name))


def _date_in(text: str) -> str | None:
    m = DATE_LABEL.match(text)
    cand = m.group(1) if m else text
    d = parse_date(cand.strip().strip(",."))
    return d.isoformat() if d else None


def find_signatures(text: str) -> list[Signature]:
    """Every ``/s/`` signature in a layout text, with printed name, titles and date."""
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    sigs: list[Signature] = []
    for i, line in enumerate(lines):
        marks = list(SLASH_S.finditer(line))
        for n, m in enumerate(marks):
            hi = _column_start(line, marks[n + 1].start()) if n + 1 < len(marks) else len(line)
            lo = _column_start(line, m.start()) if n else 0
            sig = _read_signature(lines, starts, i, m, lo, hi)
            if sig is not None:
                sigs.append(sig)
    return sigs


def _column_start(line: str, pos: int) -> int:
    """Where the layout column holding ``pos`` starts (after the last gap of 3+ spaces before it)."""
    gaps = [g.end() for g in re.finditer(r"\s{3,}|\t+|\|", line[:pos])]
    return gaps[-1] if gaps else 0


def _in_window(ncols: list[tuple[int, str]], lo: int, hi: int) -> list[tuple[int, str]]:
    """The columns of a line under one signature of a row of side-by-side signatures."""
    if lo == 0 and hi >= 10**6:
        return ncols
    return [(c, t) for c, t in ncols if lo - 2 <= c < hi]


def _read_signature(lines: list[str], starts: list[int], i: int, m: re.Match[str], lo: int, hi: int) -> Signature | None:
    """The signature whose "/s/" is ``m`` on line ``i``: printed name, titles and date around it."""
    line = lines[i]
    rest = line[m.end() : hi]
    if hi >= len(line):
        hi = 10**6  # the last (or only) signature of its line: its column runs to the right edge
    cols = _columns(rest)
    name, name_off, inline_title = split_signer(cols[0][1]) if cols else ("", 0, "")
    name = _clean_name(name)
    title_parts: list[str] = [inline_title] if inline_title else []
    date: str | None = None
    if "," in name and not re.search(r",\s*(?:Jr|Sr|II|III|IV)\.?$", name):
        head, tail = name.split(",", 1)
        if is_title_text(tail) or parse_titles(tail).titles:
            name, title_parts = _clean_name(head), [tail]
    for _c, col in cols[1:]:
        d = _date_in(col)
        if d:
            date = date or d
        else:
            title_parts.append(col)
    j = i + 1
    consumed = 0
    name_start: int | None = None
    if not name and j < len(lines):  # "/s/" alone, name on the next line
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines):
            below = _in_window(_columns(lines[j]), lo, hi)
            if below:
                raw, off, inline_title = split_signer(below[0][1])
                name = _clean_name(raw)
                name_start = starts[j] + below[0][0] + off
                if inline_title:
                    title_parts.append(inline_title)
                title_parts.extend(col for _c, col in below[1:] if not _date_in(col))
            j += 1
    while j < len(lines) and consumed < 6:
        nxt = lines[j]
        if hi < 10**6 or lo > 0:  # side-by-side signatures: only this one's column
            nxt = "   ".join(c for _o, c in _in_window(_columns(nxt), lo, hi))
        if SLASH_S.search(nxt):
            break
        if not nxt.strip():
            if consumed and (title_parts or date):
                break
            j += 1
            consumed += 1
            continue
        if RULE.match(nxt):
            j += 1
            continue
        dm = DATE_LABEL.match(nxt.strip())
        if dm:
            d = _date_in(nxt.strip())
            if d:
                date = date or d
                j += 1
                consumed += 1
                continue
            if not dm.group(1).strip():  # "Date:" alone, value on the next line
                if j + 1 < len(lines):
                    d = _date_in(lines[j + 1])
                    date = date or d
                break
        lm = NAME_LABEL.match(nxt)
        if lm:
            typed, _off, inline_title = split_signer(lm.group(1))  # "Name: X   Title: Y" on one line
            if not name or name_key(typed).startswith(name_key(name)[:6]):
                name = name or _clean_name(typed)
                if inline_title:
                    title_parts.append(inline_title)
                    consumed += 1
                j += 1
                continue
        tm = TITLE_LABEL.match(nxt)
        if tm:
            title_parts.append(tm.group(1))
            j += 1
            consumed += 1
            continue
        if len(nxt.strip()) > 90 and len(_columns(nxt)) < 2:  # prose, not a printed name or title
            break
        ncols = _in_window(_columns(nxt), lo, hi)
        took = False
        for _c, col in ncols:
            key = name_key(col)
            nk = name_key(name)
            if nk and (key == nk or key.startswith(nk + " ") or nk.startswith(key) and len(key) > 3):
                remainder = col.split(",", 1)[1] if "," in col and not key == nk else ""
                if remainder.strip():
                    title_parts.append(remainder)
                took = True
                continue
            d = _date_in(col)
            if d and len(col) < 25:
                date = date or d
                took = True
                continue
            if is_title_text(col) or col.startswith("(") or parse_titles(col).titles or parse_titles(col).director:
                title_parts.append(col)
                took = True
        if not took:
            break
        j += 1
        consumed += 1
    # "Date: January 21, 2000" printed a few lines below the block
    if date is None:
        for k in range(j, min(len(lines), j + 4)):
            if SLASH_S.search(lines[k]):
                break
            dm = DATE_LABEL.match(lines[k].strip())
            if dm and lines[k].strip():
                date = _date_in(lines[k].strip())
                if date:
                    break
    # a date on the same line before "/s/" ("Date: June 23, 2004    By: /s/ ...")
    if date is None:
        for _c, col in _columns(line[: m.start()]):
            date = date or _date_in(re.sub(r"\bBy\s*:?\s*$", "", col).strip())
    # a date printed just above the signature ("February 27, 2004" / "Date: ...")
    if date is None:
        for k in range(i - 1, max(-1, i - 4), -1):
            cand = lines[k].strip()
            if not cand:
                continue
            d = _date_in(cand) if len(cand) < 40 else None
            if d:
                date = d
                break
    company_line = None
    by_firm = False
    for k in range(i - 1, max(-1, i - 6), -1):
        cells = [c for _o, c in _in_window(_columns(lines[k]), lo, hi) if not RULE.match(c) and not c.endswith(":")]
        cand = " ".join(cells)
        if not cand or cand.lower() in ("(registrant)", "registrant"):
            continue
        if SLASH_S.search(cand):
            break
        if CAPACITY_LINE.match(cand):
            continue  # "as Depositor on behalf of X" tells the capacity of the firm on the line above
        firms = [b for b in (_signing_firm(c) for c in cells) if b]
        if firms:  # "X Trust  By: Acme Funding LLC, its Manager": the signer acts for Acme Funding LLC
            company_line, by_firm = firms[-1], True
            break
        firm = [c.rstrip(" ,") for c in cells if FIRM_SUFFIX.search(c.rstrip(" ,"))]  # "By: Acme Funding LLC,"
        if firm:
            company_line = firm[-1]
            break
        if cand.isupper() and len(cand.split()) <= 8 and not _date_in(cand):
            company_line = cand
            break
    if not name:
        return None
    start = name_start if name_start is not None else starts[i] + m.end() + (cols[0][0] if cols else 0) + name_off
    return Signature(name, start, start + len(name), " ".join(title_parts), date, company_line, by_firm=by_firm)




def apply_signatures(ctx: DocContext, view: PartView) -> list[Signature]:
    """Record ``signed``, officer titles and directorships from a part's signatures."""
    part = view.layout
    sigs = find_signatures(part.text)
    reg = ctx.registry
    for sig in sigs:
        if not looks_like_person(sig.name):
            continue
        ev = ctx.evidence(part, sig.start, sig.end, "rule:signature", 0.95)
        person = reg.add("Person", sig.name, ev)
        reg.fact(person, "signed", ctx.doc_id, ev)
        org = reg.registrant
        if sig.company_line:
            from graph.normalize.names import titlecase_company

            cname = sig.company_line
            display = titlecase_company(cname) if cname.isupper() else cname
            found = reg.find("Company", display)
            if found:
                org = found
            elif sig.by_firm:  # a firm signing for the registrant (its manager, depositor, general partner)
                org = reg.add("Company", display, ev)
            elif org is None and COMPANY_WITH_SUFFIX.search(display):
                org = reg.add("Company", display, ev, registrant=True)
        if org is None:
            continue
        if org == reg.registrant and is_schedule13_document(ctx):
            continue  # a 13D/13G signer holds his title at the reporting person, never at the issuer
        tp = parse_titles(sig.title_text)
        for title in tp.titles:
            reg.fact(person, "officer_of", org, ev, qualifier=title)
        if tp.director:
            reg.fact(person, "director_of", org, ev)
    return sigs
