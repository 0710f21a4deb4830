"""EDGAR SGML submissions: header fields with spans, one part per <DOCUMENT>."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import FieldValue, HeaderCompany, SourceDocument
from graph.source import read_source

FILINGS = Path(__file__).resolve().parents[2] / "data" / "filings"


def _read(name: str) -> SourceDocument:
    return read_source(FILINGS / name)


def _printed(doc: SourceDocument, fv: FieldValue | None) -> str:
    assert fv is not None
    return doc.source_text[fv.start : fv.end]


def _company(doc: SourceDocument, role: str) -> HeaderCompany:
    assert doc.header is not None
    matches = [c for c in doc.header.companies if c.role == role]
    assert len(matches) == 1
    return matches[0]


def test_cisco_header() -> None:
    doc = _read("8-K_CiscoSystems_0000891618-95-000727.txt")
    h = doc.header
    assert h is not None
    assert h.accession is not None and h.accession.value == "0000891618-95-000727"
    assert h.form_type is not None and h.form_type.value == "8-K"
    assert h.filed_as_of is not None and h.filed_as_of.value == "1995-12-06"
    assert _printed(doc, h.filed_as_of) == "19951206"
    assert h.period is not None and h.period.value == "1995-09-29"
    filer = _company(doc, "FILER")
    assert filer.name is not None and filer.name.value == "CISCO SYSTEMS INC"
    assert filer.cik is not None and filer.cik.value == "858877"
    assert _printed(doc, filer.cik) == "858877"  # span covers the significant digits
    assert filer.irs_number is not None and filer.irs_number.value == "770059951"
    assert filer.state_of_incorporation is not None and filer.state_of_incorporation.value == "CA"
    assert [f.value for f in filer.file_numbers] == ["000-18225"]
    assert filer.sic is not None and filer.sic.value.endswith("[3577]")
    assert filer.fiscal_year_end is not None and filer.fiscal_year_end.value == "0731"
    assert filer.business_address is not None and filer.mail_address is not None
    assert filer.business_address.street is not None and filer.business_address.street.value == "170 W TASMAN DR"
    assert filer.business_address.zip is not None and filer.business_address.zip.value == "95134"
    assert filer.business_address.phone is not None and filer.business_address.phone.value == "4085264000"
    assert filer.mail_address.zip is not None and filer.mail_address.zip.value == "95134-1706"
    for fv in (filer.name, filer.irs_number, filer.state_of_incorporation, filer.business_address.city):
        assert fv is not None and _printed(doc, fv) == fv.value
    assert doc.form_type is not None and doc.form_type.value == "8-K"
    assert [(p.doc_type, p.kind) for p in doc.parts] == [("8-K", "text"), ("EX-20.1", "text")]
    assert doc.parts[0].description == "FORM 8-K - DATED OF REPORT SEPTEMBER 29, 1995"
    body = doc.parts[0].text
    assert "CISCO SYSTEMS, INC." in body and "77-0059951" in body and "<PAGE>" not in body


def test_apple_computer_header_and_parts() -> None:
    doc = _read("8-K_AppleComputer_0000912057-00-002128.txt")
    filer = _company(doc, "FILER")
    assert filer.name is not None and filer.name.value == "APPLE COMPUTER INC"
    assert filer.cik is not None and filer.cik.value == "320193"
    assert filer.irs_number is not None and filer.irs_number.value == "942404110"
    assert [f.value for f in filer.file_numbers] == ["000-10030"]
    assert filer.business_address is not None and filer.business_address.street is not None
    assert filer.business_address.street.value == "1 INFINITE LOOP"
    assert doc.header is not None and doc.header.filed_as_of is not None
    assert doc.header.filed_as_of.value == "2000-01-24"
    assert [p.doc_type for p in doc.parts] == ["8-K", "EX-99.1"]
    assert "Apple Computer, Inc." in doc.parts[0].text


def test_productivity_tech_subject_company_and_reporting_owner_tags() -> None:
    doc = _read("4_ProductivityTech_0001094891-00-000193.txt")
    subject = _company(doc, "SUBJECT COMPANY")
    assert subject.cik is not None and subject.cik.value == "911787"
    assert subject.state_of_incorporation is not None and subject.state_of_incorporation.value == "DE"
    # printed "PRODUCTIVITY TECHNOLOGIES CORP /DE": EDGAR's state tag is not part of the name
    assert [f.value for f in subject.former_names] == ["PRODUCTIVITY TECHNOLOGIES CORP"]
    assert _printed(doc, subject.former_names[0]) == "PRODUCTIVITY TECHNOLOGIES CORP"
    owner = _company(doc, "REPORTING-OWNER")  # an <REPORTING-OWNER> ... </REPORTING-OWNER> block
    assert owner.name is not None and owner.name.value == "FOSTER ALAN H"
    assert owner.cik is not None and owner.cik.value == "1050609"
    assert owner.sic is None  # printed as " []"
    assert doc.form_type is not None and doc.form_type.value == "4"
    text = doc.parts[0].text
    assert "<S>" not in text and "<TABLE>" not in text
    assert "Options to Purchase Co|$1.375" in text


def test_expertelligence_html_documents_inside_sgml() -> None:
    doc = _read("8-K_ExperTelligence_0001213900-09-002194.txt")
    filer = _company(doc, "FILER")
    assert filer.cik is not None and filer.cik.value == "723533"
    assert filer.state_of_incorporation is not None and filer.state_of_incorporation.value == "NV"
    assert [f.value for f in filer.former_names] == ["ORIGINAL COMPUTER CAMP INC"]
    assert [(p.doc_type, p.kind) for p in doc.parts] == [("8-K", "html"), ("EX-16.1", "html")]
    main = doc.parts[0].text
    assert "<div" not in main and "&#160;" not in main
    assert "Nevada | 0-11596 | 95-3506403" in main
    assert "By: /s/ Jason Smart\nJason Smart, CEO, CFO, Chairman" in main
    assert doc.parts[1].text.startswith("EXHIBIT 16.1")


def test_page_america_without_header() -> None:
    doc = _read("S-3A_PageAmericaGroup_0000899681-95-000096.txt")
    assert doc.fmt == "sgml"
    assert doc.header is None
    assert doc.form_type is not None and doc.form_type.value == "S-3/A"
    assert _printed(doc, doc.form_type) == "S-3/A"  # from the first <TYPE>
    assert doc.parts[0].doc_type == "S-3/A"
    assert "PAGE AMERICA GROUP, INC." in doc.parts[0].text
    assert "13-2865787" in doc.parts[0].text


def test_24f2nt_two_documents_and_period() -> None:
    doc = _read("24F-2NT_CommonSenseTrust_0000950129-95-001652.txt")
    assert doc.header is not None and doc.header.period is not None
    assert doc.header.period.value == "1995-10-31"
    filer = _company(doc, "FILER")
    assert filer.name is not None and filer.name.value == "COMMON SENSE TRUST"
    assert filer.sic is None and filer.irs_number is None
    assert [p.doc_type for p in doc.parts] == ["24F-2NT", "EX-99.11"]


def test_ims_header_and_uuencoded_graphic(tmp_path: Path) -> None:
    text = (
        "<IMS-DOCUMENT>0000950123-94-000001.txt : 19940105\n"
        "<IMS-HEADER>0000950123-94-000001.hdr.sgml : 19940105\n"
        "ACCESSION NUMBER:\t\t0000950123-94-000001\n"
        "CONFORMED SUBMISSION TYPE:\t10-Q\n"
        "FILED AS OF DATE:\t\t19940104\n"
        "\n"
        "FILER:\n"
        "\n"
        "\tCOMPANY DATA:\t\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000012345\n"
        "</IMS-HEADER>\n"
        "<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\nQuarterly report text.\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<TEXT>\nbegin 644 logo.jpg\nM_]C_X``02D9)\nend\n</TEXT>\n</DOCUMENT>\n"
        "</IMS-DOCUMENT>\n"
    )
    f = tmp_path / "old.txt"
    f.write_text(text)
    doc = read_source(f)
    assert doc.header is not None
    assert doc.header.filed_as_of is not None and doc.header.filed_as_of.value == "1994-01-04"
    filer = _company(doc, "FILER")
    assert filer.cik is not None and filer.cik.value == "12345"
    assert [(p.doc_type, p.text) for p in doc.parts] == [("10-Q", "Quarterly report text."), ("GRAPHIC", "")]


def test_embedded_xml_form_4_is_parsed_structurally(tmp_path: Path) -> None:
    xml = (FILINGS / "4_374Water_2025-05-02.xml").read_text()
    text = (
        "<SEC-DOCUMENT>0001.txt : 20250502\n<SEC-HEADER>0001.hdr.sgml : 20250502\n"
        "ACCESSION NUMBER:\t\t0000000000-25-000001\nCONFORMED SUBMISSION TYPE:\t4\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<FILENAME>form4.xml\n<TEXT>\n<XML>\n" + xml + "</XML>\n</TEXT>\n</DOCUMENT>\n"
    )
    f = tmp_path / "form4.txt"
    f.write_text(text)
    doc = read_source(f)
    assert doc.structured is not None
    issuer = doc.structured.issuer
    assert issuer is not None and issuer.cik is not None and issuer.cik.value == "933972"
    assert doc.source_text[issuer.cik.start : issuer.cik.end] == "933972"
    assert doc.parts[0].kind == "xml" and "issuerName: 374Water Inc." in doc.parts[0].text


@pytest.mark.parametrize(
    "name",
    [
        "8-K_CiscoSystems_0000891618-95-000727.txt",
        "8-K_AppleComputer_0000912057-00-002128.txt",
        "4_ProductivityTech_0001094891-00-000193.txt",
        "8-K_ExperTelligence_0001213900-09-002194.txt",
        "24F-2NT_CommonSenseTrust_0000950129-95-001652.txt",
    ],
)
def test_every_header_value_span_points_at_its_printed_text(name: str) -> None:
    doc = _read(name)
    assert doc.header is not None
    for c in doc.header.companies:
        fields = [c.name, c.sic, c.irs_number, c.state_of_incorporation, c.fiscal_year_end, c.form_type, c.cik]
        fields += c.file_numbers + c.former_names
        for addr in (c.business_address, c.mail_address):
            if addr is not None:
                fields += [addr.street, addr.city, addr.state, addr.zip, addr.phone]
        for fv in fields:
            if fv is not None:
                assert _printed(doc, fv) == fv.value
