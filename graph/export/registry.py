"""Export formats by name, loaded lazily (modelled on rdflib's plugin registry).

Every exporter is a function ``export(dataset, destination, **options) -> ExportResult``
named by a ``"module:function"`` string, so registering a format costs nothing until it
is used (the Neo4j driver, lxml and friends are imported only by their own formats) and
the CLI lists and runs formats without knowing them::

    register("turtle", "graph.export.rdf:export", kind="rdf", suffix=".ttl",
             help="Turtle, union of all graphs", accepts_store=True, rdf_format="turtle")
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset

from graph.export.base import ExportError, ExportResult
from graph.log import get_logger

log = get_logger("export")

ExportFunction = Callable[..., ExportResult]

#: Kinds of exporters: RDF serialisations, graph-tool files, Neo4j files, a push to a server.
KINDS = ("rdf", "graph", "neo4j", "push")


@dataclass(frozen=True)
class Exporter:
    """One registered format: where its function lives and the options it is called with."""

    name: str
    target: str
    kind: str
    suffix: str
    help: str
    defaults: dict[str, Any] = field(default_factory=dict)
    #: the function also takes a pyoxigraph Store (whole-store exports skip the rdflib copy).
    accepts_store: bool = False

    @property
    def is_directory(self) -> bool:
        """True for formats that write a folder (a bundle), not one file."""
        return self.suffix in ("", "/")

    def load(self) -> ExportFunction:
        """Import the module and return the function (ExportError if it is missing)."""
        module_name, _, attr = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
            return getattr(module, attr or "export")
        except (ImportError, AttributeError) as exc:
            raise ExportError(f"format {self.name!r}: cannot load {self.target}: {exc}") from exc

    def __call__(self, dataset: Dataset | Any, destination: Path | str, **options: Any) -> ExportResult:
        fn = self.load()
        merged = {**self.defaults, **options}
        log.info("exporting %s to %s", self.name, destination)
        result = fn(dataset, destination, **merged)
        result.format = self.name
        return result


_REGISTRY: dict[str, Exporter] = {}
_ALIASES: dict[str, str] = {}


def register(name: str, target: str, *, kind: str, suffix: str, help: str,
             aliases: tuple[str, ...] = (), accepts_store: bool = False, **defaults: Any) -> Exporter:
    """Add (or replace) a format; ``defaults`` are passed to the function on every call."""
    if kind not in KINDS:
        raise ExportError(f"unknown exporter kind {kind!r} (one of {', '.join(KINDS)})")
    if ":" not in target:
        raise ExportError(f"exporter target must be 'module:function', got {target!r}")
    exporter = Exporter(name.lower(), target, kind, suffix, help, dict(defaults), accepts_store)
    _REGISTRY[exporter.name] = exporter
    for alias in aliases:
        _ALIASES[alias.lower()] = exporter.name
    return exporter


def unregister(name: str) -> None:
    """Remove a format (tests use this to clean up after registering one)."""
    _REGISTRY.pop(name.lower(), None)
    for alias in [a for a, target in _ALIASES.items() if target == name.lower()]:
        del _ALIASES[alias]


def get(name: str) -> Exporter:
    """The exporter called ``name``; ExportError naming the closest formats otherwise."""
    key = name.lower()
    try:
        return _REGISTRY[_ALIASES.get(key, key)]
    except KeyError:
        close = difflib.get_close_matches(name.lower(), _REGISTRY, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ExportError(f"unknown export format {name!r}{hint}; see `filing-kg export --list`") from None


def formats(kind: str | None = None) -> list[Exporter]:
    """Registered exporters in registration order, optionally of one kind."""
    return [e for e in _REGISTRY.values() if kind is None or e.kind == kind]


def _builtin() -> None:
    rdf = "graph.export.rdf:export"
    register("turtle", rdf, kind="rdf", suffix=".ttl", help="Turtle; union of all document graphs.",
             aliases=("ttl",), accepts_store=True, rdf_format="turtle")
    register("ntriples", rdf, kind="rdf", suffix=".nt", help="N-Triples; union of all document graphs.",
             aliases=("nt",), accepts_store=True, rdf_format="ntriples")
    register("nquads", rdf, kind="rdf", suffix=".nq", help="N-Quads; one named graph per document.",
             aliases=("nq",), accepts_store=True, rdf_format="nquads")
    register("trig", rdf, kind="rdf", suffix=".trig", help="TriG; one named graph per document.",
             accepts_store=True, rdf_format="trig")
    register("jsonld", rdf, kind="rdf", suffix=".jsonld",
             help="JSON-LD with the context of ontology/context.jsonld; one named graph per document.",
             aliases=("json-ld",), rdf_format="jsonld")
    register("rdfxml", rdf, kind="rdf", suffix=".rdf", help="RDF/XML; union of all document graphs.",
             aliases=("xml", "rdf/xml"), accepts_store=True, rdf_format="rdfxml")
    register("graphml", "graph.export.graphtools:export_graphml", kind="graph", suffix=".graphml",
             help="GraphML property graph (yEd, Gephi, networkx); lists as JSON strings.", accepts_store=True)
    register("gexf", "graph.export.graphtools:export_gexf", kind="graph", suffix=".gexf",
             help="GEXF 1.2 property graph (Gephi); lists as JSON strings.", accepts_store=True)
    register("nodelink", "graph.export.graphtools:export_nodelink", kind="graph", suffix=".json",
             help="networkx node-link JSON (d3 and friends).", accepts_store=True)
    register("neo4j-admin", "graph.export.neo4j_admin:export", kind="neo4j", suffix="",
             help="Folder of CSV files for `neo4j-admin database import full`, with README.",
             accepts_store=True)
    register("cypher", "graph.export.neo4j_cypher:export", kind="neo4j", suffix=".cypher",
             help="Cypher script: constraints, then UNWIND ... MERGE batches (cypher-shell; idempotent).",
             accepts_store=True)
    register("neo4j", "graph.export.neo4j_driver:export", kind="push", suffix="",
             help="Push to a running Neo4j with the official driver: `filing-kg export neo4j --uri ...`.",
             accepts_store=True)


_builtin()
