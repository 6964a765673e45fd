"""Queries written by users, run apart from the server: a small pool of worker processes, each with its own
copy of the store, killed and replaced when a query passes its time or memory limit.

A thread cannot be stopped, and a query holding the store can hold the whole server: one cross product or
one unbounded property path must not stop every other request. So each user query runs in a worker process
that the server watches: past ``seconds`` or ``memory_bytes`` (its resident size, read from /proc) it is
killed, the caller gets a :class:`QueryLimit` naming the limit, and a fresh worker takes its place. A result
larger than ``result_bytes`` is refused in the worker. At most ``workers`` queries run at once; a query that
finds no free worker within ``queue_seconds`` gets :class:`Busy`.

The workers are started with ``spawn`` (a fork of a server with running threads can inherit a held lock) and
open the store themselves: the built TriG dataset loaded into memory, or the disk store opened read-only.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from zangraph.errors import ZangraphError
from zangraph.settings import Settings
from zangraph.store.base import Answer, NotAcceptable, QueryError, UpdateRefused, UserQuery
from zangraph.store.sparql_text import form, services

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_POLL = 0.02  # seconds between looks at a running worker
# A query still running after this many seconds is put below the server in the scheduler's eyes (nice 10): a
# runaway query takes what CPU the server leaves, not the reverse, while the many short queries run at the
# server's own priority.
_DEMOTE_AFTER = 0.2
_LONG_QUERY_NICE = 10


class QueryLimit(ZangraphError):
    """A user query passed one of its limits (``limit``: ``time``, ``memory`` or ``result``)."""

    def __init__(self, limit: str, message: str):
        super().__init__(message)
        self.limit = limit


class ServiceRefused(UpdateRefused):
    """A query calling SERVICE: the endpoint answers from its own dataset only (403, like an update)."""


class Cancelled(ZangraphError):
    """The client that asked went away before the answer: its worker is stopped and replaced."""


class Busy(ZangraphError):
    """Every worker is taken: try again after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int = 1):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    memory_bytes: int = 1 << 30
    result_bytes: int = 50 << 20
    workers: int = 2
    queue_seconds: float = 2.0
    load_seconds: float = 120.0  # how long a new worker may take to open its store
    services: tuple[str, ...] = ()  # the endpoints SERVICE may call

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(seconds=settings.sparql_timeout, memory_bytes=settings.sparql_memory_mb << 20,
                   result_bytes=settings.sparql_result_mb << 20, workers=settings.sparql_workers,
                   queue_seconds=settings.sparql_queue_seconds, services=tuple(settings.sparql_services))


@dataclass(frozen=True)
class StoreSpec:
    """How a worker opens its store: ``memory`` loads the TriG file ``path``, ``disk`` opens the store folder
    ``path`` read-only. ``opener`` does it, in the worker: a module-level function of the store's own module,
    which the spawned worker imports by name (so the sandbox needs to know no store)."""

    kind: str
    path: Path
    opener: Callable[[StoreSpec], Any]


def check_text(query: str, allowed: tuple[str, ...] = ()) -> None:
    """Refuse what no worker should run: SERVICE to an endpoint the settings do not list (the endpoint would
    fetch any URL its clients name)."""
    for endpoint in services(query):
        if not allowed:
            raise ServiceRefused("SERVICE is not allowed: this endpoint answers from its own dataset only")
        if endpoint not in allowed:
            named = "an endpoint given by a variable or prefixed name" if endpoint is None else f"<{endpoint}>"
            raise ServiceRefused(f"SERVICE to {named} is not allowed: the endpoints allowed are "
                                 + ", ".join(f"<{e}>" for e in allowed))


def _serve(conn: Connection, spec: StoreSpec, result_bytes: int) -> None:
    """The worker's loop: open the store, then answer one request at a time until the pipe closes."""
    try:
        store = spec.opener(spec)
    except Exception as exc:  # the server reports it to each caller; nothing else can be done here
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            query = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(store, query, result_bytes))


def _answer(store: Any, query: UserQuery, result_bytes: int) -> tuple:
    try:
        answer = store.sparql(query)
    except NotAcceptable as exc:
        return ("not_acceptable", str(exc), exc.offered)
    except QueryError as exc:
        # Oxigraph refused it as a query: an update is refused as such, anything else is a syntax error.
        if form(query.text) == "update":
            return ("update", "this endpoint is read-only: updates are not accepted")
        return ("syntax", str(exc))
    except Exception as exc:  # whatever the store raises is the query's fault here: the worker must live on
        return ("syntax", f"{type(exc).__name__}: {exc}")
    if len(answer.body) > result_bytes:
        return ("limit", "result", f"the result is larger than the limit of {result_bytes} bytes: narrow the query "
                                   "or use LIMIT")
    return ("ok", answer.body, answer.media_type)


class _Worker:
    def __init__(self, spec: StoreSpec, result_bytes: int):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, spec, result_bytes), daemon=True,
                                       name="zangraph-sparql")
        self.process.start()
        child.close()
        self.ready = False
        self.demoted = False

    def priority(self, nice: int) -> None:
        """Put the worker at ``nice``. Raising its priority back may not be allowed (it needs CAP_SYS_NICE):
        then it stays below the server, which only makes its next queries slower."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, nice)
        except OSError:
            return
        self.demoted = nice > 0

    def wait_ready(self, seconds: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(seconds):
            raise Busy("the query worker is still opening the store", retry_after=5)
        message = self.conn.recv()
        if message[0] != "ready":
            raise QueryError(f"the query worker could not open the store: {message[1]}")
        self.ready = True

    def resident_bytes(self) -> int:
        try:
            with open(f"/proc/{self.process.pid}/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Direct:
    """User queries sent straight to a store that runs them elsewhere (a remote endpoint, with its client's
    time-out), at most ``limits.workers`` at once."""

    def __init__(self, repository: Any, limits: Limits):
        self.repository = repository
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.workers)

    def run(self, query: UserQuery, cancel: threading.Event | None = None) -> Answer:
        check_text(query.text, self.limits.services)
        if form(query.text) == "update":
            raise UpdateRefused("this endpoint is read-only: updates are not accepted")
        if not self._slots.acquire(timeout=self.limits.queue_seconds):
            raise Busy(f"all {self.limits.workers} query slots are busy")
        try:
            return self.repository.sparql(query)
        finally:
            self._slots.release()

    def close(self) -> None:
        return None


class Sandbox:
    """User queries on the embedded store, each in a watched worker process (see the module's text)."""

    def __init__(self, spec: StoreSpec, limits: Limits):
        self.spec = spec
        self.limits = limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False

    def _start(self) -> None:
        with self._lock:
            if not self._started:
                for _ in range(self.limits.workers):
                    self._idle.put(_Worker(self.spec, self.limits.result_bytes))
                self._started = True

    def run(self, query: UserQuery, cancel: threading.Event | None = None) -> Answer:
        """The answer to ``query`` from a worker; ``cancel``, once set (the client went away), stops it."""
        check_text(query.text, self.limits.services)
        self._start()
        try:
            worker = self._idle.get(timeout=self.limits.queue_seconds)
        except queue.Empty:
            raise Busy(f"all {self.limits.workers} query workers are busy") from None
        try:
            worker.wait_ready(self.limits.load_seconds)
            message = self._watch(worker, query, cancel or threading.Event())
        except BaseException:
            worker = self._replace(worker)
            raise
        finally:
            if not self._closed:
                self._idle.put(worker)
        return _result(message)

    def _watch(self, worker: _Worker, query: UserQuery, cancel: threading.Event) -> tuple:
        worker.conn.send(query)
        start = time.monotonic()
        deadline = start + self.limits.seconds
        while not worker.conn.poll(_POLL):
            if not worker.demoted and time.monotonic() - start > _DEMOTE_AFTER:
                worker.priority(_LONG_QUERY_NICE)
            if cancel.is_set():
                raise Cancelled("the client went away; its query was stopped")
            if not worker.process.is_alive():
                raise QueryLimit("memory", "the query stopped its worker (most likely by exhausting its memory)")
            if worker.resident_bytes() > self.limits.memory_bytes:
                raise QueryLimit("memory", f"the query used more than the limit of {self.limits.memory_bytes} bytes "
                                           "of memory and was stopped")
            if time.monotonic() > deadline:
                raise QueryLimit("time", f"the query ran longer than the limit of {self.limits.seconds:g} s and "
                                         "was stopped")
        if worker.demoted:
            worker.priority(0)
        return worker.conn.recv()

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        return _Worker(self.spec, self.limits.result_bytes)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return


def _result(message: tuple) -> Answer:
    kind = message[0]
    if kind == "ok":
        return Answer(message[1], message[2])
    if kind == "not_acceptable":
        raise NotAcceptable(message[2])
    if kind == "update":
        raise UpdateRefused(message[1])
    if kind == "limit":
        raise QueryLimit(message[1], message[2])
    raise QueryError(message[1])
