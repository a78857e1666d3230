"""Rules of the firm life cycle: spin-offs, programs, cash, venture rounds, IPOs, failure.

Each rule reads and writes whole columns of the model's arrays for one quarter.
With numba installed, the rules after spin-offs run as one compiled call
instead (:mod:`bioregion.simulate.compiled`); these numpy rules are the
reference and the path without the ``sim`` extra.

References
----------
.. [1] BIO, Informa & QLS (2021). Clinical Development Success Rates 2011-2020.
.. [2] DiMasi, Grabowski & Hansen (2016). *J. Health Economics* 47, 20-33.
.. [3] Segers, J.-P. (2017), ch. 2: spin-offs from universities, the valley of
   death between discovery and proof of concept, business models and FIPCOs.
"""

from __future__ import annotations

import numpy as np

from .eventlog import IPO, VENTURE_ROUND
from .pipeline import phase_durations
from .state import FIPCO, FIRM, HYBRID, INVESTOR, PHARMA, PLATFORM, PRODUCT

__all__ = ["quarterly", "spin_offs", "develop", "new_programs", "advance_programs", "cash_flow",
           "venture_rounds", "ipos", "failures", "count_firms"]

MARKETED = 5
#: Business model of a new spin-off: product, platform, hybrid (hybrid dominant, Segers 2017).
SPIN_OFF_MODELS = (0.3, 0.2, 0.5)


def quarterly(rate_per_year: float) -> float:
    """Convert a yearly probability to a quarterly one.

    Examples
    --------
    >>> round(quarterly(0.5), 4)
    0.1591
    """
    return 1.0 - (1.0 - min(rate_per_year, 1.0)) ** 0.25


def quarters(rng: np.random.Generator, stages: np.ndarray, calibration) -> np.ndarray:
    """Quarters spent in each of ``stages`` (gamma years, rounded, at least one)."""
    if len(stages) == 0:
        return np.zeros(0, dtype=np.int16)
    years = phase_durations(rng, stages, calibration)
    return np.maximum(1, np.rint(years * 4)).astype(np.int16)


def spin_offs(m) -> None:
    """Knowledge producers turn discoveries into spin-off firms (Poisson thinning)."""
    a, cal, t = m.agents, m.calibration, m.t
    producers = m.producers
    if not len(producers):
        return
    region = a.region[producers]
    rate = (cal.discoveries_per_year / 4 * m.env.discovery[t, region]
            * np.minimum(cal.spin_off_probability * m.env.spin[t, region] * m.transfer_boost[region], 1.0))
    parents = np.repeat(producers, m.rng.poisson(rate))
    if len(parents):
        models = m.rng.choice(3, size=len(parents), p=SPIN_OFF_MODELS).astype(np.int8)
        m.found_firms(parents, models)


def develop(m) -> None:
    """:func:`new_programs` then :func:`advance_programs`."""
    new_programs(m)
    advance_programs(m)


def new_programs(m) -> None:
    """Product and hybrid firms with cash start new preclinical programs."""
    a, cal = m.agents, m.calibration
    firms = np.flatnonzero(a.mask(FIRM) & (a.cash[: a.n] > 0) & (a.model[: a.n] != PLATFORM))
    starts = firms[m.rng.random(len(firms)) < quarterly(cal.new_program_rate_per_year)]
    if len(starts):
        stages = np.zeros(len(starts), dtype=np.int8)
        m.programs.add(starts, stages, quarters(m.rng, stages, cal))


def advance_programs(m) -> None:
    """Programs spend a quarter; those due pass or fail their stage; exclusivity runs out."""
    p, cal, rng = m.programs, m.calibration, m.rng
    live = p.live()
    p.remaining[live] -= 1
    done = live[p.remaining[live] <= 0]
    expired = done[p.stage[done] == MARKETED]
    p.alive[expired] = False
    due = done[p.stage[done] < MARKETED]
    passed = rng.random(len(due)) < np.asarray(cal.transition)[p.stage[due]]
    p.alive[due[~passed]] = False
    up = due[passed]
    p.stage[up] += 1
    clinical = up[p.stage[up] < MARKETED]
    p.remaining[clinical] = quarters(rng, p.stage[clinical], cal)
    _pay_milestones(m, up)
    approved = up[p.stage[up] == MARKETED]
    p.remaining[approved] = int(cal.exclusivity_years * 4)
    m.count("approvals", len(approved))
    _launch(m, approved)


def _pay_milestones(m, up: np.ndarray) -> None:
    p, a, cal = m.programs, m.agents, m.calibration
    if not len(up):
        return
    partnered = up[p.partner[up] >= 0]
    amount = np.asarray(cal.milestones)[p.stage[partnered] - 1] / 4
    np.add.at(a.cash, p.owner[partnered], amount)


def _launch(m, approved: np.ndarray) -> None:
    """An approved own product makes a product/hybrid firm a FIPCO, or is partnered out."""
    p, a, cal = m.programs, m.agents, m.calibration
    if not len(approved):
        return
    own = approved[(p.partner[approved] < 0) & (a.kind[p.owner[approved]] == FIRM)]
    owners = p.owner[own]
    can = (a.model[owners] == PRODUCT) | (a.model[owners] == HYBRID)
    become = can & (m.rng.random(len(own)) < cal.fipco_probability)
    a.model[owners[become]] = FIPCO
    m.count("fipcos", int(np.unique(owners[become]).size))
    m.deals.partner_out(own[~become & (a.model[owners] != FIPCO)])


def _quarter_cost(cal) -> np.ndarray:
    return np.asarray(cal.stage_cost) / (np.asarray(cal.duration_years) * 4)


def cash_flow(m) -> None:
    """Costs burn cash; revenue, royalties, grants and R&D tax credits add to it."""
    a, p, cal, env, t = m.agents, m.programs, m.calibration, m.env, m.t
    n, live = a.n, p.live()
    firms = a.mask(FIRM)
    payer = np.where(p.partner[live] >= 0, p.partner[live], p.owner[live])
    stage = p.stage[live]
    developing = stage < MARKETED
    burn = sum_by(payer[developing], _quarter_cost(cal)[np.minimum(stage, 4)][developing], n)
    burn[firms] += cal.overhead_per_quarter
    revenue = _product_revenue(m, live[~developing], n)
    revenue[firms & (a.model[:n] == PLATFORM)] += cal.platform_revenue_per_quarter
    revenue[firms & (a.model[:n] == HYBRID)] += cal.platform_revenue_per_quarter / 2
    region = a.region[:n]
    in_region = np.bincount(region[firms], minlength=env.grant.shape[1])
    grant = np.where(firms, env.grant[t, region] / np.maximum(in_region[region], 1), 0.0)
    credit = np.where(firms, np.minimum(env.tax_rate[t, region] * burn, env.tax_cap[t, region]), 0.0)
    a.cash[:n] += revenue + grant + credit - burn
    m.burn = burn
    m.count("grants_paid", float(grant.sum() + credit.sum()))


def _product_revenue(m, marketed: np.ndarray, n: int) -> np.ndarray:
    p, cal = m.programs, m.calibration
    sales = cal.product_revenue_per_year / 4
    partnered = p.partner[marketed] >= 0
    owner_share = np.where(partnered, cal.royalty_rate * sales, sales)
    revenue = sum_by(p.owner[marketed], owner_share, n)
    revenue += sum_by(p.partner[marketed[partnered]], np.full(partnered.sum(), sales * (1 - cal.royalty_rate)), n)
    return revenue


def sum_by(index: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Sum ``weights`` per row index (float even when empty)."""
    return np.bincount(index, weights, minlength=n).astype(np.float64, copy=False)


def highest_stage(m) -> np.ndarray:
    """Highest development stage (0-4) of each agent's live programs; -1 without one."""
    p, n = m.programs, m.agents.n
    live = p.live()
    best = np.full(n, -1, dtype=np.int8)
    np.maximum.at(best, p.owner[live], np.minimum(p.stage[live], 4))
    return best


def venture_rounds(m) -> None:
    """Firms short of cash raise rounds; odds rise with stage, network and investor supply."""
    a, cal, env, t = m.agents, m.calibration, m.env, m.t
    n = a.n
    investors = np.flatnonzero(a.mask(INVESTOR))
    firms = np.flatnonzero(a.mask(FIRM) & (a.cash[:n] < 4 * m.burn))
    if not len(investors) or not len(firms):
        return
    stage = np.maximum(m.stage_now[firms], 0)
    network = a.degree[firms] / (1.0 + a.degree[firms])
    odds = (cal.venture_round_probability * env.funding[t] * env.vc[t, a.region[firms]]
            * (0.6 + 0.1 * stage) * (0.75 + 0.5 * network))
    raising = firms[m.rng.random(len(firms)) < np.minimum(odds, 0.95)]
    amounts = np.asarray(cal.round_size)[np.maximum(m.stage_now[raising], 0)]
    lead = _lead_investors(m, raising, investors)
    a.cash[raising] += amounts
    m.record(VENTURE_ROUND, lead, raising, m.stage_now[raising], (amounts,))
    m.count("capital_raised", float(amounts.sum()))


def _lead_investors(m, firms: np.ndarray, investors: np.ndarray) -> np.ndarray:
    """Lead investor of each round: weighted by fund size and proximity."""
    a, cal = m.agents, m.calibration
    if not len(firms):
        return np.zeros(0, dtype=int)
    distance = m.distance_now[a.region[firms][:, None], a.region[investors][None, :]]
    weight = a.fund[investors][None, :] * np.exp(-distance / (4 * cal.distance_scale_km))
    cumulative = np.cumsum(weight, axis=1)
    draws = m.rng.random(len(firms)) * cumulative[:, -1]
    picks = (cumulative < draws[:, None]).sum(axis=1)
    return investors[np.minimum(picks, len(investors) - 1)]


def ipos(m) -> None:
    """While the IPO window is open, firms with a phase II+ program may float."""
    a, cal, env, t = m.agents, m.calibration, m.env, m.t
    flip = m.rng.random()
    if env.ipo_closed[t]:
        m.ipo_window = False
    elif m.ipo_window:
        m.ipo_window = flip >= quarterly(cal.ipo_window_close_per_year)
    else:
        m.ipo_window = flip < quarterly(cal.ipo_window_open_per_year)
    if not m.ipo_window:
        return
    n = a.n
    eligible = np.flatnonzero(a.mask(FIRM) & ~a.listed[:n] & (m.stage_now >= 2))
    floating = eligible[m.rng.random(len(eligible)) < cal.ipo_probability]
    a.listed[floating] = True
    a.cash[floating] += cal.ipo_amount
    m.record(IPO, floating, None, m.stage_now[floating], (cal.ipo_amount,))
    m.count("ipos", len(floating))
    m.count("capital_raised", cal.ipo_amount * len(floating))


def failures(m) -> None:
    """Firms out of cash close (the valley of death); their programs stop."""
    a, p = m.agents, m.programs
    n = a.n
    failed = np.flatnonzero(a.mask(FIRM) & (a.cash[:n] < 0))
    if not len(failed):
        return
    a.alive[failed] = False
    m.close(failed, "closed")
    live = p.live()
    p.alive[live[np.isin(p.owner[live], failed) & (p.partner[live] < 0)]] = False
    m.count("failures", len(failed))


def pharma_products(m) -> None:
    """Big pharma's legacy products lose exclusivity (steadily, and all at once in a patent cliff)."""
    a, cal, t = m.agents, m.calibration, m.t
    pharma = a.mask(PHARMA)
    keep = (1.0 - 1.0 / (4 * cal.exclusivity_years)) * (1.0 - m.env.cliff[t])
    a.products[: a.n][pharma] *= keep


def count_firms(m) -> None:
    """Firms alive by region and business model, into ``m.cells`` (for the data collector)."""
    a = m.agents
    firms = a.mask(FIRM)
    m.cells[:] = np.bincount(a.region[: a.n][firms].astype(np.int64) * m.cells.shape[1] + a.model[: a.n][firms],
                             minlength=m.cells.size).reshape(m.cells.shape)
