"""US dollar amounts ("$4.00", "$.05", "$2.5 million", "US$1,000", "4.00 per share").

Prices and principal amounts are facts in USD; the text around them varies
("per share", "approximately", scale words), so :func:`parse_money` scans
rather than requiring the whole text to be an amount: it prefers an amount
marked as money (``$``, ``US$``, ``USD``, "dollars", "cents") and otherwise
takes the first number in the text.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graph.normalize.numbers import find_numbers

__all__ = ["parse_money"]

_PREFIX_RE = re.compile(r"(?:US\s?\$|U\.S\.\s?\$|\$|USD|US\s+dollars?)\s*$", re.IGNORECASE)
_DOLLARS_RE = re.compile(r"^\s*(?:U\.?S\.?\s+)?dollars?\b", re.IGNORECASE)
_CENTS_RE = re.compile(r"^\s*(?:cents?\b|¢)", re.IGNORECASE)


def parse_money(text: str) -> Decimal | None:
    """The first dollar amount a text states, in USD; None when it states no amount."""
    if not text:
        return None
    spans = find_numbers(text)
    if not spans:
        return None
    for start, end, value in spans:
        if _PREFIX_RE.search(text[max(0, start - 12):start]) or _DOLLARS_RE.match(text[end:]):
            return value
        if _CENTS_RE.match(text[end:]):
            return value / 100
    return spans[0][2]
