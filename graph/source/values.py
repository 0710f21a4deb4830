"""Small normalisations of field values, each keeping the span honest.

A :class:`FieldValue` whose value is the printed text has
``source_text[start:end] == value``; normalised values (ISO dates, CIKs without
leading zeros, names without "/s/") keep a span over what was printed.
"""

from __future__ import annotations

import re
from datetime import date

from graph.model import FieldValue

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*|[+-]\d{2}:\d{2}|Z)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_US = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
_SIGNED = re.compile(r"^/s/\s*", re.IGNORECASE)
#: EDGAR's conformed-name tags after a name: state or kind ("CORP/DE/", "LP /MN", "INC \\PA\\", "CO /NEW/",
#: "/ADV"), or a bare slash. One-letter tags need a space or a closing slash, so "NOVO NORDISK A/S" keeps its "/S".
_STATE_TAGS = re.compile(
    r"(?:\s*[/\\][A-Z]{2,4}[/\\]?|\s+[/\\][A-Z][/\\]?|\s*[/\\][A-Z][/\\]|\s+[/\\])+\s*$"
)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` for the date formats of EDGAR headers and XML forms, else None."""
    text = text.strip()
    for rx, order in ((_ISO, "ymd"), (_COMPACT, "ymd"), (_US, "mdy")):
        m = rx.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups()[:3])
            return _valid(a, b, c) if order == "ymd" else _valid(c, a, b)
    return None


def as_iso(fv: FieldValue) -> FieldValue:
    """The field with an ISO date value when it parses; as printed otherwise."""
    iso = iso_date(fv.value)
    return FieldValue(iso, fv.start, fv.end) if iso else fv


def date_field(fv: FieldValue | None) -> FieldValue | None:
    """:func:`as_iso` for an optional field."""
    return None if fv is None else as_iso(fv)


def cik_field(fv: FieldValue | None) -> FieldValue | None:
    """CIK without leading zeros; the span shrinks to the significant digits."""
    if fv is None:
        return None
    value = fv.value.strip()
    stripped = value.lstrip("0")
    if not stripped or not stripped.isdigit():
        return None if not stripped else fv
    return FieldValue(stripped, fv.end - len(stripped), fv.end)


def strip_state_tags(name: str) -> str:
    """A conformed name without EDGAR's trailing tags ("TECHNICLONE CORP/DE/" -> "TECHNICLONE CORP")."""
    if len(name) > 300:  # not a conformed name (EDGAR caps them at 150 characters): left as printed
        return name
    stripped = _STATE_TAGS.sub("", name)
    return stripped if stripped.strip() else name


def name_field(fv: FieldValue | None) -> FieldValue | None:
    """A name field without EDGAR's state tags; the span ends where the name does."""
    if fv is None:
        return None
    value = strip_state_tags(fv.value)
    if value == fv.value:
        return fv
    value = value.rstrip()
    return FieldValue(value, fv.start, fv.start + len(value))


def signer_field(fv: FieldValue | None) -> FieldValue | None:
    """A signature as a name: "/s/ Rajesh Melkote" -> "Rajesh Melkote", span moved past "/s/"."""
    if fv is None:
        return None
    m = _SIGNED.match(fv.value)
    if not m or m.end() >= len(fv.value):
        return fv
    return FieldValue(fv.value[m.end():], fv.start + m.end(), fv.end)


def span_field(source_text: str, start: int, end: int) -> FieldValue | None:
    """The stripped text of ``source_text[start:end]`` as a field, None when blank."""
    while start < end and source_text[start].isspace():
        start += 1
    while end > start and source_text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return FieldValue(source_text[start:end], start, end)
