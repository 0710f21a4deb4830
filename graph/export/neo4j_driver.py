"""Push the property graph into a running Neo4j with the official ``neo4j`` driver.

Same statements as the Cypher script (:mod:`graph.export.neo4j_model`): constraints
first, then ``UNWIND $rows ... MERGE`` batches through ``Driver.execute_query``, each
batch its own transaction (retried by the driver on transient errors). Re-running
updates properties in place and creates nothing twice.

Credentials never come from the command line: ``NEO4J_USER`` and ``NEO4J_PASSWORD``,
or ``NEO4J_AUTH`` as ``user/password`` (the Neo4j Docker image's convention; ``none``
for a server without authentication).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any


from graph.export.base import ExportError, ExportResult, GraphSource
from graph.export.neo4j_model import Neo4jGraph
from graph.extras import MissingExtra, require
from graph.export.projection import to_property_graph
from graph.log import get_logger

log = get_logger("export.neo4j_driver")

DEFAULT_BATCH_SIZE = 1000


def credentials(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(user, password) from the environment; None for ``NEO4J_AUTH=none``; ExportError when missing."""
    env = os.environ if environ is None else environ
    user, password = env.get("NEO4J_USER") or env.get("NEO4J_USERNAME"), env.get("NEO4J_PASSWORD")
    if user and password:
        return user, password
    auth = env.get("NEO4J_AUTH")
    if auth:
        if auth.strip().lower() == "none":
            return None
        user, sep, password = auth.partition("/")
        if sep and user and password:
            return user, password
        raise ExportError("NEO4J_AUTH must be user/password (or none)")
    raise ExportError("no Neo4j credentials: set NEO4J_USER and NEO4J_PASSWORD, or NEO4J_AUTH=user/password")


#: Bolt schemes (the ``+s``/``+ssc`` forms add TLS); the driver's HTTP support is a preview
#: needing optional modules, so ``http(s)://`` is refused up front in one line.
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> None:
    """ExportError (one line) unless ``uri`` is a Bolt URI and the ``neo4j`` driver imports."""
    scheme, sep, rest = uri.partition("://")
    if not sep or not rest:
        raise ExportError(f"expected a Neo4j URI like bolt://localhost:7687, got {uri!r}")
    if scheme.lower() not in SCHEMES:
        raise ExportError(f"unsupported Neo4j URI scheme {scheme}:// (use {', '.join(s + '://' for s in SCHEMES)}; "
                          "the Bolt port is usually 7687)")
    try:
        require("neo4j", extra="neo4j", feature="export neo4j")
    except MissingExtra as exc:
        raise ExportError(str(exc)) from None


def push(model: Neo4jGraph, uri: str, auth: tuple[str, str] | None, *, database: str | None = None,
         batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, int]:
    """Run the constraints and the batches against ``uri``; returns counts of what was sent."""
    check_uri(uri)
    import neo4j
    from neo4j.exceptions import DriverError, Neo4jError

    sent = {"constraints": 0, "batches": 0, "nodes": 0, "relationships": 0}
    try:
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            driver.verify_connectivity()
            for statement in model.constraint_statements():
                driver.execute_query(statement, database_=database)
                sent["constraints"] += 1
            for batch in model.batches(batch_size):
                driver.execute_query(batch.statement, {"rows": batch.rows}, database_=database)
                sent["batches"] += 1
                sent[batch.kind] += len(batch.rows)
                log.debug("sent %d %s", len(batch.rows), batch.kind)
    except (DriverError, Neo4jError, ValueError, ImportError) as exc:  # ValueError: bad URI or batch size
        raise ExportError(f"Neo4j at {uri}: {' '.join(str(exc).split())}") from None
    return sent


def export(dataset: GraphSource, destination: Path | str, *, database: str | None = None,
           batch_size: int = DEFAULT_BATCH_SIZE, auth: tuple[str, str] | None | str = "env",
           **_: Any) -> ExportResult:
    """Push ``dataset``'s projection to the server at ``destination`` (a ``bolt://``/``neo4j://`` URI)."""
    uri = str(destination)
    check_uri(uri)  # before the projection: a wrong URI should fail at once
    resolved = credentials() if auth == "env" else auth
    model = Neo4jGraph.from_graph(to_property_graph(dataset))
    sent = push(model, uri, resolved, database=database, batch_size=batch_size)  # type: ignore[arg-type]
    log.info("pushed %d nodes and %d relationships in %d batches to %s", sent["nodes"],
             sent["relationships"], sent["batches"], uri)
    return ExportResult("neo4j", uri, sent, [])
