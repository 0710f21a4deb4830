"""The urllib opener behind :class:`~graph.fetch.client.EdgarClient`: metered requests, guarded redirects, a deadline.

urllib follows redirects by itself, inside ``urlopen``, copying every header
(our User-Agent with its contact e-mail) to wherever ``Location`` points and
never passing our rate limiter. Two handlers close those gaps while keeping
urllib's own redirect logic (methods, loop detection, ``max_redirections``):

* :class:`MeteredHandler` is a request processor, so it runs for the first
  request *and* for every redirect urllib follows: each takes a rate-limit
  token and is counted.
* :class:`HostGuard` refuses a redirect to any host other than the
  configured base URLs' hosts before a request is built, so nothing (no
  User-Agent, no e-mail) is ever sent there.
"""

from __future__ import annotations

import time
import urllib.request
from typing import Any, Callable
from urllib.parse import urlsplit

from graph.fetch.config import origin
from graph.fetch.errors import HTTPFetchError
from graph.log import get_logger

log = get_logger("fetch")

#: Redirects followed per request; EDGAR itself needs at most one or two.
MAX_REDIRECTS = 5


class RedirectRefused(HTTPFetchError):
    """A redirect pointed outside the configured EDGAR hosts (or nowhere usable); it was not followed."""


class MeteredHandler(urllib.request.BaseHandler):
    """Calls ``before(url)`` right before every request the opener sends, redirects included."""

    handler_order = 1000  # after the other processors: the token is taken just before sending

    def __init__(self, before: Callable[[str], None]) -> None:
        self.before = before

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        self.before(req.full_url)
        return req

    https_request = http_request


class HostGuard(urllib.request.HTTPRedirectHandler):
    """urllib's redirect handling, restricted to http(s) URLs on ``allowed`` (host, port) pairs."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allowed: frozenset[tuple[str, int]]) -> None:
        self.allowed = allowed

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https") or origin(newurl) not in self.allowed:
            fp.close()
            hosts = ", ".join(sorted(f"{h}:{p}" for h, p in self.allowed))
            raise RedirectRefused(req.full_url, f"HTTP {code} redirect to {newurl} refused: only {hosts} are contacted", code)
        log.info("%s: HTTP %d redirect to %s", req.full_url, code, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def build_opener(allowed: frozenset[tuple[str, int]], before: Callable[[str], None]) -> urllib.request.OpenerDirector:
    """An opener whose every request (redirects too) passes ``before`` and whose redirects stay on ``allowed``."""
    return urllib.request.build_opener(HostGuard(allowed), MeteredHandler(before))


class Deadline:
    """An end time for one download or listing, retries included; socket timeouts never run past it."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self.end = clock() + seconds

    def remaining(self) -> float:
        return self.end - self._clock()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def timeout(self, per_operation: float) -> float:
        """The socket timeout to use now: the per-operation timeout, cut to what is left (never 0, which means non-blocking)."""
        return max(0.05, min(per_operation, self.remaining()))
