"""Rules drawn from the false and missed relations of reald–realf; the examples use invented names.

Each reads a form, not one story: a firm named by its fullest written name, a country and a sector word
that describe the name after them ("UK pharma major X"), a description opening the sentence, co-promotion
as co-commercialisation, and a research collaboration that pays royalties.
"""

from press_release import mention_names, relations


def test_a_known_firm_goes_by_its_fullest_written_name():
    # The gazetteer knows "GSK"; the text writes "GlaxoSmithKline plc" first, as a reader would name it.
    assert relations("GlaxoSmithKline plc (LSE: GSK) has agreed to acquire Orvane Therapeutics for $300 million. "
                     "GSK will pay cash.") == {
        ("acquisition", (("GlaxoSmithKline plc", "acquirer"), ("Orvane Therapeutics", "target")))}
    # A public body keeps its own name, not its administration's longer one.
    found = relations("The Walloon Region, through the Service public de Wallonie, has granted Kestrel Bio SA "
                      "EUR 2 million.")
    assert {p for _, parties in found for p in parties} == {("Walloon Region", "funder"), ("Kestrel Bio SA",
                                                                                            "recipient")}


def test_a_country_and_a_sector_word_describe_the_name_after_them():
    assert mention_names(["Orvane announced it is awarding $7 million to UK pharma major Halvorsen Pharma (LSE: HLV).",
                          "Kestrel has signed with long-time partner US biotech firm Ulmen Biologics.",
                          "SK biopharmaceuticals signed."]) == [
        ["Orvane", "Halvorsen Pharma"], ["Kestrel", "Ulmen Biologics"], ["SK biopharmaceuticals"]]


def test_a_description_opening_the_sentence_makes_a_name():
    assert mention_names(["Swedish biotech firm Brantor International saw its shares rise 27% after a deal with "
                          "US pharma giant Halvorsen."]) == [["Brantor International", "Halvorsen"]]


def test_co_promotion_is_co_commercialisation():
    assert relations("Kestrel Pharma Co., Ltd. today announced that it has entered into a Japan co-promotion "
                     "agreement with Orvane K.K. for three Orvane therapies.") == {
        ("co_development", (("Kestrel Pharma Co., Ltd.", "partner"), ("Orvane K.K.", "partner")))}


def test_a_research_collaboration_paying_royalties_stays_a_collaboration():
    body = ("Brantor Sciences has entered into a multi-year research collaboration with Halvorsen Pharma to "
            "discover antibodies. Brantor is eligible for milestones and royalties on sales.")
    assert relations(body) == {
        ("rd_collaboration", (("Brantor Sciences", "partner"), ("Halvorsen Pharma", "partner")))}
    # A licence fee makes it a licence.
    assert {t for t, _ in relations(body.replace("milestones and royalties", "a licence fee and royalties"))} == {
        "license"}


def test_a_name_opening_on_initials():
    assert mention_names(["The round was led by S.R. Nine Ltd and T. Rowe Price.",
                          "The U.S. Department of Health signed."]) == [["S.R. Nine Ltd", "T. Rowe Price"],
                                                                        ["Department of Health"]]


def test_investors_that_led_the_financing_before_the_round_is_named():
    assert relations("Corvane Genetic Technologies Corp., a biotechnology company in Gainesville, Florida, gained "
                     "$37.5 million in series B funds. Alta Ridge Partners and Rowan Capital led the financing, with "
                     "new investor Osage Hill Partners joining existing investors Intersouth Partners in the round.") == {
        ("venture_round", (("Alta Ridge Partners", "investor"), ("Corvane Genetic Technologies Corp.", "investee"),
                           ("Intersouth Partners", "investor"), ("Osage Hill Partners", "investor"),
                           ("Rowan Capital", "investor")))}


def test_an_undated_story_dates_its_history_by_the_latest_year_it_tells():
    body = ("Kestrel Bio has agreed to acquire Orvane Therapeutics for $2 billion, the companies said on Wednesday. "
            "Halvorsen Pharma acquired Brantor Cell for $1 billion in 2019. Orvane was founded in 2021.")
    assert relations(body, dateline="") == {
        ("acquisition", (("Kestrel Bio", "acquirer"), ("Orvane Therapeutics", "target")))}
    # A year alone is no month: a deal of that same year is news.
    assert relations("Kestrel Bio acquired Brantor Cell in September 2021, the companies said.", dateline="") == {
        ("acquisition", (("Brantor Cell", "target"), ("Kestrel Bio", "acquirer")))}


def test_a_deal_the_news_runs_under_is_background():
    assert relations("Brantor Pharmaceuticals has announced that Kestrel Pharmaceutical has started a Phase I trial "
                     "of a drug candidate under a GPCR-focused partnership with Brantor.") == set()
    assert relations("Kestrel's previous investments in biotechnology include the acquisition of Orvane Therapeutics "
                     "for up to $1 billion.") == set()
    assert relations("It was formed in early 2018 through the merger of Halvorsen Pharmaceutical and Ulmen "
                     "Biopharma.") == set()


def test_a_joint_venture_established_as_such_is_the_offspring():
    assert relations("Kestrel Bio and Hong Kong-based Orvane Group have established Vcura Healthcare as a joint "
                     "venture to commercialise biosimilars.") == {
        ("joint_venture", (("Kestrel Bio", "partner"), ("Orvane Group", "partner"),
                           ("Vcura Healthcare", "offspring")))}


def test_and_co_without_its_full_stop():
    # The gazetteer's "Merck & Co." is written without its full stop, the name as written kept.
    assert relations("A definitive merger agreement has been approved under which Merck & Co and Ulmen Pharma "
                     "will combine.") == {
        ("merger", (("Merck & Co", "partner"), ("Ulmen Pharma", "partner")))}


def test_a_preferred_provider_contract_with_a_hyphen():
    # The gazetteer knows ICON as a contract research organisation: the provider.
    assert relations("ICON plc has secured a multi-year preferred-provider contract with Orvane Pharma for "
                     "central-laboratory services.", dateline="") == {
        ("contract_services", (("ICON plc", "provider"), ("Orvane Pharma", "client")))}


def test_investors_injecting_money_into_a_company():
    assert relations("Singapore's state investor Halvorsen Holdings and other investors are injecting $250 million "
                     "into German biotech company Brantor SE.") == {
        ("equity_investment", (("Brantor SE", "investee"), ("Halvorsen Holdings", "investor")))}


def test_a_described_company_spinning_off_a_unit_and_funding_it():
    assert relations("Irish drugmaker Kestrel has announced the spin off of its discovery science unit Orvane "
                     "Biosciences into a separate company. Kestrel said it will inject around $120 million start-up "
                     "capital into Orvane in exchange for 18% equity.") == {
        ("spin_off", (("Kestrel", "parent"), ("Orvane Biosciences", "offspring")))}


def test_a_place_based_party_and_a_named_institution():
    assert mention_names(["Sosin has entered into an agreement with Bermuda-based Mundora International.",
                          "The award to the Helmholtz Institute for Pharmaceutical Chemistry Saarland is the 100th."]) == [
        ["Sosin", "Mundora International"], ["Helmholtz Institute for Pharmaceutical Chemistry Saarland"]]


def test_a_company_that_is_to_buy_another():
    assert relations("UK life sciences company Kestrel is to buy Orvane Biosciences in an all-stock deal worth "
                     "£218.1 million.", dateline="") == {
        ("acquisition", (("Kestrel", "acquirer"), ("Orvane Biosciences", "target")))}
