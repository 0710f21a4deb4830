"""Graph-analysis formats of the property graph: GraphML, GEXF and node-link JSON.

GraphML and GEXF have scalar attributes only, so list values (``labels``, ``aliases``,
``source_documents``, repeated prices) are written as JSON array strings, which
:func:`unflatten` turns back into lists; node-link JSON keeps them as lists. An
attribute whose values mix types across nodes is written as text everywhere, because
both formats declare one type per attribute.

Gephi shows a node's ``label``, so GraphML and GEXF label nodes with the entity's
name (the class moves to ``type``) and carry the colour and size Gephi reads:
``viz:color``/``viz:size`` in GEXF, ``r``/``g``/``b``/``size`` attributes in GraphML
(:func:`for_gephi`). Node-link JSON keeps the projection as it is.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.export.base import ExportError, ExportResult, GraphSource, atomic_file, clean, text_safe, xml_safe
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


#: Node colours (RGB) by class, then by kind; anything else is grey.
COLOURS: dict[str, tuple[int, int, int]] = {
    "Company": (31, 119, 180),
    "Person": (255, 127, 14),
    "GovernmentAgency": (44, 160, 44),
    "instrument": (148, 103, 189),
    "document": (140, 86, 75),
}
_GREY = (127, 127, 127)


def node_style(graph: nx.MultiDiGraph, node: str, data: dict[str, Any]) -> tuple[str, str, tuple[int, int, int], float]:
    """(label, type, colour, size) of a node: its name, class, class colour and a size growing with degree."""
    label = data.get("name") or data.get("file_name") or node
    kind = str(data.get("label") or data.get("kind") or "")
    colour = COLOURS.get(kind) or COLOURS.get(str(data.get("kind") or ""), _GREY)
    size = round(10.0 + 5.0 * math.sqrt(graph.degree(node)), 1)
    return str(label), kind, colour, size


def for_gephi(graph: nx.MultiDiGraph, *, gexf: bool) -> nx.MultiDiGraph:
    """A flattened, XML-safe copy whose nodes are labelled by name, with ``type``, colour and size for Gephi."""
    flat = flatten(graph)
    for node, data in flat.nodes(data=True):
        label, kind, (r, g, b), size = node_style(graph, node, data)
        data["label"], data["type"] = label, kind
        if gexf:
            data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": size}
        else:
            data.update(r=r, g=g, b=b, size=size)
    return cleaned(flat, xml_safe)


def cleaned(graph: nx.MultiDiGraph, fix: Callable[[str], str]) -> nx.MultiDiGraph:
    """A copy with ``fix`` applied to every string: ids, keys, attribute names and values.

    Names come from filings (an SGML header name may hold a control character), and
    one such character makes a whole GraphML or GEXF file unreadable.
    """
    out = nx.MultiDiGraph(**clean(dict(graph.graph), fix))
    for node, data in graph.nodes(data=True):
        out.add_node(clean(node, fix), **clean(dict(data), fix))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(clean(u, fix), clean(v, fix), key=clean(key, fix), **clean(dict(data), fix))
    return out


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


def export_graphml(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """GraphML: nodes labelled by name with ``type``, ``r``/``g``/``b`` and ``size`` (as Gephi reads them)."""
    graph = to_property_graph(dataset)
    path = Path(destination)
    try:
        with atomic_file(path) as tmp:
            nx.write_graphml(for_gephi(graph, gexf=False), tmp, encoding="utf-8", prettyprint=True)
    except (OSError, ValueError, nx.NetworkXError) as exc:
        raise ExportError(f"cannot write GraphML to {path}: {exc}") from exc
    return _result("graphml", path, graph)


def export_gexf(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """GEXF 1.2 (Gephi): a node's ``label`` is its name (``type`` its class), an edge's its relationship type."""
    graph = to_property_graph(dataset)
    path = Path(destination)
    flat = for_gephi(graph, gexf=True)
    for *_, key, data in flat.edges(keys=True, data=True):
        data["id"] = key  # the stable key as GEXF edge id (networkx would number them)
    try:
        with atomic_file(path) as tmp:
            nx.write_gexf(flat, tmp, encoding="utf-8", prettyprint=True, version="1.2draft")
    except (OSError, ValueError, nx.NetworkXError) as exc:
        raise ExportError(f"cannot write GEXF to {path}: {exc}") from exc
    return _result("gexf", path, graph)


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data (``nodes``/``edges`` lists), JSON-serialisable as it is."""
    return nx.node_link_data(graph, edges="edges")


def export_nodelink(dataset: GraphSource, destination: Path | str, **_: Any) -> ExportResult:
    """node-link JSON; read back with ``networkx.node_link_graph(data, edges="edges")``.

    JSON escapes control characters itself; lone surrogates (no UTF-8 form) become U+FFFD.
    """
    graph = to_property_graph(dataset)
    path = Path(destination)
    try:
        with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
            json.dump(clean(node_link(graph), text_safe), fh, ensure_ascii=False, indent=1)
    except (OSError, TypeError, ValueError) as exc:
        raise ExportError(f"cannot write node-link JSON to {path}: {exc}") from exc
    return _result("nodelink", path, graph)
