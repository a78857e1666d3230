"""Rules drawn from the missed relations of reali–realj; the examples use invented names.

Each reads a form, not one story: nationalities, countries, wires and deal acronyms are no parties; a
lead word is dropped before a suffixed name; history told by a party's description, a product's
co-developer, a licence's origin or "last December"; spin-offs completed, spun and demerged; rounds led
"for" a company's possessive and investors listed in a later sentence; an affiliate signs for its parent;
a licence whose licensor keeps a co-selling option; tender offers, discovery agreements, working with an
institute, developing and selling together, and manufacturing provided for a client.
"""

from press_release import mention_names, relations


def test_a_nationality_or_a_country_alone_is_no_party():
    assert relations("Biotechnology major Corvala and German drug firm Entrix SE said they have entered into a "
                     "licensing agreement for a biosimilar asset.") == {
        ("license", (("Corvala", "licensor"), ("Entrix SE", "licensee")))}
    assert mention_names(["A joint venture between Velnor Pharma and Russia will build a plant."]) == [
        ["Velnor Pharma"]]


def test_a_wire_in_brackets_is_no_party():
    assert relations("(Alliance News) - Harlow Pharmaceuticals PLC said Tuesday it has entered into a new "
                     "exclusive agreement to co-develop an injectable medicine in the US with Avecor Ltd. "
                     "Copyright 2020 Alliance News Limited. All Rights Reserved.") == {
        ("co_development", (("Avecor Ltd.", "partner"), ("Harlow Pharmaceuticals PLC", "partner")))}


def test_a_lead_word_is_dropped_before_a_name_with_a_legal_suffix():
    assert mention_names(["Drugmaker Quorvel-Myers Co. on Tuesday completed its $2.1 billion acquisition of "
                          "Medaron Inc."]) == [["Quorvel-Myers Co.", "Medaron Inc."]]


def test_deal_acronyms_are_no_names():
    assert relations("Pelnara Medical raised $302 million in its IPO and is the latest device maker to list in "
                     "Hong Kong. Its retail subscription is the highest for a biotech IPO in Hong Kong since "
                     "2018.") == {
        ("ipo", (("Pelnara Medical", "issuer"),))}


def test_a_partys_history_and_a_products_codeveloper_are_background():
    assert relations("Astoria, itself the result of a 2005 merger between Yamato Pharmaceutical and Fujimi "
                     "Pharmaceutical, will acquire Agentys Inc. through its US subsidiary.") == {
        ("acquisition", (("Agentys Inc.", "target"), ("Astoria", "acquirer")))}
    assert relations("Dainori will pay $235 million to acquire U4 Pharma. The company's lead product, codeveloped "
                     "with Amtek Inc., is U4-1287, the first fully human anti-HER3 antibody.") == {
        ("acquisition", (("Dainori", "acquirer"), ("U4 Pharma", "target")))}


def test_a_licence_told_by_its_origin_or_last_month_is_background():
    # the deal "to develop antibodies" is the news (a co-development); the licence from the institute is not
    assert relations("G3 Therapies signed a deal with Novenda to develop antibodies. The company's work is based "
                     "on technology licensed from the Garrow Institute of Medical Research.") == {
        ("co_development", (("G3 Therapies", "partner"), ("Novenda", "partner")))}
    assert relations("The FDA approved Zeprella. Madrid-based MarFarma, which developed the drug, licensed its US "
                     "commercialization rights to Jasper Pharmaceuticals last December.") == set()


def test_a_licence_handed_back_is_no_licence():
    assert relations("Hanvo Pharmaceutical said on Jan. 3 that its partner Eli Lilly would hand back its licensed "
                     "candidate, a BTK inhibitor.") == set()


def test_a_completed_spin_off_and_a_dividend_distribution():
    assert relations("Norvatis completed the Spin-off of Sandara AG, its Generics and Biosimilars business, on "
                     "Wednesday through a dividend-in-kind distribution to holders of Norvatis shares.") == {
        ("spin_off", (("Norvatis", "parent"), ("Sandara AG", "offspring")))}


def test_spinning_off_a_business_into_a_named_company():
    assert relations("Glaxon said it is spinning off its consumer healthcare business into an independently "
                     "traded public company, named Halvora plc.") == {
        ("spin_off", (("Glaxon", "parent"), ("Halvora plc", "offspring")))}


def test_merging_products_is_no_merger():
    assert relations("Co-founded by Nobel Prize winner Carla Benz, Fireline Bio's venture funding is backed by Elm "
                     "Lilly and Versa Ventures, to support its platform for merging antibody-drug conjugates with "
                     "protein degraders.") == set()


def test_investors_led_a_companys_round_by_its_possessive():
    assert relations("Versa Ventures and MPQ BioImpact led Fireline Bio’s Series A along with Dechan Capital.") == {
        ("venture_round", (("Dechan Capital", "investor"), ("Fireline Bio", "investee"),
                           ("MPQ BioImpact", "investor"), ("Versa Ventures", "investor")))}


def test_investors_listed_in_a_later_sentence_in_the_past_tense():
    assert relations("Neurolia has raised $68.5m in series A funding to advance programs in neurological diseases. "
                     "Neurolia said investors included Samra BioCapital, EcoQ Capital and Redwall Group.") == {
        ("venture_round", (("EcoQ Capital", "investor"), ("Neurolia", "investee"),
                           ("Redwall Group", "investor"), ("Samra BioCapital", "investor")))}


def test_an_affiliate_signs_for_its_parent():
    assert relations("Critica Therapeutics has announced the signing of a co-promotion agreement with Merck KGaA "
                     "affiliate Deyna.") == {
        ("co_development", (("Critica Therapeutics", "partner"), ("Deyna", "partner")))}


def test_a_licensor_keeping_a_co_selling_option_signs_a_licence():
    assert relations("Under the deal, Sanova SA will obtain an exclusive worldwide license to develop and "
                     "commercialize the treatments, while Hanvo Pharmaceutical will retain an exclusive option to "
                     "co-commercialize the products in Korea and China.") == {
        ("license", (("Hanvo Pharmaceutical", "licensor"), ("Sanova SA", "licensee")))}


def test_the_territories_of_a_licence_are_no_list_of_partners():
    assert relations("CSPX Biologics has granted Radiant Biopharma the exclusive commercial rights for the drug "
                     "in several European countries, including the United Kingdom.") == {
        ("license", (("CSPX Biologics", "licensor"), ("Radiant Biopharma", "licensee")))}


def test_a_completed_tender_offer_is_an_acquisition():
    assert relations("Drug developer Elara said Friday it completed a tender offer worth about $6 billion for "
                     "ImVaxis Inc., marking its biggest buyout.") == {
        ("acquisition", (("Elara", "acquirer"), ("ImVaxis Inc.", "target")))}
    assert relations("Elara plans to complete the buyout through a short-form merger in which all remaining shares "
                     "of ImVaxis will be converted into cash.") == set()


def test_a_drug_target_discovery_agreement_is_a_research_collaboration():
    assert relations("Servane has signed a drug target discovery agreement with French firm Hybrion to identify "
                     "new targets for anticancer drugs.") == {
        ("rd_collaboration", (("Hybrion", "partner"), ("Servane", "partner")))}


def test_working_with_an_institute_on_a_treatment_is_a_research_collaboration():
    assert relations("Astoria Pharma will work with the Sanfield Medical Research Institute on a new treatment for "
                     "acute myeloid leukemia.") == {
        ("rd_collaboration", (("Astoria Pharma", "partner"), ("Sanfield Medical Research Institute", "partner")))}


def test_two_companies_agreeing_to_develop_and_commercialize_co_develop():
    assert relations("Brisol Pharma and Astoria Pharma agreed to develop and commercialize two investigational "
                     "compounds discovered by Brisol Pharma.") == {
        ("co_development", (("Astoria Pharma", "partner"), ("Brisol Pharma", "partner")))}


def test_manufacturing_provided_for_a_client_is_a_service_contract():
    assert relations("Samwon Biologics has signed an agreement to provide commercial manufacturing of Astoria "
                     "Pharma biologic drugs at its facility in Incheon.") == {
        ("contract_services", (("Astoria Pharma", "client"), ("Samwon Biologics", "provider")))}


def test_a_country_abbreviation_opens_a_description():
    assert mention_names(["Astoria has agreed to acquire US biotech firm Agentys for $387 million."]) == [
        ["Astoria", "Agentys"]]


def test_an_iso_date_before_the_lead_keeps_its_subject():
    assert mention_names(["2020-08-04 Biocana announced that it has executed a share subscription agreement."]) == [
        ["Biocana"]]
