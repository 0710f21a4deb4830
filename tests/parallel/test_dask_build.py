"""--dask: a LocalCluster with two worker processes builds the same graph as one process."""

from __future__ import annotations

import pytest

from graph.store import open_store
from tests.parallel.conftest import FILES, assert_same_graph

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as c:
        yield c


@pytest.mark.slow
def test_dask_cluster_build_is_isomorphic_to_single_process(cluster, reference_dataset, tmp_path):
    from graph.pipeline import build_into_store

    shards = tmp_path / "shards"
    with open_store(tmp_path / "store") as store:
        result = build_into_store([str(p) for p in FILES], store, dask=cluster.scheduler_address, shards_dir=shards)
        assert not result.failures and len(result.extractions) == len(FILES)
        assert_same_graph(store.dataset(), reference_dataset)
    assert len(list(shards.glob("*.nq"))) == len(FILES)


@pytest.mark.slow
def test_dask_reports_failures_like_the_local_build(cluster, tmp_path):
    from graph.pipeline import build_into_store

    bad = tmp_path / "not_a_filing.txt"
    bad.write_text("hello\n")
    with open_store(None) as store:
        result = build_into_store([str(bad), str(FILES[0])], store, dask=cluster.scheduler_address)
    assert [f.path for f in result.failures] == [str(bad)]
    assert len(result.extractions) == 1


def test_local_address_parsing():
    from graph.errors import ConfigError
    from graph.parallel.cluster import parse_address

    assert parse_address("local:3") == ("local", 3)
    assert parse_address("tcp://10.0.0.1:8786") == ("tcp://10.0.0.1:8786", None)
    with pytest.raises(ConfigError):
        parse_address("local:x")
