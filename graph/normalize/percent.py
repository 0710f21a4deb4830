"""Percentages ("7.5%", "7.5 percent", "seven and one-half percent", "12.5 %").

Interest rates are facts in percent per year, so ``7.5%`` is stored as
``7.5``. :func:`parse_percent` returns the first number followed by a
percent marker; when there is none it accepts a text that is nothing but a
number (``"7.5"``), since facts already store rates that way.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graph.normalize.numbers import find_numbers, parse_number

__all__ = ["parse_percent"]

_MARKER_RE = re.compile(r"^\s*(?:%|per\s*cent\b|percent(?:age)?\b|pct\b)", re.IGNORECASE)


def parse_percent(text: str) -> Decimal | None:
    """The first percentage a text states, as a number of percent; else None."""
    if not text:
        return None
    for _start, end, value in find_numbers(text):
        if _MARKER_RE.match(text[end:]):
            return value
    return parse_number(text)
