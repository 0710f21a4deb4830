"""Small typed records passed between pipeline stages.

Every stage speaks these types, so each can be tested (and replaced) alone:

* ``source`` produces :class:`SourceDocument` (with :class:`TextPart` and,
  for EDGAR submissions, a :class:`SecHeader`; for XML forms a
  :class:`StructuredForm`).
* ``mentions``/``entities`` produce an :class:`Extraction`: entities,
  instruments and :class:`Fact` records whose relations are exactly the
  relation names of the gold FORMAT (``officer_of``, ``cik``, ...), each with
  :class:`Evidence` pointing at a character span of the *source* text.
* ``rdf`` turns extractions into the ontology graph.

Offsets: all ``start``/``end`` values in :class:`Evidence` and
:class:`FieldValue` are character offsets into ``SourceDocument.source_text``
(the decoded file), so a fact can always be shown in its original context.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Sequence
from typing import Literal

EntityType = Literal["Company", "Person", "GovernmentAgency"]
ENTITY_TYPES: tuple[str, ...] = ("Company", "Person", "GovernmentAgency")

#: Relations of the gold FORMAT. Keys: relation name; values: (subject kind, object kind)
#: where kind is "entity", "instrument", "document" or "literal".
RELATIONS: dict[str, tuple[str, str]] = {
    "cik": ("entity", "literal"),
    "ticker": ("entity", "literal"),
    "exchange": ("entity", "literal"),
    "state_of_incorporation": ("entity", "literal"),
    "irs_employer_id": ("entity", "literal"),
    "commission_file_number": ("entity", "literal"),
    "postal_code": ("entity", "literal"),
    "subsidiary_of": ("entity", "entity"),
    "officer_of": ("entity", "entity"),
    "director_of": ("entity", "entity"),
    "signed": ("entity", "document"),
    "placement_agent_for": ("entity", "entity"),
    "underwriter_for": ("entity", "entity"),
    "transfer_agent_for": ("entity", "entity"),
    "trustee_for": ("entity", "entity"),
    "auditor_of": ("entity", "entity"),
    "legal_counsel_for": ("entity", "entity"),
    "broker_for": ("entity", "entity"),
    "investor_in": ("entity", "entity"),
    "shareholder_of": ("entity", "entity"),
    "acquired": ("entity", "entity"),
    "issued": ("entity", "literal"),
    "shares": ("instrument", "literal"),
    "price_per_share": ("instrument", "literal"),
    "exercise_price": ("instrument", "literal"),
    "conversion_price": ("instrument", "literal"),
    "interest_rate": ("instrument", "literal"),
    "principal_amount": ("instrument", "literal"),
    "maturity": ("instrument", "literal"),
    "expiration": ("instrument", "literal"),
    "convertible_into": ("instrument", "instrument"),
    "exercisable_for": ("instrument", "instrument"),
    "form_type": ("document", "literal"),
    "filed_by": ("document", "entity"),
    "report_date": ("document", "literal"),
}

TITLES: tuple[str, ...] = (
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Chief Operating Officer",
    "Chief Accounting Officer",
    "Chief Technology Officer",
    "Principal Executive Officer",
    "Principal Financial Officer",
    "Principal Accounting Officer",
    "President",
    "Chairman",
    "Vice Chairman",
    "Executive Vice President",
    "Senior Vice President",
    "Vice President",
    "Secretary",
    "Assistant Secretary",
    "Treasurer",
    "General Counsel",
    "Controller",
    "Managing Member",
    "Executive Officer",
)

INSTRUMENT_TYPES: tuple[str, ...] = (
    "Common Stock",
    "Preferred Stock",
    "Convertible Preferred Stock",
    "Warrant",
    "Option",
    "Restricted Stock Unit",
    "Convertible Note",
    "Note",
    "Debenture",
    "Bond",
    "Unit",
    "Right",
    "Membership Interest",
)

EXCHANGES: tuple[str, ...] = ("NASDAQ", "NYSE", "NYSE American", "OTC Bulletin Board", "OTC Markets")


# --------------------------------------------------------------------------- source


@dataclass
class TextPart:
    """Clean text of one document part, with a map back to source offsets.

    ``offsets[i]`` is the source offset of ``text[i]``; ``offsets`` has
    ``len(text) + 1`` entries, the last one being the source offset just past
    the part, so ``source_span(i, j)`` works for any ``0 <= i <= j <= len(text)``.
    """

    text: str
    offsets: Sequence[int]  # an ``array("q")`` from the renderers (compact); any int sequence works
    doc_type: str | None = None  # the <TYPE> of an EDGAR <DOCUMENT>, e.g. "8-K", "EX-99.1"
    description: str | None = None  # the <DESCRIPTION>, when given
    kind: Literal["text", "html", "xml"] = "text"

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the clean text to the source text."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class FieldValue:
    """A value read from a structured field (SGML header, XML element) with its source span."""

    value: str
    start: int = 0
    end: int = 0


@dataclass
class HeaderAddress:
    street: FieldValue | None = None
    city: FieldValue | None = None
    state: FieldValue | None = None
    zip: FieldValue | None = None
    phone: FieldValue | None = None


@dataclass
class HeaderCompany:
    """One party block of an EDGAR SGML header (FILER, SUBJECT COMPANY, REPORTING-OWNER, FILED BY)."""

    role: str  # "FILER", "SUBJECT COMPANY", "REPORTING-OWNER", "FILED BY", ...
    name: FieldValue | None = None  # COMPANY CONFORMED NAME
    cik: FieldValue | None = None  # CENTRAL INDEX KEY, leading zeros stripped
    sic: FieldValue | None = None
    irs_number: FieldValue | None = None  # as printed (digits)
    state_of_incorporation: FieldValue | None = None  # as printed, e.g. "DE"
    fiscal_year_end: FieldValue | None = None
    form_type: FieldValue | None = None  # FORM TYPE inside FILING VALUES
    file_numbers: list[FieldValue] = field(default_factory=list)  # SEC FILE NUMBER
    business_address: HeaderAddress | None = None
    mail_address: HeaderAddress | None = None
    former_names: list[FieldValue] = field(default_factory=list)


@dataclass
class SecHeader:
    """Fields of an EDGAR ``<SEC-HEADER>`` / ``<IMS-HEADER>`` block."""

    accession: FieldValue | None = None
    form_type: FieldValue | None = None  # CONFORMED SUBMISSION TYPE
    filed_as_of: FieldValue | None = None  # FILED AS OF DATE, ISO 8601 in .value
    period: FieldValue | None = None  # CONFORMED PERIOD OF REPORT, ISO 8601 in .value
    companies: list[HeaderCompany] = field(default_factory=list)


@dataclass
class FormParty:
    """A person or company named in a structured XML form."""

    name: FieldValue
    cik: FieldValue | None = None
    is_person: bool | None = None  # None: unknown
    # relationship boxes (Forms 3/4/5: reportingOwnerRelationship; Form D: relatedPersonInfo)
    is_director: bool = False
    is_officer: bool = False
    is_ten_percent_owner: bool = False
    is_promoter: bool = False
    officer_title: FieldValue | None = None  # free text as printed
    other_text: FieldValue | None = None
    street: FieldValue | None = None
    city: FieldValue | None = None
    state: FieldValue | None = None  # state or country code as printed
    zip: FieldValue | None = None
    associated_broker: FieldValue | None = None  # Form D: associatedBDName
    associated_broker_crd: FieldValue | None = None
    role: str = ""  # "reporting_owner", "related_person", "sales_compensation", "intermediary", "filer", "issuer"


@dataclass
class FormSecurity:
    """One row of an ownership form's tables, or an offered security of Form D/C."""

    title: FieldValue  # security title as printed
    derivative: bool = False
    transaction_code: FieldValue | None = None
    shares: FieldValue | None = None
    price: FieldValue | None = None
    exercise_price: FieldValue | None = None
    exercise_date: FieldValue | None = None
    expiration_date: FieldValue | None = None  # ISO 8601 in .value where parseable
    underlying_title: FieldValue | None = None
    underlying_shares: FieldValue | None = None


@dataclass
class FormSignature:
    name: FieldValue
    title: FieldValue | None = None
    date: FieldValue | None = None  # ISO 8601 in .value where parseable


@dataclass
class StructuredForm:
    """What an XML form (3, 4, 5, D, C, 144) states, parsed structurally (no NLP)."""

    form_type: FieldValue
    issuer: FormParty | None = None
    issuer_ticker: FieldValue | None = None
    issuer_state_of_incorporation: FieldValue | None = None  # as printed (code or name)
    issuer_entity_type: FieldValue | None = None  # Form D: "Limited Liability Company", ...
    period: FieldValue | None = None
    parties: list[FormParty] = field(default_factory=list)
    securities: list[FormSecurity] = field(default_factory=list)
    signatures: list[FormSignature] = field(default_factory=list)
    offering: dict[str, FieldValue] = field(default_factory=dict)  # Form D/C offering amounts etc.
    class_title: FieldValue | None = None  # Schedules 13D/13G: the class of securities reported on


@dataclass
class SourceDocument:
    """A file read and understood as a filing, ready for extraction."""

    doc_id: str  # the file name; the document's identity in facts and graphs
    path: Path
    source_text: str  # the decoded file
    sha256: str  # of the raw bytes
    encoding: str
    fmt: Literal["sgml", "text", "html", "xml"]
    form_type: FieldValue | None = None  # best form type: header, XML, <TYPE> or cover page
    header: SecHeader | None = None
    parts: list[TextPart] = field(default_factory=list)
    structured: StructuredForm | None = None


# --------------------------------------------------------------------------- extraction


@dataclass
class Evidence:
    """Where a fact or mention was read: document, source span, sentence, how, how sure."""

    doc_id: str
    start: int
    end: int
    sentence: str = ""
    method: str = ""  # e.g. "header:sgml", "xml:form4", "rule:signature", "ner:org+rule:subsidiary"
    confidence: float = 1.0


@dataclass
class Entity:
    """A company, person or government agency found in one document (before cross-document resolution)."""

    key: str  # unique within the extraction
    type: str  # one of ENTITY_TYPES
    name: str  # best (most complete) name seen in this document
    aliases: set[str] = field(default_factory=set)  # other surface forms seen
    cik: str | None = None
    is_registrant: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Instrument:
    """A security of one issuer and one vocabulary type ("Innovo Group Inc. / Warrant")."""

    key: str
    issuer: str  # entity key
    type: str  # one of INSTRUMENT_TYPES


@dataclass
class Fact:
    """One fact in the gold FORMAT's terms.

    ``subject``/``object`` hold an entity key, an instrument key, the document id or a
    literal, as ``RELATIONS[relation]`` says. Literals are already normalised: numbers
    as plain decimals ("2500000", "1.53"), dates/durations ISO 8601, vocabulary words
    exactly as in the vocabularies above.
    """

    subject: str
    relation: str
    object: str
    qualifier: str | None = None  # officer_of: the title
    evidence: Evidence | None = None
    start_date: str | None = None  # officer_of/director_of: appointment date, ISO 8601, where stated
    end_date: str | None = None  # officer_of/director_of: resignation or departure date, where stated


# --------------------------------------------------------------------------- ownership records
#
# What structured filings state plainly but FORMAT.md has no relation for: how
# much of a company a holder owns, the trades of an ownership form, and the
# amounts of an offering notice. They go to the ontology graph (with
# provenance) and are not part of the flat facts.


@dataclass
class Quantity:
    """One stated value, normalised ("2500000", "5.2", "2024-03-01", "P"), with where it was read."""

    value: str
    evidence: Evidence | None = None


@dataclass
class Holding:
    """A holder's stake in a company as a filing states it (13D/13G cover, Form 3/4/5 holding, Ex-21 "% owned")."""

    holder: str  # entity key
    issuer: str  # entity key
    security: str | None = None  # class title as printed ("Common Stock, par value $0.01")
    shares: Quantity | None = None  # amount beneficially owned
    percent: Quantity | None = None  # percent of class, 0-100
    ownership: Quantity | None = None  # "D" direct, "I" indirect (ownership forms)
    evidence: Evidence | None = None  # the holder's row or block


@dataclass
class Transaction:
    """One row of an ownership form's transaction tables (Forms 3/4/5)."""

    owners: list[str]  # entity keys of the reporting owners
    issuer: str  # entity key
    security: str  # title as printed
    derivative: bool = False
    code: Quantity | None = None  # transaction code: "P", "S", "A", "M", ...
    date: Quantity | None = None  # ISO 8601
    shares: Quantity | None = None
    price: Quantity | None = None  # per share
    acquired_disposed: Quantity | None = None  # "A" or "D"
    ownership: Quantity | None = None  # "D" direct, "I" indirect
    shares_after: Quantity | None = None  # owned following the transaction
    evidence: Evidence | None = None  # the row


#: Amount kinds of offering notices (Form D, Form C, Form 144).
AMOUNT_KINDS: tuple[str, ...] = (
    "total_offering_amount",
    "total_amount_sold",
    "total_remaining",
    "offering_amount",
    "maximum_offering_amount",
    "aggregate_market_value",
    "shares_to_be_sold",
)


@dataclass
class Amount:
    """An amount an offering notice states for its issuer ("total_amount_sold": "1500000")."""

    issuer: str  # entity key
    kind: str  # one of AMOUNT_KINDS
    value: Quantity
    indefinite: bool = False  # Form D "Indefinite" instead of a number


@dataclass
class OwnershipRecords:
    """The ownership records of one document, carried next to its facts."""

    holdings: list[Holding] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)

    def rekey(self, emap: dict[str, str]) -> "OwnershipRecords":
        """The same records with entity keys mapped through ``emap`` (unknown keys kept); duplicates dropped."""
        def k(key: str) -> str:
            return emap.get(key, key)

        holdings: list[Holding] = []
        seen: set[tuple[object, ...]] = set()
        for h in self.holdings:
            nh = replace(h, holder=k(h.holder), issuer=k(h.issuer))
            sig = (nh.holder, nh.issuer, nh.security, *(q.value if q else None for q in (nh.shares, nh.percent, nh.ownership)))
            if nh.holder != nh.issuer and sig not in seen:
                seen.add(sig)
                holdings.append(nh)
        transactions = [
            replace(t, owners=list(dict.fromkeys(k(o) for o in t.owners)), issuer=k(t.issuer)) for t in self.transactions
        ]
        amounts = [replace(a, issuer=k(a.issuer)) for a in self.amounts]
        return OwnershipRecords(holdings, transactions, amounts)

    def __bool__(self) -> bool:
        return bool(self.holdings or self.transactions or self.amounts)


@dataclass
class Extraction:
    """All that was extracted from one source document."""

    doc_id: str
    sha256: str
    form_type: str | None = None
    registrant: str | None = None  # entity key of the filer (issuer for ownership forms)
    entities: dict[str, Entity] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    records: OwnershipRecords = field(default_factory=OwnershipRecords)  # holdings, trades, offering amounts
