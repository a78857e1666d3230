"""Network analytics suite: bioregion vs NetworkX, python-igraph and NetworKit, same run.

Usage::

    python benchmarks/network/bench_suite.py [--sizes 10000,100000,1000000] [--seed 0]

For each size a synthetic scale-free alliance network is generated
(:mod:`generate`), then each contender runs the same suite in its own
subprocess: degree, PageRank, k-core, clustering, components, communities,
constraint and betweenness (exact below 20k nodes, 256 sampled pivots from
20k nodes up). Graph construction is not timed; the numba kernels are warmed
on a tiny graph first (as an installed package with its on-disk cache).
Peak memory is the subprocess's ``ru_maxrss``. A contender is skipped where it
would take over 10 minutes (predicted from the previous size: x10 edges, and
exact betweenness rescaled to 256 pivots when the size switches to sampling), and
NetworkX's constraint above 10k edges (hubs make it quadratic); NetworKit has
no constraint.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CONTENDERS = ("bioregion", "igraph", "networkit", "networkx")
STEPS = ("degree", "pagerank", "kcore", "clustering", "components", "communities",
         "constraint", "betweenness")
EXACT_BELOW = 20_000
PIVOTS = 256
LIMIT = 600.0


def suite_bioregion(n, edges, pivots):
    import igraph as ig
    from bioregion import analysis as a

    warm = ig.Graph.Famous("Zachary")
    a.constraint(warm), a.betweenness(warm, k=5, seed=0)
    g = ig.Graph(n=n, edges=edges.tolist())
    g.vs["name"] = [str(i) for i in range(n)]
    k = None if pivots is None else len(pivots)
    return {
        "degree": lambda: a.degree(g), "pagerank": lambda: a.pagerank(g),
        "kcore": lambda: a.core_number(g), "clustering": lambda: a.clustering(g),
        "components": lambda: a.components(g), "communities": lambda: a.leiden(g, seed=0),
        "constraint": lambda: a.constraint(g),
        "betweenness": lambda: a.betweenness(g, k=k, seed=0),
    }


def suite_igraph(n, edges, pivots):
    import igraph as ig

    g = ig.Graph(n=n, edges=edges.tolist())
    sources = None if pivots is None else pivots.tolist()
    return {
        "degree": g.degree, "pagerank": g.pagerank, "kcore": g.coreness,
        "clustering": lambda: g.transitivity_local_undirected(mode="zero"),
        "components": g.connected_components,
        "communities": lambda: g.community_leiden(objective_function="modularity"),
        "constraint": g.constraint,
        "betweenness": lambda: g.betweenness(directed=False, sources=sources),
    }


def suite_networkit(n, edges, pivots):
    import networkit as nk

    g = nk.Graph(n)
    g.addEdges((np.ascontiguousarray(edges[:, 0]), np.ascontiguousarray(edges[:, 1])))
    c = nk.centrality
    between = (lambda: c.Betweenness(g, normalized=True).run()) if pivots is None else (
        lambda: c.EstimateBetweenness(g, len(pivots), normalized=True, parallel=True).run())
    return {
        "degree": lambda: c.DegreeCentrality(g).run(), "pagerank": lambda: c.PageRank(g).run(),
        "kcore": lambda: c.CoreDecomposition(g).run(),
        "clustering": lambda: c.LocalClusteringCoefficient(g).run(),
        "components": lambda: nk.components.ConnectedComponents(g).run(),
        "communities": lambda: nk.community.ParallelLeiden(g).run(),
        "constraint": None, "betweenness": between,
    }


def suite_networkx(n, edges, pivots):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    k = None if pivots is None else len(pivots)
    return {
        "degree": lambda: dict(g.degree()), "pagerank": lambda: nx.pagerank(g),
        "kcore": lambda: nx.core_number(g), "clustering": lambda: nx.clustering(g),
        "components": lambda: list(nx.connected_components(g)),
        "communities": lambda: nx.community.louvain_communities(g, seed=0),
        "constraint": (lambda: nx.constraint(g)) if len(edges) <= 10_000 else None,
        "betweenness": lambda: nx.betweenness_centrality(g, k=k, seed=0),
    }


def run_one(name: str, path: str) -> None:
    data = np.load(path)
    n, edges = int(data["n"]), data["edges"]
    pivots = None if n < EXACT_BELOW else np.random.default_rng(0).choice(n, PIVOTS, replace=False)
    suite = globals()[f"suite_{name}"](n, edges, pivots)
    times = {}
    for step in STEPS:
        if suite[step] is None:
            times[step] = None
            continue
        start = time.perf_counter()
        suite[step]()
        times[step] = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"times": times, "peak_mib": peak}))


def spawn(name: str, path: str) -> dict | None:
    try:
        out = subprocess.run([sys.executable, __file__, "--run", name, path], capture_output=True,
                             text=True, timeout=LIMIT * 1.5, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--contenders", default=",".join(CONTENDERS))
    parser.add_argument("--run", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        return run_one(*args.run)
    from generate import alliance_edges

    previous: dict[str, dict] = {}
    print(f"cores: {os.cpu_count()}; times in seconds; ratio = contender / bioregion")
    for size in map(int, args.sizes.split(",")):
        n, edges = alliance_edges(size, seed=args.seed)
        mode = "exact" if n < EXACT_BELOW else f"{PIVOTS} pivots"
        print(f"\n== {len(edges)} edges, {n} nodes, betweenness {mode}")
        with tempfile.TemporaryDirectory() as tmp:
            path = f"{tmp}/graph.npz"
            np.savez(path, n=n, edges=edges)
            results = {}
            for name in args.contenders.split(","):
                guess = predict(previous.get(name), n)
                if guess > LIMIT:
                    print(f"{name:10s} skipped: predicted {guess:.0f} s, over {LIMIT:.0f} s "
                          "(from the previous size, x10 edges)")
                    continue
                results[name] = spawn(name, path)
                if results[name] is None:
                    print(f"{name:10s} skipped: over {LIMIT * 1.5:.0f} s")
            report(results, previous, n)


def predict(last: dict | None, n: int) -> float:
    """Seconds at 10x the edges of the previous size."""
    if not last:
        return 0.0
    times = {k: v for k, v in last["times"].items() if v is not None}
    between = times.pop("betweenness", 0.0)
    if last["n"] < EXACT_BELOW <= n:
        between *= PIVOTS / last["n"]
    return 10 * (sum(times.values()) + between)


def report(results: dict, previous: dict, n: int) -> None:
    done = {k: v for k, v in results.items() if v}
    header = f"{'step':12s}" + "".join(f"{k:>12s}" for k in done)
    print(header)
    for step in STEPS:
        cells = [v["times"][step] for v in done.values()]
        print(f"{step:12s}" + "".join(f"{c:12.3f}" if c is not None else f"{'n/a':>12s}" for c in cells))
    ours = done.get("bioregion")
    for name, res in done.items():
        total = sum(t for t in res["times"].values() if t is not None)
        previous[name] = {"times": res["times"], "n": n}
        steps = [s for s in STEPS if res["times"][s] is not None]
        line = f"{name:10s} total {total:9.3f} s  peak {res['peak_mib']:8.0f} MiB"
        if ours and name != "bioregion":
            mine = sum(ours["times"][s] for s in steps)
            line += f"  ratio {total / mine:8.1f}x (on its {len(steps)} steps)"
        print(line)


if __name__ == "__main__":
    main()
