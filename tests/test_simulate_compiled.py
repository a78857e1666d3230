import collections

import numpy as np
import pytest

from bioregion.errors import BioregionError
from bioregion.simulate import kernels, state
from bioregion.simulate.eventlog import EVENT_KINDS
from bioregion.simulate.model import BioRegionModel
from bioregion.simulate.scenario import load_scenario, parse_scenario
from bioregion.simulate.ties import Ties, pair_keys

pytest.importorskip("numba")
from bioregion.simulate import compiled  # noqa: E402


def subset(firms, years):
    """Firms, pharma and investors in one region (the scenario of benchmarks/simulate)."""
    return parse_scenario({"name": "subset", "start_year": 2000, "years": years,
                           "regions": [{"id": "R", "name": "R", "lat": 50.8, "lon": 4.4}],
                           "initial": {"synthetic": {"R": {"new_biotech_firm": firms, "big_pharma": firms // 50,
                                                           "venture_capital": firms // 25}}}})


def _books_agree(model, frame):
    """The counters, degrees, ties and exits of a run agree with its event log."""
    by_step = collections.Counter((step, kind) for step, kind, *_ in model.events)
    for kind in {k[0] for k in EVENT_KINDS}:
        logged = [by_step[(step, kind)] for step in frame["step"]]
        assert logged == frame[f"alliances:{kind}"].tolist(), kind
    pairs = np.array([[p[0][0], p[1][0]] for _, _, p, _, _ in model.events if len(p) == 2])
    a = model.agents
    assert a.degree[: a.n].sum() == 2 * len(pairs)
    assert model.tied(pairs[:, 0], pairs[:, 1]).all()
    assert model.ties.n == len(np.unique(pair_keys(pairs[:, 0], pairs[:, 1])))
    exits = collections.Counter(status for _, status in model.closures.values())
    assert exits["closed"] == frame["failures"].sum() and exits["acquired"] == frame["acquisitions"].sum()
    firms = a.mask(state.FIRM)
    assert frame["firms_alive"].iloc[-1] == firms.sum()
    assert frame["firms_alive:hybrid"].iloc[-1] == (firms & (a.model[: a.n] == state.HYBRID)).sum()


def test_the_compiled_quarter_keeps_its_books():
    model = BioRegionModel(load_scenario("baseline-belgium").with_parameter("years", 10), seed=21)
    frame = model.run()
    assert {kind for _, kind, *_ in model.events} >= {"spin_off", "venture_round", "ipo", "license",
                                                      "rd_collaboration", "co_development", "acquisition"}
    _books_agree(model, frame)
    p = model.programs
    assert p.n <= max(2 * p.alive[: p.n].sum(), 1024) + 2 * model.agents.n + 256   # ended programs are dropped


def test_approved_products_make_fipcos_or_go_to_marketers():
    scenario = subset(300, 3)   # programs pass every stage in a quarter, cheaply
    for key, value in (("transition", 1.0), ("duration_years", 0.25), ("stage_cost", 1e5)):
        scenario = scenario.with_parameter(f"calibration.{key}", [value] * 5)
    model = BioRegionModel(scenario, seed=8)
    frame = model.run()
    assert frame["approvals"].sum() > 300 and frame["fipcos"].sum() > 50
    assert frame["alliances:marketing_distribution"].sum() > 100
    marketed = [e for e in model.events if e[1] == "marketing_distribution"]
    assert {e[3] for e in marketed} == {5} and all(e[4]["royalty"] == 8.0 for e in marketed)
    kind = model.agents.kind
    assert (kind[[e[2][0][0] for e in marketed]] == state.FIRM).all()
    assert (kind[[e[2][1][0] for e in marketed]] == state.PHARMA).all()
    _books_agree(model, frame)


def test_a_quarter_with_more_ties_than_room_grows_the_table():
    model = BioRegionModel(subset(5000, 2), seed=4)
    first = len(model.ties.table)
    frame = model.run(2)
    assert frame["alliances:venture_round"].iloc[0] > first // 2   # more than fit in the first table
    assert len(model.ties.table) > first
    _books_agree(model, frame)


def test_the_tie_table_answers_alike_in_numpy_and_compiled_code():
    rng = np.random.default_rng(0)
    keys = np.unique(pair_keys(rng.integers(0, 5000, 3000), rng.integers(0, 5000, 3000)))
    ties = Ties()
    ties.absorb(keys[:2000])
    ties.absorb(keys[1500:])   # overlapping keys are added once, the table grows
    assert ties.n == len(keys) and 2 * ties.n <= len(ties.table)
    assert np.array_equal(ties.keys(), keys)
    others = np.setdiff1d(pair_keys(rng.integers(0, 5000, 500), rng.integers(0, 5000, 500)), keys)
    assert [compiled.in_table(ties.table, k) for k in keys[:300]] == [True] * 300
    assert not any(compiled.in_table(ties.table, k) for k in others)
    grown = compiled.rehash(ties.table, 4 * len(ties.table), others, len(others))
    ties.table, ties.n = grown, len(keys) + len(others)
    assert np.array_equal(ties.keys(), np.union1d(keys, others))
    assert ties.tied(others >> 32, others & 0xFFFFFFFF).all()


def test_compiled_and_numpy_rules_give_the_same_outcomes_on_average(monkeypatch):
    scenario = load_scenario("baseline-belgium").with_parameter("years", 6)
    columns = ["approvals", "failures", "alliances:license", "alliances:venture_round", "alliances:rd_collaboration"]
    means = []
    for ok in (True, False):
        monkeypatch.setitem(kernels._KERNELS, "ok", ok)
        frames = [BioRegionModel(scenario, seed=[7, r], record_events=False).run() for r in range(6)]
        means.append(np.mean([[f[c].sum() for c in columns] + [f["firms_alive"].iloc[-1]] for f in frames], axis=0))
    assert np.all(np.abs(means[0] - means[1]) <= 0.2 * means[1]), means


def test_stale_literal_constants_are_refused(monkeypatch):
    monkeypatch.setattr(state, "FIRM", 7)
    with pytest.raises(BioregionError, match="out of step"):
        compiled._check_constants()
