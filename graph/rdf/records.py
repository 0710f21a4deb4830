"""Ownership records -> RDF: fkg:Holding, fkg:Transaction and fkg:OfferingAmount nodes.

FORMAT.md has no relation for a stake's size, a Form 4 trade or a Form D
amount, so these are nodes of their own (not fact triples): each is derived
from its document (``prov:wasDerivedFrom``) and each of its values is asserted
(``fkg:Assertion``) with the span it was read from, like every fact. IRIs are
digests of the document and the record's content, so a rebuild gives the same nodes.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from graph.model import Amount, Evidence, Extraction, Holding, Quantity, Transaction
from graph.rdf.iri import digest, entity_iri
from graph.rdf.namespaces import FKG, ID

#: writes one fkg:Assertion: (triple, evidence, identity parts)
Assert = Callable[[tuple[URIRef, URIRef, URIRef | Literal], Evidence | None, tuple[object, ...]], URIRef]



def _literal(q: Quantity, kind: str) -> Literal:
    if kind == "date":
        return Literal(q.value, datatype=XSD.date)
    if kind == "decimal":
        return Literal(q.value, datatype=XSD.decimal)
    return Literal(q.value)


class RecordWriter:
    """Writes the ownership records of one extraction into its document graph."""

    def __init__(self, ex: Extraction, g: Graph, doc: URIRef, assert_: Assert, name: Callable[[str], str]) -> None:
        self.ex, self.g, self.doc, self.assert_, self.name = ex, g, doc, assert_, name

    def write(self) -> None:
        known = self.ex.entities
        for h in self.ex.records.holdings:
            if h.holder in known and h.issuer in known:
                self._holding(h)
        for i, t in enumerate(self.ex.records.transactions):
            owners = [o for o in t.owners if o in known]
            if owners and t.issuer in known:
                self._transaction(i, t, owners)
        for a in self.ex.records.amounts:
            if a.issuer in known:
                self._amount(a)

    # ------------------------------------------------------------------ helpers

    def _node(self, kind: str, cls: URIRef, label: str, *parts: object) -> URIRef:
        node = URIRef(ID + f"{kind}/" + digest(self.ex.doc_id, *parts))
        self.g.add((node, RDF.type, cls))
        self.g.add((node, RDFS.label, Literal(label)))
        self.g.add((node, PROV.wasDerivedFrom, self.doc))
        return node

    def _link(self, node: URIRef, prop: URIRef, obj: URIRef | Literal, ev: Evidence | None) -> None:
        self.g.add((node, prop, obj))
        self.assert_((node, prop, obj), ev, ("record", str(node), str(prop), str(obj)))

    def _value(self, node: URIRef, prop: URIRef, q: Quantity | None, kind: str = "string") -> None:
        if q is not None:
            self._link(node, prop, _literal(q, kind), q.evidence)

    # ------------------------------------------------------------------ records

    def _holding(self, h: Holding) -> None:
        sig = tuple(q.value if q else "" for q in (h.shares, h.percent, h.ownership))
        what = f"{h.percent.value}% of " if h.percent else ""
        node = self._node(
            "holding", FKG.Holding, f"{self.name(h.holder)} holds {what}{self.name(h.issuer)}", h.holder, h.issuer, h.security, *sig
        )
        self._link(node, FKG.stakeHolder, entity_iri(h.holder), h.evidence)
        self._link(node, FKG.stakeIn, entity_iri(h.issuer), h.evidence)
        if h.security:
            self._link(node, FKG.securityClass, Literal(h.security), h.evidence)
        self._value(node, FKG.sharesOwned, h.shares, "decimal")
        self._value(node, FKG.percentOfClass, h.percent, "decimal")
        self._value(node, FKG.ownershipNature, h.ownership)

    def _transaction(self, index: int, t: Transaction, owners: list[str]) -> None:
        date = f" on {t.date.value}" if t.date else ""
        code = f" ({t.code.value})" if t.code else ""
        label = f"{self.name(owners[0])}: {t.security} of {self.name(t.issuer)}{code}{date}"
        node = self._node("transaction", FKG.Transaction, label, index, t.issuer, t.security, *(t.evidence.start, t.evidence.end) if t.evidence else ())
        for owner in owners:
            self._link(node, FKG.reportingOwner, entity_iri(owner), t.evidence)
        self._link(node, FKG.transactionIssuer, entity_iri(t.issuer), t.evidence)
        self._link(node, FKG.securityClass, Literal(t.security), t.evidence)
        self._link(node, FKG.derivative, Literal(t.derivative), t.evidence)
        self._value(node, FKG.transactionCode, t.code)
        self._value(node, FKG.transactionDate, t.date, "date")
        self._value(node, FKG.transactionShares, t.shares, "decimal")
        self._value(node, FKG.transactionPrice, t.price, "decimal")
        self._value(node, FKG.acquiredDisposed, t.acquired_disposed)
        self._value(node, FKG.ownershipNature, t.ownership)
        self._value(node, FKG.sharesOwnedAfter, t.shares_after, "decimal")

    def _amount(self, a: Amount) -> None:
        node = self._node("amount", FKG.OfferingAmount, f"{self.name(a.issuer)} {a.kind.replace('_', ' ')}", a.issuer, a.kind)
        self._link(node, FKG.amountIssuer, entity_iri(a.issuer), a.value.evidence)
        self._link(node, FKG.amountKind, Literal(a.kind), a.value.evidence)
        if a.indefinite:
            self._link(node, FKG.indefinite, Literal(True), a.value.evidence)
        else:
            self._value(node, FKG.amountValue, a.value, "decimal")


def write_records(ex: Extraction, g: Graph, doc: URIRef, assert_: Assert, name: Callable[[str], str]) -> None:
    """Add the holdings, transactions and offering amounts of ``ex`` to its document graph ``g``."""
    if ex.records:
        RecordWriter(ex, g, doc, assert_, name).write()
