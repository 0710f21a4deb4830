"""Label-free coverage per form kind, read from the facts view."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.query.coverage import coverage, format_coverage
from tests.conftest import FILINGS

DOCS = ["8-K_AppleComputer_0000912057-00-002128.txt", "EX-21.1_Apple_10-K-FY2025.htm", "8-K_CiscoSystems_0000891618-95-000727.txt"]




@pytest.fixture(scope="module")
def dataset():
    from graph.pipeline import extract_paths, to_dataset

    result = extract_paths([FILINGS / d for d in DOCS])
    assert not result.failures
    return to_dataset(result.extractions)


def test_coverage_per_form_kind(dataset) -> None:
    rows = {r.form: r for r in coverage(dataset)}
    assert rows["8-K"].documents == 2 and rows["EX-21"].documents == 1 and rows["all"].documents == 3
    assert rows["8-K"].share("registrant") == 1.0
    assert rows["8-K"].share("cik_or_file_number") == 1.0
    assert rows["8-K"].share("signer") == 1.0
    assert rows["EX-21"].share("signer") == 0.0  # a subsidiary list is not signed
    assert rows["all"].passed["registrant"] == 3
    table = format_coverage(list(rows.values()))
    assert table.splitlines()[0].split()[:3] == ["form", "docs", "registrant"]


def test_cli_stats_coverage(tmp_path, dataset) -> None:
    from graph.store import open_store

    path = tmp_path / "store"
    with open_store(path) as store:
        store.add_dataset(dataset)
    out = CliRunner().invoke(main, ["stats", "--coverage", "--json", "--store", str(path)])
    assert out.exit_code == 0, out.output
    rows = {r["form"]: r for r in json.loads(out.output)}
    assert rows["all"]["documents"] == 3 and rows["8-K"]["registrant"] == 1.0
