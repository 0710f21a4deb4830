"""The facts view: a graph as the flat facts of the gold FORMAT (what ``evaluate`` scores).

The mapping lives in ``ontology/queries/facts.rq`` and ``entities.rq``; this module
only renders terms as FORMAT strings, de-duplicates and orders the rows.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.store.sparql import Source, load_query, prepare, select
from graph.rdf.literals import canonical_decimal

_NUMERIC = {
    str(XSD.decimal), str(XSD.integer), str(XSD.double), str(XSD.float), str(XSD.long),
    str(XSD.int), str(XSD.nonNegativeInteger), str(XSD.positiveInteger),
}
_SOURCE = re.compile(r"^(?P<doc>.*)#char=(?P<start>\d+),(?P<end>\d+)$")

FactRow = dict[str, str]


def render(term: Node) -> str:
    """A term as FORMAT text: numbers as plain canonical decimals, everything else its lexical form."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) in _NUMERIC:
        text = str(term)
        try:
            number = Decimal(text)
        except InvalidOperation:  # e.g. "INF" or a malformed lexical form
            return text
        canonical = canonical_decimal(str(number))
        return canonical if canonical is not None else text
    return str(term)


def _source_key(source: str) -> tuple[str, int, int]:
    m = _SOURCE.match(source)
    if not m:
        return (source, -1, -1)
    return (m["doc"], int(m["start"]), int(m["end"]))


def fact_rows(
    store_or_dataset: Source,
    doc_ids: list[str] | None = None,
    *,
    all_sources: bool = False,
) -> list[FactRow]:
    """Flat facts (``subject``, ``relation``, ``object``, optional ``qualifier`` and ``source``).

    One ``type`` row per entity comes first, then the facts, each group sorted.
    A fact read at several places is one row carrying its first source (by
    document, then offset) unless ``all_sources`` asks for one row per source.
    ``doc_ids`` restricts the view to those documents' graphs.
    """
    source = prepare(store_or_dataset, doc_ids)
    type_rows = {
        (render(r["name"]), "type", render(r["type"]))
        for r in select(source, load_query("entities"), doc_ids=doc_ids)
    }
    facts: dict[tuple[str, str, str, str], set[str]] = {}
    for r in select(source, load_query("facts"), doc_ids=doc_ids):
        key = (
            render(r["subject"]),
            render(r["relation"]),
            render(r["object"]),
            render(r["qualifier"]) if "qualifier" in r else "",
        )
        sources = facts.setdefault(key, set())
        if "source" in r:
            sources.add(render(r["source"]))

    rows: list[FactRow] = [
        {"subject": s, "relation": rel, "object": o} for s, rel, o in sorted(type_rows)
    ]
    for (s, rel, o, q), sources in sorted(facts.items()):
        base: FactRow = {"subject": s, "relation": rel, "object": o}
        if q:
            base["qualifier"] = q
        ordered = sorted(sources, key=_source_key)
        if not ordered:
            rows.append(base)
        elif all_sources:
            rows.extend({**base, "source": src} for src in ordered)
        else:
            rows.append({**base, "source": ordered[0]})
    return rows


def fact_tuples(store_or_dataset: Source, doc_ids: list[str] | None = None) -> set[tuple[str, ...]]:
    """The facts view as a set of ``(subject, relation, object[, qualifier])`` tuples (for scoring)."""
    out: set[tuple[str, ...]] = set()
    for row in fact_rows(store_or_dataset, doc_ids):
        t: tuple[str, ...] = (row["subject"], row["relation"], row["object"])
        if "qualifier" in row:
            t += (row["qualifier"],)
        out.add(t)
    return out
