"""``bioregion metrics GRAPH_FILE``: NetworkX-compatible node metrics of a graph file."""

from __future__ import annotations

import json
import math
import sys

import click

from ..analysis.metrics import METRICS, node_metrics
from ..io.graph_read import read_graph


def _clean(value: float | int) -> float | int | None:
    """JSON has no NaN: an undefined value (constraint of an isolate) is null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@click.command("metrics")
@click.argument("graph_file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "table", "csv"]), default="json",
              show_default=True, help="Output format.")
@click.option("--approx-betweenness", type=click.IntRange(min=2), default=None,
              help="Sample K pivots for betweenness and closeness (large graphs).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the pivot sample.")
def metrics_command(graph_file: str, fmt: str, approx_betweenness: int | None, seed: int) -> None:
    """Print degree, betweenness, closeness, eigenvector, pagerank, core_number,
    clustering and constraint of every node of GRAPH_FILE (GraphML, GEXF or a
    CSV edge list 'source,target[,weight]').

    Values equal NetworkX's functions with default arguments on the undirected
    simple graph (self-loops and parallel edges removed; pagerank uses the
    summed 'weight' when the file has one). Undefined values (constraint of an
    isolated node) are null in JSON and empty in CSV.
    """
    graph = read_graph(graph_file)
    weight = "weight" if "weight" in graph.es.attributes() else None
    table, summary = node_metrics(graph, weight=weight, approx_betweenness=approx_betweenness, seed=seed)
    table = table[list(METRICS)]
    if fmt == "json":
        nodes = {
            node: {k: _clean(v) for k, v in row.items()}
            for node, row in zip(table.index, table.to_dict("records"))
        }
        click.echo(json.dumps({"graph": summary, "nodes": nodes}))
    elif fmt == "csv":
        table.to_csv(sys.stdout, na_rep="")
    else:
        _print_table(table, summary)


def _print_table(table, summary) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Table(title=", ".join(f"{k} {v}" for k, v in summary.items() if k != "approx"))
    for column in ("id",) + METRICS:
        out.add_column(column, justify="left" if column == "id" else "right")
    for node, row in table.iterrows():
        out.add_row(node, *(f"{v:.6g}" for v in row))
    Console().print(out)
