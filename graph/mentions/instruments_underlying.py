"""What a derivative or convertible security is exercisable for or convertible into.

Two layouts name the underlying security:

* the head first: "warrants to purchase 312,500 shares of common stock"
  (read in :mod:`graph.mentions.instruments` from the lead before the stock);
* the stock first, then the head it comes from, as capitalisation lists
  print it: "430,066 shares of common stock issuable upon the exercise of
  stock options outstanding", "shares of common stock issuable upon
  conversion of the Series C Preferred Stock".

A shelf's menu ("warrants to purchase debt securities, common stock,
preferred stock or other securities") lists what a future warrant *may*
be for: no single underlying is a term, so none is recorded.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

#: "issuable upon (the) exercise of", "reserved for issuance upon conversion of", "underlying"
ISSUABLE_UPON = re.compile(
    r"^\s*(?:,\s*)?(?:(?:that|which)\s+(?:are|were|may\s+be|will\s+be)\s+)?(?:issuable|issued|deliverable|reserved\s+for\s+issuance)\s+"
    r"upon\s+(?:the\s+)?(?:(?:cashless|net)\s+)?(?P<how>exercise|conversion|settlement)\s+of\s+",
    re.I,
)
#: the words that may stand between that phrase and the head ("outstanding or issuable", "our", "the Series C")
HEAD_GAP = 50
MENU = re.compile(r"\bdebt\s+securities\b|\bor\s+other\s+securities\b|\bany\s+combination\b", re.I)


class MentionLike(Protocol):
    itype: str
    start: int
    end: int
    foreign: bool


def issuable_upon(text: str, stock: MentionLike, mentions: Sequence[MentionLike], heads: set[str]) -> MentionLike | None:
    """The derivative or convertible a stock mention is "issuable upon the exercise/conversion of", else None."""
    m = ISSUABLE_UPON.match(text[stock.end : stock.end + 120])
    if m is None:
        return None
    pos = stock.end + m.end()
    for men in mentions:
        if men.start >= pos and men.start - pos <= HEAD_GAP and not men.foreign and men.itype in heads:
            return men
    return None


def is_menu(text: str, head: MentionLike, stock: MentionLike, mentions: Sequence[MentionLike]) -> bool:
    """Whether a head and its stock sit in a list of several security types (a shelf's menu)."""
    lo, hi = sorted((head.end, stock.start))
    between = [x for x in mentions if lo <= x.start < hi and x is not head and x is not stock]
    tail = text[stock.end : stock.end + 60]
    return bool(between) or bool(MENU.search(text[lo:hi])) or bool(re.match(r"\s*,\s*(?:\w+\s+){0,2}(?:stock|securities)\b", tail, re.I))
