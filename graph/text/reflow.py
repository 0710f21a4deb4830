"""An NLP view of clean text: paragraphs on one line, single spaces.

Sentence splitters and taggers work better on running prose than on hard-wrapped
80-column lines, but cover pages, tables and signature blocks must not be glued
into sentences. So lines are joined only where both look like prose.
"""

from __future__ import annotations

import re

from graph.model import TextPart
from graph.source.render.builder import TextBuilder
from graph.text.layout import SHORT_LINE, is_layout_line, starts_list_item

_WORD = re.compile(r"\S+")
DEFAULT_WIDTH = 80
FIT = 0.85  # share of the wrap width a line plus the next word must exceed to count as wrapped


def wrap_width(lines: list[str]) -> int:
    """The column the text was hard-wrapped at: the 90th percentile length of its prose lines."""
    lengths = sorted(len(x.rstrip()) for x in lines if len(x.strip()) >= 20 and not is_layout_line(x))
    if len(lengths) < 5:
        return DEFAULT_WIDTH
    return max(SHORT_LINE, lengths[int(len(lengths) * 0.9) - 1])


def _joins(line: str, nxt: str, width: int) -> bool:
    """Whether the line break between ``line`` and ``nxt`` is a soft wrap inside a paragraph.

    A break is soft when the next line's first word would not have fitted on
    this line (the writer had to wrap), or when the sentence visibly goes on
    in lower case. Headings, cover-page and signature lines end well before
    the wrap column, so they stay apart.
    """
    head, tail = line.strip(), nxt.strip()
    if not head or not tail:
        return False
    if is_layout_line(line) or is_layout_line(nxt) or starts_list_item(nxt):
        return False
    if len(head) >= SHORT_LINE and len(line.rstrip()) + 1 + len(tail.split()[0]) > FIT * width:
        return True
    return tail[0].islower() and head[-1] not in ".:;!?"


def reflow(part: TextPart) -> TextPart:
    """Join the soft-wrapped lines of each paragraph and collapse runs of spaces.

    Blank lines (at most one in a row), short lines, table rows and column
    layouts stay lines of their own; offsets still point into the source.
    XML renderings (one field per line) are never joined.
    """
    text = part.text
    lines = text.split("\n")
    width = wrap_width(lines)
    b = TextBuilder()
    pos = 0  # index in part.text of the current line's first char
    blank_run = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            if blank_run == 1 and len(b) and i < len(lines) - 1:
                b.add_char("\n", part.offsets[pos + len(line)] if pos + len(line) < len(text) else part.offsets[-1])
        else:
            blank_run = 0
            offsets = part.offsets
            prev_end = None
            layout = is_layout_line(line)
            for n, m in enumerate(_WORD.finditer(line)):
                if n:
                    gap = m.start() - (prev_end or 0)
                    if gap >= 3 and layout and stripped[0] != "|":
                        # a column gap: keep the cells apart, as HTML tables are (" | ")
                        for ch in " | ":
                            b.add_char(ch, offsets[pos + m.start() - 1])
                    else:
                        b.add_char(" ", offsets[pos + m.start() - 1])  # the collapsed gap maps to its last space
                prev_end = m.end()
                b.chars.extend(m.group())
                b.offsets.extend(offsets[pos + m.start() : pos + m.end()])
            nl = pos + len(line)  # index of the "\n" after this line
            if i < len(lines) - 1:
                nxt = lines[i + 1]
                if part.kind != "xml" and _joins(line, nxt, width):
                    if not (stripped.endswith("-") and len(stripped) > 1 and stripped[-2].isalnum()):
                        b.add_char(" ", part.offsets[nl])
                else:
                    b.add_char("\n", part.offsets[nl])
        pos += len(line) + 1
    b.strip_trailing(" \n")
    return b.build(part.offsets[-1], doc_type=part.doc_type, description=part.description, kind=part.kind)
