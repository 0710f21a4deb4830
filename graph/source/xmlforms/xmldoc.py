"""Parse XML safely and remember where each element's text sits in the source.

lxml gives line numbers but no character offsets, so start tags are found
again in the source: elements come in document order, which is the order of
their start tags, so one forward scan (never before the element's line)
locates every element exactly, even on minified one-line XML.

Parsing is locked down: no entity expansion, no DTD loading, no network, and
documents declaring entities are refused outright (XML bombs); an external
DOCTYPE is never fetched. libxml2's default depth limit
(256 levels without ``huge_tree``) refuses absurdly nested markup, and nothing
here walks the tree recursively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from graph.errors import SourceError
from graph.model import FieldValue
from graph.source.detect import XML_ROOTS as FORM_ROOTS

_TRUE = frozenset(("1", "true", "y", "yes", "x"))
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        encoding="utf-8",
    )


def local_name(el: etree._Element) -> str:
    return etree.QName(el).localname


@dataclass
class XmlDoc:
    """A parsed XML form: namespace-free tree plus the source span of each element's text."""

    source_text: str
    root: etree._Element
    spans: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)

    # ------------------------------------------------------------------ lookups

    def find(self, el: etree._Element | None, path: str) -> etree._Element | None:
        return None if el is None else el.find(path)

    def findall(self, el: etree._Element | None, path: str) -> list[etree._Element]:
        return [] if el is None else list(el.iterfind(path))

    def field(self, el: etree._Element | None) -> FieldValue | None:
        """The element's own text (stripped), with its span; None when absent or blank."""
        if el is None:
            return None
        value = (el.text or "").strip()
        if not value:
            return None
        start, end = self.spans.get(el, (0, 0))
        return FieldValue(value, start, end)

    def text(self, el: etree._Element | None, path: str) -> FieldValue | None:
        return self.field(self.find(el, path))

    def value(self, el: etree._Element | None, path: str) -> FieldValue | None:
        """Text of ``path``, or of its ``<value>`` child (ownership forms wrap values; footnote refs are skipped)."""
        target = self.find(el, path)
        if target is None:
            return None
        inner = target.find("value")
        return self.field(inner if inner is not None else target)

    def flag(self, el: etree._Element | None, path: str) -> bool:
        fv = self.value(el, path)
        return fv is not None and fv.value.strip().lower() in _TRUE


def _start_tag_end(src: str, pos: int, end: int) -> int:
    """Index just past the ``>`` closing the start tag at ``pos`` (quotes respected)."""
    quote = ""
    i = pos
    while i < end:
        ch = src[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return i + 1
        i += 1
    return end


def _content_span(src: str, pos: int, end: int) -> tuple[int, int]:
    """Span of the stripped text between a start tag's end and the next markup."""
    if src.startswith("<![CDATA[", pos):
        stop = src.find("]]>", pos, end)
        s, e = pos + 9, (end if stop < 0 else stop)
    else:
        stop = src.find("<", pos, end)
        s, e = pos, (end if stop < 0 else stop)
    while s < e and src[s].isspace():
        s += 1
    while e > s and src[e - 1].isspace():
        e -= 1
    return s, e


def _locate(src: str, root: etree._Element, start: int, end: int) -> dict[etree._Element, tuple[int, int]]:
    line_starts = [start] + [start + i + 1 for i, ch in enumerate(src[start:end]) if ch == "\n"]
    spans: dict[etree._Element, tuple[int, int]] = {}
    cursor = start
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions
        line = (el.sourceline or 1) - 1
        if 0 <= line < len(line_starts):
            cursor = max(cursor, line_starts[line])
        name = re.escape(local_name(el))
        m = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?" + name + r"(?=[\s/>])").search(src, cursor, end)
        if m is None:
            continue
        cursor = m.end()
        tag_end = _start_tag_end(src, m.end(), end)
        if src[tag_end - 2 : tag_end] == "/>":
            spans[el] = (tag_end, tag_end)
        else:
            spans[el] = _content_span(src, tag_end, end)
    return spans


def load_xml(source_text: str, path: str, start: int = 0, end: int | None = None) -> XmlDoc:
    """Parse ``source_text[start:end]`` safely; raise :class:`SourceError` when it is not well-formed."""
    end = len(source_text) if end is None else end
    first = source_text.find("<", start, end)
    if first < 0:
        raise SourceError(path, "XML document without any element")
    chunk = source_text[first:end]
    if _ENTITY_DECL.search(chunk):
        raise SourceError(path, "XML declares entities; refused (possible entity-expansion bomb or external entity)")
    try:
        root = etree.fromstring(chunk.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as err:
        reason = " ".join(str(err).split(" (<string>")[0].split())  # lxml quotes the offending text, newlines and all
        raise SourceError(path, f"malformed XML: {reason}") from err
    if local_name(root) not in FORM_ROOTS:  # checked before the costly span scan (XBRL can be huge)
        raise SourceError(path, f"XML root <{local_name(root)}> is not an EDGAR form this tool reads")
    spans = _locate(source_text, root, first, end)
    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = local_name(el)
    etree.cleanup_namespaces(root)
    return XmlDoc(source_text, root, spans)
