"""The driver path, against the real ``neo4j`` package's API (patched driver) and, when NEO4J_URI is set, a server."""

from __future__ import annotations

import inspect
import os

import neo4j
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.export import ExportError, export
from graph.export.neo4j_driver import credentials
from graph.export.projection import to_property_graph

_EXECUTE_QUERY = inspect.signature(neo4j.Driver.execute_query)
_DRIVER = inspect.signature(neo4j.GraphDatabase.driver)


class FakeDriver:
    """Records calls; checks each against the real driver's signatures; forwards to the fake database."""

    def __init__(self, db, uri, auth):
        self.db, self.uri, self.auth = db, uri, auth
        self.calls: list[dict] = []
        self.verified = self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.closed = True

    def verify_connectivity(self, **config):
        self.verified = True

    def execute_query(self, *args, **kwargs):
        bound = _EXECUTE_QUERY.bind(self, *args, **kwargs)  # TypeError if our call does not fit the real API
        args = dict(bound.arguments)
        self.calls.append(args)
        self.db.run(args["query_"], args.get("parameters_"))


@pytest.fixture
def patched(monkeypatch, fake_neo4j):
    drivers: list[FakeDriver] = []

    def factory(uri, *, auth=None, **config):
        _DRIVER.bind(uri, auth=auth, **config)
        drivers.append(FakeDriver(fake_neo4j, uri, auth))
        return drivers[-1]

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", factory)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    return drivers


def test_push_batches_and_parameters(patched, dataset, fake_neo4j):
    result = export("neo4j", dataset, "bolt://db.example:7687", database="filings", batch_size=5)
    (driver,) = patched
    assert driver.uri == "bolt://db.example:7687" and driver.auth == ("neo4j", "secret")
    assert driver.verified and driver.closed
    graph = to_property_graph(dataset)
    constraints = [c for c in driver.calls if c["query_"].startswith("CREATE CONSTRAINT")]
    assert driver.calls[:len(constraints)] == constraints  # constraints first
    batches = driver.calls[len(constraints):]
    assert all(c["database_"] == "filings" for c in driver.calls)
    assert all(set(c["parameters_"]) == {"rows"} and 1 <= len(c["parameters_"]["rows"]) <= 5 for c in batches)
    assert all(c["query_"].startswith("UNWIND $rows AS row") and "MERGE" in c["query_"] for c in batches)
    assert result.counts["batches"] == len(batches)
    assert result.counts["nodes"] == graph.number_of_nodes() == len(fake_neo4j.nodes)
    assert result.counts["relationships"] == graph.number_of_edges() == len(fake_neo4j.rels)
    assert fake_neo4j.unmatched == 0


def test_push_twice_is_idempotent(patched, dataset, fake_neo4j):
    export("neo4j", dataset, "neo4j://localhost", batch_size=50)
    first = fake_neo4j.state()
    export("neo4j", dataset, "neo4j://localhost", batch_size=13)  # other batching, same result
    assert fake_neo4j.state() == first


def test_credentials_from_environment():
    assert credentials({"NEO4J_USER": "u", "NEO4J_PASSWORD": "p"}) == ("u", "p")
    assert credentials({"NEO4J_AUTH": "neo4j/pa/ss"}) == ("neo4j", "pa/ss")
    assert credentials({"NEO4J_AUTH": "none"}) is None
    with pytest.raises(ExportError, match="NEO4J_USER"):
        credentials({})
    with pytest.raises(ExportError, match="user/password"):
        credentials({"NEO4J_AUTH": "justuser"})


def test_driver_errors_become_export_errors(monkeypatch, dataset):
    def refuse(uri, *, auth=None, **config):
        raise neo4j.exceptions.ServiceUnavailable("connection refused\nsecond line")

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", refuse)
    with pytest.raises(ExportError, match="connection refused second line"):
        export("neo4j", dataset, "bolt://nowhere:7687", auth=("u", "p"))
    with pytest.raises(ExportError, match="expected a Neo4j URI"):
        export("neo4j", dataset, "localhost", auth=("u", "p"))


def test_cli_push(patched, store_dir, fake_neo4j):
    res = CliRunner().invoke(main, ["export", "neo4j", "--uri", "bolt://h:7687", "--store", str(store_dir),
                                    "--batch-size", "3", "--database", "kg"])
    assert res.exit_code == 0, res.output
    assert "nodes" in res.output and fake_neo4j.nodes
    assert all(c["database_"] == "kg" for c in patched[0].calls)


def test_cli_push_without_credentials(monkeypatch, store_dir):
    for name in ("NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_AUTH"):
        monkeypatch.delenv(name, raising=False)
    res = CliRunner().invoke(main, ["export", "neo4j", "--uri", "bolt://h:7687", "--store", str(store_dir)])
    assert res.exit_code == 1 and "NEO4J_USER" in res.output


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="set NEO4J_URI (and credentials) to test a live Neo4j")
def test_live_neo4j(dataset):
    uri, database = os.environ["NEO4J_URI"], os.environ.get("NEO4J_DATABASE")
    graph = to_property_graph(dataset)
    for _ in range(2):  # the second push must not duplicate anything
        export("neo4j", dataset, uri, database=database, batch_size=100)
    ids = list(graph.nodes)
    keys = [k for *_, k in graph.edges(keys=True)]
    with neo4j.GraphDatabase.driver(uri, auth=credentials()) as driver:
        nodes = driver.execute_query("MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n", ids=ids,
                                     database_=database).records[0]["n"]
        rels = driver.execute_query("MATCH ()-[r]->() WHERE r.key IN $keys RETURN count(r) AS n", keys=keys,
                                    database_=database).records[0]["n"]
    assert nodes == len(ids) and rels == len(keys)
