"""Split very long parts into pieces a statistical parser can take.

spaCy refuses texts over ``nlp.max_length`` (error E088) and needs roughly
1 GB of working memory per 100,000 characters for the parser and NER. Real
filings hold 50 MB one-line text files, 400 KB prospectuses and whole
financial statements in one part, so long parts are cut before parsing into
pieces of at most ``limit`` characters, at the most natural boundary found
near the limit: a blank line, then a line end, then a sentence end, then a
space, and only as a last resort mid-word. Each piece keeps its exact map back
to source offsets, so provenance is unchanged.
"""

from __future__ import annotations

import re

from graph.model import TextPart

#: views longer than this are split (spaCy's ``max_length``; rules read a view's layout whole below it)
CHUNK_CHARS = 1_000_000
#: the parser reads a view in pieces of at most this many characters and the pieces are joined
#: back into one Doc: spaCy's working memory grows with the text it parses at once
PARSE_CHARS = 50_000

_BOUNDARIES = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"')\]]?\s"), re.compile(r"\s"))


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece starting at ``start``: the last good boundary in its second half."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window_start = start + limit // 2
    for pat in _BOUNDARIES:
        last = None
        for m in pat.finditer(text, window_start, end):
            last = m
        if last is not None:
            return last.end()
    return end


def piece_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces of at most ``limit`` characters covering ``text`` exactly."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    return bounds or [(0, 0)]


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def block_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Pieces of ``text`` cut after every run of blank lines (each paragraph or block alone), then at ``limit``.

    A paragraph, a list or a signature block is read alone: no sentence or name
    runs across a blank line, and a block repeated from filing to filing
    (legends, addresses, signature blocks) is the same piece wherever it
    stands, so its parse can be reused (:mod:`graph.mentions.parse_cache`).
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BLANK_LINES.finditer(text):
        out.extend((start + s, start + e) for s, e in piece_bounds(text[start : m.end()], limit))
        start = m.end()
    if start < len(text) or not out:
        out.extend((start + s, start + e) for s, e in piece_bounds(text[start:], limit))
    return out


def split_part(part: TextPart, limit: int = CHUNK_CHARS) -> list[TextPart]:
    """``part`` itself if short enough, else consecutive pieces that together are exactly its text."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    if len(part.text) <= limit:
        return [part]
    return [
        TextPart(
            text=part.text[start:end],
            offsets=part.offsets[start : end + 1],
            doc_type=part.doc_type,
            description=part.description,
            kind=part.kind,
        )
        for start, end in piece_bounds(part.text, limit)
    ]
