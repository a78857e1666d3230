"""The hypotheses, regions, review-queue and relation-edit pages in-process, and the map's palette."""

from __future__ import annotations

import itertools
import json
import math
import re

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from bioregion.cli import main  # noqa: E402
from bioregion.extract.review import queue_path  # noqa: E402
from bioregion.store import Store  # noqa: E402
from bioregion.web import create_app  # noqa: E402
from bioregion.web.accounts import add_user, create_token  # noqa: E402
from bioregion.web.review_queue import candidate_id  # noqa: E402

HOSTILE = "<script>alert('x')</script>"


def candidate(source: str, date: str, quote: str, **changes) -> dict:
    """A queued record as ``bioregion extract --enqueue`` writes it."""
    record = {"source": source, "type": "license", "date": date, "option": False, "evidence": quote,
              "confidence": 0.9, "parties": [{"name": "Orbelix NV", "role": "licensor"},
                                             {"name": "Gilead Sciences", "role": "licensee"}],
              "terms": [{"component": "upfront", "amount": 30000000, "currency": "USD"}],
              "context": {"title": "Orbelix licenses ORB-1 to Gilead",
                          "descriptors": {"Orbelix NV": "Belgian biotech company"}}}
    return {**record, **changes}


def hostile_candidate() -> dict:
    return candidate(f"press/{HOSTILE}.html", "2019-05-02", f"Evil{HOSTILE} partnered with VIB.", type="rd_collaboration",
                     parties=[{"name": f"Evil{HOSTILE} Ltd", "role": "partner"}, {"name": "VIB", "role": "partner"}],
                     terms=[], context={"title": f"<img src=x onerror=alert(1)>{HOSTILE}", "descriptors": {}})


QUEUE = [candidate("press/a.txt", "2021-09-02", "Orbelix licensed ORB-1 to Gilead."),
         candidate("press/b.txt", "2021-09-20", "Gilead in-licensed ORB-1 from Orbelix."),
         hostile_candidate()]


def write_queue(db: str, records: list[dict]) -> None:
    queue_path(db).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def db(tmp_path, records):
    path = str(tmp_path / "eco.db")
    with Store.open(path) as store:
        store.import_records(records)
        add_user(store.engine, "ann", "correct horse")
        add_user(store.engine, "rita", "correct horse", can_edit=False)
    write_queue(path, QUEUE)
    return path


@pytest.fixture
def client(db):
    return TestClient(create_app(db))


def bearer(client, user="ann"):
    return {"Authorization": f"Bearer {create_token(client.app.state.store_state.engine, user)}"}


def login(client, user="ann"):
    """Log in through the form; return the session's CSRF token."""
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/login", data={"name": user, "password": "correct horse", "csrf_token": token},
                           follow_redirects=False)
    assert response.status_code == 303
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review").text).group(1)


def cids(client) -> list[str]:
    return [c["id"] for c in client.get("/review.json").json()["items"]]


def store_records(db: str) -> dict:
    with Store.open(db) as store:
        return store.load().records()


# -- every new page, its JSON twin and the navigation ------------------------------------------

@pytest.mark.parametrize("path", ["/hypotheses", "/review", "/review/{cid}", "/regions"])
def test_new_pages_render_with_json_twins_and_navigation(client, path):
    path = path.format(cid=candidate_id(QUEUE[0]))
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'href="/hypotheses"' in page.text and 'href="/review"' in page.text
    twin = client.get(path + ".json")
    assert twin.status_code == 200 and isinstance(twin.json(), dict)


def test_hypotheses_page_shows_what_the_cli_computes(client, db):
    data = client.get("/hypotheses.json").json()
    cli = CliRunner().invoke(main, ["analyze", "hypotheses", "--db", db, "--format", "json"])
    assert cli.exit_code == 0, cli.output

    def finite(value):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dict):
            return {k: finite(v) for k, v in value.items()}
        return [finite(v) for v in value] if isinstance(value, list) else value

    assert data["hypotheses"] == finite(json.loads(cli.output))
    assert [h["id"] for h in data["hypotheses"]] == ["H1", "H2", "H3", "H4"]
    html = client.get("/hypotheses", headers={"accept": "text/html"}).text
    for h in data["hypotheses"]:
        assert f'id="{h["id"]}"' in html and h["statistic"] in html.replace("&gt;", ">")
        assert all(c.replace("'", "&#39;") in html for c in h["caveats"])
    wider = client.get("/hypotheses.json", params={"window": 30, "alpha": 0.1}).json()
    assert wider["window"] == 30 and wider["alpha"] == 0.1
    assert client.get("/hypotheses.json", params={"alpha": 2}).status_code == 422


def test_regions_show_triple_helix_and_brokerage_from_the_analysis(client, db):
    from bioregion.analysis.brokerage import brokerage_roles
    from bioregion.analysis.triple_helix import triple_helix_table

    eco = Store.open(db).load()
    regions = {r["id"]: r for r in client.get("/regions.json", params={"region": ["BE", "US"]}).json()["regions"]}
    table = triple_helix_table(eco, by="region").set_index("region")
    for rid in ("BE", "US"):
        for key in ("T", "T_ui", "T_ug", "T_ig"):
            assert regions[rid]["triple_helix"][key] == pytest.approx(table.loc[rid, key], abs=1e-6)
        assert regions[rid]["triple_helix"]["n"] == table.loc[rid, "n"]
    roles = brokerage_roles(eco.graph(), group="region")
    members = {"BE": {"galapagos", "vib", "ablynx"}, "US": {"gilead", "abbvie"}}
    for rid, orgs in members.items():
        for role in ("coordinator", "itinerant", "representative", "gatekeeper", "liaison"):
            assert regions[rid]["brokerage"]["roles"][role]["count"] == roles.loc[sorted(orgs), role].sum()
        top = regions[rid]["brokerage"]["top_brokers"][0]
        assert top["total"] == roles.loc[sorted(orgs), "total"].max() == roles.loc[top["id"], "total"]
    html = client.get("/regions", params={"region": ["BE", "US"]}, headers={"accept": "text/html"}).text
    assert "T(UIG)" in html and "gatekeeper" in html and "Gould &amp; Fernandez" in html


# -- the review queue ----------------------------------------------------------------------

def test_anonymous_visitors_read_the_queue_but_cannot_act(client):
    html = client.get("/review", headers={"accept": "text/html"}).text
    assert "Orbelix licensed ORB-1 to Gilead." in html and "/accept" not in html and "/reject" not in html
    first = cids(client)[0]
    assert client.post(f"/review/{first}/accept").status_code == 401
    assert client.post(f"/api/review/{first}/reject").status_code == 401
    assert client.post(f"/api/review/{first}/accept", headers=bearer(client, "rita")).status_code == 403
    assert len(cids(client)) == 3


def test_scraped_text_is_escaped_before_and_after_acceptance(client):
    hostile = candidate_id(hostile_candidate())
    for path in ("/review", f"/review/{hostile}"):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    accepted = client.post(f"/api/review/{hostile}/accept", headers=bearer(client))
    assert accepted.status_code == 200, accepted.text
    relation_id, change = accepted.json()["relation_id"], accepted.json()["change_id"]
    evil = next(o["id"] for o in client.get("/orgs.json", params={"q": "evil"}).json()["items"])
    for path in (f"/relations/{relation_id}", f"/orgs/{evil}", f"/changes/{change}", "/changes", "/relations",
                 "/orgs", "/map"):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
    assert HOSTILE in client.get(f"/relations/{relation_id}.json").json()["evidence"][0]["quote"]


def test_accepting_through_the_form_needs_csrf_and_is_recorded_and_reversible(client, db):
    csrf = login(client)
    first = cids(client)[0]
    refused = client.post(f"/review/{first}/accept", data={}, follow_redirects=False)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    foreign = client.post(f"/review/{first}/accept", data={"csrf_token": csrf}, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403 and len(cids(client)) == 3
    accepted = client.post(f"/review/{first}/accept", data={"csrf_token": csrf}, follow_redirects=False)
    assert accepted.status_code == 303 and accepted.headers["location"].startswith("/review?accepted=")
    change_id = int(accepted.headers["location"].split("=")[1])
    change = client.get(f"/api/changes/{change_id}").json()
    assert change["user"] == "ann" and change["action"] == "accept_candidate" and change["at"]
    assert first not in cids(client) and len(cids(client)) == 2
    records = store_records(db)
    relation = next(r for r in records["relations"] if r["id"].startswith("rel-license-"))
    assert relation["date_announced"] == "2021-09-02"
    assert {o["id"] for o in records["organisations"]} >= {"orbelix"}
    assert [e["quote"] for e in records["evidence"] if e["subject_id"] == relation["id"]] == [
        "Orbelix licensed ORB-1 to Gilead."]
    assert f"change #{change_id}" in client.get(accepted.headers["location"]).text
    reverted = client.post(f"/changes/{change_id}/revert", data={"csrf_token": csrf}, follow_redirects=False)
    assert reverted.status_code == 303
    after = store_records(db)
    assert not any(r["id"] == relation["id"] for r in after["relations"])
    assert "orbelix" not in {o["id"] for o in after["organisations"]}


def test_the_web_stores_accepted_candidates_exactly_as_bioregion_review(tmp_path, records, client, db):
    cli_db = str(tmp_path / "cli.db")
    with Store.open(cli_db) as store:
        store.import_records(records)
    accept_file = tmp_path / "accept.jsonl"
    accept_file.write_text("".join(json.dumps(r) + "\n" for r in QUEUE[:2]))
    result = CliRunner().invoke(main, ["review", "--db", cli_db, "--accept-file", str(accept_file)])
    assert result.exit_code == 0, result.output
    for record in QUEUE[:2]:
        assert client.post(f"/api/review/{candidate_id(record)}/accept", headers=bearer(client)).status_code == 200
    web, cli = store_records(db), store_records(cli_db)
    assert web == cli
    assert len([r for r in web["relations"] if r["id"].startswith("rel-")]) == 1      # the two reports merged
    assert len([e for e in web["evidence"] if e["subject_id"].startswith("rel-")]) == 2
    again = client.post(f"/api/review/{candidate_id(QUEUE[0])}/accept", headers=bearer(client))
    assert again.status_code == 404                                                   # it left the queue


def test_edit_then_accept_stores_the_reviewers_values(client, db):
    csrf = login(client)
    first = candidate_id(QUEUE[0])
    form = {"csrf_token": csrf, "type": "license", "date": "2021-09-03", "option": "true",
            "party_name_0": "Orbelix NV", "party_role_0": "licensee", "party_name_1": "Gilead Sciences",
            "party_role_1": "licensor", "party_name_2": "", "party_role_2": "",
            "terms": "upfront 35000000 USD\nmilestones 100000000 USD"}
    wrong = client.post(f"/review/{first}/accept", data={**form, "party_role_0": "partner"})
    assert wrong.status_code == 422 and "role &#39;partner&#39; of Orbelix NV does not fit a license" in wrong.text
    undisclosed = client.post(f"/review/{first}/accept", data={**form, "terms": "royalty undisclosed"})
    assert undisclosed.status_code == 422 and "needs an amount" in undisclosed.text
    bad_date = client.post(f"/review/{first}/accept", data={**form, "date": "Sept 2021"})
    assert bad_date.status_code == 422 and first in cids(client)
    saved = client.post(f"/review/{first}/accept", data=form, follow_redirects=False)
    assert saved.status_code == 303
    records = store_records(db)
    relation = next(r for r in records["relations"] if r["id"].startswith("rel-license-"))
    assert relation["date_announced"] == "2021-09-03" and relation["option"] is True
    roles = {(p["organisation_id"], p["role"]) for p in records["parties"] if p["relation_id"] == relation["id"]}
    assert roles == {("orbelix", "licensee"), ("gilead", "licensor")}
    terms = {t["component"]: t["amount"] for t in records["terms"] if t["relation_id"] == relation["id"]}
    assert terms == {"upfront": 35e6, "milestones": 100e6}


def test_reject_keeps_the_candidate_aside_with_who_and_when(client, db):
    first = cids(client)[0]
    rejected = client.post(f"/api/review/{first}/reject", headers=bearer(client))
    assert rejected.status_code == 200 and first not in cids(client)
    aside = [json.loads(line) for line in open(str(queue_path(db)).replace(".jsonl", ".rejected.jsonl"))]
    assert aside[0]["review"] == "reject" and aside[0]["reviewed_by"] == "ann" and aside[0]["reviewed_at"]
    csrf = login(client)
    second = cids(client)[0]
    assert client.post(f"/review/{second}/reject", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    assert cids(client) == [candidate_id(hostile_candidate())]
    assert store_records(db)["relations"] == Store.open(db).load().records()["relations"]


def test_api_accept_with_edits_and_errors(client):
    first = candidate_id(QUEUE[0])
    bad = client.post(f"/api/review/{first}/accept", headers=bearer(client), json={"type": "licence"})
    assert bad.status_code == 422 and "unknown relation type 'licence'" in bad.json()["error"]["message"]
    ok = client.post(f"/api/review/{first}/accept", headers=bearer(client), json={
        "type": "co_development", "parties": [{"name": "Orbelix NV", "role": "partner"},
                                              {"name": "Gilead Sciences", "role": "partner"}]})
    assert ok.status_code == 200 and ok.json()["relation_id"].startswith("rel-co_development-")
    assert client.get(f"/api/relations/{ok.json()['relation_id']}").json()["type"] == "co_development"
    assert client.get("/api/review").json()["total"] == 2
    assert client.get("/review/nope.json").status_code == 404


def test_an_empty_or_missing_queue_is_an_empty_page(client, db):
    queue_path(db).unlink()
    assert client.get("/review.json").json()["total"] == 0
    assert "The queue is empty" in client.get("/review", headers={"accept": "text/html"}).text


# -- editing a relation ------------------------------------------------------------------------

def test_relation_edit_form_needs_an_editor_and_csrf(client):
    assert client.get("/relations/r1/edit", headers={"accept": "text/html"}).status_code == 401
    login(client, "rita")
    assert client.get("/relations/r1/edit", headers={"accept": "text/html"}).status_code == 403
    client.cookies.clear()
    csrf = login(client)
    page = client.get("/relations/r1/edit")
    assert page.status_code == 200 and "galapagos licensor\ngilead licensee" in page.text
    assert "upfront 300000000 USD" in page.text and "royalty undisclosed" in page.text
    refused = client.post("/relations/r1/edit", data={"type": "license", "date_announced": "2016"})
    assert refused.status_code == 403 and csrf


def test_relation_edit_is_saved_recorded_and_reversible(client):
    csrf = login(client)
    before = client.get("/api/relations/r1").json()
    evidence_before = client.get("/relations/r1.json").json()["evidence"]
    form = {"csrf_token": csrf, "type": "license", "date_announced": "2015-12-17", "date_ended": "",
            "status": "active", "stage_at_signing": "phase3", "option": "false", "asset": "filgotinib",
            "therapeutic_area": "inflammation", "territory": "worldwide", "notes": "",
            "parties": "galapagos licensor\ngilead licensee\nvib licensor",
            "terms": "upfront 300000000 USD\nroyalty 20 %",
            "remove_evidence": evidence_before[0]["id"], "source_title": "Galapagos press release 16 Dec 2015",
            "quote": "Gilead will pay USD 300 million"}
    invalid = client.post("/relations/r1/edit", data={**form, "date_announced": "someday"})
    assert invalid.status_code == 422 and "is not a date" in invalid.text and "vib licensor" in invalid.text
    saved = client.post("/relations/r1/edit", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/relations/r1"
    after = client.get("/relations/r1.json").json()
    assert (after["date"], after["stage"], after["status"], after["territory"]) == (
        "2015-12-17", "phase3", "active", "worldwide")
    assert {(p["id"], p["role"]) for p in after["parties"]} == {
        ("galapagos", "licensor"), ("gilead", "licensee"), ("vib", "licensor")}
    assert set(after["terms_text"].split("; ")) == {"upfront USD 300M", "royalty 20%"}
    assert [e["quote"] for e in after["evidence"]] == ["Gilead will pay USD 300 million"]
    change = client.get("/api/changes").json()[0]
    assert change["user"] == "ann" and change["action"] == "update_relation"
    assert client.post(f"/changes/{change['id']}/revert", data={"csrf_token": csrf}).status_code == 200
    assert client.get("/api/relations/r1").json() == before
    assert client.get("/relations/r1.json").json()["evidence"] == evidence_before


def test_the_relation_page_links_to_its_edit_form_for_editors(client):
    assert "/relations/r1/edit" not in client.get("/relations/r1", headers={"accept": "text/html"}).text
    login(client)
    assert 'href="/relations/r1/edit"' in client.get("/relations/r1", headers={"accept": "text/html"}).text


# -- the map's colours -------------------------------------------------------------------------

_CVD = {  # Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
}


def _lab(colour: str, matrix) -> tuple[float, float, float]:
    srgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    rgb = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix]
    xyz = [sum(m * c for m, c in zip(row, rgb)) / white for row, white in zip(
        ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505)), (0.95047, 1.0, 1.08883))]
    f = [v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116 for v in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_each_kind_has_its_own_colour_told_apart_within_its_sphere():
    from bioregion.taxonomy import ORGANISATION_KINDS
    from bioregion.web.palette import KIND_COLOURS, map_palette

    assert set(KIND_COLOURS) == set(ORGANISATION_KINDS)
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)
    kinds = map_palette()["kinds"]
    for sphere in {k["sphere"] for k in kinds.values()}:
        colours = [k["colour"] for k in kinds.values() if k["sphere"] == sphere]
        assert len({k["shape"] for k in kinds.values() if k["sphere"] == sphere}) == 1
        for a, b in itertools.combinations(colours, 2):
            for name, matrix in _CVD.items():
                assert math.dist(_lab(a, matrix), _lab(b, matrix)) >= 15, (sphere, a, b, name)
    assert len({k["shape"] for k in kinds.values()}) == 5


def test_the_map_data_carries_the_palette(client):
    from bioregion.web.palette import map_palette

    assert client.get("/map.json").json()["palette"] == map_palette()
