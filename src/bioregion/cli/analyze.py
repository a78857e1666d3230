"""``bioregion analyze``: ecosystem analytics as tables (network, brokerage, ...)."""

from __future__ import annotations

import json
import sys

import click
import pandas as pd

from ..analysis.brokerage import brokerage_roles, interregional_matrix, tie_geography
from ..analysis.metrics import node_metrics


@click.group("analyze")
def analyze_group() -> None:
    """Analyse an ecosystem: network, brokerage and more."""


def _source_options(command):
    command = click.option("--year", type=int, default=None, help="Ties up to this year.")(command)
    command = click.option("--db", "db", default=None, help="Store: SQLite file or postgresql:// URL.")(command)
    command = click.option("--dataset", default=None, help="Embedded dataset name.")(command)
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                        default="table", show_default=True)(command)


def _graph(dataset: str | None, db: str | None, year: int | None):
    if (dataset is None) == (db is None):
        raise click.UsageError("pass exactly one of --dataset NAME or --db PATH")
    from ..ecosystem import Ecosystem  # the lead's core API

    eco = Ecosystem.from_dataset(dataset) if dataset else Ecosystem.from_store(db)
    return eco.graph(year=year) if year is not None else eco.graph()


def _emit(frames: dict[str, pd.DataFrame], fmt: str) -> None:
    if fmt == "json":
        out = {k: json.loads(v.to_json(orient="index")) for k, v in frames.items()}
        click.echo(json.dumps(out))
    elif fmt == "csv":
        for name, frame in frames.items():
            if len(frames) > 1:
                click.echo(f"# {name}")
            frame.to_csv(sys.stdout)
    else:
        from rich.console import Console
        from rich.table import Table

        for name, frame in frames.items():
            table = Table(title=name)
            for column in [frame.index.name or ""] + list(frame.columns):
                table.add_column(str(column))
            for key, row in frame.iterrows():
                table.add_row(str(key), *(f"{v:.4g}" if isinstance(v, float) else str(v) for v in row))
            Console().print(table)


@analyze_group.command("network")
@_source_options
def network_command(fmt: str, dataset: str | None, db: str | None, year: int | None) -> None:
    """Node metrics of the alliance network (NetworkX-compatible values)."""
    table, summary = node_metrics(_graph(dataset, db, year))
    _emit({"graph": pd.DataFrame([summary]).astype(str), "nodes": table}, fmt)


@analyze_group.command("brokerage")
@_source_options
@click.option("--group", default="region", show_default=True, help="Vertex attribute to group by.")
def brokerage_command(fmt: str, dataset: str | None, db: str | None, year: int | None,
                      group: str) -> None:
    """Gould & Fernandez brokerage roles, tie geography and the interregional matrix."""
    graph = _graph(dataset, db, year)
    _emit({"roles": brokerage_roles(graph, group), "geography": tie_geography(graph, group),
           "interregional": interregional_matrix(graph, group=group)}, fmt)
