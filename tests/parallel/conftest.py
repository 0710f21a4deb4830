"""Shared by the parallel tests: the reference graph of the sample filings, built the plain way."""

from __future__ import annotations

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from tests.conftest import FILINGS

FILES = sorted(p for p in FILINGS.iterdir() if p.is_file())


@pytest.fixture(scope="session")
def reference_dataset(extract) -> Dataset:
    """Every sample filing extracted alone in this process, resolved at once, one graph per document.

    The path with no executor, spool, shards or bulk loading: what every parallel build must equal.
    """
    from graph.entities.resolve import resolve
    from graph.pipeline import to_dataset

    return to_dataset(resolve([extract(p) for p in FILES]))


def graphs_of(ds: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same_graph(got: Dataset, want: Dataset) -> None:
    """Same named graphs, each isomorphic (rdflib.compare), hence the same dataset."""
    g1, g2 = graphs_of(got), graphs_of(want)
    assert sorted(g1) == sorted(g2)
    for name in g2:
        assert isomorphic(g1[name], g2[name]), name
