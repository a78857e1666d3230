import json

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.ecosystem import Ecosystem
from bioregion.errors import InputFormatError, NotFoundError, ValidationError
from bioregion.io import read_ecosystem
from bioregion.simulate.scenario import load_scenario, parse_scenario, shipped_scenarios

SHIPPED = ("baseline-belgium", "no-regional-policy", "interregional-megacluster", "beijing-north-south-synergy",
           "funding-winter")
REGION = [{"id": "R", "name": "R", "lat": 0, "lon": 0}]


def test_every_shipped_scenario_loads_and_runs_a_year():
    assert set(SHIPPED) <= set(shipped_scenarios())
    for name in SHIPPED:
        scenario = load_scenario(name)
        assert scenario.years == 30 and scenario.source
        from bioregion.simulate.model import BioRegionModel

        assert len(BioRegionModel(scenario.with_parameter("years", 1), seed=0).run()) == 4


def test_shipped_scenarios_differ_as_described():
    base, none = load_scenario("baseline-belgium"), load_scenario("no-regional-policy")
    mega, winter = load_scenario("interregional-megacluster"), load_scenario("funding-winter")
    assert base.policies and not none.policies
    assert any(p.instrument == "programme" and set(p.regions) == {"BE1", "BE2", "BE3"} for p in mega.policies)
    assert [s.kind for s in winter.shocks] == ["funding_winter", "funding_winter"]


@pytest.mark.parametrize("raw, message", [
    ({"regions": REGION}, "field 'name': is required"),
    ({"name": "x"}, "field 'regions': needs a list"),
    ({"name": "x", "regions": REGION, "yeras": 3}, "unknown key 'yeras'.*allowed keys"),
    ({"name": "x", "regions": REGION, "years": 0}, "field 'years'.*between 1 and 100"),
    ({"name": "x", "regions": [{"id": "R", "name": "R", "lat": "north", "lon": 0}], "years": 2},
     "regions\\[0\\].lat"),
    ({"name": "x", "regions": REGION, "policies": [{"id": "p", "region": "R", "instrument": "subsidy"}]},
     "policies\\[0\\].instrument.*unknown instrument 'subsidy'"),
    ({"name": "x", "regions": REGION, "policies": [{"id": "p", "region": "Q", "instrument": "grant"}]},
     "region 'Q' is not in regions"),
    ({"name": "x", "regions": REGION, "policies": [{"id": "p", "region": "R", "instrument": "grant",
                                                     "start": 2010, "end": 2005}]}, "policies\\[0\\].end"),
    ({"name": "x", "regions": REGION, "shocks": [{"kind": "meteor"}]}, "unknown shock 'meteor'"),
    ({"name": "x", "regions": REGION, "shocks": [{"kind": "funding_winter", "severity": 2}]}, "at most 1"),
    ({"name": "x", "regions": REGION, "initial": {"synthetic": {"R": {"univ": 3}}}},
     "unknown organisation kind 'univ'"),
    ({"name": "x", "regions": REGION, "calibration": {"ipo_probabilty": 0.1}}, "calibration.ipo_probabilty"),
])
def test_invalid_scenarios_get_one_line_naming_the_key(raw, message):
    with pytest.raises(ValidationError, match=message) as info:
        parse_scenario(raw)
    assert "\n" not in str(info.value)


def test_scenario_files_errors(tmp_path):
    with pytest.raises(NotFoundError, match="baseline-belgium"):
        load_scenario("baseline-belgum")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(InputFormatError, match="not valid YAML"):
        load_scenario(bad)


def test_yaml_exponents_without_sign_are_numbers():
    scenario = parse_scenario(yaml.safe_load(
        "name: x\nregions: [{id: R, name: R, lat: 0, lon: 0}]\n"
        "policies: [{id: p, region: R, instrument: grant, budget: 2.5e8}]\n"))
    assert scenario.policies[0].budget == 2.5e8


def test_cli_scenarios_run_and_compare(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["simulate", "scenarios", "--format", "json"])
    assert listed.exit_code == 0 and {r["name"] for r in json.loads(listed.output)} >= set(SHIPPED)

    path = tmp_path / "short.yaml"
    raw = yaml.safe_load(load_scenario("baseline-belgium").source)
    path.write_text(yaml.safe_dump(raw | {"years": 3}))
    out = tmp_path / "run"
    result = runner.invoke(main, ["simulate", "run", str(path), "--replicates", "3", "--seed", "4", "--out", str(out)])
    assert result.exit_code == 0, result.output
    series = pd.read_parquet(out / "timeseries.parquet")
    assert sorted(series["replicate"].unique()) == [0, 1, 2] and len(series) == 3 * 12
    assert json.loads((out / "run.json").read_text())["replicate_seeds"] == [[4, 0], [4, 1], [4, 2]]
    assert yaml.safe_load((out / "scenario.yaml").read_text())["years"] == 3
    eco = read_ecosystem(out / "ecosystem.json")
    assert isinstance(eco, Ecosystem) and len(eco.table("relations")) > 0

    result = runner.invoke(main, ["simulate", "compare", str(path), "no-regional-policy", "--replicates", "2",
                                  "--format", "json", "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["scenario"] for r in rows} == {"baseline-belgium", "no-regional-policy"}
    assert (tmp_path / "cmp" / "firms_alive.png").stat().st_size > 0


def test_cli_user_errors_are_one_line():
    result = CliRunner().invoke(main, ["simulate", "run", "nowhere-scenario", "--out", "x"])
    assert result.exit_code == 1 and result.output.startswith("error: no scenario 'nowhere-scenario'")
