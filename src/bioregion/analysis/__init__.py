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
from .portfolio import blau_index
from .openness import open_innovation_modes, openness_agreement
from .business_models import classify_business_model, fipco_share
from .triple_helix import sphere_counts, transmission, triple_helix_table
from .regional import (
    compare_regions,
    composite_index,
    location_quotients,
    performance_group,
    revealed_technological_advantage,
    scoreboard,
)
from .partners import partner_candidates

__all__ = [
    "betweenness", "brokerage_roles", "closeness", "clustering", "components",
    "consortium_projection", "constraint", "core_number", "degree", "ego_network",
    "effective_size", "eigenvector", "graph_summary", "interregional_matrix", "leiden",
    "node_metrics", "pagerank", "program_projection", "project_two_mode", "simple_graph",
    "strength", "tie_geography",
    # Topic functions named like their module (openness.openness, portfolio.portfolio,
    # business_models.business_models, triple_helix.triple_helix, hypotheses.hypotheses) are
    # imported from the module, so the submodules stay reachable as attributes.
    "attachment_logics", "entry_cohorts", "snapshots", "blau_index", "open_innovation_modes",
    "openness_agreement", "classify_business_model", "fipco_share", "sphere_counts", "transmission",
    "triple_helix_table", "compare_regions", "composite_index", "location_quotients", "performance_group",
    "revealed_technological_advantage", "scoreboard", "partner_candidates",
]
