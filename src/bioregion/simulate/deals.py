"""Deal rules: licences, platform deals, collaborations and acquisitions.

Big pharma's **pipeline gap** (programs it lacks against its target, plus
products lost to the patent cliff) drives in-licensing and acquisitions of new
biotech firms; firms sign research collaborations with knowledge producers,
other firms and pharma, learning from each other's knowledge profiles.
Partners are chosen by :mod:`bioregion.simulate.partners`. With numba
installed, the compiled quarter runs these rules instead
(:mod:`bioregion.simulate.compiled`).

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

from .eventlog import ACQUISITION, CO_DEVELOPMENT, LICENSE, MARKETING, PLATFORM_LICENSE, RD_COLLABORATION
from .lifecycle import MARKETED, quarterly, quarters
from .partners import choose, learn
from .state import FIRM, HYBRID, PHARMA, PLATFORM

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
        if not len(buyers) or not len(offer):
            return
        offer = offer[np.lexsort((-p.stage[offer], p.owner[offer]))]   # by owner, most advanced first
        owners, first = np.unique(p.owner[offer], return_index=True)
        licensors = choose(m, buyers, owners, proximity_weight=0.5)
        keep = _first_of_each(licensors)
        programs = offer[first[np.searchsorted(owners, licensors[keep])]]
        self.license(programs, licensors[keep], buyers[keep])

    def license(self, programs: np.ndarray, licensors: np.ndarray, licensees: np.ndarray,
                code: int = LICENSE) -> None:
        """Partner ``programs`` out: the licensee pays upfront now, milestones later, royalties on sales."""
        m = self.m
        cal = m.calibration
        stage = np.minimum(m.programs.stage[programs], 4)
        upfront = np.asarray(cal.upfront)[stage]
        m.programs.partner[programs] = licensees
        np.add.at(m.agents.cash, licensors, upfront)
        milestones = np.cumsum(np.asarray(cal.milestones)[::-1])[::-1][stage] / 4
        m.record(code, licensors, licensees, m.programs.stage[programs], (upfront, milestones, 100 * cal.royalty_rate))

    def partner_out(self, programs: np.ndarray) -> None:
        """Approved products of firms that stay small go to pharma marketers."""
        m = self.m
        owners = m.programs.owner[programs]
        marketers = choose(m, owners, np.flatnonzero(m.agents.mask(PHARMA)), proximity_weight=0.2)
        ok = marketers >= 0
        self.license(programs[ok], owners[ok], marketers[ok], MARKETING)

    def _platform_deals(self) -> None:
        m = self.m
        a, cal = m.agents, m.calibration
        n = a.n
        firms = np.flatnonzero(a.mask(FIRM) & ((a.model[:n] == PLATFORM) | (a.model[:n] == HYBRID)))
        signing = firms[m.rng.random(len(firms)) < quarterly(cal.license_rate_per_year / 2)]
        if not len(signing):
            return
        buyers = choose(m, signing, np.flatnonzero(a.mask(PHARMA)))
        signing, buyers = signing[buyers >= 0], buyers[buyers >= 0]
        a.cash[signing] += cal.upfront[0]
        m.record(PLATFORM_LICENSE, signing, buyers, -1, (cal.upfront[0], cal.royalty_rate * 50))

    def _collaborations(self) -> None:
        m = self.m
        a, cal, t = m.agents, m.calibration, m.t
        n = a.n
        firms = np.flatnonzero(a.mask(FIRM))
        odds = quarterly(cal.collaboration_rate_per_year) * m.env.matchmaking[t, a.region[firms]]
        starting = firms[m.rng.random(len(firms)) < np.minimum(odds, 0.9)]
        if not len(starting):
            return
        pool = np.flatnonzero(a.alive[:n] & (a.kind[:n] <= PHARMA))   # producers, firms, pharma
        partners = choose(m, starting, pool)
        starting, partners = starting[partners >= 0], partners[partners >= 0]
        funded = a.kind[partners] == PHARMA
        a.cash[starting[funded]] += cal.collaboration_funding
        joint = funded & (m.stage_now[starting] >= 1)
        for code, which in ((CO_DEVELOPMENT, joint), (RD_COLLABORATION, ~joint)):
            m.record(code, starting[which], partners[which], np.maximum(m.stage_now[starting[which]], 0),
                     (cal.collaboration_funding,) if code == CO_DEVELOPMENT else ())
        learn(m, starting, partners)

    def _acquisitions(self, pharma: np.ndarray, gap: np.ndarray) -> None:
        m = self.m
        a, p, cal = m.agents, m.programs, m.calibration
        buyers = pharma[m.rng.random(len(pharma)) < quarterly(cal.acquisition_rate_per_year) * np.minimum(gap, 2.0)]
        if not len(buyers):
            return
        targets = choose(m, buyers, np.flatnonzero(a.mask(FIRM) & (m.stage_now >= 1)), proximity_weight=0.3)
        keep = _first_of_each(targets)
        buyers, targets = buyers[keep], targets[keep]
        if not len(targets):
            return
        acquirer = np.full(a.n, -1)
        acquirer[targets] = buyers
        live = p.live()
        theirs = live[acquirer[p.owner[live]] >= 0]
        worth = np.bincount(p.owner[theirs], np.asarray(cal.upfront)[np.minimum(p.stage[theirs], 4)], minlength=a.n)
        value = cal.acquisition_premium * (np.maximum(a.cash[targets], 0.0) + worth[targets])
        p.owner[theirs] = acquirer[p.owner[theirs]]
        p.partner[theirs[p.partner[theirs] == p.owner[theirs]]] = -1
        a.alive[targets] = False
        m.close(targets, "acquired")
        m.record(ACQUISITION, buyers, targets, m.stage_now[targets], (value,))
        m.count("acquisitions", len(targets))


def _first_of_each(picks: np.ndarray) -> np.ndarray:
    """Indices of the first occurrence of each valid (>= 0) pick, in order."""
    valid = np.flatnonzero(picks >= 0)
    _, first = np.unique(picks[valid], return_index=True)
    return valid[np.sort(first)]
