"""Deal rules: licences, platform deals, collaborations and acquisitions.

Big pharma's **pipeline gap** (programs it lacks against its target, plus
products lost to the patent cliff) drives in-licensing and acquisitions of new
biotech firms; firms sign research collaborations with knowledge producers,
other firms and pharma, learning from each other's knowledge profiles.
Partners are chosen by :mod:`bioregion.simulate.partners`.

References
----------
.. [1] Segers, J.-P. (2017), ch. 2-4: alliance modalities, licensing terms
   (upfront, milestones, royalties), acquisitions as exits.
.. [2] Powell, W. W. et al. (2005). Network dynamics and field evolution.
.. [3] Munos, B. (2009). Lessons from 60 years of pharmaceutical innovation.
   *Nature Reviews Drug Discovery* 8, 959-968 (pipeline gaps, in-licensing).
"""

from __future__ import annotations

import numpy as np

from .lifecycle import MARKETED, quarterly, quarters
from .partners import choose, learn
from .state import FIRM, HYBRID, PHARMA, PLATFORM, PRODUCER

__all__ = ["Deals"]


class Deals:
    """The deal rules of one model (kept together since they share the gap)."""

    def __init__(self, model) -> None:
        self.m = model

    def pipeline_gap(self) -> tuple[np.ndarray, np.ndarray]:
        """Pharma rows and their gap (missing programs, in units of the target pipeline)."""
        m = self.m
        a, p, cal = m.agents, m.programs, m.calibration
        pharma = np.flatnonzero(a.mask(PHARMA))
        live = p.live()
        payer = np.where(p.partner[live] >= 0, p.partner[live], p.owner[live])
        clinical = np.bincount(payer[(p.stage[live] >= 1) & (p.stage[live] < MARKETED)], minlength=a.n)
        marketed = np.bincount(payer[p.stage[live] == MARKETED], minlength=a.n)
        missing = np.maximum(cal.pharma_target_pipeline - clinical[pharma], 0)
        lost = np.maximum(cal.products_per_pharma - a.products[pharma] - marketed[pharma], 0)
        return pharma, (missing + lost) / cal.pharma_target_pipeline

    def step(self) -> None:
        """One quarter of pharma R&D, in-licensing, platform deals, collaborations, acquisitions."""
        pharma, gap = self.pipeline_gap()
        self._pharma_research(pharma)
        self._in_license(pharma, gap)
        self._platform_deals()
        self._collaborations()
        self._acquisitions(pharma, gap)

    def _pharma_research(self, pharma: np.ndarray) -> None:
        m = self.m
        starts = m.rng.poisson(m.calibration.pharma_programs_per_year / 4, len(pharma))
        owners = np.repeat(pharma, starts)
        if len(owners):
            stages = np.zeros(len(owners), dtype=np.int8)
            m.programs.add(owners, stages, quarters(m.rng, stages, m.calibration))

    def _in_license(self, pharma: np.ndarray, gap: np.ndarray) -> None:
        m = self.m
        a, p, cal = m.agents, m.programs, m.calibration
        buyers = pharma[m.rng.random(len(pharma)) < quarterly(cal.license_rate_per_year) * np.minimum(gap, 2.0)]
        if not len(buyers):
            return
        live = p.live()
        offer = live[(p.partner[live] < 0) & (p.stage[live] < MARKETED) & (a.kind[p.owner[live]] == FIRM)]
        for buyer in buyers:
            if not len(offer):
                return
            owners = np.unique(p.owner[offer])
            licensor = choose(m, int(buyer), owners, proximity_weight=0.5)
            theirs = offer[p.owner[offer] == licensor]
            program = int(theirs[np.argmax(p.stage[theirs])])
            self._license(program, licensor, int(buyer))
            offer = offer[offer != program]

    def _license(self, program: int, licensor: int, licensee: int, kind: str = "license") -> None:
        m = self.m
        p, cal = m.programs, m.calibration
        stage = int(p.stage[program])
        upfront = cal.upfront[min(stage, 4)]
        p.partner[program] = licensee
        m.agents.cash[licensor] += upfront
        terms = {"upfront": upfront, "milestones": float(sum(cal.milestones[min(stage, 4):])) / 4,
                 "royalty": cal.royalty_rate * 100}
        m.record(kind, ((licensor, "licensor" if kind == "license" else "partner"),
                        (licensee, "licensee" if kind == "license" else "partner")), stage, terms)

    def partner_out(self, program: int) -> None:
        """An approved product of a firm that stays small goes to a pharma marketer."""
        m = self.m
        pharma = np.flatnonzero(m.agents.mask(PHARMA))
        if len(pharma):
            owner = int(m.programs.owner[program])
            self._license(program, owner, choose(m, owner, pharma, proximity_weight=0.2), "marketing_distribution")

    def _platform_deals(self) -> None:
        m = self.m
        a, cal = m.agents, m.calibration
        n = a.n
        firms = np.flatnonzero(a.mask(FIRM) & np.isin(a.model[:n], (PLATFORM, HYBRID)))
        signing = firms[m.rng.random(len(firms)) < quarterly(cal.license_rate_per_year / 2)]
        pharma = np.flatnonzero(a.mask(PHARMA))
        for firm in signing if len(pharma) else ():
            buyer = choose(m, int(firm), pharma)
            a.cash[firm] += cal.upfront[0]
            m.record("license", ((int(firm), "licensor"), (buyer, "licensee")), "platform",
                     {"upfront": cal.upfront[0], "royalty": cal.royalty_rate * 50})

    def _collaborations(self) -> None:
        m = self.m
        a, cal, t = m.agents, m.calibration, m.t
        firms = np.flatnonzero(a.mask(FIRM))
        odds = quarterly(cal.collaboration_rate_per_year) * m.env.matchmaking[t, a.region[firms]]
        starting = firms[m.rng.random(len(firms)) < np.minimum(odds, 0.9)]
        if not len(starting):
            return
        n = a.n
        pool = np.flatnonzero(a.alive[:n] & np.isin(a.kind[:n], (PRODUCER, FIRM, PHARMA)))
        for firm in starting:
            partner = choose(m, int(firm), pool[pool != firm])
            kind = "co_development" if a.kind[partner] == PHARMA and m.stage_now[firm] >= 1 else "rd_collaboration"
            funded = a.kind[partner] == PHARMA
            if funded:
                a.cash[firm] += cal.collaboration_funding
            terms = {"research_funding": cal.collaboration_funding} if funded else {}
            m.record(kind, ((int(firm), "partner"), (partner, "partner")), int(max(m.stage_now[firm], 0)), terms)
            learn(m, int(firm), partner)

    def _acquisitions(self, pharma: np.ndarray, gap: np.ndarray) -> None:
        m = self.m
        a, p, cal = m.agents, m.programs, m.calibration
        buyers = pharma[m.rng.random(len(pharma)) < quarterly(cal.acquisition_rate_per_year) * np.minimum(gap, 2.0)]
        for buyer in buyers:
            targets = np.flatnonzero(a.mask(FIRM) & (m.stage_now >= 1))
            if not len(targets):
                return
            target = choose(m, int(buyer), targets, proximity_weight=0.3)
            live = p.live()
            theirs = live[p.owner[live] == target]
            value = cal.acquisition_premium * (max(a.cash[target], 0.0) + sum(cal.upfront[min(s, 4)]
                                                                             for s in p.stage[theirs]))
            p.owner[theirs] = buyer
            p.partner[theirs[p.partner[theirs] == buyer]] = -1
            a.alive[target] = False
            m.close(np.array([target]), "acquired")
            m.record("acquisition", ((int(buyer), "acquirer"), (target, "target")), int(m.stage_now[target]),
                     {"value": float(value)})
            m.count("acquisitions", 1)
