import json

from click.testing import CliRunner

from bioregion.cli import main
from bioregion.simulate.calibrate import fit, targets_from_ecosystem
from bioregion.simulate.replicates import batch_run, yearly
from bioregion.simulate.scenario import load_scenario


def test_fit_recovers_the_value_that_made_the_targets():
    scenario = load_scenario("baseline-belgium").with_parameter("years", 6)
    truth = batch_run(scenario.with_parameter("calibration.spin_off_probability", 0.2), 3, seed=50)
    targets = yearly(truth).groupby("year")["firms_alive"].mean().to_dict()
    result = fit(scenario, "calibration.spin_off_probability", [0.0, 0.2, 0.6], targets, replicates=3, seed=1)
    assert result["best"] == 0.2
    assert [g["value"] for g in result["grid"]] == [0.0, 0.2, 0.6]
    assert len(result["fit"]) == 6


def test_targets_from_an_ecosystem_count_firms_alive():
    records = {"organisations": [
        {"id": "a", "kind": "new_biotech_firm", "region_id": "BE2", "founded": "1999", "ended": None},
        {"id": "b", "kind": "new_biotech_firm", "region_id": "BE2", "founded": "2001", "ended": "2003"},
        {"id": "c", "kind": "university", "region_id": "BE2", "founded": "1425", "ended": None},
        {"id": "d", "kind": "new_biotech_firm", "region_id": "US", "founded": "1990", "ended": None}]}
    assert targets_from_ecosystem(records, [2000, 2002, 2003], ["BE2"]) == {2000: 1.0, 2002: 2.0, 2003: 1.0}


def test_cli_calibrate_reports_the_fit(tmp_path):
    targets = tmp_path / "t.csv"
    targets.write_text("year,value\n2000,48\n2001,52\n")
    result = CliRunner().invoke(main, ["simulate", "calibrate", "baseline-belgium", "--param",
                                       "calibration.spin_off_probability=0.0,0.1", "--targets", str(targets),
                                       "--replicates", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["parameter"] == "calibration.spin_off_probability" and out["best"] in (0.0, 0.1)
    assert {row["year"] for row in out["fit"]} == {2000, 2001}
