"""Raw HTTP: graph results for clients asking only for result formats, and CORS headers sent once."""

from __future__ import annotations

import http.client
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from graph.serve import ServerConfig, running_server
from graph.store import open_store

EX = "http://example.org/"


@contextmanager
def served(config: ServerConfig) -> Iterator[tuple[str, int]]:
    with open_store(None) as store:
        for d in ("a", "b", "c"):
            g = Graph()
            g.add((URIRef(EX + "acme"), URIRef(EX + "name"), Literal("Acme")))
            g.add((URIRef(EX + d), URIRef(EX + "in"), URIRef(EX + "acme")))
            store.replace_document(d, g)
        with running_server(store, config) as url:
            parts = urllib.parse.urlsplit(url)
            yield parts.hostname or "127.0.0.1", parts.port or 80


def raw(host: str, port: int, method: str, query: str | None, headers: dict[str, str]):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        target = "/sparql" + ("?" + urllib.parse.urlencode({"query": query}) if query else "")
        conn.request(method, target, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.getheaders(), resp.read()
    finally:
        conn.close()


def values(headers: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in headers if k.lower() == name.lower()]


def test_construct_and_describe_fall_back_to_turtle_for_result_formats():
    with served(ServerConfig()) as (host, port):
        for query in (f"CONSTRUCT WHERE {{ ?s <{EX}name> ?o }}", f"DESCRIBE <{EX}acme>"):
            for accept in ("application/sparql-results+xml",
                           "application/sparql-results+json, application/sparql-results+xml;q=0.5"):
                status, headers, body = raw(host, port, "GET", query, {"Accept": accept})
                assert status == 200, body
                assert values(headers, "Content-Type")[0].startswith("text/turtle")
                triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
                assert len(triples) == 1  # stated by three documents, one triple in the merged graph
        status, _, _ = raw(host, port, "GET", f"DESCRIBE <{EX}acme>", {"Accept": "image/png"})
        assert status == 406
        status, headers, _ = raw(host, port, "GET", "ASK { ?s ?p ?o }", {"Accept": "application/sparql-results+xml"})
        assert status == 200 and values(headers, "Content-Type")[0].startswith("application/sparql-results+xml")


def test_cors_headers_are_sent_once_and_expose_the_truncation_flag():
    config = ServerConfig(cors_origin="https://app.example", max_rows=1)
    with served(config) as (host, port):
        origin = {"Origin": "https://app.example"}
        status, headers, _ = raw(host, port, "GET", "SELECT * { ?s ?p ?o }",
                                 {**origin, "Accept": "application/sparql-results+json"})
        assert status == 200 and values(headers, "X-SPARQL-Truncated") == ["true"]
        assert values(headers, "Access-Control-Allow-Origin") == ["https://app.example"]
        exposed = ",".join(values(headers, "Access-Control-Expose-Headers")).lower()
        assert "x-sparql-truncated" in exposed and "x-sparql-max-rows" in exposed
        status, headers, _ = raw(host, port, "OPTIONS", None,
                                 {**origin, "Access-Control-Request-Method": "POST"})
        assert status == 204
        assert values(headers, "Access-Control-Allow-Origin") == ["https://app.example"]
        assert len(values(headers, "Access-Control-Allow-Methods")) == 1
