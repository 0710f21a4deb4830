"""The query page at ``/``: YASGUI (editor, result table, downloads, permalinks) over this endpoint.

YASGUI is vendored in ``static/`` (see its README there) and served by the endpoint
itself, so the page works with no network. The HTML is a shell: a header with the
endpoint's settings and a picker of the shipped query library, a JSON block with
the page's settings (endpoint, library queries, prefixes) and ``static/query.js``,
which configures YASGUI from that block. No inline script, so the page's CSP
(:data:`graph.serve.security.PAGE_CSP`) can allow scripts from ``'self'`` only.
The page is just another client of ``/sparql``: it shows what any client would get.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from graph.query.library import list_queries
from graph.rdf.namespaces import PREFIXES

if TYPE_CHECKING:
    from graph.serve.app import ServerConfig

#: URL path prefix of the page's assets.
STATIC_PREFIX = "/static/"
#: Served (generated) in the format of prefix.cc's API, for YASGUI's PREFIX autocompletion.
PREFIXES_ASSET = "prefixes.json"

_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".json": "application/json",
}

_DEFAULT_BODY = """SELECT ?company ?person ?title WHERE {
  ?pos a fkg:OfficerPosition ;
       fkg:organization/rdfs:label ?company ;
       fkg:holder/rdfs:label ?person .
  OPTIONAL { ?pos fkg:title/skos:prefLabel ?title }
} ORDER BY ?company ?person LIMIT 100"""

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>filing-kg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="static/yasgui.min.css">
<link rel="stylesheet" href="static/query.css">
</head><body>
<header>
<h1>filing-kg SPARQL endpoint</h1>
<p>Queries go to <code>/sparql</code> (GET or POST, SPARQL 1.1 Protocol). Prefixes {prefixes} are predeclared.
Updates are {updates}. Limits: {limits}.{explorer}</p>
<p><label>Library query: <select id="fkg-library"><option value="">(open a shipped query in a new tab)</option>{options}</select></label>
&middot; the share button in the editor makes a permalink; the table's download button saves CSV.</p>
<p id="fkg-status" role="status"></p>
</header>
<div id="yasgui"></div>
<script id="fkg-config" type="application/json">{config}</script>
<script src="static/yasgui.min.js"></script>
<script src="static/query.js"></script>
</body></html>
"""


def default_query() -> str:
    """The first tab's query, with every project prefix declared (so it runs on any endpoint)."""
    declarations = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())
    return f"{declarations}\n\n{_DEFAULT_BODY}"


def index_html(config: "ServerConfig") -> str:
    """The page, with the library queries to pick from and the endpoint's settings."""
    queries = list_queries()
    options = "".join(
        f'<option value="{html.escape(q.name)}">{html.escape(q.name)} - {html.escape(q.summary)}</option>'
        for q in queries
    )
    limits = (f"timeout {config.timeout:g} s" if config.timeout else "no timeout") + ", " + (
        f"at most {config.max_rows} rows" if config.max_rows else "no row cap")
    settings = {
        "endpoint": "sparql",
        "prefixesUrl": STATIC_PREFIX.lstrip("/") + PREFIXES_ASSET,
        "defaultQuery": default_query(),
        # the result table shortens IRIs with the first namespace that matches: longest first,
        # so an entity is ``company:x`` rather than ``fkgid:company/x``
        "prefixes": dict(sorted(PREFIXES.items(), key=lambda item: -len(item[1]))),
        "queries": [{"name": q.name, "summary": q.summary, "text": q.text} for q in queries],
    }
    return _TEMPLATE.format(
        prefixes=", ".join(f"<code>{html.escape(p)}:</code>" for p in PREFIXES),
        updates="enabled" if config.allow_updates else "disabled (read-only)",
        limits=html.escape(limits),
        explorer=' Browse the graph in the <a href="view/">explorer</a>.' if config.explorer else "",
        options=options,
        config=_script_json(settings),
    )


def _script_json(value: object) -> str:
    """JSON safe inside ``<script>``: no ``</script>`` or ``<!--`` can end or confuse the block."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str


def static_asset(name: str) -> Asset | None:
    """The page asset ``name`` (a file of ``static/`` or the generated prefix list); None if there is none."""
    if name == PREFIXES_ASSET:
        return Asset(json.dumps(PREFIXES, indent=1).encode("utf-8"), _CONTENT_TYPES[".json"])
    return _packaged_assets().get(name)


@lru_cache(maxsize=1)
def _packaged_assets() -> dict[str, Asset]:
    """The files shipped in ``graph/serve/static/``, read once; only these names are served (no paths)."""
    assets: dict[str, Asset] = {}
    for entry in resources.files("graph.serve").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if entry.is_file() and suffix in _CONTENT_TYPES:
            assets[entry.name] = Asset(entry.read_bytes(), _CONTENT_TYPES[suffix])
    return assets
