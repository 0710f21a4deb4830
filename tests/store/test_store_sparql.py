"""Named queries load; SELECT/ASK/CONSTRUCT run on every kind of source; bad SPARQL is a QueryError."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from graph.errors import QueryError
from graph.store.sparql import ask, construct, load_query, run_query, select
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.store import open_store


def test_load_named_queries() -> None:
    assert "SELECT" in load_query("facts")
    assert load_query("entities.rq") == load_query("entities")
    with pytest.raises(QueryError):
        load_query("no-such-query")


def test_malformed_query_raises_query_error(innovo) -> None:
    ds = extraction_to_dataset([innovo])
    with pytest.raises(QueryError) as err:
        run_query(ds, "SELECT ?s WHERE { ?s ?p }")
    assert "malformed" in str(err.value)
    with open_store(None) as store, pytest.raises(QueryError):
        store.query("SELEKT * WHERE {}")


def test_select_ask_construct(innovo) -> None:
    ds = extraction_to_dataset([innovo])
    rows = select(ds, "SELECT ?name WHERE { ?e a fkg:Person ; rdfs:label ?name }")
    assert rows == [{"name": Literal("Samuel J. Furrow, Jr.")}]
    assert ask(ds, "ASK { ?e fkg:cik '844143' }") is True
    assert ask(document_graph(innovo), "ASK { ?e fkg:cik '1' }") is False
    g = construct(ds, "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a fkg:Company ; rdfs:label ?n }")
    assert isinstance(g, Graph) and len(g) == 2
    with pytest.raises(QueryError):
        ask(ds, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    unbound = select(ds, "SELECT ?x ?y WHERE { BIND(1 AS ?x) }")
    assert unbound == [{"x": Literal(1)}]
