"""The explorer's graph: typed nodes, merged relation edges with every source sentence, and selection.

The RDF graph is the truth; this is a *view* of it tuned for looking at: one node
per entity, instrument or filing; one edge per (subject, relation, object) however
many positions, titles or documents state it (parallel edges are what turn a
corporate graph into a hairball); every edge and literal fact keeps all of its
provenance so the side panel can quote the sentences. Selection (a focus
neighbourhood or an overview of the hubs) is bounded by ``max_nodes`` so a large
store never reaches the browser whole. A hub's many neighbours of one relation
(133 shareholders) are *grouped*: drawn as one node the user expands, so they do
not count against the cap and never become an unreadable ring.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any, Iterable

from graph.errors import FilingKGError
from graph.view.style import group_caption

#: Search ranks types in this order when the text matches equally well.
TYPE_PRIORITY = {"company": 0, "agency": 1, "person": 2, "instrument": 3, "filing": 4}
#: A node with at least this many neighbours of one relation and direction shows them as one group node.
GROUP_THRESHOLD = 20
#: Most members of groups one neighbourhood carries (they are not drawn until expanded, but are sent).
MAX_GROUPED = 5000
#: Longest path (in relations) the path search reports.
MAX_PATH_LENGTH = 8


class ViewError(FilingKGError):
    """A view could not be made (unknown entity, empty store, bad output format)."""


@dataclass
class ViewNode:
    """One entity, instrument or filing, with its properties and sourced literal facts."""

    id: str
    label: str
    type: str
    subtype: str = ""
    short: str = ""  # label drawn on the canvas (e.g. "Warrant" for "Innovo Group Inc. / Warrant")
    properties: dict[str, Any] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)  # {property, value, sources}
    aliases: list[str] = field(default_factory=list)

    def to_json(self, degree: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": self.label, "type": self.type,
                               "short": self.short or self.label, "degree": degree}
        if self.subtype:
            out["subtype"] = self.subtype
        if self.aliases:
            out["aliases"] = self.aliases
        out["properties"] = self.properties
        if self.facts:
            out["facts"] = self.facts
        return out


@dataclass
class ViewEdge:
    """One relation between two nodes; ``details`` holds position titles/dates, ``sources`` the evidence."""

    source: str
    target: str
    relation: str
    label: str
    details: list[dict[str, Any]] = field(default_factory=list)  # {title?, start_date?, end_date?}
    sources: list[dict[str, Any]] = field(default_factory=list)  # {document, start, end, sentence, method, confidence, title?}
    documents: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.source}|{self.relation}|{self.target}"

    @property
    def titles(self) -> list[str]:
        return [d["title"] for d in self.details if d.get("title")]

    @property
    def caption(self) -> str:
        """The text drawn on the edge: the relation, plus titles for positions."""
        titles = self.titles
        return f"{self.label}: {', '.join(titles)}" if titles else self.label

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "source": self.source, "target": self.target,
                               "relation": self.relation, "label": self.label, "caption": self.caption}
        if self.details:
            out["details"] = self.details
        out["sources"] = self.sources
        out["documents"] = self.documents
        return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class ViewGraph:
    """Nodes by id and edges; selection methods return smaller ViewGraphs."""

    nodes: dict[str, ViewNode]
    edges: list[ViewEdge]
    _adjacency: dict[str, list[ViewEdge]] | None = field(default=None, repr=False, compare=False)
    _graph: Any = field(default=None, repr=False, compare=False)  # undirected networkx graph for paths

    # ------------------------------------------------------------------ structure

    @property
    def adjacency(self) -> dict[str, list[ViewEdge]]:
        if self._adjacency is None:
            adj: dict[str, list[ViewEdge]] = defaultdict(list)
            for e in self.edges:
                adj[e.source].append(e)
                if e.target != e.source:
                    adj[e.target].append(e)
            self._adjacency = adj
        return self._adjacency

    def degree(self, node_id: str) -> int:
        return len(self.adjacency.get(node_id, ()))

    def neighbours(self, node_id: str) -> set[str]:
        return {e.target if e.source == node_id else e.source for e in self.adjacency.get(node_id, ())}

    # ------------------------------------------------------------------ search

    def search(self, text: str, limit: int = 20, types: Iterable[str] | None = None) -> list[ViewNode]:
        """Nodes whose label or alias contains ``text``, best first (exact, prefix, word, substring; then hubs)."""
        q = _norm(text)
        if not q:
            return []
        wanted = set(types) if types else None
        scored = []
        for node in self.nodes.values():
            if wanted is not None and node.type not in wanted:
                continue
            rank = min((_match_rank(q, _norm(name)) + (0 if i == 0 else 4)
                        for i, name in enumerate([node.label, *node.aliases])), default=99)
            if rank < 99:
                scored.append((rank, TYPE_PRIORITY.get(node.type, 9), -self.degree(node.id), node.label, node))
        scored.sort(key=lambda t: t[:4])
        return [t[-1] for t in scored[:limit]]

    def resolve(self, name: str) -> ViewNode:
        """The node a user means by ``name``: an id, an IRI, an exact name or alias, else the best search hit."""
        key = name.strip()
        if key in self.nodes:
            return self.nodes[key]
        tail = key.split("/id/", 1)[1] if "/id/" in key else None
        if tail and tail in self.nodes:
            return self.nodes[tail]
        hits = self.search(key, limit=1)
        if not hits:
            raise ViewError(f"no entity matches {name!r} (try `filing-kg stats` or a shorter name)")
        return hits[0]

    # ------------------------------------------------------------------ selection

    def subgraph(self, ids: Iterable[str]) -> ViewGraph:
        keep = {i for i in ids if i in self.nodes}
        return ViewGraph({i: self.nodes[i] for i in self.nodes if i in keep},
                         [e for e in self.edges if e.source in keep and e.target in keep])

    def restricted(self, types: Iterable[str] | None = None, relations: Iterable[str] | None = None,
                   keep: Iterable[str] = ()) -> ViewGraph:
        """Only nodes of ``types`` (plus ``keep``) and edges of ``relations``; None means all."""
        wanted_types = set(types) if types is not None else None
        wanted_rels = set(relations) if relations is not None else None
        kept = set(keep)
        nodes = {i: n for i, n in self.nodes.items() if wanted_types is None or n.type in wanted_types or i in kept}
        edges = [e for e in self.edges if e.source in nodes and e.target in nodes
                 and (wanted_rels is None or e.relation in wanted_rels)]
        return ViewGraph(nodes, edges)

    def neighbourhood(self, focus: str, depth: int = 1, max_nodes: int = 150,
                      group_threshold: int | None = GROUP_THRESHOLD) -> tuple[ViewGraph, int]:
        """Nodes within ``depth`` relations of ``focus`` (breadth first, hubs first within a ring), capped.

        Neighbours a ring node has at least ``group_threshold`` of through one
        relation and direction are drawn as one group node, so they do not count
        against ``max_nodes`` (up to MAX_GROUPED in all) and the walk does not go
        on from them. Returns the subgraph and how many reachable nodes were left out.
        """
        if focus not in self.nodes:
            raise ViewError(f"no node {focus!r}")
        seen = {focus}
        order = [focus]
        left_out = grouped = 0
        frontier = [focus]
        for _level in range(1, max(depth, 0) + 1):
            ring_set = {n for f in frontier for n in self.neighbours(f)} - seen
            folded = self._foldable(frontier, ring_set, group_threshold)
            room_for_folded = max(MAX_GROUPED - grouped, 0)
            folded_kept = sorted(folded, key=lambda n: self.nodes[n].label)[:room_for_folded]
            left_out += len(folded) - len(folded_kept)
            grouped += len(folded_kept)
            ring = sorted(ring_set - folded, key=lambda n: (-self.degree(n), self.nodes[n].label))
            room = max(max_nodes - (len(order) - grouped), 0)
            left_out += max(len(ring) - room, 0)
            ring = ring[:room]
            seen.update(ring)
            seen.update(folded)
            order.extend(ring)
            order.extend(folded_kept)
            frontier = ring
            if not frontier:
                break
        return self.subgraph(order), left_out

    def _foldable(self, frontier: list[str], ring: set[str], threshold: int | None) -> set[str]:
        """Ring nodes that sit in a group of some frontier node (``threshold`` or more of one relation/direction)."""
        if not threshold:
            return set()
        folded: set[str] = set()
        for f in frontier:
            by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
            for e in self.adjacency.get(f, ()):
                other, direction = (e.target, "out") if e.source == f else (e.source, "in")
                if other in ring:
                    by_key[(e.relation, direction)].add(other)
            for members in by_key.values():
                if len(members) >= threshold:
                    folded |= members
        return folded

    def groups(self, threshold: int = GROUP_THRESHOLD, keep: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The group nodes of this (sub)graph: for each node, each relation/direction with ``threshold``+ neighbours.

        Hubs are taken most connected first; a node joins at most one group and
        a group's hub or a ``keep`` node (the focus) is never folded into another
        group. Each group: ``{id, hub, relation, direction, label, count, type, members}``
        with members by name; the client draws the group instead of its members.
        """
        kept = set(keep)
        claimed: set[str] = set()
        hubs: set[str] = set()
        out: list[dict[str, Any]] = []
        for hub in sorted(self.nodes, key=lambda n: (-self.degree(n), self.nodes[n].label)):
            if hub in claimed or self.degree(hub) < threshold:
                continue
            by_key: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
            for e in self.adjacency.get(hub, ()):
                other, direction = (e.target, "out") if e.source == hub else (e.source, "in")
                if other != hub and other not in claimed and other not in hubs and other not in kept:
                    by_key[(e.relation, direction)][other] = e.label
            for (relation, direction), found in sorted(by_key.items()):
                members = sorted(set(found) - claimed, key=lambda n: (self.nodes[n].label, n))
                if len(members) < threshold:
                    continue
                claimed.update(members)
                hubs.add(hub)
                types = [self.nodes[m].type for m in members]
                out.append({"id": f"group:{hub}|{relation}|{direction}", "hub": hub, "relation": relation,
                            "direction": direction, "count": len(members),
                            "label": group_caption(relation, direction, len(members)),
                            "type": max(set(types), key=types.count), "members": members})
        return out

    # ------------------------------------------------------------------ paths

    def shortest_path(self, start: str, end: str, max_length: int = MAX_PATH_LENGTH) -> list[str] | None:
        """The node ids of a shortest path from ``start`` to ``end`` (either edge direction), or None.

        Filings join everything they mention, so a path through a filing says
        little: filings are avoided as intermediate steps unless no other path
        exists. Paths longer than ``max_length`` relations are not reported.
        """
        import networkx as nx

        for node_id in (start, end):
            if node_id not in self.nodes:
                raise ViewError(f"no node {node_id!r}")
        if start == end:
            return [start]
        full = self._nx()
        no_filings = nx.subgraph_view(full, filter_node=lambda n: n in (start, end) or self.nodes[n].type != "filing")
        for graph in (no_filings, full):
            try:
                path = nx.bidirectional_shortest_path(graph, start, end)
            except nx.NetworkXNoPath:
                continue
            if len(path) - 1 <= max_length:
                return list(path)
        return None

    def path_graph(self, path: list[str]) -> ViewGraph:
        """The nodes of ``path`` and one edge for each step (the first relation found between the pair)."""
        steps = set()
        for a, b in zip(path, path[1:]):
            steps.add(frozenset((a, b)))
        chosen: dict[frozenset[str], ViewEdge] = {}
        for e in self.edges:
            key = frozenset((e.source, e.target))
            if key in steps and key not in chosen:
                chosen[key] = e
        return ViewGraph({i: self.nodes[i] for i in path}, list(chosen.values()))

    def _nx(self) -> Any:
        if self._graph is None:
            import networkx as nx

            g = nx.Graph()
            g.add_nodes_from(self.nodes)
            g.add_edges_from((e.source, e.target) for e in self.edges if e.source != e.target)
            self._graph = g
        return self._graph

    def overview(self, max_nodes: int = 60, hubs: int = 8) -> tuple[ViewGraph, int]:
        """The most connected nodes and, round robin, their best-connected neighbours, up to ``max_nodes``.

        Drawing the top-N by degree alone gives disconnected dots; hubs with some of
        their context show what the graph is about.
        """
        ranked = sorted(self.nodes, key=lambda n: (-self.degree(n), self.nodes[n].label))
        chosen: dict[str, None] = dict.fromkeys(ranked[:min(hubs, max_nodes)])
        queues = [deque(sorted(self.neighbours(h) - chosen.keys(), key=lambda n: (-self.degree(n), self.nodes[n].label)))
                  for h in chosen]
        while len(chosen) < max_nodes and any(queues):
            for q in queues:
                while q and q[0] in chosen:
                    q.popleft()
                if q and len(chosen) < max_nodes:
                    chosen[q.popleft()] = None
        return self.subgraph(chosen), max(len(self.nodes) - len(chosen), 0)

    # ------------------------------------------------------------------ output

    def to_json(self, *, degrees: ViewGraph | None = None, **meta: Any) -> dict[str, Any]:
        """JSON-ready dict; ``degrees`` is the full graph, so a node's degree counts hidden neighbours too."""
        full = degrees or self
        return {
            "nodes": [n.to_json(full.degree(n.id)) for n in self.nodes.values()],
            "edges": [e.to_json() for e in self.edges],
            **meta,
        }


def _match_rank(q: str, name: str) -> int:
    if name == q:
        return 0
    if name.startswith(q):
        return 1
    if re.search(r"(?:^|[\s,./(-])" + re.escape(q), name):
        return 2
    if q in name:
        return 3
    return 99
