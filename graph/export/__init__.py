"""Export the graph: RDF formats, graph-tool formats (GraphML, GEXF, node-link) and Neo4j.

Formats are looked up by name in :mod:`graph.export.registry`; a selection
(:mod:`graph.export.select`) decides what is exported; the property-graph formats
all start from one projection (:mod:`graph.export.projection`)::

    from graph.export import export, Selection
    from graph.store import open_store

    with open_store("out/store", read_only=True) as store:
        export("trig", store, "out/graph.trig")
        export("graphml", store, "out/innovo.graphml", selection=Selection(entity="Innovo Group Inc.", depth=2))
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.export.base import ExportError, ExportResult
from graph.export.registry import Exporter, formats, get, register, unregister
from graph.export.select import Selection, select


def export(format: str, source: object, destination: Path | str, *,
           selection: Selection | None = None, **options: Any) -> ExportResult:
    """Export ``source`` (a GraphStore or an rdflib Dataset), or the part ``selection`` picks."""
    exporter = get(format)
    dataset = select(source, selection)
    return exporter(dataset, destination, **options)


__all__ = [
    "ExportError", "ExportResult", "Exporter", "Selection",
    "export", "formats", "get", "register", "select", "unregister",
]
