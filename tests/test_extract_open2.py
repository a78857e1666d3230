"""Tests of the second round of open-world rules of bioregion.extract (exchange announcements, investor news).

Each test states one general rule on a text written for it (not taken from the corpus).
"""

from __future__ import annotations

from bioregion.extract import extract_document
from bioregion.extract.background import is_background
from bioregion.extract.layout import read_layout
from bioregion.extract.money import find_amounts
from bioregion.extract.readers import document_from_text
from bioregion.extract.sentences import find_dateline


def _extract(text: str) -> list:
    return extract_document(document_from_text("x.txt", text))


def _relations(text: str) -> dict[str, dict[str, str]]:
    """Type -> {party name: role} of the relations found in ``text``."""
    return {c.type: {p["name"]: p["role"] for p in c.parties} for c in _extract(text)}


def _components(sentence: str) -> list[tuple[str, float]]:
    return [(a.component, a.amount) for a in find_amounts(sentence)]


_HKEX = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
         "responsibility for the contents of this announcement.\n\n"
         "ZEPHYRA BIOPHARMA CO., LTD.\n(Stock Code: 1234)\n\nVOLUNTARY ANNOUNCEMENT\n\n"
         "This announcement is made by Zephyra Biopharma Co., Ltd. (the \"Company\", together with its subsidiaries, "
         "the \"Group\") on a voluntary basis.\n\n"
         "The Board is pleased to announce that the Company entered into an exclusive license agreement with "
         "Aldervane Therapeutics, Inc. (\"Aldervane\"), under which the Company grants Aldervane an exclusive "
         "license to develop ZP-12 outside China.\n\n"
         "By order of the Board\nZephyra Biopharma Co., Ltd.\nDr. Wu Lan\nChairwoman\n\nNanjing, the PRC, 3 May 2024\n\n"
         "As at the date of this announcement, the Board comprises Dr. Wu Lan and Mr. Ho Kin as executive Directors.")


def test_exchange_legend_is_no_news_and_the_defined_company_is_a_party():
    """The exchange's legend names no party; "the Company" is the organisation the announcement defines so."""
    (found,) = _extract(_HKEX)
    assert found.type == "license"
    assert {p["name"]: p["role"] for p in found.parties} == {
        "Zephyra Biopharma Co., Ltd.": "licensor", "Aldervane Therapeutics, Inc.": "licensee"}


def test_announcement_signed_by_the_board_is_dated_by_its_sign_off():
    """Without a dateline, a listed company's announcement takes the date under "By order of the Board"."""
    layout = read_layout(_HKEX)
    assert layout.date == "2024-05-03"
    assert not any("the Board comprises" in s for s in layout.sentences)
    assert not any("take no responsibility" in s for s in layout.sentences)


def test_heading_before_the_first_full_sentence_does_not_end_the_news():
    """A company block's "Contact: ..." line above the news is dropped, not taken for the boilerplate."""
    body = ("October 1, 2024\nCompany name: Orikawa Pharma Co., Ltd.\nContact: Kenji Ueda, General Manager\n\n"
            "Orikawa Pharma Co., Ltd. and Selvane Bio, Inc. hereby announce that they have today concluded a "
            "co-development agreement for SV-9, under which the two companies will jointly develop SV-9 worldwide.\n\n"
            "Contact\nKenji Ueda")
    layout = read_layout(body)
    assert any("jointly develop SV-9" in s for s in layout.sentences)
    assert not any(s.startswith("Kenji Ueda") for s in layout.sentences[2:])


def test_places_and_a_weekday_make_a_dateline():
    """"Paris and London, Thursday –" opens the lead like a dateline: its places are no organisations."""
    date, offset = find_dateline("Paris and London, Thursday – Harrowgate Capital today announced")
    assert date is None and "Paris and London, Thursday – Harrowgate Capital"[offset:].startswith("Harrowgate")


def test_investor_announcing_the_round_it_led():
    """"X has led a EUR 30 million Series B financing in Y": X invests, Y raises; later investors join."""
    text = ("Paris, 4 March 2024 - Harrowgate Capital today announced that it has led a EUR 30 million Series B "
            "financing in Telvora Bio SAS, a company developing antifibrotics.\n\n"
            "Existing investor Mistral Ventures, which led the company's seed round in 2021, also participated.")
    assert _relations(text)["venture_round"] == {"Harrowgate Capital": "investor", "Telvora Bio SAS": "investee",
                                                 "Mistral Ventures": "investor"}


def test_relative_clause_dates_a_party_not_the_event():
    assert not is_background("Mistral Ventures, which led the seed round in 2021, also participated.", "2024-03-04")
    assert is_background("Mistral Ventures led the seed round in 2021.", "2024-03-04")


def test_description_between_list_items_does_not_end_the_list():
    """"led by X, with participation from Y, the university's venture fund, and Z": Z is an investor too."""
    text = ("BOSTON, April 2, 2024 -- Corvane Therapeutics, Inc. today announced a $5 million seed round.\n\n"
            "The seed round was led by Ashgrove Ventures, with participation from the Elmhurst Innovation Fund, "
            "the university's evergreen fund, and Pinecrest Bio Angels.")
    roles = _relations(text)["venture_round"]
    assert roles.get("Pinecrest Bio Angels") == "investor"


def test_total_of_the_parts_is_the_value():
    """"bringing the total potential deal value to ..." and "for a total potential amount of" are the value."""
    assert _components("eligible for up to $900 million in milestones, bringing the total potential deal value "
                       "to up to $950 million.") == [("milestones", 9e8), ("value", 9.5e8)]
    assert _components("is eligible to receive up to EUR 4 million upon regulatory milestones, for a total "
                       "potential amount of up to EUR 6 million.") == [("milestones", 4e6), ("value", 6e6)]


def test_what_a_total_excludes_names_no_component():
    assert _components("bringing the total potential value to EUR 300 million, excluding royalties.") == [
        ("value", 3e8)]


def test_cvr_holders_receive_milestones():
    assert _components("If all CVR milestones are achieved, CVR holders would receive up to an additional "
                       "$70 million in aggregate.") == [("milestones", 7e7)]


def test_share_subscription_is_an_equity_investment_and_joint_research_stays_a_collaboration():
    text = ("Ghent, Belgium - 5 March 2024 - Orvane NV today announces a strategic research collaboration with "
            "Takamura Pharma Inc. to discover retinal therapies.\n\n"
            "The two companies will jointly run a three-year research programme. Orvane is eligible for royalties "
            "on net sales.\n\nIn parallel, Takamura Pharma Inc. has agreed to subscribe for 500,000 new ordinary "
            "shares of Orvane NV for a total amount of EUR 5 million.")
    relations = _relations(text)
    assert relations["rd_collaboration"] == {"Orvane NV": "partner", "Takamura Pharma Inc.": "partner"}
    assert relations["equity_investment"] == {"Takamura Pharma Inc.": "investor", "Orvane NV": "investee"}
    assert "license" not in relations


def test_ticker_of_an_asian_exchange_keeps_the_description_and_a_cdmo_provides():
    text = ("SEOUL, Korea, May 6, 2024 - Daeil BioWorks Co., Ltd. (KOSDAQ: 123456), a contract development and "
            "manufacturing organization (CDMO), announced today that it has signed a commercial manufacturing "
            "agreement with Orlent Pharmaceuticals, Inc., a U.S. biopharmaceutical company.\n\n"
            "Plant 2 was financed from the proceeds of its 2021 initial public offering.")
    relations = _relations(text)
    assert relations["contract_services"] == {"Daeil BioWorks Co., Ltd.": "provider",
                                              "Orlent Pharmaceuticals, Inc.": "client"}
    assert "ipo" not in relations


def test_merger_keeps_its_value_and_a_dated_own_collaboration_is_history():
    text = ("LONDON, 3 June 2024 - The boards of Ardlow Bio plc and Fenwick Genomics plc announce a recommended "
            "all-share merger of Ardlow Bio plc and Fenwick Genomics plc.\n\n"
            "The merger values the entire issued share capital of Fenwick Genomics plc at approximately "
            "£120.5 million.\n\nArdlow Bio plc's 2022 research collaboration with Quenby Institute will continue.")
    (found,) = _extract(text)
    assert found.type == "merger"
    assert found.terms == [{"component": "value", "amount": 120500000, "currency": "GBP"}]


def test_examples_after_including_are_no_parties():
    """"agreements with companies including X, Y and Z" lists examples, not the parties of a deal today."""
    text = ("London, 3 February 2025 - Harrowgate Capital today announced the final close of its third fund at "
            "EUR 200 million.\n\nHarrowgate's portfolio companies have signed licensing agreements with companies "
            "including Novartis, Almirall and Lundbeck.")
    assert _relations(text) == {}


def test_combining_data_or_a_partners_assets_is_no_merger():
    text = ("BASEL, 2 May 2024 - Quorvane AG and Lentis Bio AG today announced a joint venture, Quorlen AG.\n\n"
            "Quorlen AG will combine cell-free DNA and proteomics data. The joint venture will combine Lentis Bio "
            "AG's assets with Quorvane AG's manufacturing capacity.")
    assert "merger" not in _relations(text)
