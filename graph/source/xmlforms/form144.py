"""Form 144 (notice of proposed sale): issuer, the seller and relationship, securities, broker.

Layout read (EDGAR 144 schema): ``issuerInfo`` (name, CIK, ``secFileNumber``,
address, seller and relationship boxes), one ``securitiesInformation`` row per
class with its ``brokerOrMarketmakerDetails`` (name, address) and
``securitiesExchangeName``, and ``securitiesToBeSold`` rows whose
``natureOfAcquisitionTransaction`` says how the seller got the shares: when
they came from the issuer ("Restricted Stock Units", "Exercise of stock
options"), that names an instrument the issuer granted.
"""

from __future__ import annotations

import re

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm
from graph.source.values import as_iso, cik_field, date_field, name_field, signer_field
from graph.source.xmlforms.parties import fill_address, looks_like_company
from graph.source.xmlforms.xmldoc import XmlDoc


def parse_form_144(doc: XmlDoc) -> StructuredForm:
    root = doc.root
    form_type = doc.text(root, "headerData/submissionType") or FieldValue("144")
    info = doc.find(root, "formData/issuerInfo")
    issuer: FormParty | None = None
    name = name_field(doc.text(info, "issuerName"))
    if name is not None:
        issuer = FormParty(name=name, cik=cik_field(doc.text(info, "issuerCik")), is_person=False, role="issuer")
        fill_address(doc, issuer, doc.find(info, "issuerAddress"))
    form = StructuredForm(form_type=form_type, issuer=issuer)
    file_number = doc.text(info, "secFileNumber")
    if file_number is not None and re.search(r"\d", file_number.value):
        form.offering["file_number"] = file_number
    seller = name_field(doc.text(info, "nameOfPersonForWhoseAccountTheSecuritiesAreToBeSold"))
    if seller is not None:
        party = FormParty(name=seller, role="reporting_owner")
        others: list[FieldValue] = []
        for rel in doc.findall(info, "relationshipsToIssuer/relationshipToIssuer"):
            fv = doc.field(rel)
            if fv is None:
                continue
            kind = fv.value.lower()
            if kind == "director":
                party.is_director = True
            elif kind in ("officer", "executive officer"):
                party.is_officer = True
            elif "10%" in kind or "ten percent" in kind:
                party.is_ten_percent_owner = True
            else:
                others.append(fv)
        if others:
            party.other_text = others[0]
        if party.is_director or party.is_officer:
            party.is_person = True
        elif looks_like_company(seller.value):
            party.is_person = False
        form.parties.append(party)
    brokers: set[str] = set()
    for el in doc.findall(root, "formData/securitiesInformation"):
        title = doc.text(el, "securitiesClassTitle")
        if title is not None:
            form.securities.append(FormSecurity(title=title, shares=doc.text(el, "noOfUnitsSold")))
        broker_el = doc.find(el, "brokerOrMarketmakerDetails")
        broker = doc.text(broker_el, "name")
        if broker is not None and broker.value not in brokers:
            brokers.add(broker.value)
            party = FormParty(name=broker, is_person=False, role="broker")
            fill_address(doc, party, doc.find(broker_el, "address"))
            form.parties.append(party)
        if "approximate_sale_date" not in form.offering:  # the first class row speaks for the notice
            for key, path in (
                ("aggregate_market_value", "aggregateMarketValue"),
                ("units_outstanding", "noOfUnitsOutstanding"),
                ("approximate_sale_date", "approxSaleDate"),
                ("exchange", "securitiesExchangeName"),
            ):
                fv = doc.text(el, path)
                if fv is not None:
                    form.offering[key] = as_iso(fv) if key.endswith("date") else fv
    for el in doc.findall(root, "formData/securitiesToBeSold"):
        nature = doc.text(el, "natureOfAcquisitionTransaction")
        if nature is not None and _from_issuer(doc.text(el, "nameOfPersonfromWhomAcquired"), name):
            form.securities.append(FormSecurity(title=nature, shares=doc.text(el, "amountOfSecuritiesAcquired")))
    notice = doc.find(root, "formData/noticeSignature")
    signer = signer_field(doc.text(notice, "signature"))
    if signer is not None:
        form.signatures.append(FormSignature(name=signer, date=date_field(doc.text(notice, "noticeDate"))))
    return form


def _from_issuer(source: FieldValue | None, issuer: FieldValue | None) -> bool:
    """Acquired from the issuer itself: "Issuer", "The Issuer", "the Company" or the issuer's own name."""
    if source is None:
        return False
    v = re.sub(r"[^a-z0-9 ]", "", source.value.lower()).strip()
    if re.fullmatch(r"(?:the\s+)?(?:issuer|company|registrant)", v):
        return True
    if issuer is None:
        return False
    return _bare(v) == _bare(issuer.value.lower())


def _bare(name: str) -> str:
    """A firm name without punctuation and its legal-form ending ("Apple Inc." -> "apple")."""
    name = re.sub(r"[^a-z0-9 ]", "", name.lower()).strip()
    return re.sub(r"\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|lp)$", "", name)
