"""Typed literals for FORMAT values, in the canonical lexical form stores keep.

Oxigraph stores xsd:decimal / xsd:duration by value and gives back the canonical
form (``4.00`` -> ``4``, ``P12M`` -> ``P1Y``). We write canonical forms ourselves so
an in-memory graph and its stored copy are the same triples; when the canonical form
of a date/duration differs from what the document said, the caller keeps the stated
form on the assertion (``fkg:lexicalForm``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

from graph.rdf.vocab import DATE_OR_DURATION_RELATIONS, DATE_RELATIONS, NUMERIC_RELATIONS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^(?:1[89]|2\d)\d{2}$")
_YEAR_MONTH = re.compile(r"^(?:1[89]|2\d)\d{2}-(?:0[1-9]|1[0-2])$")
_DURATION = re.compile(
    r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


def canonical_decimal(value: str) -> str | None:
    """``"4.00"`` -> ``"4"``, ``"2.5E+6"`` -> ``"2500000"``; ``None`` if not a finite number."""
    text = value.strip().replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if number == 0:
        return "0"
    out = format(number.normalize(), "f")
    return out


def canonical_date(value: str) -> str | None:
    """ISO ``YYYY-MM-DD`` if it is a real calendar date, else ``None``."""
    text = value.strip()
    if not _DATE.match(text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def canonical_duration(value: str) -> str | None:
    """Canonical xsd:duration (months folded into years, seconds into days/hours/minutes).

    Weeks (not allowed in xsd:duration) become days. ``None`` if not an ISO 8601 duration.
    """
    text = value.strip()
    m = _DURATION.match(text)
    if not m or text in ("P", "-P") or text.endswith("T"):
        return None
    neg, y, mo, w, d, h, mi, s = m.groups()
    months = int(y or 0) * 12 + int(mo or 0)
    seconds = (
        (int(w or 0) * 7 + int(d or 0)) * 86400 + int(h or 0) * 3600 + int(mi or 0) * 60
    ) + Decimal(s or 0)
    years, months = divmod(months, 12)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    out = "P"
    if years:
        out += f"{years}Y"
    if months:
        out += f"{months}M"
    if days:
        out += f"{int(days)}D"
    time = ""
    if hours:
        time += f"{int(hours)}H"
    if minutes:
        time += f"{int(minutes)}M"
    if secs:
        time += f"{format(Decimal(secs).normalize(), 'f')}S"
    if time:
        out += "T" + time
    if out == "P":
        return "PT0S"
    return ("-" if neg else "") + out


def typed_literal(relation: str, value: str) -> tuple[Literal, str | None]:
    """The literal for a FORMAT value of ``relation`` and the stated form when it must be kept.

    Numbers -> xsd:decimal (the canonical number *is* the FORMAT form, nothing kept);
    dates -> xsd:date (a bare year or year-month of a maturity or expiration ->
    xsd:gYear / xsd:gYearMonth); durations -> xsd:duration; anything else (codes, names,
    unparseable values) -> plain string.
    """
    if relation in NUMERIC_RELATIONS:
        number = canonical_decimal(value)
        if number is not None:
            return Literal(number, datatype=XSD.decimal), None
    if relation in DATE_RELATIONS or relation in DATE_OR_DURATION_RELATIONS:
        day = canonical_date(value)
        if day is not None:
            return Literal(day, datatype=XSD.date), None
    if relation in DATE_OR_DURATION_RELATIONS:
        # "notes due 2017": a maturity stated to the year (or month) is a reduced-precision ISO date
        if _YEAR.match(value.strip()):
            return Literal(value.strip(), datatype=XSD.gYear), None
        if _YEAR_MONTH.match(value.strip()):
            return Literal(value.strip(), datatype=XSD.gYearMonth), None
        duration = canonical_duration(value)
        if duration is not None:
            return Literal(duration, datatype=XSD.duration), (value if duration != value else None)
    return Literal(value), None


def decimal_literal(value: float | int | str) -> Literal:
    """xsd:decimal for a Python number (confidence), canonical and without exponent."""
    text = canonical_decimal(repr(value) if isinstance(value, float) else str(value))
    return Literal(text if text is not None else "0", datatype=XSD.decimal)
