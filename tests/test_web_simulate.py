"""The simulation page and API in-process: levers, limits, who may run, CSRF, progress, charts, the error shape."""

from __future__ import annotations

import re
from concurrent.futures import Executor, Future

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from bioregion.store import Store  # noqa: E402
from bioregion.web import create_app  # noqa: E402
from bioregion.web.accounts import add_user, create_token  # noqa: E402
from bioregion.web.levers import Limits  # noqa: E402
from bioregion.web.simulate_views import SIMULATE_CSRF_COOKIE  # noqa: E402
from bioregion.web.simulations import SimulationRunner  # noqa: E402

SMALL = {"scenario": "beijing-north-south-synergy", "years": 3, "replicates": 2, "seed": 4}


class Inline(Executor):
    """Runs each submitted run at once, in the test's thread."""

    def submit(self, fn, *args, **kwargs):
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


class Parked(Executor):
    """Keeps submitted runs queued, never running them."""

    def __init__(self):
        self.parked = []

    def submit(self, fn, *args, **kwargs):
        self.parked.append((fn, args))
        return Future()


def _app(tmp_path, records, executor=None, limits=None, **options):
    db = str(tmp_path / "eco.db")
    with Store.open(db) as store:
        store.import_records(records)
    app = create_app(db, **options)
    app.state.simulations = SimulationRunner(limits or Limits(), executor or Inline())
    return app


@pytest.fixture
def app(tmp_path, records):
    return _app(tmp_path, records)


@pytest.fixture
def client(app):
    client = TestClient(app)
    client.get("/simulate")                       # sets the CSRF cookie anonymous visitors send back
    return client


def _csrf(client):
    return {"X-CSRF-Token": client.cookies.get(SIMULATE_CSRF_COOKIE)}


def _start(client, body=None, **headers):
    return client.post("/api/simulations", json=body or SMALL, headers={**_csrf(client), **headers})


def test_the_page_shows_the_levers_of_the_chosen_scenario(client):
    page = client.get("/simulate", params={"scenario": "interregional-megacluster"}, headers={"accept": "text/html"})
    assert page.status_code == 200 and 'href="/simulate"' in page.text
    assert 'name="policy.megacluster.distance_factor"' in page.text and 'name="policy.vib.budget_musd"' in page.text
    assert 'name="policy.rd-tax-credit.rate"' in page.text
    twin = client.get("/simulate.json", params={"scenario": "interregional-megacluster"}).json()
    levers = {p["id"]: p for p in twin["scenario"]["policies"]}
    assert levers["vib"]["values"] == {"start": 2000, "end": 2030, "budget": 2.4e9}
    assert levers["vib"]["bounds"]["budget"] == [0, 4 * 2.4e9] and twin["max_replicates"] == 10
    assert {s["name"] for s in client.get("/api/scenarios").json()["scenarios"]} >= {"baseline-belgium"}


def test_a_run_compares_with_the_baseline_and_draws_the_charts(client):
    started = _start(client, {**SMALL, "policies": {"zgc-research": {"budget": 0}, "north-south-synergy": {"start": 2006}}})
    assert started.status_code == 202, started.text
    run = client.get(started.headers["location"]).json()
    assert run["status"] == "done" and run["done"] == run["total"] == 4
    assert run["changes"] == {"zgc-research": {"budget": 0.0}, "north-south-synergy": {"start": 2006}}
    assert run["changed"] == "beijing-north-south-synergy with your levers"
    results = run["results"]
    assert results["scenarios"] == ["beijing-north-south-synergy", run["changed"]]
    assert len(results["series"]["firms_alive"][run["changed"]]["median"]) == 3
    assert {row["metric"] for row in results["outcomes"]} >= {"firms_alive", "capital_raised", "ipos"}
    assert [c["key"] for c in run["charts"]] == ["firms-by-region", "firms-by-model", "alliances", "exits", "capital",
                                                 "changes"]
    chart = client.get(run["charts"][0]["url"])
    assert chart.headers["content-type"].startswith("image/svg+xml") and chart.text.startswith("<?xml")
    assert "style-src 'unsafe-inline'" in chart.headers["content-security-policy"]
    assert chart.headers["content-security-policy"].count("default-src") == 1
    page = client.get(run["url"], headers={"accept": "text/html"})
    assert page.text.count('class="sim-chart"') == 6 and "zgc-research: budget 0 USD" in page.text
    assert client.get(run["url"] + ".json").json()["id"] == run["id"]
    assert client.get("/changes.json").json()["items"] == []       # a run never writes to the store


def test_unchanged_levers_reuse_the_cached_baseline(client):
    first = _start(client).json()
    assert first["total"] == 2 and first["changes"] == {}
    second = _start(client, {**SMALL, "policies": {"yizhuang-grants": {"end": 2006}}}).json()
    assert second["total"] == 2          # only the changed scenario is simulated
    again = client.get(f"/api/simulations/{first['id']}").json()
    assert all(row["change"] == 0 for row in again["results"]["outcomes"])


@pytest.mark.parametrize("body, field", [
    ({**SMALL, "years": 99}, "years"),
    ({**SMALL, "replicates": 11}, "replicates"),
    ({**SMALL, "scenario": "atlantis"}, "scenario"),
    ({**SMALL, "policies": {"nope": {"budget": 1}}}, "policies"),
    ({**SMALL, "policies": {"zgc-research": {"budget": 1e12}}}, "policies.zgc-research.budget"),
    ({**SMALL, "policies": {"zgc-research": {"rate": 0.5}}}, "policies.zgc-research.rate"),
    ({**SMALL, "policies": {"zgc-research": {"start": 2030, "end": 2010}}}, "policies.zgc-research.end"),
])
def test_out_of_bounds_requests_are_422_naming_the_field(client, body, field):
    response = _start(client, body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and f"field '{field}'" in error["message"]
    assert set(response.json()) == {"error"}


def test_anonymous_runs_need_the_csrf_cookie_and_get_fewer_replicates(app, client, tmp_path):
    assert client.post("/api/simulations", json=SMALL).status_code == 403
    assert client.post("/api/simulations", json=SMALL, headers={"X-CSRF-Token": "guess"}).status_code == 403
    foreign = _start(client, origin="http://evil.example")
    assert foreign.status_code == 403 and foreign.json()["error"]["code"] == "csrf_failed"
    assert "log in for more" in _start(client, {**SMALL, "replicates": 12}).json()["error"]["message"]
    engine = app.state.store_state.engine
    add_user(engine, "ann", "correct horse")
    token = create_token(engine, "ann")
    scripted = TestClient(app).post("/api/simulations", json={**SMALL, "replicates": 12},
                                    headers={"Authorization": f"Bearer {token}"})
    assert scripted.status_code == 202 and scripted.json()["replicates"] == 12


def test_the_form_starts_a_run_and_shows_errors_in_place(client):
    page = client.get("/simulate", params={"scenario": SMALL["scenario"]}, headers={"accept": "text/html"})
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    form = {"csrf_token": token, "scenario": SMALL["scenario"], "years": "2", "replicates": "2", "seed": "1",
            "policy.zgc-incubators.budget_musd": "600"}
    started = client.post("/simulate", data=form, follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"].startswith("/simulate/runs/")
    run = client.get(started.headers["location"] + ".json").json()
    assert run["changes"] == {"zgc-incubators": {"budget": 6e8}}
    bad = client.post("/simulate", data={**form, "years": "500"}, headers={"accept": "text/html"})
    assert bad.status_code == 422 and "field &#39;years&#39;: 500 is not between 1 and 40" in bad.text
    assert 'value="500"' in bad.text
    assert client.post("/simulate", data={**form, "csrf_token": "x"}).status_code == 403


def test_limits_on_runs_going_at_once(tmp_path, records):
    parked = Parked()
    app = _app(tmp_path, records, parked, Limits(max_active=2))
    one, two = TestClient(app), TestClient(app)
    one.get("/simulate")
    assert _start(one).status_code == 202
    again = _start(one)
    assert again.status_code == 429 and "you have a simulation going" in again.json()["error"]["message"]
    engine = app.state.store_state.engine
    add_user(engine, "ann", "correct horse")
    add_user(engine, "bob", "correct horse")
    ann = two.post("/api/simulations", json=SMALL, headers={"Authorization": f"Bearer {create_token(engine, 'ann')}"})
    assert ann.status_code == 202
    busy = two.post("/api/simulations", json=SMALL, headers={"Authorization": f"Bearer {create_token(engine, 'bob')}"})
    assert busy.status_code == 429 and busy.headers["retry-after"] == "30"
    queued = one.get(f"/simulate/runs/{_first_id(app)}", headers={"accept": "text/html"})
    assert 'id="sim-progress"' in queued.text and "0 of 2 replicates" in queued.text
    fn, args = parked.parked[0]
    fn(*args)                                          # the worker picks the first run up
    assert one.get(f"/api/simulations/{_first_id(app)}").json()["status"] == "done"
    assert _start(one).status_code == 202              # a finished run frees its slot


def _first_id(app):
    return next(iter(app.state.simulations._runs))


def test_who_may_run(tmp_path, records):
    off = TestClient(_app(tmp_path / "off", records, simulations="off"))
    off.get("/simulate")
    refused = _start(off)
    assert refused.status_code == 403 and "switched off" in refused.json()["error"]["message"]
    assert "switched off" in off.get("/simulate", headers={"accept": "text/html"}).text
    users = _app(tmp_path / "users", records, simulations="users")
    client = TestClient(users)
    client.get("/simulate")
    assert _start(client).status_code == 401
    private = TestClient(_app(tmp_path / "private", records, anonymous_read=False))
    assert private.get("/simulate.json").status_code == 401


def test_a_run_past_its_deadline_fails_with_one_line(tmp_path, records):
    client = TestClient(_app(tmp_path, records, limits=Limits(deadline_seconds=0)))
    client.get("/simulate")
    run = _start(client).json()
    failed = client.get(run["url"] + ".json").json()
    assert failed["status"] == "failed" and failed["error"].startswith("stopped after 0 s")
    assert "The run failed: stopped after" in client.get(run["url"], headers={"accept": "text/html"}).text


def test_unknown_runs_and_charts_are_404(client):
    missing = client.get("/api/simulations/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    run = _start(client).json()
    assert client.get(f"/simulate/runs/{run['id']}/nope.svg").status_code == 404
    assert client.get("/openapi.json").json()["paths"]["/api/simulations"]["post"]
