"""Deterministic IRIs: the same keys and doc ids always give the same nodes.

Entity and instrument keys are appended to ``id/`` as they are (they already look
like paths: ``company/cik-320193``); anything unsafe is percent-encoded. Document ids
are file names, encoded as one path segment so they can be decoded back.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef

from graph.rdf.namespaces import ID

_KEY_SAFE = "/-._~:@!$&'()*+,;="


def _key_part(key: str) -> str:
    return quote(key, safe=_KEY_SAFE)


def _segment(value: str) -> str:
    return quote(value, safe="")


def entity_iri(key: str) -> URIRef:
    """``id/<key>``, e.g. ``id/company/cik-320193``."""
    return URIRef(ID + _key_part(key))


def instrument_iri(key: str) -> URIRef:
    """``id/<key>``, e.g. ``id/instrument/company/cik-320193/option``."""
    return URIRef(ID + _key_part(key))


def document_iri(doc_id: str) -> URIRef:
    """``id/document/<doc_id>`` (doc id encoded as one segment)."""
    return URIRef(ID + "document/" + _segment(doc_id))


GRAPH_PREFIX = str(ID) + "graph/"


def graph_iri(doc_id: str) -> URIRef:
    """The named graph holding everything read from one document."""
    return URIRef(GRAPH_PREFIX + _segment(doc_id))


def doc_id_from_graph_iri(iri: str) -> str | None:
    """Inverse of :func:`graph_iri`; ``None`` for graphs that are not document graphs."""
    iri = str(iri)
    if not iri.startswith(GRAPH_PREFIX):
        return None
    return unquote(iri[len(GRAPH_PREFIX):])


def digest(*parts: object) -> str:
    """SHA-1 over the parts, joined with a separator that cannot occur in text."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def position_iri(kind: str, holder_key: str, org_key: str, title: str | None = None) -> URIRef:
    """An officer/director position: one node per (kind, holder, organisation, title)."""
    return URIRef(ID + f"position/{kind}/" + digest(holder_key, org_key, title or ""))


def offering_iri(doc_id: str, issuer_key: str) -> URIRef:
    """``id/offering/<doc_id>/<issuer key>``: one offering per document and issuer, readable and decodable."""
    return URIRef(ID + "offering/" + _segment(doc_id) + "/" + _key_part(issuer_key))


def assertion_iri(doc_id: str, *parts: object) -> URIRef:
    """``id/assertion/<sha1(doc_id, fact parts...)>``."""
    return URIRef(ID + "assertion/" + digest(doc_id, *parts))


def slug(text: str) -> str:
    """Lower-case, hyphen-separated form used when minting keys (``Convertible Note`` -> ``convertible-note``)."""
    out = []
    for ch in text.lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


def instrument_key(issuer_key: str, instrument_type: str) -> str:
    """Key minted for an instrument that the extraction did not list (``instrument/<issuer>/<type-slug>``)."""
    return f"instrument/{issuer_key}/{slug(instrument_type)}"
