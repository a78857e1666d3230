"""The quarter of :class:`~bioregion.simulate.model.BioRegionModel` as compiled (numba) code.

The rules of :mod:`bioregion.simulate.lifecycle`, :mod:`bioregion.simulate.deals`
and :mod:`bioregion.simulate.partners`, written as loops over agents and
programs and run as one compiled call per quarter (:class:`Quarter`): events go
straight into the model's :class:`~bioregion.simulate.eventlog.EventLog`
columns, new alliances into its :class:`~bioregion.simulate.ties.Ties` and the
quarter's counters into its ``flows``, so a step costs a handful of Python
calls whatever the number of agents. Random numbers come from the model's
``numpy.random.Generator``, drawn inside the compiled code.

The order of the rules is that of :meth:`BioRegionModel.step` after entries
and spin-offs (which stay in Python, since they name new organisations): new
programs and their development, approvals (FIPCOs or products partnered out),
pharma's legacy products, the quarter's accounts, venture rounds, IPOs,
in-licensing, platform deals, collaborations, acquisitions and failures; then
the tie keys are merged and the firms alive counted for the data collector.
Within a rule every searcher chooses before any deal is signed, so a rule's
new ties count from the next rule on, as in the numpy rules.

This module imports numba: import it only when
:func:`bioregion.simulate.kernels.available` says it is installed (the ``sim``
extra). It is one file on purpose: numba's on-disk cache (``cache=True``) is
invalidated when the file of a function changes, not when a function it calls
in another file does, so every compiled function and every constant they use
lives here (the constants are checked against their home modules on import).

References
----------
.. [1] BIO, Informa & QLS (2021). Clinical Development Success Rates 2011-2020.
.. [2] DiMasi, Grabowski & Hansen (2016). *J. Health Economics* 47, 20-33.
.. [3] Segers, J.-P. (2017), ch. 2-4: spin-offs, the valley of death, business
   models and FIPCOs, alliance modalities, licensing terms, acquisitions.
.. [4] Munos, B. (2009). Lessons from 60 years of pharmaceutical innovation.
   *Nature Reviews Drug Discovery* 8, 959-968 (pipeline gaps, in-licensing).
.. [5] Powell, W. W., White, D. R., Koput, K. W. & Owen-Smith, J. (2005).
   Network dynamics and field evolution. *Am. J. Sociology* 110, 1132-1205.
.. [6] Gilbert, N., Pyka, A. & Ahrweiler, P. (2001). Innovation networks: a
   simulation approach. *JASSS* 4(3).
"""

from __future__ import annotations

import functools
import math
from collections import namedtuple

import numpy as np
from numba import njit

from ..errors import BioregionError
from . import collector, eventlog, lifecycle, state
from . import ties as _ties
from .lifecycle import quarterly

__all__ = ["Quarter", "quarter", "choose_drawn", "norms_of", "Search"]

# --- constants (literal here: see the module docstring) --------------------------------------------
#: Agent kinds, business models and statuses of :mod:`bioregion.simulate.state`; stage of a marketed program.
PRODUCER, FIRM, PHARMA, INVESTOR = 0, 1, 2, 3
PRODUCT, PLATFORM, HYBRID, FIPCO = 0, 1, 2, 3
CLOSED, ACQUIRED = 1, 2
MARKETED = 5
#: Event codes of :mod:`bioregion.simulate.eventlog` (numpy integers: numba would compile a function
#: taking a plain int constant once per value) and the columns of its rows.
VENTURE_ROUND, IPO, LICENSE, PLATFORM_LICENSE, MARKETING, RD_COLLABORATION, CO_DEVELOPMENT, ACQUISITION = (
    np.int64(code) for code in range(1, 9))
STEP, CODE, FIRST, SECOND, STAGE = range(5)
#: Entries of the model's ``flows`` (:data:`bioregion.simulate.collector.FLOW_NAMES`), and the alliance
#: counter of each event code.
FAILURES, ACQUISITIONS, IPOS, APPROVALS, FIPCOS, CAPITAL_RAISED, GRANTS_PAID = range(1, 8)
ALLIANCE_FLOW = np.array([8, 9, 10, 11, 11, 14, 12, 13, 15])
#: Free slot and hash multiplier of the tie table of :mod:`bioregion.simulate.ties`.
EMPTY, HASH = -1, np.uint64(0x9E3779B97F4A7C15)


def _check_constants() -> None:
    """The literal constants above agree with the modules that define them."""
    expected = ((PRODUCER, FIRM, PHARMA, INVESTOR), (PRODUCT, PLATFORM, HYBRID, FIPCO), (CLOSED, ACQUIRED),
                MARKETED, (VENTURE_ROUND, IPO, LICENSE, PLATFORM_LICENSE, MARKETING, RD_COLLABORATION,
                           CO_DEVELOPMENT, ACQUISITION), (STEP, CODE, FIRST, SECOND, STAGE),
                (FAILURES, ACQUISITIONS, IPOS, APPROVALS, FIPCOS, CAPITAL_RAISED, GRANTS_PAID),
                ALLIANCE_FLOW.tolist(), (EMPTY, HASH))
    names = collector.FLOW_NAMES
    actual = ((state.PRODUCER, state.FIRM, state.PHARMA, state.INVESTOR),
              (state.PRODUCT, state.PLATFORM, state.HYBRID, state.FIPCO), (state.CLOSED, state.ACQUIRED),
              lifecycle.MARKETED, (eventlog.VENTURE_ROUND, eventlog.IPO, eventlog.LICENSE, eventlog.PLATFORM_LICENSE,
                                   eventlog.MARKETING, eventlog.RD_COLLABORATION, eventlog.CO_DEVELOPMENT,
                                   eventlog.ACQUISITION),
              (eventlog.STEP, eventlog.CODE, eventlog.FIRST, eventlog.SECOND, eventlog.STAGE),
              tuple(names.index(n) for n in ("failures", "acquisitions", "ipos", "approvals", "fipcos",
                                             "capital_raised", "grants_paid")),
              [names.index(f"alliances:{kind[0]}") for kind in eventlog.EVENT_KINDS], (_ties.EMPTY, _ties.HASH))
    if expected != actual:
        raise BioregionError("bioregion.simulate.compiled is out of step with the model's constants; "
                             "update its literal constants")


_check_constants()

#: Entries of ``Book.counts``: rows of the event log, keys in the tie table, this quarter's new keys (all,
#: and those visible to partner choice), top degree, program overflow.
EVENTS, TIES, FRESH, PUBLISHED, TOP, OVERFLOW = range(6)
COUNTS = 6
#: Entries of ``World.cal`` (scalars of the calibration, rates already per quarter).
(START, SHAPE, EXCLUSIVITY, OVERHEAD, PLATFORM_REVENUE, SALES, ROYALTY, FIPCO_PROBABILITY, PHARMA_PROGRAMS,
 KEEP_PRODUCTS, VENTURE, IPO_PROBABILITY, IPO_AMOUNT, IPO_OPEN, IPO_CLOSE, LICENSE_RATE, PLATFORM_RATE,
 COLLABORATION_RATE, COLLABORATION_FUNDING, ACQUISITION_RATE, PREMIUM, TARGET_PIPELINE, PRODUCTS_PER_PHARMA,
 LEARNING_RATE) = range(24)
#: Rows of ``World.table`` (one column per stage, preclinical to filed).
TRANSITION, DURATION, MILESTONE, UPFRONT, ROUND_SIZE, QUARTER_COST, MILESTONES_LEFT = range(7)

# --- what the compiled rules read and write ----------------------------------------------------------
#: The step, the calibration packed by :func:`pack` and the environment arrays
#: (:class:`~bioregion.simulate.environment.Environment`), with the venture proximity of regions.
World = namedtuple("World", "t cal table grant tax_rate tax_cap vc matchmaking funding ipo_closed cliff "
                            "venture_proximity")
#: Columns of :class:`bioregion.simulate.state.Agents` (``degree`` and ``profile`` are in Book and Search).
Agents = namedtuple("Agents", "n kind region model alive listed cash fund products status ended")
#: Columns of :class:`bioregion.simulate.state.Programs`; ``count`` is a one-element array (programs start
#: during the quarter).
Programs = namedtuple("Programs", "count owner origin partner stage remaining alive")
#: The event log's columns, the tie keys (hash table of the past ones, and this quarter's ``fresh``
#: ones), ``counts``, the quarter's ``flows`` and the agents' degrees.
Book = namedtuple("Book", "step record events terms ties fresh counts flows degree")
#: What partner choice reads: agents' regions, region proximity, knowledge profiles and their norms
#: (:func:`norms_of`), score weights, search breadth.
Search = namedtuple("Search", "region proximity profile norms weights breadth")
#: Per agent, the quarter's programs (:func:`accounts`): highest stage owned (0-4, -1 for none), costs and
#: product revenue, clinical and marketed programs paid for, and the program offered for in-licensing (the
#: most advanced unpartnered one in development, the oldest of equal stage; -1 for none).
Ledger = namedtuple("Ledger", "stage_now burn revenue clinical on_market offered")
#: Rows of the agents alive at the start of the quarter, by role (none enters during the quarter, none
#: leaves before the acquisitions); ``partners`` are producers, firms and pharma.
Census = namedtuple("Census", "firms pharma investors partners in_region")


# --- the Python side ---------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16)
def pack(calibration) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(scalars, stage table, partner weights)`` of a :class:`~bioregion.simulate.calibration.Calibration`."""
    c = calibration
    scalars = np.array([   # in the order of START ... LEARNING_RATE
        quarterly(c.new_program_rate_per_year), c.duration_shape, int(c.exclusivity_years * 4),
        c.overhead_per_quarter, c.platform_revenue_per_quarter, c.product_revenue_per_year / 4, c.royalty_rate,
        c.fipco_probability, c.pharma_programs_per_year / 4, 1.0 - 1.0 / (4 * c.exclusivity_years),
        c.venture_round_probability, c.ipo_probability, c.ipo_amount, quarterly(c.ipo_window_open_per_year),
        quarterly(c.ipo_window_close_per_year), quarterly(c.license_rate_per_year),
        quarterly(c.license_rate_per_year / 2), quarterly(c.collaboration_rate_per_year), c.collaboration_funding,
        quarterly(c.acquisition_rate_per_year), c.acquisition_premium, c.pharma_target_pipeline,
        c.products_per_pharma, c.learning_rate], dtype=np.float64)
    milestones = np.asarray(c.milestones, dtype=np.float64)
    table = np.array([c.transition, c.duration_years, milestones / 4, c.upfront, c.round_size,
                      np.asarray(c.stage_cost) / (np.asarray(c.duration_years) * 4),
                      np.cumsum(milestones[::-1])[::-1] / 4], dtype=np.float64)
    weights = np.asarray(c.partner_weights, dtype=np.float64)
    for array in (scalars, table, weights):
        array.setflags(write=False)
    return scalars, table, weights


class Quarter:
    """The compiled quarter of one model: ``Quarter(model)()`` runs the model's current quarter.

    Arguments that do not change during a run (calibration, environment
    arrays) are gathered once; the agent and program columns are read at each
    call, since they are reallocated when they grow.
    """

    def __init__(self, model) -> None:
        env = model.env
        self.model = model
        self.counts = np.zeros(COUNTS, dtype=np.int64)
        self.program_count = np.zeros(1, dtype=np.int64)
        self.fixed = (model.search_breadth, *pack(model.calibration), env.grant, env.tax_rate, env.tax_cap, env.vc,
                      env.matchmaking, env.funding, env.ipo_closed, env.cliff)

    def __call__(self) -> None:
        m = self.model
        a, p, log, ties, counts = m.agents, m.programs, m.log, m.ties, self.counts
        p._reserve(p.n + 2 * a.n + 256)     # a new program per firm, and pharma's Poisson starts
        bound = len(p.owner) + 5 * a.n + 64   # events (and new ties) a quarter can sign at most
        spun = ties.take_new()                # ties of this quarter's spin-offs
        ties.reserve(bound + len(spun))
        ties.fresh[: len(spun)] = spun
        if m.record_events:
            log.reserve(log.n + bound)
        counts[EVENTS], counts[TIES], counts[FRESH], self.program_count[0] = log.n, ties.n, len(spun), p.n
        m.ipo_window, ties.table = quarter(
            m.rng, m.t, m.record_events, m.ipo_window, *self.fixed, *m.proximities(), a.n, a.kind, a.region,
            a.model, a.alive, a.listed, a.cash, a.fund, a.products, a.status, a.ended, a.degree, a.profile,
            self.program_count, p.owner, p.origin, p.partner, p.stage, p.remaining, p.alive, log.ints, log.floats,
            ties.table, ties.fresh, counts, m.flows, m.cells)
        p.n, log.n, ties.n = int(self.program_count[0]), int(counts[EVENTS]), int(counts[TIES])
        if counts[OVERFLOW]:
            raise BioregionError(f"step {m.t}: more new programs than the {len(p.owner)} reserved; report this")


@njit(cache=True, nogil=True)
def rehash(table, size, extra, extra_count):
    """A hash table of ``size`` slots with the ``count`` keys of ``table`` and ``extra[:extra_count]``."""
    grown = np.full(size, EMPTY, dtype=np.int64)
    for key in table:
        if key != EMPTY:
            _place(grown, key)
    for key in extra[:extra_count]:
        _place(grown, key)
    return grown


@njit(cache=True, nogil=True)
def quarter(rng, t, record_events, ipo_window_open, breadth, scalars, table, weights, grant, tax_rate, tax_cap, vc,
            matchmaking, funding, ipo_closed, cliff, proximity, venture_proximity, n, kind, region, model, alive,
            listed, cash, fund, products, status, ended, degree, profile, program_count, owner, origin, partner,
            stage, remaining, program_alive, events, terms, ties, fresh, counts, flows, cells):
    """The compiled quarter on the model's columns; returns whether the IPO window is open, and the tie
    table (a larger one when it grew)."""
    if 4 * (counts[TIES] + counts[FRESH]) > ties.shape[0]:   # room for the quarter's new ties
        ties = rehash(ties, 4 * ties.shape[0], fresh, np.int64(0))
    w = World(t, scalars, table, grant, tax_rate, tax_cap, vc, matchmaking, funding, ipo_closed, cliff,
              venture_proximity)
    a = Agents(n, kind, region, model, alive, listed, cash, fund, products, status, ended)
    p = Programs(program_count, owner, origin, partner, stage, remaining, program_alive)
    book = Book(t, record_events, events, terms, ties, fresh, counts, flows, degree)
    search = Search(region, proximity, profile, norms_of(profile, n), weights, breadth)
    counts[PUBLISHED] = counts[TOP] = counts[OVERFLOW] = 0
    publish(book)   # the spin-offs' ties
    for j in range(n):
        counts[TOP] = max(counts[TOP], degree[j])
    c = census(a, grant.shape[1])
    launch(rng, w, a, p, book, search, c, develop(rng, w, a, p, book, c))
    publish(book)
    pharma_products(w, a, c)
    ledger = accounts(w, a, p)
    stage_now, burn = ledger.stage_now, ledger.burn
    settle(w, a, book, c, burn, ledger.revenue)
    window = ipo_window(rng, w, ipo_window_open)
    signing, starting = firm_decisions(rng, w, a, book, c, stage_now, burn, window)
    publish(book)
    gap = pipeline_gap(w, a, c, ledger.clinical, ledger.on_market)
    in_license(rng, w, a, p, book, search, c, gap, ledger.offered)
    publish(book)
    platform_deals(rng, w, a, book, search, c, signing)
    publish(book)
    collaborations(rng, w, a, book, search, c, stage_now, starting)
    publish(book)
    acquisitions(rng, w, a, p, book, search, c, gap, stage_now)
    close_quarter(w, a, p, book, c, cells)
    compact(p)
    merge(book)
    if counts[FRESH]:   # too many for the table: grow it
        size = ties.shape[0]
        while 2 * (counts[TIES] + counts[FRESH]) > size:
            size *= 2
        ties = rehash(ties, size, fresh, counts[FRESH])
        counts[TIES] += counts[FRESH]
        counts[FRESH] = counts[PUBLISHED] = 0
    return window, ties


# --- bookkeeping: events, alliance ties, counters ------------------------------------------------
@njit(cache=True, nogil=True)
def record(book, code, first, second, stage, term0, term1, term2):
    """Count an alliance of event ``code``, tie ``first`` and ``second`` (-1: none), log it with its terms."""
    book.flows[ALLIANCE_FLOW[code]] += 1
    if second >= 0:
        _link(book, first, second)
    if book.record:
        row = book.counts[EVENTS]
        book.events[row, STEP], book.events[row, CODE], book.events[row, STAGE] = book.step, code, stage
        book.events[row, FIRST], book.events[row, SECOND] = first, second
        book.terms[row, 0], book.terms[row, 1], book.terms[row, 2] = term0, term1, term2
        book.counts[EVENTS] = row + 1


@njit(cache=True, nogil=True)
def _link(book, a, b):
    book.degree[a] += 1
    book.degree[b] += 1
    book.counts[TOP] = max(book.counts[TOP], book.degree[a], book.degree[b])
    book.fresh[book.counts[FRESH]] = (min(a, b) << 32) | max(a, b)
    book.counts[FRESH] += 1


@njit(cache=True, nogil=True)
def known(keys, count, key):
    """Whether ``key`` is among the sorted ``keys[:count]`` (binary search)."""
    lo, hi = 0, count
    while lo < hi:
        mid = (lo + hi) >> 1
        if keys[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo < count and keys[lo] == key


@njit(cache=True, nogil=True)
def _first_slot(table, key):
    """Home slot of ``key`` in the hash table (the hash of :class:`~bioregion.simulate.ties.Ties`)."""
    mixed = np.uint64(key) * HASH
    return np.int64((mixed ^ (mixed >> np.uint64(32))) & np.uint64(table.shape[0] - 1))


@njit(cache=True, nogil=True)
def in_table(table, key):
    """Whether ``key`` is in the hash table of past ties (linear probing)."""
    slot, mask = _first_slot(table, key), table.shape[0] - 1
    while table[slot] != EMPTY:
        if table[slot] == key:
            return True
        slot = (slot + 1) & mask
    return False


@njit(cache=True, nogil=True)
def _place(table, key):
    """Put ``key``, not in the table, in its first free slot from home."""
    slot, mask = _first_slot(table, key), table.shape[0] - 1
    while table[slot] != EMPTY:
        slot = (slot + 1) & mask
    table[slot] = key


@njit(cache=True, nogil=True)
def publish(book):
    """Make the pairs tied since the last call visible to partner choice.

    They go into the hash table of ties while it stays at most half full;
    else (rarely: the table has room for as many new pairs as it holds) they
    stay in ``fresh[:PUBLISHED]``, sorted, distinct and apart from the table,
    until :func:`merge`.
    """
    fresh, published, count = book.fresh, book.counts[PUBLISHED], book.counts[FRESH]
    if count == published:
        return
    if published == 0 and 2 * (book.counts[TIES] + count) <= book.ties.shape[0]:
        for key in fresh[:count]:
            if not in_table(book.ties, key):
                _place(book.ties, key)
                book.counts[TIES] += 1
        book.counts[FRESH] = 0
        return
    added = np.sort(fresh[published:count])
    merged = np.empty(count, dtype=np.int64)
    i = kept = 0
    for key in added:
        while i < published and fresh[i] < key:
            merged[kept] = fresh[i]
            kept, i = kept + 1, i + 1
        if (i < published and fresh[i] == key) or (kept > 0 and merged[kept - 1] == key) or in_table(book.ties, key):
            continue
        merged[kept] = key
        kept += 1
    while i < published:
        merged[kept] = fresh[i]
        kept, i = kept + 1, i + 1
    fresh[:kept] = merged[:kept]
    book.counts[FRESH] = book.counts[PUBLISHED] = kept


@njit(cache=True, nogil=True)
def merge(book):
    """Put the quarter's new pairs in the hash table of past ties when it stays at most half full (else
    ``counts[FRESH]`` says how many are left for a larger table)."""
    publish(book)
    table, count = book.ties, book.counts[FRESH]
    if 2 * (book.counts[TIES] + count) > table.shape[0]:
        return
    for key in book.fresh[:count]:
        _place(table, key)
    book.counts[TIES] += count
    book.counts[FRESH] = book.counts[PUBLISHED] = 0


# --- partner choice (score of bioregion.simulate.partners, weighted draw) -------------------------
@njit(cache=True, nogil=True)
def norm(profile, j):
    """Euclidean norm of the knowledge profile of row ``j``."""
    total = 0.0
    for c in range(profile.shape[1]):
        total += profile[j, c] * profile[j, c]
    return math.sqrt(total)


@njit(cache=True, nogil=True)
def norms_of(profile, n):
    """Euclidean norm of each of the first ``n`` knowledge profiles."""
    norms = np.empty(n)
    for j in range(n):
        norms[j] = norm(profile, j)
    return norms


@njit(cache=True, nogil=True)
def _rank(degree, sample, count, log_top, out):
    """``log(1 + degree) / log(1 + top degree)`` of each candidate (accumulative advantage)."""
    for j in range(count):
        out[j] = math.log1p(degree[sample[j]]) / log_top


@njit(cache=True, nogil=True)
def _similarity(search, s, sample, count, out):
    """Cosine similarity of the knowledge profile of ``s`` to that of each candidate of ``sample[:count]``."""
    profile, norms = search.profile, search.norms
    for j in range(count):
        b = sample[j]
        dot = 0.0
        for c in range(profile.shape[1]):
            dot += profile[s, c] * profile[b, c]
        both = norms[s] * norms[b]
        out[j] = dot / both if both > 0 else dot


@njit(cache=True, nogil=True)
def pick(search, s, sample, count, draw, proximity_weight, rank, sim, degree, past, fresh, n_fresh, cumulative):
    """Candidate of ``sample[:count]`` picked by searcher ``s`` for the uniform ``draw``; -1 for none.

    ``rank`` and ``sim`` hold the network-position term and the cosine
    similarity of each candidate; prior ties are the keys in the hash table
    ``past`` and the sorted ``fresh[:n_fresh]``.
    """
    region, proximity = search.region, search.proximity
    w_prox, w_tie, w_deg, w_comp = search.weights[0], search.weights[1], search.weights[2], search.weights[3]
    total = 0.0
    for j in range(count):
        b = sample[j]
        if b != s:
            tied = 0.0
            if degree[s] > 0 and degree[b] > 0:   # allies have a degree: most pairs skip the search
                key = (min(s, b) << 32) | max(s, b)
                if in_table(past, key) or known(fresh, n_fresh, key):
                    tied = 1.0
            score = (w_prox * proximity[region[s], region[b]] * proximity_weight + w_tie * tied
                     + w_deg * rank[j] + w_comp * 4.0 * sim[j] * (1.0 - sim[j]))
            total += math.exp(score)
        cumulative[j] = total
    if total <= 0:
        return -1
    target = draw * total
    chosen = 0
    while chosen < count - 1 and cumulative[chosen] <= target:
        chosen += 1
    return sample[chosen]


@njit(cache=True, nogil=True)
def choose(rng, search, book, searchers, pool, proximity_weight):
    """One partner of ``pool`` per searcher (-1 when none), each scoring ``search.breadth`` draws from it."""
    picks = np.full(searchers.shape[0], -1, dtype=np.int64)
    size = pool.shape[0]
    if size == 0 or searchers.shape[0] == 0:
        return picks
    width = min(size, search.breadth)
    log_top = math.log1p(max(book.counts[TOP], 1))
    sample, rank, sim, cumulative = pool[:width].copy(), np.empty(width), np.empty(width), np.empty(width)
    pool_rank = np.empty(0)
    if size <= searchers.shape[0] * width:   # cheaper to rank the whole pool once
        pool_rank = np.empty(size)
        _rank(book.degree, pool, size, log_top, pool_rank)
        rank[:] = pool_rank[:width]
    else:
        _rank(book.degree, sample, width, log_top, rank)
    for i in range(searchers.shape[0]):
        if size > width:
            for j in range(width):
                k = min(int(rng.random() * size), size - 1)
                sample[j] = pool[k]
                rank[j] = pool_rank[k] if pool_rank.shape[0] else math.log1p(book.degree[pool[k]]) / log_top
        _similarity(search, searchers[i], sample, width, sim)
        picks[i] = pick(search, searchers[i], sample, width, rng.random(), proximity_weight, rank, sim, book.degree,
                        book.ties, book.fresh, book.counts[PUBLISHED], cumulative)
    return picks


@njit(cache=True, nogil=True)
def choose_drawn(search, searchers, sample, draws, proximity_weight, degree, past, fresh, top_degree):
    """:func:`pick` for each row of ``sample`` with the caller's ``draws`` and ``proximity_weight`` rows
    (``past``: hash table of past ties; ``fresh``: sorted keys of this quarter's)."""
    picks = np.full(searchers.shape[0], -1, dtype=np.int64)
    rank, sim, cumulative = np.empty(sample.shape[1]), np.empty(sample.shape[1]), np.empty(sample.shape[1])
    log_top = math.log1p(max(top_degree, 1))
    for i in range(searchers.shape[0]):
        _rank(degree, sample[i], sample.shape[1], log_top, rank)
        _similarity(search, searchers[i], sample[i], sample.shape[1], sim)
        picks[i] = pick(search, searchers[i], sample[i], sample.shape[1], draws[i], proximity_weight[i], rank, sim,
                        degree, past, fresh, fresh.shape[0], cumulative)
    return picks


# --- the firm life cycle (bioregion.simulate.lifecycle) -------------------------------------------
@njit(cache=True, nogil=True)
def census(a, regions):
    """The :data:`Census` of the alive agents, rows in order (``in_region``: firms per region)."""
    firms, pharma = np.empty(a.n, dtype=np.int64), np.empty(a.n, dtype=np.int64)
    investors, partners = np.empty(a.n, dtype=np.int64), np.empty(a.n, dtype=np.int64)
    in_region = np.zeros(regions, dtype=np.int64)
    f = ph = v = pa = 0
    for j in range(a.n):
        kind = a.kind[j]
        if not a.alive[j]:
            continue
        if kind == FIRM:
            firms[f] = j
            f += 1
            in_region[a.region[j]] += 1
        elif kind == PHARMA:
            pharma[ph] = j
            ph += 1
        elif kind == INVESTOR:
            investors[v] = j
            v += 1
        if kind <= PHARMA:
            partners[pa] = j
            pa += 1
    return Census(firms[:f], pharma[:ph], investors[:v], partners[:pa], in_region)


@njit(cache=True, nogil=True)
def _start(rng, w, p, owner):
    """Start a preclinical program of ``owner`` (False when the program columns are full)."""
    i = p.count[0]
    if i == p.owner.shape[0]:
        return False
    p.owner[i], p.origin[i], p.partner[i], p.stage[i], p.alive[i] = owner, owner, -1, 0, True
    p.remaining[i] = _quarters(rng, w, np.int64(0))
    p.count[0] = i + 1
    return True


@njit(cache=True, nogil=True)
def _quarters(rng, w, stage):
    shape = w.cal[SHAPE]
    return max(1, int(np.rint(rng.gamma(shape, w.table[DURATION, stage] / shape) * 4)))


@njit(cache=True, nogil=True)
def develop(rng, w, a, p, book, c):
    """Firms start programs, every program spends a quarter, pharma starts its own; return the approved."""
    for j in c.firms:
        if a.cash[j] > 0 and a.model[j] != PLATFORM:
            if rng.random() < w.cal[START]:
                _start(rng, w, p, j)   # room for one per agent is reserved
    approved = np.empty(p.count[0], dtype=np.int64)
    done = 0
    for i in range(p.count[0]):
        if not p.alive[i]:
            continue
        p.remaining[i] -= 1
        if p.remaining[i] > 0:
            continue
        stage = p.stage[i]
        if stage >= MARKETED or rng.random() >= w.table[TRANSITION, stage]:
            p.alive[i] = False   # exclusivity over, or the stage failed
            continue
        p.stage[i] = stage + 1
        if p.partner[i] >= 0:
            a.cash[p.owner[i]] += w.table[MILESTONE, stage]
        if stage + 1 < MARKETED:
            p.remaining[i] = _quarters(rng, w, np.int64(stage + 1))
        else:
            p.remaining[i] = int(w.cal[EXCLUSIVITY])
            approved[done] = i
            done += 1
    for j in c.pharma:
        for _ in range(rng.poisson(w.cal[PHARMA_PROGRAMS])):
            if not _start(rng, w, p, j):
                book.counts[OVERFLOW] = 1
    book.flows[APPROVALS] += done
    return approved[:done]


@njit(cache=True, nogil=True)
def launch(rng, w, a, p, book, search, c, approved):
    """An approved own product makes a product/hybrid firm a FIPCO, or goes to a pharma marketer."""
    own = np.empty(approved.shape[0], dtype=np.int64)
    count = 0
    for i in approved:
        owner = p.owner[i]
        if p.partner[i] < 0 and a.kind[owner] == FIRM:
            own[count] = i
            count += 1
            if rng.random() < w.cal[FIPCO_PROBABILITY] and (a.model[owner] == PRODUCT or a.model[owner] == HYBRID):
                a.model[owner] = FIPCO
                book.flows[FIPCOS] += 1
    out = np.empty(count, dtype=np.int64)
    sellers = np.empty(count, dtype=np.int64)
    selling = 0
    for i in own[:count]:
        if a.model[p.owner[i]] != FIPCO:   # a FIPCO markets all its products
            out[selling], sellers[selling] = i, p.owner[i]
            selling += 1
    marketers = choose(rng, search, book, sellers[:selling], c.pharma, 0.2)
    for k in range(selling):
        if marketers[k] >= 0:
            license(w, a, p, book, out[k], sellers[k], marketers[k], MARKETING)


@njit(cache=True, nogil=True)
def pharma_products(w, a, c):
    """Legacy products of big pharma lose exclusivity (steadily, and all at once in a patent cliff)."""
    keep = w.cal[KEEP_PRODUCTS] * (1.0 - w.cliff[w.t])
    for j in c.pharma:
        a.products[j] *= keep


@njit(cache=True, nogil=True)
def accounts(w, a, p):
    """One pass over the live programs: the quarter's :data:`Ledger`."""
    stage_now, offered = np.full(a.n, -1, dtype=np.int64), np.full(a.n, -1, dtype=np.int64)
    burn, revenue = np.zeros(a.n), np.zeros(a.n)
    clinical, on_market = np.zeros(a.n, dtype=np.int64), np.zeros(a.n, dtype=np.int64)
    sales, royalty = w.cal[SALES], w.cal[ROYALTY]
    for i in range(p.count[0]):
        if not p.alive[i]:
            continue
        owner, partner, stage = p.owner[i], p.partner[i], p.stage[i]
        payer = partner if partner >= 0 else owner
        stage_now[owner] = max(stage_now[owner], min(stage, 4))
        if stage < MARKETED:
            burn[payer] += w.table[QUARTER_COST, stage]
            if stage >= 1:
                clinical[payer] += 1
            if partner < 0 and a.kind[owner] == FIRM and (offered[owner] < 0 or stage > p.stage[offered[owner]]):
                offered[owner] = i
        else:
            on_market[payer] += 1
            if partner >= 0:
                revenue[owner] += royalty * sales
                revenue[partner] += sales * (1 - royalty)
            else:
                revenue[owner] += sales
    return Ledger(stage_now, burn, revenue, clinical, on_market, offered)


@njit(cache=True, nogil=True)
def settle(w, a, book, c, burn, revenue):
    """Every agent pays its programs and earns its products; firms also pay their overhead, earn their
    platform revenue and get their region's grant share and R&D tax credit (``burn`` then includes the
    overhead)."""
    for j in range(a.n):
        a.cash[j] += revenue[j] - burn[j]
    grant, rate, cap = w.grant[w.t], w.tax_rate[w.t], w.tax_cap[w.t]
    overhead, platform_revenue = w.cal[OVERHEAD], w.cal[PLATFORM_REVENUE]
    for j in c.firms:
        burn[j] += overhead
        earned = platform_revenue if a.model[j] == PLATFORM else platform_revenue / 2 if a.model[j] == HYBRID else 0.0
        r = a.region[j]
        paid = grant[r] / c.in_region[r] + min(rate[r] * burn[j], cap[r])
        a.cash[j] += earned - overhead + paid
        book.flows[GRANTS_PAID] += paid


@njit(cache=True, nogil=True)
def ipo_window(rng, w, window):
    """Whether the IPO window is open this quarter (it opens and closes at random, and shuts in a winter)."""
    flip = rng.random()
    if w.ipo_closed[w.t]:
        return False
    return flip >= w.cal[IPO_CLOSE] if window else flip < w.cal[IPO_OPEN]


@njit(cache=True, nogil=True)
def firm_decisions(rng, w, a, book, c, stage_now, burn, window):
    """One pass over the firms: venture rounds and IPOs, and who seeks a platform deal or a collaboration.

    Firms short of cash raise a round with odds rising with stage, network
    and the regional venture supply, from a lead investor drawn by fund size
    and proximity; while the IPO ``window`` is open, firms with a phase II+
    program may float. Returns ``(signing, starting)``: the platform and
    hybrid firms seeking a platform deal, and the firms starting a
    collaboration (partners are chosen later, by :func:`platform_deals` and
    :func:`collaborations`).
    """
    investors = c.investors
    cumulative = _investor_weights(w, a, investors)
    scale = w.cal[VENTURE] * w.funding[w.t]
    signing, starting = np.empty(c.firms.shape[0], dtype=np.int64), np.empty(c.firms.shape[0], dtype=np.int64)
    signs = starts = 0
    for j in c.firms:
        stage = max(stage_now[j], 0)
        if a.cash[j] < 4 * burn[j] and investors.shape[0]:
            network = book.degree[j] / (1.0 + book.degree[j])
            odds = scale * w.vc[w.t, a.region[j]] * (0.6 + 0.1 * stage) * (0.75 + 0.5 * network)
            if rng.random() < min(odds, 0.95):
                weights = cumulative[a.region[j]]
                lead = min(np.searchsorted(weights, rng.random() * weights[-1]), investors.shape[0] - 1)
                amount = w.table[ROUND_SIZE, stage]
                a.cash[j] += amount
                book.flows[CAPITAL_RAISED] += amount
                record(book, VENTURE_ROUND, investors[lead], j, stage_now[j], amount, 0.0, 0.0)
        if window and not a.listed[j] and stage_now[j] >= 2 and _chance(rng, w.cal[IPO_PROBABILITY]):
            a.listed[j] = True
            a.cash[j] += w.cal[IPO_AMOUNT]
            book.flows[IPOS] += 1
            book.flows[CAPITAL_RAISED] += w.cal[IPO_AMOUNT]
            record(book, IPO, j, np.int64(-1), stage_now[j], w.cal[IPO_AMOUNT], 0.0, 0.0)
        if (a.model[j] == PLATFORM or a.model[j] == HYBRID) and _chance(rng, w.cal[PLATFORM_RATE]):
            signing[signs] = j
            signs += 1
        if _chance(rng, min(w.cal[COLLABORATION_RATE] * w.matchmaking[w.t, a.region[j]], 0.9)):
            starting[starts] = j
            starts += 1
    return signing[:signs], starting[:starts]


@njit(cache=True, nogil=True)
def _chance(rng, probability):
    """A draw that succeeds with ``probability`` (no random number is spent on an impossible event)."""
    return probability > 0 and rng.random() < probability


@njit(cache=True, nogil=True)
def _investor_weights(w, a, investors):
    """Per home region of a firm, the cumulative weights (fund x proximity) of the investors."""
    regions = w.venture_proximity.shape[0]
    cumulative = np.empty((regions, investors.shape[0]))
    for r in range(regions):
        total = 0.0
        for v in range(investors.shape[0]):
            total += a.fund[investors[v]] * w.venture_proximity[r, a.region[investors[v]]]
            cumulative[r, v] = total
    return cumulative


@njit(cache=True, nogil=True)
def close_quarter(w, a, p, book, c, cells):
    """Firms out of cash close (the valley of death) and their unpartnered programs stop; the firms
    alive are counted by region and business model into ``cells``."""
    closing = np.zeros(a.n, dtype=np.bool_)
    any_closed = False
    cells[:] = 0
    for j in c.firms:
        if a.alive[j] and a.cash[j] < 0:   # not acquired, out of cash
            a.alive[j], a.status[j], a.ended[j] = False, CLOSED, w.t
            closing[j] = any_closed = True
            book.flows[FAILURES] += 1
        elif a.alive[j]:
            cells[a.region[j], a.model[j]] += 1
    if any_closed:
        for i in range(p.count[0]):
            if p.alive[i] and p.partner[i] < 0 and closing[p.owner[i]]:
                p.alive[i] = False


@njit(cache=True, nogil=True)
def compact(p):
    """Drop ended programs once they are most rows (keeping order), so loops over programs stay short."""
    live = 0
    for i in range(p.count[0]):
        live += p.alive[i]
    if p.count[0] < 1024 or 2 * live > p.count[0]:
        return
    kept = 0
    for i in range(p.count[0]):
        if p.alive[i]:
            p.owner[kept], p.origin[kept], p.partner[kept] = p.owner[i], p.origin[i], p.partner[i]
            p.stage[kept], p.remaining[kept], p.alive[kept] = p.stage[i], p.remaining[i], True
            kept += 1
    p.alive[kept:p.count[0]] = False
    p.count[0] = kept


# --- deals (bioregion.simulate.deals) -------------------------------------------------------------
@njit(cache=True, nogil=True)
def license(w, a, p, book, program, licensor, licensee, code):
    """Partner ``program`` out: the licensee pays upfront now, milestones later, royalties on sales."""
    stage = min(p.stage[program], 4)
    p.partner[program] = licensee
    a.cash[licensor] += w.table[UPFRONT, stage]
    record(book, code, licensor, licensee, np.int64(p.stage[program]), w.table[UPFRONT, stage],
           w.table[MILESTONES_LEFT, stage], 100 * w.cal[ROYALTY])


@njit(cache=True, nogil=True)
def pipeline_gap(w, a, c, clinical, on_market):
    """Gap of each pharma row: missing clinical programs and lost products, in units of the target pipeline."""
    target = w.cal[TARGET_PIPELINE]
    gap = np.empty(c.pharma.shape[0])
    for k in range(c.pharma.shape[0]):
        j = c.pharma[k]
        missing = max(target - clinical[j], 0.0)
        lost = max(w.cal[PRODUCTS_PER_PHARMA] - a.products[j] - on_market[j], 0.0)
        gap[k] = (missing + lost) / target
    return gap


@njit(cache=True, nogil=True)
def _drawn(rng, rows, odds, cap):
    """Rows whose uniform draw falls below ``min(odds, cap)`` (one draw per row)."""
    out = np.empty(rows.shape[0], dtype=np.int64)
    count = 0
    for k in range(rows.shape[0]):
        if rng.random() < min(odds[k], cap):
            out[count] = rows[k]
            count += 1
    return out[:count]


@njit(cache=True, nogil=True)
def _first_of_each(searchers, picks):
    """``(searchers, picks)`` of the first occurrence of each valid (>= 0) pick, in order."""
    keep = np.zeros(picks.shape[0], dtype=np.bool_)
    for i in range(picks.shape[0]):
        keep[i] = picks[i] >= 0
        for earlier in range(i):
            if keep[earlier] and picks[earlier] == picks[i]:
                keep[i] = False
                break
    return searchers[keep], picks[keep]


@njit(cache=True, nogil=True)
def in_license(rng, w, a, p, book, search, c, gap, offered):
    """Pharma with a gap license the program ``offered`` by a firm (see :data:`Ledger`)."""
    buyers = _drawn(rng, c.pharma, w.cal[LICENSE_RATE] * np.minimum(gap, 2.0), 1.0)
    if buyers.shape[0] == 0:
        return
    buyers, licensors = _first_of_each(buyers, choose(rng, search, book, buyers, np.flatnonzero(offered >= 0), 0.5))
    for k in range(buyers.shape[0]):
        license(w, a, p, book, offered[licensors[k]], licensors[k], buyers[k], LICENSE)


@njit(cache=True, nogil=True)
def platform_deals(rng, w, a, book, search, c, signing):
    """Platform and hybrid firms ``signing`` license their platform to pharma (upfront and royalties)."""
    buyers = choose(rng, search, book, signing, c.pharma, 1.0)
    for k in range(signing.shape[0]):
        if buyers[k] >= 0:
            a.cash[signing[k]] += w.table[UPFRONT, 0]
            record(book, PLATFORM_LICENSE, signing[k], buyers[k], np.int64(-1), w.table[UPFRONT, 0],
                   50 * w.cal[ROYALTY], 0.0)


@njit(cache=True, nogil=True)
def collaborations(rng, w, a, book, search, c, stage_now, starting):
    """Firms ``starting`` a research collaboration find a partner (pharma ones fund it) and learn from it."""
    count = starting.shape[0]
    if count == 0:
        return
    partners = choose(rng, search, book, starting, c.partners, 1.0)
    joint = np.zeros(count, dtype=np.bool_)
    for k in range(count):
        if partners[k] >= 0 and a.kind[partners[k]] == PHARMA:
            joint[k] = stage_now[starting[k]] >= 1
            a.cash[starting[k]] += w.cal[COLLABORATION_FUNDING]
    for k in range(count):   # co-developments first, then the other collaborations
        if partners[k] >= 0 and joint[k]:
            record(book, CO_DEVELOPMENT, starting[k], partners[k], stage_now[starting[k]],
                   w.cal[COLLABORATION_FUNDING], 0.0, 0.0)
    for k in range(count):
        if partners[k] >= 0 and not joint[k]:
            record(book, RD_COLLABORATION, starting[k], partners[k], max(stage_now[starting[k]], 0), 0.0, 0.0,
                   0.0)
    _learn(w, search, starting, partners)


@njit(cache=True, nogil=True)
def _learn(w, search, firms, partners):
    """Partners move their profiles towards each other's stronger capabilities (gains from before)."""
    profile = search.profile
    gains = np.zeros((firms.shape[0], 2, profile.shape[1]))
    for k in range(firms.shape[0]):
        if partners[k] >= 0:
            for c in range(profile.shape[1]):
                difference = profile[partners[k], c] - profile[firms[k], c]
                gains[k, 0, c], gains[k, 1, c] = max(difference, 0.0), max(-difference, 0.0)
    rate = w.cal[LEARNING_RATE]
    for k in range(firms.shape[0]):
        if partners[k] >= 0:
            for c in range(profile.shape[1]):
                profile[firms[k], c] += rate * gains[k, 0, c]
                profile[partners[k], c] += rate * gains[k, 1, c]
    for k in range(firms.shape[0]):
        for j in (firms[k], partners[k]):
            if j >= 0:
                search.norms[j] = norm(profile, j)


@njit(cache=True, nogil=True)
def acquisitions(rng, w, a, p, book, search, c, gap, stage_now):
    """Pharma with a gap acquires firms with a clinical program, their programs and cash."""
    buyers = _drawn(rng, c.pharma, w.cal[ACQUISITION_RATE] * np.minimum(gap, 2.0), 1.0)
    if buyers.shape[0] == 0:
        return
    pool = np.empty(c.firms.shape[0], dtype=np.int64)
    size = 0
    for j in c.firms:
        if stage_now[j] >= 1:
            pool[size] = j
            size += 1
    buyers, targets = _first_of_each(buyers, choose(rng, search, book, buyers, pool[:size], 0.3))
    if targets.shape[0] == 0:
        return
    acquirer = np.full(a.n, -1, dtype=np.int64)
    worth = np.zeros(a.n)
    for k in range(targets.shape[0]):
        acquirer[targets[k]] = buyers[k]
    for i in range(p.count[0]):
        if p.alive[i] and acquirer[p.owner[i]] >= 0:
            worth[p.owner[i]] += w.table[UPFRONT, min(p.stage[i], 4)]
            p.owner[i] = acquirer[p.owner[i]]
            if p.partner[i] == p.owner[i]:
                p.partner[i] = -1
    for k in range(targets.shape[0]):
        target = targets[k]
        value = w.cal[PREMIUM] * (max(a.cash[target], 0.0) + worth[target])
        a.alive[target], a.status[target], a.ended[target] = False, ACQUIRED, w.t
        book.flows[ACQUISITIONS] += 1
        record(book, ACQUISITION, buyers[k], target, stage_now[target], value, 0.0, 0.0)
