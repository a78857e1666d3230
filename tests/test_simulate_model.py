import numpy as np
import pandas as pd
import pytest

from bioregion.ecosystem import Ecosystem
from bioregion.errors import ValidationError
from bioregion.simulate.events import to_records
from bioregion.simulate.model import BioRegionModel
from bioregion.simulate.replicates import batch_run, compare, parse_param, summarise
from bioregion.simulate.scenario import load_scenario, parse_scenario


def short(name="baseline-belgium", years=6):
    return load_scenario(name).with_parameter("years", years)


def test_same_seed_is_bit_for_bit_reproducible():
    a = BioRegionModel(short(), seed=11)
    b = BioRegionModel(short(), seed=11)
    pd.testing.assert_frame_equal(a.run(), b.run(), check_exact=True)
    assert a.events == b.events
    assert np.array_equal(a.agents.cash[: a.agents.n], b.agents.cash[: b.agents.n])
    assert np.array_equal(a.agents.profile[: a.agents.n], b.agents.profile[: b.agents.n])


def test_other_seed_gives_another_history():
    a = BioRegionModel(short(), seed=1).run()
    b = BioRegionModel(short(), seed=2).run()
    assert not a.equals(b)


def test_event_log_is_off_without_changing_the_series():
    a = BioRegionModel(short(), seed=5, record_events=False)
    b = BioRegionModel(short(), seed=5, record_events=True)
    pd.testing.assert_frame_equal(a.run(), b.run(), check_exact=True)
    assert a.events == [] and len(b.events) > 0


def test_time_series_columns_and_accounting():
    model = BioRegionModel(short(years=8), seed=3)
    frame = model.run()
    assert len(frame) == 32
    for column in ("firms_alive", "firms_alive:BE2", "firms_alive:hybrid", "firms:BE3:product", "spin_offs",
                   "failures", "acquisitions", "ipos", "approvals", "fipcos", "capital_raised",
                   "alliances:license", "alliances:rd_collaboration"):
        assert column in frame
    regions = frame[[c for c in frame if c.startswith("firms_alive:BE") or c == "firms_alive:abroad"]].sum(axis=1)
    models = frame[[f"firms_alive:{m}" for m in ("product", "platform", "hybrid", "fipco")]].sum(axis=1)
    assert (regions == frame["firms_alive"]).all() and (models == frame["firms_alive"]).all()
    # firms alive change exactly by entries minus exits
    initial = 6 + 30 + 12
    change = frame["spin_offs"].sum() - frame["failures"].sum() - frame["acquisitions"].sum()
    assert frame["firms_alive"].iloc[-1] == initial + change
    assert frame["spin_offs"].sum() == frame["alliances:spin_off"].sum()
    assert frame["acquisitions"].sum() == frame["alliances:acquisition"].sum()


def test_event_log_is_a_valid_ecosystem():
    model = BioRegionModel(short(), seed=4)
    model.run()
    eco = Ecosystem.from_records(to_records(model), name="simulated")
    relations = eco.table("relations")
    assert set(relations["type"]) >= {"spin_off", "venture_round", "license"}
    orgs = eco.table("organisations").set_index("id")
    offspring = eco.table("parties").query("role == 'offspring'")["organisation_id"]
    assert (orgs.loc[offspring, "kind"] == "new_biotech_firm").all()
    assert eco.graph().ecount() > 0


def _records():
    orgs = [
        {"id": "kuleuven", "name": "KU Leuven", "kind": "university", "region_id": "BE2", "founded": "1425"},
        {"id": "ugent", "name": "Ghent University", "kind": "university", "region_id": "BE2", "founded": "1817"},
        {"id": "uliege", "name": "ULiege", "kind": "university", "region_id": "BE3", "founded": "1817"},
        {"id": "galapagos", "name": "Galapagos", "kind": "new_biotech_firm", "region_id": "BE2", "founded": "1999",
         "business_model": "hybrid"},
        {"id": "ablynx", "name": "Ablynx", "kind": "new_biotech_firm", "region_id": "BE2", "founded": "2001"},
        {"id": "ucb", "name": "UCB", "kind": "big_pharma", "region_id": "BE1", "founded": "1928"},
        {"id": "gilead", "name": "Gilead", "kind": "big_pharma", "country": "US"},
        {"id": "gimv", "name": "Gimv", "kind": "venture_capital", "region_id": "BE2", "founded": "1980"},
        {"id": "vib", "name": "VIB", "kind": "research_institute", "region_id": "BE2", "founded": "1996"},
    ]
    relations = [{"id": "r1", "type": "rd_collaboration", "date_announced": "1999"},
                 {"id": "r2", "type": "license", "date_announced": "2015"}]
    parties = [{"relation_id": "r1", "organisation_id": "galapagos", "role": "partner"},
               {"relation_id": "r1", "organisation_id": "kuleuven", "role": "partner"},
               {"relation_id": "r2", "organisation_id": "galapagos", "role": "licensor"},
               {"relation_id": "r2", "organisation_id": "gilead", "role": "licensee"}]
    regions = [{"id": r, "name": r} for r in ("BE1", "BE2", "BE3")]
    return {"regions": regions, "organisations": orgs, "relations": relations, "parties": parties}


def test_initialisation_from_an_ecosystem_back_casts_and_ties():
    eco = Ecosystem.from_records(_records())
    scenario = parse_scenario({"name": "eco", "start_year": 1995, "years": 5, "regions": [
        {"id": "BE1", "name": "Brussels", "lat": 50.85, "lon": 4.35},
        {"id": "BE2", "name": "Flanders", "lat": 51.0, "lon": 4.3},
        {"id": "BE3", "name": "Wallonia", "lat": 50.5, "lon": 4.9}]})
    model = BioRegionModel(scenario, seed=0, ecosystem=eco)
    ids = model.agents.ids
    # founded after 1995: firms are left to the model, others enter at their founding year
    assert "galapagos" not in ids and "ablynx" not in ids and "vib" not in ids
    assert {"kuleuven", "ugent", "uliege", "ucb", "gilead", "gimv"} <= set(ids)
    assert model.env.region_ids[model.agents.region[ids.index("gilead")]] == "abroad"
    model.run(5)  # 1996 Q2: VIB has entered
    assert "vib" in model.agents.ids

    later = parse_scenario({"name": "eco", "start_year": 2000, "years": 1, "regions": [
        {"id": "BE2", "name": "Flanders", "lat": 51.0, "lon": 4.3}]})
    model = BioRegionModel(later, seed=0, ecosystem=_records())  # plain records work too
    g, k = model.agents.ids.index("galapagos"), model.agents.ids.index("kuleuven")
    assert model.tied(np.array([g]), np.array([k]))[0] and model.agents.degree[g] == 1  # r1 (1999) is a prior tie, r2 (2015) is not
    assert model.agents.model[g] == 2  # curated hybrid


def test_incubator_policy_raises_spin_offs():
    base = parse_scenario({"name": "a", "years": 10, "regions": [{"id": "R", "name": "R", "lat": 0, "lon": 0}],
                           "initial": {"synthetic": {"R": {"university": 20}}}})
    boosted = parse_scenario({"name": "b", "years": 10, "regions": [{"id": "R", "name": "R", "lat": 0, "lon": 0}],
                              "initial": {"synthetic": {"R": {"university": 20}}},
                              "policies": [{"id": "inc", "region": "R", "instrument": "incubator",
                                            "budget": 1.0e8}]})
    spins = [batch_run(s, 4, seed=9).groupby("replicate")["spin_offs"].sum().mean() for s in (base, boosted)]
    assert spins[1] > 1.5 * spins[0]


def test_funding_winter_cuts_capital_raised():
    frames = [batch_run(short(name, years=12), 4, seed=2) for name in ("baseline-belgium", "funding-winter")]
    winter = [f[(f.year >= 2008) & (f.year < 2011)].groupby("replicate")["capital_raised"].sum().mean()
              for f in frames]
    assert winter[1] < 0.7 * winter[0]


def test_compare_gives_90_percent_intervals():
    frames = [batch_run(short(n, 4), 5, seed=1) for n in ("baseline-belgium", "no-regional-policy")]
    table = compare(frames)
    assert set(table["scenario"]) == {"baseline-belgium", "no-regional-policy"}
    assert (table["low"] <= table["mean"]).all() and (table["mean"] <= table["high"]).all()
    summary = summarise(frames[0])
    assert set(summary["year"]) == {2000, 2001, 2002, 2003}


def test_sweep_parameters_and_errors():
    assert parse_param("years=2,3") == ("years", [2, 3])
    with pytest.raises(ValidationError, match="key=v1,v2"):
        parse_param("years")
    frame = batch_run(short(years=2), 2, seed=0, parameters={"calibration.ipo_probability": [0.0, 0.5]})
    assert list(frame.columns[:3]) == ["scenario", "calibration.ipo_probability", "replicate"]
    assert frame[frame["calibration.ipo_probability"] == 0.0]["ipos"].sum() == 0


def test_belgium_2016_initialises_the_baseline():
    eco = Ecosystem.from_dataset("belgium-2016")
    scenario = load_scenario("baseline-belgium").with_parameter("start_year", 2016).with_parameter("years", 3)
    scenario = scenario.with_parameter("policies.vib.start", 2016)
    model = BioRegionModel(scenario, seed=0, ecosystem=eco)
    orgs = eco.table("organisations")
    present = set(model.agents.ids)
    founded = orgs[orgs["founded"].fillna("0").str[:4].astype(int) <= 2016]
    assert len(present & set(orgs["id"])) >= 0.8 * len(founded)
    assert not any(i.startswith("BE2-") for i in present)  # the ecosystem replaced the synthetic counts
    assert model.agents.degree[: model.agents.n].sum() > 0  # known alliances are prior ties
    frame = model.run()
    assert frame["firms_alive"].iloc[0] > 0
    records = to_records(model)
    assert Ecosystem.from_records(records).table("organisations")["id"].isin(orgs["id"]).any()
