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
from .temporal import attachment_logics, entry_cohorts, snapshots
from .portfolio import blau_index, portfolio
from .openness import openness, openness_agreement
from .business_models import business_models, fipco_share
from .triple_helix import transmission, triple_helix, triple_helix_table
from .regional import (
    compare_regions,
    composite_index,
    location_quotients,
    performance_group,
    revealed_technological_advantage,
    scoreboard,
)
from .hypotheses import hypotheses
from .partners import partner_candidates

__all__ = [
    "betweenness", "brokerage_roles", "closeness", "clustering", "components",
    "consortium_projection", "constraint", "core_number", "degree", "ego_network",
    "effective_size", "eigenvector", "graph_summary", "interregional_matrix", "leiden",
    "node_metrics", "pagerank", "program_projection", "project_two_mode", "simple_graph",
    "strength", "tie_geography",
    # time, portfolio, openness, business models, triple helix, regions, hypotheses, partners
    "attachment_logics", "entry_cohorts", "snapshots", "blau_index", "portfolio", "openness",
    "openness_agreement", "business_models", "fipco_share", "transmission", "triple_helix",
    "triple_helix_table", "compare_regions", "composite_index", "location_quotients", "performance_group",
    "revealed_technological_advantage", "scoreboard", "hypotheses", "partner_candidates",
]
