"""Rules drawn from the heldout5 blind set: exchange formats, currencies, conversions, joint ventures."""

from bioregion.extract.chunks import is_name_like
from bioregion.extract.money import find_amounts
from bioregion.extract.names import normalise
from bioregion.extract.pipeline import extract_document
from bioregion.extract.readers import document_from_text, read_document


def _terms(sentence):
    return [(a.component, a.amount, a.currency) for a in find_amounts(sentence)]


def _extract(body, title="Deal"):
    doc = document_from_text("pr.txt", f"{title}\n\nBOSTON, Jan. 5, 2024 -- {body}")
    return [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.terms, c.option)
            for c in extract_document(doc)]


def test_publ_is_a_legal_suffix():
    assert normalise("Orvenda Pharma AB (publ)") == normalise("Orvenda Pharma")


def test_rupees_in_crore():
    assert _terms("Total consideration of Rs 1,145 crore, of which Rs 1,000 crore is payable on closing") == [
        ("value", 11_450_000_000, "INR"), ("upfront", 10_000_000_000, "INR")]


def test_currency_code_glued_to_the_number():
    assert _terms("The registered capital of the JV Company shall be RMB300 million.") == [
        ("value", 300_000_000, "CNY")]


def test_conversion_in_brackets_is_no_amount_and_trillion_scale():
    assert _terms("an upfront payment of KRW 28 billion (about USD 20.5 million); total contract value of up to "
                  "KRW 1.37 trillion (about USD 1.0 billion)") == [
        ("upfront", 28_000_000_000, "KRW"), ("value", 1_370_000_000_000, "KRW")]


def test_option_fee_is_upfront_even_after_a_conversion():
    assert _terms("US$7.5 million (approx. A$11.9 million) non-refundable option fee payable within 30 days") == [
        ("upfront", 7_500_000, "USD")]


def test_aggregate_milestones_are_milestones():
    assert _terms("eligible to receive up to US$385 million in aggregate milestone payments") == [
        ("milestones", 385_000_000, "USD")]


def test_cash_balance_is_no_term():
    assert _terms("At 31 December 2024 the Company held cash and cash equivalents of A$38.2 million.") == []


def test_inserted_including_clause_names_no_component():
    assert _terms("the total contract value, including development, regulatory and commercial milestones, "
                  "amounts to up to KRW 1.37 trillion.") == [("value", 1_370_000_000_000, "KRW")]


def test_capitalised_million_and_deal_words_are_no_name():
    assert _terms("Kestrel to Make C$20 Million Equity Investment") == [("equity", 20_000_000, "CAD")]
    assert not is_name_like("Equity Investment", set())


def test_two_part_product_code_is_no_name():
    assert not is_name_like("HB-ADC02", set())


def test_based_prefix_is_no_part_of_the_name():
    found = _extract("Nexora Therapeutics Limited has entered into an option and licence agreement with "
                     "Copenhagen-based Halvorsen Pharma A/S, under which Halvorsen Pharma A/S has obtained an "
                     "exclusive option to acquire a worldwide licence to NXR-210.")
    assert found[0][:2] == ("license", [("Halvorsen Pharma A/S", "licensee"),
                                        ("Nexora Therapeutics Limited", "licensor")])
    assert found[0][3] is True


def test_joint_venture_offspring_by_proposed_name_and_each_contribution_equity():
    found = _extract(
        "Kaiyuan Pharma Co., Ltd. entered into a joint venture agreement with Toyomura Pharmaceutical Co., Ltd. "
        "in relation to the establishment of a joint venture company under the proposed name of Kaiyuan Toyomura "
        "Biologics (Suzhou) Co., Ltd. (the \"JV Company\"). The registered capital of the JV Company shall be "
        "RMB300 million. Kaiyuan Pharma Co., Ltd. shall contribute RMB153 million in cash; Toyomura "
        "Pharmaceutical Co., Ltd. shall contribute RMB147 million.")
    assert ("Kaiyuan Toyomura Biologics (Suzhou) Co., Ltd.", "offspring") in found[0][1]
    assert sorted((t["component"], t["amount"]) for t in found[0][2]) == [
        ("equity", 147_000_000), ("equity", 153_000_000), ("value", 300_000_000)]


def test_partner_share_purchase_is_its_own_equity_investment():
    found = _extract("Galilee Immunotherapeutics Ltd. and Varenne Oncology SA today announced a global "
                     "co-development agreement for GLM-301. In addition, Varenne Oncology SA has agreed to purchase "
                     "$10 million of Galilee Immunotherapeutics Ltd.'s ordinary shares at a price of $6.12 per share.")
    assert ("equity_investment", [("Galilee Immunotherapeutics Ltd.", "investee"),
                                  ("Varenne Oncology SA", "investor")]) in [f[:2] for f in found]


def test_collaboration_and_licence_agreement_is_both_relations():
    # Real labellers count "a research collaboration and licence agreement" as a collaboration and a licence;
    # the licence takes the payments, the collaboration its research funding.
    found = _extract("Borealis Cell Sciences Inc. today announced that it has entered into a research "
                     "collaboration and licence agreement with Kestrel Biopharma, Inc. The two companies will "
                     "jointly discover T cell candidates. Kestrel Biopharma, Inc. will pay Borealis Cell Sciences "
                     "Inc. an upfront payment of $20 million and research funding of up to $30 million, as well "
                     "as tiered royalties on net sales.")
    by_type = {f[0]: f for f in found}
    assert sorted(by_type) == ["license", "rd_collaboration"]
    assert by_type["license"][1] == [("Borealis Cell Sciences Inc.", "licensor"), ("Kestrel Biopharma, Inc.", "licensee")]
    assert by_type["license"][2] == [{"component": "upfront", "amount": 20000000, "currency": "USD"}]
    assert by_type["rd_collaboration"][2] == [{"component": "research_funding", "amount": 30000000, "currency": "USD"}]


def test_existing_co_development_arrangement_is_background():
    found = _extract("Hanbit Bioscience Co., Ltd. has granted Meridale Pharmaceuticals, Inc. exclusive rights to "
                     "HB-ADC02. In Korea, HB-ADC02 will be developed by Hanbit Bioscience Co., Ltd. together with "
                     "its domestic partner Daesan Pharmaceutical Co., Ltd. under an existing co-development "
                     "arrangement.")
    assert [f[0] for f in found] == ["license"]


def test_letter_to_the_exchange_and_business_transfer_agreement():
    text = ("SARVODAYA PHARMACEUTICALS LIMITED\n\nDate: August 12, 2024\n\nTo,\nBSE Limited\n\nDear Sir / Madam,\n\n"
            "We wish to inform you that the Board of Directors of the Company, at its meeting held today, has approved "
            "a Business Transfer Agreement with Kellwyn Healthcare Private Limited for the acquisition of its portfolio "
            "of dermatology brands. Total consideration of Rs 1,145 crore, of which Rs 1,000 crore is payable on "
            "closing and up to Rs 145 crore is payable as deferred consideration.\n")
    found = [(c.type, sorted((p["name"].title(), p["role"]) for p in c.parties))
             for c in extract_document(document_from_text("letter.txt", text))]
    assert found == [("acquisition", [("Kellwyn Healthcare Private Limited", "target"),
                                      ("Sarvodaya Pharmaceuticals Limited", "acquirer")])]


def test_synergies_and_cash_to_have_are_no_terms():
    assert _terms("The companies expect to realize approximately $120 million in cumulative cost synergies") == []
    assert _terms("Combined company expected to have approximately $410 million in cash") == []


def test_title_case_description_after_a_is_no_party():
    found = _extract("Alderbrook Therapeutics, Inc. and Solenne Bio, Inc. today announced a merger of equals to "
                     "create a Leading Neuromuscular Disease Company.")
    assert [f[:2] for f in found] == [("merger", [("Alderbrook Therapeutics, Inc.", "partner"),
                                                  ("Solenne Bio, Inc.", "partner")])]


def test_apposition_after_an_acronym_and_biologics_license_application():
    found = _extract("Pellucid Therapeutics, Inc. today announced that it has received an award of up to $3.8 "
                     "million from Combating Antibiotic-Resistant Bacteria Biopharmaceutical Accelerator (CARB-X), "
                     "a global non-profit partnership based at Boston University, to advance PLC-17.")
    assert [f[0] for f in found] == ["grant"]
    assert _extract("Lysander Pharma AG leads commercialisation in Europe, while Dunmore Biologics plc leads in the "
                    "United States, where a Biologics License Application is under review.") == []


def _parties(found, rel_type):
    return next((f[1] for f in found if f[0] == rel_type), None)


def test_contract_awarded_by_an_agency_is_contract_services():
    found = _extract("Cobaltline Biodefense, Inc. today announced that it has been awarded a contract by the "
                     "Biomedical Advanced Research and Development Authority (BARDA). The contract, valued at up to "
                     "$212 million, supports the advanced development of CBD-410.")
    assert [f[:2] for f in found] == [("contract_services", [
        ("Biomedical Advanced Research and Development Authority", "client"), ("Cobaltline Biodefense, Inc.", "provider")])]


def test_epithet_names_the_last_subject():
    found = _extract("Vantor Pharma is going all in on in vivo cell therapy. The New Jersey drugmaker has agreed to "
                     "buy Cellwright Therapeutics for about $1.1 billion upfront.")
    assert _parties(found, "acquisition") == [("Cellwright Therapeutics", "target"), ("Vantor Pharma", "acquirer")]


def test_approval_triggering_a_milestone_is_no_new_licence():
    assert _extract("Under the terms of that licence agreement, the approval triggers a regulatory milestone payment "
                    "of US$25 million from Tomoe Pharmaceutical Co., Ltd. to Huaxin Biologics Co., Ltd.") == []


def test_members_listed_one_per_line_join_the_consortium(tmp_path):
    text = ("PRISM-Tox launches\n\n---\ndate: 2025-02-12\n---\n\nPRISM-Tox brings together four organisations:\n\n"
            "- Quillon Bio\n- Aldermoor Pharmaceuticals plc\n- Karolinska Institutet\n- the Hepatotox Patient Alliance\n\n"
            "The consortium is coordinated by Utrecht University, with Bayer acting as industry lead.\n")
    path = tmp_path / "blog.md"
    path.write_text(text, encoding="utf-8")
    found = [(c.type, sorted(p["name"] for p in c.parties)) for c in extract_document(read_document(path))]
    assert found == [("consortium", sorted(["Quillon Bio", "Aldermoor Pharmaceuticals plc", "Karolinska Institutet",
                                            "Hepatotox Patient Alliance", "Utrecht University", "Bayer"]))]


def test_list_under_a_consortium_header_makes_the_consortium():
    text = ("ARGOS kicks off\n\nPosted on 9 January 2024\n\nThe ARGOS consortium brings together:\n\n"
            "Leiden University Medical Center, the Netherlands\n\nKarolinska Institutet, Sweden\n\n"
            "Medvantis GmbH, Germany\n\nToday, a kidney biopsy is still the only reliable way to confirm rejection.\n")
    found = [(c.type, sorted(p["name"] for p in c.parties)) for c in extract_document(document_from_text("a.txt", text))]
    assert found == [("consortium", ["Karolinska Institutet", "Leiden University Medical Center", "Medvantis GmbH"])]


def test_university_story_with_byline():
    text = ("Westmarch sepsis test spins out\n\nBy Eleanor Pryce, University News Office\n\n"
            "Eight years later, the work has become Helixa Diagnostics Ltd, the newest spin-out from the University "
            "of Westmarch.\n\nThe company officially launched on 3 April 2024 and has closed a £3.2 million seed "
            "funding round. The round was led by Thistledown Capital, with participation from the Meridian Angels "
            "syndicate.\n\nThe University of Westmarch, through its commercialisation arm Westmarch Enterprise, has "
            "licensed the technology to Helixa.\n")
    found = [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.date)
             for c in extract_document(document_from_text("story.txt", text))]
    assert ("spin_off", [("Helixa Diagnostics Ltd", "offspring"), ("University of Westmarch", "parent")],
            "2024-04-03") in found
    assert ("venture_round", [("Helixa Diagnostics Ltd", "investee"), ("Meridian Angels", "investor"),
                              ("Thistledown Capital", "investor")], "2024-04-03") in found
    assert ("license", [("Helixa Diagnostics Ltd", "licensee"), ("University of Westmarch", "licensor")],
            "2024-04-03") in found
