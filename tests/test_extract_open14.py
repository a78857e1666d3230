"""An agreement read from its purpose, services bought by big pharma, a licence told with a collaboration,
a licence received, a buyer that "will buy", an equity interest bought, products named as parties, and gold
names written with their bracketed short form; invented names, but for well-known institutions whose names
hold "and", a comma or a possessive.

An agreement "with Y to develop", "for the manufacture and supply of" or "for the launch of" names its type
when no other word does; an agreement with a funder is not read so (an agency's contract "for the
development of" its vaccine is no co-development). A sentence that tells a collaboration and a licence
gives both, as the real-text labellers counted them.
"""

from press_release import mention_names, relations

from bioregion.extract.scoring import same_name


def test_an_agreement_to_develop_is_a_co_development():
    assert relations("Drug major Harwell Pharmaceuticals on Wednesday said it has entered into an agreement with "
                     "Cendra Pharma for developing generic soft-gelatin capsule formulations.") == {
        ("co_development", (("Cendra Pharma", "partner"), ("Harwell Pharmaceuticals", "partner")))}


def test_an_agreement_for_a_launch_is_a_distribution_deal():
    assert relations("Vermara today announced an agreement with Questor Diagnostics for the launch of the OVA-7 "
                     "ovarian cancer test in India.") == {
        ("marketing_distribution", (("Questor Diagnostics", "partner"), ("Vermara", "partner")))}


def test_an_agreement_to_manufacture_for_big_pharma_makes_big_pharma_the_client():
    assert relations("Gene therapy group Veltrix Bio said it had signed an agreement with Novartis for the "
                     "manufacture and supply of viral vectors.") == {
        ("contract_services", (("Novartis", "client"), ("Veltrix Bio", "provider")))}


def test_an_agreement_with_an_agency_for_development_is_no_co_development():
    assert relations("Emberline signed an agreement with BARDA for the development of its next-generation "
                     "anthrax vaccine.") == set()


def test_a_collaboration_with_a_licence_is_both_and_the_receiver_is_the_licensee():
    assert relations("Arvana Therapeutics entered into a research collaboration with Celvio, under which Celvio "
                     "receives an exclusive license to the resulting antibodies.") == {
        ("rd_collaboration", (("Arvana Therapeutics", "partner"), ("Celvio", "partner"))),
        ("license", (("Arvana Therapeutics", "licensor"), ("Celvio", "licensee")))}


def test_a_gold_name_matches_the_short_form_it_defines_in_brackets():
    assert same_name("CARB-X", "Combating Antibiotic Resistant Bacteria Biopharmaceutical Accelerator (CARB-X)")
    assert same_name("Tunra Research Associates Ltd", "Tunra Research Associates (TRA) Ltd")
    assert not same_name("China", "Hutchison Whampoa (China) Ltd")


def test_a_buyer_that_will_buy_and_an_equity_interest_bought():
    assert relations("German pharmaceutical giant Bauer said on Monday it will buy US-based biotech firm Asklon "
                     "BioPharmaceutical for as much as 3.38 billion euros.") == {
        ("acquisition", (("Asklon BioPharmaceutical", "target"), ("Bauer", "acquirer")))}
    assert relations("Gilon Sciences announced that it will invest $300 million to acquire a 49.9% equity interest "
                     "in Tazona Therapeutics, a privately held company.") == {
        ("equity_investment", (("Gilon Sciences", "investor"), ("Tazona Therapeutics", "investee")))}
    # goods bought for a sum are supplies, no company bought
    assert relations("In addition, HHS will buy $63 million worth of blood plasma from Canvex Corp. (TSX:CVX) to "
                     "manufacture anthrax antitoxin.") == {
        ("contract_services", (("Canvex Corp.", "provider"), ("HHS", "client")))}


def test_institutions_named_with_and_a_comma_or_a_possessive_are_whole_names():
    assert mention_names(["The Walter and Eliza Hall Institute of Medical Research will work with Kestra Bio.",
                          "Pfizer signed an $85 million agreement with the University of California, San Francisco.",
                          "The fund of Massachusetts General Hospital and Brigham and Women’s Hospital joined."]) == [
        ["Walter and Eliza Hall Institute of Medical Research", "Kestra Bio"],
        ["Pfizer", "University of California, San Francisco"],
        ["Massachusetts General Hospital", "Brigham and Women’s Hospital"]]


def test_a_name_marked_as_a_product_once_is_no_party_anywhere():
    assert mention_names(["Ucora and Otsuka signed an agreement to promote Ucora's drug, Zentavia® in Japan.",
                          "Zentavia has a high affinity for human TNF.",
                          "Vellcare signed a licence with Celtrona Inc. for CT-P13 (Remsiva) and CT-P10 (Truxova).",
                          "Remsiva has been sold in more than 80 countries.",
                          "Aslora Pharma would grant Biogenta Ltd rights to commercialize Dorvatinib in South Korea.",
                          "Dorvatinib is a small-molecule inhibitor."]) == [
        ["Ucora", "Otsuka", "Ucora"], [], ["Vellcare", "Celtrona Inc."], [], ["Aslora Pharma", "Biogenta Ltd"], []]
    # a company's name may end like a drug stem: "Intercept", "Halvorsen"
    assert mention_names(["Intercept Pharmaceuticals and Halvorsen signed.", "Intercept said Halvorsen paid."]) == [
        ["Intercept Pharmaceuticals", "Halvorsen"], ["Intercept", "Halvorsen"]]
