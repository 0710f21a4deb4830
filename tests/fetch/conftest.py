"""The local EDGAR server (127.0.0.1 only) and fetcher settings that point at it."""

from __future__ import annotations

import pytest

from graph.fetch.config import FetchSettings
from tests.fetch.edgar_server import start_server

USER_AGENT = "filing-kg tests tests@example.com"


@pytest.fixture(scope="session")
def _server():
    state, httpd = start_server()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Never route 127.0.0.1 through a proxy configured in the environment."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def edgar(_server):
    """The running server, with an empty request log and no pending faults."""
    _server.clear()
    yield _server
    _server.clear()


@pytest.fixture
def settings(edgar, tmp_path):
    """Settings aimed at the local server, with a fresh cache and short back-off."""
    return FetchSettings(
        user_agent=USER_AGENT,
        data_url=edgar.url,
        archives_url=edgar.url,
        cache_dir=tmp_path / "cache",
        backoff=0.01,
        max_backoff=0.05,
        retries=3,
        timeout=5.0,
        workers=1,
    )
