"""What every exporter shares: the error type, the result, safe text and all-or-nothing writes.

Every writer goes through :func:`atomic_file` (or :func:`atomic_folder` for a bundle),
so a failure mid-write leaves the previous output as it was and never a partial file;
names come from filings and may hold characters XML 1.0 forbids, which
:func:`xml_safe` removes before an XML format sees them.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset

from graph.errors import FilingKGError


class ExportError(FilingKGError):
    """An export could not be made: unknown format, empty selection, unwritable target, server refused."""


@dataclass
class ExportResult:
    """What was written, so the CLI and the benchmark can report it without re-reading the output."""

    format: str
    destination: str
    #: triples for RDF formats; nodes + relationships for property-graph formats.
    counts: dict[str, int] = field(default_factory=dict)
    #: files written (a bundle has several); empty for a push to a server.
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return f"{self.format}: {self.destination}" + (f" ({counts})" if counts else "")


#: What an exporter reads: a selection (rdflib Dataset, one named graph per document) or,
#: for formats registered with ``accepts_store``, a whole pyoxigraph Store.
GraphSource = Dataset | ox.Store


#: Lone surrogates (from a decoder's surrogateescape): no UTF-8 encoding exists for them.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: What XML 1.0 forbids besides surrogates: C0 controls but tab, LF, CR; U+FFFE, U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
#: Vertical tab and form feed separate words in a header name: a space keeps them apart.
_XML_SPACES = re.compile("[\x0b\x0c]")


def text_safe(text: str) -> str:
    """``text`` encodable as UTF-8: each lone surrogate becomes U+FFFD (visible, not silently dropped)."""
    return _SURROGATES.sub("\ufffd", text)


def xml_safe(text: str) -> str:
    """``text`` with only XML 1.0 characters: VT/FF -> space, other forbidden controls and U+FFFE/U+FFFF removed."""
    return _XML_FORBIDDEN.sub("", _XML_SPACES.sub(" ", text_safe(text)))


def clean(value: Any, fix: Callable[[str], str]) -> Any:
    """``value`` with ``fix`` applied to every string in it (dict keys too), through dicts, lists and tuples."""
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {clean(k, fix): clean(v, fix) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean(v, fix) for v in value)
    return value


def _temp_beside(path: Path, kind: str) -> Path:
    """A fresh hidden name in ``path``'s folder (same file system, so the rename is atomic).

    Not mkstemp: its 0600 mode would stick to the export.
    """
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.{kind}"


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


@contextmanager
def atomic_file(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; renamed over it only if the block completes.

    A failure anywhere (serialiser error, full disk, interrupt) removes the temporary
    file and leaves an existing ``target`` byte-identical, so readers see the old file
    or the whole new one, never a 0-byte or half-written one.
    """
    path = Path(target)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name for this format")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(path, "tmp")
    try:
        yield tmp
        if not tmp.is_file():
            raise ExportError(f"the writer produced no file for {path}")
        _fsync(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


#: Files a neo4j-admin bundle consists of; a folder holding anything else is not replaced.
BUNDLE_FILES = ("nodes_*.csv", "rels_*.csv", "constraints.cypher", "import.sh", "README.md")


@contextmanager
def atomic_folder(target: Path | str, own: tuple[str, ...] = BUNDLE_FILES) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; swapped in for it only if the block completes.

    An existing ``target`` may hold only files matching ``own`` (an earlier bundle):
    it is replaced as a whole, so stale files go, and anything else there would be
    lost, hence ExportError up front. The swap is two renames (old aside, new in),
    with the old folder put back if the second fails.
    """
    folder = Path(target)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} exists and is not a folder (this format writes a folder)")
    if folder.is_dir():
        foreign = sorted(p.name for p in folder.iterdir() if not any(p.match(g) for g in own))
        if foreign:
            raise ExportError(f"{folder} holds files that are not part of the bundle "
                              f"({', '.join(foreign[:3])}); choose a new or empty folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(folder, "tmp")
    tmp.mkdir()
    try:
        yield tmp
        for path in tmp.iterdir():
            _fsync(path)
        _swap_in(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap_in(new: Path, folder: Path) -> None:
    if not folder.exists():
        os.replace(new, folder)
        return
    old = _temp_beside(folder, "old")
    os.replace(folder, old)
    try:
        os.replace(new, folder)
    except BaseException:
        os.replace(old, folder)  # the good bundle goes back
        raise
    shutil.rmtree(old, ignore_errors=True)
