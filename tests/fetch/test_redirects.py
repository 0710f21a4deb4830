"""Redirects stay on the configured hosts and pass the rate limiter; anything else is refused before a byte is sent.

The foreign listener is a second local server on 127.0.0.1, reached by the
name ``localhost`` (another host, as far as the client can tell); it must
receive nothing, so the User-Agent and its contact e-mail never leave.
"""

from __future__ import annotations

import urllib.request

import pytest

from graph.fetch.client import EdgarClient, RateLimiter
from graph.fetch.errors import HTTPFetchError
from graph.fetch.transport import MAX_REDIRECTS
from tests.fetch.edgar_server import start_server

LISTING = "/submissions/CIK0000723533.json"
OTHER = "/submissions/CIK0000911787.json"
APPLE_8K = "/Archives/edgar/data/320193/000091205700002128/0000912057-00-002128.txt"


@pytest.fixture
def foreign():
    """Another server, which the client must never contact; its URL uses the name ``localhost``."""
    state, httpd = start_server(routes={LISTING: b"{}"})
    state.url = state.url.replace("127.0.0.1", "localhost")
    yield state
    httpd.shutdown()
    httpd.server_close()


class CountingLimiter(RateLimiter):
    def __init__(self) -> None:
        super().__init__(10)
        self.taken = 0

    def acquire(self) -> float:
        self.taken += 1
        return super().acquire()


def test_the_foreign_listener_is_reachable_by_name(foreign):
    """Control: a plain request to it does arrive, so 'received nothing' below means something."""
    req = urllib.request.Request(foreign.url + LISTING, headers={"User-Agent": "control c@example.com"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.read() == b"{}"
    assert len(foreign.hits) == 1


def test_redirect_to_another_host_is_refused_on_one_line(cli, edgar, foreign, tmp_path):
    edgar.inject(LISTING, ("redirect", foreign.url + LISTING))
    line = cli("fetch", "--cik", "723533", "--to", str(tmp_path / "out")).one_error()
    assert line == f"error: {edgar.url}{LISTING}: HTTP 302 redirect to {foreign.url}{LISTING} refused: only 127.0.0.1:{edgar.url.rsplit(':', 1)[1]} are contacted"
    assert foreign.hits == []  # no request, so no User-Agent, reached the other host
    assert [h.status for h in edgar.hits] == [302]


def test_redirected_download_to_another_host_is_refused(settings, edgar, foreign, tmp_path):
    edgar.inject(APPLE_8K, ("redirect", foreign.url + APPLE_8K))
    with pytest.raises(HTTPFetchError, match="refused"):
        EdgarClient(settings).download(edgar.url + APPLE_8K, tmp_path / "a.txt")
    assert foreign.hits == [] and not (tmp_path / "a.txt").exists()


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http://[::1"])
def test_redirect_to_another_scheme_or_a_broken_url_is_refused(settings, edgar, location):
    edgar.inject(LISTING, ("redirect", location))
    with pytest.raises(HTTPFetchError):
        EdgarClient(settings).get_json(edgar.url + LISTING)
    assert len(edgar.hits) == 1


def test_redirect_on_the_same_host_is_followed_through_the_limiter(settings, edgar):
    limiter = CountingLimiter()
    client = EdgarClient(settings, limiter=limiter)
    edgar.inject(LISTING, ("redirect", edgar.url + OTHER))
    assert client.get_json(edgar.url + LISTING)["cik"] == "911787"
    assert [(h.path, h.status) for h in edgar.hits] == [(LISTING, 302), (OTHER, 200)]
    assert client.requests == 2 and limiter.taken == 2  # the redirect is a request like any other
    assert all(h.headers["User-Agent"] == settings.user_agent for h in edgar.hits)


def test_relative_redirect_is_followed(settings, edgar):
    edgar.inject(LISTING, ("redirect", OTHER))
    client = EdgarClient(settings)
    client.get_json(edgar.url + LISTING)
    assert [h.path for h in edgar.hits] == [LISTING, OTHER] and client.requests == 2


def test_redirect_loop_stops_within_the_limit(settings, edgar):
    edgar.inject(LISTING, *[("redirect", edgar.url + LISTING)] * 20)
    client = EdgarClient(settings)
    with pytest.raises(HTTPFetchError, match="redirect not followed"):
        client.get_json(edgar.url + LISTING)
    assert client.requests == len(edgar.hits) <= MAX_REDIRECTS + 1
