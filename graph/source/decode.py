"""Bytes to text: the encodings EDGAR files actually come in, and refusing binaries.

EDGAR text is ASCII by rule but real files carry UTF-8 (often with a BOM) and
Windows-1252 punctuation; Latin-1 decodes anything, so it is the last resort.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from graph.errors import SourceError

#: More than this share of control characters means the file is not text.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _control_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if (ch < " " and ch not in _TEXT_CONTROLS) or "\x7f" <= ch <= "\x9f" or ch == "\ufffd"
    )
    return bad / len(sample)


def decode(raw: bytes, path: str | Path) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`SourceError` for empty or binary content."""
    if not raw.strip():
        raise SourceError(path, "empty file")
    if b"\x00" in raw:
        raise SourceError(path, "binary file (contains NUL bytes)")
    text: str | None = None
    encoding = ""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = raw.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            text = None
    if text is None:
        for enc in ("utf-8", "cp1252", "latin-1"):
            try:
                text, encoding = raw.decode(enc), enc
                break
            except UnicodeDecodeError:
                continue
    assert text is not None  # latin-1 decodes any byte string
    if not text.strip():
        raise SourceError(path, "empty file")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise SourceError(path, "binary file (mostly non-text characters)")
    return text, encoding
