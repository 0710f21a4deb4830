"""The explorer is served live next to the SPARQL endpoint (/view/)."""

from __future__ import annotations

import json
import urllib.request


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as resp:  # loopback only
        return resp.status, resp.headers.get("Content-Type", ""), resp.read()


def test_explorer_page_and_data_are_served(endpoint):
    base = endpoint.rsplit("/sparql", 1)[0]
    status, ctype, body = _get(base + "/view/")
    assert status == 200 and ctype.startswith("text/html") and b"cytoscape" in body.lower()
    status, ctype, body = _get(base + "/view/search.json?q=Innovo")
    hits = json.loads(body)
    assert status == 200 and "json" in ctype
    assert "Innovo Group Inc." in json.dumps(hits)
    status, _ctype, body = _get(base + "/view/graph.json?focus=Innovo%20Group%20Inc.&depth=1")
    graph = json.loads(body)
    labels = {n.get("label") for n in graph["nodes"]}
    assert "Innovo Group Inc." in labels and "Samuel J. Furrow, Jr." in labels
    # the SPARQL endpoint is still the endpoint
    status, _ctype, _body = _get(endpoint + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")
    assert status == 200
