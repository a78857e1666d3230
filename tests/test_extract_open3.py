"""Rules drawn from the heldout5 blind set: exchange formats, currencies, conversions, joint ventures."""

from bioregion.extract.chunks import is_name_like
from bioregion.extract.money import find_amounts
from bioregion.extract.names import normalise
from bioregion.extract.pipeline import extract_document
from bioregion.extract.readers import document_from_text


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


def test_jointly_researched_collaboration_and_licence_is_a_collaboration():
    found = _extract("Borealis Cell Sciences Inc. today announced that it has entered into a research "
                     "collaboration and licence agreement with Kestrel Biopharma, Inc. The two companies will "
                     "jointly discover T cell candidates. Kestrel Biopharma, Inc. will pay Borealis Cell Sciences "
                     "Inc. an upfront payment of $20 million, as well as tiered royalties on net sales.")
    assert [f[0] for f in found] == ["rd_collaboration"]


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
