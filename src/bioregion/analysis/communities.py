"""Communities: the Leiden algorithm on the simple graph, seeded."""

from __future__ import annotations

import random

import igraph as ig

from ..errors import ValidationError
from .network import _by_name, rank_by_size, simple_graph

__all__ = ["leiden"]


def leiden(
    graph: ig.Graph,
    resolution: float = 1.0,
    seed: int = 0,
    weight: str | None = "weight",
    n_iterations: int = 2,
) -> dict[str, int]:
    """Community of each node by Leiden modularity optimisation (Traag et al. 2019).

    Parameters
    ----------
    graph : igraph.Graph
        Any graph; run on its simple graph.
    resolution : float
        Modularity resolution (higher gives more, smaller communities).
    seed : int
        Seed of igraph's random generator for this call only (restored after).
    weight : str, optional
        ``"weight"`` uses the merged multi-edge count; ``None`` ignores it.
    n_iterations : int
        Leiden iterations (negative: until stable).

    Returns
    -------
    dict
        ``{node: community}``, communities numbered 0.. by decreasing size.

    References
    ----------
    .. [1] Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to
       Leiden: guaranteeing well-connected communities. *Scientific Reports*, 9, 5233.
    """
    if resolution <= 0:
        raise ValidationError(f"resolution must be positive, got {resolution}")
    simple = simple_graph(graph) if not graph.is_simple() or graph.is_directed() else graph
    weights = weight if weight and weight in simple.es.attributes() else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = simple.community_leiden(
            objective_function="modularity",
            weights=weights,
            resolution=resolution,
            n_iterations=n_iterations,
        )
    finally:
        ig.set_random_number_generator(random)
    return _by_name(graph, rank_by_size(parts.membership))
