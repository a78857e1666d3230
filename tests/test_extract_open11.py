"""Rules drawn from the missed relations of realg–realh; the examples use invented names.

Each reads a form, not one story: a name followed by its stock ticker, a nationality or a country's
possessive describing the name after it, a Reuters instrument code, a sentence opening on "Drugmaker",
the company a round is led "for", a spin-off named by its parent's possessive, and a deal an event "comes
months after".
"""

from press_release import mention_names, relations


def test_a_name_followed_by_its_ticker_is_an_organisation():
    assert mention_names(["A significant collaboration agreement has been reached between Belgian biotech "
                          "Orvalis (Nasdaq: ORVL) and private Californian company Brindel Biosciences."]) == [
        ["Orvalis", "Brindel Biosciences"]]
    assert mention_names(["Marvenda (MSE:MVD) said its shares rose."]) == [["Marvenda"]]


def test_a_nationality_or_a_countrys_possessive_describes_the_name_after_it():
    assert relations("Spanish biopharma Marvenda has granted Germany’s Kellner Arzneimittel a license to market "
                     "Yondira in 15 countries.") == {
        ("license", (("Kellner Arzneimittel", "licensee"), ("Marvenda", "licensor")))}
    assert mention_names(["ProVelis also said it had just signed a distribution agreement with privately held "
                          "Italian pharmaceutical company Kerano."]) == [["ProVelis", "Kerano"]]


def test_a_reuters_instrument_code_is_no_part_of_the_name():
    assert relations("Novenza NOVZ.S said on Thursday it had entered into an agreement to acquire U.S.-based "
                     "neuroscience company Cadrix for up to $770 million.") == {
        ("acquisition", (("Cadrix", "target"), ("Novenza", "acquirer")))}


def test_a_sentence_opening_on_drugmaker_names_the_company_after_it():
    assert mention_names(["Drugmaker Lupria on Thursday said it has completed the acquisition of a portfolio of "
                          "brands."]) == [["Lupria"]]


def test_the_company_a_round_is_led_for_raised_it():
    assert relations("Qimara Venture Partners has led a $42 million Series B round for Chinese cancer drug "
                     "developer Abrisko, with participation from Tanfield Capital.") == {
        ("venture_round", (("Abrisko", "investee"), ("Qimara Venture Partners", "investor"),
                           ("Tanfield Capital", "investor")))}


def test_a_spin_off_named_by_its_parents_possessive():
    assert relations("Biogenta's (NASDAQ:BGTA) hemophilia spin-off Bioveran (BVRN) will begin trading today on "
                     "the Nasdaq Global Select Market.") == {
        ("spin_off", (("Biogenta", "parent"), ("Bioveran", "offspring")))}


def test_a_deal_the_news_comes_months_after_is_background():
    assert relations("Endora Health has raised $52 million in a Series A financing led by Harwick Capital. The "
                     "Series A comes just a few months after Endora Health announced a collaboration and licensing "
                     "deal with Grifola S.A. for Antithrombin III.") == {
        ("venture_round", (("Endora Health", "investee"), ("Harwick Capital", "investor")))}


def test_funds_from_lists_the_investors():
    assert mention_names(["The new startup has $80 million in funds from Fairholt, Venmoor, Deep Track Capital "
                          "and other investors."]) == [["Fairholt", "Venmoor", "Deep Track Capital"]]


def test_the_proposed_combination_of_the_companies_is_a_merger():
    assert relations("UK-based rare diseases specialist Merova BioPharma (AIM: MRV) and US oncology focused Oncamed "
                     "Pharmaceuticals (Nasdaq: OMD) today announce the proposed combination of the companies.") == {
        ("merger", (("Merova BioPharma", "partner"), ("Oncamed Pharmaceuticals", "partner")))}


def test_exclusive_rights_of_a_territory_are_a_licence_but_production_rights_are_none():
    assert relations("Japan's Otsaka Pharmaceutical has been granted exclusive domestic rights to develop and "
                     "commercialize US drug major Brixel Therapeutics' investigational compound BX-12.") == {
        ("license", (("Brixel Therapeutics", "licensor"), ("Otsaka Pharmaceutical", "licensee")))}
    assert relations("Pharvera will retain exclusive production rights for the product, which will be supplied to "
                     "Immeda Pharma for commercial use.") == set()


def test_an_option_agreement_and_a_technology_transfer_are_licences():
    found = relations("Australian company Starvio (ASX:SPV) has announced a new development and option agreement "
                      "with Astrelia Pharma to progress a dendrimer version of one of its cancer drugs.")
    assert {t for t, _ in found} == {"license"}
    assert relations("Legora Biosciences Inc. stated that it signed an agreement to transfer its technology enabling "
                     "antibody-drug conjugates to Czech-based Sotira Biotech.") == {
        ("license", (("Legora Biosciences Inc.", "licensor"), ("Sotira Biotech", "licensee")))}


def test_supplying_manufacturing_capacity_is_contract_services():
    assert relations("Lonvera AG has agreed to supply Glaxmere Pharma with manufacturing capacity for five early "
                     "stage monoclonal antibodies.") == {
        ("contract_services", (("Glaxmere Pharma", "client"), ("Lonvera AG", "provider")))}


def test_investing_in_a_registered_direct_offering_is_an_equity_investment():
    assert relations("Amgora Inc. said it will additionally invest about $421 million in Chinese biotech company "
                     "Beixin's registered direct offering of ordinary shares.") == {
        ("equity_investment", (("Amgora Inc.", "investor"), ("Beixin", "investee")))}


def test_a_datelines_city_before_a_wire_is_no_party():
    assert mention_names(["TOKYO (dpa-AFX) - Daiwa Sankyo Co., Ltd. and Glycora GmbH Monday said that they have "
                          "entered into a worldwide licensing agreement to develop an antibody."]) == [
        ["Daiwa Sankyo Co., Ltd.", "Glycora GmbH"]]


def test_the_place_a_target_is_based_in_is_no_party():
    assert relations("Marrow & Co. Inc. completed its $2.7 billion acquisition of Burlington, Mass.-based precision "
                     "medicine specialist ArQuin Inc.") == {
        ("acquisition", (("ArQuin Inc.", "target"), ("Marrow & Co. Inc.", "acquirer")))}


def test_a_pair_of_nationalities_describes_the_name_after_it():
    assert mention_names(["UK-based Horizen Discovery and Anglo-Swedish drug major Astrova (LSE: AZV) have entered "
                          "into an agreement."]) == [["Horizen Discovery", "Astrova"]]


def test_a_distribution_of_cash_and_a_licence_held_are_no_deals():
    assert relations("In connection with the spin-off, Merrow received a distribution from Organa of about "
                     "$9 billion.") == set()
    assert relations("The platform was developed at Massachusetts General Hospital, and RaNova Therapeutics holds an "
                     "exclusive license to the technology.") == set()


def test_a_collaboration_to_develop_and_sell_is_a_co_development():
    assert relations("Delhi-based drug firm Panora Biotec has entered into a 10 year collaboration agreement with "
                     "Osmira Pharmaceutical, USA, for late phase development and marketing of generic medicines.") == {
        ("co_development", (("Osmira Pharmaceutical", "partner"), ("Panora Biotec", "partner")))}
    # A licence between the same parties keeps the deal a licence.
    assert "co_development" not in {t for t, _ in relations(
        "Galvora NV and Gildane Sciences, Inc. today announced a global collaboration for the development and "
        "commercialization of GLV-7. Galvora NV has granted Gildane Sciences, Inc. an exclusive license to GLV-7.")}


def test_an_equity_investment_in_new_shares_and_a_percentage_of_new_shares():
    found = relations("Swedish biotech firm BioInvara International (STO: BINV) has signed a research collaboration "
                      "with Pfenna Inc. Under the terms of the deal, Pfenna Inc. will pay BioInvara around $10 million, "
                      "including an upfront payment and a $6 million equity investment in new shares of BioInvara at a "
                      "subscription price of 2.56 kronor per share.")
    assert ("equity_investment", (("BioInvara International", "investee"), ("Pfenna Inc.", "investor"))) in found
    assert relations("In addition, Astrova Inc. will acquire 9.15% newly issued shares of Harbora BioMed Ltd.") == {
        ("equity_investment", (("Astrova Inc.", "investor"), ("Harbora BioMed Ltd.", "investee")))}
