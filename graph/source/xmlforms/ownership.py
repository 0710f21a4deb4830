"""Forms 3, 4 and 5 (``<ownershipDocument>``): issuer, reporting owners, holdings and signatures."""

from __future__ import annotations

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


def _security(doc: XmlDoc, el: etree._Element, derivative: bool) -> FormSecurity | None:
    title = doc.value(el, "securityTitle")
    if title is None:
        return None
    shares = doc.value(el, "transactionAmounts/transactionShares")
    if shares is None:  # holdings report what is owned, not a transaction
        shares = doc.value(el, "postTransactionAmounts/sharesOwnedFollowingTransaction")
    return FormSecurity(
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
    )


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
