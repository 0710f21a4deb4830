"""The deal node: one fkg:Offering per document and issuer, each link asserted from its facts' spans."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS
import rdflib.namespace as rdf_ns  # XSD at module level trips pytest's mock probe

from graph.model import Entity, Evidence, Extraction, Fact
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.rdf.iri import document_iri, entity_iri, instrument_iri, offering_iri
from graph.rdf.namespaces import FKG
from graph.rdf.validate import validate


def _offerings(g) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, FKG.Offering))


def _link_spans(g, offering: URIRef, prop: URIRef, obj) -> set[tuple[int, int]]:
    """Evidence spans of the assertions of one offering link."""
    out = set()
    for a in g.subjects(RDF.subject, offering):
        if g.value(a, RDF.predicate) == prop and g.value(a, RDF.object) == obj:
            assert g.value(a, PROV.wasDerivedFrom) is not None
            out.add((int(g.value(a, FKG.charStart)), int(g.value(a, FKG.charEnd))))
    return out


def _span(fact: Fact) -> tuple[int, int]:
    assert fact.evidence is not None
    return (fact.evidence.start, fact.evidence.end)


def test_one_offering_links_issuer_instruments_party_date_and_document(innovo, sample) -> None:
    g = document_graph(innovo)
    node = offering_iri(sample.DOC, sample.INNOVO)
    assert _offerings(g) == [node]
    assert str(node) == f"https://w3id.org/filing-kg/id/offering/{sample.DOC}/{sample.INNOVO}"
    doc = document_iri(sample.DOC)
    inno = entity_iri(sample.INNOVO)
    warrant = instrument_iri("instrument/company/cik-844143/warrant")
    assert list(g.objects(node, FKG.offeringIssuer)) == [inno]
    assert set(g.objects(node, FKG.offers)) == {instrument_iri(sample.NOTE), warrant}  # issued, not the conversion target
    assert list(g.objects(node, FKG.placementAgent)) == [entity_iri(sample.AGENT)]
    assert g.value(node, FKG.offeringDate) == Literal("2004-06-23", datatype=rdf_ns.XSD.date)
    assert g.value(node, FKG.offeringDate) == g.value(doc, FKG.reportDate)
    assert g.value(node, PROV.wasDerivedFrom) == doc and g.value(node, FKG.describedIn) == doc
    assert g.value(node, RDFS.label) == Literal("Innovo Group Inc. offering (2004-06-23)")


def test_each_link_is_asserted_with_the_spans_of_its_facts(innovo, sample) -> None:
    g = document_graph(innovo)
    node = offering_iri(sample.DOC, sample.INNOVO)
    facts = {(f.relation, f.object): f for f in innovo.facts}
    agent = facts[("placement_agent_for", sample.INNOVO)]
    note, warrant = facts[("issued", "Convertible Note")], facts[("issued", "Warrant")]
    date = facts[("report_date", "2004-06-23")]
    assert _link_spans(g, node, FKG.placementAgent, entity_iri(sample.AGENT)) == {_span(agent)}
    assert _link_spans(g, node, FKG.offers, instrument_iri(sample.NOTE)) == {_span(note)}
    assert _link_spans(g, node, FKG.offers, instrument_iri("instrument/company/cik-844143/warrant")) == {_span(warrant)}
    assert _link_spans(g, node, FKG.offeringIssuer, entity_iri(sample.INNOVO)) == {
        _span(agent), _span(note), _span(warrant)}
    assert _link_spans(g, node, FKG.offeringDate, g.value(node, FKG.offeringDate)) == {_span(date)}
    a = next(a for a in g.subjects(RDF.subject, node) if g.value(a, RDF.predicate) == FKG.placementAgent)
    assert g.value(a, FKG.method) == Literal("ner:org+rule:agent")  # the source fact's evidence, as it is
    assert g.value(a, FKG.confidence) == Literal("0.7", datatype=rdf_ns.XSD.decimal)


def test_offering_is_deterministic_and_replaced_with_its_document(innovo, sample) -> None:
    a, b = document_graph(innovo), document_graph(sample.innovo_extraction())
    assert isomorphic(a, b) and set(a) == set(b)
    ds = extraction_to_dataset([sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")])
    offerings = {s for s, _, _, _ in ds.quads((None, RDF.type, FKG.Offering, None))}
    assert offerings == {offering_iri("a.txt", sample.INNOVO), offering_iri("b.txt", sample.INNOVO)}
    size = len(list(ds.quads()))
    extraction_to_dataset([sample.innovo_extraction("a.txt")], ds)
    assert len(list(ds.quads())) == size


def _doc(facts: list[Fact], entities: dict[str, Entity], doc_id: str = "d.txt") -> Extraction:
    return Extraction(doc_id, "c" * 64, form_type="8-K", entities=entities, facts=facts)


def _ev(start: int) -> Evidence:
    return Evidence("d.txt", start, start + 3, method="rule:test", confidence=0.8)


def test_one_offering_per_issuer_and_roles() -> None:
    ents = {
        "company/a": Entity("company/a", "Company", "Alpha Corp."),
        "company/b": Entity("company/b", "Company", "Beta Inc."),
        "company/bank": Entity("company/bank", "Company", "Trust Bank"),
        "person/p": Entity("person/p", "Person", "Pat Buyer"),
        "company/law": Entity("company/law", "Company", "Law LLP"),
    }
    facts = [
        Fact("company/a", "issued", "Note", evidence=_ev(10)),
        Fact("company/bank", "trustee_for", "company/a", evidence=_ev(20)),
        Fact("person/p", "investor_in", "company/b", evidence=_ev(30)),
        Fact("company/law", "legal_counsel_for", "company/b"),  # no evidence: an assertion without a span
        Fact("company/bank", "auditor_of", "company/b", evidence=_ev(40)),  # not a deal role
    ]
    g = document_graph(_doc(facts, ents))
    oa, ob = offering_iri("d.txt", "company/a"), offering_iri("d.txt", "company/b")
    assert _offerings(g) == sorted([oa, ob])
    assert list(g.objects(oa, FKG.trustee)) == [entity_iri("company/bank")]
    assert list(g.objects(ob, FKG.investor)) == [entity_iri("person/p")]
    assert list(g.objects(ob, FKG.legalCounsel)) == [entity_iri("company/law")]
    assert not list(g.objects(ob, FKG.offers)) and g.value(ob, FKG.offeringDate) is None
    assert g.value(ob, RDFS.label) == Literal("Beta Inc. offering (d.txt)")  # undated: named by its document
    assert entity_iri("company/bank") not in set(g.objects(ob, None))  # the auditor is no deal party
    assert validate(g).conforms


def test_no_offering_without_instruments_or_parties_or_for_non_companies() -> None:
    ents = {
        "company/a": Entity("company/a", "Company", "Alpha Corp."),
        "person/p": Entity("person/p", "Person", "Pat Issuer"),
        "agency/sec": Entity("agency/sec", "GovernmentAgency", "Securities and Exchange Commission"),
    }
    facts = [
        Fact("company/a", "cik", "1234"),
        Fact("agency/sec", "investor_in", "company/a"),  # parties are companies or people only
        Fact("person/p", "issued", "Option"),  # issuers are companies only
    ]
    g = document_graph(_doc(facts, ents))
    assert _offerings(g) == []
    assert (entity_iri("agency/sec"), FKG.investorIn, entity_iri("company/a")) in g  # the facts stay
    assert validate(g).conforms


def _broken(innovo, mutate) -> list[dict[str, str]]:
    g = document_graph(innovo)
    mutate(g, next(iter(_offerings(g))))
    report = validate(g)
    assert not report.conforms
    return report.violations()


def _paths(violations: list[dict[str, str]]) -> set[str]:
    return {v["path"] for v in violations}


def test_built_offering_conforms(innovo) -> None:
    report = validate(document_graph(innovo))
    assert report.conforms, report.text


@pytest.mark.parametrize("case", ["no issuer", "two issuers", "person issuer"])
def test_offering_issuer_is_exactly_one_company(innovo, sample, case) -> None:
    def mutate(g, o):
        if case == "no issuer":
            g.remove((o, FKG.offeringIssuer, None))
        elif case == "two issuers":
            g.add((o, FKG.offeringIssuer, entity_iri(sample.AGENT)))
        else:
            g.set((o, FKG.offeringIssuer, entity_iri(sample.FURROW)))
    assert str(FKG.offeringIssuer) in _paths(_broken(innovo, mutate))


def test_offering_offers_only_instruments(innovo, sample) -> None:
    violations = _broken(innovo, lambda g, o: g.add((o, FKG.offers, entity_iri(sample.AGENT))))
    assert str(FKG.offers) in _paths(violations)


@pytest.mark.parametrize("role", ["placementAgent", "underwriter", "broker", "trustee", "legalCounsel",
                                  "transferAgent", "investor"])
def test_parties_are_companies_or_people(innovo, sample, role) -> None:
    violations = _broken(innovo, lambda g, o: g.add((o, FKG[role], entity_iri(sample.SEC))))
    assert str(FKG[role]) in _paths(violations)
    # a person is a valid party
    g = document_graph(innovo)
    g.add((_offerings(g)[0], FKG[role], entity_iri(sample.FURROW)))
    assert validate(g).conforms


def test_offering_date_and_source_checked(innovo) -> None:
    violations = _broken(innovo, lambda g, o: g.set((o, FKG.offeringDate, Literal("June 23, 2004"))))
    assert str(FKG.offeringDate) in _paths(violations)
    violations = _broken(innovo, lambda g, o: g.remove((o, PROV.wasDerivedFrom, None)))
    assert str(PROV.wasDerivedFrom) in _paths(violations)


def test_no_deal_facts_no_offering(sample) -> None:
    """Offerings only group existing facts (the facts view, tests/query, stays the same); none without them."""
    ex = sample.innovo_extraction()
    without = replace(ex, facts=[f for f in ex.facts if f.relation not in ("issued", "placement_agent_for")])
    g = document_graph(without)
    assert not _offerings(g)
    assert not list(g.subjects(RDF.predicate, FKG.offeringIssuer))
