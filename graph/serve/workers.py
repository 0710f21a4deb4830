"""Query evaluation that can be stopped: one job runner, used on a thread or in a pool of worker processes.

Oxigraph cannot interrupt a query from Python (pyoxigraph 0.5 has no timeout or
cancellation; oxigraph/oxigraph#1926), so a thread running a runaway query
keeps burning CPU and memory after its client got a 503. :class:`ProcessPool`
runs each query in a warm worker process that opened the store read-only; a
query past its deadline, or one that pushes the workers over the memory
budget, is stopped by killing its worker, which is then replaced in the
background. The server itself never blocks on a runaway query.
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
    """A worker process: open the store read-only, then answer jobs until the pipe closes."""
    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which then stops us
    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("failed", f"cannot open the store read-only: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = run_job(store, job)
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
    """

    def __init__(self, store_path: str, size: int, memory_limit: int | None = None) -> None:
        self._path = str(store_path)
        self._ctx = get_context("spawn")  # never fork a threaded server holding RocksDB handles
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.memory_limit = memory_limit
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())
        self._watchdog = threading.Thread(target=self._watch, name="filing-kg-memory", daemon=True)
        self._watchdog.start()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self._path), daemon=True,
                                    name="filing-kg-query")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Reap a dead worker and put a fresh one in the idle queue (on a thread: spawning takes a moment)."""
        worker.kill(worker.stopped_for or "replaced")
        worker.conn.close()
        with self._lock:
            self._workers.discard(worker)

        def start() -> None:  # only a worker that opened the store joins the idle queue (no cold start for a client)
            worker.process.join(timeout=5)
            if self._closed.is_set():
                return
            fresh = self._spawn()
            try:
                if fresh.conn.poll(60) and fresh.conn.recv()[0] == "ready":
                    fresh.ready = True
            except (EOFError, OSError):
                pass
            if not fresh.ready:
                log.error("a query worker could not start; the pool is one worker smaller")
                fresh.kill("failed")
                return
            self._idle.put(fresh)

        threading.Thread(target=start, name="filing-kg-respawn", daemon=True).start()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid]

    def run(self, job: Job, timeout: float | None) -> Outcome:
        """Answer ``job`` on a worker within ``timeout`` seconds; :class:`QueryStopped` otherwise."""
        deadline = time.monotonic() + timeout if timeout else None
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryStopped(f"query timed out after {timeout:g} s waiting for a free worker") from None
        try:
            if not worker.ready:
                message = self._receive(worker, deadline)
                if message[0] != "ready":
                    raise StoreError(str(message[1]))
                worker.ready = True
            worker.busy_since = time.monotonic()
            worker.busy = True
            worker.conn.send(job)
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
