"""Query evaluation that can be stopped: one job runner, used on a thread or in a pool of worker processes.

Oxigraph cannot interrupt a query from Python (pyoxigraph 0.5 has no timeout or
cancellation; oxigraph/oxigraph#1926), so a thread running a runaway query
keeps burning CPU and memory after its client got a 503. :class:`ProcessPool`
runs each query in a warm worker process that opened the store read-only; a
query past its deadline, or one that pushes the workers over the memory
budget, is stopped by killing its worker, which is then replaced in the
background. The server itself never blocks on a runaway query.

The pool's store folder can change (:meth:`ProcessPool.use`): an endpoint that
takes updates, or serves an in-memory store, points it at the newest snapshot
(:mod:`graph.serve.snapshots`); each job carries the folder it must be answered
from, and a worker holding an older one reopens before evaluating (about 0.05 s,
once per worker per update).
"""

from __future__ import annotations

import os
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

from graph.errors import FilingKGError, QueryError, StoreError
from graph.log import get_logger

log = get_logger("serve")


class QueryStopped(FilingKGError):
    """A query was stopped by the server (deadline, memory budget, or no free worker): HTTP 503."""


@dataclass
class Job:
    """Everything a worker needs to answer one query (plain values, so it pickles)."""

    query: str
    default_graph_uris: list[str] | None
    named_graph_uris: list[str] | None
    merged: bool
    accept: str | None
    max_rows: int | None
    timeout: float | None


#: (status, body, media type, headers): a response, built the same on a thread or in a worker.
Outcome = tuple[int, bytes, str, list[tuple[str, str]]]


def run_job(store: Any, job: Job, deadline: float | None = None, cancel: threading.Event | None = None) -> Outcome:
    """Evaluate, negotiate, cap and serialise one query; every failure comes back as an outcome.

    pyoxigraph results are thread-bound, so they are created, consumed and
    dropped here, and errors travel as values (no traceback carries one away).
    """
    from graph.serve.negotiate import choose
    from graph.store.results import QueryTimeout, dataset_options, execute, kind, limited, serialize

    text = "text/plain; charset=utf-8"
    result = None
    try:
        options = dataset_options(default_graph_uris=job.default_graph_uris,
                                  named_graph_uris=job.named_graph_uris, merged=job.merged)
        result = execute(store, job.query, **options)
        chosen = choose(job.accept, kind(result))
        if chosen is None:
            return 406, f"cannot produce {job.accept!r} for a {kind(result).upper()} result\n".encode(), text, []
        fmt, media = chosen
        capped = limited(result, max_rows=job.max_rows, deadline=deadline, cancel=cancel)
        body = serialize(capped.result, fmt)
        truncated = capped.truncated
        del capped
    except QueryTimeout:
        return 503, f"query timed out after {job.timeout:g} s\n".encode(), text, []
    except QueryError as exc:
        return 400, (str(exc).replace("\n", " ") + "\n").encode("utf-8"), text, []
    except StoreError:
        log.exception("store error while answering a query")
        return 500, b"store error (see the server log)\n", text, []
    finally:
        del result
    headers = [("Vary", "Accept")]
    if truncated:
        headers += [("X-SPARQL-Truncated", "true"), ("X-SPARQL-Max-Rows", str(job.max_rows))]
    return 200, body, media, headers


def _worker_main(conn: Connection, store_path: str) -> None:
    """A worker process: open the store read-only, then answer ``(folder, job)`` pairs until the pipe closes."""
    import pyoxigraph as ox

    import graph.serve.negotiate  # noqa: F401 - warm: the first query a worker answers pays no imports
    import graph.store.results  # noqa: F401

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which then stops us
    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("failed", f"cannot open the store read-only: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            path, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if path != store_path:  # the pool moved to a newer snapshot: drop the old handle first
                del store
                store, store_path = ox.Store.read_only(path), path
            outcome = run_job(store, job)
        except OSError as exc:  # the new snapshot cannot be opened: answer, then let the pool replace us
            log.error("a query worker cannot open %s: %s", path, exc)
            conn.send((500, b"store error (see the server log)\n", "text/plain; charset=utf-8", []))
            return
        except Exception:  # a bug: logged, answered with a bare 500
            log.exception("internal error in a query worker")
            outcome = (500, b"internal server error\n", "text/plain; charset=utf-8", [])
        conn.send(outcome)


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 if unknown); /proc keeps it dependency-free on Linux."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    path: str  # the store folder the worker has open (or opens on its next job)
    ready: bool = False
    busy: bool = False
    busy_since: float = 0.0
    niced: bool = False
    stopped_for: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def kill(self, reason: str) -> None:
        with self.lock:
            if self.stopped_for is None:
                self.stopped_for = reason
        try:
            self.process.kill()
        except (OSError, ValueError):
            pass


class ProcessPool:
    """``size`` warm worker processes over a store folder, with a deadline per query and a memory budget.

    ``memory_limit`` (bytes) bounds the resident memory of all workers together;
    past it the busy worker using the most is killed (its query answers 503).
    :meth:`use` points the pool at another folder (a newer snapshot of the store).
    """

    def __init__(self, store_path: str, size: int, memory_limit: int | None = None) -> None:
        self._path = str(store_path)
        self._ctx = get_context("spawn")  # never fork a threaded server holding RocksDB handles
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.memory_limit = memory_limit
        self._failure: str | None = None  # why the last worker could not start
        for _ in range(max(1, size)):
            worker = self._spawn()
            threading.Thread(target=self._await_ready, args=(worker,), name="filing-kg-start", daemon=True).start()
        self._watchdog = threading.Thread(target=self._watch, name="filing-kg-memory", daemon=True)
        self._watchdog.start()

    def use(self, store_path: str) -> None:
        """Answer every job from now on from ``store_path`` (workers reopen it on their next job)."""
        with self._lock:
            self._path = str(store_path)

    def paths_in_use(self) -> set[str]:
        """Store folders some live worker has open, or the pool will send jobs to."""
        with self._lock:
            return {self._path} | {w.path for w in self._workers}

    def _spawn(self) -> _Worker:
        with self._lock:
            path = self._path
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, path), daemon=True,
                                    name="filing-kg-query")
        process.start()
        child.close()
        worker = _Worker(process, parent, path)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Reap a dead worker and put a fresh one in the idle queue (on a thread: spawning takes a moment)."""
        worker.kill(worker.stopped_for or "replaced")
        worker.conn.close()
        with self._lock:
            self._workers.discard(worker)

        def start() -> None:
            worker.process.join(timeout=5)
            if not self._closed.is_set():
                self._await_ready(self._spawn())

        threading.Thread(target=start, name="filing-kg-respawn", daemon=True).start()

    def _await_ready(self, worker: _Worker) -> None:
        """Only a worker that opened the store joins the idle queue (no client waits for a cold start)."""
        message = None
        try:
            if worker.conn.poll(60):
                message = worker.conn.recv()
        except (EOFError, OSError):
            pass
        if self._closed.is_set():
            return
        if message is not None and message[0] == "ready":
            worker.ready = True
            self._idle.put(worker)
            return
        self._failure = str(message[1]) if message is not None else "it did not start within 60 s"
        log.error("a query worker could not start (%s); the pool is one worker smaller", self._failure)
        worker.kill("failed")
        with self._lock:
            self._workers.discard(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid]

    def run(self, job: Job, timeout: float | None) -> Outcome:
        """Answer ``job`` on a worker within ``timeout`` seconds; :class:`QueryStopped` otherwise."""
        deadline = time.monotonic() + timeout if timeout else None
        worker = self._take(deadline)
        if worker is None:
            raise QueryStopped(f"query timed out after {timeout:g} s waiting for a free worker")
        try:
            with self._lock:
                worker.path = self._path
            worker.busy_since = time.monotonic()
            worker.busy = True
            worker.conn.send((worker.path, job))
            outcome = self._receive(worker, deadline)
            worker.busy = False
            if worker.niced:
                os.setpriority(os.PRIO_PROCESS, worker.process.pid, 0)
                worker.niced = False
        except _Expired:
            worker.kill("timeout")
            self._replace(worker)
            raise QueryStopped(f"query timed out after {timeout:g} s and was stopped") from None
        except PermissionError:  # cannot restore its priority: retire it, the answer is still good
            self._replace(worker)
            return outcome
        except (EOFError, OSError):
            reason = worker.stopped_for
            self._replace(worker)
            if reason == "memory":
                limit = (self.memory_limit or 0) >> 20
                raise QueryStopped(f"query stopped: it pushed the server over its memory budget ({limit} MB)") from None
            raise StoreError("a query worker died (see the server log)") from None
        except BaseException:
            self._replace(worker)
            raise
        self._idle.put(worker)
        return outcome

    def _take(self, deadline: float | None) -> _Worker | None:
        """An idle worker, or None once ``deadline`` passes; StoreError when no worker can start at all."""
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return None
            try:
                return self._idle.get(timeout=0.25 if remaining is None else min(remaining, 0.25))
            except queue.Empty:
                with self._lock:
                    none_left = not self._workers
                if none_left and self._failure is not None:
                    raise StoreError(f"no query worker could start: {self._failure}") from None

    @staticmethod
    def _receive(worker: _Worker, deadline: float | None) -> Any:
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not worker.conn.poll(remaining):
            raise _Expired()
        return worker.conn.recv()

    def _watch(self) -> None:
        """Every 50 ms: lower the CPU priority of queries running over 0.5 s (so short ones stay fast on
        few cores), and if the workers together exceed the memory budget, kill the largest busy one."""
        while not self._closed.wait(0.05):
            with self._lock:
                workers = list(self._workers)
            now = time.monotonic()
            for w in workers:
                if w.busy and not w.niced and now - w.busy_since > 0.5 and w.process.pid:
                    try:
                        os.setpriority(os.PRIO_PROCESS, w.process.pid, 15)
                        w.niced = True
                    except OSError:
                        pass
            if not self.memory_limit:
                continue
            sizes = [(_rss(w.process.pid), w) for w in workers if w.process.pid]
            if sum(size for size, _ in sizes) <= self.memory_limit:
                continue
            busy = [(size, w) for size, w in sizes if w.busy and w.stopped_for is None]
            if busy:
                size, worker = max(busy, key=lambda pair: pair[0])
                log.warning("stopping a query using %d MB: over the memory budget", size >> 20)
                worker.kill("memory")

    def close(self) -> None:
        """Kill every worker (running queries included)."""
        self._closed.set()
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.kill("closed")
            worker.conn.close()
        for worker in workers:
            worker.process.join(timeout=2)


class _Expired(Exception):
    """The deadline passed while waiting for a worker's answer."""
