"""View stage: see the graph. An interactive HTML explorer and static pictures of a neighbourhood.

``load_view_graph(store)`` reads the store once into a :class:`ViewGraph`;
``write_explorer`` makes the offline explorer (``filing-kg view``), ``draw_neighbourhood``
a labelled SVG/PNG (``filing-kg draw``), and :mod:`graph.view.web` the page and JSON
endpoints a server mounts to show the same explorer live.
"""

from graph.view.html import explorer_html, write_explorer
from graph.view.load import load_view_graph
from graph.view.model import ViewEdge, ViewError, ViewGraph, ViewNode

__all__ = ["ViewEdge", "ViewError", "ViewGraph", "ViewNode", "explorer_html", "load_view_graph", "write_explorer"]
