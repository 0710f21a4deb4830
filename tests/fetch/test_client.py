"""The HTTP client against the local EDGAR server: User-Agent, measured rate limit, retries, resume, atomic files."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from graph.errors import ConfigError
from graph.fetch.client import EdgarClient, RateLimiter, parse_retry_after
from graph.fetch.config import FetchSettings, check_user_agent
from graph.fetch.errors import HTTPFetchError, UserAgentError
from tests.conftest import FILINGS

SMALL = "/submissions/CIK0000723533.json"
APPLE_8K = "/Archives/edgar/data/320193/000091205700002128/0000912057-00-002128.txt"
APPLE_8K_FILE = FILINGS / "8-K_AppleComputer_0000912057-00-002128.txt"


# -- User-Agent ---------------------------------------------------------------


def test_user_agent_is_required_with_an_email(monkeypatch):
    monkeypatch.delenv("FILING_KG_USER_AGENT", raising=False)
    with pytest.raises(UserAgentError, match="FILING_KG_USER_AGENT"):
        EdgarClient(FetchSettings())
    with pytest.raises(UserAgentError, match="no contact e-mail"):
        check_user_agent("filing-kg/0.1")
    assert check_user_agent("  Jane   Doe jane@example.com ") == "Jane Doe jane@example.com"
    monkeypatch.setenv("FILING_KG_USER_AGENT", "Acme Research ops@acme.io")
    assert EdgarClient(FetchSettings()).user_agent == "Acme Research ops@acme.io"


def test_user_agent_is_sent_on_every_request(settings, edgar):
    client = EdgarClient(settings)
    client.get_json(edgar.url + SMALL)
    assert edgar.hits[-1].headers["User-Agent"] == settings.user_agent


def test_rate_above_the_sec_ceiling_is_refused():
    with pytest.raises(ConfigError, match="at most 10"):
        FetchSettings(user_agent="a a@b.co", rate=11)


# -- rate limit -----------------------------------------------------------------


def test_token_bucket_spaces_requests_with_a_fake_clock():
    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    limiter = RateLimiter(10, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        limiter.acquire()
    assert slept == pytest.approx([0.1, 0.1, 0.1, 0.1])  # first token is free, then one every 1/rate
    now[0] += 5.0  # idle time saves at most `capacity` tokens: no burst afterwards
    limiter.acquire()
    limiter.acquire()
    assert slept[-1] == pytest.approx(0.1)


def _max_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    best, j = 0, 0
    for i, t in enumerate(times):
        while times[j] <= t - window:
            j += 1
        best = max(best, i - j + 1)
    return best


def _hammer(client: EdgarClient, url: str, threads: int, each: int) -> None:
    def work() -> None:
        for _ in range(each):
            client.get_bytes(url)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=30)


def test_rate_limit_measured_at_the_server(settings, edgar):
    """16 requests from 4 threads at 10/s: no 0.98-second window at the server holds more than 10."""
    client = EdgarClient(settings)
    _hammer(client, edgar.url + SMALL, threads=4, each=4)
    times = [h.at for h in edgar.hits]
    assert len(times) == 16 and client.requests == 16
    assert _max_in_window(times, 0.98) <= 10  # 20 ms of slack for scheduling jitter
    assert (len(times) - 1) / (max(times) - min(times)) <= 10.3


def test_rate_measurement_catches_an_unlimited_client(settings, edgar):
    """The same measurement fails without a limit, so the test above can fail."""
    client = EdgarClient(settings, limiter=RateLimiter(10_000, capacity=100))
    _hammer(client, edgar.url + SMALL, threads=4, each=4)
    assert _max_in_window([h.at for h in edgar.hits], 0.98) > 10


# -- retries -------------------------------------------------------------------


def test_retry_after_on_429_is_respected(settings, edgar):
    edgar.inject(SMALL, ("429", 1))
    data = EdgarClient(settings).get_json(edgar.url + SMALL)
    assert data["name"] == "EXPERTELLIGENCE INC"
    hits = edgar.hits_for(SMALL)
    assert [h.status for h in hits] == [429, 200]
    assert hits[1].at - hits[0].at >= 0.95


def test_500s_are_retried_with_exponential_backoff(settings, edgar):
    edgar.inject(SMALL, ("500",), ("500",))
    slept: list[float] = []
    client = EdgarClient(replace(settings, backoff=0.02, max_backoff=1.0), sleep=slept.append)
    client.get_json(edgar.url + SMALL)
    assert [h.status for h in edgar.hits_for(SMALL)] == [500, 500, 200]
    assert slept == pytest.approx([0.02, 0.04])


def test_gives_up_after_the_retries_and_names_the_url(settings, edgar):
    edgar.inject(SMALL, *[("500",)] * 10)
    with pytest.raises(HTTPFetchError) as info:
        EdgarClient(settings).get_json(edgar.url + SMALL)
    assert str(info.value).startswith(edgar.url + SMALL + ": HTTP 500")
    assert "gave up after 4 attempts" in str(info.value)
    assert len(edgar.hits_for(SMALL)) == 4  # 1 + retries=3


def test_a_very_long_retry_after_fails_fast(settings, edgar):
    edgar.inject(SMALL, ("429", 600))
    with pytest.raises(HTTPFetchError, match="Retry-After 600s"):
        EdgarClient(settings).get_json(edgar.url + SMALL)
    assert len(edgar.hits_for(SMALL)) == 1


def test_404_is_not_retried(settings, edgar):
    with pytest.raises(HTTPFetchError, match="404 not found"):
        EdgarClient(settings).get_bytes(edgar.url + "/submissions/CIK0000000001.json")
    assert len(edgar.hits) == 1


def test_retry_after_forms():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 30) == pytest.approx(30.0)
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None


# -- downloads: resume and atomic rename ------------------------------------------


def test_cut_transfer_resumes_with_range(settings, edgar, tmp_path):
    edgar.inject(APPLE_8K, ("cut", 2500))
    dest = tmp_path / "dl" / "apple.txt"
    size = EdgarClient(settings).download(edgar.url + APPLE_8K, dest)
    assert dest.read_bytes() == APPLE_8K_FILE.read_bytes() and size == APPLE_8K_FILE.stat().st_size
    hits = edgar.hits_for(APPLE_8K)
    assert [h.status for h in hits] == [200, 206]
    assert "Range" not in hits[0].headers and hits[1].headers["Range"] == "bytes=2500-"
    assert not (dest.parent / "apple.txt.part").exists()


def test_leftover_part_file_from_an_earlier_run_is_resumed(settings, edgar, tmp_path):
    whole = APPLE_8K_FILE.read_bytes()
    dest = tmp_path / "apple.txt"
    (tmp_path / "apple.txt.part").write_bytes(whole[:4000])
    EdgarClient(settings).download(edgar.url + APPLE_8K, dest)
    assert dest.read_bytes() == whole
    assert edgar.hits_for(APPLE_8K)[0].headers["Range"] == "bytes=4000-"


def test_complete_part_file_is_finished_on_416(settings, edgar, tmp_path):
    whole = APPLE_8K_FILE.read_bytes()
    (tmp_path / "apple.txt.part").write_bytes(whole)
    EdgarClient(settings).download(edgar.url + APPLE_8K, tmp_path / "apple.txt")
    assert (tmp_path / "apple.txt").read_bytes() == whole
    assert [h.status for h in edgar.hits_for(APPLE_8K)] == [416]


def test_failed_download_leaves_no_final_file(settings, edgar, tmp_path):
    edgar.inject(APPLE_8K, *[("cut", 1000)] * 10)
    dest = tmp_path / "apple.txt"
    with pytest.raises(HTTPFetchError, match="transfer interrupted"):
        EdgarClient(settings).download(edgar.url + APPLE_8K, dest)
    assert not dest.exists()  # readers never see a partial filing
    assert (tmp_path / "apple.txt.part").stat().st_size == 4000  # 4 attempts x 1000 bytes, resumable later
    EdgarClient(settings).download(edgar.url + APPLE_8K, dest)
    assert dest.read_bytes() == APPLE_8K_FILE.read_bytes()


def test_limiter_is_thread_safe_under_contention():
    limiter = RateLimiter(200)
    stamps: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(10):
            limiter.acquire()
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    span = stamps[-1] - stamps[0]
    assert len(stamps) == 50 and span >= 49 / 200 * 0.95
