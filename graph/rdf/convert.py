"""rdflib <-> pyoxigraph term conversion, so stores and in-memory graphs hold the same triples.

Plain rdflib literals and ``xsd:string`` literals are the same RDF 1.1 term; we map
``xsd:string`` back to a plain rdflib literal so graphs round-trip as equal.

Why not oxrdflib (dropped as a dependency): its converter is a private module
(``oxrdflib._converter``, no stable API) and turns every plain literal coming back
from Oxigraph into an ``xsd:string``-typed rdflib literal, so a graph read back would
not compare equal to the one written. Its rdflib Store plugin is not used either: the
store talks to pyoxigraph directly (:mod:`graph.store.oxigraph_store`). These few
functions are the whole of what we need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def from_ox(term: object) -> Node:
    """Convert a pyoxigraph term to the rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def graph_name_to_ox(name: Node | None) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    """rdflib graph identifier -> Oxigraph graph name (rdflib's default graph id -> DefaultGraph)."""
    if name is None or name == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(name)  # type: ignore[return-value]


def triples_to_ox(triples: Iterable[tuple[Node, Node, Node]], graph_name: object) -> Iterator[ox.Quad]:
    """Quads in ``graph_name`` (an Oxigraph graph name) for rdflib triples."""
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name)  # type: ignore[arg-type]


def rdflib_to_ox_quads(data: Graph, graph_names: set[str] | None = None) -> Iterator[ox.Quad]:
    """Quads of an rdflib Dataset (optionally only some named graphs) or triples of a Graph (default graph)."""
    if isinstance(data, Dataset):
        for s, p, o, g in data.quads((None, None, None, None)):
            if graph_names is not None and str(g) not in graph_names:
                continue
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name_to_ox(g))  # type: ignore[arg-type]
    else:
        yield from triples_to_ox(data, ox.DefaultGraph())


def ox_to_dataset(quads: Iterable[ox.Quad], dataset: Dataset | None = None) -> Dataset:
    """An rdflib Dataset holding ``quads`` (default-graph quads go to its default graph)."""
    ds = dataset if dataset is not None else Dataset()
    for q in quads:
        triple = (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        if isinstance(q.graph_name, ox.DefaultGraph):
            ds.add(triple)  # type: ignore[arg-type]
        else:
            ds.graph(from_ox(q.graph_name)).add(triple)  # type: ignore[arg-type]
    return ds


def ox_to_graph(triples: Iterable[ox.Triple | ox.Quad], graph: Graph | None = None) -> Graph:
    """An rdflib Graph holding the triples (graph names of quads are dropped)."""
    g = graph if graph is not None else Graph()
    for t in triples:
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return g


def ntriples_line(s: Node, p: Node, o: Node) -> str:
    """One triple in N-Triples syntax (valid inside SPARQL ``INSERT DATA``)."""
    return f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ."
