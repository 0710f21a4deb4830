"""RDF exports parse back isomorphic to the store's graph, for every registered RDF format."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from graph.export import ExportError, Selection, export, formats, select
from graph.export.rdf import context, is_quad_format, parser_name
from graph.rdf.iri import graph_iri
from graph.rdf.namespaces import FKG, PREFIXES
from graph.rdf.ontology import ontology_dir

RDF_FORMATS = [e.name for e in formats(kind="rdf")]


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def parse_back(path, name: str) -> Dataset:
    back = Dataset()
    back.parse(str(path), format=parser_name(name))
    return back


def assert_same(original: Dataset, back: Dataset, name: str) -> None:
    if is_quad_format(name):
        a, b = named_graphs(original), named_graphs(back)
        assert a.keys() == b.keys(), name
        for key in a:
            assert isomorphic(a[key], b[key]), f"{name}: graph {key} differs"
    else:
        assert isomorphic(union(original), union(back)), name


def test_every_rdf_format_is_registered():
    assert set(RDF_FORMATS) >= {"turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"}


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_round_trip_whole_store(name, innovo_store, dataset, tmp_path):
    """Contract: every registered RDF serialiser gives back the store's graph (named graphs kept where the format can)."""
    result = export(name, innovo_store, tmp_path / f"graph.{name}")
    back = parse_back(result.files[0], name)
    assert_same(dataset, back, name)
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    assert sum(result.counts.values()) == (quads if is_quad_format(name) else len(union(dataset)))


@pytest.mark.parametrize("name", ["trig", "nquads", "jsonld"])
def test_quad_formats_keep_one_graph_per_document(name, innovo_store, tmp_path):
    result = export(name, innovo_store, tmp_path / f"g.{name}")
    back = parse_back(result.files[0], name)
    assert set(named_graphs(back)) == {str(graph_iri(d)) for d in innovo_store.documents()}


def test_round_trip_detects_a_lost_triple(dataset, tmp_path):
    """The comparison can fail: drop one triple from the output and it is no longer isomorphic."""
    export("ntriples", dataset, tmp_path / "g.nt")
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "g.nt").write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    back = parse_back(tmp_path / "g.nt", "ntriples")
    assert not isomorphic(union(dataset), union(back))


def test_output_is_deterministic(dataset, tmp_path):
    export("turtle", dataset, tmp_path / "a.ttl")
    export("turtle", dataset, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_round_trip_one_document(name, innovo_store, tmp_path):
    doc = innovo_store.documents()[0]
    selected = select(innovo_store, Selection(document=doc))
    assert set(named_graphs(selected)) == {str(graph_iri(doc))}
    export(name, selected, tmp_path / f"doc.{name}")
    back = parse_back(tmp_path / f"doc.{name}", name)
    assert isomorphic(union(back), innovo_store.document(doc))


def test_unknown_document_is_an_error(innovo_store):
    with pytest.raises(ExportError, match="not in the store"):
        select(innovo_store, Selection(document="nope.txt"))


def test_construct_selection_round_trips(innovo_store, tmp_path):
    query = "CONSTRUCT { ?p fkg:officerOf ?c . ?p rdfs:label ?n } WHERE { ?p fkg:officerOf ?c ; rdfs:label ?n }"
    selected = select(innovo_store, Selection(construct=query))
    assert len(selected) > 0
    assert {p for _, p, _, _ in selected.quads((None, None, None, None))} <= {FKG.officerOf,
                                                                              RDFS.label}
    for name in ("turtle", "trig"):
        export(name, selected, tmp_path / f"c.{name}")
        assert isomorphic(union(parse_back(tmp_path / f"c.{name}", name)), union(selected))


def test_bad_construct_query_is_an_export_error(innovo_store):
    with pytest.raises(ExportError, match="construct"):
        select(innovo_store, Selection(construct="CONSTRUCT { ?s ?p }"))


def test_entity_neighbourhood(dataset, tmp_path):
    """Depth 1 around the registrant: its officers and instruments, not other companies' people."""
    hood = select(dataset, Selection(entity="Innovo Group Inc.", depth=1))
    g = union(hood)
    innovo = next(s for s, o in g.subject_objects(RDFS.label)
                  if str(o) == "Innovo Group Inc.")
    officers = set(g.subjects(FKG.officerOf, innovo))
    assert officers, "the registrant's officers are in its neighbourhood"
    subjects = {s for s, _, _ in g}
    assert subjects < {s for s, _, _ in union(dataset)}
    # every assertion kept is about something kept
    for a in g.subjects(RDF.type, FKG.Assertion):
        assert g.value(a, RDF.subject) in subjects
    # depth 0 is the entity alone (with its literals and mention assertions)
    alone = union(select(dataset, Selection(entity="Innovo Group Inc.", depth=0)))
    assert not set(alone.subjects(FKG.officerOf, innovo))
    assert len(alone) < len(g) < len(union(dataset))
    export("trig", hood, tmp_path / "hood.trig")
    assert_same(hood, parse_back(tmp_path / "hood.trig", "trig"), "trig")


def test_entity_by_key_and_unknown_name(dataset):
    from graph.rdf.namespaces import ID

    key = next(str(s)[len(ID):] for s in union(dataset).subjects(RDF.type, FKG.Company))
    assert len(select(dataset, Selection(entity=key, depth=0)))
    with pytest.raises(ExportError, match="no entity named"):
        select(dataset, Selection(entity="No Such Company Ltd"))


def test_one_selection_at_a_time(dataset):
    with pytest.raises(ExportError, match="choose one"):
        select(dataset, Selection(document="x", entity="y"))


def test_jsonld_uses_the_published_context(dataset, tmp_path):
    export("jsonld", dataset, tmp_path / "g.jsonld")
    data = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == context()
    text = (tmp_path / "g.jsonld").read_text(encoding="utf-8")
    assert '"label"' in text and '"wasDerivedFrom"' in text  # compacted with the context's terms
    export("jsonld", dataset, tmp_path / "r.jsonld", context_url="https://w3id.org/filing-kg/context.jsonld")
    ref = json.loads((tmp_path / "r.jsonld").read_text(encoding="utf-8"))
    assert ref["@context"] == "https://w3id.org/filing-kg/context.jsonld"


def test_context_file_matches_prefixes_and_ontology():
    ctx = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    for prefix, iri in PREFIXES.items():
        assert ctx[prefix] == iri
    onto = Graph().parse(ontology_dir() / "filing-kg.ttl")
    properties = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    for term, definition in ctx.items():
        if term.startswith("@") or term in PREFIXES:
            continue
        target = definition["@id"] if isinstance(definition, dict) else definition
        prefix, _, local = target.partition(":")
        iri = PREFIXES[prefix] + local
        if prefix == "fkg":
            assert URIRef(iri) in properties, term
            is_object = (URIRef(iri), RDF.type, OWL.ObjectProperty) in onto
            assert is_object == (isinstance(definition, dict) and definition.get("@type") == "@id"), term


@pytest.mark.parametrize("name", ["turtle", "trig", "rdfxml"])
def test_store_fast_path_writes_the_same_bytes(name, innovo_store, dataset, tmp_path):
    export(name, innovo_store, tmp_path / "fast")  # whole store: read from Oxigraph directly
    export(name, dataset, tmp_path / "slow")  # an rdflib Dataset
    assert (tmp_path / "fast").read_bytes() == (tmp_path / "slow").read_bytes()
