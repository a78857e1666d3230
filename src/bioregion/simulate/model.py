"""The agent-based bioRegion model: ``BioRegionModel(scenario, seed).run()``.

One step is one quarter. The order of the rules within a step is fixed:
entries of scheduled organisations, spin-offs, new programs, program
progression (approvals, FIPCOs), patent expiry, cash flow, venture rounds,
IPOs, deals (licences, collaborations, acquisitions), failures, then the data
collector records the quarter. With numba installed (the ``sim`` extra), the
rules after spin-offs run as one compiled call (:mod:`bioregion.simulate.compiled`);
otherwise as the numpy rules of :mod:`~bioregion.simulate.lifecycle` and
:mod:`~bioregion.simulate.deals`. All randomness comes from one
``numpy.random.Generator`` seeded with ``seed`` (the compiled code draws from
it too), so a run is reproducible bit for bit.

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
from .collector import FLOW_NAMES, DataCollector
from .deals import Deals
from .environment import Environment
from .eventlog import EVENT_KINDS, SPIN_OFF, EventLog
from .initial import Founding, initial_profiles, population
from .scenario import Scenario
from .state import AGENT_KINDS, FIRM, INVESTOR, MODELS, PHARMA, PRODUCER, STATUSES, Agents, Programs, kind_of
from .ties import Ties

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
        self.ties, self.log = Ties(), EventLog()   # past alliances; the event log (when recorded)
        self.t, self.ipo_window, self.record_events, self.search_breadth = 0, False, record_events, search_breadth
        self.flows = np.zeros(len(FLOW_NAMES))   # the quarter's counters, FLOW_NAMES order
        self.cells = np.zeros((len(self.env.region_ids), len(MODELS)), dtype=np.int64)   # firms alive
        self.deals = Deals(self)
        self.datacollector = DataCollector(self)
        self._spawned = 0
        self._proximity: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        foundings, ties = population(scenario, ecosystem)
        self._schedule = self._plan(foundings)
        self._enter(self._schedule.pop(0, []))
        self._tie_known(ties)
        self._compiled_quarter = kernels.compiled_quarter(self)

    # --- Mesa-like API ---------------------------------------------------
    def step(self) -> None:
        """Advance the model by one quarter."""
        self.flows[:] = 0
        self.distance_now = self.env.distance_at(self.t)
        self._enter(self._schedule.pop(self.t, []))
        lifecycle.spin_offs(self)
        if self._compiled_quarter is not None:
            self._compiled_quarter()   # the rules of _numpy_quarter in one compiled call
        else:
            self.ties.merge()
            self._numpy_quarter()
        self.datacollector.collect()
        self.t += 1

    def _numpy_quarter(self) -> None:
        """The rules after spin-offs, as numpy calls (the path without numba)."""
        lifecycle.develop(self)
        lifecycle.pharma_products(self)
        self.stage_now = lifecycle.highest_stage(self)
        lifecycle.cash_flow(self)
        lifecycle.venture_rounds(self)
        lifecycle.ipos(self)
        self.deals.step()
        lifecycle.failures(self)
        self.ties.merge()
        lifecycle.count_firms(self)

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
    @property
    def events(self) -> list[tuple]:
        """The event log: ``(step, relation type, ((row, role), ...), stage, {term: amount})`` per alliance."""
        return self.log.tuples()

    @property
    def counters(self) -> dict[str, float]:
        """This quarter's counters by name (:data:`~bioregion.simulate.collector.FLOW_NAMES`)."""
        return dict(zip(FLOW_NAMES, self.flows.tolist()))

    @property
    def closures(self) -> dict[int, tuple[int, str]]:
        """``{row: (step, status)}`` of the agents that ended (closed or acquired)."""
        a = self.agents
        return {int(row): (int(a.ended[row]), STATUSES[a.status[row]]) for row in np.flatnonzero(a.status[: a.n])}

    def count(self, name: str, value: float = 1) -> None:
        """Add ``value`` to this quarter's counter ``name``."""
        self.flows[_FLOW_INDEX[name]] += value

    def record(self, code: int, first: np.ndarray, second: np.ndarray | None, stage: Any,
               terms: Sequence[Any] = ()) -> None:
        """Count alliances of event ``code`` (:mod:`~bioregion.simulate.eventlog`), tie their parties, log them.

        ``first`` and ``second`` hold the parties' rows (``second`` is None for
        one-party events); ``stage`` (an index) and each term broadcast over them.
        """
        first = np.asarray(first, dtype=np.int64)
        if not len(first):
            return
        self.flows[_ALLIANCE_INDEX[code]] += len(first)
        if second is not None:
            self.link(first, second)
        if self.record_events:
            self.log.append(self.t, code, first, second, stage, terms)

    def link(self, a: np.ndarray, b: np.ndarray) -> None:
        """Tie each ``a[i]`` to ``b[i]`` (alliances raise both degrees)."""
        np.add.at(self.agents.degree, a, 1)
        np.add.at(self.agents.degree, b, 1)
        self.ties.add(a, b)

    def proximity_now(self) -> np.ndarray:
        """``exp(-distance / distance_scale_km)`` between regions at the current step."""
        return self.proximities()[0]

    def proximities(self) -> tuple[np.ndarray, np.ndarray]:
        """Proximity of partners, and of venture investors (``exp(-distance / (4 distance_scale_km))``)."""
        if self._proximity is None or self._proximity[0] is not self.distance_now:
            scale = self.calibration.distance_scale_km
            self._proximity = (self.distance_now, np.exp(-self.distance_now / scale),
                               np.exp(-self.distance_now / (4 * scale)))
        return self._proximity[1], self._proximity[2]

    def tie_keys(self) -> np.ndarray:
        """Sorted keys (``min << 32 | max``) of the pairs allied before this quarter."""
        return self.ties.keys()

    def new_tie_keys(self) -> np.ndarray:
        """Sorted keys of the pairs allied so far this quarter."""
        return self.ties.new_keys()

    def tied(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Whether ``a`` and ``b`` (broadcast) have allied before."""
        return self.ties.tied(a, b)

    def close(self, rows: np.ndarray, status: str) -> None:
        """Note the quarter and status (closed, acquired) of agents that ended."""
        self.agents.status[rows] = STATUSES.index(status)
        self.agents.ended[rows] = self.t

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
        self.record(SPIN_OFF, parents, rows, -1)
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
        self.producers = np.flatnonzero(a.mask(PRODUCER))   # knowledge producers never close
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
            self.ties.merge()

    def summary(self) -> dict[str, Any]:
        """Counts of agents alive by kind at the current step."""
        a = self.agents
        alive = a.alive[: a.n]
        return {k: int((alive & (a.kind[: a.n] == i)).sum()) for i, k in enumerate(AGENT_KINDS)} | {
            "investors_fund": float(a.fund[: a.n][alive & (a.kind[: a.n] == INVESTOR)].sum())}


_FLOW_INDEX = {name: i for i, name in enumerate(FLOW_NAMES)}
_ALLIANCE_INDEX = [_FLOW_INDEX[f"alliances:{kind[0]}"] for kind in EVENT_KINDS]
