"""The end-to-end flow as a library: sources -> extractions -> resolved RDF dataset.

The CLI is a thin layer over these functions; Python users call them
directly::

    from graph.pipeline import extract_paths, to_dataset
    result = extract_paths(["data/filings"])
    dataset = to_dataset(result.extractions)

Both entry points take ``jobs`` (a process pool) or ``dask`` (a Dask cluster
address, or ``local:N``); the graph is the same wherever the work runs, because
documents are extracted alone and entities are resolved across all of them in
this process (see :mod:`graph.parallel`). ``timer`` collects seconds per stage
(read, clean, nlp, rules, resolution, rdf, store) for benchmarks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from rdflib import Dataset

from graph.config import Settings
from graph.entities.resolve import plan_resolution, resolve
from graph.errors import SourceError
from graph.log import get_logger
from graph.model import Entity, Extraction, SourceDocument
from graph.parallel.executors import Executor, open_executor
from graph.parallel.spool import Spool
from graph.parallel.work import release_memory
from graph.timing import StageTimer
from graph.rdf.build import extraction_to_dataset
from graph.source import expand_sources, read_source

if TYPE_CHECKING:  # the store imports the rdf stage; keep the pipeline import light
    from graph.store import GraphStore

log = get_logger("pipeline")

Progress = Callable[[int], None]

#: bytes of N-Quads gathered before one load into the store, which is flushed after each
#: and its freed buffers handed back (:func:`~graph.parallel.work.release_memory`): the
#: store's write buffers grow with the batch, so a small one keeps a long build's memory
#: flat (250 8-Ks: the load's peak was 80 MB over its start with 8 MB batches, 41 MB with
#: 2 MB, in the same time).
LOAD_BATCH_BYTES = 2 << 20


@dataclass
class Failure:
    """A file that could not be processed, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ExtractResult:
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def counts(self) -> dict[str, Counter[str]]:
        """Entities by type and facts by relation, over the resolved extractions."""
        ents: Counter[str] = Counter()
        rels: Counter[str] = Counter()
        seen: set[str] = set()
        for ex in self.extractions:
            for key, ent in ex.entities.items():
                if key not in seen:
                    seen.add(key)
                    ents[ent.type] += 1
            for f in ex.facts:
                rels[f.relation] += 1
        return {"entities": ents, "relations": rels}


def read_sources(paths: Iterable[Path], failures: list[Failure]) -> Iterator[SourceDocument]:
    """Read each path; a file that is not a filing becomes a :class:`Failure`, the rest go on."""
    for path in paths:
        try:
            yield read_source(path)
        except SourceError as exc:
            log.debug("%s", exc)  # reported once, by whoever reads the failures (the CLI: an error line)
            failures.append(Failure(str(path), exc.reason))


def _expand(specs: Iterable[str | Path], result: ExtractResult, strict: bool) -> list[Path] | None:
    try:
        return expand_sources(specs)
    except SourceError as exc:
        if strict:
            raise
        result.failures.append(Failure(exc.path, exc.reason))
        return None


def _extracted(
    executor: Executor,
    paths: Sequence[Path],
    result: ExtractResult,
    *,
    strict: bool,
    progress: Progress | None,
    timer: StageTimer,
) -> Iterator[tuple[int, Extraction]]:
    """(position in ``paths``, document-local extraction) pairs as they finish; failures recorded in path order.

    A pool or cluster runs the largest tasks first and returns them as they
    finish (a long filing left for last would keep one worker busy while the
    rest idle); the callers put documents back in path order, so the graph is
    the same. ``strict`` keeps path order, and raises the first failure in it.
    """
    where = {str(p): i for i, p in enumerate(paths)}
    ordered = strict or len(where) < len(paths)
    failed: list[tuple[int, Failure]] = []
    for chunk in executor.extract(paths, ordered=ordered):
        timer.merge(chunk.seconds)
        for outcome in chunk.outcomes:
            if progress:
                progress(1)
            if outcome.extraction is None:
                reason = outcome.reason or "extraction failed"
                if strict:
                    raise SourceError(outcome.path, reason)
                log.debug("%s: %s", outcome.path, reason)  # reported once, from result.failures
                failed.append((where.get(outcome.path, len(paths)), Failure(outcome.path, reason)))
                continue
            yield where[outcome.path], outcome.extraction
    result.failures.extend(f for _, f in sorted(failed, key=itemgetter(0)))


def extract_paths(
    specs: Iterable[str | Path],
    settings: Settings | None = None,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    dask: str | None = None,
    strict: bool = False,
    timer: StageTimer | None = None,
) -> ExtractResult:
    """Read and extract every filing the specs name (files, folders, globs), resolved across documents.

    ``strict``: stop at the first file that fails (in path order), raising its
    :class:`SourceError`, instead of recording it in ``failures`` and going on.
    """
    settings = settings or Settings()
    timer = timer if timer is not None else StageTimer()
    result = ExtractResult()
    paths = _expand(specs, result, strict)
    if paths is None:
        return result
    with open_executor(settings, jobs, dask) as executor:
        found = sorted(_extracted(executor, paths, result, strict=strict, progress=progress, timer=timer), key=itemgetter(0))
        local = [ex for _, ex in found]
    with timer.stage("resolution"):
        result.extractions = resolve(local)
    return result


def to_dataset(extractions: Iterable[Extraction], dataset: Dataset | None = None) -> Dataset:
    """The RDF dataset (one named graph per document) of resolved extractions."""
    return extraction_to_dataset(extractions, dataset)


@dataclass
class BuildResult(ExtractResult):
    """What :func:`build_into_store` did: extractions stored, documents skipped as unchanged, failures."""

    skipped: list[str] = field(default_factory=list)


def _unchanged(path: Path, stored: dict[str, str]) -> bool:
    """The store holds this file's document built from the same bytes (sha256 of the raw file)."""
    from graph.source import read_file_bytes
    from graph.source.decode import sha256

    digest = stored.get(path.name)
    if digest is None:
        return False
    try:  # same reader and size limit as extraction: an oversized file is never read whole here
        return sha256(read_file_bytes(path)) == digest
    except SourceError:
        return False  # extraction will report why


def _entities_only(entities: dict[str, Entity]) -> dict[str, Entity]:
    """What resolution reads of a document: its entities without their evidence."""
    return {
        k: Entity(key=e.key, type=e.type, name=e.name, aliases=set(e.aliases), cik=e.cik, is_registrant=e.is_registrant)
        for k, e in entities.items()
    }


def _summary(ex: Extraction) -> Extraction:
    """A resolved extraction without evidence, for results of corpus builds (counts, doc ids)."""
    return replace(
        ex,
        entities={k: Entity(key=e.key, type=e.type, name=e.name, cik=e.cik) for k, e in ex.entities.items()},
        facts=[replace(f, evidence=None) for f in ex.facts],
    )


def build_into_store(
    specs: Iterable[str | Path],
    store: "GraphStore",
    settings: Settings | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
    jobs: int = 1,
    dask: str | None = None,
    strict: bool = False,
    timer: StageTimer | None = None,
    keep_extractions: bool = True,
    shards_dir: Path | None = None,
) -> BuildResult:
    """Add the filings the specs name to ``store``: new or changed ones only, resolved against its entities.

    A document whose source bytes hash to the ``fkg:sha256`` already stored is
    skipped (``force`` rebuilds it anyway), so re-adding a corpus is cheap and
    leaves the store unchanged. New extractions are resolved against the
    entities already stored, so a company or person keeps its node (key and
    name) across separate runs.

    The build streams: spaCy documents are dropped as soon as their rules have
    run, full extractions wait in a disk spool while only their entities stay
    in memory for resolution, and graphs reach the store as bulk-loaded N-Quads
    shards. ``jobs``/``dask`` run extraction and RDF rendering in parallel
    (same graph). ``keep_extractions=False`` keeps only evidence-free summaries
    in the result, so memory does not grow with the corpus' text;
    ``shards_dir`` also leaves each document's N-Quads shard there (for a
    cluster-scale triple store). ``strict``: stop at the first failed file,
    raising its :class:`SourceError`.
    """
    settings = settings or Settings()
    timer = timer if timer is not None else StageTimer()
    result = BuildResult()
    paths = _expand(specs, result, strict)
    if paths is None:
        return result
    stored = {} if force else store.document_hashes()
    todo: list[Path] = []
    for path in paths:
        if stored and _unchanged(path, stored):
            result.skipped.append(path.name)
            if progress:
                progress(1)
        else:
            todo.append(path)
    if todo:
        with open_executor(settings, jobs, dask) as executor, Spool() as spool:
            slots: dict[int, tuple[int, dict[str, Entity]]] = {}  # path position -> (spool index, entities)
            for pos, ex in _extracted(executor, todo, result, strict=strict, progress=progress, timer=timer):
                slots[pos] = (spool.append(ex), _entities_only(ex.entities))
            if slots:
                ranked = [slots[pos] for pos in sorted(slots)]  # path order
                order = [slot for slot, _ in ranked]  # spool indexes
                with timer.stage("resolution"):
                    plan = plan_resolution([entities for _, entities in ranked], known=store.known_entities())
                del slots, ranked

                def resolved() -> Iterator[Extraction]:
                    for i, slot in enumerate(order):
                        ex = plan.rekey(i, spool[slot])
                        result.extractions.append(ex if keep_extractions else _summary(ex))
                        yield ex

                _store_shards(store, executor.render(resolved()), timer, shards_dir)
    log.info("built %d documents, skipped %d unchanged", len(result.extractions), len(result.skipped))
    return result


def _store_shards(
    store: "GraphStore",
    rendered: Iterator[tuple[list[tuple[str, bytes]], dict[str, float]]],
    timer: StageTimer,
    shards_dir: Path | None,
) -> None:
    """Bulk-load rendered shards in batches of about :data:`LOAD_BATCH_BYTES` (and write them out if asked)."""
    from graph.parallel.shards import write_shards

    def shards() -> Iterator[tuple[str, bytes]]:
        for chunk, seconds in rendered:
            timer.merge(seconds)
            yield from chunk

    stream: Iterator[tuple[str, bytes]] = shards()
    if shards_dir is not None:
        stream = write_shards(stream, shards_dir)
    batch: list[tuple[str, bytes]] = []
    size = 0
    for doc_id, data in stream:
        batch.append((doc_id, data))
        size += len(data)
        if size >= LOAD_BATCH_BYTES:
            with timer.stage("store"):
                store.load_document_shards(batch)
                release_memory()
            batch, size = [], 0
    if batch:
        with timer.stage("store"):
            store.load_document_shards(batch)
            release_memory()
