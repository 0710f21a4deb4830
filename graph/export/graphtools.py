"""Graph-analysis formats of the property graph: GraphML, GEXF and node-link JSON.

GraphML and GEXF have scalar attributes only, so list values (``labels``, ``aliases``,
``source_documents``, repeated prices) are written as JSON array strings, which
:func:`unflatten` turns back into lists; node-link JSON keeps them as lists. An
attribute whose values mix types across nodes is written as text everywhere, because
both formats declare one type per attribute.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.base import ExportError, ExportResult, GraphSource
from graph.export.projection import to_property_graph
from graph.log import get_logger

log = get_logger("export.graphtools")


def _uniform(items: list[dict[str, Any]]) -> None:
    """Lists -> JSON strings; then any key with mixed value types -> strings everywhere."""
    kinds: dict[str, set[type]] = {}
    for data in items:
        for key, value in list(data.items()):
            if value is None:
                del data[key]
                continue
            if isinstance(value, list | tuple):
                value = data[key] = json.dumps(list(value), ensure_ascii=False)
            kinds.setdefault(key, set()).add(type(value))
    mixed = {k for k, types in kinds.items() if len(types) > 1}
    for data in items:
        for key in mixed & data.keys():
            data[key] = json.dumps(data[key]) if isinstance(data[key], bool) else str(data[key])


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all scalars (what GraphML and GEXF can hold)."""
    flat = graph.copy()
    _uniform([d for _, d in flat.nodes(data=True)])
    _uniform([d for *_, d in flat.edges(keys=True, data=True)])
    return flat


def unflatten(value: Any) -> Any:
    """Inverse of the list encoding: a JSON array string -> list, anything else unchanged."""
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        return decoded if isinstance(decoded, list) else value
    return value


def _result(name: str, path: Path, graph: nx.MultiDiGraph) -> ExportResult:
    return ExportResult(name, str(path), {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
                        [path])


def _prepare(destination: Path | str) -> Path:
    path = Path(destination)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def export_graphml(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """GraphML (edge ids are the projection's stable edge keys)."""
    graph = to_property_graph(dataset)
    path = _prepare(destination)
    try:
        nx.write_graphml(flatten(graph), path, encoding="utf-8", prettyprint=True)
    except (OSError, nx.NetworkXError) as exc:
        raise ExportError(f"cannot write GraphML to {path}: {exc}") from exc
    return _result("graphml", path, graph)


def export_gexf(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """GEXF 1.2 (Gephi): a node's ``label`` is its class, an edge's ``label`` its relationship type."""
    graph = to_property_graph(dataset)
    path = _prepare(destination)
    flat = flatten(graph)
    for *_, key, data in flat.edges(keys=True, data=True):
        data["id"] = key  # the stable key as GEXF edge id (networkx would number them)
    try:
        nx.write_gexf(flat, path, encoding="utf-8", prettyprint=True, version="1.2draft")
    except (OSError, nx.NetworkXError) as exc:
        raise ExportError(f"cannot write GEXF to {path}: {exc}") from exc
    return _result("gexf", path, graph)


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data (``nodes``/``edges`` lists), JSON-serialisable as it is."""
    return nx.node_link_data(graph, edges="edges")


def export_nodelink(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """node-link JSON; read back with ``networkx.node_link_graph(data, edges="edges")``."""
    graph = to_property_graph(dataset)
    path = _prepare(destination)
    try:
        with path.open("w", encoding="utf-8") as fh:
            json.dump(node_link(graph), fh, ensure_ascii=False, indent=1)
    except (OSError, TypeError) as exc:
        raise ExportError(f"cannot write node-link JSON to {path}: {exc}") from exc
    return _result("nodelink", path, graph)
