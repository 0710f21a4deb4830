"""What a derivative or convertible security is exercisable for or convertible into.

Two layouts name the underlying security:

* the head first: "warrants to purchase 312,500 shares of common stock"
  (read in :mod:`graph.mentions.instruments` from the lead before the stock);
* the stock first, then the head it comes from, as capitalisation lists
  print it: "430,066 shares of common stock issuable upon the exercise of
  stock options outstanding", "shares of common stock issuable upon
  conversion of the Series C Preferred Stock", "Series One Convertible
  Preferred Stock (or Common Stock issued upon conversion thereof)";
* a capitalisation count "7,440 shares of Preferred Stock, included on an
  as converted basis to 2,976,000 of Common Stock".

A preferred stock that converts is a convertible preferred stock, whatever
short name the sentence uses for it.

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
    r"upon\s+(?:the\s+)?(?:(?:cashless|net)\s+)?(?P<how>exercise|conversion|settlement)\s+(?:(?P<thereof>thereof|of\s+(?:it|them)\b)|of\s+)",
    re.I,
)
#: "N shares of Preferred Stock, included on an as converted basis to M of Common Stock": the stock after names the underlying
AS_CONVERTED = re.compile(r"^[^.;]{0,30}?\bon\s+an\s+as[-\s]+converted\s+basis\s+(?:to|into|in)\b[^.;]{0,40}?$", re.I)
#: the words that may stand between that phrase and the head ("outstanding or issuable", "our", "the Series C")
HEAD_GAP = 50
MENU = re.compile(r"\bdebt\s+securities\b|\bor\s+other\s+securities\b|\bany\s+combination\b", re.I)


class MentionLike(Protocol):
    itype: str
    start: int
    end: int
    foreign: bool


def issuable_upon(text: str, stock: MentionLike, mentions: Sequence[MentionLike], heads: set[str]) -> list[tuple[MentionLike, str]]:
    """The derivatives or convertibles a stock mention is "issuable upon the exercise/conversion of", with their types.

    A conjunction names several heads ("upon conversion of Series One Preferred Stock or exercise of warrants");
    a "Preferred Stock" head of a conversion is typed "Convertible Preferred Stock".
    """
    m = ISSUABLE_UPON.match(text[stock.end : stock.end + 120])
    if m is None:
        return []
    out: list[tuple[MentionLike, str]] = []
    how = m.group("how").lower()
    if m.group("thereof"):
        # "(or Common Stock issued upon conversion thereof)": the nearest head before the stock
        ok = _heads_for(how, heads)
        cands = [x for x in mentions if x.end <= stock.start and stock.start - x.end <= HEAD_GAP and not x.foreign and x.itype in ok]
        if cands:
            out.append((cands[-1], _typed(cands[-1])))
        return out
    pos = stock.end + m.end()
    while True:
        ok = _heads_for(how, heads)
        head = next((x for x in mentions if x.start >= pos and x.start - pos <= HEAD_GAP and not x.foreign and x.itype in ok), None)
        if head is None:
            break
        out.append((head, _typed(head)))
        nxt = NEXT_HEAD.match(text, head.end)
        if nxt is None:
            break
        how, pos = nxt.group("how").lower(), nxt.end()
    return out


#: "... or (the) exercise of ...": a further head in the same "issuable upon" phrase
NEXT_HEAD = re.compile(r"\s*,?\s*(?:and|or|and/or)\s+(?:upon\s+)?(?:the\s+)?(?P<how>exercise|conversion|settlement)\s+of\s+", re.I)


def _heads_for(how: str, heads: set[str]) -> set[str]:
    return set(heads) | ({"Preferred Stock"} if how == "conversion" else set())


def _typed(head: MentionLike) -> str:
    return "Convertible Preferred Stock" if head.itype == "Preferred Stock" else head.itype


def as_converted(text: str, head: MentionLike, mentions: Sequence[MentionLike]) -> MentionLike | None:
    """The stock a preferred count is "included on an as converted basis to", else None."""
    if head.itype not in ("Preferred Stock", "Convertible Preferred Stock") or head.foreign:
        return None
    for men in mentions:
        if men.start > head.end and men.itype == "Common Stock" and not men.foreign and AS_CONVERTED.match(text[head.end : men.start]):
            return men
    return None


def is_menu(text: str, head: MentionLike, stock: MentionLike, mentions: Sequence[MentionLike]) -> bool:
    """Whether a head and its stock sit in a list of several security types (a shelf's menu)."""
    lo, hi = sorted((head.end, stock.start))
    between = [x for x in mentions if lo <= x.start < hi and x is not head and x is not stock]
    tail = text[stock.end : stock.end + 60]
    return bool(between) or bool(MENU.search(text[lo:hi])) or bool(re.match(r"\s*,\s*(?:\w+\s+){0,2}(?:stock|securities)\b", tail, re.I))
