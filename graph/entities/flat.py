"""Flat FORMAT facts rendered straight from an :class:`Extraction`, without RDF.

The official facts view is the SPARQL query in ``ontology/queries/facts.rq``;
this renderer is its independent twin, used to cross-check that query in the
tests and for quick debugging of the rules.
"""

from __future__ import annotations

from graph.model import RELATIONS, Extraction


def entity_name(ex: Extraction, key: str) -> str:
    ent = ex.entities.get(key)
    return ent.name if ent else key


def instrument_name(ex: Extraction, key: str) -> str:
    inst = ex.instruments.get(key)
    if inst is None:
        return key
    return f"{entity_name(ex, inst.issuer)} / {inst.type}"


def flat_rows(ex: Extraction) -> list[dict[str, str]]:
    """Type lines for entities, then one dict per fact, as ``filing-kg facts`` prints them."""
    rows: list[dict[str, str]] = [
        {"subject": e.name, "relation": "type", "object": e.type} for e in ex.entities.values()
    ]
    render = {"entity": lambda v: entity_name(ex, v), "instrument": lambda v: instrument_name(ex, v)}
    for f in ex.facts:
        skind, okind = RELATIONS[f.relation]
        row = {
            "subject": render.get(skind, str)(f.subject),
            "relation": f.relation,
            "object": render.get(okind, str)(f.object),
        }
        if f.qualifier:
            row["qualifier"] = f.qualifier
        rows.append(row)
    return rows
