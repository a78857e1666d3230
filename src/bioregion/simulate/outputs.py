"""Writing runs to disk: series as Parquet beside the scenario file and the seeds.

A results folder always holds what made its numbers: ``scenario.yaml`` (the
exact scenario text), ``run.json`` (seed, replicates, per-replicate seeds,
swept parameters, version) and the series ``timeseries.parquet``; runs add
``summary.csv`` (mean and 90 % interval per year) and the event log of
replicate 0 as an ecosystem JSON (``ecosystem.json``, readable by
``bioregion import`` and the analysis commands). A comparison folder holds the
series of every scenario in one ``timeseries.parquet``, each scenario's text
under ``scenarios/`` and ``run.json`` listing them, baseline first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import yaml

from .._version import __version__
from .scenario import Scenario

__all__ = ["save_results", "save_comparison", "scenario_text"]


def scenario_text(scenario: Scenario) -> str:
    """The YAML text of a scenario (its source when loaded from a file)."""
    return scenario.source or yaml.safe_dump({"name": scenario.name}, sort_keys=False)


def save_results(out: str | Path, frame: pd.DataFrame, scenario: Scenario, seed: int, replicates: int,
                 parameters: Mapping[str, Any] | None = None, extra: Mapping[str, Any] | None = None) -> Path:
    """Write the series, the scenario and the seeds into folder ``out``; return it."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(folder / "timeseries.parquet", index=False)
    (folder / "scenario.yaml").write_text(scenario_text(scenario))
    run = {"scenario": scenario.name, "seed": seed, "replicates": replicates,
           "replicate_seeds": [[seed, r] for r in range(replicates)],
           "parameters": {k: list(v) for k, v in (parameters or {}).items()},
           "rng": "numpy.random.default_rng([seed, replicate])", "bioregion": __version__}
    run.update(extra or {})
    (folder / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    return folder


def save_comparison(out: str | Path, frame: pd.DataFrame, scenarios: Sequence[Scenario], seed: int,
                    replicates: int) -> Path:
    """Write the series of compared scenarios, their texts and the seeds into folder ``out``; return it."""
    folder = Path(out)
    (folder / "scenarios").mkdir(parents=True, exist_ok=True)
    frame.to_parquet(folder / "timeseries.parquet", index=False)
    files = []
    for index, scenario in enumerate(scenarios):
        files.append(f"scenarios/{index + 1}-{re.sub(r'[^A-Za-z0-9._-]+', '_', scenario.name)}.yaml")
        (folder / files[-1]).write_text(scenario_text(scenario))
    run = {"scenarios": [s.name for s in scenarios], "scenario_files": files, "baseline": scenarios[0].name, "seed": seed,
           "replicates": replicates, "replicate_seeds": [[seed, r] for r in range(replicates)],
           "rng": "numpy.random.default_rng([seed, replicate])", "bioregion": __version__}
    (folder / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    return folder
