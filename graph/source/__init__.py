"""Reading files into :class:`graph.model.SourceDocument`: the pipeline's first stage.

:func:`read_source` decodes a file, decides what it is (EDGAR SGML submission,
XML form, HTML or plain text) and returns its header, structured form and
clean text parts, every value tied to a span of the decoded text.
:func:`expand_sources` turns file, folder and glob arguments into file paths.

Whatever the bytes, :func:`read_source` either returns a document or raises
:class:`SourceError` with a one-line reason: files over the size limit
(:mod:`graph.source.limits`) are refused before they are read, and a parser
failure nobody foresaw (deep recursion, memory) is turned into a SourceError
too, so one hostile file can never stop a corpus build.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from graph.errors import SourceError
from graph.log import get_logger
from graph.model import SourceDocument
from graph.source.decode import decode, sha256, unify_line_ends
from graph.source.detect import Format, detect_format
from graph.source.files import expand_sources
from graph.source.html import html_document
from graph.source.limits import max_file_bytes, too_large_reason
from graph.source.plain import plain_document
from graph.source.sgml import sgml_document
from graph.source.xmlforms import xml_document

log = get_logger("source")

__all__ = ["read_source", "read_file_bytes", "expand_sources"]

_BUILDERS: dict[Format, Callable[[SourceDocument], SourceDocument]] = {
    "sgml": sgml_document,
    "text": plain_document,
    "html": html_document,
    "xml": xml_document,
}


def read_source(path: str | Path, *, max_bytes: int | None | bool = True) -> SourceDocument:
    """Read one file as a filing; raise :class:`SourceError` naming the file and the reason.

    ``max_bytes``: the size limit (``True``: the configured one, see
    :func:`graph.source.limits.max_file_bytes`; ``None``/``False``: none).
    """
    p = Path(path)
    limit = max_file_bytes() if max_bytes is True else (max_bytes or None)
    raw = _read_bytes(p, limit)
    try:
        doc = _parse(p, raw)
    except SourceError:
        raise
    except RecursionError:
        raise SourceError(p, "markup nested too deeply to read") from None
    except MemoryError:
        raise SourceError(p, "not enough memory to read this file") from None
    except Exception as exc:  # a reader bug must fail this file only, with a reason, never a traceback
        log.debug("unexpected reader failure on %s", p, exc_info=True)
        detail = " ".join(str(exc).split())[:200]  # the reason stays one short line
        raise SourceError(p, f"cannot be read ({exc.__class__.__name__}: {detail})") from exc
    log.debug(
        "%s: %s, %s, form %s, %d parts",
        p.name,
        doc.fmt,
        doc.encoding,
        doc.form_type.value if doc.form_type else None,
        len(doc.parts),
    )
    return doc


def read_file_bytes(path: str | Path, *, max_bytes: int | None | bool = True) -> bytes:
    """A file's raw bytes under the same rules as :func:`read_source` (size limit, one-line SourceError).

    For code that ships bytes elsewhere before reading them (e.g. to cluster
    workers), so a huge file is refused before it is read, not after.
    """
    p = Path(path)
    return _read_bytes(p, max_file_bytes() if max_bytes is True else (max_bytes or None))


def _read_bytes(p: Path, limit: int | None) -> bytes:
    """The file's bytes, refusing folders, unreadable and over-size files without reading them whole."""
    try:
        with p.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if limit is not None and size > limit:
                raise SourceError(p, too_large_reason(size, limit))
            raw = fh.read() if limit is None else fh.read(limit + 1)
    except IsADirectoryError as err:
        raise SourceError(p, "is a folder, not a file") from err
    except OSError as err:
        raise SourceError(p, f"cannot read file: {err.strerror or err}") from err
    if limit is not None and len(raw) > limit:  # grew while we read it
        raise SourceError(p, too_large_reason(len(raw), limit))
    return raw


def _parse(p: Path, raw: bytes) -> SourceDocument:
    text, encoding = decode(raw, p)
    text = unify_line_ends(text)  # same length: offsets still point into the decoded file
    fmt = detect_format(text, p)
    doc = SourceDocument(doc_id=p.name, path=p, source_text=text, sha256=sha256(raw), encoding=encoding, fmt=fmt)
    doc = _BUILDERS[fmt](doc)
    if doc.form_type is None and not FILING_WORDS.search(text[:200_000]):
        # a document without a printed form is still read when it speaks like a filing (an exhibit
        # or press release whose heading was lost); text that does neither is not a filing
        raise SourceError(p, f"no recognisable form ({fmt}: no SEC header form type, <TYPE> or form/exhibit heading)")
    return doc


#: Words any filing uses; a form-less text with none of them is not one.
FILING_WORDS = re.compile(
    r"securities\s+and\s+exchange\s+commission|/s/|\b(?:inc|corp|ltd|llc|l\.p)\.?(?=[\s,;)])|\bcorporation\b|"
    r"\bregistrant\b|\bcommon\s+stock\b|\bpress\s+release\b|\bchief\s+(?:executive|financial)\s+officer\b|"
    r"\bboard\s+of\s+directors\b|\bsubsidiar(?:y|ies)\b|\bshareholders?\b|\bstockholders?\b",
    re.I,
)
