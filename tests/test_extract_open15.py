"""A funder's programme with its recipients named in sentences of their own, a funder's or an agency's several
awards kept apart, awards given "to" a recipient, a known firm under its longer name, and a hard-wrapped first
line; invented names, but for well-known funders, agencies and contract research organisations.

A funder that announces awards in the lead ("The Wellcome Trust has made the first awards under its ...")
gives a grant to each organisation a later sentence names as a recipient without naming the funder again
("X has been awarded £3.48 million", "Recipients include X, ...; Y, ...", "The second grant to X"); an
agency's programme of contracts gives contracts. Money from a partner ("will receive $3 million from Y") and
awards told as past events are not the programme's.
"""

from press_release import mention_names, relations, release_candidates

from bioregion.extract.pipeline import extract_document
from bioregion.extract.readers import document_from_text


def test_recipients_named_after_the_funder_announced_its_awards():
    assert relations("The Wellcome Trust has made the first awards under its £91 million Seeding Drug Discovery "
                     "initiative. Calverra Bio, an Oxford-based biotech company, has been awarded £3.48 million to "
                     "develop new antibacterials. Tessan Therapeutics, a spin-out from the University of Bristol, "
                     "also received a grant. Finally, Morwick Labs has been funded by £2.8 million.") == {
        ("grant", (("Calverra Bio", "recipient"), ("Wellcome Trust", "funder"))),
        ("grant", (("Tessan Therapeutics", "recipient"), ("Wellcome Trust", "funder"))),
        ("grant", (("Morwick Labs", "recipient"), ("Wellcome Trust", "funder")))}


def test_a_list_of_recipients_and_the_programme_that_awards_them():
    assert relations("The Gates Foundation today announced $40 million in new awards. The funds will be awarded "
                     "through CARB-X. Recipients include Dunmore Pharma, which was awarded $3.9 million; Ivelle "
                     "Biosciences, a spin-out of the University of Oxford, which will receive $1 million; and Pellan "
                     "Therapeutics.") == {
        ("grant", (("CARB-X", "funder"), ("Dunmore Pharma", "recipient"))),
        ("grant", (("CARB-X", "funder"), ("Ivelle Biosciences", "recipient"))),
        ("grant", (("CARB-X", "funder"), ("Pellan Therapeutics", "recipient")))}


def test_money_from_a_partner_and_past_awards_are_not_the_programmes():
    assert relations("The Wellcome Trust today announced £20 million in new awards for antibiotic research. "
                     "Ostrava Bio will receive $3 million from Pfizer. "
                     "Bracken Labs was awarded a grant in 2012.") == set()
    # a funder that only funds the announcer announces no programme
    assert relations("Lumeris Bio, which is funded by the Wellcome Trust, today reported positive results. Halden "
                     "Therapeutics will receive $5 million.") == set()


def test_an_agencys_programme_of_contracts_gives_contracts():
    assert relations("BARDA today awarded contracts worth up to $222 million for anthrax countermeasures. Serrano "
                     "Biologics will receive about $10.6 million for an initial two-year period.") == {
        ("contract_services", (("BARDA", "client"), ("Serrano Biologics", "provider")))}


def test_a_funders_two_awards_are_two_grants():
    assert relations("The Wellcome Trust today awarded Corvane Bio a grant of $5 million. The Wellcome Trust also "
                     "awarded Teller Therapeutics a grant of $3 million.") == {
        ("grant", (("Corvane Bio", "recipient"), ("Wellcome Trust", "funder"))),
        ("grant", (("Teller Therapeutics", "recipient"), ("Wellcome Trust", "funder")))}


def test_an_award_given_to_a_recipient():
    for sentence in ("The Wellcome Trust has awarded a grant of $5 million to Corvane Bio.",
                     "The Wellcome Trust has awarded $5 million to Corvane Bio for vaccine work.",
                     "The Wellcome Trust has granted $2 million to Corvane Bio.",
                     "The Wellcome Trust is providing Corvane Bio with a $3 million grant."):
        assert relations(sentence) == {("grant", (("Corvane Bio", "recipient"), ("Wellcome Trust", "funder")))}


def test_a_known_firm_under_its_longer_name_is_one_party():
    # "Parexel" is known; "Parexel International Corp." is the same firm, and its fullest name
    assert relations("Contract researcher Parexel will partner with Pfizer Inc., becoming a preferred provider of "
                     "clinical trial services. Parexel International Corp. said the preferred-provider agreement "
                     "with Pfizer runs for five years.") == {
        ("contract_services", (("Parexel International Corp.", "provider"), ("Pfizer Inc.", "client")))}


def test_a_hard_wrapped_first_line_is_no_title():
    text = ("SEATTLE Jan 30 The Bill & Melinda Gates\n"
            "Foundation said on Friday it had awarded Orlen University a\n"
            "$50 million grant to accelerate vaccine development efforts for\n"
            "the world's most deadly diseases, including AIDS and malaria.\n")
    found = extract_document(document_from_text("wire.txt", text))
    assert {(c.type, tuple(sorted((p["name"], p["role"]) for p in c.parties))) for c in found} == {
        ("grant", (("Bill & Melinda Gates Foundation", "funder"), ("Orlen University", "recipient")))}
    # a title over a paragraph written on one line stays the title
    titled = document_from_text("pr.txt", "Calverra Bio bags €27m in Series A financing\nBelgian start-up "
                                "Calverra Bio secured the financing from a syndicate of investors led by Fountain "
                                "Ventures, the company said on Monday.\n")
    assert titled.title == "Calverra Bio bags €27m in Series A financing"


def test_an_agreement_with_a_described_partner_read_from_its_purpose():
    # the partner's description stands between "with" and its name; what is to be sold is no party
    assert relations("Harwell Pharmaceutical Industries Ltd. has entered into an agreement with Italian-Swiss firm "
                     "Corvane to commercialise Fibrolux, an anti-cancer immunotherapy drug.") == {
        ("marketing_distribution", (("Corvane", "partner"), ("Harwell Pharmaceutical Industries Ltd.", "partner")))}
    assert relations("Ostrava Bio signed a potential $102 million deal with European health care company Teller "
                     "Pharma to develop antibodies for treating inflammation.") == {
        ("co_development", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}


def test_partners_that_agreed_to_develop_and_will_work_with_a_described_partner():
    assert relations("Bauer Pharma (BP) and Lindqvist Bio agreed to develop and commercialize two compounds "
                     "discovered by Bauer Pharma.") == {
        ("co_development", (("Bauer Pharma", "partner"), ("Lindqvist Bio", "partner")))}
    assert relations("Ostrava Bio will work with California's Hollis Research Institute to develop a small-molecule "
                     "treatment.") == {
        ("rd_collaboration", (("Hollis Research Institute", "partner"), ("Ostrava Bio", "partner")))}


def test_new_opens_a_name_that_ends_on_a_head_word():
    assert mention_names(["The round was led by New Enterprise Associates, with New England Biolabs joining."]) == [
        ["New Enterprise Associates", "New England Biolabs"]]
    # a sentence's first word "New" opens no name but a place's
    assert mention_names(["New Calverra Therapeutics data were shown."]) == [["Calverra Therapeutics"]]


def test_every_investor_of_a_round_told_over_several_sentences():
    found = relations("Corvane Bio closed a $42 million Series B round led by Qiming Venture Partners. Hollis Capital "
                      "and Pellan Ventures joined the round as new investors. Existing backers Ostrava Partners and "
                      "Teller Capital also contributed. Other investors in the new round include Brisk Ventures.")
    assert found == {("venture_round", (("Brisk Ventures", "investor"), ("Corvane Bio", "investee"),
                                        ("Hollis Capital", "investor"), ("Ostrava Partners", "investor"),
                                        ("Pellan Ventures", "investor"), ("Qiming Venture Partners", "investor"),
                                        ("Teller Capital", "investor")))}


def test_a_list_of_investors_goes_on_past_a_name_the_reader_did_not_form():
    assert mention_names(["Novalis Partners led the round, with participation from Sozo Ventures, iSelect Fund, "
                          "Broadway Angels and Bruker."]) == [
        ["Novalis Partners", "Sozo Ventures", "Broadway Angels", "Bruker"]]


def test_what_partners_distribute_is_no_partner():
    # "Malvorin, launched in 2011, is sold": a name the text also writes as a subject
    assert relations("Harwell Pharma and Sigma Lindqvist signed a distribution agreement. Under the agreement, "
                     "Harwell Pharma and Sigma Lindqvist will register, distribute and promote Malvorin in West "
                     "Africa. Malvorin, launched in 2011, is sold in 40 countries.") == {
        ("marketing_distribution", (("Harwell Pharma", "partner"), ("Sigma Lindqvist", "partner")))}


def test_partners_that_join_forces_team_with_or_sign_a_joint_development_agreement():
    assert relations("Ostrava Bio has joined forces with Teller Pharma to develop antibodies.") == {
        ("rd_collaboration", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}
    assert relations("Ostrava Bio has partnered with Teller Pharma to develop a companion test.") == {
        ("rd_collaboration", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}
    assert relations("Ostrava Bio teams with Teller Pharma on cancer vaccines.") == {
        ("rd_collaboration", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}
    assert relations("Ostrava Bio and Teller Pharma signed a joint development agreement for a malaria vaccine.") == {
        ("co_development", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}


def test_a_third_party_allotment_of_shares_is_an_equity_investment():
    assert relations("Calverra Therapeutics Inc. has announced a third-party allotment of new shares to Hollis "
                     "Capital Co., Ltd.") == {
        ("equity_investment", (("Calverra Therapeutics Inc.", "investee"), ("Hollis Capital Co., Ltd.", "investor")))}


def test_buyers_that_snap_up_and_clients_that_tap_hire_or_outsource():
    assert relations("Bauer Pharma snaps up Ostrava Bio for $500 million.") == {
        ("acquisition", (("Bauer Pharma", "acquirer"), ("Ostrava Bio", "target")))}
    assert relations("Ostrava Bio taps Teller Biologics to manufacture its gene therapy.") == {
        ("contract_services", (("Ostrava Bio", "client"), ("Teller Biologics", "provider")))}
    assert relations("Ostrava Bio outsources manufacturing to Teller Biologics.") == {
        ("contract_services", (("Ostrava Bio", "client"), ("Teller Biologics", "provider")))}


def test_a_crada_a_memorandum_to_develop_a_joint_company_and_an_agency_contract_won():
    assert relations("Ostrava Bio signed a cooperative research and development agreement (CRADA) with Teller "
                     "Institute.") == {
        ("rd_collaboration", (("Ostrava Bio", "partner"), ("Teller Institute", "partner")))}
    assert relations("Ostrava Bio signed a memorandum of understanding with Teller Pharma to develop vaccines.") == {
        ("co_development", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}
    assert relations("Ostrava Bio and Teller Pharma will form a joint company to develop biosimilars.") == {
        ("joint_venture", (("Ostrava Bio", "partner"), ("Teller Pharma", "partner")))}
    assert relations("Ostrava Bio wins a $10 million contract from BARDA to develop an anthrax vaccine.") == {
        ("contract_services", (("BARDA", "client"), ("Ostrava Bio", "provider")))}


def test_each_award_of_a_programme_has_its_own_amount():
    found = release_candidates("The Gates Foundation today announced $40 million in new awards. The funds will be "
                               "awarded through CARB-X. Recipients include Dunmore Pharma, which was awarded $3.9 "
                               "million; Ivelle Biosciences, which will receive $1 million; and Pellan Therapeutics, "
                               "which will receive up to $4 million. Corvane Bio also received a grant.")
    values = {c.parties[1]["name"]: [t["amount"] for t in c.terms] for c in found}
    assert values == {"Dunmore Pharma": [3900000], "Ivelle Biosciences": [1000000], "Pellan Therapeutics": [4000000],
                      "Corvane Bio": []}


def test_buying_merging_and_co_promoting_are_events():
    assert relations("Bauer Pharma buys remaining rights to Ostrava Bio treatment in deal up to $1 bln",
                     title="Deal news") == {("acquisition", (("Bauer Pharma", "acquirer"), ("Ostrava Bio", "target")))}
    assert relations("Bauer Pharma Co., Ltd. and Ostrava Bio Co., Ltd. were merged last week by combining "
                     "operations into a new corporation.") == {
        ("merger", (("Bauer Pharma Co., Ltd.", "partner"), ("Ostrava Bio Co., Ltd.", "partner")))}
    assert relations("Bauer Pharma to co-promote Ostrava Bio prostate cancer drug in Japan") == {
        ("co_development", (("Bauer Pharma", "partner"), ("Ostrava Bio", "partner")))}
    # the noun "merger" tells no event by itself
    assert relations("Paul Abel, portfolio manager for Kinetics Medical Fund, noted the merger came as a "
                     "surprise.") == set()
