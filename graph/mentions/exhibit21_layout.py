"""The rows of an Exhibit 21 list as laid out: cells, wrapped lines, headings, footnotes.

Layouts read here, from their structure rather than their wording:

* HTML tables rendered as `` | ``-separated cells: "Name | Jurisdiction",
  extra columns (ownership %, d/b/a), two pairs across ("Name | State |
  Name | State") or "Name (ST) | Name (ST)";
* plain-text fixed-width columns (1990s): cells split on column gaps, tabs or
  dot leaders; a name or jurisdiction that wraps onto the next line (hanging
  indent, or a piece standing in the jurisdiction column) joins its row;
* one entry per line or bullet: "Name (Jurisdiction)", "Name, a Delaware
  corporation";
* group headings: "Domestic Subsidiaries" (ignored) and a jurisdiction
  heading ("Germany:", "Delaware Corporations") that applies to the names
  under it;
* column captions ("Name of Subsidiary", "Organized Under Laws of") and
  footnotes ("* a subsidiary of X"), which never become companies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.mentions.exhibit21_cells import is_mark_cell, is_number_cell, jurisdictions, mark_key, read_name
from graph.mentions.gazetteer import COMPANY_WITH_SUFFIX

_SEP = re.compile(r"\s*\|\s*|\s{3,}|\t+|\s*\.{4,}\s*|\s*(?:\. ){3,}\s*")
_CAPTION = re.compile(
    r"^(?:\(?\s*(?:name|names|legal\s+name|entity|entities|subsidiary|subsidiaries|company|companies|"
    r"jurisdiction|jurisdictions|state|states|country|countries|place|organized|organised|incorporated|"
    r"incorporation|domicile|percent|percentage|%|ownership|owned|owner|voting|laws\s+of|under|power|"
    r"doing\s+business|d/b/a|parent|registrant|other|type|formation|location|interest|held|by|equity|"
    r"and|or|of|the|in|which|where)s?\b[^|]*|[-=_\s]+)$",
    re.I,
)
_HEADING = re.compile(
    r"\b(?:subsidiaries|subsidiary|affiliates|exhibit\s+\d+|continued|list\s+of|page\s+\d+|significant)\b", re.I
)
_NAME_LOWER_OK = {
    "de", "del", "der", "des", "do", "da", "dos", "das", "du", "di", "la", "le", "las", "los", "el", "of", "and",
    "the", "y", "e", "et", "ve", "und", "für", "fur", "van", "von", "den", "per", "pour", "sur", "zu", "am",
    "a", "an", "for", "in", "on", "at", "&", "mbh", "co", "kg", "gmbh", "bv", "nv", "sa", "ltda", "srl", "spa",
    "s", "r", "l", "c", "v", "b", "ab", "as", "oy", "plc", "limited", "ltd", "inc", "llc", "i",
}
_FOOTNOTE_START = re.compile(r"^\s*(?P<m>[*†‡§¶#]+|\(\s*(?:\d{1,2}|[a-z])\s*\)|\[\s*\w{1,2}\s*\]|\d{1,2}(?=\.?\s+[A-Z])|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*")
_HEADING_WORDS = re.compile(
    r"\b(?:subsidiaries|subsidiary|corporations|companies|entities|incorporated\s+in|organi[sz]ed\s+(?:in|under"
    r"\s+the\s+laws\s+of)|formed\s+in|domestic|foreign|international|non-u\.?s\.?|u\.?s\.?)\b|:",
    re.I,
)


@dataclass
class Cell:
    """One cell of a row: its text and where it is (part offsets, column in its line)."""

    text: str
    start: int
    end: int
    col: int

    def join(self, other: "Cell") -> None:
        self.text = f"{self.text} {other.text}"
        self.end = other.end


@dataclass
class Row:
    """One logical row: the cells of a line, plus the lines that wrap into it."""

    cells: list[Cell]
    start: int
    end: int
    indent: int
    piped: bool
    line_no: int
    last_line_no: int = field(default=-1)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def split_rows(text: str) -> list[Row]:
    """Every non-blank line as a row of cells (`` | `` cells, column gaps, tabs, dot leaders)."""
    rows: list[Row] = []
    pos = 0
    for no, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        piped = " | " in line
        cells: list[Cell] = []
        last = 0
        for m in list(_SEP.finditer(line)) + [None]:
            a, b = (m.start(), m.end()) if m else (len(line), len(line))
            seg = line[last:a]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                cells.append(Cell(seg.strip(), start + last + lead, start + last + lead + len(seg.strip()), last + lead))
            last = b
        if cells:
            indent = len(line) - len(line.lstrip())
            rows.append(Row(cells, start, start + len(line), indent, piped, no, no))
    return rows


def _has_juris(row: Row) -> bool:
    return any(jurisdictions(c.text) for c in row.cells[1:])


def _ends_with_suffix(text: str) -> bool:
    return bool(COMPANY_WITH_SUFFIX.search(text.strip(" *")))


def _continues(prev: Row, row: Row) -> bool:
    """A wrapped line of a fixed-width list: hanging indent, a jurisdiction piece, or an open name."""
    if prev.piped or row.piped or row.line_no != prev.last_line_no + 1:
        return False
    first = row.cells[0]
    if len(prev.cells) >= 2 and first.col >= prev.cells[1].col - 3 and first.col > prev.cells[0].col + 8:
        return True  # only the jurisdiction (or a number) column goes on
    if len(row.cells) > 1 and _has_juris(prev) and _has_juris(row):
        return False  # two complete rows
    if _ends_with_suffix(prev.cells[0].text) and _ends_with_suffix(first.text):
        return False  # two complete names (a child row indented by one or two)
    if 0 < row.indent - prev.indent <= 2:
        return True
    if row.indent == prev.indent and len(prev.cells) == 1:
        if re.search(r"(?:,|&|\band|\bof|\bde|\by|-)\s*$", prev.cells[0].text) or first.text[:1].islower():
            return True
    return False


def merge_wrapped(rows: list[Row]) -> list[Row]:
    """Join wrapped lines into their row, column by column."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is None or not _continues(prev, row):
            out.append(row)
            continue
        for k, cell in enumerate(row.cells):
            target = None
            if len(prev.cells) == 1:
                if k == 0:
                    prev.cells[0].join(cell)
                else:
                    prev.cells.append(Cell(cell.text, cell.start, cell.end, cell.col))
                continue
            for i, pc in enumerate(prev.cells):
                nxt = prev.cells[i + 1].col if i + 1 < len(prev.cells) else 10**6
                if pc.col - 3 <= cell.col < nxt - 2 or (i == 0 and cell.col < nxt - 2):
                    target = pc
                    break
            if target is None or (is_number_cell(cell.text) and not is_number_cell(target.text)):
                prev.cells.append(Cell(cell.text, cell.start, cell.end, cell.col))
            elif not is_number_cell(cell.text):
                target.join(cell)
        prev.end = row.end
        prev.last_line_no = row.line_no
    return out


def is_caption_text(text: str) -> bool:
    """A column caption ("Name of Subsidiary", "Jurisdiction", "Percent Owned") or a rule of dashes."""
    return bool(_CAPTION.match(text)) and len(text) <= 60 and len(text.split()) <= 8 and not jurisdictions(text)


def is_caption(row: Row) -> bool:
    """Column captions and rules: every cell is a caption word group or a line of dashes."""
    return all(is_caption_text(c.text) for c in row.cells)


def is_prose(text: str) -> bool:
    """A sentence, not a name: three or more lowercase words that firm names do not use."""
    words = re.findall(r"[^\s,;:()]+", text)
    lower = [w for w in words if w[:1].islower() and w.lower().strip(".") not in _NAME_LOWER_OK]
    return len(lower) >= 3 or len(words) > 22


def is_heading(row: Row) -> bool:
    """A title or group heading ("Subsidiaries of X", "Domestic Subsidiaries", "continued")."""
    text = row.text
    if len(row.cells) > 2 or is_prose(text):
        return False
    if text.rstrip().endswith(":") and not _ends_with_suffix(text.rstrip(": ")):
        return True
    return bool(_HEADING.search(text)) and not (_ends_with_suffix(text) and not re.search(r"\bsubsidiaries\s+of\b", text, re.I))


def heading_jurisdiction(row: Row) -> list[str] | None:
    """The jurisdiction a one-cell heading gives the names under it ("Germany:", "Delaware Corporations")."""
    if len(row.cells) != 1:
        return None
    text = row.cells[0].text
    if _ends_with_suffix(text):
        return None
    bare = _HEADING_WORDS.sub(" ", text).strip(" :-–—")
    found = jurisdictions(bare) if bare else []
    return found or None


def _is_sentence(text: str) -> bool:
    words = re.findall(r"[^\s,;:()]+", text)
    return any(w[:1].islower() and w.lower().strip(".") not in _NAME_LOWER_OK for w in words)


def _table_footnote(row: Row) -> tuple[str, str] | None:
    """A footnote laid out as a table row: a mark cell ("(1)", "*", "1"), then the note's text.

    A numbered entry ("1 | Name | Delaware") has a jurisdiction cell or reads as
    a name; a note has a verb or other lower-case words of a sentence.
    """
    if len(row.cells) < 2 or not row.piped:
        return None
    first = row.cells[0].text.strip()
    if not (is_mark_cell(first) or re.fullmatch(r"\(?\d{1,2}\)?\.?|[¹²³⁴⁵⁶⁷⁸⁹]+", first)):
        return None
    rest = " ".join(c.text for c in row.cells[1:]).strip()
    if not _is_sentence(rest) or any(jurisdictions(c.text) for c in row.cells[1:]):
        return None
    named = read_name(row.cells[1].text)
    if named is not None and named.juris and not is_prose(named.name):
        return None
    return mark_key(first), rest


def footnote(row: Row) -> tuple[str, str] | None:
    """(mark, text) of a footnote line: a mark, then a sentence about a listed name.

    Marks stand at the start of a line ("* Owned by X", "(1) A subsidiary of X")
    or in a cell of their own ("(1) | This is a subsidiary of X").
    """
    in_table = _table_footnote(row)
    if in_table is not None:
        return in_table
    m = _FOOTNOTE_START.match(row.text)
    if not m:
        return None
    rest = row.text[m.end():]
    if not rest or not (_is_sentence(rest) and (len(row.cells) == 1 or is_prose(rest))):
        return None
    named = read_name(rest)
    if named is not None and named.juris and not is_prose(named.name):
        return None  # "1. Name, a Delaware corporation": a numbered entry, not a note
    rest = re.sub(r"^\.\s*", "", rest)
    return mark_key(m.group("m")), rest


def cell_kind(text: str) -> str:
    """'juris', 'number', 'mark' or 'text'."""
    if is_mark_cell(text):
        return "mark"
    if is_number_cell(text):
        return "number"
    if jurisdictions(text):
        return "juris"
    return "text"
