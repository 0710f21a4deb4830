"""GraphStore: one named graph per document in an embedded Oxigraph store (on disk or in memory).

Raw pyoxigraph rather than rdflib-over-oxrdflib: document replacement is one
SPARQL update (atomic: drop + insert in one transaction), queries run natively on
the merged default graph (each triple once, kept by every writer below; see
:mod:`graph.store.merged`), and nothing is copied through rdflib on the way.

Crash safety: a document's graph *and* its completion marker (``fkg:sha256`` of
the source bytes, inside that graph) are written by that one update, so after a
crash (even SIGKILL) a document is either wholly stored, marker included, or
absent; ``build`` skips exactly the documents whose marker matches their file.
RocksDB replays its write-ahead log when the store is next opened, and its
``LOCK`` file is an ``fcntl`` lock the kernel drops with the dead process, so a
killed build leaves a store that opens without any repair step. Exports are
written to a temporary file and renamed, so they are never seen half-written.
See ``docs/reliability.md``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph.errors import StoreError
from graph.log import get_logger
from graph.model import Entity, Extraction
from graph.store import merged
from graph.store.sparql import QueryResult, run_named, run_query
from graph.rdf.build import document_graph
from graph.rdf.convert import ntriples_line, ox_to_dataset, ox_to_graph
from graph.rdf.iri import doc_id_from_graph_iri, graph_iri
from graph.rdf.namespaces import ID, PREFIXES

log = get_logger("store")

#: export format name -> Oxigraph format (turtle is the union of all graphs).
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
}
_QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}

_DOCUMENT_HASHES = """
PREFIX fkg: <https://w3id.org/filing-kg/ontology#>
SELECT ?g ?sha WHERE { GRAPH ?g { ?doc fkg:sha256 ?sha } }
"""

_UNMARKED_DOCUMENTS = """
PREFIX fkg: <https://w3id.org/filing-kg/ontology#>
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?g { ?doc fkg:sha256 ?sha } } }
"""

_KNOWN_ENTITIES = """
PREFIX fkg: <https://w3id.org/filing-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?e ?type ?name ?alias ?cik WHERE {
  VALUES (?class ?type) { (fkg:Company "Company") (fkg:Person "Person") (fkg:GovernmentAgency "GovernmentAgency") }
  ?e a ?class ; rdfs:label ?name .
  OPTIONAL { ?e fkg:alias ?alias }
  OPTIONAL { ?e fkg:cik ?cik }
}
"""


def entity_key_from_iri(iri: str) -> str | None:
    """Inverse of :func:`graph.rdf.iri.entity_iri` (``id/company/cik-320193`` -> ``company/cik-320193``)."""
    if not iri.startswith(str(ID)):
        return None
    return unquote(iri[len(str(ID)):])


class GraphStore:
    """Documents' named graphs in Oxigraph; use :func:`open_store` to get one."""

    def __init__(self, store: ox.Store, path: Path | None = None, *, read_only: bool = False) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only

    # ------------------------------------------------------------------ lifecycle

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for direct queries); StoreError once closed."""
        if self._store is None:
            raise StoreError("store is closed")
        return self._store

    def close(self) -> None:
        """Flush and release the store (and its on-disk lock); idempotent."""
        if self._store is None:
            return
        try:
            if self.path is not None and not self.read_only:
                self._store.flush()
        except OSError as exc:  # pragma: no cover - disk failure
            raise StoreError(f"cannot flush store at {self.path}: {exc}") from exc
        finally:
            self._store = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __len__(self) -> int:
        """Quads stored by documents (the merged default graph is a derived copy, not counted)."""
        return merged.document_quad_count(self.oxigraph)

    def triple_count(self) -> int:
        """Distinct triples of the knowledge graph (the merged default graph)."""
        return merged.merged_triple_count(self.oxigraph)

    # ------------------------------------------------------------------ writing

    def _update(self, sparql: str) -> None:
        try:
            self.oxigraph.update(sparql)
        except (OSError, SyntaxError, RuntimeError) as exc:
            raise StoreError(f"store update failed: {exc}") from exc

    def _replace_graph(self, name: str, graph: Graph) -> int:
        # One update, one transaction: the old graph's triples leave the merged default
        # graph unless another graph states them, and the new ones join it.
        body = "\n".join(ntriples_line(s, p, o) for s, p, o in graph)
        self._update(f"{merged.forget_graph(name)} ;\nDROP SILENT GRAPH <{name}> ;\n"
                     f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}}\n{body}\n}}")
        return len(graph)

    def replace_document(self, doc_id: str, graph: Graph) -> int:
        """Make ``graph``'s triples the document's named graph, atomically; returns the triple count.

        One transaction: readers and a crash see the old graph or the new one, never a mix.
        """
        n = self._replace_graph(str(graph_iri(doc_id)), graph)
        log.debug("stored %d triples for %s", n, doc_id)
        return n

    def add_extraction(self, extraction: Extraction) -> int:
        """Build and store one extraction's document graph (replacing any previous version)."""
        return self.replace_document(extraction.doc_id, document_graph(extraction))

    def remove_document(self, doc_id: str) -> bool:
        """Drop the document's named graph; False if it was not stored."""
        name = ox.NamedNode(str(graph_iri(doc_id)))
        existed = self.oxigraph.contains_named_graph(name)
        self._update(f"{merged.forget_graph(name.value)} ;\nDROP SILENT GRAPH <{name.value}>")
        return existed

    def add_dataset(self, dataset: Dataset) -> list[str]:
        """Store every named graph of ``dataset``, each replacing the stored graph of the same name.

        Triples of the dataset's default graph are added to the store's default graph.
        Returns the doc ids of the document graphs written.
        """
        written: list[str] = []
        for g in dataset.graphs():
            if str(g.identifier) == "urn:x-rdflib:default":
                if len(g):
                    body = "\n".join(ntriples_line(s, p, o) for s, p, o in g)
                    self._update(f"INSERT DATA {{\n{body}\n}}")
                continue
            if not len(g):
                continue
            self._replace_graph(str(g.identifier), g)
            doc_id = doc_id_from_graph_iri(g.identifier)
            if doc_id is not None:
                written.append(doc_id)
        return sorted(written)

    def add_extractions(self, extractions: Iterable[Extraction]) -> list[str]:
        """Store already-resolved extractions, each replacing its document's graph; returns their doc ids."""
        written: list[str] = []
        for ex in extractions:
            self.add_extraction(ex)
            written.append(ex.doc_id)
        return written

    def load_document_shards(self, shards: Iterable[tuple[str, bytes]], *, atomic: bool = True) -> list[str]:
        """Load per-document N-Quads shards, each replacing its document's named graph.

        ``shards`` are (doc id, N-Quads of that document's graph only), as
        :func:`graph.parallel.shards.document_nquads` writes them. A doc id given
        twice keeps its last shard, as :meth:`add_extractions` does. Returns the
        doc ids loaded.

        ``atomic`` (the default) keeps the crash-safety promise of the store: each
        document's old graph is dropped, then all the shards -- triples *and*
        ``fkg:sha256`` completion markers, with their merged default-graph
        copies -- go in with one transactional ``Store.load``, so a crash or
        SIGKILL leaves every document whole or absent (an absent one is rebuilt
        by the next ``build``: it has no marker). No SPARQL parsing and no quad
        objects; memory is about twice the shards' bytes (the build passes
        batches of a few MB).
        ``atomic=False`` uses Oxigraph's ``bulk_load`` for all shards at once,
        about three times faster to write, but *not* transactional: a crash midway
        can leave a document half-loaded (rebuild with ``--force``). Use it only
        for a store you would rebuild from scratch anyway.
        """
        latest: dict[str, bytes] = {}
        for doc_id, data in shards:
            latest.pop(doc_id, None)
            latest[doc_id] = data
        if not latest:
            return []
        store = self.oxigraph
        try:
            for doc_id in latest:
                name = ox.NamedNode(str(graph_iri(doc_id)))
                if store.contains_named_graph(name):
                    # a crash right after: the document is absent (and out of the merge), never mixed
                    store.update(f"{merged.forget_graph(name.value)} ;\nDROP SILENT GRAPH <{name.value}>")
            if atomic:  # one transaction: every graph, its marker and its merged copy
                store.load(b"".join(map(merged.nquads_with_default_copies, latest.values())), ox.RdfFormat.N_QUADS)
            else:
                store.bulk_load(b"".join(latest.values()), ox.RdfFormat.N_QUADS)
                merged.sync(store)
            if self.path is not None:
                # RocksDB keeps written data in memtables until they fill (per column family):
                # without a flush a long build's memory grows with everything it has loaded
                store.flush()
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"loading {len(latest)} documents failed: {exc}") from exc
        log.debug("loaded %d documents (%s)", len(latest), "atomic" if atomic else "bulk")
        return list(latest)

    # ------------------------------------------------------------------ reading

    def document_hashes(self) -> dict[str, str]:
        """doc id -> sha256 of the source bytes the stored graph was built from (``fkg:sha256``).

        What ``build`` compares to skip documents whose file has not changed.
        """
        out: dict[str, str] = {}
        for row in self.oxigraph.query(_DOCUMENT_HASHES):  # type: ignore[union-attr]
            doc_id = doc_id_from_graph_iri(row["g"].value)
            if doc_id is not None:
                out[doc_id] = row["sha"].value
        return out

    def unmarked_documents(self) -> list[str]:
        """Doc ids of document graphs without their ``fkg:sha256`` completion marker (should be none).

        ``build`` writes graph and marker in one transaction, so an unmarked graph
        was written some other way (e.g. a SPARQL update); ``build`` will rebuild it.
        """
        ids = (doc_id_from_graph_iri(row["g"].value) for row in self.oxigraph.query(_UNMARKED_DOCUMENTS))  # type: ignore[union-attr]
        return sorted(d for d in ids if d is not None)

    def known_entities(self) -> list[Entity]:
        """The stored entities with their global keys, names, aliases and CIKs.

        Seed for :func:`graph.entities.resolve.resolve` when documents are added to
        an existing store, so a company or person already stored keeps its node.
        An entity labelled differently by different documents keeps the best name.
        """
        from graph.mentions.registry import _name_quality

        found: dict[str, Entity] = {}
        store = self.oxigraph
        for row in store.query(_KNOWN_ENTITIES, use_default_graph_as_union=not merged.is_merged(store)):  # type: ignore[union-attr]
            key = entity_key_from_iri(row["e"].value)
            if key is None:
                continue
            name = row["name"].value
            ent = found.get(key)
            if ent is None:
                ent = found[key] = Entity(key=key, type=row["type"].value, name=name)
            elif name != ent.name:
                better = max(name, ent.name, key=lambda n: (_name_quality(n), n))
                ent.aliases.add(ent.name if better == name else name)
                ent.name = better
            if row["alias"] is not None:
                ent.aliases.add(row["alias"].value)
            if row["cik"] is not None and not ent.cik:
                ent.cik = row["cik"].value
        for ent in found.values():
            ent.aliases.discard(ent.name)
        return [found[k] for k in sorted(found)]

    def query_named(self, name: str, *, doc_ids: list[str] | None = None, **params: str) -> QueryResult:
        """Run a library query of ``ontology/queries/`` with keyword parameters, e.g. ``query_named("officers", company="Innovo")``."""
        return run_named(self, name, doc_ids=doc_ids, params=params)

    def query(self, sparql: str, *, doc_ids: list[str] | None = None,
              params: Mapping[str, str] | None = None) -> QueryResult:
        """SELECT -> list of dict rows, ASK -> bool, CONSTRUCT -> rdflib Graph; over the merged graph.

        ``params`` bind the query's ``VALUES ?name { UNDEF }`` placeholders safely.
        """
        return run_query(self, sparql, doc_ids=doc_ids, params=params)

    def documents(self) -> list[str]:
        """Doc ids of the stored document graphs, sorted."""
        ids = (doc_id_from_graph_iri(g.value) for g in self.oxigraph.named_graphs()
               if isinstance(g, ox.NamedNode))
        return sorted(d for d in ids if d is not None)

    def document(self, doc_id: str) -> Graph:
        """A copy of one document's graph (empty if not stored)."""
        name = graph_iri(doc_id)
        quads = self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
        return ox_to_graph(quads, Graph(identifier=name))

    def dataset(self) -> Dataset:
        """A copy of the document graphs as an rdflib Dataset (without the derived merged copy)."""
        return ox_to_dataset(merged.document_quads(self.oxigraph))

    # ------------------------------------------------------------------ export

    def export(self, path: Path | str, format: str = "turtle") -> Path:
        """Write the store: ``turtle``/``ntriples`` = union of all graphs, ``trig``/``nquads`` = every graph."""
        fmt = EXPORT_FORMATS.get(format.lower())
        if fmt is None:
            raise StoreError(f"unknown export format {format!r} (one of {', '.join(EXPORT_FORMATS)})")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # A fresh hidden name next to the target (same file system, so the rename is atomic);
        # not mkstemp, whose 0600 mode would stick to the export.
        tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            self._export_to(tmp, fmt)
            os.replace(tmp, path)  # atomic: readers see the old file or the whole new one
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot export to {path}: {exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)
        return path

    def _export_to(self, path: Path, fmt: ox.RdfFormat) -> None:
        store = self.oxigraph
        if fmt in _QUAD_FORMATS:
            ox.serialize(merged.document_quads(store), str(path), fmt,
                         prefixes=PREFIXES if fmt == ox.RdfFormat.TRIG else None)
            return
        rows = store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }",
                           use_default_graph_as_union=not merged.is_merged(store))
        triples = sorted(
            (ox.Triple(r["s"], r["p"], r["o"]) for r in rows),  # type: ignore[union-attr]
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        ox.serialize(triples, str(path), fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)


def _check_store_folder(path: Path, read_only: bool) -> None:
    """StoreError in our words (not RocksDB's missing ``CURRENT`` file) for a folder that is not a store.

    A writable open may create a store in a missing or empty folder, never inside
    a folder holding other files (a mistyped ``--store data/filings``).
    """
    if (path / "CURRENT").is_file():
        return
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is not a store (it is a file; pass the store folder written by build)")
    if read_only and not path.exists():
        raise StoreError(f"no store at {path} (run `filing-kg build ... --out DIR` first, or pass --store)")
    if path.is_dir() and (read_only or any(path.iterdir())):
        raise StoreError(f"{path} is not a store (no Oxigraph store files in it; pass the store folder written by build)")


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open (creating if needed) a persistent store at ``path``, or an in-memory one for ``None``.

    One process at a time may open a given path for writing (Oxigraph holds a lock).
    """
    if path is None:
        return GraphStore(ox.Store())
    path = Path(path)
    _check_store_folder(path, read_only)
    try:
        if read_only:
            store = ox.Store.read_only(str(path))
        else:
            path.mkdir(parents=True, exist_ok=True)
            store = ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"cannot open store at {path}: it is open for writing in another process "
                             "(a build or `serve --allow-updates`); wait for it or open it read-only") from exc
        raise StoreError(f"cannot open store at {path}: {exc}") from exc
    if not merged.is_merged(store):
        if read_only:
            log.warning("store at %s predates the merged default graph: queries count a triple once per "
                        "document stating it until it is opened for writing (e.g. by `filing-kg build`)", path)
        else:
            merged.sync(store)
            log.info("store at %s: merged default graph built", path)
    return GraphStore(store, path, read_only=read_only)
