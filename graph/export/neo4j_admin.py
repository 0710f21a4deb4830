"""A ``neo4j-admin database import full`` bundle: typed CSV files, the import command, constraints.

Layout of the folder (each CSV has its header on the first line)::

    nodes_<PrimaryLabel>.csv        id:ID(<Space>),:LABEL,name,aliases:string[],...
    rels_<TYPE>_<Start>_<End>.csv   :START_ID(<Space>),:END_ID(<Space>),:TYPE,key,title,...
    constraints.cypher              uniqueness constraints to run after the import
    import.sh                       the exact import command (database name as $1)
    README.md                       the same command, and what the files hold

The import tool creates no indexes or constraints, so ``constraints.cypher`` adds the
ones the Cypher and driver paths rely on; after it, those paths can top up the same
database idempotently.
"""

from __future__ import annotations

import csv
import datetime as dt
import shlex
from pathlib import Path
from typing import Any


from graph.export.base import ExportError, ExportResult, GraphSource, atomic_folder, text_safe
from graph.export.neo4j_model import Column, Neo4jGraph
from graph.export.projection import to_property_graph
from graph.log import get_logger

log = get_logger("export.neo4j_admin")

ARRAY_DELIMITER = "|"
#: replaces the array delimiter inside array elements (the import tool has no escape for it).
DELIMITER_STAND_IN = "\u00a6"  # broken bar


def _cell(column: Column | None, value: Any) -> str:
    if value is None:
        return ""
    if column is not None and column.array:
        items = value if isinstance(value, list) else [value]
        return ARRAY_DELIMITER.join(_scalar(v).replace(ARRAY_DELIMITER, DELIMITER_STAND_IN) for v in items)
    return _scalar(value)


def csv_safe(text: str) -> str:
    """A cell the import tool reads: no NUL (C strings end there), no lone surrogate (no UTF-8 form).

    Other control characters are ordinary CSV content; quoting handles commas and newlines.
    """
    return text_safe(text).replace("\x00", "")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _Bundle:
    def __init__(self, model: Neo4jGraph, folder: Path, target: Path | None = None) -> None:
        self.model = model
        self.folder = folder
        self.target = target or folder
        self.node_files: list[Path] = []
        self.rel_files: list[Path] = []
        self.multiline = False

    def _write(self, name: str, header: list[str], rows: list[list[str]]) -> Path:
        """One CSV; ``self.folder`` is the temporary folder, the returned path the final one."""
        rows = [[csv_safe(c) for c in row] for row in rows]
        with (self.folder / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        self.multiline = self.multiline or any("\n" in c or "\r" in c for row in rows for c in row)
        return self.target / name

    def write_nodes(self) -> int:
        model, count = self.model, 0
        by_primary: dict[str, list[str]] = {}
        for labels, nodes in model.node_groups().items():
            by_primary.setdefault(labels[0], []).extend(nodes)
        for primary, nodes in sorted(by_primary.items()):
            space = model.id_space(nodes[0])
            keys = sorted({k for n in nodes for k in model.node_props(n)})
            columns = [model.node_columns[k] for k in keys]
            header = [f"id:ID({space})", ":LABEL", *(c.header() for c in columns)]
            rows = []
            for node in sorted(nodes):
                props = model.node_props(node)
                rows.append([node, ARRAY_DELIMITER.join(model.labels(node)),
                             *(_cell(c, props.get(c.key)) for c in columns)])
            self.node_files.append(self._write(f"nodes_{primary}.csv", header, rows))
            count += len(rows)
        return count

    def write_relationships(self) -> int:
        model, count = self.model, 0
        for (rtype, start, end), edges in model.edge_groups().items():
            u0, v0 = edges[0][0], edges[0][1]
            start_space, end_space = model.id_space(u0), model.id_space(v0)
            keys = sorted({k for *_, d in edges for k in model.edge_props(d)})
            columns = [model.edge_columns[k] for k in keys]
            header = [f":START_ID({start_space})", f":END_ID({end_space})", ":TYPE", "key",
                      *(c.header() for c in columns)]
            rows = []
            for u, v, key, data in edges:
                props = model.edge_props(data)
                rows.append([u, v, rtype, key, *(_cell(c, props.get(c.key)) for c in columns)])
            self.rel_files.append(self._write(f"rels_{rtype}_{start}_{end}.csv", header, rows))
            count += len(rows)
        return count

    def command(self, database: str = "neo4j", folder: str | None = None) -> list[str]:
        """The import command as arguments; file paths relative to ``folder`` (the bundle when None)."""
        def rel(p: Path) -> str:
            return str(Path(folder) / p.name) if folder else p.name

        args = ["neo4j-admin", "database", "import", "full", "--id-type=string",
                f"--array-delimiter={ARRAY_DELIMITER}"]
        if self.multiline:
            args.append("--multiline-fields=true")
        args += [f"--nodes={rel(p)}" for p in self.node_files]
        args += [f"--relationships={rel(p)}" for p in self.rel_files]
        args.append(database)
        return args


def _shell(args: list[str]) -> str:
    """``neo4j-admin database import full`` on the first line, one option per line after it."""
    head, rest = args[:4], args[4:]
    return " \\\n  ".join([" ".join(head), *(shlex.quote(a) for a in rest)])


def export(dataset: GraphSource, destination: Path | str, *, database: str = "neo4j", **_: Any) -> ExportResult:
    """Write the bundle into the folder ``destination``, replacing an earlier bundle there as a whole.

    The files are written to a temporary folder that is swapped in only when all are
    complete, so a failure leaves the earlier bundle (and no half of a new one).
    """
    folder = Path(destination)
    model = Neo4jGraph.from_graph(to_property_graph(dataset))
    try:
        with atomic_folder(folder) as tmp:
            bundle = _Bundle(model, tmp, folder)
            nodes = bundle.write_nodes()
            rels = bundle.write_relationships()
            (tmp / "constraints.cypher").write_text(
                "".join(s + ";\n" for s in model.constraint_statements()), encoding="utf-8")
            script = tmp / "import.sh"
            script.write_text(_import_script(bundle), encoding="utf-8")
            script.chmod(0o755)
            (tmp / "README.md").write_text(text_safe(_readme(bundle, database, nodes, rels)), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write the neo4j-admin bundle to {folder}: {exc}") from exc
    constraints, script, readme = folder / "constraints.cypher", folder / "import.sh", folder / "README.md"
    files = [*bundle.node_files, *bundle.rel_files, constraints, script, readme]
    log.info("neo4j-admin bundle: %d nodes, %d relationships in %d files", nodes, rels, len(files))
    return ExportResult("neo4j-admin", str(folder), {"nodes": nodes, "relationships": rels}, files)


def _import_script(bundle: _Bundle) -> str:
    args = bundle.command(database="DATABASE")[4:-1]
    quoted = " ".join(shlex.quote(a) for a in args)
    return (
        "#!/bin/sh\n"
        "# Import this bundle into an empty (or new) Neo4j database: ./import.sh [DATABASE]\n"
        "# Set NEO4J_ADMIN to the neo4j-admin binary if it is not on PATH.\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        'NEO4J_ADMIN="${NEO4J_ADMIN:-neo4j-admin}"\n'
        'DATABASE="${1:-neo4j}"\n'
        f'"$NEO4J_ADMIN" database import full {quoted} "$DATABASE"\n'
    )


def _readme(bundle: _Bundle, database: str, nodes: int, rels: int) -> str:
    files = "\n".join(f"- `{p.name}`" for p in [*bundle.node_files, *bundle.rel_files])
    return f"""# filing-kg graph for `neo4j-admin database import full`

{nodes} nodes and {rels} relationships, exported by `filing-kg export --format neo4j-admin`.

## Import

Stop the database (or pick a new name), then run from this folder:

```sh
{_shell(bundle.command(database))}
```

or `./import.sh {database}` (set `NEO4J_ADMIN` to the binary if it is not on `PATH`).
Add `--overwrite-destination=true` to replace an existing database. If the database
is new, create it afterwards with `CREATE DATABASE {database}`.

Then add the uniqueness constraints (the import tool creates none):

```sh
cypher-shell -d {database} -f constraints.cypher
```

## Files

Each CSV has its header on the first line. Node ids are the filing-kg instance IRIs
without `https://w3id.org/filing-kg/id/`, stored as the `id` property, in the ID spaces
`Entity`, `Instrument` and `Document`. Arrays (`:LABEL`, `aliases:string[]`,
`source_documents:string[]`, ...) are separated by `{ARRAY_DELIMITER}` (`--array-delimiter`).
Relationships carry a stable `key`, their qualifiers (`title`, `start_date`,
`end_date`) and provenance (`source_document`, `char_start`, `char_end`, `method`,
`confidence`, `source_documents`).

{files}
"""
