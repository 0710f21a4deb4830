"""Stand-alone HTML documents (modern exhibits, HTML-wrapped text filings)."""

from __future__ import annotations

from graph.model import SourceDocument
from graph.source.formtype import guess_form_type
from graph.text import html_to_text


def html_document(doc: SourceDocument) -> SourceDocument:
    """One part of visible text; the form type is the heading printed at its top (or None)."""
    part = html_to_text(doc.source_text, 0, len(doc.source_text))
    doc.parts = [part]
    doc.form_type = guess_form_type(part)
    part.doc_type = doc.form_type.value if doc.form_type else None
    return doc
