"""Openness modes, breadth/depth and classes; business-model rules; portfolios."""

import pytest

from bioregion.analysis.business_models import business_models, classify_business_model, fipco_share
from bioregion.analysis.openness import cohen_kappa, openness, openness_agreement
from bioregion.analysis.portfolio import alliance_orientation, blau_index, portfolio


def test_openness_counts_by_hand(ecosystem):
    frame = openness(ecosystem, depth_threshold=2).set_index("organisation_id")
    # galapagos: licensor (outbound) in r1 + partner (coupled) in r4
    assert frame.loc["galapagos", ["inbound", "outbound", "coupled", "score"]].tolist() == [0, 1, 1, 2]
    assert frame.loc["gilead", ["inbound", "outbound", "coupled"]].tolist() == [1, 0, 0]
    assert frame.loc["vib", "outbound"] == 1 and "ablynx" in frame.index  # offspring is passive, partner in r3
    assert frame.loc["ablynx", ["inbound", "outbound", "coupled"]].tolist() == [0, 0, 1]
    assert frame.loc["galapagos", "breadth"] == 1 and frame.loc["galapagos", "depth"] == 1  # 2 ties with big pharma
    assert frame.loc["abbvie", "partner_kinds"] == {"new_biotech_firm": 2}


def test_openness_fixed_thresholds_and_agreement(ecosystem):
    frame = openness(ecosystem, thresholds=(1, 2))
    labels = dict(zip(frame["organisation_id"], frame["derived"]))
    assert labels["galapagos"] == "fairly_open" and labels["gilead"] == "hardly_open"
    agreement = openness_agreement(ecosystem, frame)
    assert agreement["n"] == 1 and agreement["agree"] == 0.0  # curated very_open, derived fairly_open
    assert agreement["confusion"]["very_open"] == {"fairly_open": 1}


def test_cohen_kappa_hand_example():
    assert cohen_kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")]) == pytest.approx(0.5)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)


def _org(**kw):
    base = {"id": "x", "kind": "new_biotech_firm", "technology_platforms": [], "employees": None,
            "business_model": None}
    return base | kw


def _prog(name, stage, partner=None, modality=None):
    return {"name": name, "stage": stage, "partner_id": partner, "modality": modality}


@pytest.mark.parametrize("org, facts, label", [
    (_org(kind="cro"), {}, "services"),
    (_org(kind="big_pharma"), {}, "fipco"),
    (_org(), {"programs": [_prog("a", "marketed")]}, "fipco"),
    (_org(), {"programs": [_prog("a", "marketed", partner="p")]}, None),
    (_org(), {"programs": [_prog("kit", "phase2", modality="Diagnostic assay")]}, "diagnostics"),
    (_org(technology_platforms=["Nanobody"]), {"programs": [_prog("a", "phase1")]}, "hybrid"),
    (_org(technology_platforms=["Nanobody"]), {}, "platform"),
    (_org(), {"programs": [_prog("a", "preclinical")]}, "product"),
    (_org(employees=8), {"programs": [_prog("a", "phase1")],
                         "roles": [("contract_services", "client", {"id": "r", "asset": None})]}, "virtual"),
    (_org(), {"programs": [_prog("A", "phase2")],
              "roles": [("license", "licensee", {"id": "r", "asset": "a", "stage_at_signing": "phase1"})]}, "pdc"),
    (_org(kind="university"), {}, None),
])
def test_business_model_rules(org, facts, label):
    derived, evidence = classify_business_model(org, facts)
    assert derived == label and evidence


def test_curated_business_model_wins_but_both_shown(records):
    from bioregion.ecosystem import Ecosystem

    records["organisations"][0]["business_model"] = "platform"
    frame = business_models(Ecosystem.from_records(records)).set_index("organisation_id")
    assert frame.loc["galapagos", ["derived", "curated", "business_model"]].tolist() == ["hybrid", "platform",
                                                                                         "platform"]
    assert fipco_share(Ecosystem.from_records(records))["by_model"] == {"platform": 1}


def test_blau_and_orientation():
    assert blau_index({"a": 2, "b": 1, "c": 1}) == pytest.approx(0.625)
    assert blau_index(["a", "a"]) == 0.0 and blau_index([]) is None
    assert alliance_orientation("license", "preclinical") == "exploration"
    assert alliance_orientation("marketing_distribution", None) == "exploitation"
    assert alliance_orientation("license", None) == "unknown"
    assert alliance_orientation("venture_round", "phase1") is None


def test_portfolio_of_galapagos(ecosystem):
    result = portfolio(ecosystem, "Galapagos NV")
    assert result["n_alliances"] == 2 and result["by_type"] == {"license": 1, "rd_collaboration": 1}
    assert result["by_orientation"] == {"exploitation": 1, "exploration": 1}
    assert result["share_big_pharma"] == 1.0 and result["blau_partner_kind"] == 0.0
    assert result["deal_values"] == {"by_currency": {"USD": 725000000.0}, "disclosed_terms": 2,
                                     "undisclosed_terms": 1}
    assert [t["relation_id"] for t in result["timeline"]] == ["r4", "r1"]
