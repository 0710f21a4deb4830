"""Raw query execution and standard result serialisation, shared by the CLI and the endpoint.

Results are serialised by pyoxigraph itself (SPARQL JSON/XML/CSV/TSV for SELECT
and ASK; Turtle, N-Triples, RDF/XML, JSON-LD, ... for CONSTRUCT/DESCRIBE): fast,
and byte-for-byte the same whether a query ran from the CLI or over HTTP.

:func:`limited` bounds a result (row cap, deadline, cancellation) before it is
serialised: Oxigraph cannot be interrupted inside one step of evaluation, but it
releases the GIL, so a server can stop waiting and a worker stops at the next row.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Union

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.rdf.namespaces import PREFIXES

RawResult = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]

#: SELECT/ASK output formats by short name.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}

#: CONSTRUCT/DESCRIBE output formats by short name.
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "n3": ox.RdfFormat.N3,
}


class QueryTimeout(QueryError):
    """The query ran longer than the configured limit."""


def dataset_options(
    doc_ids: list[str] | None = None,
    default_graph_uris: list[str] | None = None,
    named_graph_uris: list[str] | None = None,
    *,
    merged: bool = True,
) -> dict[str, Any]:
    """pyoxigraph dataset keywords: the merged default graph unless graphs are named.

    The store's default graph is the merge of the document graphs, each triple once
    (:mod:`graph.store.merged`); ``merged=False`` (a store written before it existed)
    falls back to Oxigraph's union, which counts a triple once per graph stating it.
    ``doc_ids`` or ``default_graph_uris`` (SPARQL Protocol ``default-graph-uri``)
    make the default graph those graphs; ``named_graph_uris`` restricts what
    ``GRAPH`` can see.
    """
    from graph.rdf.iri import graph_iri

    options: dict[str, Any] = {}
    graphs: list[str] = [str(graph_iri(d)) for d in doc_ids or ()] + list(default_graph_uris or ())
    if doc_ids is None and not default_graph_uris:
        if not merged:
            options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [_named(g) for g in graphs]
    if named_graph_uris:
        options["named_graphs"] = [_named(g) for g in named_graph_uris]
    return options


def _named(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"not a valid graph IRI: {iri!r} ({exc})") from exc


def execute(store: ox.Store, query: str, **options: Any) -> RawResult:
    """Run ``query`` on Oxigraph with the project prefixes predeclared; QueryError with the parser's message."""
    try:
        return store.query(query, prefixes=PREFIXES, **options)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL query: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"query failed: {exc}") from exc
    except RuntimeError as exc:  # an evaluation error of the query itself (e.g. an unbound SERVICE variable)
        raise QueryError(f"query failed: {exc}") from exc


def kind(result: RawResult) -> str:
    """``select``, ``ask`` or ``graph``."""
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


@dataclass
class Limited:
    """A result after :func:`limited`: ready to serialise, and whether rows were cut off."""

    result: RawResult | list[ox.Triple]
    truncated: bool = False
    rows: int | None = None


def _tsv_term(term: object) -> str:
    """A term as SPARQL TSV writes it; triple terms as ``<<( s p o )>>`` (``str`` omits the brackets)."""
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return f"<<( {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} )>>"
    return str(term)


def limited(
    result: RawResult,
    *,
    max_rows: int | None = None,
    deadline: float | None = None,
    cancel: threading.Event | None = None,
) -> Limited:
    """Consume at most ``max_rows`` solutions/triples, checking ``deadline``/``cancel`` between rows.

    SELECT solutions are re-read through pyoxigraph's own TSV parser so the capped
    result is again a ``QuerySolutions`` and serialises with the standard writers.
    Raises :class:`QueryTimeout` if the deadline passes or ``cancel`` is set.
    """
    if isinstance(result, ox.QueryBoolean):
        return Limited(result)

    def check(n: int) -> None:
        if n % 64 == 0 and ((cancel is not None and cancel.is_set())
                            or (deadline is not None and time.monotonic() > deadline)):
            raise QueryTimeout("query timed out")

    truncated = False
    try:
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            lines = ["\t".join(f"?{n}" for n in names)]
            count = 0
            for solution in result:
                if max_rows is not None and count >= max_rows:
                    truncated = True
                    break
                lines.append("\t".join(_tsv_term(solution[n]) for n in names))
                count += 1
                check(count)
            try:
                parsed = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
            except (SyntaxError, ValueError) as exc:  # a term the TSV round trip cannot carry
                raise QueryError(f"cannot write this result: {exc}") from exc
            return Limited(parsed, truncated, count)
        triples: list[ox.Triple] = []
        for triple in result:
            if max_rows is not None and len(triples) >= max_rows:
                truncated = True
                break
            triples.append(triple)
            check(len(triples))
        return Limited(triples, truncated, len(triples))
    except OSError as exc:
        raise StoreError(f"query failed: {exc}") from exc
    except RuntimeError as exc:  # evaluation errors surface while iterating
        raise QueryError(f"query failed: {exc}") from exc


def serialize(result: RawResult | list[ox.Triple], fmt: str) -> bytes:
    """Serialise a raw (or :func:`limited`) result in the named format; QueryError if it does not fit."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        target = RESULT_FORMATS.get(fmt)
        if target is None:
            raise QueryError(f"format {fmt!r} is not a SELECT/ASK format ({', '.join(RESULT_FORMATS)})")
        out = result.serialize(format=target)
    else:
        rdf = GRAPH_FORMATS.get(fmt)
        if rdf is None:
            raise QueryError(f"format {fmt!r} is not a CONSTRUCT/DESCRIBE format ({', '.join(GRAPH_FORMATS)})")
        triples = result if isinstance(result, list) else list(result)
        try:
            out = ox.serialize(triples, format=rdf, prefixes=PREFIXES if rdf in _PREFIXED else None)
        except ValueError as exc:
            raise QueryError(f"cannot write {fmt}: {exc}") from exc
    assert out is not None
    return out


_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML}


def media_type(result: RawResult | list[ox.Triple], fmt: str) -> str:
    """The media type of ``result`` written as ``fmt``."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        return RESULT_FORMATS[fmt].media_type
    return GRAPH_FORMATS[fmt].media_type
