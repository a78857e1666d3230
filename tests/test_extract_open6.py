"""Rules drawn from real trade-press and wire stories (read locally, not shipped): headlines, people, outlets,
agency contracts, majority stakes, bought rights, proposals and amendments."""

from bioregion.extract.background import is_background
from bioregion.extract.chunks import find_chunks
from bioregion.extract.sentences import find_dateline

from press_release import DATELINE, release_candidates


def _extract(body, title="Deal", dateline=DATELINE):
    return [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.terms)
            for c in release_candidates(body, title, dateline)]


def _relations(found):
    return {(t, tuple(parties)) for t, parties, _ in found}


def test_headline_verbs_and_prepositions_split_title_cased_names():
    assert [c[2] for c in find_chunks("Korvath Signs Discovery Deal With Lindqvist Pharma")] == [
        "Korvath", "Discovery", "Lindqvist Pharma"]
    assert [c[2] for c in find_chunks("Sofinnova Partners and Institute for Cancer Research")] == [
        "Sofinnova Partners", "Institute for Cancer Research"]


def test_a_licence_headline_that_acquires_rights_is_the_licence_not_an_acquisition():
    found = _extract("Tarvel, a two-year-old Suzhou start-up, has in-licensed Greater China rights to a Morrow "
                     "Biosciences antibody from Morrow Biosciences.",
                     title="Tarvel Acquires Greater China Rights To Morrow Biosciences Antibody", dateline="")
    assert [(t, parties) for t, parties, _ in found] == [
        ("license", [("Morrow Biosciences", "licensor"), ("Tarvel", "licensee")])]


def test_people_and_news_outlets_are_no_parties():
    found = _extract("Quenby Therapeutics, Inc. has raised $80 million in a Series B financing, CEO Martin Aldous, "
                     "Ph.D., told Endpoints News. Aldous said the company could have made a case to go public. "
                     "Investors include Harlow Ventures and Greystone Capital.")
    assert _relations(found) == {("venture_round", (("Greystone Capital", "investor"), ("Harlow Ventures", "investor"),
                                                    ("Quenby Therapeutics, Inc.", "investee")))}


def test_a_source_tag_between_place_and_dash_is_a_dateline():
    assert find_dateline("CHICAGO (BioTrade News) – Alvira Bio has completed its acquisition of Quellon.")[1] == 26


def test_relative_past_is_history_even_without_a_release_date():
    assert is_background("The chief executive agreed to buy Marrow Pharma last month for $1.1 billion.", None)
    assert is_background("It follows a $90 million series B that closed two years ago.", None)
    assert not is_background("Alvira Bio has completed its acquisition of Quellon.", None)


def test_a_majority_stake_is_an_acquisition():
    found = _extract("Hartwell Plc has acquired a 55 percent stake in Dunmore Pharma BV, a private company, for "
                     "$2.5 billion.")
    assert _relations(found) == {("acquisition", (("Dunmore Pharma BV", "target"), ("Hartwell Plc", "acquirer")))}


def test_bought_commercialisation_rights_are_a_marketing_deal():
    found = _extract("Through a separate agreement, Velmont Biologics AG will acquire sole commercialization rights "
                     "for Ostrava Pharma's biosimilar in Canada, with Ostrava Pharma keeping the other markets.",
                     dateline="MUMBAI, Jan. 5, 2024 -- ")
    assert _relations(found) == {("marketing_distribution", (("Ostrava Pharma", "partner"),
                                                             ("Velmont Biologics AG", "partner")))}


def test_agency_contracts_and_task_orders_make_the_agency_the_client():
    awarded = _extract("The Biomedical Advanced Research and Development Authority (BARDA) awarded a $48 million "
                       "contract to Calloway Biologics for the advanced development of its antitoxin.", dateline="")
    assert _relations(awarded) == {("contract_services", (
        ("Biomedical Advanced Research and Development Authority", "client"), ("Calloway Biologics", "provider")))}
    ordered = _extract("Brennick BioSolutions said today it will develop antibodies for Lassa fever under a task "
                       "order from the Biomedical Advanced Research and Development Authority (BARDA) that is "
                       "valued at up to $21 million.", dateline="")
    assert _relations(ordered) == {("contract_services", (
        ("Biomedical Advanced Research and Development Authority", "client"), ("Brennick BioSolutions", "provider")))}


def test_a_facility_named_after_its_owner_is_no_organisation():
    found = _extract("Brennick BioSolutions said today it will develop antibodies under a task order from BARDA. "
                     "The task order, which will use Brennick's Center for Process Innovation (CPI) facility in "
                     "Baltimore, consists of a 36-month base period of performance.",
                     dateline="")
    assert all("Center for Process Innovation" not in str(parties) for _, parties, _ in found)


def test_proposals_and_amended_agreements_are_no_deals():
    assert _extract("Tallis Capital's Orrin Biosciences is proposing to acquire Wendt Bio in a cash deal of $3.10 "
                    "per share, according to a letter sent to the board.") == []
    assert _extract("Valmora and Castellan Pharma also updated the terms of their collaboration and licence "
                    "agreement for the vaccine candidate.") == []


def test_wire_story_names_drop_their_country_and_listing():
    found = _extract("Halden Pharmaceuticals of the USA has purchased an exclusive global license to develop "
                     "peptide agonists from US privately-held firm Rockford Labs.", dateline="")
    assert _relations(found) == {("license", (("Halden Pharmaceuticals", "licensee"), ("Rockford Labs", "licensor")))}
    found = _extract("The USA's Orrell Pharmaceuticals has signed a definitive agreement to acquire Nasdaq-listed "
                     "Brisco Pharmaceuticals for around $95 million.", dateline="")
    assert _relations(found) == {("acquisition", (("Brisco Pharmaceuticals", "target"),
                                                  ("Orrell Pharmaceuticals", "acquirer")))}


def test_a_cro_described_before_its_name_is_the_provider():
    found = _extract("Perth, Australia-based contract research organization Novarra has signed a A$3.0 million "
                     "contract with UK biotechnology firm Caledon Pharma to carry out a clinical trial.", dateline="")
    assert _relations(found) == {("contract_services", (("Caledon Pharma", "client"), ("Novarra", "provider")))}


def test_money_received_from_a_research_charity_is_a_grant():
    found = _extract("Drug discovery company Tamsin has received a £3m boost. Tamsin, based at Abingdon, will receive "
                     "£1.1m immediately from the Wellcome Trust to test its antibiotic in volunteers.", dateline="")
    assert ("grant", (("Tamsin", "recipient"), ("Wellcome Trust", "funder"))) in _relations(found)


def test_previously_announced_deals_complete_and_territories_that_include_the_uk_are_no_background():
    found = _extract("Harrow Diagnostics, a US provider of diagnostic testing, has completed the previously-announced "
                     "acquisition of Lisle Diagnostics, in a cash transaction valued at around $120.0 million.",
                     dateline="")
    assert _relations(found) == {("acquisition", (("Harrow Diagnostics", "acquirer"), ("Lisle Diagnostics", "target")))}
    found = _extract("Spanish drugmaker Morena Pharma has signed an agreement with Sweden's Ulvik Pharma for the "
                     "exclusive distribution and marketing of its drug for territories that include the UK and "
                     "Ireland.", dateline="")
    assert _relations(found) == {("marketing_distribution", (("Morena Pharma", "partner"), ("Ulvik Pharma", "partner")))}


def test_won_is_korean_currency_and_its_dollar_conversion_no_term():
    from bioregion.extract.money import find_amounts
    assert [(a.amount, a.currency) for a in find_amounts(
        "The contract could be worth 1.6 trillion won ($1.2 billion), the firm said.")] == [(1.6e12, "KRW")]


def test_a_funder_announcing_money_to_support_an_organisation_grants_it():
    found = _extract("The German Government's Federal Ministry of Education and Research announced an additional "
                     "€80 million to support the Coalition for Epidemic Preparedness Innovations' (CEPI's) vaccine "
                     "work.", dateline="Oslo, Norway; March 12, 2020: ")
    assert _relations(found) == {("grant", (("Coalition for Epidemic Preparedness Innovations", "recipient"),
                                            ("Federal Ministry of Education and Research", "funder")))}


def test_an_affiliate_described_inside_an_investor_list_neither_ends_it_nor_joins_it():
    found = _extract("Corwen BioMedicines has closed a $120 million series C financing. New investors include Ayrlow, "
                     "an affiliate of Matlock Capital Management, along with Fidelity, Invus and Woodline Partners.")
    assert _relations(found) == {("venture_round", (
        ("Ayrlow", "investor"), ("Corwen BioMedicines", "investee"), ("Fidelity", "investor"), ("Invus", "investor"),
        ("Woodline Partners", "investor")))}
