"""Rendered pages kept per snapshot: a page seen again before the next edit is not rendered again.

A page registered with ``twin(..., cached=True)`` depends only on the
snapshot, its URL and who is asking, so its HTML is kept in the snapshot
(:meth:`~bioregion.web.snapshot.Snapshot.lazy`) under the URL, the user and
the session's CSRF token. An edit anywhere (a new entry in the change log)
makes a new snapshot, so no page outlives the data it shows. Rendering a list
page costs 1-2 ms of CPU; serving it again about a tenth of that.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Awaitable, Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from .auth import authenticate

__all__ = ["PageCache", "cached_page", "MAX_CACHED_BYTES"]

#: Bytes of HTML kept per snapshot and process; the least recently used pages go first.
MAX_CACHED_BYTES = 32 * 2**20


class PageCache:
    """A least-recently-used map of page keys to HTML bytes, bounded in total size."""

    def __init__(self, max_bytes: int = MAX_CACHED_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        """The page under ``key``, or ``None``."""
        with self._lock:
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        """Keep ``body``, dropping the least recently used pages beyond :attr:`max_bytes`."""
        if len(body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self._pages[key] = body
            while self.size > self.max_bytes:
                self.size -= len(self._pages.popitem(last=False)[1])


async def cached_page(request: Request, render: Callable[[], Awaitable[Response]]) -> Response:
    """The page at this URL for this requester from the current snapshot's cache, rendered on a miss."""
    auth = authenticate(request)
    snap = request.app.state.store_state.snapshot()
    key = (request.url.path, request.url.query, auth.user.id if auth.user else None, auth.csrf_token)
    cache: PageCache = snap.lazy("page_cache", PageCache)
    body = cache.get(key)
    if body is not None:
        return HTMLResponse(body)
    response = await render()
    if response.status_code == 200:
        cache.put(key, bytes(response.body))
    return response
