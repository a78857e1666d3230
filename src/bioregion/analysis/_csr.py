"""Compressed sparse row (CSR) arrays of an undirected igraph graph, for the kernels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import igraph as ig
import numpy as np


@dataclass(frozen=True)
class CSR:
    """Both directions of every edge, sorted by source.

    ``indices[indptr[v]:indptr[v + 1]]`` are the neighbours of ``v`` and
    ``weights`` the matching edge weights (ones when unweighted).
    """

    indptr: np.ndarray
    indices: np.ndarray
    weights: np.ndarray
    #: the source vertex of each entry of ``indices``
    sources: np.ndarray

    @property
    def n(self) -> int:
        return self.indptr.size - 1

    @property
    def degree(self) -> np.ndarray:
        return np.diff(self.indptr)


def edge_array(graph: ig.Graph) -> np.ndarray:
    """The ``(m, 2)`` int64 array of edge endpoints."""
    m = graph.ecount()
    flat = np.fromiter(itertools.chain.from_iterable(graph.get_edgelist()), np.int64, 2 * m)
    return flat.reshape(m, 2)


def to_csr(graph: ig.Graph, weight: str | None = None) -> CSR:
    """CSR arrays of a simple undirected graph; ``weight`` names an edge attribute."""
    edges = edge_array(graph)
    n = graph.vcount()
    src = np.concatenate([edges[:, 0], edges[:, 1]])
    dst = np.concatenate([edges[:, 1], edges[:, 0]])
    w = np.ones(edges.shape[0]) if weight is None else np.asarray(graph.es[weight], float)
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return CSR(
        indptr, dst[order].astype(np.int32), np.concatenate([w, w])[order], src[order].astype(np.int32)
    )


def spmv(csr: CSR, x: np.ndarray) -> np.ndarray:
    """``A @ x`` for the symmetric weighted adjacency matrix ``A``."""
    return np.bincount(csr.sources, weights=x[csr.indices] * csr.weights, minlength=csr.n)
