"""The ontology files parse, document every term and agree with the FORMAT vocabularies."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.model import INSTRUMENT_TYPES, RELATIONS, TITLES
from graph.rdf.namespaces import FKG
from graph.rdf.ontology import load_ontology, load_shapes, ontology_dir, ontology_file
from graph.rdf.vocab import INSTRUMENT_CLASSES, RELATION_PROPERTIES, TITLE_CONCEPTS, TITLE_SCHEME

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
              RDF.Property, SKOS.Concept, SKOS.ConceptScheme)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def _terms(g: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(str(FKG))}


def test_ontology_files_parse() -> None:
    for name in ("filing-kg.ttl", "alignment.ttl", "shapes.ttl"):
        assert len(Graph().parse(ontology_file(name), format="turtle")) > 10
    assert (ontology_dir() / "queries" / "facts.rq").is_file()
    assert len(load_shapes()) > 10


def test_every_term_has_label_and_comment(onto: Graph) -> None:
    terms = _terms(onto)
    assert len(terms) > 60
    missing = sorted(str(t) for t in terms
                     if onto.value(t, RDFS.label) is None or onto.value(t, RDFS.comment) is None)
    assert missing == []


def test_required_classes_exist(onto: Graph) -> None:
    for name in ("Agent", "LegalEntity", "Company", "Person", "GovernmentAgency", "Document", "Filing",
                 "Exhibit", "Position", "OfficerPosition", "DirectorPosition", "Instrument", "Offering",
                 "Assertion"):
        assert (FKG[name], RDF.type, OWL.Class) in onto, name
    assert (FKG.Assertion, RDFS.subClassOf, RDF.Statement) in onto


def test_relation_properties_are_declared(onto: Graph) -> None:
    assert set(RELATION_PROPERTIES) == set(RELATIONS)
    declared = _terms(onto)
    assert [r for r, p in RELATION_PROPERTIES.items() if p not in declared] == []
    for prop in ("placementAgentFor", "underwriterFor", "transferAgentFor", "trusteeFor", "auditorOf",
                 "legalCounselFor", "brokerFor"):
        assert (FKG[prop], RDFS.subPropertyOf, FKG.agentFor) in onto


def test_instrument_classes_match_vocabulary(onto: Graph) -> None:
    assert list(INSTRUMENT_CLASSES) == list(INSTRUMENT_TYPES)
    for word, cls in INSTRUMENT_CLASSES.items():
        labels = set(map(str, onto.objects(cls, RDFS.label)))
        assert labels == {word}
        assert any(onto.transitive_objects(cls, RDFS.subClassOf)), word
        assert FKG.Instrument in set(onto.transitive_objects(cls, RDFS.subClassOf))


def test_title_concepts_match_vocabulary(onto: Graph) -> None:
    in_scheme = set(onto.subjects(SKOS.inScheme, TITLE_SCHEME))
    assert in_scheme == set(TITLE_CONCEPTS.values())
    for word, concept in TITLE_CONCEPTS.items():
        assert [str(x) for x in onto.objects(concept, SKOS.prefLabel)] == [word]
        assert str(concept).startswith(str(FKG) + "title/")
    assert len(TITLES) == len(in_scheme)


def test_alignment_targets(onto: Graph) -> None:
    g = Graph().parse(ontology_file("alignment.ttl"), format="turtle")
    objects = {str(o) for o in g.objects()}
    for iri in (
        "http://www.w3.org/ns/org#Organization",
        "http://www.w3.org/ns/org#Membership",
        "https://schema.org/Corporation",
        "https://schema.org/Person",
        "https://spec.edmcouncil.org/fibo/ontology/BE/LegalEntities/LegalPersons/LegalPerson",
        "https://spec.edmcouncil.org/fibo/ontology/SEC/Equities/EquityInstruments/CommonShare",
        "https://spec.edmcouncil.org/fibo/ontology/FBC/FinancialInstruments/FinancialInstruments/FinancialInstrument",
    ):
        assert iri in objects, iri
    # every aligned filing-kg term exists in the ontology
    local = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(str(FKG))}
    assert local <= _terms(onto)


def test_facts_query_names_every_relation() -> None:
    text = ontology_file("queries/facts.rq").read_text()
    named = set(re.findall(r'"([a-z_]+)"', text))
    assert set(RELATIONS) <= named
