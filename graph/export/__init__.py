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

from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.export.base import ExportError, ExportResult
from graph.export.registry import Exporter, formats, get, register, unregister
from graph.export.select import Selection, select
from graph.log import get_logger

log = get_logger("export")


#: ``progress(done, total)``: called as each step of an export (select, write) ends.
Progress = Callable[[int, int], None]


def export(format: str, source: object, destination: Path | str, *,
           selection: Selection | None = None, progress: Progress | None = None, **options: Any) -> ExportResult:
    """Export ``source`` (a GraphStore or an rdflib Dataset), or the part ``selection`` picks.

    ``progress`` hears of the two slow steps on a large store, reading the selection
    and writing it, so a command line can show that a long export is moving.
    """
    report = progress or (lambda done, total: None)
    exporter = get(format)
    log.info("export %s of the %s", exporter.name, (selection or Selection()).describe())
    report(0, 2)
    whole = selection is None or not (selection.document or selection.entity or selection.construct)
    if whole and exporter.accepts_store and hasattr(source, "oxigraph"):
        data: object = source.oxigraph  # type: ignore[attr-defined]
    else:
        data = select(source, selection)
    report(1, 2)
    result = exporter(data, destination, **options)
    report(2, 2)
    return result


__all__ = [
    "ExportError", "ExportResult", "Exporter", "Selection",
    "export", "formats", "get", "register", "select", "unregister",
]
