"""The network map's data: the best-connected organisations, their ties by year, and a layout.

The map shows at most ``limit`` organisations (the most connected first) with
positions from a force-directed layout (Fruchterman & Reingold 1991) computed
once per store version, so the browser draws without laying out. Ties between
the same pair are folded into one edge that carries the year of the first tie,
which is what the time slider filters on.

References
----------
Fruchterman, T. M. J., Reingold, E. M. (1991). Graph drawing by force-directed placement.
Software: Practice and Experience 21(11), 1129-1164.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Sequence

from ..io import write_gexf
from ..taxonomy import RELATION_TYPES
from .snapshot import Snapshot

__all__ = ["map_data", "map_script_json", "gexf_bytes", "MAP_LIMIT", "SIZE_METRICS"]

MAP_LIMIT = 2000
#: At most this many ties per shown organisation are drawn (the strongest: most relations, then earliest).
EDGES_PER_NODE = 3
SIZE_METRICS = ("degree", "partners", "relations", "pagerank", "programs")


def _top_vertices(snap: Snapshot, limit: int) -> list[int]:
    ranked = sorted(range(len(snap.orgs)), key=lambda i: (-snap.orgs[i]["degree"], snap.orgs[i]["name"].lower()))
    return sorted(ranked[:limit])


def _edges(snap: Snapshot, chosen: list[int], types: Sequence[str]) -> list[dict[str, Any]]:
    position = {v: i for i, v in enumerate(chosen)}
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    for edge in snap.graph.es:
        a, b = position.get(edge.source), position.get(edge.target)
        if a is None or b is None or a == b or (types and edge["type"] not in types):
            continue
        key = (min(a, b), max(a, b))
        year = edge["year"]
        tie = pairs.setdefault(key, {"s": key[0], "t": key[1], "year": year, "n": 0, "type": edge["type"]})
        tie["n"] += 1
        if year is not None and (tie["year"] is None or year < tie["year"]):
            tie["year"], tie["type"] = year, edge["type"]
    return list(pairs.values())


def _layout(count: int, edges: list[dict[str, Any]], seed: int = 7) -> list[tuple[float, float]]:
    import random

    import igraph

    graph = igraph.Graph(n=count, edges=[(e["s"], e["t"]) for e in edges])
    rng = random.Random(seed)
    start = [(rng.uniform(-1, 1), rng.uniform(-1, 1)) for _ in range(count)]
    coords = graph.layout_fruchterman_reingold(seed=start, niter=300 if count <= 800 else 120,
                                               grid="auto").coords if count else []
    if not coords:
        return []
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return [(round((x - min(xs)) / span * 1000, 1), round((y - min(ys)) / span * 1000, 1)) for x, y in coords]


def map_data(snap: Snapshot, *, limit: int = MAP_LIMIT, types: Sequence[str] = ()) -> dict[str, Any]:
    """Nodes (with metrics and positions) and folded ties for the map, cached per version."""
    limit, types = _choice(limit, types)
    return snap.lazy(("map", limit, types), lambda: _build(snap, limit, types))


def _choice(limit: int, types: Sequence[str]) -> tuple[int, tuple[str, ...]]:
    return max(1, min(int(limit), 5000)), tuple(sorted(t for t in types if t in RELATION_TYPES))


def map_script_json(snap: Snapshot, data: dict[str, Any], *, limit: int = MAP_LIMIT,
                    types: Sequence[str] = ()) -> Any:
    """``data`` (:func:`map_data` of ``limit`` and ``types`` with the page's extras) as JSON for the map
    page's ``<script type="application/json">``, serialised once per version."""
    from .render import script_json

    return snap.lazy(("map_json", *_choice(limit, types)), lambda: script_json(data))


def _build(snap: Snapshot, limit: int, types: tuple[str, ...]) -> dict[str, Any]:
    chosen = _top_vertices(snap, limit)
    edges = _edges(snap, chosen, types)
    total_ties = len(edges)
    if len(edges) > EDGES_PER_NODE * len(chosen):
        edges.sort(key=lambda e: (-e["n"], e["year"] if e["year"] is not None else 9999, e["s"], e["t"]))
        edges = edges[:EDGES_PER_NODE * len(chosen)]
    coords = _layout(len(chosen), edges)
    nodes = []
    for i, v in enumerate(chosen):
        org = snap.orgs[v]
        nodes.append({"id": org["id"], "name": org["name"], "kind": org["kind"], "region": org["region"] or "unknown",
                      "community": org["community"], "founded": int(org["founded"][:4]) if org["founded"] else None,
                      "x": coords[i][0], "y": coords[i][1], **{m: org[m] for m in SIZE_METRICS}})
    years = [e["year"] for e in edges if e["year"] is not None]
    return {"nodes": nodes, "edges": edges, "total_organisations": len(snap.orgs), "shown": len(nodes),
            "ties_total": total_ties, "ties_shown": len(edges),
            "types": list(types), "years": [min(years), max(years)] if years else [],
            "size_metrics": list(SIZE_METRICS)}


def gexf_bytes(snap: Snapshot) -> bytes:
    """The whole network as dynamic GEXF (:func:`bioregion.io.write_gexf`), cached per version."""

    def build() -> bytes:
        handle, name = tempfile.mkstemp(suffix=".gexf")
        os.close(handle)
        try:
            write_gexf(snap.eco, name)
            return Path(name).read_bytes()
        finally:
            Path(name).unlink(missing_ok=True)

    return snap.lazy("gexf", build)
