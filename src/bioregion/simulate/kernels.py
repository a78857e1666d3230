"""Compiled kernels (numba) for the hot rules of a model step.

A partner search scores ``k x B`` candidate pairs; in numpy this costs some
twenty array operations and temporaries per search (and a sorted-array lookup
of prior ties), which dominates a long run. :func:`choose_partners` does the
scoring, the prior-tie lookup (binary search in the sorted pair keys) and the
weighted draw in one pass over the pairs, with no temporaries.

All random numbers are drawn by the caller from the model's generator and
passed in, so a run stays reproducible bit for bit for a given seed.
numba is imported lazily, on the first call: :func:`available` tells whether
it is installed (the ``sim`` extra); without it the rules fall back to the
pure-numpy path of :mod:`bioregion.simulate.partners`, which draws the same
random numbers but may round differently, so trajectories can differ between
the two paths (never between runs of one path). Kernels compile with
``cache=True``: the compile cost (a few seconds) is paid once per machine.
"""

from __future__ import annotations

import functools
import math

import numpy as np

__all__ = ["available", "choose_partners", "accounts", "develop", "venture_rounds", "fail", "link", "offers", "settle"]

_KERNELS: dict = {}


def available() -> bool:
    """Whether numba is installed, so the compiled kernels can be used."""
    if "ok" not in _KERNELS:
        try:
            import numba  # noqa: F401
        except ImportError:
            _KERNELS["ok"] = False
        else:
            _KERNELS["ok"] = True
    return _KERNELS["ok"]


def _compiled(name: str):
    if name not in _KERNELS:
        from numba import njit

        _KERNELS[name] = njit(cache=True, nogil=True)(_PYTHON[name])
    return _KERNELS[name]


def choose_partners(searchers: np.ndarray, sample: np.ndarray, draws: np.ndarray, proximity_weight: np.ndarray,
                    region: np.ndarray, proximity: np.ndarray, degree: np.ndarray, profile: np.ndarray,
                    tie_keys: np.ndarray, new_keys: np.ndarray, weights: tuple[float, float, float, float],
                    top_degree: int) -> np.ndarray:
    """Pick one partner per searcher among its row of ``sample``; -1 when none can be picked.

    Parameters
    ----------
    searchers : ndarray of int, shape (k,)
    sample : ndarray of int, shape (k, B)
        Candidate rows of each searcher.
    draws : ndarray of float, shape (k,)
        Uniform [0, 1) numbers, one per searcher.
    proximity_weight : ndarray of float, shape (k,)
    region, degree, profile : ndarray
        Agent columns.
    proximity : ndarray (R, R)
        ``exp(-distance / distance_scale_km)`` between regions.
    tie_keys, new_keys : ndarray of int64
        Sorted pair keys of past alliances (``min << 32 | max``).
    weights : tuple of float
        Weights of proximity, prior ties, degree and complementarity.

    See :mod:`bioregion.simulate.partners` for the score.
    """
    return _compiled("choose")(
        searchers.astype(np.int64, copy=False), sample.astype(np.int64, copy=False), draws, proximity_weight,
        region, proximity, degree, profile, tie_keys, new_keys, float(weights[0]), float(weights[1]),
        float(weights[2]), float(weights[3]), math.log1p(max(top_degree, 1)))


def accounts(programs, agents, n: int, firm_kind: int, platform: int, hybrid: int, marketed: int,
             quarter_cost: np.ndarray, calibration) -> tuple[np.ndarray, ...]:
    """One pass over programs and agents: what :func:`lifecycle.cash_flow` and friends need.

    Returns ``(best, burn, revenue, clinical, on_market)``: per agent, the highest
    stage (0-4) of the programs it owns (-1 without one), costs and revenue of
    the quarter (before grants and credits) and the clinical and marketed
    programs it pays for.
    """
    p, cal = programs, calibration
    sales = cal.product_revenue_per_year / 4
    return _compiled("accounts")(
        p.n, p.alive, p.owner, p.partner, p.stage, n, agents.alive, agents.kind, agents.model,
        np.int8(firm_kind), np.int8(platform), np.int8(hybrid), marketed, quarter_cost,
        float(cal.overhead_per_quarter), float(cal.platform_revenue_per_quarter), float(sales),
        float(cal.royalty_rate))


def _accounts(count, alive, owner, partner, stage, n, agent_alive, kind, model, firm_kind, platform, hybrid,
              marketed, quarter_cost, overhead, platform_revenue, sales, royalty):  # pragma: no cover - compiled
    best = np.full(n, -1, dtype=np.int8)
    burn = np.zeros(n)
    revenue = np.zeros(n)
    clinical = np.zeros(n, dtype=np.int64)
    on_market = np.zeros(n, dtype=np.int64)
    for i in range(count):   # program order, as numpy's bincount: same sums bit for bit
        if not alive[i]:
            continue
        o, st = owner[i], stage[i]
        payer = partner[i] if partner[i] >= 0 else o
        if min(st, 4) > best[o]:
            best[o] = min(st, 4)
        if st < marketed:
            burn[payer] += quarter_cost[st]
            if st >= 1:
                clinical[payer] += 1
        else:
            on_market[payer] += 1
    for i in range(count):   # revenue in the order of numpy's two passes (owners, then partners)
        if alive[i] and stage[i] >= marketed:
            revenue[owner[i]] += royalty * sales if partner[i] >= 0 else sales
    licensee = np.zeros(n)
    for i in range(count):
        if alive[i] and stage[i] >= marketed and partner[i] >= 0:
            licensee[partner[i]] += sales * (1 - royalty)
    revenue += licensee
    for j in range(n):
        if agent_alive[j] and kind[j] == firm_kind:
            burn[j] += overhead
            if model[j] == platform:
                revenue[j] += platform_revenue
            elif model[j] == hybrid:
                revenue[j] += platform_revenue / 2
    return best, burn, revenue, clinical, on_market


def develop(rng: np.random.Generator, programs, agents, firm_kind: int, platform: int, marketed: int,
            start_probability: float, calibration, pharma_starts: np.ndarray) -> np.ndarray:
    """New programs, then a quarter of development for every live program; return the approved ones.

    Firms of kind ``firm_kind`` with cash and a model other than ``platform``
    start a preclinical program with ``start_probability``; then every live
    program spends a quarter, and those due pass their stage (with the
    calibrated transition probability; the owner of a partnered one earns its
    milestone) or end; marketed ones lose exclusivity. Random numbers come
    from ``rng`` inside the kernel. Last, the owners in ``pharma_starts``
    (one row per new in-house program of big pharma) start preclinical programs.
    """
    p, a, cal = programs, agents, calibration
    p._reserve(p.n + a.n + len(pharma_starts))
    count, approved = _compiled("develop")(
        rng, p.n, p.owner, p.origin, p.partner, p.stage, p.remaining, p.alive, a.n, a.alive, a.kind, a.model,
        a.cash, np.int8(firm_kind), np.int8(platform), marketed, float(start_probability), *_stage_arrays(cal),
        float(cal.duration_shape), int(cal.exclusivity_years * 4), pharma_starts.astype(np.int64, copy=False))
    p.n = count
    return approved


@functools.lru_cache(maxsize=16)
def _stage_arrays(calibration) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Transition probabilities, mean durations (years) and quarterly milestones by stage."""
    return (np.asarray(calibration.transition, dtype=np.float64),
            np.asarray(calibration.duration_years, dtype=np.float64),
            np.asarray(calibration.milestones, dtype=np.float64) / 4)


def _develop(rng, count, owner, origin, partner, stage, remaining, alive, n, agent_alive, kind, model, cash,
             firm_kind, platform, marketed, start_probability, transition, duration, milestone, shape, exclusivity,
             pharma_starts):  # pragma: no cover - compiled
    for j in range(n):
        if agent_alive[j] and kind[j] == firm_kind and cash[j] > 0 and model[j] != platform:
            if rng.random() < start_probability:
                owner[count], origin[count], partner[count], stage[count], alive[count] = j, j, -1, 0, True
                remaining[count] = max(1, int(np.rint(rng.gamma(shape, duration[0] / shape) * 4)))
                count += 1
    approved = np.empty(count, dtype=np.int64)
    done = 0
    for i in range(count):
        if not alive[i]:
            continue
        remaining[i] -= 1
        if remaining[i] > 0:
            continue
        st = stage[i]
        if st >= marketed:
            alive[i] = False
        elif rng.random() < transition[st]:
            stage[i] = st + 1
            if partner[i] >= 0:
                cash[owner[i]] += milestone[st]
            if st + 1 < marketed:
                remaining[i] = max(1, int(np.rint(rng.gamma(shape, duration[st + 1] / shape) * 4)))
            else:
                remaining[i] = exclusivity
                approved[done] = i
                done += 1
        else:
            alive[i] = False
    for j in pharma_starts:
        owner[count], origin[count], partner[count], stage[count], alive[count] = j, j, -1, 0, True
        remaining[count] = max(1, int(np.rint(rng.gamma(shape, duration[0] / shape) * 4)))
        count += 1
    return count, approved[:done]


def venture_rounds(rng: np.random.Generator, agents, firm_kind: int, investor_kind: int, burn: np.ndarray,
                   stage_now: np.ndarray, odds_scale: float, vc: np.ndarray, distance: np.ndarray,
                   calibration) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Venture rounds of one quarter: ``(raising firms, lead investors, amounts)``; cash is paid in.

    See :func:`bioregion.simulate.lifecycle.venture_rounds` for the rule;
    ``odds_scale`` is the base probability times the funding multiplier and
    ``vc`` the per-region multiplier of this quarter.
    """
    a, cal = agents, calibration
    return _compiled("venture")(
        rng, a.n, a.alive, a.kind, a.cash, a.degree, a.region, a.fund, np.int8(firm_kind), np.int8(investor_kind),
        burn, stage_now, float(odds_scale), vc, distance, 4.0 * float(cal.distance_scale_km),
        np.asarray(cal.round_size, dtype=np.float64))


def _venture(rng, n, alive, kind, cash, degree, region, fund, firm_kind, investor_kind, burn, stage_now,
             odds_scale, vc, distance, scale, round_size):  # pragma: no cover - compiled
    investors = np.flatnonzero(alive[:n] & (kind[:n] == investor_kind))
    raising = np.empty(n, dtype=np.int64)
    lead = np.empty(n, dtype=np.int64)
    amounts = np.empty(n)
    done = 0
    if investors.shape[0] == 0:
        return raising[:0], lead[:0], amounts[:0]
    cumulative = np.empty(investors.shape[0])
    for j in range(n):
        if not (alive[j] and kind[j] == firm_kind and cash[j] < 4 * burn[j]):
            continue
        stage = max(stage_now[j], 0)
        network = degree[j] / (1.0 + degree[j])
        odds = odds_scale * vc[region[j]] * (0.6 + 0.1 * stage) * (0.75 + 0.5 * network)
        if rng.random() >= min(odds, 0.95):
            continue
        total = 0.0
        for v in range(investors.shape[0]):
            inv = investors[v]
            total += fund[inv] * np.exp(-distance[region[j], region[inv]] / scale)
            cumulative[v] = total
        draw = rng.random() * total
        pick = 0
        while pick < investors.shape[0] - 1 and cumulative[pick] < draw:
            pick += 1
        raising[done], lead[done], amounts[done] = j, investors[pick], round_size[stage]
        cash[j] += round_size[stage]
        done += 1
    return raising[:done], lead[:done], amounts[:done]


def link(degree: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Raise the degree of ``a[i]`` and ``b[i]`` by one each; return the pair keys."""
    return _compiled("link")(degree, a.astype(np.int64, copy=False), b.astype(np.int64, copy=False))


def _link(degree, a, b):  # pragma: no cover - compiled
    keys = np.empty(a.shape[0], dtype=np.int64)
    for i in range(a.shape[0]):
        degree[a[i]] += 1
        degree[b[i]] += 1
        keys[i] = (min(a[i], b[i]) << 32) | max(a[i], b[i])
    return keys


def offers(programs, agents, firm_kind: int, marketed: int) -> tuple[np.ndarray, np.ndarray]:
    """Firms with an unpartnered program in development, and the most advanced such program of each.

    Returns ``(owners, program)``: owners in increasing row order and, per
    agent row, the program offered (-1 for none); among programs of equal
    stage the oldest is offered.
    """
    p, a = programs, agents
    best = _compiled("offers")(p.n, p.alive, p.owner, p.partner, p.stage, a.n, a.kind, np.int8(firm_kind), marketed)
    return np.flatnonzero(best >= 0), best


def _offers(count, alive, owner, partner, stage, n, kind, firm_kind, marketed):  # pragma: no cover - compiled
    best = np.full(n, -1, dtype=np.int64)
    for i in range(count):
        o = owner[i]
        if alive[i] and partner[i] < 0 and stage[i] < marketed and kind[o] == firm_kind:
            if best[o] < 0 or stage[i] > stage[best[o]]:
                best[o] = i
    return best


def settle(agents, firm_kind: int, burn: np.ndarray, revenue: np.ndarray, grant: np.ndarray, tax_rate: np.ndarray,
           tax_cap: np.ndarray) -> float:
    """Pay the quarter into the cash of every agent; return grants plus tax credits paid to firms.

    ``grant``, ``tax_rate`` and ``tax_cap`` are this quarter's rows, per region;
    a region's grant is shared equally among its firms alive.
    """
    a = agents
    return _compiled("settle")(a.n, a.alive, a.kind, a.region, a.cash, np.int8(firm_kind), burn, revenue, grant,
                               tax_rate, tax_cap)


def _settle(n, alive, kind, region, cash, firm_kind, burn, revenue, grant, tax_rate, tax_cap):  # pragma: no cover
    in_region = np.zeros(grant.shape[0], dtype=np.int64)
    for j in range(n):
        if alive[j] and kind[j] == firm_kind:
            in_region[region[j]] += 1
    paid = 0.0
    for j in range(n):
        given, credit = 0.0, 0.0
        if alive[j] and kind[j] == firm_kind:
            r = region[j]
            given = grant[r] / max(in_region[r], 1)
            credit = min(tax_rate[r] * burn[j], tax_cap[r])
            paid += given + credit
        cash[j] += revenue[j] + given + credit - burn[j]
    return paid


def fail(agents, programs, firm_kind: int) -> np.ndarray:
    """Close firms out of cash and stop their unpartnered programs; return the closed rows."""
    a, p = agents, programs
    return _compiled("stop")(a.n, a.alive, a.kind, a.cash, np.int8(firm_kind), p.n, p.alive, p.owner, p.partner)


def _stop(n, alive, kind, cash, firm_kind, count, program_alive, owner, partner):  # pragma: no cover - compiled
    failed = np.flatnonzero(alive[:n] & (kind[:n] == firm_kind) & (cash[:n] < 0))
    if failed.shape[0]:
        alive[failed] = False
        closing = np.zeros(n, dtype=np.bool_)
        closing[failed] = True
        for i in range(count):
            if program_alive[i] and partner[i] < 0 and closing[owner[i]]:
                program_alive[i] = False
    return failed


def _choose(searchers, sample, draws, proximity_weight, region, proximity, degree, profile,
            tie_keys, new_keys, w_prox, w_tie, w_deg, w_comp, log_top):  # pragma: no cover - compiled
    k, breadth = sample.shape
    caps = profile.shape[1]
    out = np.full(k, -1, dtype=np.int64)
    cumulative = np.empty(breadth)
    for i in range(k):
        s = searchers[i]
        norm_s = 0.0
        for c in range(caps):
            norm_s += profile[s, c] * profile[s, c]
        norm_s = math.sqrt(norm_s)
        total = 0.0
        for j in range(breadth):
            b = sample[i, j]
            weight = 0.0
            if b != s:
                dot, norm_b = 0.0, 0.0
                for c in range(caps):
                    dot += profile[s, c] * profile[b, c]
                    norm_b += profile[b, c] * profile[b, c]
                norms = math.sqrt(norm_b) * norm_s
                sim = dot / norms if norms > 0 else dot
                key = (min(s, b) << 32) | max(s, b)
                tied = 0.0
                if degree[s] > 0 and degree[b] > 0:   # allies have a degree
                    for keys in (tie_keys, new_keys):
                        lo, hi = 0, keys.shape[0]
                        while lo < hi:   # binary search of the sorted keys
                            mid = (lo + hi) >> 1
                            if keys[mid] < key:
                                lo = mid + 1
                            else:
                                hi = mid
                        if lo < keys.shape[0] and keys[lo] == key:
                            tied = 1.0
                score = (w_prox * proximity[region[s], region[b]] * proximity_weight[i]
                         + w_tie * tied + w_deg * math.log1p(degree[b]) / log_top
                         + w_comp * 4.0 * sim * (1.0 - sim))
                weight = math.exp(score)
            total += weight
            cumulative[j] = total
        if total > 0:
            draw = draws[i] * total
            pick = 0
            while pick < breadth - 1 and cumulative[pick] <= draw:
                pick += 1
            out[i] = sample[i, pick]
    return out


_PYTHON = {"choose": _choose, "accounts": _accounts, "develop": _develop, "venture": _venture, "stop": _stop, "link": _link, "offers": _offers, "settle": _settle}
