"""The command line end to end: build, facts, evaluate, query, stats, validate, and failures."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import FILINGS, GOLD, INNOVO


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    src = tmp_path_factory.mktemp("src")
    for p in INNOVO:
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    return out, res


def test_build_summary_and_failures(built):
    out, res = built
    assert res.exit_code == 1  # two files failed
    assert "documents: 3 built, 2 failed" in res.output
    errors = [line for line in res.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and any("empty.txt" in e for e in errors) and any("binary.txt" in e for e in errors)
    assert "triples:" in res.output and (out / "graph.trig").is_file() and (out / "store").is_dir()


def test_no_progress_bar_when_output_is_not_a_terminal(built):
    """CliRunner's streams are not terminals: neither a bar nor click's one-off label is written."""
    _out, res = built
    assert "building" not in res.output and "#" not in res.output and "ETA" not in res.output


def test_store_is_valid_and_queryable(built):
    out, _res = built
    runner = CliRunner()
    res = runner.invoke(main, ["validate", "--store", str(out / "store")])
    assert res.exit_code == 0, res.output
    assert "conforms: yes" in res.output
    res = runner.invoke(main, ["stats", "--store", str(out / "store")])
    assert res.exit_code == 0 and "triples" in res.output
    q = "SELECT ?name WHERE { ?p a fkg:Person ; rdfs:label ?name } ORDER BY ?name"
    res = runner.invoke(main, ["query", "--store", str(out / "store"), q])
    assert res.exit_code == 0, res.output
    assert "Marc B. Crossman" in res.output and "Samuel J. Furrow, Jr." in res.output


def test_one_node_per_entity_across_the_innovo_documents(built):
    out, _res = built
    q = "SELECT DISTINCT ?e WHERE { ?e a fkg:Person }"
    res = CliRunner().invoke(main, ["query", "--store", str(out / "store"), q])
    assert "(2 rows)" in res.output  # Furrow and Crossman, each once


def test_bad_query_is_a_clean_error(built):
    out, _res = built
    res = CliRunner().invoke(main, ["query", "--store", str(out / "store"), "SELECT WHERE {"])
    assert res.exit_code == 1 and res.output.startswith("error:")


def test_facts_json_lines_with_sources():
    res = CliRunner().invoke(main, ["facts", str(FILINGS / "002_d72a9ef88ce946c1.txt")])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert {"subject": "Innovo Group Inc.", "relation": "type", "object": "Company"} in rows
    fact = next(r for r in rows if r["relation"] == "irs_employer_id")
    assert fact["object"] == "11-2928178"
    doc, span = fact["source"].split("#char=")
    s, e = map(int, span.split(","))
    assert (FILINGS / doc).read_text(encoding="latin-1")[s:e] == "11-2928178"


def test_evaluate_innovo_gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for p in INNOVO:
        shutil.copy(GOLD / f"{p.name}.yaml", gold)
    res = CliRunner().invoke(main, ["evaluate", str(gold), "--filings", str(FILINGS), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["micro"]["facts"]["f1"] >= 0.9


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name in main.commands:
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0 and "Example:" in res.output, name
