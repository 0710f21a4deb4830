"""Sections and headings of a rendered part: where the filing's own outline is.

A filing is built from numbered parts: "Item 5.02 Departure of Directors...",
"ITEM 9. FINANCIAL STATEMENTS AND EXHIBITS", "PART II", "SECTION 9.",
"SIGNATURES", "EXHIBIT INDEX". Their titles are written in title case and
small NER models read them as names ("Financial Statements" as a person,
"Certain Relationships" as a person); table caption rows ("Title of each
class | Trading Symbol | Name of each exchange", "Exhibit Number |
Description") have the same effect. This module finds both by layout, with
offsets into the part's text, so rules can keep names out of them and read a
part section by section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CELL_SEP = " | "

#: "Item 5.02", "ITEM 9.", "Item 1A.", "Items 1 and 2.", "SECTION 9.", "PART II", lone "SIGNATURES"/"EXHIBIT INDEX"
HEADING = re.compile(
    r"^[ \t|]*(?:"
    r"(?:items?|section)\s+\d{1,2}[A-Z]?(?:\.\d{1,2})?(?:\s+(?:and|through|to)\s+\d{1,2}(?:\.\d{1,2})?)?\s*[.:\-–—]?"
    r"|part\s+[IVX]{1,4}\b\.?"
    r"|signatures?\s*\.?\s*$"
    r"|exhibit\s+index\s*\.?\s*$"
    r"|index\s+to\s+exhibits\s*\.?\s*$"
    r")",
    re.I,
)
#: words of table captions (column headings), never of data
CAPTION_WORD = re.compile(
    r"\b(?:title|name|names|symbol|symbols|class|number|no\.|description|date|dates|exchange|position|positions|"
    r"office|offices|age|amount|percent|percentage|jurisdiction|state|country|capacity|signature|signatures|"
    r"document|exhibit|page|type|total)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[a-z]{3,}[.;:]\s*$")
_MAX_HEADING = 160


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs, as offsets into the part's text."""

    title: str
    start: int  # of the heading line
    end: int  # start of the next heading, or the end of the text
    heading_end: int  # end of the heading line


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def is_heading(line: str) -> bool:
    """An outline heading line: Item/Section/Part numbers, or a lone SIGNATURES / EXHIBIT INDEX."""
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_HEADING and HEADING.match(stripped) is not None


def is_caption_row(line: str) -> bool:
    """A table row of column captions: two or more short cells, no digits, at least one caption word."""
    if CELL_SEP not in line:
        return False
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if len(cells) < 2 or any(len(c) > 60 or re.search(r"\d", c) for c in cells):
        return False
    if not all(c[:1].isupper() or c[:1] in "(%" for c in cells):
        return False
    return sum(1 for c in cells if CAPTION_WORD.search(c)) >= max(1, len(cells) // 2)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the heading lines and caption rows of ``text``."""
    return [(s, e) for s, e in _lines(text) if is_heading(text[s:e]) or is_caption_row(text[s:e])]


def find_sections(text: str) -> list[Section]:
    """The outline of a part: one section per heading line, each up to the next heading."""
    heads = [(s, e) for s, e in _lines(text) if is_heading(text[s:e])]
    sections: list[Section] = []
    for i, (s, e) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        title = re.sub(r"\s+", " ", text[s:e].replace("|", " ")).strip()
        sections.append(Section(title, s, end, e))
    return sections
