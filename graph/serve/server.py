"""Run :class:`SparqlApp` on the standard library's threaded WSGI server (127.0.0.1 by default).

No server dependency: ``wsgiref`` plus ``ThreadingMixIn`` handles connections on
threads, while query evaluation is bounded by the app's own worker pool.
"""

from __future__ import annotations

import errno
import io
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer, make_server

from graph.errors import ConfigError
from graph.log import get_logger
from graph.serve.app import ServerConfig, SparqlApp
from graph.serve.security import is_loopback
from graph.store import GraphStore

log = get_logger("serve")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    #: Pending connections the kernel queues; the stdlib default (5) drops bursts of clients.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection that failed (client gone, reset): one log line, no traceback on stderr."""
        import sys

        exc = sys.exc_info()[1]
        log.info("connection from %s failed: %s", client_address[0] if client_address else "?",
                 exc.__class__.__name__ if exc else "unknown error")


class _Handler(WSGIRequestHandler):
    """Access log through the project logger (never straight to stderr).

    Errors the HTTP layer answers itself (414 for a request line over 64 KiB,
    400 for a garbled request, 431 for too many headers) get the same one-line
    plain-text body as the application's errors.
    """

    error_message_format = "%(code)d %(message)s\n"
    error_content_type = "text/plain; charset=utf-8"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.info("%s %s", self.address_string(), format % args)

    def setup(self) -> None:
        self.timeout = self.server.get_app().config.read_timeout or None  # per socket operation
        super().setup()

    def handle(self) -> None:
        """The stdlib's one-request ``handle``, with a deadline on reading the whole request.

        A per-``recv`` timeout does not stop a client that sends one byte a second,
        so a timer shuts the socket down unless the request line, the headers and
        the body (read here, up to the app's body limit) all arrive within
        ``read_timeout``; the app then reads the body from memory.
        """
        app = self.server.get_app()
        timer = None
        if app.config.read_timeout:
            timer = threading.Timer(app.config.read_timeout, self._drop)
            timer.daemon = True
            timer.start()
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = self.request_version = self.command = ""
                self.send_error(414)
                return
            if not self.parse_request():
                return
            body = self._read_body(app.config.max_body)
        finally:
            if timer is not None:
                timer.cancel()
        if self._dropped:
            return
        handler = ServerHandler(body if body is not None else self.rfile, self.wfile, self.get_stderr(),
                                self.get_environ(), multithread=False)
        handler.request_handler = self  # type: ignore[attr-defined]
        handler.run(app)

    _dropped = False

    def _drop(self) -> None:
        """The read deadline passed: end the connection (the blocked read returns, the thread is freed)."""
        self._dropped = True
        log.info("dropping %s: request not received within the read timeout", self.address_string())
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _read_body(self, limit: int) -> io.BytesIO | None:
        """The declared body, read in full (None when the app refuses it unread: too large, chunked, bad length)."""
        if self.headers.get("Transfer-Encoding"):
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if length <= 0 or length > limit:
            return None
        data = self.rfile.read(length)
        return io.BytesIO(data)


def make_http_server(app: SparqlApp, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> WSGIServer:
    """A bound (not yet serving) server; ``port=0`` picks a free port (see ``server.server_port``).

    Binding anything but a loopback address is logged as a warning: the store is
    then reachable from the network.
    """
    if not is_loopback(host):
        log.warning("serving on %s: the endpoint is reachable from other machines", host)
    try:
        server = make_server(host, port, app, server_class=_ThreadingWSGIServer, handler_class=_Handler)
    except OSError as exc:  # in use, not ours to bind, no such interface: the user picks another
        reason = "is in use (another server is listening on it)" if exc.errno == errno.EADDRINUSE else \
            f"cannot be bound ({exc.strerror or exc})"
        raise ConfigError(f"port {port} on {host} {reason}; pass --port with a free port, or 0 for any") from None
    app.bind(host, server.server_port)
    return server


def serve(store: GraphStore, config: ServerConfig | None = None, host: str = DEFAULT_HOST,
          port: int = DEFAULT_PORT, ready: Any = None) -> None:
    """Serve until interrupted. ``ready(url)`` is called once the socket is bound."""
    app = SparqlApp(store, config)
    try:
        bound = make_http_server(app, host, port)
    except ConfigError:
        app.close()
        raise
    with bound as server:
        url = f"http://{host}:{server.server_port}/sparql"
        log.info("SPARQL endpoint at %s", url)
        if ready is not None:
            ready(url)
        previous = _stop_on_sigterm()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            app.close()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _stop_on_sigterm() -> Any:
    """Make SIGTERM stop the server like Ctrl-C, so its workers and snapshots are cleaned up.

    Returns the previous handler (None when not on the main thread, where signals cannot be set).
    """
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, stop)


@contextmanager
def running_server(store: GraphStore, config: ServerConfig | None = None,
                   host: str = DEFAULT_HOST, port: int = 0) -> Iterator[str]:
    """Serve on a background thread for the duration of a ``with`` block; yields the endpoint URL.

    For tests and notebooks: an ephemeral port on 127.0.0.1, shut down on exit.
    """
    app = SparqlApp(store, config)
    server = make_http_server(app, host, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="filing-kg-http", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.close()
