"""EIS and Eurostat readers, and the embedded europe-indicators dataset built from them."""

import json

import pytest
from click.testing import CliRunner

from bioregion.analysis.regional import scoreboard
from bioregion.cli import main
from bioregion.connectors.eis import read_eis
from bioregion.connectors.eurostat import read_eurostat_rd
from bioregion.ecosystem import Ecosystem
from bioregion.errors import InputFormatError


def test_read_eis(shared_data):
    rows = read_eis(shared_data / "eis" / "eis2023_country_indicators_long.csv", ["0 Summary Innovation Index"],
                    groups=True)
    sii = rows[rows["indicator"] == "eis_summary_innovation_index"].set_index(["region_id", "year"])
    assert sii.loc[("EU", 2016), "value"] == 100.0 and sii.loc[("EU", 2023), "value"] == pytest.approx(108.467)
    groups = rows[rows["indicator"] == "eis_performance_group"].set_index(["region_id", "year"])
    assert groups.loc[("BE", 2023), "category"] == "leader" and ("EU", 2023) not in groups.index


def test_read_eurostat(shared_data):
    rows = read_eurostat_rd(shared_data / "eurostat_nuts2" / "randd_private_eur_hab.nuts0.csv")
    at = rows.set_index(["region_id", "year"])
    assert at.loc[("AT", 2014), "value"] == pytest.approx(860.9)
    assert set(rows["indicator"]) == {"rd_business_eur_per_inhabitant"} and rows["value"].notna().all()


def test_readers_refuse_other_files(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(InputFormatError):
        read_eis(bad)
    with pytest.raises(InputFormatError):
        read_eurostat_rd(bad)


def test_embedded_dataset_groups_agree_with_the_eis():
    eco = Ecosystem.from_dataset("europe-indicators")
    board = scoreboard(eco, 2023)
    assert len(board) == 38
    assert (board["group"] == board["curated"]).all()
    assert board.loc["BE", "relative"] == pytest.approx(100 * 136.438 / 108.467)


def test_cli_scoreboard_json():
    result = CliRunner().invoke(main, ["analyze", "regions", "--dataset", "europe-indicators", "--scoreboard", "2023",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["region_id"]: r for r in json.loads(result.stdout)}
    assert rows["NL"]["group"] == "leader" and rows["PL"]["group"] == "emerging"
