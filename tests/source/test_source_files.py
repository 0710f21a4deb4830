"""expand_sources: files, folders, globs; sorted, deduplicated, hidden files skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.source import expand_sources


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.htm").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.xml").write_text("c")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("g")
    return tmp_path


def test_folder_is_read_recursively_without_hidden_files(tree: Path) -> None:
    assert [p.relative_to(tree).as_posix() for p in expand_sources([tree])] == ["a.htm", "b.txt", "sub/c.xml"]


def test_glob_and_file_specs_are_merged_sorted_and_deduplicated(tree: Path) -> None:
    found = expand_sources([str(tree / "*.txt"), tree / "a.htm", str(tree / "b.txt"), str(tree / "**" / "*.xml")])
    assert [p.name for p in found] == ["a.htm", "b.txt", "c.xml"]
    assert all(p.is_absolute() for p in found)


def test_explicit_hidden_file_is_kept(tree: Path) -> None:
    assert [p.name for p in expand_sources([tree / ".hidden.txt"])] == [".hidden.txt"]


def test_glob_matching_nothing_raises(tree: Path) -> None:
    with pytest.raises(SourceError, match="matches no file") as err:
        expand_sources([str(tree / "*.pdf")])
    assert err.value.path.endswith("*.pdf")


def test_missing_path_raises(tree: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        expand_sources([tree / "nope.txt"])


def test_empty_folder_raises(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError):
        expand_sources([tmp_path / "empty"])


def test_sample_folder() -> None:
    """Every sample filing is found, one per gold file (the folder holds nothing else)."""
    root = Path(__file__).resolve().parents[2] / "data"
    found = sorted(p.name for p in expand_sources([root / "filings"]))
    assert found == sorted(p.name.removesuffix(".yaml") for p in (root / "gold").glob("*.yaml"))
