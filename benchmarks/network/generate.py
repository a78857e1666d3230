"""Synthetic scale-free alliance networks for the network benchmark.

A Chung-Lu graph (Chung & Lu 2002) with power-law expected degrees
(exponent ``gamma``) whose ties mostly stay inside one of ``regions`` blocks,
as alliance networks cluster regionally ("local buzz", Bathelt et al. 2004).
Self-loops and repeated pairs are dropped, so the edge count is a little
below the request. Deterministic for a given seed.
"""

from __future__ import annotations

import numpy as np


def alliance_edges(
    edges: int,
    *,
    mean_degree: float = 5.0,
    gamma: float = 2.5,
    regions: int = 50,
    local_share: float = 0.8,
    seed: int = 0,
) -> tuple[int, np.ndarray]:
    """Return ``(n, edge_array)`` of a simple undirected scale-free graph."""
    rng = np.random.default_rng(seed)
    n = int(round(2 * edges / mean_degree))
    weight = (np.arange(n) + 10.0) ** (-1.0 / (gamma - 1.0))
    region = rng.integers(0, regions, n)
    draw = int(edges * 1.25)
    src = rng.choice(n, draw, p=weight / weight.sum())
    local = rng.random(draw) < local_share
    dst = rng.choice(n, draw, p=weight / weight.sum())
    # local ties: redraw the target inside the source's region
    order = np.argsort(region, kind="stable")
    bounds = np.searchsorted(region[order], np.arange(regions + 1))
    cum = np.cumsum(weight[order])
    lo, hi = bounds[region[src[local]]], bounds[region[src[local]] + 1]
    base = np.where(lo > 0, cum[np.maximum(lo - 1, 0)], 0.0)
    u = base + rng.random(local.sum()) * (cum[hi - 1] - base)
    dst[local] = order[np.minimum(np.searchsorted(cum, u), hi - 1)]
    pairs = np.sort(np.stack([src, dst], axis=1), axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(pairs, axis=0)
    pairs = pairs[rng.permutation(len(pairs))[:edges]]
    return n, pairs
