"""Matching keys of fact literals, per FORMAT.md "Matching".

Two literals match when their keys are equal:

* numbers (shares, prices, principal, interest rate) as numbers:
  ``$4.00``, ``4``, ``4.0`` are ``4``; ``7.5%`` is ``7.5``; ``$2.5 million``
  is ``2500000``;
* ``cik``: digits without leading zeros;
* ``commission_file_number``: leading zeros of each dash-separated part
  dropped ("000-10030" is "0-10030");
* dates (``report_date``, and ``maturity``/``expiration`` when dates) as ISO
  8601 dates; durations by value, a year being 12 months and a week 7 days
  ("twelve months", "P12M" and "P1Y" are equal);
* vocabulary words (``issued``, ``exchange``, the ``officer_of`` title) exact
  after case folding;
* ``form_type`` case folded with white space removed, keeping punctuation
  (so "EX-32" and "EX-3.2" stay different);
* any other literal (ticker, IRS number, postal code, state) by
  :func:`graph.normalize.names.name_key`.

A value that does not parse as its relation expects falls back to its
name key, so identical texts still match.
"""

from __future__ import annotations

import re
from datetime import date

from graph.normalize.dates import parse_date
from graph.normalize.durations import duration_months_days, parse_duration
from graph.normalize.money import parse_money
from graph.normalize.names import name_key
from graph.normalize.numbers import format_decimal, parse_number
from graph.normalize.percent import parse_percent

__all__ = ["literal_key", "vocab_key", "MONEY_RELATIONS", "NUMBER_RELATIONS", "DATE_OR_DURATION_RELATIONS"]

MONEY_RELATIONS = frozenset({"price_per_share", "exercise_price", "conversion_price", "principal_amount"})
NUMBER_RELATIONS = MONEY_RELATIONS | {"shares", "interest_rate"}
DATE_OR_DURATION_RELATIONS = frozenset({"maturity", "expiration"})
VOCAB_RELATIONS = frozenset({"issued", "exchange"})


def vocab_key(text: str) -> str:
    """Vocabulary words compare exactly after case folding (white space collapsed)."""
    return " ".join(text.split()).casefold()


def _number_key(relation: str, text: str) -> str | None:
    value = parse_number(text)
    if value is None:
        value = parse_percent(text) if relation == "interest_rate" else parse_money(text)
    return None if value is None else "#" + format_decimal(value)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return parse_date(text)


def _date_or_duration_key(text: str) -> str | None:
    d = _date(text)
    if d is not None:
        return "@" + d.isoformat()
    iso = parse_duration(text)
    if iso is not None:
        value = duration_months_days(iso)
        if value is not None:
            return f"~{format_decimal(value[0])}M{format_decimal(value[1])}D"
    return None


def _file_number_key(text: str) -> str:
    parts = re.sub(r"\s+", "", text.casefold()).split("-")
    return "-".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def literal_key(relation: str, text: str) -> str:
    """Matching key of the literal object of ``relation``."""
    text = str(text).strip()
    key: str | None = None
    if relation in NUMBER_RELATIONS:
        key = _number_key(relation, text)
    elif relation == "cik":
        digits = re.sub(r"\s+", "", text)
        if digits.isdigit():
            key = "#" + (digits.lstrip("0") or "0")
    elif relation == "commission_file_number":
        key = _file_number_key(text)
    elif relation in DATE_OR_DURATION_RELATIONS:
        key = _date_or_duration_key(text)
    elif relation == "report_date":
        d = _date(text)
        key = None if d is None else "@" + d.isoformat()
    elif relation in VOCAB_RELATIONS:
        key = vocab_key(text)
    elif relation == "form_type":
        key = re.sub(r"\s+", "", text.casefold())
    return key if key is not None else name_key(text)
