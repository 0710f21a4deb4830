"""Deal parties read from layout: underwriting tables and role captions of prospectus covers.

Two layouts name the firms of an offering without a sentence:

* the underwriting table, "Underwriter | Number of Shares" (HTML cells) or
  a text-era table with dot leaders ("Goldman, Sachs & Co.......  $126,000,000"),
  where a long name may wrap onto the next line ("Merrill Lynch, Pierce,
  Fenner & Smith" / "Incorporated......  126,000,000") and a "Total" row ends it;
* a cover caption on a line of its own ("Sole Placement Agent",
  "Joint Book-Running Managers") followed by lines that are only firm names.

The header or caption word decides the relation; every firm is the
registrant's. Lenders, arrangers and administrative agents of a credit
agreement use other captions and are never read here.
"""

from __future__ import annotations

import re

from graph.mentions.context import DocContext, PartView
from graph.mentions.entities import display_company, is_person_name
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX, FIRM_WORDS, is_generic_company_name

#: first cell of an underwriting table's header row -> relation
TABLE_HEADER = re.compile(
    r"^\s*(?:name\s+of\s+)?(?P<role>underwriters?|initial\s+purchasers?|placement\s+agents?)\s*(?:\||\s{2,}|$)",
    re.I,
)
AMOUNT_HEADER = re.compile(r"\b(?:principal|amount|number|shares|notes|units|debentures|securities)\b", re.I)
ROW = re.compile(r"^\s*(?P<name>\S.*?)(?:\s*\.{2,}\s*\|?|\s*\|\s*(?:\$\s*\|?\s*)?|\s{2,})\$?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*\|?\s*$")
SEPARATOR = re.compile(r"^[\s\-=_|<>SC]*$")
#: a caption line of a cover naming the firms below it
CAPTION = re.compile(
    r"^\s*(?:(?:sole|lead|joint|co-?|senior|exclusive)[\s-]*)*(?:(?P<pa>placement\s+agents?)|(?P<uw>underwriters?|"
    r"book[\s-]*running\s+managers?|(?:lead|co)[\s-]*managers?|representatives?\s+of\s+the\s+underwriters|initial\s+purchasers?))\s*:?\s*$",
    re.I,
)
FIRM_LINE = re.compile(r"^[A-Z0-9][\w.,&'’()-]*(?:\s+(?:[A-Z0-9&][\w.,&'’()-]*|of|and|de|du|la))*$")


def _relation(role: str) -> str:
    return "placement_agent_for" if role.lower().startswith("placement") else "underwriter_for"


def _firm(name: str) -> str | None:
    """A row's name cell as a firm name, or None when it is a total or a description."""
    name = re.sub(r"\s+", " ", name).strip(" .|:")
    if not name or not name[0].isupper() or len(name.split()) > 12:
        return None
    if re.match(r"(?:total|subtotal|aggregate)\b", name, re.I) or is_generic_company_name(name):
        return None
    return display_company(name)


def _looks_like_firm(cell: str) -> bool:
    """A cover cell names a firm: a legal suffix, an ampersand or a firm word, and not a person's name."""
    if is_person_name(cell) and not COMPANY_WITH_SUFFIX.search(cell):
        return False
    last = cell.split()[-1].strip(".,").lower()
    return bool(COMPANY_WITH_SUFFIX.search(cell)) or "&" in cell or last in FIRM_WORDS


def _add(ctx: DocContext, view: PartView, name: str, start: int, end: int, relation: str, method: str) -> None:
    reg = ctx.registry
    if reg.registrant is None:
        return
    ev = ctx.evidence(view.layout, start, end, method, 0.85)
    key = reg.add("Company", name, ev)
    if key != reg.registrant:
        reg.fact(key, relation, reg.registrant, ev)


def apply_party_tables(ctx: DocContext, view: PartView) -> None:
    """Underwriting tables and cover captions of one part."""
    if ctx.registry.registrant is None:
        return
    lines = _lines(view.layout.text)
    _underwriting_tables(ctx, view, lines)
    _captions(ctx, view, lines)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _underwriting_tables(ctx: DocContext, view: PartView, lines: list[tuple[int, str]]) -> None:
    for i, (_, line) in enumerate(lines):
        m = TABLE_HEADER.match(line)
        if not m:
            continue
        near = " ".join(l for _, l in lines[max(0, i - 2) : i + 2])
        if not AMOUNT_HEADER.search(near):
            continue
        relation = _relation(m.group("role"))
        pending: tuple[int, str] | None = None
        rows = 0
        for pos, row in lines[i + 1 : i + 80]:
            if not row.strip():
                if pending is not None:
                    break
                continue
            if SEPARATOR.fullmatch(row) or AMOUNT_HEADER.fullmatch(row.strip(" |")):
                continue
            rm = ROW.match(row)
            if rm is None:
                if pending is None and len(row.split()) <= 8 and row.strip()[:1].isupper():
                    pending = (pos + len(row) - len(row.lstrip()), row.strip())
                    continue
                if rows:
                    break
                continue  # a second header line ("Name | Number of Shares")
            raw = rm.group("name")
            start = pos + rm.start("name")
            if pending is not None:
                raw = pending[1] + " " + raw
                start = pending[0]
                pending = None
            if re.match(r"\s*(?:total|subtotal)\b", raw, re.I):
                break
            name = _firm(raw)
            if name is None:
                continue
            rows += 1
            _add(ctx, view, name, start, pos + rm.end("name"), relation, "rule:underwriting-table")


def _captions(ctx: DocContext, view: PartView, lines: list[tuple[int, str]]) -> None:
    for i, (_, line) in enumerate(lines):
        m = CAPTION.match(line)
        if not m:
            continue
        relation = "placement_agent_for" if m.group("pa") else "underwriter_for"
        for pos, nxt in lines[i + 1 : i + 6]:
            cells = [c for c in re.split(r"\s*\|\s*|\s{3,}", nxt.strip()) if c]
            if not cells:
                if nxt.strip():
                    break
                continue
            if not all(FIRM_LINE.match(c) and len(c.split()) <= 8 for c in cells):
                break
            for cell in cells:
                name = _firm(cell)
                if name is None or CAPTION.match(cell) or not _looks_like_firm(cell):
                    continue
                start = pos + nxt.find(cell)
                _add(ctx, view, name, start, start + len(cell), relation, "rule:cover-caption")
            break  # the caption's firms are the lines right below it
