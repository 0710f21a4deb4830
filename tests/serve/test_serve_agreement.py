"""The endpoint, the CLI and the Python API give the same answers for every shipped query and format.

The endpoint is driven both by a real SPARQL client (SPARQLWrapper) and by raw
HTTP; results are compared as parsed solutions (terms with datatypes) and, for
the same format, byte for byte with the CLI (both use pyoxigraph's writers).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, N3, POST, GET, RDFXML, TSV, TURTLE, XML, JSONLD, SPARQLWrapper

from graph.cli import main
from graph.query.library import bind, get_query
from tests.serve.conftest import SHIPPED

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
PARSEABLE = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML, "tsv": ox.QueryResultsFormat.TSV}


def _ox_key(term: object) -> tuple[str, ...]:
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    assert isinstance(term, ox.Literal)
    return ("literal", term.value, term.language or term.datatype.value)


def _rdflib_key(term: object) -> tuple[str, ...]:
    if isinstance(term, URIRef):
        return ("uri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, Literal)
    return ("literal", str(term), term.language or (str(term.datatype) if term.datatype else XSD_STRING))


def parsed_rows(data: bytes, fmt: str) -> Counter:
    solutions = ox.parse_query_results(data, PARSEABLE[fmt])
    names = [v.value for v in solutions.variables]
    return Counter(
        tuple(sorted((n, _ox_key(s[n])) for n in names if s[n] is not None)) for s in solutions
    )


def api_rows(store, name: str, params: dict | None) -> Counter:
    rows = store.query_named(name, **(params or {}))
    assert isinstance(rows, list)
    return Counter(tuple(sorted((k, _rdflib_key(v)) for k, v in row.items())) for row in rows)


def csv_cells(rows: Counter) -> Counter:
    """What CSV keeps of parsed rows: lexical values only."""
    return Counter(tuple(sorted((k, key[1] if key[0] != "bnode" else "") for k, key in row)) for row in rows.elements())


def cli_output(store_path, name: str, params: dict | None, fmt: str) -> bytes:
    args = ["query", name, "--store", str(store_path), "--format", fmt]
    for k, v in (params or {}).items():
        args += ["--param", f"{k}={v}"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    return res.stdout_bytes


def http_get(endpoint: str, query: str, accept: str) -> bytes:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=60) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"].split(";")[0] == accept
        return resp.read()


def _ids(case):
    name, params = case
    return name + ("" if not params else "-" + "-".join(params))


@pytest.fixture(scope="module")
def api_answers(served_store):
    return {(_ids(c)): api_rows(served_store, *c) for c in SHIPPED}


def test_every_shipped_query_is_covered():
    from graph.query.library import list_queries

    assert {q.name for q in list_queries()} == {name for name, _ in SHIPPED}


@pytest.mark.parametrize("case", SHIPPED, ids=_ids)
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_raw_http_equals_cli_and_python_api(case, fmt, endpoint, served_store_path, api_answers):
    name, params = case
    text = bind(get_query(name).text, params or {})
    over_http = http_get(endpoint, text, MEDIA[fmt])
    from_cli = cli_output(served_store_path, name, params, fmt)
    assert over_http == from_cli  # same writer, same data, same bytes
    expected = api_answers[_ids(case)]
    if fmt == "csv":
        import csv
        import io

        reader = list(csv.reader(io.StringIO(over_http.decode("utf-8"))))
        header, body = reader[0], reader[1:]
        got = Counter(tuple(sorted((h, v) for h, v in zip(header, line) if v != "")) for line in body)
        assert got == csv_cells(expected)
    else:
        assert parsed_rows(over_http, fmt) == expected


def test_some_shipped_queries_have_answers(api_answers):
    """Guard against comparing empty results only."""
    for case in SHIPPED:
        assert sum(api_answers[_ids(case)].values()) > 0, case


@pytest.mark.parametrize("case", SHIPPED, ids=_ids)
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_equals_python_api(case, fmt, method, endpoint, served_store_path, api_answers):
    name, params = case
    client = SPARQLWrapper(endpoint)
    client.setQuery(bind(get_query(name).text, params or {}))
    client.setReturnFormat(fmt)
    client.setMethod(method)
    converted = client.query().convert()
    expected = api_answers[_ids(case)]
    if fmt == JSON:
        assert parsed_rows(json.dumps(converted).encode(), "json") == expected
    elif fmt == XML:
        assert parsed_rows(converted.toxml().encode("utf-8"), "xml") == expected
    elif fmt == TSV:
        assert parsed_rows(converted, "tsv") == expected
    else:
        assert converted == cli_output(served_store_path, name, params, "csv")


CONSTRUCT = """CONSTRUCT { ?org fkg:hasOfficer ?person . ?person rdfs:label ?name }
WHERE { ?pos a fkg:OfficerPosition ; fkg:organization ?org ; fkg:holder ?person . ?person rdfs:label ?name }"""


@pytest.mark.parametrize("fmt,rdflib_format", [(TURTLE, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld"), (N3, "n3")])
def test_construct_over_sparqlwrapper_equals_cli_and_api(fmt, rdflib_format, endpoint, served_store, served_store_path):
    client = SPARQLWrapper(endpoint)
    client.setQuery(
        "PREFIX fkg: <https://w3id.org/filing-kg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + CONSTRUCT
    )
    client.setReturnFormat(fmt)
    got = client.query().convert()
    if not isinstance(got, Graph):  # SPARQLWrapper returns bytes for some RDF formats
        got = Graph().parse(data=got, format=rdflib_format)
    api = served_store.query(CONSTRUCT)
    assert isinstance(api, Graph) and len(api) > 0
    res = CliRunner().invoke(main, ["query", CONSTRUCT, "--store", str(served_store_path), "--format", "turtle"])
    assert res.exit_code == 0, res.output
    cli = Graph().parse(data=res.stdout_bytes, format="turtle")
    assert isomorphic(got, api) and isomorphic(cli, api)


def test_ask_over_both_clients(endpoint, served_store):
    client = SPARQLWrapper(endpoint)
    client.setQuery("ASK { ?s <https://w3id.org/filing-kg/ontology#subsidiaryOf> ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    assert served_store.query("ASK { ?s fkg:subsidiaryOf ?o }") is True
    assert json.loads(http_get(endpoint, "ASK { ?s fkg:nothing ?o }", MEDIA["json"])) == {"head": {}, "boolean": False}
