"""Namespaces of the filing-kg ontology and of the vocabularies it aligns to.

Kept in one place so that builder, queries, exports and tests agree on every IRI.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/filing-kg/"
FKG = Namespace(BASE + "ontology#")
#: Instances: entities, instruments, documents, graphs, positions, assertions.
ID = Namespace(BASE + "id/")
#: Title concepts (``fkg:title/ChiefExecutiveOfficer``) of the title concept scheme.
TITLE = Namespace(BASE + "ontology#title/")

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
DCT = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: One short prefix per kind of instance IRI (``id/<kind>/...``), so users write
#: ``company:innovo-group`` where ``fkgid:company/innovo-group`` would need the slash
#: escaped in SPARQL and Turtle. Serialisers pick the longest matching namespace.
#: Positions, assertions and graphs are left out: their locals hold slashes or hashes.
ENTITY_PREFIXES: dict[str, str] = {
    kind: str(ID) + kind + "/"
    for kind in ("company", "person", "agency", "instrument", "document", "offering")
}

#: Prefixes bound on every graph we build or export (Turtle/TriG readability),
#: predeclared in every query and listed on the endpoint's page.
PREFIXES: dict[str, str] = {
    "fkg": str(FKG),
    "fkgid": str(ID),
    "title": str(TITLE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "dcterms": str(DCT),
    **ENTITY_PREFIXES,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project prefixes on ``graph`` (a Graph or Dataset) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


__all__ = [
    "BASE", "FKG", "ID", "TITLE", "ORG", "SCHEMA", "DCT", "SH",
    "RDF", "RDFS", "OWL", "XSD", "SKOS", "PROV", "ENTITY_PREFIXES", "PREFIXES", "bind_prefixes",
]
