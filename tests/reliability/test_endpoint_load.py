"""50 concurrent clients on loopback, a bounded number of requests each: no request may fail.

A smaller run of ``benchmarks/bench_endpoint_load.py`` (same code), so the suite
checks the endpoint holds the load the issue asks for without taking long.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from graph.serve import ServerConfig, running_server
from tests.conftest import ROOT

CLIENTS = 50
REQUESTS_PER_CLIENT = 4


def _bench():
    name = "bench_endpoint_load"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_fifty_concurrent_clients_without_a_failed_request() -> None:
    bench = _bench()
    with bench.synthetic_store(companies=1000) as store, \
            running_server(store, ServerConfig(timeout=60)) as url:
        report = bench.run_load(url, clients=CLIENTS, requests_per_client=REQUESTS_PER_CLIENT, timeout=60)
    print(f"endpoint load: {report.summary()}")
    assert report.requests == CLIENTS * REQUESTS_PER_CLIENT
    assert report.failed == 0, report.summary()
    assert len(report.latencies) == report.requests
    assert report.percentile(99) < 30


def test_the_load_generator_refuses_other_hosts() -> None:
    bench = _bench()
    for url in ("http://example.org/sparql", "http://10.0.0.1:7878/sparql", "https://127.0.0.1/sparql"):
        with pytest.raises(ValueError, match="loopback"):
            bench.run_load(url, clients=1, requests_per_client=1)
