"""Turn one :class:`SourceDocument` into an :class:`Extraction` (local entity keys).

The rules and their order live in :mod:`graph.mentions.rules` as registered
steps; this module builds the views, batches the spaCy work across documents
and runs the two pipelines around it.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from spacy.language import Language

from graph.mentions.context import DocContext, PartView
from graph.mentions.registry import EntityRegistry
from graph.mentions.rules import FINISH_STEPS, PREPARE_STEPS
from graph.mentions.spanents import release
from graph.mentions.steps import run_steps
from graph.model import Extraction, SourceDocument
from graph.text.chunks import split_part
from graph.text.reflow import reflow
from graph.timing import StageTimer


def prepare(sd: SourceDocument) -> DocContext:
    """Views and the rules that need no NLP (:data:`graph.mentions.rules.PREPARE`)."""
    # XML forms were read structurally: their readable rendering needs no NLP; very long
    # parts are cut into parser-sized pieces (spaCy's max_length, bounded parser memory)
    views = [
        PartView(layout=piece, flow=reflow(piece), part_index=i)
        for i, p in enumerate(sd.parts)
        if p.text.strip() and p.kind != "xml"
        for piece in split_part(p)
    ]
    ctx = DocContext(sd, views, EntityRegistry(sd.doc_id))
    run_steps(PREPARE_STEPS, ctx)
    return ctx


def finish(ctx: DocContext) -> Extraction:
    """The rules over parsed views (:data:`graph.mentions.rules.FINISH`), then the extraction."""
    run_steps(FINISH_STEPS, ctx)
    reg = ctx.registry
    return Extraction(
        doc_id=ctx.doc_id,
        sha256=ctx.source.sha256,
        form_type=ctx.source.form_type.value if ctx.source.form_type else None,
        registrant=reg.registrant,
        entities=reg.entities,
        instruments=reg.instruments,
        facts=reg.facts,
    )


def extract_batch(
    docs: Sequence[SourceDocument],
    nlp: Language,
    batch_size: int = 16,
    timer: StageTimer | None = None,
) -> list[Extraction | Exception]:
    """Extract a few documents with one ``nlp.pipe`` over all their NLP views (batched across documents).

    One outcome per document, in order: its extraction, or the exception that
    stopped it, so one bad document never costs the others. Views that need no
    NLP (XML forms, form boxes) never reach spaCy. Stages are timed into
    ``timer`` ("clean": views and structured facts, "nlp", "rules").
    """
    timer = timer if timer is not None else StageTimer()
    outcomes: list[Extraction | Exception | None] = [None] * len(docs)
    ctxs: list[DocContext | None] = [None] * len(docs)
    for i, sd in enumerate(docs):
        try:
            with timer.stage("clean"):
                ctxs[i] = prepare(sd)
        except Exception as exc:  # noqa: BLE001 - reported per document by the caller
            outcomes[i] = exc
    views = [(i, v) for i, ctx in enumerate(ctxs) if ctx is not None for v in ctx.views if v.nlp]
    with timer.stage("nlp"):
        try:
            for (_, view), doc in zip(views, nlp.pipe([v.flow.text for _, v in views], batch_size=batch_size)):
                view.doc = doc
        except Exception:  # noqa: BLE001 - find the document that fails, parse the others
            for i, view in views:
                if outcomes[i] is not None or view.doc is not None:
                    continue
                try:
                    view.doc = nlp(view.flow.text)
                except Exception as exc:  # noqa: BLE001
                    outcomes[i] = exc
    for i, ctx in enumerate(ctxs):
        if ctx is None or outcomes[i] is not None:
            continue
        try:
            with timer.stage("rules"):
                outcomes[i] = finish(ctx)
        except Exception as exc:  # noqa: BLE001
            outcomes[i] = exc
        finally:
            for view in ctx.views:
                if view.doc is not None:
                    release(view.doc)
                    view.doc = None  # the spaCy doc is the bulk of a document's memory
    return [o for o in outcomes if o is not None]


def extract_documents(docs: Iterable[SourceDocument], nlp: Language, batch_size: int = 8) -> Iterator[Extraction]:
    """Extract many documents, batching the spaCy work with ``nlp.pipe``; raise on the first failure."""
    for sd in docs:
        (outcome,) = extract_batch([sd], nlp, batch_size)
        if isinstance(outcome, Exception):
            raise outcome
        yield outcome


def extract_document(sd: SourceDocument, nlp: Language, batch_size: int = 8) -> Extraction:
    """Extract one document (its parts are parsed together in one ``nlp.pipe`` batch)."""
    return next(extract_documents([sd], nlp, batch_size))
