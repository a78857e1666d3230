"""End to end in headless Chromium: every page, the map's time slider, a profile, a login and an edit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import mini_records  # noqa: E402

from bioregion.store import Store  # noqa: E402

from .conftest import start_server  # noqa: E402

pytestmark = pytest.mark.browser
PAGES = ["/overview", "/orgs", "/orgs/galapagos", "/relations", "/relations/r1", "/map", "/regions", "/changes", "/login"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from bioregion.web import create_app
    from bioregion.web.accounts import add_user

    db = str(tmp_path_factory.mktemp("e2e") / "eco.db")
    records = mini_records()
    records["organisations"].append({"id": "evil", "name": "<img src=x onerror=alert(1)>", "kind": "biotech"})
    with Store.open(db) as store:
        store.import_records(records)
        add_user(store.engine, "ann", "correct horse")
    base, stop = start_server(create_app(db))
    yield base
    stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append("dialog: " + d.message))
    yield page
    context.close()
    assert not errors, errors


def test_every_page_opens_without_script_errors(server, page):
    for path in PAGES:
        response = page.goto(server + path)
        assert response.status == 200, path
        assert page.locator("h1").first.inner_text().strip(), path


def test_map_draws_and_the_time_slider_filters_ties(server, page):
    page.goto(server + "/map")
    page.wait_for_selector("#cy[data-ready='1']", timeout=15000)
    visible = "() => window.bioregionMap.edges().filter(e => !e.hasClass('hidden')).length"
    all_edges = page.evaluate(visible)
    assert all_edges > 0
    page.locator("#year").fill("2005")
    page.locator("#year").dispatch_event("input")
    assert page.locator("#year-value").inner_text() == "2005"
    assert page.evaluate(visible) < all_edges
    page.select_option("#colour-by", "community")
    assert page.locator("#legend div").count() >= 1
    page.evaluate("() => window.bioregionMap.nodes().filter(n => n.data('org') === 'galapagos')[0].emit('tap')")
    page.wait_for_url("**/orgs/galapagos")
    assert page.locator("h1").inner_text() == "Galapagos"
    assert page.locator("svg.chart rect").count() >= 1          # pipeline chart


def test_log_in_and_edit_an_organisation(server, page):
    page.goto(server + "/login")
    page.fill("input[name=name]", "ann")
    page.fill("input[name=password]", "correct horse")
    page.click("form.stack button")
    page.wait_for_url("**/overview")
    page.goto(server + "/orgs/vib/edit")
    page.fill("input[name=city]", "Ghent")
    page.fill("input[name=source_title]", "VIB annual report 2016")
    page.click("form.stack button")
    page.wait_for_url("**/orgs/vib")
    assert "Ghent" in page.locator("p.facts").inner_text()
    page.goto(server + "/changes")
    assert "update organisation vib" in page.locator("table").inner_text()
    page.click("text=Revert")
    page.wait_for_url("**/changes/*")
    page.goto(server + "/orgs/vib")
    assert "Ghent" not in page.locator("p.facts").inner_text()
