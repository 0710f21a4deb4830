"""Decide what kind of document a decoded file is: EDGAR SGML, XML form, HTML or plain text.

The order matters: a full EDGAR submission contains HTML and XML documents, and
old plain-text filings contain a few SGML-like tags (``<PAGE>``, ``<TABLE>``,
``<S>``, ``<C>``) that must not be mistaken for HTML or unknown markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from graph.errors import SourceError

Format = Literal["sgml", "text", "html", "xml"]

_HEAD = 20_000  # characters looked at for the submission and root markers

_SGML_MARKER = re.compile(r"^[ \t]*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER)>", re.MULTILINE)
#: Header-only files: EDGAR's ``.hdr.sgml`` cut at ``<ACCEPTANCE-DATETIME>``, a feed ``<SUBMISSION>`` without
#: documents, or the key-line header alone (an index-headers page saved as text).
_BARE_HEADER = re.compile(
    r"\A\s*(?:<(?:SUBMISSION|ACCEPTANCE-DATETIME|ACCESSION-NUMBER)>|ACCESSION[ -]NUMBER:[ \t]*\d{10}-\d{2}-\d{6}\s)"
)
_SGML_DOCUMENT = re.compile(r"^[ \t]*<DOCUMENT>[ \t]*\r?\n(?:[^\n]*\n){0,3}?[ \t]*<TYPE>", re.MULTILINE)
_XML_DECL = re.compile(r"^\s*<\?xml\b")
_FIRST_TAG = re.compile(r"<([A-Za-z][\w.:-]*)")
#: Root elements of the EDGAR XML forms (ownership 3/4/5, Form D, C, 144 and the other edgarSubmission forms).
XML_ROOTS = frozenset(("ownershipDocument", "edgarSubmission"))
_HTML_DOC = re.compile(r"<(?:html|body)\b|<!doctype\s+html", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|font|span|td|tr|th|center|pre|h[1-6]|b|i|u|hr|a|img|ul|ol|li|title|meta|style|script|"
    r"strong|em|sup|sub|tbody|thead)\b[^<>]*>",
    re.IGNORECASE,
)
#: Tags allowed in EDGAR plain-text documents; they are text, not markup to refuse.
_EDGAR_TEXT_TAGS = frozenset("page table caption s c fn r module".split())
_ANY_TAG = re.compile(r"</?([A-Za-z][\w:.-]*)(?:\s[^<>]*)?/?>")
_EDGAR_NUMBERED = re.compile(r"^[fr]\d{1,3}$", re.IGNORECASE)
#: The privacy-enhanced-message preamble EDGAR puts before a full submission.
_PEM_START = re.compile(r"\A\s*-----BEGIN PRIVACY-ENHANCED MESSAGE-----")


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def is_html(text: str) -> bool:
    """HTML: an ``<html>``/``<body>`` element or at least two ordinary HTML tags."""
    head = text[:_HEAD]
    if _HTML_DOC.search(head):
        return True
    found = 0
    for _ in _HTML_TAG.finditer(text):
        found += 1
        if found >= 2:
            return True
    return False


def xml_root(text: str) -> str | None:
    """Local name of the root element when ``text`` is XML (declaration or a known EDGAR root)."""
    stripped = text.lstrip()
    has_decl = bool(_XML_DECL.match(stripped))
    pos = 0
    while True:
        m = _FIRST_TAG.search(stripped, pos)
        if m is None:
            return None
        before = stripped.rfind("<!--", 0, m.start())
        if before >= 0 and stripped.find("-->", before) > m.start():
            pos = stripped.find("-->", before) + 3
            continue
        name = _local(m.group(1))
        if has_decl or name in XML_ROOTS:
            return name
        return None


def unknown_tags(text: str) -> list[str]:
    """Names of tags that are neither HTML nor the EDGAR plain-text tags."""
    out = []
    for m in _ANY_TAG.finditer(text):
        name = m.group(1).lower()
        if name in _EDGAR_TEXT_TAGS or _EDGAR_NUMBERED.match(name):
            continue
        out.append(m.group(1))
    return out


def _looks_like_text(text: str) -> bool:
    """Enough letters, and words of human length (not base64 or number dumps)."""
    sample = text[:200_000]
    chars = [c for c in sample if not c.isspace()]
    if not chars:
        return False
    letters = sum(1 for c in chars if c.isalpha())
    words = sample.split()
    mean_len = sum(len(w) for w in words) / len(words)
    return letters / len(chars) >= 0.25 and mean_len <= 20


def detect_format(text: str, path: str | Path) -> Format:
    """Classify decoded text; raise :class:`SourceError` for unknown markup or non-text content."""
    head = text[:_HEAD]
    if _SGML_MARKER.search(head) or _SGML_DOCUMENT.search(head) or _BARE_HEADER.match(head):
        return "sgml"
    root = xml_root(head)
    if root is not None:
        return "html" if root.lower() == "html" else "xml"
    if is_html(text):
        return "html"
    unknown = unknown_tags(text)
    opening = _ANY_TAG.match(text.lstrip())
    opens_with_unknown = opening is not None and bool(unknown_tags(opening.group()))
    if unknown and (len(unknown) >= 3 or opens_with_unknown):
        raise SourceError(path, f"unknown markup (tags such as <{unknown[0]}>), not an EDGAR, HTML or XML document")
    if _PEM_START.match(head):
        raise SourceError(path, "truncated EDGAR submission: the signed preamble is there but no <SEC-DOCUMENT> follows")
    if not _looks_like_text(text):
        raise SourceError(path, "unrecognisable content: not text, HTML, XML or an EDGAR submission")
    return "text"
