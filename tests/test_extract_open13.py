"""Rules drawn from the missed relations of realk–realn; the examples use invented names.

Each reads a form, not one story: a buyout told in the passive ("agreed to be bought by Sweden's X"),
brands sold to a buyer, a buyer spending on a target, an agreement "to acquire two of its brands"; a
description with a place's comma or "part of" another body; a wire's dateline without a year; links to
other stories; deals an agreement follows; an established partnership and a co-developed product as
history; an agency that "awards" a contract; the provider that signs "to provide" services; rights to
manufacture are no service contract; an option to commercialise is a licence option; a merger of two
companies' capabilities is no merger; investors named before "co-led the financing"; "Dr" in a
possessive company name ("Dr Reddy's"); descriptions after a preposition; a three-letter short form of a name.
"""

from press_release import mention_names, relations


def test_a_buyout_in_the_passive_keeps_the_buyer_the_acquirer():
    assert relations("Shares of Corvane Bio (NASDAQ:CRVB) have soared today after it agreed to be acquired by "
                     "Sweden's Nordvik Pharma at $9.10 per share.") == {
        ("acquisition", (("Corvane Bio", "target"), ("Nordvik Pharma", "acquirer")))}
    assert relations("Lumopharm, a Canadian drug company specializing in controlled-release drugs, has agreed to "
                     "be bought by Paltera Labs, ending a months-long search for a buyer.") == {
        ("acquisition", (("Lumopharm", "target"), ("Paltera Labs", "acquirer")))}


def test_brands_sold_and_a_buyer_spending_are_acquisitions():
    assert relations("Pharma major Ravindra Laboratories Ltd on Thursday said it is selling its nine dermatology "
                     "brands in India to Ernika Lifesciences Ltd for Rs 275 crore.") == {
        ("acquisition", (("Ernika Lifesciences Ltd", "acquirer"), ("Ravindra Laboratories Ltd", "target")))}
    assert relations("Halvion is spending more than seven billion dollars to buy Retara Pharmaceuticals and "
                     "bolster its rare disease treatments.") == {
        ("acquisition", (("Halvion", "acquirer"), ("Retara Pharmaceuticals", "target")))}
    assert relations("Manvik Pharma on Wednesday said that it has entered into an agreement with Dr Reddy's "
                     "Laboratories (DRL) to acquire two of its brands.") == {
        ("acquisition", (("Dr Reddy's Laboratories", "target"), ("Manvik Pharma", "acquirer")))}


def test_a_description_with_a_places_comma_or_part_of_another_body():
    assert relations("Termo Scientific (NYSE: TMS), the Waltham, MA-based provider of lab tools, announced today "
                     "that it has signed a definitive agreement to buy Canoga Park, CA-based One Delta for $925 "
                     "million.") == {
        ("acquisition", (("One Delta", "target"), ("Termo Scientific", "acquirer")))}
    found = relations("Pelavax has been awarded a contract valued at up to $179 million by the Biomedical Advanced "
                      "Research and Development Authority (BARDA) for development of flu vaccines. BARDA, part of "
                      "the Department of Health and Human Services, has awarded a similar contract to Vaxtora.")
    assert ("contract_services", (("Biomedical Advanced Research and Development Authority", "client"),
                                  ("Pelavax", "provider"))) in found
    assert not any(name == "Department of Health and Human Services" for _, parties in found for name, _ in parties)


def test_a_wire_dateline_without_a_year_is_no_party():
    assert relations("HONG KONG, July 28 (Reuters) - China's Jiangsu Hengtai Pharmaceuticals said on Monday it has "
                     "agreed to license the global rights of its drug to Novaris AG for $500 million upfront.",
                     title="Hengtai grants Novaris rights", dateline="") == {
        ("license", (("Jiangsu Hengtai Pharmaceuticals", "licensor"), ("Novaris AG", "licensee")))}


def test_a_link_to_another_story_is_no_news():
    assert relations("Genvale has signed a contract to pan the gut's bacteria for new drug targets.\n\n"
                     "RELATED: Genvale forms $1B discovery collaboration with Lodex Therapeutics\n\n"
                     "The project will focus on patient samples.") == set()


def test_deals_an_agreement_follows_and_an_established_partnership_are_history():
    assert relations("The license agreement follows two research pacts by Jiangsu Hanrui Medicine recently, "
                     "including one with the Marlow Cancer Center.") == set()
    assert relations("Investments from Abtek, which has an established partnership with Bigtoe Biomedical, "
                     "brought the total to $55 million.") == set()
    assert relations("Biotechnology major Bicorn and Mylona today said their co-developed biosimilar insulin "
                     "has received marketing authorisation approval from the European Commission.") == set()


def test_an_agency_that_awards_a_contract_is_its_client():
    assert relations("BARDA awards $100 mln contract to Emerton Biosolutions for the delivery of anthrax vaccine "
                     "to the national stockpile") == {
        ("contract_services", (("BARDA", "client"), ("Emerton Biosolutions", "provider")))}


def test_the_company_that_signs_to_provide_services_is_the_provider():
    assert relations("Emerton BioSolutions (NYSE:EMB) has signed an agreement with Astrova (NYSE:AST) to provide "
                     "contract development and manufacturing services for a vaccine candidate.") == {
        ("contract_services", (("Astrova", "client"), ("Emerton BioSolutions", "provider")))}


def test_rights_to_manufacture_are_a_licence_not_a_service_contract():
    assert {rel_type for rel_type, _ in relations(
        "As part of the agreement, Hakim Pharmaceuticals will gain exclusive rights to manufacture and commercialise "
        "SV Biopharmaceuticals' first product in the Middle East.")} == {"license"}


def test_an_option_to_commercialise_is_a_licence():
    assert relations("AstroGenix has formed an agreement with Kyoto Hakko Co. Ltd. for an exclusive option to "
                     "commercialize benralimab in Japan.") == {
        ("license", (("AstroGenix", "licensee"), ("Kyoto Hakko Co. Ltd.", "licensor")))}


def test_merging_two_companies_capabilities_is_no_merger():
    assert {rel_type for rel_type, _ in relations(
        "Fujiwara Corporation and Kyowa Biologics have agreed to set up a 50:50 joint venture to develop "
        "biosimilars. The new venture will merge Fujiwara's production technology with Kyowa Biologics' "
        "development know-how.")} == {"joint_venture"}


def test_investors_named_before_co_led_the_financing_join_the_round():
    assert relations("Lyceron, which is developing drugs for autoimmune diseases, has closed a $36 million Series A "
                     "financing. InterLake Partners, Arrow Venture Partners and Clarion Ventures co-led the "
                     "financing. EDX Ventures, which led a seed financing in 2006, is also participating.") == {
        ("venture_round", (("Arrow Venture Partners", "investor"), ("Clarion Ventures", "investor"),
                           ("EDX Ventures", "investor"), ("InterLake Partners", "investor"), ("Lyceron", "investee")))}


def test_a_round_led_for_a_described_company():
    assert relations("Pharmaceutical firm Tokara led a $100.5m series B round today for US-based immuno-oncology "
                     "(IO) drug developer Xylos Therapeutics.") == {
        ("venture_round", (("Tokara", "investor"), ("Xylos Therapeutics", "investee")))}


def test_names_after_a_description_or_a_possessive_title():
    assert mention_names(["Barlow-Myers will spin off its 83% holding in infant formula maker Meade Jonson in order "
                          "to focus on drugs.",
                          "CartiLine raised $15m from orthopaedic product manufacturer Bioventa yesterday."]) == [
        ["Barlow-Myers", "Meade Jonson"], ["CartiLine", "Bioventa"]]
    assert mention_names(["Manvik Pharma will acquire Dr Reddy's Laboratories' brands."]) == [
        ["Manvik Pharma", "Dr Reddy's Laboratories"]]


def test_a_three_letter_short_form_opening_a_name_is_that_company():
    assert relations("QTX receives US$5m award from The Wellcome Trust\n\nUS biopharmaceutical company QTX "
                     "Therapeutics has received a US$5m award from The Wellcome Trust to support the development "
                     "of antibiotics.") == {
        ("grant", (("QTX Therapeutics", "recipient"), ("Wellcome Trust", "funder")))}
