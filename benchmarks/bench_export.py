"""Benchmark every export format on a store of at least 100,000 quads.

    .venv/bin/python benchmarks/bench_export.py [--quads 100000] [--filings data/filings] [--keep DIR]

Builds a store from the sample filings, then replicates its documents under distinct
ids (every instance IRI gets a replica prefix, so entities, positions and assertions
multiply too, not only the document graphs) until the store holds the wanted number
of quads. Each registered format then exports the whole store; the table gives
wall time and peak memory per format.

Time is measured without tracing; peak memory is a second run under ``tracemalloc``
(Python allocations: rdflib, networkx and the writers; Oxigraph's native buffers are
not counted). The ``neo4j`` push runs against a stubbed driver unless ``NEO4J_URI``
is set, so it measures the projection and batching, not a server.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ID = "https://w3id.org/filing-kg/id/"


def build_base(filings: Path):
    """A GraphStore (in memory) with the sample filings."""
    from graph.pipeline import extract_paths
    from graph.rdf.build import document_graph
    from graph.store import open_store

    result = extract_paths([str(filings)])
    store = open_store(None)
    for ex in result.extractions:
        store.replace_document(ex.doc_id, document_graph(ex))
    return store


def replicate(store, target: int) -> int:
    """Add renamed copies of the stored quads until ``len(store) >= target``; returns the replica count."""
    import pyoxigraph as ox

    base = ox.serialize(store.oxigraph.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS)
    text = base.decode("utf-8")
    size = len(store)
    copies = 0
    doc_pattern = re.compile(re.escape("<" + ID) + r"(graph|document)/")
    other_pattern = re.compile(re.escape("<" + ID) + r"(?!graph/|document/)")
    while len(store) < target:
        copies += 1
        renamed = doc_pattern.sub(lambda m: f"<{ID}{m[1]}/r{copies}-", text)
        renamed = other_pattern.sub(f"<{ID}r{copies}/", renamed)
        store.oxigraph.load(renamed.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        if len(store) <= size:
            raise RuntimeError("replication added nothing")
        size = len(store)
    return copies


@contextmanager
def stub_neo4j():
    """Replace the driver with one that accepts every query, when no server is configured."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    import neo4j

    class _Stub:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def verify_connectivity(self):
            return None

        def execute_query(self, query_, parameters_=None, **kwargs):
            return None

    original = neo4j.GraphDatabase.driver
    neo4j.GraphDatabase.driver = lambda uri, auth=None, **config: _Stub()  # type: ignore[method-assign]
    os.environ.setdefault("NEO4J_AUTH", "none")
    try:
        yield "bolt://stub:7687"
    finally:
        neo4j.GraphDatabase.driver = original  # type: ignore[method-assign]


def run_one(exporter, store, out: Path, uri: str):
    from graph.export import export

    destination = uri if exporter.kind == "push" else out / (exporter.name + (exporter.suffix or ""))
    return export(exporter.name, store, destination)


def measure(exporter, store, out: Path, uri: str, trace: bool) -> tuple[float, int | None, dict[str, int]]:
    gc.collect()
    start = time.perf_counter()
    result = run_one(exporter, store, out, uri)
    seconds = time.perf_counter() - start
    peak = None
    if trace:
        gc.collect()
        tracemalloc.start()
        run_one(exporter, store, out, uri)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak, result.counts


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=100_000, help="minimum store size in quads (default 100000)")
    parser.add_argument("--filings", type=Path, default=ROOT / "data" / "filings")
    parser.add_argument("--formats", nargs="*", help="only these formats (default: all registered)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run (halves the time)")
    parser.add_argument("--keep", type=Path, help="write the exports here and keep them")
    args = parser.parse_args(argv)

    from graph.export import formats

    t0 = time.perf_counter()
    store = build_base(args.filings)
    base = len(store)
    copies = replicate(store, args.quads)
    print(f"store: {len(store)} quads in {len(store.documents())} document graphs "
          f"({base} from the filings x {copies + 1}), built in {time.perf_counter() - t0:.1f}s", flush=True)

    out = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    chosen = [e for e in formats() if not args.formats or e.name in args.formats]
    rows = []
    with stub_neo4j() as uri:
        for exporter in chosen:
            seconds, peak, counts = measure(exporter, store, out, uri, trace=not args.no_memory)
            target = out / (exporter.name + (exporter.suffix or ""))
            written = size_of(target) if exporter.kind != "push" else 0
            rows.append((exporter.name, seconds, peak, written, counts))
            print(f"  {exporter.name:<12} {seconds:7.2f}s", flush=True)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)

    print()
    print("| format | time (s) | peak Python memory (MiB) | output (MiB) | written |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, seconds, peak, written, counts in rows:
        mem = f"{peak / 2**20:.0f}" if peak is not None else "-"
        what = ", ".join(f"{k} {v}" for k, v in counts.items())
        note = " (stub driver)" if name == "neo4j" and not os.environ.get("NEO4J_URI") else ""
        print(f"| {name} | {seconds:.2f} | {mem} | {written / 2**20:.1f} | {what}{note} |")
    print(f"\nprocess peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
