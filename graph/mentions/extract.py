"""Turn one :class:`SourceDocument` into an :class:`Extraction` (local entity keys).

The rules and their order live in :mod:`graph.mentions.rules` as registered
steps; this module builds the views, batches the spaCy work across documents
and runs the two pipelines around it.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

import numpy
from spacy.language import Language
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

from graph.mentions.context import DocContext, PartView
from graph.mentions.registry import EntityRegistry
from graph.mentions.rules import FINISH_STEPS, PREPARE_STEPS
from graph.mentions.components import drop_document_terms
from graph.mentions.nlp import ner_only_disable
from graph.mentions.parse_cache import ARRAY_ATTRS, doc_from_array, piece_cache
from graph.mentions.scope import Region, sentence_starts, view_scopes
from graph.mentions.spanents import doc_text, release, with_text
from graph.mentions.steps import run_steps
from graph.model import Extraction, SourceDocument
from graph.text.chunks import PARSE_CHARS, block_bounds, split_part
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
        records=reg.records,
    )


def _lean(doc: Doc) -> Doc:
    """Drop the tok2vec tensor once parsed: no rule reads it, and it is most of a parse's memory."""
    doc.tensor = numpy.empty((0,), dtype="float32")
    return doc


def parse_texts(
    nlp: Language, texts: Sequence[str], batch_size: int = 16, scopes: Sequence[list[Region] | None] | None = None
) -> Iterator[Doc]:
    """One Doc per text, in order, covering the text exactly; only its selected regions are parsed.

    ``scopes`` gives each text's regions (:func:`graph.mentions.scope.regions`;
    ``None``: parse it all). Parsed regions are cut into blocks at blank lines,
    and blocks longer than :data:`~graph.text.chunks.PARSE_CHARS` again at line
    or sentence ends (:func:`~graph.text.chunks.block_bounds`); a block parsed
    before in this process comes from :mod:`graph.mentions.parse_cache`. The
    other pieces of all texts go through two bounded ``nlp.pipe`` passes,
    every component for *full* regions, ``ner`` alone (cheap sentences) for
    the others (:func:`graph.mentions.nlp.ner_only_disable`); filler regions
    are only tokenised, one flat sentence per unit. Then :func:`join_docs`
    joins a text's pieces: the joined Doc's text is the original text exactly,
    so every offset stays valid for the rules.
    """
    ner_disable = ner_only_disable(nlp)
    cache = piece_cache(nlp)
    plans: list[list[tuple[int, int, tuple[int, ...] | str | Doc]]] = []
    pieces: dict[str, list[str]] = {"full": [], "ner": []}
    for i, text in enumerate(texts):
        scope = scopes[i] if scopes is not None else None
        scope = scope if scope is not None else [Region(0, len(text), True, (0,))]
        plan: list[tuple[int, int, tuple[int, ...] | str | Doc]] = []
        for r in scope:
            if r.parse:
                mode = "full" if r.full or ner_disable is None else "ner"
                for s, e in block_bounds(text[r.start : r.end], PARSE_CHARS):
                    piece = text[r.start + s : r.start + e]
                    known = cache.get(nlp.vocab, mode, piece)  # boilerplate parsed before (graph.mentions.parse_cache)
                    plan.append((r.start + s, r.start + e, mode if known is None else with_text(known, piece)))
                    if known is None:
                        pieces[mode].append(piece)
            else:
                plan.append((r.start, r.end, r.units))
        plans.append(plan)
    parsed = {
        "full": _pipe_bounded(nlp, pieces["full"], batch_size),
        "ner": _tag_people(nlp, _pipe_bounded(nlp, pieces["ner"], batch_size, [*(ner_disable or []), CLEANUP])),
    }
    for text, plan in zip(texts, plans):
        docs = []
        for s, e, how in plan:
            if isinstance(how, Doc):
                docs.append(how)
            elif how == "full":
                docs.append(_lean(next(parsed["full"])))
                cache.put("full", text[s:e], docs[-1])
            elif how == "ner":
                doc = _lean(next(parsed["ner"]))
                docs.append(_flat_sentences(nlp, doc, sentence_starts(doc_text(doc))))
                cache.put("ner", text[s:e], docs[-1])
            else:
                docs.append(_flat_sentences(nlp, nlp.make_doc(text[s:e]), [u - s for u in how]))
        yield _joined(docs, text)


#: the PERSON filter reads tags (proper nouns); a NER-only pass tags the words around each person itself
CLEANUP = "fkg_person_cleanup"
#: tokens either side of a person tagged for the filter (the tagger's context is a few tokens)
TAG_WINDOW = 16


def _tag_people(nlp: Language, docs: Iterator[Doc], batch_size: int = 64) -> Iterator[Doc]:
    """NER-only Docs with the PERSON filter run: the words around each person tagged first.

    The filter drops "people" that are not proper nouns ("Shares Owned"), so it
    needs tags, but only of the people's own words: windows of
    :data:`TAG_WINDOW` tokens around each PERSON are tagged (tok2vec and tagger
    on the window's text) and their tags copied back; then the filter runs.
    """
    if CLEANUP not in nlp.pipe_names:
        yield from docs
        return
    cleanup = nlp.get_pipe(CLEANUP)
    keep = {"tok2vec", "tagger"}
    skip = [name for name in nlp.pipe_names if name not in keep]
    batch: list[Doc] = []

    def flush() -> Iterator[Doc]:
        windows: list[tuple[Doc, int, int]] = []
        for doc in batch:
            spans: list[list[int]] = []
            for ent in doc.ents:
                if ent.label_ != "PERSON":
                    continue
                s, e = max(0, ent.start - TAG_WINDOW), min(len(doc), ent.end + TAG_WINDOW)
                if spans and s <= spans[-1][1]:
                    spans[-1][1] = max(spans[-1][1], e)
                else:
                    spans.append([s, e])
            windows.extend((doc, s, e) for s, e in spans)
        texts = [doc[s:e].text for doc, s, e in windows]
        for (doc, s, e), tagged in zip(windows, nlp.pipe(texts, batch_size=batch_size, disable=skip)):
            if len(tagged) == e - s and all(a.text == b.text for a, b in zip(tagged, doc[s:e])):
                for a, b in zip(tagged, doc[s:e]):
                    b.tag_ = a.tag_
        for doc in batch:
            yield cleanup(doc)

    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def _flat_sentences(nlp: Language, doc: Doc, starts: Sequence[int]) -> Doc:
    """Give ``doc`` flat sentences starting at the characters ``starts``: each one's first token is its root."""
    n = len(doc)
    if n == 0:
        return doc
    idx = numpy.fromiter((t.idx for t in doc), dtype="int64", count=n)
    bounds = numpy.asarray(starts, dtype="int64")
    owner = numpy.searchsorted(bounds, idx, side="right") - 1
    owner = numpy.clip(owner, 0, len(bounds) - 1)
    first = numpy.searchsorted(idx, bounds, side="left")
    roots = numpy.minimum(first[owner], numpy.arange(n))
    roots = numpy.where(roots < 0, 0, roots)
    heads = (roots - numpy.arange(n)).astype("int64")
    root_id, dep_id = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    deps = numpy.where(heads == 0, root_id, dep_id).astype("uint64")
    doc.from_array([HEAD, DEP], numpy.stack([heads.astype("uint64"), deps], axis=1))
    return doc


def _pipe_bounded(nlp: Language, texts: list[str], batch_size: int, disable: list[str] | None = None) -> Iterator[Doc]:
    """``nlp.pipe`` in batches of at most ``batch_size`` texts *and* about two pieces' worth of characters."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or size + len(text) > 2 * PARSE_CHARS):
            yield from nlp.pipe(_made(nlp, batch), batch_size=len(batch), disable=disable or [])
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(_made(nlp, batch), batch_size=len(batch), disable=disable or [])


def _made(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """Tokenised Docs that keep their text (:func:`graph.mentions.spanents.doc_text`) for the components."""
    for text in texts:
        yield with_text(nlp.make_doc(text), text)


def _joined(docs: list[Doc], text: str) -> Doc:
    """One Doc of a view's pieces, with the vocabulary checks run over the whole view's prose."""
    if len(docs) == 1:
        return with_text(docs[0], text)  # the rules read sentences' text as slices of it
    return drop_document_terms(with_text(join_docs(docs), text))


def join_docs(docs: Sequence[Doc]) -> Doc:
    """``Doc.from_docs(docs, ensure_whitespace=False)`` for the consecutive pieces of one text, faster.

    ``from_docs`` reads every token's text and whitespace through a Python
    ``Token`` (and rebuilds each piece's text), which was most of the join's
    cost; here words and spaces come from the token arrays. The same array
    attributes are copied (tags, parse, sentence starts, entities), so the
    result equals ``from_docs``'s; user data and span groups are not carried
    (no piece has any the rules read).
    """
    return doc_from_array(docs[0].vocab, numpy.concatenate([d.to_array(ARRAY_ATTRS) for d in docs]))


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
    # only the regions the rules read get NER and the parser (graph.mentions.scope)
    scoped = [(i, v, s) for i, ctx in enumerate(ctxs) if ctx is not None for v, s in zip(ctx.views, view_scopes(ctx.views))]
    views = [(i, v) for i, v, s in scoped if s]
    scopes = [s for _, _, s in scoped if s]
    with timer.stage("nlp"):
        try:
            texts = [v.flow.text for _, v in views]
            for (_, view), doc in zip(views, parse_texts(nlp, texts, batch_size, scopes)):
                view.doc = doc
        except Exception:  # noqa: BLE001 - find the document that fails, parse the others
            for (i, view), scope in zip(views, scopes):
                if outcomes[i] is not None or view.doc is not None:
                    continue
                try:
                    (view.doc,) = parse_texts(nlp, [view.flow.text], 1, [scope])
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
