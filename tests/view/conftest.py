"""Fixtures of the view tests: a store built from sample filings, its view graph, and a headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (``executable_path``), not
Playwright's own download (which needs network). ``make test`` (the set-up step)
installs Chromium on a fresh root machine; pytest never installs anything and
skips the browser tests with one line where Chromium is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FILINGS, INNOVO

VIEW_FILINGS = [*INNOVO, FILINGS / "EX-21.1_Apple_10-K-FY2025.htm", FILINGS / "D_1685-38th-REIT_2023-01-27.xml"]
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "img"


@pytest.fixture(scope="session")
def view_store_path(tmp_path_factory) -> Path:
    """An on-disk store (closed again, so tests and CLI runs can open it read-only) of the Innovo, Apple and REIT filings."""
    from graph.config import Settings
    from graph.pipeline import build_into_store
    from graph.store import open_store

    path = tmp_path_factory.mktemp("view") / "store"
    with open_store(path) as store:
        result = build_into_store([str(p) for p in VIEW_FILINGS], store, Settings())
    assert not result.failures
    return path


@pytest.fixture(scope="session")
def view_store(view_store_path):
    from graph.store import open_store

    store = open_store(view_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def view_graph(view_store):
    from graph.view import load_view_graph

    return load_view_graph(view_store)


def _find_chromium() -> str | None:
    for candidate in (os.environ.get("FILING_KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of a Chromium binary, or a skip saying how to get one (``make browser``)."""
    found = _find_chromium()
    if not found:
        pytest.skip("no Chromium: run `make browser` (Debian's chromium) or set FILING_KG_CHROMIUM")
    return found


@pytest.fixture(scope="session")
def browser(chromium_path, tmp_path_factory):
    """A headless Chromium (fresh profile, no background networking) for the session."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra: pip install -e '.[test]'")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1440, "height": 900}, timeout=60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser):
    """A new page; JavaScript errors fail the test (collected in ``page.errors``)."""
    pg = browser.new_page()
    pg.set_default_timeout(20_000)
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    yield pg
    pg.close()
