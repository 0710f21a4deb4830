"""Ownership records in the graph: fkg:Holding, fkg:Transaction and fkg:OfferingAmount nodes.

Each node is derived from its document, each value asserted with its span,
and the SHACL shapes hold them to their vocabularies and ranges.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import PROV, RDF, XSD

from graph.model import Amount, Entity, Evidence, Extraction, Holding, OwnershipRecords, Quantity, Transaction
from graph.rdf.build import document_graph
from graph.rdf.iri import document_iri, entity_iri
from graph.rdf.namespaces import FKG
from graph.rdf.validate import validate

DOC = "SC13G_Invented_2025.txt"


def _q(value: str, start: int) -> Quantity:
    return Quantity(value, Evidence(DOC, start, start + len(value), value, "test", 1.0))


def _extraction(percent: str = "9.8", code: str = "S") -> Extraction:
    entities = {
        "company/cik-1": Entity("company/cik-1", "Company", "Quillfeather Robotics Corp."),
        "company/northpine": Entity("company/northpine", "Company", "Northpine Activist Fund Ltd."),
        "person/dana-orlov": Entity("person/dana-orlov", "Person", "Dana K. Orlov"),
    }
    records = OwnershipRecords(
        holdings=[
            Holding("company/northpine", "company/cik-1", "Class A Ordinary Shares", _q("2500000", 10), _q(percent, 40),
                    evidence=Evidence(DOC, 0, 5, "", "test", 0.9)),
        ],
        transactions=[
            Transaction(["person/dana-orlov"], "company/cik-1", "Common Stock", code=_q(code, 100), date=_q("2025-01-24", 110),
                        shares=_q("1436", 130), price=_q("41.4401", 140), acquired_disposed=_q("D", 150),
                        ownership=_q("D", 160), shares_after=_q("333210", 170), evidence=Evidence(DOC, 90, 180, "", "test", 1.0)),
        ],
        amounts=[
            Amount("company/cik-1", "total_amount_sold", _q("100000", 200)),
            Amount("company/cik-1", "total_offering_amount", _q("0", 220), indefinite=True),
        ],
    )
    return Extraction(DOC, "0" * 64, "SC 13G", "company/cik-1", entities, {}, [], records)


def test_holding_node_with_provenance() -> None:
    g = document_graph(_extraction())
    holding = next(g.subjects(RDF.type, FKG.Holding))
    assert (holding, FKG.stakeHolder, entity_iri("company/northpine")) in g
    assert (holding, FKG.stakeIn, entity_iri("company/cik-1")) in g
    assert (holding, FKG.percentOfClass, Literal("9.8", datatype=XSD.decimal)) in g
    assert (holding, PROV.wasDerivedFrom, document_iri(DOC)) in g
    a = next(a for a in g.subjects(RDF.subject, holding) if (a, RDF.predicate, FKG.percentOfClass) in g)
    assert int(g.value(a, FKG.charStart)) == 40 and int(g.value(a, FKG.charEnd)) == 43


def test_transaction_and_amount_nodes() -> None:
    g = document_graph(_extraction())
    trade = next(g.subjects(RDF.type, FKG.Transaction))
    assert (trade, FKG.reportingOwner, entity_iri("person/dana-orlov")) in g
    assert (trade, FKG.transactionDate, Literal("2025-01-24", datatype=XSD.date)) in g
    assert (trade, FKG.transactionCode, Literal("S")) in g
    kinds = {str(g.value(n, FKG.amountKind)) for n in g.subjects(RDF.type, FKG.OfferingAmount)}
    assert kinds == {"total_amount_sold", "total_offering_amount"}
    indefinite = next(n for n in g.subjects(RDF.type, FKG.OfferingAmount) if g.value(n, FKG.indefinite) is not None)
    assert g.value(indefinite, FKG.amountValue) is None


def test_rebuild_gives_the_same_nodes() -> None:
    assert set(document_graph(_extraction())) == set(document_graph(_extraction()))


def test_records_of_unknown_entities_are_left_out() -> None:
    ex = _extraction()
    ex.records.holdings[0].holder = "company/dropped"
    assert not list(document_graph(ex).subjects(RDF.type, FKG.Holding))


def test_shapes_accept_records_and_reject_bad_values() -> None:
    assert validate(document_graph(_extraction())).conforms
    bad = validate(document_graph(_extraction(percent="150", code="sale")))
    paths = {r.get("path", "") for r in bad.violations()}
    assert not bad.conforms
    assert any("percentOfClass" in p for p in paths) and any("transactionCode" in p for p in paths)
