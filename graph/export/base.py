"""What every exporter shares: the error type and the result it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graph.errors import FilingKGError


class ExportError(FilingKGError):
    """An export could not be made: unknown format, empty selection, unwritable target, server refused."""


@dataclass
class ExportResult:
    """What was written, so the CLI and the benchmark can report it without re-reading the output."""

    format: str
    destination: str
    #: triples for RDF formats; nodes + relationships for property-graph formats.
    counts: dict[str, int] = field(default_factory=dict)
    #: files written (a bundle has several); empty for a push to a server.
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return f"{self.format}: {self.destination}" + (f" ({counts})" if counts else "")


#: What an exporter reads: a selection (rdflib Dataset, one named graph per document) or,
#: for formats registered with ``accepts_store``, a whole pyoxigraph Store.
GraphSource = Dataset | ox.Store
