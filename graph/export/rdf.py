"""RDF serialisations of a selection: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

Oxigraph writes the line and Turtle-family formats and RDF/XML (streaming, fast, and
the store's own serialiser); rdflib writes JSON-LD because it compacts with a given
context, which we publish as ``ontology/context.jsonld``. Triple formats get the union
of the document graphs; quad formats and JSON-LD keep one named graph per document.
Output is sorted so that the same store always gives the same bytes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Literal

from graph.export.base import ExportError, ExportResult, atomic_file, text_safe, xml_safe
from graph.log import get_logger
from graph.rdf.convert import graph_name_to_ox, ox_to_dataset, to_ox
from graph.store.merged import document_quads
from graph.rdf.namespaces import PREFIXES
from graph.rdf.ontology import ontology_dir

log = get_logger("export.rdf")

#: name -> (Oxigraph format or None for rdflib, keeps named graphs, rdflib parser name).
RDF_FORMATS: dict[str, tuple[ox.RdfFormat | None, bool, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, False, "turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False, "nt"),
    "rdfxml": (ox.RdfFormat.RDF_XML, False, "xml"),
    "nquads": (ox.RdfFormat.N_QUADS, True, "nquads"),
    "trig": (ox.RdfFormat.TRIG, True, "trig"),
    "jsonld": (None, True, "json-ld"),
}

CONTEXT_FILE = "context.jsonld"


@lru_cache(maxsize=1)
def context() -> dict[str, Any]:
    """The published JSON-LD context (the object under ``@context`` in ontology/context.jsonld)."""
    path = ontology_dir() / CONTEXT_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError) as exc:
        raise ExportError(f"cannot read the JSON-LD context {path}: {exc}") from exc


def is_quad_format(name: str) -> bool:
    """True if the format keeps the per-document named graphs."""
    return _spec(name)[1]


def parser_name(name: str) -> str:
    """rdflib's parser name for one of our formats (tests and users parsing the output back)."""
    return _spec(name)[2]


def _spec(name: str) -> tuple[ox.RdfFormat | None, bool, str]:
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown RDF format {name!r} (one of {', '.join(RDF_FORMATS)})") from None


def _sort_key(term: object) -> str:
    return str(term)


def _safe_literal(term: Any) -> Any:
    """An rdflib literal whose text Oxigraph accepts (lone surrogates -> U+FFFD; it rejects them)."""
    if isinstance(term, Literal) and (fixed := text_safe(str(term))) != str(term):
        return Literal(fixed, lang=term.language, datatype=term.datatype)
    return term


def _quads_of(source: Dataset | ox.Store) -> list[ox.Quad]:
    if isinstance(source, ox.Store):
        return list(document_quads(source))  # the documents' graphs, not the derived merge
    return [
        ox.Quad(to_ox(s), to_ox(p), to_ox(_safe_literal(o)), graph_name_to_ox(g))  # type: ignore[arg-type]
        for s, p, o, g in source.quads((None, None, None, None))
    ]


def _xml_literal(term: Any) -> Any:
    """``term`` with only XML 1.0 characters, for RDF/XML (a name from a filing may hold a control)."""
    if isinstance(term, ox.Literal) and (fixed := xml_safe(term.value)) != term.value:
        if term.language:
            return ox.Literal(fixed, language=term.language)
        return ox.Literal(fixed, datatype=term.datatype)
    return term


def xml_safe_triples(triples: list[ox.Triple]) -> list[ox.Triple]:
    """The triples with XML-forbidden characters removed from literals (IRIs cannot hold them)."""
    return [ox.Triple(t.subject, t.predicate, _xml_literal(t.object)) for t in triples]


def union_triples(source: Dataset | ox.Store) -> list[ox.Triple]:
    """Distinct triples of all graphs, sorted."""
    seen = {q.triple for q in _quads_of(source)}
    return sorted(seen, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def dataset_quads(source: Dataset | ox.Store) -> list[ox.Quad]:
    """Every quad (default-graph triples in the default graph), sorted by graph then triple."""
    quads = _quads_of(source)
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def export(dataset: Dataset | ox.Store, destination: Path | str, *, rdf_format: str = "turtle",
           context_url: str | None = None, **_: Any) -> ExportResult:
    """Write ``dataset`` in ``rdf_format``; JSON-LD embeds our context unless ``context_url`` is given.

    ``dataset`` may also be a pyoxigraph Store (the whole-store fast path: no rdflib copy).
    """
    fmt, keeps_graphs, _parser = _spec(rdf_format)
    path = Path(destination)
    try:
        with atomic_file(path) as tmp:
            if fmt is None:
                if isinstance(dataset, ox.Store):
                    dataset = ox_to_dataset(document_quads(dataset))
                count = _write_jsonld(dataset, tmp, context_url)
            elif keeps_graphs:
                quads = dataset_quads(dataset)
                ox.serialize(quads, str(tmp), fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TRIG else None)
                count = len(quads)
            else:
                triples = union_triples(dataset)
                if fmt == ox.RdfFormat.RDF_XML:
                    triples = xml_safe_triples(triples)
                ox.serialize(triples, str(tmp), fmt,
                             prefixes=PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None)
                count = len(triples)
    except (OSError, ValueError) as exc:
        raise ExportError(f"cannot write {rdf_format} to {path}: {exc}") from exc
    log.info("wrote %d %s to %s", count, "quads" if keeps_graphs else "triples", path)
    return ExportResult(rdf_format, str(path), {"quads" if keeps_graphs else "triples": count}, [path])


def _write_jsonld(dataset: Dataset, path: Path, context_url: str | None) -> int:
    """Compact with the local copy of the context; ``context_url`` then replaces it by reference.

    A Dataset serialises with its graphs: one ``@graph`` object per document graph.
    """
    text = dataset.serialize(format="json-ld", context=context(), auto_compact=True)
    if context_url:
        data = json.loads(text)
        data["@context"] = context_url
        text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text_safe(text), encoding="utf-8")
    return sum(1 for _ in dataset.quads((None, None, None, None)))
