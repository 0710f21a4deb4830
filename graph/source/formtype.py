"""Guess a document's form type from the heading printed at its top.

Bare exhibits and HTML documents carry no SEC header; their type is printed
in the first lines ("EXHIBIT 32", "Exhibit 21.1", "FORM 8-K"). Only short,
heading-like lines count, so a sentence mentioning "Form 10-K" is not a type.
"""

from __future__ import annotations

import re

from graph.model import FieldValue, TextPart

MAX_LINES = 60  # non-blank lines looked at
MAX_HEADING = 40  # longest line that still reads as a heading

_EXHIBIT = re.compile(
    r"^\s*(?:EX\.?|EXHIBIT)\s*(?:NO\.?\s*)?(\d{1,3}(?:\.\d{1,3}){0,2}(?:\([a-z0-9]{1,3}\))?)\s*[.:]?\s*$",
    re.IGNORECASE,
)
_FORM = re.compile(
    r"^\s*(?:AMENDMENT\s+NO\.?\s*\d+\s+TO\s+)?FORM\s+"
    r"((?:\d{1,3}[A-Z]{0,3}|[A-Z]{1,2})-[0-9A-Z]{1,5}|\d{1,2}|[CD])(\s*/\s*A)?\s*$",
    re.IGNORECASE,
)
#: beneficial-ownership and tender-offer schedules print "SCHEDULE 13G" as their title, not "FORM ..."
_SCHEDULE = re.compile(r"^\s*SCHEDULE\s+(13[DG]|13E-3|14D-9|TO)(\s*/\s*A)?\s*$", re.IGNORECASE)
_AMENDMENT = re.compile(r"\bAMENDMENT\s+NO\b|\bAMENDMENT\s+NUMBER\b", re.IGNORECASE)


def guess_form_type(part: TextPart) -> FieldValue | None:
    """The form or exhibit type printed at the top of ``part``, e.g. "8-K", "EX-32", "S-3/A"."""
    text = part.text
    pos = 0
    seen: list[str] = []
    while pos <= len(text) and len(seen) < MAX_LINES:
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        line = text[pos:stop]
        if line.strip():
            if len(line.strip()) <= MAX_HEADING + 20:
                found = _match(line, seen)
                if found is not None:
                    value, s, e = found
                    start, end = part.source_span(pos + s, pos + e)
                    return FieldValue(value, start, end)
            seen.append(line)
        if nl < 0:
            break
        pos = nl + 1
    return None


def _match(line: str, previous: list[str]) -> tuple[str, int, int] | None:
    """(value, start, end) of a type heading in ``line``; the span covers the printed words."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    m = _EXHIBIT.match(line)
    if m and len(stripped) <= MAX_HEADING:
        return "EX-" + m.group(1).upper(), lead, lead + len(stripped)
    m = _FORM.match(line) or _SCHEDULE.match(line)
    if m and len(stripped) <= MAX_HEADING + 20:
        value = m.group(1).upper() if m.re is _FORM else "SCHEDULE " + m.group(1).upper()
        amended = bool(m.group(2)) or bool(_AMENDMENT.search(line)) or any(
            _AMENDMENT.search(p) for p in previous[-3:]
        )
        if amended:
            value += "/A"
        return value, lead, lead + len(stripped)
    return None
