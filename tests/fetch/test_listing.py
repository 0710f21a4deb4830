"""Submissions JSON -> filings: columns, older pages only when needed, form and date filters."""

from __future__ import annotations

import json
from datetime import date

import pytest

from graph.fetch.errors import FetchError
from graph.fetch.listing import Filing, FilingFilter, list_filings, normalize_cik, parse_columns
from tests.fetch.edgar_server import FIXTURES


def _source(calls: list[str]):
    def source(name: str):
        calls.append(name)
        return json.loads((FIXTURES / "submissions" / name).read_text(encoding="utf-8"))

    return source


def test_recent_filings_are_read_with_archive_paths():
    calls: list[str] = []
    listing = list_filings(_source(calls), 320193, FilingFilter.build(forms="10-Q", since="2025-01-01"))
    assert listing.company == "Apple Inc." and listing.tickers == ("AAPL",)
    assert [f.accession for f in listing.filings] == ["0000320193-25-000073", "0000320193-25-000057", "0000320193-25-000008"]
    q = listing.filings[1]
    assert (q.form, q.filing_date, q.primary_document, q.report_date) == ("10-Q", date(2025, 5, 2), "aapl-20250329.htm", "2025-03-29")
    assert q.full_submission_path() == "/Archives/edgar/data/320193/000032019325000057/0000320193-25-000057.txt"
    assert q.index_path() == "/Archives/edgar/data/320193/000032019325000057/index.json"
    assert calls == ["CIK0000320193.json"]  # the older page ends in 2015: not needed


def test_older_pages_are_read_when_the_dates_reach_them():
    calls: list[str] = []
    listing = list_filings(_source(calls), "0000320193", FilingFilter.build(forms=["8-K"], until="2001-12-31"))
    assert calls == ["CIK0000320193.json", "CIK0000320193-submissions-001.json"]
    assert [(f.accession, f.form, f.filing_date) for f in listing.filings] == [("0000912057-00-002128", "8-K", date(2000, 1, 24))]
    assert listing.pages == 2


def test_no_filter_lists_everything_newest_first():
    listing = list_filings(_source([]), 320193)
    dates = [f.filing_date for f in listing.filings]
    assert len(dates) == 7 and dates == sorted(dates, reverse=True)


def _f(form: str, day: str) -> Filing:
    return Filing(1, "0000000001-00-000001", form, date.fromisoformat(day))


def test_forms_match_exactly_and_amendments_only_on_request():
    plain = FilingFilter.build(forms="8-K,4, d")
    assert plain(_f("8-K", "2020-01-01")) and plain(_f("4", "2020-01-01")) and plain(_f("D", "2020-01-01"))
    assert not plain(_f("8-K/A", "2020-01-01")) and not plain(_f("8-K12B", "2020-01-01")) and not plain(_f("40", "2020-01-01"))
    amended = FilingFilter.build(forms="8-K", amendments=True)
    assert amended(_f("8-K/A", "2020-01-01")) and amended(_f("8-K", "2020-01-01")) and not amended(_f("10-K/A", "2020-01-01"))


def test_date_range_is_inclusive():
    flt = FilingFilter.build(since="2003-01-01", until=date(2003, 12, 31))
    assert flt(_f("8-K", "2003-01-01")) and flt(_f("8-K", "2003-12-31"))
    assert not flt(_f("8-K", "2002-12-31")) and not flt(_f("8-K", "2004-01-01"))
    with pytest.raises(FetchError, match="after"):
        FilingFilter.build(since="2004-01-01", until="2003-01-01")
    with pytest.raises(FetchError, match="YYYY-MM-DD"):
        FilingFilter.build(since="01/02/2003")


def test_columns_tolerate_missing_optional_fields_and_bad_dates():
    rows = parse_columns({"accessionNumber": ["0001-1", "0001-2"], "form": ["4", "4"], "filingDate": ["2020-01-02", "n/a"]}, 7)
    assert len(rows) == 1 and rows[0].primary_document == "" and rows[0].cik == 7


def test_xsl_rendering_folder_is_dropped_from_the_primary_document():
    f = Filing(1, "0000000001-25-000001", "4", date(2025, 1, 1), "xslF345X05/wk-form4_1.xml")
    assert f.raw_primary_document() == "wk-form4_1.xml"


def test_cik_forms():
    assert normalize_cik("CIK0000320193") == normalize_cik(" 320193 ") == normalize_cik(320193) == 320193
    for bad in ("AAPL", "12345678901", "0", ""):
        with pytest.raises(FetchError, match="not a CIK"):
            normalize_cik(bad)
