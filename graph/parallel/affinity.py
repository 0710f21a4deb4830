"""Which worker extracts which files: one filer's filings stay with one worker when the load allows.

A worker parses a block of boilerplate once and rebuilds it from its cache
afterwards (:mod:`graph.mentions.parse_cache`): a filer's address, signature
block and legends recur in all its filings. The cache is per process, so when
a pool hands one filer's filings to whichever worker is free, every worker
parses that filer's boilerplate again: on 250 real 8-Ks of 18 filers, two
workers fed that way parse 3-13 % more text than one process alone.

So tasks are made of one filer's files (:func:`affinity_tasks`), filers are
spread over the workers by bytes, largest first, and a worker that runs out
takes the largest task left from the worker with the most bytes left
(:class:`LaneScheduler`): the worst case (one filer, or no keys at all) is
plain largest-first scheduling. The graph does not depend on any of this:
the cache gives the same Doc as a parse, and the pipeline puts the extractions
back in path order.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

#: bytes read from the top of a file to find its filer
HEAD_BYTES = 16 << 10
#: SGML submission headers ("CENTRAL INDEX KEY:  0000320193") and the XML forms' CIK elements
_CIK = re.compile(rb"CENTRAL INDEX KEY:\s*0*(\d+)|<(?:issuerCik|rptOwnerCik|filerCik|cik)>\s*0*(\d+)\s*<", re.I)


class Task(NamedTuple):
    """Files extracted together by one worker (one ``nlp.pipe`` batch), with their filer and size."""

    key: str
    paths: list[str]
    size: int


def file_size(path: Path | str) -> int:
    """The file's size in bytes; 0 if it cannot be read (its task reports why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def filer_key(path: Path | str) -> str:
    """The first CIK in the file's header (``cik:320193``), else its folder (``dir:<path>``).

    The first CIK of an EDGAR submission is its subject company or first filer,
    whose boilerplate its documents share; files without a header (a loose
    HTML or text document) are grouped by folder, as downloads usually are.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        head = b""
    m = _CIK.search(head)
    if m:
        return "cik:" + (m.group(1) or m.group(2)).decode("ascii")
    return "dir:" + str(Path(path).parent)


def sized_chunks(files: Iterable[tuple[str, int]], size: int, limit: int) -> Iterator[tuple[list[str], int]]:
    """Consecutive (path, bytes) in chunks of at most ``size`` files and ``limit`` bytes (a larger file alone)."""
    chunk: list[str] = []
    total = 0
    for p, n in files:
        if chunk and (len(chunk) >= size or total + n > limit):
            yield chunk, total
            chunk, total = [], 0
        chunk.append(p)
        total += n
    if chunk:
        yield chunk, total


def affinity_tasks(paths: Sequence[Path | str], size: int, limit: int) -> list[Task]:
    """Tasks of one filer's files each: at most ``size`` files and ``limit`` bytes (a larger file alone).

    Files keep their path order within a filer; filers come in order of their first file.
    """
    groups: dict[str, list[tuple[str, int]]] = {}
    for p in paths:
        groups.setdefault(filer_key(p), []).append((str(p), file_size(p)))
    return [Task(key, chunk, total) for key, files in groups.items() for chunk, total in sized_chunks(files, size, limit)]


class LaneScheduler:
    """Hands out tasks to ``lanes`` workers: each filer's tasks to one worker, balanced by bytes.

    Filers go, largest first, to the worker with the fewest bytes so far; each
    worker's queue runs largest task first. :meth:`next_for` gives a worker its
    next task, or, once its queue is empty, the largest task of the worker with
    the most bytes left; ``None`` when every task has been handed out.
    """

    def __init__(self, tasks: Iterable[Task], lanes: int) -> None:
        if lanes < 1:
            raise ValueError("lanes must be at least 1")
        by_key: dict[str, list[Task]] = {}
        for t in tasks:
            by_key.setdefault(t.key, []).append(t)
        totals = {k: sum(t.size for t in ts) for k, ts in by_key.items()}
        load = [0] * lanes
        queued: list[list[Task]] = [[] for _ in range(lanes)]
        for k in sorted(totals, key=lambda k: -totals[k]):  # stable: ties in first-seen order
            lane = min(range(lanes), key=lambda i: (load[i], i))
            queued[lane].extend(by_key[k])
            load[lane] += totals[k]
        self._queues = [deque(sorted(q, key=lambda t: -t.size)) for q in queued]
        self._left = load

    def next_for(self, lane: int) -> Task | None:
        """The next task for worker ``lane``: its own, else the largest of the most loaded worker's."""
        source = lane
        if not self._queues[lane]:
            source = max(range(len(self._queues)), key=lambda i: (self._left[i], -i))
            if not self._queues[source]:
                return None
        task = self._queues[source].popleft()
        self._left[source] -= task.size
        return task

    def __len__(self) -> int:
        return sum(map(len, self._queues))
