"""A company's filings from EDGAR's submissions JSON, filtered by form and date.

``https://data.sec.gov/submissions/CIK##########.json`` holds the company
and, under ``filings.recent``, parallel arrays (``accessionNumber``,
``form``, ``filingDate``, ``primaryDocument``, ...) of its latest filings
(at least a year's worth, or 1,000). Older filings are in further files
named in ``filings.files`` (``CIK##########-submissions-001.json`` with
``filingFrom``/``filingTo``), whose top level holds the same arrays. Those
pages are fetched only when their date range overlaps the one asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable

from graph.fetch.errors import FetchError
from graph.fetch.shapes import expect_list, expect_object, string_column
from graph.log import get_logger

log = get_logger("fetch")

#: Fetch one JSON file of the submissions API by name ("CIK0000320193.json").
JsonSource = Callable[[str], Any]

_PAGE_NAME = re.compile(r"^CIK\d{10}(?:-submissions-\d{3})?\.json$")


def normalize_cik(value: str | int) -> int:
    """A CIK as an int, from ``320193``, ``"0000320193"`` or ``"CIK0000320193"``."""
    text = str(value).strip().upper().removeprefix("CIK")
    if not text.isdigit() or len(text) > 10 or int(text) == 0:
        raise FetchError(f"not a CIK: {value!r} (expected up to 10 digits, e.g. 320193)")
    return int(text)


def submissions_name(cik: int) -> str:
    return f"CIK{cik:010d}.json"


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise FetchError(f"not a date: {value!r} (expected YYYY-MM-DD)") from err


@dataclass(frozen=True)
class Filing:
    """One row of the submissions listing, with the archive paths derived from it."""

    cik: int
    accession: str
    form: str
    filing_date: date
    primary_document: str = ""
    report_date: str = ""
    description: str = ""
    company: str = ""

    @property
    def accession_nodash(self) -> str:
        return self.accession.replace("-", "")

    def folder_path(self) -> str:
        """``/Archives/edgar/data/<cik>/<accession without dashes>`` (append to the archives base URL)."""
        return f"/Archives/edgar/data/{self.cik}/{self.accession_nodash}"

    def full_submission_path(self) -> str:
        """The complete submission text file: header plus every document, as SGML."""
        return f"{self.folder_path()}/{self.accession}.txt"

    def index_path(self) -> str:
        """The folder listing as JSON (``directory.item[].name``)."""
        return f"{self.folder_path()}/index.json"

    def raw_primary_document(self) -> str:
        """The primary document's file name, minus the XSL rendering folder of XML forms.

        For ownership forms and Form D the listing names the HTML rendering
        (``xslF345X05/form4.xml``); the raw XML, which the graph reads, sits
        in the filing folder itself under the last path component.
        """
        return self.primary_document.rsplit("/", 1)[-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "cik": self.cik,
            "accession": self.accession,
            "form": self.form,
            "filing_date": self.filing_date.isoformat(),
            "primary_document": self.primary_document,
            "report_date": self.report_date,
            "company": self.company,
        }


def parse_columns(cols: Any, cik: int, company: str = "", where: str = "filings.recent") -> list[Filing]:
    """Filings from one block of parallel arrays (``filings.recent`` or an older page).

    The arrays must be lists of strings of one length; anything else raises
    :class:`FetchError` naming the array (``CIK 320193: filings.recent.form has 3 entries, ...``).
    """
    where = f"CIK {cik}: {where}"
    cols = expect_object(cols, where)
    accessions = string_column(cols, "accessionNumber", None, where)
    n = len(accessions)
    forms, dates = string_column(cols, "form", n, where), string_column(cols, "filingDate", n, where)
    primary, report = string_column(cols, "primaryDocument", n, where), string_column(cols, "reportDate", n, where)
    descr = string_column(cols, "primaryDocDescription", n, where)
    out: list[Filing] = []
    for i, acc in enumerate(accessions):
        try:
            filed = date.fromisoformat(dates[i])
        except ValueError:
            log.warning("CIK %s: %s has no valid filing date (%r); skipped", cik, acc, dates[i])
            continue
        out.append(Filing(cik, acc, forms[i].strip(), filed, primary[i], report[i], descr[i], company))
    return out


@dataclass(frozen=True)
class FilingFilter:
    """Which filings to keep: forms matched exactly (``/A`` amendments only on request) and a closed date range."""

    forms: frozenset[str] | None = None
    since: date | None = None
    until: date | None = None
    amendments: bool = False

    @classmethod
    def build(cls, forms: Iterable[str] | str | None = None, since: str | date | None = None, until: str | date | None = None, amendments: bool = False) -> "FilingFilter":
        if isinstance(forms, str):
            forms = forms.split(",")
        wanted = frozenset(f.strip().upper() for f in forms or () if f.strip()) or None
        lo, hi = parse_date(since), parse_date(until)
        if lo and hi and lo > hi:
            raise FetchError(f"--since {lo} is after --until {hi}")
        return cls(wanted, lo, hi, amendments)

    def form_ok(self, form: str) -> bool:
        if self.forms is None:
            return True
        f = form.strip().upper()
        if f in self.forms:
            return True
        return self.amendments and f.endswith("/A") and f[:-2] in self.forms

    def date_ok(self, d: date) -> bool:
        return (self.since is None or d >= self.since) and (self.until is None or d <= self.until)

    def overlaps(self, lo: date | None, hi: date | None) -> bool:
        """Whether an older page covering ``lo``..``hi`` can hold a wanted filing (unknown bounds: yes)."""
        if self.since and hi and hi < self.since:
            return False
        if self.until and lo and lo > self.until:
            return False
        return True

    def __call__(self, filing: Filing) -> bool:
        return self.form_ok(filing.form) and self.date_ok(filing.filing_date)


@dataclass
class Listing:
    """The company and its filings that passed the filter, newest first as EDGAR lists them."""

    cik: int
    company: str
    filings: list[Filing]
    tickers: tuple[str, ...] = ()
    pages: int = 1


def list_filings(source: JsonSource, cik: int | str, flt: FilingFilter | None = None) -> Listing:
    """Read the company's submissions (and the older pages the filter needs) and keep the matching filings."""
    cik = normalize_cik(cik)
    flt = flt or FilingFilter()
    root = expect_object(source(submissions_name(cik)), f"CIK {cik}: the submissions JSON")
    if "filings" not in root:
        raise FetchError(f"CIK {cik}: the submissions JSON has no 'filings' section")
    section = expect_object(root["filings"], f"CIK {cik}: filings")
    name = root.get("name")
    company = name if isinstance(name, str) else ""
    recent = section.get("recent")
    filings = parse_columns({} if recent is None else recent, cik, company)
    pages = 1
    for i, page in enumerate(expect_list(section.get("files"), f"CIK {cik}: filings.files")):
        page = expect_object(page, f"CIK {cik}: filings.files[{i}]")
        name = str(page.get("name", ""))
        if not _PAGE_NAME.match(name):
            log.warning("CIK %s: ignoring unexpected submissions page name %r", cik, name)
            continue
        lo, hi = _page_date(page.get("filingFrom")), _page_date(page.get("filingTo"))
        if not flt.overlaps(lo, hi):
            log.debug("CIK %s: skipping %s (%s..%s)", cik, name, lo, hi)
            continue
        filings.extend(parse_columns(source(name), cik, company, name))
        pages += 1
    seen: set[str] = set()
    kept = []
    for f in filings:
        if f.accession not in seen and flt(f):
            seen.add(f.accession)
            kept.append(f)
    kept.sort(key=lambda f: (f.filing_date, f.accession), reverse=True)
    tickers = tuple(t for t in root.get("tickers") or () if isinstance(t, str)) if isinstance(root.get("tickers"), list) else ()
    return Listing(cik, company, kept, tickers, pages)


def _page_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
