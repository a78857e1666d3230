"""Centrality of a node: betweenness, closeness, eigenvector, PageRank.

Each function returns the value NetworkX's function of the same name gives
with default arguments on the undirected simple graph (see
:func:`bioregion.analysis.network.simple_graph`), computed on compiled code:
igraph, numpy array passes, or the numba kernels of
:mod:`bioregion.analysis._kernels` when numba is installed.
"""

from __future__ import annotations

from typing import Any

import igraph as ig
import numpy as np

from ..errors import BioregionError, MissingExtraError
from ._csr import CSR, spmv, to_csr
from .network import _as_simple, _by_name

__all__ = ["betweenness", "closeness", "eigenvector", "pagerank", "shortest_path_pass"]


def _kernels() -> Any:
    try:
        from . import _kernels
    except ImportError as error:
        raise MissingExtraError("numba", "analysis") from error
    return _kernels


def _has_numba() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


def shortest_path_pass(csr: CSR, pivots: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Breadth-first passes from ``pivots`` on both cores (Brandes 2001).

    Returns the dependency sums per node and, per pivot, the summed distance to
    and the number of reached nodes.
    """
    kernels = _kernels()
    chunks = max(1, min(kernels.threads(), pivots.size))
    return kernels.brandes(csr.indptr, csr.indices, pivots.astype(np.int32), chunks)


def betweenness(
    graph: ig.Graph, k: int | None = None, seed: int | None = None
) -> dict[str, float]:
    """Normalised shortest-path betweenness (Freeman 1977), as NetworkX.

    Parameters
    ----------
    graph : igraph.Graph
        Any graph; computed on its simple graph, unweighted.
    k : int, optional
        Number of sampled pivots (sources). ``None`` is exact. Sampled values
        are scaled as ``networkx.betweenness_centrality(G, k=k)`` scales them
        (Brandes & Pich 2007), so ``k = n`` gives the exact values.
    seed : int, optional
        Seed of the pivot sample (numpy ``default_rng``).

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on
       betweenness. *Sociometry*, 40(1), 35-41.
    .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology*, 25(2), 163-177.
    .. [3] Brandes, U., & Pich, C. (2007). Centrality estimation in large
       networks. *International Journal of Bifurcation and Chaos*, 17(7).
    """
    simple = _as_simple(graph)
    n = simple.vcount()
    if n <= 2:
        return _by_name(graph, np.zeros(n))
    if k is None and not _has_numba():
        raw = 2.0 * np.asarray(simple.betweenness(directed=False), float)
        return _by_name(graph, raw / ((n - 1) * (n - 2)))
    pivots = _pivots(n, k, seed)
    raw, _, _ = shortest_path_pass(to_csr(simple), pivots)
    return _by_name(graph, raw * _pivot_scale(n, pivots))


def _pivots(n: int, k: int | None, seed: int | None) -> np.ndarray:
    if k is None or k >= n:
        return np.arange(n, dtype=np.int32)
    if k < 1:
        raise BioregionError(f"betweenness needs at least 1 pivot, got k={k}: pass k >= 1")
    return np.random.default_rng(seed).choice(n, size=k, replace=False).astype(np.int32)


def _pivot_scale(n: int, pivots: np.ndarray) -> np.ndarray:
    """NetworkX's rescaling with sampled sources and endpoints excluded."""
    k = pivots.size
    scale = np.full(n, 1.0 / (k * (n - 2)))
    scale[pivots] = 1.0 / ((k - 1) * (n - 2)) if k > 1 else np.nan
    return scale


def closeness(graph: ig.Graph) -> dict[str, float]:
    """Closeness (Freeman 1979) with Wasserman & Faust's correction, as NetworkX.

    ``(r - 1) / sum_d * (r - 1) / (n - 1)`` where ``r`` nodes are reachable
    (the node itself included); 0 for isolates.

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks*, 1(3), 215-239.
    .. [2] Wasserman, S., & Faust, K. (1994). *Social Network Analysis*.
       Cambridge University Press.
    """
    simple = _as_simple(graph)
    n = simple.vcount()
    if _has_numba():
        _, distsum, reach = shortest_path_pass(to_csr(simple), np.arange(n, dtype=np.int32))
    else:
        dist = np.asarray(simple.distances(), float)
        finite = np.isfinite(dist)
        distsum, reach = np.where(finite, dist, 0).sum(axis=1), finite.sum(axis=1)
    return _by_name(graph, closeness_from_distances(distsum, reach, n))


def closeness_from_distances(distsum: np.ndarray, reach: np.ndarray, n: int) -> np.ndarray:
    """NetworkX's ``wf_improved`` closeness from distance sums and reach counts."""
    with np.errstate(divide="ignore", invalid="ignore"):
        value = (reach - 1.0) / distsum * (reach - 1.0) / max(n - 1, 1)
    return np.where(distsum > 0, value, 0.0)


def eigenvector(graph: ig.Graph, max_iter: int = 100, tol: float = 1e-6) -> dict[str, float]:
    """Eigenvector centrality (Bonacich 1987) by NetworkX's power iteration.

    Iterates ``x <- (A + I) x / ||(A + I) x||`` from the uniform vector until the
    L1 change is below ``n * tol``, exactly as ``networkx.eigenvector_centrality``
    (so disconnected and bipartite graphs give NetworkX's values, which differ
    from igraph's scaling).

    Raises
    ------
    BioregionError
        When the iteration does not converge in ``max_iter`` steps.

    References
    ----------
    .. [1] Bonacich, P. (1987). Power and centrality: a family of measures.
       *American Journal of Sociology*, 92(5), 1170-1182.
    """
    values, converged = eigenvector_iteration(to_csr(_as_simple(graph)), max_iter, tol)
    if not converged:
        raise BioregionError(
            f"eigenvector centrality did not converge in {max_iter} iterations: raise max_iter"
        )
    return _by_name(graph, values)


def eigenvector_iteration(csr: CSR, max_iter: int = 100, tol: float = 1e-6) -> tuple[np.ndarray, bool]:
    """NetworkX's power iteration on CSR arrays; returns ``(x, converged)``."""
    n = csr.n
    x = np.full(n, 1.0 / max(n, 1))
    for _ in range(max_iter):
        last = x
        x = last + spmv(csr, last)
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            return x, True
    return x, False


def pagerank(
    graph: ig.Graph,
    alpha: float = 0.85,
    weight: str | None = "weight",
    max_iter: int = 100,
    tol: float = 1e-6,
) -> dict[str, float]:
    """PageRank (Brin & Page 1998) by NetworkX's iteration, dangling nodes uniform.

    Uses the simple graph's ``weight`` (merged multi-edge count or summed
    weight) when present, like NetworkX's default ``weight="weight"``; pass
    ``weight=None`` for the unweighted ranking.

    References
    ----------
    .. [1] Brin, S., & Page, L. (1998). The anatomy of a large-scale
       hypertextual web search engine. *Computer Networks*, 30, 107-117.
    """
    simple = _as_simple(graph)
    use = weight if weight in simple.es.attributes() else None
    values, converged = pagerank_iteration(to_csr(simple, use), alpha, max_iter, tol)
    if not converged:
        raise BioregionError(f"PageRank did not converge in {max_iter} iterations: raise max_iter")
    return _by_name(graph, values)


def pagerank_iteration(
    csr: CSR, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-6
) -> tuple[np.ndarray, bool]:
    """NetworkX's scipy PageRank iteration on CSR arrays; returns ``(x, converged)``."""
    n = csr.n
    if n == 0:
        return np.zeros(0), True
    out = np.bincount(csr.sources, weights=csr.weights, minlength=n)
    dangling = out == 0
    inv = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (spmv(csr, last * inv) + last[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            return x, True
    return x, False
