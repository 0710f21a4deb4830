"""Schedules 13D and 13G as EDGAR takes them since December 2024 (``SCHEDULE 13D``/``13G`` XML).

Why a reader of its own: a beneficial-ownership report names the *issuer* on
its cover (``issuerInfo``) and one cover block per *reporting person* (13G
``coverPageHeaderReportingPersonDetails``, 13D ``reportingPersons/reportingPersonInfo``)
with the person's citizenship or place of organisation, type code ("IN" is an
individual), amount beneficially owned and percent of class. Signatures are
given per reporting person (13G ``signatureInformation``, 13D
``signatureInfo/signaturePerson``): the signer's title is a title at that
reporting person, never at the issuer. So the title is kept as
:attr:`ScheduleSignature.capacity` next to the person signed for, and the
generic :attr:`FormSignature.title` stays empty (generic form rules read that
one as an officer title at the issuer).

Item 2 lists each filing person's name followed by their address (and
citizenship); the block after a reporting person's name gives their postal code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from graph.model import FieldValue, FormParty, FormSignature, StructuredForm
from graph.normalize.names import name_key
from graph.source.values import cik_field, date_field, name_field, signer_field
from graph.source.xmlforms.parties import looks_like_company
from graph.source.xmlforms.xmldoc import XmlDoc

#: submission types this reader takes (amendments included)
SCHEDULE13_TYPES = frozenset(("SCHEDULE 13D", "SCHEDULE 13G", "SCHEDULE 13D/A", "SCHEDULE 13G/A"))

#: US ZIP codes, and the UK and Canadian postcodes printed in foreign filers' addresses
POSTAL_CODE = re.compile(
    r"(?<![\w-])(?:(?P<zip>\d{5})(?:-\d{4})?|(?P<uk>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})|(?P<ca>[A-Z]\d[A-Z]\s?\d[A-Z]\d))(?![\w-])"
)


@dataclass
class ReportingPerson(FormParty):
    """One cover block of a Schedule 13D/13G: a reporting person and what it reports owning."""

    citizenship: FieldValue | None = None  # code ("DE", "X0") or words, as printed
    person_types: list[FieldValue] = field(default_factory=list)  # "IN", "CO", "IA", ...
    aggregate_amount: FieldValue | None = None  # shares beneficially owned, as printed
    percent_of_class: FieldValue | None = None  # percent of the class, as printed


@dataclass
class ScheduleSignature(FormSignature):
    """A signature given for one reporting person, with the signer's capacity there."""

    capacity: FieldValue | None = None  # the title as printed ("COO", "Attorney-in-Fact")
    for_person: FieldValue | None = None  # the reporting person signed for


def is_schedule13(kind: str) -> bool:
    return kind.strip().upper() in SCHEDULE13_TYPES


def _first(doc: XmlDoc, el: etree._Element | None, *paths: str) -> FieldValue | None:
    for path in paths:
        fv = doc.text(el, path)
        if fv is not None:
            return fv
    return None


def _sub_field(doc: XmlDoc, whole: FieldValue, start: int, end: int) -> FieldValue:
    """Part ``[start:end]`` of a field's value, with its own span when the value is printed verbatim."""
    value = whole.value[start:end]
    if doc.source_text[whole.start : whole.end] == whole.value:
        return FieldValue(value, whole.start + start, whole.start + end)
    return FieldValue(value, whole.start, whole.end)


def postal_code_in(doc: XmlDoc, block: FieldValue) -> FieldValue | None:
    """The last postal code of an address block (street numbers come first, the code last)."""
    last = None
    for m in POSTAL_CODE.finditer(block.value):
        last = m
    if last is None:
        return None
    return _sub_field(doc, block, last.start(), last.end())


def blocks_by_person(doc: XmlDoc, text: FieldValue | None, names: list[str]) -> dict[str, FieldValue]:
    """Split an Item 2 text into the lines following each reporting person's name (keyed by name_key).

    Layout: a name on its own line, then that person's address or citizenship
    lines, then the next name. A text naming no reporting person gives nothing.
    """
    if text is None:
        return {}
    wanted = {name_key(n): n for n in names}
    out: dict[str, FieldValue] = {}
    current: str | None = None
    block_start = 0
    pos = 0
    lines = text.value.split("\n")
    spans: list[tuple[int, int, str]] = []
    for line in lines:
        spans.append((pos, pos + len(line), line))
        pos += len(line) + 1

    def close(end: int) -> None:
        if current is not None and end > block_start:
            chunk = text.value[block_start:end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail > lead:
                out.setdefault(current, _sub_field(doc, text, block_start + lead, block_start + trail))

    for s, e, line in spans:
        key = name_key(line)
        hit = next((k for k in wanted if key and (key == k or key.startswith(k))), None)
        if hit is None:
            continue
        close(s)
        current = hit
        block_start = e + 1 if key == hit else s  # a line with more than the name keeps it
    close(len(text.value))
    return out


def _types(doc: XmlDoc, el: etree._Element) -> list[FieldValue]:
    out = []
    for t in doc.findall(el, "typeOfReportingPerson"):
        fv = doc.field(t)
        if fv is not None:
            out.extend(
                _sub_field(doc, fv, m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{2}", fv.value)
            )
    return out


def _person(doc: XmlDoc, el: etree._Element) -> ReportingPerson | None:
    name = name_field(doc.text(el, "reportingPersonName"))
    if name is None:
        return None
    person = ReportingPerson(
        name=name,
        cik=cik_field(_first(doc, el, "reportingCik", "reportingPersonCIK", "reportingPersonCik")),
        role="reporting_owner",
        citizenship=doc.text(el, "citizenshipOrOrganization"),
        person_types=_types(doc, el),
        aggregate_amount=_first(
            doc, el, "reportingPersonBeneficiallyOwnedAggregateNumberOfShares", "aggregateAmountOwned"
        ),
        percent_of_class=_first(doc, el, "classPercent", "percentOfClass"),
    )
    codes = {t.value.upper() for t in person.person_types}
    if codes:
        person.is_person = codes == {"IN"}  # an individual; any other code is an organisation
    else:
        person.is_person = not looks_like_company(name.value)
    return person


def _issuer(doc: XmlDoc, info: etree._Element | None) -> FormParty | None:
    name = name_field(doc.text(info, "issuerName"))
    if name is None:
        return None
    issuer = FormParty(name=name, cik=cik_field(_first(doc, info, "issuerCik", "issuerCIK")), is_person=False, role="issuer")
    for path in ("issuerPrincipalExecutiveOfficeAddress", "address"):
        addr = doc.find(info, path)
        if addr is not None:
            issuer.street = doc.text(addr, "street1")
            issuer.city = doc.text(addr, "city")
            issuer.state = doc.text(addr, "stateOrCountry")
            issuer.zip = doc.text(addr, "zipCode")
            break
    return issuer


def _signatures(doc: XmlDoc, root: etree._Element) -> list[ScheduleSignature]:
    out: list[ScheduleSignature] = []
    groups = [(g, doc.text(g, "reportingPersonName")) for g in doc.findall(root, "formData/signatureInformation")]
    groups += [
        (g, doc.text(g, "signatureReportingPerson")) for g in doc.findall(root, "formData/signatureInfo/signaturePerson")
    ]
    for group, for_person in groups:
        for det in doc.findall(group, "signatureDetails"):
            name = signer_field(doc.text(det, "signature"))
            if name is None:
                continue
            out.append(
                ScheduleSignature(
                    name=name,
                    date=date_field(doc.text(det, "date")),
                    capacity=doc.text(det, "title"),
                    for_person=for_person,
                )
            )
    return out


def parse_schedule13(doc: XmlDoc) -> StructuredForm:
    """Issuer, reporting persons (with Item 2 postal codes) and per-person signatures."""
    root = doc.root
    form_type = doc.text(root, "headerData/submissionType") or FieldValue("SCHEDULE 13G")
    cover = doc.find(root, "formData/coverPageHeader")
    form = StructuredForm(
        form_type=form_type,
        issuer=_issuer(doc, doc.find(cover, "issuerInfo")),
        class_title=_first(doc, cover, "securitiesClassTitle", "issuerInfo/securitiesClassTitle"),
    )
    rows = doc.findall(root, "formData/coverPageHeaderReportingPersonDetails")
    rows += doc.findall(root, "formData/reportingPersons/reportingPersonInfo")
    persons = [p for p in (_person(doc, el) for el in rows) if p is not None]
    names = [p.name.value for p in persons]
    item2 = doc.find(root, "formData/items/item2")
    if item2 is None:
        item2 = doc.find(root, "formData/items1To7/item2")
    addresses = blocks_by_person(
        doc, _first(doc, item2, "principalBusinessOfficeOrResidenceAddress", "principalBusinessAddress"), names
    )
    citizenships = blocks_by_person(doc, doc.text(item2, "citizenship"), names)
    for p in persons:
        key = name_key(p.name.value)
        if key in addresses:
            p.zip = postal_code_in(doc, addresses[key])
        if p.citizenship is None and key in citizenships:
            p.citizenship = citizenships[key]
    form.parties.extend(persons)
    form.signatures.extend(_signatures(doc, root))
    return form
