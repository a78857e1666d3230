"""The review workflow: accepted candidates enter the store with sources and evidence."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bioregion.cli import main
from bioregion.extract.review import infer_kind, plan_import
from bioregion.store import Store

CORPUS = Path(__file__).parent / "corpus" / "press"


def _candidate(source: str, date: str, quote: str) -> dict:
    return {"source": source, "type": "license", "date": date, "option": False, "evidence": quote, "confidence": 0.9,
            "parties": [{"name": "Orbelix NV", "role": "licensor"}, {"name": "MSD", "role": "licensee"}],
            "terms": [{"component": "upfront", "amount": 30000000, "currency": "USD"}],
            "context": {"title": "Orbelix licenses ORB-1 to MSD",
                        "descriptors": {"Orbelix NV": "Belgian biotech company"}}}


def test_same_alliance_in_two_releases_is_one_relation_with_two_evidence_rows(tmp_path):
    db = tmp_path / "eco.db"
    cands = tmp_path / "cands.jsonl"
    rows = [_candidate("a.txt", "2021-09-02", "Orbelix licensed ORB-1 to MSD."),
            _candidate("b.html", "2021-09-20", "MSD in-licensed ORB-1 from Orbelix."),
            dict(_candidate("c.txt", "2021-09-03", "rejected"), review="reject")]
    cands.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(main, ["review", "--db", str(db), "--accept-file", str(cands)])
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        records = store.load().records()
    assert len(records["relations"]) == 1
    assert len(records["evidence"]) == 2 and len(records["sources"]) == 2
    assert {s["kind"] for s in records["sources"]} == {"press_release"}
    orgs = {o["id"]: o for o in records["organisations"]}
    assert orgs["orbelix"]["kind"] == "new_biotech_firm" and orgs["orbelix"]["country"] == "BE"
    assert orgs["merck-and-co"]["kind"] == "big_pharma"
    assert {(p["organisation_id"], p["role"]) for p in records["parties"]} == {
        ("orbelix", "licensor"), ("merck-and-co", "licensee")}
    # a later report, far outside the window, is another relation
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(_candidate("d.txt", "2023-01-10", "Orbelix and MSD signed a second licence.")) + "\n")
    assert CliRunner().invoke(main, ["review", "--db", str(db), "--accept-file", str(later)]).exit_code == 0
    with Store.open(str(db)) as store:
        assert len(store.load().records()["relations"]) == 2


def test_existing_organisations_are_matched_by_alias():
    existing = {"organisations": [{"id": "glpg", "name": "Galapagos", "aliases": ["GLPG"], "kind": "biotech"}]}
    rows = plan_import([{"source": "x.txt", "type": "rd_collaboration", "date": "2015", "evidence": "q",
                         "parties": [{"name": "Galapagos NV", "role": "partner"},
                                     {"name": "Zeno Therapeutics, Inc.", "role": "partner"}]}], existing)
    assert [o["id"] for o in rows["organisations"]] == ["zeno-therapeutics"]
    assert {p["organisation_id"] for p in rows["parties"]} == {"glpg", "zeno-therapeutics"}


def test_kind_and_country_from_appositions():
    assert infer_kind("Walloon investment company") == ("venture_capital", "BE")
    assert infer_kind("Swedish biotech") == ("new_biotech_firm", "SE")


def test_extract_enqueue_then_review_accepts_interactively(tmp_path):
    db = tmp_path / "eco.db"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(CORPUS / "dev" / "d23_equity_investment.txt"), "--db", str(db),
                                "--enqueue"]).exit_code == 1  # no store yet: a one-line error
    with Store.open(str(db)):
        pass
    queued = runner.invoke(main, ["extract", str(CORPUS / "dev" / "d23_equity_investment.txt"),
                                  str(CORPUS / "dev" / "d02_acq_cash.txt"), "--db", str(db), "--enqueue"])
    assert queued.exit_code == 0, queued.output
    result = runner.invoke(main, ["review", "--db", str(db)], input="a\nr\n")
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        relations = store.load().records()["relations"]
    assert [r["type"] for r in relations] == ["equity_investment"]
    assert Path(str(db) + ".review.jsonl").read_text() == ""


def test_candidates_enqueued_while_a_reviewer_decides_stay_in_the_queue(tmp_path, monkeypatch):
    from bioregion.cli import extract as extract_cli
    from bioregion.extract.review import append_candidates, read_candidates

    db = tmp_path / "eco.db"
    with Store.open(str(db)):
        pass
    queue = Path(str(db) + ".review.jsonl")
    first, second, late = (_candidate(f"{n}.txt", "2021-09-02", n) for n in ("one", "two", "late"))
    append_candidates(queue, [first, second])
    decide = extract_cli._interactive

    def decide_then_someone_enqueues(pending):
        decided = decide(pending)
        append_candidates(queue, [late])  # another process's 'extract --enqueue' meanwhile
        return decided

    monkeypatch.setattr(extract_cli, "_interactive", decide_then_someone_enqueues)
    result = CliRunner().invoke(main, ["review", "--db", str(db)], input="r\ns\n")
    assert result.exit_code == 0, result.output
    assert [r["evidence"] for r in read_candidates(queue)] == ["two", "late"]


def test_the_queue_lock_excludes_other_processes(tmp_path):
    import subprocess
    import sys
    import time

    from bioregion.extract.review import queue_lock

    queue = tmp_path / "q.jsonl"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from bioregion.extract.review import queue_lock\n"
        f"with queue_lock({str(queue)!r}):\n    print('held', flush=True); time.sleep(1.5)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    start = time.monotonic()
    with queue_lock(queue):
        waited = time.monotonic() - start
    holder.wait(timeout=30)
    assert waited > 0.5
