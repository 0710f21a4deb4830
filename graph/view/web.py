"""The live explorer for a server: the page, JSON endpoints and a source-span viewer, as plain functions and a WSGI app.

``graph/serve`` owns the HTTP server; it mounts :class:`ViewApp` under a prefix
(``/view``) and the explorer then asks for one neighbourhood at a time, so the
browser never holds a large store. The view graph is read from the store once and
re-read when the store's size changes (e.g. after an update through the endpoint).
"""

from __future__ import annotations

import html
import json
import threading
import weakref
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, quote

from graph.errors import FilingKGError
from graph.log import get_logger
from graph.view.html import explorer_html
from graph.view.load import load_view_graph
from graph.view.model import GROUP_THRESHOLD, MAX_PATH_LENGTH, ViewError, ViewGraph

log = get_logger("view")

DEFAULT_MAX_NODES = 150
HARD_MAX_NODES = 2000  # a request cannot ask for more than this
_cache_lock = threading.Lock()
_cache: dict[int, tuple[Callable[[], Any], int, ViewGraph]] = {}


def view_graph(store: Any) -> ViewGraph:
    """The store's ViewGraph, cached per store object and rebuilt when its triple count changes."""
    if isinstance(store, ViewGraph):
        return store
    size = len(store) if hasattr(store, "__len__") else -1
    with _cache_lock:
        cached = _cache.get(id(store))
        # an id is reused once its object is gone: the entry must still belong to this very store
        if cached is None or cached[0]() is not store or cached[1] != size:
            cached = (_ref(store), size, load_view_graph(store))
            _cache[id(store)] = cached
        return cached[2]


def _ref(obj: Any) -> Callable[[], Any]:
    """A weak reference where the object allows one (else a strong one: the cache then keeps it alive)."""
    try:
        return weakref.ref(obj)
    except TypeError:
        return lambda: obj


def _split(values: str | Iterable[str] | None) -> set[str] | None:
    if values is None:
        return None
    items = values.split(",") if isinstance(values, str) else [v for x in values for v in x.split(",")]
    return {v.strip() for v in items if v.strip()} or None


def graph_json(store: Any, focus: str | None = None, depth: int = 1, max_nodes: int = DEFAULT_MAX_NODES,
               types: str | Iterable[str] | None = None, relations: str | Iterable[str] | None = None) -> dict[str, Any]:
    """The JSON the explorer draws: ``focus``'s neighbourhood to ``depth``, or an overview of the hubs.

    ``focus`` is a node id, IRI or name; ``types``/``relations`` (lists or
    comma-separated) restrict the graph before walking it; ``max_nodes`` caps the
    answer (and is itself capped at HARD_MAX_NODES). Raises ViewError for an
    unknown focus.
    """
    full = view_graph(store)
    graph = full
    if types is not None or relations is not None:
        keep = [full.resolve(focus).id] if focus else []
        graph = full.restricted(_split(types), _split(relations), keep=keep)
    max_nodes = max(1, min(int(max_nodes), HARD_MAX_NODES))
    depth = max(0, min(int(depth), 5))
    if focus:
        node = graph.resolve(focus)
        sub, left_out = graph.neighbourhood(node.id, depth, max_nodes)
        return sub.to_json(degrees=full, focus=node.id, depth=depth, truncated=left_out,
                           groups=sub.groups(GROUP_THRESHOLD, keep=[node.id]))
    sub, left_out = graph.overview(max_nodes=min(max_nodes, 60))
    return sub.to_json(degrees=full, focus=None, depth=depth, truncated=left_out, groups=[])


def path_json(store: Any, start: str, end: str, max_length: int = MAX_PATH_LENGTH) -> dict[str, Any]:
    """A shortest path between two entities (ids, IRIs or names): ``{path: [ids], nodes, edges}``.

    Raises ViewError when either end is unknown or no path of at most ``max_length`` relations exists.
    """
    full = view_graph(store)
    a, b = full.resolve(start).id, full.resolve(end).id
    path = full.shortest_path(a, b, max(1, min(int(max_length), MAX_PATH_LENGTH)))
    if path is None:
        raise ViewError(f"no path of at most {max_length} relations between {full.nodes[a].label!r} "
                        f"and {full.nodes[b].label!r}")
    return full.path_graph(path).to_json(degrees=full, path=path)


def search_json(store: Any, q: str, limit: int = 20) -> dict[str, Any]:
    """Search hits for the explorer's search box: ``{"results": [{id, label, type, degree}]}``."""
    graph = view_graph(store)
    hits = graph.search(q, limit=max(1, min(limit, 100)))
    return {"results": [{"id": n.id, "label": n.label, "type": n.type, "degree": graph.degree(n.id)} for n in hits]}


def explorer_page(prefix: str = "/view", *, focus: str | None = None, depth: int = 1,
                  max_nodes: int = DEFAULT_MAX_NODES, documents: bool = False) -> str:
    """The live explorer page, talking to the endpoints of a :class:`ViewApp` mounted at ``prefix``."""
    base = prefix.rstrip("/")
    doc_url = f"{base}/document?doc={{doc}}&start={{start}}&end={{end}}#span" if documents else None
    return explorer_html(None, data_url=f"{base}/graph.json", search_url=f"{base}/search.json",
                         path_url=f"{base}/path.json", focus=focus, depth=depth, max_nodes=max_nodes, doc_url=doc_url)


def document_span_html(documents_dir: Path | str, doc_id: str, start: int | None, end: int | None) -> str:
    """A page with the document's text and the span [start, end) highlighted (the link target of a source).

    Offsets are characters of the decoded source file, as the provenance records them.
    Raises ViewError for a document outside ``documents_dir`` or missing.
    """
    from graph.source.decode import decode  # decode as the pipeline did, so offsets match

    path = resolve_document(documents_dir, doc_id)
    text, _ = decode(path.read_bytes(), path)
    s = max(0, min(start if start is not None else 0, len(text)))
    e = max(s, min(end if end is not None else s, len(text)))
    body = (html.escape(text[:s]) + f'<mark id="span">{html.escape(text[s:e])}</mark>' + html.escape(text[e:]))
    title = html.escape(f"{doc_id} [{s}:{e}]")
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title><style>"
            "body{margin:0;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#fbfcfd}"
            "h1{font:600 14px system-ui,sans-serif;margin:0;padding:8px 14px;background:#1d2330;color:#fff;position:sticky;top:0}"
            "pre{white-space:pre-wrap;padding:10px 14px;margin:0}mark{background:#ffe066;outline:2px solid #f2b01e}"
            f"</style></head><body><h1>{title}</h1><pre>{body}</pre>"
            "<script>document.getElementById('span').scrollIntoView({block:'center'})</script></body></html>")


def resolve_document(documents_dir: Path | str, doc_id: str) -> Path:
    """The file ``doc_id`` names inside ``documents_dir``, or ViewError: nothing outside it, ever.

    A doc id is a bare file name (that is how ``build`` names documents), so
    separators, ``..``, absolute paths, NUL and control characters and hidden
    names are refused outright; the file found (directly or in a sub-folder) must
    still resolve, symlinks followed, to a path under the folder; hidden folders
    are not searched; files over the reader's size limit are not shown.
    """
    from graph.source.limits import max_file_bytes

    root = Path(documents_dir).resolve()
    if (not doc_id or len(doc_id) > 255 or "/" in doc_id or "\\" in doc_id or doc_id.startswith(".")
            or any(ord(c) < 32 or c == "\x7f" for c in doc_id)):
        raise ViewError(f"not a document id: {doc_id!r}")
    path = root / doc_id
    if not path.is_file():  # build reads folders recursively; ids are bare file names
        path = next((p for p in root.rglob("*") if p.name == doc_id and p.is_file()  # names, not glob patterns
                     and not any(part.startswith(".") for part in p.relative_to(root).parts)), path)
    if not path.is_file() or root not in path.resolve().parents:
        raise ViewError(f"no document {doc_id!r}")
    limit = max_file_bytes()
    if limit is not None and path.stat().st_size > limit:
        raise ViewError(f"document {doc_id!r} is too large to show")
    return path


StartResponse = Callable[..., Any]


class ViewApp:
    """WSGI app for the live explorer, mounted under ``prefix`` by a server.

    Routes (GET only): ``{prefix}`` and ``{prefix}/`` the page; ``{prefix}/graph.json``
    (``focus``, ``depth``, ``max_nodes``, ``types``, ``relations``);
    ``{prefix}/search.json`` (``q``, ``limit``); ``{prefix}/path.json`` (``from``, ``to``); ``{prefix}/document`` (``doc``,
    ``start``, ``end``; 404 unless ``documents_dir`` is set). ``handles(path)`` tells a
    host app whether to delegate a request.
    """

    def __init__(self, store: Any, prefix: str = "/view", documents_dir: Path | str | None = None,
                 max_nodes: int = DEFAULT_MAX_NODES) -> None:
        self.store = store
        self.prefix = "/" + prefix.strip("/")
        self.documents_dir = Path(documents_dir) if documents_dir else None
        self.max_nodes = max_nodes

    def handles(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        path = environ.get("PATH_INFO", "") or "/"
        sub = path[len(self.prefix):] if self.handles(path) else None
        params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        try:
            if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
                return _send(start_response, 405, "method not allowed", "text/plain", [("Allow", "GET, HEAD")])
            if sub in ("", "/"):
                page = explorer_page(self.prefix, focus=params.get("focus"), depth=_int(params.get("depth"), 1),
                                     max_nodes=self.max_nodes, documents=self.documents_dir is not None)
                return _send(start_response, 200, page, "text/html; charset=utf-8")
            if sub == "/graph.json":
                data = graph_json(self.store, params.get("focus") or None, _int(params.get("depth"), 1),
                                  _int(params.get("max_nodes"), self.max_nodes), params.get("types"),
                                  params.get("relations"))
                return _send(start_response, 200, json.dumps(data, ensure_ascii=False), "application/json")
            if sub == "/search.json":
                data = search_json(self.store, params.get("q", ""), _int(params.get("limit"), 20))
                return _send(start_response, 200, json.dumps(data, ensure_ascii=False), "application/json")
            if sub == "/path.json":
                data = path_json(self.store, params.get("from", ""), params.get("to", ""))
                return _send(start_response, 200, json.dumps(data, ensure_ascii=False), "application/json")
            if sub == "/document" and self.documents_dir is not None:
                page = document_span_html(self.documents_dir, params.get("doc", ""),
                                          _int(params.get("start"), None), _int(params.get("end"), None))
                return _send(start_response, 200, page, "text/html; charset=utf-8")
        except (ViewError, ValueError) as exc:
            return _send(start_response, 404 if isinstance(exc, ViewError) else 400, str(exc), "text/plain")
        except FilingKGError as exc:  # e.g. a file in the folder that does not decode as text
            log.info("view request failed: %s", exc)
            return _send(start_response, 404, "document cannot be shown", "text/plain")
        return _send(start_response, 404, f"not found: {quote(path)}", "text/plain")


def _int(value: str | None, default: Any) -> Any:
    if value in (None, ""):
        return default
    try:
        return int(value)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError(f"not a number: {value!r}") from None


def _send(start_response: StartResponse, status: int, body: str, content_type: str,
          headers: list[tuple[str, str]] | None = None) -> list[bytes]:
    data = body.encode("utf-8")
    reasons = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}
    start_response(f"{status} {reasons.get(status, 'Error')}", [
        ("Content-Type", content_type), ("Content-Length", str(len(data))),
        ("Cache-Control", "no-store"), *(headers or [])])
    return [data]
