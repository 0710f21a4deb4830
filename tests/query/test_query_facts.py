"""The facts view reproduces the FORMAT facts from a built graph, wherever the graph lives."""

from __future__ import annotations

from rdflib import Literal
import rdflib.namespace as rdf_ns  # XSD at module level trips pytest's mock probe

from graph.query.facts import fact_rows, fact_tuples, render
from graph.rdf.build import document_graph, extraction_to_dataset
from graph.store import open_store


def _tuples(rows: list[dict[str, str]]) -> set[tuple[str, ...]]:
    return {(r["subject"], r["relation"], r["object"]) + ((r["qualifier"],) if "qualifier" in r else ())
            for r in rows}


def test_fact_rows_equal_expected(innovo, sample) -> None:
    rows = fact_rows(extraction_to_dataset([innovo]))
    assert _tuples(rows) == sample.expected_facts()
    assert len(rows) == len(sample.expected_facts())  # deduplicated: one row per fact


def test_rows_are_ordered_and_typed_first(innovo) -> None:
    rows = fact_rows(extraction_to_dataset([innovo]))
    assert rows == fact_rows(extraction_to_dataset([innovo]))
    kinds = [r["relation"] == "type" for r in rows]
    assert kinds == sorted(kinds, reverse=True)
    assert all(set(r) <= {"subject", "relation", "object", "qualifier", "source"} for r in rows)


def test_sources(innovo, sample) -> None:
    rows = fact_rows(extraction_to_dataset([innovo]))
    by_key = {(r["subject"], r["relation"], r["object"], r.get("qualifier")): r for r in rows}
    ceo = by_key[("Samuel J. Furrow, Jr.", "officer_of", "Innovo Group Inc.", "Chief Executive Officer")]
    assert ceo["source"].startswith(sample.DOC + "#char=")
    # a fact without evidence: the document alone
    assert by_key[("Innovo Group Inc.", "postal_code", "90040", None)]["source"] == sample.DOC
    assert "source" not in by_key[("Innovo Group Inc.", "type", "Company", None)]
    # a fact read twice: first source by default, both on request
    price = ("Innovo Group Inc. / Convertible Note", "conversion_price", "1.53")
    first = [r for r in rows if (r["subject"], r["relation"], r["object"]) == price]
    every = [r for r in fact_rows(extraction_to_dataset([innovo]), all_sources=True)
             if (r["subject"], r["relation"], r["object"]) == price]
    assert len(first) == 1 and len(every) == 2
    assert first[0]["source"] == every[0]["source"]


def test_single_graph_and_store_give_the_same_view(innovo, sample) -> None:
    assert fact_tuples(document_graph(innovo)) == sample.expected_facts()
    with open_store(None) as store:
        store.add_extraction(innovo)
        assert fact_tuples(store) == sample.expected_facts()
        assert fact_rows(store) == fact_rows(extraction_to_dataset([innovo]))


def test_doc_ids_restrict_the_view(sample) -> None:
    ds = extraction_to_dataset([sample.innovo_extraction("a.txt"), sample.innovo_extraction("b.txt")])
    only_a = fact_tuples(ds, ["a.txt"])
    assert only_a == sample.expected_facts("a.txt")
    both = fact_tuples(ds)
    assert both == sample.expected_facts("a.txt") | sample.expected_facts("b.txt")
    assert fact_rows(ds, []) == []


def test_render_numbers() -> None:
    assert render(Literal("4.00", datatype=rdf_ns.XSD.decimal)) == "4"
    assert render(Literal("2.5E6", datatype=rdf_ns.XSD.double)) == "2500000"
    assert render(Literal("0.0135", datatype=rdf_ns.XSD.decimal)) == "0.0135"
    assert render(Literal("12", datatype=rdf_ns.XSD.integer)) == "12"
    assert render(Literal("P12M")) == "P12M"


def test_document_fields_without_facts_have_no_source(sample) -> None:
    a = sample.innovo_extraction("a.txt")
    a.facts = [f for f in a.facts if f.relation not in ("form_type", "filed_by")]
    b = sample.innovo_extraction("b.txt")
    rows = fact_rows(extraction_to_dataset([a, b]))
    form = [r for r in rows if r["relation"] == "form_type"]
    assert {(r["subject"], r["object"], r.get("source")) for r in form} == {
        ("a.txt", "8-K", None), ("b.txt", "8-K", "b.txt#char=20,25")}
    filed = [r for r in rows if r["relation"] == "filed_by" and r["subject"] == "a.txt"]
    assert len(filed) == 1 and "source" not in filed[0]


def test_many_documents_sharing_entities_stay_fast(sample) -> None:
    import time

    with open_store(None) as store:
        for i in range(60):
            store.add_extraction(sample.innovo_extraction(f"d{i}.txt"))
        start = time.perf_counter()
        rows = fact_rows(store)
        assert time.perf_counter() - start < 5
    assert len([r for r in rows if r["relation"] == "type"]) == 4
    assert len({(r["subject"], r["relation"], r["object"], r.get("qualifier")) for r in rows}) == len(rows)


def test_single_document_graph_honours_doc_ids(sample) -> None:
    g = document_graph(sample.innovo_extraction("a.txt"))
    assert fact_tuples(g, ["a.txt"]) == sample.expected_facts("a.txt")
    assert fact_tuples(g, ["b.txt"]) == set()
