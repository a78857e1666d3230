"""Results read back for charts: comparison folders, medians with 90 % bands, paired differences."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from bioregion.errors import InputFormatError, NotFoundError, ValidationError
from bioregion.simulate import batch_run, load_scenario
from bioregion.simulate.results import load_results, results_from_frames
from bioregion.simulate.runs import compare_scenarios, run_scenario


def _short(name, years=3):
    return load_scenario(name).with_parameter("years", years)


@pytest.fixture(scope="module")
def pair():
    base = _short("baseline-belgium")
    none = _short("no-regional-policy")
    return results_from_frames([batch_run(base, 4, 7), batch_run(none, 4, 7)], [base, none], 7)


def test_bands_hold_the_median_between_low_and_high(pair):
    bands = pair.bands()
    assert set(bands["scenario"]) == {"baseline-belgium", "no-regional-policy"}
    assert {"firms_alive", "failures", "capital_raised", "alliances:license", "firms_alive:BE2"} <= set(bands["metric"])
    assert ((bands["low"] <= bands["median"]) & (bands["median"] <= bands["high"])).all()
    assert sorted(bands[bands["metric"] == "firms_alive"]["year"].unique()) == [2000, 2001, 2002]


def test_differences_are_paired_by_replicate(pair):
    outcomes = pair.outcomes().set_index(["scenario", "replicate"])["spin_offs"]
    diffs = pair.differences().set_index("metric").loc["spin_offs"]
    paired = outcomes.loc["no-regional-policy"].to_numpy() - outcomes.loc["baseline-belgium"].to_numpy()
    assert diffs["pairs"] == 4 and diffs["change"] == pytest.approx(float(np.median(paired)))
    assert diffs["change_pct"] == pytest.approx(100 * diffs["change"] / outcomes.loc["baseline-belgium"].mean())
    assert pair.common_random_numbers and pair.baseline == "baseline-belgium"


def test_a_scenario_against_itself_changes_nothing():
    base = _short("beijing-north-south-synergy", 2)
    same = dataclasses.replace(base, name="same again")
    results = results_from_frames([batch_run(base, 3, 1), batch_run(same, 3, 1)], [base, same], 1)
    table = results.differences()
    assert (table["change"] == 0).all() and (table["change_high"] == 0).all()
    with pytest.raises(ValidationError, match="two runs hold scenario"):
        results_from_frames([batch_run(base, 1, 1)] * 2, [base, base], 1)


def test_comparison_folders_round_trip(tmp_path):
    specs = [load_scenario("baseline-belgium"), load_scenario("funding-winter")]
    specs = [dataclasses.replace(s, years=2) for s in specs]
    compare_scenarios(specs, 2, 5, out=tmp_path / "cmp")
    run = json.loads((tmp_path / "cmp" / "run.json").read_text())
    assert run["scenarios"] == ["baseline-belgium", "funding-winter"] and run["baseline"] == "baseline-belgium"
    assert all((tmp_path / "cmp" / f).is_file() for f in run["scenario_files"])
    results = load_results(tmp_path / "cmp")
    assert results.names == ["baseline-belgium", "funding-winter"] and results.seeds == (5, 5)
    assert results.replicates == {"baseline-belgium": 2, "funding-winter": 2}


def test_run_folders_combine_and_bad_folders_are_refused(tmp_path):
    run_scenario(_short("baseline-belgium", 2), 2, 3, tmp_path / "a")
    run_scenario(_short("no-regional-policy", 2), 2, 4, tmp_path / "b")
    results = load_results(tmp_path / "a", tmp_path / "b")
    assert results.names == ["baseline-belgium", "no-regional-policy"] and not results.common_random_numbers
    with pytest.raises(NotFoundError, match="no run.json"):
        load_results(tmp_path / "nowhere")
    with pytest.raises(ValidationError, match="two runs hold scenario 'baseline-belgium'"):
        load_results(tmp_path / "a", tmp_path / "a")
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "run.json").write_text(json.dumps({"seed": 0, "parameters": {"years": [1, 2]}}))
    (tmp_path / "s" / "timeseries.parquet").write_bytes(b"")
    with pytest.raises(InputFormatError, match="is a sweep of years"):
        load_results(tmp_path / "s")
