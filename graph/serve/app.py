"""A SPARQL 1.1 Protocol endpoint as a WSGI application over a :class:`GraphStore`.

Protocol: queries by GET (``?query=``), by POST of a form
(``application/x-www-form-urlencoded``) or of the query itself
(``application/sparql-query``); ``default-graph-uri``/``named-graph-uri`` choose
the dataset (by default the merge of the document graphs, each triple once; an
update is followed by re-merging, so the default graph is derived, not written). Updates by POST
(``update=`` form or ``application/sparql-update``) only when enabled *and*
carrying the update token (``Authorization: Bearer``; 401/403 otherwise), else 403.
Results are negotiated on ``Accept`` (406 when nothing fits) and written by
pyoxigraph's serialisers. A malformed query is a 400 carrying the parser's
message. Each query runs on a bounded worker pool with a deadline (503 when it
passes) and a row cap (rows beyond it are cut, flagged by ``X-SPARQL-Truncated``).

Hardening (see :mod:`graph.serve.security` and ``docs/reliability.md``): request
bodies over ``max_body`` are refused with 413 before being read, chunked bodies
with 411; CORS headers only when an origin is configured; every error body is
one plain-text line, never a traceback (unexpected failures are logged and
answered with a bare 500).

WSGI keeps it dependency-free and testable in-process; :mod:`graph.serve.server`
runs it on a threaded stdlib server.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from graph.errors import ConfigError, QueryError, StoreError
from graph.log import get_logger
from graph.store.merged import is_merged, sync
from graph.store.results import dataset_options
from graph.rdf.namespaces import PREFIXES
from graph.serve.guard import RemoteAccessRefused, check_remote_access
from graph.serve.workers import Job, Outcome, ProcessPool, QueryStopped, run_job
from graph.serve.page import STATIC_PREFIX, index_html, static_asset
from graph.serve.snapshots import Snapshots
from graph.serve.security import (
    SECURITY_HEADERS,
    AuthError,
    check_update_token,
    cors_headers,
    page_headers,
    preflight_headers,
    require_token,
)
from graph.store import GraphStore

log = get_logger("serve")

StartResponse = Callable[..., Any]

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_ENDPOINTS = ("/sparql", "/query", "/")


@dataclass
class ServerConfig:
    """Endpoint limits and switches (all settable from ``filing-kg serve``)."""

    allow_updates: bool = False
    timeout: float | None = 30.0  # seconds per query; None or 0 = no limit
    max_rows: int | None = 10_000  # solutions/triples per response; None or 0 = no cap
    workers: int = 6  # queries evaluated at once: four runaway queries still leave two free
    max_body: int = 1 << 20  # bytes of a POST body
    explorer: bool = True  # the graph explorer at /view/ (issue 6)
    documents_dir: str | None = None  # filings folder, so the explorer can show a fact's source span
    update_token: str | None = None  # required when allow_updates: ``Authorization: Bearer <token>``
    cors_origin: str | None = None  # e.g. "https://example.org" or "*"; None = no CORS headers at all
    allowed_services: tuple[str, ...] = ()  # hosts SERVICE may call; empty = no federation (no outgoing requests)
    allow_load: bool = False  # LOAD <iri> in updates (fetches the IRI); off = refused even with the token
    allowed_hosts: tuple[str, ...] = ()  # Host header names accepted besides the bound address (DNS rebinding)
    read_timeout: float | None = 30.0  # seconds a client has to send its whole request (headers and body)
    processes: bool = True  # killable worker processes (over snapshots if updating or in memory); False = threads
    memory_limit: int | None = 1024  # MB of resident memory all query workers may use together; None = no budget


class HttpError(Exception):
    """An HTTP error response: status, one-line plain-text message, extra headers."""

    def __init__(self, status: int, message: str, headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or []


_REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 411: "Length Required",
    413: "Content Too Large",
    415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable",
}


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str
    headers: list[tuple[str, str]]


class SparqlApp:
    """The WSGI callable. One instance per store; call :meth:`close` to stop its workers."""

    def __init__(self, store: GraphStore, config: ServerConfig | None = None) -> None:
        self.store = store
        self.config = config or ServerConfig()
        require_token(self.config.allow_updates, self.config.update_token)
        if self.config.allow_updates and getattr(store, "read_only", False):
            raise ConfigError("updates are enabled but the store was opened read-only")
        self._pool = ThreadPoolExecutor(max_workers=max(1, self.config.workers),
                                        thread_name_prefix="filing-kg-sparql")
        self.processes: ProcessPool | None = None
        self._snapshots: Snapshots | None = None
        self._update_lock = threading.Lock()  # one update (and its snapshot) at a time
        if self.config.processes:
            self.processes = self._start_processes(store)
        self.hosts: set[str] | None = None  # Host header values accepted; set by the server once bound
        self._view = None
        if self.config.explorer:
            from graph.view.web import ViewApp  # the explorer shares the store, read-only

            self._view = ViewApp(store, prefix="/view", documents_dir=self.config.documents_dir)

    def _start_processes(self, store: GraphStore) -> ProcessPool:
        """Killable query workers: over the store folder when nothing writes to it, else over snapshots.

        Oxigraph forbids reading a folder another process writes and cannot share
        an in-memory store, so an endpoint taking updates, or serving an in-memory
        or writable store, has its workers read a snapshot, renewed after each update.
        """
        memory = self.config.memory_limit
        budget = memory << 20 if memory else None
        path = getattr(store, "path", None)
        if path is not None and getattr(store, "read_only", False):
            return ProcessPool(str(path), self.config.workers, budget)
        self._snapshots = Snapshots(store.oxigraph, path)
        return ProcessPool(self._snapshots.current, self.config.workers, budget)

    def close(self) -> None:
        """Stop accepting work; threads finish in the background, worker processes are killed."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self.processes is not None:
            self.processes.close()
        if self._snapshots is not None:
            self._snapshots.close()

    def bind(self, host: str, port: int) -> None:
        """Accept only requests whose Host names the bound address (with its port) or an allowed host."""
        names = {host.lower(), "localhost", "127.0.0.1", "[::1]", *(h.lower() for h in self.config.allowed_hosts)}
        self.hosts = {f"{name}:{port}" for name in names} | set(self.config.allowed_hosts)
        if port == 80:
            self.hosts |= names

    # ------------------------------------------------------------------ WSGI

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        extra = [*SECURITY_HEADERS, *cors_headers(self.config.cors_origin)]

        def respond(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            return start_response(status, [*headers, *extra], *([exc_info] if exc_info else []))

        if self.hosts is not None and (environ.get("HTTP_HOST") or "").lower() not in self.hosts:
            return self._send(environ, respond, Response(
                403, b"unknown Host header (start the server with --allowed-host NAME to accept it)\n",
                "text/plain; charset=utf-8", []))
        if self._view is not None and self._view.handles(environ.get("PATH_INFO", "")):
            try:
                return self._view(environ, respond)
            except Exception:  # the explorer's bugs get the same treatment: logged, never shown
                log.exception("internal error in the explorer")
                return self._send(environ, respond, Response(500, b"internal server error\n",
                                                             "text/plain; charset=utf-8", []))
        try:
            response = self._dispatch(environ)
        except HttpError as exc:
            response = Response(exc.status, (exc.message + "\n").encode("utf-8"),
                                "text/plain; charset=utf-8", exc.headers)
        except Exception:  # a bug must not kill the server thread, nor show its traceback
            log.exception("internal error")
            response = Response(500, b"internal server error\n", "text/plain; charset=utf-8", [])
        return self._send(environ, respond, response)

    @staticmethod
    def _send(environ: dict[str, Any], start_response: StartResponse, response: Response) -> Iterable[bytes]:
        headers = [("Content-Type", response.content_type),
                   ("Content-Length", str(len(response.body))), *response.headers]
        start_response(f"{response.status} {_REASONS.get(response.status, '')}".strip(), headers)
        if environ.get("REQUEST_METHOD") == "HEAD":
            return [b""]
        return [response.body]

    def _dispatch(self, environ: dict[str, Any]) -> Response:
        path = environ.get("PATH_INFO") or "/"
        if path.startswith(STATIC_PREFIX):
            return _asset(path[len(STATIC_PREFIX):], environ.get("REQUEST_METHOD", "GET").upper())
        if path not in _ENDPOINTS:
            raise HttpError(404, f"no such resource: {path} (the endpoint is /sparql)")
        method = environ.get("REQUEST_METHOD", "GET").upper()
        url_params = _parse_qs(environ.get("QUERY_STRING", "").encode("latin-1", "replace"))
        if method in ("GET", "HEAD"):
            if "update" in url_params:
                raise HttpError(400, "updates must be sent with POST")
            if "query" not in url_params:
                if path in ("/", "/sparql") and _wants_html(environ):
                    return Response(200, index_html(self.config).encode("utf-8"),
                                    "text/html; charset=utf-8", page_headers())
                raise HttpError(400, "missing 'query' parameter")
            return self._query(_one(url_params, "query"), url_params, environ)
        if method == "OPTIONS" and self.config.cors_origin:
            return Response(204, b"", "text/plain; charset=utf-8", preflight_headers(self.config.cors_origin))
        if method != "POST":
            raise HttpError(405, f"method {method} not allowed", [("Allow", "GET, POST, HEAD")])
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        body = _read_body(environ, self.config.max_body)
        if ctype == _FORM:
            params = {**url_params, **_parse_qs(body)}
            if "query" in params and "update" in params:
                raise HttpError(400, "send either 'query' or 'update', not both")
            if "update" in params:
                return self._update(_one(params, "update"), params, environ)
            if "query" in params:
                return self._query(_one(params, "query"), params, environ)
            raise HttpError(400, "missing 'query' or 'update' parameter")
        if ctype == _QUERY:
            return self._query(_decode(body), url_params, environ)
        if ctype == _UPDATE:
            return self._update(_decode(body), url_params, environ)
        raise HttpError(415, f"unsupported Content-Type {ctype or '(none)'!r}: use {_FORM}, {_QUERY} or {_UPDATE}")

    # ------------------------------------------------------------------ operations

    def _query(self, query: str, params: dict[str, list[str]], environ: dict[str, Any]) -> Response:
        try:
            check_remote_access(query, allowed_services=self.config.allowed_services)
            dataset_options(  # validates the graph IRIs here, so a bad one is a 400 before any work
                default_graph_uris=params.get("default-graph-uri") or None,
                named_graph_uris=params.get("named-graph-uri") or None,
            )
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        timeout = self.config.timeout or None
        job = Job(query=query, default_graph_uris=params.get("default-graph-uri") or None,
                  named_graph_uris=params.get("named-graph-uri") or None,
                  merged=is_merged(self.store.oxigraph), accept=environ.get("HTTP_ACCEPT"),
                  max_rows=self.config.max_rows or None, timeout=timeout)
        if self.processes is not None:
            try:
                outcome = self.processes.run(job, timeout)
            except QueryStopped as exc:
                raise HttpError(503, str(exc)) from None
            except StoreError:
                log.exception("query worker failed")
                raise HttpError(500, "store error (see the server log)") from None
            finally:
                if self._snapshots is not None:  # workers done with an older snapshot let it go
                    self._snapshots.prune(self.processes.paths_in_use())
        else:
            outcome = self._on_thread(job, timeout)
        status, body, media, headers = outcome
        if status != 200:
            raise HttpError(status, body.decode("utf-8", "replace").strip())
        return Response(status, body, media, headers)

    def _on_thread(self, job: Job, timeout: float | None) -> Outcome:
        """In-process evaluation (in-memory or writable stores): the deadline stops the wait and the row loop."""
        deadline = time.monotonic() + timeout if timeout else None
        cancel = threading.Event()
        store = self.store.oxigraph
        future = self._pool.submit(run_job, store, job, deadline, cancel)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            cancel.set()
            future.cancel()
            raise HttpError(503, f"query timed out after {timeout:g} s") from None

    def _update(self, update: str, params: dict[str, list[str]], environ: dict[str, Any]) -> Response:
        if not self.config.allow_updates:
            raise HttpError(403, "updates are disabled on this endpoint (start it with --allow-updates)")
        try:
            check_update_token(environ, self.config.update_token or "")
        except AuthError as exc:
            headers = [("WWW-Authenticate", 'Bearer realm="filing-kg"')] if exc.status == 401 else []
            raise HttpError(exc.status, exc.message, headers) from None
        try:
            check_remote_access(update, allowed_services=self.config.allowed_services,
                                allow_load=self.config.allow_load)
        except RemoteAccessRefused as exc:
            raise HttpError(403 if "LOAD" in str(exc) else 400, str(exc)) from None
        if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
            raise HttpError(400, "using-graph-uri/using-named-graph-uri are not supported; use USING in the update")
        # Updates run here, in the server process (the writer must hold the store): they cannot be
        # killed, so they are token-only and one at a time; the timeout bounds the wait for a turn.
        if not self._update_lock.acquire(timeout=self.config.timeout or -1):
            raise HttpError(503, f"another update is still running after {self.config.timeout:g} s")
        try:
            self.store.oxigraph.update(update, prefixes=PREFIXES)
            sync(self.store.oxigraph, drop_unstated=True)  # the default graph is the merge of the graphs
            if self._snapshots is not None and self.processes is not None:
                self.processes.use(self._snapshots.take())  # the next query sees this update
                self._snapshots.prune(self.processes.paths_in_use())
        except SyntaxError as exc:
            raise HttpError(400, f"malformed SPARQL update: {exc}") from None
        except OSError:
            log.exception("update failed")
            raise HttpError(500, "update failed (see the server log)") from None
        except StoreError:
            log.exception("snapshot after an update failed")
            raise HttpError(500, "update applied, but queries may not see it yet (see the server log)") from None
        finally:
            self._update_lock.release()
        log.info("update applied")
        return Response(204, b"", "text/plain; charset=utf-8", [])


def _asset(name: str, method: str) -> Response:
    """A file of the query page (YASGUI and its set-up), by exact name: 404 for anything else."""
    if method not in ("GET", "HEAD"):
        raise HttpError(405, f"method {method} not allowed", [("Allow", "GET, HEAD")])
    asset = static_asset(name)
    if asset is None:
        raise HttpError(404, f"no such resource: {STATIC_PREFIX}{name}")
    return Response(200, asset.body, asset.content_type, [("Cache-Control", "max-age=3600")])


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name) or []
    if len(values) != 1:
        raise HttpError(400, f"exactly one '{name}' parameter is required")
    return values[0]


def _parse_qs(raw: bytes) -> dict[str, list[str]]:
    """Form or URL parameters; 400 unless the bytes and their %-escapes are UTF-8 (never guessed at)."""
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise HttpError(400, "the parameters are not UTF-8") from None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, "the request body is not UTF-8") from None


def _read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The POST body, refused (413) from its declared length before a byte of it is read."""
    if (environ.get("HTTP_TRANSFER_ENCODING") or "").strip():
        raise HttpError(411, "send the body with a Content-Length (chunked bodies are not accepted)")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise HttpError(400, "bad Content-Length") from None
    if length < 0:
        raise HttpError(400, "bad Content-Length")
    if length > limit:
        raise HttpError(413, f"request body larger than {limit} bytes")
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    if len(body) != length:
        raise HttpError(400, "request body shorter than its Content-Length")
    return body


def _wants_html(environ: dict[str, Any]) -> bool:
    accept = environ.get("HTTP_ACCEPT") or ""
    return not accept or "text/html" in accept or "*/*" in accept
