"""The property-graph projection: nodes, labels, typed edges with qualifiers and provenance."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph.export.projection import rel_type, snake, to_property_graph
from graph.rdf.namespaces import FKG

PLAIN = (str, int, float, bool)


def plain(value) -> bool:
    return isinstance(value, PLAIN) or (isinstance(value, list) and all(isinstance(v, PLAIN) for v in value))


def test_naming_conventions():
    assert rel_type(FKG.officerOf) == "OFFICER_OF"
    assert rel_type(FKG.placementAgentFor) == "PLACEMENT_AGENT_FOR"
    assert rel_type(FKG.issuer) == "ISSUED_BY"
    assert snake("stateOfIncorporation") == "state_of_incorporation"


def test_sample_mapping(sample_dataset, sample):
    g = to_property_graph(sample_dataset)
    assert isinstance(g, nx.MultiDiGraph)
    innovo = g.nodes[sample.INNOVO]
    assert innovo["label"] == "Company" and innovo["labels"] == ["Company"] and innovo["kind"] == "entity"
    assert innovo["name"] == "Innovo Group Inc."
    assert innovo["aliases"] == ["INNOVO GROUP INC.", "Innovo Group"]
    assert innovo["cik"] == "844143" and innovo["ticker"] == "INNO" and innovo["state_of_incorporation"] == "Delaware"
    assert innovo["iri"].endswith("/id/" + sample.INNOVO)

    note = g.nodes[sample.NOTE]
    assert note["labels"] == ["Instrument", "ConvertibleNote"] and note["label"] == "ConvertibleNote"
    assert note["instrument_type"] == "Convertible Note"
    assert note["conversion_price"] == [1.35, 1.41, 1.53]  # several values: a list
    assert note["principal_amount"] == 2500000.0 and note["interest_rate"] == 7.5
    assert note["maturity"] == "P1Y"

    doc = g.nodes[f"document/{sample.DOC}"]
    assert doc["labels"] == ["Document", "Filing"] and doc["form_type"] == "8-K"
    assert doc["report_date"] == "2004-06-23" and doc["file_name"] == sample.DOC

    assert sample.SEC in g and g.nodes[sample.SEC]["label"] == "GovernmentAgency"
    assert not any(n.startswith(("assertion/", "position/", "graph/")) for n in g)  # reified things are not nodes


def edges(g, u, v, rtype):
    return [d for a, b, d in g.edges(data=True) if a == u and b == v and d["label"] == rtype]


def test_positions_become_edges_with_qualifiers_and_provenance(sample_dataset, sample):
    g = to_property_graph(sample_dataset)
    officer = edges(g, sample.FURROW, sample.INNOVO, "OFFICER_OF")
    assert sorted(e["title"] for e in officer) == ["Chief Executive Officer", "Principal Executive Officer"]
    ceo = next(e for e in officer if e["title"] == "Chief Executive Officer")
    assert ceo["start_date"] == "2001-03-01" and ceo["end_date"] == "2004-12-31"
    assert ceo["source_document"] == sample.DOC and ceo["method"] == "rule:signature"
    assert isinstance(ceo["char_start"], int) and ceo["char_end"] == ceo["char_start"] + 5
    assert ceo["confidence"] == 0.9 and ceo["source_documents"] == [sample.DOC]
    pex = next(e for e in officer if e["title"] == "Principal Executive Officer")
    assert pex["char_start"] != ceo["char_start"]  # each title gets its own assertion
    director = edges(g, sample.FURROW, sample.INNOVO, "DIRECTOR_OF")
    assert len(director) == 1 and "title" not in director[0] and director[0]["method"] == "rule:test"
    # the officerOf/directorOf shortcut triples are not extra edges
    assert Counter(d["label"] for a, b, d in g.edges(data=True) if a == sample.FURROW)["OFFICER_OF"] == 2


def test_instrument_and_document_edges(sample_dataset, sample):
    g = to_property_graph(sample_dataset)
    doc = f"document/{sample.DOC}"
    issued_by = edges(g, sample.NOTE, sample.INNOVO, "ISSUED_BY")
    assert issued_by and issued_by[0]["source_documents"] == [sample.DOC]
    assert "confidence" not in issued_by[0]  # no assertion states fkg:issuer
    assert edges(g, sample.NOTE, sample.COMMON, "CONVERTIBLE_INTO")
    assert edges(g, sample.INNOVO, sample.NOTE, "ISSUED")
    filed = edges(g, doc, sample.INNOVO, "FILED_BY")
    assert filed and filed[0]["confidence"] == 1.0 and filed[0]["method"] == "header:sgml"
    signed = edges(g, sample.FURROW, doc, "SIGNED")
    assert len(signed) == 1 and not edges(g, doc, sample.FURROW, "SIGNED_BY")
    agent = edges(g, sample.AGENT, sample.INNOVO, "PLACEMENT_AGENT_FOR")
    assert agent and agent[0]["confidence"] == 0.7


def test_no_rdflib_terms_leak(dataset):
    g = to_property_graph(dataset)
    assert g.number_of_nodes() > 10 and g.number_of_edges() > 10
    for node, data in g.nodes(data=True):
        assert type(node) is str
        assert all(plain(v) for v in data.values()), (node, data)
    for u, v, key, data in g.edges(keys=True, data=True):
        assert type(key) is str
        assert all(plain(x) for x in data.values()), (u, v, data)


def test_real_filings_have_the_expected_shape(dataset):
    g = to_property_graph(dataset)
    labels = Counter(d["label"] for *_, d in g.edges(data=True))
    assert {"OFFICER_OF", "FILED_BY", "SIGNED", "ISSUED_BY"} <= set(labels)
    assert all(d["source_documents"] for *_, d in g.edges(data=True))
    # resolution across the three documents: one registrant node filed all three
    filers = {v for u, v, d in g.edges(data=True) if d["label"] == "FILED_BY"}
    assert len(filers) == 1


def test_stable_ids(dataset):
    a, b = to_property_graph(dataset), to_property_graph(dataset)
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_store_fast_path_gives_the_same_graph(innovo_store, dataset):
    """Whole-store exports read Oxigraph directly; the result must equal the rdflib path's."""
    fast, slow = to_property_graph(innovo_store.oxigraph), to_property_graph(dataset)
    assert dict(fast.nodes(data=True)) == dict(slow.nodes(data=True))
    assert sorted((u, v, k, sorted(d.items())) for u, v, k, d in fast.edges(keys=True, data=True)) == \
        sorted((u, v, k, sorted(d.items())) for u, v, k, d in slow.edges(keys=True, data=True))
