"""Inline-XBRL cover tags (``dei:*``) read straight from the HTML source.

Since 2019 cover pages tag the registrant's name, CIK, state, tax number,
file number, ZIP, trading symbols and exchanges as ``<ix:nonNumeric
name="dei:...">`` facts. Several of them (the name and CIK, often) sit in
``<ix:header><ix:hidden>``, which is not visible text, so they never reach the
rendered part: this module reads them as structured fields whose spans point
at the tagged text in the source, as the SGML header fields do.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from graph.model import FieldValue

_START = re.compile(r"<ix:nonnumeric\b([^>]*)>", re.I)
_NESTED = re.compile(r"<(/?)ix:nonnumeric\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(r"<[^>]*>")
_EXCLUDE = re.compile(r"<ix:exclude\b.*?</ix:exclude\s*>", re.I | re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
MAX_SCAN = 400_000  # cover tags sit in the header and on the first page


@dataclass
class TaggedSymbol:
    """One row of the Section 12(b) table: a trading symbol and, in the same context, its exchange."""

    symbol: FieldValue
    exchange: FieldValue | None = None
    context: str = ""


@dataclass
class CoverTags:
    """The ``dei`` cover facts of one document; values as printed (entities decoded), spans in the source."""

    registrant_name: FieldValue | None = None
    cik: FieldValue | None = None
    state: FieldValue | None = None  # EntityIncorporationStateCountryCode: a code or a spelled-out name
    tax_id: FieldValue | None = None
    file_numbers: list[FieldValue] = field(default_factory=list)
    postal_code: FieldValue | None = None
    symbols: list[TaggedSymbol] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.registrant_name, self.cik, self.state, self.tax_id, self.file_numbers, self.postal_code, self.symbols))


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3) or "") for m in _ATTR.finditer(text)}


def _close(src: str, pos: int, limit: int) -> int:
    """Offset of the ``</ix:nonNumeric>`` closing the element whose content starts at ``pos`` (-1: none)."""
    depth = 1
    for m in _NESTED.finditer(src, pos, limit):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.start()
    return -1


def _inner_value(src: str, start: int, end: int) -> FieldValue | None:
    """Visible text of ``src[start:end]`` (tags and ``ix:exclude`` dropped), span over its first to last character."""
    chars: list[str] = []
    offsets: list[int] = []
    body = _EXCLUDE.sub(lambda m: "\0" * len(m.group()), src[start:end])
    body = _TAG.sub(lambda m: "\0" * len(m.group()), body)
    pos = 0
    while pos < len(body):
        ch = body[pos]
        if ch == "\0":
            pos += 1
            continue
        if ch == "&":
            m = _ENTITY.match(body, pos)
            if m:
                for c in _html.unescape(m.group()):
                    chars.append(c)
                    offsets.append(start + pos)
                pos = m.end()
                continue
        chars.append(ch)
        offsets.append(start + pos)
        pos += 1
    text = "".join(chars).replace("\xa0", " ")
    lead = len(text) - len(text.lstrip())
    value = re.sub(r"\s+", " ", text.strip())
    if not value:
        return None
    last = lead + len(text.strip()) - 1
    return FieldValue(value, offsets[lead], offsets[last] + 1)


def read_cover_tags(source_text: str) -> CoverTags:
    """The ``dei`` cover facts of an inline-XBRL document (an empty :class:`CoverTags` for any other)."""
    tags = CoverTags()
    limit = min(len(source_text), MAX_SCAN)
    if "dei:" not in source_text[:limit]:
        return tags
    exchanges: dict[str, FieldValue] = {}
    for m in _START.finditer(source_text, 0, limit):
        attrs = _attrs(m.group(1))
        name = attrs.get("name", "")
        if not name.lower().startswith("dei:"):
            continue
        end = _close(source_text, m.end(), len(source_text))
        if end < 0:
            continue
        fv = _inner_value(source_text, m.end(), end)
        if fv is None:
            continue
        concept = name.split(":", 1)[1]
        context = attrs.get("contextref", "")
        if concept == "EntityRegistrantName" and tags.registrant_name is None:
            tags.registrant_name = fv
        elif concept == "EntityCentralIndexKey" and tags.cik is None:
            digits = fv.value.lstrip("0")
            if digits.isdigit():
                tags.cik = FieldValue(digits, fv.end - len(digits), fv.end)
        elif concept == "EntityIncorporationStateCountryCode" and tags.state is None:
            tags.state = fv
        elif concept == "EntityTaxIdentificationNumber" and tags.tax_id is None:
            tags.tax_id = fv
        elif concept == "EntityFileNumber":
            if all(f.value != fv.value for f in tags.file_numbers):
                tags.file_numbers.append(fv)
        elif concept == "EntityAddressPostalZipCode" and tags.postal_code is None:
            tags.postal_code = fv
        elif concept == "TradingSymbol":
            tags.symbols.append(TaggedSymbol(fv, context=context))
        elif concept == "SecurityExchangeName":
            exchanges.setdefault(context, fv)
    for sym in tags.symbols:
        sym.exchange = exchanges.get(sym.context)
    return tags
