"""Bytes to text: the encodings EDGAR files actually come in, and refusing binaries.

EDGAR text is ASCII by rule but real files carry UTF-8 (often with a BOM) and
Windows-1252 punctuation; Latin-1 decodes anything, so it is the last resort.
Files re-saved by office tools may be UTF-16/UTF-32 with a byte-order mark:
those are decoded too. UTF-16 *without* a mark is refused with a reason that
says so, rather than the generic "binary file" (it is full of NUL bytes).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from graph.errors import SourceError

#: More than this share of control characters means the file is not text.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


_LONE_CR = re.compile(r"\r(?!\n)")


def unify_line_ends(text: str) -> str:
    """Bare carriage returns (old Mac line ends, some raw EDGAR ``.nc``/``.txt`` files) as ``\\n``.

    One character for one, so every offset into the result is the same offset
    into the decoded file; CRLF and LF are left as they are (the readers take both).
    """
    return _LONE_CR.sub("\n", text) if "\r" in text else text


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


def _wide_unicode(raw: bytes, path: str | Path) -> tuple[str, str] | None:
    """UTF-16/32 text announced by a byte-order mark, decoded; None when there is no mark."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as err:
                raise SourceError(path, f"wrongly encoded: {enc.upper()} byte-order mark but invalid "
                                        f"{enc.upper()} at byte {err.start}") from None
    return None


def _looks_utf16(raw: bytes) -> bool:
    """Mostly ASCII text stored as UTF-16 without a mark: every other byte is NUL."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9


def decode(raw: bytes, path: str | Path) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`SourceError` for empty, binary or undecodable content."""
    if not raw.strip():
        raise SourceError(path, "empty file")
    wide = _wide_unicode(raw, path)
    if wide is not None:
        return _checked(wide[0], wide[1], path)
    if b"\x00" in raw:
        if _looks_utf16(raw):
            raise SourceError(path, "wrongly encoded: UTF-16 text without a byte-order mark (re-save as UTF-8)")
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
    return _checked(text, encoding, path)


def _checked(text: str, encoding: str, path: str | Path) -> tuple[str, str]:
    """Refuse decoded text that is blank or mostly control characters."""
    if not text.strip():
        raise SourceError(path, "empty file")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise SourceError(path, "binary file (mostly non-text characters)")
    return text, encoding
