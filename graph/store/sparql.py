"""Run SPARQL on a GraphStore, a pyoxigraph Store, an rdflib Dataset or an rdflib Graph.

Every query runs on Oxigraph (rdflib data is copied into an in-memory Oxigraph
store first), so the facts view has one semantics whatever holds the data, and
queries see the merge of the named graphs (each triple once, see
:mod:`graph.store.merged`) as their default graph. ``doc_ids`` restricts that
default graph to the named graphs of those documents.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Mapping, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.term import Node

from graph.errors import QueryError, StoreError
from graph.rdf.convert import from_ox, ox_to_graph, rdflib_to_ox_quads, triples_to_ox
from graph.rdf.iri import doc_id_from_graph_iri, graph_iri
from graph.store.merged import is_merged, sync
from graph.store.params import bind
from graph.store.results import RawResult, dataset_options, execute
from graph.rdf.ontology import ontology_dir

Row = dict[str, Node]
QueryResult = list[Row] | bool | Graph


@runtime_checkable
class HasOxigraph(Protocol):
    """Anything exposing its pyoxigraph store (our GraphStore does)."""

    @property
    def oxigraph(self) -> ox.Store: ...


Source = HasOxigraph | ox.Store | Dataset | Graph


@lru_cache(maxsize=None)
def _read_query(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def unknown_query_message(name: str) -> str:
    """``no query named X (did you mean officers?)``: a typo should not read as malformed SPARQL."""
    names = sorted(p.stem for p in (ontology_dir() / "queries").glob("*.rq"))
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "see `filing-kg query --list`"
    return f"no query named {name} ({hint})"


def load_query(name: str) -> str:
    """Text of ``ontology/queries/<name>.rq`` (``name`` with or without ``.rq``)."""
    if not name.endswith(".rq"):
        name += ".rq"
    path = ontology_dir() / "queries" / name
    if not path.is_file():
        raise QueryError(unknown_query_message(name[:-3]))
    return _read_query(str(path))


def prepare(source: Source, doc_ids: list[str] | None = None) -> Source:
    """The source itself if it is Oxigraph-backed, else an in-memory Oxigraph copy of it.

    Call once before running several queries on an rdflib Dataset/Graph (each query
    would copy it otherwise). A plain Graph whose identifier is a document graph IRI
    (what ``document_graph`` returns) is copied into that named graph, so ``doc_ids``
    filters still apply; any other plain Graph goes to the default graph.
    """
    if isinstance(source, ox.Store | HasOxigraph):
        return source
    if isinstance(source, Graph):
        inner = getattr(source.store, "_inner", None)  # oxrdflib-backed rdflib dataset
        if isinstance(inner, ox.Store) and isinstance(source, Dataset):
            return inner
        store = ox.Store()
        if isinstance(source, Dataset):
            names = {str(graph_iri(d)) for d in doc_ids} if doc_ids is not None else None
            store.extend(list(rdflib_to_ox_quads(source, names)))
        else:
            name = source.identifier
            target = (ox.NamedNode(str(name)) if doc_id_from_graph_iri(str(name)) is not None
                      else ox.DefaultGraph())
            store.extend(list(triples_to_ox(source, target)))
        sync(store)  # the default graph is the merge, as in a GraphStore
        return store
    raise QueryError(f"cannot query a {type(source).__name__}")


def _oxigraph_of(source: Source, doc_ids: list[str] | None) -> ox.Store:
    prepared = prepare(source, doc_ids)
    return prepared if isinstance(prepared, ox.Store) else prepared.oxigraph


def raw_query(source: Source, query: str, *, doc_ids: list[str] | None = None,
              params: Mapping[str, str] | None = None) -> RawResult:
    """Run a query and return pyoxigraph's own result (for serialising with :mod:`graph.store.results`).

    ``params`` bind the query's ``VALUES ?name { UNDEF }`` placeholders (see
    :func:`graph.store.params.bind`).
    """
    if params:
        query = bind(query, params)
    store = _oxigraph_of(source, doc_ids)
    return execute(store, query, **dataset_options(doc_ids, merged=doc_ids is not None or is_merged(store)))


def _rows(result: ox.QuerySolutions) -> list[Row]:
    """Solutions as dicts of rdflib terms.

    Results repeat terms a lot (names, types, document names), and building an
    rdflib Literal is the costly part (it parses the value), so each distinct
    term is converted once per result.
    """
    variables = [(v, v.value) for v in result.variables]
    cache: dict[object, Node] = {}
    rows: list[Row] = []
    for solution in result:
        row: Row = {}
        for var, name in variables:
            term = solution[var]
            if term is None:
                continue
            converted = cache.get(term)
            if converted is None:
                converted = cache[term] = from_ox(term)
            row[name] = converted
        rows.append(row)
    return rows


def run_query(source: Source, query: str, *, doc_ids: list[str] | None = None,
              params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a SELECT (-> list of dict rows of rdflib terms), ASK (-> bool) or CONSTRUCT/DESCRIBE (-> Graph).

    Unbound variables are left out of a row. Raises QueryError for a malformed
    query (with the parser's message) and StoreError if the store fails.
    """
    result = raw_query(source, query, doc_ids=doc_ids, params=params)
    try:
        if isinstance(result, ox.QuerySolutions):
            return _rows(result)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        return ox_to_graph(result)
    except OSError as exc:
        raise StoreError(f"query failed: {exc}") from exc


def select(source: Source, query: str, *, doc_ids: list[str] | None = None) -> list[Row]:
    """Run a SELECT query; QueryError if it is another query form."""
    result = run_query(source, query, doc_ids=doc_ids)
    if not isinstance(result, list):
        raise QueryError("expected a SELECT query")
    return result


def ask(source: Source, query: str, *, doc_ids: list[str] | None = None) -> bool:
    """Run an ASK query; QueryError if it is another query form."""
    result = run_query(source, query, doc_ids=doc_ids)
    if not isinstance(result, bool):
        raise QueryError("expected an ASK query")
    return result


def construct(source: Source, query: str, *, doc_ids: list[str] | None = None) -> Graph:
    """Run a CONSTRUCT or DESCRIBE query; QueryError if it is another query form."""
    result = run_query(source, query, doc_ids=doc_ids)
    if not isinstance(result, Graph):
        raise QueryError("expected a CONSTRUCT or DESCRIBE query")
    return result


def run_named(source: Source, name: str, *, doc_ids: list[str] | None = None,
              params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query of ``ontology/queries/`` with optional parameter bindings."""
    return run_query(source, load_query(name), doc_ids=doc_ids, params=params)
