"""The agent-based bioRegion model: ``BioRegionModel(scenario, seed).run()``.

One step is one quarter. The order of the rules within a step is fixed:
entries of scheduled organisations, spin-offs, new programs, program
progression (approvals, FIPCOs), patent expiry, cash flow, venture rounds,
IPOs, deals (licences, collaborations, acquisitions), failures, then the data
collector records the quarter. All randomness comes from one
``numpy.random.Generator`` seeded with ``seed`` (the compiled kernels of
:mod:`bioregion.simulate.kernels` draw from it too), so a run is reproducible
bit for bit.

Examples
--------
>>> from bioregion.simulate.scenario import load_scenario
>>> model = BioRegionModel(load_scenario("baseline-belgium").with_parameter("years", 2), seed=1)
>>> model.run().shape[0]
8
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from . import kernels, lifecycle
from .collector import DataCollector
from .deals import Deals
from .environment import Environment
from .initial import Founding, initial_profiles, population
from .scenario import Scenario
from .state import AGENT_KINDS, FIRM, INVESTOR, MODELS, PHARMA, Agents, Programs, kind_of

__all__ = ["BioRegionModel"]

#: Yearly fund supply by investor kind, USD (assumption).
FUND_SUPPLY = {"venture_capital": 60e6, "corporate_venture": 40e6, "public_investor": 30e6}
#: Kinds whose presence raises a region's spin-off rate (technology transfer).
TRANSFER_KINDS = ("tech_transfer_office", "incubator")


class BioRegionModel:
    """A bioRegion, quarter by quarter (Mesa vocabulary: ``step``, ``run``, ``datacollector``).

    Parameters
    ----------
    scenario : Scenario
        Regions, initial population, policies, shocks and calibration.
    seed : int or sequence of int
        Seed of the model's only random generator.
    ecosystem : Ecosystem or dict of records, optional
        Initial organisations and prior ties (overrides ``initial.ecosystem``).
    record_events : bool
        Keep the event log (needed for :meth:`records`); off for fast sweeps.
    search_breadth : int
        Candidates a searching agent scores when choosing a partner.
    """

    def __init__(self, scenario: Scenario, seed: int | Sequence[int], ecosystem: Any = None,
                 record_events: bool = True, search_breadth: int = 48) -> None:
        self.scenario, self.calibration, self.seed = scenario, scenario.calibration, seed
        self.rng = np.random.default_rng(seed)
        self.env = Environment.compile(scenario)
        self.agents, self.programs = Agents(self.calibration.capabilities), Programs()
        self._tie_keys = np.zeros(0, dtype=np.int64)   # sorted pair keys of past alliances
        self._new_ties: list[np.ndarray] = []            # this quarter's, merged at its end
        self._new_sorted: np.ndarray | None = None       # their keys, sorted (cache)
        self.t, self.ipo_window, self.record_events, self.search_breadth = 0, False, record_events, search_breadth
        self.events: list[tuple] = []
        self.closures: dict[int, tuple[int, str]] = {}
        self.counters: dict[str, float] = {}
        self.deals = Deals(self)
        self.datacollector = DataCollector(self)
        self._spawned = 0
        self.ledger: tuple[np.ndarray, ...] | None = None   # see lifecycle.highest_stage
        self._proximity: tuple[np.ndarray, np.ndarray] | None = None
        foundings, ties = population(scenario, ecosystem)
        self._schedule = self._plan(foundings)
        self._enter(self._schedule.pop(0, []))
        self._tie_known(ties)

    # --- Mesa-like API ---------------------------------------------------
    def step(self) -> None:
        """Advance the model by one quarter."""
        self.counters = {}
        self.distance_now = self.env.distance_at(self.t)
        self._proximity = None
        self._enter(self._schedule.pop(self.t, []))
        lifecycle.spin_offs(self)
        lifecycle.develop(self)
        lifecycle.pharma_products(self)
        self.stage_now = lifecycle.highest_stage(self)
        lifecycle.cash_flow(self)
        lifecycle.venture_rounds(self)
        lifecycle.ipos(self)
        self.deals.step()
        self.ledger = None
        lifecycle.failures(self)
        self._merge_ties()
        self.datacollector.collect()
        self.t += 1

    def run(self, steps: int | None = None) -> pd.DataFrame:
        """Run ``steps`` quarters (the scenario's horizon by default); return the time series."""
        for _ in range(self.scenario.steps if steps is None else steps):
            self.step()
        return self.datacollector.get_model_vars_dataframe()

    @property
    def year(self) -> float:
        """Calendar year at the current step."""
        return self.scenario.start_year + self.t / 4

    # --- bookkeeping used by the rules -------------------------------------
    def count(self, name: str, value: float = 1) -> None:
        """Add ``value`` to this quarter's counter ``name``."""
        self.counters[name] = self.counters.get(name, 0) + value

    def record(self, kind: str, parties: Sequence[tuple[np.ndarray, str]], stage: Any,
               terms: dict[str, np.ndarray]) -> None:
        """Count alliances of type ``kind``, tie their parties and log them.

        ``parties`` holds one ``(rows, role)`` pair per party, ``rows`` an
        array over the alliances; ``stage`` is one stage (index or name) or an
        array; each term is an array over the alliances.
        """
        rows = [np.asarray(r, dtype=np.int64) for r, _ in parties]
        count = len(rows[0])
        if not count:
            return
        self.count(f"alliances:{kind}", count)
        if len(rows) == 2:
            self.link(rows[0], rows[1])
        if self.record_events:
            stages = np.broadcast_to(np.asarray(stage, dtype=object), count)
            for i in range(count):
                self.events.append((self.t, kind, tuple((int(r[i]), role) for r, (_, role) in zip(rows, parties)),
                                    stages[i], {c: float(np.broadcast_to(v, count)[i]) for c, v in terms.items()}))

    def link(self, a: np.ndarray, b: np.ndarray) -> None:
        """Tie each ``a[i]`` to ``b[i]`` (alliances raise both degrees)."""
        if kernels.available():
            self._new_ties.append(kernels.link(self.agents.degree, np.asarray(a), np.asarray(b)))
        else:
            np.add.at(self.agents.degree, a, 1)
            np.add.at(self.agents.degree, b, 1)
            self._new_ties.append(_pair_keys(a, b))
        self._new_sorted = None

    def _merge_ties(self) -> None:
        if self._new_ties:
            # timsort merges the sorted runs in linear time; duplicates are dropped
            keys = np.sort(np.concatenate([self._tie_keys, self.new_tie_keys()]), kind="stable")
            self._tie_keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
            self._new_ties, self._new_sorted = [], None

    def proximity_now(self) -> np.ndarray:
        """``exp(-distance / distance_scale_km)`` between regions at the current step."""
        if self._proximity is None or self._proximity[0] is not self.distance_now:
            self._proximity = (self.distance_now, np.exp(-self.distance_now / self.calibration.distance_scale_km))
        return self._proximity[1]

    def tie_keys(self) -> np.ndarray:
        """Sorted keys (``min << 32 | max``) of the pairs allied before this quarter."""
        return self._tie_keys

    def new_tie_keys(self) -> np.ndarray:
        """Sorted keys of the pairs allied so far this quarter."""
        if self._new_sorted is None:
            self._new_sorted = np.sort(np.concatenate([np.zeros(0, np.int64), *self._new_ties]))
        return self._new_sorted

    def tied(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Whether ``a`` and ``b`` (broadcast) have allied before."""
        keys = _pair_keys(a, b)
        known = np.zeros(np.shape(keys), bool)
        if len(self._tie_keys):
            found = np.minimum(np.searchsorted(self._tie_keys, keys), len(self._tie_keys) - 1)
            known = self._tie_keys[found] == keys
        if self._new_ties:
            known |= np.isin(keys, np.concatenate(self._new_ties))
        return known

    def close(self, rows: np.ndarray, status: str) -> None:
        """Note the quarter and status (closed, acquired) of agents that ended."""
        for row in rows:
            self.closures[int(row)] = (self.t, status)

    def found_firms(self, parents: np.ndarray, models: np.ndarray) -> None:
        """Create spin-off firms of ``parents`` with the given business models."""
        a, cal = self.agents, self.calibration
        count = len(parents)
        ids = [f"sim-firm-{self._spawned + i}" for i in range(count)]
        self._spawned += count
        profile = np.clip(0.7 * a.profile[parents] + 0.3 * self.rng.random((count, cal.capabilities)), 0, 1)
        rows = a.add(count, ids=ids, names=[f"Simulated firm {i[9:]}" for i in ids],
                     org_kinds=["new_biotech_firm"] * count, profile=profile, kind=FIRM,
                     region=a.region[parents], founded=self.t, model=models, cash=cal.seed_round)
        owners = rows[models != 1]
        stages = np.zeros(len(owners), dtype=np.int8)
        self.programs.add(owners, stages, lifecycle.quarters(self.rng, stages, cal))
        self.record("spin_off", ((parents, "parent"), (rows, "offspring")), "discovery", {})
        self.count("spin_offs", count)

    # --- initialisation ----------------------------------------------------
    def _plan(self, foundings: list[Founding]) -> dict[int, list[Founding]]:
        plan: dict[int, list[Founding]] = {}
        steps = self.scenario.steps
        for row in foundings:
            step = max(0, 4 * (row.year - self.scenario.start_year))
            if step == 0 or (step < steps and kind_of(row.org_kind) != FIRM):
                plan.setdefault(step, []).append(row)
        return plan

    def _enter(self, rows: list[Founding]) -> None:
        if not rows:
            return
        a, cal, rng = self.agents, self.calibration, self.rng
        kinds = np.array([kind_of(r.org_kind) for r in rows], dtype=np.int8)
        models = np.array([MODELS.index(r.business_model) if r.business_model else -1 for r in rows])
        models = np.where(models < 0, rng.choice(3, size=len(rows), p=lifecycle.SPIN_OFF_MODELS), models)
        region = np.array([self.env.region_ids.index(r.region) for r in rows])
        founded = np.array([4 * (r.year - self.scenario.start_year) for r in rows])
        cash = np.where(kinds == FIRM, cal.seed_round * rng.uniform(1, 5, len(rows)), 0.0)
        fund = np.array([FUND_SUPPLY.get(r.org_kind, 0.0) for r in rows])
        products = np.where(kinds == PHARMA, float(cal.products_per_pharma), 0.0)
        new = a.add(len(rows), ids=[r.id for r in rows], names=[r.name for r in rows],
                    org_kinds=[r.org_kind for r in rows], profile=initial_profiles(rng, len(rows), cal.capabilities),
                    kind=kinds, region=region, founded=founded, model=models, cash=cash, fund=fund,
                    products=products)
        self._endow(new, kinds)
        self._transfer_boost()

    def _endow(self, rows: np.ndarray, kinds: np.ndarray) -> None:
        """Give firms and pharma their initial programs."""
        a, cal, rng = self.agents, self.calibration, self.rng
        firms = rows[(kinds == FIRM) & (a.model[rows] != 1)]
        pharma = rows[kinds == PHARMA]
        owners = np.concatenate([np.repeat(firms, rng.integers(1, 3, len(firms))),
                                 np.repeat(pharma, cal.pharma_target_pipeline)])
        stages = np.concatenate([rng.integers(0, 3, len(owners) - len(pharma) * cal.pharma_target_pipeline),
                                 rng.integers(1, 5, len(pharma) * cal.pharma_target_pipeline)]).astype(np.int8)
        self.programs.add(owners, stages, lifecycle.quarters(rng, stages, cal))

    def _transfer_boost(self) -> None:
        a = self.agents
        kinds = np.array(a.org_kinds)
        helpers = np.isin(kinds, TRANSFER_KINDS) & a.alive[: a.n]
        count = np.bincount(a.region[: a.n][helpers], minlength=len(self.env.region_ids))
        self.transfer_boost = np.minimum(1.0 + 0.25 * count, 2.0)

    def _tie_known(self, ties: list[tuple[str, str]]) -> None:
        index = {org: i for i, org in enumerate(self.agents.ids)}
        known = [(index[a], index[b]) for a, b in ties if a in index and b in index]
        if known:
            pairs = np.array(known, dtype=np.int64)
            self.link(pairs[:, 0], pairs[:, 1])
            self._merge_ties()

    def summary(self) -> dict[str, Any]:
        """Counts of agents alive by kind at the current step."""
        a = self.agents
        alive = a.alive[: a.n]
        return {k: int((alive & (a.kind[: a.n] == i)).sum()) for i, k in enumerate(AGENT_KINDS)} | {
            "investors_fund": float(a.fund[: a.n][alive & (a.kind[: a.n] == INVESTOR)].sum())}


def _pair_keys(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One integer per unordered pair of rows."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    return np.minimum(a, b) << 32 | np.maximum(a, b)
