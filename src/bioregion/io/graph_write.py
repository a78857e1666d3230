"""The organisation network as GraphML and GEXF.

Nodes carry ``name``, ``kind``, ``sphere``, ``region`` (and ``country``);
edges carry ``type``, ``date``, ``relation_id`` and the two roles. GEXF is
written in dynamic mode: each node lives from its founding date and each edge
from its announcement date (to its end date where known), so Gephi's timeline
works. Partial dates are placed on their first day (``2015`` -> ``2015-01-01``).
Relations with unknown dates are kept without a time interval.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..ecosystem import Ecosystem
from .tables import atomic_path

__all__ = ["write_graphml", "write_gexf", "GRAPH_FORMATS"]

GRAPH_FORMATS = ("graphml", "gexf")


def _full_date(date: str | None) -> str | None:
    if not date:
        return None
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date


def _simple(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}


def _network(ecosystem: Ecosystem, dynamic: bool) -> Any:
    import networkx as nx

    graph = nx.MultiGraph()
    for org in ecosystem.rows("organisations"):
        attrs = {"name": org["name"], "kind": org["kind"], "sphere": ecosystem.sphere(org["id"]),
                 "region": org["region_id"] or "", "country": org["country"] or ""}
        if dynamic and _full_date(org["founded"]):
            attrs["start"] = _full_date(org["founded"])
        graph.add_node(org["id"], **attrs)
    ended = {r["id"]: r["date_ended"] for r in ecosystem.rows("relations")}
    source = ecosystem.graph()
    names = source.vs["name"]
    for edge in source.es:
        attrs = {"type": edge["type"], "date": edge["date"] or "", "relation_id": edge["relation_id"],
                 "source_role": edge["source_role"], "target_role": edge["target_role"]}
        if dynamic and edge["date"]:
            attrs["start"] = _full_date(edge["date"])
            if ended[edge["relation_id"]]:
                attrs["end"] = _full_date(ended[edge["relation_id"]])
        graph.add_edge(names[edge.source], names[edge.target], key=edge["relation_id"], **_simple(attrs))
    return graph


def write_graphml(ecosystem: Ecosystem, out: str | os.PathLike[str]) -> Path:
    """Write the network as GraphML (read by NetworkX, igraph, Gephi, yEd)."""
    import networkx as nx

    path = Path(out)
    with atomic_path(path) as tmp:
        nx.write_graphml(_network(ecosystem, dynamic=False), tmp, encoding="utf-8")
    return path


def write_gexf(ecosystem: Ecosystem, out: str | os.PathLike[str]) -> Path:
    """Write the network as dynamic GEXF 1.2 with time intervals (Gephi's timeline)."""
    import networkx as nx

    path = Path(out)
    graph = _network(ecosystem, dynamic=True)
    graph.graph["mode"] = "dynamic"
    with atomic_path(path) as tmp:
        nx.write_gexf(graph, tmp, encoding="utf-8", version="1.2draft")
    return path
