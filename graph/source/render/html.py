"""Render HTML as readable text whose every character points back into the source.

Only visible text is kept (no head, script, style, comments or
``display:none`` elements). Block elements become line breaks and table rows
become lines with cells joined by `` | ``, so cover pages, signature blocks and
tables stay readable. Text that is laid out with blank lines and column gaps
(plain text wrapped in ``<html><body><div>``, as some EDGAR filers do) keeps its
layout as if it were ``<pre>``.
"""

from __future__ import annotations

import html as _html
import re
from collections import Counter
from dataclasses import dataclass

from graph.model import TextPart
from graph.source.render.builder import TextBuilder
from graph.source.render.htmltokens import Token, tokenize
from graph.source.render.builder import SHORT_LINE

BLOCK = frozenset(
    "address article aside blockquote body caption center dd dir div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section table tbody thead "
    "tfoot tr ul".split()
)
VOID = frozenset("area base basefont br col embed frame hr img input isindex link meta param source track wbr".split())
SKIP = frozenset("head title script style noscript template object xml ix:header".split())
PRE = frozenset("pre xmp listing plaintext".split())
CELL = frozenset(("td", "th"))
TAB_SIZE = 8

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HIDDEN_ATTR = re.compile(r"(?:^|\s)hidden(?:\s|=|$)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r\xa0]*\n")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _is_hidden(attrs: str) -> bool:
    if _HIDDEN_ATTR.search(attrs):
        return True
    m = _STYLE_ATTR.search(attrs)
    return bool(m and _HIDDEN_STYLE.search(m.group(1) or m.group(2) or m.group(3) or ""))


def _looks_preformatted(raw: str) -> bool:
    """Plain text pasted into HTML: blank lines or several column-aligned lines."""
    body = raw.strip()
    if "\n" not in body:
        return False
    if _BLANK_LINE.search(body):
        return True
    return sum(1 for line in body.split("\n") if _COLUMN_GAP.search(line)) >= 3


@dataclass
class _Open:
    name: str
    active: bool  # start effects applied (visible when opened)
    hidden: bool


@dataclass
class _Table:
    cell_open: bool = False
    row_has_content: bool = False
    sep_pending: bool = False
    sep_offset: int = 0


class _Renderer:
    def __init__(self, src: str) -> None:
        self.src = src
        self.b = TextBuilder()
        self.stack: list[_Open] = []
        # Open element names with counts: "is X open?" in O(1), so deeply nested or
        # hostile markup (thousands of stray close tags) stays linear, never quadratic.
        self.open_names: Counter[str] = Counter()
        self.hidden = 0
        self.pre = 0
        self.tables: list[_Table] = []
        self.pending_break = 0  # 0: none, 1: line break, 2: block break
        self.break_offset = 0
        self.pending_space = -1  # source offset of a collapsed white-space run, -1: none

    # ------------------------------------------------------------------ output

    def _in_cell(self) -> bool:
        return bool(self.tables) and self.tables[-1].cell_open

    def request_break(self, kind: int, offset: int) -> None:
        if self._in_cell():
            if self.pending_space < 0:
                self.pending_space = offset
            return
        if kind > self.pending_break:
            self.pending_break = kind
            self.break_offset = offset

    def _flush_break(self) -> None:
        b = self.b
        kind, offset = self.pending_break, self.break_offset
        self.pending_break = 0
        self.pending_space = -1
        if not len(b):
            return
        b.strip_trailing(" ")
        if b.last() != "\n":
            length = b.line_length()
            b.add_char("\n", offset)
        else:
            length = b.line_length(len(b) - 1)
        if kind == 2 and length >= SHORT_LINE and not (len(b) >= 2 and b.chars[-2] == "\n"):
            b.add_char("\n", offset)

    def visible(self, ch: str, offset: int) -> None:
        """Emit one visible character, first settling pending breaks, spaces and cell separators."""
        b = self.b
        if self.pending_break:
            self._flush_break()
        table = self.tables[-1] if self.tables else None
        if table is not None and table.sep_pending:
            b.strip_trailing(" ")
            b.add(" | ", table.sep_offset)
            table.sep_pending = False
            self.pending_space = -1
        elif self.pending_space >= 0:
            if len(b) and b.last() not in " \n":
                b.add_char(" ", self.pending_space)
            self.pending_space = -1
        if table is not None and table.cell_open:
            table.row_has_content = True
        b.add_char(ch, offset)

    # ------------------------------------------------------------------ text

    def text(self, start: int, end: int) -> None:
        if self.hidden:
            return
        src = self.src
        pre = self.pre > 0 or (not self._in_cell() and _looks_preformatted(src[start:end]))
        pos = start
        while pos < end:
            ch = src[pos]
            if ch == "&":
                m = _ENTITY.match(src, pos, end)
                if m:
                    decoded = _html.unescape(m.group())
                    if decoded != m.group():
                        for c in decoded:
                            self._char(c, pos, pre)
                        pos = m.end()
                        continue
            self._char(ch, pos, pre)
            pos += 1

    def _char(self, ch: str, offset: int, pre: bool) -> None:
        if ch in _ZERO_WIDTH:
            return
        if not pre:
            if ch.isspace():
                if self.pending_space < 0:
                    self.pending_space = offset
            else:
                self.visible(ch, offset)
            return
        if ch == "\r":
            return
        if ch == "\n":
            if self.pending_break or not len(self.b):
                return  # the pending break is this line break
            self.b.strip_trailing(" ")
            self.b.add_char("\n", offset)
            self.pending_space = -1
            return
        if ch == "\t":
            for _ in range(TAB_SIZE - self.b.line_length() % TAB_SIZE):
                self.visible(" ", offset)
            return
        self.visible(" " if ch.isspace() else ch, offset)

    # ------------------------------------------------------------------ tags

    def start_tag(self, tok: Token) -> None:
        name = tok.name
        if name == "body":
            while self.open_names["head"]:
                self._pop(tok.start)
        hidden = name in SKIP or _is_hidden(tok.attrs)
        active = not self.hidden and not hidden
        if active:
            self._start_effects(name, tok)
        if name in VOID or tok.self_closing:
            if active:
                self._end_effects(name, tok.end)
            return
        self.stack.append(_Open(name, active, hidden))
        self.open_names[name] += 1
        if hidden:
            self.hidden += 1
        elif active and name in PRE:
            self.pre += 1

    def end_tag(self, tok: Token) -> None:
        if self.open_names[tok.name]:
            while self.stack:
                if self._pop(tok.start) == tok.name:
                    break
        elif not self.hidden and tok.name not in VOID:
            self._end_effects(tok.name, tok.start)  # a stray close tag still ends its block

    def _pop(self, offset: int) -> str:
        o = self.stack.pop()
        self.open_names[o.name] -= 1
        if o.hidden:
            self.hidden -= 1
        elif o.active:
            if o.name in PRE:
                self.pre -= 1
            self._end_effects(o.name, offset)
        return o.name

    def _start_effects(self, name: str, tok: Token) -> None:
        if name == "br":
            self.request_break(1, tok.start)
        elif name == "table":
            self.request_break(2, tok.start)
            self.tables.append(_Table())
        elif name == "tr":
            if self.tables:
                self.tables[-1] = _Table()
            self.request_break(2, tok.start)
        elif name in CELL:
            if not self.tables:
                self.tables.append(_Table())
            table = self.tables[-1]
            table.cell_open = True
            if table.row_has_content:
                table.sep_pending = True
                table.sep_offset = tok.start
            elif self.pending_space < 0:
                self.pending_space = tok.start
        elif name in BLOCK:
            self.request_break(2, tok.start)

    def _end_effects(self, name: str, offset: int) -> None:
        if name == "table":
            if self.tables:
                self.tables.pop()
            self.request_break(2, offset)
        elif name == "tr":
            if self.tables:
                self.tables[-1] = _Table()
            self.request_break(2, offset)
        elif name in CELL:
            if self.tables:
                self.tables[-1].cell_open = False
                if self.pending_space < 0:
                    self.pending_space = offset
        elif name in BLOCK:
            self.request_break(2, offset)

    def finish(self, end: int) -> TextPart:
        self.b.strip_trailing(" \n")
        return self.b.build(end, kind="html")


def html_to_text(source_text: str, start: int = 0, end: int | None = None) -> TextPart:
    """Visible text of the HTML in ``source_text[start:end]``, offsets pointing into ``source_text``.

    Each character maps to the source character it came from; a decoded entity
    maps to its ``&``; inserted line breaks, spaces and `` | `` separators map to
    the tag or white space that caused them.
    """
    end = len(source_text) if end is None else end
    r = _Renderer(source_text)
    for tok in tokenize(source_text, start, end):
        if tok.kind == "text":
            r.text(tok.start, tok.end)
        elif tok.kind == "start":
            r.start_tag(tok)
        elif tok.kind == "end":
            r.end_tag(tok)
    return r.finish(end)
