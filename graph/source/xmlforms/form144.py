"""Form 144 (notice of proposed sale): issuer, the seller and relationship, securities, broker."""

from __future__ import annotations

from graph.model import FieldValue, FormParty, FormSecurity, FormSignature, StructuredForm
from graph.source.values import as_iso, cik_field, date_field, signer_field
from graph.source.xmlforms.parties import fill_address, looks_like_company
from graph.source.xmlforms.xmldoc import XmlDoc


def parse_form_144(doc: XmlDoc) -> StructuredForm:
    root = doc.root
    form_type = doc.text(root, "headerData/submissionType") or FieldValue("144")
    info = doc.find(root, "formData/issuerInfo")
    issuer: FormParty | None = None
    name = doc.text(info, "issuerName")
    if name is not None:
        issuer = FormParty(name=name, cik=cik_field(doc.text(info, "issuerCik")), is_person=False, role="issuer")
        fill_address(doc, issuer, doc.find(info, "issuerAddress"))
    form = StructuredForm(form_type=form_type, issuer=issuer)
    seller = doc.text(info, "nameOfPersonForWhoseAccountTheSecuritiesAreToBeSold")
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
        if not form.offering:
            for key, path in (
                ("aggregate_market_value", "aggregateMarketValue"),
                ("units_outstanding", "noOfUnitsOutstanding"),
                ("approximate_sale_date", "approxSaleDate"),
                ("exchange", "securitiesExchangeName"),
            ):
                fv = doc.text(el, path)
                if fv is not None:
                    form.offering[key] = as_iso(fv) if key.endswith("date") else fv
    notice = doc.find(root, "formData/noticeSignature")
    signer = signer_field(doc.text(notice, "signature"))
    if signer is not None:
        form.signatures.append(FormSignature(name=signer, date=date_field(doc.text(notice, "noticeDate"))))
    return form
