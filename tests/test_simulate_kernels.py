import copy

import numpy as np
import pytest

from bioregion.simulate import kernels
from bioregion.simulate.model import BioRegionModel
from bioregion.simulate.partners import choose
from bioregion.simulate.scenario import load_scenario
from bioregion.simulate.state import FIRM, PRODUCER

pytest.importorskip("numba")


def _mid_run_model():
    model = BioRegionModel(load_scenario("baseline-belgium").with_parameter("years", 8), seed=5, record_events=False)
    model.run(16)
    model.distance_now = model.env.distance_at(model.t)
    return model


def test_compiled_choice_equals_the_numpy_choice_for_the_same_draws(monkeypatch):
    model = _mid_run_model()
    a = model.agents
    searchers = np.repeat(np.flatnonzero(a.mask(FIRM)), 10)
    pool = np.flatnonzero(a.alive[: a.n] & np.isin(a.kind[: a.n], (PRODUCER, FIRM)))
    assert len(searchers) > 20 and len(pool) > model.search_breadth
    twin = copy.deepcopy(model)
    compiled = choose(model, searchers, pool, proximity_weight=0.3)
    monkeypatch.setitem(kernels._KERNELS, "ok", False)
    plain = choose(twin, searchers, pool, proximity_weight=0.3)
    assert (compiled >= 0).all() and not (compiled == searchers).any()
    # same random numbers, same scores: only a pick on a rounding boundary may differ
    assert (compiled == plain).mean() > 0.99
    assert model.rng.random() == twin.rng.random()


def test_prior_ties_raise_the_odds_of_a_partner(monkeypatch):
    model = _mid_run_model()
    a = model.agents
    searcher = int(np.flatnonzero(a.mask(FIRM))[0])
    pool = np.flatnonzero(a.mask(FIRM))[1:6]
    searchers = np.full(4000, searcher)
    before = np.bincount(np.searchsorted(pool, choose(model, searchers, pool)), minlength=5)
    model.link(np.array([searcher]), pool[:1])
    after = np.bincount(np.searchsorted(pool, choose(model, searchers, pool)), minlength=5)
    assert after[0] / 4000 > before[0] / 4000 + 0.1


@pytest.mark.parametrize("compiled", [True, False])
def test_both_paths_keep_the_firm_accounts(monkeypatch, compiled):
    monkeypatch.setitem(kernels._KERNELS, "ok", compiled)
    scenario = load_scenario("baseline-belgium").with_parameter("years", 8)
    frame = BioRegionModel(scenario, seed=3, record_events=False).run()
    again = BioRegionModel(scenario, seed=3, record_events=False).run()
    assert frame.equals(again)
    change = frame["spin_offs"].sum() - frame["failures"].sum() - frame["acquisitions"].sum()
    assert frame["firms_alive"].iloc[-1] == 6 + 30 + 12 + change
    assert frame["approvals"].sum() > 0 and frame["failures"].sum() > 0 and frame["capital_raised"].sum() > 0
