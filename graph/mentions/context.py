"""The working state of one document's extraction, shared by every rule.

Rules read text *views* (layout lines for cover pages and signature blocks,
a reflowed view parsed by spaCy for sentences) and write entities and facts
into the document's :class:`EntityRegistry`, always with :class:`Evidence`
whose offsets point into the source file.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, NamedTuple

from graph.mentions.registry import EntityRegistry
from graph.model import Evidence, SourceDocument, TextPart
from graph.mentions.spanents import span_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

    from graph.mentions.signatures import Signature

#: a holder-table row as (start, end, text) in a view's layout text
HolderRow = tuple[int, int, str]


class Listing(NamedTuple):
    """One Section 12(b) row: where it is, the trading symbol and the exchange."""

    view: "PartView"
    start: int
    symbol: str
    exchange: str | None


@dataclass
class PartView:
    """One document part seen two ways: as laid out, and reflowed for NLP."""

    layout: TextPart
    flow: TextPart
    doc: "Doc | None" = None  # spaCy parse of ``flow.text``
    nlp: bool = True  # False for parts read structurally (form boxes): no NER noise from captions
    #: index of the document part (SGML <DOCUMENT>) this view shows; a long part gives several views
    part_index: int = 0
    #: entity key of the company this part speaks for ("the Company" of a merger agreement's target);
    #: None: the registrant (see :mod:`graph.mentions.subjects`)
    subject: str | None = None

    @property
    def doc_type(self) -> str | None:
        return self.layout.doc_type


@dataclass
class DocContext:
    """Everything the rules of one document share."""

    source: SourceDocument
    views: list[PartView]
    registry: EntityRegistry
    form_type: str | None = None
    report_date: str | None = None
    #: source spans read by a structure rule (listing rows, holder tables): NER leaves them alone
    claimed: list[tuple[int, int]] = field(default_factory=list)
    #: holder-table rows found per view, applied once the registrant is known
    holder_rows: list[tuple[PartView, list[HolderRow]]] = field(default_factory=list)
    #: Section 12(b) listing rows, recorded for the registrant once it is known
    listings: list[Listing] = field(default_factory=list)
    #: file numbers printed with a label outside a cover page: (part, value, start, end)
    labelled_file_numbers: list[tuple[TextPart, str, int, int]] = field(default_factory=list)
    #: instrument types already described, so a later bare "the notes" keeps its type
    instrument_types: set[str] = field(default_factory=set)
    #: signature blocks per view index, for the document's report date
    signatures: list[tuple[int, Signature]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.source.doc_id

    @contextmanager
    def speaking_for(self, view: PartView) -> Iterator[None]:
        """Within a part about another company, rules that mean "the registrant" mean that company.

        The registry's registrant is swapped for the part's subject while the part's
        rules run, so "the Company", default issuers and implicit employers follow
        the part; the document's own registrant comes back afterwards.
        """
        reg = self.registry
        if view.subject is None or view.subject not in reg.entities or view.subject == reg.registrant:
            yield
            return
        registrant = reg.registrant
        reg.registrant = view.subject
        try:
            yield
        finally:
            reg.registrant = registrant

    def evidence(
        self,
        part: TextPart,
        start: int,
        end: int,
        method: str,
        confidence: float = 0.9,
        sentence: str | None = None,
    ) -> Evidence:
        """Evidence for a span of a part's clean text, mapped back to the source."""
        s, e = part.source_span(start, end)
        if sentence is None:
            sentence = _line_context(part.text, start, end)
        return Evidence(self.doc_id, s, e, _squash(sentence), method, confidence)

    def span_evidence(self, view: PartView, span: "Span", method: str, confidence: float = 0.8) -> Evidence:
        """Evidence for a spaCy span of a view's reflowed text, with its sentence."""
        return self.evidence(view.flow, span.start_char, span.end_char, method, confidence, span_text(span.sent))

    def field_evidence(self, start: int, end: int, text: str, method: str, confidence: float = 1.0) -> Evidence:
        """Evidence for a structured field that already carries source offsets."""
        return Evidence(self.doc_id, start, end, _squash(text), method, confidence)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:500]


def _line_context(text: str, start: int, end: int) -> str:
    """The lines around a span: the 'sentence' of layout text."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]
