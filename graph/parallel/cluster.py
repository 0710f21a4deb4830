"""``--dask ADDRESS`` / ``--dask local:N``: the extraction and rendering steps on a Dask cluster.

Workers receive chunks of files (their bytes by default, so they need no shared
file system; paths with ``ship="paths"`` when they do), return document-local
extractions, and later turn resolved extractions into per-document N-Quads
shards; the client resolves entities across documents in between and
bulk-loads the shards. Workers need the project and the spaCy model installed
(the same image as the client); see docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Callable, Literal, TypeVar

from graph.config import Settings
from graph.errors import ConfigError, SourceError
from graph.log import get_logger
from graph.model import Extraction
from graph.parallel.executors import RENDER_CHUNK, Shards, check_model, chunked, longest_first, tasks_of
from graph.parallel.work import ChunkResult, extract_blobs, extract_files, render_shards, warm_up
from graph.source import read_file_bytes

log = get_logger("parallel.dask")

T = TypeVar("T")


def parse_address(address: str) -> tuple[str, int | None]:
    """``local:N`` -> ("local", N); anything else is a scheduler address (``tcp://host:8786``)."""
    if address.startswith("local"):
        _, _, n = address.partition(":")
        try:
            workers = int(n) if n else 2
        except ValueError:
            raise ConfigError(f"--dask {address!r}: give local:N with N a number of workers") from None
        if workers < 1:
            raise ConfigError(f"--dask {address!r}: a local cluster needs at least one worker")
        return "local", workers
    return address, None


class DaskExecutor:
    """Runs the parallel steps of a build on a Dask distributed cluster (connects, or starts a local one)."""

    def __init__(
        self,
        settings: Settings,
        address: str,
        *,
        ship: Literal["bytes", "paths"] = "bytes",
        window: int | None = None,
        timeout: float = 60.0,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("--dask needs the 'dask' extra: pip install 'filing-kg[dask]'") from exc
        check_model(settings.spacy_model)
        self.settings = settings
        self.ship = ship
        self._cluster: Any = None
        target, n = parse_address(address)
        try:
            if n is not None:
                self._cluster = LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                )
                self.client = Client(self._cluster, timeout=timeout)
            else:
                self.client = Client(target, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        workers = self.client.scheduler_info().get("workers", {})
        self.workers = max(1, len(workers))
        self._window = window or 4 * self.workers
        self.client.run(warm_up, settings.spacy_model)  # each worker loads the model once, now
        log.info("dask: %d workers at %s", self.workers, self.client.scheduler.address)

    # ------------------------------------------------------------------ ordered, bounded submission

    def _windowed(self, fn: Callable[..., T], chunks: Iterable[Any], *args: Any, ordered: bool = True) -> Iterator[T]:
        """Submit ``fn(chunk, *args)`` for each chunk, at most ``window`` unread at a time.

        Results come in input order, or (``ordered=False``) each as soon as its task finishes.
        """
        from distributed import as_completed

        it = enumerate(chunks)
        ready: dict[int, T] = {}
        index: dict[str, int] = {}
        done = as_completed()
        pending = 0
        next_out = 0
        exhausted = False

        def submit() -> bool:
            try:
                i, chunk = next(it)
            except StopIteration:
                return False
            fut = self.client.submit(fn, chunk, *args, pure=False)
            index[fut.key] = i
            done.add(fut)
            return True

        while True:
            while not exhausted and pending + len(ready) < self._window:
                if submit():
                    pending += 1
                else:
                    exhausted = True
            if pending == 0:
                break
            fut = next(done)
            pending -= 1
            value = fut.result()  # a task's exception is raised here
            i = index.pop(fut.key)
            fut.release()
            if not ordered:
                yield value
                continue
            ready[i] = value
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1

    # ------------------------------------------------------------------ the two steps

    def extract(self, paths: Sequence[Path], ordered: bool = True) -> Iterator[ChunkResult]:
        """Chunks of outcomes in input order, or (``ordered=False``) the largest tasks first, as they finish."""
        model, batch = self.settings.spacy_model, self.settings.batch_size
        tasks = tasks_of(paths) if ordered else iter(longest_first(tasks_of(paths)))
        if self.ship == "paths":
            yield from self._windowed(extract_files, tasks, model, batch, ordered=ordered)
            return
        yield from self._windowed(extract_blobs, _blob_chunks(tasks), model, batch, ordered=ordered)

    def render(self, extractions: Iterable[Extraction]) -> Iterator[Shards]:
        yield from self._windowed(render_shards, chunked(extractions, RENDER_CHUNK))

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _blob_chunks(tasks: Iterable[list[str]]) -> Iterator[list[tuple[str, bytes | str]]]:
    """Tasks' files as (path, bytes), read lazily as the window advances; an unreadable file's bytes are its reason."""
    for chunk in tasks:
        blobs: list[tuple[str, bytes | str]] = []
        for p in chunk:
            try:  # the same reader as read_source: size limit and one-line reasons included
                blobs.append((str(p), read_file_bytes(p)))
            except SourceError as err:
                blobs.append((str(p), err.reason))
        yield blobs
