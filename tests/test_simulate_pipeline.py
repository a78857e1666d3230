import json

import numpy as np
import pytest
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.errors import ValidationError
from bioregion.simulate import Calibration, simulate_pipeline
from bioregion.simulate.pipeline import phase_durations


@pytest.mark.parametrize("seed", [0, 7])
def test_pipeline_reproduces_bio_2011_2020(seed):
    out = simulate_pipeline(100_000, seed=seed)
    assert abs(out["likelihood_of_approval"] - 0.079) <= 0.003
    assert abs(out["mean_years_to_approval"] - 10.5) <= 0.1
    expected = {"phase1": 0.520, "phase2": 0.289, "phase3": 0.578, "filed": 0.906}
    for phase, rate in expected.items():
        assert abs(out["phase_transition"][phase] - rate) < 0.02


def test_pipeline_same_seed_same_result_other_seed_differs():
    assert simulate_pipeline(5_000, seed=3) == simulate_pipeline(5_000, seed=3)
    assert simulate_pipeline(5_000, seed=3) != simulate_pipeline(5_000, seed=4)


def test_pipeline_follows_its_calibration():
    certain = Calibration().with_overrides({"transition": [1, 1, 1, 1, 1]})
    out = simulate_pipeline(1_000, seed=0, calibration=certain)
    assert out["approved"] == 1_000
    assert out["phase_transition"] == {"phase1": 1.0, "phase2": 1.0, "phase3": 1.0, "filed": 1.0}


def test_durations_are_gamma_with_the_stated_means():
    rng = np.random.default_rng(0)
    for stage, mean in zip(range(1, 5), (2.3, 3.6, 3.3, 1.3)):
        d = phase_durations(rng, stage, Calibration(), size=50_000)
        assert d.min() > 0
        assert abs(d.mean() - mean) < 0.05
        assert abs(d.std() / d.mean() - 0.5) < 0.02  # shape 4


def test_pipeline_refuses_no_programs():
    with pytest.raises(ValidationError, match="positive"):
        simulate_pipeline(0, seed=0)


def test_cli_prints_the_contract_json():
    result = CliRunner().invoke(main, ["simulate", "pipeline", "--programs", "100000", "--seed", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"programs", "approved", "likelihood_of_approval", "mean_years_to_approval", "phase_transition"}
    assert out["programs"] == 100_000
    assert out["likelihood_of_approval"] == out["approved"] / 100_000
    assert set(out["phase_transition"]) == {"phase1", "phase2", "phase3", "filed"}


def test_calibration_override_errors_name_the_key():
    with pytest.raises(ValidationError, match="calibration.transiton.*transition"):
        Calibration().with_overrides({"transiton": [1]})
    with pytest.raises(ValidationError, match="list of 5 numbers"):
        Calibration().with_overrides({"transition": [1, 1]})
