"""Crash safety: SIGKILL ``filing-kg build`` at random points; the store must survive whole.

A clean build of sample filings gives each document's reference triples. Then
several builds into fresh stores are killed with SIGKILL: two at a random time
after start (anywhere: start-up, extraction, writing), three at a random point
inside the write phase (a wrapper slows each commit and announces it, see
``slow_build.py``). After every kill the store must open (read-write, so no lock
is left, and read-only), conform to the SHACL shapes, hold nothing outside
document graphs, and hold every document either exactly as the clean build has
it or not at all. Finally a re-run over killed stores completes, skips the
documents already stored and ends with the full, valid store.

The seed is printed in every assertion message; ``FKG_FAULT_SEED`` replays a run.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FILINGS, ROOT
from tests.reliability.conftest import cli_env, run_cli

pytestmark = pytest.mark.slow

#: A quick, varied subset of the samples: SGML (old and new), plain text, HTML, XML.
FAULT_FILES = [
    "000_7210d5438e3bcbbd.txt",
    "001_d211dfa7cc6225bc.txt",
    "002_d72a9ef88ce946c1.txt",
    "24F-2NT_CommonSenseTrust_0000950129-95-001652.txt",
    "4_374Water_2025-05-02.xml",
    "4_ProductivityTech_0001094891-00-000193.txt",
    "8-K_5GWireless_2004-09-30.htm",
    "8-K_AppleComputer_0000912057-00-002128.txt",
    "EX-32.1_Apple_2025-05-02.htm",
]
RANDOM_KILLS = 2
WRITE_PHASE_KILLS = 3
WRITE_DELAY = 0.4  # seconds per document commit in the slowed runs
RERUNS = 2
SEED = int(os.environ.get("FKG_FAULT_SEED") or random.randrange(2**32))

Triples = frozenset[str]


def document_triples(store_path: Path) -> dict[str, Triples]:
    """doc id -> its graph's triples (as N-Triples-ish strings); also checks nothing lies outside them."""
    import pyoxigraph

    from graph.rdf.iri import graph_iri
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        ox = store.oxigraph
        docs = {}
        for doc_id in store.documents():
            name = pyoxigraph.NamedNode(str(graph_iri(doc_id)))
            docs[doc_id] = frozenset(f"{q.subject} {q.predicate} {q.object}"
                                     for q in ox.quads_for_pattern(None, None, None, name))
        assert len(store) == sum(len(t) for t in docs.values()), "quads outside the document graphs"
        assert store.unmarked_documents() == [], "a document graph without its completion marker"
    return docs


def shacl_conforms(store_path: Path) -> bool:
    from graph.rdf.validate import validate
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        return validate(store.dataset()).conforms


@dataclass
class Build:
    """A running build whose stderr is read on a thread, so commits can be waited for."""

    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    first_commit: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def start(cls, module: str, filings: Path, out: Path) -> "Build":
        proc = subprocess.Popen([sys.executable, "-m", module, "build", str(filings), "--out", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                env=cli_env(FKG_FAULT_WRITE_DELAY=str(WRITE_DELAY)))
        build = cls(proc)
        threading.Thread(target=build._read, daemon=True).start()
        return build

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("stored "):
                self.first_commit.set()

    def wait_for_first_commit(self, timeout: float) -> bool:
        """True once a document is committed; False if the build ends (or the time-out passes) first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            if self.first_commit.wait(0.05):
                return True
        return self.first_commit.is_set()

    def kill_after(self, seconds: float) -> int:
        """SIGKILL after ``seconds`` (unless it has finished by then); the exit status."""
        try:
            return self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.proc.send_signal(signal.SIGKILL)
            return self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def filings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fault") / "filings"
    folder.mkdir()
    for name in FAULT_FILES:
        shutil.copy(FILINGS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def clean(filings: Path) -> tuple[dict[str, Triples], float]:
    """Reference: each document's triples after an uninterrupted build, and how long it took."""
    out = filings.parent / "clean"
    started = time.monotonic()
    result = run_cli("build", str(filings), "--out", str(out))
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    docs = document_triples(out / "store")
    assert sorted(docs) == sorted(FAULT_FILES)
    return docs, took


def check_killed_store(store_path: Path, reference: dict[str, Triples], why: str) -> dict[str, Triples]:
    """The store after a kill: opens (lock gone), whole documents only, SHACL-valid. Returns what it holds."""
    from graph.store import open_store

    if not store_path.exists():
        return {}  # killed before the store was created: nothing half-written either
    present = document_triples(store_path)  # read-only, straight after the kill
    open_store(store_path).close()  # read-write: the dead process left no lock behind
    assert document_triples(store_path) == present, f"{why}: recovery changed the store"
    for doc_id, triples in present.items():
        assert doc_id in reference, f"{why}: unknown document {doc_id}"
        assert triples == reference[doc_id], (
            f"{why}: {doc_id} differs from the clean build "
            f"({len(triples)} vs {len(reference[doc_id])} triples)")
    assert shacl_conforms(store_path), f"{why}: store does not conform to the shapes"
    return present


def test_sigkill_at_random_points_leaves_whole_documents_and_a_rerun_resumes(filings, clean) -> None:
    reference, clean_seconds = clean
    rng = random.Random(SEED)
    killed: list[tuple[Path, dict[str, Triples]]] = []
    saw_commits = False
    for run in range(RANDOM_KILLS + WRITE_PHASE_KILLS):
        out = filings.parent / f"killed-{run}"
        if run < RANDOM_KILLS:
            delay = rng.uniform(0.5, clean_seconds)
            build = Build.start("graph.cli", filings, out)
            status = build.kill_after(delay)
            where = f"{delay:.2f} s after start"
        else:
            build = Build.start("tests.reliability.slow_build", filings, out)
            saw = build.wait_for_first_commit(timeout=4 * clean_seconds + 30)
            saw_commits |= saw
            delay = rng.uniform(0, (len(FAULT_FILES) - 1) * WRITE_DELAY * 0.9)
            status = build.kill_after(delay)
            where = f"{delay:.2f} s after the first commit" if saw else "at the time-out"
        why = f"run {run} (seed {SEED}, killed {where}, status {status})"
        assert status in (-signal.SIGKILL, 0), f"{why}: {build.lines[-5:]}"
        present = check_killed_store(out / "store", reference, why)
        killed.append((out, present))
        print(f"{why}: {len(present)} of {len(FAULT_FILES)} documents stored, all whole")
    if saw_commits:  # unless the pipeline stopped committing per document, some kill hit mid-write
        assert any(0 < len(p) < len(FAULT_FILES) for _, p in killed), f"seed {SEED}: no partial store"

    partial = sorted(killed, key=lambda k: -len(k[1]) if len(k[1]) < len(FAULT_FILES) else 1)[:RERUNS]
    for out, present in partial:
        result = run_cli("build", str(filings), "--out", str(out))
        why = f"re-run of {out.name} (seed {SEED})"
        assert result.returncode == 0, f"{why}: {result.stderr}"
        built = len(FAULT_FILES) - len(present)
        skipped = f", {len(present)} skipped (unchanged)" if present else ""
        assert re.search(rf"documents: {built} built{re.escape(skipped)}, 0 failed", result.stdout), result.stdout
        after = document_triples(out / "store")
        assert sorted(after) == sorted(FAULT_FILES), why
        assert all(after[d] == t for d, t in present.items()), f"{why}: a finished document changed"
        assert shacl_conforms(out / "store"), why
        print(f"{why}: {built} built, {len(present)} skipped, store whole and valid")
