"""Store stage: an embedded Oxigraph store with one named graph per document."""

from graph.store.oxigraph_store import EXPORT_FORMATS, GraphStore, open_store

__all__ = ["EXPORT_FORMATS", "GraphStore", "open_store"]
