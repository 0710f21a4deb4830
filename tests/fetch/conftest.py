"""The local EDGAR server (127.0.0.1 only) and fetcher settings that point at it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.fetch.config import FetchSettings
from tests.fetch.edgar_server import start_server

USER_AGENT = "filing-kg tests tests@example.com"


@pytest.fixture(scope="session")
def _server():
    state, httpd = start_server()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Never route 127.0.0.1 through a proxy configured in the environment."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def edgar(_server):
    """The running server, with an empty request log and no pending faults."""
    _server.clear()
    yield _server
    _server.clear()


@pytest.fixture
def settings(edgar, tmp_path):
    """Settings aimed at the local server, with a fresh cache and short back-off."""
    return FetchSettings(
        user_agent=USER_AGENT,
        data_url=edgar.url,
        archives_url=edgar.url,
        cache_dir=tmp_path / "cache",
        backoff=0.01,
        max_backoff=0.05,
        retries=3,
        timeout=5.0,
        workers=1,
    )


FILING_KG = Path(sys.executable).with_name("filing-kg")


@dataclass
class CliRun:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("error:")]

    def one_error(self) -> str:
        """Assert the run failed cleanly: exit status 1, no traceback, exactly one ``error:`` line; return it."""
        assert self.code == 1, (self.code, self.stdout, self.stderr)
        assert "Traceback" not in self.stderr + self.stdout, self.stderr
        assert len(self.errors) == 1, self.stderr
        return self.errors[0]


@pytest.fixture
def cli(edgar, tmp_path):
    """Run the real ``filing-kg`` executable (a subprocess, so a traceback would show) against the local server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FILING_KG_")}
    env.update(
        FILING_KG_EDGAR_DATA_URL=edgar.url,
        FILING_KG_EDGAR_ARCHIVES_URL=edgar.url,
        FILING_KG_CACHE_DIR=str(tmp_path / "cli-cache"),
        FILING_KG_USER_AGENT=USER_AGENT,
        no_proxy="127.0.0.1,localhost",
        NO_PROXY="127.0.0.1,localhost",
    )

    def run(*args: str, **extra_env: str) -> CliRun:
        proc = subprocess.run([str(FILING_KG), *args], env={**env, **extra_env}, capture_output=True, text=True, timeout=20, cwd=tmp_path)
        return CliRun(proc.returncode, proc.stdout, proc.stderr)

    return run
