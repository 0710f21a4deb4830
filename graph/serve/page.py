"""The small HTML page at ``/``: type (or pick) a query, see the results as a table.

Plain HTML and a few lines of JavaScript that POST to ``/sparql`` with
``Accept: application/sparql-results+json`` -- the page is just another client
of the endpoint, so it shows exactly what any SPARQL client would get.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from graph.query.library import list_queries

if TYPE_CHECKING:
    from graph.serve.app import ServerConfig

_DEFAULT_QUERY = """SELECT ?company ?person ?title WHERE {
  ?pos a fkg:OfficerPosition ;
       fkg:organization/rdfs:label ?company ;
       fkg:holder/rdfs:label ?person .
  OPTIONAL { ?pos fkg:title/skos:prefLabel ?title }
} ORDER BY ?company ?person LIMIT 100"""

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>filing-kg SPARQL</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5em; }}
textarea {{ width: 100%; height: 14em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
#status {{ margin-left: 1em; color: #555; }} .error {{ color: #b00; white-space: pre-wrap; }}
</style></head><body>
<h1>filing-kg SPARQL endpoint</h1>
<p>POST or GET SPARQL 1.1 queries to <code>/sparql</code>. Prefixes {prefixes} are predeclared.
Updates are {updates}. Limits: {limits}.</p>
<label>Library query: <select id="library"><option value="">(choose)</option>{options}</select></label>
<form id="form"><textarea id="query" name="query">{query}</textarea><br>
<button type="submit">Run</button><span id="status"></span></form>
<div id="out"></div>
<script id="queries" type="application/json">{queries}</script>
<script>
const queries = JSON.parse(document.getElementById("queries").textContent);
document.getElementById("library").onchange = (e) => {{
  if (e.target.value) document.getElementById("query").value = queries[e.target.value];
}};
function cell(t) {{ const td = document.createElement("td"); td.textContent = t === undefined ? "" : t.value; return td; }}
document.getElementById("form").onsubmit = async (e) => {{
  e.preventDefault();
  const out = document.getElementById("out"), status = document.getElementById("status");
  out.textContent = ""; status.textContent = "running...";
  const t0 = performance.now();
  const resp = await fetch("sparql", {{method: "POST",
    headers: {{"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json, text/turtle;q=0.9"}},
    body: new URLSearchParams({{query: document.getElementById("query").value}})}});
  const text = await resp.text();
  status.textContent = resp.status + " in " + Math.round(performance.now() - t0) + " ms";
  if (!resp.ok) {{ const p = document.createElement("p"); p.className = "error"; p.textContent = text; out.append(p); return; }}
  if (!(resp.headers.get("Content-Type") || "").includes("json")) {{ const pre = document.createElement("pre"); pre.textContent = text; out.append(pre); return; }}
  const data = JSON.parse(text);
  if ("boolean" in data) {{ out.textContent = data.boolean ? "yes" : "no"; return; }}
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) {{ const th = document.createElement("th"); th.textContent = v; head.append(th); }}
  for (const b of data.results.bindings) {{ const tr = table.insertRow(); for (const v of data.head.vars) tr.append(cell(b[v])); }}
  status.textContent += ", " + data.results.bindings.length + " rows" + (resp.headers.get("X-SPARQL-Truncated") ? " (truncated)" : "");
  out.append(table);
}};
</script></body></html>
"""


def index_html(config: "ServerConfig") -> str:
    """The page, with the library queries to pick from and the endpoint's settings."""
    from graph.rdf.namespaces import PREFIXES

    library = {q.name: q.text for q in list_queries()}
    options = "".join(
        f'<option value="{html.escape(q.name)}">{html.escape(q.name)} - {html.escape(q.summary)}</option>'
        for q in list_queries()
    )
    limits = (f"timeout {config.timeout:g} s" if config.timeout else "no timeout") + ", " + (
        f"at most {config.max_rows} rows" if config.max_rows else "no row cap")
    return _TEMPLATE.format(
        prefixes=", ".join(f"<code>{html.escape(p)}:</code>" for p in PREFIXES),
        updates="enabled" if config.allow_updates else "disabled (read-only)",
        limits=html.escape(limits),
        options=options,
        query=html.escape(_DEFAULT_QUERY),
        queries=json.dumps(library).replace("</", "<\\/"),
    )
