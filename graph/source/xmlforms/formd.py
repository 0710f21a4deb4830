"""Form D (``<edgarSubmission>`` with ``submissionType`` D or D/A): issuer, related persons, brokers, offering."""

from __future__ import annotations

from lxml import etree

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm
from graph.source.values import as_iso, cik_field, date_field, name_field
from graph.source.xmlforms.parties import fill_address, joined_name, looks_like_company
from graph.source.xmlforms.xmldoc import XmlDoc

#: typesOfSecuritiesOffered flags to the labels printed on the paper Form D.
SECURITY_TYPES = {
    "isEquityType": "Equity",
    "isDebtType": "Debt",
    "isOptionToAcquireType": "Option, Warrant or Other Right to Acquire Another Security",
    "isSecurityToBeAcquiredType": "Security to be Acquired Upon Exercise of Option, Warrant or Other Right",
    "isPooledInvestmentFundType": "Pooled Investment Fund Interests",
    "isTenantInCommonType": "Tenant-in-Common Securities",
    "isMineralPropertyType": "Mineral Property Securities",
    "isBusinessCombinationType": "Business Combination Transaction",
}
#: offering dict key -> path under offeringData.
OFFERING_FIELDS = {
    "industry_group": "industryGroup/industryGroupType",
    "date_of_first_sale": "typeOfFiling/dateOfFirstSale/value",
    "is_amendment": "typeOfFiling/newOrAmendment/isAmendment",
    "minimum_investment": "minimumInvestmentAccepted",
    "total_offering_amount": "offeringSalesAmounts/totalOfferingAmount",
    "total_amount_sold": "offeringSalesAmounts/totalAmountSold",
    "total_remaining": "offeringSalesAmounts/totalRemaining",
    "number_of_investors": "investors/totalNumberAlreadyInvested",
    "sales_commissions": "salesCommissionsFindersFees/salesCommissions/dollarAmount",
    "finders_fees": "salesCommissionsFindersFees/findersFees/dollarAmount",
    "gross_proceeds_used": "useOfProceeds/grossProceedsUsed/dollarAmount",
}
_NONE = frozenset(("none", "n/a", "na", ""))


def _issuer(doc: XmlDoc, el: etree._Element | None) -> FormParty | None:
    name = name_field(doc.text(el, "entityName"))
    if name is None:
        return None
    party = FormParty(name=name, cik=cik_field(doc.text(el, "cik")), is_person=False, role="issuer")
    fill_address(doc, party, doc.find(el, "issuerAddress"))
    return party


def _related_person(doc: XmlDoc, el: etree._Element) -> FormParty | None:
    name_el = doc.find(el, "relatedPersonName")
    name = joined_name([doc.text(name_el, "firstName"), doc.text(name_el, "middleName"), doc.text(name_el, "lastName")])
    if name is None:
        return None
    party = FormParty(name=name, is_person=True, role="related_person")
    for rel in doc.findall(el, "relatedPersonRelationshipList/relationship"):
        fv = doc.field(rel)
        kind = fv.value.lower() if fv else ""
        if kind == "executive officer":
            party.is_officer = True
            party.officer_title = fv  # Form D prints no title beyond "Executive Officer"
        elif kind == "director":
            party.is_director = True
        elif kind == "promoter":
            party.is_promoter = True
    party.other_text = doc.text(el, "relationshipClarification")
    fill_address(doc, party, doc.find(el, "relatedPersonAddress"))
    return party


def _recipient(doc: XmlDoc, el: etree._Element) -> FormParty | None:
    name = name_field(doc.text(el, "recipientName"))
    broker = name_field(doc.text(el, "associatedBDName"))
    if broker is not None and broker.value.lower() in _NONE:
        broker = None
    if name is None or name.value.lower() in _NONE:
        name = broker  # only the broker-dealer is named
    if name is None:
        return None
    crd = doc.text(el, "associatedBDCRDNumber")
    party = FormParty(
        name=name,
        associated_broker=broker,
        associated_broker_crd=crd if crd is not None and crd.value.lower() not in _NONE else None,
        role="sales_compensation",
    )
    if (broker is not None and name.value == broker.value) or looks_like_company(name.value):
        party.is_person = False
    elif broker is not None:
        party.is_person = True  # an individual registered representative of the named broker-dealer
    fill_address(doc, party, doc.find(el, "recipientAddress"))
    return party


def _securities(doc: XmlDoc, offering: etree._Element | None) -> list[FormSecurity]:
    types = doc.find(offering, "typesOfSecuritiesOffered")
    out: list[FormSecurity] = []
    for flag, label in SECURITY_TYPES.items():
        el = doc.find(types, flag)
        fv = doc.field(el)
        if fv is not None and fv.value.lower() == "true":
            out.append(FormSecurity(title=FieldValue(label, fv.start, fv.end)))
    other = doc.text(types, "descriptionOfOtherType")
    if other is not None:
        out.append(FormSecurity(title=other))
    return out


def parse_form_d(doc: XmlDoc) -> StructuredForm:
    root = doc.root
    form_type = doc.text(root, "submissionType") or FieldValue("D")
    primary = doc.find(root, "primaryIssuer")
    form = StructuredForm(
        form_type=form_type,
        issuer=_issuer(doc, primary),
        issuer_state_of_incorporation=doc.text(primary, "jurisdictionOfInc"),
        issuer_entity_type=doc.text(primary, "entityType"),
    )
    for el in doc.findall(root, "relatedPersonsList/relatedPersonInfo"):
        person = _related_person(doc, el)
        if person is not None:
            form.parties.append(person)
    offering = doc.find(root, "offeringData")
    for el in doc.findall(offering, "salesCompensationList/recipient"):
        recipient = _recipient(doc, el)
        if recipient is not None:
            form.parties.append(recipient)
    form.securities = _securities(doc, offering)
    for key, path in OFFERING_FIELDS.items():
        fv = doc.text(offering, path)
        if fv is not None:
            form.offering[key] = as_iso(fv) if key.startswith("date") else fv
    exemptions = [doc.field(e) for e in doc.findall(offering, "federalExemptionsExclusions/item")]
    present = [e for e in exemptions if e is not None]
    if present:
        form.offering["exemptions"] = FieldValue(", ".join(e.value for e in present), present[0].start, present[-1].end)
    for el in doc.findall(offering, "signatureBlock/signature"):
        name = doc.text(el, "nameOfSigner") or doc.text(el, "signatureName")
        if name is not None:
            form.signatures.append(
                FormSignature(name=name, title=doc.text(el, "signatureTitle"), date=date_field(doc.text(el, "signatureDate")))
            )
    return form
