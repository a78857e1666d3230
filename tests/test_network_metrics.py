"""Every network metric against NetworkX on random and classic graphs."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from bioregion import analysis as a
from bioregion.analysis.metrics import node_metrics


def to_igraph(G: nx.Graph) -> ig.Graph:
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    g.vs["name"] = [str(v) for v in nodes]
    return g


def random_graphs():
    """Connected, disconnected, with isolates, and a multigraph with loops."""
    yield "er-connected", nx.gnm_random_graph(60, 200, seed=1)
    yield "er-sparse", nx.gnm_random_graph(80, 70, seed=2)  # several components, isolates
    yield "ba", nx.barabasi_albert_graph(120, 2, seed=3)
    G = nx.gnm_random_graph(40, 60, seed=4)
    G.add_nodes_from(range(40, 45))  # isolates
    yield "isolates", G
    yield "kite", nx.krackhardt_kite_graph()
    yield "florentine", nx.florentine_families_graph()
    yield "bipartite-path", nx.path_graph(7)


REFERENCE = {
    "degree": lambda G: dict(G.degree()),
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
    "eigenvector": nx.eigenvector_centrality,
    "pagerank": nx.pagerank,
    "core_number": nx.core_number,
    "clustering": nx.clustering,
    "constraint": nx.constraint,
}
TOLERANCE = {"eigenvector": 1e-4, "pagerank": 1e-4}


def assert_close(ours: dict, theirs: dict, tol: float) -> None:
    assert set(ours) == {str(v) for v in theirs}
    for node, expected in theirs.items():
        value = ours[str(node)]
        if isinstance(expected, float) and math.isnan(expected):
            assert math.isnan(value), node
        else:
            assert value == pytest.approx(expected, abs=tol), node


@pytest.mark.parametrize("name,G", list(random_graphs()), ids=[n for n, _ in random_graphs()])
def test_node_metrics_equal_networkx(name, G):
    table, summary = node_metrics(to_igraph(G))
    for metric, reference in REFERENCE.items():
        assert_close(table[metric].to_dict(), reference(G), TOLERANCE.get(metric, 1e-6))
    assert summary["nodes"] == G.number_of_nodes()
    assert summary["edges"] == G.number_of_edges()
    assert summary["components"] == nx.number_connected_components(G)
    assert summary["density"] == pytest.approx(nx.density(G))


@pytest.mark.parametrize("name,G", list(random_graphs()), ids=[n for n, _ in random_graphs()])
def test_library_functions_equal_networkx(name, G):
    g = to_igraph(G)
    assert_close(a.betweenness(g), nx.betweenness_centrality(G), 1e-6)
    assert_close(a.closeness(g), nx.closeness_centrality(G), 1e-6)
    assert_close(a.eigenvector(g), nx.eigenvector_centrality(G), 1e-4)
    assert_close(a.pagerank(g), nx.pagerank(G), 1e-4)
    assert_close(a.core_number(g), nx.core_number(G), 0)
    assert_close(a.clustering(g), nx.clustering(G), 1e-9)
    assert_close(a.constraint(g), nx.constraint(G), 1e-9)
    assert_close(a.effective_size(g), nx.effective_size(G), 1e-9)
    assert_close(a.degree(g), dict(G.degree()), 0)


def test_multigraph_is_reduced_to_the_simple_graph():
    M = nx.MultiGraph(nx.gnm_random_graph(50, 120, seed=5))
    M.add_edges_from([(0, 1), (0, 1), (2, 2), (3, 3), (4, 5)])
    G = nx.Graph(M)
    G.remove_edges_from(nx.selfloop_edges(G))
    g = to_igraph(M)
    table, _ = node_metrics(g)
    for metric in ("degree", "betweenness", "closeness", "constraint", "clustering"):
        assert_close(table[metric].to_dict(), REFERENCE[metric](G), 1e-6)
    assert_close(table["pagerank"].to_dict(), nx.pagerank(G), 1e-4)
    strength = a.strength(g)
    assert strength["0"] == M.degree(0) and strength["2"] == M.degree(2) - 2


def test_weighted_pagerank_and_constraint_follow_networkx():
    G = nx.gnm_random_graph(40, 90, seed=6)
    rng = np.random.default_rng(6)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 5))
    g = to_igraph(G)
    g.es["weight"] = [G[u][v]["weight"] for u, v in G.edges()]
    assert_close(a.pagerank(a.simple_graph(g, "weight")), nx.pagerank(G), 1e-4)
    assert_close(a.constraint(g, weight="weight"), nx.constraint(G, weight="weight"), 1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sampled_betweenness_with_every_node_as_pivot_is_exact(seed):
    G = nx.gnm_random_graph(70, 110, seed=seed)
    g = to_igraph(G)
    assert_close(a.betweenness(g, k=70, seed=seed), nx.betweenness_centrality(G), 1e-9)


def test_sampled_betweenness_scales_like_networkx():
    G = nx.gnm_random_graph(90, 250, seed=7)
    g = to_igraph(G)
    ours = a.betweenness(g, k=30, seed=1)
    exact = nx.betweenness_centrality(G)
    # an unbiased estimate: close in total, not node by node
    assert sum(ours.values()) == pytest.approx(sum(exact.values()), rel=0.25)
    assert sum(ours.values()) != pytest.approx(sum(exact.values()), rel=1e-9)


def test_components_leiden_and_ego_network():
    G = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(4))
    G.add_edge(0, 6)
    g = to_igraph(G)
    parts = a.leiden(g, seed=3)
    assert parts == a.leiden(g, seed=3)
    assert len({parts[str(v)] for v in range(6)}) == 1 and parts["0"] != parts["7"]
    assert a.components(to_igraph(nx.disjoint_union(G, nx.path_graph(2))))["11"] == 1
    ego = a.ego_network(g, "0")
    assert sorted(ego.vs["name"]) == sorted(str(v) for v in [0, *G[0]])


def test_two_mode_projection_counts_shared_affiliations():
    pairs = [("a", "p1"), ("b", "p1"), ("a", "p2"), ("b", "p2"), ("c", "p2"), ("d", "p3")]
    g = a.project_two_mode(pairs)
    B = nx.Graph(pairs)
    P = nx.bipartite.weighted_projected_graph(B, ["a", "b", "c", "d"])
    weights = {frozenset((g.vs[e.source]["name"], g.vs[e.target]["name"])): e["weight"] for e in g.es}
    assert weights == {frozenset((u, v)): d["weight"] for u, v, d in P.edges(data=True)}
    assert "d" in g.vs["name"]


def test_without_numba_igraph_gives_the_same_values(monkeypatch):
    from bioregion.analysis import centrality, metrics, structural_holes

    for module in (centrality, metrics, structural_holes):
        monkeypatch.setattr(module, "_has_numba", lambda: False)
    G = nx.florentine_families_graph()
    G.add_node("isolated")
    g = to_igraph(G)
    table, _ = node_metrics(g)
    for metric in ("betweenness", "closeness", "constraint"):
        assert_close(table[metric].to_dict(), REFERENCE[metric](G), 1e-6)
    assert_close(a.betweenness(g), nx.betweenness_centrality(G), 1e-6)
    assert_close(a.closeness(g), nx.closeness_centrality(G), 1e-6)
