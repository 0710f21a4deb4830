"""Ontology terms the exporters treat specially, and a one-pass index of a dataset's quads.

rdflib's Dataset answers ``triples()`` from its default graph only, so every exporter
that needs the union of the document graphs reads the quads once into a
:class:`QuadIndex` (which also remembers which documents state each triple). It also
reads an Oxigraph store directly, which spares whole-store exports an rdflib copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF
from rdflib.term import Node

from graph.rdf.convert import from_ox
from graph.rdf.iri import doc_id_from_graph_iri
from graph.rdf.namespaces import FKG, ID
from graph.rdf.vocab import ENTITY_CLASSES, INSTRUMENT_CLASSES
from graph.store.merged import document_quads

ENTITY_TYPES: frozenset[URIRef] = frozenset(ENTITY_CLASSES.values()) | {FKG.Agent, FKG.LegalEntity, FKG.Organization}
INSTRUMENT_TYPES: frozenset[URIRef] = frozenset(INSTRUMENT_CLASSES.values()) | {
    FKG.Instrument, FKG.EquityInstrument, FKG.DebtInstrument, FKG.DerivativeInstrument}
DOCUMENT_TYPES: frozenset[URIRef] = frozenset({FKG.Document, FKG.Filing, FKG.Exhibit})
NODE_CLASSES: frozenset[URIRef] = ENTITY_TYPES | INSTRUMENT_TYPES | DOCUMENT_TYPES
POSITION_CLASSES: frozenset[URIRef] = frozenset({FKG.OfficerPosition, FKG.DirectorPosition, FKG.Position})
ASSERTION_CLASSES: frozenset[URIRef] = frozenset({FKG.Assertion})

#: instrument class -> the FORMAT vocabulary word ("Convertible Note").
INSTRUMENT_WORDS: dict[URIRef, str] = {cls: word for word, cls in INSTRUMENT_CLASSES.items()}

_DOCUMENT_PREFIX = str(ID) + "document/"


def local_id(term: Node) -> str:
    """A stable string id: the IRI without the instance namespace (``company/cik-844143``)."""
    text = str(term)
    return text[len(ID):] if text.startswith(str(ID)) else text


def doc_id_of(term: Node) -> str:
    """Document id of a document IRI (``id/document/<id>``) or of a document graph IRI."""
    text = str(term)
    if text.startswith(_DOCUMENT_PREFIX):
        return unquote(text[len(_DOCUMENT_PREFIX):])
    return doc_id_from_graph_iri(text) or text


Triple = tuple[Node, Node, Node]


def _ox_quads(store: ox.Store) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    """rdflib quads of an Oxigraph store; each distinct term converted once (terms repeat a lot)."""
    cache: dict[object, Node] = {}

    def term(t: object) -> Node:
        found = cache.get(t)
        if found is None:
            found = cache[t] = from_ox(t)
        return found

    for q in document_quads(store):  # not the derived merged default graph
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
        yield term(q.subject), term(q.predicate), term(q.object), g


class QuadIndex:
    """The union of a dataset's graphs, with the documents stating each triple and typed lookups."""

    def __init__(self, dataset: Dataset | ox.Store) -> None:
        self.graphs: dict[Triple, set[str]] = {}
        self.by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self.types: dict[Node, set[Node]] = defaultdict(set)
        quads = _ox_quads(dataset) if isinstance(dataset, ox.Store) else dataset.quads((None, None, None, None))
        for s, p, o, g in quads:
            triple = (s, p, o)
            docs = self.graphs.get(triple)
            if docs is None:
                docs = self.graphs[triple] = set()
                self.by_subject[s].append((p, o))
                if p == RDF.type:
                    self.types[s].add(o)
            if g is not None and g != DATASET_DEFAULT_GRAPH_ID:
                doc = doc_id_from_graph_iri(str(g))
                if doc is not None:
                    docs.add(doc)

    def __len__(self) -> int:
        return len(self.graphs)

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return [o for p, o in self.by_subject.get(subject, ()) if p == predicate]

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object (the smallest, for determinism) or None."""
        found = self.objects(subject, predicate)
        return min(found, key=str) if found else None

    def is_node(self, term: Node) -> bool:
        """Entities, instruments and documents: what becomes a property-graph node."""
        return bool(self.types.get(term, set()) & NODE_CLASSES)

    def is_a(self, term: Node, classes: frozenset[URIRef]) -> bool:
        return bool(self.types.get(term, set()) & classes)
