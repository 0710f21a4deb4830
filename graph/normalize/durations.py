"""Periods of time ("twelve months", "three (3) years", "eighteen-month") as ISO 8601.

Maturities and expirations are often stated relative to issue ("expire five
years from the date of issuance"); facts store them as ISO 8601 durations
(``P5Y``), keeping the unit the filing used ("twelve months" is ``P12M``,
not ``P1Y``). :func:`duration_months_days` gives the value to compare two
durations by (a year is 12 months, a week 7 days).

:func:`parse_duration` returns the first duration in the text, and also
accepts an ISO 8601 duration (returned in canonical form).
"""

from __future__ import annotations

import re
from decimal import Decimal

from graph.normalize.numbers import NUMBER_WORD_RE, format_decimal, parse_number

__all__ = ["parse_duration", "parse_iso_duration", "duration_months_days"]

_UNITS: dict[str, str] = {
    "year": "Y", "years": "Y", "yr": "Y", "yrs": "Y",
    "month": "M", "months": "M", "mo": "M", "mos": "M",
    "week": "W", "weeks": "W", "day": "D", "days": "D",
}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD_RE.pattern}|an?)"
_DURATION_RE = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?:\s*\(\s*(?P<digits>\d+(?:\.\d+)?)\s*\))?[\s\-]*(?P<unit>{_UNIT_ALT})\b\.?",
    re.IGNORECASE,
)
_ISO_RE = re.compile(
    r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?",
    re.IGNORECASE,
)


def parse_iso_duration(text: str) -> dict[str, Decimal] | None:
    """Components of an ISO 8601 date-only duration ("P1Y6M" -> {"Y": 1, "M": 6}), else None."""
    m = _ISO_RE.fullmatch(text.strip())
    if not m or not any(m.group(u) for u in "YMWD"):
        return None
    return {u: Decimal(m.group(u)) for u in "YMWD" if m.group(u)}


def duration_months_days(text: str) -> tuple[Decimal, Decimal] | None:
    """(months, days) of an ISO duration, so "P1Y" and "P12M" compare equal."""
    parts = parse_iso_duration(text)
    if parts is None:
        return None
    months = parts.get("Y", Decimal(0)) * 12 + parts.get("M", Decimal(0))
    days = parts.get("W", Decimal(0)) * 7 + parts.get("D", Decimal(0))
    return months.normalize(), days.normalize()


def _format(parts: dict[str, Decimal]) -> str:
    return "P" + "".join(f"{format_decimal(parts[u])}{u}" for u in "YMWD" if u in parts)


def parse_duration(text: str) -> str | None:
    """The first period of time a text states, as an ISO 8601 duration ("P12M"), else None."""
    if not text:
        return None
    iso = parse_iso_duration(text)
    if iso is not None:
        return _format(iso)
    for m in _DURATION_RE.finditer(text):
        num = m.group("digits") or m.group("num")
        value = Decimal(1) if num.lower() in ("a", "an") else parse_number(num)
        if value is None or value <= 0:
            continue
        unit = _UNITS[m.group("unit").lower()]
        if value != value.to_integral_value():
            # "one and one-half years": ISO allows a fraction, but months read better
            if unit == "Y" and (value * 12) == (value * 12).to_integral_value():
                value, unit = value * 12, "M"
            elif unit == "W":
                value, unit = value * 7, "D"
        return _format({unit: value})
    return None
