"""SEC header layouts beyond the full ``.txt`` submission: bare CR line ends, header-only files, every party block.

Excerpts follow EDGAR's layouts as served (key lines of ``.txt`` submissions, the tag lines of
``.hdr.sgml`` and feed ``.nc`` files); names, CIKs and numbers are invented.
"""

from __future__ import annotations

from pathlib import Path

from graph.model import FieldValue, HeaderCompany, SourceDocument
from graph.source import read_source

# a text-era Form 4 submission, key-line header (invented names)
KEY_SUBMISSION = """<SEC-DOCUMENT>0009999999-25-000002.txt : 20250124
<SEC-HEADER>0009999999-25-000002.hdr.sgml : 20250124
<ACCEPTANCE-DATETIME>20250124172428
ACCESSION NUMBER:		0009999999-25-000002
CONFORMED SUBMISSION TYPE:	4
PUBLIC DOCUMENT COUNT:		1
FILED AS OF DATE:		20250124

REPORTING-OWNER:	

	OWNER DATA:	
		COMPANY CONFORMED NAME:			HALVERSON RIDGE PARTNERS LP /MN
		CENTRAL INDEX KEY:			0001058999

	FILING VALUES:
		FORM TYPE:		4
		SEC FILE NUMBER:	000-14999

ISSUER:		

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			QUILLON MEDICAL INC /DE/
		CENTRAL INDEX KEY:			0000788999
		IRS NUMBER:				841261299

	BUSINESS ADDRESS:	
		STREET 1:		2361 CORBIN AVENUE
		CITY:			IRVINE
		STATE:			CA
		ZIP:			92614

	FORMER COMPANY:	
		FORMER CONFORMED NAME:	QUILLON-DEX, INC.
		DATE OF NAME CHANGE:	20151110

	FORMER COMPANY:	
		FORMER CONFORMED NAME:	QUILLON SURGICAL CORP \\PA\\
		DATE OF NAME CHANGE:	19920703
</SEC-HEADER>
<DOCUMENT>
<TYPE>4
<SEQUENCE>1
<FILENAME>form4.txt
<TEXT>
FORM 4
Statement of changes in beneficial ownership of Quillon Medical Inc. common stock.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def _read(tmp_path: Path, text: str, name: str = "filing.txt", newline: str = "\n") -> SourceDocument:
    p = tmp_path / name
    p.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return read_source(p)


def _printed(doc: SourceDocument, fv: FieldValue | None) -> str:
    assert fv is not None
    return doc.source_text[fv.start : fv.end]


def _party(doc: SourceDocument, role: str) -> HeaderCompany:
    assert doc.header is not None
    (party,) = [c for c in doc.header.companies if c.role == role]
    return party


def _between(text: str, start: str, end: str | None = None) -> str:
    i = text.index(start)
    return text[i : text.index(end) if end else len(text)]


def test_cr_only_lf_and_crlf_submissions_read_alike(tmp_path: Path) -> None:
    docs = {nl: _read(tmp_path, KEY_SUBMISSION, f"f{len(nl)}{nl == chr(13)}.txt", nl) for nl in ("\n", "\r\n", "\r")}
    for newline, doc in docs.items():
        assert doc.fmt == "sgml", repr(newline)
        assert doc.form_type is not None and doc.form_type.value == "4"
        issuer = _party(doc, "ISSUER")
        assert issuer.name is not None and issuer.name.value == "QUILLON MEDICAL INC"
        assert _printed(doc, issuer.name) == "QUILLON MEDICAL INC"  # the span points into the decoded file
        assert issuer.business_address is not None and issuer.business_address.zip is not None
        assert issuer.business_address.zip.value == "92614"
        assert [p.doc_type for p in doc.parts] == ["4"]
        assert "Statement of changes" in doc.parts[0].text
    raw = (tmp_path / "f1True.txt").read_bytes().decode("utf-8")
    cr_doc = docs["\r"]
    assert len(cr_doc.source_text) == len(raw)  # one character for one: offsets are offsets of the file
    cik = _party(cr_doc, "ISSUER").cik
    assert cik is not None and raw[cik.start : cik.end] == "788999"


def test_header_only_file_starting_at_acceptance_datetime(tmp_path: Path) -> None:
    # EDGAR's .hdr.sgml body without its <SEC-HEADER> line, as some mirrors store it
    text = _between(KEY_SUBMISSION, "<ACCEPTANCE-DATETIME>", "</SEC-HEADER>")
    doc = _read(tmp_path, text, "0009999999-25-000002.hdr.sgml", "\r")
    assert doc.fmt == "sgml" and doc.parts == []
    assert doc.header is not None and doc.header.accession is not None
    assert doc.header.accession.value == "0009999999-25-000002"
    assert doc.form_type is not None and doc.form_type.value == "4"
    assert [c.role for c in doc.header.companies] == ["REPORTING-OWNER", "ISSUER"]
    assert [f.value for f in _party(doc, "REPORTING-OWNER").file_numbers] == ["000-14999"]


def test_header_with_sec_header_element_only(tmp_path: Path) -> None:
    text = _between(KEY_SUBMISSION, "<SEC-HEADER>", "<DOCUMENT>")
    doc = _read(tmp_path, text, "header.txt")
    assert doc.fmt == "sgml" and doc.parts == []
    assert doc.header is not None and doc.header.filed_as_of is not None
    assert doc.header.filed_as_of.value == "2025-01-24"
    owner = _party(doc, "REPORTING-OWNER")
    assert owner.name is not None and owner.name.value == "HALVERSON RIDGE PARTNERS LP"


def test_former_company_blocks_give_untagged_former_names(tmp_path: Path) -> None:
    doc = _read(tmp_path, KEY_SUBMISSION)
    issuer = _party(doc, "ISSUER")
    assert [f.value for f in issuer.former_names] == ["QUILLON-DEX, INC.", "QUILLON SURGICAL CORP"]
    assert all(_printed(doc, f) == f.value for f in issuer.former_names)


# a feed (.nc) header with no documents, tag lines: SERIAL COMPANY and FILED BY blocks (invented names)
FEED_HEADER = """<SUBMISSION>
<ACCESSION-NUMBER>0009999999-24-000144
<TYPE>SC 13G
<FILING-DATE>20241213
<SERIAL-COMPANY>
<COMPANY-DATA>
<CONFORMED-NAME>MARROWBY INCOME TRUST
<CIK>0000704999
<STATE-OF-INCORPORATION>MA
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>SC 13G
<FILE-NUMBER>811-09999
</FILING-VALUES>
</SERIAL-COMPANY>
<SUBJECT-COMPANY>
<COMPANY-DATA>
<CONFORMED-NAME>AVELINE BIOSERVICES, INC.
<CIK>0000704562
</COMPANY-DATA>
<FILING-VALUES>
<FILE-NUMBER>005-37999
</FILING-VALUES>
<BUSINESS-ADDRESS>
<STREET1>14191 MYFORD ROAD
<ZIP>92780
</BUSINESS-ADDRESS>
<FORMER-COMPANY>
<FORMER-CONFORMED-NAME>AVELINE CORP/DE/
<DATE-CHANGED>19970924
</FORMER-COMPANY>
</SUBJECT-COMPANY>
<FILED-BY>
<COMPANY-DATA>
<CONFORMED-NAME>GLENVARRA CAPITAL, LLC
<CIK>0001076999
</COMPANY-DATA>
</FILED-BY>
</SUBMISSION>
"""


def test_feed_header_only_with_serial_company_and_filed_by(tmp_path: Path) -> None:
    doc = _read(tmp_path, FEED_HEADER, "0009999999-24-000144.nc")
    assert doc.fmt == "sgml" and doc.parts == []
    assert doc.form_type is not None and doc.form_type.value == "SC 13G"
    serial = _party(doc, "SERIAL COMPANY")
    assert serial.name is not None and serial.name.value == "MARROWBY INCOME TRUST"
    assert [f.value for f in serial.file_numbers] == ["811-09999"]
    subject = _party(doc, "SUBJECT COMPANY")
    assert [f.value for f in subject.former_names] == ["AVELINE CORP"]
    assert [f.value for f in subject.file_numbers] == ["005-37999"]
    assert subject.business_address is not None and subject.business_address.zip is not None
    filed_by = _party(doc, "FILED BY")
    assert filed_by.cik is not None and filed_by.cik.value == "1076999"


def test_key_line_serial_company_and_filed_by_blocks(tmp_path: Path) -> None:
    text = """<SEC-HEADER>0009999999-24-000145.hdr.sgml : 20241213
ACCESSION NUMBER:		0009999999-24-000145
CONFORMED SUBMISSION TYPE:	SC 13G
FILED AS OF DATE:		20241213

SERIAL COMPANY:

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			MARROWBY INCOME TRUST
		CENTRAL INDEX KEY:			0000704999

	FILING VALUES:
		SEC FILE NUMBER:	811-09999

FILED BY:		

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			GLENVARRA CAPITAL, LLC /NY
		CENTRAL INDEX KEY:			0001076999
</SEC-HEADER>
"""
    doc = _read(tmp_path, text, "header.txt", "\r\n")
    assert [f.value for f in _party(doc, "SERIAL COMPANY").file_numbers] == ["811-09999"]
    filed_by = _party(doc, "FILED BY")
    assert filed_by.name is not None and filed_by.name.value == "GLENVARRA CAPITAL, LLC"
