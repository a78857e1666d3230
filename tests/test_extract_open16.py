"""A programme's recipients listed as where its grants fund research, people named by an honorific without a
full stop or by a title after their company's name, a generic "Big Pharma", and a company named "X and Y Ltd";
invented names, but for well-known funders and firms.
"""

from press_release import mention_names, relations


def test_recipients_listed_as_where_the_grants_fund_research():
    assert relations("Three academic institutions will receive grants totaling $36.3 million to develop vaccines, "
                     "the National Institutes of Health said on Tuesday. The awards build on earlier work. The grants "
                     "will fund research at the University of Arvale, Tressing University and the Halmoor "
                     "Institute.") == {
        ("grant", (("National Institutes of Health", "funder"), ("University of Arvale", "recipient"))),
        ("grant", (("National Institutes of Health", "funder"), ("Tressing University", "recipient"))),
        ("grant", (("Halmoor Institute", "recipient"), ("National Institutes of Health", "funder")))}


def test_recipient_organisations_include():
    assert relations("The Wellcome Trust has awarded 3 grants to fund research on new antibiotics. The grant "
                     "recipient organizations include Corvane Bio, the University of Arvale and Tessan "
                     "Therapeutics.") == {
        ("grant", (("Corvane Bio", "recipient"), ("Wellcome Trust", "funder"))),
        ("grant", (("University of Arvale", "recipient"), ("Wellcome Trust", "funder"))),
        ("grant", (("Tessan Therapeutics", "recipient"), ("Wellcome Trust", "funder")))}


def test_a_title_after_the_companys_name_and_the_person_after_it_are_no_parties():
    assert relations("Halvane Pharmaceuticals Chairman and Managing Director Ravi Mendon said the collaboration "
                     "agreement with Novartis will strengthen its franchise.") == {
        ("rd_collaboration", (("Halvane Pharmaceuticals", "partner"), ("Novartis", "partner")))}
    assert mention_names(["Vertex CEO Reshma Kewalramani said it signed the deal."]) == [["Vertex"]]


def test_a_person_after_an_honorific_without_a_full_stop_is_no_party():
    assert mention_names(["The platforms will serve Sanofi and others, noted Mr Tanaka.",
                          "Ms Okafor and Mrs. Lindqvist Ferreira of Quorvex Labs agreed."]) == [
        ["Sanofi"], ["Quorvex Labs"]]


def test_big_pharma_is_no_party():
    assert relations("Bristol Myers Squibb will pay $50 million to enter a drug discovery collaboration with "
                     "start-up Kestrel AI as the Big Pharma company bets on the technology.") == {
        ("rd_collaboration", (("Bristol Myers Squibb", "partner"), ("Kestrel AI", "partner")))}


def test_a_company_named_x_and_y_ltd_is_one_name():
    assert relations("Halvane has signed a collaboration agreement with Ranjit Chemicals and Drugs Ltd for the "
                     "joint development and marketing of 13 generic products.") == {
        ("co_development", (("Halvane", "partner"), ("Ranjit Chemicals and Drugs Ltd", "partner")))}
    # two companies stay two: a name of its own after "and"
    assert relations("Halvane has signed a collaboration agreement with Novartis and Genmab A/S for the joint "
                     "development and marketing of antibodies.") == {
        ("co_development", (("Genmab A/S", "partner"), ("Halvane", "partner"), ("Novartis", "partner")))}
