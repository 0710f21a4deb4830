"""Caption/value pairs of form layouts: the value printed next to its parenthesised caption.

Cover pages print each value with a small caption in parentheses, and the
pairing is carried by layout, not by wording:

* value above its caption, one per line ("Delaware" over "(State of incorporation)");
* several values side by side in fixed-width columns, their captions on the
  line below at the same columns ("Delaware   0-18926   11-2928178" over
  "(State ...)  (Commission File No.)  (IRS Employer ...)"): a value belongs to
  the caption whose columns it overlaps, or else lies nearest;
* HTML table rows rendered as `` | `` cells: the value in the same cell of the
  row above, or before the caption inside its own cell ("Minnesota (State ...)");
* the value on the line below its caption, for rows printed the other way up.

A caption may wrap onto following lines ("(State or other" / "jurisdiction)");
only its opening line matters. This module knows nothing of what the captions
mean: callers give the caption patterns and a validator per kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Mapping, Pattern

CELL_SEP = " | "
_COLUMN_GAP = re.compile(r" {2,}")
_RULE = re.compile(r"^[\s\-_=*|.~]*$")
_GENERIC_CAPTION = re.compile(r"\(\s*[A-Za-z]")

#: A validator gets a candidate text and whether it is loose (a whole line, not an aligned cell);
#: it returns the accepted values as (value, start, end) relative to the candidate, or [].
Validator = Callable[[str, bool], list[tuple[str, int, int]]]


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line's first character in the text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Caption:
    """A parenthesised caption: its kind, the line it opens on, and its columns in that line."""

    kind: str
    line: int  # index into the line list
    col: int  # column of its "(" in the line
    col_end: int  # column just past its closing ")" or the end of its cell / column


@dataclass(frozen=True)
class CaptionValue:
    kind: str
    value: str
    start: int  # offsets in the text
    end: int
    how: str  # "cell", "above", "below"


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, raw))
        pos += len(raw) + 1
    return out


def segments(line: str) -> list[tuple[int, int]]:
    """Column spans of a line's cells: `` | `` separated cells, else runs split by gaps of 2+ spaces."""
    out: list[tuple[int, int]] = []
    if CELL_SEP in line:
        pos = 0
        for cell in line.split(CELL_SEP):
            lead = len(cell) - len(cell.lstrip())
            if cell.strip():
                out.append((pos + lead, pos + len(cell.rstrip())))
            pos += len(cell) + len(CELL_SEP)
        return out
    pos = 0
    for gap in [*_COLUMN_GAP.finditer(line), None]:
        stop = gap.start() if gap else len(line)
        chunk = line[pos:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((pos + lead, pos + len(chunk.rstrip())))
        if gap:
            pos = gap.end()
    return out


def _is_cells(line: str) -> bool:
    return CELL_SEP in line


def _caption_end(line: str, col: int, stop: int) -> int:
    """End column of a caption opening at ``col``: its ")" if before ``stop``, else ``stop``."""
    close = line.find(")", col, stop)
    return close + 1 if close >= 0 else stop


def line_captions(line: str, index: int, patterns: Mapping[str, Pattern[str]]) -> list[Caption]:
    """Captions opening on one line, known kinds and generic ones (kind ""), in column order.

    A known caption may sit anywhere ("Delaware (State of incorporation)");
    a generic parenthesised text counts only where it opens a cell or column,
    so that parentheses inside prose are not captions.
    """
    opens: dict[int, str] = {}
    for kind, rx in patterns.items():
        for m in rx.finditer(line):
            col = line.rfind("(", 0, m.start() + 1)
            if col >= 0 and col not in opens:
                opens[col] = kind
    for a, _b in segments(line):
        if _GENERIC_CAPTION.match(line, a) and a not in opens:
            opens[a] = ""
    if not opens:
        return []
    segs = segments(line)
    cols = sorted(opens)
    out = []
    for i, col in enumerate(cols):
        seg_end = next((b for a, b in segs if a <= col < b), len(line))
        stop = min(seg_end, cols[i + 1]) if i + 1 < len(cols) else seg_end
        out.append(Caption(opens[col], index, col, _caption_end(line, col, stop)))
    return out


def _is_caption_line(line: str, patterns: Mapping[str, Pattern[str]]) -> bool:
    return bool(line_captions(line, 0, patterns))


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Negative overlap of two column spans, or the gap between them."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return -overlap if overlap > 0 else -overlap + 1


def _aligned(value_line: str, caption_line: str, cap: Caption, siblings: list[Caption]) -> tuple[int, int] | None:
    """Columns of ``value_line`` that belong to ``cap`` (None: no cell of the value line is its own)."""
    vsegs = segments(value_line)
    if not vsegs:
        return None
    if _is_cells(value_line) or _is_cells(caption_line):
        csegs = segments(caption_line)
        if not (_is_cells(value_line) and _is_cells(caption_line)) or len(vsegs) != len(csegs):
            return None
        idx = next((i for i, (a, b) in enumerate(csegs) if a <= cap.col < b), None)
        return vsegs[idx] if idx is not None else None
    mine = [
        seg for seg in vsegs
        if min(siblings, key=lambda c: _distance(seg, (c.col, c.col_end))) == cap
    ]
    if not mine:
        return None
    return mine[0][0], mine[-1][1]


def _cell_prefix(line: str, cap: Caption) -> tuple[int, int] | None:
    """Text before the caption inside its own cell or column ("Minnesota (State ...)")."""
    seg = next(((a, b) for a, b in segments(line) if a <= cap.col < b), None)
    if seg is None:
        return None
    start = seg[0]
    close = line.rfind(")", start, cap.col)
    if close >= 0:
        start = close + 1
    chunk = line[start : cap.col]
    if not chunk.strip():
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def _neighbours(lines: list[Line], index: int, step: int, limit: int, patterns: Mapping[str, Pattern[str]]) -> Iterator[int]:
    """Up to ``limit`` value lines above (step -1) or below (+1), skipping blanks and rules, stopping at captions."""
    j, found = index + step, 0
    while 0 <= j < len(lines) and found < limit:
        text = lines[j].text
        if not text.strip() or _RULE.match(text):
            j += step
            continue
        if _is_caption_line(text, patterns):
            return
        yield j
        found += 1
        j += step


def candidates(
    lines: list[Line], cap: Caption, siblings: list[Caption], patterns: Mapping[str, Pattern[str]], *, above: int = 3, below: int = 2
) -> Iterator[tuple[int, int, bool, str]]:
    """Candidate value spans (text offsets) for a caption, best first: (start, end, loose, how)."""
    line = lines[cap.line]
    prefix = _cell_prefix(line.text, cap)
    if prefix:
        yield line.start + prefix[0], line.start + prefix[1], False, "cell"
    for step, limit, how in ((-1, above, "above"), (1, below, "below")):
        for j in _neighbours(lines, cap.line, step, limit, patterns):
            vl = lines[j]
            seg = _aligned(vl.text, line.text, cap, siblings)
            if seg:
                yield vl.start + seg[0], vl.start + seg[1], False, how
            stripped = vl.text.strip()
            if stripped:
                lead = len(vl.text) - len(vl.text.lstrip())
                yield vl.start + lead, vl.start + lead + len(stripped), True, how


def find_captions(text: str, patterns: Mapping[str, Pattern[str]], start: int = 0, end: int | None = None) -> tuple[list[Line], list[Caption]]:
    """All captions of known kinds on the lines of ``text[start:end]``, with the text's lines."""
    end = len(text) if end is None else end
    lines = split_lines(text)
    caps: list[Caption] = []
    for i, ln in enumerate(lines):
        if ln.end < start or ln.start > end:
            continue
        caps.extend(line_captions(ln.text, i, patterns))
    return lines, caps


def read_pairs(
    text: str,
    patterns: Mapping[str, Pattern[str]],
    validators: Mapping[str, Validator],
    start: int = 0,
    end: int | None = None,
    *,
    reach: Mapping[str, tuple[int, int]] | None = None,
) -> list[CaptionValue]:
    """Values of every known caption in ``text[start:end]``: the first candidate its kind's validator accepts.

    ``reach`` limits, per kind, how many value lines above and below are tried
    (default 3 above, 2 below).
    """
    lines, caps = find_captions(text, patterns, start, end)
    by_line: dict[int, list[Caption]] = {}
    for c in caps:
        by_line.setdefault(c.line, []).append(c)
    out: list[CaptionValue] = []
    for cap in caps:
        if not cap.kind or cap.kind not in validators:
            continue
        up, down = (reach or {}).get(cap.kind, (3, 2))
        for s, e, loose, how in candidates(lines, cap, by_line[cap.line], patterns, above=up, below=down):
            found = validators[cap.kind](text[s:e], loose)
            if found:
                out.extend(CaptionValue(cap.kind, v, s + a, s + b, how) for v, a, b in found)
                break
    return out
