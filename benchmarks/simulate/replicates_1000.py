"""1,000 replicates of a 30-year Belgian baseline with 2,000 organisations on a 2-worker Dask cluster.

Run: .venv/bin/python benchmarks/simulate/replicates_1000.py [--replicates 1000] [--workers 2]
Prints the wall time; target < 300 s on 2 cores.

With ``--cpu-sample N`` it instead runs N replicates one after the other in
this process and prints the CPU time (``time.process_time``) per replicate,
which machine load does not inflate, and the 1,000-replicate extrapolation
for 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import belgian_baseline  # noqa: E402

from bioregion.simulate.model import BioRegionModel  # noqa: E402
from bioregion.simulate.sweep import sweep  # noqa: E402


def cpu_sample(scenario, replicates: int) -> None:
    BioRegionModel(scenario.with_parameter("years", 1), seed=0, record_events=False).run()  # load kernels
    times = []
    for replicate in range(replicates):
        start = time.process_time()
        BioRegionModel(scenario, seed=[2016, replicate], record_events=False).run()
        times.append(time.process_time() - start)
    mean = sum(times) / len(times)
    print(f"{replicates} replicates x {scenario.years} years: {mean:.3f} CPU s per replicate "
          f"(min {min(times):.3f}, max {max(times):.3f}); 1,000 replicates on 2 cores ~ {1000 * mean / 2:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--cpu-sample", type=int, default=0, metavar="N")
    args = parser.parse_args()
    scenario = belgian_baseline(args.organisations)
    if args.cpu_sample:
        cpu_sample(scenario, args.cpu_sample)
        return
    start = time.perf_counter()
    frame = sweep(scenario, args.replicates, seed=2016, scheduler="local", workers=args.workers)
    elapsed = time.perf_counter() - start
    last = frame[frame["step"] == frame["step"].max()]
    print(f"{args.replicates} replicates x {scenario.years} years, {args.organisations} initial organisations, "
          f"{args.workers} workers: {elapsed:.1f} s ({elapsed / args.replicates * args.workers:.3f} core-s per replicate)")
    print(f"firms alive at the end: mean {last['firms_alive'].mean():.0f}, "
          f"90% interval {last['firms_alive'].quantile(0.05):.0f}-{last['firms_alive'].quantile(0.95):.0f}")


if __name__ == "__main__":
    main()
