"""The property graph as Neo4j sees it: labels, ID spaces, typed property columns, MERGE statements.

Shared by the three Neo4j paths (admin-import CSV bundle, Cypher script, driver push)
so they cannot drift apart: the same nodes get the same labels and properties, the
same relationships the same types and keys, whichever path loaded them.

* Node labels are the projection's ``labels`` (``:Company``; ``:Instrument:Warrant``;
  ``:Document:Filing``); the first is the *primary* label, which carries the
  uniqueness constraint on ``id`` and is used to MERGE and MATCH.
* ID spaces for ``neo4j-admin`` are the node kinds: ``Entity``, ``Instrument``,
  ``Document`` (``Resource`` for untyped instances).
* Relationships are MERGEd on their stable ``key`` between the two endpoint nodes,
  so loading twice changes nothing.
* Property types come from the values: ``long``, ``double`` (prices need more than a
  32-bit ``float``), ``boolean``, ``date`` for ISO ``*_date`` values, else ``string``;
  a key is an array (``aliases:string[]``) when the projection gives it a list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import networkx as nx

NODE_META = frozenset({"label", "labels", "kind"})
EDGE_META = frozenset({"label"})
DATE_KEYS = frozenset({"start_date", "end_date", "report_date"})
ID_SPACES = {"entity": "Entity", "instrument": "Instrument", "document": "Document", "offering": "Offering", "resource": "Resource"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def label_name(text: str) -> str:
    """A safe Neo4j label (PascalCase identifier)."""
    cleaned = re.sub(r"[^0-9A-Za-z_]", "", text)
    return cleaned if cleaned and not cleaned[0].isdigit() else f"L{cleaned}"


def type_name(text: str) -> str:
    """A safe relationship type (UPPER_SNAKE identifier)."""
    cleaned = re.sub(r"[^0-9A-Za-z_]+", "_", text).strip("_").upper()
    return cleaned if cleaned and not cleaned[0].isdigit() else f"R_{cleaned}"


def key_name(text: str) -> str:
    """A safe property key (snake_case identifier)."""
    cleaned = re.sub(r"[^0-9A-Za-z_]+", "_", text).strip("_")
    return cleaned if cleaned and not cleaned[0].isdigit() else f"p_{cleaned}"


class Batch(NamedTuple):
    """One transaction's worth: ``kind`` is ``nodes`` or ``relationships``; run ``statement`` with ``$rows``."""

    kind: str
    statement: str
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class Column:
    """One property's Neo4j type: ``long``, ``double``, ``boolean``, ``date`` or ``string``; maybe an array."""

    key: str
    type: str
    array: bool = False

    def header(self) -> str:
        """The neo4j-admin header field, e.g. ``confidence:double``, ``aliases:string[]``."""
        suffix = "[]" if self.array else ""
        return f"{self.key}:{self.type}{suffix}"

    def convert(self, value: Any) -> Any:
        """A projection value as the driver should send it (dates as ``datetime.date``)."""
        if self.array:
            items = value if isinstance(value, list) else [value]
            return [self._scalar(v) for v in items]
        return self._scalar(value[0] if isinstance(value, list) and len(value) == 1 else value)

    def _scalar(self, value: Any) -> Any:
        if self.type == "date":
            return dt.date.fromisoformat(str(value))
        if self.type == "string":
            return value if isinstance(value, str) else str(value)
        if self.type == "double":
            return float(value)
        return value


def _column(key: str, values: list[Any]) -> Column:
    array = any(isinstance(v, list) for v in values)
    flat = [x for v in values for x in (v if isinstance(v, list) else [v])]
    kinds = {type(x) for x in flat}
    if kinds == {bool}:
        kind = "boolean"
    elif kinds == {int}:
        kind = "long"
    elif kinds and kinds <= {int, float}:
        kind = "double"
    elif key in DATE_KEYS and flat and all(isinstance(x, str) and _ISO_DATE.match(x) for x in flat):
        kind = "date"
    else:
        kind = "string"
    return Column(key, kind, array)


def schema(items: Iterable[dict[str, Any]], meta: frozenset[str]) -> dict[str, Column]:
    """One column per property key over all ``items`` (node or edge attribute dicts), sorted by key."""
    values: dict[str, list[Any]] = defaultdict(list)
    for data in items:
        for key, value in data.items():
            if key not in meta and value is not None:
                values[key].append(value)
    return {key: _column(key, values[key]) for key in sorted(values)}


@dataclass
class Neo4jGraph:
    """The projection, grouped the way Neo4j loads it."""

    graph: nx.MultiDiGraph
    node_columns: dict[str, Column]
    edge_columns: dict[str, Column]

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> Neo4jGraph:
        nodes = schema((d for _, d in graph.nodes(data=True)), NODE_META | {"id"})
        edges = schema((d for *_, d in graph.edges(keys=True, data=True)), EDGE_META | {"key"})
        return cls(graph, nodes, edges)

    # ------------------------------------------------------------------ naming

    def labels(self, node: str) -> list[str]:
        return [label_name(x) for x in self.graph.nodes[node].get("labels") or ["Resource"]]

    def primary(self, node: str) -> str:
        return self.labels(node)[0]

    def id_space(self, node: str) -> str:
        return ID_SPACES.get(self.graph.nodes[node].get("kind", "resource"), "Resource")

    def primary_labels(self) -> list[str]:
        return sorted({self.primary(n) for n in self.graph.nodes})

    # ------------------------------------------------------------------ rows

    def node_props(self, node: str) -> dict[str, Any]:
        data = self.graph.nodes[node]
        return {k: self.node_columns[k].convert(v) for k, v in data.items()
                if k in self.node_columns and v is not None}

    def edge_props(self, data: dict[str, Any]) -> dict[str, Any]:
        return {k: self.edge_columns[k].convert(v) for k, v in data.items()
                if k in self.edge_columns and v is not None}

    def node_groups(self) -> dict[tuple[str, ...], list[str]]:
        """Nodes by their full label tuple (primary first), each group sorted by id."""
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for node in sorted(self.graph.nodes):
            groups[tuple(self.labels(node))].append(node)
        return dict(sorted(groups.items()))

    def edge_groups(self) -> dict[tuple[str, str, str], list[tuple[str, str, str, dict[str, Any]]]]:
        """Relationships by (type, start primary label, end primary label), sorted by key."""
        groups: dict[tuple[str, str, str], list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            rtype = type_name(str(data.get("label") or "RELATED_TO"))
            groups[(rtype, self.primary(u), self.primary(v))].append((u, v, str(key), data))
        return {k: sorted(rows, key=lambda r: r[2]) for k, rows in sorted(groups.items())}

    # ------------------------------------------------------------------ Cypher

    def constraint_statements(self) -> list[str]:
        """``CREATE CONSTRAINT ... IF NOT EXISTS`` on ``id`` for each primary label (safe to re-run)."""
        return [
            f"CREATE CONSTRAINT {snake_label(label)}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in self.primary_labels()
        ]

    def batches(self, batch_size: int) -> Iterator[Batch]:
        """All node batches first (so relationships find their endpoints), then relationship batches."""
        if batch_size < 1:
            raise ValueError("batch size must be at least 1")
        for labels, nodes in self.node_groups().items():
            statement = node_statement(labels)
            rows = [{"id": n, "props": self.node_props(n)} for n in nodes]
            yield from (Batch("nodes", statement, chunk) for chunk in _chunks(rows, batch_size))
        for (rtype, start, end), edges in self.edge_groups().items():
            statement = relationship_statement(rtype, start, end)
            rows = [{"start": u, "end": v, "key": k, "props": self.edge_props(d)} for u, v, k, d in edges]
            yield from (Batch("relationships", statement, chunk) for chunk in _chunks(rows, batch_size))


def snake_label(label: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", label).lower()


def node_statement(labels: tuple[str, ...]) -> str:
    """MERGE nodes of one label set on ``id`` (primary label), then set properties and extra labels."""
    primary, *extra = labels
    set_labels = "".join(f", n:{label}" for label in extra)
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{primary} {{id: row.id}})\n"
        f"SET n += row.props{set_labels}"
    )


def relationship_statement(rtype: str, start: str, end: str) -> str:
    """MATCH both endpoints by primary label and id, MERGE the relationship on its ``key``."""
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{start} {{id: row.start}})\n"
        f"MATCH (b:{end} {{id: row.end}})\n"
        f"MERGE (a)-[r:{rtype} {{key: row.key}}]->(b)\n"
        "SET r += row.props"
    )


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def is_name(text: str) -> bool:
    """True if ``text`` can be written unquoted as a Cypher name."""
    return bool(_NAME.match(text))
