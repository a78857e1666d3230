"""Tests of the open-world rules of bioregion.extract: release layout, background, agencies, roles, terms.

Each test states one general rule on a text written for it (not taken from the corpus).
"""

from __future__ import annotations

import pytest

from bioregion.extract import Gazetteer, extract_document
from bioregion.extract.agencies import kind_from_name
from bioregion.extract.background import is_background, is_recap
from bioregion.extract.chunks import find_chunks
from bioregion.extract.layout import is_boilerplate_heading, read_layout, strip_speech
from bioregion.extract.mentions import find_mentions
from bioregion.extract.money import find_amounts
from bioregion.extract.places import is_place_or_product
from bioregion.extract.readers import document_from_text
from bioregion.extract.sentences import find_dateline, locate_dateline, split_sentences


def _extract(text: str) -> list:
    return extract_document(document_from_text("x.txt", text))


def _relations(text: str) -> dict[str, dict[str, str]]:
    """Type -> {party name: role} of the relations found in ``text``."""
    return {c.type: {p["name"]: p["role"] for p in c.parties} for c in _extract(text)}


def _terms(text: str, rel_type: str) -> set[tuple[str, float, str]]:
    (found,) = [c for c in _extract(text) if c.type == rel_type]
    return {(t["component"], t["amount"], t["currency"]) for t in found.terms}


# Datelines and the release layout.

@pytest.mark.parametrize("line, date, lead", [
    ("MECHELEN, Belgium, 12 February 2025, 07:30 CET / GLOBE NEWSWIRE / -- Kerbex NV today", "2025-02-12", "Kerbex"),
    ("CAMBRIDGE, Mass.--(BUSINESS WIRE)--Jan. 8, 2024-- Lumex Bio, Inc. today", "2024-01-08", "Lumex"),
    ("COPENHAGEN, Denmark and SAN DIEGO, Nov. 18, 2024 /PRNewswire/ -- Halvo A/S", "2024-11-18", "Halvo"),
    ("Basel, Switzerland, and Berlin, Germany, 21 November 2023 – Helvo AG today", "2023-11-21", "Helvo"),
    ("Leiden, the Netherlands; 7 November 2024, 22:01 CET – Orvo NV today", "2024-11-07", "Orvo"),
    ("BOSTON, MA / ACCESSWIRE / March 12, 2024 / Acme Inc. today", "2024-03-12", "Acme"),
    ("SOUTH SAN FRANCISCO, Calif. and BOSTON, Oct. 2, 2023 (GLOBE NEWSWIRE) -- Tessa Inc.", "2023-10-02", "Tessa"),
    ("PALO ALTO, Calif. & TOKYO--(BUSINESS WIRE)--Corbel, Inc. today", None, "Corbel,"),
    ("GHENT, Belgium -- Orbel NV today announced", None, "Orbel"),
])
def test_datelines_with_times_wires_dashes_and_places(line, date, lead):
    found, offset = find_dateline(line)
    assert found == date and offset > 0
    assert line[offset:].split()[0] == lead


def test_a_sentence_with_a_date_is_no_dateline():
    assert find_dateline("Enrolment started in the trial on 5 May 2024 - results are expected") == (None, 0)


def test_dateline_is_found_after_subtitles_bullets_and_meta_lines():
    text = ("Kerbex to receive EUR 45 million upfront\n\n- Bullet on the deal\n\n7 November 2024 · 22:01 CET · "
            "Regulated information\n\nLONDON, 6 November 2024 - Kerbex plc today announced a deal.")
    found = locate_dateline(text)
    assert found.date == "2024-11-06" and text[found.end:].startswith("Kerbex plc today")
    alone = "Brussels, Belgium – 2 December 2024\n\nOrphex SA today announced"
    assert locate_dateline(alone).date == "2024-12-02"


@pytest.mark.parametrize("heading, cut", [
    ("About Kerbex Therapeutics", True), ("ABOUT KERBEX", True), ("## About the Agreement", False),
    ("Forward-Looking Statements", True), ("Forward-looking statements: this release contains ...", True),
    ("This press release may contain forward-looking statements.", True), ("Media Contact:", True),
    ("Enquiries:", True), ("Additional Information and Where to Find It", True), ("Disclaimer", True),
    ("About 40 patients were dosed in the trial.", False), ("Under the terms of the agreement", False),
])
def test_boilerplate_headings(heading, cut):
    assert is_boilerplate_heading(heading) is cut


def test_boilerplate_is_cut_from_its_first_heading_on_even_inside_a_paragraph():
    text = ("Deal\n\nGHENT, Belgium, 3 May 2024 -- Orbel NV today announced a licence agreement with Zerva AG.\n\n"
            "About Orbel\nOrbel NV was founded in 2012. In 2019 it entered into a collaboration with Servier.\n\n"
            "Contacts\nZerva AG and Quill Bio signed a marketing agreement today.")
    assert set(_relations(text)) == {"license"}


def test_kicker_lines_are_dropped_and_subtitles_kept():
    layout = read_layout("FOR IMMEDIATE RELEASE\n\nRNS Number : 4417K\n\nAcme to receive $5 million upfront\n\n"
                         "LONDON, 6 August 2024 - Acme plc today announced a licence.")
    assert layout.sentences == ["Acme to receive $5 million upfront", "Acme plc today announced a licence."]
    assert layout.lead == 1 and layout.date == "2024-08-06"


def test_quoted_speech_is_no_report_of_a_deal():
    assert strip_speech('“We are delighted to partner with Zerva on this,” said the CEO ("Orbel").') == (
        '“…” said the CEO ("Orbel").')
    text = ("News\n\nGHENT, Belgium, 3 May 2024 -- Orbel NV today reported its results. \"Our research collaboration "
            "with Zerva AG and our licence agreement with Quill Bio are going well,\" said the CEO of Orbel NV.")
    assert _extract(text) == []


def test_a_legal_suffix_ends_a_sentence_when_a_new_one_starts():
    text = "Acme licensed it from Jiangsu Hengrui Pharmaceuticals Co., Ltd. Acme will pay Hengrui $15 million."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("Merck & Co., Inc. and Acme Co. Ltd. signed.")) == 1


# Places, products and names.

def test_places_and_products_are_no_organisations():
    assert is_place_or_product("MECHELEN, Belgium, 12 February 2025", 8)
    assert is_place_or_product("Gosselies, Belgium - 9 October 2024", 9)
    assert is_place_or_product("VELTRENZA (velsotinib) tablets", 9)
    assert is_place_or_product("Zentrapine(R) generated revenue", 10)
    assert not is_place_or_product("Orbimed, Israel Biotech Fund and PMV", 7)
    doc = find_mentions(["SOUTH SAN FRANCISCO, Calif. and Basel, Switzerland, 3 May 2024 -- Acme Inc. announced."],
                        Gazetteer())
    assert [m.text for m in doc.sentences[0]] == ["Acme Inc."]


def test_names_with_places_possessives_and_and():
    chunks = lambda text: [c[2] for c in find_chunks(text)]  # noqa: E731
    assert "Tianyuan Parvus Biotherapeutics (Suzhou) Co., Ltd." in chunks(
        "a joint venture, Tianyuan Parvus Biotherapeutics (Suzhou) Co., Ltd. (the JV)")
    assert "Dr. Reddy's Laboratories Ltd." in chunks("an agreement with Dr. Reddy's Laboratories Ltd. for")
    assert chunks("the Fraunhofer Institute for Translational Medicine and Pharmacology ITMP and Ghent University") == [
        "Fraunhofer Institute for Translational Medicine and Pharmacology ITMP", "Ghent University"]
    assert chunks("the University of Oxford and Oxford Science Enterprises") == [
        "University of Oxford", "Oxford Science Enterprises"]


def test_defined_short_names_and_place_prefixed_names_are_short_forms():
    doc = find_mentions(['Jinghua PharmaTech Co., Ltd. ("Jinghua", HKEX: 2961) today signed a deal with Jiangsu '
                         'Hengrui Pharmaceuticals Co., Ltd.', "Jinghua will pay Hengrui $5 million."], Gazetteer())
    first, second = ([m.key for m in ms] for ms in doc.sentences)
    assert second == first


# Public funders, regulators and kinds.

def test_public_funders_and_regulators_are_known_by_name_and_form():
    gazetteer = Gazetteer()
    assert gazetteer.lookup("NIAID").kind == "government_agency"
    assert gazetteer.lookup("Walloon Region").kind == "government_agency"
    assert gazetteer.lookup("EIC Fund").kind == "public_investor"
    assert gazetteer.lookup("NMPA").kind == "regulator"
    assert kind_from_name("Bavarian Ministry of Economic Affairs") == "government_agency"
    assert kind_from_name("Therapeutic Goods Administration") == "regulator"
    assert kind_from_name("Orvane Therapeutics") is None


@pytest.mark.parametrize("sentence, funder, recipient", [
    ("Nanova SA today announced that the Walloon Region, through its public service (SPW), has granted the company "
     "EUR 5.4 million in non-dilutive funding.", "Walloon Region", "Nanova SA"),
    ("Tidex Vaccines, Inc. today announced that it has received a $3 million Small Business Innovation Research "
     "(SBIR) grant from the National Institute of Allergy and Infectious Diseases (NIAID).",
     "National Institute of Allergy and Infectious Diseases", "Tidex Vaccines, Inc."),
    ("Oculo B.V. today announced that it has been selected by the European Innovation Council (EIC) to receive "
     "blended financing of up to €12.5 million.", "European Innovation Council", "Oculo B.V."),
    ("CARB-X is awarding Ferro Therapeutics NV up to $1.2 million to develop an antibiotic.", "CARB-X",
     "Ferro Therapeutics NV"),
])
def test_grants_from_public_funders(sentence, funder, recipient):
    found = _relations(f"Grant\n\nGHENT, Belgium, 3 May 2024 -- {sentence}")
    assert found == {"grant": {funder: "funder", recipient: "recipient"}}


def test_a_public_funders_funded_partnership_is_a_grant():
    found = _relations("CEPI\n\nMAINZ, Germany, May 5, 2021 -- BioNTo SE and the Coalition for Epidemic Preparedness "
                       "Innovations (CEPI) today announced a partnership to develop mRNA vaccines, with CEPI providing up "
                       "to $90 million in funding.")
    assert found == {"grant": {"Coalition for Epidemic Preparedness Innovations": "funder", "BioNTo SE": "recipient"}}
    found = _relations("MJFF\n\nNEW YORK, May 5, 2021 -- The Michael J. Fox Foundation for Parkinson's Research has "
                       "awarded Neurova Inc. a $1.5 million grant.")
    assert found == {"grant": {"The Michael J. Fox Foundation for Parkinson's Research": "funder",
                               "Neurova Inc.": "recipient"}}


def test_a_grant_in_a_round_sentence_makes_its_funder_no_investor():
    text = ("Seed\n\nGHENT, Belgium, 3 May 2024 -- Vexa Bio NV has closed a seed financing of EUR 8.5 million led by "
            "V-Bio Ventures, with participation of PMV, and it has been awarded a development grant of EUR 1.2 million "
            "by VLAIO, the Flemish agency for innovation.")
    found = _relations(text)
    assert found["venture_round"] == {"Vexa Bio NV": "investee", "V-Bio Ventures": "investor", "PMV": "investor"}
    assert found["grant"] == {"VLAIO": "funder", "Vexa Bio NV": "recipient"}
    assert _terms(text, "grant") == {("value", 1200000, "EUR")}


def test_a_regulator_is_never_a_party():
    text = ("JV\n\nSHANGHAI, July 22, 2024 /PRNewswire/ -- Tianzo Pharma Co., Ltd. and Parvo Oncology, Inc. today "
            "formed a joint venture, Tianzo Parvo Bio. The Joint Venture will pay Parvo $15M upon approval by China's "
            "National Medical Products Administration (NMPA).")
    assert _relations(text)["joint_venture"] == {"Tianzo Pharma Co., Ltd.": "partner", "Parvo Oncology, Inc.": "partner",
                                                 "Tianzo Parvo Bio": "offspring"}
    assert ("milestones", 15000000, "USD") in _terms(text, "joint_venture")


# Background: past deals, recaps, quotes.

@pytest.mark.parametrize("sentence, date, past", [
    ("In 2019 the company entered into a research collaboration with Servier.", "2025-02-12", True),
    ("Kerbex, founded in 2012, today signed a licence with Boehringer.", "2025-02-12", False),
    ("The deal is expected to close in the first quarter of 2025.", "2024-11-18", False),
    ("In July, Halva entered into a license agreement with Merck.", "2024-11-07", True),
    ("In October, Halva entered into a license agreement with Merck.", "2024-11-07", False),
    ("Enrolment is expected to complete in March.", "2024-11-07", False),
    ("She served as CFO from 2017 until the company's acquisition by AstraZeneca in 2021.", "2024-06-03", True),
])
def test_past_dated_events_are_background(sentence, date, past):
    assert is_background(sentence, date) is past


def test_a_release_without_a_new_deal_gives_nothing():
    texts = [
        "Valta Bio Appoints Jane Roe as CFO\n\nBOSTON, June 3, 2024 (BUSINESS WIRE) -- Valta Bio, Inc. today "
        "appointed Jane Roe. At Oncora Inc., she led the company's $240 million initial public offering in 2018 and "
        "negotiated its collaboration agreement with Merck KGaA.",
        "Approval\n\nZUG, Switzerland, March 14, 2025 -- Merida AG today announced FDA approval of VELTRA. Merida and "
        "Sumita Pharma, Inc. will jointly commercialize VELTRA under the co-commercialization agreement entered into by "
        "the companies in September 2020. VELTRA is co-promoted with Sumita under the companies' existing agreement.",
        "Data\n\nBOSTON, April 8, 2024 -- Onyx Bio, Inc. today presented data for ONY-5, a KRAS inhibitor discovered "
        "in collaboration with Schroder Labs Inc.",
        "End\n\nNEW YORK, March 3, 2024 -- Lyra Bio, Inc. today announced that Pfizer has decided to terminate the "
        "research collaboration and license agreement between the two companies.",
        "Milestone\n\nBASEL, June 4, 2024 -- Helix AG today announced that it has achieved a development milestone "
        "under its collaboration with Roche, triggering a $25 million payment to Helix.",
        "Paper\n\nCAMBRIDGE, England, 9 May 2024 -- Quanta Ltd today announced a publication in Nature. The research "
        "was conducted in collaboration with scientists at the University of Cambridge.",
        "Event\n\nNEW YORK, Sept. 3, 2024 -- Corva Therapeutics, Inc. today announced an R&D Day, including an "
        "overview of the company's partnership with Novartis.",
        "Fund\n\nBrussels, 16 September 2024 – Aurex Life Sciences, an independent venture capital firm, today "
        "announced the final closing of Aurex Fund II at €310 million. The fund invests at seed and Series A stage.",
    ]
    assert [_extract(text) for text in texts] == [[]] * len(texts)


def test_a_results_release_reports_only_deals_said_to_happen_today():
    assert is_recap("Orva reports third quarter 2024 financial results and business update")
    assert not is_recap("Orva enters into license agreement with Zerva")
    text = ("Orva Reports Fourth Quarter 2023 Financial Results\n\nCAMBRIDGE, Mass., Feb. 27, 2024 -- Orva Inc. today "
            "reported results. In December, Orva entered into a license agreement with Zerva AG for ORV-7.")
    assert _extract(text) == []


def test_an_upcoming_round_is_no_event():
    text = ("Grant\n\nLEIDEN, 27 June 2024 -- Ocula B.V. today announced an equity investment of up to €10 million "
            "by the EIC Fund, to be made alongside other investors in Ocula's upcoming Series A financing.")
    assert set(_relations(text)) == {"equity_investment"}


# Roles.

def test_investors_listed_apart_or_named_before_led_join_the_round():
    found = _relations("Round\n\nBOSTON, May 5, 2021 -- Soteria Bio Inc. has raised $42 million in series A financing. "
                       "Roche Venture Fund and 5AM Ventures led the round, with further investments from M Ventures.")
    assert found["venture_round"] == {"Soteria Bio Inc.": "investee", "Roche Venture Fund": "investor",
                                      "5AM Ventures": "investor", "M Ventures": "investor"}
    found = _relations("Ext\n\nNEW YORK, Sept. 28, 2023 -- Tessa Inc. today announced a $45 million extension of its "
                       "Series B financing. The extension was led by new investor Foresite Capital, with participation "
                       "from Arch Venture Partners.")
    assert found["venture_round"] == {"Tessa Inc.": "investee", "Foresite Capital": "investor",
                                      "Arch Venture Partners": "investor"}


def test_consortium_members_listed_in_a_later_sentence():
    found = _relations("IHI\n\nLeuven, 15 January 2025 – The consortium is coordinated by KU Leuven, with Janssen "
                       "Pharmaceutica NV as project lead. The other partners are Sanofi, the Université de Liège and "
                       "InSphero AG. It receives €10.2 million from the Innovative Health Initiative (IHI).")
    assert found["consortium"] == {n: "partner" for n in ("KU Leuven", "Janssen Pharmaceutica NV", "Sanofi",
                                                         "Université de Liège", "InSphero AG")}


def test_provider_from_its_description_and_from_another_sentence():
    found = _relations('Deal\n\nSHANGHAI, March 19, 2024 -- Jingo PharmaTech Co., Ltd. ("Jingo", HKEX: 2961), a global '
                       "contract research, development and manufacturing organization (CRDMO), today announced that it "
                       "has signed a master services agreement with Alder Therapeutics Ltd, a UK biotechnology company.")
    assert found["contract_services"] == {"Jingo PharmaTech Co., Ltd.": "provider", "Alder Therapeutics Ltd": "client"}


def test_an_academic_side_licenses_out():
    text = ("Spin-off\n\nGHENT, Belgium, 14 May 2024 - VIB and Ghent University today announced the launch of Vexa Bio "
            "NV, a new spin-off company. As part of its formation, Vexa has entered into an exclusive license agreement "
            "with VIB and Ghent University covering the patent portfolio.")
    found = _relations(text)
    assert found["license"] == {"VIB": "licensor", "Ghent University": "licensor", "Vexa Bio NV": "licensee"}
    assert found["spin_off"] == {"VIB": "parent", "Ghent University": "parent", "Vexa Bio NV": "offspring"}


def test_a_licence_granted_by_a_licensor():
    found = _relations("Licence\n\nOXFORD, UK, 3 June 2024 -- Xentho Ltd has been granted an exclusive worldwide "
                       "license by Oxford University Innovation to an antibody platform.")
    assert found == {"license": {"Xentho Ltd": "licensee", "Oxford University Innovation": "licensor"}}


def test_licence_and_stock_purchase_in_one_release():
    text = ("Deal\n\nCAMBRIDGE, Mass., Jan. 8, 2024 -- Lumo Bio, Inc. today entered into a research collaboration and "
            "exclusive license agreement with Bristol Myers Squibb. Bristol Myers Squibb will pay Lumo $60 million "
            "upfront and will purchase $40 million of newly issued Lumo common stock at $18.75 per share.")
    found = _relations(text)
    assert found["license"] == {"Lumo Bio, Inc.": "licensor", "Bristol Myers Squibb": "licensee"}
    assert found["equity_investment"] == {"Bristol Myers Squibb": "investor", "Lumo Bio, Inc.": "investee"}
    assert _terms(text, "equity_investment") == {("equity", 40000000, "USD")}


def test_a_reverse_merger_is_an_acquisition_and_its_investors_are_no_partners():
    text = ("Merger\n\nBOSTON, Oct. 2, 2023 (GLOBE NEWSWIRE) -- Tessar Biosciences, Inc. and Quill Therapeutics, Inc. "
            "today announced a merger agreement under which a wholly owned subsidiary of Tessar will merge with and into "
            "Quill, with Quill surviving as a wholly owned subsidiary of Tessar. In support of the merger, Quill has "
            "secured commitments for an $85 million private financing from a syndicate of investors led by RA Capital "
            "Management, with participation from Vivo Capital.")
    found = _relations(text)
    assert set(found) == {"acquisition", "venture_round"}
    assert found["acquisition"] == {"Tessar Biosciences, Inc.": "acquirer", "Quill Therapeutics, Inc.": "target"}
    assert found["venture_round"] == {"Quill Therapeutics, Inc.": "investee", "RA Capital Management": "investor",
                                      "Vivo Capital": "investor"}


def test_selling_an_asset_is_the_buyers_acquisition():
    found = _relations("Disposal\n\nLONDON, 6 August 2024 - Calder plc today announced that it has entered into an "
                       "agreement to sell its worldwide rights to Zentra, with the related marketing authorisations, "
                       "to Laboratorios Varo S.A. for £68 million.")
    assert found == {"acquisition": {"Laboratorios Varo S.A.": "acquirer", "Calder plc": "target"}}


def test_co_development_includes_its_co_promotion():
    found = _relations("Deal\n\nBasel, 21 November 2023 – Helva AG and Bayer AG today agreed to jointly develop and "
                       "commercialize HLV-8. The companies will share the costs equally, with Helva retaining the option "
                       "to co-promote HLV-8 in the United States.")
    assert set(found) == {"co_development"}


def test_a_spin_off_describing_another_events_party_is_no_spin_off():
    found = _relations("University of Edinburgh spin-out Kestra Genomics raises £12 million seed round\n\nEDINBURGH, "
                       "9 October 2023 – Kestra Genomics Ltd today closed a £12 million seed round led by Epidarex "
                       "Capital.")
    assert set(found) == {"venture_round"}


# Terms.

@pytest.mark.parametrize("text, expected", [
    ("upon which it will pay an option exercise fee of €40 million", (40e6, "EUR", "other")),
    ("and will fund up to €18 million of preclinical development costs", (18e6, "EUR", "research_funding")),
    ("the Joint Venture will pay Parvo $15M upon approval of the first IND", (15e6, "USD", "milestones")),
    ("will be capitalised with RMB 500 million", (500e6, "CNY", "value")),
    ("comprises a non-dilutive grant of €2.5 million", (2.5e6, "EUR", "grant")),
])
def test_term_components(text, expected):
    (amount,) = find_amounts(text)
    assert (amount.amount, amount.currency, amount.component) == expected


def test_a_part_of_an_amount_is_not_added_to_it():
    amounts = find_amounts("up to EUR 630 million in milestone payments, of which EUR 20 million relate to near-term "
                           "events")
    assert [a.component for a in amounts] == ["milestones", "part"]


def test_a_grant_is_worth_what_is_granted_and_a_joint_venture_its_capital():
    text = ("EIC\n\nLEIDEN, 27 June 2024 -- Ocula B.V. today announced that it has been selected by the European "
            "Innovation Council to receive blended financing of up to €12.5 million. The award comprises a non-dilutive "
            "grant of €2.5 million and an equity investment of up to €10 million by the EIC Fund.")
    assert _terms(text, "grant") == {("value", 2500000, "EUR")}
    assert _terms(text, "equity_investment") == {("equity", 10000000, "EUR")}
