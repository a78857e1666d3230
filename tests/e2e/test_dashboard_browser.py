"""End to end in headless Chromium: every page, the map's time slider and legend, a profile, a login and
edits: an organisation, a relation, and a candidate accepted from the review queue."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import mini_records  # noqa: E402

from bioregion.extract.review import queue_path  # noqa: E402
from bioregion.store import Store  # noqa: E402
from bioregion.web.review_queue import candidate_id  # noqa: E402

from .conftest import start_server  # noqa: E402

pytestmark = pytest.mark.browser
PAGES = ["/overview", "/orgs", "/orgs/galapagos", "/relations", "/relations/r1", "/map", "/regions", "/changes", "/login",
         "/hypotheses", "/review"]
CANDIDATES = [
    {"source": "press/orbelix.txt", "type": "license", "date": "2021-09-02", "option": False, "confidence": 0.9,
     "evidence": "Orbelix licensed ORB-1 to Gilead.", "parties": [{"name": "Orbelix NV", "role": "licensor"},
                                                                   {"name": "Gilead Sciences", "role": "licensee"}],
     "terms": [{"component": "upfront", "amount": 30000000, "currency": "USD"}],
     "context": {"title": "Orbelix licenses ORB-1", "descriptors": {"Orbelix NV": "Belgian biotech company"}}},
    {"source": "press/<script>alert(3)</script>.html", "type": "rd_collaboration", "date": "2019", "option": False,
     "confidence": 0.5, "evidence": "Evil<img src=x onerror=alert(4)> works with VIB.<script>alert(5)</script>",
     "parties": [{"name": "Evil<script>alert(6)</script>", "role": "partner"}, {"name": "VIB", "role": "partner"}],
     "terms": [], "context": {"title": "<script>alert(7)</script>", "descriptors": {}}},
]


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
    queue_path(db).write_text("".join(json.dumps(c) + "\n" for c in CANDIDATES), encoding="utf-8")
    base, stop = start_server(create_app(db))
    yield base
    stop()


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


def log_in(server, page) -> None:
    page.goto(server + "/login")
    page.fill("input[name=name]", "ann")
    page.fill("input[name=password]", "correct horse")
    page.click("form.stack button")
    page.wait_for_url("**/overview")


def test_every_new_page_is_in_the_navigation(server, page):
    page.goto(server + "/overview")
    for label, path in (("Hypotheses", "/hypotheses"), ("Review", "/review")):
        page.click(f"header nav >> text={label}")
        page.wait_for_url("**" + path)
        assert page.locator("h1").first.inner_text().strip()
    assert page.locator("section.hypothesis").count() == 0
    page.goto(server + "/hypotheses")
    assert page.locator("section.hypothesis").count() == 4
    page.goto(server + "/regions?region=BE&region=US")
    assert "T(UIG)" in page.locator("table.compare").inner_text()
    page.goto(server + "/review/" + candidate_id(CANDIDATES[1]))      # hostile text shows as text, runs nothing
    assert "<script>alert(5)</script>" in page.locator("blockquote").inner_text()


def test_map_legend_gives_each_kind_its_own_colour(server, page):
    page.goto(server + "/map")
    page.wait_for_selector("#cy[data-ready='1']", timeout=15000)
    legend = page.evaluate("() => [...document.querySelectorAll('#legend div')].map(d => "
                           "[d.textContent, getComputedStyle(d.querySelector('i')).backgroundColor])")
    colours = [c for _, c in legend]
    assert len(legend) >= 4 and len(set(colours)) == len(colours)
    nodes = page.evaluate("() => window.bioregionMap.nodes().map(n => [n.data('raw').kind, n.data('colour'), "
                          "n.data('shape')])")
    palette = json.loads(page.locator("#map-data").text_content())["palette"]["kinds"]
    assert all(colour == palette[kind]["colour"] and shape == palette[kind]["shape"] for kind, colour, shape in nodes)
    assert {text for text, _ in legend} == {kind.replace("_", " ") for kind, _, _ in nodes}


def test_accept_an_edited_candidate_from_the_review_queue(server, page):
    log_in(server, page)
    page.goto(server + "/review")
    page.click(f"#c-{candidate_id(CANDIDATES[0])} >> text=Details and edit")
    page.fill("input[name=date]", "2021-09-03")
    page.fill("textarea[name=terms]", "upfront 35000000 USD")
    page.click("text=Accept with these values")
    page.wait_for_url("**/review?accepted=*")
    notice = page.locator("p.notice").inner_text()
    assert "accept candidate from orbelix.txt" in notice
    relation = notice.rsplit("relation ", 1)[1].strip()
    page.goto(server + "/relations/" + relation)
    facts = page.locator("table.facts-table").inner_text()
    assert "2021-09-03" in facts and "upfront USD 35M" in facts
    assert "Orbelix licensed ORB-1 to Gilead." in page.locator("blockquote").inner_text()
    page.goto(server + "/review")
    assert page.locator("section.candidate").count() == 1


def test_edit_a_relation_in_its_form(server, page):
    log_in(server, page)
    page.goto(server + "/relations/r4")
    page.click("text=Edit")
    page.wait_for_url("**/relations/r4/edit")
    page.fill("input[name=date_announced]", "2011-03")
    page.select_option("select[name=stage_at_signing]", "phase1")
    page.fill("textarea[name=terms]", "research_funding 5000000 EUR")
    page.click("form.stack button")
    page.wait_for_url("**/relations/r4")
    facts = page.locator("table.facts-table").inner_text()
    assert "2011-03" in facts and "phase1" in facts and "research_funding EUR 5M" in facts
    page.goto(server + "/changes")
    assert "update relation r4" in page.locator("table").inner_text()


def test_log_in_and_edit_an_organisation(server, page):
    log_in(server, page)
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
