"""Ownership records of structured filings: stakes, trades and offering amounts.

FORMAT.md has no relation for the numbers these forms exist to state (percent
of class, amount beneficially owned, a Form 4's trades, a Form D's amounts),
so they travel beside the facts as :class:`graph.model.OwnershipRecords` and
reach the ontology graph only. Values are normalised here (plain decimals,
ISO dates, upper-case codes); every one keeps the span it was read from.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graph.mentions.registry import EntityRegistry
from graph.model import (
    Amount,
    Evidence,
    FieldValue,
    Holding,
    Quantity,
    StructuredForm,
    Transaction,
)
from graph.normalize.dates import parse_date
from graph.normalize.numbers import format_decimal
from graph.source.xmlforms.ownership import OwnershipRow

#: offering-dict keys (xmlforms readers) -> amount kinds; Form 144's units to be sold come from its securities rows
OFFERING_AMOUNTS = {
    "total_offering_amount": "total_offering_amount",
    "total_amount_sold": "total_amount_sold",
    "total_remaining": "total_remaining",
    "offering_amount": "offering_amount",
    "maximum_offering_amount": "maximum_offering_amount",
    "aggregate_market_value": "aggregate_market_value",
}
_NUMBER = re.compile(r"^\(?\s*(?:US\s?\$|\$|USD)?\s*(-?[\d,]*\.?\d+(?:[eE][+-]?\d+)?)\s*%?\s*\)?$")


def decimal_text(text: str) -> str | None:
    """A structured field's number as a plain decimal ("$1,500,000.00" -> "1500000", "5.2%" -> "5.2")."""
    m = _NUMBER.match(text.strip())
    if m is None:
        return None
    try:
        d = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    return format_decimal(d) if d.is_finite() and d >= 0 else None


def percent_text(text: str) -> str | None:
    """A percent of class, 0-100 ("9.8 %", "9.8%", "Less than 1%" gives None: no number is stated exactly)."""
    value = decimal_text(text)
    if value is None or Decimal(value) > 100:
        return None
    return value


def _ev(doc_id: str, fv: FieldValue | None, method: str, confidence: float = 1.0) -> Evidence | None:
    if fv is None:
        return None
    return Evidence(doc_id, fv.start, fv.end, fv.value, method, confidence)


def quantity(doc_id: str, fv: FieldValue | None, method: str, kind: str = "number", confidence: float = 1.0) -> Quantity | None:
    """A field as a :class:`Quantity` of ``kind`` ("number", "percent", "date", "code"); None when unreadable."""
    if fv is None or not fv.value.strip():
        return None
    raw = fv.value.strip()
    if kind == "number":
        value = decimal_text(raw)
    elif kind == "percent":
        value = percent_text(raw)
    elif kind == "date":
        d = parse_date(raw)
        value = d.isoformat() if d else None
    else:
        value = raw.upper() if re.fullmatch(r"[A-Za-z]{1,3}", raw) else None
    return Quantity(value, _ev(doc_id, fv, method, confidence)) if value is not None else None


def ownership_form_records(
    reg: EntityRegistry, doc_id: str, form: StructuredForm, issuer: str, owners: list[str], method: str
) -> None:
    """Forms 3/4/5: one transaction per trade row, one holding per row's position after it (or holding row)."""
    if not owners:
        return
    # rows of one security and ownership nature are in date order: the last one's "owned following" is the position
    positions: dict[tuple[str, str, str], tuple[OwnershipRow, Quantity, Quantity | None, Evidence]] = {}
    for row in form.securities:
        if not isinstance(row, OwnershipRow):
            continue
        row_ev = Evidence(doc_id, row.row_start, row.row_end, row.title.value, method, 1.0)
        ownership = quantity(doc_id, row.direct_indirect, method, "code")
        after = quantity(doc_id, row.shares_after, method)
        if not row.is_holding:
            reg.records.transactions.append(
                Transaction(
                    owners=list(owners),
                    issuer=issuer,
                    security=row.title.value,
                    derivative=row.derivative,
                    code=quantity(doc_id, row.transaction_code, method, "code"),
                    date=quantity(doc_id, row.transaction_date, method, "date"),
                    shares=quantity(doc_id, row.shares, method),
                    price=quantity(doc_id, row.price, method),
                    acquired_disposed=quantity(doc_id, row.acquired_disposed, method, "code"),
                    ownership=ownership,
                    shares_after=after,
                    evidence=row_ev,
                )
            )
        if after is None or row.derivative:
            continue  # a derivative position is no stake in the issuer's shares
        nature = row.nature_of_ownership.value if row.nature_of_ownership else ""
        positions[(row.title.value, ownership.value if ownership else "", nature)] = (row, after, ownership, row_ev)
    for row, after, ownership, row_ev in positions.values():
        for owner in owners:
            reg.records.holdings.append(
                Holding(holder=owner, issuer=issuer, security=row.title.value, shares=after, ownership=ownership, evidence=row_ev)
            )


def offering_amounts(reg: EntityRegistry, doc_id: str, form: StructuredForm, issuer: str, method: str) -> None:
    """Forms D, C and 144: the offering's amounts; Form 144's shares to be sold from its class rows."""
    for key, kind in OFFERING_AMOUNTS.items():
        fv = form.offering.get(key)
        if fv is None:
            continue
        q = quantity(doc_id, fv, method)
        if q is not None:
            reg.records.amounts.append(Amount(issuer, kind, q))
        elif fv.value.strip().lower() == "indefinite":
            reg.records.amounts.append(Amount(issuer, kind, Quantity("0", _ev(doc_id, fv, method)), indefinite=True))
    if form.form_type.value.upper().split("/")[0] == "144":
        for sec in form.securities[:1]:  # the first class row: the securities to be sold
            q = quantity(doc_id, sec.shares, method)
            if q is not None:
                reg.records.amounts.append(Amount(issuer, "shares_to_be_sold", q))


def stake(
    reg: EntityRegistry,
    holder: str,
    issuer: str,
    *,
    shares: Quantity | None,
    percent: Quantity | None,
    security: str | None = None,
    evidence: Evidence | None = None,
) -> None:
    """A beneficial-ownership stake (13D/13G cover, Ex-21 "% owned"); nothing when no number was read."""
    if holder == issuer or (shares is None and percent is None):
        return
    reg.records.holdings.append(
        Holding(holder=holder, issuer=issuer, security=security, shares=shares, percent=percent, evidence=evidence)
    )
