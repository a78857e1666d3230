"""Simulation runs started from the dashboard: one background worker, progress, charts against the baseline.

Runs queue on a single worker thread (the server keeps answering pages while
one runs), at most :attr:`Limits.max_active` at once and
:attr:`Limits.max_active_per_requester` per user or address; more is a 429.
A run simulates the baseline (the shipped scenario over the same horizon)
and the changed scenario with the same seed, so replicate ``r`` of both
shares its random numbers; baselines are cached, so changing levers again
only simulates the changed scenario. When done, a run keeps the charts of
:mod:`bioregion.report.simulation_figures` as SVG and the numbers behind them;
the oldest finished runs are forgotten after :attr:`Limits.keep`.

A run never writes to the store.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import BioregionError
from ..simulate import batch_run
from ..simulate.results import results_from_frames
from .errors import ApiError
from .levers import Levers, Limits

__all__ = ["Run", "SimulationRunner", "RunStopped"]


class RunStopped(BioregionError):
    """A run passed its deadline or the server is shutting down."""


@dataclass
class Run:
    """One run: what was asked, how far it is, and its results once done."""

    id: str
    levers: Levers
    requester: str
    total: int
    done: int = 0
    status: str = "queued"  # queued, running, done, failed
    error: str | None = None
    started: float = field(default_factory=time.time)
    charts: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (title, svg)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status in ("queued", "running")


class SimulationRunner:
    """Queue, run and remember simulations for one app.

    Parameters
    ----------
    limits : Limits
    executor : concurrent.futures.Executor, optional
        Where runs execute (default: one background thread).
    """

    def __init__(self, limits: Limits | None = None, executor: Executor | None = None) -> None:
        self.limits = limits or Limits()
        self._executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="bioregion-simulate")
        self._runs: OrderedDict[str, Run] = OrderedDict()
        self._baselines: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._lock = threading.Lock()
        self._closing = False

    def start(self, levers: Levers, requester: str) -> Run:
        """Queue a run; 429 when the server or this requester has too many runs going."""
        with self._lock:
            active = [r for r in self._runs.values() if r.active]
            mine = [r for r in active if r.requester == requester]
            if len(mine) >= self.limits.max_active_per_requester:
                raise ApiError(429, f"you have a simulation going at /simulate/runs/{mine[0].id}; wait for it to "
                                    "finish", headers={"Retry-After": "10"})
            if len(active) >= self.limits.max_active:
                raise ApiError(429, f"the server is running {len(active)} simulations; try again in a minute",
                               headers={"Retry-After": "30"})
            cached = self._baseline_key(levers) in self._baselines
            total = levers.replicates * ((not cached) + bool(levers.changes))
            run = Run(secrets.token_urlsafe(9), levers, requester, total)
            self._runs[run.id] = run
            self._forget_old()
        self._executor.submit(self._work, run)
        return run

    def get(self, run_id: str) -> Run:
        """The run of that id; 404 when unknown or forgotten."""
        run = self._runs.get(run_id)
        if run is None:
            raise ApiError(404, f"no simulation run '{run_id}' (runs are kept while the server runs, the last "
                                f"{self.limits.keep}); start one at /simulate")
        return run

    def close(self) -> None:
        """Stop queued and running runs between replicates; do not wait for them."""
        self._closing = True
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [k for k, r in self._runs.items() if not r.active]
        for key in finished[: max(0, len(finished) - self.limits.keep)]:
            del self._runs[key]

    @staticmethod
    def _baseline_key(levers: Levers) -> tuple:
        return (levers.baseline.name, levers.baseline.years, levers.replicates, levers.seed)

    def _work(self, run: Run) -> None:
        run.status = "running"
        run.started = time.time()
        try:
            frames = self._simulate(run)
            results = results_from_frames(frames, [run.levers.baseline, run.levers.scenario], run.levers.seed)
            self._finish(run, results)
        except BioregionError as error:
            run.status, run.error = "failed", str(error)
        except Exception as error:  # pragma: no cover - logged, shown as a failed run
            import logging

            logging.getLogger("bioregion.web").exception("simulation run %s failed", run.id)
            run.status, run.error = "failed", f"internal error ({type(error).__name__}); the server log has details"

    def _tick(self, run: Run, n: int) -> None:
        if self._closing:
            raise RunStopped("the server is shutting down")
        if time.time() - run.started > self.limits.deadline_seconds:
            raise RunStopped(f"stopped after {self.limits.deadline_seconds:.0f} s; ask for fewer replicates, fewer "
                             "years or smaller budgets")
        run.done += n

    def _simulate(self, run: Run) -> list[pd.DataFrame]:
        levers, key = run.levers, self._baseline_key(run.levers)
        progress = lambda n: self._tick(run, n)  # noqa: E731
        base = self._baselines.get(key)
        if base is None:
            base = batch_run(levers.baseline, levers.replicates, levers.seed, progress=progress)
            with self._lock:
                self._baselines[key] = base
                while len(self._baselines) > 8:
                    self._baselines.popitem(last=False)
        if levers.changes:
            changed = batch_run(levers.scenario, levers.replicates, levers.seed, progress=progress)
        else:
            changed = base.assign(scenario=levers.scenario.name)
        return [base, changed]

    def _finish(self, run: Run, results) -> None:
        from ..report.simulation import simulation_charts

        charts = simulation_charts(results)
        run.charts = {key: (spec.title, str(svg)) for key, (spec, svg) in charts.items()}
        run.data = run_data(results)
        run.done, run.status = run.total, "done"


def run_data(results) -> dict[str, Any]:
    """The numbers behind a run's charts: outcomes against the baseline and yearly medians with 90 % bands."""
    from ..report.simulation import interval_text
    from ..report.simulation_figures import metric_label

    outcomes = results.differences()
    outcomes = outcomes.astype(object).where(outcomes.notna(), None)
    texts = [{"label": metric_label(r["metric"]) + (" (USD m)" if r["metric"] in ("capital_raised", "grants_paid") else ""),
              "text": {"baseline": interval_text(r["baseline"], r["baseline_low"], r["baseline_high"], r["metric"]),
                       "scenario": interval_text(r["median"], r["low"], r["high"], r["metric"]),
                       "change": interval_text(r["change"], r["change_low"], r["change_high"], r["metric"]),
                       "change_pct": "n/a" if r["change_pct"] is None else
                       f"{r['change_pct']:+.0f} %".replace("-", "\u2212")}}
             for r in outcomes.to_dict("records")]
    series: dict[str, dict[str, Any]] = {}
    for (metric, scenario), group in results.bands().groupby(["metric", "scenario"], sort=False):
        series.setdefault(metric, {})[scenario] = {
            "year": group["year"].astype(int).tolist(), "median": group["median"].tolist(),
            "low": group["low"].tolist(), "high": group["high"].tolist()}
    return {"baseline": results.baseline, "scenarios": results.names, "level": 0.90,
            "common_random_numbers": results.common_random_numbers,
            "outcomes": [{**row, **text} for row, text in zip(outcomes.to_dict("records"), texts)],
            "series": series}
