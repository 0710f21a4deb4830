"""Debt titles: a note's terms printed inside its own name.

Debt is named by a title whose words *are* its terms, in a fixed order that
does not depend on the filer or the era:

    [$AMOUNT [aggregate principal amount of] [the Company's]] [RATE%] [qualifiers] HEAD [due DATE|YEAR]
    HEAD in an aggregate principal amount of $AMOUNT
    $AMOUNT principal amount outstanding under HEAD

("$300,000,000 6 3/4% Notes due May 15, 2002", "$250 million aggregate
principal amount of the Company's 2.350% Senior Notes due 2022", "a $7.0
million term loan note", "notes in an aggregate principal amount of
$250,000,000"). Terms read here belong to *this* mention, not to the nearest
instrument word, so two series in one sentence keep their own rates and
maturities. A title with none of these terms is left to the generic mention
rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.normalize.dates import parse_date
from graph.normalize.money import parse_money
from graph.normalize.numbers import format_decimal
from graph.normalize.percent import parse_percent

_MONEY = r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?i:million|billion))?"
#: "6 3/4%", "6-3/4%", "6¾%", "2.350%", "7.5 percent"
_RATE = r"\d{1,2}(?:\.\d+)?(?:(?:\s+|\s*-\s*)\d{1,2}/\d{1,2}|[¼½¾⅛⅜⅝⅞])?\s*(?:%|(?i:\s+percent))"
#: words a debt title is built from: capitalised words of the title, or the usual lower-case qualifiers
_QUALIFIER = (
    r"(?:(?:[A-Z][\w-]*|\d{4}|(?i:senior|subordinated|junior|secured|unsecured|convertible|exchangeable|promissory|"
    r"fixed|floating|rate|term|loan|revolving|credit|global|medium-term|guaranteed|series\s+[a-z0-9-]+))\s+){0,5}"
)
_HEAD = r"(?P<head>(?i:notes?|debentures?|bonds?))\b"
_DUE = r"(?:,?\s+(?i:due|maturing(?:\s+on|\s+in)?)\s+(?:on\s+)?(?P<due>(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})|(?:[A-Z]{3,9}\s+\d{1,2},\s*\d{4})|(?:19|20)\d{2}\b))?"
_PRE = (
    r"(?:(?P<amt>" + _MONEY + r")\s+(?:(?i:in\s+)?(?i:aggregate\s+)?(?i:original\s+)?"
    r"(?i:principal\s+amount\s+(?:at\s+maturity\s+)?(?:of|outstanding\s+under)\s+)|(?i:of)\s+(?=(?i:its|our|the)\s))?"
    r"(?:(?i:the\s+)?(?:Company|Registrant|company|registrant)['’]s\s+|(?i:its|our|the)\s+)?)?"
)
_POST = r"(?:\s+(?i:in\s+(?:an?\s+|the\s+)?(?:aggregate\s+)?(?:original\s+)?principal\s+amount\s+of)\s+(?P<amt2>" + _MONEY + r"))?"
TITLE = re.compile(r"(?<![\w$.,])" + _PRE + r"(?:(?P<rate>" + _RATE + r")\s+)?" + _QUALIFIER + _HEAD + _DUE + _POST)

#: an amount that is a unit of the terms, not the issue's size ("26.2 shares per $1,000 principal amount of notes",
#: "denominations of $2,000 and integral multiples of $1,000")
_PER_UNIT = re.compile(r"(?:\bper|\beach|\bevery|\bdenominations?\s+of|\bmultiples?\s+of)\s+$", re.I)

#: words that make a title a convertible one
_CONVERTIBLE = re.compile(r"\b(?:convertible|exchangeable)\b", re.I)


@dataclass
class DebtTitle:
    """One debt title with the terms it states (values normalised; spans sentence-relative)."""

    itype: str
    start: int
    end: int
    head_start: int
    principal: list[tuple[str, int, int]]
    rate: tuple[str, int, int] | None
    maturity: tuple[str, int, int] | None


def _type_of(words: str, head: str) -> str:
    h = head.lower()
    if h.startswith("debenture"):
        return "Debenture"
    if h.startswith("bond"):
        return "Bond"
    return "Convertible Note" if _CONVERTIBLE.search(words) else "Note"


def _maturity(text: str) -> str | None:
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return text  # "due 2017": the year (xsd:gYear in the RDF layer)
    d = parse_date(text)
    return d.isoformat() if d else None


def debt_titles(text: str) -> list[DebtTitle]:
    """Debt titles of a sentence that state at least one term (amount, rate or maturity)."""
    out: list[DebtTitle] = []
    for m in TITLE.finditer(text):
        if not (m.group("amt") or m.group("rate") or m.group("due") or m.group("amt2")):
            continue
        if m.group("head").lower() in ("note",) and not (m.group("amt") or m.group("rate") or m.group("due")) and m.group("amt2") is None:
            continue
        principal: list[tuple[str, int, int]] = []
        for g in ("amt", "amt2"):
            if m.group(g) and not _PER_UNIT.search(text[max(0, m.start(g) - 30) : m.start(g)]):
                v = parse_money(m.group(g))
                if v is not None and v >= 1000:  # "$.10 par value" is no principal
                    principal.append((format_decimal(v), m.start(g), m.end(g)))
        rate = None
        if m.group("rate"):
            p = parse_percent(m.group("rate"))
            if p is not None and 0 < p < 30:
                rate = (format_decimal(p), m.start("rate"), m.end("rate"))
        maturity = None
        if m.group("due"):
            v = _maturity(m.group("due"))
            if v:
                maturity = (v, m.start("due"), m.end("due"))
        if not (principal or rate or maturity):
            continue
        words = text[m.start() : m.end("head")]
        out.append(DebtTitle(_type_of(words, m.group("head")), m.start(), m.end(), m.start("head"), principal, rate, maturity))
    return out
