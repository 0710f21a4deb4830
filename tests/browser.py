"""The headless Chromium fixtures, one instance for the whole session (loaded by tests/conftest.py).

The browser is Debian's ``chromium`` driven by Playwright (``executable_path``), not
Playwright's own download (which needs network). ``make test`` (the set-up step)
installs Chromium on a fresh root machine; pytest never installs anything and
skips the browser tests with one line where Chromium is missing. Defined once here
so every test module shares one Playwright session (a second sync session in the
same process fails).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


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
