"""SPARQL 1.1 Protocol over raw HTTP: methods, bodies, negotiation, errors, updates, limits."""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from contextlib import contextmanager

import pyoxigraph as ox
import pytest
from rdflib import Graph
from SPARQLWrapper import POST, SPARQLWrapper

from graph.rdf.iri import graph_iri
from graph.serve import ServerConfig, running_server
from graph.serve.negotiate import choose, parse_accept
from graph.store import open_store

SELECT = "SELECT ?name WHERE { ?c a fkg:Company ; rdfs:label ?name } ORDER BY ?name"
CONSTRUCT = "CONSTRUCT { ?c a fkg:Company } WHERE { ?c a fkg:Company }"


def request(url: str, method: str = "GET", path_query: str = "", body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, parts.path + path_query, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def get(url: str, query: str, accept: str | None = None, **extra: str):
    qs = "?" + urllib.parse.urlencode({"query": query, **extra})
    return request(url, "GET", qs, headers={"Accept": accept} if accept else {})


def names(body: bytes) -> list[str]:
    return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]


def test_get_post_form_and_post_direct_agree(endpoint):
    status, headers, by_get = get(endpoint, SELECT, "application/sparql-results+json")
    assert status == 200 and headers["content-type"] == "application/sparql-results+json"
    form = urllib.parse.urlencode({"query": SELECT}).encode()
    s2, _, by_form = request(endpoint, "POST", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    s3, _, direct = request(endpoint, "POST", body=SELECT.encode(), headers={
        "Content-Type": "application/sparql-query; charset=utf-8", "Accept": "application/sparql-results+json"})
    assert s2 == s3 == 200
    assert by_get == by_form == direct
    assert "Innovo Group Inc." in names(by_get) and "Apple Inc." in names(by_get)


def test_default_accept_is_sparql_json_and_turtle(endpoint):
    status, headers, body = get(endpoint, SELECT)
    assert status == 200 and headers["content-type"] == "application/sparql-results+json"
    status, headers, body = get(endpoint, CONSTRUCT, "*/*")
    assert status == 200 and headers["content-type"] == "text/turtle"
    assert len(Graph().parse(data=body, format="turtle")) > 10


@pytest.mark.parametrize("accept,media,rdflib_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-quads", "application/n-quads", "nquads"),
    ("text/n3", "text/n3", "n3"),
    ("application/x-foo;q=1, application/n-triples;q=0.5", "application/n-triples", "nt"),
])
def test_construct_content_negotiation(endpoint, accept, media, rdflib_format):
    status, headers, body = get(endpoint, CONSTRUCT, accept)
    assert status == 200, body
    assert headers["content-type"] == media
    g = Graph().parse(data=body, format=rdflib_format)
    status, _, reference = get(endpoint, CONSTRUCT, "text/turtle")
    assert len(g) == len(Graph().parse(data=reference, format="turtle")) > 10


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values", "application/sparql-results+xml"])
def test_select_formats_have_their_media_type(endpoint, accept):
    status, headers, body = get(endpoint, SELECT, accept)
    assert status == 200 and headers["content-type"] == accept and b"Innovo Group Inc." in body
    assert headers["vary"] == "Accept"


def test_malformed_query_is_400_with_the_parser_message(endpoint):
    status, headers, body = get(endpoint, "SELECT ?x WHERE { ?x fkg:nope ", "application/sparql-results+json")
    assert status == 400
    assert headers["content-type"].startswith("text/plain")
    assert b"malformed SPARQL query" in body and b"error at 1:" in body


@pytest.mark.parametrize("query,accept", [
    (SELECT, "image/png"),
    (SELECT, "text/turtle"),  # an RDF format for a SELECT
    (CONSTRUCT, "image/png"),  # (a results format alone, e.g. text/csv, gets Turtle: test_serve_headers)
    (SELECT, "application/sparql-results+json;q=0"),
])
def test_unsupported_accept_is_406(endpoint, query, accept):
    status, _, body = get(endpoint, query, accept)
    assert status == 406, body


def test_request_errors(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    assert request(endpoint, "POST", body=b"x", headers={"Content-Type": "text/plain"})[0] == 415
    form = urllib.parse.urlencode({"query": SELECT, "update": "CLEAR ALL"}).encode()
    assert request(endpoint, "POST", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    assert request(endpoint, "GET", "?" + urllib.parse.urlencode({"update": "CLEAR ALL"}))[0] == 400
    assert request(endpoint, "GET", "", headers={"Accept": "application/json"})[0] == 400  # no query
    assert request(endpoint, "PUT", body=b"")[0] == 405
    assert request(base + "/nope")[0] == 404
    assert get(endpoint, SELECT, None, **{"default-graph-uri": "not an iri"})[0] == 400


def test_updates_are_refused_by_default(endpoint, served_store):
    before = len(served_store)
    for body, ctype in [
        (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded"),
        (b"DROP ALL", "application/sparql-update"),
    ]:
        status, _, message = request(endpoint, "POST", body=body, headers={"Content-Type": ctype})
        assert status == 403 and b"--allow-updates" in message
    assert len(served_store) == before


TOKEN = "test-token-0123456789abcdef"


def test_updates_when_enabled_by_raw_http_and_sparqlwrapper():
    config = ServerConfig(allow_updates=True, update_token=TOKEN)
    with open_store(None) as store, running_server(store, config) as url:
        status, _, _ = request(url, "POST", body=b'INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label "A" } }',
                               headers={"Content-Type": "application/sparql-update",
                                        "Authorization": f"Bearer {TOKEN}"})
        assert status == 204
        client = SPARQLWrapper(url, updateEndpoint=url)
        client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
        client.setMethod(POST)
        client.setQuery('INSERT DATA { GRAPH <urn:g> { <urn:b> <http://www.w3.org/2000/01/rdf-schema#label> "B" } }')
        client.query()
        assert len(store) == 2
        status, _, body = request(url, "POST", body=b"INSERT DATA { <urn:x> ", headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 400 and b"malformed SPARQL update" in body


def test_default_graph_uri_and_named_graph_uri(endpoint, served_store):
    doc = "EX-21.1_Apple_10-K-FY2025.htm"
    status, _, body = get(endpoint, SELECT, "application/sparql-results+json", **{"default-graph-uri": str(graph_iri(doc))})
    only_apple = names(body)
    assert status == 200 and "Apple Inc." in only_apple and "Innovo Group Inc." not in only_apple
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = get(endpoint, q, "application/sparql-results+json", **{"named-graph-uri": str(graph_iri(doc))})
    graphs = [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert graphs == [str(graph_iri(doc))]


@contextmanager
def _big_store(n: int):
    store = open_store(None)
    store.oxigraph.extend(
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), ox.NamedNode("urn:g"))
        for i in range(n)
    )
    try:
        yield store
    finally:
        store.close()


def test_row_cap_truncates_and_flags():
    with _big_store(50) as store, running_server(store, ServerConfig(max_rows=5)) as url:
        status, headers, body = get(url, "SELECT ?s WHERE { ?s ?p ?o }", "application/sparql-results+json")
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
        assert headers["x-sparql-truncated"] == "true"
        status, headers, body = get(url, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "text/csv")
        assert status == 200 and "x-sparql-truncated" not in headers and body.count(b"\r\n") == 4
        status, headers, body = get(url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
        assert status == 200 and body.count(b"\n") == 5 and headers["x-sparql-truncated"] == "true"


@pytest.mark.parametrize("query", [
    # streams rows: the worker stops at the deadline between rows
    "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }",
    # one long aggregation step: the request stops waiting, the worker finishes alone
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d FILTER (STR(?b) < STR(?d)) }",
])
def test_timeout_is_503(query):
    with _big_store(1500) as store, running_server(store, ServerConfig(timeout=0.3, max_rows=None)) as url:
        started = time.monotonic()
        status, _, body = get(url, query, "application/sparql-results+json")
        assert status == 503 and b"timed out" in body
        assert time.monotonic() - started < 5


def test_html_page(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    status, headers, body = request(base + "/", headers={"Accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    assert "yasgui.min.js" in page and "officers" in page and "subsidiaries" in page and "disabled (read-only)" in page


def test_negotiation_rules():
    assert parse_accept("text/csv;q=0.2, application/json")[0] == ("application/json", 1.0)
    assert choose("text/*", "select") == ("csv", "text/csv")
    assert choose("application/sparql-results+json, */*;q=0.1", "graph") == ("turtle", "text/turtle")
    assert choose("text/html", "ask") is None
