"""The units of work an executor runs, as plain module-level functions (picklable for pools and Dask).

A worker loads the spaCy model once per process (:func:`graph.mentions.nlp.load_nlp`
is cached) and then turns chunks of files into :class:`Outcome` records in
input order; failures travel as one-line reasons, not exceptions, because
:class:`~graph.errors.SourceError` does not survive pickling.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from graph.errors import SourceError
from graph.log import get_logger
from graph.model import Extraction, SourceDocument
from graph.timing import StageTimer

log = get_logger("parallel.work")


@dataclass
class Outcome:
    """What became of one file: a (document-local) extraction, or why not."""

    path: str
    extraction: Extraction | None = None
    reason: str | None = None  # one line, as in SourceError.reason / Failure.reason


@dataclass
class ChunkResult:
    """Outcomes of a chunk of files, in input order, and the seconds spent per stage."""

    outcomes: list[Outcome]
    seconds: dict[str, float] = field(default_factory=dict)


def warm_up(model: str) -> None:
    """Pool initializer: load the model once, before the first task arrives."""
    from graph.mentions.nlp import load_nlp

    load_nlp(model)


def extract_files(paths: Sequence[str], model: str, batch_size: int = 16) -> ChunkResult:
    """Read and extract a chunk of files (one ``nlp.pipe`` batch across them)."""
    from graph.mentions.extract import extract_batch
    from graph.mentions.nlp import load_nlp
    from graph.source import read_source

    timer = StageTimer()
    outcomes = [Outcome(str(p)) for p in paths]
    docs: list[tuple[int, SourceDocument]] = []
    for i, p in enumerate(paths):
        try:
            with timer.stage("read"):
                docs.append((i, read_source(p)))
        except SourceError as exc:
            outcomes[i].reason = exc.reason
    if docs:
        nlp = load_nlp(model)
        for group in text_batches(docs):
            results = extract_batch([sd for _, sd in group], nlp, batch_size, timer)
            for (i, _), res in zip(group, results):
                if isinstance(res, Exception):
                    log.error("extraction failed for %s", paths[i], exc_info=res)
                    outcomes[i].reason = f"extraction failed: {res.__class__.__name__}: {res}"
                else:
                    outcomes[i].extraction = res
            release_memory()
    return ChunkResult(outcomes, dict(timer.seconds))


#: characters of document text whose spaCy Docs are held at once: a batch of documents
#: is cut here, so a chunk of long filings costs no more memory than one long filing
#: (``nlp.pipe`` batches are bounded apart, by :data:`graph.text.chunks.PARSE_CHARS`).
BATCH_TEXT_CHARS = 150_000


def text_batches(docs: Sequence[tuple[int, SourceDocument]], limit: int = BATCH_TEXT_CHARS) -> list[list[tuple[int, SourceDocument]]]:
    """Consecutive runs of ``docs`` whose texts add up to at most ``limit`` characters (a longer one alone)."""
    groups: list[list[tuple[int, SourceDocument]]] = []
    size = 0
    for item in docs:
        chars = sum(len(part.text) for part in item[1].parts)
        if groups and size + chars <= limit:
            groups[-1].append(item)
            size += chars
        else:
            groups.append([item])
            size = chars
    return groups


def release_memory() -> None:
    """Hand freed heap pages back to the system (glibc only; elsewhere a no-op).

    A parsed filing's Docs are many small C allocations; once freed, glibc keeps
    the pages for reuse, so the process would stay at the size of its largest
    batch and later batches would fragment around it.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def extract_blobs(blobs: Sequence[tuple[str, bytes | str]], model: str, batch_size: int = 16) -> ChunkResult:
    """Like :func:`extract_files` for file contents shipped to a worker that cannot see the files.

    Each blob is written under its own file name in a private temporary folder
    (the name is the document id) and read from there; outcomes name the
    client's path. A ``str`` instead of bytes is the reason the client could
    not read the file.
    """
    outcomes = [Outcome(path) for path, _ in blobs]
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="fkg-") as tmp:
        local: list[str] = []
        slots: list[int] = []
        for i, (path, data) in enumerate(blobs):
            if isinstance(data, str):
                outcomes[i].reason = data
                continue
            folder = Path(tmp) / str(i)
            folder.mkdir()
            target = folder / os.path.basename(path)
            target.write_bytes(data)
            local.append(str(target))
            slots.append(i)
        if local:
            result = extract_files(local, model, batch_size)
            seconds = result.seconds
            for i, outcome in zip(slots, result.outcomes):
                outcome.path = outcomes[i].path
                outcomes[i] = outcome
    return ChunkResult(outcomes, seconds)


def render_shards(extractions: Sequence[Extraction]) -> tuple[list[tuple[str, bytes]], dict[str, float]]:
    """Resolved extractions -> (doc id, N-Quads shard) pairs in order, and the seconds spent."""
    from graph.parallel.shards import document_nquads

    timer = StageTimer()
    out: list[tuple[str, bytes]] = []
    with timer.stage("rdf"):
        for ex in extractions:
            out.append((ex.doc_id, document_nquads(ex)))
    return out, dict(timer.seconds)
