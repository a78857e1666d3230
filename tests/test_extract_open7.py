"""Rules drawn from a third set of real stories (read locally, not shipped); the examples use invented names."""

from bioregion.extract.chunks import find_chunks
from bioregion.extract.clusters import Cluster
from bioregion.extract.layout import read_layout
from bioregion.extract.sentences import split_sentences

from press_release import DATELINE, release_candidates


def _extract(body, title="Deal", dateline=DATELINE):
    return [(c.type, sorted((p["name"], p["role"]) for p in c.parties), c.terms)
            for c in release_candidates(body, title, dateline)]


def _relations(found):
    return {(t, tuple(parties)) for t, parties, _ in found}


def test_a_one_line_announcement_loses_only_the_exchange_legend():
    body = ("Hong Kong Exchanges and Clearing Limited take no responsibility for the contents of this announcement, "
            "make no representation as to its accuracy and expressly disclaim any liability for the contents of this "
            "announcement. On 1 March 2024, Quillon Biotech Limited entered into an agreement with Tamsin Funds to "
            "establish the Joint Venture.")
    sentences = read_layout(body).sentences
    assert not any("responsibility" in s for s in sentences)
    assert any("Quillon Biotech Limited entered into" in s for s in sentences)


def test_lines_of_a_paragraph_are_split_into_sentences_too():
    text = ("Dorvant Bio has closed a $40 million round led by Elk Ventures. New investors Fenwick Capital also "
            "joined.\nShort heading\nOrsa Labs said nothing. It grew.")
    assert [s.text for s in split_sentences(text)] == [
        "Dorvant Bio has closed a $40 million round led by Elk Ventures.", "New investors Fenwick Capital also joined.",
        "Short heading", "Orsa Labs said nothing.", "It grew."]


def test_co_ltd_without_a_space_is_a_suffix_and_capitals_give_way_to_the_written_name():
    assert [c[2] for c in find_chunks("a licence with HALLAM PHARMA CO.,LTD in Korea")][0] == "HALLAM PHARMA CO.,LTD"
    assert [c[2] for c in find_chunks("Jiro Biotech Co.,Ltd. signed")] == ["Jiro Biotech Co.,Ltd."]
    cluster = Cluster("x", ["ZEPHYR BIO CO., LTD.", "Zephyr Bio Co., Ltd."])
    assert cluster.name == "Zephyr Bio Co., Ltd."


def test_an_acronym_with_a_lower_case_organisation_word_is_one_name():
    found = _extract("KD biopharmaceuticals said it has signed a licence agreement with Ormond Therapeutics, which "
                     "will pay KD biopharmaceuticals an upfront payment of $3 million.")
    assert _relations(found) == {("license", (("KD biopharmaceuticals", "licensor"),
                                              ("Ormond Therapeutics", "licensee")))}


def test_a_cooperation_agreement_is_a_research_collaboration():
    found = _extract("Tessin University and Brandholm Pharma signed a research cooperation agreement today.")
    assert _relations(found) == {("rd_collaboration", (("Brandholm Pharma", "partner"), ("Tessin University", "partner")))}


def test_a_preferred_provider_is_contract_services_with_the_research_contractor_as_provider():
    found = _extract("Halvard Clinical Inc., a clinical research contractor, will partner with Grisham Pharma Inc., "
                     "becoming its preferred provider of clinical trial services.")
    assert _relations(found) == {("contract_services", (("Grisham Pharma Inc.", "client"),
                                                        ("Halvard Clinical Inc.", "provider")))}


def test_a_bullet_before_two_named_subjects_and_a_bioworks_name():
    found = _extract("- Tavora Inc (NASDAQ: TAVR) and Pellam Bioworks have entered into a gene therapy collaboration. "
                     "- Pellam will receive an upfront payment of $5 million.", dateline="")
    assert _relations(found) == {("rd_collaboration", (("Pellam Bioworks", "partner"), ("Tavora Inc", "partner")))}


def test_the_company_that_uses_the_proceeds_raised_the_round():
    found = _extract("The financing was led by Corlan Holdings and joined by new investors Vesta Ventures. "
                     "Mirabel Therapeutics plans to use the proceeds to advance its lead candidate.", dateline="")
    assert _relations(found) == {("venture_round", (("Corlan Holdings", "investor"), ("Mirabel Therapeutics", "investee"),
                                                    ("Vesta Ventures", "investor")))}


def test_a_joint_venture_that_describes_a_party_is_no_new_joint_venture():
    found = _extract("Lunor Pharmaceutical, a joint venture between Ardent Fund Management, Kellgren Pharma and "
                     "Zyto Partners, has announced the closing of a $100 million financing round led by Corvin Ventures.")
    assert _relations(found) == {("venture_round", (("Corvin Ventures", "investor"),
                                                    ("Lunor Pharmaceutical", "investee")))}
    found = _extract("Genmar Biopharma has garnered $160 million in a Series B round led by Hollis Capital. Other "
                     "investors include Tamber Holdings and RC Life Fund, a joint venture between Oriel Group and "
                     "Thai Pokin Group that invests in life science companies.")
    assert not any(t == "joint_venture" for t, _, _ in found)


def test_the_newest_spin_out_is_news_not_a_description():
    found = _extract("The work has become Helvard Diagnostics Ltd, the newest spin-out from the University of Tarn.")
    assert ("spin_off", (("Helvard Diagnostics Ltd", "offspring"), ("University of Tarn", "parent"))) in _relations(found)


def test_university_of_x_and_x_university_are_one_organisation():
    found = _extract("Tarn University and Brandholm Pharma signed a research cooperation agreement. The cooperation "
                     "between the University of Tarn and Brandholm Pharma runs for three years.")
    assert {name for _, parties in _relations(found) for name, _ in parties} <= {
        "Tarn University", "University of Tarn", "Brandholm Pharma"}
    assert len({name for _, parties in _relations(found) for name, _ in parties}) == 2
