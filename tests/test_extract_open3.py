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
