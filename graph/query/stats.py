"""Sizes of a store: triples, quads, documents, entities by type and facts by relation.

"Triples" always means distinct triples of the merged graph (what queries see);
"quads" the per-document statements, a triple counted once per document stating it.

Kept with the query stage because the fact counts come from the facts view
(``ontology/queries/facts.rq``), which is a query over the store.
"""

from __future__ import annotations

from collections import Counter

from graph.query.facts import fact_rows
from graph.store import GraphStore
from graph.store.sparql import run_query

_ENTITY_COUNTS = """
PREFIX fkg: <https://w3id.org/filing-kg/ontology#>
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES (?class ?type) { (fkg:Company "Company") (fkg:Person "Person") (fkg:GovernmentAgency "GovernmentAgency") }
  ?e a ?class .
} GROUP BY ?type
"""



def store_stats(store: GraphStore) -> dict[str, object]:
    """Sizes: triples, quads, named graphs, documents, entities by type, facts by relation (facts view)."""
    ox_store = store.oxigraph
    entities = {"Company": 0, "Person": 0, "GovernmentAgency": 0}
    for row in run_query(store, _ENTITY_COUNTS):  # type: ignore[union-attr]
        entities[str(row["type"])] = int(row["n"])
    facts = Counter(r["relation"] for r in fact_rows(store) if r["relation"] != "type")
    return {
        "triples": store.triple_count(),  # distinct triples of the merged knowledge graph
        "quads": len(store),  # statements of the per-document named graphs (one per document stating it)
        "named_graphs": sum(1 for _ in ox_store.named_graphs()),
        "documents": len(store.documents()),
        "entities": entities,
        "facts": dict(sorted(facts.items())),
    }
