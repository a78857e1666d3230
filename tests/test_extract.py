"""Tests of bioregion.extract: readers, sentences, amounts, mentions, relations, scoring, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.extract import Gazetteer, extract_document, extract_paths, read_document, read_gold, score
from bioregion.extract.mentions import find_mentions
from bioregion.extract.money import find_amounts
from bioregion.extract.names import normalise
from bioregion.extract.readers import document_from_text
from bioregion.extract.sentences import find_dateline, split_sentences

CORPUS = Path(__file__).parent / "corpus" / "press"
GOLD = CORPUS / "gold.jsonl"


@pytest.mark.parametrize("line, date", [
    ("MECHELEN, Belgium, 16 December 2015 -- Galapagos NV today", "2015-12-16"),
    ("BOSTON, Jan. 5, 2016 /PRNewswire/ -- Aquilon", "2016-01-05"),
    ("SAN DIEGO--(BUSINESS WIRE)--Feb. 14, 2017-- Pyxant", "2017-02-14"),
    ("CAMBRIDGE, Mass., Sept. 12, 2018 (GLOBE NEWSWIRE) -- Tessaryn", "2018-09-12"),
    ("LONDON, UK, 4th April 2019: Zentrix", "2019-04-04"),
    ("Ghent, Belgium – 7 September 2017 – Orbelix", "2017-09-07"),
])
def test_dateline_gives_the_date_and_where_text_starts(line, date):
    found, offset = find_dateline(line)
    assert found == date
    assert line[offset:].split()[0] in {"Galapagos", "Aquilon", "Pyxant", "Tessaryn", "Zentrix", "Orbelix"}


def test_sentences_survive_abbreviations_and_legal_suffixes():
    text = ("Merck & Co., Inc. and Ablynx N.V. signed a deal with Nestlé S.A. and Acme Co. Ltd. in the U.S. market. "
            "Dr. Smith of Foo Corp. said so. The end!")
    assert [s.text for s in split_sentences(text)] == [
        "Merck & Co., Inc. and Ablynx N.V. signed a deal with Nestlé S.A. and Acme Co. Ltd. in the U.S. market.",
        "Dr. Smith of Foo Corp. said so.", "The end!"]


@pytest.mark.parametrize("text, expected", [
    ("for $1.35 billion in cash", (1.35e9, "USD", "value")),
    ("a EUR 25 million Series A", (25e6, "EUR", "value")),
    ("the €3.9bn deal", (3.9e9, "EUR", "value")),
    ("up to US$665 million in milestones", (665e6, "USD", "milestones")),
    ("an upfront payment of CHF 12 million", (12e6, "CHF", "upfront")),
    ("an equity investment of £4 million", (4e6, "GBP", "equity")),
    ("sales milestones of up to ¥6 billion", (6e9, "JPY", "milestones")),
    ("research funding of EUR 12 million", (12e6, "EUR", "research_funding")),
    ("raised 20 million euros", (20e6, "EUR", "value")),
    ("plus one contingent value right worth up to $300 million", (300e6, "USD", "milestones")),
    ("and an earn-out valued at EUR 40 million", (40e6, "EUR", "milestones")),
])
def test_amounts_with_currency_scale_and_component(text, expected):
    (amount,) = find_amounts(text)
    assert (amount.amount, amount.currency, amount.component) == expected


def test_per_share_prices_are_not_terms():
    assert find_amounts("at $18.75 per share and EUR 58 per share") == []


def test_short_forms_aliases_and_subsidiaries():
    doc = find_mentions(["Galapagos NV and MSD today announced a deal.", "Galapagos will work with Merck & Co., Inc.",
                         "Janssen Biotech, Inc. and Johnson & Johnson attended."], Gazetteer())
    keys = [[m.key for m in ms] for ms in doc.sentences]
    assert keys[0][0] == keys[1][0]                     # Galapagos NV -> Galapagos
    assert keys[0][1] == keys[1][1] == "id:merck-and-co"  # MSD = Merck & Co.
    assert keys[2] == ["id:janssen", "id:johnson-and-johnson"]
    assert Gazetteer().get("janssen").parent_id == "johnson-and-johnson"


def test_store_names_are_recognised():
    doc = document_from_text("x.txt", "Deal\n\nGHENT, Belgium, 2 May 2019 -- zorblat today announced that it has "
                                      "acquired qwixo for EUR 5 million.")
    assert extract_document(doc) == []
    found = extract_document(doc, Gazetteer([("zorblat", "zorblat", []), ("qwixo", "Qwixo", ["qwixo"])]))
    assert [(c.type, [p["role"] for p in c.parties]) for c in found] == [("acquisition", ["acquirer", "target"])]


def test_venture_round_names_every_investor():
    doc = document_from_text("v.txt", "Round\n\nBOSTON, Jan. 5, 2016 /PRNewswire/ -- Zeno Bio, Inc. today announced "
                                      "a $80 million Series B financing. The investment was led by Alpha Capital with "
                                      "participation from new investors Beta Ventures, Gamma Partners and Delta, as "
                                      "well as existing investor Epsilon Fund.")
    (found,) = extract_document(doc)
    assert found.type == "venture_round"
    assert sorted(p["name"] for p in found.parties if p["role"] == "investor") == [
        "Alpha Capital", "Beta Ventures", "Delta", "Epsilon Fund", "Gamma Partners"]
    assert found.terms == [{"component": "value", "amount": 80000000, "currency": "USD"}]


def test_public_takeover_with_cvr_keeps_value_and_milestones_apart():
    doc = document_from_text("a.txt", "Deal\n\nNEW YORK, Sept. 5, 2022 -- Orvane Inc. (NYSE: ORVN) and Bellisk "
                                      "Therapeutics, Inc. (Nasdaq: BLSK) today announced a definitive agreement under "
                                      "which Orvane will acquire Bellisk for $22.00 per share in cash, or approximately "
                                      "$800 million, plus one contingent value right worth up to $300 million.")
    (found,) = extract_document(doc)
    assert found.type == "acquisition"
    assert sorted((t["component"], t["amount"]) for t in found.terms) == [("milestones", 300000000),
                                                                         ("value", 800000000)]


def test_cash_for_a_joint_venture_stake_is_equity():
    doc = document_from_text("j.txt", "JV\n\nTOKYO, January 18, 2024 -- Hoshio Pharma Co., Ltd. and Caldra Bio, "
                                      "Inc. today announced that they have formed a joint venture, Hoshio-Caldra "
                                      "Therapeutics. Hoshio will contribute $60 million in cash and hold a 60% "
                                      "interest in the joint venture.")
    (found,) = extract_document(doc)
    assert found.type == "joint_venture"
    assert found.terms == [{"component": "equity", "amount": 60000000, "currency": "USD"}]


def test_round_leader_before_participation_list_is_an_investor():
    doc = document_from_text("s.txt", "Seed\n\nGhent, Belgium - 4 May 2021 - Korvix SA today announced a EUR 4 million "
                                      "seed financing round led by Marbrook, with participation from Tessel Ventures and "
                                      "Ondine.")
    (found,) = extract_document(doc)
    assert sorted(p["name"] for p in found.parties if p["role"] == "investor") == ["Marbrook", "Ondine",
                                                                                   "Tessel Ventures"]


def test_launch_of_a_new_spin_off_names_every_parent():
    doc = document_from_text("p.txt", "News\n\nLEUVEN, Belgium, 2 June 2020 - Arvel Institute, Norden University "
                                      "and the Pelt Laboratory today announced the launch of Quorix Therapeutics, a new "
                                      "spin-off company that will develop peptide drugs.")
    (found,) = extract_document(doc)
    assert found.type == "spin_off"
    assert {p["name"]: p["role"] for p in found.parties} == {
        "Arvel Institute": "parent", "Norden University": "parent", "Pelt Laboratory": "parent",
        "Quorix Therapeutics": "offspring"}


def test_spin_off_as_a_description_of_a_grant_recipient_is_no_spin_off():
    doc = document_from_text("g.txt", "Halden Foundation awards £2 million to Leeds spin-out Tarvex\n\n"
                                      "LEEDS, UK, 3 April 2019 -- Tarvex Ltd announced today that it has received a "
                                      "£2 million grant from the Halden Foundation.")
    assert [c.type for c in extract_document(doc)] == ["grant"]


def test_licence_and_equity_in_one_release_and_today_takes_dateline_date():
    found = extract_document(read_document(CORPUS / "dev" / "d01_filgo_license_equity.txt"))
    by_type = {c.type: c for c in found}
    assert set(by_type) == {"license", "equity_investment"}
    assert {p["role"]: p["name"] for p in by_type["license"].parties} == {
        "licensor": "Galapagos NV", "licensee": "Gilead Sciences, Inc."}
    assert {"component": "equity", "amount": 425000000, "currency": "USD"} in by_type["equity_investment"].terms
    assert all(c.date == "2015-12-16" for c in found)


def test_news_without_alliances_gives_nothing():
    negatives = [p for p in sorted((CORPUS / "dev").iterdir()) if "_neg_" in p.name]
    assert len(negatives) >= 10
    assert [c.source for c in extract_paths(negatives)] == []


def test_dev_corpus_meets_precision_and_recall_targets():
    predicted = [c.as_dict() for c in extract_paths([CORPUS / "dev"])]
    result = score(predicted, read_gold(GOLD), [str(p) for p in (CORPUS / "dev").iterdir()])
    assert result.gold >= 35
    assert result.precision >= 0.90 and result.recall >= 0.85
    assert result.amounts_exact / result.amounts_total >= 0.9


def test_score_counts_role_errors_as_misses():
    gold = [{"source": "a.txt", "type": "license", "parties": [{"name": "X NV", "role": "licensor"},
                                                                {"name": "Y Inc.", "role": "licensee"}]}]
    swapped = [{"source": "dir/a.txt", "type": "license", "parties": [{"name": "x", "role": "licensee"},
                                                                       {"name": "Y", "role": "licensor"}]}]
    right = [{"source": "dir/a.txt", "type": "license", "parties": [{"name": "X", "role": "licensor"},
                                                                     {"name": "Y, Inc.", "role": "licensee"}]}]
    assert score(swapped, gold).true_positives == 0
    assert (score(right, gold).precision, score(right, gold).recall) == (1.0, 1.0)


def test_html_boilerplate_is_stripped():
    doc = read_document(CORPUS / "dev" / "d37_merck_msd_license.html")
    assert "Exclusive License Agreement with MSD" in doc.title
    assert "Privacy policy" not in doc.text and "Investors" not in doc.text and "analytics" not in doc.text
    assert "US$30 million" in doc.text


def test_markdown_is_read_without_markup():
    doc = read_document(CORPUS / "dev" / "d39_md_press.md")
    assert doc.title.startswith("Biocodex and Amplinova") and "**" not in doc.text


def test_pdf_text_layer_is_read(tmp_path):
    pytest.importorskip("pypdf")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = tmp_path / "release.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.5, 3))
        fig.text(0.02, 0.8, "Acme Therapeutics to acquire Zeta Bio", fontsize=10)
        fig.text(0.02, 0.6, "BOSTON, March 3, 2019 -- Acme Therapeutics, Inc. today announced that it will acquire",
                 fontsize=8)
        fig.text(0.02, 0.5, "Zeta Bio Ltd for $40 million in cash.", fontsize=8)
        fig.savefig(path)
        plt.close(fig)
    assert path.stat().st_size < 40_000
    (found,) = extract_paths([path])
    assert found.type == "acquisition" and found.date == "2019-03-03"
    assert found.terms == [{"component": "value", "amount": 40000000, "currency": "USD"}]


def test_cli_extract_jsonl_and_score():
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(CORPUS / "dev" / "d02_acq_cash.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert {"source", "type", "parties", "date", "terms", "option", "evidence", "confidence"} <= set(record)
    assert record["type"] == "acquisition" and record["date"] == "2019-03-03"
    assert 0.0 <= record["confidence"] <= 1.0 and "Quaternis" in record["evidence"]
    scored = runner.invoke(main, ["extract", str(CORPUS / "dev"), "--score", str(GOLD)])
    assert scored.exit_code == 0 and json.loads(scored.output)["f1"] >= 0.85


def test_cli_missing_path_is_a_one_line_error():
    result = CliRunner().invoke(main, ["extract", "no/such/folder"])
    assert result.exit_code == 1 and result.output.startswith("error: no such file or folder")


def _shared() -> Path | None:
    import os

    for candidate in (os.environ.get("BIOREGION_SHARED"), Path(__file__).resolve().parents[1].parent / "shared",
                      "/work/shared"):
        if candidate and Path(candidate, "data").is_dir():
            return Path(candidate)
    return None


def cuad_party_recall() -> tuple[int, int]:
    """Recognised / labelled party names of the CUAD biopharma agreements (names written as in the contracts)."""
    import csv
    import re

    shared = _shared()
    path = shared / "data" / "contracts_cuad" / "cuad_biopharma_contracts_subset.csv" if shared else None
    if path is None or not path.exists():
        pytest.skip("shared CUAD subset not available")
    found = total = 0
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for party in row["Parties-Answer"].split(";"):
                name = re.split(r"\s*\(", party.strip())[0].strip(" ,")
                if not name or len(name) < 3:
                    continue
                total += 1
                sentence = f"{name} and the other party entered into the agreement."
                mentions = find_mentions([sentence], Gazetteer()).sentences[0]
                found += any(m.start <= 4 and normalise(m.text) == normalise(name) for m in mentions)
    return found, total


def test_cuad_party_names_are_recognised():
    found, total = cuad_party_recall()
    assert total >= 50
    assert found / total >= 0.75
