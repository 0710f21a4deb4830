"""Calendar dates as filings print them, to :class:`datetime.date`.

Report dates, expirations and maturities are ISO 8601 in facts; filings
write "June 23, 2004", "Dec. 2, 2003", "2/7/05" (US month/day order),
"20040623" (SGML headers) or "23 June 2004". Two-digit years pivot at 50:
00-49 are 20xx, 50-99 are 19xx.

:func:`parse_date` is strict (the whole text must be one date, apart from
surrounding white space and punctuation); :func:`find_dates` scans text.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_date", "find_dates", "MONTHS"]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MON = rf"(?P<mon>{_MONTH_ALT})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS: list[re.Pattern[str]] = [
    # June 23, 2004 / June 23 , 2004 / Dec. 2, 2003 / February 27,2004 / June 23 2004
    re.compile(rf"\b{_MON}\s*{_DAY}\s*(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    # 23 June 2004 / 23rd day of June, 2004 / 23 June, 2004
    re.compile(rf"\b{_DAY}\s+(?:day\s+of\s+)?{_MON},?\s*{_YEAR}\b", re.IGNORECASE),
    # 2025-05-02
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 2/7/05, 02/07/2005, 2-7-2005, 02.07.2005 (US order)
    re.compile(r"(?<![\d/.\-])(?P<mon>\d{1,2})(?P<sep>[/\-.])(?P<day>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/]|[.\-]\d)"),
    # 20040623 (EDGAR headers)
    re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d{2})(?P<mon>\d{2})(?P<day>\d{2})(?![\d.,]\d|\d)"),
]
_STRIP = " \t\r\n,.;:()[]\"'"


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 50 else 1900
    return y


def _build(m: re.Match[str]) -> date | None:
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else MONTHS.get(mon.lower().rstrip("."))
    if month is None:
        return None
    try:
        return date(_year(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The date a whole text states ("June 23, 2004", "2/7/05", "20040623"), else None."""
    if not text:
        return None
    s = " ".join(text.split()).strip(_STRIP)
    for pattern in _PATTERNS:
        m = pattern.fullmatch(s)
        if m:
            return _build(m)
    return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every valid date in a text as ``(start, end, date)`` spans, in order, not overlapping."""
    found: list[tuple[int, int, date]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            d = _build(m)
            if d is not None:
                found.append((m.start(), m.end(), d))
    found.sort(key=lambda t: t[0])
    return found
