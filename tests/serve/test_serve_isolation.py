"""Issue 16: the endpoint makes no outgoing requests, stops runaway queries, checks Host, drops slow clients.

Every server listens on 127.0.0.1 (ephemeral port); every test is bounded in requests and seconds.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from graph.serve import ServerConfig, running_server
from graph.serve.guard import RemoteAccessRefused, check_remote_access
from graph.store import open_store
from tests.serve.client import disk_store, get, request, runaway_drill, serve_process

TOKEN = "s3cret-token-for-tests-0123456789"


class Listener:
    """A TCP listener on 127.0.0.1 recording every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


# ------------------------------------------------------------------ no outgoing requests


def test_service_and_load_make_no_outgoing_request(listener: Listener) -> None:
    remote = f"http://127.0.0.1:{listener.port}/sparql"
    query = f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"
    with open_store(None) as store, running_server(store, ServerConfig(allow_updates=True, update_token=TOKEN)) as url:
        status, body = get(url, query)
        assert status == 400 and b"--allow-service" in body and len(body.splitlines()) == 1
        status, body = request(url, "POST", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
        assert status == 400
        status, body = request(url, "POST", body=urllib.parse.urlencode({"query": "select * { ?s ?p ?o.service <"
                                                                          + remote + "> {} }"}).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 400
        status, body = request(url, "POST", body=f"LOAD <{remote}>".encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 403 and b"--allow-load" in body
        status, body = request(url, "POST", body=f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}".encode(),
                               headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 400
    time.sleep(0.3)
    assert listener.connections == 0


def test_service_only_to_allowed_hosts_and_never_to_a_variable(listener: Listener, tmp_path: Path) -> None:
    config = ServerConfig(allowed_services=("query.example.org",))
    with open_store(disk_store(tmp_path / "store"), read_only=True) as store, running_server(store, config) as url:
        status, body = get(url, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}")
        assert status == 400 and b"not allowed" in body
        for query in ("SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", "SELECT * WHERE { SERVICE SILENT ?x { ?s ?p ?o } }"):
            status, body = get(url, query)
            assert status == 400, body
    assert listener.connections == 0


def test_guard_ignores_strings_iris_comments_and_prefixed_names() -> None:
    check_remote_access('SELECT * { ?s ex:SERVICE ?SERVICE . ?s ?p "SERVICE <http://x/>" } # LOAD <http://x/>')
    check_remote_access("SELECT * { SERVICE <https://Q.example:8443/s> { } }", allowed_services=["q.example"])
    for text in ("SELECT * { SERVICE ex:ep { } }", "SELECT * { ?s ?p ?o.SERVICE <http://x/> { } }", "LOAD <http://x/>"):
        with pytest.raises(RemoteAccessRefused):
            check_remote_access(text, allowed_services=["x"] if "ex:ep" in text else ())


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }",
    "SELECT ?t WHERE { ?s ?p ?o BIND(TRIPLE(?s, ?p, ?o) AS ?t) }",
    "SELECT ?t WHERE { BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }",
    "SELECT * WHERE { << <urn:a> <urn:b> <urn:c> >> ?p ?o }",
    "CONSTRUCT { <urn:x> <urn:y> <<( ?s ?p ?o )>> } WHERE { ?s ?p ?o }",
])
@pytest.mark.parametrize("processes", [True, False])
def test_unbound_service_and_triple_terms_are_never_500(query: str, processes: bool, tmp_path: Path) -> None:
    with open_store(disk_store(tmp_path / "store"), read_only=True) as store, \
            running_server(store, ServerConfig(processes=processes, workers=1)) as url:
        status, body = get(url, query, headers={"Accept": "application/sparql-results+json, text/turtle"})
        assert status == 200 or 400 <= status < 500, body


# ------------------------------------------------------------------ Host, slow clients, bad bytes


def test_unknown_host_headers_are_refused() -> None:
    with open_store(None) as store, running_server(store, ServerConfig(allowed_hosts=("kg.example.org",))) as url:
        port = urllib.parse.urlsplit(url).port
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "kg.example.org", f"kg.example.org:{port}"):
            assert get(url, "ASK {}", headers={"Host": host})[0] == 200, host
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1"):
            status, body = get(url, "ASK {}", headers={"Host": host})
            assert status == 403 and b"--allowed-host" in body, host
        assert request(url, "GET", "/view/", headers={"Host": "evil.example"})[0] == 403


def test_a_slow_client_is_dropped_after_the_read_timeout() -> None:
    with open_store(None) as store, running_server(store, ServerConfig(read_timeout=1.5)) as url:
        parts = urllib.parse.urlsplit(url)
        request_bytes = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 9\r\n\r\nASK {   }" % parts.port)
        start = time.monotonic()
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
            dropped = False
            for byte in request_bytes[:10]:  # one byte every 0.5 s: never finishes within 1.5 s
                try:
                    sock.sendall(bytes([byte]))
                    time.sleep(0.5)
                except OSError:
                    dropped = True
                    break
            if not dropped:
                sock.settimeout(3)
                try:
                    dropped = sock.recv(100) == b""
                except OSError:
                    dropped = True
        assert dropped and time.monotonic() - start < 8
        assert get(url, "ASK {}")[0] == 200  # and the server still answers


def test_invalid_utf8_in_a_form_or_url_is_400() -> None:
    with open_store(None) as store, running_server(store) as url:
        status, body = request(url, "POST", body=b"query=ASK%20%7B%7D%FF",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 400 and b"UTF-8" in body
        status, _ = request(url, "POST", body=b"query=ASK {}\xff", headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 400
        assert request(url, "GET", "/sparql?query=ASK%20%7B%7D%C3")[0] == 400


# ------------------------------------------------------------------ runaway queries


def test_a_runaway_query_is_stopped_by_killing_its_worker(tmp_path: Path) -> None:
    config = ServerConfig(timeout=1.5, workers=2)
    with open_store(disk_store(tmp_path / "store", 2000), read_only=True) as store, running_server(store, config) as url:
        start = time.monotonic()
        status, body = get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and b"timed out" in body and time.monotonic() - start < 5
        assert get(url, "ASK {}")[0] == 200


def test_four_runaway_queries_leave_the_server_answering_and_under_1gb(tmp_path: Path) -> None:
    """Acceptance test of issue 16 (bounded: about 15 s)."""
    store = disk_store(tmp_path / "store", 6000)
    args = ["--timeout", "5", "--workers", "6", "--max-memory", "600", "--max-rows", "10"]
    with serve_process("--store", str(store), *args) as (server, url):
        assert get(url, "ASK {}", timeout=10)[0] == 200  # workers are warm
        drill = runaway_drill(url, server.pid)
        results, ask_times, peak = drill.results, drill.ask_times, drill.peak
        assert len(results) == 4
        for status, body, took in results:
            assert status in (503, 504) and len(body.splitlines()) == 1, (status, body)
            assert took < 10
        assert max(ask_times) < 1.0, ask_times
        assert peak < 1 << 30, f"server tree peaked at {peak >> 20} MB"
        time.sleep(1.5)  # killed workers are replaced
        assert get(url, "ASK {}", timeout=5)[0] == 200
