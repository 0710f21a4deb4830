"""A Cypher script for ``cypher-shell -f``: constraints, then parameterised UNWIND ... MERGE batches.

Each batch is a ``:param {rows: [...]};`` line (cypher-shell evaluates the map, so dates
are written as ``date('2004-06-23')``) followed by the statement that reads ``$rows``.
The statements are exactly those the driver path sends (:mod:`graph.export.neo4j_model`):
constraints use ``IF NOT EXISTS``, nodes are MERGEd on ``id`` and relationships on
``key``, so running the script twice leaves the database as after the first run.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any


from graph.export.base import ExportError, ExportResult, GraphSource, atomic_file, text_safe
from graph.export.neo4j_model import Neo4jGraph, is_name
from graph.export.projection import to_property_graph
from graph.log import get_logger

log = get_logger("export.neo4j_cypher")

DEFAULT_BATCH_SIZE = 500
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape(ch: str) -> str:
    """Cypher's escape for ``ch``; other control characters as ``\\uXXXX`` so the script stays plain text."""
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ch in "\x7f\ufffe\uffff" else ch


def literal(value: Any) -> str:
    """A Python value as a Cypher literal (strings, numbers, booleans, dates, lists, maps)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"cannot write the non-finite number {value!r} to Cypher")
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, str):
        return "'" + "".join(_escape(ch) for ch in text_safe(value)) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise ExportError(f"cannot write a {type(value).__name__} to Cypher")


def name(key: str) -> str:
    """A map key or identifier, backtick-quoted when it is not a plain name."""
    return key if is_name(key) else "`" + key.replace("`", "``") + "`"


def script_lines(model: Neo4jGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[str]:
    """The script as statements and ``:param`` commands, in order (without trailing newlines)."""
    lines = [
        "// filing-kg graph: run with  cypher-shell -a bolt://HOST:7687 -u USER -f THIS_FILE",
        "// Idempotent: constraints IF NOT EXISTS; nodes MERGEd on id, relationships on key.",
    ]
    lines += [s + ";" for s in model.constraint_statements()]
    for batch in model.batches(batch_size):
        lines.append(":param {rows: " + literal(batch.rows) + "};")  # Browser and cypher-shell need the ;
        lines.append(batch.statement + ";")
    return lines


def export(dataset: GraphSource, destination: Path | str, *, batch_size: int = DEFAULT_BATCH_SIZE,
           **_: Any) -> ExportResult:
    """Write the script to ``destination``."""
    model = Neo4jGraph.from_graph(to_property_graph(dataset))
    path = Path(destination)
    batches = 0
    try:
        with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
            for line in script_lines(model, batch_size):
                fh.write(line + "\n")
                batches += line.startswith(":param")
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"cannot write the Cypher script to {path}: {exc}") from exc
    graph = model.graph
    log.info("cypher script: %d nodes, %d relationships, %d batches", graph.number_of_nodes(),
             graph.number_of_edges(), batches)
    return ExportResult("cypher", str(path), {"nodes": graph.number_of_nodes(),
                                              "relationships": graph.number_of_edges(),
                                              "batches": batches}, [path])
