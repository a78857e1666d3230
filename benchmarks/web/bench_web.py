"""Dashboard speed on a synthetic ecosystem (a benchmark, not a test).

Builds a SQLite store of 10,000 organisations and 50,000 relations, serves it
with ``bioregion serve --workers N`` on loopback, and drives it from another
process with 50 concurrent keep-alive connections (wrk from Debian when
installed, else an asyncio client in a subprocess): p50/p95/p99 latency and
requests/s of list, profile and API endpoints (target p95 < 100 ms). Then
headless Chromium opens the 2,000-node network map; the time until Cytoscape
has drawn its first frame is printed (target < 2 s).
Run: ``.venv/bin/python benchmarks/web/bench_web.py [--orgs N --relations M --workers W]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "bioregion", "serve", "--db", db, "--port", str(port)]
    return subprocess.Popen(command + (["--workers", str(workers)] if workers > 1 else []))


def wait_ready(base: str, seconds: float = 300) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(base + "/overview.json", timeout=seconds).raise_for_status()
            httpx.get(base + "/map.json?limit=2000", timeout=seconds).raise_for_status()  # layout, unless preloaded
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


WRK_SCRIPT = """
local paths, i, unique = {}, 0, os.getenv("BENCH_UNIQUE") == "1"
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
request = function()
  i = i + 1
  local path = paths[(i - 1) % #paths + 1]
  if unique then path = path .. (path:find("?", 1, true) and "&" or "?") .. "u=" .. i end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"n": %d, "errors": %d, "p50": %f, "p95": %f, "p99": %f, "seconds": %f}\\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
"""

#: The asyncio client used when wrk is missing; run in its own process. Closed loop, keep-alive, no think time.
PY_CLIENT = """
import asyncio, json, sys, time
import httpx

base, clients, seconds, unique = sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1"
paths = open(sys.argv[1]).read().split()

async def main():
    latencies, errors, next_path = [], 0, iter(range(10**9))
    deadline = time.monotonic() + seconds
    async def client(http):
        nonlocal errors
        while time.monotonic() < deadline:
            n = next(next_path)
            path = paths[n % len(paths)]
            if unique:
                path += ("&" if "?" in path else "?") + f"u={n}"
            start = time.perf_counter()
            response = await http.get(base + path)
            latencies.append(time.perf_counter() - start)
            errors += response.status_code >= 400
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    start = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    ms = sorted(x * 1000 for x in latencies)
    q = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
    print(json.dumps({"n": len(ms), "errors": errors, "p50": q(0.5), "p95": q(0.95), "p99": q(0.99),
                      "seconds": time.perf_counter() - start}))

asyncio.run(main())
"""


def drive(base: str, paths: list[str], clients: int, seconds: float, workdir: str, unique: bool = False) -> dict:
    """Load ``paths`` in turn from another process for ``seconds``; latency figures in ms.

    With ``unique``, every request gets its own query string (``u=N``, ignored by the server), so no page comes
    from the page cache."""
    listing = os.path.join(workdir, "paths.txt")
    Path(listing).write_text("\n".join(paths) + "\n")
    if shutil.which("wrk"):
        script = os.path.join(workdir, "paths.lua")
        Path(script).write_text(WRK_SCRIPT)
        command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "30s", "-s", script, base]
    else:
        command = [sys.executable, "-c", PY_CLIENT, listing, base, str(clients), str(seconds), str(int(unique))]
    env = {**os.environ, "BENCH_PATHS": listing, "BENCH_UNIQUE": str(int(unique))}
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _figures(name: str, distinct: int, r: dict) -> str:
    urls = "every URL new" if name.endswith("uncached") else f"{distinct} distinct URLs"
    return (f"{name:<17} {r['n']:6d} requests ({urls:>17}) {r['n'] / r['seconds']:6.0f}/s  "
            f"p50={r['p50']:6.1f}  p95={r['p95']:6.1f}  p99={r['p99']:6.1f} ms  errors={r['errors']}  "
            "(target p95 < 100 ms)")


def endpoint_groups(orgs: int, seed: int) -> dict[str, list[str]]:
    """URLs per endpoint group, in random order.

    ``list``, ``profile`` and ``api`` revisit a few hundred URLs, as people
    browsing do (a page seen again before the next edit comes from the
    per-snapshot page cache); the ``uncached`` groups give every request its
    own URL, so each page is rendered (profiles over 5,000 organisations).
    """
    rng = random.Random(seed)
    ids = rng.sample(range(orgs), min(orgs, 5400))
    groups = {
        "list": [f"/orgs?sort={rng.choice(['name', 'degree', 'founded'])}&page={rng.randint(1, 50)}"
                 for _ in range(100)]
                + [f"/relations?type={rng.choice(list(TYPES))}&page={rng.randint(1, 20)}" for _ in range(100)],
        "profile": [f"/orgs/o{i}" for i in ids[:200]],
        "api": [f"/api/orgs?kind={rng.choice(KINDS)}&page={rng.randint(1, 5)}" for _ in range(100)]
               + [f"/api/orgs/o{i}" for i in ids[200:400]],
    }
    groups["list, uncached"] = groups["list"]
    groups["profile, uncached"] = [f"/orgs/o{i}" for i in ids[400:]]
    return groups


def map_seconds(base: str, runs: int = 3) -> list[float]:
    """Seconds from navigation to the map's first drawn frame (``#cy[data-ready]``, set on Cytoscape's first
    ``render`` event) plus one animation frame, so the canvas is on screen; the browser is warm, the page is not."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for _ in range(runs):
            page.goto(base + "/overview")           # warm the browser process, not the map
            start = time.perf_counter()
            page.goto(base + "/map?limit=2000")
            page.wait_for_selector("#cy[data-ready='1']", timeout=60000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(r))")
            times.append(time.perf_counter() - start)
            shown = page.evaluate("() => window.bioregionMap.nodes().length")
        browser.close()
    print(f"map page: {shown} nodes drawn in {statistics.median(times):.2f} s (median of "
          f"{', '.join(f'{t:.2f}' for t in times)}; target < 2 s)")
    return times


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10, help="load time per endpoint group")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="bioregion serve --workers")
    parser.add_argument("--db", help="reuse this store (built when missing)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from bioregion.store import Store

    workdir = tempfile.mkdtemp(prefix="bench-web-")
    db = args.db or os.path.join(workdir, "eco.db")
    if not Path(db).exists():
        t0 = time.perf_counter()
        with Store.open(db) as store:
            store.import_records(synthetic_records(args.orgs, args.relations, args.seed))
        print(f"store: {args.orgs} organisations, {args.relations} relations built in {time.perf_counter() - t0:.1f} s")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    server = start_server(db, port, args.workers)
    try:
        wait_ready(base)
        print(f"server ready ({args.workers} worker(s), snapshot and map layout) in {time.perf_counter() - t0:.1f} s; "
              f"load average {load_average()} on {os.cpu_count()} cores")
        client = "wrk" if shutil.which("wrk") else "asyncio client (httpx)"
        print(f"load: {client} in its own process, {args.clients} keep-alive connections, {args.seconds:g} s per group")
        groups = endpoint_groups(args.orgs, args.seed)
        warm = groups["list"] + groups["profile"] + groups["api"]
        drive(base, warm, 10, 3, workdir)          # code paths, sort orders and the pages of the cached groups
        for name, paths in groups.items():
            result = drive(base, paths, args.clients, args.seconds, workdir, unique=name.endswith("uncached"))
            print(_figures(name, len(set(paths)), result))
        map_seconds(base)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"load average {load_average()} (a shared machine: other jobs may have been running)")


if __name__ == "__main__":
    main()
