"""The text around each source span, for the offline explorer's source viewer.

A file opened from disk cannot ask a server for a document, and a ``file:`` link
opens the filing at its top with nothing marked. So the offline file carries,
per document, the windows of text around its spans (spans closer than two
contexts merge into one window); the page shows the window with the span
highlighted. Whole filings would make the file many times larger, so only
windows are embedded, up to a byte budget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from graph.errors import FilingKGError
from graph.log import get_logger
from graph.view.model import ViewGraph

log = get_logger("view")

#: Characters kept either side of a span.
CONTEXT = 600
#: Most characters of document text one offline file embeds.
BUDGET = 8_000_000


def documents_dir_of(doc_url: str | None) -> Path | None:
    """The folder a ``file:///folder/{doc}#...`` link template points into, or None for any other template."""
    if not doc_url or not doc_url.startswith("file:") or "/{doc}" not in doc_url:
        return None
    folder = Path(url2pathname(unquote(urlparse(doc_url.split("/{doc}", 1)[0]).path)))
    return folder if folder.is_dir() else None


def spans_by_document(graph: ViewGraph) -> dict[str, list[tuple[int, int]]]:
    """Every (start, end) span the graph's edges and facts cite, per document."""
    found: dict[str, set[tuple[int, int]]] = {}
    for source in _sources(graph):
        doc, start, end = source.get("document"), source.get("start"), source.get("end")
        if doc and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
            found.setdefault(doc, set()).add((start, end))
    return {doc: sorted(spans) for doc, spans in found.items()}


def windows(spans: Iterable[tuple[int, int]], length: int, context: int = CONTEXT) -> list[tuple[int, int]]:
    """Merged [start, end) windows of ``context`` characters around each span, clipped to ``length``."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - context), min(length, end + context)
        if lo >= hi:
            continue
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def document_snippets(graph: ViewGraph, documents_dir: Path | str, context: int = CONTEXT,
                      budget: int = BUDGET) -> dict[str, list[list[Any]]]:
    """``{doc: [[offset, text], ...]}``: the windows around the spans of every document found in the folder.

    Texts are decoded as the pipeline decoded them, so offsets match. Documents
    missing from the folder or unreadable are skipped (their links stay plain);
    once ``budget`` characters are used the rest are skipped too, with a warning.
    """
    from graph.source.decode import decode
    from graph.view.web import resolve_document

    out: dict[str, list[list[Any]]] = {}
    used = skipped = 0
    for doc, spans in sorted(spans_by_document(graph).items()):
        try:
            path = resolve_document(documents_dir, doc)
            text, _ = decode(path.read_bytes(), path)
        except (FilingKGError, OSError):
            continue
        parts = [[lo, text[lo:hi]] for lo, hi in windows(spans, len(text), context)]
        size = sum(len(t) for _, t in parts)
        if used + size > budget:
            skipped += 1
            continue
        used += size
        out[doc] = parts
    if skipped:
        log.warning("source text of %d documents not embedded (over %d characters)", skipped, budget)
    return out


def _sources(graph: ViewGraph) -> Iterable[dict[str, Any]]:
    for edge in graph.edges:
        yield from edge.sources
    for node in graph.nodes.values():
        for fact in node.facts:
            yield from fact.get("sources", ())
