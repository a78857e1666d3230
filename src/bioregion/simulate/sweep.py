"""Distributed sweeps on Dask: the same tasks as :func:`batch_run`, run by a cluster.

``scheduler`` is ``"local"`` (start a ``LocalCluster`` of worker processes on
127.0.0.1) or the address of a running scheduler (``tcp://HOST:PORT``). Each
task runs :func:`~bioregion.simulate.replicates.run_task` with the replicate's
own seed, so the stacked result equals a serial run with the same seed.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Mapping

import pandas as pd

from ..errors import BioregionError, MissingExtraError
from .replicates import run_task, tasks
from .scenario import Scenario

__all__ = ["sweep", "dask_client"]


@contextmanager
def dask_client(scheduler: str, workers: int = 2, timeout: str = "10s") -> Iterator[Any]:
    """A Dask client on a new local cluster (``"local"``) or on a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtraError("dask[distributed]", "sim") from None
    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    if not scheduler.startswith(("tcp://", "tls://", "inproc://")):
        raise BioregionError(f"'{scheduler}' is not a scheduler address; write tcp://HOST:PORT or local")
    try:
        client = Client(scheduler, timeout=timeout)
    except OSError as error:
        raise BioregionError(f"cannot reach the Dask scheduler at {scheduler} ({error}); start it or use local") \
            from None
    with client:
        yield client


def sweep(scenario: Scenario, replicates: int, seed: int, parameters: Mapping[str, Iterable[Any]] | None = None,
          scheduler: str = "local", ecosystem: Any = None, workers: int = 2,
          progress: Callable[[int], None] | None = None, timeout: str = "10s") -> pd.DataFrame:
    """Run every (parameter combination, replicate) task on Dask and stack the series in task order.

    ``timeout`` bounds the wait for a remote scheduler to answer.
    """
    from distributed import as_completed

    todo = tasks(replicates, parameters)
    records = ecosystem.records() if hasattr(ecosystem, "records") else ecosystem
    with dask_client(scheduler, workers, timeout) as client:
        futures = client.map(partial(run_task, scenario, seed=seed, ecosystem=records), todo, pure=False)
        for _ in as_completed(futures):
            if progress:
                progress(1)
        frames = client.gather(futures)
    return pd.concat(frames, ignore_index=True)
