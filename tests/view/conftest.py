"""Fixtures of the view tests: a store built from sample filings and its view graph (the browser is in tests/browser.py).

The browser is Debian's ``chromium`` driven by Playwright (``executable_path``), not
Playwright's own download (which needs network). ``make test`` (the set-up step)
installs Chromium on a fresh root machine; pytest never installs anything and
skips the browser tests with one line where Chromium is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FILINGS, INNOVO

VIEW_FILINGS = [*INNOVO, FILINGS / "EX-21.1_Apple_10-K-FY2025.htm", FILINGS / "D_1685-38th-REIT_2023-01-27.xml"]
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


