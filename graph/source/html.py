"""Stand-alone HTML documents (modern exhibits, HTML-wrapped text filings)."""

from __future__ import annotations

import re

from graph.errors import SourceError
from graph.model import SourceDocument
from graph.source.formtype import guess_form_type
from graph.source.render import html_to_text

_OPENS_AS_HTML = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html[^>]*>\s*)?(?:<!--.*?-->\s*)*<html\b",
                            re.IGNORECASE | re.DOTALL)
_CLOSES = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_TAIL = 64_000  # a closing tag is looked for in the last characters only: constant time on huge files


def check_complete(text: str, path: str) -> None:
    """Refuse a file that opens as an HTML document but never closes it: cut off mid-transfer.

    Only files that *start* with ``<html>`` are checked, and either ``</body>`` or
    ``</html>`` near the end counts, so fragments and sloppy-but-whole documents pass.
    """
    if _OPENS_AS_HTML.match(text[:4096]) and not _CLOSES.search(text, max(0, len(text) - _TAIL)):
        raise SourceError(path, "truncated HTML: the document opens <html> but never closes it (no </body> or </html>)")


def html_document(doc: SourceDocument) -> SourceDocument:
    """One part of visible text; the form type is the heading printed at its top (or None)."""
    check_complete(doc.source_text, str(doc.path))
    part = html_to_text(doc.source_text, 0, len(doc.source_text))
    doc.parts = [part]
    doc.form_type = guess_form_type(part)
    part.doc_type = doc.form_type.value if doc.form_type else None
    return doc
