"""End to end against the local server: list, filter, download into the cache and DIR, cache hits, offline, documents."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from graph.fetch import Fetcher, FetchQuery
from graph.fetch.errors import OfflineError, UserAgentError
from tests.conftest import FILINGS

APPLE_8K = FILINGS / "8-K_AppleComputer_0000912057-00-002128.txt"
EXPER = FILINGS / "8-K_ExperTelligence_0001213900-09-002194.txt"


def _archive_hits(edgar):
    return [h for h in edgar.hits if h.path.startswith("/Archives/")]


def test_fetch_by_ticker_form_and_date(settings, edgar, tmp_path):
    out = tmp_path / "filings"
    report = Fetcher(settings).run(FetchQuery(ticker="AAPL", forms="8-K", until="2001-12-31", to=out))
    assert (report.cik, report.company) == (320193, "Apple Inc.")
    assert [(r.filing.accession, r.status) for r in report.results] == [("0000912057-00-002128", "downloaded")]
    fetched = out / "320193" / "0000912057-00-002128.txt"
    assert report.paths == [fetched]
    assert fetched.read_bytes() == APPLE_8K.read_bytes()
    # tickers file, submissions + the older page (the dates reach back to 2000), the full submission
    assert [h.path for h in edgar.hits] == [
        "/files/company_tickers.json",
        "/submissions/CIK0000320193.json",
        "/submissions/CIK0000320193-submissions-001.json",
        "/Archives/edgar/data/320193/000091205700002128/0000912057-00-002128.txt",
    ]
    assert report.requests == 4
    meta = json.loads((settings.cache_dir / "filings" / "0000912057-00-002128" / "meta.json").read_text())
    assert meta["form"] == "8-K" and meta["cik"] == 320193 and meta["documents"]["0000912057-00-002128.txt"]["size"] == APPLE_8K.stat().st_size


def test_second_run_is_a_cache_hit(settings, edgar, tmp_path):
    query = FetchQuery(cik=320193, forms="8-K", until="2001-12-31", to=tmp_path / "a")
    Fetcher(settings).run(query)
    edgar.clear()
    report = Fetcher(settings).run(replace(query, to=tmp_path / "b"))
    assert [r.status for r in report.results] == ["cached"]
    assert _archive_hits(edgar) == []  # only the listing was refreshed
    assert (tmp_path / "b" / "320193" / "0000912057-00-002128.txt").read_bytes() == APPLE_8K.read_bytes()


def test_offline_uses_only_the_cache(settings, edgar, tmp_path, monkeypatch):
    monkeypatch.delenv("FILING_KG_USER_AGENT", raising=False)
    query = FetchQuery(cik=320193, forms="8-K", until="2001-12-31", to=tmp_path / "out")
    offline = replace(settings, offline=True, user_agent=None)  # offline needs no User-Agent
    with pytest.raises(OfflineError, match="CIK0000320193.json is not cached"):
        Fetcher(offline).run(query)
    Fetcher(settings).run(query)
    edgar.clear()
    report = Fetcher(offline).run(replace(query, to=tmp_path / "again"))
    assert [r.status for r in report.results] == ["cached"] and edgar.hits == [] and report.requests == 0
    # a filing never downloaded is a per-filing failure offline, not a crash
    report = Fetcher(offline).run(FetchQuery(cik=320193, forms="8-K", until="2001-12-31", documents="primary,*.htm"))
    assert report.results[0].status == "failed" and "not cached" in report.results[0].error


def test_missing_user_agent_stops_before_any_request(settings, edgar, monkeypatch):
    monkeypatch.delenv("FILING_KG_USER_AGENT", raising=False)
    with pytest.raises(UserAgentError):
        Fetcher(replace(settings, user_agent=None)).run(FetchQuery(cik=320193))
    assert edgar.hits == []


def test_chosen_documents_from_the_filing_index(settings, edgar, tmp_path):
    out = tmp_path / "docs"
    report = Fetcher(settings).run(FetchQuery(cik=723533, forms="8-K", documents="primary,*ex16*", to=out))
    (res,) = report.results
    names = sorted(p.name for p in res.paths)
    assert names == ["0001213900-09-002194_f8k080309_expertil.htm", "0001213900-09-002194_f8k080309ex16i_expertil.htm"]
    assert b"ITEM 4.01" in (out / "723533" / names[0]).read_bytes()
    assert "/Archives/edgar/data/723533/000121390009002194/index.json" in [h.path for h in edgar.hits]


def test_full_submission_of_a_modern_filing(settings, edgar, tmp_path):
    report = Fetcher(settings).run(FetchQuery(cik=723533, to=tmp_path))
    assert report.paths[0].read_bytes() == EXPER.read_bytes()


def test_one_missing_filing_fails_alone(settings, edgar, tmp_path):
    """Apple's 2025 10-Q exhibit is served, the full submissions of the 10-Qs are not (404): those fail, the rest goes on."""
    report = Fetcher(settings).run(FetchQuery(cik=320193, forms="10-Q", since="2025-04-01", until="2025-06-01", documents="*exhibit32*", to=tmp_path))
    (res,) = report.results
    assert res.status == "downloaded" and res.paths[0].name == "0000320193-25-000057_a10-qexhibit32103292025.htm"
    assert res.paths[0].read_bytes() == (FILINGS / "EX-32.1_Apple_2025-05-02.htm").read_bytes()
    report = Fetcher(settings).run(FetchQuery(cik=320193, forms="10-K,8-K", since="1999-01-01", to=tmp_path))
    statuses = {r.filing.accession: (r.status, r.error) for r in report.results}
    assert statuses["0000912057-00-002128"][0] == "downloaded"
    assert statuses["0000320193-24-000123"][0] == "failed" and "404" in statuses["0000320193-24-000123"][1]
    assert "/Archives/edgar/data/320193/000032019324000123/0000320193-24-000123.txt" in statuses["0000320193-24-000123"][1]
    assert len(report.failures) == 2


def test_no_matching_document_is_reported_not_failed(settings, edgar, tmp_path):
    report = Fetcher(settings).run(FetchQuery(cik=723533, documents="*ex21*", to=tmp_path))
    assert report.results[0].status == "empty" and report.failures == []


def test_parallel_workers_share_the_rate_limit(settings, edgar, tmp_path):
    """Several filings with 4 workers: everything arrives and no part files are left behind."""
    fast = replace(settings, workers=4)
    report = Fetcher(fast).run(FetchQuery(cik=320193, forms="8-K,10-Q", since="2000-01-01", until="2025-05-31", documents="full", to=tmp_path / "out"))
    assert {r.status for r in report.results} == {"downloaded", "failed"}
    assert not list((settings.cache_dir).rglob("*.part"))
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]


def test_dry_run_downloads_nothing(settings, edgar):
    report = Fetcher(settings).run(FetchQuery(cik=320193, forms="10-K"), dry_run=True)
    assert [r.filing.accession for r in report.results] == ["0000320193-25-000079", "0000320193-24-000123"]
    assert _archive_hits(edgar) == []


def test_limit_keeps_the_newest(settings, edgar):
    report = Fetcher(settings).run(FetchQuery(cik=320193, limit=2), dry_run=True)
    assert [r.filing.filing_date.isoformat() for r in report.results] == ["2025-10-31", "2025-08-01"]
