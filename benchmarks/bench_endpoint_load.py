"""Load test of the SPARQL endpoint: concurrent clients on loopback, a bounded number of requests each.

    .venv/bin/python benchmarks/bench_endpoint_load.py [--store out/store] [--clients 50] [--requests 20]

Starts ``filing-kg``'s own server (:func:`graph.serve.running_server`) on an
ephemeral port of 127.0.0.1 over ``--store`` (read-only), or over a synthetic
in-memory store when no store is given, then lets ``--clients`` threads send
``--requests`` queries each (a mix of SELECT, ASK and CONSTRUCT, GET and POST),
all released at once. Reports requests per second, latency percentiles (p50,
p95, p99, max) and failures (anything but a 200, or a connection error).

Safety: only loopback URLs are accepted, every request has a timeout, and the
total number of requests is ``clients * requests`` (capped at 20,000). The test
suite runs a smaller version (``tests/reliability/test_endpoint_load.py``) and
asserts zero failures.
"""

from __future__ import annotations

import argparse
import http.client
import math
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_TOTAL_REQUESTS = 20_000

#: (method, query) pairs the clients cycle through.
QUERIES: list[tuple[str, str]] = [
    ("GET", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    ("POST", "SELECT ?e ?name WHERE { ?e a fkg:Company ; rdfs:label ?name } ORDER BY ?name LIMIT 50"),
    ("GET", "ASK { ?e a fkg:Company }"),
    ("POST", "CONSTRUCT { ?e rdfs:label ?name } WHERE { ?e a fkg:Person ; rdfs:label ?name } LIMIT 100"),
    ("GET", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
]
_ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
           "CONSTRUCT": "text/turtle"}


@dataclass
class LoadReport:
    """What a load run measured."""

    clients: int
    requests: int
    elapsed: float
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    failures: Counter[str] = field(default_factory=Counter)  # "status 503" / "ConnectionResetError" -> count

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, p: float) -> float:
        """Latency (seconds) below which ``p`` percent of the successful requests finished (nearest rank)."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        rank = max(1, math.ceil(p / 100 * len(ordered)))
        return ordered[rank - 1]

    def summary(self) -> str:
        ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
        failures = ", ".join(f"{k} x{v}" for k, v in sorted(self.failures.items())) or "none"
        return (f"clients {self.clients}, requests {self.requests}, {self.elapsed:.2f} s, "
                f"{self.requests_per_second:.1f} req/s; latency p50 {ms(self.percentile(50))}, "
                f"p95 {ms(self.percentile(95))}, p99 {ms(self.percentile(99))}, "
                f"max {ms(max(self.latencies) if self.latencies else math.nan)}; failures {failures}")


def _loopback_only(url: str) -> urllib.parse.SplitResult:
    from graph.serve.security import is_loopback

    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or not parts.hostname or not is_loopback(parts.hostname):
        raise ValueError(f"load tests run on loopback only, not {url!r}")
    return parts


def _one_request(parts: urllib.parse.SplitResult, method: str, query: str, timeout: float) -> int:
    form = query.split(None, 1)[0].upper()
    headers = {"Accept": _ACCEPT.get(form, "*/*")}
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        if method == "GET":
            conn.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": query}), headers=headers)
        else:
            conn.request("POST", parts.path, body=query.encode("utf-8"),
                         headers={**headers, "Content-Type": "application/sparql-query"})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def run_load(url: str, clients: int = 50, requests_per_client: int = 20, timeout: float = 30.0,
             queries: list[tuple[str, str]] | None = None) -> LoadReport:
    """Send ``clients * requests_per_client`` requests from ``clients`` threads started together."""
    parts = _loopback_only(url)
    if clients < 1 or requests_per_client < 1 or clients * requests_per_client > MAX_TOTAL_REQUESTS:
        raise ValueError(f"between 1 and {MAX_TOTAL_REQUESTS} requests in all, please")
    mix = queries or QUERIES
    lock = threading.Lock()
    report = LoadReport(clients, clients * requests_per_client, 0.0)
    start = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        start.wait()
        for i in range(requests_per_client):
            method, query = mix[(k + i) % len(mix)]
            t0 = time.perf_counter()
            try:
                status = _one_request(parts, method, query, timeout)
                outcome = None if status == 200 else f"status {status}"
            except Exception as exc:  # a failed request is a result, not a crash of the load test
                outcome = exc.__class__.__name__
            took = time.perf_counter() - t0
            with lock:
                if outcome is None:
                    report.latencies.append(took)
                else:
                    report.failures[outcome] += 1

    threads = [threading.Thread(target=client, args=(k,), name=f"load-client-{k}", daemon=True)
               for k in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    deadline = t0 + timeout * requests_per_client + 30
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.perf_counter()))
    report.elapsed = time.perf_counter() - t0
    unfinished = report.requests - len(report.latencies) - report.failed
    if unfinished > 0:
        report.failures["unfinished"] += unfinished
    return report


def synthetic_store(companies: int = 2000, documents: int = 20):
    """An in-memory store shaped like the real one (companies and people in document graphs)."""
    import pyoxigraph as ox

    from graph.store import open_store

    fkg = "https://w3id.org/filing-kg/ontology#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store = open_store(None)

    def quads() -> Iterator[ox.Quad]:
        for i in range(companies):
            g = ox.NamedNode(f"https://w3id.org/filing-kg/id/doc/synthetic-{i % documents}")
            company = ox.NamedNode(f"https://w3id.org/filing-kg/id/company/c{i}")
            person = ox.NamedNode(f"https://w3id.org/filing-kg/id/person/p{i}")
            yield ox.Quad(company, rdf_type, ox.NamedNode(fkg + "Company"), g)
            yield ox.Quad(company, label, ox.Literal(f"Company {i:05d} Inc."), g)
            yield ox.Quad(person, rdf_type, ox.NamedNode(fkg + "Person"), g)
            yield ox.Quad(person, label, ox.Literal(f"Person {i:05d}"), g)

    store.oxigraph.extend(quads())
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=None, help="store folder (default: a synthetic in-memory store)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="requests per client")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--workers", type=int, default=4, help="the server's query workers")
    args = parser.parse_args(argv)

    from graph.serve import ServerConfig, running_server
    from graph.store import open_store

    store = open_store(args.store, read_only=True) if args.store else synthetic_store()
    config = ServerConfig(timeout=args.timeout, workers=args.workers)
    try:
        with running_server(store, config, host="127.0.0.1", port=0) as url:
            run_load(url, clients=min(args.clients, 5), requests_per_client=1, timeout=args.timeout)  # warm-up
            report = run_load(url, args.clients, args.requests, args.timeout)
    finally:
        store.close()
    print(f"endpoint load: {report.summary()}")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
