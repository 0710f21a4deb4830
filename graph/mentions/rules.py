"""The extraction rules of filing-kg, registered as steps and put in order.

Two pipelines: :data:`PREPARE` needs no NLP (headers, XML forms, cover pages,
form boxes); :data:`FINISH` runs after spaCy has parsed the views. The order
is checked when this module is imported (:func:`graph.mentions.steps.check_pipeline`):
structure readers claim their spans before NER entities are collected, the
registrant is known before any rule that says "the Company", and document
facts come last because they read the signatures.
"""

from __future__ import annotations

from graph.mentions.context import DocContext, PartView
from graph.mentions.cover import apply_cover, apply_labelled_file_numbers
from graph.mentions.document import apply_document_facts
from graph.mentions.entities import collect_entities, find_agencies, outline_step, resolve_short_mentions
from graph.mentions.exhibit21 import apply_exhibit21
from graph.mentions.holders import apply_holder_tables, claim_holder_tables
from graph.mentions.instruments import apply_instruments
from graph.mentions.letters import apply_letters
from graph.mentions.listing import apply_listing_table, record_listings
from graph.mentions.officer_tables import apply_officer_tables
from graph.mentions.party_tables import apply_party_tables
from graph.mentions.registrant import guess_registrant
from graph.mentions.relations import apply_relations
from graph.mentions.schedule13 import apply_schedule13_cover, apply_schedule13_form
from graph.mentions.signatures import apply_signatures
from graph.mentions.steps import check_pipeline, register
from graph.mentions.structured import apply_form, apply_fund_notice, apply_header
from graph.mentions.subjects import assign_part_subjects
from graph.source.textforms import parse_text_ownership

TEXT_OWNERSHIP_FORMS = {"3", "4", "5", "3/A", "4/A", "5/A"}


def header_step(ctx: DocContext) -> None:
    """SGML header: filer and subject companies with CIK, file number, state, IRS number, address."""
    apply_header(ctx.registry, ctx.source)


def text_ownership_step(ctx: DocContext) -> None:
    """Text-era Forms 3/4/5: read their boxes into the same structured form as the XML forms."""
    sd = ctx.source
    form = (sd.form_type.value if sd.form_type else "").upper()
    if sd.structured is None and form in TEXT_OWNERSHIP_FORMS and sd.parts:
        sd.structured = parse_text_ownership(sd.parts[0], form)


def structured_form_step(ctx: DocContext) -> None:
    """XML (or text-era) structured forms: issuer, reporting owners, relationships, securities."""
    if ctx.source.structured is not None:
        apply_form(ctx.registry, ctx.source, ctx.source.structured)


def fund_notice_step(ctx: DocContext) -> None:
    """Form 24F-2 notices: share counts of their numbered items."""
    apply_fund_notice(ctx.registry, ctx.source)


def form_boxes_step(ctx: DocContext) -> None:
    """A form read structurally keeps its main part away from NER (captions are not names)."""
    sd = ctx.source
    if sd.structured is not None and sd.parts:
        for view in ctx.views[:1]:
            if view.layout is sd.parts[0]:
                view.nlp = False


def signatures_step(ctx: DocContext, view: PartView) -> None:
    """Signature blocks and tables of one view, kept for the report date."""
    index = next(i for i, v in enumerate(ctx.views) if v is view)
    ctx.signatures.extend((index, sig) for sig in apply_signatures(ctx, view))


def document_facts_step(ctx: DocContext) -> None:
    """form_type, filed_by and report_date of the document."""
    apply_document_facts(ctx, ctx.signatures)


register("sgml-header", header_step, scope="document", assigns=("registrant", "entities"))
register("text-ownership-form", text_ownership_step, scope="document", assigns=("structured",))
register("structured-form", structured_form_step, scope="document", requires=("structured",), assigns=("registrant", "entities"))
register("fund-notice", fund_notice_step, scope="document", requires=("registrant",))
register("schedule13-form", apply_schedule13_form, scope="document", requires=("structured",), assigns=("entities",))
register("cover-page", apply_cover, scope="first-view", assigns=("registrant", "labelled_file_numbers"))
register("schedule13-cover", apply_schedule13_cover, scope="document", requires=("registrant",), assigns=("entities", "claimed"))
register("form-boxes", form_boxes_step, scope="document", requires=("structured",), assigns=("nlp_views",))
register("agencies-in-boxes", find_agencies, scope="structure-view", requires=("nlp_views",), assigns=("entities",))

register("exhibit21", apply_exhibit21, scope="view", requires=("parse",), assigns=("entities", "registrant", "claimed"),
         doc="Exhibit 21 subsidiary lists: subsidiaries, their parents and places of organisation.")
register("holder-table-claims", claim_holder_tables, scope="view", assigns=("holder_rows", "claimed"))
register("listing-table", apply_listing_table, scope="first-view", assigns=("listings", "claimed"),
         doc="Section 12(b) table of a cover page: trading symbols and exchanges.")
register("outline", outline_step, scope="view", requires=("parse",), assigns=("headings",))
register("ner-entities", collect_entities, scope="view", requires=("parse", "claimed"), assigns=("entities",))
register("registrant", guess_registrant, scope="document", requires=("entities",), assigns=("registrant",))
register("part-subjects", assign_part_subjects, scope="document", requires=("registrant", "entities"), assigns=("subjects",))
register("labelled-file-numbers", apply_labelled_file_numbers, scope="document", requires=("registrant", "labelled_file_numbers"))
register("listings", record_listings, scope="document", requires=("registrant", "listings"),
         doc="Symbols and exchanges of the listing table, for the registrant.")
register("signatures", signatures_step, scope="view", requires=("registrant", "subjects"), assigns=("signatures",))
register("short-mentions", resolve_short_mentions, scope="view", requires=("parse", "entities"), assigns=("entities",))
register("sentence-relations", apply_relations, scope="view", requires=("parse", "registrant", "entities"))
register("party-tables", apply_party_tables, scope="view", requires=("registrant",),
         doc="Underwriting tables and cover captions: underwriters and placement agents of the offering.")
register("instruments", apply_instruments, scope="view", requires=("parse", "registrant"), assigns=("instrument_types",))
register("letters", apply_letters, scope="view", requires=("registrant",),
         doc="Letters signed by a firm (auditors' consents, counsel's opinions) addressed to the registrant.")
register("officer-tables", apply_officer_tables, scope="view", requires=("registrant",),
         doc="Name | Age | Position tables of officers and directors.")
register("holder-tables", apply_holder_tables, scope="document", requires=("registrant", "holder_rows"))
register("document-facts", document_facts_step, scope="document", requires=("registrant", "signatures"), assigns=("report_date",))

#: rules that need no NLP, in order
PREPARE = [
    "sgml-header",
    "text-ownership-form",
    "structured-form",
    "fund-notice",
    "schedule13-form",
    "cover-page",
    "schedule13-cover",
    "form-boxes",
    "agencies-in-boxes",
]

#: rules over parsed views, in order
FINISH = [
    "outline",
    "exhibit21",
    "holder-table-claims",
    "listing-table",
    "ner-entities",
    "registrant",
    "part-subjects",
    "labelled-file-numbers",
    "listings",
    "signatures",
    "short-mentions",
    "sentence-relations",
    "party-tables",
    "instruments",
    "letters",
    "officer-tables",
    "holder-tables",
    "document-facts",
]

PREPARE_STEPS = check_pipeline(PREPARE)
FINISH_STEPS = check_pipeline(FINISH, provided=frozenset().union(*(s.assigns for s in PREPARE_STEPS), {"registry", "views", "source", "parse"}))
