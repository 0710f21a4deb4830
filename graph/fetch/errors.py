"""Errors of the EDGAR fetcher, all :class:`FilingKGError` so the CLI prints them on one line."""

from __future__ import annotations

from graph.errors import FilingKGError


class FetchError(FilingKGError):
    """Fetching from EDGAR failed; the message says what and, for HTTP, which URL."""


class UserAgentError(FetchError):
    """The SEC requires a descriptive User-Agent with a contact e-mail; none (or a bad one) was given."""


class TickerError(FetchError):
    """A ticker is not in EDGAR's company tickers file."""


class HTTPFetchError(FetchError):
    """A request still failed after the allowed retries (or failed in a way retrying cannot fix)."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


class OfflineError(FetchError):
    """``--offline`` was asked for and the cache does not hold what is needed."""
