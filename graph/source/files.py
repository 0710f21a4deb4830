"""Turn command-line specs (files, folders, glob patterns) into a sorted list of files."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable

from graph.errors import SourceError

_GLOB_CHARS = frozenset("*?[")


def _hidden(path: Path, base: Path) -> bool:
    """Any component below ``base`` starting with a dot (".git", ".DS_Store")."""
    try:
        rel = path.relative_to(base)
    except ValueError:
        rel = path
    return any(part.startswith(".") for part in rel.parts)


def _expand_one(spec: str | Path) -> list[Path]:
    path = Path(spec).expanduser()
    if path.is_file():
        return [path]  # named explicitly: read even if hidden
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)]
    text = str(spec)
    if _GLOB_CHARS & set(text):
        matches = (Path(m) for m in glob.glob(os.path.expanduser(text), recursive=True))
        return [m for m in matches if m.is_file()]
    raise SourceError(spec, "no such file or folder")


def expand_sources(specs: Iterable[str | Path]) -> list[Path]:
    """Files named by ``specs``: files, folders (recursively, hidden entries skipped) or glob patterns.

    The result is absolute, sorted and free of duplicates. A spec that matches
    no file raises :class:`SourceError`, so a typo never yields an empty build.
    """
    found: dict[str, Path] = {}
    for spec in specs:
        matches = _expand_one(spec)
        if not matches:
            raise SourceError(spec, "matches no file")
        for m in matches:
            absolute = Path(os.path.abspath(m))
            found.setdefault(str(absolute), absolute)
    return [found[k] for k in sorted(found)]
