"""Reading files into :class:`graph.model.SourceDocument`: the pipeline's first stage.

:func:`read_source` decodes a file, decides what it is (EDGAR SGML submission,
XML form, HTML or plain text) and returns its header, structured form and
clean text parts, every value tied to a span of the decoded text.
:func:`expand_sources` turns file, folder and glob arguments into file paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from graph.errors import SourceError
from graph.log import get_logger
from graph.model import SourceDocument
from graph.source.decode import decode, sha256
from graph.source.detect import Format, detect_format
from graph.source.files import expand_sources
from graph.source.html import html_document
from graph.source.plain import plain_document
from graph.source.sgml import sgml_document
from graph.source.xmlforms import xml_document

log = get_logger("source")

__all__ = ["read_source", "expand_sources"]

_BUILDERS: dict[Format, Callable[[SourceDocument], SourceDocument]] = {
    "sgml": sgml_document,
    "text": plain_document,
    "html": html_document,
    "xml": xml_document,
}


def read_source(path: str | Path) -> SourceDocument:
    """Read one file as a filing; raise :class:`SourceError` naming the file and the reason."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError as err:
        raise SourceError(p, "is a folder, not a file") from err
    except OSError as err:
        raise SourceError(p, f"cannot read file: {err.strerror or err}") from err
    text, encoding = decode(raw, p)
    fmt = detect_format(text, p)
    doc = SourceDocument(doc_id=p.name, path=p, source_text=text, sha256=sha256(raw), encoding=encoding, fmt=fmt)
    doc = _BUILDERS[fmt](doc)
    log.debug(
        "%s: %s, %s, form %s, %d parts",
        p.name,
        fmt,
        encoding,
        doc.form_type.value if doc.form_type else None,
        len(doc.parts),
    )
    return doc
