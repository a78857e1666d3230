import json

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.errors import BioregionError
from bioregion.simulate.replicates import batch_run
from bioregion.simulate.scenario import load_scenario
from bioregion.simulate.sweep import sweep

distributed = pytest.importorskip("distributed")

PARAMS = {"calibration.ipo_probability": [0.02, 0.3]}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as running:
        yield running


def short():
    return load_scenario("baseline-belgium").with_parameter("years", 3)


def test_sweep_on_a_scheduler_equals_the_serial_run(cluster):
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    ticks = []
    remote = sweep(short(), 3, seed=7, parameters=PARAMS, scheduler=cluster.scheduler_address, progress=ticks.append)
    serial = batch_run(short(), 3, seed=7, parameters=PARAMS)
    pd.testing.assert_frame_equal(remote, serial, check_exact=True)
    assert len(ticks) == 6
    ipos = remote.groupby("calibration.ipo_probability")["ipos"].sum()
    assert ipos[0.3] > ipos[0.02]


def test_cli_sweep_saves_parquet_scenario_and_seeds(cluster, tmp_path):
    path = tmp_path / "short.yaml"
    path.write_text(yaml.safe_dump(yaml.safe_load(load_scenario("baseline-belgium").source) | {"years": 2}))
    out = tmp_path / "sweep"
    result = CliRunner().invoke(main, ["simulate", "sweep", str(path), "--replicates", "2", "--seed", "3",
                                       "--param", "calibration.ipo_probability=0.02,0.3",
                                       "--scheduler", cluster.scheduler_address, "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out / "timeseries.parquet")
    assert sorted(frame["calibration.ipo_probability"].unique()) == [0.02, 0.3]
    run = json.loads((out / "run.json").read_text())
    assert run["replicate_seeds"] == [[3, 0], [3, 1]] and run["parameters"] == {"calibration.ipo_probability": [0.02, 0.3]}
    assert (out / "scenario.yaml").read_text() == path.read_text()
    assert "sweep" in result.stderr


def test_unreachable_scheduler_is_a_user_error():
    with pytest.raises(BioregionError, match="cannot reach the Dask scheduler"):
        sweep(short(), 1, seed=0, scheduler="tcp://127.0.0.1:9", timeout="1s")
    with pytest.raises(BioregionError, match="not a scheduler address"):
        sweep(short(), 1, seed=0, scheduler="somewhere")
