"""Read-only copies of a live store, so query worker processes can be killed while the server writes.

Oxigraph allows a read-only open of a store folder only while no process writes
to it ("undefined behaviour" otherwise) and offers no secondary/follower mode,
and an in-memory store cannot be opened by another process at all. So when the
endpoint takes updates, or serves an in-memory store, the query workers open a
*snapshot* instead:

* an on-disk store is copied with ``Store.backup`` (a RocksDB checkpoint: SST
  files are hard-linked when the snapshot is on the same file system, so a
  snapshot costs a memtable flush and some links, about 0.1 s);
* an in-memory store is copied quad for quad into a fresh on-disk store
  (``bulk_extend``; proportional to the store: about 1 s per 60,000 quads).

A new snapshot is taken after every committed update, before the update is
answered, so the next query sees it. Old snapshots are removed once no worker
has them open; all of them go when the server stops. They live next to an
on-disk store (same file system, so links work) in a hidden
``.NAME.snapshots-PID-XXXX`` folder, and in the system temporary folder for an
in-memory store; folders left by a killed server are removed by the next one.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import threading
import weakref
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.log import get_logger

log = get_logger("serve")


class Snapshots:
    """Numbered snapshots of ``store`` under one private folder; :attr:`current` is the newest."""

    def __init__(self, store: ox.Store, store_path: Path | str | None = None) -> None:
        self._store = store
        self._persistent = store_path is not None
        if store_path is not None:
            folder = Path(store_path).resolve()
            _remove_stale(folder)
            self.root = folder.parent / f".{folder.name}.snapshots-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                self.root.mkdir()
            except OSError:  # a folder we cannot write next to: copies in the temporary folder instead
                self.root = Path(tempfile.mkdtemp(prefix="filing-kg-snapshots-"))
        else:
            self.root = Path(tempfile.mkdtemp(prefix="filing-kg-snapshots-"))
        # an app never closed (a test dropping it) still leaves nothing behind at exit
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.root), True)
        self._lock = threading.Lock()
        self._generation = 0
        self._paths: list[str] = []
        self.current = self.take()

    def take(self) -> str:
        """Copy the store's committed state into a new snapshot, make it :attr:`current`, return its path."""
        with self._lock:
            self._generation += 1
            target = self.root / f"{self._generation:06d}"
            try:
                if self._persistent:
                    self._store.backup(str(target))
                else:
                    copy = ox.Store(str(target))
                    copy.bulk_extend(self._store)
                    copy.flush()
                    del copy  # closes it: workers may open it read-only only once no writer holds it
            except (OSError, RuntimeError) as exc:
                shutil.rmtree(target, ignore_errors=True)
                raise StoreError(f"cannot snapshot the store for the query workers: {exc}") from exc
            self._paths.append(str(target))
            self.current = str(target)
            return self.current

    def prune(self, in_use: set[str]) -> None:
        """Remove every snapshot but the current one and those a worker still has open."""
        with self._lock:
            keep = [p for p in self._paths if p == self.current or p in in_use]
            for path in self._paths:
                if path not in keep:
                    shutil.rmtree(path, ignore_errors=True)
            self._paths = keep

    def close(self) -> None:
        """Remove every snapshot (call once the workers are stopped)."""
        with self._lock:
            self._finalizer()
            self._paths = []


def _remove_stale(folder: Path) -> None:
    """Remove snapshot folders of servers over the same store that are no longer running."""
    pattern = re.compile(rf"^\.{re.escape(folder.name)}\.snapshots-(\d+)-[0-9a-f]+$")
    try:
        siblings = list(folder.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        match = pattern.match(sibling.name)
        if match and not _alive(int(match.group(1))):
            log.info("removing snapshots left by a stopped server: %s", sibling)
            shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
