"""IRIs are deterministic and reversible; literals are typed in canonical form."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal
import rdflib.namespace as rdf_ns  # XSD at module level trips pytest's mock probe

from graph.rdf.iri import (
    assertion_iri, doc_id_from_graph_iri, document_iri, entity_iri, graph_iri, instrument_iri,
    instrument_key, slug,
)
from graph.rdf.literals import canonical_decimal, canonical_duration, typed_literal

ID = "https://w3id.org/filing-kg/id/"


def test_entity_and_instrument_iris() -> None:
    assert str(entity_iri("company/cik-320193")) == ID + "company/cik-320193"
    assert str(entity_iri("person/marc-b-crossman")) == ID + "person/marc-b-crossman"
    assert str(instrument_iri("instrument/company/cik-320193/option")) == ID + "instrument/company/cik-320193/option"
    assert str(entity_iri("company/a b<c>")) == ID + "company/a%20b%3Cc%3E"


def test_document_and_graph_iris_round_trip() -> None:
    for doc in ("8-K_AppleComputer_0000912057-00-002128.txt", "dir/with space#x.htm"):
        assert doc_id_from_graph_iri(graph_iri(doc)) == doc
        assert "/" not in str(document_iri(doc))[len(ID + "document/"):]
    assert str(graph_iri("a.txt")) == ID + "graph/a.txt"
    assert doc_id_from_graph_iri("http://example.org/other") is None


def test_assertion_iri_is_deterministic() -> None:
    assert assertion_iri("d", "s", "r", "o") == assertion_iri("d", "s", "r", "o")
    assert assertion_iri("d", "s", "r", "o") != assertion_iri("d2", "s", "r", "o")


def test_minted_instrument_key() -> None:
    assert slug("Convertible Note") == "convertible-note"
    assert instrument_key("company/cik-1", "Restricted Stock Unit") == "instrument/company/cik-1/restricted-stock-unit"


@pytest.mark.parametrize("raw,canon", [
    ("4.00", "4"), ("4", "4"), ("1.530", "1.53"), ("2.5E+6", "2500000"), ("0.0135", "0.0135"),
    ("2,500,000", "2500000"), ("0.0", "0"), ("x", None),
])
def test_canonical_decimal(raw: str, canon: str | None) -> None:
    assert canonical_decimal(raw) == canon


@pytest.mark.parametrize("raw", ["P12M", "P5Y", "P1Y2M", "P30D", "PT36H", "PT90M", "P18M", "P0D", "-P3M"])
def test_canonical_duration_matches_oxigraph(raw: str) -> None:
    store = ox.Store()
    dt = ox.NamedNode(str(rdf_ns.XSD.duration))
    store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal(raw, datatype=dt)))
    stored = next(iter(store)).object.value
    assert canonical_duration(raw) == stored


def test_typed_literals() -> None:
    assert typed_literal("exercise_price", "4.00") == (Literal("4", datatype=rdf_ns.XSD.decimal), None)
    assert typed_literal("report_date", "2004-06-23") == (Literal("2004-06-23", datatype=rdf_ns.XSD.date), None)
    assert typed_literal("maturity", "P12M") == (Literal("P1Y", datatype=rdf_ns.XSD.duration), "P12M")
    assert typed_literal("expiration", "P5Y") == (Literal("P5Y", datatype=rdf_ns.XSD.duration), None)
    assert typed_literal("expiration", "2009-06-30") == (Literal("2009-06-30", datatype=rdf_ns.XSD.date), None)
    assert typed_literal("cik", "0000320193") == (Literal("0000320193"), None)
    assert typed_literal("postal_code", "90040") == (Literal("90040"), None)
    assert typed_literal("shares", "about 5") == (Literal("about 5"), None)
