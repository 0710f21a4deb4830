"""The on-disk EDGAR cache: one folder per accession number, plus the listings and the tickers file.

Layout under the cache root::

    filings/<accession>/<document>      downloaded files (full submission, chosen documents)
    filings/<accession>/index.json      EDGAR's folder listing, when documents were chosen from it
    filings/<accession>/meta.json       what the folder holds and where it came from
    submissions/CIK##########.json      company listings (and their older pages), for --offline
    company_tickers.json                ticker -> CIK map, refreshed after a TTL

Accession numbers are unique across EDGAR, so they key the cache alone: the
same filing reached from two companies (a Form 4's issuer and its owner) is
downloaded once. Every write goes to a temporary file first and is renamed
into place, so an interrupted run never leaves a half-written file or
metadata that claims a file it does not have.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graph.fetch.errors import FetchError
from graph.log import get_logger

log = get_logger("fetch")

ACCESSION = re.compile(r"^\d{10}-\d{2}-\d{6}$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")


def check_accession(accession: str) -> str:
    """Accession numbers become folder names: accept only the EDGAR shape ``0000912057-00-002128``."""
    if not ACCESSION.match(accession):
        raise FetchError(f"not an EDGAR accession number: {accession!r}")
    return accession


def check_name(name: str) -> str:
    """Document names become file names: a single safe path component, never ``..`` or a hidden file."""
    if not _SAFE_NAME.match(name):
        raise FetchError(f"refusing unsafe document name {name!r}")
    return name


def safe_name(name: str, accession: str) -> bool:
    """Whether a document name from EDGAR may become a file name; logs one warning when not.

    A filing index is data from the network: one hostile or broken entry
    (``../x``, ``/etc/x``, a NUL, a backslash) is skipped so that the
    filing's other documents still arrive, rather than failing the filing.
    """
    try:
        check_name(name)
    except FetchError:
        log.warning("%s: skipping unsafe document name %r (not a plain file name)", accession, name)
        return False
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class FilingCache:
    """Accession-keyed folders with a ``meta.json`` each; safe for one thread per accession."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()

    # -- filings -------------------------------------------------------------

    def folder(self, accession: str) -> Path:
        return self.root / "filings" / check_accession(accession)

    def path(self, accession: str, name: str) -> Path:
        return self.folder(accession) / check_name(name)

    def meta(self, accession: str) -> dict[str, Any]:
        """The folder's metadata, or an empty record when there is none (or it is unreadable)."""
        p = self.folder(accession) / "meta.json"
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def cached(self, accession: str, name: str) -> Path | None:
        """The cached file when the metadata records it and the file on disk has the recorded size."""
        entry = self.meta(accession).get("documents", {}).get(name)
        p = self.path(accession, name)
        if entry and p.is_file() and p.stat().st_size == entry.get("size"):
            return p
        return None

    def record(self, accession: str, info: dict[str, Any], name: str, url: str) -> None:
        """Note a finished download in ``meta.json`` (after the file itself is in place)."""
        p = self.path(accession, name)
        with self._lock:
            meta = self.meta(accession)
            meta.update({k: v for k, v in info.items() if v is not None})
            meta["accession"] = accession
            docs = meta.setdefault("documents", {})
            docs[name] = {"url": url, "size": p.stat().st_size, "fetched": now_iso()}
            atomic_write(self.folder(accession) / "meta.json", json.dumps(meta, indent=2, sort_keys=True).encode("utf-8"))

    # -- JSON documents (listings, tickers) -------------------------------------

    def json_path(self, relative: str) -> Path:
        return self.root / relative

    def read_json(self, relative: str) -> Any | None:
        try:
            return json.loads(self.json_path(relative).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None

    def write_json(self, relative: str, data: Any) -> None:
        try:
            text = json.dumps(data)
        except RecursionError as err:
            raise FetchError(f"{relative}: JSON nested too deeply to cache") from err
        atomic_write(self.json_path(relative), text.encode("utf-8"))

    def age(self, relative: str) -> float | None:
        """Seconds since the cached JSON document was written, or None when it is not cached."""
        try:
            return time.time() - self.json_path(relative).stat().st_mtime
        except OSError:
            return None
