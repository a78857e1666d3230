"""The simple graph and the local measures of a node: degree, strength, k-core, clustering.

The ecosystem graph (:meth:`bioregion.ecosystem.Ecosystem.graph`) is an
undirected igraph multigraph with one edge per pair of parties of a relation.
Structural measures are computed on its *simple graph*: self-loops dropped,
parallel edges merged into one edge whose ``weight`` is the number of merged
edges (or the sum of their weights). Every function here accepts either graph
and returns ``{node_name: value}``.
"""

from __future__ import annotations

from typing import Any

import igraph as ig
import numpy as np

__all__ = [
    "simple_graph",
    "node_names",
    "degree",
    "strength",
    "core_number",
    "clustering",
    "components",
    "ego_network",
    "graph_summary",
]


def simple_graph(graph: ig.Graph, weight: str | None = None) -> ig.Graph:
    """Return the undirected simple graph of ``graph`` with a ``weight`` per edge.

    Parameters
    ----------
    graph : igraph.Graph
        Any graph; direction is dropped, self-loops removed.
    weight : str, optional
        Edge attribute summed over merged edges; without it ``weight`` counts
        the merged edges (the multi-edge count).

    Returns
    -------
    igraph.Graph
        A new simple undirected graph with vertex ``name`` and edge ``weight``.

    Examples
    --------
    >>> g = ig.Graph([(0, 1), (0, 1), (1, 1)])
    >>> simple_graph(g).es["weight"]
    [2.0]
    """
    simple = graph.copy()
    if "name" not in simple.vs.attributes():
        simple.vs["name"] = [str(i) for i in range(simple.vcount())]
    if simple.is_directed():
        simple.to_undirected(mode="each")
    values = graph.es[weight] if weight else [1.0] * graph.ecount()
    simple.es["weight"] = [float(v) for v in values]
    simple.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    for name in set(simple.es.attributes()) - {"weight"}:
        del simple.es[name]
    return simple


def _as_simple(graph: ig.Graph) -> ig.Graph:
    """``graph`` itself when already simple and undirected, else its simple graph."""
    if not graph.is_directed() and graph.is_simple() and "name" in graph.vs.attributes():
        return graph
    return simple_graph(graph)


def node_names(graph: ig.Graph) -> list[str]:
    """The vertex names (``name`` attribute, or the vertex index as text)."""
    if "name" in graph.vs.attributes():
        return [str(v) for v in graph.vs["name"]]
    return [str(i) for i in range(graph.vcount())]


def _by_name(graph: ig.Graph, values: Any) -> dict[str, Any]:
    return dict(zip(node_names(graph), np.asarray(values).tolist()))


def degree(graph: ig.Graph) -> dict[str, int]:
    """Number of distinct neighbours of each node (Freeman 1979).

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks*, 1(3), 215-239.
    """
    return _by_name(graph, _as_simple(graph).degree())


def strength(graph: ig.Graph, weight: str | None = None) -> dict[str, float]:
    """Sum of tie weights per node: the multi-edge count, or the summed ``weight``.

    Loops are ignored. With ``weight=None`` each relation pair counts 1, so a
    firm with three alliances with the same partner has strength 3, degree 1.

    References
    ----------
    .. [1] Barrat, A., Barthelemy, M., Pastor-Satorras, R., & Vespignani, A.
       (2004). The architecture of complex weighted networks. *PNAS*, 101(11).
    """
    return _by_name(graph, simple_graph(graph, weight).strength(weights="weight"))


def core_number(graph: ig.Graph) -> dict[str, int]:
    """The k-core number of each node (Seidman 1983), as ``networkx.core_number``.

    References
    ----------
    .. [1] Seidman, S. B. (1983). Network structure and minimum degree.
       *Social Networks*, 5(3), 269-287.
    """
    return _by_name(graph, _as_simple(graph).coreness())


def clustering(graph: ig.Graph) -> dict[str, float]:
    """Local clustering coefficient (Watts & Strogatz 1998); 0 below degree 2.

    References
    ----------
    .. [1] Watts, D. J., & Strogatz, S. H. (1998). Collective dynamics of
       'small-world' networks. *Nature*, 393, 440-442.
    """
    simple = _as_simple(graph)
    return _by_name(graph, simple.transitivity_local_undirected(mode="zero"))


def components(graph: ig.Graph) -> dict[str, int]:
    """Connected component of each node, numbered 0.. by decreasing size.

    References
    ----------
    .. [1] Hopcroft, J., & Tarjan, R. (1973). Algorithm 447: efficient
       algorithms for graph manipulation. *CACM*, 16(6), 372-378.
    """
    return _by_name(graph, rank_by_size(graph.connected_components().membership))


def rank_by_size(membership: Any) -> np.ndarray:
    """Renumber groups 0.. by decreasing size (ties by first number)."""
    membership = np.asarray(membership, np.int64)
    if membership.size == 0:
        return membership
    sizes = np.bincount(membership)
    rank = np.empty_like(sizes)
    rank[np.argsort(-sizes, kind="stable")] = np.arange(sizes.size)
    return rank[membership]


def ego_network(graph: ig.Graph, node: str, order: int = 1) -> ig.Graph:
    """The subgraph induced by ``node`` and everyone within ``order`` steps.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
    """
    from ..errors import NotFoundError

    names = node_names(graph)
    if node not in names:
        raise NotFoundError(f"no node '{node}' in the graph: check the organisation id")
    members = graph.neighborhood(names.index(node), order=order)
    return graph.induced_subgraph(sorted(members))


def graph_summary(graph: ig.Graph) -> dict[str, Any]:
    """Nodes, edges, components and density of the simple graph."""
    simple = _as_simple(graph)
    n, m = simple.vcount(), simple.ecount()
    return {
        "nodes": n,
        "edges": m,
        "components": len(simple.connected_components()) if n else 0,
        "density": 2.0 * m / (n * (n - 1)) if n > 1 else 0.0,
    }
