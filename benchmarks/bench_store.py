"""Store benchmark: load rate and query latency through the project vs raw pyoxigraph vs rdflib.

    .venv/bin/python benchmarks/bench_store.py [--filings data/filings] [--min-quads 100000] [--runs 7]

Builds the sample filings once (the real pipeline), replicates the document
graphs with fresh IRIs (``id/r<k>/...``, one named graph per replica document)
until the store holds at least ``--min-quads`` quads, then reports, in one
run and on the same data:

* load rate: the project's ``GraphStore.replace_document`` (rdflib graph ->
  atomic SPARQL update per document) and raw ``pyoxigraph.Store.extend``, into
  fresh on-disk stores;
* for every shipped query (``ontology/queries/*.rq``, unbound): the median
  latency through the project (``GraphStore.query`` on its merged default
  graph, each triple once: rows of rdflib terms), through plain pyoxigraph on a
  store of the same quads queried with ``use_default_graph_as_union`` (rows of
  pyoxigraph terms; a triple counts once per document graph stating it), and
  through rdflib's in-memory ``Dataset`` (default union graph, a set), as ratios.
  Row counts of the union can be higher than the project's (duplicates).

Target: the project within 1.3x of raw pyoxigraph. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import math
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import Dataset, Graph  # noqa: E402

from graph.pipeline import build_into_store  # noqa: E402
from graph.query.library import list_queries  # noqa: E402
from graph.rdf.convert import from_ox  # noqa: E402
from graph.rdf.iri import GRAPH_PREFIX, doc_id_from_graph_iri  # noqa: E402
from graph.rdf.namespaces import ID, PREFIXES  # noqa: E402
from graph.store import open_store  # noqa: E402
from graph.store.merged import document_quads  # noqa: E402

FILE_NAME = "https://w3id.org/filing-kg/ontology#fileName"


def replicate(quads: list[ox.Quad], copies: int) -> list[ox.Quad]:
    """``copies`` disjoint copies of the dataset: every instance IRI and document name gets a replica tag."""
    out: list[ox.Quad] = []
    base = str(ID)

    def iri(term: Any, k: int) -> Any:
        if k == 0 or not isinstance(term, ox.NamedNode) or not term.value.startswith(base):
            return term
        if term.value.startswith(GRAPH_PREFIX):
            return ox.NamedNode(GRAPH_PREFIX + f"r{k}." + term.value[len(GRAPH_PREFIX):])
        return ox.NamedNode(base + f"r{k}/" + term.value[len(base):])

    for k in range(copies):
        for q in quads:
            obj = q.object
            if k and q.predicate.value == FILE_NAME and isinstance(obj, ox.Literal):
                obj = ox.Literal(f"r{k}.{obj.value}")
            out.append(ox.Quad(iri(q.subject, k), q.predicate, iri(obj, k), iri(q.graph_name, k)))
    return out


def by_graph(quads: list[ox.Quad]) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for q in quads:
        g = graphs.setdefault(q.graph_name.value, Graph())
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return graphs


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


class Budget(Exception):
    pass


def with_budget(seconds: float, fn: Callable[[], Any]) -> tuple[float | None, Any]:
    """Run ``fn`` (pure Python, e.g. rdflib) under a wall-clock budget.

    ``(None, None)`` if it ran out, ``(None, exception)`` if it failed (rdflib's
    evaluator rejects some valid queries, e.g. GROUP_CONCAT over an unbound variable).
    """
    def alarm(signum: int, frame: Any) -> None:
        raise Budget()

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return timed(fn)
    except Budget:
        return None, None
    except Exception as exc:  # noqa: BLE001 - report, do not abort the benchmark
        return None, exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--filings", default=str(ROOT / "data" / "filings"))
    ap.add_argument("--min-quads", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7, help="timed runs per query (median reported)")
    ap.add_argument("--rdflib-budget", type=float, default=30.0, help="seconds allowed per rdflib query run")
    args = ap.parse_args()

    print(f"building {args.filings} ...", file=sys.stderr)
    with open_store(None) as sample:
        result = build_into_store([args.filings], sample)
        base = list(document_quads(sample.oxigraph))  # the document graphs (the merge is derived)
    copies = max(1, math.ceil(args.min_quads / len(base)))
    quads = replicate(base, copies)
    graphs = by_graph(quads)
    print(f"sample: {len(result.extractions)} documents, {len(base)} quads; x{copies} = "
          f"{len(quads)} quads in {len(graphs)} document graphs", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        # ---------------------------------------------------------------- load
        with open_store(Path(tmp) / "project") as store:
            def load_project() -> None:
                for name, g in graphs.items():
                    store.replace_document(doc_id_from_graph_iri(name) or name, g)
            t_project_load, _ = timed(load_project)
            n_project = len(store)
        raw_store = ox.Store(str(Path(tmp) / "raw"))
        t_raw_load, _ = timed(lambda: raw_store.extend(quads))
        assert len(raw_store) == n_project == len(quads), (len(raw_store), n_project, len(quads))

        # ---------------------------------------------------------------- queries
        dataset = Dataset(default_union=True)
        for q in quads:
            dataset.graph(from_ox(q.graph_name)).add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))

        with open_store(Path(tmp) / "project", read_only=True) as store:
            raw = raw_store
            rows_out: list[tuple[str, int, float, float, float | None]] = []
            failed: set[str] = set()
            for nq in list_queries():
                text = nq.text

                def project() -> int:
                    rows = store.query(text)
                    return len(rows) if isinstance(rows, list) else 1

                def pyoxigraph() -> int:
                    res = raw.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
                    names = [v for v in res.variables]
                    return len([[s[v] for v in names] for s in res])

                n_rows = project()  # warm-up (and the row count)
                n_union = pyoxigraph()
                if n_union != n_rows:
                    print(f"note: the union gives {n_union} rows for {nq.name}, the merged graph {n_rows}", file=sys.stderr)
                t_project: list[float] = []
                t_raw: list[float] = []
                for _ in range(args.runs):  # interleaved, so drift hits both alike
                    t_project.append(timed(project)[0])
                    t_raw.append(timed(pyoxigraph)[0])
                t_rdflib, n_rdflib = with_budget(args.rdflib_budget, lambda: len(list(dataset.query(text, initNs=PREFIXES))))
                if isinstance(n_rdflib, Exception):
                    print(f"note: rdflib failed on {nq.name}: {type(n_rdflib).__name__}: {n_rdflib}", file=sys.stderr)
                    failed.add(nq.name)
                elif n_rdflib is not None and n_rdflib != n_rows:
                    print(f"note: rdflib returned {n_rdflib} rows for {nq.name}, Oxigraph {n_rows}", file=sys.stderr)
                rows_out.append((nq.name, n_rows, statistics.median(t_project), statistics.median(t_raw), t_rdflib))
                print(f"  {nq.name}: project {statistics.median(t_project):.3f}s, pyoxigraph {statistics.median(t_raw):.3f}s, "
                      f"rdflib {t_rdflib if t_rdflib is not None else '-'}", file=sys.stderr)

    # -------------------------------------------------------------------- report
    print(f"\nstore: {len(quads):,} quads, {len(graphs)} document graphs ({copies} replicas of {len(base):,})")
    print(f"load rate  project (replace_document): {len(quads) / t_project_load:>10,.0f} quads/s  ({t_project_load:.2f} s)")
    print(f"load rate  raw pyoxigraph (extend):     {len(quads) / t_raw_load:>10,.0f} quads/s  ({t_raw_load:.2f} s)")
    print(f"\nmedian latency of {args.runs} runs (rdflib: one run, budget {args.rdflib_budget:g} s; "
          "error = rdflib cannot evaluate the query)\n")
    head = f"{'query':<15} {'rows':>7} {'project ms':>11} {'pyoxigraph ms':>14} {'rdflib ms':>10} {'project/oxi':>12} {'rdflib/oxi':>11}"
    print(head)
    print("-" * len(head))
    ratios = []
    for name, n, tp, tr, tl in rows_out:
        ratio = tp / tr
        ratios.append(ratio)
        over = "error" if name in failed else ">" + format(args.rdflib_budget, "g") + "s"
        rdflib_ms = f"{tl * 1000:10.1f}" if tl is not None else f"{over:>10}"
        rdflib_ratio = f"{tl / tr:10.1f}x" if tl is not None else f"{'-':>11}"
        print(f"{name:<15} {n:>7} {tp * 1000:11.1f} {tr * 1000:14.1f} {rdflib_ms} {ratio:11.2f}x {rdflib_ratio}")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    worst = max(ratios)
    print(f"\nproject/pyoxigraph: geometric mean {geo:.2f}x, worst {worst:.2f}x "
          f"(target <= 1.30x: {'met' if worst <= 1.3 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
