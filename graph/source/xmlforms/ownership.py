"""Forms 3, 4 and 5 (``<ownershipDocument>``): issuer, reporting owners, holdings and signatures."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm
from graph.source.values import cik_field, date_field, name_field, signer_field
from graph.source.xmlforms.parties import fill_address, looks_like_company
from graph.source.xmlforms.xmldoc import XmlDoc

_ROWS = (
    ("nonDerivativeTable/nonDerivativeTransaction", False),
    ("nonDerivativeTable/nonDerivativeHolding", False),
    ("derivativeTable/derivativeTransaction", True),
    ("derivativeTable/derivativeHolding", True),
)


@dataclass
class OwnershipRow(FormSecurity):
    """A row of Table I or II: what the generic security says, plus the trade and the holding after it.

    Holding rows (``nonDerivativeHolding``) have no transaction: ``is_holding``
    is set, and ``shares_after`` is what is owned.
    """

    is_holding: bool = False
    transaction_date: FieldValue | None = None  # ISO 8601 in .value where parseable
    acquired_disposed: FieldValue | None = None  # "A" or "D"
    shares_after: FieldValue | None = None  # sharesOwnedFollowingTransaction
    direct_indirect: FieldValue | None = None  # "D" or "I"
    nature_of_ownership: FieldValue | None = None  # "By Trust", ...
    row_start: int = 0
    row_end: int = 0


def _owner(doc: XmlDoc, el: etree._Element) -> FormParty | None:
    name = name_field(doc.text(el, "reportingOwnerId/rptOwnerName"))
    if name is None:
        return None
    rel = doc.find(el, "reportingOwnerRelationship")
    party = FormParty(
        name=name,
        cik=cik_field(doc.text(el, "reportingOwnerId/rptOwnerCik")),
        is_director=doc.flag(rel, "isDirector"),
        is_officer=doc.flag(rel, "isOfficer"),
        is_ten_percent_owner=doc.flag(rel, "isTenPercentOwner"),
        officer_title=doc.text(rel, "officerTitle"),
        other_text=doc.text(rel, "otherText"),
        role="reporting_owner",
    )
    fill_address(doc, party, doc.find(el, "reportingOwnerAddress"), prefix="rptOwner")
    # Only natural persons are officers or directors; a legal-form word marks a company.
    if party.is_director or party.is_officer:
        party.is_person = True
    elif looks_like_company(name.value):
        party.is_person = False
    return party


def _security(doc: XmlDoc, el: etree._Element, derivative: bool) -> OwnershipRow | None:
    title = doc.value(el, "securityTitle")
    if title is None:
        return None
    shares = doc.value(el, "transactionAmounts/transactionShares")
    if shares is None:  # holdings report what is owned, not a transaction
        shares = doc.value(el, "postTransactionAmounts/sharesOwnedFollowingTransaction")
    return OwnershipRow(
        title=title,
        derivative=derivative,
        transaction_code=doc.text(el, "transactionCoding/transactionCode"),
        shares=shares,
        price=doc.value(el, "transactionAmounts/transactionPricePerShare"),
        exercise_price=doc.value(el, "conversionOrExercisePrice"),
        exercise_date=date_field(doc.value(el, "exerciseDate")),
        expiration_date=date_field(doc.value(el, "expirationDate")),
        underlying_title=doc.value(el, "underlyingSecurity/underlyingSecurityTitle"),
        underlying_shares=doc.value(el, "underlyingSecurity/underlyingSecurityShares"),
        is_holding=el.tag.endswith("Holding"),
        transaction_date=date_field(doc.value(el, "transactionDate")),
        acquired_disposed=doc.value(el, "transactionAmounts/transactionAcquiredDisposedCode"),
        shares_after=doc.value(el, "postTransactionAmounts/sharesOwnedFollowingTransaction"),
        direct_indirect=doc.value(el, "ownershipNature/directOrIndirectOwnership"),
        nature_of_ownership=doc.value(el, "ownershipNature/natureOfOwnership"),
        row_start=title.start,
        row_end=max(title.end, *(fv.end for fv in _row_values(doc, el))),
    )


def _row_values(doc: XmlDoc, el: etree._Element) -> list[FieldValue]:
    return [fv for sub in el.iter() if isinstance(sub.tag, str) for fv in [doc.field(sub)] if fv is not None]


def parse_ownership(doc: XmlDoc) -> StructuredForm:
    root = doc.root
    form_type = doc.text(root, "documentType") or FieldValue("4")
    issuer_el = doc.find(root, "issuer")
    issuer_name = name_field(doc.text(issuer_el, "issuerName"))
    issuer = (
        FormParty(name=issuer_name, cik=cik_field(doc.text(issuer_el, "issuerCik")), is_person=False, role="issuer")
        if issuer_name is not None
        else None
    )
    form = StructuredForm(
        form_type=form_type,
        issuer=issuer,
        issuer_ticker=doc.text(issuer_el, "issuerTradingSymbol"),
        period=date_field(doc.text(root, "periodOfReport")),
    )
    for el in doc.findall(root, "reportingOwner"):
        owner = _owner(doc, el)
        if owner is not None:
            form.parties.append(owner)
    for path, derivative in _ROWS:
        for el in doc.findall(root, path):
            sec = _security(doc, el, derivative)
            if sec is not None:
                form.securities.append(sec)
    for el in doc.findall(root, "ownerSignature"):
        name = signer_field(doc.text(el, "signatureName"))
        if name is not None:
            form.signatures.append(FormSignature(name=name, date=date_field(doc.text(el, "signatureDate"))))
    return form
