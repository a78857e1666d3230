"""Rules drawn from the heldout7 blind set: founders, syndicates, agencies, Italian institutions, STAR-market notices."""

from bioregion.extract.money import find_amounts

from press_release import DATELINE, release_candidates


def _terms(sentence):
    return [(a.component, a.amount, a.currency) for a in find_amounts(sentence)]


def _extract(body, title="Deal", dateline=DATELINE):
    return [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.terms, c.date)
            for c in release_candidates(body, title, dateline)]


def _relations(found):
    return {(t, tuple(parties)) for t, parties, _, _ in found}


def test_funding_a_research_plan_is_research_funding():
    assert _terms("In addition, Kisaragi will fund a joint translational research plan with EUR 8 million over "
                  "the first two years.") == [("research_funding", 8_000_000, "EUR")]


def test_parts_of_an_aggregate_of_the_same_component_are_not_added():
    found = _terms("the Company shall pay Hanbit milestone payments of up to US$372 million in aggregate, including "
                   "up to US$62 million in development milestones and up to US$310 million in sales milestones.")
    assert [c for c in found if c[0] != "part"] == [("milestones", 372_000_000, "USD")]
    assert _terms("a total of EUR 100 million, including EUR 20 million upfront and EUR 80 million in milestones.") == [
        ("value", 100_000_000, "EUR"), ("upfront", 20_000_000, "EUR"), ("milestones", 80_000_000, "EUR")]


def test_founders_launching_a_company_with_a_seed_round_are_its_parents_not_investors():
    found = _extract("VIB and Ghent University today announced the founding of Lumora Bio NV, a new spin-off company. "
                     "Lumora Bio has closed a seed financing round of EUR 9.5 million. The round was provided by three "
                     "investors: Scheldt Biotech Fund, Hoornbeek Ventures and Arkwright Capital.",
                     title="VIB and Ghent University launch Lumora Bio with EUR 9.5 million seed financing",
                     dateline="Ghent, Belgium, 14 January 2025\n\n")
    assert _relations(found) == {
        ("spin_off", (("Ghent University", "parent"), ("Lumora Bio NV", "offspring"), ("VIB", "parent"))),
        ("venture_round", (("Arkwright Capital", "investor"), ("Hoornbeek Ventures", "investor"),
                           ("Lumora Bio NV", "investee"), ("Scheldt Biotech Fund", "investor")))}


def test_investors_who_joined_the_round_are_all_investors():
    found = _extract("Harborlight Ventures has led the $115 million Series B financing of Quillon Bio, Inc., a Boston "
                     "company. Fenway Bridge Capital, Altamira Health Partners and the Tidewater Life Sciences Fund "
                     "joined the round as new investors.")
    assert _relations(found) == {("venture_round", (
        ("Altamira Health Partners", "investor"), ("Fenway Bridge Capital", "investor"),
        ("Harborlight Ventures", "investor"), ("Quillon Bio, Inc.", "investee"),
        ("Tidewater Life Sciences Fund", "investor")))}


def test_a_region_granting_through_its_administration_is_the_funder_and_a_selection_is_a_grant():
    found = _extract("The Walloon Region, through the Service public de Wallonie Economie, Emploi, Recherche (SPW "
                     "EER), has granted Fagnes Biologics SA a recoverable advance of EUR 3.1 million. In parallel, the "
                     "European Innovation Council (EIC) has selected Fagnes Biologics in the March 2025 cut-off of the "
                     "EIC Accelerator programme. The company will receive a grant of EUR 2.5 million.")
    grants = {(tuple(parties), tuple((t["amount"], t["currency"]) for t in terms))
              for kind, parties, terms, _ in found if kind == "grant"}
    assert grants == {
        ((("Fagnes Biologics SA", "recipient"), ("Walloon Region", "funder")), ((3_100_000, "EUR"),)),
        ((("European Innovation Council", "funder"), ("Fagnes Biologics SA", "recipient")), ((2_500_000, "EUR"),))}


def test_italian_institutions_keep_their_full_names_and_the_partners_grant_goes_to_each():
    found = _extract("The consortium is coordinated by the Università degli Studi di Milano-Bicocca and brings together "
                     "the Istituto di Ricerche Farmacologiche Mario Negri IRCCS, the Politecnico di Milano and Lariana "
                     "Biotech S.p.A. of Como. Regione Lombardia will support the three partners with a grant of EUR 5.6 "
                     "million. Milano-Bicocca will coordinate the project and Mario Negri will carry out proteomics.",
                     dateline="MILAN, 9 July 2025 -- ")
    members = (("Istituto di Ricerche Farmacologiche Mario Negri IRCCS", "partner"), ("Lariana Biotech S.p.A.", "partner"),
               ("Politecnico di Milano", "partner"), ("Università degli Studi di Milano-Bicocca", "partner"))
    assert ("consortium", members) in _relations(found)
    grant = next(parties for kind, parties, _, _ in found if kind == "grant")
    assert ("Regione Lombardia", "funder") in grant and len(grant) == 5


def test_a_licence_notice_reads_who_obtains_rights_and_no_grant_of_licence_is_a_grant():
    found = _extract("1. Shanghai Yuanheng Biopharmaceutical Co., Ltd. (the \"Company\") has entered into an exclusive "
                     "license agreement with Hanbit Biologics Co., Ltd. (\"Hanbit\"), a company incorporated in the "
                     "Republic of Korea, to obtain exclusive rights to develop HB-0517 in mainland China.\n\n"
                     "On June 16, 2025, the Company signed the License Agreement with Hanbit.\n\n"
                     "Grant of license: Hanbit grants the Company an exclusive, royalty-bearing license under Hanbit's "
                     "patents.", title="Announcement on the Signing of an Exclusive License Agreement", dateline="")
    assert [(t, p) for t, p, _, _ in found] == [("license", [("Hanbit Biologics Co., Ltd.", "licensor"),
                                                             ("Shanghai Yuanheng Biopharmaceutical Co., Ltd.", "licensee")])]
    assert found[0][3] == "2025-06-16"


def test_the_european_union_as_a_territory_is_no_partner_and_new_shares_make_an_equity_investment():
    found = _extract("Auremont Bio SE and Bayridge Pharmaceuticals, Inc. today announced a global agreement to jointly "
                     "develop and commercialize AUR-207. The companies will co-commercialize AUR-207 in the United "
                     "States and the European Union, with Bayridge leading in the United States. In a separate "
                     "agreement, Bayridge will purchase newly issued ordinary shares of Auremont for a total of US$25 "
                     "million.")
    assert _relations(found) == {
        ("co_development", (("Auremont Bio SE", "partner"), ("Bayridge Pharmaceuticals, Inc.", "partner"))),
        ("equity_investment", (("Auremont Bio SE", "investee"), ("Bayridge Pharmaceuticals, Inc.", "investor")))}
