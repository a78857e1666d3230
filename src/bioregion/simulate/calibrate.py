"""Fitting calibration parameters to observed targets (``simulate calibrate``).

A grid search: for each candidate value of the parameter, run replicates with
common random numbers, take the mean of the target metric per year, and score
the root mean squared error against the targets. Targets come from a CSV
(``year,value``) or from an ecosystem: firms alive per year, counted from the
founding and end dates of its new biotech firms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InputFormatError, ValidationError
from .replicates import batch_run, yearly
from .scenario import Scenario

__all__ = ["fit", "targets_from_csv", "targets_from_ecosystem"]

FIRM_KINDS = ("new_biotech_firm", "biotech")


def targets_from_csv(path: str | Path) -> dict[int, float]:
    """Read ``year,value`` rows."""
    try:
        frame = pd.read_csv(path)
    except (OSError, ValueError) as error:
        raise InputFormatError(f"cannot read targets {path}: {error}; give a CSV with columns year,value") from None
    if not {"year", "value"} <= set(frame.columns):
        raise InputFormatError(f"{path} needs columns year,value (found {', '.join(frame.columns)})")
    return {int(y): float(v) for y, v in zip(frame["year"], frame["value"])}


def targets_from_ecosystem(ecosystem: Any, years: Sequence[int], regions: Sequence[str] | None = None) -> dict:
    """Firms alive at the end of each year: founded by then and not ended before."""
    rows = ecosystem.records()["organisations"] if hasattr(ecosystem, "records") else ecosystem["organisations"]
    firms = [r for r in rows if r["kind"] in FIRM_KINDS and (not regions or r.get("region_id") in regions)]
    out = {}
    for year in years:
        out[year] = float(sum(1 for r in firms if _y(r.get("founded"), -1) <= year and _y(r.get("ended"), 9999) > year))
    return out


def _y(date: Any, default: int) -> int:
    return int(str(date)[:4]) if date else default


def fit(scenario: Scenario, key: str, values: Sequence[Any], targets: Mapping[int, float], replicates: int,
        seed: int, metric: str = "firms_alive") -> dict:
    """Grid-search ``key`` over ``values``; return the best value and each value's error.

    Returns
    -------
    dict
        ``{"parameter", "best", "rmse", "grid": [{"value", "rmse"}], "fit": [{"year", "target", "simulated"}]}``
    """
    if not targets:
        raise ValidationError("no targets to fit; give --targets FILE or --dataset NAME with firms in the years simulated")
    frame = batch_run(scenario, replicates, seed, parameters={key: list(values)})
    means = yearly(frame).groupby([key, "year"])[metric].mean()
    grid, series = [], {}
    for value in values:
        simulated = means.loc[value]
        common = [y for y in targets if y in simulated.index]
        if not common:
            raise ValidationError(f"the targets' years do not overlap the simulated years {simulated.index.min()}-"
                                  f"{simulated.index.max()}; check the scenario's start_year")
        error = float(np.sqrt(np.mean([(simulated[y] - targets[y]) ** 2 for y in common])))
        grid.append({"value": value, "rmse": error})
        series[value] = [{"year": y, "target": targets[y], "simulated": float(simulated[y])} for y in common]
    best = min(grid, key=lambda g: g["rmse"])
    return {"parameter": key, "metric": metric, "best": best["value"], "rmse": best["rmse"], "grid": grid,
            "fit": series[best["value"]]}
