"""Ownership-form trades and positions, and offering amounts, read from XML fields into ownership records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.mentions.records import decimal_text, percent_text
from tests.mentions.test_structured_forms import FORM_144

# Form 4 (ownershipDocument, 2025 schema): two sales of one class, direct holding after each (invented names)
FORM_4 = """<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0508</schemaVersion>
  <documentType>4</documentType>
  <periodOfReport>2025-01-24</periodOfReport>
  <issuer><issuerCik>0000788888</issuerCik><issuerName>Tallowmere Devices Inc</issuerName>
    <issuerTradingSymbol>TLWM</issuerTradingSymbol></issuer>
  <reportingOwner>
    <reportingOwnerId><rptOwnerCik>0001200001</rptOwnerCik><rptOwnerName>Orlov Dana K.</rptOwnerName></reportingOwnerId>
    <reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship>
  </reportingOwner>
  <nonDerivativeTable>
    <nonDerivativeTransaction>
      <securityTitle><value>Common Stock</value></securityTitle>
      <transactionDate><value>2025-01-23</value></transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode></transactionCoding>
      <transactionAmounts><transactionShares><value>835</value></transactionShares>
        <transactionPricePerShare><value>42.00</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>334646</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>
    <nonDerivativeTransaction>
      <securityTitle><value>Common Stock</value></securityTitle>
      <transactionDate><value>2025-01-24</value></transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode></transactionCoding>
      <transactionAmounts><transactionShares><value>1,436</value></transactionShares>
        <transactionPricePerShare><value>41.4401</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>333210</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>
    <nonDerivativeHolding>
      <securityTitle><value>Common Stock</value></securityTitle>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>12000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
        <natureOfOwnership><value>By Trust</value></natureOfOwnership></ownershipNature>
    </nonDerivativeHolding>
  </nonDerivativeTable>
  <ownerSignature><signatureName>/s/ Dana K. Orlov</signatureName><signatureDate>2025-01-27</signatureDate></ownerSignature>
</ownershipDocument>
"""


@pytest.fixture
def extract_xml(extract, tmp_path):
    def run(text: str, name: str = "form.xml"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return extract(p)

    return run


def test_form4_trades(extract_xml) -> None:
    ex = extract_xml(FORM_4)
    trades = ex.records.transactions
    assert len(trades) == 2
    t = trades[1]
    assert [ex.entities[o].name for o in t.owners] == ["Dana K. Orlov"]
    assert ex.entities[t.issuer].name == "Tallowmere Devices Inc"
    got = tuple(q.value if q else None for q in (t.code, t.date, t.shares, t.price, t.acquired_disposed, t.ownership, t.shares_after))
    assert got == ("S", "2025-01-24", "1436", "41.4401", "D", "D", "333210")
    assert FORM_4[t.price.evidence.start : t.price.evidence.end] == "41.4401"  # type: ignore[union-attr]


def test_form4_positions_after_the_last_trade_and_holding_rows(extract_xml) -> None:
    ex = extract_xml(FORM_4)
    held = sorted((h.shares.value, h.ownership.value) for h in ex.records.holdings)  # type: ignore[union-attr]
    # the direct position is the one after the last trade, not one per trade
    assert held == [("12000", "I"), ("333210", "D")]


def test_form144_amounts(extract_xml) -> None:
    text = FORM_144.format(exchange="NASDAQ", nature="Restricted Stock Vesting", source="Issuer").replace(
        "<noOfUnitsSold>5000</noOfUnitsSold>", "<noOfUnitsSold>5000</noOfUnitsSold><aggregateMarketValue>612500.00</aggregateMarketValue>"
    )
    ex = extract_xml(text)
    amounts = {a.kind: a.value.value for a in ex.records.amounts}
    assert amounts == {"aggregate_market_value": "612500", "shares_to_be_sold": "5000"}


def test_form_d_amounts(extract) -> None:
    ex = extract("D_HashnoteStablecoinFund_0001968399-23-000002.txt")
    amounts = {a.kind: (a.value.value, a.indefinite) for a in ex.records.amounts}
    # a fund's open-ended offering: "Indefinite" instead of a total
    assert amounts["total_offering_amount"] == ("0", True)
    assert amounts["total_amount_sold"] == ("100000", False)
    ex = extract("D_1685-38th-REIT_2023-01-27.xml")
    amounts = {a.kind: a.value.value for a in ex.records.amounts}
    assert amounts == {"total_offering_amount": "125000", "total_amount_sold": "125000", "total_remaining": "0"}


def test_form_c_amounts(extract) -> None:
    from pathlib import Path

    ex = extract(Path(__file__).resolve().parents[1] / "source" / "fixtures" / "C_PickleballEtc_2024-03-22.xml")
    kinds = {a.kind for a in ex.records.amounts}
    assert "offering_amount" in kinds
    assert all(Decimal(a.value.value) > 0 for a in ex.records.amounts if not a.indefinite)


@pytest.mark.parametrize(
    "raw,value",
    [("$1,500,000.00", "1500000"), ("10000000.00", "10000000"), ("0", "0"), ("1.0E7", "10000000"), ("Indefinite", None), ("-5", None)],
)
def test_decimal_text(raw: str, value: str | None) -> None:
    assert decimal_text(raw) == value


def test_percent_text() -> None:
    assert percent_text("9.8 %") == "9.8"
    assert percent_text("101") is None
