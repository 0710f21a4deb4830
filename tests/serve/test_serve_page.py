"""The query page at ``/`` over HTTP: the YASGUI shell, its settings block, its assets and their packaging."""

from __future__ import annotations

import http.client
import json
import re
import tomllib
import urllib.parse
from importlib import resources
from pathlib import Path

import pytest

from graph.query.library import list_queries
from graph.rdf.namespaces import PREFIXES
from graph.serve.page import _script_json, static_asset
from graph.serve.security import PAGE_CSP

ROOT = Path(__file__).resolve().parents[2]
VENDORED = ["yasgui.min.js", "yasgui.min.css", "yasgui.LICENSE.txt", "query.js", "query.css"]


def fetch(endpoint: str, target: str, method: str = "GET",
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, target, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def page_settings(body: bytes) -> dict:
    match = re.search(rb'<script id="fkg-config" type="application/json">(.*?)</script>', body, re.S)
    assert match, "no settings block on the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize("path", ["/", "/sparql"])
def test_page_is_yasgui_with_library_and_prefixes(endpoint, path):
    status, headers, body = fetch(endpoint, path, headers={"Accept": "text/html,*/*;q=0.8"})
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-security-policy"] == PAGE_CSP and headers["x-frame-options"] == "DENY"
    for src in ("static/yasgui.min.js", "static/query.js", "static/yasgui.min.css"):
        assert src.encode() in body
    assert b"<script>" not in body  # no inline script: the CSP allows 'self' only
    settings = page_settings(body)
    assert [q["name"] for q in settings["queries"]] == [q.name for q in list_queries()]
    officers = next(q for q in settings["queries"] if q["name"] == "officers")
    assert "fkg:OfficerPosition" in officers["text"]
    assert settings["endpoint"] == "sparql"
    for prefix, iri in PREFIXES.items():  # declared in the first tab's query, so it runs anywhere
        assert f"PREFIX {prefix}: <{iri}>" in settings["defaultQuery"]
        assert f"<code>{prefix}:</code>".encode() in body


def test_page_settings_cannot_close_the_script_block():
    text = _script_json({"text": "</script><script>alert(1)</script> <!-- & "})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"text": "</script><script>alert(1)</script> <!-- & "}


def test_csp_keeps_everything_on_this_server():
    rules = dict(part.split(" ", 1) for part in PAGE_CSP.split("; "))
    assert rules["default-src"] == "'none'" and rules["script-src"] == "'self'"
    assert rules["connect-src"] == "'self'"  # queries only to this endpoint, whatever a permalink says
    assert "unsafe-eval" not in PAGE_CSP and "http" not in PAGE_CSP


@pytest.mark.parametrize("name, content_type", [
    ("yasgui.min.js", "text/javascript; charset=utf-8"),
    ("query.js", "text/javascript; charset=utf-8"),
    ("yasgui.min.css", "text/css; charset=utf-8"),
    ("yasgui.LICENSE.txt", "text/plain; charset=utf-8"),
])
def test_assets_are_served_from_the_package(endpoint, name, content_type):
    status, headers, body = fetch(endpoint, "/static/" + name)
    assert status == 200 and headers["content-type"] == content_type
    assert headers["x-content-type-options"] == "nosniff"
    assert body == resources.files("graph.serve").joinpath("static", name).read_bytes()
    status, headers, body = fetch(endpoint, "/static/" + name, method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_prefix_list_for_autocompletion(endpoint):
    status, headers, body = fetch(endpoint, "/static/prefixes.json")
    assert status == 200 and headers["content-type"] == "application/json"
    assert json.loads(body) == PREFIXES


@pytest.mark.parametrize("target", ["/static/", "/static/missing.js", "/static/../app.py",
                                    "/static/%2e%2e/app.py", "/static/README", "/static/yasgui.min.js.map"])
def test_only_named_assets_are_served(endpoint, target):
    status, headers, body = fetch(endpoint, target)
    assert status == 404 and headers["content-type"].startswith("text/plain")
    assert b"Traceback" not in body


def test_assets_are_read_only(endpoint):
    status, headers, _ = fetch(endpoint, "/static/query.js", method="POST")
    assert status == 405 and headers["allow"] == "GET, HEAD"


def test_vendored_files_are_package_data():
    static = resources.files("graph.serve").joinpath("static")
    for name in VENDORED:
        assert static.joinpath(name).is_file(), name
        assert static_asset(name) is not None
    assert static_asset("app.py") is None and static_asset("../page.py") is None
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "static/*" in package_data["graph.serve"]
    readme = static.joinpath("README.md").read_text()
    version = re.search(r"@triply/yasgui\]\([^)]*\) \*\*([0-9.]+)\*\*", readme)
    assert version and version.group(1) in (ROOT / "docs" / "sparql.md").read_text()
    assert "MIT" in static.joinpath("yasgui.LICENSE.txt").read_text()
