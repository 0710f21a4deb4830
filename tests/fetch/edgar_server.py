"""A local stand-in for EDGAR on 127.0.0.1: recorded responses, Range support and injected faults.

Routes come from ``fixtures/routes.json`` (URL path -> fixture file; a
leading ``@`` means a path from the repository root, i.e. a sample filing in
``data/filings``). Both base URLs (data.sec.gov and www.sec.gov) point at the
same server, since their paths do not overlap.

Faults are queued per path and consumed one per request:
``("429", seconds)`` answers 429 with ``Retry-After``, ``("500",)`` a server
error, ``("cut", n)`` sends the headers for the whole body, then ``n`` bytes,
then closes the connection, ``("nolength", n)`` sends ``n`` bytes with no
``Content-Length`` and closes (a truncation only the parser can notice),
``("redirect", location)`` answers 302, ``("trickle", seconds, n)`` sends
the headers, then one byte every ``seconds`` (at most ``n``), and
``("badrange", value)`` answers a ``Range`` request with 206 and that
``Content-Range``. :meth:`EdgarServer.serve` replaces a route's body for one
test (malformed JSON, hostile index files). Every request is logged with its arrival time
(``time.monotonic``), path, status and headers, so tests can measure the rate.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def load_routes() -> dict[str, bytes]:
    routes = json.loads((FIXTURES / "routes.json").read_text(encoding="utf-8"))
    out = {}
    for path, file in routes.items():
        src = ROOT / file[1:] if file.startswith("@") else FIXTURES / file
        out[path] = src.read_bytes()
    return out


@dataclass
class Hit:
    at: float
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class EdgarServer:
    routes: dict[str, bytes]
    hits: list[Hit] = field(default_factory=list)
    faults: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    overrides: dict[str, bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def serve(self, path: str, body: bytes) -> None:
        """Answer ``path`` with ``body`` until :meth:`clear`."""
        with self.lock:
            self.overrides[path] = body

    def inject(self, path: str, *faults: tuple) -> None:
        with self.lock:
            self.faults[path].extend(faults)

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def clear(self) -> None:
        with self.lock:
            self.hits.clear()
            self.faults.clear()
            self.overrides.clear()


def _handler(state: EdgarServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection, like urllib uses

        def log_message(self, *args: object) -> None:  # keep test output clean
            return

        def _log(self, status: int) -> None:
            with state.lock:
                state.hits.append(Hit(self._at, self.path, status, {k: v for k, v in self.headers.items()}))

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self._log(status)
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._at = time.monotonic()
            if "@" not in self.headers.get("User-Agent", ""):
                self._send(403, b"Request Rate Threshold Exceeded / undeclared automated tool")
                return
            with state.lock:
                queue = state.faults.get(self.path)
                fault = queue.popleft() if queue else None
            if fault and fault[0] == "429":
                self._send(429, b"Too Many Requests", {"Retry-After": str(fault[1])})
                return
            if fault and fault[0] == "500":
                self._send(500, b"Internal Server Error")
                return
            if fault and fault[0] == "redirect":
                self._send(302, b"", {"Location": fault[1]})
                return
            with state.lock:
                body = state.overrides.get(self.path, state.routes.get(self.path))
            if body is None:
                self._send(404, b"Not Found")
                return
            status, headers, start = 200, {"Accept-Ranges": "bytes"}, 0
            rng = self.headers.get("Range")
            if rng and fault and fault[0] == "badrange":
                self._send(206, body, {"Content-Range": fault[1]})
                return
            if rng and rng.startswith("bytes=") and rng.endswith("-"):
                start = int(rng[6:-1])
                if start >= len(body):
                    self._send(416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
                status = 206
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
            payload = body[start:]
            if fault and fault[0] in ("cut", "nolength", "trickle"):
                self._partial(status, headers, payload, fault)
                return
            self._send(status, payload, headers)

        def _partial(self, status: int, headers: dict[str, str], payload: bytes, fault: tuple) -> None:
            """Headers, then part of the body: cut short, without a length, or a byte at a time."""
            self._log(status)
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if fault[0] != "nolength":
                self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.close_connection = True
            try:
                if fault[0] == "trickle":
                    for i in range(min(fault[2], len(payload))):
                        self.wfile.write(payload[i : i + 1])
                        self.wfile.flush()
                        time.sleep(fault[1])
                    return
                self.wfile.write(payload[: fault[1]])
                self.wfile.flush()
            except OSError:  # the client gave up: that is the point of the test
                return

    return Handler


def start_server(routes: dict[str, bytes] | None = None) -> tuple[EdgarServer, ThreadingHTTPServer]:
    state = EdgarServer(routes if routes is not None else load_routes())
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, name="edgar-test-server", daemon=True).start()
    return state, httpd
