"""What the ``simulate run``, ``compare`` and ``sweep`` commands do, as library calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import pandas as pd

from .events import to_records
from .model import BioRegionModel
from .outputs import save_comparison, save_results
from .replicates import batch_run, compare, summarise
from .scenario import Scenario

__all__ = ["run_scenario", "compare_scenarios", "sweep_scenario", "event_log"]

Progress = Callable[[int], None] | None


def _ecosystem(dataset: str | None) -> Any:
    if not dataset:
        return None
    from ..ecosystem import Ecosystem

    return Ecosystem.from_dataset(dataset)


def event_log(scenario: Scenario, seed: int, replicate: int = 0, ecosystem: Any = None) -> dict:
    """The event log of one replicate as ecosystem records."""
    model = BioRegionModel(scenario, seed=[seed, replicate], ecosystem=ecosystem)
    model.run()
    return to_records(model)


def run_scenario(scenario: Scenario, replicates: int, seed: int, out: str | Path, dataset: str | None = None,
                 progress: Progress = None) -> Path:
    """Run replicates; write series, yearly summary, replicate 0's ecosystem, scenario and seeds."""
    from ..io import write_tables

    ecosystem = _ecosystem(dataset)
    frame = batch_run(scenario, replicates, seed, ecosystem=ecosystem, progress=progress)
    folder = save_results(out, frame, scenario, seed, replicates, extra={"dataset": dataset})
    summarise(frame).to_csv(folder / "summary.csv", index=False)
    write_tables(event_log(scenario, seed, 0, ecosystem), folder / "ecosystem.json", "json")
    return folder


def compare_scenarios(scenarios: Sequence[Scenario], replicates: int, seed: int, out: str | Path | None = None,
                      progress: Progress = None) -> pd.DataFrame:
    """Outcomes of each scenario with 90 % intervals; with ``out``, also the series, CSVs and a chart.

    The first scenario is the baseline of the comparison.
    """
    frames = [batch_run(s, replicates, seed, progress=progress) for s in scenarios]
    table = compare(frames)
    if out:
        frame = pd.concat(frames, ignore_index=True)
        folder = save_comparison(out, frame, scenarios, seed, replicates)
        table.to_csv(folder / "comparison.csv", index=False)
        summary = summarise(frame)
        summary.to_csv(folder / "summary.csv", index=False)
        chart(summary, "firms_alive", folder / "firms_alive.png")
    return table


def sweep_scenario(scenario: Scenario, replicates: int, seed: int, parameters: Mapping[str, list], scheduler: str,
                   out: str | Path, workers: int = 2, progress: Progress = None) -> Path:
    """Run a sweep on Dask and save it beside the scenario and seeds."""
    from .sweep import sweep

    frame = sweep(scenario, replicates, seed, parameters, scheduler=scheduler, workers=workers, progress=progress)
    folder = save_results(out, frame, scenario, seed, replicates, parameters, extra={"scheduler": scheduler})
    summarise(frame).to_csv(folder / "summary.csv", index=False)
    return folder


def chart(summary: pd.DataFrame, metric: str, path: Path) -> Path:
    """A line per scenario (and swept value) with its 90 % band, saved as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = summary[summary["metric"] == metric]
    keys = [c for c in data.columns if c == "scenario" or "." in c]
    fig, ax = plt.subplots(figsize=(7, 4))
    for label, group in data.groupby(keys):
        ax.plot(group["year"], group["mean"], label=" ".join(map(str, label if isinstance(label, tuple) else [label])))
        ax.fill_between(group["year"], group["low"], group["high"], alpha=0.2)
    ax.set_xlabel("year")
    ax.set_ylabel(metric.replace("_", " "))
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
