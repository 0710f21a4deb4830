"""What to export: the whole store, one document, one entity's neighbourhood, or a CONSTRUCT.

Every selection is an rdflib Dataset so that all exporters take one input type: the
named graph of each document is kept (TriG, N-Quads and JSON-LD write them; the
triple formats write their union). A CONSTRUCT result has no graphs and lands in
the default graph.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.errors import QueryError
from graph.export.base import ExportError
from graph.export.terms import ASSERTION_CLASSES, POSITION_CLASSES, QuadIndex, local_id
from graph.log import get_logger
from graph.rdf.iri import entity_iri, graph_iri
from graph.rdf.namespaces import FKG, bind_prefixes

log = get_logger("export.select")


@dataclass(frozen=True)
class Selection:
    """A description of what to export (the CLI options, as data)."""

    document: str | None = None
    entity: str | None = None
    depth: int = 1
    construct: str | None = None

    def describe(self) -> str:
        if self.document:
            return f"document {self.document}"
        if self.entity:
            return f"entity {self.entity} (depth {self.depth})"
        if self.construct:
            return "CONSTRUCT query"
        return "whole store"


def select(store: object, selection: Selection | None = None) -> Dataset:
    """Apply ``selection`` to a GraphStore (or an rdflib Dataset); the whole graph when None."""
    sel = selection or Selection()
    chosen = [n for n in ("document", "entity", "construct") if getattr(sel, n)]
    if len(chosen) > 1:
        raise ExportError(f"choose one selection, not {' and '.join(chosen)}")
    if sel.document:
        return document(store, sel.document)
    if sel.entity:
        return neighbourhood(_as_dataset(store), sel.entity, sel.depth)
    if sel.construct:
        return construct(store, sel.construct)
    return _as_dataset(store)


def _as_dataset(store: object) -> Dataset:
    if isinstance(store, Dataset):
        return store
    dataset = getattr(store, "dataset", None)
    if dataset is None:
        raise ExportError(f"cannot export from a {type(store).__name__}")
    return bind_prefixes(dataset())


def document(store: object, doc_id: str) -> Dataset:
    """The named graph of one document, alone."""
    name = graph_iri(doc_id)
    ds = bind_prefixes(Dataset())
    if isinstance(store, Dataset):
        known = {str(g.identifier) for g in store.graphs()}
        source = store.graph(name) if str(name) in known else None
    else:
        known = {str(graph_iri(d)) for d in store.documents()}  # type: ignore[attr-defined]
        source = store.document(doc_id) if str(name) in known else None  # type: ignore[attr-defined]
    if source is None or not len(source):
        raise ExportError(f"document {doc_id!r} is not in the store")
    target = ds.graph(name)
    for triple in source:
        target.add(triple)
    return ds


def construct(store: object, query: str | Path) -> Dataset:
    """Triples of a CONSTRUCT (or DESCRIBE) query run on the union of the graphs; text or a file."""
    from graph.store.sparql import construct as run_construct

    text = Path(query).read_text(encoding="utf-8") if isinstance(query, Path) else query
    try:
        graph = run_construct(store, text)  # type: ignore[arg-type]
    except QueryError as exc:
        raise ExportError(f"construct query: {exc}") from exc
    ds = bind_prefixes(Dataset())
    for triple in graph:
        ds.add(triple)
    return ds


# ---------------------------------------------------------------------- neighbourhood


def resolve_entity(index: QuadIndex, ref: str) -> URIRef:
    """An entity IRI from an IRI, a key (``company/cik-844143``) or a name/alias (case-insensitive)."""
    if ref.startswith(("http://", "https://", "urn:")):
        return URIRef(ref)
    key = entity_iri(ref)
    if index.is_node(key):
        return key
    wanted = ref.strip().casefold()
    hits = {
        s for s, props in index.by_subject.items()
        if index.is_node(s)
        and any(p in (RDFS.label, FKG.alias) and isinstance(o, Literal) and str(o).casefold() == wanted
                for p, o in props)
    }
    if not hits:
        raise ExportError(f"no entity named {ref!r} (give a name, an alias, a key or an IRI)")
    if len(hits) > 1:
        listed = ", ".join(sorted(local_id(h) for h in hits))
        raise ExportError(f"{ref!r} names {len(hits)} entities ({listed}); give the key or IRI")
    return hits.pop()  # type: ignore[return-value]


def neighbourhood(dataset: Dataset, ref: str, depth: int = 1) -> Dataset:
    """The entity, everything within ``depth`` relations of it, and the facts among them.

    Relations are the direct triples between entities, instruments and documents, and
    positions (holder -- organisation). Kept: each kept node's types and literals, the
    relations among kept nodes, their positions and assertions, and the vocabulary
    labels (titles, instrument types) they use.
    """
    if depth < 0:
        raise ExportError("depth must be 0 or more")
    index = QuadIndex(dataset)
    seed = resolve_entity(index, ref)
    if not index.is_node(seed):
        raise ExportError(f"{ref!r} is not an entity, instrument or document in the store")

    adjacent: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in index.graphs:
        if p != RDF.type and index.is_node(s) and index.is_node(o):
            adjacent[s].add(o)
            adjacent[o].add(s)
    positions = [s for s in index.types if index.is_a(s, POSITION_CLASSES)]
    for pos in positions:
        for holder in index.objects(pos, FKG.holder):
            for org in index.objects(pos, FKG.organization):
                adjacent[holder].add(org)
                adjacent[org].add(holder)

    kept = _bfs(seed, adjacent, depth)
    inside = kept | {
        p for p in positions
        if set(index.objects(p, FKG.holder)) <= kept and set(index.objects(p, FKG.organization)) <= kept
    }
    structural = POSITION_CLASSES | ASSERTION_CLASSES

    def keep_object(o: Node) -> bool:
        # literals, kept nodes, and vocabulary terms (title concepts, classes); not outside nodes
        return isinstance(o, Literal) or o in inside or not (index.is_node(o) or index.is_a(o, structural))

    def assertion_inside(a: Node) -> bool:
        subjects = index.objects(a, RDF.subject)
        return bool(subjects) and all(s in inside for s in subjects) and all(
            keep_object(o) for o in index.objects(a, RDF.object))

    chosen: set[Node] = set(inside) | {a for a in index.types
                                       if index.is_a(a, ASSERTION_CLASSES) and assertion_inside(a)}
    referenced: set[Node] = set()
    out = bind_prefixes(Dataset())
    for (s, p, o), docs in index.graphs.items():
        if s not in chosen or not (p == RDF.type or s not in inside or keep_object(o)):
            continue
        _add(out, (s, p, o), docs)
        if isinstance(o, URIRef) and o not in inside:
            referenced.add(o)
    for (s, p, o), docs in index.graphs.items():  # vocabulary closure
        if s in referenced and not index.is_node(s) and not index.is_a(s, structural):
            _add(out, (s, p, o), docs)
    log.info("neighbourhood of %s at depth %d: %d nodes, %d triples", seed, depth, len(kept), len(out))
    return out


def _bfs(seed: Node, adjacent: dict[Node, set[Node]], depth: int) -> set[Node]:
    seen = {seed}
    queue = deque([(seed, 0)])
    while queue:
        node, d = queue.popleft()
        if d == depth:
            continue
        for nxt in adjacent.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, d + 1))
    return seen


def _add(ds: Dataset, triple: tuple[Node, Node, Node], docs: set[str]) -> None:
    """Add to each document graph that stated it (the default graph when none did)."""
    if not docs:
        ds.add(triple)  # type: ignore[arg-type]
    for doc in docs:
        ds.graph(graph_iri(doc)).add(triple)  # type: ignore[arg-type]
