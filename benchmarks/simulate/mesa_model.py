"""The subset of the bioRegion model written the Mesa 3.x way: one Python object per agent.

Same rules and numbers as ``bioregion.simulate`` restricted to the shared subset
(``common.subset``): firms with cash, business models and programs moving
through the stages (BIO 2011-2020 rates, gamma durations, DiMasi costs),
platform revenue, new programs, venture rounds when cash runs short, pharma
in-licensing and acquisitions driven by the pipeline gap, platform deals, and
failure when cash runs out. Partner choice scores a random sample of
candidates on proximity (one region: constant), prior ties, degree and
knowledge complementarity, as ``bioregion.simulate.partners`` does.
"""

from __future__ import annotations

import math

import mesa
import numpy as np

from bioregion.simulate.calibration import Calibration

MARKETED = 5


def quarterly(p: float) -> float:
    return 1.0 - (1.0 - min(p, 1.0)) ** 0.25


class Program:
    def __init__(self, model, owner, stage):
        self.owner, self.partner, self.stage, self.alive = owner, None, stage, True
        self.remaining = model.quarters(stage)


class Firm(mesa.Agent):
    def __init__(self, model, business_model):
        super().__init__(model)
        cal = model.cal
        self.business_model = business_model  # 0 product, 1 platform, 2 hybrid, 3 fipco
        self.cash = cal.seed_round * model.random.uniform(1, 5)
        self.degree, self.ties = 0, set()
        self.profile = [model.random.random() ** 3 for _ in range(cal.capabilities)]
        self.programs = []
        if business_model != 1:
            for _ in range(model.random.randint(1, 2)):
                self.programs.append(Program(model, self, model.random.randint(0, 2)))

    def highest_stage(self):
        return max((min(p.stage, 4) for p in self.programs if p.alive), default=-1)

    def step(self):
        m, cal = self.model, self.model.cal
        if self.business_model != 1 and self.cash > 0 and m.random.random() < quarterly(cal.new_program_rate_per_year):
            self.programs.append(Program(m, self, 0))
        burn = cal.overhead_per_quarter
        for program in self.programs:
            if program.alive and program.stage < MARKETED and program.partner is None:
                s = program.stage
                burn += cal.stage_cost[s] / (cal.duration_years[s] * 4)
        revenue = {1: cal.platform_revenue_per_quarter, 2: cal.platform_revenue_per_quarter / 2}.get(self.business_model, 0)
        for program in self.programs:
            if program.alive and program.stage == MARKETED:
                sales = cal.product_revenue_per_year / 4
                revenue += cal.royalty_rate * sales if program.partner else sales
        self.cash += revenue - burn
        if self.cash < 4 * burn:
            stage = max(self.highest_stage(), 0)
            network = self.degree / (1 + self.degree)
            odds = cal.venture_round_probability * (0.6 + 0.1 * stage) * (0.75 + 0.5 * network)
            if m.random.random() < min(odds, 0.95):
                self.cash += cal.round_size[stage]
                m.count("capital_raised", cal.round_size[stage])
                investor = m.random.choice(m.investors)
                m.tie(self, investor)
                m.count("alliances:venture_round")
        if self.business_model in (1, 2) and m.random.random() < quarterly(cal.license_rate_per_year / 2):
            buyer = m.choose(self, m.pharma)
            self.cash += cal.upfront[0]
            m.tie(self, buyer)
            m.count("alliances:license")


class Pharma(mesa.Agent):
    def __init__(self, model):
        super().__init__(model)
        cal = model.cal
        self.products, self.degree, self.ties, self.cash = float(cal.products_per_pharma), 0, set(), 0.0
        self.profile = [model.random.random() ** 3 for _ in range(cal.capabilities)]
        self.programs = [Program(model, self, model.random.randint(1, 4)) for _ in range(cal.pharma_target_pipeline)]

    def gap(self):
        cal = self.model.cal
        mine = [p for p in self.model.all_programs() if p.alive and (p.partner is self or (p.owner is self and p.partner is None))]
        clinical = sum(1 for p in mine if 1 <= p.stage < MARKETED)
        marketed = sum(1 for p in mine if p.stage == MARKETED)
        missing = max(cal.pharma_target_pipeline - clinical, 0)
        lost = max(cal.products_per_pharma - self.products - marketed, 0)
        return (missing + lost) / cal.pharma_target_pipeline

    def step(self):
        m, cal = self.model, self.model.cal
        self.products *= 1.0 - 1.0 / (4 * cal.exclusivity_years)
        for _ in range(m.np_rng.poisson(cal.pharma_programs_per_year / 4)):
            self.programs.append(Program(m, self, 0))
        gap = min(self.gap(), 2.0)
        if m.random.random() < quarterly(cal.license_rate_per_year) * gap:
            sellers = [f for f in m.firms if any(p.alive and p.partner is None and p.stage < MARKETED for p in f.programs)]
            if sellers:
                seller = m.choose(self, sellers)
                offer = [p for p in seller.programs if p.alive and p.partner is None and p.stage < MARKETED]
                program = max(offer, key=lambda p: p.stage)
                program.partner = self
                seller.cash += cal.upfront[min(program.stage, 4)]
                m.tie(self, seller)
                m.count("alliances:license")
        if m.random.random() < quarterly(cal.acquisition_rate_per_year) * gap:
            targets = [f for f in m.firms if f.highest_stage() >= 1]
            if targets:
                target = m.choose(self, targets)
                for program in target.programs:
                    program.owner = self
                    if program.partner is self:
                        program.partner = None
                    self.programs.append(program)
                target.programs = []
                m.tie(self, target)
                m.remove_firm(target)
                m.count("acquisitions")


class Investor(mesa.Agent):
    def __init__(self, model):
        super().__init__(model)
        self.degree, self.ties = 0, set()

    def step(self):
        pass


class SubsetModel(mesa.Model):
    """Firms, pharma and investors as Mesa agents, stepped in random order each quarter."""

    def __init__(self, firms: int, pharma: int, investors: int, seed: int, calibration: Calibration | None = None,
                 search_breadth: int = 48):
        super().__init__(seed=seed)
        self.cal = calibration or Calibration().with_overrides({"ipo_probability": 0.0,
                                                                "collaboration_rate_per_year": 0.0})
        self.np_rng = np.random.default_rng(seed)
        self.search_breadth = search_breadth
        self.counters = {}
        self.firms = [Firm(self, self.random.choices((0, 1, 2), (0.3, 0.2, 0.5))[0]) for _ in range(firms)]
        self.pharma = [Pharma(self) for _ in range(pharma)]
        self.investors = [Investor(self) for _ in range(investors)]
        self.datacollector = mesa.DataCollector(model_reporters={
            "firms_alive": lambda mm: len(mm.firms),
            **{k: (lambda key: (lambda mm: mm.counters.get(key, 0)))(k)
               for k in ("failures", "acquisitions", "approvals", "alliances:license", "capital_raised")}})

    def quarters(self, stage):
        cal = self.cal
        mean = cal.duration_years[min(stage, 4)]
        return max(1, round(self.random.gammavariate(cal.duration_shape, mean / cal.duration_shape) * 4))

    def all_programs(self):
        for agent in self.firms + self.pharma:
            yield from agent.programs

    def count(self, key, value=1):
        self.counters[key] = self.counters.get(key, 0) + value

    def tie(self, a, b):
        a.degree += 1
        b.degree += 1
        a.ties.add(b.unique_id)
        b.ties.add(a.unique_id)

    def choose(self, searcher, pool):
        cal = self.cal
        sample = pool if len(pool) <= self.search_breadth else [self.random.choice(pool) for _ in range(self.search_breadth)]
        top = max(max((a.degree for a in self.firms + self.pharma + self.investors), default=1), 1)
        w_prox, w_tie, w_deg, w_comp = cal.partner_weights
        weights = []
        for c in sample:
            dot = sum(x * y for x, y in zip(searcher.profile, c.profile))
            norm = math.sqrt(sum(x * x for x in searcher.profile)) * math.sqrt(sum(y * y for y in c.profile))
            s = dot / norm if norm > 0 else 0.0
            score = (w_prox * 1.0 + w_tie * (c.unique_id in searcher.ties)
                     + w_deg * math.log1p(c.degree) / math.log1p(top) + w_comp * 4 * s * (1 - s))
            weights.append(math.exp(score))
        return self.random.choices(sample, weights)[0]

    def remove_firm(self, firm):
        self.firms.remove(firm)
        firm.remove()

    def advance_programs(self):
        cal = self.cal
        for program in list(self.all_programs()):
            if not program.alive:
                continue
            program.remaining -= 1
            if program.remaining > 0:
                continue
            if program.stage == MARKETED:
                program.alive = False
            elif self.random.random() < cal.transition[program.stage]:
                program.stage += 1
                if program.partner is not None:
                    program.owner.cash += cal.milestones[program.stage - 1] / 4
                if program.stage == MARKETED:
                    program.remaining = int(cal.exclusivity_years * 4)
                    self.count("approvals")
                else:
                    program.remaining = self.quarters(program.stage)
            else:
                program.alive = False

    def step(self):
        self.counters = {}
        self.advance_programs()
        self.agents.shuffle_do("step")
        for firm in [f for f in self.firms if f.cash < 0]:
            self.remove_firm(firm)
            self.count("failures")
        self.datacollector.collect(self)
