"""Serving at speed stays correct: several workers see each other's edits, cached pages end with their snapshot."""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

import httpx  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from bioregion.cli import main  # noqa: E402
from bioregion.store import Store  # noqa: E402
from bioregion.web import create_app  # noqa: E402
from bioregion.web.accounts import add_user, create_token  # noqa: E402
from bioregion.web.serving import SERVE_ENVIRONMENT, app_from_environment  # noqa: E402
from bioregion.web.page_cache import PageCache  # noqa: E402
from bioregion.web.render import make_templates  # noqa: E402


@pytest.fixture
def db(tmp_path, records):
    path = str(tmp_path / "eco.db")
    with Store.open(path) as store:
        store.import_records(records)
    return path


def test_an_edit_through_one_worker_is_seen_by_the_next_request_to_another(db):
    # two apps on one store stand for two `bioregion serve --workers 2` processes; no periodic recheck helps here
    one, two = (TestClient(create_app(db, recheck_seconds=3600)) for _ in range(2))
    token = create_token(one.app.state.store_state.engine, add_user(one.app.state.store_state.engine, "ann",
                                                                    "correct horse").name)
    assert "Leuven" not in two.get("/orgs/galapagos").text          # the page is now cached in worker two
    edit = one.patch("/api/orgs/galapagos", json={"values": {"city": "Leuven"}},
                     headers={"Authorization": f"Bearer {token}"})
    assert edit.status_code == 200
    assert "Leuven" in two.get("/orgs/galapagos").text
    assert two.get("/api/orgs/galapagos").json()["organisation"]["city"] == "Leuven"
    one.post(f"/api/changes/{edit.json()['change_id']}/revert", headers={"Authorization": f"Bearer {token}"})
    assert "Leuven" not in two.get("/orgs/galapagos").text


def test_cached_pages_are_kept_per_requester(db):
    client = TestClient(create_app(db))
    engine = client.app.state.store_state.engine
    token = create_token(engine, add_user(engine, "ann", "correct horse").name)
    anonymous = client.get("/orgs").text
    assert "Log in" in anonymous and client.get("/orgs").text == anonymous
    signed_in = client.get("/orgs", headers={"Authorization": f"Bearer {token}"}).text
    assert "ann" in signed_in and "New organisation" in signed_in
    assert "New organisation" not in client.get("/orgs").text
    assert client.get("/orgs", params={"sort": "degree"}).text != anonymous


def test_the_page_cache_drops_the_least_recently_used_pages():
    cache = PageCache(max_bytes=400)
    for name in "abc":
        cache.put((name,), b"x" * 100)
    assert cache.get(("a",)) is not None                 # now the most recently used
    cache.put(("d",), b"x" * 100)
    cache.put(("e",), b"x" * 100)
    assert cache.get(("b",)) is None and cache.get(("a",)) is not None and cache.size <= 400
    cache.put(("huge",), b"x" * 200)                     # over a quarter of the bound: not kept
    assert cache.get(("huge",)) is None


def test_templates_read_dict_keys_as_plain_jinja_does():
    import jinja2

    source = ("{{ row.name }}|{{ row['items'] | length }}|{{ row.items() | list | length }}|{{ row.keys is callable }}|"
              "{{ row.missing }}|{{ row.name.upper() }}")
    row = {"name": "VIB", "items": [1, 2, 3]}
    expected = jinja2.Environment(autoescape=True).from_string(source).render(row=row)
    assert make_templates().env.from_string(source).render(row=row) == expected == "VIB|3|2|True||VIB"


def test_serve_starts_workers_from_the_environment(db, monkeypatch):
    monkeypatch.setenv(SERVE_ENVIRONMENT, json.dumps({"store_url": db, "anonymous_read": False}))
    client = TestClient(app_from_environment())
    assert client.get("/orgs.json").status_code == 401
    result = CliRunner().invoke(main, ["serve", "--db", db, "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_a_served_snapshot_is_kept_out_of_garbage_collection(db):
    thresholds = gc.get_threshold()
    try:
        app = create_app(db, preload=True)
        assert gc.get_freeze_count() > 0
        assert app.state.store_state.snapshot().orgs
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _running(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (not gone, not a zombie)."""
    stats = {p: Path(f"/proc/{p}/stat") for p in pids}
    return {p for p, stat in stats.items() if stat.exists() and stat.read_text().split()[2] != "Z"}


def _wait_until_serving(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/overview.json").raise_for_status()
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_two_worker_processes_serve_one_store_and_stop_cleanly(db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Store.open(db) as store:
        token = create_token(store.engine, add_user(store.engine, "ann", "correct horse").name)
    command = [sys.executable, "-m", "bioregion", "serve", "--db", db, "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, server)
        children = {int(p) for p in subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                                   text=True).stdout.split()}
        assert len(children) >= 2
        edit = httpx.patch(base + "/api/orgs/galapagos", json={"values": {"city": "Leuven"}},
                           headers={"Authorization": f"Bearer {token}"})
        assert edit.status_code == 200
        # each request on a new connection: the kernel spreads them over both workers
        assert all("Leuven" in httpx.get(base + "/orgs/galapagos").text for _ in range(20))
    finally:
        server.terminate()
        assert server.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while _running(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(children)
