"""The query page in a real headless Chromium, offline: pick a library query, run it, see rows; permalinks.

Every request to a host other than the loopback server is aborted and recorded, so
the page (vendored YASGUI) must work without the network and must not even try it.
Screenshots go to the test's tmp dir; with FILING_KG_PUBLISH_SCREENSHOTS=1 the page's
is also copied to docs/img/ (docs/sparql.md shows it), never otherwise.
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from pathlib import Path

import pytest

from graph.rdf.namespaces import PREFIXES
from tests.view.conftest import SCREENSHOTS

OFFICERS = ["Marc B. Crossman", "Samuel J. Furrow, Jr."]
INNOVO_IRI = "https://w3id.org/filing-kg/id/company/innovo-group"
ROWS = ".yasr table.dataTable tbody tr"


@pytest.fixture
def offline(page):
    """The page with non-loopback requests aborted (listed in ``page.blocked``) and console errors kept."""
    page.blocked = []
    page.console_errors = []

    def route(request_route) -> None:
        host = urllib.parse.urlsplit(request_route.request.url).hostname or ""
        if request_route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            page.blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    return page


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def _rows(page) -> list[str]:
    page.wait_for_selector(ROWS)
    return page.locator(ROWS).all_inner_texts()


def _check_clean(page) -> None:
    assert page.blocked == [], f"the page tried the network: {page.blocked}"
    assert page.errors == [], page.errors
    assert not [m for m in page.console_errors if "Content Security Policy" in m], page.console_errors


def _shortest(iri: str) -> str:
    """``iri`` written with the project prefix of the longest matching namespace."""
    prefix, namespace = max(((p, ns) for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda pn: len(pn[1]))
    return f"{prefix}:{iri[len(namespace):]}"


def _base(endpoint: str) -> str:
    return endpoint.rsplit("/", 1)[0] + "/"


def _clear_storage(page, base: str) -> None:
    """Forget the tabs YASGUI kept in this origin's storage (the browser profile is shared by the session)."""
    page.goto(base + "static/query.css")
    page.evaluate("localStorage.clear()")


def test_library_query_runs_from_the_editor(offline, endpoint, tmp_path):
    page = offline
    base = _base(endpoint)
    _clear_storage(page, base)
    _open(page, base)
    assert page.locator(".yasqe .CodeMirror").count() == 1
    assert "PREFIX fkg:" in page.evaluate("fkgQueryPage.yasgui.getTab().getQuery()")

    page.select_option("#fkg-library", "officers")
    page.wait_for_function("() => fkgQueryPage.yasgui.getTab().getName() === 'officers'")
    query = page.evaluate("fkgQueryPage.yasgui.getTab().getQuery()")
    assert "fkg:OfficerPosition" in query and "VALUES ?company { UNDEF }" in query
    with page.expect_response(lambda r: r.url == endpoint and r.request.method == "POST") as answer:
        page.locator(".tabPanel.active .yasqe_queryButton").click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"].startswith("application/sparql-results+json")
    rows = _rows(page)
    page.wait_for_function("() => document.getElementById('fkg-status').textContent.includes('rows')")
    status = page.inner_text("#fkg-status")
    assert status.startswith("officers: HTTP 200") and f"{len(rows)} rows" in status and "cut" not in status
    for name in OFFICERS:
        assert any(name in row and "Innovo Group" in row for row in rows), f"{name!r} not in {rows}"
    # entity IRIs are shortened with the project's prefixes, though the query does not declare them
    short = _shortest(INNOVO_IRI)
    assert short.endswith("innovo-group") and any(short in row for row in rows), (short, [r for r in rows if "Innovo" in r][:2])

    with page.expect_download() as download:  # YASR's CSV download of the result table
        page.locator(".tabPanel.active .yasr_downloadIcon").click()
    csv = Path(download.value.path()).read_text(encoding="utf-8")
    assert csv.startswith('"companyName","person"') and all(name in csv for name in OFFICERS)

    shot = tmp_path / "query-page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("FILING_KG_PUBLISH_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / "query-page.png")
    _check_clean(page)


@pytest.fixture
def capped_endpoint(served_store):
    """An endpoint over the same store whose row cap is 2, so a LIMIT 3 query is cut."""
    from graph.serve import ServerConfig, running_server

    with running_server(served_store, ServerConfig(timeout=30, max_rows=2, workers=1)) as url:
        yield url


def test_permalink_restores_the_query_on_this_endpoint_only(offline, capped_endpoint):
    page, endpoint = offline, capped_endpoint
    base = _base(endpoint)
    _clear_storage(page, base)
    _open(page, base)
    query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?name WHERE { ?x rdfs:label ?name }\n" \
            "ORDER BY ?name LIMIT 3"
    page.evaluate("q => { fkgQueryPage.yasgui.getTab().setQuery(q); }", query)
    link = page.evaluate("fkgQueryPage.yasgui.getTab().getShareableLink()")
    assert link.startswith(base) and "#" in link and "query=" in link
    # a permalink naming another endpoint still queries this one (and the CSP would refuse the other)
    link = link.replace(urllib.parse.quote(endpoint, safe=""), urllib.parse.quote("http://example.org/sparql", safe=""))
    assert "example.org" in link

    _clear_storage(page, base)
    with page.expect_response(lambda r: r.url == endpoint) as answer:
        _open(page, link)
    assert answer.value.status == 200
    assert page.evaluate("fkgQueryPage.yasgui.getTab().getQuery()") == query
    assert page.evaluate("fkgQueryPage.yasgui.getTab().getEndpoint()") == endpoint
    assert len(_rows(page)) == 2
    page.wait_for_function("() => document.getElementById('fkg-status').textContent.includes('rows')")
    assert "2 rows (cut at the server's row cap of 2)" in page.inner_text("#fkg-status")
    assert page.get_attribute("#fkg-status", "class") == "truncated"
    _check_clean(page)
