"""Form C and its variants (C/A, C-U, C-AR, C-TR): crowdfunding issuer, funding portal, offering."""

from __future__ import annotations

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm
from graph.source.values import as_iso, cik_field, date_field, name_field, signer_field
from graph.source.xmlforms.parties import fill_address
from graph.source.xmlforms.xmldoc import XmlDoc

OFFERING_FIELDS = {
    "security_type": "securityOfferedType",
    "security_description": "securityOfferedOtherDesc",
    "number_of_securities": "noOfSecurityOffered",
    "price": "price",
    "price_determination": "priceDeterminationMethod",
    "offering_amount": "offeringAmount",
    "maximum_offering_amount": "maximumOfferingAmount",
    "deadline_date": "deadlineDate",
    "compensation": "compensationAmount",
    "financial_interest": "financialInterest",
}


def parse_form_c(doc: XmlDoc) -> StructuredForm:
    root = doc.root
    form_type = doc.text(root, "headerData/submissionType") or FieldValue("C")
    info = doc.find(root, "formData/issuerInformation")
    issuer_el = doc.find(info, "issuerInfo")
    legal = doc.find(issuer_el, "legalStatus")
    issuer: FormParty | None = None
    name = name_field(doc.text(issuer_el, "nameOfIssuer"))
    if name is not None:
        issuer = FormParty(
            name=name,
            # The filer of a Form C is the issuer itself.
            cik=cik_field(doc.text(root, "headerData/filerInfo/filer/filerCredentials/filerCik")),
            is_person=False,
            role="issuer",
        )
        fill_address(doc, issuer, doc.find(issuer_el, "issuerAddress"))
    form = StructuredForm(
        form_type=form_type,
        issuer=issuer,
        issuer_state_of_incorporation=doc.text(legal, "jurisdictionOrganization"),
        issuer_entity_type=doc.text(legal, "legalStatusForm"),
    )
    # the intermediary: a funding portal or broker-dealer, with its own CIK and commission file number
    # ("007-00001" for portals, "008-" for broker-dealers); older schemas print nameOfPortal
    portal = name_field(doc.text(info, "companyName") or doc.text(info, "nameOfPortal"))
    if portal is not None:
        form.parties.append(
            FormParty(
                name=portal,
                cik=cik_field(doc.text(info, "commissionCik")),
                associated_broker_crd=doc.text(info, "crdNumber"),
                is_person=False,
                role="intermediary",
            )
        )
        file_number = doc.text(info, "commissionFileNumber")
        if file_number is not None:
            form.offering["intermediary_file_number"] = file_number
    offering = doc.find(root, "formData/offeringInformation")
    for key, path in OFFERING_FIELDS.items():
        fv = doc.text(offering, path)
        if fv is not None:
            form.offering[key] = as_iso(fv) if key == "deadline_date" else fv
    kind = form.offering.get("security_type")
    title = form.offering.get("security_description") if kind is not None and kind.value == "Other" else kind
    if title is not None:
        form.securities.append(
            FormSecurity(title=title, shares=form.offering.get("number_of_securities"), price=form.offering.get("price"))
        )
    _signatures(doc, form)
    return form


def _signatures(doc: XmlDoc, form: StructuredForm) -> None:
    """Person signatures (with dates), then the issuer signature when it names someone else."""
    sig = doc.find(doc.root, "formData/signatureInfo")
    seen: set[str] = set()
    for el in doc.findall(sig, "signaturePersons/signaturePerson"):
        name = signer_field(doc.text(el, "personSignature"))
        if name is None:
            continue
        seen.add(name.value.lower())
        form.signatures.append(
            FormSignature(name=name, title=doc.text(el, "personTitle"), date=date_field(doc.text(el, "signatureDate")))
        )
    issuer_sig = doc.find(sig, "issuerSignature")
    name = signer_field(doc.text(issuer_sig, "issuerSignature"))
    if name is not None and name.value.lower() not in seen:
        form.signatures.append(FormSignature(name=name, title=doc.text(issuer_sig, "issuerTitle")))
