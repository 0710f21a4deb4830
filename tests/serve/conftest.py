"""A store built from real sample filings (plus one synthetic board document), served on 127.0.0.1."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import FILINGS, INNOVO

SERVED_FILINGS = [*INNOVO, FILINGS / "EX-21.1_Apple_10-K-FY2025.htm", FILINGS / "D_1685-38th-REIT_2023-01-27.xml",
                  FILINGS / "SCHEDULE13G_JushiHoldings-Marex_2025-11-26.xml"]

#: every shipped query with the parameters the tests bind (None = run unbound).
SHIPPED = [
    ("officers", {"company": "Innovo Group"}),
    ("officers", None),
    ("subsidiaries", {"company": "Apple"}),
    ("subsidiaries", None),
    ("placements", None),
    ("placements", {"company": "https://w3id.org/filing-kg/id/company/innovo-group"}),
    ("instruments", {"company": "innovo"}),
    ("board-members", None),
    ("entity", {"entity": "Marc B. Crossman"}),
    ("entities", None),
    ("facts", None),
    ("holdings", None),
    ("holdings", {"entity": "Jushi"}),
]


def _sample_module():
    from tests.rdf import innovo_sample

    return innovo_sample


@pytest.fixture(scope="session")
def served_store_path(tmp_path_factory, nlp) -> Path:
    """An on-disk store: 6 real filings built with the pipeline, and a synthetic document in
    which the Innovo CEO also sits on a second board (so ``board-members`` has an answer)."""
    from graph.entities.resolve import resolve
    from graph.model import Fact
    from graph.pipeline import build_into_store
    from graph.store import open_store

    sample = _sample_module()
    path = tmp_path_factory.mktemp("served") / "store"
    with open_store(path) as store:
        result = build_into_store([str(p) for p in SERVED_FILINGS], store)
        assert not result.failures and len(result.extractions) == len(SERVED_FILINGS)
        board = sample.innovo_extraction("board.txt")
        board = replace(board, facts=[*board.facts, Fact(sample.FURROW, "director_of", sample.AGENT)])
        store.add_extractions(resolve([board], known=store.known_entities()))
    return path


@pytest.fixture(scope="session")
def served_store(served_store_path):
    from graph.store import open_store

    with open_store(served_store_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def endpoint(served_store):
    """URL of a read-only endpoint over the served store (ephemeral port on 127.0.0.1)."""
    from graph.serve import ServerConfig, running_server

    with running_server(served_store, ServerConfig(timeout=30, max_rows=100_000)) as url:
        assert url.startswith("http://127.0.0.1:")
        yield url
