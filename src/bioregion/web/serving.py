"""``bioregion serve``: uvicorn with one process, or several worker processes sharing one socket.

Every worker builds its own app (:func:`app_from_environment`) and snapshot,
and sees the edits made through the others on its next request (see
:mod:`.state`). Workers run uvicorn on the standard asyncio loop with the
httptools parser: under saturation asyncio serves connections in a fairer
order than uvloop (on 50 busy connections the 99th percentile was 140-210 ms
against 220-920 ms, same throughput). The sockets are made here rather than by
uvicorn, whose multi-worker socket lacks the TCP protocol number, so asyncio
left Nagle's algorithm on and many responses waited 40 ms for an ACK. On Linux
each worker listens on its own ``SO_REUSEPORT`` socket and the kernel spreads
new connections over them; from one shared socket, the first worker to wake
up accepted every waiting connection, and kept-alive connections stayed there.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import sys
from multiprocessing.connection import wait
from typing import Any

import uvicorn

from ..errors import BioregionError

__all__ = ["serve", "app_from_environment", "SERVE_ENVIRONMENT"]

#: The environment variable carrying :func:`~bioregion.web.app.create_app`'s arguments (JSON) to the workers.
SERVE_ENVIRONMENT = "BIOREGION_SERVE"
_FACTORY = "bioregion.web.serving:app_from_environment"


def app_from_environment() -> Any:
    """The app of one worker process: ``create_app`` with the JSON arguments in ``$BIOREGION_SERVE``."""
    from .app import create_app

    options: dict[str, Any] = json.loads(os.environ[SERVE_ENVIRONMENT])
    review_queue = options.pop("review_queue", None)
    app = create_app(options.pop("store_url"), **options)
    if review_queue:
        app.state.review_queue = review_queue
    return app


def serve(store_url: str, *, host: str, port: int, workers: int = 1, review_queue: str | None = None,
          **options: Any) -> None:
    """Serve the dashboard for ``store_url`` until interrupted; snapshots are built before serving.

    ``options`` go to :func:`~bioregion.web.app.create_app` in every worker (JSON values only).
    """
    os.environ[SERVE_ENVIRONMENT] = json.dumps({"store_url": store_url, "review_queue": review_queue,
                                                "preload": True, **options})
    config = uvicorn.Config(_FACTORY, factory=True, host=host, port=port, loop="asyncio", http="httptools",
                            log_level="warning")
    if workers == 1:
        uvicorn.Server(config).run()
        return
    balanced = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
    with _listening_socket(host, port, reuse_port=balanced, listen=not balanced) as sock:
        context = multiprocessing.get_context("spawn")
        shared = None if balanced else sock      # a balanced worker binds its own socket to the port
        processes = [context.Process(target=_worker, args=(config, shared)) for _ in range(workers)]
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            for process in processes:
                process.start()
            wait([p.sentinel for p in processes])      # until interrupted or a worker ends
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            for process in processes:
                if process.is_alive():
                    process.terminate()
                process.join(30)
    failed = [p.exitcode for p in processes if p.exitcode not in (0, -signal.SIGTERM, -signal.SIGINT)]
    if failed:
        raise BioregionError(f"a dashboard worker stopped with exit code {failed[0]}; the messages above say why")


def _interrupt(*_: Any) -> None:
    raise KeyboardInterrupt


def _worker(config: uvicorn.Config, sock: socket.socket | None) -> None:
    if sock is None:
        sock = _listening_socket(config.host, config.port, reuse_port=True)
    uvicorn.Server(config).run(sockets=[sock])


def _listening_socket(host: str, port: int, *, reuse_port: bool = False, listen: bool = True) -> socket.socket:
    """A TCP socket bound to ``host:port``; the parent of balanced workers only holds the port (no listen)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        if listen:
            sock.listen(2048)
    except OSError as error:
        sock.close()
        raise BioregionError(f"cannot listen on {host}:{port}: {error.strerror}; pick another --port") from None
    sock.set_inheritable(True)
    return sock
