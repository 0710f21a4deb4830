"""Failures the user causes are one ``error:`` line on stderr, never a traceback (real processes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store import open_store

CLI = [sys.executable, "-m", "graph.cli"]
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def one_error_line(res: subprocess.CompletedProcess[str]) -> str:
    assert res.returncode == 1, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr + res.stdout
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    return lines[0]


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-errors") / "store"
    with open_store(path):
        pass
    return path


def test_serve_on_a_port_in_use(empty_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        line = one_error_line(run("serve", "--store", str(empty_store), "--port", str(port), timeout=60))
    assert f"port {port}" in line and "in use" in line


def test_export_neo4j_over_http_is_refused(empty_store):
    line = one_error_line(run("export", "neo4j", "--uri", "http://localhost:7474", "--store", str(empty_store),
                              env={"NEO4J_AUTH": "none"}))
    assert "unsupported Neo4j URI scheme http://" in line and "bolt://" in line


def test_unknown_query_name_suggests_the_closest(empty_store):
    line = one_error_line(run("query", "officerz", "--store", str(empty_store)))
    assert line == "error: no query named officerz (did you mean officers?)"


@pytest.mark.parametrize("command", [["stats"], ["query", "entities"]])
def test_a_folder_that_is_not_a_store(tmp_path, command):
    (tmp_path / "notes.txt").write_text("not a store")
    line = one_error_line(run(*command, "--store", str(tmp_path)))
    assert "is not a store" in line and "CURRENT" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing created in it


def test_a_non_filing_is_reported_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    res = run("build", str(src), "--memory", "--out", str(tmp_path / "out"))
    line = one_error_line(res)
    assert "empty.txt" in line
