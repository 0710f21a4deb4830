"""Build a :class:`ViewGraph` from a store: the shared property-graph projection plus SPARQL provenance.

The structure (nodes, properties, position edges with titles and dates) comes from
:func:`graph.export.projection.to_property_graph`, so the explorer shows the same
graph the GraphML/Neo4j exports do. The projection keeps only the best evidence per
edge; the side panel wants *every* sentence, so the assertions are read again with
one SPARQL query and attached to the merged edges and to literal facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.export.projection import property_key, rel_type, to_property_graph
from graph.export.terms import doc_id_of, local_id
from graph.log import get_logger
from graph.store.sparql import Source, run_query
from graph.view.model import ViewEdge, ViewGraph, ViewNode
from graph.view.style import ENTITY_TYPE_OF_LABEL, property_label, relation_label

log = get_logger("view")

#: Properties not worth a row in the side panel (identity plumbing, shown elsewhere).
_HIDDEN_PROPERTIES = frozenset({"label", "labels", "kind", "name", "aliases", "sha256"})
#: Inverse predicates (not projected): an assertion on one counts for the projected edge reversed.
_INVERSES = {"HAS_SUBSIDIARY": "SUBSIDIARY_OF", "SIGNED_BY": "SIGNED"}

PROVENANCE_QUERY = """
PREFIX fkg: <https://w3id.org/filing-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?p ?o ?q ?qlabel ?doc ?start ?end ?sentence ?method ?confidence WHERE {
  ?a a fkg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  FILTER (?p != rdf:type)
  OPTIONAL { ?a prov:wasDerivedFrom ?doc }
  OPTIONAL { ?a fkg:qualifier ?q OPTIONAL { ?q skos:prefLabel ?qlabel } }
  OPTIONAL { ?a fkg:charStart ?start }
  OPTIONAL { ?a fkg:charEnd ?end }
  OPTIONAL { ?a fkg:sentence ?sentence }
  OPTIONAL { ?a fkg:method ?method }
  OPTIONAL { ?a fkg:confidence ?confidence }
}
"""


def load_view_graph(source: Any) -> ViewGraph:
    """The whole view graph of a GraphStore (or rdflib Dataset)."""
    dataset = source.dataset() if hasattr(source, "dataset") else source
    pg = to_property_graph(dataset)
    nodes = {node_id: _node(node_id, data) for node_id, data in pg.nodes(data=True)}
    edges = _edges(pg)
    _attach_provenance(source, nodes, edges)
    graph = ViewGraph(nodes, list(edges.values()))
    log.info("view graph: %d nodes, %d edges", len(graph.nodes), len(graph.edges))
    return graph


# ---------------------------------------------------------------------- nodes


def _node(node_id: str, data: dict[str, Any]) -> ViewNode:
    kind, label = data.get("kind"), data.get("label", "")
    props = {k: v for k, v in data.items() if k not in _HIDDEN_PROPERTIES}
    name = data.get("name")
    aliases = [a for a in data.get("aliases", []) if a != name]
    if kind == "instrument":
        word = _first(data.get("instrument_type")) or _spaced(label)
        return ViewNode(node_id, name or word, "instrument", word, word, props, aliases=aliases)
    if kind == "document":
        file_name = _first(data.get("file_name")) or node_id.rsplit("/", 1)[-1]
        form, date = _first(data.get("form_type")), _first(data.get("report_date"))
        short = " ".join(x for x in (form, f"({date})" if date else "") if x) or file_name
        return ViewNode(node_id, name or file_name, "filing", form or label, short, props, aliases=aliases)
    vtype = ENTITY_TYPE_OF_LABEL.get(label, "company" if kind == "entity" else "other")
    return ViewNode(node_id, name or node_id, vtype, label, name or node_id, props, aliases=aliases)


def _first(value: Any) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return "" if value is None else str(value)


def _spaced(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel)


# ---------------------------------------------------------------------- edges


def _edges(pg: Any) -> dict[tuple[str, str, str], ViewEdge]:
    """Merge parallel projection edges (one per position/title) into one edge per relation."""
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for u, v, data in pg.edges(data=True):
        rel = data.get("label", "RELATED_TO")
        key = (u, rel, v)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = ViewEdge(u, v, rel, relation_label(rel))
        detail = {k: data[k] for k in ("title", "start_date", "end_date") if data.get(k) is not None}
        if detail and detail not in edge.details:
            edge.details.append(detail)
        for doc in data.get("source_documents", []):
            if doc not in edge.documents:
                edge.documents.append(doc)
        if data.get("source_document") is not None:
            edge.sources.append(_source(data.get("source_document"), data.get("char_start"), data.get("char_end"),
                                        None, data.get("method"), data.get("confidence"), data.get("title")))
    # "issued by" duplicates "issued" between the same two nodes: keep the sourced one.
    for (u, rel, v) in [k for k in edges if k[1] == "ISSUED_BY"]:
        if (v, "ISSUED", u) in edges:
            del edges[(u, rel, v)]
    for edge in edges.values():
        edge.details.sort(key=lambda d: str(d.get("title", "")))
        edge.documents.sort()
    return edges


def _source(doc: Any, start: Any, end: Any, sentence: Any, method: Any, confidence: Any,
            title: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"document": str(doc) if doc is not None else None,
                           "start": _num(start, int), "end": _num(end, int),
                           "sentence": str(sentence) if sentence is not None else None,
                           "method": str(method) if method is not None else None,
                           "confidence": _num(confidence, float)}
    if title:
        out["title"] = str(title)
    return {k: v for k, v in out.items() if v is not None}


def _num(value: Any, kind: type) -> Any:
    try:
        return kind(str(value)) if value is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------------- provenance


def _attach_provenance(source: Source, nodes: dict[str, ViewNode],
                       edges: dict[tuple[str, str, str], ViewEdge]) -> None:
    """Replace each edge's best-evidence stub with all its assertions; add sourced literal facts to nodes."""
    rows = run_query(source, PROVENANCE_QUERY)
    assert isinstance(rows, list)
    by_edge: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    facts: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        s, p, o = row["s"], row["p"], row["o"]
        title = row.get("qlabel") or (_spaced(_tail(row["q"])) if row.get("q") is not None else None)
        src = _source(doc_id_of(row["doc"]) if row.get("doc") is not None else None, row.get("start"),
                      row.get("end"), row.get("sentence"), row.get("method"), row.get("confidence"), title)
        if isinstance(o, Literal):
            facts[(local_id(s), property_key(p), str(o))].append(src)
            continue
        key = _edge_key(s, p, o)
        if key is not None:
            by_edge[key].append(src)
    for key, found in by_edge.items():
        edge = edges.get(key)
        if edge is None:
            continue
        edge.sources = _dedupe(found)
        for doc in {s_["document"] for s_ in found if s_.get("document")} - set(edge.documents):
            edge.documents.append(doc)
        edge.documents.sort()
    for (node_id, prop, value), found in sorted(facts.items()):
        node = nodes.get(node_id)
        if node is not None:
            node.facts.append({"property": property_label(prop), "value": value, "sources": _dedupe(found)})


def _edge_key(s: Node, p: Node, o: Node) -> tuple[str, str, str] | None:
    if not isinstance(o, URIRef):
        return None
    rel = rel_type(p)
    if rel in _INVERSES:
        return (local_id(o), _INVERSES[rel], local_id(s))
    return (local_id(s), rel, local_id(o))


def _tail(term: Node) -> str:
    return re.split(r"[#/]", str(term).rstrip("/#"))[-1]


def _dedupe(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unique sources, best first (confidence, then document order and offset).

    One span read as several titles ("Chief Executive Officer (Principal Executive
    Officer)") is one source listing the titles, not the same sentence twice.
    """
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for src in sources:
        key = tuple(sorted((k, v) for k, v in src.items() if k != "title"))
        seen = unique.get(key)
        if seen is None:
            unique[key] = dict(src)
        elif src.get("title") and src["title"] not in seen.get("title", "").split(", "):
            titles = [t for t in (seen.get("title", "").split(", ") + [src["title"]]) if t]
            seen["title"] = ", ".join(sorted(set(titles)))
    return sorted(unique.values(), key=lambda s: (-s.get("confidence", 0.0), s.get("document") or "",
                                                  s.get("start", -1), s.get("title", "")))
