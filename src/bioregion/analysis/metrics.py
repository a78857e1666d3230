"""The NetworkX-compatible node metrics table behind ``bioregion metrics``.

Each column equals the NetworkX function of the same name with default
arguments on the undirected simple graph (DESIGN.md section 4): ``degree``
(a count), ``betweenness`` (``betweenness_centrality``), ``closeness``,
``eigenvector``, ``pagerank``, ``core_number``, ``clustering`` and
``constraint`` (NaN for isolates, as NetworkX).
"""

from __future__ import annotations

from typing import Any

import igraph as ig
import numpy as np
import pandas as pd

from ._csr import to_csr
from .centrality import (
    _has_numba,
    _pivot_scale,
    _pivots,
    closeness_from_distances,
    eigenvector_iteration,
    pagerank_iteration,
    shortest_path_pass,
)
from .network import graph_summary, node_names, simple_graph
from .structural_holes import constraint

__all__ = ["METRICS", "node_metrics"]

METRICS = (
    "degree", "betweenness", "closeness", "eigenvector",
    "pagerank", "core_number", "clustering", "constraint",
)


def node_metrics(
    graph: ig.Graph,
    *,
    weight: str | None = None,
    approx_betweenness: int | None = None,
    seed: int = 0,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """All eight metrics per node and a summary of the graph.

    Parameters
    ----------
    graph : igraph.Graph
        Any graph: made undirected and simple first.
    weight : str, optional
        Edge attribute that PageRank uses (NetworkX's default ``weight="weight"``
        reads it when the file has one); parallel edges sum it.
    approx_betweenness : int, optional
        Sample this many pivots for betweenness and closeness (closeness then
        averages distances to the pivots, Eppstein & Wang 2004).
    seed : int
        Seed of the pivot sample.

    Returns
    -------
    (DataFrame, dict)
        One row per node (index: node id) and the ``graph`` summary.

    References
    ----------
    .. [1] Eppstein, D., & Wang, J. (2004). Fast approximation of centrality.
       *Journal of Graph Algorithms and Applications*, 8(1), 39-45.
    """
    simple = simple_graph(graph, weight)
    n = simple.vcount()
    csr = to_csr(simple)
    summary = graph_summary(simple)
    table = pd.DataFrame(index=pd.Index(node_names(simple), name="id"))
    table["degree"] = csr.degree
    between, close = _paths(simple, csr, approx_betweenness, seed, summary)
    table["betweenness"], table["closeness"] = between, close
    eig, converged = eigenvector_iteration(csr)
    table["eigenvector"] = eig if converged else np.nan
    summary["eigenvector_converged"] = converged
    weighted = to_csr(simple, "weight") if weight else csr
    table["pagerank"] = pagerank_iteration(weighted)[0] if n else []
    table["core_number"] = simple.coreness()
    table["clustering"] = simple.transitivity_local_undirected(mode="zero")
    table["constraint"] = list(constraint(simple).values())
    return table, summary


def _paths(simple: ig.Graph, csr, k: int | None, seed: int, summary: dict) -> tuple:
    n = simple.vcount()
    if n <= 2 or (k is None and not _has_numba()):
        return _paths_igraph(simple)
    pivots = _pivots(n, k, seed)
    raw, distsum, reach = shortest_path_pass(csr, pivots)
    between = raw * _pivot_scale(n, pivots)
    if pivots.size == n:
        return between, closeness_from_distances(distsum, reach, n)
    summary["approx"] = {"betweenness": {"pivots": int(pivots.size), "seed": seed},
                         "closeness": {"pivots": int(pivots.size), "seed": seed}}
    return between, _sampled_closeness(simple, csr, pivots, seed)


def _paths_igraph(simple: ig.Graph) -> tuple[np.ndarray, np.ndarray]:
    n = simple.vcount()
    raw = 2.0 * np.asarray(simple.betweenness(directed=False), float)
    between = raw / ((n - 1) * (n - 2)) if n > 2 else np.zeros(n)
    dist = np.asarray(simple.distances(), float) if n else np.zeros((0, 0))
    finite = np.isfinite(dist)
    return between, closeness_from_distances(np.where(finite, dist, 0).sum(1), finite.sum(1), n)


def _sampled_closeness(simple: ig.Graph, csr, pivots: np.ndarray, seed: int) -> np.ndarray:
    """Distances to the pivots of the same component, scaled to the component."""
    n = simple.vcount()
    comp = np.asarray(simple.connected_components().membership)
    size = np.bincount(comp)[comp]
    dist = np.asarray(simple.distances(source=pivots.tolist()), float)
    dist[~np.isfinite(dist)] = 0.0
    same = comp[pivots][:, None] == comp[None, :]
    count = same.sum(axis=0) - np.isin(np.arange(n), pivots)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = dist.sum(axis=0) * (size - 1) / count
    return closeness_from_distances(np.nan_to_num(total), size, n)
