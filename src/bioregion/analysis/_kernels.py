"""Compiled kernels over CSR arrays (numba, parallel over both cores).

Imported lazily: numba is optional (``pip install 'bioregion[analysis]'``).
Functions are compiled on first use and cached on disk.
"""

from __future__ import annotations

import numba
import numpy as np
from numba import njit, prange


@njit(parallel=True, cache=True)
def brandes(indptr, indices, pivots, chunks):  # pragma: no cover - compiled
    """Brandes (2001) accumulation from ``pivots`` on an unweighted graph.

    Returns the summed dependencies per node (sources excluded, ordered pairs
    as NetworkX counts them), and per pivot the sum of distances to, and the
    number of, the nodes it reaches (itself included).
    """
    n = indptr.size - 1
    k = pivots.size
    partial = np.zeros((chunks, n))
    distsum = np.zeros(k)
    reach = np.zeros(k, np.int64)
    for c in prange(chunks):
        dist = np.full(n, -1, np.int32)
        sigma = np.zeros(n)
        delta = np.zeros(n)
        order = np.empty(n, np.int32)
        acc = partial[c]
        for p in range(c, k, chunks):
            s = pivots[p]
            dist[s] = 0
            sigma[s] = 1.0
            order[0] = s
            head, tail = 0, 1
            while head < tail:
                v = order[head]
                head += 1
                dv = dist[v]
                for e in range(indptr[v], indptr[v + 1]):
                    w = indices[e]
                    if dist[w] < 0:
                        dist[w] = dv + 1
                        order[tail] = w
                        tail += 1
                    if dist[w] == dv + 1:
                        sigma[w] += sigma[v]
            total = 0.0
            for i in range(tail - 1, -1, -1):
                w = order[i]
                dw = dist[w]
                total += dw
                coeff = (1.0 + delta[w]) / sigma[w]
                for e in range(indptr[w], indptr[w + 1]):
                    v = indices[e]
                    if dist[v] == dw - 1:
                        delta[v] += sigma[v] * coeff
                if w != s:
                    acc[w] += delta[w]
            distsum[p] = total
            reach[p] = tail
            for i in range(tail):
                w = order[i]
                dist[w] = -1
                sigma[w] = 0.0
                delta[w] = 0.0
    return partial.sum(axis=0), distsum, reach


@njit(parallel=True, cache=True)
def constraint(indptr, indices, weights, chunks):  # pragma: no cover - compiled
    """Burt's (1992) constraint of every node of an undirected weighted graph.

    ``p_uv = w_uv / s_u`` and ``c_u = sum_v (p_uv + sum_w p_uw p_wv)^2`` over
    the neighbours ``v`` of ``u`` and their common neighbours ``w``; NaN for
    isolates, as NetworkX gives.
    """
    n = indptr.size - 1
    strength = np.zeros(n)
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            strength[u] += weights[e]
    out = np.full(n, np.nan)
    for c in prange(chunks):
        mark = np.zeros(n)
        for u in range(c, n, chunks):
            if indptr[u + 1] == indptr[u]:
                continue
            su = strength[u]
            for e in range(indptr[u], indptr[u + 1]):
                mark[indices[e]] = weights[e] / su
            total = 0.0
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                indirect = 0.0
                for f in range(indptr[v], indptr[v + 1]):
                    w = indices[f]
                    if mark[w] > 0.0:
                        indirect += mark[w] * weights[f] / strength[w]
                total += (mark[v] + indirect) ** 2
            out[u] = total
            for e in range(indptr[u], indptr[u + 1]):
                mark[indices[e]] = 0.0
    return out


def threads() -> int:
    """The number of threads numba runs on."""
    return numba.get_num_threads()
