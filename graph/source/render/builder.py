"""Accumulate clean text one character at a time, each with its source offset.

Every cleaner in this package builds text through :class:`TextBuilder`, so the
``offsets`` invariant of :class:`graph.model.TextPart` (one source offset per
character, plus one past the end) holds by construction.
"""

from __future__ import annotations

from array import array

from graph.model import TextPart

#: Lines shorter than this (stripped) are headings, cover-page or signature lines: joined only to a
#: lower-case continuation (the HTML renderer ends longer block lines with a blank line for that).
SHORT_LINE = 40


class TextBuilder:
    """Append-only text with a parallel array of source offsets.

    Offsets are a machine-integer ``array`` (8 bytes a character), not a list
    of Python ints (about 40): a filing's parts and views each carry one per
    character, and a long filing's would otherwise be most of its memory.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: array[int] = array("q")

    def __len__(self) -> int:
        return len(self.chars)

    def add(self, text: str, offset: int) -> None:
        """Append ``text`` with every character mapped to the same ``offset`` (synthetic text, entities)."""
        for ch in text:
            self.chars.append(ch)
            self.offsets.append(offset)

    def add_span(self, text: str, start: int) -> None:
        """Append ``text`` copied verbatim from the source at ``start`` (``text[i]`` maps to ``start + i``)."""
        self.chars.extend(text)
        self.offsets.extend(range(start, start + len(text)))

    def add_char(self, ch: str, offset: int) -> None:
        self.chars.append(ch)
        self.offsets.append(offset)

    def last(self) -> str:
        """The last character, or "" when empty."""
        return self.chars[-1] if self.chars else ""

    def line_length(self, end: int | None = None) -> int:
        """Length of the line that ends at index ``end`` (default: the current, unfinished line)."""
        i = len(self.chars) if end is None else end
        n = 0
        while i > 0 and self.chars[i - 1] != "\n":
            i -= 1
            n += 1
        return n

    def strip_trailing(self, chars: str = " ") -> None:
        """Drop trailing characters in ``chars`` (trailing spaces before a line break)."""
        while self.chars and self.chars[-1] in chars:
            self.chars.pop()
            self.offsets.pop()

    def build(self, end: int, **kwargs: object) -> TextPart:
        """Finish: a :class:`TextPart` whose closing offset is ``end``."""
        offsets = array("q", self.offsets)
        offsets.append(end)
        return TextPart(text="".join(self.chars), offsets=offsets, **kwargs)  # type: ignore[arg-type]
