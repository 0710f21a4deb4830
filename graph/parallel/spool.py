"""A disk spool of pickled extractions, so a corpus build holds no full extraction in memory.

Cross-document resolution needs every document's entities before any document
can be written, but not their facts and evidence: those wait here, on disk,
and are read back one at a time (in order, or by index) once the keys are known.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import IO

from graph.model import Extraction


class Spool:
    """Append-only, random-access pickles in one anonymous temporary file (gone on close)."""

    def __init__(self, folder: str | None = None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="fkg-spool-", dir=folder)
        self._spans: list[tuple[int, int]] = []

    def __len__(self) -> int:
        return len(self._spans)

    def append(self, extraction: Extraction) -> int:
        """Store one extraction; returns its index."""
        data = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        start = self._file.tell()
        self._file.write(data)
        self._spans.append((start, len(data)))
        return len(self._spans) - 1

    def __getitem__(self, index: int) -> Extraction:
        start, size = self._spans[index]
        self._file.seek(start)
        return pickle.loads(self._file.read(size))

    def __iter__(self) -> Iterator[Extraction]:
        for i in range(len(self._spans)):
            yield self[i]

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
