"""An unsafe document name in a filing index is skipped with one warning; the filing's safe documents still arrive."""

from __future__ import annotations

import json
import logging

from graph.fetch import Fetcher, FetchQuery
from tests.fetch.edgar_server import FIXTURES

INDEX = "/Archives/edgar/data/723533/000121390009002194/index.json"
LISTING = "/submissions/CIK0000723533.json"
FOLDER = "/Archives/edgar/data/723533/000121390009002194/"
UNSAFE = ["../evil_expertil.htm", "/etc/expertil.htm", "sub\\expertil.htm", "nul\x00expertil.htm", "..\\expertil.htm", ".hidden_expertil.htm"]
SAFE = ["f8k080309_expertil.htm", "f8k080309ex16i_expertil.htm"]


def _hostile_index() -> bytes:
    data = json.loads((FIXTURES / "archives/723533/000121390009002194/index.json").read_text(encoding="utf-8"))
    data["directory"]["item"] += [{"name": n, "type": "text.gif"} for n in UNSAFE]
    return json.dumps(data).encode()


def _unsafe_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "unsafe document name" in r.getMessage()]


def test_unsafe_index_names_are_skipped_with_one_warning_each(settings, edgar, tmp_path, caplog):
    edgar.serve(INDEX, _hostile_index())
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING, logger="filing_kg"):
        report = Fetcher(settings).run(FetchQuery(cik=723533, documents="*expertil*", to=out))
    (res,) = report.results
    assert res.status == "downloaded" and sorted(p.name for p in res.paths) == [f"0001213900-09-002194_{n}" for n in SAFE]
    warnings = _unsafe_warnings(caplog)
    assert len(warnings) == len(UNSAFE) and all(any(repr(n) in w for w in warnings) for n in UNSAFE)
    assert {h.path for h in edgar.hits if h.path.startswith(FOLDER)} == {INDEX} | {FOLDER + n for n in SAFE}
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert all("evil" not in w and "hidden" not in w for w in written)
    assert not (tmp_path.parent / "evil_expertil.htm").exists()


def test_unsafe_primary_document_is_skipped(settings, edgar, tmp_path, caplog):
    data = json.loads((FIXTURES / "submissions" / "CIK0000723533.json").read_text(encoding="utf-8"))
    data["filings"]["recent"]["primaryDocument"] = ["..\\evil.htm"] * len(data["filings"]["recent"]["accessionNumber"])
    edgar.serve(LISTING, json.dumps(data).encode())
    with caplog.at_level(logging.WARNING, logger="filing_kg"):
        report = Fetcher(settings).run(FetchQuery(cik=723533, documents="primary,full", to=tmp_path / "out"))
    (res,) = report.results
    assert res.status == "downloaded" and [p.name for p in res.paths] == ["0001213900-09-002194.txt"]
    assert len(_unsafe_warnings(caplog)) == 1


def test_unsafe_names_from_the_cli_exit_0_with_warnings_only(cli, edgar, tmp_path):
    edgar.serve(INDEX, _hostile_index())
    res = cli("fetch", "--cik", "723533", "--documents", "*expertil*", "--to", str(tmp_path / "out"))
    assert res.code == 0 and res.errors == [] and "Traceback" not in res.stderr
    assert res.stderr.count("skipping unsafe document name") == len(UNSAFE)
    assert "1 downloaded" in res.stdout
