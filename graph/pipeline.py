"""The end-to-end flow as a library: sources -> extractions -> resolved RDF dataset.

The CLI is a thin layer over these functions; Python users call them
directly::

    from graph.pipeline import extract_paths, to_dataset
    result = extract_paths(["data/filings"])
    dataset = to_dataset(result.extractions)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from rdflib import Dataset

from graph.config import Settings
from graph.entities.resolve import resolve
from graph.errors import SourceError
from graph.log import get_logger
from graph.mentions.extract import extract_document
from graph.mentions.nlp import load_nlp
from graph.model import Extraction, SourceDocument
from graph.rdf.build import extraction_to_dataset
from graph.source import expand_sources, read_source

if TYPE_CHECKING:  # the store imports the rdf stage; keep the pipeline import light
    from graph.store import GraphStore

log = get_logger("pipeline")

Progress = Callable[[int], None]


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
            log.warning("%s", exc)
            failures.append(Failure(str(path), exc.reason))


def extract_paths(
    specs: Iterable[str | Path],
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> ExtractResult:
    """Read and extract every filing the specs name (files, folders, globs), resolved across documents."""
    settings = settings or Settings()
    result = ExtractResult()
    try:
        paths = expand_sources(specs)
    except SourceError as exc:
        result.failures.append(Failure(exc.path, exc.reason))
        return result
    nlp = load_nlp(settings.spacy_model)
    local: list[Extraction] = []
    for sd in read_sources(paths, result.failures):
        try:
            local.append(extract_document(sd, nlp, settings.batch_size))
        except Exception as exc:  # one bad document must not stop a corpus build
            log.exception("extraction failed for %s", sd.path)
            result.failures.append(Failure(str(sd.path), f"extraction failed: {exc.__class__.__name__}: {exc}"))
        if progress:
            progress(1)
    result.extractions = resolve(local)
    return result


def to_dataset(extractions: Iterable[Extraction], dataset: Dataset | None = None) -> Dataset:
    """The RDF dataset (one named graph per document) of resolved extractions."""
    return extraction_to_dataset(extractions, dataset)


@dataclass
class BuildResult(ExtractResult):
    """What :func:`build_into_store` did: extractions stored, documents skipped as unchanged, failures."""

    skipped: list[str] = field(default_factory=list)


def build_into_store(
    specs: Iterable[str | Path],
    store: "GraphStore",
    settings: Settings | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Add the filings the specs name to ``store``: new or changed ones only, resolved against its entities.

    A document whose source bytes hash to the ``fkg:sha256`` already stored is
    skipped (``force`` rebuilds it anyway), so re-adding a corpus is cheap and
    leaves the store unchanged. New extractions are resolved against the
    entities already stored, so a company or person keeps its node (key and
    name) across separate runs.
    """
    settings = settings or Settings()
    result = BuildResult()
    try:
        paths = expand_sources(specs)
    except SourceError as exc:
        result.failures.append(Failure(exc.path, exc.reason))
        return result
    stored = {} if force else store.document_hashes()
    nlp = None
    local: list[Extraction] = []
    for sd in read_sources(paths, result.failures):
        if stored.get(sd.doc_id) == sd.sha256:
            result.skipped.append(sd.doc_id)
        else:
            nlp = nlp or load_nlp(settings.spacy_model)
            try:
                local.append(extract_document(sd, nlp, settings.batch_size))
            except Exception as exc:  # one bad document must not stop a corpus build
                log.exception("extraction failed for %s", sd.path)
                result.failures.append(Failure(str(sd.path), f"extraction failed: {exc.__class__.__name__}: {exc}"))
        if progress:
            progress(1)
    if local:
        result.extractions = resolve(local, known=store.known_entities())
        store.add_extractions(result.extractions)
    log.info("built %d documents, skipped %d unchanged", len(result.extractions), len(result.skipped))
    return result
