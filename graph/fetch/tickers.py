"""Ticker -> CIK from EDGAR's company tickers file, cached with a time-to-live.

``https://www.sec.gov/files/company_tickers.json`` maps row numbers to
``{"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}``. It is
about a megabyte and changes slowly, so one copy is kept in the cache and
refreshed only when older than the TTL; if a refresh fails, a stale copy is
still better than no answer. EDGAR writes share classes with a dash
(``BRK-B``), users often with a dot (``BRK.B``): both are accepted.
"""

from __future__ import annotations

from typing import Any, Callable

from graph.fetch.cache import FilingCache
from graph.fetch.errors import FetchError, OfflineError, TickerError
from graph.log import get_logger

log = get_logger("fetch")

TICKERS_PATH = "/files/company_tickers.json"
CACHE_NAME = "company_tickers.json"


def normalize_ticker(ticker: str) -> str:
    return ticker.strip().upper().replace(".", "-").replace("/", "-")


def parse_tickers(data: Any) -> dict[str, tuple[int, str]]:
    """``{TICKER: (cik, title)}`` from the file's ``{"0": {...}, "1": {...}}`` shape (a plain list is accepted too)."""
    rows = data.values() if isinstance(data, dict) else data if isinstance(data, list) else None
    if rows is None:
        raise FetchError("company tickers file has an unexpected shape")
    out: dict[str, tuple[int, str]] = {}
    for row in rows:
        try:
            out.setdefault(normalize_ticker(str(row["ticker"])), (int(row["cik_str"]), str(row.get("title", ""))))
        except (KeyError, TypeError, ValueError, OverflowError):  # a malformed row is skipped, not fatal
            continue
    return out


class TickerMap:
    """Looks tickers up in the cached file, downloading it when missing or older than ``ttl`` seconds."""

    def __init__(self, cache: FilingCache, fetch_json: Callable[[str], Any] | None, archives_url: str, ttl: float) -> None:
        self.cache = cache
        self.fetch_json = fetch_json  # None when offline
        self.url = archives_url.rstrip("/") + TICKERS_PATH
        self.ttl = ttl
        self._table: dict[str, tuple[int, str]] | None = None

    def _load(self) -> dict[str, tuple[int, str]]:
        if self._table is not None:
            return self._table
        age = self.cache.age(CACHE_NAME)
        data = self.cache.read_json(CACHE_NAME) if age is not None else None
        fresh = data is not None and age is not None and age <= self.ttl
        if not fresh and self.fetch_json is not None:
            try:
                data = self.fetch_json(self.url)
                self.cache.write_json(CACHE_NAME, data)
                log.info("company tickers refreshed from %s", self.url)
            except FetchError as exc:
                if data is None:
                    raise
                log.warning("could not refresh the company tickers (%s); using the cached copy", exc)
        if data is None:
            raise OfflineError("offline and the company tickers file is not cached: run once online or pass --cik")
        self._table = parse_tickers(data)
        return self._table

    def lookup(self, ticker: str) -> tuple[int, str]:
        """``(cik, company title)`` for ``ticker``; :class:`TickerError` when EDGAR does not know it."""
        key = normalize_ticker(ticker)
        if not key:
            raise TickerError("empty ticker")
        hit = self._load().get(key)
        if hit is None:
            raise TickerError(f"unknown ticker {ticker!r}: not in EDGAR's company tickers file (try --cik)")
        return hit

    def cik(self, ticker: str) -> int:
        return self.lookup(ticker)[0]
