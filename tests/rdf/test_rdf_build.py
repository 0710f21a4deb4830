"""Extractions become deterministic named graphs with ontology triples and assertions."""

from __future__ import annotations

from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS
import rdflib.namespace as rdf_ns  # XSD at module level trips pytest's mock probe

from graph.model import Extraction, Fact
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.rdf.iri import document_iri, entity_iri, graph_iri, instrument_iri
from graph.rdf.namespaces import FKG, TITLE


def test_document_graph_is_deterministic(innovo, sample) -> None:
    a = document_graph(innovo)
    b = document_graph(sample.innovo_extraction())
    assert a.identifier == graph_iri(sample.DOC)
    assert set(a) == set(b)  # no blank nodes: plain set equality
    assert isomorphic(a, b)
    assert not any(isinstance(t, type(None)) for triple in a for t in triple)


def test_document_node(innovo, sample) -> None:
    g = document_graph(innovo)
    doc = document_iri(sample.DOC)
    assert (doc, RDF.type, FKG.Filing) in g
    assert g.value(doc, FKG.fileName) == Literal(sample.DOC)
    assert g.value(doc, FKG.sha256) == Literal(sample.SHA)
    assert g.value(doc, FKG.formType) == Literal("8-K")
    assert g.value(doc, FKG.filedBy) == entity_iri(sample.INNOVO)
    assert g.value(doc, FKG.reportDate) == Literal("2004-06-23", datatype=rdf_ns.XSD.date)
    assert (doc, FKG.signedBy, entity_iri(sample.FURROW)) in g


def test_entities_and_instruments(innovo, sample) -> None:
    g = document_graph(innovo)
    inno = entity_iri(sample.INNOVO)
    assert (inno, RDF.type, FKG.Company) in g
    assert g.value(inno, RDFS.label) == Literal("Innovo Group Inc.")
    assert set(g.objects(inno, FKG.alias)) == {Literal("INNOVO GROUP INC."), Literal("Innovo Group")}
    assert g.value(inno, FKG.cik) == Literal("844143")
    assert (entity_iri(sample.SEC), RDF.type, FKG.GovernmentAgency) in g
    note = instrument_iri(sample.NOTE)
    assert (note, RDF.type, FKG.ConvertibleNote) in g
    assert g.value(note, FKG.issuer) == inno
    assert g.value(note, RDFS.label) == Literal("Innovo Group Inc. / Convertible Note")
    assert g.value(note, FKG.principalAmount) == Literal("2500000", datatype=rdf_ns.XSD.decimal)
    assert g.value(note, FKG.maturity) == Literal("P1Y", datatype=rdf_ns.XSD.duration)
    assert set(g.objects(note, FKG.conversionPrice)) == {
        Literal(v, datatype=rdf_ns.XSD.decimal) for v in ("1.53", "1.41", "1.35")}
    # an issued type without a listed instrument gets a minted one
    warrant = instrument_iri("instrument/company/cik-844143/warrant")
    assert (inno, FKG.issued, warrant) in g and (warrant, RDF.type, FKG.Warrant) in g


def test_positions_and_shortcuts(innovo, sample) -> None:
    g = document_graph(innovo)
    furrow, inno = entity_iri(sample.FURROW), entity_iri(sample.INNOVO)
    assert (furrow, FKG.officerOf, inno) in g and (furrow, FKG.directorOf, inno) in g
    officer = set(g.subjects(RDF.type, FKG.OfficerPosition))
    assert len(officer) == 2
    titles = {g.value(p, FKG.title) for p in officer}
    assert titles == {TITLE.ChiefExecutiveOfficer, TITLE.PrincipalExecutiveOfficer}
    assert g.value(TITLE.ChiefExecutiveOfficer, SKOS.prefLabel) == Literal("Chief Executive Officer")
    for p in officer:
        assert g.value(p, FKG.holder) == furrow and g.value(p, FKG.organization) == inno
    director = list(g.subjects(RDF.type, FKG.DirectorPosition))
    assert len(director) == 1 and g.value(director[0], FKG.title) is None


def test_one_assertion_per_fact_with_provenance(innovo, sample) -> None:
    g = document_graph(innovo)
    doc = document_iri(sample.DOC)
    fact_assertions = [a for a in g.subjects(RDF.type, FKG.Assertion) if g.value(a, RDF.predicate) != RDF.type
                       and (g.value(a, RDF.subject), RDF.type, FKG.Offering) not in g]  # offering links: test_rdf_offering
    assert len(fact_assertions) == len(innovo.facts)
    for a in fact_assertions:
        assert g.value(a, PROV.wasDerivedFrom) == doc
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        assert (s, p, o) in g  # the reified triple is stated
    ceo = [a for a in fact_assertions if g.value(a, FKG.qualifier) == TITLE.ChiefExecutiveOfficer]
    assert len(ceo) == 1
    a = ceo[0]
    assert g.value(a, FKG.charStart).datatype == rdf_ns.XSD.integer
    assert g.value(a, FKG.method) == Literal("rule:signature")
    assert g.value(a, FKG.confidence) == Literal("0.9", datatype=rdf_ns.XSD.decimal)
    kept = [a for a in fact_assertions if g.value(a, FKG.lexicalForm) is not None]
    assert [str(g.value(a, FKG.lexicalForm)) for a in kept] == ["P12M"]


def test_exhibit_and_unknown_relation() -> None:
    ex = Extraction("EX-21.1_x.htm", "b" * 64, form_type="EX-21.1",
                    facts=[Fact("EX-21.1_x.htm", "no_such_relation", "x")])
    g = document_graph(ex)
    assert (document_iri("EX-21.1_x.htm"), RDF.type, FKG.Exhibit) in g
    assert not list(g.subjects(RDF.type, FKG.Assertion))


def test_dataset_has_one_graph_per_document_and_replaces(sample) -> None:
    a, b = sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")
    ds = extraction_to_dataset([a, b])
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {graph_iri("a.txt"), graph_iri("b.txt")}
    size = len(list(ds.quads()))
    extraction_to_dataset([a], ds)  # rebuilding a document replaces its graph
    assert len(list(ds.quads())) == size
    assert isomorphic(ds.graph(graph_iri("a.txt")), document_graph(a))
