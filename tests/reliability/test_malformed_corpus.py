"""Bad input: every malformed file gives one clear line, the rest is built, nothing half-written is stored.

The corpus (``corpus/``, described in its README) holds one small file per
case; the 100 MB file is generated here in a temporary folder. Each file is
checked alone through :func:`read_source` (the reason), then all together
through ``filing-kg build`` as a real process (messages, summary, exit status,
and a store identical before and after), and once with ``--strict``.
"""

from __future__ import annotations

import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.source import read_source
from tests.reliability.conftest import CORPUS, GOOD, run_cli, store_snapshot

#: corpus file -> words its SourceError reason must contain.
EXPECTED = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "binary.bin": "binary file",
    "image.png": "binary file",
    "base64_dump.txt": "unrecognisable content",
    "truncated_preamble.txt": "truncated EDGAR submission",
    "truncated_submission.txt": "truncated EDGAR submission",
    "truncated_form4.xml": "malformed XML",
    "truncated_page.htm": "truncated HTML",
    "utf16_without_bom.txt": "wrongly encoded",
    "utf16_bad_bom.txt": "wrongly encoded",
    "malformed_submission.txt": "EDGAR submission without a header",
    "malformed_markup.htm": "unknown markup",
    "malformed_form4.xml": "malformed XML",
    "not_a_form.xml": "not an EDGAR form",
    "xml_bomb.xml": "declares entities",
    "xml_external_entity.xml": "declares entities",
    "deep_nesting.xml": "Excessive depth",
    "deep_nesting.htm": "no recognisable form",
    "no_form.txt": "no recognisable form",
    "no_form_submission.txt": "no recognisable form",
}
HUGE_MB = 100


def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.name != "README.md")


def write_huge(path: Path, megabytes: int = HUGE_MB) -> Path:
    """A plausible-looking text filing of ``megabytes`` MB, written in chunks (never held in memory)."""
    line = b"The Company entered into an agreement with its lenders on the terms described below.\n"
    chunk = line * (1_000_000 // len(line) + 1)
    with path.open("wb") as fh:
        fh.write(b"FORM 8-K\n\n")
        for _ in range(megabytes):
            fh.write(chunk)
    return path


def test_every_case_has_a_corpus_file_and_an_expected_reason() -> None:
    assert sorted(p.name for p in _corpus_files()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_malformed_file_gives_one_clear_reason(name: str) -> None:
    path = CORPUS / name
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert time.monotonic() - started < 10
    assert err.value.path == str(path)
    assert EXPECTED[name] in err.value.reason
    message = str(err.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message and "Traceback" not in message


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = write_huge(tmp_path / "huge.txt")
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(SourceError, match=r"file too large \(100\.\d MB > limit 50 MB"):
            read_source(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 2
    assert peak < 5_000_000  # the file was never read into memory


def test_the_size_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.errors import ConfigError

    small = tmp_path / GOOD.name
    shutil.copy(GOOD, small)
    monkeypatch.setenv("FILING_KG_MAX_FILE_MB", "0.001")
    with pytest.raises(SourceError, match=r"file too large \(0\.0 MB > limit 0\.001 MB; set FILING_KG_MAX_FILE_MB"):
        read_source(small)
    monkeypatch.setenv("FILING_KG_MAX_FILE_MB", "0")  # no limit
    assert read_source(small).form_type is not None
    monkeypatch.setenv("FILING_KG_MAX_FILE_MB", "lots")
    with pytest.raises(ConfigError):
        read_source(small)


def test_deeply_nested_html_is_read_in_linear_time(tmp_path: Path) -> None:
    depth = 100_000
    page = tmp_path / "deep.htm"
    page.write_text("<html><body><p>FORM 8-K</p>" + "<div><font>" * depth + "Item 5. Other Events"
                    + "</b>" * depth + "</font></div>" * depth + "</body></html>")
    started = time.monotonic()
    doc = read_source(page)
    assert time.monotonic() - started < 20
    assert doc.form_type is not None and doc.form_type.value == "8-K"
    assert "Item 5. Other Events" in doc.parts[0].text


def test_a_reader_crash_becomes_a_source_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.source as source

    def explode(doc):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(source._BUILDERS, "text", explode)
    f = tmp_path / "x.txt"
    shutil.copy(GOOD, f)
    with pytest.raises(SourceError, match="nested too deeply"):
        read_source(f)


# ------------------------------------------------------------------ the build command


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store holding one good document, and the folder of that document."""
    out = tmp_path_factory.mktemp("corpus-build")
    good = out / "good"
    good.mkdir()
    shutil.copy(GOOD, good)
    result = run_cli("build", str(good), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, good


@pytest.fixture()
def bad_dir(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    shutil.copytree(CORPUS, bad, ignore=shutil.ignore_patterns("README.md"))
    write_huge(bad / "huge.txt")
    return bad


def test_build_reports_each_bad_file_builds_the_rest_and_keeps_the_store(built, bad_dir: Path) -> None:
    out, good = built
    before = store_snapshot(out / "store")
    started = time.monotonic()
    result = run_cli("build", str(good), str(bad_dir), "--out", str(out))
    assert time.monotonic() - started < 120
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    expected = {**EXPECTED, "huge.txt": "file too large (100."}
    assert len(errors) == len(expected)
    for name, reason in expected.items():
        line = next((e for e in errors if e.startswith(f"error: {bad_dir / name}: ")), None)
        assert line is not None, f"no error line for {name}"
        assert reason in line
    assert re.search(rf"documents: 0 built, 1 skipped \(unchanged\), {len(expected)} failed", result.stdout)
    failed = next(line for line in result.stdout.splitlines() if line.startswith("failed:"))
    assert sorted(failed.removeprefix("failed:").strip().split(", ")) == sorted(expected)
    assert store_snapshot(out / "store") == before


def test_strict_build_stops_at_the_first_bad_file_and_writes_nothing(built, bad_dir: Path) -> None:
    out, good = built
    before = store_snapshot(out / "store")
    fresh = good.parent / "fresh"  # a new good document that a non-strict build would add
    fresh.mkdir(exist_ok=True)
    shutil.copy(GOOD, fresh / "copy_of_good.txt")
    result = run_cli("build", "--strict", str(fresh), str(bad_dir), "--out", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and str(bad_dir) in errors[0]
    assert "documents:" not in result.stdout and "Traceback" not in result.stderr
    assert store_snapshot(out / "store") == before
