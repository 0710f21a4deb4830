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


#: vulgar fractions printed in rates ("6¾%"), spelled as the ASCII form the number reader knows
_VULGAR = {"¼": " 1/4", "½": " 1/2", "¾": " 3/4", "⅛": " 1/8", "⅜": " 3/8", "⅝": " 5/8", "⅞": " 7/8"}
_VULGAR_RE = re.compile("[" + "".join(_VULGAR) + "]")
#: "6-3/4%": a hyphen joining the whole and the fraction, not a range
_HYPHEN_FRACTION = re.compile(r"(\d)\s*-\s*(\d{1,2}/\d{1,2})(?=\s*(?:%|per\s*cent|percent))", re.I)


def parse_percent(text: str) -> Decimal | None:
    """The first percentage a text states, as a number of percent; else None.

    Debt titles print fractional rates as "6 3/4%", "6-3/4%" or "6¾%": all read 6.75.
    """
    if not text:
        return None
    text = _HYPHEN_FRACTION.sub(r"\1 \2", _VULGAR_RE.sub(lambda m: _VULGAR[m.group(0)], text))
    for _start, end, value in find_numbers(text):
        if _MARKER_RE.match(text[end:]):
            return value
    return parse_number(text)
