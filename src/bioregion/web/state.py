"""The store a dashboard serves and the :class:`Snapshot` of its current version.

Reads use the snapshot; every write goes through :meth:`StoreState.write`, one
transaction that bumps the version, so the next read rebuilds the snapshot.
Writes made by another process (``bioregion import`` while the server runs)
are noticed through the store's fingerprint, checked at most every few seconds.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any, Iterator

import sqlalchemy as sa

from ..store import Store
from ..store._tables import SQL_TABLES
from ..store.web_tables import CHANGES
from .snapshot import Snapshot

__all__ = ["StoreState"]


class StoreState:
    """A store, its version counter and the snapshot of that version.

    Parameters
    ----------
    store : Store
        The open store.
    recheck_seconds : float
        How often to look for writes made by other processes.
    """

    def __init__(self, store: Store, recheck_seconds: float = 5.0) -> None:
        self.store = store
        self.engine = store.engine
        self.recheck_seconds = recheck_seconds
        self._version = 0
        self._snapshot: Snapshot | None = None
        self._fingerprint: Any = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def _current_fingerprint(self) -> tuple[Any, ...]:
        with self.engine.connect() as conn:
            counts = tuple(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                           for t in SQL_TABLES.values())
            last = conn.execute(sa.select(sa.func.max(CHANGES.c.id))).scalar_one()
        return counts + (last,)

    def snapshot(self) -> Snapshot:
        """The snapshot of the current version, rebuilt after a write."""
        now = time.monotonic()
        if self._snapshot is not None and now - self._checked < self.recheck_seconds:
            return self._snapshot
        with self._lock:
            if self._snapshot is None or time.monotonic() - self._checked >= self.recheck_seconds:
                fingerprint = self._current_fingerprint()
                if self._snapshot is None or fingerprint != self._fingerprint:
                    self._version += 1
                    self._snapshot = Snapshot(self.store.load(), self._version)
                    self._fingerprint = fingerprint
                self._checked = time.monotonic()
            return self._snapshot

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
