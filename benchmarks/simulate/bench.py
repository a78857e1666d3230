"""bioregion.simulate against Mesa 3.x on the shared subset: outcome distributions and throughput.

Run: .venv/bin/python benchmarks/simulate/bench.py [--replicates 40] [--sizes 1000 10000]
Prints KS two-sample p-values on key outcomes (a high p-value: no evidence the
distributions differ) and agent-steps per second for both, with the ratio, on
wall-clock time and on CPU time (``time.process_time``, which other processes
on a loaded machine inflate less: our 12 quarters at 1,000 firms take a couple
of milliseconds, so one preemption can halve the wall-clock figure).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import ks_2samp

sys.path.insert(0, str(Path(__file__).parent))

from common import subset  # noqa: E402
from mesa_model import SubsetModel  # noqa: E402

from bioregion.simulate.model import BioRegionModel  # noqa: E402

OUTCOMES = ("firms_alive", "failures", "acquisitions", "alliances:license", "capital_raised")


def outcomes(frame) -> dict:
    return {"firms_alive": frame["firms_alive"].iloc[-1], **{k: frame[k].sum() for k in OUTCOMES[1:]}}


def ks(firms: int, years: int, replicates: int) -> None:
    ours = [outcomes(BioRegionModel(subset(firms, years), seed=[1, r], record_events=False).run())
            for r in range(replicates)]
    theirs = []
    for r in range(replicates):
        model = SubsetModel(firms, max(2, firms // 50), max(2, firms // 25), seed=10_000 + r)
        for _ in range(4 * years):
            model.step()
        theirs.append(outcomes(model.datacollector.get_model_vars_dataframe()))
    print(f"KS two-sample tests, {firms} firms, {years} years, {replicates} replicates each")
    for key in OUTCOMES:
        a, b = [o[key] for o in ours], [o[key] for o in theirs]
        print(f"  {key:20s} bioregion mean {np.mean(a):12.4g}  mesa mean {np.mean(b):12.4g}  "
              f"p = {ks_2samp(a, b).pvalue:.3f}")


def throughput(firms: int, steps: int) -> None:
    model = BioRegionModel(subset(firms, 30), seed=3, record_events=False)
    model.step()  # warm-up
    start, cpu, agent_steps = time.perf_counter(), time.process_time(), 0
    for _ in range(steps):
        agent_steps += int(model.agents.alive[: model.agents.n].sum())
        model.step()
    ours, ours_cpu = (agent_steps / (clock() - begun) for clock, begun in ((time.perf_counter, start),
                                                                           (time.process_time, cpu)))
    mesa = SubsetModel(firms, max(2, firms // 50), max(2, firms // 25), seed=3)
    mesa.step()  # warm-up
    start, cpu, agent_steps = time.perf_counter(), time.process_time(), 0
    for _ in range(steps):
        agent_steps += len(mesa.agents)
        mesa.step()
    theirs, theirs_cpu = (agent_steps / (clock() - begun) for clock, begun in ((time.perf_counter, start),
                                                                               (time.process_time, cpu)))
    print(f"{firms:6d} firms, {steps} quarters: bioregion {ours:12,.0f} agent-steps/s, "
          f"mesa {theirs:10,.0f} agent-steps/s, ratio {ours / theirs:6.1f}x "
          f"(CPU time: {ours_cpu:12,.0f} vs {theirs_cpu:10,.0f}, ratio {ours_cpu / theirs_cpu:6.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicates", type=int, default=40)
    parser.add_argument("--firms", type=int, default=200)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args()
    ks(args.firms, args.years, args.replicates)
    for size in args.sizes:
        throughput(size, args.steps)


if __name__ == "__main__":
    main()
