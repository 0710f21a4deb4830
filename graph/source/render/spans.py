"""Exact source spans for clean-text spans, entities included.

``TextPart.source_span`` ends one character after the last mapped offset; a
character decoded from an HTML entity maps to the entity's ``&``, so a span
ending on one would cut the entity. :func:`exact_source_span` extends such an
end over the whole entity.
"""

from __future__ import annotations

import re

from graph.model import TextPart

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def exact_source_span(part: TextPart, source_text: str, start: int, end: int) -> tuple[int, int]:
    """Like ``part.source_span(start, end)``, but a trailing entity is included whole."""
    a, b = part.source_span(start, end)
    if b > a and source_text[b - 1] == "&":
        m = _ENTITY.match(source_text, b - 1)
        if m:
            b = m.end()
    return a, b
