"""Hypotheses H1-H4 on fixtures with known answers; regional indicators; partner search; CLI shapes."""

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from bioregion.analysis.hypotheses import h1_policy_foundings, h2_alliances_pipeline, h3_fipco_share, h4_openness
from bioregion.analysis.partners import partner_candidates
from bioregion.analysis.regional import (composite_index, location_quotients, minmax_normalise, performance_group,
                                         revealed_advantage)
from bioregion.cli import main
from bioregion.ecosystem import Ecosystem

pytest.importorskip("scipy")


def cluster(n_before=2, n_after=10, alliances=(0, 1, 2, 3, 4), stages=("discovery", "preclinical", "phase1",
                                                                         "phase2", "phase3")):
    """NBFs in BE2 founded around a 1996 programme; NBF k has alliances[k] deals with big pharma and a program at stages[k]."""
    orgs = [{"id": f"old{i}", "name": f"Old {i}", "kind": "new_biotech_firm", "region_id": "BE2",
             "founded": str(1988 + i)} for i in range(n_before)]
    orgs += [{"id": f"new{i}", "name": f"New {i}", "kind": "new_biotech_firm", "region_id": "BE2",
              "founded": str(1996 + i % 10)} for i in range(n_after)]
    orgs += [{"id": f"bp{j}", "name": f"Pharma {j}", "kind": "big_pharma", "region_id": "US"} for j in range(3)]
    relations, parties, programs = [], [], []
    for k, count in enumerate(alliances):
        for m in range(count):
            rid = f"r{k}_{m}"
            relations.append({"id": rid, "type": "rd_collaboration", "date_announced": str(2000 + m)})
            parties += [{"relation_id": rid, "organisation_id": f"new{k}", "role": "partner"},
                        {"relation_id": rid, "organisation_id": f"bp{m % 3}", "role": "partner"}]
        programs.append({"id": f"p{k}", "organisation_id": f"new{k}", "name": f"drug{k}", "stage": stages[k]})
    return Ecosystem.from_records({
        "regions": [{"id": "BE", "name": "Belgium", "level": "0"},
                    {"id": "BE2", "name": "Flanders", "parent_id": "BE", "level": "1",
                     "centroid_lat": "51.0", "centroid_lon": "4.4"},
                    {"id": "US", "name": "United States", "level": "0", "centroid_lat": "39.8",
                     "centroid_lon": "-98.6"}],
        "organisations": orgs, "relations": relations, "parties": parties, "programs": programs,
        "policies": [{"id": "vib", "region_id": "BE2", "name": "VIB", "start": "1996"}]})


def test_h1_counts_and_binomial_p():
    result = h1_policy_foundings(cluster(n_before=2, n_after=10))
    assert (result["result"]["before"], result["result"]["after"]) == (2, 10)
    # P(X >= 10 | n=12, p=1/2) = (66 + 12 + 1) / 4096
    assert result["p_value"] == pytest.approx(79 / 4096)
    assert result["supported"] is True and result["caveats"]
    flat = h1_policy_foundings(cluster(n_before=6, n_after=6))
    assert flat["supported"] is False


def test_h2_perfect_rank_correlation():
    result = h2_alliances_pipeline(cluster())
    assert result["result"]["n"] == 5 and result["result"]["rho"] == pytest.approx(1.0)
    assert result["p_value"] < 0.05 and result["supported"] is True
    reversed_ = h2_alliances_pipeline(cluster(alliances=(4, 3, 2, 1, 0)))
    assert reversed_["result"]["rho"] == pytest.approx(-1.0) and reversed_["supported"] is False


def test_h3_no_fipco_among_product_firms():
    result = h3_fipco_share(cluster())
    assert result["result"]["n"] == 5 and result["result"]["fipco"] == 0
    assert result["p_value"] == pytest.approx(0.5 ** 5)  # P(X <= 0 | n=5, p=1/2)


def test_h4_rank_test_direction():
    result = h4_openness(cluster(alliances=(4, 4, 4, 4, 4)))
    # 12 NBFs (5 with 4 coupled ties, 7 with none) vs 3 big pharma with 20/3 ties each on average
    assert result["result"]["n_new_biotech_firm"] == 12 and result["result"]["n_big_pharma"] == 3
    assert result["supported"] is False  # big pharma hold every tie in this fixture


def test_location_quotient_by_hand():
    m = pd.DataFrame({"a": [2, 1], "b": [2, 5]}, index=["r1", "r2"])
    lq = revealed_advantage(m)
    assert lq.loc["r1", "a"] == pytest.approx((2 / 4) / (3 / 10))
    assert lq.loc["r2", "b"] == pytest.approx((5 / 6) / (7 / 10))


def test_location_quotients_of_an_ecosystem(ecosystem):
    lq = location_quotients(ecosystem)
    assert lq.loc["US", "big_pharma"] == pytest.approx(5 / 2)  # 2/2 over 2/5


def test_minmax_and_composite():
    frame = pd.DataFrame({"x": [0.0, 5.0, 10.0], "y": [3.0, 3.0, 1.0]}, index=list("abc"))
    normal = minmax_normalise(frame)
    assert normal["x"].tolist() == [0.0, 0.5, 1.0] and normal["y"].tolist() == [1.0, 1.0, 0.0]
    assert composite_index(frame).tolist() == pytest.approx([0.5, 0.75, 0.5])


def test_performance_groups_reproduce_the_eis_2023_groups(shared_data):
    eis = pd.read_csv(shared_data / "eis" / "eis2023_country_indicators_long.csv")
    sii = eis[(eis["Indicator"] == "0 Summary Innovation Index") & (eis["Year"] == 2023)]
    eu = float(sii.loc[sii["Country"] == "EU Average", "Value"].iloc[0])
    countries = sii[sii["Country"] != "EU Average"]
    got = [performance_group(v, eu) for v in countries["Value"]]
    assert got == countries["performance_group"].str.lower().tolist()


def test_partner_search_reasons():
    eco = cluster()
    frame = partner_candidates(eco, "new4", top=20)
    assert frame["score"].is_monotonic_decreasing
    bp = frame.set_index("organisation_id").loc["bp0"]
    assert bp["prior_ties"] > 0 and any("prior tie" in r for r in bp["reasons"])
    new3 = frame.set_index("organisation_id").loc["new3"]
    assert new3["common_partners"] == 3 and new3["proximity"] == pytest.approx(1.0)


@pytest.mark.parametrize("args", [["time"], ["openness"], ["business-models"], ["regions"], ["hypotheses"],
                                  ["portfolio", "galapagos"], ["partners", "galapagos"], ["triple-helix"],
                                  ["triple-helix", "--by", "year"], ["time", "--lifetime", "3"],
                                  ["regions", "--lq", "kind"]])
def test_cli_json_shapes(tmp_path, args, records):
    from bioregion.store import Store

    with Store.open(str(tmp_path / "eco.db")) as store:
        store.import_records(Ecosystem.from_records(records).records())
    result = CliRunner().invoke(main, ["analyze", *args, "--db", str(tmp_path / "eco.db"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, (list, dict)) and data


def test_cli_unknown_org_exits_1(tmp_path, records):
    from bioregion.store import Store

    with Store.open(str(tmp_path / "eco.db")) as store:
        store.import_records(Ecosystem.from_records(records).records())
    result = CliRunner().invoke(main, ["analyze", "portfolio", "nobody", "--db", str(tmp_path / "eco.db")])
    assert result.exit_code == 1 and "no organisation" in result.output


def test_cli_compare_bioregions():
    result = CliRunner().invoke(main, ["analyze", "regions", "--dataset", "belgium-2016", "--compare",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["region_id"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {"BE1", "BE2", "BE3", "ITC4", "CN-BJ"}
    assert all(r["organisations"] > 0 for r in rows.values())


def test_hypotheses_on_belgium_have_every_part():
    result = CliRunner().invoke(main, ["analyze", "hypotheses", "--dataset", "belgium-2016", "--format", "json"])
    assert result.exit_code == 0, result.output
    tests = json.loads(result.stdout)
    assert [t["id"] for t in tests] == ["H1", "H2", "H3", "H4"]
    for test in tests:
        assert {"hypothesis", "operationalisation", "statistic", "result", "p_value", "supported", "caveats"} <= set(test)
        assert test["caveats"] and (test["p_value"] is None or 0 <= test["p_value"] <= 1)
