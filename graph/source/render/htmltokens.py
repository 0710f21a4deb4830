"""A forgiving HTML tokenizer that keeps exact source offsets.

EDGAR HTML is often invalid (unclosed cells, upper-case tags, stray ``<``);
parsers that build a tree lose the character offsets we need for provenance,
so this scanner only splits the source into text, tags and the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

TokenKind = Literal["text", "start", "end", "other"]

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_.-]*)((?:[^>\"'<]|\"[^\"<]*\"|'[^'<]*')*)>")
_LOOSE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_.-]*)([^<>]*)>")
_DECL = re.compile(r"<![^>]*>|<\?[^>]*>")
RAW_TEXT = ("script", "style", "xmp", "plaintext")


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    start: int
    end: int
    name: str = ""  # lower-cased tag name, for start/end tags
    attrs: str = ""  # raw attribute text of a start tag
    self_closing: bool = False


def tokenize(src: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield the tokens of ``src[start:end]`` in order; they cover the slice without gaps."""
    end = len(src) if end is None else end
    pos = start
    while pos < end:
        lt = src.find("<", pos, end)
        if lt < 0:
            yield Token("text", pos, end)
            return
        if lt > pos:
            yield Token("text", pos, lt)
            pos = lt
        if src.startswith("<!--", pos):
            close = src.find("-->", pos + 4, end)
            stop = end if close < 0 else close + 3
            yield Token("other", pos, stop)
            pos = stop
            continue
        m = _DECL.match(src, pos, end)
        if m:
            yield Token("other", pos, m.end())
            pos = m.end()
            continue
        m = _TAG.match(src, pos, end) or _LOOSE_TAG.match(src, pos, end)
        if not m:
            # A lone "<" is text ("a < b").
            nxt = src.find("<", pos + 1, end)
            stop = end if nxt < 0 else nxt
            yield Token("text", pos, stop)
            pos = stop
            continue
        name = m.group(2).lower()
        attrs = m.group(3) or ""
        if m.group(1):
            yield Token("end", pos, m.end(), name)
            pos = m.end()
            continue
        self_closing = attrs.rstrip().endswith("/")
        yield Token("start", pos, m.end(), name, attrs, self_closing)
        pos = m.end()
        if name in RAW_TEXT and not self_closing:
            close = re.compile(r"</" + re.escape(name) + r"\s*>", re.IGNORECASE).search(src, pos, end)
            stop = end if close is None else close.start()
            if stop > pos:
                yield Token("other", pos, stop)
            if close is not None:
                yield Token("end", close.start(), close.end(), name)
                stop = close.end()
            pos = stop
