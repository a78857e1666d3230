"""Results of runs and comparisons, read back for charts: medians with 90 % bands, paired differences.

A :class:`Results` holds the quarterly series of one or more scenarios (the
first is the *baseline*), each with its scenario and seed, whether it was just
run (:func:`results_from_frames`) or read from the folders that ``bioregion
simulate run`` and ``simulate compare --out`` write (:func:`load_results`).

Summaries are over replicates: the median and the central 90 % of the
replicates' yearly values (flows summed over the year, stocks at year end),
and, against the baseline, the replicate-by-replicate difference. Replicate
``r`` of every scenario run with the same seed draws from
``numpy.random.default_rng([seed, r])``, so such differences are on common
random numbers (Law 2015, *Simulation Modeling and Analysis*, ch. 11) and
show the effect of the scenario rather than the noise between replicates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import InputFormatError, NotFoundError, ValidationError
from .replicates import OUTCOMES, outcomes, yearly
from .scenario import Scenario, load_scenario

__all__ = ["Results", "results_from_frames", "load_results", "LEVEL"]

#: The central share of replicates a band or interval covers.
LEVEL = 0.90


@dataclass(frozen=True)
class Results:
    """Series of scenarios run with replicates; the first scenario is the baseline.

    Attributes
    ----------
    frame : pandas.DataFrame
        Quarterly series, one row per scenario, replicate and step (the
        columns of :class:`~bioregion.simulate.DataCollector`).
    scenarios : tuple of Scenario
        In order; names are unique and match ``frame["scenario"]``.
    seeds : tuple of int
        The seed of each scenario's run.
    origins : tuple of str
        Where each scenario's series came from (a folder, or ``"this run"``).
    """

    frame: pd.DataFrame
    scenarios: tuple[Scenario, ...]
    seeds: tuple[int, ...]
    origins: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """Scenario names, baseline first."""
        return [s.name for s in self.scenarios]

    @property
    def baseline(self) -> str:
        """The name of the scenario the others are compared with."""
        return self.scenarios[0].name

    @property
    def replicates(self) -> dict[str, int]:
        """Number of replicates of each scenario."""
        counts = self.frame.groupby("scenario", sort=False)["replicate"].nunique()
        return {name: int(counts.get(name, 0)) for name in self.names}

    @property
    def common_random_numbers(self) -> bool:
        """Whether every scenario ran with the same seed (replicate r paired across scenarios)."""
        return len(set(self.seeds)) == 1

    def bands(self, level: float = LEVEL) -> pd.DataFrame:
        """Median and central ``level`` band over replicates of every yearly metric.

        Returns
        -------
        pandas.DataFrame
            Columns ``scenario, metric, year, median, low, high``.
        """
        table = yearly(self.frame)
        metrics = [c for c in table.columns if c not in ("scenario", "replicate", "year") and "." not in c]
        long = table.melt(id_vars=["scenario", "year"], value_vars=metrics, var_name="metric")
        grouped = long.groupby(["scenario", "metric", "year"], sort=False)["value"]
        tail = (1 - level) / 2
        out = pd.DataFrame({"median": grouped.median(), "low": grouped.quantile(tail),
                            "high": grouped.quantile(1 - tail)}).reset_index()
        return out.sort_values(["scenario", "metric", "year"], kind="stable", ignore_index=True)

    def outcomes(self) -> pd.DataFrame:
        """One row per scenario and replicate: firms alive at the end and each flow's total."""
        return outcomes(self.frame)

    def outcome_intervals(self, level: float = LEVEL) -> pd.DataFrame:
        """Median and central ``level`` interval over replicates of each outcome, per scenario.

        Returns
        -------
        pandas.DataFrame
            Columns ``scenario, metric, median, low, high``, outcomes in the
            order of :data:`~bioregion.simulate.replicates.OUTCOMES`.
        """
        table = self.outcomes()
        rows = []
        for name in self.names:
            group = table[table["scenario"] == name]
            for metric in (m for m in OUTCOMES if m in table.columns):
                mid, low, high = _interval(group[metric].to_numpy(float), level)
                rows.append({"scenario": name, "metric": metric, "median": mid, "low": low, "high": high})
        return pd.DataFrame(rows)

    def differences(self, level: float = LEVEL) -> pd.DataFrame:
        """Each scenario's outcomes against the baseline, replicate by replicate.

        For every outcome of :data:`~bioregion.simulate.replicates.OUTCOMES`
        and scenario ``s``: the median and central ``level`` interval of the
        baseline, of ``s``, and of the differences ``s_r - baseline_r`` over
        replicates ``r`` present in both, also as a percentage of the
        baseline's mean (``None`` when that mean is 0).

        Returns
        -------
        pandas.DataFrame
            Columns ``scenario, metric, baseline, baseline_low, baseline_high,
            median, low, high, change, change_low, change_high, change_pct,
            change_pct_low, change_pct_high, pairs``.
        """
        table = self.outcomes().set_index(["scenario", "replicate"])
        base = table.loc[self.baseline]
        rows = []
        for name in self.names[1:]:
            other = table.loc[name]
            common = base.index.intersection(other.index)
            for metric in OUTCOMES:
                if metric in table.columns:
                    rows.append(_difference(name, metric, base.loc[common, metric].to_numpy(float),
                                            other.loc[common, metric].to_numpy(float), level))
        return pd.DataFrame(rows)


def _interval(values: np.ndarray, level: float) -> tuple[float, float, float]:
    tail = (1 - level) / 2
    return float(np.median(values)), float(np.quantile(values, tail)), float(np.quantile(values, 1 - tail))


def _difference(name: str, metric: str, base: np.ndarray, other: np.ndarray, level: float) -> dict:
    row: dict = {"scenario": name, "metric": metric, "pairs": len(base)}
    row["baseline"], row["baseline_low"], row["baseline_high"] = _interval(base, level)
    row["median"], row["low"], row["high"] = _interval(other, level)
    row["change"], row["change_low"], row["change_high"] = _interval(other - base, level)
    mean = float(base.mean())
    for key in ("change", "change_low", "change_high"):
        row[key.replace("change", "change_pct")] = 100 * row[key] / mean if mean else None
    return row


def results_from_frames(frames: Sequence[pd.DataFrame], scenarios: Sequence[Scenario], seed: int,
                        origin: str = "this run") -> Results:
    """Results of scenarios just run with :func:`~bioregion.simulate.batch_run` and one seed."""
    _unique([s.name for s in scenarios])
    return Results(pd.concat(list(frames), ignore_index=True), tuple(scenarios), (seed,) * len(scenarios),
                   (origin,) * len(scenarios))


def load_results(*folders: str | Path) -> Results:
    """Read the folders written by ``simulate run`` or ``simulate compare --out``, in order.

    The first scenario of the first folder is the baseline. Sweeps are
    refused: their series vary parameters, not scenarios.

    Raises
    ------
    NotFoundError
        A folder or one of its files is missing.
    InputFormatError
        A folder is a sweep, or its ``run.json`` cannot be read.
    ValidationError
        Two folders hold a scenario of the same name.
    """
    if not folders:
        raise ValidationError("give at least one results folder, e.g. --simulation runs/baseline")
    frames, scenarios, seeds, origins = [], [], [], []
    for folder in map(Path, folders):
        frame, found, seed = _read_folder(folder)
        frames.append(frame)
        scenarios += found
        seeds += [seed] * len(found)
        origins += [str(folder)] * len(found)
    _unique([s.name for s in scenarios])
    return Results(pd.concat(frames, ignore_index=True), tuple(scenarios), tuple(seeds), tuple(origins))


def _read_folder(folder: Path) -> tuple[pd.DataFrame, list[Scenario], int]:
    for name in ("run.json", "timeseries.parquet"):
        if not (folder / name).is_file():
            raise NotFoundError(f"{folder}: no {name}; give a folder written by 'bioregion simulate run' or "
                                "'simulate compare --out'")
    try:
        run = json.loads((folder / "run.json").read_text())
        seed = int(run["seed"])
    except (ValueError, KeyError, TypeError) as error:
        raise InputFormatError(f"{folder}/run.json: cannot read the seed ({error})") from None
    if run.get("parameters"):
        raise InputFormatError(f"{folder}: is a sweep of {', '.join(run['parameters'])}; "
                               "charts compare runs and comparisons, not sweeps")
    frame = pd.read_parquet(folder / "timeseries.parquet")
    names = run.get("scenarios") or [run.get("scenario")]
    files = [folder / f for f in run.get("scenario_files") or ["scenario.yaml"]]
    if len(files) != len(names) or any(".." in Path(f).parts for f in files):
        raise InputFormatError(f"{folder}/run.json: scenario_files does not match scenarios")
    scenarios = [load_scenario(path) for path in files]
    missing = [s.name for s in scenarios if s.name not in set(frame["scenario"])]
    if missing:
        raise InputFormatError(f"{folder}/timeseries.parquet: no series of scenario {missing[0]}")
    return frame, scenarios, seed


def _unique(names: list[str]) -> None:
    seen = set()
    for name in names:
        if name in seen:
            raise ValidationError(f"two runs hold scenario '{name}'; compare scenarios of different names")
        seen.add(name)
