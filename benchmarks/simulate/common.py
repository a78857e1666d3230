"""Scenarios shared by the simulate benchmarks."""

from __future__ import annotations

import dataclasses

from bioregion.simulate.scenario import Scenario, load_scenario, parse_scenario


def belgian_baseline(organisations: int = 2000, years: int = 30) -> Scenario:
    """The shipped Belgian baseline with its synthetic counts scaled to ``organisations``."""
    scenario = load_scenario("baseline-belgium").with_parameter("years", years)
    initial = scenario.initial
    current = sum(sum(c.values()) for c in initial["synthetic"].values()) + sum(initial["abroad"].values())
    factor = organisations / current
    scale = lambda counts: {k: max(1, round(v * factor)) for k, v in counts.items()}  # noqa: E731
    return dataclasses.replace(scenario, initial={**initial, "abroad": scale(initial["abroad"]),
                                                  "synthetic": {r: scale(c) for r, c in initial["synthetic"].items()}})


def subset(firms: int, years: int = 15) -> Scenario:
    """The subset both implementations share: firms, programs, funding, licensing, acquisitions.

    One region, no knowledge producers (no spin-offs), no policies, no IPOs and
    no research collaborations; pharma and investors in proportion to firms.
    """
    return parse_scenario({
        "name": f"subset-{firms}", "start_year": 2000, "years": years,
        "regions": [{"id": "R", "name": "R", "lat": 50.8, "lon": 4.4}],
        "initial": {"synthetic": {"R": {"new_biotech_firm": firms, "big_pharma": max(2, firms // 50),
                                        "venture_capital": max(2, firms // 25)}}},
        "calibration": {"ipo_probability": 0.0, "collaboration_rate_per_year": 0.0},
    })
