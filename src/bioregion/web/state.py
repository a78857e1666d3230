"""The store a dashboard serves and the :class:`Snapshot` of its current version.

Reads use the snapshot; every write goes through :meth:`StoreState.write`, one
transaction that bumps the version, so the next read rebuilds the snapshot.
Every dashboard edit adds a row to the change log, so each read compares the
log's newest id with the one its snapshot was built at: an edit made through
one worker process is seen by the next request to any worker (``bioregion
serve --workers N``). Writes made outside the dashboard (``bioregion import``
while the server runs) are noticed through the store's fingerprint, checked at
most every few seconds.

A served snapshot holds about a million Python objects; a full pass of the
cyclic garbage collector over them stalled every request in flight for 300-600
ms. With ``freeze`` the objects of a new snapshot are moved out of the
collector's sight (:func:`gc.freeze`), and back before the next rebuild so
they can be freed then; the young-generation threshold is raised too, so the
pages and profiles cached since then are scanned less often (cycles are still
collected, in fewer, larger passes).
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import sqlalchemy as sa

from ..store import Store
from ..store._tables import SQL_TABLES
from ..store.web_tables import CHANGES
from .snapshot import Snapshot

__all__ = ["StoreState", "latest_change_reader"]

_LATEST_CHANGE = sa.select(sa.func.max(CHANGES.c.id))
#: Garbage collector thresholds of a serving process (Python's default is 700, 10, 10).
SERVING_GC_THRESHOLDS = (20_000, 20, 10)


def latest_change_reader(engine: sa.Engine) -> Callable[[], Any]:
    """A function returning the newest change id of the store, cheap enough to call on every request.

    A SQLite file gets its own read-only connection outside the pool (one
    indexed read, microseconds); other stores run the same query through the
    engine.
    """
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not path or path == ":memory:":
        def through_engine() -> Any:
            with engine.connect() as conn:
                return conn.execute(_LATEST_CHANGE).scalar_one()
        return through_engine
    uri = Path(path).resolve().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    lock = threading.Lock()

    def direct() -> Any:
        with lock:
            return conn.execute("SELECT max(id) FROM changes").fetchone()[0]
    return direct


class StoreState:
    """A store, its version counter and the snapshot of that version.

    Parameters
    ----------
    store : Store
        The open store.
    recheck_seconds : float
        How often to look for writes made by other processes outside the dashboard.
    freeze : bool
        Keep each new snapshot out of the garbage collector's passes (a server
        process; not for tests building many apps in one process).
    """

    def __init__(self, store: Store, recheck_seconds: float = 5.0, *, freeze: bool = False) -> None:
        self.store = store
        self.engine = store.engine
        self.recheck_seconds = recheck_seconds
        self.freeze = freeze
        self._version = 0
        self._snapshot: Snapshot | None = None
        self._fingerprint: Any = None
        self._latest_change = latest_change_reader(self.engine)
        self._built_at_change: Any = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def _current_fingerprint(self) -> tuple[Any, ...]:
        with self.engine.connect() as conn:
            counts = tuple(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                           for t in SQL_TABLES.values())
            last = conn.execute(_LATEST_CHANGE).scalar_one()
        return counts + (last,)

    def _fresh(self, latest_change: Any) -> Snapshot | None:
        snap = self._snapshot
        if snap is not None and latest_change == self._built_at_change and \
                time.monotonic() - self._checked < self.recheck_seconds:
            return snap
        return None

    def snapshot(self) -> Snapshot:
        """The snapshot of the current version, rebuilt after a write by any process."""
        latest_change = self._latest_change()
        snap = self._fresh(latest_change)
        if snap is not None:
            return snap
        with self._lock:
            snap = self._fresh(latest_change)
            if snap is None:
                fingerprint = self._current_fingerprint()
                snap = self._snapshot
                if snap is None or fingerprint != self._fingerprint:
                    snap = self._rebuild()
                    self._fingerprint = fingerprint
                self._built_at_change = latest_change
                self._checked = time.monotonic()
            return snap

    def _rebuild(self) -> Snapshot:
        self._snapshot = None
        if self.freeze:
            gc.unfreeze()           # the previous snapshot may be collected now
        self._version += 1
        snap = self._snapshot = Snapshot(self.store.load(), self._version)
        if self.freeze:
            gc.collect()
            gc.freeze()
            gc.set_threshold(*SERVING_GC_THRESHOLDS)
        return snap

    @contextlib.contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """One transaction; the snapshot is rebuilt on the next read."""
        try:
            with self.engine.begin() as conn:
                yield conn
        finally:
            with self._lock:
                self._checked = 0.0
                self._snapshot = None
