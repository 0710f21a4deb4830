"""Form C facts: the intermediary with its CIK and file number, the security offered and its terms; header aliases.

The Form C fragments follow the EDGAR ``formc`` schema as filed (headerData / issuerInformation /
offeringInformation / signatureInfo, as in the real fixture ``C_PickleballEtc_2024-03-22.xml``);
names and numbers are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.mentions.registry import EntityRegistry
from graph.mentions.structured import apply_header
from graph.source import read_source
from tests.conftest import rows_of

FORM_C = """<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/formc" xmlns:com="http://www.sec.gov/edgar/common">
  <headerData>
    <submissionType>C</submissionType>
    <filerInfo><filer><filerCredentials><filerCik>0002011999</filerCik></filerCredentials></filer></filerInfo>
  </headerData>
  <formData>
    <issuerInformation>
      <issuerInfo>
        <nameOfIssuer>Brambleway Cider Co.</nameOfIssuer>
        <legalStatus>
          <legalStatusForm>Corporation</legalStatusForm>
          <jurisdictionOrganization>DE</jurisdictionOrganization>
        </legalStatus>
        <issuerAddress>
          <com:street1>12 ORCHARD LANE</com:street1><com:city>HOOD RIVER</com:city>
          <com:stateOrCountry>OR</com:stateOrCountry><com:zipCode>97031</com:zipCode>
        </issuerAddress>
      </issuerInfo>
      <isCoIssuer>N</isCoIssuer>
      <companyName>Larkspur Funding Portal, LLC</companyName>
      <commissionCik>0001670999</commissionCik>
      <commissionFileNumber>007-00099</commissionFileNumber>
      <crdNumber>000283999</crdNumber>
    </issuerInformation>
    <offeringInformation>
      <compensationAmount>7% of the amount raised</compensationAmount>
      <financialInterest>No</financialInterest>
      {security}
      <noOfSecurityOffered>10000</noOfSecurityOffered>
      <price>{price}</price>
      <offeringAmount>10000.00</offeringAmount>
      <maximumOfferingAmount>{maximum}</maximumOfferingAmount>
      <deadlineDate>12-31-2024</deadlineDate>
    </offeringInformation>
    <signatureInfo>
      <issuerSignature>
        <issuer>Brambleway Cider Co.</issuer>
        <issuerSignature>Odile Marchetti</issuerSignature>
        <issuerTitle>Chief Executive Officer</issuerTitle>
      </issuerSignature>
      <signaturePersons>
        <signaturePerson>
          <personSignature>/s/ Odile Marchetti</personSignature>
          <personTitle>Chief Executive Officer</personTitle>
          <signatureDate>03-22-2024</signatureDate>
        </signaturePerson>
      </signaturePersons>
    </signatureInfo>
  </formData>
</edgarSubmission>
"""
ISSUER = "Brambleway Cider Co."
PORTAL = "Larkspur Funding Portal, LLC"


@pytest.fixture
def form_c(extract, tmp_path):
    def run(security: str, price: str = "1.00", maximum: str = "500000.00"):
        p = tmp_path / "formc.xml"
        p.write_text(FORM_C.format(security=security, price=price, maximum=maximum), encoding="utf-8")
        return rows_of(extract(p))

    return run


def test_intermediary_with_cik_and_file_number_is_broker_for_the_issuer(form_c) -> None:
    rows = form_c("<securityOfferedType>Common Stock</securityOfferedType>", price="2.50")
    assert {
        (PORTAL, "broker_for", ISSUER),
        (PORTAL, "cik", "1670999"),
        (PORTAL, "commission_file_number", "007-00099"),
        (ISSUER, "cik", "2011999"),
        (ISSUER, "issued", "Common Stock"),
        (f"{ISSUER} / Common Stock", "price_per_share", "2.5"),
        (f"{ISSUER} / Common Stock", "shares", "10000"),
    } <= rows
    # the portal's numbers are its own, never the issuer's
    assert not {r for r in rows if r[0] == ISSUER and r[1] == "commission_file_number"}


def test_preferred_series_offering_gives_preferred_stock_only(form_c) -> None:
    rows = form_c(
        "<securityOfferedType>Other</securityOfferedType>"
        "<securityOfferedOtherDesc>Series Seed Preferred Stock</securityOfferedOtherDesc>",
        price="0.85",
    )
    issued = {r[2] for r in rows if r[0] == ISSUER and r[1] == "issued"}
    assert issued == {"Preferred Stock"}
    assert (f"{ISSUER} / Preferred Stock", "price_per_share", "0.85") in rows


def test_preferred_stock_type_gives_no_common_stock(form_c) -> None:
    rows = form_c("<securityOfferedType>Preferred Stock</securityOfferedType>")
    assert {r[2] for r in rows if r[0] == ISSUER and r[1] == "issued"} == {"Preferred Stock"}


def test_debt_offering_gives_a_note_with_its_principal(form_c) -> None:
    rows = form_c("<securityOfferedType>Debt</securityOfferedType>", maximum="250000.00")
    assert {r[2] for r in rows if r[0] == ISSUER and r[1] == "issued"} == {"Note"}
    assert (f"{ISSUER} / Note", "principal_amount", "250000") in rows
    # the price of a note is per dollar of principal, not a price per share
    assert not {r for r in rows if r[1] in ("price_per_share", "shares")}


HEADER = """<SEC-HEADER>0009999999-24-000146.hdr.sgml : 20241213
ACCESSION NUMBER:		0009999999-24-000146
CONFORMED SUBMISSION TYPE:	8-K
FILED AS OF DATE:		20241213

FILER:

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			AVELINE BIOSERVICES, INC.
		CENTRAL INDEX KEY:			0000704999

	FORMER COMPANY:	
		FORMER CONFORMED NAME:	PEREGRINE AVELINE PHARMACEUTICALS INC
		DATE OF NAME CHANGE:	20001109

	FORMER COMPANY:	
		FORMER CONFORMED NAME:	AVELINE CORP/DE/
		DATE OF NAME CHANGE:	19970924
</SEC-HEADER>
"""


def test_former_company_names_become_aliases_without_state_tags(tmp_path: Path) -> None:
    p = tmp_path / "header.txt"
    p.write_text(HEADER, encoding="utf-8")
    sd = read_source(p)
    reg = EntityRegistry(sd.doc_id)
    apply_header(reg, sd)
    assert reg.registrant is not None
    company = reg.entities[reg.registrant]
    assert company.name == "Aveline Bioservices, Inc."
    assert {"PEREGRINE AVELINE PHARMACEUTICALS INC", "AVELINE CORP"} <= company.aliases
    assert not any("/" in alias for alias in company.aliases)
