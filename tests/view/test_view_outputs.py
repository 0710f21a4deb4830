"""The offline page, the JSON endpoints a server mounts, the static pictures and the two CLI commands."""

from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.view import ViewError, ViewGraph, ViewNode, explorer_html
from graph.view.draw import draw_neighbourhood
from graph.view.web import ViewApp, document_span_html, graph_json, search_json
from tests.conftest import FILINGS

INNOVO = "company/innovo-group"
EXPECTED = ["Innovo Group Inc.", "Samuel J. Furrow, Jr.", "Marc B. Crossman", "Innovo Inc.", "Joe's Jeans",
            "SunTrust Robinson", "Warrant", "Convertible Note", "Common Stock"]


def _embedded(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="fkg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


# ---------------------------------------------------------------------- page


def test_offline_page_inlines_library_and_data_and_loads_nothing(view_graph):
    page = explorer_html(view_graph, focus="Innovo", depth=2)
    assert "Cytoscape Consortium" in page  # the library, with its licence header
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=["\']?(https?:)?//', page)
    data = _embedded(page)
    assert data["initial"] == {"focus": INNOVO, "depth": 2, "ids": []}
    assert len(data["nodes"]) == len(view_graph.nodes)
    innovo = next(n for n in data["nodes"] if n["id"] == INNOVO)
    assert innovo["degree"] == view_graph.degree(INNOVO) and innovo["type"] == "company"


def test_overview_page_starts_from_the_hubs(view_graph):
    data = _embedded(explorer_html(view_graph, overview_nodes=10))
    assert data["initial"]["focus"] is None and len(data["initial"]["ids"]) == 10


def test_labels_cannot_break_out_of_the_script_element():
    evil = ViewGraph({"x": ViewNode("x", "</script><script>alert(1)</script>", "company")}, [])
    page = explorer_html(evil)
    assert "alert(1)</script>" not in page.split('id="fkg-data">', 1)[1].split("</script>", 1)[0]
    assert _embedded(page)["nodes"][0]["label"] == "</script><script>alert(1)</script>"


def test_live_page_needs_endpoints():
    with pytest.raises(ValueError):
        explorer_html(None)
    page = explorer_html(None, data_url="/view/graph.json", search_url="/view/search.json")
    assert 'id="fkg-data"' not in page and '"mode":"live"' in page


# ---------------------------------------------------------------------- JSON endpoints


def test_graph_json_focus_overview_filters_and_caps(view_store):
    data = graph_json(view_store, focus="Innovo", depth=1)
    assert data["focus"] == INNOVO and data["truncated"] == 0
    labels = {n["short"] for n in data["nodes"]}
    assert {"Marc B. Crossman", "Warrant", "Joe's Jeans"} <= labels
    edge = next(e for e in data["edges"] if e["relation"] == "PLACEMENT_AGENT_FOR")
    assert edge["sources"][0]["sentence"].startswith("The placement agent for the offering was SunTrust")
    people = graph_json(view_store, focus="Innovo", types="person", relations="OFFICER_OF,DIRECTOR_OF")
    assert {n["type"] for n in people["nodes"] if n["id"] != INNOVO} == {"person"}
    assert {e["relation"] for e in people["edges"]} <= {"OFFICER_OF", "DIRECTOR_OF"}
    capped = graph_json(view_store, focus="Innovo", depth=3, max_nodes=4)
    assert len(capped["nodes"]) == 4 and capped["truncated"] > 0
    overview = graph_json(view_store)
    assert overview["focus"] is None and 0 < len(overview["nodes"]) <= 60
    with pytest.raises(ViewError):
        graph_json(view_store, focus="Nonexistent Holdings")


def test_search_json(view_store):
    results = search_json(view_store, "innovo")["results"]
    assert results[0] == {"id": INNOVO, "label": "Innovo Group Inc.", "type": "company",
                          "degree": results[0]["degree"]}
    assert search_json(view_store, "  ")["results"] == []


def _call(app, path: str, query: str = "", method: str = "GET"):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app({"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": method,
                         "wsgi.input": io.BytesIO()}, start_response))
    return int(seen["status"].split()[0]), seen["headers"]["Content-Type"], body.decode("utf-8")


def test_view_app_routes(view_store):
    app = ViewApp(view_store, prefix="/view", documents_dir=FILINGS)
    assert app.handles("/view") and app.handles("/view/graph.json") and not app.handles("/viewer")
    status, ctype, body = _call(app, "/view/")
    assert status == 200 and ctype.startswith("text/html") and '"graph":"/view/graph.json"' in body
    status, ctype, body = _call(app, "/view/graph.json", "focus=Innovo&depth=1")
    assert status == 200 and ctype == "application/json" and json.loads(body)["focus"] == INNOVO
    status, _, body = _call(app, "/view/search.json", "q=Crossman")
    assert json.loads(body)["results"][0]["label"] == "Marc B. Crossman"
    assert _call(app, "/view/graph.json", "focus=Nonexistent+Holdings")[0] == 404
    assert _call(app, "/view/graph.json", "depth=deep")[0] == 400
    assert _call(app, "/view/graph.json", method="POST")[0] == 405
    assert _call(app, "/view/nothing")[0] == 404
    status, _, body = _call(app, "/view/document", "doc=001_d211dfa7cc6225bc.txt&start=901&end=943")
    assert status == 200 and "<mark id=\"span\">SunTrust Robinson Humphrey Capital Markets</mark>" in body
    assert _call(app, "/view/document", "doc=../pyproject.toml&start=0&end=1")[0] == 404
    assert _call(ViewApp(view_store), "/view/document", "doc=001_d211dfa7cc6225bc.txt")[0] == 404


def test_document_span_matches_the_recorded_offsets(view_graph):
    edge = next(e for e in view_graph.edges if e.relation == "SUBSIDIARY_OF" and e.source == "company/joes-jeans")
    src = edge.sources[0]
    page = document_span_html(FILINGS, src["document"], src["start"], src["end"])
    assert "<mark id=\"span\">Joe&#x27;s Jeans</mark>" in page


# ---------------------------------------------------------------------- pictures


def test_draw_svg_has_text_labels_and_legend(view_graph, tmp_path):
    out = draw_neighbourhood(view_graph, "Innovo", tmp_path / "innovo.svg", depth=1)
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)).replace("&#x27;", "'").replace("&apos;", "'")
    for label in EXPECTED + ["subsidiary of", "placement agent for", "officer of"]:
        assert label in text, f"{label!r} not in the SVG text"
    for legend in ("Company", "Person", "Instrument", "Filing"):
        assert legend in text


def test_draw_png_and_hidden_types(view_graph, tmp_path):
    out = draw_neighbourhood(view_graph, "Innovo Group", tmp_path / "innovo.png", depth=2, hide={"filing"})
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    svg = draw_neighbourhood(view_graph, "Innovo Group", tmp_path / "nofilings.svg", hide={"filing"}).read_text()
    assert "8-K (2004-06-23)" not in svg and "Marc B. Crossman" in svg
    with pytest.raises(ViewError, match="cannot draw 'gif'"):
        draw_neighbourhood(view_graph, "Innovo", tmp_path / "innovo.gif")


# ---------------------------------------------------------------------- CLI


def test_cli_view_and_draw(view_store_path, tmp_path):
    runner = CliRunner()
    html = tmp_path / "explorer.html"
    result = runner.invoke(main, ["view", "--store", str(view_store_path), "-o", str(html),
                                  "--focus", "Innovo Group", "--depth", "2", "--max-nodes", "80"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"explorer: {html}")
    assert _embedded(html.read_text(encoding="utf-8"))["initial"]["focus"] == INNOVO

    svg = tmp_path / "innovo.svg"
    result = runner.invoke(main, ["draw", "Innovo", "--store", str(view_store_path), "-o", str(svg), "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert "SunTrust Robinson" in svg.read_text(encoding="utf-8")

    result = runner.invoke(main, ["draw", "Nobody Anywhere", "--store", str(view_store_path), "-o", str(svg)])
    assert result.exit_code == 1 and "error: no entity matches 'Nobody Anywhere'" in result.output
    assert "Traceback" not in result.output
