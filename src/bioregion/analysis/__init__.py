"""Ecosystem analytics: networks, brokerage, time, portfolios, openness, business models, triple helix, regions, hypotheses, partners."""

from .brokerage import brokerage_roles, interregional_matrix, tie_geography
from .centrality import betweenness, closeness, eigenvector, pagerank
from .communities import leiden
from .metrics import node_metrics
from .network import (
    clustering,
    components,
    core_number,
    degree,
    ego_network,
    graph_summary,
    simple_graph,
    strength,
)
from .projections import consortium_projection, program_projection, project_two_mode
from .structural_holes import constraint, effective_size

__all__ = [
    "betweenness", "brokerage_roles", "closeness", "clustering", "components",
    "consortium_projection", "constraint", "core_number", "degree", "ego_network",
    "effective_size", "eigenvector", "graph_summary", "interregional_matrix", "leiden",
    "node_metrics", "pagerank", "program_projection", "project_two_mode", "simple_graph",
    "strength", "tie_geography",
]
