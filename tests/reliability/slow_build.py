"""``filing-kg`` with a pause around every document commit, for the fault-injection test.

A real build writes its documents in well under a second, so a kill at a random
moment almost never lands while documents are being written. This wrapper runs
the very same CLI with the store's write methods slowed down -- each document is
committed exactly as in a real build, one call per document, with a pause
before and after -- and announces each commit on stderr, so the test can kill it
at a random point *inside* the write phase:

    python -m tests.reliability.slow_build build FILINGS --out OUT

``FKG_FAULT_WRITE_DELAY`` (seconds, default 0.3) is the pause per document.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable, Iterable

from graph.cli import main
from graph.store.oxigraph_store import GraphStore

_DELAY = float(os.environ.get("FKG_FAULT_WRITE_DELAY", "0.3"))
_replace_document = GraphStore.replace_document
_load_document_shards = GraphStore.load_document_shards


def _slowly(doc_id: str, commit: Callable[[], Any]) -> Any:
    print(f"writing {doc_id}", file=sys.stderr, flush=True)
    time.sleep(_DELAY / 2)
    out = commit()
    print(f"stored {doc_id}", file=sys.stderr, flush=True)
    time.sleep(_DELAY / 2)
    return out


def _slow_replace_document(self: GraphStore, doc_id: str, graph: Any) -> int:
    return _slowly(doc_id, lambda: _replace_document(self, doc_id, graph))


def _slow_load_document_shards(self: GraphStore, shards: Iterable[tuple[str, bytes]], **options: Any) -> list[str]:
    loaded: list[str] = []
    for doc_id, data in shards:
        loaded += _slowly(doc_id, lambda: _load_document_shards(self, [(doc_id, data)], **options))
    return loaded


GraphStore.replace_document = _slow_replace_document  # type: ignore[method-assign]
GraphStore.load_document_shards = _slow_load_document_shards  # type: ignore[method-assign]

if __name__ == "__main__":
    main(prog_name="filing-kg")
