"""``filing-kg fetch`` and ``filing-kg build --cik`` against the local EDGAR server."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FILINGS
from tests.fetch.conftest import USER_AGENT

APPLE_8K = FILINGS / "8-K_AppleComputer_0000912057-00-002128.txt"


@pytest.fixture
def env(edgar, tmp_path, monkeypatch):
    """Point the CLI at the local server through the environment (the settings real users would set)."""
    monkeypatch.setenv("FILING_KG_EDGAR_DATA_URL", edgar.url)
    monkeypatch.setenv("FILING_KG_EDGAR_ARCHIVES_URL", edgar.url)
    monkeypatch.setenv("FILING_KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FILING_KG_USER_AGENT", USER_AGENT)
    return tmp_path


def test_fetch_command(env, edgar):
    out = env / "filings"
    res = CliRunner().invoke(main, ["fetch", "--ticker", "AAPL", "--forms", "8-K", "--until", "2001-12-31", "--to", str(out)])
    assert res.exit_code == 0, res.output
    assert "0000912057-00-002128  2000-01-24  8-K" in res.output
    assert "company:   Apple Inc. (CIK 320193)" in res.output
    assert "filings:   1 matched: 1 downloaded, 0 cached" in res.output
    assert (out / "320193" / "0000912057-00-002128.txt").read_bytes() == APPLE_8K.read_bytes()
    again = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--forms", "8-K", "--until", "2001-12-31", "--to", str(out), "--offline"])
    assert again.exit_code == 0 and "0 downloaded, 1 cached" in again.output and "requests:  0" in again.output


def test_base_urls_and_user_agent_as_options(edgar, tmp_path, monkeypatch):
    monkeypatch.delenv("FILING_KG_USER_AGENT", raising=False)
    args = ["fetch", "--cik", "723533", "--to", str(tmp_path / "o"), "--cache-dir", str(tmp_path / "c"), "--data-url", edgar.url, "--archives-url", edgar.url]
    res = CliRunner().invoke(main, args + ["--user-agent", "Jane Doe jane@example.com", "--rate", "5"])
    assert res.exit_code == 0, res.output
    assert edgar.hits[-1].headers["User-Agent"] == "Jane Doe jane@example.com"


def test_missing_user_agent_is_a_one_line_error(env, edgar, monkeypatch):
    monkeypatch.delenv("FILING_KG_USER_AGENT")
    res = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--to", str(env / "o")])
    assert res.exit_code == 1 and res.output.startswith("error: EDGAR needs a User-Agent") and "FILING_KG_USER_AGENT" in res.output
    assert len(res.output.strip().splitlines()) == 1 and edgar.hits == []
    res = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--to", str(env / "o"), "--user-agent", "my-script/1.0"])
    assert res.exit_code == 1 and "no contact e-mail" in res.output


def test_unknown_ticker_and_http_failure_are_one_line_errors(env, edgar):
    res = CliRunner().invoke(main, ["fetch", "--ticker", "NOPE1", "--to", str(env / "o")])
    assert res.exit_code == 1 and res.output.startswith("error: unknown ticker 'NOPE1'")
    edgar.inject("/submissions/CIK0000320193.json", *[("429", 0)] * 10)
    res = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--to", str(env / "o")])
    assert res.exit_code == 1
    assert res.output.strip() == f"error: {edgar.url}/submissions/CIK0000320193.json: HTTP 429, gave up after 6 attempts"


def test_failed_filing_gives_exit_status_1_and_the_others_arrive(env, edgar):
    res = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--forms", "8-K,10-K", "--since", "2000-01-01", "--until", "2024-12-31", "--to", str(env / "o")])
    assert res.exit_code == 1
    assert "error: 0000320193-24-000123: " in res.output and "HTTP 404" in res.output
    assert (env / "o" / "320193" / "0000912057-00-002128.txt").is_file()


def test_dry_run_and_usage_errors(env, edgar):
    res = CliRunner().invoke(main, ["fetch", "--cik", "320193", "--forms", "10-K", "--to", str(env / "o"), "--dry-run"])
    assert res.exit_code == 0 and "2 matched (dry run" in res.output and not (env / "o").exists()
    res = CliRunner().invoke(main, ["fetch", "--to", str(env / "o")])
    assert res.exit_code == 2 and "--cik or --ticker" in res.output
    res = CliRunner().invoke(main, ["fetch", "--cik", "1", "--ticker", "AAPL", "--to", str(env / "o")])
    assert res.exit_code == 2
    res = CliRunner().invoke(main, ["build"])
    assert res.exit_code == 2 and "SOURCES" in res.output


def test_build_fetches_then_builds(env, edgar):
    out = env / "out"
    res = CliRunner().invoke(main, ["build", "--cik", "320193", "--forms", "8-K", "--until", "2001-12-31", "--out", str(out), "--memory"])
    assert res.exit_code == 0, res.output
    assert f"fetched:   1 files of 1 filings (1 downloaded, 0 cached, 0 failed) into {out / 'filings'}" in res.output
    assert "documents: 1 built, 0 failed" in res.output
    assert (out / "filings" / "320193" / "0000912057-00-002128.txt").is_file()
    assert "cik-320193" in (out / "graph.ttl").read_text(encoding="utf-8")
