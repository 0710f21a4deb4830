"""RDF -> property graph: the one projection behind GraphML, GEXF, node-link and all Neo4j paths.

Entities, instruments and documents become nodes; their literals become properties;
relations between them become typed edges (``OFFICER_OF``, ``ISSUED_BY``, ``FILED_BY``,
...). Officer and director positions are reified in RDF; here each position is one
``OFFICER_OF``/``DIRECTOR_OF`` edge carrying ``title``, ``start_date`` and ``end_date``.
Each edge carries the provenance of its best ``fkg:Assertion`` (highest confidence,
then earliest document and offset) and every document that states it. Assertions,
positions and vocabulary terms do not become nodes.

Everything in the result is a plain ``str``/``int``/``float``/``bool`` or a list of
them: no rdflib terms, so any writer can serialise it. Node ids are the IRI's local
part under ``https://w3id.org/filing-kg/id/`` (``company/cik-844143``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph.export.terms import (
    ASSERTION_CLASSES,
    DOCUMENT_TYPES,
    ENTITY_TYPES,
    INSTRUMENT_TYPES,
    INSTRUMENT_WORDS,
    POSITION_CLASSES,
    QuadIndex,
    doc_id_of,
    local_id,
)
from graph.log import get_logger
from graph.rdf.namespaces import FKG, ID

log = get_logger("export.projection")

#: Properties that are lists on every node that has them (the others only when some node has several values).
ARRAY_KEYS = frozenset({"aliases", "source_documents"})
#: Edge provenance keys, in output order.
PROVENANCE_KEYS = ("source_document", "char_start", "char_end", "method", "confidence", "source_documents")

_REL_TYPES: dict[URIRef, str] = {FKG.issuer: "ISSUED_BY"}
#: Links not projected: inverses of projected ones and the position shortcuts (positions give those edges).
_SKIPPED_LINKS = frozenset({RDF.type, FKG.signedBy, FKG.hasSubsidiary, PROV.wasDerivedFrom})
_POSITION_TYPES = {FKG.OfficerPosition: "OFFICER_OF", FKG.DirectorPosition: "DIRECTOR_OF"}
_POSITION_SHORTCUTS = {FKG.officerOf: FKG.OfficerPosition, FKG.directorOf: FKG.DirectorPosition}
_STRUCTURAL_PATHS = tuple(str(ID) + p for p in ("position/", "assertion/", "graph/"))
_ENTITY_ORDER = ("Company", "Person", "GovernmentAgency", "Organization", "LegalEntity", "Agent")
_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}
_FLOAT_TYPES = {XSD.decimal, XSD.double, XSD.float}


def local_name(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[#/]", text.rstrip("/#"))[-1]


def snake(name: str) -> str:
    """``stateOfIncorporation`` -> ``state_of_incorporation`` (property keys, Neo4j convention)."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower() or "value"


def rel_type(predicate: Node) -> str:
    """``officerOf`` -> ``OFFICER_OF`` (Neo4j relationship-type convention)."""
    return _REL_TYPES.get(predicate) or snake(local_name(predicate)).upper()  # type: ignore[arg-type]


def property_key(predicate: Node) -> str:
    if predicate == RDFS.label:
        return "name"
    if predicate == FKG.alias:
        return "aliases"
    return snake(local_name(predicate))


def py_value(term: Node) -> str | int | float | bool:
    """A literal as a plain Python value (numbers as numbers, dates as ISO strings), IRIs as strings."""
    if isinstance(term, Literal):
        dt = term.datatype
        try:
            if dt in _INTEGER_TYPES:
                return int(str(term))
            if dt in _FLOAT_TYPES:
                return float(str(term))
            if dt == XSD.boolean:
                return str(term).strip().lower() in ("true", "1")
        except ValueError:
            pass  # ill-typed literal: keep its lexical form
        return str(term)
    return str(term)


@dataclass(frozen=True)
class _Evidence:
    document: str | None
    char_start: int | None
    char_end: int | None
    method: str | None
    confidence: float | None
    qualifier: Node | None

    def rank(self) -> tuple[Any, ...]:
        return (-(self.confidence if self.confidence is not None else -1.0), self.document or "",
                self.char_start if self.char_start is not None else -1)


class _Projector:
    def __init__(self, dataset: Dataset | ox.Store) -> None:
        self.index = QuadIndex(dataset)
        self.graph = nx.MultiDiGraph()
        self.evidence: dict[tuple[Node, Node, Node], list[_Evidence]] = defaultdict(list)

    # ------------------------------------------------------------------ nodes

    def kind(self, term: Node) -> str | None:
        types = self.index.types.get(term, set())
        if types & ENTITY_TYPES:
            return "entity"
        if types & INSTRUMENT_TYPES:
            return "instrument"
        if types & DOCUMENT_TYPES:
            return "document"
        if FKG.Offering in types:
            return "offering"
        if types & (POSITION_CLASSES | ASSERTION_CLASSES):
            return None
        text = str(term)
        if isinstance(term, URIRef) and text.startswith(str(ID)) and not text.startswith(_STRUCTURAL_PATHS):
            return "resource"  # untyped instance, e.g. from a CONSTRUCT that dropped the types
        return None

    def labels(self, term: Node, kind: str) -> tuple[str, list[str]]:
        """(most specific class, Neo4j labels with the primary label first)."""
        names = {local_name(t) for t in self.index.types.get(term, set())}
        if kind == "entity":
            primary = next((n for n in _ENTITY_ORDER if n in names), "Agent")
            return primary, [primary]
        if kind == "instrument":
            subs = sorted(local_name(t) for t in self.index.types.get(term, set())
                          if t in INSTRUMENT_TYPES and t != FKG.Instrument)
            return (subs[0] if subs else "Instrument"), ["Instrument", *subs]
        if kind == "document":
            subs = sorted(n for n in names if n in ("Filing", "Exhibit"))
            return (subs[0] if subs else "Document"), ["Document", *subs]
        if kind == "offering":
            return "Offering", ["Offering"]
        return "Resource", ["Resource"]

    def add_nodes(self) -> None:
        values: dict[str, dict[str, list[Any]]] = {}
        for term in list(self.index.by_subject):
            kind = self.kind(term)
            if kind is not None:
                values[local_id(term)] = self._node(term, kind)
        # endpoints of links that were never subjects (untyped objects of a CONSTRUCT)
        for s, p, o in self.index.graphs:
            if p in _SKIPPED_LINKS or isinstance(o, Literal):
                continue
            if local_id(s) in values and local_id(o) not in values and self.kind(o) is not None:
                values[local_id(o)] = self._node(o, self.kind(o))  # type: ignore[arg-type]
        multi = set(ARRAY_KEYS) | {k for props in values.values() for k, v in props.items() if len(v) > 1}
        for node_id, props in values.items():
            data = self.graph.nodes[node_id]
            names = props.pop("name", [])
            if names:
                data["name"] = names[0]
                if len(names) > 1:
                    props.setdefault("aliases", []).extend(names[1:])
            for key in sorted(props):
                vals = sorted(set(props[key]), key=lambda v: (str(type(v)), v))
                data[key] = vals if key in multi else vals[0]

    def _node(self, term: Node, kind: str) -> dict[str, list[Any]]:
        label, labels = self.labels(term, kind)
        self.graph.add_node(local_id(term), label=label, labels=labels, kind=kind, iri=str(term))
        props: dict[str, list[Any]] = defaultdict(list)
        for p, o in self.index.by_subject.get(term, ()):
            if isinstance(o, Literal):
                props[property_key(p)].append(py_value(o))
        if kind == "instrument":
            words = [INSTRUMENT_WORDS[t] for t in self.index.types.get(term, set()) if t in INSTRUMENT_WORDS]
            if words:
                props["instrument_type"] = words
        for key in props:
            if key == "name":
                props[key] = sorted(set(props[key]), key=str)
        return props

    # ------------------------------------------------------------------ provenance

    def collect_evidence(self) -> None:
        idx = self.index
        for a, types in idx.types.items():
            if not types & ASSERTION_CLASSES:
                continue
            s, p, o = idx.value(a, RDF.subject), idx.value(a, RDF.predicate), idx.value(a, RDF.object)
            if s is None or p is None or o is None:
                continue
            doc = idx.value(a, PROV.wasDerivedFrom)
            self.evidence[(s, p, o)].append(_Evidence(
                document=doc_id_of(doc) if doc is not None else None,
                char_start=_int(idx.value(a, FKG.charStart)),
                char_end=_int(idx.value(a, FKG.charEnd)),
                method=str(m) if (m := idx.value(a, FKG.method)) is not None else None,
                confidence=_float(idx.value(a, FKG.confidence)),
                qualifier=idx.value(a, FKG.qualifier),
            ))

    def provenance(self, triple: tuple[Node, Node, Node], graphs: set[str],
                   qualifier: Node | None = None, positional: bool = False) -> dict[str, Any]:
        found = self.evidence.get(triple, [])
        if positional:
            found = [e for e in found if e.qualifier == qualifier]
        docs = set(graphs) | {e.document for e in found if e.document}
        out: dict[str, Any] = {}
        if found:
            best = min(found, key=_Evidence.rank)
            for key in PROVENANCE_KEYS[:-1]:
                value = getattr(best, "document" if key == "source_document" else key)
                if value is not None:
                    out[key] = value
        out["source_documents"] = sorted(docs)
        return out

    # ------------------------------------------------------------------ edges

    def add_edges(self) -> None:
        idx = self.index
        covered: set[tuple[Node, Node, Node]] = set()
        for pos, types in idx.types.items():
            for cls, rtype in _POSITION_TYPES.items():
                if cls in types:
                    covered |= self._position_edge(pos, cls, rtype)
        for (s, p, o), graphs in idx.graphs.items():
            if p in _SKIPPED_LINKS or isinstance(o, Literal) or (s, p, o) in covered:
                continue
            u, v = local_id(s), local_id(o)
            if u not in self.graph or v not in self.graph:
                continue
            rtype = rel_type(p)
            data = {"label": rtype, **self.provenance((s, p, o), graphs)}
            self.graph.add_edge(u, v, key=f"{u}|{rtype}|{v}", **data)

    def _position_edge(self, pos: Node, cls: URIRef, rtype: str) -> set[tuple[Node, Node, Node]]:
        idx = self.index
        holder, org = idx.value(pos, FKG.holder), idx.value(pos, FKG.organization)
        if holder is None or org is None:
            return set()
        u, v = local_id(holder), local_id(org)
        if u not in self.graph or v not in self.graph:
            return set()
        shortcut = FKG.officerOf if cls == FKG.OfficerPosition else FKG.directorOf
        title = idx.value(pos, FKG.title)
        data: dict[str, Any] = {"label": rtype}
        if title is not None:
            label = idx.value(title, SKOS.prefLabel) or idx.value(title, RDFS.label)
            data["title"] = str(label) if label is not None else _spaced(local_name(title))
        for prop, key in ((FKG.startDate, "start_date"), (FKG.endDate, "end_date")):
            value = idx.value(pos, prop)
            if value is not None:
                data[key] = py_value(value)
        graphs = idx.graphs.get((pos, RDF.type, cls), set())
        data.update(self.provenance((holder, shortcut, org), graphs, qualifier=title, positional=True))
        self.graph.add_edge(u, v, key=local_id(pos), **data)
        return {(holder, shortcut, org)}


def _int(term: Node | None) -> int | None:
    try:
        return int(str(term)) if term is not None else None
    except ValueError:
        return None


def _float(term: Node | None) -> float | None:
    try:
        return float(str(term)) if term is not None else None
    except ValueError:
        return None


def _spaced(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel)


def to_property_graph(dataset: Dataset | ox.Store) -> nx.MultiDiGraph:
    """The property graph of ``dataset`` (or of a whole Oxigraph store; see the module docstring)."""
    projector = _Projector(dataset)
    projector.add_nodes()
    projector.collect_evidence()
    projector.add_edges()
    g = projector.graph
    log.info("projected %d triples to %d nodes and %d edges", len(projector.index),
             g.number_of_nodes(), g.number_of_edges())
    return g
