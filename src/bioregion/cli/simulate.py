"""``bioregion simulate ...``: the pipeline process, scenario runs, comparisons and sweeps."""

from __future__ import annotations

import json
from typing import Any

import click

from ..simulate.pipeline import simulate_pipeline

__all__ = ["simulate_group"]

_FORMATS = click.Choice(["table", "json", "csv"])


@click.group("simulate")
def simulate_group() -> None:
    """Simulate a bioRegion: pipelines, scenarios, comparisons and sweeps."""


@simulate_group.command("pipeline")
@click.option("--programs", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Programs entering phase I.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def pipeline_command(programs: int, seed: int, fmt: str) -> None:
    """Run the drug-pipeline attrition process from phase I (default calibration)."""
    result = simulate_pipeline(programs, seed=seed)
    rows = [(k, v) for k, v in result.items() if k != "phase_transition"]
    rows += [(f"phase_transition.{k}", v) for k, v in result["phase_transition"].items()]
    _emit(result, rows, fmt)


def _emit(payload: Any, rows: list[tuple[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(payload, indent=2))
    elif fmt == "csv":
        click.echo("key,value")
        for key, value in rows:
            click.echo(f"{key},{value}")
    else:
        width = max(len(k) for k, _ in rows)
        for key, value in rows:
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            click.echo(f"{key.ljust(width)}  {shown}")
