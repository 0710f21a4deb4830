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
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _serving(app) -> Iterator[str]:
    """``app`` on a WSGI server on 127.0.0.1 (ephemeral port) in a background thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def live_server(view_store):
    from graph.view.web import ViewApp

    with _serving(ViewApp(view_store, prefix="/view", documents_dir=FILINGS)) as url:
        yield url


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


# ---------------------------------------------------------------------- at scale (invented hub of 120 shareholders)

from tests.view import synthetic as syn  # noqa: E402

GROUP_ID = f"group:{syn.HUB}|SHAREHOLDER_OF|in"


def _drawn(page) -> set[str]:
    return set(page.evaluate("fkgExplorer.cy.nodes().map(n => n.id())"))


def _run(page, statement: str) -> None:
    """Run JS for its effect only, returning nothing to Python.

    ``page.evaluate`` serialises whatever the expression yields; a cytoscape collection
    (what ``select()`` or ``emit()`` return) drags the whole cy core and renderer along:
    gigabytes of heap and a V8 out-of-memory crash of the renderer.
    """
    page.evaluate(f"() => {{ {statement}; }}")


def _focus_hub(page) -> None:
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#search", "Marrowfield")
    page.wait_for_selector("#results li")
    page.locator("#results li").first.click()
    page.wait_for_selector(f"body[data-focus='{syn.HUB}'][data-ready=true]")


def _check_group_expands_and_collapses(page) -> None:
    drawn = _drawn(page)
    assert GROUP_ID in drawn and not drawn & set(syn.HOLDERS)  # one group node instead of a ring of 120
    assert page.evaluate(f"fkgExplorer.cy.getElementById('{GROUP_ID}').data('display')") == "120 shareholders"
    assert len(drawn) < 12
    _run(page, f"fkgExplorer.cy.getElementById('{GROUP_ID}').emit('tap')")  # a click on the group node
    page.wait_for_selector(f"body[data-expanded='{GROUP_ID}']")
    drawn = _drawn(page)
    assert len(drawn & set(syn.HOLDERS)) == 50 and GROUP_ID in drawn  # a page of members, the rest still grouped
    assert page.evaluate(f"fkgExplorer.cy.getElementById('{GROUP_ID}').data('display')").startswith("+70 more")
    for _ in range(2):
        page.locator("#panel button.expand-group").click()
    drawn = _drawn(page)
    assert set(syn.HOLDERS) <= drawn and GROUP_ID not in drawn
    assert page.evaluate(f"fkgExplorer.cy.getElementById('{syn.HUB}').length") == 1  # nothing drawn was lost
    page.locator("#panel button.collapse-group").first.click()
    drawn = _drawn(page)
    assert GROUP_ID in drawn and not drawn & set(syn.HOLDERS)


def _select(page, node_id: str) -> None:
    _run(page, f"fkgExplorer.cy.elements().unselect(); fkgExplorer.cy.getElementById('{node_id}').select().emit('tap')")
    page.wait_for_selector("#panel .title")


def _check_path(page) -> None:
    _select(page, syn.BRIDGE)
    page.locator("#expand-here").click()  # expand in place: Quillon joins the picture, nothing goes away
    page.wait_for_function(f"fkgExplorer.cy.getElementById('{syn.OTHER}').length === 1")
    assert syn.HUB in _drawn(page) and GROUP_ID in _drawn(page)
    _select(page, syn.OTHER)
    page.locator("#path-from").click()
    _select(page, syn.HUB)
    page.locator("#path-to").click()
    page.wait_for_selector(f"body[data-path='{syn.OTHER} {syn.BRIDGE} {syn.HUB}']")
    assert page.evaluate("fkgExplorer.cy.edges('.path').length") == 2
    assert page.evaluate("fkgExplorer.cy.nodes('.path').map(n => n.id()).sort()") == sorted([syn.OTHER, syn.BRIDGE, syn.HUB])
    assert "Odile Brannock" in page.locator("#status").inner_text()
    page.click("#clear-path")
    assert page.evaluate("fkgExplorer.cy.elements('.path, .faded').length") == 0


def _check_filter_counts(page) -> None:
    before = page.locator("#notice").inner_text()
    assert before.startswith("showing ")
    person_count = page.locator("#types input[data-type=person] ~ .count").inner_text()
    assert int(person_count) >= 120
    page.uncheck("#types input[data-type=person]")
    after = page.locator("#notice").inner_text()
    assert after != before and int(after.split()[1]) < int(before.split()[1])
    page.check("#types input[data-type=person]")
    assert page.locator("#notice").inner_text() == before
    page.uncheck("#relations input[data-relation=SHAREHOLDER_OF]")
    assert int(page.locator("#notice").inner_text().split()[1]) < int(before.split()[1])
    page.check("#relations input[data-relation=SHAREHOLDER_OF]")


def test_offline_explorer_groups_a_hub_expands_finds_paths_and_shows_source_spans(page, tmp_path):
    from graph.view.html import write_explorer

    docs = syn.write_documents(tmp_path / "docs")
    out = write_explorer(tmp_path / "hub.html", syn.hub_graph(), documents_dir=docs)
    page.route("http*://**", lambda route: route.abort())
    page.goto(out.as_uri())
    _focus_hub(page)
    _check_filter_counts(page)
    _check_group_expands_and_collapses(page)
    # the source link opens the text in the page, the span highlighted and in view
    _select(page, syn.HUB)
    page.locator("#panel a.doc[data-doc='doc-1.txt']").first.click()
    page.wait_for_selector("#viewer:not([hidden]) mark#span")
    assert page.locator("#viewer mark#span").inner_text() == syn.SPAN
    assert page.locator("#viewer-title").inner_text().startswith("doc-1.txt")
    assert page.evaluate("(() => { const r = document.getElementById('span').getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    _screenshot(page, "explorer-source.png", tmp_path)
    page.click("#viewer-close")
    _check_path(page)
    _screenshot(page, "explorer-path.png", tmp_path)
    assert page.errors == []


@pytest.fixture
def hub_server():
    from graph.view.web import ViewApp

    with _serving(ViewApp(syn.hub_graph(), prefix="/view")) as url:
        yield url


def test_live_explorer_groups_a_hub_and_asks_the_server_for_paths(page, hub_server, tmp_path):
    page.goto(f"{hub_server}/view/")
    _focus_hub(page)
    _check_group_expands_and_collapses(page)
    _check_path(page)
    assert "filing-kg view" not in page.locator("#notice").inner_text()  # no option the server does not have
    assert page.errors == []
