"""Hostile requests: updates without the token, oversized bodies, path traversal, CORS, leaked tracebacks.

Every server here is started on an ephemeral port of 127.0.0.1 and stopped at
the end of its ``with`` block.
"""

from __future__ import annotations

import http.client
import os
import socket
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import ConfigError
from graph.serve import ServerConfig, SparqlApp, running_server
from graph.store import open_store
from tests.reliability.conftest import GOOD, run_cli

TOKEN = "s3cret-token-for-tests-0123456789"
INSERT = b'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> "A" } }'
SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


def request(url: str, method: str = "GET", target: str = "", body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, target or parts.path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def base(url: str) -> str:
    return url.rsplit("/sparql", 1)[0]


def small_store():
    store = open_store(None)
    store.oxigraph.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode("urn:g0")))
    return store


# ------------------------------------------------------------------ updates


def test_updates_are_refused_by_default_even_with_a_token() -> None:
    with small_store() as store, running_server(store) as url:
        assert url.startswith("http://127.0.0.1:")
        status, _, body = request(url, "POST", body=INSERT, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 403 and b"--allow-updates" in body
        assert len(store) == 1


def test_updates_need_the_token() -> None:
    config = ServerConfig(allow_updates=True, update_token=TOKEN)
    with small_store() as store, running_server(store, config) as url:
        ctype = {"Content-Type": "application/sparql-update"}
        status, headers, _ = request(url, "POST", body=INSERT, headers=ctype)
        assert status == 401 and headers["www-authenticate"].startswith("Bearer")
        for wrong in (f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"Basic {TOKEN}", "Bearer "):
            status, _, _ = request(url, "POST", body=INSERT, headers={**ctype, "Authorization": wrong})
            assert status in (401, 403), wrong
        assert len(store) == 1
        form = urllib.parse.urlencode({"update": INSERT.decode()}).encode()
        status, _, _ = request(url, "POST", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 401 and len(store) == 1
        status, _, _ = request(url, "POST", body=INSERT, headers={**ctype, "Authorization": f"Bearer {TOKEN}"})
        assert status == 204 and len(store) == 2


def test_allowing_updates_without_a_token_is_a_configuration_error() -> None:
    with small_store() as store:
        with pytest.raises(ConfigError, match="token"):
            SparqlApp(store, ServerConfig(allow_updates=True))
        with pytest.raises(ConfigError, match="too short"):
            SparqlApp(store, ServerConfig(allow_updates=True, update_token="short"))


def test_serve_allow_updates_without_token_exits_with_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    open_store(store).close()
    result = run_cli("serve", "--store", str(store), "--port", "0", "--allow-updates", timeout=60,
                     FILING_KG_UPDATE_TOKEN="")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: updates need a token") and "Traceback" not in result.stderr


# ------------------------------------------------------------------ request size


def test_oversized_requests_are_refused_with_413() -> None:
    with small_store() as store, running_server(store, ServerConfig(max_body=10_000)) as url:
        # declared too large: refused before a byte of the body is read
        parts = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.putrequest("POST", parts.path)
        conn.putheader("Content-Type", "application/sparql-query")
        conn.putheader("Content-Length", str(50 * 1024 * 1024))
        conn.endheaders()
        resp = conn.getresponse()
        assert resp.status == 413 and b"larger than 10000 bytes" in resp.read()
        conn.close()
        # really sent
        big = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 20_000).encode()
        status, _, _ = request(url, "POST", body=big, headers={"Content-Type": "application/sparql-query"})
        assert status == 413
        status, _, _ = request(url, "POST", body=b"x" * 20_000, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 413
        # a small one still works
        status, _, _ = request(url, "POST", body=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
        assert status == 200


def test_chunked_bodies_and_huge_urls_are_refused() -> None:
    with small_store() as store, running_server(store) as url:
        status, _, _ = request(url, "POST", body=iter([SELECT.encode()]), headers={
            "Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"})
        assert status == 411
        status, _, body = request(url, "GET", urllib.parse.urlsplit(url).path + "?query=" + "x" * 70_000)
        assert status == 414 and len(body.strip().splitlines()) == 1 and b"<" not in body


# ------------------------------------------------------------------ path traversal


@pytest.fixture()
def documents(tmp_path: Path) -> Path:
    """A filings folder with one document, a hidden file, and symlinks pointing outside it."""
    folder = tmp_path / "filings"
    (folder / "sub").mkdir(parents=True)
    (folder / GOOD.name).write_bytes(GOOD.read_bytes())
    (folder / ".env").write_text("SECRET=1\n")
    outside = tmp_path / "outside.txt"
    outside.write_text("TOP SECRET outside the folder\n")
    (tmp_path / "outside_dir").mkdir()
    (tmp_path / "outside_dir" / "other.txt").write_text("TOP SECRET in another folder\n")
    os.symlink(outside, folder / "link.txt")
    os.symlink(tmp_path / "outside_dir", folder / "sub" / "dirlink")
    return folder


TRAVERSALS = [
    "../outside.txt", "..%2Foutside.txt", "%2E%2E%2Foutside.txt", "/etc/passwd", "%2Fetc%2Fpasswd",
    "..\\outside.txt", "sub/../../outside.txt", "..", ".", ".env", "link.txt", "other.txt", "%00", "a%00.txt",
    "*", "[a-z]*", "file:///etc/passwd",
]


@pytest.mark.parametrize("doc", TRAVERSALS)
def test_the_document_route_cannot_escape_its_folder(documents: Path, doc: str) -> None:
    with small_store() as store, running_server(store, ServerConfig(documents_dir=str(documents))) as url:
        status, headers, body = request(url, "GET", f"/view/document?doc={doc}&start=0&end=5")
        assert status in (400, 404), body
        assert b"SECRET" not in body and b"Traceback" not in body
        assert str(documents).encode() not in body  # no server paths in messages
        assert headers["content-type"].startswith("text/plain")


def test_the_document_route_serves_a_real_document(documents: Path) -> None:
    with small_store() as store, running_server(store, ServerConfig(documents_dir=str(documents))) as url:
        status, _, body = request(url, "GET", f"/view/document?doc={GOOD.name}&start=0&end=5")
        assert status == 200 and b"<mark" in body


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/view/../../etc/passwd", "/view/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/../../etc/passwd", "//etc/passwd"])
def test_other_paths_do_not_serve_files(path: str) -> None:
    with small_store() as store, running_server(store) as url:
        status, _, body = request(url, "GET", path)
        assert status in (400, 404) and b"root:" not in body


# ------------------------------------------------------------------ CORS, headers, errors


def test_cors_is_off_by_default_and_on_only_for_the_given_origin() -> None:
    target = "/sparql?" + urllib.parse.urlencode({"query": SELECT})
    with small_store() as store:
        with running_server(store) as url:
            status, headers, _ = request(url, "GET", target, headers={"Origin": "https://evil.example"})
            assert status == 200
            assert not any(k.startswith("access-control-") for k in headers)
            assert headers["x-content-type-options"] == "nosniff"
            assert request(url, "OPTIONS", headers={"Origin": "https://evil.example"})[0] == 405
        with running_server(store, ServerConfig(cors_origin="https://app.example")) as url:
            status, headers, _ = request(url, "GET", target, headers={"Origin": "https://app.example"})
            assert status == 200 and headers["access-control-allow-origin"] == "https://app.example"
            status, headers, _ = request(url, "OPTIONS", headers={
                "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
            assert status == 204 and "POST" in headers["access-control-allow-methods"]
            status, headers, _ = request(url, "GET", "/view/search.json?q=x")
            assert headers.get("access-control-allow-origin") == "https://app.example"


class _BrokenStore:
    """A store whose every use fails with an unexpected error (a bug, a broken disk)."""

    read_only = True

    @property
    def oxigraph(self):
        raise RuntimeError("disk on fire at /secret/path/to/store")

    def __len__(self) -> int:
        raise RuntimeError("disk on fire at /secret/path/to/store")

    def dataset(self):
        raise RuntimeError("disk on fire at /secret/path/to/store")


@pytest.mark.parametrize("target", ["/sparql?query=" + urllib.parse.quote(SELECT), "/view/graph.json",
                                    "/view/search.json?q=a", "/view/graph.json?depth=x", "/view/graph.json?max_nodes=" + "9" * 5000])
def test_errors_never_leak_tracebacks(target: str) -> None:
    # in-process evaluation: a store that fails on every use cannot even be snapshotted for workers
    with running_server(_BrokenStore(), ServerConfig(timeout=10, processes=False)) as url:  # type: ignore[arg-type]
        status, headers, body = request(url, "GET", target, headers={"Accept": "application/sparql-results+json"})
        assert status in (400, 500)
        assert b"Traceback" not in body and b"/secret/path" not in body and b'File "' not in body
        assert len(body.splitlines()) <= 1


def test_malformed_queries_get_one_line_400() -> None:
    with small_store() as store, running_server(store) as url:
        status, _, body = request(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT WHERE {"}))
        assert status == 400 and b"Traceback" not in body and len(body.strip().splitlines()) == 1


def test_the_server_binds_loopback_by_default() -> None:
    with small_store() as store, running_server(store) as url:
        host = urllib.parse.urlsplit(url).hostname
        assert host == "127.0.0.1"
        with socket.create_connection((host, urllib.parse.urlsplit(url).port), timeout=5):
            pass
