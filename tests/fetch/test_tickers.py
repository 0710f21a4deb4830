"""Ticker -> CIK from the company tickers file: served by the local server, cached with a TTL."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from graph.fetch import Fetcher
from graph.fetch.errors import OfflineError, TickerError

TICKERS = "/files/company_tickers.json"


def test_ticker_lookup_downloads_once_then_uses_the_cache(settings, edgar):
    assert Fetcher(settings).resolve_cik(ticker="aapl") == 320193
    assert Fetcher(settings).tickers().lookup("CSCO") == (858877, "CISCO SYSTEMS, INC.")
    assert len(edgar.hits_for(TICKERS)) == 1  # second Fetcher: cache hit
    assert (settings.cache_dir / "company_tickers.json").is_file()


def test_share_classes_accept_a_dot(settings, edgar):
    assert Fetcher(settings).resolve_cik(ticker="BRK.B") == 1067983


def test_unknown_ticker_is_a_clear_error(settings, edgar):
    with pytest.raises(TickerError, match="unknown ticker 'ZZZZ9'"):
        Fetcher(settings).resolve_cik(ticker="ZZZZ9")


def test_stale_cache_is_refreshed_after_the_ttl(settings, edgar):
    Fetcher(settings).resolve_cik(ticker="AAPL")
    cached = settings.cache_dir / "company_tickers.json"
    old = cached.stat().st_mtime - 2 * 86400
    os.utime(cached, (old, old))
    Fetcher(settings).resolve_cik(ticker="AAPL")
    assert len(edgar.hits_for(TICKERS)) == 2


def test_stale_cache_still_answers_when_the_refresh_fails(settings, edgar):
    Fetcher(settings).resolve_cik(ticker="AAPL")
    cached = settings.cache_dir / "company_tickers.json"
    os.utime(cached, (0, 0))
    edgar.inject(TICKERS, *[("500",)] * 10)
    assert Fetcher(settings).resolve_cik(ticker="MSFT") == 789019


def test_offline_needs_a_cached_file(settings, edgar):
    offline = replace(settings, offline=True)
    with pytest.raises(OfflineError, match="company tickers file is not cached"):
        Fetcher(offline).resolve_cik(ticker="AAPL")
    Fetcher(settings).resolve_cik(ticker="AAPL")
    edgar.clear()
    assert Fetcher(offline).resolve_cik(ticker="AAPL") == 320193
    assert edgar.hits == []
