"""The ``bioregion analyze`` group: one subcommand per analysis topic.

Topic modules register their subcommands on :data:`analyze_group`; the network
and brokerage subcommands live here.
"""

from __future__ import annotations

import math
from typing import Any

import click
import pandas as pd

from ..analysis.brokerage import brokerage_roles, interregional_matrix, region_rollup, tie_geography
from ..analysis.metrics import METRICS, node_metrics
from ._options import ecosystem_options
from ._output import emit_json, emit_rows, format_option

__all__ = ["analyze_group"]


@click.group("analyze")
def analyze_group() -> None:
    """Analyse an ecosystem: network, brokerage, time, portfolio, openness, ... (see each topic)."""


def _records(frame: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    rows = frame.reset_index().rename(columns={frame.index.name or "index": key})
    return [{k: _clean(v) for k, v in row.items()} for row in rows.to_dict("records")]


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _graph(ecosystem, year: int | None):
    return ecosystem.graph(year=year)


@analyze_group.command("network")
@ecosystem_options
@click.option("--year", type=int, default=None, help="Only relations alive in this year.")
@click.option("--approx-betweenness", type=click.IntRange(min=2), default=None,
              help="Sample K pivots for betweenness and closeness.")
@click.option("--seed", type=int, default=0, show_default=True)
@format_option()
def network_command(ecosystem, year: int | None, approx_betweenness: int | None, seed: int,
                    fmt: str) -> None:
    """Node metrics of the alliance network (values as NetworkX computes them)."""
    table, summary = node_metrics(_graph(ecosystem, year), approx_betweenness=approx_betweenness,
                                  seed=seed)
    rows = _records(table[list(METRICS)], "id")
    if fmt == "json":
        emit_json({"graph": summary, "nodes": {r.pop("id"): r for r in rows}})
    else:
        emit_rows(rows, fmt, title=", ".join(f"{k} {v}" for k, v in summary.items()))


@analyze_group.command("brokerage")
@ecosystem_options
@click.option("--year", type=int, default=None, help="Only relations alive in this year.")
@click.option("--group", default="region", show_default=True, help="Vertex attribute to group by.")
@click.option("--part", type=click.Choice(["roles", "geography", "interregional", "all"]),
              default="all", show_default=True, help="Which table (json gives all).")
@format_option()
def brokerage_command(ecosystem, year: int | None, group: str, part: str, fmt: str) -> None:
    """Gould & Fernandez brokerage roles, tie geography and the interregional tie matrix.

    Undirected ties count in both directions (UCINET's convention for
    symmetric data): representative equals gatekeeper for every broker.
    """
    graph = _graph(ecosystem, year)
    rollup = region_rollup(ecosystem.regions) if len(ecosystem.regions) else None
    tables = {
        "roles": (brokerage_roles(graph, group), "id"),
        "geography": (tie_geography(graph, group, region_map=rollup), "region"),
        "interregional": (interregional_matrix(graph, group=group, region_map=rollup), "from"),
    }
    if fmt == "json":
        emit_json({name: _records(frame, key) for name, (frame, key) in tables.items()})
        return
    for name, (frame, key) in tables.items():
        if part in (name, "all"):
            emit_rows(_records(frame, key), fmt, title=name)
