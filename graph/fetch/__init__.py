"""Fetch filings from SEC EDGAR by company, form and date, politely and through an on-disk cache.

::

    from pathlib import Path
    from graph.fetch import FetchQuery, FetchSettings, fetch

    settings = FetchSettings(user_agent="Jane Doe jane@example.com")
    report = fetch(FetchQuery(ticker="AAPL", forms="8-K", since="2000-01-01", to=Path("filings")), settings)
    print(report.count("downloaded"), report.paths)

Modules: :mod:`~graph.fetch.client` (rate limit, retries, resumable atomic
downloads), :mod:`~graph.fetch.listing` (submissions JSON -> filings),
:mod:`~graph.fetch.tickers` (ticker -> CIK), :mod:`~graph.fetch.cache`
(accession-keyed folders), :mod:`~graph.fetch.fetch` (orchestration).
Only the standard library is used.
"""

from __future__ import annotations

from graph.fetch.config import FetchSettings
from graph.fetch.errors import FetchError, HTTPFetchError, OfflineError, TickerError, UserAgentError
from graph.fetch.fetch import DocumentChoice, Fetcher, FetchQuery, FetchReport, FilingResult, fetch
from graph.fetch.listing import Filing, FilingFilter, Listing

__all__ = [
    "DocumentChoice",
    "FetchError",
    "FetchQuery",
    "FetchReport",
    "FetchSettings",
    "Fetcher",
    "Filing",
    "FilingFilter",
    "FilingResult",
    "HTTPFetchError",
    "Listing",
    "OfflineError",
    "TickerError",
    "UserAgentError",
    "fetch",
]
