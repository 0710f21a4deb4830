"""SGML headers of ownership forms: the file number printed under a reporting owner is the issuer's."""

from tests.conftest import rows_of

# a text-era Form 4 header (invented names): each REPORTING-OWNER block repeats the issuer's file number
HEADER = """<SEC-DOCUMENT>0009999999-25-000001.txt : 20250124
<SEC-HEADER>0009999999-25-000001.hdr.sgml : 20250124
ACCESSION NUMBER:		0009999999-25-000001
CONFORMED SUBMISSION TYPE:	4
PUBLIC DOCUMENT COUNT:		1
FILED AS OF DATE:		20250124

REPORTING-OWNER:	

	OWNER DATA:	
		COMPANY CONFORMED NAME:			MARLOW STREET PARTNERS LP /MN
		CENTRAL INDEX KEY:			0001058999

	FILING VALUES:
		FORM TYPE:		4
		SEC ACT:		1934 Act
		SEC FILE NUMBER:	000-14999
		FILM NUMBER:		25555999

ISSUER:		

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			QUILLON MEDICAL INC
		CENTRAL INDEX KEY:			0000788999
		IRS NUMBER:				841261299

</SEC-HEADER>
<DOCUMENT>
<TYPE>4
<TEXT>
FORM 4
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_reporting_owner_file_number_goes_to_the_issuer(extract_text):
    rows = rows_of(extract_text(HEADER))
    files = {r for r in rows if r[1] == "commission_file_number"}
    assert files == {("Quillon Medical Inc", "commission_file_number", "000-14999")}


def test_real_form4_header_two_owners(extract):
    rows = rows_of(extract("4_ProDex-Cabillot_0001079973-25-000129.txt"))
    files = {r for r in rows if r[1] == "commission_file_number"}
    assert files == {("Pro DEX Inc", "commission_file_number", "000-14942")}
