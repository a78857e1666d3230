"""Structural holes: Burt's constraint and effective size of an ego network.

A firm whose partners are not partners of one another spans structural
holes: it hears non-redundant news and can broker between them. Computed on
the simple graph (see :func:`bioregion.analysis.network.simple_graph`).
"""

from __future__ import annotations

import igraph as ig
import numpy as np

from ._csr import to_csr
from .centrality import _has_numba, _kernels
from .network import _as_simple, _by_name, simple_graph

__all__ = ["constraint", "effective_size"]


def constraint(graph: ig.Graph, weight: str | None = None) -> dict[str, float]:
    """Burt's constraint of each node; NaN for isolates, as ``networkx.constraint``.

    ``c_u = sum_v (p_uv + sum_w p_uw p_wv)^2`` with ``p_uv`` the share of
    ``u``'s tie weight going to ``v``. Unweighted by default, as NetworkX.

    Parameters
    ----------
    graph : igraph.Graph
        Any graph; computed on its simple graph.
    weight : {None, "weight"} or str, optional
        ``None`` treats every tie alike; ``"weight"`` uses the merged
        multi-edge count; another name sums that edge attribute.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American
       Journal of Sociology*, 110(2), 349-399.
    """
    simple = _as_simple(graph) if weight in (None, "weight") else simple_graph(graph, weight)
    use = None if weight is None else "weight"
    if use and use not in simple.es.attributes():
        use = None
    if not _has_numba():
        values = np.asarray(simple.constraint(weights=use), float)
        values[np.asarray(simple.degree()) == 0] = np.nan
        return _by_name(graph, values)
    csr = to_csr(simple, use)
    kernels = _kernels()
    return _by_name(graph, kernels.constraint(csr.indptr, csr.indices, csr.weights, kernels.threads()))


def effective_size(graph: ig.Graph) -> dict[str, float]:
    """Burt's effective size, ``d - 2t/d`` (Borgatti 1997); NaN for isolates.

    ``d`` is the degree and ``t`` the number of ties among the neighbours, as
    ``networkx.effective_size`` computes it on unweighted undirected graphs.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's
       redundancy measures. *Connections*, 20(1), 35-38.
    """
    simple = _as_simple(graph)
    d = np.asarray(simple.degree(), float)
    local = np.asarray(simple.transitivity_local_undirected(mode="zero"))
    ties = local * d * (d - 1) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        size = np.where(d > 0, d - 2 * ties / d, np.nan)
    return _by_name(graph, size)
