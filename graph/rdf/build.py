"""Extractions -> RDF: one named graph per document, facts as ontology triples plus assertions.

Each document graph is self-contained: the document node, every entity and
instrument it mentions (with names, so the facts view can render it alone), the
direct triples of its facts, one ``fkg:Assertion`` per fact with the evidence,
the labels of the vocabulary terms it uses (title concepts, instrument
classes), and one ``fkg:Offering`` per issuer with instruments issued or deal
parties acting for it in the document: the deal the separate facts describe,
each of its links asserted from the spans of the facts it is built from.
Everything is keyed by deterministic IRIs, so rebuilding a document
gives the same triples and a store can replace one document's graph atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from graph.log import get_logger
from graph.model import INSTRUMENT_TYPES, RELATIONS, TITLES, Evidence, Extraction, Fact
from graph.rdf.iri import (
    assertion_iri,
    document_iri,
    entity_iri,
    graph_iri,
    instrument_iri,
    instrument_key,
    offering_iri,
    position_iri,
)
from graph.rdf.literals import canonical_date, decimal_literal, typed_literal
from graph.rdf.namespaces import FKG, bind_prefixes
from graph.rdf.records import write_records
from graph.rdf.vocab import (
    DEAL_ROLE_PROPERTIES,
    ENTITY_CLASSES,
    INSTRUMENT_CLASSES,
    RELATION_PROPERTIES,
    TITLE_SCHEME,
    title_concept,
)

log = get_logger("rdf.build")

#: Entity types an offering accepts (shapes.ttl, fkg:OfferingShape): issuers are companies,
#: parties companies or people; other facts stay plain triples without a deal node.
_ISSUER_TYPES = frozenset({"Company"})
_PARTY_TYPES = frozenset({"Company", "Person"})


@dataclass
class _Deal:
    """The facts one issuer's offering in a document is built from."""

    offers: list[tuple[URIRef, Fact]] = field(default_factory=list)  # (instrument, issued fact)
    parties: list[tuple[URIRef, URIRef, Fact]] = field(default_factory=list)  # (role property, party, fact)


def _fact_identity(fact: Fact) -> tuple[str, str, str, str]:
    return (fact.subject, fact.relation, fact.object, fact.qualifier or "")


class _DocumentBuilder:
    """Writes one extraction into one graph; small helper state, used once."""

    def __init__(self, ex: Extraction, g: Graph) -> None:
        self.ex = ex
        self.g = g
        self.doc = document_iri(ex.doc_id)
        self._instrument_labels: dict[str, str] = {}
        self._deals: dict[str, _Deal] = {}  # issuer key -> deal facts, filled while facts are written
        self._report_date: Fact | None = None

    # ------------------------------------------------------------------ nodes

    def build(self) -> None:
        self._document(self.ex.doc_id, main=True)
        for key in sorted(self.ex.entities):
            self._entity(key)
        for key in sorted(self.ex.instruments):
            inst = self.ex.instruments[key]
            self._instrument(key, inst.issuer, inst.type)
        for fact in self.ex.facts:
            self._fact(fact)
        self._offerings()
        write_records(self.ex, self.g, self.doc, self._assertion, self._entity_name)

    def _document(self, doc_id: str, *, main: bool = False) -> URIRef:
        node = document_iri(doc_id)
        g = self.g
        g.add((node, FKG.fileName, Literal(doc_id)))
        if not main:
            g.add((node, RDF.type, FKG.Document))
            return node
        form = self.ex.form_type or next(
            (f.object for f in self.ex.facts if f.relation == "form_type" and f.subject == doc_id), None
        )
        g.add((node, RDF.type, FKG.Exhibit if form and form.upper().startswith("EX-") else FKG.Filing))
        if self.ex.sha256:
            g.add((node, FKG.sha256, Literal(self.ex.sha256)))
        if self.ex.form_type:
            g.add((node, FKG.formType, Literal(self.ex.form_type)))
        if self.ex.registrant:
            g.add((node, FKG.filedBy, self._entity_ref(self.ex.registrant)))
        return node

    def _entity(self, key: str) -> None:
        ent = self.ex.entities[key]
        node = entity_iri(key)
        cls = ENTITY_CLASSES.get(ent.type)
        if cls is None:
            log.warning("%s: entity %s has unknown type %r; typed fkg:Agent", self.ex.doc_id, key, ent.type)
            cls = FKG.Agent
        self.g.add((node, RDF.type, cls))
        self.g.add((node, RDFS.label, Literal(ent.name)))
        for alias in sorted(a for a in ent.aliases if a and a != ent.name):
            self.g.add((node, FKG.alias, Literal(alias)))
        if ent.cik:
            self.g.add((node, FKG.cik, Literal(ent.cik)))
        for ev in ent.evidence:
            # provenance of the mention: an assertion of the rdf:type triple
            self._assertion((node, RDF.type, cls), ev, ("mention", key, ev.start, ev.end))

    def _entity_ref(self, key: str) -> URIRef:
        if key not in self.ex.entities:
            log.warning("%s: reference to unknown entity key %r", self.ex.doc_id, key)
        return entity_iri(key)

    def _entity_name(self, key: str) -> str:
        ent = self.ex.entities.get(key)
        return ent.name if ent else key

    def _instrument(self, key: str, issuer: str, itype: str) -> URIRef:
        node = instrument_iri(key)
        cls = INSTRUMENT_CLASSES.get(itype)
        if cls is None:
            log.warning("%s: instrument %s has unknown type %r", self.ex.doc_id, key, itype)
            cls = FKG.Instrument
        label = f"{self._entity_name(issuer)} / {itype}"
        self.g.add((node, RDF.type, cls))
        if cls != FKG.Instrument:
            self.g.add((cls, RDFS.label, Literal(itype)))  # vocabulary closure: the type's name
        self.g.add((node, FKG.issuer, self._entity_ref(issuer)))
        self.g.add((node, RDFS.label, Literal(label)))
        self._instrument_labels[key] = label
        return node

    def _instrument_ref(self, key: str) -> URIRef:
        if key not in self.ex.instruments and key not in self._instrument_labels:
            log.warning("%s: reference to unknown instrument key %r", self.ex.doc_id, key)
        return instrument_iri(key)

    def _issued_instrument(self, issuer: str, itype: str) -> URIRef:
        """The instrument an ``issued`` fact names: the listed one of that issuer and type, or a minted one."""
        for key in sorted(self.ex.instruments):
            inst = self.ex.instruments[key]
            if inst.issuer == issuer and inst.type == itype:
                return instrument_iri(key)
        if itype not in INSTRUMENT_TYPES:
            log.warning("%s: issued type %r is not in the instrument vocabulary", self.ex.doc_id, itype)
        return self._instrument(instrument_key(issuer, itype), issuer, itype)

    def _title(self, title: str) -> URIRef:
        concept = title_concept(title)
        self.g.add((concept, RDF.type, SKOS.Concept))
        self.g.add((concept, SKOS.prefLabel, Literal(title)))
        if title in TITLES:
            self.g.add((concept, SKOS.inScheme, TITLE_SCHEME))
        else:
            log.warning("%s: title %r is not in the title vocabulary", self.ex.doc_id, title)
        return concept

    # ------------------------------------------------------------------ facts

    def _node(self, kind: str, value: str) -> URIRef | None:
        if kind == "entity":
            return self._entity_ref(value)
        if kind == "instrument":
            return self._instrument_ref(value)
        if kind == "document":
            return self._document(value, main=value == self.ex.doc_id)
        return None

    def _fact(self, fact: Fact) -> None:
        kinds = RELATIONS.get(fact.relation)
        prop = RELATION_PROPERTIES.get(fact.relation)
        if kinds is None or prop is None:
            log.warning("%s: fact with unknown relation %r skipped", self.ex.doc_id, fact.relation)
            return
        subject = self._node(kinds[0], fact.subject)
        if subject is None:
            log.warning("%s: fact %r has a literal subject; skipped", self.ex.doc_id, fact)
            return
        lexical: str | None = None
        qualifier: URIRef | None = None
        if fact.relation == "issued":
            obj: URIRef | Literal = self._issued_instrument(fact.subject, fact.object)
        elif kinds[1] == "literal":
            obj, lexical = typed_literal(fact.relation, fact.object)
        else:
            obj = self._node(kinds[1], fact.object)  # type: ignore[assignment]
        if fact.relation in ("officer_of", "director_of"):
            qualifier = self._position(fact, subject, obj)  # type: ignore[arg-type]
        elif fact.qualifier:
            log.debug("%s: qualifier %r on %s ignored", self.ex.doc_id, fact.qualifier, fact.relation)
        self.g.add((subject, prop, obj))
        if fact.relation == "signed":
            self.g.add((obj, FKG.signedBy, subject))
        self._assertion(
            (subject, prop, obj),
            fact.evidence,
            _fact_identity(fact),
            qualifier=qualifier,
            lexical=lexical,
        )
        self._note_deal(fact, subject, obj)

    def _position(self, fact: Fact, holder: URIRef, org: URIRef) -> URIRef | None:
        """Officer/director position node; returns the title concept (the assertion's qualifier)."""
        officer = fact.relation == "officer_of"
        title = fact.qualifier.strip() if officer and fact.qualifier else None
        node = position_iri("officer" if officer else "director", fact.subject, fact.object, title)
        self.g.add((node, RDF.type, FKG.OfficerPosition if officer else FKG.DirectorPosition))
        self.g.add((node, FKG.holder, holder))
        self.g.add((node, FKG.organization, org))
        for prop, value in ((FKG.startDate, fact.start_date), (FKG.endDate, fact.end_date)):
            if not value:
                continue
            day = canonical_date(value)
            if day is None:
                log.warning("%s: position date %r is not an ISO date; skipped", self.ex.doc_id, value)
                continue
            self.g.add((node, prop, Literal(day, datatype=XSD.date)))
        if not title:
            return None
        concept = self._title(title)
        self.g.add((node, FKG.title, concept))
        return concept

    # ------------------------------------------------------------------ offerings

    def _note_deal(self, fact: Fact, subject: URIRef, obj: URIRef | Literal) -> None:
        """Remember the facts an offering is built from (issued instruments, parties, the report date)."""
        if fact.relation == "issued" and isinstance(obj, URIRef):
            self._deals.setdefault(fact.subject, _Deal()).offers.append((obj, fact))
        elif fact.relation in DEAL_ROLE_PROPERTIES and isinstance(obj, URIRef):
            deal = self._deals.setdefault(fact.object, _Deal())
            deal.parties.append((DEAL_ROLE_PROPERTIES[fact.relation], subject, fact))
        elif fact.relation == "report_date" and fact.subject == self.ex.doc_id and self._report_date is None:
            self._report_date = fact

    def _entity_type(self, key: str) -> str | None:
        ent = self.ex.entities.get(key)
        return ent.type if ent else None

    def _offerings(self) -> None:
        """One fkg:Offering per issuer of this document: the deal its separate facts describe.

        The facts stay as they are (the facts view reads them); the offering only
        groups them, so each of its links is asserted with the evidence of the fact
        it comes from and the view's rows do not change.
        """
        date: Literal | None = None
        if self._report_date is not None:
            lit, _ = typed_literal("report_date", self._report_date.object)
            date = lit if lit.datatype == XSD.date else None
        for issuer in sorted(self._deals):
            if self._entity_type(issuer) not in _ISSUER_TYPES:
                log.debug("%s: no offering for %s (not a company)", self.ex.doc_id, issuer)
                continue
            deal = self._deals[issuer]
            parties = [(role, party, fact) for role, party, fact in deal.parties
                       if self._entity_type(fact.subject) in _PARTY_TYPES]
            if not deal.offers and not parties:
                continue
            self._offering(issuer, deal.offers, parties, date)

    def _offering(
        self,
        issuer: str,
        offers: list[tuple[URIRef, Fact]],
        parties: list[tuple[URIRef, URIRef, Fact]],
        date: Literal | None,
    ) -> URIRef:
        node = offering_iri(self.ex.doc_id, issuer)
        issuer_node = entity_iri(issuer)
        g = self.g
        g.add((node, RDF.type, FKG.Offering))
        when = str(date) if date is not None else self.ex.doc_id
        g.add((node, RDFS.label, Literal(f"{self._entity_name(issuer)} offering ({when})")))
        g.add((node, PROV.wasDerivedFrom, self.doc))
        g.add((node, FKG.describedIn, self.doc))
        links: list[tuple[URIRef, URIRef | Literal, Fact]] = []
        links += [(FKG.offeringIssuer, issuer_node, fact) for _, fact in offers]
        links += [(FKG.offeringIssuer, issuer_node, fact) for _, _, fact in parties]
        links += [(FKG.offers, inst, fact) for inst, fact in offers]
        links += [(role, party, fact) for role, party, fact in parties]
        if date is not None and self._report_date is not None:
            links.append((FKG.offeringDate, date, self._report_date))
        for prop, obj, fact in links:
            g.add((node, prop, obj))
            self._assertion((node, prop, obj), fact.evidence, ("offering", issuer, str(prop), *_fact_identity(fact)))
        return node

    def _assertion(
        self,
        triple: tuple[URIRef, URIRef, URIRef | Literal],
        evidence: Evidence | None,
        identity: tuple[object, ...],
        *,
        qualifier: URIRef | None = None,
        lexical: str | None = None,
    ) -> URIRef:
        span = (evidence.start, evidence.end) if evidence else (None, None)
        node = assertion_iri(self.ex.doc_id, *identity, *span)
        g = self.g
        s, p, o = triple
        g.add((node, RDF.type, FKG.Assertion))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, self.doc))
        if qualifier is not None:
            g.add((node, FKG.qualifier, qualifier))
        if lexical is not None:
            g.add((node, FKG.lexicalForm, Literal(lexical)))
        if evidence is not None:
            if evidence.doc_id and evidence.doc_id != self.ex.doc_id:
                log.warning("%s: evidence points at another document %r", self.ex.doc_id, evidence.doc_id)
            g.add((node, FKG.charStart, Literal(str(int(evidence.start)), datatype=XSD.integer)))
            g.add((node, FKG.charEnd, Literal(str(int(evidence.end)), datatype=XSD.integer)))
            if evidence.sentence:
                g.add((node, FKG.sentence, Literal(evidence.sentence)))
            if evidence.method:
                g.add((node, FKG.method, Literal(evidence.method)))
            g.add((node, FKG.confidence, decimal_literal(evidence.confidence)))
        return node


def document_graph(extraction: Extraction) -> Graph:
    """The named graph of one document (identifier = its graph IRI), built from its extraction alone."""
    g = Graph(identifier=graph_iri(extraction.doc_id))
    bind_prefixes(g)
    _DocumentBuilder(extraction, g).build()
    return g


def extraction_to_dataset(extractions: Iterable[Extraction], dataset: Dataset | None = None) -> Dataset:
    """Add one named graph per extraction to ``dataset`` (new if None); a document's old graph is replaced."""
    ds = dataset if dataset is not None else Dataset()
    bind_prefixes(ds)
    for ex in extractions:
        doc_graph = document_graph(ex)
        name = doc_graph.identifier
        if len(ds.graph(name)):
            log.info("replacing graph of %s", ex.doc_id)
            ds.remove_graph(name)
        target = ds.graph(name)
        target += doc_graph
    return ds
