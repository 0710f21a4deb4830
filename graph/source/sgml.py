"""Read an EDGAR SGML submission: header fields plus one text part per ``<DOCUMENT>``.

Each document body is converted by what it is (HTML, embedded XML form, or
plain text), so later stages see readable text whatever the filer used.
Binary documents (uuencoded graphics, PDFs, ZIPs) become empty parts, which
keeps one part per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import SourceError
from graph.log import get_logger
from graph.model import FieldValue, SecHeader, SourceDocument, StructuredForm, TextPart
from graph.source.detect import is_html
from graph.source.sgmlheader import parse_header
from graph.source.values import span_field
from graph.source.xmlforms import read_xml_form
from graph.source.render import clean_plain, html_to_text

log = get_logger("source")

_DOC_OPEN = re.compile(r"^[ \t]*<DOCUMENT>[ \t]*\r?$", re.MULTILINE)
_DOC_CLOSE = re.compile(r"^[ \t]*</DOCUMENT>", re.MULTILINE)
_META = re.compile(r"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n]*?)[ \t\r]*$", re.MULTILINE)
_TEXT_OPEN = re.compile(r"<TEXT>[ \t]*\r?\n?")
_TEXT_CLOSE = re.compile(r"</TEXT>")
_XML_BLOCK = re.compile(r"\s*<XML>[ \t]*\r?\n?(.*?)</XML>", re.DOTALL)
_BINARY_BODY = re.compile(r"\A\s*(?:begin [0-7]{3} \S|<PDF>|%PDF-)")
#: Document types without prose: images, archives, spreadsheets; EX-101.* XBRL is skipped too.
BINARY_TYPES = frozenset(("GRAPHIC", "ZIP", "EXCEL", "PDF", "JSON"))


@dataclass
class Submission:
    header: SecHeader | None
    parts: list[TextPart]
    form_type: FieldValue | None
    structured: StructuredForm | None


def _meta(source_text: str, start: int, end: int) -> dict[str, FieldValue]:
    """The ``<TYPE>``, ``<DESCRIPTION>``... lines of one document, up to its ``<TEXT>``."""
    out: dict[str, FieldValue] = {}
    for m in _META.finditer(source_text, start, end):
        fv = span_field(source_text, m.start(2), m.end(2))
        if fv is not None and m.group(1) not in out:
            out[m.group(1)] = fv
    return out


def _body_part(
    source_text: str, start: int, end: int, doc_type: str | None, path: str
) -> tuple[TextPart, StructuredForm | None]:
    """Text of one document body, converted by content; XML forms also parsed structurally."""
    body_head = source_text[start : min(end, start + 2000)]
    kind = (doc_type or "").upper()
    if kind in BINARY_TYPES or kind.startswith("EX-101") or _BINARY_BODY.match(body_head):
        return TextPart("", [start], kind="text"), None
    xml = _XML_BLOCK.match(source_text, start, end)
    if xml:
        try:
            form, part = read_xml_form(source_text, path, xml.start(1), xml.end(1))
        except SourceError as err:
            log.info("%s: embedded XML document not read as a form: %s", path, err.reason)
            return TextPart("", [start], kind="xml"), None
        return part, form
    if is_html(source_text[start:end]):
        return html_to_text(source_text, start, end), None
    return clean_plain(source_text, start, end), None


def parse_submission(source_text: str, path: str) -> Submission:
    """Header and documents of an EDGAR submission (a header is optional: 1990s files may lack it)."""
    header, pos = parse_header(source_text)
    parts: list[TextPart] = []
    structured: StructuredForm | None = None
    first_type: FieldValue | None = None
    opens = [m for m in _DOC_OPEN.finditer(source_text, pos)]
    for i, m in enumerate(opens):
        limit = opens[i + 1].start() if i + 1 < len(opens) else len(source_text)
        close = _DOC_CLOSE.search(source_text, m.end(), limit)
        if close is None and i + 1 == len(opens):
            # Earlier unclosed documents are sloppy filer software; a last one is a cut-off file.
            raise SourceError(path, f"truncated EDGAR submission: <DOCUMENT> {i + 1} of {len(opens)} "
                                    "is never closed (file ends inside it)")
        doc_end = close.start() if close else limit
        text_open = _TEXT_OPEN.search(source_text, m.end(), doc_end)
        meta = _meta(source_text, m.end(), text_open.start() if text_open else doc_end)
        doc_type = meta.get("TYPE")
        if first_type is None and doc_type is not None:
            first_type = doc_type
        if text_open is None:
            body_start = body_end = doc_end
        else:
            body_start = text_open.end()
            closes = list(_TEXT_CLOSE.finditer(source_text, body_start, doc_end))
            body_end = closes[-1].start() if closes else doc_end
        part, form = _body_part(source_text, body_start, body_end, doc_type.value if doc_type else None, path)
        part.doc_type = doc_type.value if doc_type else None
        desc = meta.get("DESCRIPTION")
        part.description = desc.value if desc else None
        parts.append(part)
        if structured is None and form is not None:
            structured = form
    if not parts and header is None:
        raise SourceError(path, "EDGAR submission without a header or any <DOCUMENT>")
    form_type = header.form_type if header is not None and header.form_type is not None else first_type
    log.debug("%s: %d documents, form %s", path, len(parts), form_type.value if form_type else None)
    return Submission(header, parts, form_type, structured)


def sgml_document(doc: SourceDocument) -> SourceDocument:
    """Fill ``doc`` from its submission: header, parts, form type and any embedded XML form."""
    sub = parse_submission(doc.source_text, str(doc.path))
    doc.header, doc.parts, doc.form_type, doc.structured = sub.header, sub.parts, sub.form_type, sub.structured
    return doc
