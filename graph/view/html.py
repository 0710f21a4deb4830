"""The explorer page: one HTML file with the JavaScript library, styles and (offline) the data inline.

The same page runs in two modes. *Embedded* (``filing-kg view``): the graph JSON is
inlined so the file works from disk with no network; searching and focusing run in
the browser. *Live* (``filing-kg serve``): the page asks the server's JSON endpoints
(:mod:`graph.view.web`) for each neighbourhood, so a large store is never sent whole.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from graph.log import get_logger
from graph.view.model import GROUP_THRESHOLD, ViewGraph
from graph.view.snippets import document_snippets, documents_dir_of
from graph.view.style import GROUP_NOUNS, NODE_STYLES

log = get_logger("view")

#: Above this many nodes the embedded file holds a selection, not the whole graph.
EMBED_MAX_NODES = 5000


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return resources.files("graph.view").joinpath("static", name).read_text(encoding="utf-8")


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, ``<!--`` or line separators can end it early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _page(config: dict[str, Any], data: dict[str, Any] | None, title: str) -> str:
    styles = {k: {"label": s.label, "color": s.color, "shape": s.shape} for k, s in NODE_STYLES.items()}
    nouns = {f"{rel}|{direction}": noun for (rel, direction), noun in GROUP_NOUNS.items()}
    config = {"styles": styles, "groupNouns": nouns, **config}
    data_tag = f'<script type="application/json" id="fkg-data">{_json_for_script(data)}</script>' if data is not None else ""
    html = _static("explorer.html")
    for key, value in (("CSS", _static("explorer.css")), ("CONFIG", _json_for_script(config)),
                       ("TITLE", _escape(title)), ("CYTOSCAPE", _static("cytoscape.min.js")),
                       ("EXPLORER", _static("explorer.js")), ("DATA", data_tag)):
        html = html.replace("{{" + key + "}}", value, 1)
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def explorer_html(graph: ViewGraph | None = None, *, focus: str | None = None, depth: int = 1,
                  max_nodes: int = 150, overview_nodes: int = 60, doc_url: str | None = None,
                  data_url: str | None = None, search_url: str | None = None, path_url: str | None = None,
                  documents_dir: Path | str | None = None, group_threshold: int = GROUP_THRESHOLD,
                  title: str = "filing-kg explorer") -> str:
    """The explorer page.

    With ``graph`` the page is self-contained (embedded mode): it opens on ``focus``'s
    neighbourhood to ``depth`` or, without a focus, on an overview of the hubs
    (``overview_nodes``); ``max_nodes`` caps any neighbourhood drawn later. With
    ``documents_dir`` (or a ``file:`` ``doc_url`` naming a folder) the text around
    every source span is embedded, so a source link shows the span highlighted
    in the page itself. With ``data_url``/``search_url``/``path_url`` instead it is
    the live page for a server. ``doc_url`` is a link template for source spans
    with ``{doc}``, ``{start}``, ``{end}``.
    """
    config: dict[str, Any] = {"maxNodes": max_nodes, "docUrl": doc_url, "groupThreshold": group_threshold}
    if graph is None:
        if not data_url or not search_url:
            raise ValueError("explorer_html needs a graph (embedded) or data_url and search_url (live)")
        config.update(mode="live", urls={"graph": data_url, "search": search_url, "path": path_url},
                      initial={"focus": focus, "depth": depth},
                      moreHint="focus an entity, or expand a node in place")
        return _page(config, None, title)
    focus_id = graph.resolve(focus).id if focus else None
    embedded = graph
    if len(graph.nodes) > EMBED_MAX_NODES:  # a selection around what is shown first
        embedded = (graph.neighbourhood(focus_id, depth + 1, EMBED_MAX_NODES)[0] if focus_id
                    else graph.overview(EMBED_MAX_NODES, hubs=50)[0])
        log.warning("graph has %d nodes: the file embeds %d of them", len(graph.nodes), len(embedded.nodes))
    overview_ids = list(graph.overview(overview_nodes)[0].nodes) if not focus_id else []
    data = embedded.to_json(degrees=graph, initial={"focus": focus_id, "depth": depth, "ids": overview_ids})
    folder = documents_dir or documents_dir_of(doc_url)
    if folder:
        data["texts"] = document_snippets(embedded, folder)
    config.update(mode="embedded", moreHint=f"raise `filing-kg view --max-nodes` (now {max_nodes})")
    return _page(config, data, title)


def write_explorer(path: Path | str, graph: ViewGraph, **options: Any) -> Path:
    """Write :func:`explorer_html` to ``path`` (folders created); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(explorer_html(graph, **options), encoding="utf-8")
    log.info("wrote explorer %s (%d bytes)", out, out.stat().st_size)
    return out
