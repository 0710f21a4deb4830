"""The built graph conforms to the SHACL shapes; broken graphs do not."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
import rdflib.namespace as rdf_ns  # XSD at module level trips pytest's mock probe

from graph.errors import ValidationError
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.rdf.iri import entity_iri, instrument_iri
from graph.rdf.namespaces import FKG
from graph.rdf.validate import assert_valid, validate


def test_built_dataset_conforms(innovo) -> None:
    report = validate(extraction_to_dataset([innovo]))
    assert report.conforms, report.text
    assert report.violations() == []


def _broken(innovo, mutate) -> list[dict[str, str]]:
    g = document_graph(innovo)
    mutate(g)
    report = validate(g)
    assert not report.conforms
    return report.violations()


def test_assertion_without_source_fails(innovo) -> None:
    def drop_source(g):
        a = next(g.subjects(RDF.type, FKG.Assertion))
        g.remove((a, PROV.wasDerivedFrom, None))
    violations = _broken(innovo, drop_source)
    assert any(v["path"] == str(PROV.wasDerivedFrom) for v in violations)
    with pytest.raises(ValidationError):
        g = document_graph(innovo)
        drop_source(g)
        assert_valid(g)


def test_span_and_confidence_checked(innovo) -> None:
    def bad_span(g):
        a = next(g.subjects(FKG.charStart, None))
        g.set((a, FKG.charStart, Literal("100000", datatype=rdf_ns.XSD.integer)))
    assert any(v["constraint"] == "LessThanOrEqualsConstraintComponent" for v in _broken(innovo, bad_span))

    def bad_conf(g):
        a = next(g.subjects(FKG.confidence, None))
        g.set((a, FKG.confidence, Literal("1.5", datatype=rdf_ns.XSD.decimal)))
    assert any(v["path"] == str(FKG.confidence) for v in _broken(innovo, bad_conf))


@pytest.mark.parametrize("prop", ["cik", "commissionFileNumber", "irsEmployerId", "stateOfIncorporation"])
def test_untyped_entity_node_fails(innovo, prop) -> None:
    """Cover facts hung on a node without a type (an unresolved local key) are a violation."""
    node = URIRef("https://w3id.org/filing-kg/id/company-2")
    values = {"cik": "1234", "commissionFileNumber": "0-1234", "irsEmployerId": "12-3456789", "stateOfIncorporation": "Delaware"}
    violations = _broken(innovo, lambda g: g.add((node, FKG[prop], Literal(values[prop]))))
    assert any(v["focus"] == str(node) for v in violations)


def test_entity_and_instrument_shapes(innovo, sample) -> None:
    inno = entity_iri(sample.INNOVO)
    assert _broken(innovo, lambda g: g.add((inno, RDFS.label, Literal("Another name"))))
    assert _broken(innovo, lambda g: g.set((inno, FKG.cik, Literal("CIK-844143"))))
    assert _broken(innovo, lambda g: g.set((inno, FKG.irsEmployerId, Literal("112928178"))))
    note = instrument_iri(sample.NOTE)
    assert _broken(innovo, lambda g: g.add((note, RDF.type, FKG.Note)))
    assert _broken(innovo, lambda g: g.remove((note, FKG.issuer, None)))

    def orphan_position(g):
        p = next(g.subjects(RDF.type, FKG.OfficerPosition))
        g.remove((p, FKG.holder, None))
    assert _broken(innovo, orphan_position)


def test_vocabulary_warnings_still_conform(innovo, sample) -> None:
    g = document_graph(innovo)
    g.set((entity_iri(sample.INNOVO), FKG.exchange, Literal("Nasdaq Global Market")))
    report = validate(g)
    assert report.conforms
    assert [r["severity"] for r in report.results] == ["Warning"]
