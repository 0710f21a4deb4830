"""Structured reading of EDGAR XML forms: ownership (3/4/5), D, C, 144 and Schedules 13D/13G.

:func:`read_xml_form` returns what the form states as a
:class:`graph.model.StructuredForm` (no NLP involved), plus a readable text
rendering; every :class:`graph.model.FieldValue` carries its source span.
"""

from __future__ import annotations

from graph.errors import SourceError
from graph.log import get_logger
from graph.model import FieldValue, SourceDocument, StructuredForm, TextPart
from graph.source.xmlforms.form144 import parse_form_144
from graph.source.xmlforms.formc import parse_form_c
from graph.source.xmlforms.formd import parse_form_d
from graph.source.xmlforms.ownership import parse_ownership
from graph.source.xmlforms.render import render_xml
from graph.source.xmlforms.schedule13 import is_schedule13, parse_schedule13
from graph.source.xmlforms.xmldoc import XmlDoc, load_xml

log = get_logger("source")

__all__ = ["read_xml_form", "xml_document", "parse_structured", "load_xml", "XmlDoc"]


def _submission_type(doc: XmlDoc) -> FieldValue | None:
    return doc.text(doc.root, "submissionType") or doc.text(doc.root, "headerData/submissionType")


def parse_structured(doc: XmlDoc, path: str) -> StructuredForm:
    """Dispatch on the root element and submission type; unknown EDGAR forms keep only their type."""
    root = doc.root.tag
    if root == "ownershipDocument":
        return parse_ownership(doc)
    kind = _submission_type(doc)
    if kind is None:
        raise SourceError(path, "EDGAR XML submission without a submissionType")
    if is_schedule13(kind.value):
        return parse_schedule13(doc)
    base = kind.value.upper().split("/")[0]
    if base == "D":
        return parse_form_d(doc)
    if base == "144":
        return parse_form_144(doc)
    if base.startswith("C") and len(base) <= 4:
        return parse_form_c(doc)
    log.info("%s: XML form %s read for its type only", path, kind.value)
    return StructuredForm(form_type=kind)


def read_xml_form(
    source_text: str, path: str, start: int = 0, end: int | None = None
) -> tuple[StructuredForm, TextPart]:
    """Parse the XML form in ``source_text[start:end]``: the structured form and a readable text part."""
    end = len(source_text) if end is None else end
    doc = load_xml(source_text, path, start, end)
    form = parse_structured(doc, path)
    return form, render_xml(doc, end)


def xml_document(doc: SourceDocument) -> SourceDocument:
    """Fill ``doc`` from the XML form it holds: structured form, a readable part, the form type."""
    form, part = read_xml_form(doc.source_text, str(doc.path))
    part.doc_type = form.form_type.value
    doc.structured, doc.parts, doc.form_type = form, [part], form.form_type
    return doc
