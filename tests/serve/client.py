"""HTTP helpers of the endpoint tests: requests, a small on-disk store, and the runaway-query drill.

Shared by tests/serve and tests/reliability so the acceptance drills (four
runaway queries while ``ASK {}`` must still answer) run the same way on
every kind of server.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pyoxigraph as ox

from graph.store import open_store

#: cross products that run for minutes and grow without bound unless stopped
RUNAWAY = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ORDER BY DESC(?n)",
    "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
]


def request(url: str, method: str = "GET", target: str = "", body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, target or parts.path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def get(url: str, query: str, **kw) -> tuple[int, bytes]:
    return request(url, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), **kw)


def quads(n: int) -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), ox.NamedNode("urn:g0"))
            for i in range(n)]


def disk_store(path: Path, n: int = 3) -> Path:
    with open_store(path) as store:
        store.oxigraph.extend(quads(n))
    return path


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children, in bytes."""
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def endpoint_of(server: subprocess.Popen, wait: float = 30) -> str:
    """The URL a ``filing-kg serve`` child announces on stderr; the rest of its stderr is drained."""
    line = ""
    deadline = time.monotonic() + wait
    while "SPARQL endpoint:" not in line and time.monotonic() < deadline:
        line = server.stderr.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/sparql)", line)
    assert match, line
    def drain() -> None:  # until the server exits (readline then returns "" for ever)
        for _ in iter(server.stderr.readline, ""):
            pass

    threading.Thread(target=drain, daemon=True).start()
    return match.group(1)


@contextmanager
def serve_process(*args: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """``filing-kg serve ARGS`` in a child process on an ephemeral port: (process, endpoint URL); stopped after."""
    cmd = [sys.executable, "-m", "graph.cli", "serve", "--port", "0", *args]
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield server, endpoint_of(server)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@dataclass
class Drill:
    """What the runaway drill saw: each runaway's (status, body, seconds), ASK latencies, peak tree RSS."""

    results: list[tuple[int, bytes, float]] = field(default_factory=list)
    ask_times: list[float] = field(default_factory=list)
    peak: int = 0


def runaway_drill(url: str, pid: int, queries: list[str] = RUNAWAY, watch: float = 7) -> Drill:
    """Start ``queries`` in parallel, then ask ``ASK {}`` three times while watching the server's memory."""
    drill = Drill()

    def runaway(query: str) -> None:
        start = time.monotonic()
        status, body = get(url, query, timeout=30)
        drill.results.append((status, body, time.monotonic() - start))

    threads = [threading.Thread(target=runaway, args=(q,)) for q in queries]
    for t in threads:
        t.start()
    end = time.monotonic() + watch
    while time.monotonic() < end:
        drill.peak = max(drill.peak, tree_rss(pid))
        if len(drill.ask_times) < 3 and time.monotonic() > end - (watch - 1):
            start = time.monotonic()
            status, _ = get(url, "ASK {}", timeout=5)
            assert status == 200
            drill.ask_times.append(time.monotonic() - start)
        time.sleep(0.05)
    for t in threads:
        t.join(timeout=20)
    drill.peak = max(drill.peak, tree_rss(pid))
    return drill
