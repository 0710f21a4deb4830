"""HTTP content negotiation for SPARQL results (RFC 9110 ``Accept`` with q-values).

The media types are those the SPARQL 1.1 Protocol and common clients
(SPARQLWrapper, Jena, rdflib) send; each maps to a format name of
:mod:`graph.store.results`. ``None`` from :func:`choose` means 406.
"""

from __future__ import annotations

#: SELECT/ASK result media types, in server preference order.
RESULT_MEDIA: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/xml": "xml",
}

#: CONSTRUCT/DESCRIBE media types, in server preference order.
GRAPH_MEDIA: dict[str, str] = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/json": "jsonld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "text/n3": "n3",
    "text/rdf+n3": "n3",
    "application/n3": "n3",
}

DEFAULT = {"select": "json", "ask": "json", "graph": "turtle"}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` -> ``[(media range, q)]`` best first (q, then specificity, then order)."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranked: list[tuple[float, int, int, str]] = []
    for index, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranked.append((q, specificity, -index, media))
    ranked.sort(reverse=True)
    return [(media, q) for q, _, _, media in ranked]


def choose(accept: str | None, kind: str) -> tuple[str, str] | None:
    """``(format name, media type)`` for a result of ``kind`` (select/ask/graph), or None (406).

    A client asking only for SPARQL result formats (SPARQLWrapper, Jena and others
    send ``application/sparql-results+xml`` whatever the query form) gets Turtle
    for a CONSTRUCT/DESCRIBE rather than a 406.
    """
    found = _choose(accept, kind)
    if found is None and kind == "graph":
        wanted = [media for media, q in parse_accept(accept) if q > 0.0]
        if wanted and all(media in RESULT_MEDIA for media in wanted):
            return DEFAULT["graph"], "text/turtle"
    return found


def _choose(accept: str | None, kind: str) -> tuple[str, str] | None:
    table = GRAPH_MEDIA if kind == "graph" else RESULT_MEDIA
    refused = {media for media, q in parse_accept(accept) if q == 0.0}
    for media, q in parse_accept(accept):
        if q == 0.0:
            continue
        if media == "*/*":
            fmt = DEFAULT[kind]
            exact = next(m for m, f in table.items() if f == fmt)
            if exact not in refused:
                return fmt, exact
            continue
        if media.endswith("/*"):
            major = media[:-1]
            for candidate, fmt in table.items():
                if candidate.startswith(major) and candidate not in refused:
                    return fmt, candidate
            continue
        if media in table:
            return table[media], media
    return None
