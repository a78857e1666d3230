"""Replicates, parameter sweeps and scenario comparisons (Mesa's ``batch_run``).

Replicate ``r`` of a run seeded ``seed`` draws from
``numpy.random.default_rng([seed, r])`` whatever the parameter values, so
parameter values are compared on common random numbers, and a replicate gives
the same series whether it runs here, in another process or on a Dask worker.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from ..errors import ValidationError
from .collector import ALLIANCE_TYPES, FLOWS
from .model import BioRegionModel
from .scenario import Scenario

__all__ = ["Task", "tasks", "run_task", "batch_run", "yearly", "summarise", "compare", "parse_param"]

Task = tuple[dict[str, Any], int]


def parse_param(text: str) -> tuple[str, list[Any]]:
    """Parse ``key=v1,v2`` into the key and its values (numbers where they parse).

    Examples
    --------
    >>> parse_param("calibration.spin_off_probability=0.05,0.1")
    ('calibration.spin_off_probability', [0.05, 0.1])
    """
    key, sep, values = text.partition("=")
    if not sep or not key or not values:
        raise ValidationError(f"'{text}' is not key=v1,v2; write e.g. --param calibration.ipo_probability=0.03,0.06")
    return key.strip(), [_number(v.strip()) for v in values.split(",") if v.strip()]


def _number(text: str) -> Any:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def tasks(replicates: int, parameters: Mapping[str, Iterable[Any]] | None = None) -> list[Task]:
    """Every (parameter combination, replicate) pair, in a fixed order."""
    if replicates < 1:
        raise ValidationError(f"replicates is {replicates}; give at least 1, e.g. --replicates 20")
    keys = list(parameters or {})
    combos = [dict(zip(keys, values)) for values in itertools.product(*(list(parameters[k]) for k in keys))] \
        if keys else [{}]
    return [(combo, r) for combo in combos for r in range(replicates)]


def run_task(scenario: Scenario, task: Task, seed: int, ecosystem: Any = None) -> pd.DataFrame:
    """Run one replicate of one parameter combination; return its time series."""
    combo, replicate = task
    for key, value in combo.items():
        scenario = scenario.with_parameter(key, value)
    model = BioRegionModel(scenario, seed=[seed, replicate], ecosystem=ecosystem, record_events=False)
    frame = model.run()
    frame.insert(0, "replicate", replicate)
    for key, value in reversed(combo.items()):
        frame.insert(0, key, value)
    frame.insert(0, "scenario", scenario.name)
    return frame


def batch_run(scenario: Scenario, replicates: int, seed: int, parameters: Mapping[str, Iterable[Any]] | None = None,
              ecosystem: Any = None, progress: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Run every replicate (of every parameter combination) serially and stack the series."""
    frames = []
    for task in tasks(replicates, parameters):
        frames.append(run_task(scenario, task, seed, ecosystem))
        if progress:
            progress(1)
    return pd.concat(frames, ignore_index=True)


def yearly(frame: pd.DataFrame) -> pd.DataFrame:
    """Quarterly series to yearly: flows summed, stocks (firms alive) at year end."""
    keys = [c for c in frame.columns if c in ("scenario", "replicate") or "." in c]
    frame = frame.assign(year=frame["year"].astype(int))
    flows = [c for c in frame.columns if c in FLOWS or c.startswith("alliances:")]
    stocks = [c for c in frame.columns if c.startswith("firms")]
    grouped = frame.groupby(keys + ["year"], sort=True)
    return pd.concat([grouped[flows].sum(), grouped[stocks].last()], axis=1).reset_index()


def summarise(frame: pd.DataFrame, level: float = 0.90) -> pd.DataFrame:
    """Mean and central ``level`` interval over replicates of each metric, per year."""
    table = yearly(frame)
    keys = [c for c in table.columns if c == "scenario" or "." in c] + ["year"]
    metrics = [c for c in table.columns if c not in keys and c != "replicate"]
    long = table.melt(id_vars=keys + ["replicate"], value_vars=metrics, var_name="metric")
    tail = (1 - level) / 2
    grouped = long.groupby(keys + ["metric"])["value"]
    return pd.DataFrame({"mean": grouped.mean(), "low": grouped.quantile(tail),
                         "high": grouped.quantile(1 - tail)}).reset_index()


#: Outcomes compared between scenarios: firms alive at the end, totals of the flows.
OUTCOMES = ("firms_alive",) + FLOWS[:-1] + tuple(f"alliances:{k}" for k in ("license", "rd_collaboration",
                                                                             "co_development", "acquisition"))


def outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per replicate: firms alive at the end and the total of each flow."""
    keys = [c for c in frame.columns if c in ("scenario", "replicate") or "." in c]
    last = frame.groupby(keys)[[c for c in frame.columns if c.startswith("firms_alive")]].last()
    totals = frame.groupby(keys)[[c for c in FLOWS if c in frame] +
                                 [f"alliances:{k}" for k in ALLIANCE_TYPES]].sum()
    return pd.concat([last, totals], axis=1).reset_index()


def compare(frames: Iterable[pd.DataFrame], level: float = 0.90) -> pd.DataFrame:
    """Scenario by outcome: mean and central ``level`` interval over replicates."""
    table = outcomes(pd.concat(list(frames), ignore_index=True))
    tail = (1 - level) / 2
    rows = []
    for scenario, group in table.groupby("scenario", sort=False):
        for metric in OUTCOMES:
            values = group[metric].to_numpy(dtype=float)
            rows.append({"scenario": scenario, "metric": metric, "mean": float(values.mean()),
                         "low": float(np.quantile(values, tail)), "high": float(np.quantile(values, 1 - tail))})
    return pd.DataFrame(rows)
