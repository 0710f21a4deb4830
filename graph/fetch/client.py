"""HTTP for EDGAR: a shared rate limit, retries with back-off, and resumable atomic downloads.

Why each piece exists:

* **Rate limit.** The SEC allows at most 10 requests per second per user and
  blocks IP addresses that go faster, so every request (retries included)
  takes a token from one thread-safe bucket.
* **Retries.** 429 and 5xx answers, timeouts and cut connections are
  transient; they are retried with exponential back-off, waiting exactly as
  long as a ``Retry-After`` header asks when the server sends one.
* **Deadline.** The socket timeout bounds each read, but a server that
  trickles a byte every few seconds never trips it; every listing and
  download also has an overall deadline (retries included).
* **Redirects.** Followed by urllib, but only to the configured hosts and
  each through the rate limiter (:mod:`graph.fetch.transport`).
* **Resume + atomic rename.** Full submissions can be tens of megabytes. A
  download streams into ``<name>.part``; after an interruption (in this run
  or a previous one) it continues with a ``Range`` request, and only a
  complete file is renamed to its final name, so a reader never sees half a
  filing.

stdlib :mod:`urllib` only: no new runtime dependency.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import socket
import threading
import time
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator

from graph.fetch.config import ENV_DEADLINE, FetchSettings
from graph.fetch.errors import HTTPFetchError
from graph.fetch.transport import MAX_REDIRECTS, Deadline, build_opener
from graph.log import get_logger

log = get_logger("fetch")

Clock = Callable[[], float]
Sleep = Callable[[float], None]

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


class RateLimiter:
    """Token bucket shared by threads: ``rate`` tokens per second, at most ``capacity`` saved up.

    With the default capacity of one token, requests are spaced at least
    ``1/rate`` apart, so no one-second window ever holds more than ``rate``
    requests (a larger bucket would allow bursts above the SEC's ceiling).
    A caller reserves its slot under the lock and sleeps outside it, so
    waiting threads queue fairly and never hold the lock while sleeping.
    """

    def __init__(self, rate: float, capacity: float = 1.0, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be > 0 and capacity >= 1")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = capacity
        self._last = clock()

    def acquire(self) -> float:
        """Take one token, sleeping until it is due; return the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1.0
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait


class _Retryable(Exception):
    """A failure worth another attempt, with the server's ``Retry-After`` when it gave one."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


_RANGE = re.compile(r"bytes (?:(\d{1,18})-(\d{1,18})|\*)/(\d{1,18}|\*)")


def _content_range(value: str | None) -> tuple[int | None, int | None]:
    """(first byte, total length) of ``Content-Range: bytes a-b/total`` or ``bytes */total``; None for what is missing or malformed.

    A value that does not parse, or whose range is impossible (``a > b``,
    ``b >= total``), yields ``(None, None)`` so the caller restarts the
    download instead of appending bytes at a guessed offset.
    """
    m = _RANGE.fullmatch((value or "").strip())
    if not m:
        return None, None
    first, last, total = m.group(1), m.group(2), m.group(3)
    size = int(total) if total != "*" else None
    if first is None:
        return None, size
    if int(first) > int(last) or (size is not None and int(last) >= size):
        return None, None
    return int(first), size


_TRANSIENT = (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError, socket.timeout)


class EdgarClient:
    """One polite EDGAR client: User-Agent on every request, shared rate limit, retries, resumable downloads.

    Thread-safe: several download threads may share one client (and so one
    rate limit). ``requests`` counts every HTTP request sent, retries included.
    """

    def __init__(self, settings: FetchSettings, limiter: RateLimiter | None = None, sleep: Sleep = time.sleep) -> None:
        self.settings = settings
        self.user_agent = settings.checked_user_agent()
        self.limiter = limiter or RateLimiter(settings.rate)
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self.requests = 0
        self._opener = build_opener(settings.hosts(), self._before_request)

    # -- one request -------------------------------------------------------

    def _before_request(self, url: str) -> None:
        """Take a rate-limit token and count the request; urllib calls this for every redirect too."""
        self.limiter.acquire()
        with self._count_lock:
            self.requests += 1

    def _open(self, url: str, deadline: Deadline, headers: dict[str, str] | None = None, accept: frozenset[int] = frozenset()) -> Any:
        """Send one GET (redirects followed on the configured hosts only); map failures to retryable or final errors."""
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity", **(headers or {})})
        log.debug("GET %s %s", url, headers or "")
        try:
            return self._opener.open(req, timeout=deadline.timeout(self.settings.timeout))
        except urllib.error.HTTPError as err:
            if err.code in accept:
                return err
            err.close()
            if 300 <= err.code < 400:
                raise HTTPFetchError(url, f"HTTP {err.code}: redirect not followed (more than {MAX_REDIRECTS} redirects, a loop, or no usable Location)", err.code) from err
            if err.code in _RETRY_STATUS or 500 <= err.code < 600:
                raise _Retryable(f"HTTP {err.code}", err.code, parse_retry_after(err.headers.get("Retry-After"))) from err
            raise HTTPFetchError(url, _final_reason(err.code), err.code) from err
        except _TRANSIENT as err:
            raise _Retryable(f"{err.__class__.__name__}: {getattr(err, 'reason', err)}") from err
        except ValueError as err:  # e.g. a Location header that is not a URL
            raise HTTPFetchError(url, f"malformed response: {err}") from err

    def _with_retries(self, url: str, action: Callable[[Deadline], Any]) -> Any:
        """Run ``action`` until it succeeds, retrying transient failures with back-off or ``Retry-After``, all within the deadline."""
        deadline = Deadline(self.settings.deadline)
        failures = 0
        while True:
            try:
                return action(deadline)
            except _Retryable as exc:
                failures += 1
                if deadline.expired():
                    raise self._late(url, deadline, exc.reason) from exc
                if failures > self.settings.retries:
                    raise HTTPFetchError(url, f"{exc.reason}, gave up after {failures} attempts", exc.status) from exc
                if exc.retry_after is not None:
                    delay = exc.retry_after
                    if delay > self.settings.max_retry_after:
                        raise HTTPFetchError(
                            url, f"{exc.reason} with Retry-After {delay:g}s (more than {self.settings.max_retry_after:g}s); try again later", exc.status
                        ) from exc
                else:
                    delay = min(self.settings.max_backoff, self.settings.backoff * 2 ** (failures - 1))
                if delay >= deadline.remaining():
                    raise self._late(url, deadline, f"{exc.reason}, and the next retry would be due after it") from exc
                log.info("%s: %s; retry %d/%d in %.2fs", url, exc.reason, failures, self.settings.retries, delay)
                if delay > 0:
                    self._sleep(delay)

    def _late(self, url: str, deadline: Deadline, detail: str) -> HTTPFetchError:
        return HTTPFetchError(
            url, f"not complete within the {deadline.seconds:g}s deadline ({detail}); the server is slow or stalled (${ENV_DEADLINE} allows more time)"
        )

    def _chunks(self, url: str, resp: Any, deadline: Deadline, received: int = 0) -> Iterator[bytes]:
        """The body in pieces as they arrive (``read1``: one socket read each), stopping at the deadline.

        ``read(n)`` would block until ``n`` bytes came, which a trickling
        server can stretch forever without ever tripping the socket timeout.
        """
        while True:
            if deadline.expired():
                raise self._late(url, deadline, f"{received} bytes received")
            try:
                chunk = resp.read1(_CHUNK)
            except (http.client.IncompleteRead, *_TRANSIENT) as err:
                raise _Retryable(f"transfer interrupted at byte {received}: {err.__class__.__name__}") from err
            if not chunk:
                return
            received += len(chunk)
            yield chunk

    # -- small bodies ------------------------------------------------------

    def get_bytes(self, url: str) -> bytes:
        """The whole body of ``url`` (JSON listings, index pages); retried as a unit."""

        def attempt(deadline: Deadline) -> bytes:
            with self._open(url, deadline) as resp:
                expected = resp.headers.get("Content-Length")
                body = b"".join(self._chunks(url, resp, deadline))
            if expected and expected.isdigit() and len(body) != int(expected):
                raise _Retryable(f"transfer interrupted at {len(body)} of {expected} bytes")
            return body

        return self._with_retries(url, attempt)

    def get_json(self, url: str) -> Any:
        """``url`` parsed as JSON; a body that is not JSON is a final error naming the URL."""
        body = self.get_bytes(url)
        try:
            return json.loads(body)
        except ValueError as err:
            raise HTTPFetchError(url, f"response is not JSON ({err})") from err
        except RecursionError as err:
            raise HTTPFetchError(url, "response JSON is nested too deeply to read") from err

    # -- files -------------------------------------------------------------

    def download(self, url: str, dest: Path) -> int:
        """Download ``url`` to ``dest`` atomically, resuming a leftover ``dest.part``; return the file size.

        The ``.part`` file survives interruptions (a cut connection here, or a
        killed process earlier); the next attempt asks for the missing bytes
        with ``Range``. A server that ignores ``Range`` (200) restarts the
        file; a 206 that does not start where the part ends is discarded.
        """
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        self._with_retries(url, lambda deadline: self._download_attempt(url, part, deadline))
        size = part.stat().st_size
        os.replace(part, dest)
        _fsync_dir(dest.parent)
        return size

    def _download_attempt(self, url: str, part: Path, deadline: Deadline) -> None:
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        resp = self._open(url, deadline, headers, accept=frozenset({416}))
        with resp:
            status = resp.status
            if status == 416:  # nothing after byte ``have``: complete if the sizes agree, else start over
                _first, total = _content_range(resp.headers.get("Content-Range"))
                if total == have:
                    return
                part.unlink(missing_ok=True)
                raise _Retryable("range not satisfiable; restarting the download")
            if status == 206:
                first, total = _content_range(resp.headers.get("Content-Range"))
                if first is None:
                    part.unlink(missing_ok=True)
                    raise _Retryable(f"206 with a missing or malformed Content-Range {resp.headers.get('Content-Range')!r}; restarting")
                if first != have:
                    part.unlink(missing_ok=True)
                    raise _Retryable(f"server resumed at byte {first}, not {have}; restarting")
                mode, start = "ab", have
            else:  # 200: whole body, whatever we asked for
                length = resp.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                mode, start = "wb", 0
            if have and status == 206:
                log.info("%s: resuming at byte %d", url, have)
            written = start
            with open(part, mode) as fh:
                try:
                    for chunk in self._chunks(url, resp, deadline, written):
                        fh.write(chunk)
                        written += len(chunk)
                finally:
                    fh.flush()
                    os.fsync(fh.fileno())
            if total is not None and written < total:
                raise _Retryable(f"transfer interrupted at byte {written} of {total}")
            if total is not None and written > total:
                part.unlink(missing_ok=True)
                raise _Retryable(f"received {written} bytes, more than the announced {total}; restarting")


def _final_reason(status: int) -> str:
    if status == 404:
        return "HTTP 404 not found"
    if status == 403:
        return "HTTP 403 forbidden (EDGAR refuses undeclared or too-fast traffic: check the User-Agent and the request rate)"
    return f"HTTP {status}"


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable where the platform allows it (no-op on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
