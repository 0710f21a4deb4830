"""Issue 16: runaway queries are stopped on every kind of server (updates on, in-memory store), and
query workers see every committed update.

Every server listens on 127.0.0.1 (ephemeral port); every test is bounded in requests and seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyoxigraph as ox

from graph.serve import ServerConfig, running_server
from graph.serve.snapshots import Snapshots
from graph.store import open_store
from tests.serve.client import disk_store, get, quads, request, runaway_drill, serve_process

TOKEN = "s3cret-token-for-tests-0123456789"
JSON = {"Accept": "application/sparql-results+json"}

def ask(url: str, query: str) -> bool:
    status, body = get(url, query, headers=JSON, timeout=10)
    assert status == 200, body
    return json.loads(body)["boolean"]


def update(url: str, text: str) -> int:
    return request(url, "POST", body=text.encode(), timeout=10, headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})[0]


def snapshot_folders(store: Path) -> list[Path]:
    return sorted(store.parent.glob(f".{store.name}.snapshots-*"))


# ------------------------------------------------------------------ the acceptance test, updates on


def test_updates_enabled_server_stops_four_runaway_queries_and_its_workers_see_updates(tmp_path: Path) -> None:
    """`serve --allow-updates --timeout 5`: four runaway queries get 503, `ASK {}` answers within 1 s
    meanwhile, the process tree stays under 1 GB, and an update is visible to the next query (about 20 s)."""
    store = disk_store(tmp_path / "store", 6000)
    args = ["--timeout", "5", "--workers", "6", "--max-memory", "600", "--max-rows", "10",
            "--allow-updates", "--update-token", TOKEN]
    with serve_process("--store", str(store), *args) as (server, url):
        assert get(url, "ASK {}", timeout=30)[0] == 200  # workers are warm
        assert len(snapshot_folders(store)) == 1  # the workers read a snapshot, never the live folder

        drill = runaway_drill(url, server.pid)
        results, ask_times, peak = drill.results, drill.ask_times, drill.peak
        assert len(results) == 4
        for status, body, took in results:
            assert status == 503 and len(body.splitlines()) == 1, (status, body)
            assert b"timed out" in body or b"memory budget" in body, body
            assert took < 10
        assert max(ask_times) < 1.0, ask_times
        assert peak < 1 << 30, f"server tree peaked at {peak >> 20} MB"

        # the killed workers' replacements, and the survivors, answer from the updated state
        assert not ask(url, "ASK { <urn:new> ?p ?o }")
        assert update(url, 'INSERT DATA { GRAPH <urn:g1> { <urn:new> <urn:p> "fresh" } }') == 204
        for _ in range(8):  # every worker, whichever answers
            assert ask(url, "ASK { <urn:new> <urn:p> \"fresh\" }")
        assert update(url, "DELETE WHERE { GRAPH <urn:g1> { <urn:new> ?p ?o } }") == 204
        assert not ask(url, "ASK { <urn:new> ?p ?o }")
        assert len(snapshot_folders(store)) == 1
    assert snapshot_folders(store) == []  # SIGTERM stops the server cleanly: snapshots removed
    with open_store(store, read_only=True) as reopened:  # the updates went to the store itself, lock released
        assert reopened.oxigraph.contains_named_graph(ox.NamedNode("urn:g1"))  # the insert's graph, emptied
        assert not list(reopened.oxigraph.quads_for_pattern(ox.NamedNode("urn:new"), None, None))
        assert reopened.oxigraph.contains_named_graph(ox.NamedNode("urn:g0"))


# ------------------------------------------------------------------ in-memory stores


def test_in_memory_server_kills_a_runaway_query_and_keeps_answering() -> None:
    store = open_store(None)
    store.oxigraph.extend(quads(2000))
    with store, running_server(store, ServerConfig(timeout=2, workers=2)) as url:
        assert get(url, "ASK {}")[0] == 200
        workers = [p for p in psutil.Process().children() if "spawn_main" in " ".join(p.cmdline())]
        assert len(workers) == 2  # the query workers (not multiprocessing's resource tracker)
        start = time.monotonic()
        status, body = get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and b"timed out" in body and len(body.splitlines()) == 1
        assert time.monotonic() - start < 6
        gone, _ = psutil.wait_procs(workers, timeout=5)  # the runaway's worker was killed, not abandoned
        assert len(gone) == 1
        for _ in range(40):  # the other worker, or the replacement, answers
            status, _ = get(url, "ASK { <urn:s1> ?p ?o }", headers=JSON)
            if status == 200:
                break
            time.sleep(0.25)
        assert status == 200


def test_in_memory_server_with_updates_shows_each_update_to_the_next_query() -> None:
    store = open_store(None)
    store.oxigraph.extend(quads(3))
    config = ServerConfig(timeout=5, workers=2, allow_updates=True, update_token=TOKEN)
    with store, running_server(store, config) as url:
        for i in range(3):
            assert not ask(url, f"ASK {{ <urn:added{i}> ?p ?o }}")
            assert update(url, f'INSERT DATA {{ GRAPH <urn:g1> {{ <urn:added{i}> <urn:p> "x" }} }}') == 204
            assert ask(url, f"ASK {{ <urn:added{i}> ?p ?o }}")
            assert ask(url, f"ASK {{ <urn:added{i}> ?p ?o }}")  # the other worker too
        status, body = get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", headers=JSON)
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "6"


# ------------------------------------------------------------------ snapshots


def test_snapshots_copy_the_committed_state_and_are_removed_when_unused(tmp_path: Path) -> None:
    live = ox.Store()
    live.extend(quads(5))
    snaps = Snapshots(live)
    first = snaps.current
    live.add(ox.Quad(ox.NamedNode("urn:later"), ox.NamedNode("urn:p"), ox.Literal("y")))
    second = snaps.take()
    assert second != first
    assert len(ox.Store.read_only(first)) == 5 and len(ox.Store.read_only(second)) == 6
    third = snaps.take()
    snaps.prune(in_use={first})  # a worker still reads the first: only the second goes
    assert Path(first).is_dir() and not Path(second).exists() and Path(third).is_dir()
    snaps.prune(in_use=set())
    assert not Path(first).exists() and Path(third).is_dir()
    snaps.close()
    assert not snaps.root.exists()


def test_snapshots_of_a_store_folder_sit_beside_it_and_stale_ones_are_removed(tmp_path: Path) -> None:
    folder = disk_store(tmp_path / "store", 4)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".store.snapshots-{dead.pid}-abcd1234"
    (stale / "000001").mkdir(parents=True)
    unrelated = tmp_path / ".other.snapshots-1-abcd1234"
    unrelated.mkdir()
    with open_store(folder) as store:
        snaps = Snapshots(store.oxigraph, folder)
        assert snaps.root.parent == tmp_path and not stale.exists() and unrelated.exists()
        later = ox.Quad(ox.NamedNode("urn:later"), ox.NamedNode("urn:p"), ox.Literal("y"))
        assert later not in ox.Store.read_only(snaps.current)
        store.oxigraph.add(later)
        assert later in ox.Store.read_only(snaps.take())  # read while the writer still holds the store
        snaps.close()
    assert snapshot_folders(folder) == []
