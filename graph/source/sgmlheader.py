"""Parse the ``<SEC-HEADER>`` / ``<IMS-HEADER>`` block of an EDGAR submission.

The header is the most reliable statement of who filed what and when, so every
field keeps its exact source span. Two layouts exist: ``KEY:<tab>value`` lines
(full ``.txt`` submissions, with party blocks such as ``FILER:``) and tag lines
(``<CIK>0000320193``, ``<REPORTING-OWNER>`` ... ``</REPORTING-OWNER>``); both are
read through one key table.
"""

from __future__ import annotations

import re

from graph.log import get_logger
from graph.model import FieldValue, HeaderAddress, HeaderCompany, SecHeader
from graph.source.values import cik_field, date_field, name_field, span_field

log = get_logger("source")

#: The header element; one whose closing tag is missing runs to the first <DOCUMENT> (with no document
#: either, the file is cut short and has no header).
_HEADER = re.compile(r"<(SEC|IMS)-HEADER>[^\n]*\n(.*?)(?:</\1-HEADER>|(?=^[ \t]*<DOCUMENT>))", re.DOTALL | re.MULTILINE)
#: EDGAR feed (.nc) submissions: no header element, the tag lines run from <SUBMISSION> to the first
#: <DOCUMENT> (or, in a header-only feed file, to </SUBMISSION> or the end)
_FEED_HEADER = re.compile(
    r"\A\s*<(SUBMISSION)>[ \t]*\r?\n(.*?)(?=^[ \t]*<DOCUMENT>|^[ \t]*</SUBMISSION>|\Z)", re.DOTALL | re.MULTILINE
)
#: A bare header without any header element: EDGAR's ``.hdr.sgml`` body from <ACCEPTANCE-DATETIME>, or the
#: key lines from "ACCESSION NUMBER:"; it runs to the first <DOCUMENT> or the end.
_BARE_HEADER = re.compile(
    r"\A\s*()((?:<ACCEPTANCE-DATETIME>|<ACCESSION-NUMBER>|ACCESSION[ -]NUMBER:).*?)(?=^[ \t]*<DOCUMENT>|\Z)",
    re.DOTALL | re.MULTILINE,
)
_KEY_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9 .()&/'-]*?)[ \t]*:[ \t]*(.*?)[ \t\r]*$")
_TAG_LINE = re.compile(r"^[ \t]*<(/?)([A-Z][A-Z0-9-]*)>[ \t]*(.*?)[ \t\r]*$")

#: Party blocks, by their key-style and tag-style names, to the role recorded.
PARTIES = {
    "FILER": "FILER",
    "SUBJECT COMPANY": "SUBJECT COMPANY",
    "SUBJECT-COMPANY": "SUBJECT COMPANY",
    "REPORTING-OWNER": "REPORTING-OWNER",
    "REPORTING OWNER": "REPORTING-OWNER",
    "FILED BY": "FILED BY",
    "FILED-BY": "FILED BY",
    "ISSUER": "ISSUER",
    "DEPOSITOR": "DEPOSITOR",
    "SECURITIZER": "SECURITIZER",
    "SERIAL COMPANY": "SERIAL COMPANY",
    "SERIAL-COMPANY": "SERIAL COMPANY",
}
#: Sections inside a party block (only the address and former-name sections change meaning).
SECTIONS = {
    "BUSINESS ADDRESS": "business",
    "BUSINESS-ADDRESS": "business",
    "MAIL ADDRESS": "mail",
    "MAIL-ADDRESS": "mail",
    "FORMER COMPANY": "former",
    "FORMER-COMPANY": "former",
    "FORMER NAME": "former",
    "FORMER-NAME": "former",
    "COMPANY DATA": "data",
    "COMPANY-DATA": "data",
    "OWNER DATA": "data",
    "OWNER-DATA": "data",
    "FILING VALUES": "values",
    "FILING-VALUES": "values",
}
#: Field keys (both layouts) to a canonical name.
KEYS = {
    "ACCESSION NUMBER": "accession",
    "ACCESSION-NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "submission_type",
    "TYPE": "submission_type",
    "FILED AS OF DATE": "filed_as_of",
    "FILING-DATE": "filed_as_of",
    "CONFORMED PERIOD OF REPORT": "period",
    "PERIOD": "period",
    "COMPANY CONFORMED NAME": "name",
    "CONFORMED-NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "ASSIGNED-SIC": "sic",
    "IRS NUMBER": "irs_number",
    "IRS-NUMBER": "irs_number",
    "EIN": "irs_number",  # headers since 2024 print "EIN:" where they printed "IRS NUMBER:"
    "STATE OF INCORPORATION": "state_of_incorporation",
    "STATE-OF-INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "FISCAL-YEAR-END": "fiscal_year_end",
    "FORM TYPE": "form_type",
    "FORM-TYPE": "form_type",
    "SEC FILE NUMBER": "file_number",
    "FILE-NUMBER": "file_number",
    "STREET 1": "street",
    "STREET1": "street",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip",
    "BUSINESS PHONE": "phone",
    "PHONE": "phone",
    "FORMER CONFORMED NAME": "former_name",
    "FORMER-CONFORMED-NAME": "former_name",
}


def _clean_value(key: str, fv: FieldValue | None) -> FieldValue | None:
    """Drop EDGAR placeholders ("[]", all-zero IRS numbers), normalise CIKs and dates, untag names."""
    if fv is None:
        return None
    if key == "cik":
        return cik_field(fv)
    if key in ("name", "former_name"):
        return name_field(fv)  # "TECHNICLONE CORP/DE/": the state tag is EDGAR's, not the name's
    if key in ("filed_as_of", "period"):
        return date_field(fv)
    if key == "sic" and fv.value.strip("[] ") == "":
        return None
    if key == "irs_number" and not fv.value.strip("0- "):
        return None
    return fv


class _HeaderReader:
    """Line-by-line state machine over the header block."""

    def __init__(self, source_text: str) -> None:
        self.src = source_text
        self.header = SecHeader()
        self.party: HeaderCompany | None = None
        self.section = ""

    def line(self, ls: int, le: int) -> None:
        raw = self.src[ls:le]
        if not raw.strip():
            return
        m = _TAG_LINE.match(raw)
        if m:
            closing, name, rest = m.groups()
            key_name = name
            if name in PARTIES:
                if closing:
                    self.party, self.section = None, ""
                else:
                    self._open_party(PARTIES[name])
                return
            if name in SECTIONS:
                self.section = "" if closing else SECTIONS[name]
                return
            if closing or not rest:
                return
            vstart = ls + m.start(3)
            self._field(key_name, span_field(self.src, vstart, vstart + len(rest)))
            return
        m = _KEY_LINE.match(raw)
        if not m:
            return
        key, value = m.group(1), m.group(2)
        if not value and key in PARTIES:
            self._open_party(PARTIES[key])
            return
        if not value and key in SECTIONS:
            self.section = SECTIONS[key]
            return
        if value:
            vstart = ls + m.start(2)
            self._field(key, span_field(self.src, vstart, vstart + len(value)))

    def _open_party(self, role: str) -> None:
        self.party = HeaderCompany(role=role)
        self.section = ""
        self.header.companies.append(self.party)

    def _field(self, key: str, fv: FieldValue | None) -> None:
        name = KEYS.get(key)
        if name is None or fv is None:
            return
        fv = _clean_value(name, fv)
        if fv is None:
            return
        party = self.party
        if party is None or name in ("accession", "submission_type", "filed_as_of", "period"):
            self._top_field(name, fv)
            return
        if self.section in ("business", "mail"):
            self._address_field(party, name, fv)
        elif self.section == "former":
            if name == "former_name":
                party.former_names.append(fv)
        elif name == "file_number":
            party.file_numbers.append(fv)
        elif name in ("name", "cik", "sic", "irs_number", "state_of_incorporation", "fiscal_year_end", "form_type"):
            if getattr(party, name) is None:
                setattr(party, name, fv)

    def _top_field(self, name: str, fv: FieldValue) -> None:
        h = self.header
        if name == "accession" and h.accession is None:
            h.accession = fv
        elif name == "submission_type" and h.form_type is None:
            h.form_type = fv
        elif name == "filed_as_of" and h.filed_as_of is None:
            h.filed_as_of = fv
        elif name == "period" and h.period is None:
            h.period = fv

    def _address_field(self, party: HeaderCompany, name: str, fv: FieldValue) -> None:
        attr = "business_address" if self.section == "business" else "mail_address"
        address = getattr(party, attr)
        if address is None:
            address = HeaderAddress()
            setattr(party, attr, address)
        if name in ("street", "city", "state", "zip", "phone") and getattr(address, name) is None:
            setattr(address, name, fv)


def parse_header(source_text: str) -> tuple[SecHeader | None, int]:
    """The submission's header, and the offset where it ends (0 when there is none)."""
    m = _HEADER.search(source_text) or _FEED_HEADER.match(source_text) or _BARE_HEADER.match(source_text)
    if m is None:
        return None, 0
    reader = _HeaderReader(source_text)
    pos, end = m.start(2), m.end(2)
    while pos < end:
        nl = source_text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        reader.line(pos, stop)
        pos = stop + 1
    log.debug("header: %d parties", len(reader.header.companies))
    return reader.header, m.end()
