"""Per-document N-Quads shards: the unit that moves from workers to a store.

A shard holds exactly one document's named graph (:func:`graph.rdf.build.document_graph`),
so shards can be written anywhere, loaded in any order, and re-loaded to replace
a document -- into the embedded store, or into any triple store that bulk-loads
N-Quads (see docs/scale.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.model import Extraction
from graph.rdf.build import document_graph
from graph.rdf.convert import to_ox

SHARD_SUFFIX = ".nq"


def document_nquads(extraction: Extraction) -> bytes:
    """The document's named graph, serialised as N-Quads (one line per quad)."""
    g = document_graph(extraction)
    name = ox.NamedNode(str(g.identifier))
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in g]  # type: ignore[arg-type]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def shard_name(doc_id: str) -> str:
    """A file name for the document's shard (doc ids are file names already)."""
    return doc_id.replace("/", "_") + SHARD_SUFFIX


def write_shards(shards: Iterable[tuple[str, bytes]], folder: Path) -> Iterator[tuple[str, bytes]]:
    """Write each shard to ``folder`` as it passes, and pass it on (for a store to load as well)."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, data in shards:
        target = folder / shard_name(doc_id)
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)  # a shard appears only complete
        yield doc_id, data
