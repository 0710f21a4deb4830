"""Facts of XML forms read from their fields: Form 144 notices and ownership-form signatures.

Fragments follow the EDGAR schemas as filed (144: issuerInfo / securitiesInformation /
securitiesToBeSold; 3/4/5: ownershipDocument); names are invented where a test is about
the layout, and the real 2023 Form 144 fixture is a second filer of the same layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.mentions.structured import broker_firm, signer_name
from tests.conftest import rows_of

FIXTURES = Path(__file__).resolve().parents[1] / "source" / "fixtures"

FORM_144 = """<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/ownership" xmlns:ns2="http://www.sec.gov/edgar/common">
  <headerData><submissionType>144</submissionType></headerData>
  <formData>
    <issuerInfo>
      <issuerCik>0001234567</issuerCik>
      <issuerName>Quillfeather Robotics Inc.</issuerName>
      <secFileNumber>001-41234</secFileNumber>
      <issuerAddress><ns2:street1>1 Main St</ns2:street1><ns2:city>Boise</ns2:city>
        <ns2:stateOrCountry>ID</ns2:stateOrCountry><ns2:zipCode>83702</ns2:zipCode></issuerAddress>
      <nameOfPersonForWhoseAccountTheSecuritiesAreToBeSold>MARGOT VELLACOURT</nameOfPersonForWhoseAccountTheSecuritiesAreToBeSold>
      <relationshipsToIssuer><relationshipToIssuer>Officer</relationshipToIssuer></relationshipsToIssuer>
    </issuerInfo>
    <securitiesInformation>
      <securitiesClassTitle>Common</securitiesClassTitle>
      <brokerOrMarketmakerDetails>
        <name>Harrowgate Securities LLC Private Client Group</name>
        <address><ns2:street1>2 Harbor Plaza</ns2:street1><ns2:city>Jersey City</ns2:city>
          <ns2:stateOrCountry>NJ</ns2:stateOrCountry><ns2:zipCode>07311</ns2:zipCode></address>
      </brokerOrMarketmakerDetails>
      <noOfUnitsSold>5000</noOfUnitsSold>
      <approxSaleDate>03/02/2026</approxSaleDate>
      <securitiesExchangeName>{exchange}</securitiesExchangeName>
    </securitiesInformation>
    <securitiesToBeSold>
      <securitiesClassTitle>Common</securitiesClassTitle>
      <natureOfAcquisitionTransaction>{nature}</natureOfAcquisitionTransaction>
      <nameOfPersonfromWhomAcquired>{source}</nameOfPersonfromWhomAcquired>
      <amountOfSecuritiesAcquired>5000</amountOfSecuritiesAcquired>
    </securitiesToBeSold>
    <noticeSignature><noticeDate>03/02/2026</noticeDate><signature>/s/ Margot Vellacourt</signature></noticeSignature>
  </formData>
</edgarSubmission>
"""


@pytest.fixture
def extract_xml(extract, tmp_path):
    def run(text: str, name: str = "notice.xml"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return extract(p)

    return run


def test_form_144_issuer_listing_broker_and_granted_instrument(extract_xml) -> None:
    rows = rows_of(extract_xml(FORM_144.format(exchange="NYSE", nature="Restricted Stock Units", source="Issuer")))
    issuer = "Quillfeather Robotics Inc."
    assert (issuer, "commission_file_number", "001-41234") in rows
    assert (issuer, "exchange", "NYSE") in rows
    # the broker line names the firm, then its desk: the firm is the broker
    assert ("Harrowgate Securities LLC", "broker_for", issuer) in rows
    assert ("Harrowgate Securities LLC", "postal_code", "07311") in rows
    assert (issuer, "issued", "Restricted Stock Unit") in rows
    assert (issuer, "issued", "Common Stock") in rows
    assert ("Margot Vellacourt", "signed", "notice.xml") in rows
    assert not any(r[0] == "Harrowgate Securities LLC Private Client Group" for r in rows)


def test_form_144_shares_bought_elsewhere_name_no_instrument(extract_xml) -> None:
    """Negative: options bought on the market (not from the issuer); an exchange outside the vocabulary."""
    rows = rows_of(extract_xml(FORM_144.format(exchange="XYZ", nature="Stock Options", source="Open Market Purchase")))
    issuer = "Quillfeather Robotics Inc."
    assert (issuer, "issued", "Option") not in rows
    assert not any(r[1] == "exchange" for r in rows)
    assert (issuer, "issued", "Common Stock") in rows


def test_form_144_real_notice_second_filer(extract) -> None:
    """2023 Form 144 (namespaced ns2: elements): RSUs from "The Issuer", broker with its ZIP code."""
    rows = rows_of(extract(FIXTURES / "144_Apple_Maestri_2023-04-13.xml"))
    assert ("Apple Inc.", "commission_file_number", "001-36743") in rows
    assert ("Apple Inc.", "issued", "Restricted Stock Unit") in rows
    assert ("Goldman Sachs & Co. LLC", "broker_for", "Apple Inc.") in rows
    assert ("Goldman Sachs & Co. LLC", "postal_code", "10282") in rows


@pytest.mark.parametrize(
    ("printed", "firm"),
    [
        ("Morgan Stanley Smith Barney LLC Executive Financial Services", "Morgan Stanley Smith Barney LLC"),
        ("Harrowgate Securities, Inc. Wealth Desk", "Harrowgate Securities, Inc."),
        ("Goldman Sachs & Co. LLC", "Goldman Sachs & Co. LLC"),
        ("Merrill Lynch, Pierce, Fenner & Smith Incorporated", "Merrill Lynch, Pierce, Fenner & Smith Incorporated"),
    ],
)
def test_broker_firm(printed: str, firm: str) -> None:
    assert broker_firm(printed) == firm


@pytest.mark.parametrize(
    ("printed", "signer"),
    [
        ("/s/ Alisha Charlton as attorney-in-fact for Raymond E. Cabillot", "Alisha Charlton"),
        ("/s/ Dorian Pell, Attorney-in-Fact", "Dorian Pell"),
        ("Goldman Sachs & Co. LLC on behalf of Luca Maestri", "Luca Maestri"),
        ("/s/ Dorian Pell", "Dorian Pell"),
    ],
)
def test_signer_name(printed: str, signer: str) -> None:
    assert signer_name(printed) == signer


OWNERSHIP = """<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0508</schemaVersion>
  <documentType>4</documentType>
  <periodOfReport>2025-01-23</periodOfReport>
  <issuer><issuerCik>0000777777</issuerCik><issuerName>Brackenridge Tool Co</issuerName>
    <issuerTradingSymbol>BRKT</issuerTradingSymbol></issuer>
  <reportingOwner>
    <reportingOwnerId><rptOwnerCik>0001111111</rptOwnerCik><rptOwnerName>{owner}</rptOwnerName></reportingOwnerId>
    <reportingOwnerRelationship><isDirector>{director}</isDirector><isOfficer>{officer}</isOfficer>
      <officerTitle>{title}</officerTitle></reportingOwnerRelationship>
  </reportingOwner>
  <ownerSignature><signatureName>{signature}</signatureName><signatureDate>2025-01-24</signatureDate></ownerSignature>
</ownershipDocument>
"""


def test_attorney_in_fact_signs_not_the_owner(extract_xml) -> None:
    rows = rows_of(
        extract_xml(
            OWNERSHIP.format(
                owner="PELL DORIAN J", director=1, officer=0, title="",
                signature="/s/ Ilsa Marchetti as attorney-in-fact for Dorian J. Pell",
            ),
            "form4.xml",
        )
    )
    assert ("Ilsa Marchetti", "signed", "form4.xml") in rows
    assert ("Dorian J. Pell", "director_of", "Brackenridge Tool Co") in rows
    assert not any(r[0].startswith("Ilsa Marchetti as") for r in rows)
    assert not any(r[0] == "Ilsa Marchetti" and r[1] in ("director_of", "officer_of") for r in rows)


@pytest.mark.parametrize(
    ("raw", "text", "expected"),
    [
        # surname-first owner field, natural order in the signature
        ("CABILLOT RAYMOND E", "/s/ Alisha Charlton as attorney-in-fact for Raymond E. Cabillot", "Raymond E. Cabillot"),
        ("Melkote Rajesh Ramaswamy", "<signatureName>/s/ Rajesh Ramaswamy Melkote</signatureName>", "Rajesh Ramaswamy Melkote"),
        # the field was in natural order already: the signature prints it the same way
        ("Dorian Pell", "<rptOwnerName>Dorian Pell</rptOwnerName> ... /s/ Dorian Pell", "Dorian Pell"),
        ("PELL DORIAN", "The reporting person is Dorian Pell.", "Dorian Pell"),
        # negatives: only the field itself, or capitals only
        ("PELL DORIAN", "<rptOwnerName>PELL DORIAN</rptOwnerName> DORIAN PELL", None),
        ("Pell Dorian", "no other mention", None),
    ],
)
def test_printed_order(raw: str, text: str, expected: str | None) -> None:
    from graph.mentions.structured import printed_order

    start = text.find(raw)
    own = (start, start + len(raw)) if start >= 0 else (0, 0)
    assert printed_order(raw, text, own) == expected


FORM_D = """<?xml version="1.0"?>
<edgarSubmission>
  <schemaVersion>X0708</schemaVersion>
  <submissionType>D</submissionType>
  <primaryIssuer>
    <cik>0001999001</cik>
    <entityName>Tamsworth Ridge Partners LP</entityName>
    <issuerAddress><street1>9 Elm St</street1><city>Austin</city><stateOrCountry>TX</stateOrCountry>
      <zipCode>78701</zipCode></issuerAddress>
    <jurisdictionOfInc>DELAWARE</jurisdictionOfInc>
  </primaryIssuer>
  <relatedPersonsList>
    <relatedPersonInfo>
      <relatedPersonName><firstName>Nadia</firstName><lastName>Okafor</lastName></relatedPersonName>
      <relatedPersonRelationshipList><relationship>Executive Officer</relationship></relatedPersonRelationshipList>
      <relationshipClarification>Chief Financial Officer</relationshipClarification>
    </relatedPersonInfo>
    <relatedPersonInfo>
      <relatedPersonName><firstName>Leo</firstName><lastName>Marchbank</lastName></relatedPersonName>
      <relatedPersonRelationshipList><relationship>Executive Officer</relationship></relatedPersonRelationshipList>
      <relationshipClarification>President of the General Partner</relationshipClarification>
    </relatedPersonInfo>
  </relatedPersonsList>
</edgarSubmission>
"""


def test_form_d_clarification_titles(extract_xml) -> None:
    rows = rows_of(extract_xml(FORM_D, "formd.xml"))
    fund = "Tamsworth Ridge Partners LP"
    assert ("Nadia Okafor", "officer_of", fund, "Chief Financial Officer") in rows
    assert ("Nadia Okafor", "officer_of", fund, "Executive Officer") not in rows
    # a post at the general partner is not a post at the fund: only the box's generic title
    assert ("Leo Marchbank", "officer_of", fund, "President") not in rows
    assert ("Leo Marchbank", "officer_of", fund, "Executive Officer") in rows


@pytest.mark.parametrize(
    ("conformed", "display"),
    [
        ("HOME HEALTH CORP OF AMERICA INC \\PA\\", "Home Health Corp of America Inc"),
        ("FARNAM STREET PARTNERS LP /MN", "Farnam Street Partners LP"),
        ("WAL MART STORES INC /DE/", "Wal Mart Stores Inc"),
        ("AMERICAN/PACIFIC TRADING CO", "American/Pacific Trading Co"),
    ],
)
def test_state_tags_are_not_part_of_names(conformed: str, display: str) -> None:
    from graph.mentions.structured import _company_display

    assert _company_display(conformed).lower() == display.lower()  # casing is titlecase_company's business


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Senior Vice President, Operations", "Senior Vice President"), ("See Remarks", "Executive Officer")],
)
def test_form_4_officer_title_box(extract_xml, title: str, expected: str) -> None:
    """officerTitle gives the vocabulary title it names; a box without one gives the generic title."""
    rows = rows_of(
        extract_xml(OWNERSHIP.format(owner="PELL DORIAN J", director=0, officer=1, title=title, signature="/s/ Dorian J. Pell"), "f4.xml")
    )
    officer = {r[3] for r in rows if r[0] == "Dorian J. Pell" and r[1] == "officer_of"}
    assert officer == {expected}
    assert ("Dorian J. Pell", "signed", "f4.xml") in rows
