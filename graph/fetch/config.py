"""Fetcher settings: defaults, environment variables, and the checks the SEC's fair-access rules need.

The two base URLs are settings so the very same code runs against the real
EDGAR (``https://data.sec.gov`` for the submissions JSON,
``https://www.sec.gov`` for ``/Archives`` and ``/files/company_tickers.json``)
and against a local test server on 127.0.0.1.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from graph.errors import ConfigError
from graph.fetch.errors import UserAgentError

DATA_URL = "https://data.sec.gov"
ARCHIVES_URL = "https://www.sec.gov"
#: The SEC's published ceiling: no more than 10 requests per second per user.
MAX_RATE = 10.0

ENV_USER_AGENT = "FILING_KG_USER_AGENT"
ENV_DATA_URL = "FILING_KG_EDGAR_DATA_URL"
ENV_ARCHIVES_URL = "FILING_KG_EDGAR_ARCHIVES_URL"
ENV_CACHE_DIR = "FILING_KG_CACHE_DIR"
ENV_RATE = "FILING_KG_EDGAR_RATE"
ENV_DEADLINE = "FILING_KG_EDGAR_DEADLINE"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def default_cache_dir() -> Path:
    """``$FILING_KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/filing-kg/edgar``, else ``~/.cache/filing-kg/edgar``."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "filing-kg" / "edgar"


def check_user_agent(value: str | None) -> str:
    """Return a usable User-Agent or raise :class:`UserAgentError`.

    The SEC blocks undeclared automated traffic and asks for a User-Agent of
    the form "Sample Company Name AdminContact@example.com"; a value without
    an e-mail address would get the user's IP address throttled, so it is
    refused here, before any request is made.
    """
    text = " ".join((value or "").split())
    if not text:
        raise UserAgentError(
            f"EDGAR needs a User-Agent with a contact e-mail: set ${ENV_USER_AGENT} or pass --user-agent, "
            'e.g. "Jane Doe jane@example.com"'
        )
    if not _EMAIL.search(text):
        raise UserAgentError(f'User-Agent "{text}" has no contact e-mail; EDGAR requires one, e.g. "Jane Doe jane@example.com"')
    return text


def origin(url: str) -> tuple[str, int]:
    """(lower-case host name, port) of an http(s) URL; the port defaults by scheme, so https->http is another origin."""
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    try:
        port = parts.port or default
    except ValueError:  # a port that is not a number matches no configured host
        port = -1
    return (parts.hostname or "").lower(), port


def _base_url(value: str, name: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{name} must be an http(s) URL, got {value!r}")
    return value.rstrip("/")


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as err:
        raise ConfigError(f"${name} must be a number, got {raw!r}") from err


@dataclass
class FetchSettings:
    """Everything the fetcher needs besides the query itself."""

    user_agent: str | None = field(default_factory=lambda: os.environ.get(ENV_USER_AGENT))
    data_url: str = field(default_factory=lambda: os.environ.get(ENV_DATA_URL) or DATA_URL)
    archives_url: str = field(default_factory=lambda: os.environ.get(ENV_ARCHIVES_URL) or ARCHIVES_URL)
    cache_dir: Path = field(default_factory=default_cache_dir)
    #: Requests per second, shared by every thread of one client (at most :data:`MAX_RATE`).
    rate: float = field(default_factory=lambda: _env_float(ENV_RATE, MAX_RATE))
    #: Retries after the first attempt, for 429, 5xx, timeouts and cut connections.
    retries: int = 5
    #: First back-off delay in seconds; doubled on each retry, capped by ``max_backoff``.
    backoff: float = 0.5
    max_backoff: float = 30.0
    #: A ``Retry-After`` longer than this fails fast instead of hanging the command.
    max_retry_after: float = 120.0
    #: Seconds one socket operation (connect, one read) may block.
    timeout: float = 30.0
    #: Seconds one whole download or listing may take, retries included: a server
    #: trickling a byte now and then never trips ``timeout`` but does trip this.
    deadline: float = field(default_factory=lambda: _env_float(ENV_DEADLINE, 600.0))
    #: How long the cached company tickers file is trusted, in seconds.
    tickers_ttl: float = 24 * 3600.0
    #: Use only the cache; never open a connection.
    offline: bool = False
    #: Filings downloaded in parallel (the rate limit still holds across them).
    workers: int = 4

    def __post_init__(self) -> None:
        self.data_url = _base_url(self.data_url, "the EDGAR data URL")
        self.archives_url = _base_url(self.archives_url, "the EDGAR archives URL")
        self.cache_dir = Path(self.cache_dir).expanduser()
        if not 0 < self.rate <= MAX_RATE:
            raise ConfigError(f"request rate must be above 0 and at most {MAX_RATE:g} per second (SEC fair access), got {self.rate:g}")
        if self.retries < 0 or self.workers < 1:
            raise ConfigError("retries must be >= 0 and workers >= 1")
        if self.timeout <= 0 or self.deadline <= 0:
            raise ConfigError(f"timeout and deadline must be above 0 seconds (${ENV_DEADLINE}), got {self.timeout:g} and {self.deadline:g}")

    def hosts(self) -> frozenset[tuple[str, int]]:
        """(host name, port) of the two base URLs: the only servers requests and redirects may reach."""
        return frozenset(origin(url) for url in (self.data_url, self.archives_url))

    def checked_user_agent(self) -> str:
        """The User-Agent to send; raises :class:`UserAgentError` when missing or without an e-mail."""
        return check_user_agent(self.user_agent)
