"""The embedded datasets through the core: they load, round-trip losslessly and fill a store."""

import json

import pytest
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.datasets import dataset_names, load_dataset
from bioregion.ecosystem import Ecosystem
from bioregion.errors import NotFoundError
from bioregion.io import export_ecosystem, read_ecosystem
from bioregion.store import Store


def test_belgium_is_embedded_and_valid():
    assert "belgium-2016" in dataset_names()
    eco = Ecosystem.from_dataset("belgium-2016")
    counts = eco.counts()
    assert counts["organisations"] > 100 and counts["relations"] > 100 and counts["evidence"] > counts["relations"]


@pytest.mark.parametrize("name", dataset_names())
def test_every_dataset_row_has_evidence(name):
    eco = load_dataset(name)
    supported = {(e["subject_table"], e["subject_id"]) for e in eco.rows("evidence")}
    for table in ("organisations", "relations", "programs", "policies", "indicators"):
        missing = [r["id"] for r in eco.rows(table) if (table, r["id"]) not in supported]
        assert not missing, f"{name}: {table} without evidence: {missing[:5]}"


@pytest.mark.parametrize("fmt, name", [("csv", "csv"), ("xlsx", "b.xlsx"), ("json", "b.json"), ("parquet", "pq")])
def test_belgium_round_trips_in_every_table_format(tmp_path, fmt, name):
    eco = load_dataset("belgium-2016")
    assert read_ecosystem(export_ecosystem(eco, tmp_path / name, fmt)) == eco


def test_load_command_fills_sqlite_and_postgres(store_target):
    result = CliRunner().invoke(main, ["load", "belgium-2016", "--db", store_target, "--format", "json"])
    assert result.exit_code == 0, result.output
    eco = load_dataset("belgium-2016")
    assert json.loads(result.stdout)["added"] == sum(eco.counts().values())
    with Store.open(store_target) as store:
        assert store.load() == eco
    again = CliRunner().invoke(main, ["load", "belgium-2016", "--db", store_target, "--format", "json"])
    assert json.loads(again.stdout) ["added"] == 0 and json.loads(again.stdout)["updated"] == 0


def test_unknown_dataset_lists_the_names():
    with pytest.raises(NotFoundError, match="belgium-2016"):
        Ecosystem.from_dataset("belgium")
