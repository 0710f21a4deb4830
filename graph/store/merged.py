"""The merged default graph: every triple any document graph states, once.

SPARQL's default graph is meant to be an RDF *merge* (a set), but Oxigraph's
``use_default_graph_as_union`` is a bag: a triple stated by three documents
counts three times (duplicated rows, inflated COUNTs, repeated DESCRIBE
triples). So the store keeps the merge itself in its default graph, next to the
per-document named graphs (provenance): queries then read the plain default graph
at native speed, and ``GRAPH ?g { ... }`` still sees each document.

The default graph is kept right by the writers of :mod:`graph.store.oxigraph_store`:
when a document graph is replaced or removed, a triple leaves the default graph
only if no other graph still states it (the SPARQL texts below run in the same
update as the drop). Exports and :meth:`GraphStore.dataset` skip the derived copy
(see :func:`document_quads`). A store written before the merge existed has an
empty default graph: :func:`is_merged` notices, writers :func:`sync` it, and
readers fall back to the union.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

_UNSTATED = "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER (?h != <%s>) }"


def forget_graph(name: str) -> str:
    """SPARQL operation: drop from the default graph the triples only graph ``name`` states (run before dropping it)."""
    return f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} {_UNSTATED % name} }}"


#: Add the triples of every named graph that the default graph lacks.
ADD_MISSING = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"

#: Drop default-graph triples that no named graph states.
DROP_UNSTATED = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"

_ORPHANS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
_COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_COUNT_ORPHANS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


def _has_quad(quads: Iterable[ox.Quad]) -> bool:
    return next(iter(quads), None) is not None


def is_merged(store: ox.Store) -> bool:
    """True if the default graph can stand for the merge: it holds triples, or there are no named graphs.

    False for a store written before the merged default graph existed (or filled
    directly, bypassing :class:`GraphStore`): query it with the union instead.
    """
    if _has_quad(store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        return True
    return not _has_quad(store.named_graphs())


def sync(store: ox.Store, *, drop_unstated: bool = False) -> None:
    """Make the default graph hold every named-graph triple (and, with ``drop_unstated``, only those).

    For stores written before the merge existed, and after arbitrary SPARQL updates.
    """
    store.update(f"{DROP_UNSTATED} ;\n{ADD_MISSING}" if drop_unstated else ADD_MISSING)


def default_copies(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The default-graph quads of ``quads``' triples (the merged copy to write with them)."""
    return [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]


def nquads_with_default_copies(data: bytes) -> bytes:
    """N-Quads ``data`` followed by the default-graph copy of each of its quads, as N-Quads.

    A shard of one named graph (every line ends `` <graph> .``, as
    :func:`pyoxigraph.serialize` writes it) is copied by cutting the graph term
    off each line: no quad objects, so a whole batch loads with one
    transactional ``Store.load``. Anything else (blank-node or mixed graphs,
    comments) is parsed and copied quad by quad.
    """
    if not data:
        return data
    first = data[: data.find(b"\n") + 1]
    cut = first.rfind(b" <")
    suffix = first[cut:] if cut > 0 and first.endswith(b"> .\n") else b""
    if suffix and data.endswith(b"\n") and data.count(suffix) == data.count(b"\n"):
        return data + data.replace(suffix, b" .\n")
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    return ox.serialize(quads + default_copies(quads), format=ox.RdfFormat.N_QUADS) or b""


def document_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """What was stored: every named-graph quad, then default-graph triples no named graph states.

    The merged copy is derived, so exports and dataset copies leave it out; a triple
    put straight into the default graph (no document states it) is kept.
    """
    for quad in store.quads_for_pattern(None, None, None, None):
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield quad
    for row in store.query(_ORPHANS):  # type: ignore[union-attr]
        yield ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph())


def _count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)  # type: ignore[call-overload, index, union-attr]


def document_quad_count(store: ox.Store) -> int:
    """How many quads :func:`document_quads` yields (named-graph quads plus unstated default triples)."""
    return _count(store, _COUNT_NAMED) + _count(store, _COUNT_ORPHANS)


def merged_triple_count(store: ox.Store) -> int:
    """Distinct triples of the knowledge graph (the merged default graph, or the union's distinct triples)."""
    if is_merged(store):
        return _count(store, _COUNT_DEFAULT)
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    return int(next(iter(rows))["n"].value)  # type: ignore[call-overload, index, union-attr]
