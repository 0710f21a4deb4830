"""Schedules 13D/13G: the XML reader, the feed (.nc) header, the printed schedule title."""

from __future__ import annotations

from pathlib import Path

from graph.model import FieldValue, TextPart
from graph.source import read_source
from graph.source.formtype import guess_form_type
from graph.source.sgmlheader import parse_header
from graph.source.xmlforms import read_xml_form
from graph.source.xmlforms.schedule13 import ReportingPerson, ScheduleSignature

ROOT = Path(__file__).resolve().parents[2]
FILINGS = ROOT / "data" / "filings"


def _v(fv: FieldValue | None) -> str | None:
    return None if fv is None else fv.value


def test_schedule_13g_xml_reporting_persons_and_signatures() -> None:
    doc = read_source(FILINGS / "SCHEDULE13G_JushiHoldings-Marex_2025-11-26.xml")
    form = doc.structured
    assert form is not None and _v(form.form_type) == "SCHEDULE 13G"
    assert form.issuer is not None
    assert (_v(form.issuer.name), _v(form.issuer.cik), _v(form.issuer.zip)) == ("Jushi Holdings Inc.", "1909747", "33431")
    first, second = form.parties
    assert isinstance(first, ReportingPerson) and isinstance(second, ReportingPerson)
    assert (_v(first.name), _v(first.citizenship), first.is_person) == ("Marex Securities Products Inc.", "DE", False)
    assert [t.value for t in second.person_types] == ["OO"] and second.is_person is False
    assert (_v(first.aggregate_amount), _v(first.percent_of_class)) == ("10000000.00", "5.1")
    # Item 2 prints each name, then its address: the postal code is the block's last one, as printed
    assert (_v(first.zip), _v(second.zip)) == ("10017", "EC2M 3TQ")
    assert doc.source_text[second.zip.start : second.zip.end] == "EC2M 3TQ"  # type: ignore[union-attr]
    sig = form.signatures[0]
    assert isinstance(sig, ScheduleSignature)
    # the title is the signer's capacity at the reporting person, not an officer title at the issuer
    assert sig.title is None and _v(sig.capacity) == "COO" and _v(sig.for_person) == "Marex Securities Products Inc."
    assert _v(sig.date) == "2025-11-26"


SCHEDULE_13D_XML = """<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D" xmlns:com="http://www.sec.gov/edgar/common">
  <headerData><submissionType>SCHEDULE 13D/A</submissionType></headerData>
  <formData>
    <coverPageHeader>
      <securitiesClassTitle>Common Stock</securitiesClassTitle>
      <issuerInfo>
        <issuerCIK>0000123456</issuerCIK>
        <issuerName>Quillfeather Robotics Corp.</issuerName>
        <address><com:street1>1 Main St</com:street1><com:city>Austin</com:city>
          <com:stateOrCountry>TX</com:stateOrCountry><com:zipCode>78701</com:zipCode></address>
      </issuerInfo>
    </coverPageHeader>
    <reportingPersons>
      <reportingPersonInfo>
        <reportingPersonCIK>0000999001</reportingPersonCIK>
        <reportingPersonName>Northpine Activist Fund LP</reportingPersonName>
        <citizenshipOrOrganization>E9</citizenshipOrOrganization>
        <aggregateAmountOwned>2500000.00</aggregateAmountOwned>
        <percentOfClass>9.8</percentOfClass>
        <typeOfReportingPerson>PN</typeOfReportingPerson>
      </reportingPersonInfo>
      <reportingPersonInfo>
        <reportingPersonName>Dana Q. Holloway</reportingPersonName>
        <citizenshipOrOrganization>X1</citizenshipOrOrganization>
        <typeOfReportingPerson>IN</typeOfReportingPerson>
      </reportingPersonInfo>
    </reportingPersons>
    <signatureInfo>
      <signaturePerson>
        <signatureReportingPerson>Northpine Activist Fund LP</signatureReportingPerson>
        <signatureDetails><signature>/s/ Dana Q. Holloway</signature><title>Managing Member of its General Partner</title>
          <date>03/14/2025</date></signatureDetails>
      </signaturePerson>
    </signatureInfo>
  </formData>
</edgarSubmission>
"""


def test_schedule_13d_xml_element_names() -> None:
    """The 13D schema names the same things differently (issuerCIK, reportingPersonInfo, signaturePerson)."""
    form, _part = read_xml_form(SCHEDULE_13D_XML, "invented-13d.xml")
    assert _v(form.form_type) == "SCHEDULE 13D/A"
    assert form.issuer is not None and (_v(form.issuer.cik), _v(form.issuer.zip)) == ("123456", "78701")
    fund, person = form.parties
    assert isinstance(fund, ReportingPerson) and isinstance(person, ReportingPerson)
    assert (_v(fund.cik), _v(fund.citizenship), _v(fund.percent_of_class)) == ("999001", "E9", "9.8")
    assert fund.is_person is False and person.is_person is True  # "IN" is an individual
    [sig] = form.signatures
    assert isinstance(sig, ScheduleSignature)
    assert (_v(sig.name), _v(sig.for_person), _v(sig.date)) == ("Dana Q. Holloway", "Northpine Activist Fund LP", "2025-03-14")


def test_feed_submission_header_is_read() -> None:
    """EDGAR feed (.nc) files open with <SUBMISSION> and tag lines, without a <SEC-HEADER> element."""
    doc = read_source(FILINGS / "SC13G_AvidBioservices-GlazerCapital_2024-12-13.nc")
    assert doc.header is not None
    roles = {c.role: c for c in doc.header.companies}
    assert set(roles) == {"SUBJECT COMPANY", "FILED BY"}
    subject = roles["SUBJECT COMPANY"]
    assert (_v(subject.cik), [f.value for f in subject.file_numbers]) == ("704562", ["005-37393"])
    assert _v(roles["FILED BY"].irs_number) == "134032491"
    assert _v(doc.header.form_type) == "SC 13G" and _v(doc.header.filed_as_of) == "2024-12-13"
    assert len(doc.parts) == 1 and "NAME OF REPORTING PERSON" in doc.parts[0].text


def test_feed_header_needs_the_submission_opening() -> None:
    header, end = parse_header("Some text\n<SUBMISSION>\n<TYPE>SC 13G\n<DOCUMENT>\n<TYPE>SC 13G\n")
    assert header is None and end == 0


def _part(text: str) -> TextPart:
    return TextPart(text, list(range(len(text))))


def test_schedule_title_is_the_form_type() -> None:
    fv = guess_form_type(_part("SECURITIES AND EXCHANGE COMMISSION\n\n   SCHEDULE 13D\n(Amendment No. 2)*\n"))
    assert fv is not None and fv.value == "SCHEDULE 13D"
    fv = guess_form_type(_part("UNITED STATES\nSCHEDULE 13G/A\n"))
    assert fv is not None and fv.value == "SCHEDULE 13G/A"


def test_schedule_in_a_sentence_is_not_a_form_type() -> None:
    assert guess_form_type(_part("The holder filed a Schedule 13G with the Commission last year.\n")) is None
