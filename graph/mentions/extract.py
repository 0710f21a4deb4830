"""Turn one :class:`SourceDocument` into an :class:`Extraction` (local entity keys).

Order matters and is fixed here: structured facts (header, XML) first, then
the cover page, then NLP entities, the registrant, signatures, and the
sentence rules, which need to know who "the Company" is.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from spacy.language import Language

from graph.mentions.registry import EntityRegistry
from graph.mentions.structured import apply_form, apply_header
from graph.mentions.context import DocContext, PartView
from graph.mentions.cover import apply_cover, apply_labelled_file_numbers
from graph.mentions.letters import apply_letters
from graph.mentions.officer_tables import apply_officer_tables
from graph.mentions.listing import apply_listing_table, record_listings
from graph.mentions.document import apply_document_facts
from graph.mentions.entities import collect_entities, find_agencies, resolve_short_mentions
from graph.mentions.exhibit21 import apply_exhibit21
from graph.mentions.holders import apply_holder_tables, claim_holder_tables
from graph.mentions.instruments import apply_instruments
from graph.mentions.registrant import guess_registrant
from graph.mentions.relations import apply_relations
from graph.mentions.signatures import Signature, apply_signatures
from graph.model import Extraction, SourceDocument
from graph.mentions.spanents import release
from graph.timing import StageTimer
from graph.source.textforms import parse_text_ownership

TEXT_OWNERSHIP_FORMS = {"3", "4", "5", "3/A", "4/A", "5/A"}
from graph.text.reflow import reflow


def prepare(sd: SourceDocument) -> DocContext:
    """Views and structured facts; everything that needs no NLP."""
    reg = EntityRegistry(sd.doc_id)
    apply_header(reg, sd)
    form = (sd.form_type.value if sd.form_type else "").upper()
    if sd.structured is None and form in TEXT_OWNERSHIP_FORMS and sd.parts:
        sd.structured = parse_text_ownership(sd.parts[0], form)
    if sd.structured is not None:
        apply_form(reg, sd, sd.structured)
    # XML forms were read structurally above: their readable rendering needs no NLP
    views = [PartView(layout=p, flow=reflow(p)) for p in sd.parts if p.text.strip() and p.kind != "xml"]
    ctx = DocContext(sd, views, reg)
    for view in views[:1]:
        apply_cover(ctx, view)
        if sd.structured is not None and view.layout is sd.parts[0]:
            view.nlp = False
    for view in views:
        if not view.nlp:
            find_agencies(ctx, view)
    return ctx


def finish(ctx: DocContext) -> Extraction:
    """Rules over parsed views, then document facts."""
    for view in ctx.views:
        apply_exhibit21(ctx, view)
        claim_holder_tables(ctx, view)
    for view in ctx.views[:1]:
        apply_listing_table(ctx, view)
    for view in ctx.views:
        collect_entities(ctx, view)
    guess_registrant(ctx)
    apply_labelled_file_numbers(ctx)
    record_listings(ctx)
    sigs: list[tuple[int, Signature]] = []
    for i, view in enumerate(ctx.views):
        sigs.extend((i, s) for s in apply_signatures(ctx, view))
    for view in ctx.views:
        resolve_short_mentions(ctx, view)
        apply_relations(ctx, view)
        apply_instruments(ctx, view)
        apply_letters(ctx, view)
        apply_officer_tables(ctx, view)
    apply_holder_tables(ctx)
    apply_document_facts(ctx, sigs)
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
