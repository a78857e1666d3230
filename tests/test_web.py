"""The dashboard in-process: pages and JSON twins, the error shape, auth, CSRF, edits, revert, escaping."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from bioregion.store import Store  # noqa: E402
from bioregion.web import create_app  # noqa: E402
from bioregion.web.accounts import add_user, create_token  # noqa: E402

XSS = "<img src=x onerror=alert(1)>"
PAGES = ["/overview", "/orgs", "/orgs/galapagos", "/orgs/galapagos/suggestions", "/relations", "/relations/r1", "/map",
         "/regions", "/changes"]


@pytest.fixture
def app(tmp_path, records):
    records["organisations"].append({"id": "evil", "name": XSS, "kind": "biotech", "region_id": "BE2",
                                     "aliases": XSS, "notes": "</script><script>alert(2)</script>"})
    records["relations"].append({"id": "r5", "type": "rd_collaboration", "date_announced": "2014", "asset": XSS})
    records["parties"] += [{"relation_id": "r5", "organisation_id": "evil", "role": "partner"},
                           {"relation_id": "r5", "organisation_id": "galapagos", "role": "partner"}]
    db = str(tmp_path / "eco.db")
    with Store.open(db) as store:
        store.import_records(records)
    return create_app(db)


@pytest.fixture
def client(app):
    return TestClient(app)


@pytest.fixture
def token(app):
    engine = app.state.store_state.engine
    add_user(engine, "ann", "correct horse")
    return create_token(engine, "ann")


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_has_a_json_twin(client, path):
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = client.get(path + ".json")
    assert twin.status_code == 200 and isinstance(twin.json(), (dict, list))


def test_json_twins_carry_the_data(client):
    orgs = client.get("/orgs.json", params={"sort": "degree"}).json()
    assert orgs["total"] == 6 and orgs["items"][0]["id"] == "galapagos"   # most ties first
    assert client.get("/orgs.json", params={"kind": "big_pharma"}).json()["total"] == 2
    assert client.get("/orgs.json", params={"q": "galapagos nv"}).json()["items"][0]["id"] == "galapagos"
    assert client.get("/orgs.json", params={"region": "US"}).json()["total"] == 2
    licences = client.get("/relations.json", params={"type": "license"}).json()
    assert [r["id"] for r in licences["items"]] == ["r1"]
    assert "upfront USD 300M" in licences["items"][0]["terms_text"]
    assert client.get("/relations.json", params={"year_from": 2010, "year_to": 2014}).json()["total"] == 2
    assert client.get("/relations.json", params={"stage": "phase2"}).json()["total"] == 1
    profile = client.get("/orgs/galapagos.json").json()
    assert profile["pipeline"] == [{"stage": "phase2", "count": 1}]
    assert {p["id"] for p in profile["partners"]} == {"gilead", "abbvie", "evil"}
    assert client.get("/api/orgs/galapagos").json() == profile
    overview = client.get("/overview.json").json()
    assert overview["tables"]["relations"] == 5
    assert sum(y["count"] for y in overview["alliances_by_year"]) == 4 and overview["undated_relations"] == 1
    regions = client.get("/regions.json", params={"region": ["BE", "US"]}).json()["regions"]
    assert regions[0]["organisations"] == 4 and regions[0]["indicators"]["biotech_firms"]["value"] == 297


def test_map_data_and_gexf(client):
    data = client.get("/map.json").json()
    assert data["shown"] == 6 and data["years"] == [2001, 2015]
    assert all(0 <= n["x"] <= 1000 for n in data["nodes"])
    gexf = client.get("/map.gexf")
    assert gexf.status_code == 200 and b"<gexf" in gexf.content and b"galapagos" in gexf.content


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/orgs", "/api/orgs/{org_id}", "/api/relations", "/api/changes/{change_id}/revert"} <= set(paths)
    assert "post" in paths["/api/orgs"] and "patch" in paths["/api/relations/{relation_id}"]


@pytest.mark.parametrize("path", ["/orgs/nope.json", "/api/orgs/nope", "/nowhere", "/api/relations/nope"])
def test_errors_have_one_json_shape(client, path):
    response = client.get(path)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == 404 and error["code"] == "not_found" and error["message"]


def test_a_browser_gets_an_html_error_page(client):
    response = client.get("/orgs/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "no organisation" in response.text


@pytest.mark.parametrize("path", PAGES + ["/orgs/evil", "/relations/r5", "/orgs?q=img"])
def test_hostile_names_are_escaped_on_every_page(client, path):
    html = client.get(path, headers={"accept": "text/html"}).text
    assert "<img src=x" not in html and "<script>alert" not in html


def test_hostile_names_are_safe_in_the_map_data(client):
    html = client.get("/map").text
    blob = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S).group(1)
    assert "<img" not in blob and "\\u003cimg src=x onerror=alert(1)\\u003e" in blob
    assert "</script" not in blob
    assert client.get("/map.json").json()["nodes"][[n["id"] for n in client.get("/map.json").json()["nodes"]].index("evil")]["name"] == XSS
    assert "script-src 'self'" in client.get("/map").headers["content-security-policy"]


def test_anonymous_visitors_cannot_write(client):
    response = client.post("/api/orgs", json={"values": {"name": "X", "kind": "biotech"}})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert client.post("/api/orgs", json={"values": {"name": "X", "kind": "biotech"}},
                       headers=bearer("brt_wrong")).status_code == 401
    assert client.get("/orgs/new", headers={"accept": "text/html"}).status_code == 401


def test_a_private_dashboard_refuses_anonymous_reads(tmp_path, records):
    db = str(tmp_path / "p.db")
    with Store.open(db) as store:
        store.import_records(records)
    client = TestClient(create_app(db, anonymous_read=False))
    assert client.get("/orgs.json").status_code == 401
    engine = client.app.state.store_state.engine
    add_user(engine, "bob", "correct horse")
    assert client.get("/orgs.json", headers=bearer(create_token(engine, "bob"))).status_code == 200


def test_token_edits_are_validated_recorded_and_reversible(client, token):
    bad = client.post("/api/orgs", json={"values": {"name": "X", "kind": "biotek"}}, headers=bearer(token))
    assert bad.status_code == 422 and "did you mean 'biotech'" in bad.json()["error"]["message"]
    made = client.post("/api/orgs", json={"values": {"name": "Argenx", "kind": "new_biotech_firm", "region_id": "BE2"},
                                          "evidence": [{"source_title": "Annual report 2016", "quote": "Ghent"}]},
                       headers=bearer(token))
    assert made.status_code == 201 and made.json()["id"] == "argenx"
    edited = client.patch("/api/orgs/argenx", json={"values": {"founded": "2008"}}, headers=bearer(token))
    assert edited.status_code == 200 and client.get("/api/orgs/argenx").json()["organisation"]["founded"] == "2008"
    change = client.get(f"/api/changes/{edited.json()['change_id']}").json()
    assert change["user"] == "ann" and change["diff"][0]["before"]["founded"] is None
    revert = client.post(f"/api/changes/{edited.json()['change_id']}/revert", headers=bearer(token))
    assert revert.status_code == 200
    assert client.get("/api/orgs/argenx").json()["organisation"]["founded"] is None
    again = client.post(f"/api/changes/{edited.json()['change_id']}/revert", headers=bearer(token))
    assert again.status_code == 409


def test_relations_are_created_deleted_and_merges_revert(client, token):
    made = client.post("/api/relations", json={
        "values": {"type": "license", "date_announced": "2017-03"},
        "parties": [{"organisation_id": "ablynx", "role": "licensor"}, {"organisation_id": "abbvie", "role": "licensee"}],
        "terms": [{"component": "upfront", "amount": 75e6, "currency": "USD"}]}, headers=bearer(token))
    assert made.status_code == 201
    rid = made.json()["id"]
    assert client.get(f"/api/relations/{rid}").json()["terms_text"] == "upfront USD 75M"
    wrong_role = client.patch(f"/api/relations/{rid}", json={"values": {}, "parties": [
        {"organisation_id": "ablynx", "role": "partner"}]}, headers=bearer(token))
    assert wrong_role.status_code == 422 and "role 'partner'" in wrong_role.json()["error"]["message"]
    before = client.get("/api/orgs/galapagos").json()
    merged = client.post("/api/orgs/ablynx/merge", json={"into": "galapagos"}, headers=bearer(token))
    assert merged.status_code == 200 and client.get("/api/orgs/ablynx").status_code == 404
    after = client.get("/api/orgs/galapagos").json()
    assert "Ablynx" in after["organisation"]["aliases"] and len(after["relations"]) > len(before["relations"])
    assert client.post(f"/api/changes/{merged.json()['change_id']}/revert", headers=bearer(token)).status_code == 200
    assert client.get("/api/orgs/galapagos").json() == before
    deleted = client.delete(f"/api/relations/{rid}", headers=bearer(token))
    assert deleted.status_code == 200 and client.get(f"/api/relations/{rid}").status_code == 404


def _login(client):
    page = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/login", data={"name": "ann", "password": "correct horse", "csrf_token": csrf},
                           follow_redirects=False)
    assert response.status_code == 303
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/orgs/new").text).group(1)


def test_login_forms_need_the_csrf_token(client, token):
    csrf = _login(client)
    refused = client.post("/orgs/new", data={"name": "Cross Site", "kind": "biotech"}, follow_redirects=False)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    foreign = client.post("/orgs/new", data={"name": "Cross Site", "kind": "biotech", "csrf_token": csrf},
                          headers={"origin": "http://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403
    assert client.get("/api/orgs", params={"q": "cross site"}).json()["total"] == 0
    saved = client.post("/orgs/new", data={"name": "Celyad", "kind": "new_biotech_firm", "csrf_token": csrf},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/orgs/celyad"
    invalid = client.post("/orgs/celyad/edit", data={"founded": "20xx", "csrf_token": csrf})
    assert invalid.status_code == 422 and "is not a date" in invalid.text


def test_login_refuses_a_wrong_password_and_a_missing_csrf(client, token):
    page = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    assert client.post("/login", data={"name": "ann", "password": "wrong pass", "csrf_token": csrf}).status_code == 401
    assert client.post("/login", data={"name": "ann", "password": "correct horse"}).status_code == 403


def test_large_bodies_are_refused(client, token):
    response = client.post("/api/orgs", content=b"x" * 1_100_000, headers={**bearer(token), "content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"
