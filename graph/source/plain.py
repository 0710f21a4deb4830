"""Bare plain-text documents (exhibits and press releases saved without any SGML wrapper)."""

from __future__ import annotations

from graph.model import SourceDocument
from graph.source.formtype import guess_form_type
from graph.source.render import clean_plain


def plain_document(doc: SourceDocument) -> SourceDocument:
    """One clean part; the form type is whatever heading the top of the text prints (or None)."""
    part = clean_plain(doc.source_text, 0, len(doc.source_text))
    doc.parts = [part]
    doc.form_type = guess_form_type(part)
    part.doc_type = doc.form_type.value if doc.form_type else None
    return doc
