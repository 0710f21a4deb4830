"""Malformed EDGAR responses end ``filing-kg fetch`` with one ``error:`` line and exit status 1, never a traceback.

Each case replaces one response of the local server and runs the real
executable, so an uncaught exception would show as a traceback on stderr.
"""

from __future__ import annotations

import json

import pytest

from graph.fetch import Fetcher, FetchQuery
from graph.fetch.client import EdgarClient, _content_range
from graph.fetch.errors import HTTPFetchError
from tests.fetch.edgar_server import FIXTURES

LISTING = "/submissions/CIK0000723533.json"
INDEX = "/Archives/edgar/data/723533/000121390009002194/index.json"
TICKERS = "/files/company_tickers.json"
DEEP = b'{"filings": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def _listing(**changes: object) -> bytes:
    """The recorded listing with some of ``filings.recent``'s arrays replaced."""
    data = json.loads((FIXTURES / "submissions" / "CIK0000723533.json").read_text(encoding="utf-8"))
    recent = data["filings"]["recent"]
    for key, value in changes.items():
        recent[key] = value(recent[key]) if callable(value) else value
    return json.dumps(data).encode()


CASES = [
    ("filings not an object", LISTING, b'{"filings": "x"}', "CIK 723533: filings is a string, not an object"),
    ("listing not an object", LISTING, b"[1, 2]", "the submissions JSON is a list, not an object"),
    ("recent is a list", LISTING, b'{"filings": {"recent": []}}', "filings.recent is a list, not an object"),
    ("files not a list", LISTING, b'{"filings": {"recent": {}, "files": 7}}', "filings.files is a number, not a list"),
    ("deep nesting", LISTING, DEEP, "nested too deeply"),
    ("arrays of different lengths", LISTING, _listing(form=lambda v: v + ["8-K"]), "filings.recent.form has"),
    ("number for a date", LISTING, _listing(filingDate=lambda v: [20090819] + v[1:]), "filings.recent.filingDate[0] is a number, not a string"),
    ("object for a form", LISTING, _listing(form=lambda v: [{"x": 1}] + v[1:]), "filings.recent.form[0] is an object, not a string"),
    ("string for an array", LISTING, _listing(accessionNumber="0001213900-09-002194"), "accessionNumber is a string, not a list"),
    ("HTML instead of JSON", LISTING, b"<html><body>Service Unavailable</body></html>", "response is not JSON"),
    ("binary garbage", LISTING, b"\xff\xfe\x00\x81garbage", "response is not JSON"),
    ("empty body", LISTING, b"", "response is not JSON"),
    ("tickers file deep", TICKERS, b"[" * 50_000, "nested too deeply"),
    ("tickers file a string", TICKERS, b'"x"', "company tickers file has an unexpected shape"),
]


@pytest.mark.parametrize("path,body,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_response_is_one_error_line(cli, edgar, tmp_path, path, body, message):
    edgar.serve(path, body)
    company = ["--ticker", "EXPR"] if path == TICKERS else ["--cik", "723533"]
    line = cli("fetch", *company, "--to", str(tmp_path / "out")).one_error()
    assert message in line


def test_truncated_listing_without_a_length_is_one_error_line(cli, edgar, tmp_path):
    """A body cut short with no Content-Length is only noticed by the parser: still one line."""
    edgar.inject(LISTING, ("nolength", 300))
    line = cli("fetch", "--cik", "723533", "--to", str(tmp_path / "out")).one_error()
    assert line.startswith(f"error: {edgar.url}{LISTING}: response is not JSON")


def test_truncated_listing_with_a_length_is_retried_then_one_error(settings, edgar):
    edgar.inject(LISTING, *[("cut", 300)] * 10)
    with pytest.raises(HTTPFetchError, match="transfer interrupted at 300 of .* gave up after 4 attempts"):
        Fetcher(settings).run(FetchQuery(cik=723533))
    assert len(edgar.hits) == 4


def test_malformed_filing_index_fails_that_filing_with_one_line(cli, edgar, tmp_path):
    edgar.serve(INDEX, b'{"directory": "x"}')
    res = cli("fetch", "--cik", "723533", "--documents", "*ex16*", "--to", str(tmp_path / "out"))
    assert res.one_error() == "error: 0001213900-09-002194: index.json directory is a string, not an object"


# -- resumed downloads with a bad Content-Range ---------------------------------------

APPLE_8K = "/Archives/edgar/data/320193/000091205700002128/0000912057-00-002128.txt"


@pytest.mark.parametrize("value", ["bytes 12abc-/zz", "bytes 4000-10/5", "bytes -5-9/10", "", "bytes 99999999999999999999999-1/2", "bytes 100-200/99999"])
def test_bad_content_range_on_resume_restarts_the_download(settings, edgar, tmp_path, value):
    """A 206 whose Content-Range is malformed, impossible or at the wrong offset: the part is dropped, the file fetched whole."""
    whole = (FIXTURES.parents[2] / "data" / "filings" / "8-K_AppleComputer_0000912057-00-002128.txt").read_bytes()
    (tmp_path / "apple.txt.part").write_bytes(whole[:4000])
    edgar.inject(APPLE_8K, ("badrange", value))
    EdgarClient(settings).download(edgar.url + APPLE_8K, tmp_path / "apple.txt")
    assert (tmp_path / "apple.txt").read_bytes() == whole
    hits = edgar.hits_for(APPLE_8K)
    assert [h.status for h in hits] == [206, 200] and "Range" not in hits[1].headers


def test_content_range_parsing():
    assert _content_range("bytes 10-19/20") == (10, 20)
    assert _content_range("bytes */20") == (None, 20)
    assert _content_range("bytes 10-19/*") == (10, None)
    for bad in (None, "", "bytes 12abc-/zz", "bytes 20-10/30", "bytes 0-30/30", "items 0-1/2", "bytes 1-2/3 junk"):
        assert _content_range(bad) == (None, None), bad


def test_hostile_accession_number_fails_that_filing_and_writes_nothing_outside(cli, edgar, tmp_path):
    edgar.serve(LISTING, _listing(accessionNumber=["../../../../escaped"]))
    res = cli("fetch", "--cik", "723533", "--documents", "*ex16*", "--to", str(tmp_path / "out"))
    assert res.one_error() == "error: ../../../../escaped: not an EDGAR accession number: '../../../../escaped'"
    assert not any("escaped" in h.path for h in edgar.hits)
    assert not [p for p in tmp_path.rglob("*") if "escaped" in p.name] and not (tmp_path.parents[1] / "escaped").exists()


def test_tickers_file_with_an_infinite_cik_is_one_error_line(cli, edgar, tmp_path):
    edgar.serve(TICKERS, b'{"0": {"cik_str": 1e400, "ticker": "EXPR", "title": "x"}}')
    assert cli("fetch", "--ticker", "EXPR", "--to", str(tmp_path / "out")).one_error() == "error: unknown ticker 'EXPR': not in EDGAR's company tickers file (try --cik)"
