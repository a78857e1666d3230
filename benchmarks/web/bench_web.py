"""Dashboard speed on a synthetic ecosystem (a benchmark, not a test).

Builds a SQLite store of 10,000 organisations and 50,000 relations, serves it
with uvicorn on loopback in a separate process, and measures with 50 concurrent
clients the p50/p95 latency of list, profile and API endpoints (target p95 <
100 ms), then the time for headless Chromium to show the 2,000-node network map
(target < 2 s). Run: ``.venv/bin/python benchmarks/web/bench_web.py [--orgs N --relations M]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ["new_biotech_firm", "biotech", "big_pharma", "university", "research_institute", "venture_capital", "cro",
         "hospital", "government_agency"]
TYPES = {"license": ("licensor", "licensee"), "rd_collaboration": ("partner", "partner"),
         "venture_round": ("investor", "investee"), "contract_services": ("client", "provider"),
         "acquisition": ("acquirer", "target")}
STAGES = ["discovery", "preclinical", "phase1", "phase2", "phase3", "approved"]


def synthetic_records(orgs: int, relations: int, seed: int) -> dict[str, list[dict]]:
    """A random ecosystem with preferential attachment, so a few hubs dominate as in real ones."""
    rng = random.Random(seed)
    regions = [{"id": f"R{i}", "name": f"Region {i}", "level": 1} for i in range(20)]
    org_rows = [{"id": f"o{i}", "name": f"Org {i} {rng.choice(['Bio', 'Pharma', 'Therapeutics', 'Labs'])}",
                 "kind": rng.choice(KINDS), "region_id": f"R{rng.randrange(20)}", "founded": str(rng.randint(1950, 2015))}
                for i in range(orgs)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(orgs)]
    ids = [o["id"] for o in org_rows]
    rel_rows, parties, terms = [], [], []
    for r in range(relations):
        kind = rng.choice(list(TYPES))
        a, b = rng.choices(ids, weights=weights, k=2)
        if a == b:
            b = ids[(ids.index(a) + 1) % orgs]
        rid = f"r{r}"
        rel_rows.append({"id": rid, "type": kind, "date_announced": str(rng.randint(1985, 2016)),
                         "stage_at_signing": rng.choice(STAGES)})
        roles = TYPES[kind]
        parties += [{"relation_id": rid, "organisation_id": a, "role": roles[0]},
                    {"relation_id": rid, "organisation_id": b, "role": roles[1]}]
        if r % 5 == 0:
            terms.append({"relation_id": rid, "component": "upfront", "amount": rng.randint(1, 500) * 1e6, "currency": "USD"})
    return {"regions": regions, "organisations": org_rows, "relations": rel_rows, "parties": parties, "terms": terms}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from bioregion.web import create_app; "
            f"uvicorn.run(create_app({db!r}, recheck_seconds=3600), host='127.0.0.1', port={port}, log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code])


async def _load(base: str, paths: list[str], clients: int, total: int, limit_s: float) -> list[float]:
    import httpx

    latencies: list[float] = []
    queue = list(paths * (total // len(paths) + 1))[:total]
    deadline = time.monotonic() + limit_s

    async def client(http: httpx.AsyncClient) -> None:
        while queue and time.monotonic() < deadline:
            path = queue.pop()
            start = time.perf_counter()
            response = await http.get(base + path)
            latencies.append(time.perf_counter() - start)
            response.raise_for_status()

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies


def _figures(name: str, latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    return f"{name:<10} n={len(ms):4d}  p50={statistics.median(ms):7.1f} ms  p95={p95:7.1f} ms  target p95<100 ms"


def map_seconds(base: str) -> float:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/overview")           # warm the browser process, not the map
        start = time.perf_counter()
        page.goto(base + "/map?limit=2000")
        page.wait_for_selector("#cy[data-ready='1']", timeout=60000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        seconds = time.perf_counter() - start
        shown = page.evaluate("() => window.bioregionMap.nodes().length")
        browser.close()
    print(f"map page: {shown} nodes drawn in {seconds:.2f} s (target < 2 s)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000, help="requests per endpoint group")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from bioregion.store import Store

    db = os.path.join(tempfile.mkdtemp(prefix="bench-web-"), "eco.db")
    t0 = time.perf_counter()
    with Store.open(db) as store:
        store.import_records(synthetic_records(args.orgs, args.relations, args.seed))
    print(f"store: {args.orgs} organisations, {args.relations} relations built in {time.perf_counter() - t0:.1f} s")
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        t0 = time.perf_counter()
        for _ in range(600):
            try:
                httpx.get(base + "/overview.json", timeout=120).raise_for_status()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        httpx.get(base + "/map.json?limit=2000", timeout=300).raise_for_status()
        print(f"server ready (snapshot and map layout) in {time.perf_counter() - t0:.1f} s")
        rng = random.Random(args.seed)
        groups = {
            "list": [f"/orgs?sort={rng.choice(['name', 'degree', 'founded'])}&page={rng.randint(1, 50)}" for _ in range(50)]
                    + [f"/relations?type=license&page={rng.randint(1, 20)}" for _ in range(50)],
            "profile": [f"/orgs/o{rng.randrange(args.orgs)}" for _ in range(200)],
            "api": [f"/api/orgs?kind={rng.choice(KINDS)}&page={rng.randint(1, 5)}" for _ in range(50)]
                   + [f"/api/orgs/o{rng.randrange(args.orgs)}" for _ in range(100)],
        }
        for name, paths in groups.items():
            asyncio.run(_load(base, paths[:20], 10, 40, 30))  # warm sort orders and indexes
            latencies = asyncio.run(_load(base, paths, args.clients, args.requests, 120))
            print(_figures(name, latencies))
        map_seconds(base)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print("note: measured on a shared 2-core machine with other jobs running; figures are pessimistic.")


if __name__ == "__main__":
    main()
