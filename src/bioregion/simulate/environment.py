"""Regions, distances, policies and shocks compiled into per-quarter arrays.

A scenario's policies and shocks become arrays indexed by ``[step, region]``
once, before the run, so that rules read one row per step. The last region
index is *abroad*: partners outside the simulated regions (global big pharma
and investors), ``abroad_km`` away from everything.

Policy effects (assumptions, documented so they can be calibrated): an
instrument with a yearly budget ``b`` multiplies its target rate by
``1 + b / reference`` with the references of :data:`REFERENCE_BUDGET`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scenario import Scenario

__all__ = ["Environment", "REFERENCE_BUDGET", "haversine_km"]

#: Yearly budget (EUR) that doubles the rate an instrument acts on (assumption).
REFERENCE_BUDGET = {
    "research_centre": 25e6,   # discoveries of knowledge producers
    "incubator": 5e6,          # spin-off probability per discovery
    "public_vc": 20e6,         # chance of closing a venture round
    "cluster_org": 2e6,        # collaboration (matchmaking) rate
    "programme": 5e6,          # collaboration rate between the programme's regions
}


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance in km between points given in degrees.

    Examples
    --------
    >>> round(float(haversine_km(50.85, 4.35, 50.63, 5.57)))  # Brussels - Liege
    89
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl, dp = np.radians(lon2 - lon1), p2 - p1
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(a))


@dataclass
class Environment:
    """Per-step, per-region multipliers and payments of a scenario."""

    region_ids: list[str]
    distance: np.ndarray        # (R, R) km, last row/column abroad
    discovery: np.ndarray       # (steps, R) multiplier
    spin: np.ndarray            # (steps, R) multiplier
    vc: np.ndarray              # (steps, R) multiplier
    matchmaking: np.ndarray     # (steps, R) multiplier
    grant: np.ndarray           # (steps, R) money per quarter
    tax_rate: np.ndarray        # (steps, R)
    tax_cap: np.ndarray         # (steps, R) money per quarter
    funding: np.ndarray         # (steps,) venture supply multiplier (funding winters)
    ipo_closed: np.ndarray      # (steps,) bool
    cliff: np.ndarray           # (steps,) share of pharma products losing exclusivity now
    programmes: list            # (first step, last step, region indices, distance factor)

    @classmethod
    def compile(cls, scenario: Scenario) -> "Environment":
        """Compile a scenario's regions, policies and shocks."""
        ids = [r.id for r in scenario.regions] + ["abroad"]
        steps, size = scenario.steps, len(ids)
        env = cls(ids, _distances(scenario), *(np.ones((steps, size)) for _ in range(4)),
                  *(np.zeros((steps, size)) for _ in range(3)), np.ones(steps), np.zeros(steps, bool),
                  np.zeros(steps), [])
        for policy in scenario.policies:
            env._apply_policy(policy, scenario)
        for shock in scenario.shocks:
            env._apply_shock(shock, scenario)
        return env

    def _window(self, scenario: Scenario, start: int, end: int) -> slice:
        first = max(0, 4 * (start - scenario.start_year))
        last = min(self.cliff.size, 4 * (end - scenario.start_year + 1))
        return slice(first, max(first, last))

    def _apply_policy(self, policy, scenario: Scenario) -> None:
        window = self._window(scenario, policy.start, policy.end)
        cols = [self.region_ids.index(r) for r in policy.regions]
        years = max(1, policy.end - policy.start + 1) if policy.end < 2200 else max(1, scenario.years)
        yearly = policy.budget / years
        target = {"research_centre": self.discovery, "incubator": self.spin, "public_vc": self.vc,
                  "cluster_org": self.matchmaking, "programme": self.matchmaking}.get(policy.instrument)
        if target is not None:
            target[window, cols] *= 1.0 + yearly / REFERENCE_BUDGET[policy.instrument]
        if policy.instrument == "grant":
            self.grant[window, cols] += yearly / 4 / len(cols)
        if policy.instrument == "tax":
            self.tax_rate[window, cols] = np.maximum(self.tax_rate[window, cols], policy.rate)
            self.tax_cap[window, cols] += yearly / 4 / len(cols) if policy.budget else np.inf
        if policy.instrument == "programme" and len(cols) > 1:
            self.programmes.append((window.start, window.stop, cols, policy.distance_factor))

    def _apply_shock(self, shock, scenario: Scenario) -> None:
        window = self._window(scenario, shock.start, shock.end)
        if shock.kind == "funding_winter":
            self.funding[window] *= 1.0 - shock.severity
            self.ipo_closed[window] = True
        elif window.start < self.cliff.size:
            self.cliff[window.start] = shock.severity

    def distance_at(self, step: int) -> np.ndarray:
        """Distances at ``step``, shrunk between the regions of active programmes."""
        active = [p for p in self.programmes if p[0] <= step < p[1]]
        if not active:
            return self.distance
        distance = self.distance.copy()
        for _, _, cols, factor in active:
            block = np.ix_(cols, cols)
            distance[block] *= factor
        return distance


def _distances(scenario: Scenario) -> np.ndarray:
    lat = np.array([r.lat for r in scenario.regions])
    lon = np.array([r.lon for r in scenario.regions])
    inner = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    size = len(lat) + 1
    distance = np.full((size, size), scenario.abroad_km)
    distance[:-1, :-1] = inner
    return distance
