"""Clean EDGAR plain text while keeping its line layout and a map back to the source.

Cover pages and signature blocks are read by their layout, so lines,
indentation and blank lines are kept. Only what is page furniture goes:
``<PAGE>`` markers, page-number-only lines, the EDGAR text-table tags
(``<TABLE>``, ``<S>``, ``<C>``, ``<CAPTION>``, ``<FN>``, ``<F1>``...),
carriage returns, control characters and trailing spaces; tabs become spaces.
"""

from __future__ import annotations

import re

from graph.model import TextPart
from graph.source.render.builder import TextBuilder

TAB_SIZE = 8
_SPECIAL = re.compile(r"[\t<\x00-\x1f\x7f-\xa0]")

#: Tags EDGAR allows inside plain-text documents (Regulation S-T, "ASCII" documents).
EDGAR_TEXT_TAG = re.compile(
    r"</?(?:PAGE|TABLE|CAPTION|S|C|FN|R|F\d{1,3}|R\d{1,3})>(?:(?<=<PAGE>)[ \t]*\d{0,4})?",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(r"^[ \t\f]*<PAGE>[ \t]*\d{0,4}[ \t\f]*$", re.IGNORECASE)
_TAGS_ONLY_LINE = re.compile(
    r"^[ \t\f]*(?:</?(?:TABLE|CAPTION|S|C|FN|R)>[ \t\f]*)+$", re.IGNORECASE
)
_PAGE_NUMBER = re.compile(
    r"^[ \t\f]*(?:-[ \t]*)?(?:(?i:page)[ \t]+)?(?:\d{1,3}|[ivxlc]{1,6}|[A-Z]-\d{1,3})(?:[ \t]*-)?[ \t\f]*$"
)


def _lines(source_text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(line start, line end without newline, newline offset or -1) for each line of the slice."""
    out: list[tuple[int, int, int]] = []
    pos = start
    while pos < end:
        nl = source_text.find("\n", pos, end)
        if nl < 0:
            out.append((pos, end, -1))
            break
        out.append((pos, nl - 1 if nl > pos and source_text[nl - 1] == "\r" else nl, nl))
        pos = nl + 1
    return out


def _is_blank(source_text: str, ls: int, le: int) -> bool:
    return not source_text[ls:le].strip()


def _drop_lines(source_text: str, lines: list[tuple[int, int, int]]) -> list[bool]:
    """Which lines are page furniture: page markers, table-tag lines, page numbers."""
    drop = [False] * len(lines)
    marker = [False] * len(lines)
    for i, (ls, le, _) in enumerate(lines):
        raw = source_text[ls:le]
        if _PAGE_LINE.match(raw) or _TAGS_ONLY_LINE.match(raw):
            drop[i] = marker[i] = True
    for i, (ls, le, _) in enumerate(lines):
        if drop[i] or not _PAGE_NUMBER.match(source_text[ls:le]):
            continue
        prev_ok = i == 0 or marker[i - 1] or _is_blank(source_text, *lines[i - 1][:2])
        next_ok = i == len(lines) - 1 or marker[i + 1] or _is_blank(source_text, *lines[i + 1][:2])
        if prev_ok and next_ok:
            drop[i] = True
    return drop


def _kept_lines(
    source_text: str, lines: list[tuple[int, int, int]], drop: list[bool]
) -> list[tuple[int, int, int]]:
    """Lines that stay; blank lines around a page break shrink to one, as between paragraphs."""
    kept: list[tuple[int, int, int]] = []
    i = 0
    while i < len(lines):
        if not drop[i] and not _is_blank(source_text, *lines[i][:2]):
            kept.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and (drop[j] or _is_blank(source_text, *lines[j][:2])):
            j += 1
        run = [k for k in range(i, j) if not drop[k]]
        kept.extend(lines[k] for k in (run[:1] if any(drop[i:j]) else run))
        i = j
    return kept


def _add_line(b: TextBuilder, source_text: str, ls: int, le: int) -> None:
    """Append one source line: inline EDGAR tags removed, tabs expanded, controls dropped."""
    if le > ls and source_text[le - 1] == "\r":
        le -= 1  # CRLF line ending
    if not _SPECIAL.search(source_text, ls, le):
        b.add_span(source_text[ls:le].rstrip(" "), ls)  # the common case: nothing to change
        return
    pos = ls
    col = 0
    while pos < le:
        ch = source_text[pos]
        if ch == "<":
            m = EDGAR_TEXT_TAG.match(source_text, pos, le)
            if m:
                pos = m.end()
                continue
        if ch == "\t":
            n = TAB_SIZE - col % TAB_SIZE
            b.add(" " * n, pos)
            col += n
        elif ch == "\xa0":
            b.add_char(" ", pos)
            col += 1
        elif ch >= " " and not "\x7f" <= ch <= "\x9f":
            b.add_char(ch, pos)
            col += 1
        pos += 1
    b.strip_trailing(" ")


def clean_plain(source_text: str, start: int = 0, end: int | None = None) -> TextPart:
    """Clean ``source_text[start:end]`` as EDGAR plain text, offsets pointing into ``source_text``."""
    end = len(source_text) if end is None else end
    lines = _lines(source_text, start, end)
    drop = _drop_lines(source_text, lines)
    kept = _kept_lines(source_text, lines, drop)
    # Leading and trailing blank lines carry no layout.
    while kept and _is_blank(source_text, kept[0][0], kept[0][1]):
        kept.pop(0)
    while kept and _is_blank(source_text, kept[-1][0], kept[-1][1]):
        kept.pop()
    b = TextBuilder()
    for i, (ls, le, nl) in enumerate(kept):
        _add_line(b, source_text, ls, le)
        if i < len(kept) - 1:
            b.add_char("\n", nl if nl >= 0 else le)
    return b.build(end, kind="text")
