"""`filing-kg query/remove/stats/build` over a store: names, files, params, formats, errors, skips."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import INNOVO


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("qcli")
    res = CliRunner().invoke(main, ["build", *map(str, INNOVO), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_list():
    res = run("query", "--list")
    assert res.exit_code == 0
    assert "officers" in res.output and "--param company=" in res.output and "subsidiaries" in res.output


def test_named_query_with_param_in_each_format(out):
    store = str(out / "store")
    table = run("query", "officers", "--param", "company=Innovo", "--store", store)
    assert table.exit_code == 0 and "Marc B. Crossman" in table.output and "companyName" in table.output.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(run("query", "officers", "--param", "company=Innovo", "--store", store, "--format", "csv").output)))
    assert {r["companyName"] for r in rows} == {"Innovo Group Inc."} and len(rows) >= 3
    data = json.loads(run("query", "officers", "--param", "company=Innovo", "--store", store, "--format", "json").output)
    assert len(data["results"]["bindings"]) == len(rows)
    tsv = run("query", "officers", "--param", "company=Innovo", "--store", store, "--format", "tsv").output
    assert tsv.startswith("?companyName\t") and len(tsv.strip().splitlines()) == len(rows) + 1
    none = run("query", "officers", "--param", "company=Nobody Such", "--store", store)
    assert none.exit_code == 0 and "(no results)" in none.output


def test_file_inline_construct_and_errors(out, tmp_path):
    store = str(out / "store")
    f = tmp_path / "count.rq"
    f.write_text("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a fkg:Person }")
    assert run("query", str(f), "--store", store, "--format", "csv").output.splitlines()[0] == "n"
    ttl = run("query", "CONSTRUCT { ?c a fkg:Company } WHERE { ?c a fkg:Company }", "--store", store)
    assert ttl.exit_code == 0 and "fkg:Company" in ttl.output and "@prefix" in ttl.output
    bad = run("query", "SELECT ?x WHERE {", "--store", store)
    assert bad.exit_code == 1 and bad.output.startswith("error: malformed SPARQL query")
    wrong = run("query", "ASK {}", "--store", store, "--format", "turtle")
    assert wrong.exit_code == 1 and "not a SELECT/ASK format" in wrong.output
    missing = run("query", "officers", "--store", str(tmp_path / "none"))
    assert missing.exit_code == 1 and "no store at" in missing.output
    unknown = run("query", "officers", "--param", "ceo=x", "--store", store)
    assert unknown.exit_code == 1 and "no parameter 'ceo'" in unknown.output


def test_rebuild_skips_unchanged_and_remove(out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    again = run("build", *map(str, INNOVO), "--out", str(copy))
    assert again.exit_code == 0 and "documents: 0 built, 3 skipped (unchanged), 0 failed" in again.output
    stats = json.loads(run("stats", "--store", str(copy / "store"), "--json").output)
    assert stats["documents"] == 3
    res = run("remove", INNOVO[0].name, "--store", str(copy / "store"))
    assert res.exit_code == 0 and f"removed:   {INNOVO[0].name}" in res.output and "documents: 2 left" in res.output
    res = run("remove", INNOVO[0].name, "--store", str(copy / "store"))
    assert res.exit_code == 1 and "not in the store" in res.output
    assert json.loads(run("stats", "--store", str(copy / "store"), "--json").output)["documents"] == 2
