"""A server that trickles a byte now and then never trips the per-read timeout; the overall deadline stops it."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from graph.errors import ConfigError
from graph.fetch.client import EdgarClient
from graph.fetch.config import FetchSettings
from graph.fetch.errors import HTTPFetchError

LISTING = "/submissions/CIK0000723533.json"
APPLE_8K = "/Archives/edgar/data/320193/000091205700002128/0000912057-00-002128.txt"


def test_trickling_download_fails_at_the_deadline(settings, edgar, tmp_path):
    edgar.inject(APPLE_8K, ("trickle", 0.2, 40))  # one byte every 0.2 s: each read is well inside the 5 s timeout
    client = EdgarClient(replace(settings, deadline=1.0))
    start = time.monotonic()
    with pytest.raises(HTTPFetchError, match=r"not complete within the 1s deadline \(\d+ bytes received\).*FILING_KG_EDGAR_DEADLINE"):
        client.download(edgar.url + APPLE_8K, tmp_path / "a.txt")
    assert 0.9 <= time.monotonic() - start < 3.0
    assert not (tmp_path / "a.txt").exists()
    assert 0 < (tmp_path / "a.txt.part").stat().st_size < 40  # kept for a later resume
    assert len(edgar.hits_for(APPLE_8K)) == 1  # not retried: the deadline covers the retries too


def test_trickling_listing_is_one_error_line_from_the_cli(cli, edgar, tmp_path):
    edgar.inject(LISTING, ("trickle", 0.2, 40))
    start = time.monotonic()
    res = cli("fetch", "--cik", "723533", "--to", str(tmp_path / "out"), FILING_KG_EDGAR_DEADLINE="1")
    line = res.one_error()
    assert line.startswith(f"error: {edgar.url}{LISTING}: not complete within the 1s deadline")
    assert time.monotonic() - start < 5.0


def test_retries_stop_at_the_deadline(settings, edgar):
    """Back-off that would end past the deadline is not waited for: 0.4 s fits in 1 s, the next 0.8 s does not."""
    edgar.inject(LISTING, *[("500",)] * 10)
    client = EdgarClient(replace(settings, deadline=1.0, backoff=0.4, max_backoff=10.0, retries=10))
    start = time.monotonic()
    with pytest.raises(HTTPFetchError, match="HTTP 500, and the next retry would be due after it"):
        client.get_json(edgar.url + LISTING)
    assert time.monotonic() - start < 1.0 and len(edgar.hits) == 2


def test_deadline_is_configurable_and_checked(monkeypatch):
    monkeypatch.setenv("FILING_KG_EDGAR_DEADLINE", "42")
    assert FetchSettings(user_agent="a a@b.co").deadline == 42.0
    with pytest.raises(ConfigError, match="deadline"):
        FetchSettings(user_agent="a a@b.co", deadline=0)
