"""The explorer in a real headless Chromium: search "Innovo", focus it, see its neighbourhood and sources.

Runs the offline file written by ``filing-kg view`` (any network request fails the
test) and the live page served by :class:`graph.view.web.ViewApp` on 127.0.0.1.
Screenshots go to the test's tmp dir; with FILING_KG_PUBLISH_SCREENSHOTS=1 the
explorer's is also copied to docs/img/ (the README's picture), never otherwise.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FILINGS
from tests.view.conftest import SCREENSHOTS

OFFICERS = ["Samuel J. Furrow, Jr.", "Marc B. Crossman"]
SUBSIDIARIES = ["Innovo Inc.", "Joe's Jeans", "Innovo Azteca Apparel, Inc."]
AGENT = "SunTrust Robinson Humphrey Capital Markets"
INSTRUMENTS = ["Warrant", "Convertible Note", "Common Stock"]
FOCUS_ID = "company/innovo-group"


def _visible_labels(page) -> set[str]:
    labels = page.evaluate("fkgExplorer.cy.nodes(':visible').map(n => n.data('short') + '\\n' + n.data('label'))")
    return {part for text in labels for part in text.split("\n")}


def _search_and_focus(page, text: str = "Innovo") -> None:
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#search", text)
    page.wait_for_selector("#results li")
    first = page.locator("#results li").first
    assert first.locator(".label").inner_text() == "Innovo Group Inc."  # best hit: the registrant, not a subsidiary
    first.click()
    page.wait_for_selector(f"body[data-focus='{FOCUS_ID}'][data-ready=true]")


def _check_innovo_view(page) -> None:
    labels = _visible_labels(page)
    for name in [*OFFICERS, *SUBSIDIARIES, AGENT, *INSTRUMENTS, "Innovo Group Inc."]:
        assert name in labels, f"{name!r} not drawn; drawn: {sorted(labels)}"
    panel = page.locator("#panel")
    assert panel.locator(".title").inner_text() == "Innovo Group Inc."
    text = panel.inner_text()
    for name in [*OFFICERS, *SUBSIDIARIES, AGENT]:
        assert name in text
    assert "Chief Financial Officer" in text  # officer titles
    sentences = panel.locator(".source .sentence").all_inner_texts()
    assert any("The placement agent for the offering was SunTrust Robinson Humphrey Capital Markets." in s
               for s in sentences)
    assert any("through its subsidiaries Innovo Inc., Joe's Jeans and Innovo Azteca Apparel, Inc." in s
               for s in sentences)
    assert "001_d211dfa7cc6225bc.txt" in panel.locator(".source .cite").first.inner_text() or \
        any("001_d211dfa7cc6225bc.txt" in c for c in panel.locator(".source .cite").all_inner_texts())


def _screenshot(page, name: str, tmp_path: Path, publish: bool = False) -> Path:
    """Save a screenshot in the test's tmp dir; ``publish`` copies it to docs/img/ when asked by the environment."""
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if publish and os.environ.get("FILING_KG_PUBLISH_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / name)
    return shot


def test_offline_explorer_search_focus_and_sources(page, view_store_path, tmp_path):
    out = tmp_path / "explorer.html"
    result = CliRunner().invoke(main, ["view", "--store", str(view_store_path), "-o", str(out),
                                       "--documents", str(FILINGS)])
    assert result.exit_code == 0, result.output
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.route("http*://**", lambda route: route.abort())  # offline: nothing may leave the file
    page.goto(out.as_uri())

    _search_and_focus(page)
    _check_innovo_view(page)
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    # depth 2 and the type filter still work on the embedded data
    page.select_option("#depth", "2")
    page.wait_for_selector(f"body[data-focus='{FOCUS_ID}'][data-ready=true]")
    page.uncheck("#types input[data-type=filing]")
    drawn_types = set(page.evaluate("fkgExplorer.cy.nodes(':visible').map(n => n.data('type'))"))
    assert "filing" not in drawn_types and {"company", "person", "instrument"} <= drawn_types
    page.check("#types input[data-type=filing]")
    page.select_option("#depth", "1")
    page.wait_for_selector(f"body[data-focus='{FOCUS_ID}'][data-ready=true]")
    _screenshot(page, "explorer.png", tmp_path, publish=True)
    assert page.errors == []


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def live_server(view_store):
    from graph.view.web import ViewApp

    app = ViewApp(view_store, prefix="/view", documents_dir=FILINGS)
    server = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_live_explorer_fetches_neighbourhoods_from_the_server(page, live_server, tmp_path):
    page.goto(f"{live_server}/view/")
    _search_and_focus(page)
    _check_innovo_view(page)
    # a source link opens the document at the span
    link = page.locator("#panel a.doc").first
    href = link.get_attribute("href")
    assert href and href.startswith("/view/document?doc=")
    doc = page.context.new_page()
    doc.goto(live_server + href)
    marked = doc.locator("mark#span").inner_text()
    assert marked.strip()
    doc.close()
    _screenshot(page, "explorer-live.png", tmp_path)
    assert page.errors == []
